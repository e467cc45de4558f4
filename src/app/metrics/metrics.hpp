#pragma once
// Use case of team performance from call records (`ccteam metrics`, later the server's metrics
// page): the figures per interval, agent, team or queue under works-council rules, optionally
// with occupancy and adherence from an agent-state log and a schedule.

#include <optional>
#include <string>

#include "app/environment.hpp"
#include "app/metrics/call_source.hpp"
#include "ccteam/core/date.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/metrics/metrics.hpp"
#include "io/metrics/call_records.hpp"

namespace ccteam::app {

struct MetricsRequest {
  CallSource calls;
  // Grouping, interval, definitions, works-council rules (defaults there). options.retention_cutoff
  // is computed from retention_days; an empty pseudonym_key is replaced by a random one (agents
  // then get new pseudonyms on every run).
  metrics::MetricsOptions options;
  std::optional<int> retention_days;  // calls older than 'as_of' minus this many days are not
                                      // counted; >= 0
  std::optional<Date> as_of;          // the day the retention counts back from; empty: today
  std::string states;                 // agent-state log (docs/agent-states-format.md); empty: none
  std::string schedule;               // schedule for adherence; needs 'states'
};

// The options of the request as the report uses them: the retention cutoff is the start of the
// day (as_of or env.today) minus retention_days; the key filled in. Errors:
// MsgId::metrics_schedule_needs_states (usage); MsgId::metrics_bad_argument at "/retention_days"
// for a negative count; metrics::check_options' errors.
Result<metrics::MetricsOptions> metrics_options(const MetricsRequest& request,
                                                const Environment& env);

struct MetricsRun {
  metrics::MetricsReport report;
  io::ReadSummary calls;                    // rows read, skipped (warnings) and their errors
  std::optional<io::ReadSummary> schedule;  // when requested and read
  std::optional<io::ReadSummary> states;    // when requested and read
  // True when an input was unusable: the report is incomplete and the run stopped there (the
  // unusable file's summary is the last one set).
  bool stopped = false;
};

// Reads the calls (then the schedule and the agent states, when requested) and computes the
// report. Fails only on the request's options (metrics_options); an unusable file stops the run
// (MetricsRun::stopped) with the summaries read so far.
Result<MetricsRun> compute_metrics(const MetricsRequest& request, const Environment& env,
                                   const RecordTick& tick = {});

// MsgId::metrics_no_records_why (invalid_input, at the call file) when nothing was counted and
// no agent states were given; nullopt otherwise.
std::optional<Error> nothing_counted(const MetricsRun& run, const MetricsRequest& request);

// 128 random bits as 32 hex digits (std::random_device), for a pseudonym key nobody knows.
std::string random_pseudonym_key();

}  // namespace ccteam::app
