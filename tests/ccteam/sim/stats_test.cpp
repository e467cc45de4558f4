#include "ccteam/sim/stats.hpp"

#include <gtest/gtest.h>

namespace ccteam::sim {
namespace {

TEST(StudentT, MatchesPublishedQuantiles) {
  // Abramowitz & Stegun 1964, table 26.10 (P = 0.975): df 1, 4, 30 from the table, 40, 60, 120
  // through the expansion (table values 2.021075, 2.000298, 1.979930).
  EXPECT_NEAR(t_quantile_975(1), 12.7062, 1e-4);
  EXPECT_NEAR(t_quantile_975(4), 2.7764, 1e-4);
  EXPECT_NEAR(t_quantile_975(30), 2.0423, 1e-4);
  EXPECT_NEAR(t_quantile_975(40), 2.021075, 1e-5);
  EXPECT_NEAR(t_quantile_975(60), 2.000298, 1e-5);
  EXPECT_NEAR(t_quantile_975(120), 1.979930, 1e-5);
  EXPECT_NEAR(t_quantile_975(1'000'000), 1.959964, 1e-5);
  EXPECT_TRUE(std::isnan(t_quantile_975(0)));
}

TEST(Accumulator, GivesMeanAndHalfWidth) {
  // 1..5: mean 3, s = sqrt(2.5) = 1.58114, half-width = 2.776445 x 1.58114 / sqrt(5) = 1.96324.
  Accumulator a;
  for (double x : {1.0, 2.0, 3.0, 4.0, 5.0}) a.add(x);
  Estimate e = a.estimate();
  EXPECT_EQ(e.n, 5);
  EXPECT_DOUBLE_EQ(e.mean, 3.0);
  EXPECT_NEAR(e.half_width, 1.96324, 1e-5);
}

TEST(Accumulator, SaysWhenThereIsNoInterval) {
  EXPECT_TRUE(std::isnan(Accumulator{}.estimate().mean));
  Accumulator one;
  one.add(7);
  EXPECT_EQ(one.estimate().mean, 7);
  EXPECT_TRUE(std::isnan(one.estimate().half_width));
}

}  // namespace
}  // namespace ccteam::sim
