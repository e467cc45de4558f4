#include "ccteam/staffing/erlang.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "ccteam/core/number_text.hpp"
#include "ccteam/staffing/erlang_detail.hpp"

namespace ccteam::staffing {

namespace {

constexpr double k_inf = std::numeric_limits<double>::infinity();
// Queue states whose weight is below exp(-k_log_cutoff) of the largest are dropped.
constexpr double k_log_cutoff = 50.0;
constexpr long k_max_queue_states = 50'000'000;

bool finite_non_negative(double x) { return std::isfinite(x) && x >= 0; }

Result<double> check_load(int agents, double load) {
  if (agents < 0 || agents > k_max_agents) {
    return fail(ErrorKind::invalid_input,
                msg(MsgId::staffing_agents_out_of_range, agents, k_max_agents));
  }
  if (!finite_non_negative(load) || load > k_max_load_erlangs) {
    return fail(ErrorKind::invalid_input,
                msg(MsgId::staffing_load_out_of_range, grouped_text(load, 1),
                    grouped_text(k_max_load_erlangs, 0)));
  }
  return load;
}

// 'pointer' names the argument as a JSON pointer ("/handle_time" of the Workload); it is also the
// message's field argument, which a client words as its own field (cli/option_names).
std::optional<Error> check_seconds(std::string_view pointer, Seconds value, bool zero_ok) {
  double s = value.count();
  if (!std::isfinite(s) || s < 0 || (!zero_ok && s == 0)) {
    return Error::invalid_input(msg(MsgId::staffing_bad_seconds, pointer, s),
                                SourcePos{"", 0, 0, std::string(pointer)});
  }
  return std::nullopt;
}

Result<double> check_workload(int agents, const Workload& w, Seconds target) {
  if (!finite_non_negative(w.calls)) {
    return fail(ErrorKind::invalid_input, msg(MsgId::staffing_bad_calls, w.calls));
  }
  if (auto e = check_seconds("/interval", w.interval, false)) return tl::unexpected(*e);
  if (auto e = check_seconds("/handle_time", w.handle_time, false)) return tl::unexpected(*e);
  if (auto e = check_seconds("/target", target, true)) return tl::unexpected(*e);
  return check_load(agents, offered_load_erlangs(w));
}

QueueMetrics idle(int agents, Definitions definitions) {
  QueueMetrics m;
  m.agents = agents;
  m.definitions = definitions;
  return m;
}

// I_y(m, b) for m = 1, 2, ... by the recurrence I_y(m+1, b) = I_y(m, b) - d_m with
// d_m = y^m (1-y)^b / (m B(m, b)), log d_1 = log y + log b + b log(1-y),
// d_{m+1} / d_m = y (m + b) / (m + 1) (Abramowitz & Stegun 26.5.16).
class IncompleteBetaSeries {
 public:
  // 'theta_t' = theta x t, so that 1 - y = exp(-theta_t).
  IncompleteBetaSeries(double b, double theta_t) : m_b(b) {
    if (theta_t <= 0) {
      m_zero = true;
      return;
    }
    m_log_y = std::log(-std::expm1(-theta_t));
    m_value = -std::expm1(-b * theta_t);
    m_log_d = m_log_y + std::log(b) - b * theta_t;
  }
  double value() const { return m_zero ? 0.0 : (m_value < 0 ? 0.0 : m_value); }
  void next() {
    if (m_zero) return;
    m_value -= std::exp(m_log_d);
    m_log_d += m_log_y + std::log(static_cast<double>(m_m) + m_b) -
               std::log(static_cast<double>(m_m) + 1.0);
    ++m_m;
  }

