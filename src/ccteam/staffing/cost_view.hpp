#pragma once
// The cost view of one interval: what N agents cost plus what waiting and abandoned calls cost,
// as a function of N, and the N that minimises the total ("economic staffing": Borst,
// Mandelbaum & Reiman 2004, "Dimensioning Large Call Centers", Operations Research 52(1);
// Koole 2013, Call Center Optimization, ch. 6).
//
//   staff(N)   = N x agent cost per hour x interval hours
//   waiting(N) = calls x mean wait of all callers (minutes) x cost per caller-minute
//   abandon(N) = calls x P(abandon) x cost per abandoned call   (Erlang A only)
//
// The mean wait is over all callers (Erlang C: C AHT / (N - a); Erlang A: E[queue] / lambda),
// whatever the model's ASA definition, because every waiting minute costs.

#include <vector>

#include "ccteam/core/money.hpp"
#include "ccteam/staffing/plan.hpp"
#include "ccteam/staffing/solve.hpp"

namespace ccteam::staffing {

// All three in one currency.
struct CostRates {
  Money agent_hour;             // loaded cost of one agent for one hour
  Money caller_waiting_minute;  // cost of one caller waiting one minute
  Money abandoned_call;         // cost of one call lost to abandonment
};

struct CostPoint {
  int agents = 0;
  Money staff, waiting, abandonment, total;
  QueueMetrics metrics;
};

struct CostCurve {
  std::vector<CostPoint> points;  // consecutive agent counts, from the first stable one
  std::size_t best = 0;           // index of the cheapest point (the fewest agents on a tie)
};

// From the first stable agent count (Erlang C: floor(a) + 1; Erlang A: 1) upwards until the
// staff cost alone exceeds the cheapest total found (no larger N can be cheaper). No calls: the
// single point N = 0. Fails on erlang_c / erlang_a's input errors, or with
// MsgId::staffing_bad_option ("currency") when the rates mix currencies or are negative.
Result<CostCurve> cost_curve(const Workload& workload, const QueueModel& model,
                             const CostRates& rates);

// The cost of exactly 'agents' agents on 'workload' (the terms above); the metrics' service
// level is for the answer time of 'targets' (20 s without one), as evaluate() does. Fails like
// evaluate() and like cost_curve on bad rates.
Result<CostPoint> cost_point(int agents, const Workload& workload, const QueueModel& model,
                             const CostRates& rates, const Targets& targets = {});

// One interval of a plan in the cost view: the plan's agents (meeting the targets) against the
// cheapest agent count.
struct IntervalCost {
  LocalTime start;
  CostPoint at_targets;    // the plan's agents
  CostPoint cost_optimal;  // the cheapest count (cost_curve's best)
};
// (Both points' service levels are for the plan's target answer time; cost_curve's own points
// use 0 s.)

// The cost view of every interval of 'plan' with its model. Fails like cost_curve, naming the
// interval's forecast line.
Result<std::vector<IntervalCost>> cost_view(const Plan& plan, const CostRates& rates);

// Intervals of the view with calls, and of those the ones whose cheapest count misses
// 'targets' (meets() of solve.hpp): the cheapest count then saves agents by making callers wait
// or give up, which the rates price low (an abandoned call at 0 costs nothing).
int open_intervals(const std::vector<IntervalCost>& view);
int cheapest_missing_targets(const std::vector<IntervalCost>& view, const Targets& targets);

// The loaded cost of one paid agent-hour from the agent role's pay band in options.country:
// the middle of the band (its bottom when open-ended), annualised as cost_plan does, times
// (1 + on-cost factor), divided by the paid hours of a year (paid hours per FTE x 52). Empty
// when the role has no band there (and no market reference is allowed to stand in).
std::optional<Money> agent_hour_cost(const catalog::Catalog& catalog, const PlanOptions& plan,
                                     const CostOptions& options);

}  // namespace ccteam::staffing
