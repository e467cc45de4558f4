#include "server/job_worker.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <utility>

#include "app/workspace/applications.hpp"

namespace ccteam::server {

JobWorker::JobWorker(app::JobRunner& runner, store::Uuid organisation,
                     std::function<void(std::string_view)> log,
                     std::chrono::milliseconds poll_interval, bool maintenance)
    : m_runner(runner),
      m_organisation(organisation),
      m_log(std::move(log)),
      m_poll_interval(poll_interval),
      m_maintenance(maintenance),
      m_thread([this] { loop(); }) {}

JobWorker::~JobWorker() {
  m_runner.request_stop();  // a simulation under way stops after its current replications
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_thread.join();
}

void JobWorker::loop() {
  std::string queued_key;
  bool failing = false;
  while (true) {
    {
      std::unique_lock lock(m_mutex);
      if (m_wake.wait_for(lock, m_poll_interval, [this] { return m_stop; })) return;
    }
    std::string key = app::prune_dedupe_key(m_runner.now());
    Result<int> ran = 0;
    if (m_maintenance && key != queued_key) {
      // Maintenance and the retention of applications, once an hour however many nodes queue
      // them.
      auto queued = m_runner.enqueue(m_organisation, std::string(app::k_prune_job), "{}", key);
      if (queued) {
        queued = m_runner.enqueue(m_organisation, std::string(app::k_application_retention_job),
                                  "{}", "retention-" + key);
      }
      if (queued) queued_key = key;
      if (!queued) ran = tl::unexpected(std::move(queued).error());
    }
    // One job at a time, so that a stop waits for one job at most.
    while (ran) {
      ran = m_runner.run_due(1);
      if (!ran || *ran == 0) break;
      std::lock_guard lock(m_mutex);
      if (m_stop) return;
    }
    if (!ran && !failing && m_log) {
      std::string why = render(ran.error(), Lang::en);
      m_log(fmt::format(R"({{"level":"warn","event":"jobs_failed","node":"{}","error":{}}})",
                        m_runner.node_id(), nlohmann::json(why).dump()));
    }
    failing = !ran;
  }
}

}  // namespace ccteam::server
