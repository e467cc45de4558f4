#include "ccteam/staffing/cost_view.hpp"

#include <cmath>

#include "ccteam/staffing/erlang_detail.hpp"

namespace ccteam::staffing {

namespace {

Money money(double minor, const Currency& currency) {
  return Money{static_cast<std::int64_t>(std::llround(minor)), currency};
}

}  // namespace

Result<CostCurve> cost_curve(const Workload& workload, const QueueModel& model,
                             const CostRates& rates) {
  const Currency& cur = rates.agent_hour.currency;
  if (!(rates.caller_waiting_minute.currency == cur) || !(rates.abandoned_call.currency == cur) ||
      rates.agent_hour.minor < 0 || rates.caller_waiting_minute.minor < 0 ||
      rates.abandoned_call.minor < 0) {
    return fail(ErrorKind::invalid_input, msg(MsgId::staffing_bad_option, "currency", 0));
  }
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
    double staff = staff_minor(n);
    double waiting = workload.calls * m->asa.count() / 60 *
                     static_cast<double>(rates.caller_waiting_minute.minor);
    double abandon =
        workload.calls * m->p_abandon * static_cast<double>(rates.abandoned_call.minor);
    double total = staff + waiting + abandon;
    curve.points.push_back(
        {n, money(staff, cur), money(waiting, cur), money(abandon, cur), money(total, cur), *m});
    if (total < best_total) {
      best_total = total;
      curve.best = curve.points.size() - 1;
    }
  }
  return curve;
}

}  // namespace ccteam::staffing
