#pragma once
// Staffing solvers: the fewest agents that meet service targets (alone or together), and the
// reverse calculation (given agents: service level, ASA, occupancy, abandonment).
//
// Every metric of Erlang C and Erlang A improves (or stays) as agents are added: service level
// rises, ASA, abandonment and occupancy fall (Gans, Koole & Mandelbaum 2003, section 4.1; for
// Erlang A, Garnett, Mandelbaum & Reiman 2002). So the fewest agents meeting all targets is found
// by walking upwards from a lower bound (the smallest N with a / N <= max occupancy, and for
// Erlang C N > a), carrying Erlang B along by its recursion: O(N) per interval.

#include <optional>

#include "ccteam/staffing/erlang.hpp"

namespace ccteam::staffing {

// "80 % of calls answered within 20 s": fraction 0.8, answer_time 20 s.
struct ServiceLevelTarget {
  double fraction = 0.8;    // 0 < fraction < 1
  Seconds answer_time{20};  // >= 0
};

// Targets to meet together; an empty one is not a constraint. At least one must be set.
struct Targets {
  std::optional<ServiceLevelTarget> service_level;
  std::optional<Seconds> max_asa;       // > 0, per Definitions::asa
  std::optional<double> max_abandon;    // 0 < share < 1; needs patience (Erlang A)
  std::optional<double> max_occupancy;  // 0 < share <= 1
};

// Which queue: Erlang C (no patience) or Erlang A (exponential patience with this mean).
struct QueueModel {
  std::optional<Seconds> patience;  // empty: Erlang C; set: Erlang A
  Definitions definitions;
};

// Checks targets on their own: each value in range and at least one set, and targets no finite
// team can meet (service level 100 %, ASA 0 s, abandonment 0 % with patient callers).
// Fails with MsgId::staffing_bad_target or staffing_impossible_target naming the target.
Result<Targets> check_targets(const Targets& targets, const QueueModel& model);

// The service level and ASA of the targets as evaluated for 'agents' (reverse calculation).
// The answer time of the service level target is used; 20 s when there is none.
// Fails like erlang_c / erlang_a.
Result<QueueMetrics> evaluate(int agents, const Workload& workload, const Targets& targets,
                              const QueueModel& model);

// The fewest agents meeting every target in 'targets', with the metrics at that count.
// No calls: 0 agents. Fails with check_targets' errors, erlang_c / erlang_a's input errors,
// or MsgId::staffing_unreachable when k_max_agents are not enough.
Result<QueueMetrics> solve_agents(const Workload& workload, const Targets& targets,
                                  const QueueModel& model);

// True when 'm' meets every target (Erlang C unstable never does).
bool meets(const QueueMetrics& m, const Targets& targets);

}  // namespace ccteam::staffing
