#include "ccteam/sim/distribution.hpp"

#include <cmath>
#include <set>

#include <gtest/gtest.h>

namespace ccteam::sim {
namespace {

struct Moments {
  double mean = 0, sd = 0;
};

Moments sample(const Distribution& d, int n, std::uint64_t source) {
  Sampler s(d);
  Rng rng(42, 0, source);
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    double x = s(rng);
    EXPECT_GE(x, 0);
    sum += x;
    sum2 += x * x;
  }
  double mean = sum / n;
  return {mean, std::sqrt(sum2 / n - mean * mean)};
}

// 200,000 samples: the standard error of the mean is sd / 447, so 1.5 % of the mean for a
// coefficient of variation up to 3 covers more than 4 standard errors.
constexpr int k_n = 200'000;

TEST(Distribution, ExponentialHasItsMeanAndSd) {
  Moments m = sample({DistKind::exponential, 180, 0, {}}, k_n, 1);
  EXPECT_NEAR(m.mean, 180, 180 * 0.015);
  EXPECT_NEAR(m.sd, 180, 180 * 0.02);
}

TEST(Distribution, LognormalHasTheGivenMeanAndSdOfTheTime) {
  Moments m = sample({DistKind::lognormal, 300, 180, {}}, k_n, 2);
  EXPECT_NEAR(m.mean, 300, 300 * 0.015);
  EXPECT_NEAR(m.sd, 180, 180 * 0.04);
}

TEST(Distribution, GammaHasTheGivenMeanAndSdAlsoBelowShapeOne) {
  Moments m = sample({DistKind::gamma, 420, 240, {}}, k_n, 3);  // shape 3.06
  EXPECT_NEAR(m.mean, 420, 420 * 0.015);
  EXPECT_NEAR(m.sd, 240, 240 * 0.03);
  Moments low = sample({DistKind::gamma, 100, 200, {}}, k_n, 4);  // shape 0.25
  EXPECT_NEAR(low.mean, 100, 100 * 0.03);
  EXPECT_NEAR(low.sd, 200, 200 * 0.06);
}

TEST(Distribution, EmpiricalDrawsEachValueEquallyOften) {
  Distribution d{DistKind::empirical, 0, 0, {600, 900, 1200, 1500}};
  Sampler s(d);
  Rng rng(1, 0, 0);
  int counts[4] = {};
  for (int i = 0; i < 40'000; ++i) counts[static_cast<int>((s(rng) - 600) / 300)] += 1;
  for (int c : counts) EXPECT_NEAR(c, 10'000, 400);  // 4 standard deviations (sd 87)
  EXPECT_DOUBLE_EQ(mean_of(d), 1050);
}

TEST(Distribution, NoneAndConstant) {
  Rng rng(1, 0, 0);
  EXPECT_TRUE(std::isinf(Sampler(Distribution{})(rng)));
  EXPECT_EQ(Sampler({DistKind::constant, 60, 0, {}})(rng), 60);
}

TEST(Rng, StreamsAreReproducibleAndIndependent) {
  Rng a(7, 3, 2), b(7, 3, 2), c(7, 3, 5), d(7, 4, 2);
  std::uint64_t first = a.next();
  EXPECT_EQ(first, b.next());
  EXPECT_NE(first, c.next());
  EXPECT_NE(first, d.next());
  // Uniform on (0, 1] never gives 0.
  Rng u(0, 0, 0);
  for (int i = 0; i < 10'000; ++i) EXPECT_GT(u.uniform_open0(), 0.0);
}

}  // namespace
}  // namespace ccteam::sim
