#include "ccteam/metrics/agent_states.hpp"

#include <algorithm>
#include <cmath>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "ccteam/metrics/pseudonym.hpp"

namespace ccteam::metrics {

namespace {

using std::chrono::seconds;

struct Group {
  StateTally tally;
  std::unordered_set<std::string> agents;
};

using Field = double StateTally::*;

Field state_field(AgentState s) {
  switch (s) {
    case AgentState::available:
      return &StateTally::available_s;
    case AgentState::on_call:
      return &StateTally::on_call_s;
    case AgentState::wrap_up:
      return &StateTally::wrap_up_s;
    case AgentState::break_:
      return &StateTally::break_s;
    case AgentState::other:
      break;
  }
  return &StateTally::other_s;
}

// Whether being in 'state' keeps a block of 'activity'.
bool keeps(Activity activity, AgentState state) {
  switch (activity) {
    case Activity::work:
      return state == AgentState::available || state == AgentState::on_call ||
             state == AgentState::wrap_up;
    case Activity::break_:
      return state == AgentState::break_;
    case Activity::other:
      break;
  }
  return state == AgentState::other;
}

}  // namespace

std::optional<double> StateTally::occupancy() const {
  double ready = on_call_s + wrap_up_s + available_s;
  if (ready <= 0) return std::nullopt;
  return (on_call_s + wrap_up_s) / ready;
}

std::optional<double> StateTally::adherence() const {
  if (scheduled_s <= 0) return std::nullopt;
  return adhered_s / scheduled_s;
}

struct StateBuilder::State {
  MetricsOptions options;
  std::unordered_map<std::string, std::vector<ScheduleBlock>> schedule;  // by agent, by start
  // Per agent and block: the latest end of the blocks up to it (blocks may overlap), so that a
  // state finds the first block still running at its start by binary search, not by a walk
  // from the agent's first block (that walk made a long log quadratic).
  std::unordered_map<std::string, std::vector<UtcTime::duration::rep>> reach;
  std::unordered_map<std::string, std::string> team_of;  // agents seen in spans
  std::map<std::string, Group> named;
  std::map<long, Group> intervals;
  Group total;
  StateReport report;

