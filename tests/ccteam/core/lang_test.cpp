#include "ccteam/core/lang.hpp"

#include <gtest/gtest.h>

namespace ccteam {
namespace {

TEST(Lang, ParsesCodesAndPosixLocaleNames) {
  EXPECT_EQ(parse_lang("de"), Lang::de);
  EXPECT_EQ(parse_lang("EN"), Lang::en);
  EXPECT_EQ(parse_lang("de_DE.UTF-8"), Lang::de);
  EXPECT_EQ(parse_lang("de_AT"), Lang::de);
  EXPECT_EQ(parse_lang("en-GB"), Lang::en);
  EXPECT_EQ(parse_lang("de_DE.UTF-8@euro"), Lang::de);
}

TEST(Lang, RejectsOtherLanguagesAndTheCLocale) {
  EXPECT_EQ(parse_lang("fr_FR.UTF-8"), std::nullopt);
  EXPECT_EQ(parse_lang("C"), std::nullopt);
  EXPECT_EQ(parse_lang("POSIX"), std::nullopt);
  EXPECT_EQ(parse_lang(""), std::nullopt);
  EXPECT_EQ(parse_lang("deu"), std::nullopt);
}

TEST(LocalizedText, ReturnsTheTextOfEachLanguage) {
  LocalizedText text{"Agent", "Agentin"};
  EXPECT_EQ(text.get(Lang::en), "Agent");
  EXPECT_EQ(text.get(Lang::de), "Agentin");
}

}  // namespace
}  // namespace ccteam
