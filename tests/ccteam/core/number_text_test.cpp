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

}  // namespace
}  // namespace ccteam
