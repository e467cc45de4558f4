// Languages: names to ISO 639-1 (ICU display names), level words to CEFR (table in
// language.hpp).
#include "ccteam/qualify/language.hpp"

#include <gtest/gtest.h>

namespace ccteam::qualify {
namespace {

using catalog::Cefr;

TEST(LanguageCode, EnglishAndGermanNamesAndCodes) {
  EXPECT_EQ(language_code("German"), "de");
  EXPECT_EQ(language_code("Deutsch"), "de");
  EXPECT_EQ(language_code("Englisch"), "en");
  EXPECT_EQ(language_code("english"), "en");
  EXPECT_EQ(language_code("Französisch"), "fr");
  EXPECT_EQ(language_code("tr"), "tr");
  EXPECT_FALSE(language_code("Klingonisch-ish").has_value());
}

struct Row {
  const char* words;
  Cefr level;
};
class CefrTable : public ::testing::TestWithParam<Row> {};

TEST_P(CefrTable, Level) {
  auto level = cefr_of(GetParam().words);
  ASSERT_TRUE(level.has_value()) << GetParam().words;
  EXPECT_EQ(catalog::to_string(*level), catalog::to_string(GetParam().level)) << GetParam().words;
}

INSTANTIATE_TEST_SUITE_P(
    EveryRow, CefrTable,
    ::testing::Values(
        Row{"Muttersprache", Cefr::c2}, Row{"muttersprachlich", Cefr::c2},
        Row{"Native speaker", Cefr::c2}, Row{"native", Cefr::c2}, Row{"mother tongue", Cefr::c2},
        Row{"bilingual", Cefr::c2}, Row{"fließend", Cefr::c1}, Row{"FLIESSEND", Cefr::c1},
        Row{"verhandlungssicher", Cefr::c1}, Row{"business fluent", Cefr::c1},
        Row{"Fluent", Cefr::c1}, Row{"Full Professional Proficiency", Cefr::c1},
        Row{"sehr gute Kenntnisse", Cefr::b2}, Row{"very good", Cefr::b2},
        Row{"Upper intermediate", Cefr::b2}, Row{"Professional working proficiency", Cefr::b2},
        Row{"gute Kenntnisse", Cefr::b1}, Row{"intermediate", Cefr::b1},
        Row{"Limited working proficiency", Cefr::b1}, Row{"Grundkenntnisse", Cefr::a2},
        Row{"basic", Cefr::a2}, Row{"Anfänger", Cefr::a1}, Row{"C1", Cefr::c1},
        Row{"Niveau B2 (GER)", Cefr::b2}, Row{"fluent (C2)", Cefr::c2}));

TEST(CefrOf, UnknownWords) {
  EXPECT_FALSE(cefr_of("ganz okay").has_value());
  EXPECT_FALSE(cefr_of("").has_value());
}

TEST(CefrOf, NegatedLevelsCannotBePlaced) {
  EXPECT_FALSE(cefr_of("not fluent").has_value());
  EXPECT_FALSE(cefr_of("nicht fließend").has_value());
  EXPECT_FALSE(cefr_of("keine Kenntnisse").has_value());
  EXPECT_EQ(cefr_of("C1 (not certified)"), Cefr::c1);  // a written level still counts
}

TEST(CefrOf, MoreGermanWordsAndRanges) {
  EXPECT_EQ(cefr_of("Muttersprachler(in)"), Cefr::c2);
  EXPECT_EQ(cefr_of("fließende Kenntnisse"), Cefr::c1);
  EXPECT_EQ(cefr_of("Fortgeschritten"), Cefr::b2);
  EXPECT_EQ(cefr_of("B2/C1"), Cefr::b2);  // of a range, the level surely claimed
  EXPECT_EQ(cefr_of("C1-B2"), Cefr::b2);
}

TEST(LanguageCode, RemarkInParentheses) {
  EXPECT_EQ(language_code("Deutsch (Muttersprache)"), "de");
  EXPECT_EQ(language_code("English (business fluent)"), "en");
  EXPECT_FALSE(language_code("Sprache (Deutsch)").has_value());  // "Sprache" names none
}

TEST(LanguageName, IcuDisplayNames) {
  EXPECT_EQ(language_name("de").en, "German");
  EXPECT_EQ(language_name("de").de, "Deutsch");
  EXPECT_EQ(language_name("en").de, "Englisch");
  EXPECT_EQ(language_name("xq").en, "xq");  // no such language: the code
}

}  // namespace
}  // namespace ccteam::qualify
