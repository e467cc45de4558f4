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

}  // namespace
}  // namespace ccteam
