#include "ccteam/staffing/forecast.hpp"

#include <gtest/gtest.h>

#include "ccteam/staffing/solve.hpp"

namespace ccteam::staffing {
namespace {

Forecast one_interval(double calls, double aht, int minute = 0) {
  Forecast f;
  LocalTime t{std::chrono::local_days{std::chrono::year{2026} / 3 / 2}.time_since_epoch() +
              std::chrono::hours{8} + std::chrono::minutes{minute}};
  f.intervals.push_back({t, calls, Seconds{aht}, 2, {}});
  return f;
}

TEST(PoolForecasts, AddsCallsAndWeighsTheAht) {
  auto pooled = pool_forecasts({one_interval(50, 180), one_interval(50, 120)});
  ASSERT_TRUE(pooled);
  ASSERT_EQ(pooled->intervals.size(), 1u);
  EXPECT_EQ(pooled->intervals[0].calls_offered, 100);
  EXPECT_DOUBLE_EQ(pooled->intervals[0].handle_time.count(), 150);  // (50x180 + 50x120) / 100
  // Pooling needs fewer agents than two separate queues (erlang_reference.py at 80/20):
  // 5 Erlangs alone need 8, 3.33 Erlangs alone need 6; 8.33 Erlangs pooled need 12 < 14.
  Targets t;
  t.service_level = ServiceLevelTarget{0.8, Seconds{20}};
  EXPECT_EQ(solve_agents(pooled->workload(pooled->intervals[0]), t, {})->agents, 12);
  EXPECT_EQ(solve_agents(Workload{50, Seconds{1800}, Seconds{180}}, t, {})->agents, 8);
  EXPECT_EQ(solve_agents(Workload{50, Seconds{1800}, Seconds{120}}, t, {})->agents, 6);
}

TEST(PoolForecasts, RejectsDifferentIntervals) {
  auto pooled = pool_forecasts({one_interval(50, 180), one_interval(50, 120, 30)});
  ASSERT_FALSE(pooled);
  EXPECT_EQ(pooled.error().message.id, MsgId::forecast_pool_mismatch);
  ASSERT_EQ(pooled.error().message.args.size(), 2u);
  EXPECT_EQ(pooled.error().message.args[0].text, "2");
  EXPECT_EQ(pooled.error().message.args[1].text, "1");
}

}  // namespace
}  // namespace ccteam::staffing
