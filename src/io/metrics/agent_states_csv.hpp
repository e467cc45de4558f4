#pragma once
// Reading an agent-state log and an agent schedule (docs/agent-states-format.md), both CSV with
// times with zones, split by io/base/csv_splitter. The state log streams (constant memory); the
// schedule is small and read whole. A bad row is skipped and reported by line (the first
// 'max_errors'; all are counted per reason in the summary), as for call records.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/metrics/agent_states.hpp"
#include "io/metrics/call_records.hpp"

namespace ccteam::io {

using StateSink = std::function<void(const metrics::StateSpan&)>;

// Incremental parser of the state log: columns agent, state, start (required), team, end,
// duration_seconds (one of end and duration_seconds per row). Rejected rows: unknown state,
// malformed or zone-less time, end before start, end and duration that disagree, a span longer
// than 24 hours (metrics::k_max_plausible_duration).
std::unique_ptr<CallParser> make_agent_state_parser(std::string file, StateSink sink,
                                                    std::size_t max_errors = k_max_errors);
// Incremental parser of a schedule: columns agent, activity (work, break, other), start, end.
std::unique_ptr<CallParser> make_schedule_parser(std::string file,
                                                 std::vector<metrics::ScheduleBlock>& out,
                                                 std::size_t max_errors = k_max_errors);

// Whole texts (tests, fuzzing) and files ("-" = standard input).
ReadSummary parse_agent_states(std::string_view text, const std::string& file,
                               const StateSink& sink);
ReadSummary read_agent_states(const std::string& path, const StateSink& sink);
ReadSummary parse_schedule(std::string_view text, const std::string& file,
                           std::vector<metrics::ScheduleBlock>& out);
ReadSummary read_schedule(const std::string& path, std::vector<metrics::ScheduleBlock>& out);

}  // namespace ccteam::io
