// The Monte Carlo over attrition against exact binomial probabilities (a case small enough to
// sum by hand) and, in expectation, against the deterministic plan.
#include "ccteam/hiring/monte_carlo.hpp"

#include <cmath>
#include <tuple>

#include <gtest/gtest.h>

namespace ccteam::hiring {
namespace {

// Ten agents who each leave with probability 0.1 a month, no hires (the deterministic plan
// needs none: 9.0 >= 9 and 8.1 >= 8).
HiringInput ten_agents() {
  HiringInput in;
  in.months = 2;
  RoleInput r;
  r.role = RoleId("agent");
  r.headcount = 10;
  r.required_fte = {9, 8};
  r.attrition.monthly_rate = 0.1;
  in.roles = {r};
  return in;
}

TEST(MonteCarlo, AgreesWithExactBinomial) {
  HiringInput in = ten_agents();
  auto plan = make_hiring_plan(in);
  ASSERT_TRUE(plan.has_value());
  ASSERT_EQ(plan->hires, 0);
  MonteCarloOptions options;
  options.runs = 40'000;
  std::vector<RoleRisk> risk = simulate_attrition(in, *plan, options);
  // Month 0 short when 2 or more of 10 leave: 1 - 0.9^10 - 10 x 0.1 x 0.9^9 = 0.2639011.
  // Month 1 short when 7 or fewer of 10 stay two months (each with 0.9^2 = 0.81):
  // 1 - [45 x 0.81^8 x 0.19^2 + 10 x 0.81^9 x 0.19 + 0.81^10] = 0.2922204.
  const double exact[2] = {0.2639011, 0.2922204};
  for (int m = 0; m < 2; ++m) {
    const sim::Estimate& p = risk[0].months[static_cast<std::size_t>(m)].p_short;
    EXPECT_EQ(p.n, 40'000);
    // 2 x the 95 % half-width is about 4 standard errors (0.0022 here).
    EXPECT_NEAR(p.mean, exact[m], 2 * p.half_width) << m;
    EXPECT_LT(p.half_width, 0.006);
  }
  // Mean available FTE: 10 x 0.9 = 9 and 10 x 0.81 = 8.1.
  EXPECT_NEAR(risk[0].months[0].available_fte.mean, 9.0,
              2 * risk[0].months[0].available_fte.half_width);
  EXPECT_NEAR(risk[0].months[1].available_fte.mean, 8.1,
              2 * risk[0].months[1].available_fte.half_width);
}

// Five agents at the start and five hired in month 0 without training: the hires count fully
// and leave at the pool's rate from their first month, so the run draws them as one group with
// the pool's people. Ten people who each leave with probability 0.1 a month: the exact figures
// of AgreesWithExactBinomial.
TEST(MonteCarlo, SettledHiresAgreeWithExactBinomial) {
  HiringInput in = ten_agents();
  in.roles[0].headcount = 5;
  auto plan = make_hiring_plan(in);
  ASSERT_TRUE(plan.has_value());
  // Month 0: 9 - 5 x 0.9 = 4.5 FTE short, ceil(4.5 / 0.9) = 5 hires; month 1: 10 x 0.81 = 8.1.
  ASSERT_EQ(plan->roles[0].months[0].hires, 5);
  ASSERT_EQ(plan->hires, 5);
  MonteCarloOptions options;
  options.runs = 40'000;
  std::vector<RoleRisk> risk = simulate_attrition(in, *plan, options);
  const double exact[2] = {0.2639011, 0.2922204};
  for (int m = 0; m < 2; ++m) {
    const sim::Estimate& p = risk[0].months[static_cast<std::size_t>(m)].p_short;
    EXPECT_NEAR(p.mean, exact[m], 2 * p.half_width) << m;
  }
}

// The two-role case of hiring_plan_test.cpp: agents with classes, nesting, ramp-up and
// attrition, team leads filled by promotion.
HiringInput two_roles() {
  HiringInput in;
  in.months = 12;
  RoleInput lead;
  lead.role = RoleId("team-lead");
  lead.required_fte = {2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3};
  lead.headcount = 2;
  lead.attrition.monthly_rate = 0.02;
  lead.promoted_from = 1;
  RoleInput agent;
  agent.role = RoleId("agent");
  agent.required_fte = {18, 18, 18, 18, 19, 19, 20, 20, 20, 20, 20, 20};
  agent.headcount = 18;
  agent.attrition = Attrition{0.05, 2, 0.1};
  Training t;
  t.nesting_weeks = 2;
  t.ramp_up = {0.75};
  t.class_min = 2;
  t.class_max = 4;
  agent.training = t;
  in.roles = {lead, agent};
  return in;
}

TEST(MonteCarlo, AgreesWithTheDeterministicPlanInExpectation) {
  HiringInput in = two_roles();
  auto plan = make_hiring_plan(in);
  ASSERT_TRUE(plan.has_value());
  MonteCarloOptions options;
  options.runs = 20'000;
  std::vector<RoleRisk> risk = simulate_attrition(in, *plan, options);
  for (std::size_t r = 0; r < 2; ++r) {
    for (std::size_t m = 0; m < 12; ++m) {
      const sim::Estimate& fte = risk[r].months[m].available_fte;
      EXPECT_NEAR(fte.mean, plan->roles[r].months[m].available_fte, 2.5 * fte.half_width + 1e-9)
          << r << " " << m;
    }
  }
}

TEST(MonteCarlo, SafeHiresKeepTheChanceUnderTheTarget) {
  HiringInput in = two_roles();
  in.roles[1].training->classes_per_month = 3;  // room for the safety stock
  auto plan = make_hiring_plan(in);
  ASSERT_TRUE(plan.has_value());
  MonteCarloOptions options;
  options.runs = 4'000;
  auto report = monte_carlo(in, *plan, options);
  ASSERT_TRUE(report.has_value());
  EXPECT_GE(report->safe_hires, plan->hires);
  EXPECT_LE(report->safety_rounds, k_max_safety_rounds);
  for (std::size_t r = 0; r < 2; ++r) {
    for (std::size_t m = static_cast<std::size_t>(plan->roles[r].lead_months); m < 12; ++m)
      EXPECT_LE(report->roles[r].months[m].p_short_safe.mean, 0.10) << r << " " << m;
  }
  // The same seed gives the same numbers.
  auto again = monte_carlo(in, *plan, options);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->roles[1].months[5].p_short.mean, report->roles[1].months[5].p_short.mean);
}

// No hire can be afforded (a budget of nothing): every round makes the plan without hires
// again, so the safe plan is the plan and its chance of being short is the plan's, run for run.
TEST(MonteCarlo, RoundsThatCannotHireKeepThePlansChance) {
  HiringInput in = ten_agents();
  in.roles[0].required_fte = {9.5, 9};
  in.roles[0].cost_per_hire = Money{100'000, *Currency::parse("EUR")};
  in.budget_per_month = Money{0, *Currency::parse("EUR")};
  auto plan = make_hiring_plan(in);
  ASSERT_TRUE(plan.has_value());
  ASSERT_EQ(plan->hires, 0);
  MonteCarloOptions options;
  options.runs = 2'000;
  auto report = monte_carlo(in, *plan, options);
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(report->safety_rounds, k_max_safety_rounds);
  EXPECT_EQ(report->safe_hires, 0);
  for (std::size_t m = 0; m < 2; ++m) {
    const MonthRisk& risk = report->roles[0].months[m];
    EXPECT_EQ(risk.p_short_safe.mean, risk.p_short.mean) << m;
    // Short when one or more of ten leave in month 0: 1 - 0.9^10 = 0.6513216.
    if (m == 0) {
      EXPECT_NEAR(risk.p_short.mean, 0.6513216, 2 * risk.p_short.half_width);
    }
  }
}

// Four agents, 3.1 FTE needed, 1 % monthly attrition, no training: the plan hires nobody (four
// people give 4 x 0.99^6 = 3.77 FTE in month 5). One leaver makes a month short by 0.1 FTE:
// P(short) in month 2 = 1 - 0.99^12 = 0.114, above 10 %. A stock of 0.1 added to the need
// alone (3.2, 3.3, ...) stays below the 3.88 FTE the plan gives and never hires; counted from
// what the plan gives (3.88 + 0.1) it hires one, and every month is at or under the target.
TEST(MonteCarlo, SafeHiresCountFromWhatThePlanGives) {
  HiringInput in;
  in.months = 6;
  RoleInput r;
  r.role = RoleId("agent");
  r.headcount = 4;
  r.required_fte.assign(6, 3.1);
  r.attrition.monthly_rate = 0.01;
  in.roles = {r};
  auto plan = make_hiring_plan(in);
  ASSERT_TRUE(plan.has_value());
  ASSERT_EQ(plan->hires, 0);
  MonteCarloOptions options;
  options.runs = 10'000;
  auto report = monte_carlo(in, *plan, options);
  ASSERT_TRUE(report.has_value());
  const std::vector<MonthRisk>& months = report->roles[0].months;
  EXPECT_NEAR(months[2].p_short.mean, 1 - std::pow(0.99, 12), 2 * months[2].p_short.half_width);
  EXPECT_GE(report->safe_hires, 1);
  for (std::size_t m = 0; m < 6; ++m) EXPECT_LE(months[m].p_short_safe.mean, 0.10) << m;
}

TEST(MonteCarlo, RejectsBadOptions) {
  HiringInput in = ten_agents();
  auto plan = make_hiring_plan(in);
  ASSERT_TRUE(plan.has_value());
  MonteCarloOptions options;
  options.runs = 0;
  options.short_target = 1;
  auto report = monte_carlo(in, *plan, options);
  ASSERT_FALSE(report.has_value());
  ASSERT_EQ(report.error().size(), 2u);
  EXPECT_EQ(report.error()[0].where.json_pointer, "/runs");
  EXPECT_EQ(report.error()[1].where.json_pointer, "/short_target");
}

TEST(MonteCarlo, BinomialMeanAndVariance) {
  sim::Rng rng(7, 0, 0);
  // n = 50, p = 0.3: mean 15, variance 10.5; and a group large enough to be split
  // (n = 200,000, p = 0.5: mean 100,000, variance 50,000).
  for (auto [n, p, draws] : {std::tuple{50, 0.3, 20'000}, std::tuple{200'000, 0.5, 400}}) {
    sim::Accumulator acc;
    double sum_sq = 0;
    const double mean = n * p, var = n * p * (1 - p);
    for (int i = 0; i < draws; ++i) {
      double x = binomial(rng, n, p);
      acc.add(x);
      sum_sq += (x - mean) * (x - mean);
    }
    EXPECT_NEAR(acc.estimate().mean, mean, 5 * std::sqrt(var / draws)) << n;
    EXPECT_NEAR(sum_sq / draws / var, 1.0, draws > 1000 ? 0.05 : 0.3) << n;
  }
  EXPECT_EQ(binomial(rng, 0, 0.5), 0);
  EXPECT_EQ(binomial(rng, 10, 0), 0);
  EXPECT_EQ(binomial(rng, 10, 1), 10);
}

// The table gives binomial()'s draws from the same stream: small groups (tabled), a group above
// the table's largest (drawn by binomial()), a group larger than binomial()'s split (p = 0.6:
// parts of floor(600 / -ln 0.4) = 654 people), and the edges n = 0, p = 0, p = 1.
TEST(MonteCarlo, BinomialTableDrawsWhatBinomialDraws) {
  for (auto [p, max_n] : {std::tuple{0.08, 40}, std::tuple{0.0417, 500}, std::tuple{0.6, 5'000},
                          std::tuple{0.0, 10}, std::tuple{1.0, 10}}) {
    BinomialTable table(p, max_n);
    sim::Rng a(3, 1, 2), b(3, 1, 2);
    for (int n : {0, 1, 2, 7, 15, 40, 41, 150, 499, 500, 654, 655, 2'000}) {
      for (int i = 0; i < 200; ++i) {
        ASSERT_EQ(table.draw(a, n), binomial(b, n, p)) << p << " " << n << " " << i;
      }
    }
    EXPECT_EQ(a.next(), b.next()) << p;  // as many uniforms used
  }
}

// Binomial(3, 0.2): P(0) = 0.8^3 = 0.512, P(1) = 3 x 0.2 x 0.64 = 0.384, P(2) = 3 x 0.04 x 0.8
// = 0.096, P(3) = 0.008; each share of 100,000 draws within four standard errors.
TEST(MonteCarlo, BinomialTableHasTheExactProbabilities) {
  BinomialTable table(0.2, 3);
  sim::Rng rng(11, 0, 0);
  constexpr int k_draws = 100'000;
  int count[4] = {0, 0, 0, 0};
  for (int i = 0; i < k_draws; ++i) ++count[table.draw(rng, 3)];
  const double exact[4] = {0.512, 0.384, 0.096, 0.008};
  for (int x = 0; x < 4; ++x) {
    const double se = std::sqrt(exact[x] * (1 - exact[x]) / k_draws);
    EXPECT_NEAR(count[x] / static_cast<double>(k_draws), exact[x], 4 * se) << x;
  }
}

}  // namespace
}  // namespace ccteam::hiring
