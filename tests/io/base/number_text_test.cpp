#include "io/base/number_text.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace ccteam::io {
namespace {

TEST(NumberText, DecimalSeparatorFollowsTheLanguage) {
  EXPECT_EQ(decimal_text(1234.567, 1, Lang::en), "1234.6");
  EXPECT_EQ(decimal_text(1234.567, 1, Lang::de), "1234,6");
  EXPECT_EQ(decimal_text(17.2222, 2, Lang::de), "17,22");
  EXPECT_EQ(decimal_text(7, 0, Lang::de), "7");
}

TEST(NumberText, NegativeZeroIsShownAsZero) {
  EXPECT_EQ(decimal_text(-0.04, 1, Lang::en), "0.0");
  EXPECT_EQ(decimal_text(-0.06, 1, Lang::en), "-0.1");
}

TEST(NumberText, ShortDecimalDropsTrailingZeros) {
  EXPECT_EQ(short_decimal_text(43.0, 1, Lang::en), "43");
  EXPECT_EQ(short_decimal_text(43.2973, 1, Lang::de), "43,3");
  EXPECT_EQ(short_decimal_text(180, 2, Lang::de), "180");
  EXPECT_EQ(short_decimal_text(0.25, 3, Lang::en), "0.25");
}

TEST(NumberText, PercentOfAShare) {
  EXPECT_EQ(percent_text(0.8614, Lang::de), "86,1 %");
  EXPECT_EQ(percent_text(0.8614, Lang::en), "86.1 %");
  EXPECT_EQ(percent_text(1, Lang::en), "100.0 %");
}

TEST(NumberText, NotFiniteIsADash) {
  EXPECT_EQ(decimal_text(std::numeric_limits<double>::infinity(), 1, Lang::en), "-");
  EXPECT_EQ(short_decimal_text(std::nan(""), 1, Lang::de), "-");
  EXPECT_EQ(percent_text(std::nan(""), Lang::de), "-");
}

TEST(NumberText, CountsInProseHaveDigitGroupsOfTheLanguage) {
  EXPECT_EQ(count_text(0), (LocalizedText{"0", "0"}));
  EXPECT_EQ(count_text(999), (LocalizedText{"999", "999"}));
  EXPECT_EQ(count_text(1000), (LocalizedText{"1,000", "1.000"}));
  EXPECT_EQ(count_text(31200), (LocalizedText{"31,200", "31.200"}));
  EXPECT_EQ(count_text(-1234567), (LocalizedText{"-1,234,567", "-1.234.567"}));
  EXPECT_EQ(count_text(std::numeric_limits<std::int64_t>::min()).en, "-9,223,372,036,854,775,808");
}

// Tables and pages of figures ("1.200,0" hours a week, not "1200,0"): groups of three in the whole
// part only, the separators swapped in German (DIN 5008: 1.234,5).
TEST(NumberText, TablesGroupDigitsWhenAsked) {
  EXPECT_EQ(decimal_text(1234.567, 1, Lang::de, Grouping::thousands), "1.234,6");
  EXPECT_EQ(decimal_text(1200, 1, Lang::en, Grouping::thousands), "1,200.0");
  EXPECT_EQ(decimal_text(-1234567.25, 2, Lang::de, Grouping::thousands), "-1.234.567,25");
  EXPECT_EQ(decimal_text(999.5, 1, Lang::de, Grouping::thousands), "999,5");
  EXPECT_EQ(decimal_text(0.00001, 4, Lang::en, Grouping::thousands), "0.0000");
  EXPECT_EQ(short_decimal_text(31125, 1, Lang::de, Grouping::thousands), "31.125");
  EXPECT_EQ(short_decimal_text(100000.5, 1, Lang::en, Grouping::thousands), "100,000.5");
  EXPECT_EQ(decimal_text(1234.5, 1, Lang::de), "1234,5");  // form values: no groups
  EXPECT_EQ(decimal_text(NAN, 1, Lang::de, Grouping::thousands), "-");
}

}  // namespace
}  // namespace ccteam::io
