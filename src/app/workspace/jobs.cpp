#include "app/workspace/jobs.hpp"

#include <utility>

#include <nlohmann/json.hpp>

#include "ccteam/access/access.hpp"

namespace ccteam::app {

JobRunner::JobRunner(store::Repository& repository, std::string node_id, JobSettings settings)
    : m_repository(repository), m_node_id(std::move(node_id)), m_settings(std::move(settings)) {}

store::UnixMillis JobRunner::now() const {
  return m_settings.clock ? m_settings.clock() : store::unix_millis_now();
}

void JobRunner::handle(std::string kind, JobHandler handler, RetryDelay retry) {
  if (!m_handlers.contains(kind)) m_kinds.push_back(kind);
  m_handlers[std::move(kind)] = Kind{std::move(handler), std::move(retry)};
}

Result<store::StoredJob> JobRunner::enqueue(const store::Uuid& organisation, std::string kind,
                                            std::string payload,
                                            std::optional<std::string> dedupe_key,
                                            store::UnixMillis run_after,
                                            std::int64_t max_attempts) {
  store::StoredJob job;
  job.organisation_id = organisation;
  job.kind = std::move(kind);
  job.payload = std::move(payload);
  job.dedupe_key = std::move(dedupe_key);
  job.run_after = run_after;
  job.max_attempts = max_attempts < 1 ? 1 : max_attempts;
  return m_repository.enqueue_job(std::move(job));
}

namespace {

// Progress of one claimed job, stored through the repository (throttled).
class StoredJobControl final : public JobControl {
 public:
  StoredJobControl(store::Repository& repository, const store::StoredJob& job,
                   const JobRunner& runner)
      : m_repository(repository), m_job(job), m_runner(runner) {}

  bool report(std::int64_t done, std::int64_t total) override {
    if (m_stop || m_runner.stopping()) return false;
    store::UnixMillis at = m_runner.now();
    if (done < total && m_last != 0 && at - m_last < k_job_progress_every.count()) return true;
    m_last = at;
    auto reported = m_repository.report_job_progress(m_job.id, m_runner.node_id(), done, total,
                                                     at + m_runner.lease().count());
    // A store that is briefly away does not stop the work; a lost job or a cancel does.
    if (reported) {
      m_stop = *reported;
    } else if (reported.error().kind == ErrorKind::conflict ||
               reported.error().kind == ErrorKind::not_found) {
      m_stop = true;
    }
    return !m_stop;
  }

 private:
  store::Repository& m_repository;
  const store::StoredJob& m_job;
  const JobRunner& m_runner;
  store::UnixMillis m_last = 0;
  bool m_stop = false;
};

}  // namespace

Result<int> JobRunner::run_due(int max_jobs) {
  int ran = 0;
  while (ran < max_jobs && !m_kinds.empty() && !stopping()) {
    store::UnixMillis at = now();
    CCTEAM_TRY(std::optional<store::StoredJob> claimed,
               m_repository.claim_job(m_node_id, m_kinds, at, at + m_settings.lease.count()));
    if (!claimed) break;
    ++ran;
    auto handler = m_handlers.find(claimed->kind);
    store::JobOutcome outcome;
    if (handler == m_handlers.end()) {
      outcome.text = render(msg(MsgId::job_unknown_kind, claimed->kind), Lang::en);
    } else if (StoredJobControl control(m_repository, *claimed, *this);
               auto result = handler->second.handler(*claimed, control)) {
      outcome.done = true;
      outcome.text = std::move(*result);
    } else {
      outcome.text = render(result.error().message, Lang::en);
    }
    std::chrono::milliseconds wait = m_settings.retry_after;
    if (handler != m_handlers.end() && handler->second.retry) {
      wait = handler->second.retry(claimed->attempts);
    }
    outcome.retry_at = now() + wait.count();
    auto finished = m_repository.finish_job(claimed->id, m_node_id, outcome);
    // A lease that ended meanwhile gave the job to another node: its outcome counts, not ours.
    if (!finished && finished.error().kind != ErrorKind::conflict) {
      return tl::unexpected(std::move(finished).error());
    }
  }
  return ran;
}

Result<std::vector<store::StoredJob>> JobRunner::list(const store::Uuid& organisation,
                                                      const store::JobQuery& query) const {
  return m_repository.jobs(organisation, query);
}

JobHandler prune_handler(store::Repository& repository, std::function<store::UnixMillis()> clock) {
  return [&repository, clock = std::move(clock)](const store::StoredJob&,
                                                 JobControl&) -> Result<std::string> {
    store::UnixMillis at = clock ? clock() : store::unix_millis_now();
    CCTEAM_TRY(store::PruneCounts pruned,
               repository.prune_expired(at, at - access::k_failure_window_ms,
                                        at - k_finished_job_retention_ms));
    return nlohmann::json{{"sessions", pruned.sessions},
                          {"sign_in_failures", pruned.sign_in_failures},
                          {"jobs", pruned.jobs}}
        .dump();
  };
}

std::string prune_dedupe_key(store::UnixMillis at) {
  return "hour-" + std::to_string(at / 3'600'000);
}

}  // namespace ccteam::app
