#include "app/metrics/metrics.hpp"

#include <random>

#include <fmt/format.h>

#include "ccteam/metrics/agent_states.hpp"
#include "io/metrics/agent_states_csv.hpp"
#include "io/metrics/metrics_text.hpp"

namespace ccteam::app {

using namespace ccteam::metrics;

std::string random_pseudonym_key() {
  std::random_device device;
  std::string key;
  for (int i = 0; i < 4; ++i) key += fmt::format("{:08x}", device());
  return key;
}

Result<MetricsOptions> metrics_options(const MetricsRequest& request, const Environment& env) {
  if (!request.schedule.empty() && request.states.empty()) {
    return tl::unexpected(Error::usage(msg(MsgId::metrics_schedule_needs_states)));
  }
  MetricsOptions o = request.options;
  if (o.pseudonym_key.empty()) o.pseudonym_key = random_pseudonym_key();
  if (request.retention_days) {
    if (*request.retention_days < 0) {
      return tl::unexpected(
          io::unusable_value("/retention_days", std::to_string(*request.retention_days)));
    }
    std::chrono::sys_days today{request.as_of.value_or(env.today)};
    o.retention_cutoff =
        LocalTime{(today - std::chrono::days{*request.retention_days}).time_since_epoch()};
  }
  if (auto ok = check_options(o); !ok) return tl::unexpected(ok.error());
  return o;
}

Result<MetricsRun> compute_metrics(const MetricsRequest& request, const Environment& env,
                                   const RecordTick& tick) {
  CCTEAM_TRY(MetricsOptions options, metrics_options(request, env));
  MetricsRun run;
  MetricsBuilder builder(options);
  run.calls = read_calls(
      request.calls, [&](const CallRecord& r) { builder.add(r); }, tick);
  if (run.calls.unusable) {
    run.stopped = true;
    return run;
  }
  run.report = builder.finish();
  if (request.states.empty()) return run;
  std::vector<ScheduleBlock> blocks;
  if (!request.schedule.empty()) {
    run.schedule = io::read_schedule(request.schedule, blocks);
    if (run.schedule->unusable) {
      run.stopped = true;
      return run;
    }
  }
  StateBuilder states(options, std::move(blocks));
  run.states = io::read_agent_states(request.states, [&](const StateSpan& s) { states.add(s); });
  if (run.states->unusable) {
    run.stopped = true;
    return run;
  }
  attach_states(run.report, states.finish());
  return run;
}

std::optional<Error> nothing_counted(const MetricsRun& run, const MetricsRequest& request) {
  if (run.report.records != 0 || !request.states.empty()) return std::nullopt;
  return Error::invalid_input(
      msg(MsgId::metrics_no_records_why, run.calls.rows, run.calls.skipped_total(),
          run.report.beyond_retention, run.report.filtered_out),
      SourcePos{request.calls.file, 0, 0, ""});
}

}  // namespace ccteam::app
