// The planner's text grammars (src/io/staffing/plan_text.cpp).
#include "io/staffing/plan_text.hpp"

#include <gtest/gtest.h>

namespace ccteam::io {
namespace {

using namespace std::chrono;
using staffing::Seconds;

TEST(PlanText, ServiceLevel) {
  auto sl = parse_service_level("80/20", "/sl");
  ASSERT_TRUE(sl.has_value());
  EXPECT_DOUBLE_EQ(sl->fraction, 0.8);
  EXPECT_EQ(sl->answer_time, Seconds{20});
  for (const char* bad : {"80", "80/", "/20", "80/20s", "eighty/20", ""}) {
    auto e = parse_service_level(bad, "/options/targets/service_level");
    ASSERT_FALSE(e.has_value()) << bad;
    EXPECT_EQ(e.error().kind, ErrorKind::usage);
    EXPECT_EQ(e.error().message.id, MsgId::plan_bad_argument_expected);
    EXPECT_EQ(e.error().where.json_pointer, "/options/targets/service_level");
    EXPECT_EQ(render(e.error().message, Lang::en), "/options/targets/service_level: cannot read '" +
                                                       std::string(bad) + "' (expected: 80/20)");
  }
}

TEST(PlanText, CallsPerDay) {
  EXPECT_DOUBLE_EQ(*parse_calls_per_day("1200/day", "/c"), 1200);
  EXPECT_DOUBLE_EQ(*parse_calls_per_day("-5/day", "/c"), -5);  // the range is the domain's
  EXPECT_FALSE(parse_calls_per_day("1200", "/c").has_value());
  EXPECT_FALSE(parse_calls_per_day("1200/week", "/c").has_value());
}

TEST(PlanText, ClockTimesAndOpeningHours) {
  EXPECT_EQ(parse_clock_time("08:30"), minutes{8 * 60 + 30});
  EXPECT_EQ(parse_clock_time("24:00"), minutes{24 * 60});
  EXPECT_FALSE(parse_clock_time("24:30").has_value());
  EXPECT_FALSE(parse_clock_time("8:30").has_value());
  EXPECT_FALSE(parse_clock_time("08:60").has_value());
  auto h = parse_opening_hours("20:00-08:00", "/h");  // the order is checked by the use case
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->open, minutes{20 * 60});
  EXPECT_EQ(opening_hours_text(h->open, h->close), "20:00-08:00");
  EXPECT_FALSE(parse_opening_hours("8-20", "/h").has_value());
}

TEST(PlanText, WordsAndTheirTexts) {
  for (auto d : {staffing::SlDefinition::over_offered, staffing::SlDefinition::over_answered,
                 staffing::SlDefinition::over_offered_minus_short_abandons}) {
    EXPECT_EQ(*parse_sl_definition(sl_definition_text(d), "/d"), d);
  }
  for (auto d :
       {staffing::AsaDefinition::over_answered, staffing::AsaDefinition::over_all_callers}) {
    EXPECT_EQ(*parse_asa_definition(asa_definition_text(d), "/d"), d);
  }
  EXPECT_EQ(*parse_tier_mode("deferred", "/m", staffing::TierMode::live),
            staffing::TierMode::deferred);
  auto e = parse_tier_mode("later", "/m", staffing::TierMode::deferred);
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(render(e.error().message, Lang::de),
            "/m: 'later' ist nicht lesbar (erwartet: deferred, live)");
}

TEST(PlanText, LocalDay) {
  auto d = parse_local_day("2026-01-05", "/day");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(*d, local_days{year{2026} / 1 / 5});
  EXPECT_EQ(local_day_text(*d), "2026-01-05");
  EXPECT_FALSE(parse_local_day("2026-13-01", "/day").has_value());
}

}  // namespace
}  // namespace ccteam::io
