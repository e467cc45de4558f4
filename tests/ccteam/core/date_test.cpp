#include "ccteam/core/date.hpp"

#include <gtest/gtest.h>

namespace ccteam {
namespace {

using namespace std::chrono;

Date ymd(int y, unsigned m, unsigned d) { return Date{year(y), month(m), day(d)}; }

TEST(Date, ParsesIsoCalendarDates) {
  auto date = parse_iso_date("2024-02-29");  // 2024 is a leap year
  ASSERT_TRUE(date);
  EXPECT_EQ(*date, ymd(2024, 2, 29));
  EXPECT_EQ(to_iso(*date), "2024-02-29");
}

TEST(Date, RejectsImpossibleAndMalformedDates) {
  for (std::string_view bad : {"2023-02-29", "2023-13-01", "2023-00-10", "2023-04-31", "2023-4-1",
                               "20230401", "2023-04-01T00:00", "", "0999-01-01"}) {
    auto date = parse_iso_date(bad);
    ASSERT_FALSE(date) << bad;
    EXPECT_EQ(date.error().message.id, MsgId::bad_date);
  }
}

TEST(PartialDate, KeepsWhatIsKnown) {
  auto y = PartialDate::parse("2019");
  ASSERT_TRUE(y);
  EXPECT_EQ(y->month, 0u);
  EXPECT_EQ(y->earliest(), ymd(2019, 1, 1));
  EXPECT_EQ(y->latest(), ymd(2019, 12, 31));

  auto ym = PartialDate::parse("2019-02");
  ASSERT_TRUE(ym);
  EXPECT_EQ(ym->earliest(), ymd(2019, 2, 1));
  EXPECT_EQ(ym->latest(), ymd(2019, 2, 28));
  EXPECT_EQ(PartialDate::parse("2020-02")->latest(), ymd(2020, 2, 29));

  auto full = PartialDate::parse("2019-04-15");
  ASSERT_TRUE(full);
  EXPECT_EQ(full->earliest(), full->latest());
}

TEST(PartialDate, RejectsMalformedInput) {
  for (std::string_view bad : {"19", "2019-", "2019-13", "2019-1", "2019-02-30", "abcd"}) {
    EXPECT_FALSE(PartialDate::parse(bad)) << bad;
  }
}

}  // namespace
}  // namespace ccteam
