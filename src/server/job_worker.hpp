#pragma once
// This node's share of the background jobs (app::JobRunner): a thread that, about once a
// second, queues the hour's maintenance job (once per hour however many nodes queue it) and runs
// whatever is due, until it is destroyed. A database that is away is logged once and retried.

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "app/workspace/jobs.hpp"

namespace ccteam::server {

class JobWorker {
 public:
  // 'maintenance': whether this worker queues the hourly maintenance and retention jobs (one
  // worker per node does; a worker for one kind of job, such as reading documents, does not).
  JobWorker(app::JobRunner& runner, store::Uuid organisation,
            std::function<void(std::string_view)> log,
            std::chrono::milliseconds poll_interval = std::chrono::seconds{1},
            bool maintenance = true);
  JobWorker(const JobWorker&) = delete;
  JobWorker& operator=(const JobWorker&) = delete;
  // Asks the job under way to stop (app::JobRunner::request_stop) and joins the thread.
  ~JobWorker();

 private:
  void loop();

  app::JobRunner& m_runner;
  store::Uuid m_organisation;
  std::function<void(std::string_view)> m_log;
  std::chrono::milliseconds m_poll_interval;
  bool m_maintenance = true;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stop = false;  // guarded by m_mutex
  std::thread m_thread;
};

}  // namespace ccteam::server
