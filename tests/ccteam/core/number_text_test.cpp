// Numbers inside messages (src/ccteam/core/number_text.cpp); expected texts as printf's "%g"
// writes them, with a comma for German.
#include "ccteam/core/number_text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace ccteam {
namespace {

TEST(SignificantText, DecimalSeparatorFollowsTheLanguage) {
  EXPECT_EQ(significant_text(0.8, 6), (LocalizedText{"0.8", "0,8"}));
  EXPECT_EQ(significant_text(20, 6), (LocalizedText{"20", "20"}));
  EXPECT_EQ(significant_text(-1.5, 6), (LocalizedText{"-1.5", "-1,5"}));
}

TEST(SignificantText, RoundsToTheSignificantDigits) {
  EXPECT_EQ(significant_text(1.0 / 3, 3), (LocalizedText{"0.333", "0,333"}));
  EXPECT_EQ(significant_text(0.25, 3), (LocalizedText{"0.25", "0,25"}));  // no trailing zeros
  EXPECT_EQ(significant_text(1234567, 3), (LocalizedText{"1.23e+06", "1,23e+06"}));
  EXPECT_EQ(significant_text(1234567, 6), (LocalizedText{"1.23457e+06", "1,23457e+06"}));
  EXPECT_EQ(significant_text(0.26, 0), (LocalizedText{"0.3", "0,3"}));  // as 1 digit
}

TEST(SignificantText, NotFiniteIsWrittenAsPrintfDoes) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(significant_text(inf, 6), (LocalizedText{"inf", "inf"}));
  EXPECT_EQ(significant_text(-inf, 6), (LocalizedText{"-inf", "-inf"}));
  EXPECT_EQ(significant_text(std::nan(""), 6), (LocalizedText{"nan", "nan"}));
}

// SI prefixes (1 kB = 1,000 bytes, IEC 80000-13), one decimal below 10, as file managers write.
TEST(FileSizeText, SiUnitsInTheReadersLanguage) {
  EXPECT_EQ(file_size_text(0), (LocalizedText{"0 bytes", "0 Bytes"}));
  EXPECT_EQ(file_size_text(999), (LocalizedText{"999 bytes", "999 Bytes"}));
  EXPECT_EQ(file_size_text(1000), (LocalizedText{"1 kB", "1 kB"}));
  EXPECT_EQ(file_size_text(1'234), (LocalizedText{"1.2 kB", "1,2 kB"}));
  EXPECT_EQ(file_size_text(840'000), (LocalizedText{"840 kB", "840 kB"}));
  EXPECT_EQ(file_size_text(999'499), (LocalizedText{"999 kB", "999 kB"}));
  EXPECT_EQ(file_size_text(999'500), (LocalizedText{"1 MB", "1 MB"}));
  EXPECT_EQ(file_size_text(1'234'567), (LocalizedText{"1.2 MB", "1,2 MB"}));
  EXPECT_EQ(file_size_text(5'000'000), (LocalizedText{"5 MB", "5 MB"}));
  EXPECT_EQ(file_size_text(60'000'000), (LocalizedText{"60 MB", "60 MB"}));
  EXPECT_EQ(file_size_text(-5), (LocalizedText{"0 bytes", "0 Bytes"}));
}

TEST(GroupedText, DigitGroupsAndNoExponent) {
  // DIN 5008: groups of three, a point between them in German and a comma in English.
  EXPECT_EQ(grouped_text(2061584749.8555784, 1),
            (LocalizedText{"2,061,584,749.9", "2.061.584.749,9"}));
  EXPECT_EQ(grouped_text(100000, 0), (LocalizedText{"100,000", "100.000"}));
  EXPECT_EQ(grouped_text(-1234.5, 6), (LocalizedText{"-1,234.5", "-1.234,5"}));
  EXPECT_EQ(grouped_text(999, 2), (LocalizedText{"999", "999"}));
  EXPECT_EQ(grouped_text(0.25, 6), (LocalizedText{"0.25", "0,25"}));
  EXPECT_EQ(grouped_text(std::numeric_limits<double>::infinity(), 1),
            (LocalizedText{"inf", "inf"}));
  EXPECT_EQ(with_digit_groups("1234567.891"), "1,234,567.891");
  EXPECT_EQ(with_digit_groups("-123"), "-123");
}

TEST(RangeWords, EachKindOfRangeInBothLanguages) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  auto words = [](const ValueRange& r, double scale = 1, std::string_view unit = "") {
    Message m = range_words(r, scale, unit);
    return render(m, Lang::en) + " | " + render(m, Lang::de);
  };
  EXPECT_EQ(words({1, 7, false, false}), "from 1 to 7 | von 1 bis 7");
  EXPECT_EQ(words({0, 1, false, true}, 100, " %"),
            "from 0 % to below 100 % | von 0 % bis unter 100 %");
  EXPECT_EQ(words({0, 168, true, false}), "above 0 up to 168 | über 0 bis 168");
  EXPECT_EQ(words({1, inf, false, true}), "of at least 1 | von mindestens 1");
  EXPECT_EQ(words({0, inf, true, true}), "above 0 | über 0");
  EXPECT_EQ(words({0, 100000, false, false}), "from 0 to 100,000 | von 0 bis 100.000");
  EXPECT_EQ(words({0, 0.5, true, false}), "above 0 up to 0.5 | über 0 bis 0,5");
}

TEST(ValueRange, ContainsHonoursEachEnd) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  const ValueRange below_one{0, 1, false, true};
  EXPECT_TRUE(below_one.contains(0));
  EXPECT_TRUE(below_one.contains(0.999));
  EXPECT_FALSE(below_one.contains(1));
  EXPECT_FALSE(below_one.contains(-0.001));
  const ValueRange above_zero{0, inf, true, true};
  EXPECT_FALSE(above_zero.contains(0));
  EXPECT_TRUE(above_zero.contains(1e300));
  EXPECT_FALSE(above_zero.contains(inf));
  EXPECT_FALSE(above_zero.contains(std::nan("")));
}

}  // namespace
}  // namespace ccteam
