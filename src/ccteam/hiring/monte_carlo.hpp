#pragma once
// Monte Carlo over attrition for a hiring plan: how likely each role is to be short of its FTE
// in each month when people leave at random, and the hires that keep that chance at or under a
// target. Pure: a run is a function of (input, plan, options), whatever the machine.
//
// Model of one run: the plan's hires and promotions are kept (promotions at most the people
// the role below has in its tenured pool that month); in every month each group of people
// (a role's tenured pool, each cohort of hires) loses Binomial(n, rate) people, with the rate
// of hiring_plan.hpp for its tenure. In expectation this is the deterministic plan (binomial
// thinning is linear), which the tests check. Cohorts whose tenure has reached the pool's rate
// and full productivity (for the rest of the plan) are one group: the sum of independent
// Binomial(n_i, p) is Binomial(sum n_i, p), so this is the same distribution with far fewer
// draws. Leavers are drawn by inversion of the binomial distribution function (Devroye 1986,
// Non-Uniform Random Variate Generation, X.4), with large groups split so that (1 - p)^n never
// underflows, and with the distribution function of each group size worked out once per run
// set (BinomialTable); each role has its own random stream (sim::Rng seeded with (seed, run,
// role)), so a role added to the input never changes the draws of another.
//
// Safe hires (safety stock): for every role and month above the target the FTE needed becomes
// the larger of the need so far and the FTE the safe plan gives that month, plus the
// (1 - target) quantile of the shortfall over the runs, and the plan is made again; this
// repeats (at most k_max_safety_rounds) until every month a hire can still reach is at or
// under the target.
// A round whose plan has the same hires and promotions as the last reuses its runs (they would
// repeat draw for draw). Months before the lead time of a role cannot be helped by hiring, and
// class limits or the budget may keep a month above the target: those keep their chance
// (p_short_safe says so).
//
// Intervals: the chance of being short is a mean of 0/1 values over the runs, given with the
// 95 % Student-t half-width of sim/stats.hpp.

#include <cstdint>
#include <vector>

#include "ccteam/hiring/hiring_plan.hpp"
#include "ccteam/sim/random.hpp"
#include "ccteam/sim/stats.hpp"

namespace ccteam::hiring {

inline constexpr int k_default_runs = 10'000;
inline constexpr std::uint64_t k_default_seed = 1;
inline constexpr double k_default_short_target = 0.10;
inline constexpr int k_max_runs = 1'000'000;
inline constexpr int k_max_safety_rounds = 4;

struct MonteCarloOptions {
  int runs = k_default_runs;  // 1..k_max_runs
  std::uint64_t seed = k_default_seed;
  double short_target = k_default_short_target;  // highest accepted P(short), (0, 1)
};

// One role in one month over the runs.
struct MonthRisk {
  sim::Estimate p_short;        // P(available FTE < needed FTE) with the plan's hires
  sim::Estimate available_fte;  // mean available FTE with the plan's hires
  int safe_hires = 0;           // hires starting this month in the safe plan
  sim::Estimate p_short_safe;   // P(short) with the safe plan's hires
};

struct RoleRisk {
  std::vector<MonthRisk> months;
};

struct MonteCarloReport {
  MonteCarloOptions options;
  std::vector<RoleRisk> roles;  // as HiringPlan::roles
  int safety_rounds = 0;        // plans made to reach the target
  int safe_hires = 0;           // all hires of the safe plan
};

// The chance of being short and the mean available FTE of 'plan' (made by make_hiring_plan from
// 'input') over 'options.runs' runs. Fills p_short and available_fte only.
std::vector<RoleRisk> simulate_attrition(const HiringInput& input, const HiringPlan& plan,
                                         const MonteCarloOptions& options);

// simulate_attrition, then the safe plan as described above. Errors: ErrorKind::invalid_input
// for runs or short_target out of range (json_pointer "/runs", "/short_target"), and those of
// make_hiring_plan.
Checked<MonteCarloReport> monte_carlo(const HiringInput& input, const HiringPlan& plan,
                                      const MonteCarloOptions& options);

// Leavers of a group of n people who each leave with probability p: a Binomial(n, p) draw by
// inversion (exact; O(n p + 1) uniforms' worth of steps, one uniform per split of the group).
int binomial(sim::Rng& rng, int n, double p);

// Binomial(n, p) draws for one p and many group sizes n: the inversion of binomial() with the
// distribution function of each n worked out on its first use and kept, so that a draw is one
// uniform and a search through O(n p + 1) stored values, without the logarithm and exponential
// binomial() pays on every call. Exact and the same draws as binomial() from the same stream
// (same arithmetic, stored). Groups larger than 'max_n', or so large that (1 - p)^n would
// underflow, are drawn by binomial(). Memory: O(max_n) values per group size used.
class BinomialTable {
 public:
  BinomialTable(double p, int max_n);
  int draw(sim::Rng& rng, int n);
  double p() const { return m_p; }

 private:
  double m_p;
  double m_log_q = 0, m_ratio = 0;
  int m_max_n = 0;  // largest tabled n
  // By n: P(X <= x) for x = 0, 1, ... until the value stops changing; empty: not worked out.
  std::vector<std::vector<double>> m_cdf;
};

}  // namespace ccteam::hiring
