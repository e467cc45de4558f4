#include "ccteam/staffing/cost_view.hpp"

#include <gtest/gtest.h>

namespace ccteam::staffing {
namespace {

Money eur(std::int64_t minor) { return Money{minor, *Currency::parse("EUR")}; }

// The classic example (100 calls per half hour, AHT 180 s, 10 Erlangs), agents at EUR 20 an
// hour, EUR 1 per caller-minute of waiting. Totals per half hour = N x 10 + 100 x ASA / 60 with
// the mpmath ASA of erlang_reference.py: 11 -> 314.64, 12 -> 187.41, 13 -> 158.53,
// 14 -> 153.06, 15 -> 156.12, 16 -> 162.87: the cheapest is 14 agents.
TEST(CostCurve, FindsTheCheapestAgentCount) {
  auto curve = cost_curve(Workload{100, Seconds{1800}, Seconds{180}}, {},
                          CostRates{eur(2000), eur(100), eur(0)});
  ASSERT_TRUE(curve);
  ASSERT_EQ(curve->points.size(), 5u);  // 11 to 15 agents
  EXPECT_EQ(curve->points.front().agents, 11);
  EXPECT_EQ(curve->points[curve->best].agents, 14);
  EXPECT_EQ(curve->points[0].total.minor, 31464);  // EUR 314.64
  EXPECT_EQ(curve->points[3].total.minor, 15306);  // EUR 153.06
  EXPECT_EQ(curve->points[3].staff.minor, 14000);
  // It stops once staff alone costs more than 153.06: at 16 agents (160.00).
  EXPECT_EQ(curve->points.back().agents, 15);
}

TEST(CostCurve, AbandonmentCostsWithErlangA) {
  auto cheap = cost_curve(Workload{150, Seconds{1800}, Seconds{180}}, {Seconds{120}, {}},
                          CostRates{eur(2000), eur(0), eur(0)});
  ASSERT_TRUE(cheap);
  // Nothing but staff costs: one agent is cheapest (Erlang A is stable with any N >= 1).
  EXPECT_EQ(cheap->points[cheap->best].agents, 1);
  auto dear = cost_curve(Workload{150, Seconds{1800}, Seconds{180}}, {Seconds{120}, {}},
                         CostRates{eur(2000), eur(0), eur(10000)});
  ASSERT_TRUE(dear);
  EXPECT_GT(dear->points[dear->best].agents, 15);
  EXPECT_GT(dear->points[dear->best].abandonment.minor, 0);
}

TEST(CostCurve, RejectsMixedCurrencies) {
  auto usd = Money{100, *Currency::parse("USD")};
  EXPECT_FALSE(cost_curve(Workload{100, Seconds{1800}, Seconds{180}}, {},
                          CostRates{eur(2000), usd, eur(0)}));
}

// The same half hour in a plan with a 70/20 target: 13 agents meet it (SL 1 - C e^(-3 x 20/180)
// with C = 0.2853 from ASA 17.12 s: 79.6 %), so the plan staffs 13 at EUR 158.53 where 14 would
// cost EUR 153.06 (totals from the test above).
TEST(CostView, ComparesThePlanWithTheCheapestCount) {
  Forecast f;
  f.interval = Seconds{1800};
  f.intervals.push_back({LocalTime{std::chrono::hours{8}}, 100, Seconds{180}, 2, {}});
  PlanOptions o;
  o.targets.service_level = ServiceLevelTarget{0.7, Seconds{20}};
  auto plan = make_plan(f, o);
  ASSERT_TRUE(plan);
  auto view = cost_view(*plan, CostRates{eur(2000), eur(100), eur(0)});
  ASSERT_TRUE(view);
  ASSERT_EQ(view->size(), 1u);
  EXPECT_EQ((*view)[0].at_targets.agents, 13);
  EXPECT_EQ((*view)[0].at_targets.total.minor, 15853);
  EXPECT_EQ((*view)[0].cost_optimal.agents, 14);
  EXPECT_EQ((*view)[0].cost_optimal.total.minor, 15306);
  // Service levels at the target's 20 s: 13 agents 1 - 0.2853 e^(-1/3) = 0.7956; 14 agents
  // (C = ASA 7.836 s x 4 / 180 = 0.1741) 1 - 0.1741 e^(-4/9) = 0.8884.
  EXPECT_NEAR((*view)[0].at_targets.metrics.service_level, 0.7956, 0.001);
  EXPECT_NEAR((*view)[0].cost_optimal.metrics.service_level, 0.8884, 0.001);
}

// Agent band EUR 30,000 - 36,000 a year: middle 33,000 x 1.21 on-costs / (39 h x 52) paid
// hours = 39,930 / 2,028 = EUR 19.689 -> 1,969 cents an hour.
TEST(CostView, AgentHourCostFromTheBandMiddle) {
  catalog::Catalog c;
  catalog::Role agent;
  agent.id = RoleId("agent");
  c.roles = {agent};
  c.pay_bands.push_back(
      {catalog::RoleRef{RoleId("agent"), {}}, "DE",
       catalog::PayRange{eur(3'000'000), eur(3'600'000), false, catalog::PayPeriod::year, {}}});
  auto cost = agent_hour_cost(c, PlanOptions{}, CostOptions{"DE", 0.21, false});
  ASSERT_TRUE(cost);
  EXPECT_EQ(cost->minor, 1969);
  EXPECT_FALSE(agent_hour_cost(c, PlanOptions{}, CostOptions{"US", 0.21, false}));
}

}  // namespace
}  // namespace ccteam::staffing