  // Adds 'length' seconds from wall-clock 'local' (seconds since the epoch) to 'field' of the
  // groups of 'agent', split at interval boundaries when grouped by interval.
  void distribute(const std::string& agent, const std::string& team, double local, double length,
                  Field field) {
    if (length <= 0) return;
    total.tally.*field += length;
    total.agents.insert(agent);
    switch (options.by) {
      case GroupBy::agent:
      case GroupBy::team: {
        Group& g = named[options.by == GroupBy::agent ? agent : team];
        g.tally.*field += length;
        g.agents.insert(agent);
        return;
      }
      case GroupBy::queue:
        return;
      case GroupBy::interval:
        break;
    }
    double end = local + length;
    while (local < end) {
      LocalTime start = interval_start(LocalTime{seconds{static_cast<long>(std::floor(local))}},
                                       options.interval);
      // The next boundary: a week's start is a Monday, so adding the length is exact.
      double next = static_cast<double>((start.time_since_epoch() + options.interval).count());
      double piece = std::min(end, next) - local;
      Group& g = intervals[start.time_since_epoch().count()];
      g.tally.*field += piece;
      g.agents.insert(agent);
      local += piece;
    }
  }
};

StateBuilder::StateBuilder(MetricsOptions options, std::vector<ScheduleBlock> schedule)
    : m_state(std::make_unique<State>()) {
  m_state->options = std::move(options);
  for (ScheduleBlock& b : schedule) {
    if (m_state->options.retention_cutoff &&
        LocalTime{b.start.time_since_epoch() + b.utc_offset} < *m_state->options.retention_cutoff)
      continue;
    m_state->schedule[b.agent].push_back(std::move(b));
  }
  for (auto& [agent, blocks] : m_state->schedule) {
    std::ranges::sort(blocks, {}, &ScheduleBlock::start);
    std::vector<UtcTime::duration::rep>& reach = m_state->reach[agent];
    reach.reserve(blocks.size());
    for (const ScheduleBlock& b : blocks) {
      UtcTime::duration::rep end = b.end.time_since_epoch().count();
      reach.push_back(reach.empty() ? end : std::max(reach.back(), end));
    }
  }
}

StateBuilder::~StateBuilder() = default;

void StateBuilder::add(const StateSpan& span) {
  State& s = *m_state;
  const MetricsOptions& o = s.options;
  if (o.retention_cutoff && span.local_start() < *o.retention_cutoff) {
    ++s.report.beyond_retention;
    return;
  }
  if (!o.team_filter.empty() && span.team != o.team_filter) {
    ++s.report.filtered_out;
    return;
  }
  ++s.report.spans;
  s.team_of.try_emplace(span.agent, span.team);
  double local = static_cast<double>(span.local_start().time_since_epoch().count());
  s.distribute(span.agent, span.team, local, span.duration.count(), state_field(span.state));
  auto it = s.schedule.find(span.agent);
  if (it == s.schedule.end()) return;
  UtcTime::duration::rep from = span.start.time_since_epoch().count();
  double to = static_cast<double>(from) + span.duration.count();
  const std::vector<UtcTime::duration::rep>& reach = s.reach[span.agent];
  // Blocks before the first whose reach passes 'from' all end by 'from'.
  auto first = std::ranges::upper_bound(reach, from) - reach.begin();
  for (const ScheduleBlock& b : std::span(it->second).subspan(static_cast<std::size_t>(first))) {
    double b0 = static_cast<double>(b.start.time_since_epoch().count());
    double b1 = static_cast<double>(b.end.time_since_epoch().count());
    if (b0 >= to) break;
    if (b1 <= static_cast<double>(from) || !keeps(b.activity, span.state)) continue;
    double a = std::max(b0, static_cast<double>(from)), z = std::min(b1, to);
    s.distribute(span.agent, span.team, a + static_cast<double>(b.utc_offset.count()), z - a,
                 &StateTally::adhered_s);
  }
}

StateReport StateBuilder::finish() {
  State& s = *m_state;
  const MetricsOptions& o = s.options;
  // Scheduled time, attributed to the agent's team as seen in the state log.
  for (const auto& [agent, blocks] : s.schedule) {
    auto team = s.team_of.find(agent);
    if (team == s.team_of.end()) {
      ++s.report.scheduled_without_states;
      if (!o.team_filter.empty()) continue;  // the agent's team is unknown
    }
    const std::string& team_name = team == s.team_of.end() ? std::string() : team->second;
    for (const ScheduleBlock& b : blocks) {
      double local = static_cast<double>(b.start.time_since_epoch().count() + b.utc_offset.count());
      s.distribute(agent, team_name, local, static_cast<double>((b.end - b.start).count()),
                   &StateTally::scheduled_s);
    }
  }
  StateReport report = std::move(s.report);
  Pseudonymizer pseudonym(o.pseudonym_key);
  auto make_row = [](const Group& g) {
    StateRow row;
    row.agents = static_cast<int>(g.agents.size());
    row.tally = g.tally;
    return row;
  };
  for (const auto& [key, g] : s.named) {
    StateRow row = make_row(g);
    row.key = o.by == GroupBy::agent && o.pseudonymise ? pseudonym(key) : key;
    report.rows.push_back(std::move(row));
  }
  std::ranges::sort(report.rows, {}, &StateRow::key);
  for (const auto& [start, g] : s.intervals) {
    StateRow row = make_row(g);
    row.start = LocalTime{seconds{start}};
    report.rows.push_back(std::move(row));
  }
  report.total = make_row(s.total);
  return report;
}

void attach_states(MetricsReport& report, const StateReport& states) {
  const MetricsOptions& o = report.options;
  // By agent the team counts (its total), as in metrics.hpp's rule for the call figures.
  auto apply = [&](MetricsRow& row, const StateRow& state) {
    const int agents = o.by == GroupBy::agent ? states.total.agents : state.agents;
    bool suppress = agents < o.min_group;
    if (suppress) {
      row.states_suppressed = true;
      return;
    }
    row.occupancy = state.tally.occupancy();
    row.adherence = state.tally.adherence();
  };
  for (const StateRow& state : states.rows) {
    auto same = [&](const MetricsRow& row) {
      return state.start ? row.start == state.start : row.key == state.key;
    };
    auto it = std::ranges::find_if(report.rows, same);
    if (it == report.rows.end()) {
      MetricsRow row;
      row.key = state.key;
      row.start = state.start;
      report.rows.push_back(std::move(row));
      it = report.rows.end() - 1;
    }
    apply(*it, state);
  }
  apply(report.total, states.total);
  std::ranges::sort(report.rows, [](const MetricsRow& a, const MetricsRow& b) {
    if (a.start && b.start) return *a.start < *b.start;
    return a.key < b.key;
  });
}

}  // namespace ccteam::metrics
