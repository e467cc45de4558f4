#include "ccteam/staffing/profile.hpp"

#include <numeric>

#include <gtest/gtest.h>

namespace ccteam::staffing {
namespace {

DailyProfile profile_1200() {
  DailyProfile p;
  p.calls_per_day = 1200;
  p.open = std::chrono::hours{8};
  p.close = std::chrono::hours{20};
  p.handle_time = Seconds{180};
  p.interval = Seconds{1800};
  return p;
}

TEST(Profile, DefaultCurveFormula) {
  // h = 8.25: 1 + 0.8 exp(-(2.25/1.75)^2) + 0.5 exp(-(6.75/1.75)^2)
  //         = 1 + 0.8 x 0.191463 + 0.5 x 3.5e-7 = 1.1531705 (python3 math.exp)
  EXPECT_NEAR(default_intraday_weight(8.25), 1.1531705, 1e-6);
  EXPECT_NEAR(default_intraday_weight(10.5), 1.8 + 0.5 * std::exp(-(4.5 / 1.75) * (4.5 / 1.75)),
              1e-12);
}

TEST(Profile, SpreadsTheDayOverTheOpeningHours) {
  auto f = forecast_from_profile(profile_1200());
  ASSERT_TRUE(f);
  ASSERT_EQ(f->intervals.size(), 24u);  // 08:00 to 20:00 in half hours
  double total = 0;
  for (const auto& i : f->intervals) total += i.calls_offered;
  EXPECT_NEAR(total, 1200, 1e-9);
  // The 10:00 interval (mid 10.25 h) is the morning peak; 08:00 the quietest of the morning.
  EXPECT_GT(f->intervals[4].calls_offered, f->intervals[0].calls_offered);
  EXPECT_NEAR(f->intervals[0].calls_offered, 43.2973, 1e-3);  // python3, same formula
}

TEST(Profile, OwnWeightsAndBadInput) {
  DailyProfile p = profile_1200();
  p.weights.assign(24, 1.0);
  auto flat = forecast_from_profile(p);
  ASSERT_TRUE(flat);
  EXPECT_DOUBLE_EQ(flat->intervals[7].calls_offered, 50.0);
  p.weights.assign(3, 1.0);
  EXPECT_FALSE(forecast_from_profile(p));
  p = profile_1200();
  p.open = std::chrono::minutes{8 * 60 + 10};  // not on the half-hour grid
  EXPECT_FALSE(forecast_from_profile(p));
  p = profile_1200();
  p.close = p.open;
  EXPECT_FALSE(forecast_from_profile(p));
}

}  // namespace
}  // namespace ccteam::staffing
