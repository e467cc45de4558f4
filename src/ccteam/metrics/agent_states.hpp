#pragma once
// Occupancy and schedule adherence from an agent-state log (docs/agent-states-format.md). Pure:
// state spans come in one at a time, the schedule (small: one row per agent and activity block)
// is held in memory; no I/O, no clock.
//
// Definitions (Cleveland, "Call Center Management on Fast Forward", 3rd ed., ICMI 2012, the
// chapters on occupancy and on schedule adherence; the same in Koole, "Call Center
// Optimization", MG books 2013, section 1.4):
//   occupancy  = (on call + wrap-up) / (on call + wrap-up + available): the share of the time
//                agents were ready for calls that they spent handling them. Break and other
//                logged-in time are in neither part.
//   adherence  = time in the scheduled activity / scheduled time, over the schedule's blocks:
//                a "work" block is kept by being available, on call or in wrap-up; a "break"
//                block by being on break; an "other" block (meeting, training) by the state
//                "other". Time logged out, or in another state, during a block is out of
//                adherence. Unscheduled time is not counted.
// Both are summed per group (agent, team, interval of 15/30/60 min, day or week, as in
// MetricsOptions): a span that crosses an interval boundary (or midnight) is split at it, by
// the call center's wall-clock time. Works-council rules as in metrics.hpp: a row with fewer
// than 'min_group' distinct agents shows neither figure (unless grouped by agent, which needs
// a team filter); agent ids are pseudonymised by the report (metrics::attach_states).

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ccteam/metrics/call_record.hpp"
#include "ccteam/metrics/metrics.hpp"

namespace ccteam::metrics {

enum class AgentState : std::uint8_t { available, on_call, wrap_up, break_, other };
enum class Activity : std::uint8_t { work, break_, other };

// One stretch of time an agent spent in one state.
struct StateSpan {
  std::string agent;  // not empty
  std::string team;   // empty: unknown
  AgentState state = AgentState::available;
  UtcTime start{};
  Seconds duration{0};                 // > 0
  std::chrono::seconds utc_offset{0};  // wall clock = instant + offset
  int source_line = 0;
  LocalTime local_start() const { return LocalTime{start.time_since_epoch() + utc_offset}; }
};

// One scheduled block of an agent.
struct ScheduleBlock {
  std::string agent;
  Activity activity = Activity::work;
  UtcTime start{};
  UtcTime end{};  // > start
  std::chrono::seconds utc_offset{0};
  int source_line = 0;
};

// Seconds per state, and scheduled / adhered seconds, of one group.
struct StateTally {
  double available_s = 0, on_call_s = 0, wrap_up_s = 0, break_s = 0, other_s = 0;
  double scheduled_s = 0, adhered_s = 0;
  std::optional<double> occupancy() const;  // nullopt when no on-call, wrap-up or available time
  std::optional<double> adherence() const;  // nullopt when nothing was scheduled
};

struct StateRow {
  std::string key;                 // agent (real id) or team; empty for intervals
  std::optional<LocalTime> start;  // interval rows
  int agents = 0;                  // distinct agents with state time in the row
  StateTally tally;
};

struct StateReport {
  std::vector<StateRow> rows;  // by key or in time order
  StateRow total;
  long spans = 0;                     // spans counted
  long filtered_out = 0;              // spans of other teams
  long beyond_retention = 0;          // spans that started before the retention cutoff
  long scheduled_without_states = 0;  // scheduled agents with no state span (of the team)
};

// Streams state spans into per-group tallies; the schedule is given up front (the adherence of
// a span is its overlap with the agent's blocks of a matching activity). Memory: the schedule
// plus one tally per group; not per span.
class StateBuilder {
 public:
  // 'options' must pass check_options (by == queue gives only the total).
  StateBuilder(MetricsOptions options, std::vector<ScheduleBlock> schedule);
  ~StateBuilder();
  StateBuilder(const StateBuilder&) = delete;
  StateBuilder& operator=(const StateBuilder&) = delete;

  void add(const StateSpan& span);
  StateReport finish();

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

// Adds occupancy and adherence to the rows of a call metrics report built with the same
// options: rows are matched by key (agent, team) or interval start; a group with state time
// but no calls gets a row of its own. Pseudonymises agent keys as the report does. Rows with
// fewer than min_group agents (states or calls) do not show the figures.
void attach_states(MetricsReport& report, const StateReport& states);

}  // namespace ccteam::metrics
