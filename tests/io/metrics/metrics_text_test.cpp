// The metrics' text grammars (src/io/metrics/metrics_text.cpp).
#include "io/metrics/metrics_text.hpp"

#include <gtest/gtest.h>

namespace ccteam::io {
namespace {

using namespace std::chrono;

TEST(MetricsText, GroupByAndInterval) {
  EXPECT_EQ(*parse_group_by("team", "/by"), metrics::GroupBy::team);
  auto bad = parse_group_by("shift", "/options/by");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().message.id, MsgId::metrics_interval_choices);
  EXPECT_EQ(bad.error().where.json_pointer, "/options/by");
  EXPECT_EQ(*parse_metrics_interval("1h", "/i"), minutes{60});
  EXPECT_EQ(*parse_metrics_interval("15", "/i"), minutes{15});
  EXPECT_EQ(*parse_metrics_interval("week", "/i"), metrics::k_week);
  EXPECT_EQ(metrics_interval_text(minutes{30}), "30m");
  EXPECT_EQ(metrics_interval_text(metrics::k_day), "day");
  auto e = parse_metrics_interval("7m", "/i");
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(render(e.error().message, Lang::en), "/i: '7m' is not one of 15m, 30m, 60m, day, week");
}

TEST(MetricsText, UtcOffset) {
  EXPECT_EQ(*parse_utc_offset("+02:00", "/o"), hours{2});
  EXPECT_EQ(*parse_utc_offset("-03:30", "/o"), -(hours{3} + minutes{30}));
  EXPECT_EQ(*parse_utc_offset("Z", "/o"), seconds{0});
  EXPECT_FALSE(parse_utc_offset("25:00", "/o").has_value());
  EXPECT_FALSE(parse_utc_offset("+15:00", "/o").has_value());
  // Offsets run from -12:00 to +14:00 (Kiribati); 14:30 is none, and the error says the range.
  EXPECT_EQ(*parse_utc_offset("+14:00", "/o"), hours{14});
  auto beyond = parse_utc_offset("+14:30", "/o");
  ASSERT_FALSE(beyond.has_value());
  EXPECT_EQ(render(beyond.error().message, Lang::en),
            "/o: '+14:30' is not a UTC offset; use +HH:MM or -HH:MM from -14:00 to +14:00 (for "
            "example +01:00), or Z");
  EXPECT_EQ(utc_offset_text(hours{2}), "+02:00");
  EXPECT_EQ(utc_offset_text(-(hours{3} + minutes{30})), "-03:30");
}

TEST(MetricsText, CallFormat) {
  EXPECT_EQ(*parse_call_format("bank", "/f"), CallFormat::anonymous_bank);
  EXPECT_EQ(*parse_call_format("csv", "/f"), CallFormat::csv);
  EXPECT_FALSE(parse_call_format("tsv", "/f").has_value());
}

}  // namespace
}  // namespace ccteam::io
