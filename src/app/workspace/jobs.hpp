#pragma once
// Background jobs as use cases: queue work, and run what is due on this node. Jobs live in the
// database (store::Repository::enqueue_job, claim_job, finish_job), so whichever node is free
// runs the next one and no job is lost when a node stops. A node claims only the kinds it has a
// handler for (a rolling upgrade leaves new kinds to new nodes), holds a claimed job for 'lease'
// and must finish it within that time, else another node takes it over: handlers must be
// idempotent (running one twice does no harm). A failed attempt is tried again after
// 'retry_after', up to the job's max_attempts.
//
// The maintenance job (k_prune_job, once an hour however many nodes queue it) removes expired
// sessions, sign-in failures older than the throttling window and jobs finished more than 30
// days ago.
//
// Thread safety: handle() before the first run_due(); then any number of threads may call
// run_due() and enqueue().

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"
#include "store/repository.hpp"

namespace ccteam::app {

struct JobSettings {
  std::chrono::milliseconds lease{std::chrono::minutes{5}};
  std::chrono::milliseconds retry_after{std::chrono::seconds{30}};
  std::function<store::UnixMillis()> clock;  // empty: the system clock
};

// What a running handler reports while it works.
class JobControl {
 public:
  virtual ~JobControl() = default;
  // Records that 'done' of 'total' units are done (stored at most about every
  // k_job_progress_every, and always when done == total; each store also extends the lease).
  // Returns false when the handler should stop: someone cancelled the job, or this node no
  // longer holds it. Callable from any thread, one call at a time.
  virtual bool report(std::int64_t done, std::int64_t total) = 0;
};
inline constexpr std::chrono::milliseconds k_job_progress_every{500};

// A kind's work: reads job.payload (JSON), does the work (reporting progress to 'control' and
// stopping when it says so) and returns the result as JSON, or the error that fails this
// attempt.
using JobHandler =
    std::function<Result<std::string>(const store::StoredJob& job, JobControl& control)>;
// The wait before a kind's next attempt after 'failed' failed attempts (1, 2, ...): back-off.
using RetryDelay = std::function<std::chrono::milliseconds(std::int64_t failed)>;

class JobRunner {
 public:
  // 'node_id' names this node in claimed_by (host name and process id, for example).
  JobRunner(store::Repository& repository, std::string node_id, JobSettings settings = {});

  // Runs jobs of 'kind' with 'handler'; a failed attempt is tried again after 'retry' (empty:
  // JobSettings::retry_after each time).
  void handle(std::string kind, JobHandler handler, RetryDelay retry = {});

  // Queues a job of 'kind' (with a dedupe_key: once, however often queued) to run from
  // 'run_after' (0: now).
  Result<store::StoredJob> enqueue(const store::Uuid& organisation, std::string kind,
                                   std::string payload,
                                   std::optional<std::string> dedupe_key = std::nullopt,
                                   store::UnixMillis run_after = 0, std::int64_t max_attempts = 3);

  // Claims and runs due jobs one after the other until none is due or 'max_jobs' ran; returns
  // how many ran (failed attempts included). Errors of the store end the loop.
  Result<int> run_due(int max_jobs = 100);

  // The organisation's jobs, newest first (for operators: GET /api/v1/jobs).
  Result<std::vector<store::StoredJob>> list(const store::Uuid& organisation,
                                             const store::JobQuery& query) const;

  // The lease this runner claims jobs for (and extends on each progress report).
  std::chrono::milliseconds lease() const { return m_settings.lease; }

  // Asks the job under way to stop (its next progress report returns false) and runs no more:
  // for a node that shuts down. The stopped job fails this attempt and is tried again, by
  // another node or after the restart. Callable from any thread.
  void request_stop() { m_stopping.store(true); }
  bool stopping() const { return m_stopping.load(); }

  const std::string& node_id() const { return m_node_id; }
  store::UnixMillis now() const;

 private:
  store::Repository& m_repository;
  std::string m_node_id;
  JobSettings m_settings;
  struct Kind {
    JobHandler handler;
    RetryDelay retry;
  };
  std::map<std::string, Kind, std::less<>> m_handlers;
  std::vector<std::string> m_kinds;
  std::atomic<bool> m_stopping{false};
};

// The maintenance job: prunes expired sessions, sign-in failures older than the throttling
// window and jobs finished more than 30 days ago; result {"sessions": N, "sign_in_failures": M,
// "jobs": K}.
inline constexpr std::string_view k_prune_job = "maintenance.prune";
inline constexpr std::int64_t k_finished_job_retention_ms = 30LL * 24 * 3600 * 1000;
JobHandler prune_handler(store::Repository& repository, std::function<store::UnixMillis()> clock);
// The dedupe key of the maintenance job of the hour of 'at' ("hour-492478"): every node queues
// the same one, so it runs once an hour.
std::string prune_dedupe_key(store::UnixMillis at);

}  // namespace ccteam::app
