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

}  // namespace
}  // namespace ccteam::staffing