 private:
  double m_b = 0;
  bool m_zero = false;
  double m_log_y = 0;
  double m_value = 0;
  double m_log_d = 0;
  long m_m = 1;
};

}  // namespace

double offered_load_erlangs(const Workload& workload) {
  return workload.calls * workload.handle_time.count() / workload.interval.count();
}

Result<double> erlang_b(int agents, double load_erlangs) {
  auto checked = check_load(agents, load_erlangs);
  if (!checked) return tl::unexpected(checked.error());
  return detail::erlang_b_recursion(agents, load_erlangs);
}

double detail::erlang_b_recursion(int agents, double a) {
  double b = 1.0;
  for (int n = 1; n <= agents; ++n) b = a * b / (n + a * b);
  return b;
}

QueueMetrics detail::erlang_c_given_b(int agents, double a, double b, Seconds aht, Seconds target,
                                      Definitions definitions) {
  QueueMetrics m = idle(agents, definitions);
  m.offered_load_erlangs = a;
  if (a == 0) return m;
  if (agents <= a) {
    m.state = QueueState::unstable;
    m.p_wait = 1;
    m.service_level = 0;
    m.asa = Seconds{k_inf};
    m.occupancy = 1;
    return m;
  }
  double n = agents;
  double c = n * b / (n - a * (1 - b));
  m.p_wait = c;
  m.service_level = 1 - c * std::exp(-(n - a) * target.count() / aht.count());
  m.asa = Seconds{c * aht.count() / (n - a)};
  m.occupancy = a / n;
  return m;
}

Result<QueueMetrics> erlang_c(int agents, const Workload& workload, Seconds target,
                              Definitions definitions) {
  auto a = check_workload(agents, workload, target);
  if (!a) return tl::unexpected(a.error());
  double b = detail::erlang_b_recursion(agents, *a);
  return detail::erlang_c_given_b(agents, *a, b, workload.handle_time, target, definitions);
}

Result<QueueMetrics> detail::erlang_a_given_b(int agents, double a, double b, Seconds aht,
                                              Seconds patience, Seconds target,
                                              Definitions definitions) {
  QueueMetrics m = idle(agents, definitions);
  m.offered_load_erlangs = a;
  if (a == 0) return m;
  // Time in units of AHT: service rate mu = 1, arrival rate lambda = a.
  const double theta = aht.count() / patience.count();
  const double tau = target.count() / aht.count();
  const double n = agents;
  if (agents == 0) {  // nobody is answered; every caller waits until the patience runs out
    m.p_wait = 1;
    m.p_abandon = 1;
    m.p_abandon_within_target = -std::expm1(-theta * tau);
    m.service_level = 0;
    m.asa = definitions.asa == AsaDefinition::over_all_callers ? patience : Seconds{k_inf};
    return m;
  }
  // Weights of the queue states relative to state N: t_0 = 1, t_j = t_{j-1} a / (N + j theta).
  // Pass 1: the logarithm of the largest t_j (the terms rise while a > N + j theta).
  double log_max = 0;
  {
    double log_t = 0;
    for (long j = 1; a > n + static_cast<double>(j) * theta; ++j) {
      if (j > k_max_queue_states) {
        return fail(ErrorKind::internal, msg(MsgId::staffing_too_many_states, k_max_queue_states));
      }
      log_t += std::log(a / (n + static_cast<double>(j) * theta));
      log_max = std::max(log_max, log_t);
    }
  }
  // States 0..N-1 relative to state N weigh 1/B(N) - 1 = (1 - B) / B.
  const double log_below = b > 0 ? std::log1p(-b) - std::log(b) : k_inf;
  // Pass 2: sums over the queue states, scaled by exp(-log_max).
  double sum_t = 0, sum_jt = 0, sum_answered_by_t = 0, sum_short_abandon = 0, sum_wait_answered = 0;
  const double e_theta_tau = std::exp(-theta * tau);
  IncompleteBetaSeries answered_by(n / theta + 1, theta * tau);  // I_y(j+1, N/theta + 1)
  IncompleteBetaSeries reached_by(n / theta, theta * tau);       // I_y(j+1, N/theta)
  double log_t = 0;
  double mean_wait_if_answered = 0;  // sum_{k=1}^{j+1} 1 / (N + k theta)
  for (long j = 0;; ++j) {
    if (j > 0) log_t += std::log(a / (n + static_cast<double>(j) * theta));
    if (j > k_max_queue_states) {
      return fail(ErrorKind::internal, msg(MsgId::staffing_too_many_states, k_max_queue_states));
    }
    double rel = log_t - log_max;
    // Past the largest term (the terms fall from here on) and negligible: stop.
    if (rel < -k_log_cutoff && a <= n + static_cast<double>(j) * theta) break;
    double t = std::exp(rel);
    double jd = static_cast<double>(j);
    double p_answer = n / (n + (jd + 1) * theta);
    mean_wait_if_answered += 1 / (n + (jd + 1) * theta);
    double answered_in_time = p_answer * answered_by.value();
    double still_waiting = e_theta_tau * (1 - reached_by.value());
    sum_t += t;
    sum_jt += jd * t;
    sum_answered_by_t += t * answered_in_time;
    sum_short_abandon += t * std::max(0.0, 1 - answered_in_time - still_waiting);
    sum_wait_answered += t * p_answer * mean_wait_if_answered;
    answered_by.next();
    reached_by.next();
  }
  // Normalise: total weight = below + sum_t (both scaled by exp(-log_max)).
  const double below = std::exp(log_below - log_max);
  if (!std::isfinite(below)) {  // the queue states weigh nothing next to the idle ones
    m.service_level = 1;
    m.occupancy = std::min(1.0, a / n);
    return m;
  }
  const double total = below + sum_t;
  m.p_wait = sum_t / total;
  const double mean_queue = sum_jt / total;
  m.p_abandon = std::min(1.0, theta * mean_queue / a);
  m.p_abandon_within_target = sum_short_abandon / total;
  const double answered_by_target = (below + sum_answered_by_t) / total;
  const double p_answered = 1 - m.p_abandon;
  switch (definitions.service_level) {
    case SlDefinition::over_offered:
      m.service_level = answered_by_target;
      break;
    case SlDefinition::over_answered:
      m.service_level = p_answered > 0 ? answered_by_target / p_answered : 0;
      break;
    case SlDefinition::over_offered_minus_short_abandons:
      m.service_level = answered_by_target / (1 - m.p_abandon_within_target);
      break;
  }
  m.service_level = std::clamp(m.service_level, 0.0, 1.0);
  if (definitions.asa == AsaDefinition::over_all_callers) {
    m.asa = Seconds{mean_queue / a * aht.count()};
  } else {
    m.asa = p_answered > 0 ? Seconds{sum_wait_answered / total / p_answered * aht.count()}
                           : Seconds{k_inf};
  }
  m.occupancy = std::min(1.0, a * p_answered / n);
  return m;
}

Result<QueueMetrics> erlang_a(int agents, const Workload& workload, Seconds patience,
                              Seconds target, Definitions definitions) {
  auto a = check_workload(agents, workload, target);
  if (!a) return tl::unexpected(a.error());
  if (auto e = check_seconds("/patience", patience, false)) return tl::unexpected(*e);
  double b = detail::erlang_b_recursion(agents, *a);
  return detail::erlang_a_given_b(agents, *a, b, workload.handle_time, patience, target,
                                  definitions);
}

}  // namespace ccteam::staffing
