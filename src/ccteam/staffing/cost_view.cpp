#include "ccteam/staffing/cost_view.hpp"

#include <algorithm>
#include <cmath>

#include "ccteam/staffing/erlang_detail.hpp"

namespace ccteam::staffing {

namespace {

Money money(double minor, const Currency& currency) {
  return Money{static_cast<std::int64_t>(std::llround(minor)), currency};
}

std::optional<tl::unexpected<Error>> check_rates(const CostRates& rates) {
  const Currency& cur = rates.agent_hour.currency;
  // The first rate that is negative or in another currency than the agent-hour's.
  for (const auto& [pointer, rate] :
       {std::pair{"/agent_hour", &rates.agent_hour},
        std::pair{"/caller_waiting_minute", &rates.caller_waiting_minute},
        std::pair{"/abandoned_call", &rates.abandoned_call}}) {
    if (rate->currency == cur && rate->minor >= 0) continue;
    return tl::unexpected(Error::invalid_input(
        msg(MsgId::staffing_bad_option, pointer, to_major(*rate)), SourcePos{{}, 0, 0, pointer}));
  }
  return std::nullopt;
}

// The cost terms of 'n' agents with metrics 'm' (mean wait over all callers).
CostPoint point_of(int n, const QueueMetrics& m, const Workload& workload, const CostRates& rates) {
  const Currency& cur = rates.agent_hour.currency;
  double staff =
      static_cast<double>(rates.agent_hour.minor) * n * workload.interval.count() / 3600.0;
  double waiting = std::isfinite(m.asa.count())
                       ? workload.calls * m.asa.count() / 60 *
                             static_cast<double>(rates.caller_waiting_minute.minor)
                       : 0;
  double abandon = workload.calls * m.p_abandon * static_cast<double>(rates.abandoned_call.minor);
  return {n,
          money(staff, cur),
          money(waiting, cur),
          money(abandon, cur),
          money(staff + waiting + abandon, cur),
          m};
}

}  // namespace

Result<CostCurve> cost_curve(const Workload& workload, const QueueModel& model,
                             const CostRates& rates) {
  const Currency& cur = rates.agent_hour.currency;
  if (auto bad = check_rates(rates)) return *bad;
  QueueModel all_callers = model;
  all_callers.definitions.asa = AsaDefinition::over_all_callers;
  Targets none;
  auto zero = evaluate(0, workload, none, all_callers);  // checks the workload
  if (!zero) return tl::unexpected(zero.error());
  const double a = zero->offered_load_erlangs;
  const double hours = workload.interval.count() / 3600.0;
  const auto staff_minor = [&](int n) {
    return static_cast<double>(rates.agent_hour.minor) * n * hours;
  };
  CostCurve curve;
  if (a == 0) {
    curve.points.push_back({0, money(0, cur), money(0, cur), money(0, cur), money(0, cur), *zero});
    return curve;
  }
  int n = model.patience ? 1 : static_cast<int>(std::floor(a)) + 1;
  double b = detail::erlang_b_recursion(n, a);
  double best_total = INFINITY;
  for (; n <= k_max_agents; ++n, b = detail::erlang_b_next(n, a, b)) {
    if (staff_minor(n) > best_total) break;
    Result<QueueMetrics> m =
        model.patience ? detail::erlang_a_given_b(n, a, b, workload.handle_time, *model.patience,
                                                  Seconds{0}, all_callers.definitions)
                       : Result<QueueMetrics>(detail::erlang_c_given_b(
                             n, a, b, workload.handle_time, Seconds{0}, all_callers.definitions));
    if (!m) return tl::unexpected(m.error());
    curve.points.push_back(point_of(n, *m, workload, rates));
    double total = static_cast<double>(curve.points.back().total.minor);
    if (total < best_total) {
      best_total = total;
      curve.best = curve.points.size() - 1;
    }
  }
  return curve;
}

Result<CostPoint> cost_point(int agents, const Workload& workload, const QueueModel& model,
                             const CostRates& rates, const Targets& targets) {
  if (auto bad = check_rates(rates)) return *bad;
  QueueModel all_callers = model;
  all_callers.definitions.asa = AsaDefinition::over_all_callers;
  auto m = evaluate(agents, workload, targets, all_callers);
  if (!m) return tl::unexpected(m.error());
  return point_of(agents, *m, workload, rates);
}

Result<std::vector<IntervalCost>> cost_view(const Plan& plan, const CostRates& rates) {
  std::vector<IntervalCost> out;
  out.reserve(plan.intervals.size());
  for (const IntervalPlan& i : plan.intervals) {
    auto curve = cost_curve(i.workload, plan.options.model, rates);
    if (!curve) return tl::unexpected(curve.error());
    const auto& targets = plan.options.targets;
    auto at = cost_point(i.agents.agents, i.workload, plan.options.model, rates, targets);
    if (!at) return tl::unexpected(at.error());
    auto cheapest = cost_point(curve->points[curve->best].agents, i.workload, plan.options.model,
                               rates, targets);
    if (!cheapest) return tl::unexpected(cheapest.error());
    out.push_back({i.start, *at, *cheapest});
  }
  return out;
}

int open_intervals(const std::vector<IntervalCost>& view) {
  return static_cast<int>(std::ranges::count_if(
      view, [](const IntervalCost& c) { return c.at_targets.metrics.offered_load_erlangs > 0; }));
}

int cheapest_missing_targets(const std::vector<IntervalCost>& view, const Targets& targets) {
  return static_cast<int>(std::ranges::count_if(view, [&](const IntervalCost& c) {
    return c.at_targets.metrics.offered_load_erlangs > 0 && !meets(c.cost_optimal.metrics, targets);
  }));
}

std::optional<Money> agent_hour_cost(const catalog::Catalog& catalog, const PlanOptions& plan,
                                     const CostOptions& options) {
  const catalog::PayRange* range = nullptr;
  const RoleId agent("agent");
  for (const catalog::PayBand* b : catalog.bands_for(agent)) {
    if (b->country == options.country) {
      range = &b->range;
      break;
    }
  }
  const catalog::Role* role = catalog.find(agent);
  if (range == nullptr && options.use_market_reference && role != nullptr &&
      role->market_reference) {
    range = &role->market_reference->range;
  }
  if (range == nullptr) return std::nullopt;
  double low = static_cast<double>(range->min.minor);
  double mid =
      range->max && !range->open_ended ? (low + static_cast<double>(range->max->minor)) / 2 : low;
  double per_year = periods_per_year(range->period, plan.paid_hours_per_fte);
  double hourly = mid * per_year * (1 + options.on_cost_factor) / (plan.paid_hours_per_fte * 52);
  return money(hourly, range->min.currency);
}

}  // namespace ccteam::staffing
