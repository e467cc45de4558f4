#include "ccteam/sim/stats.hpp"

#include <cmath>

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

TEST(RatioAccumulator, GivesTheRatioOfTotalsWithADeltaMethodInterval) {
  // (y, x) = (1, 2), (2, 2), (3, 4): R = 6 / 8 = 0.75 (the mean of the ratios would be
  // (0.5 + 1 + 0.75) / 3 = 0.75 too; see below for one where they differ). Residuals
  // z = y - R x = -0.5, 0.5, 0; s^2 = 0.5 / 2 = 0.25; xbar = 8 / 3;
  // half-width = t(0.975, 2) x 0.5 / (8 / 3 x sqrt(3)) = 4.302653 x 0.5 / 4.618802 = 0.465776.
  RatioAccumulator r;
  r.add(1, 2);
  r.add(2, 2);
  r.add(3, 4);
  Estimate e = r.estimate();
  EXPECT_EQ(e.n, 3);
  EXPECT_DOUBLE_EQ(e.mean, 0.75);
  EXPECT_NEAR(e.half_width, 0.465776, 1e-6);
  // A replication with few calls weighs as its calls: (1 of 1) and (50 of 100) give 51 / 101,
  // not the mean of 100 % and 50 % (75 %).
  RatioAccumulator weighted;
  weighted.add(1, 1);
  weighted.add(50, 100);
  EXPECT_DOUBLE_EQ(weighted.estimate().mean, 51.0 / 101.0);
}

TEST(RatioAccumulator, CountsEmptyReplicationsAndSaysWhenThereIsNoRatio) {
  RatioAccumulator none;
  none.add(0, 0);
  EXPECT_TRUE(std::isnan(none.estimate().mean));
  EXPECT_EQ(none.estimate().n, 0);
  // One replication with calls and one without: a ratio, but no interval from one value.
  RatioAccumulator one;
  one.add(3, 4);
  one.add(0, 0);
  EXPECT_DOUBLE_EQ(one.estimate().mean, 0.75);
  EXPECT_EQ(one.estimate().n, 1);
  EXPECT_TRUE(std::isnan(one.estimate().half_width));
  // Every replication with the same ratio: a zero-width interval, never NaN from rounding.
  RatioAccumulator same;
  for (int i = 1; i <= 5; ++i) same.add(0.1 * i, 0.3 * i);
  EXPECT_NEAR(same.estimate().mean, 1.0 / 3.0, 1e-15);
  EXPECT_NEAR(same.estimate().half_width, 0.0, 1e-12);
}

}  // namespace
}  // namespace ccteam::sim
