#include "ccteam/hiring/monte_carlo.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

namespace ccteam::hiring {

namespace {

// P(short) counts a month as short when the FTE fall below the need by more than this.
constexpr double k_epsilon = 1e-9;

// What a run needs of one role, precomputed once.
struct RoleModel {
  std::vector<double> needed;
  std::vector<double> productivity;  // by month of tenure
  std::vector<double> rate;          // attrition by month of tenure
  std::vector<int> hires, promoted_in;
  std::optional<std::size_t> from;
  double pool_rate = 0;
  int headcount = 0;
};

std::vector<RoleModel> models(const HiringInput& input, const HiringPlan& plan) {
  std::vector<RoleModel> out;
  for (std::size_t r = 0; r < input.roles.size(); ++r) {
    const RoleInput& in = input.roles[r];
    RoleModel m;
    m.needed = in.required_fte;
    for (int k = 0; k < input.months; ++k) {
      m.productivity.push_back(productivity(in.training, k));
      m.rate.push_back(attrition_rate(in.attrition, k));
    }
    for (const RoleMonth& month : plan.roles[r].months) {
      m.hires.push_back(month.hires);
      m.promoted_in.push_back(month.promoted_in);
    }
    m.from = in.promoted_from;
    m.pool_rate = in.attrition.monthly_rate;
    m.headcount = in.headcount;
    out.push_back(std::move(m));
  }
  return out;
}

// Results of the runs: the estimates and, per role and month, every run's shortfall.
struct Runs {
  std::vector<RoleRisk> risks;
  std::vector<std::vector<std::vector<double>>> shortfall;  // [role][month][run]
};

Runs run_all(const HiringInput& input, const HiringPlan& plan, const MonteCarloOptions& options,
             bool keep_shortfall) {
  const std::vector<RoleModel> roles = models(input, plan);
  const std::vector<std::size_t> order = planning_order(input);
  const auto months = static_cast<std::size_t>(input.months);
  const std::size_t n_roles = roles.size();
  std::vector<std::vector<sim::Accumulator>> short_acc(n_roles,
                                                       std::vector<sim::Accumulator>(months));
  std::vector<std::vector<sim::Accumulator>> fte_acc = short_acc;
  Runs out;
  if (keep_shortfall) {
    out.shortfall.assign(n_roles,
                         std::vector<std::vector<double>>(
                             months, std::vector<double>(static_cast<std::size_t>(options.runs))));
  }
  std::vector<int> pool(n_roles);
  std::vector<std::vector<int>> cohorts(n_roles, std::vector<int>(months));
  std::vector<sim::Rng> streams;
  for (int run = 0; run < options.runs; ++run) {
    streams.clear();
    for (std::size_t r = 0; r < n_roles; ++r) {
      streams.emplace_back(options.seed, static_cast<std::uint64_t>(run), r);
      pool[r] = roles[r].headcount;
      std::fill(cohorts[r].begin(), cohorts[r].end(), 0);
    }
    for (std::size_t t = 0; t < months; ++t) {
      for (std::size_t r : order) {
        const RoleModel& m = roles[r];
        cohorts[r][t] = m.hires[t];
        if (m.from && m.promoted_in[t] > 0) {
          int moved = std::min(m.promoted_in[t], pool[*m.from]);
          pool[*m.from] -= moved;
          pool[r] += moved;
        }
      }
      for (std::size_t r = 0; r < n_roles; ++r) {
        const RoleModel& m = roles[r];
        sim::Rng& rng = streams[r];
        pool[r] -= binomial(rng, pool[r], m.pool_rate);
        double available = pool[r];
        for (std::size_t s = 0; s <= t; ++s) {
          int& c = cohorts[r][s];
          if (c == 0) continue;
          c -= binomial(rng, c, m.rate[t - s]);
          available += c * m.productivity[t - s];
        }
        double shortfall = std::max(0.0, m.needed[t] - available);
        short_acc[r][t].add(shortfall > k_epsilon ? 1.0 : 0.0);
        fte_acc[r][t].add(available);
        if (keep_shortfall) out.shortfall[r][t][static_cast<std::size_t>(run)] = shortfall;
      }
    }
  }
  out.risks.resize(n_roles);
  for (std::size_t r = 0; r < n_roles; ++r) {
    for (std::size_t t = 0; t < months; ++t) {
      MonthRisk risk;
      risk.p_short = short_acc[r][t].estimate();
      risk.available_fte = fte_acc[r][t].estimate();
      out.risks[r].months.push_back(risk);
    }
  }
  return out;
}

// The (1 - target) quantile of the shortfalls (the smallest value at or above that share).
double quantile(std::vector<double>& values, double share) {
  if (values.empty()) return 0;
  auto k = static_cast<std::size_t>(std::ceil(share * static_cast<double>(values.size())));
  k = std::clamp<std::size_t>(k, 1, values.size()) - 1;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
  return values[k];
}

}  // namespace

int binomial(sim::Rng& rng, int n, double p) {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const double log_q = std::log1p(-p);
  // (1 - p)^chunk >= e^-600, far above the smallest double.
  const int chunk = static_cast<int>(std::clamp(std::floor(-600.0 / log_q), 1.0, 1e9));
  const double ratio = p / (1 - p);
  int total = 0;
  while (n > 0) {
    const int m = std::min(n, chunk);
    n -= m;
    const double u = rng.uniform();
    double prob = std::exp(m * log_q);  // P(X = 0)
    double cdf = prob;
    int x = 0;
    while (u >= cdf && x < m) {
      prob *= ratio * static_cast<double>(m - x) / static_cast<double>(x + 1);
      ++x;
      cdf += prob;
    }
    total += x;
  }
  return total;
}

std::vector<RoleRisk> simulate_attrition(const HiringInput& input, const HiringPlan& plan,
                                         const MonteCarloOptions& options) {
  return run_all(input, plan, options, false).risks;
}

Checked<MonteCarloReport> monte_carlo(const HiringInput& input, const HiringPlan& plan,
                                      const MonteCarloOptions& options) {
  Errors errors;
  if (options.runs < 1 || options.runs > k_max_runs) {
    errors.push_back(
        Error::invalid_input(msg(MsgId::yaml_out_of_range, std::to_string(options.runs), "1",
                                 std::to_string(k_max_runs)),
                             SourcePos{{}, 0, 0, "/runs"}));
  }
  if (!(options.short_target > 0 && options.short_target < 1)) {
    errors.push_back(Error::invalid_input(
        msg(MsgId::yaml_out_of_range, fmt::format("{:g}", options.short_target), "0", "1"),
        SourcePos{{}, 0, 0, "/short_target"}));
  }
  if (!errors.empty()) return tl::unexpected(errors);
  MonteCarloReport report;
  report.options = options;
  Runs base = run_all(input, plan, options, true);
  report.roles = base.risks;

  HiringInput safe_input = input;
  HiringPlan safe = plan;
  Runs current = std::move(base);
  for (int round = 0;; ++round) {
    bool ok = true;
    for (std::size_t r = 0; r < input.roles.size(); ++r) {
      const int lead = safe.roles[r].lead_months;
      for (std::size_t t = 0; t < current.risks[r].months.size(); ++t) {
        if (static_cast<int>(t) < lead) continue;
        if (current.risks[r].months[t].p_short.mean <= options.short_target) continue;
        ok = false;
        safe_input.roles[r].required_fte[t] +=
            quantile(current.shortfall[r][t], 1 - options.short_target);
      }
    }
    if (ok || round == k_max_safety_rounds) break;
    auto next = make_hiring_plan(safe_input);
    if (!next) return tl::unexpected(next.error());
    safe = std::move(*next);
    current = run_all(input, safe, options, true);
    report.safety_rounds = round + 1;
  }
  report.safe_hires = safe.hires;
  for (std::size_t r = 0; r < report.roles.size(); ++r) {
    for (std::size_t t = 0; t < report.roles[r].months.size(); ++t) {
      report.roles[r].months[t].safe_hires = safe.roles[r].months[t].hires;
      report.roles[r].months[t].p_short_safe = current.risks[r].months[t].p_short;
    }
  }
  return report;
}

}  // namespace ccteam::hiring
