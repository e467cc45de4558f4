#include "ccteam/staffing/solve.hpp"

#include <cmath>

#include "ccteam/staffing/erlang_detail.hpp"

namespace ccteam::staffing {

namespace {

// Slack for comparisons with targets, so that 0.8 computed as 0.7999999999999999 counts as met.
constexpr double k_slack = 1e-12;

Seconds answer_time(const Targets& targets) {
  return targets.service_level ? targets.service_level->answer_time : Seconds{20};
}

// The target at 'pointer' (a JSON pointer into PlanOptions) is out of range.
tl::unexpected<Error> bad(std::string pointer, double value) {
  return tl::unexpected(Error::invalid_input(msg(MsgId::staffing_bad_target, pointer, value),
                                             SourcePos{{}, 0, 0, pointer}));
}

// The target at 'pointer' can be stated but no finite team meets it (100 %, 0 s).
tl::unexpected<Error> impossible(std::string pointer) {
  return tl::unexpected(Error::invalid_input(msg(MsgId::staffing_impossible_target, pointer),
                                             SourcePos{{}, 0, 0, pointer}));
}

Result<QueueMetrics> evaluate_at(int agents, double a, double b, const Workload& w,
                                 const Targets& targets, const QueueModel& model) {
  if (model.patience) {
    return detail::erlang_a_given_b(agents, a, b, w.handle_time, *model.patience,
                                    answer_time(targets), model.definitions);
  }
  return detail::erlang_c_given_b(agents, a, b, w.handle_time, answer_time(targets),
                                  model.definitions);
}

// Erlang C: walk up from the lower bound, carrying B(n) by its recursion.
Result<QueueMetrics> solve_c(double a, const Workload& w, const Targets& targets,
                             const QueueModel& model) {
  double lower = std::floor(a) + 1;
  if (targets.max_occupancy) lower = std::max(lower, std::ceil(a / *targets.max_occupancy));
  if (lower > k_max_agents) {
    return fail(ErrorKind::invalid_input, msg(MsgId::staffing_unreachable, k_max_agents));
  }
  int n = static_cast<int>(lower);
  double b = detail::erlang_b_recursion(n, a);
  for (;;) {
    QueueMetrics m =
        detail::erlang_c_given_b(n, a, b, w.handle_time, answer_time(targets), model.definitions);
    if (meets(m, targets)) return m;
    if (n == k_max_agents) break;
    ++n;
    b = detail::erlang_b_next(n, a, b);
  }
  return fail(ErrorKind::invalid_input, msg(MsgId::staffing_unreachable, k_max_agents));
}

// Erlang A: each evaluation is O(N) anyway; gallop up from the offered load, then bisect.
Result<QueueMetrics> solve_a(double a, const Workload& w, const Targets& targets,
                             const QueueModel& model) {
  auto at = [&](int n) {
    return evaluate_at(n, a, detail::erlang_b_recursion(n, a), w, targets, model);
  };
  int bad_n = 0;  // known not to meet the targets (0 agents answer nobody)
  int good_n = std::clamp(static_cast<int>(std::ceil(a)), 1, k_max_agents);
  std::optional<QueueMetrics> good;
  for (;;) {
    auto m = at(good_n);
    if (!m) return m;
    if (meets(*m, targets)) {
      good = *m;
      break;
    }
    if (good_n == k_max_agents) {
      return fail(ErrorKind::invalid_input, msg(MsgId::staffing_unreachable, k_max_agents));
    }
    bad_n = good_n;
    good_n = std::min(k_max_agents, good_n * 2);
  }
  while (good_n - bad_n > 1) {
    int mid = bad_n + (good_n - bad_n) / 2;
    auto m = at(mid);
    if (!m) return m;
    if (meets(*m, targets)) {
      good_n = mid;
      good = *m;
    } else {
      bad_n = mid;
    }
  }
  return *good;
}

}  // namespace

Result<Targets> check_targets(const Targets& targets, const QueueModel& model) {
  if (!targets.service_level && !targets.max_asa && !targets.max_abandon &&
      !targets.max_occupancy) {
    return tl::unexpected(Error{ErrorKind::invalid_input, msg(MsgId::staffing_no_target), {}, {}});
  }
  if (const auto& sl = targets.service_level) {
    double t = sl->answer_time.count();
    if (!std::isfinite(t) || t < 0) return bad("/targets/service_level/answer_time", t);
    if (!(sl->fraction > 0) || sl->fraction > 1)
      return bad("/targets/service_level/fraction", sl->fraction);
    if (sl->fraction >= 1) return impossible("/targets/service_level/fraction");
  }
  if (targets.max_asa) {
    double s = targets.max_asa->count();
    if (!std::isfinite(s) || s < 0) return bad("/targets/max_asa", s);
    if (s == 0) return impossible("/targets/max_asa");
  }
  if (targets.max_abandon) {
    double p = *targets.max_abandon;
    if (!(p >= 0) || p >= 1) return bad("/targets/max_abandon", p);
    if (!model.patience) {
      return tl::unexpected(
          Error{ErrorKind::invalid_input, msg(MsgId::staffing_abandon_needs_patience), {}, {}});
    }
    if (p == 0) return impossible("/targets/max_abandon");
  }
  if (targets.max_occupancy) {
    double o = *targets.max_occupancy;
    if (!(o > 0) || o > 1) return bad("/targets/max_occupancy", o);
  }
  if (model.patience) {
    double p = model.patience->count();
    if (!std::isfinite(p) || p <= 0) return bad("/model/patience", p);
  }
  return targets;
}

bool meets(const QueueMetrics& m, const Targets& targets) {
  if (m.state == QueueState::unstable) return false;
  if (targets.service_level && m.service_level + k_slack < targets.service_level->fraction) {
    return false;
  }
  if (targets.max_asa && m.asa.count() > targets.max_asa->count() * (1 + k_slack)) return false;
  if (targets.max_abandon && m.p_abandon > *targets.max_abandon + k_slack) return false;
  if (targets.max_occupancy && m.occupancy > *targets.max_occupancy + k_slack) return false;
  return true;
}

Result<QueueMetrics> evaluate(int agents, const Workload& workload, const Targets& targets,
                              const QueueModel& model) {
  if (model.patience) {
    return erlang_a(agents, workload, *model.patience, answer_time(targets), model.definitions);
  }
  return erlang_c(agents, workload, answer_time(targets), model.definitions);
}

Result<QueueMetrics> solve_agents(const Workload& workload, const Targets& targets,
                                  const QueueModel& model) {
  auto checked = check_targets(targets, model);
  if (!checked) return tl::unexpected(checked.error());
  auto zero = evaluate(0, workload, targets, model);  // checks the workload
  if (!zero) return zero;
  double a = zero->offered_load_erlangs;
  if (a == 0) return zero;
  return model.patience ? solve_a(a, workload, targets, model)
                        : solve_c(a, workload, targets, model);
}

}  // namespace ccteam::staffing
