#include "ccteam/hiring/monte_carlo.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace ccteam::hiring {

namespace {

// P(short) counts a month as short when the FTE fall below the need by more than this.
constexpr double k_epsilon = 1e-9;
// Largest group whose binomial distribution function the runs keep (BinomialTable): a row of
// at most n + 1 values per group size n that occurs (runs see few sizes; every size up to this
// would be 4 MB per attrition rate); larger groups are drawn by binomial().
constexpr int k_max_tabled_group = 1024;

// binomial() splits a group into parts of this many people at most: (1 - p)^m >= e^-600, far
// above the smallest double. 'log_q' is log(1 - p) < 0.
int split_size(double log_q) {
  return static_cast<int>(std::clamp(std::floor(-600.0 / log_q), 1.0, 1e9));
}

// P(X = x + 1) from prob = P(X = x), X ~ Binomial(m, p), ratio = p / (1 - p): the recurrence of
// the inversion, written once so that binomial() and BinomialTable compute the same values.
double next_term(double prob, double ratio, int m, int x) {
  return prob * (ratio * static_cast<double>(m - x) / static_cast<double>(x + 1));
}

// What a run needs of one role, precomputed once.
struct RoleModel {
  std::vector<double> needed;
  std::vector<double> productivity;  // by month of tenure
  std::vector<int> hires, promoted_in;
  std::optional<std::size_t> from;
  int headcount = 0;
  // Leavers: one table per attrition rate of the role (regular, early), shared by every run.
  std::vector<BinomialTable> tables;
  std::vector<std::size_t> table_of_tenure;  // by month of tenure
  std::size_t pool_table = 0;
  // Months of tenure from which a hire leaves at the pool's rate and counts one FTE for the
  // rest of the plan: cohorts that old are one group (the plan's months when never).
  std::size_t settled = 0;
};

// The index in m.tables of the table for 'rate', added when new. Groups of the role are at
// most 'max_group' people.
std::size_t table_for(RoleModel& m, double rate, int max_group) {
  for (std::size_t i = 0; i < m.tables.size(); ++i) {
    if (m.tables[i].p() == rate) return i;
  }
  m.tables.emplace_back(rate, std::min(max_group, k_max_tabled_group));
  return m.tables.size() - 1;
}

std::vector<RoleModel> models(const HiringInput& input, const HiringPlan& plan) {
  std::vector<RoleModel> out;
  for (std::size_t r = 0; r < input.roles.size(); ++r) {
    const RoleInput& in = input.roles[r];
    RoleModel m;
    m.needed = in.required_fte;
    // The tenured pool never holds more than the headcount and everyone promoted in; a cohort
    // never more than its hires.
    std::int64_t pool_max = in.headcount, all_hires = 0;
    for (const RoleMonth& month : plan.roles[r].months) {
      m.hires.push_back(month.hires);
      m.promoted_in.push_back(month.promoted_in);
      pool_max += month.promoted_in;
      all_hires += month.hires;
    }
    const auto max_group =
        static_cast<int>(std::min<std::int64_t>(std::max(pool_max, all_hires), k_max_tabled_group));
    for (int k = 0; k < input.months; ++k) {
      m.productivity.push_back(productivity(in.training, k));
      m.table_of_tenure.push_back(table_for(m, attrition_rate(in.attrition, k), max_group));
    }
    m.pool_table = table_for(m, in.attrition.monthly_rate, max_group);
    m.settled = m.productivity.size();
    while (m.settled > 0 && m.productivity[m.settled - 1] == 1.0 &&
           m.table_of_tenure[m.settled - 1] == m.pool_table)
      --m.settled;
    m.from = in.promoted_from;
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
  std::vector<RoleModel> roles = models(input, plan);
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
  std::vector<int> settled(n_roles);  // hires of the settled cohorts, one group
  std::vector<sim::Rng> streams;
  for (int run = 0; run < options.runs; ++run) {
    streams.clear();
    for (std::size_t r = 0; r < n_roles; ++r) {
      streams.emplace_back(options.seed, static_cast<std::uint64_t>(run), r);
      pool[r] = roles[r].headcount;
      settled[r] = 0;
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
        RoleModel& m = roles[r];
        sim::Rng& rng = streams[r];
        BinomialTable& regular = m.tables[m.pool_table];
        pool[r] -= regular.draw(rng, pool[r]);
        if (t >= m.settled) {
          settled[r] += cohorts[r][t - m.settled];
          cohorts[r][t - m.settled] = 0;
        }
        settled[r] -= regular.draw(rng, settled[r]);
        double available = pool[r] + settled[r];
        for (std::size_t s = t + 1 > m.settled ? t + 1 - m.settled : 0; s <= t; ++s) {
          int& c = cohorts[r][s];
          if (c == 0) continue;
          c -= m.tables[m.table_of_tenure[t - s]].draw(rng, c);
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

// Hires and promotions in of every role and month: all that run_all takes from a plan.
std::vector<std::pair<int, int>> moves(const HiringPlan& plan) {
  std::vector<std::pair<int, int>> out;
  for (const RolePlan& role : plan.roles) {
    for (const RoleMonth& month : role.months) out.emplace_back(month.hires, month.promoted_in);
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
  const int chunk = split_size(log_q);
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
      prob = next_term(prob, ratio, m, x);
      ++x;
      cdf += prob;
    }
    total += x;
  }
  return total;
}

BinomialTable::BinomialTable(double p, int max_n) : m_p(p) {
  if (!(p > 0 && p < 1)) return;  // draw() needs no table
  m_log_q = std::log1p(-p);
  m_ratio = p / (1 - p);
  m_max_n = std::clamp(max_n, 0, split_size(m_log_q));
  m_cdf.resize(static_cast<std::size_t>(m_max_n) + 1);
}

int BinomialTable::draw(sim::Rng& rng, int n) {
  if (n <= 0 || m_p <= 0) return 0;
  if (m_p >= 1) return n;
  if (n > m_max_n) return binomial(rng, n, m_p);
  std::vector<double>& cdf = m_cdf[static_cast<std::size_t>(n)];
  if (cdf.empty()) {
    // binomial()'s sums for a part of n people, kept until adding a term no longer changes the
    // sum after the mode: the terms only fall from there, so the sum stays, and binomial()
    // would walk on to n for a uniform at or above it.
    const auto past_mode = static_cast<int>(static_cast<double>(n + 1) * m_p) + 1;
    double prob = std::exp(n * m_log_q);  // P(X = 0)
    double sum = prob;
    cdf.push_back(sum);
    for (int x = 0; x < n; ++x) {
      prob = next_term(prob, m_ratio, n, x);
      const double next = sum + prob;
      if (next == sum && x >= past_mode) break;
      sum = next;
      cdf.push_back(sum);
    }
  }
  const double u = rng.uniform();
  std::size_t x = 0;
  while (x < cdf.size() && u >= cdf[x]) ++x;
  return x < cdf.size() ? static_cast<int>(x) : n;
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
        // From what the safe plan gives the month, not from the need: whole people and class
        // minimums often give more than the need, and a safety stock added to the need alone
        // then changes nothing (a month at 10-20 % stayed so through every round).
        double& need = safe_input.roles[r].required_fte[t];
        need = std::max(need, safe.roles[r].months[t].available_fte) +
               quantile(current.shortfall[r][t], 1 - options.short_target);
      }
    }
    if (ok || round == k_max_safety_rounds) break;
    auto next = make_hiring_plan(safe_input);
    if (!next) return tl::unexpected(next.error());
    // The runs depend on the plan only through its hires and promotions: when a round leaves
    // them as they were (class limits, the budget or slack absorb the added FTE), its runs
    // would repeat the last ones draw for draw.
    const bool same_moves = moves(*next) == moves(safe);
    safe = std::move(*next);
    if (!same_moves) current = run_all(input, safe, options, true);
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
