// Languages: names to ISO 639-1 (ICU display names), level words to CEFR (table in
// language.hpp).
#include "ccteam/qualify/language.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "support/paths.hpp"

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

TEST(LanguagesInText, NamesWithALevelOnTheirLineAndNothingElse) {
  auto found = languages_in_text(
      "Lebenslauf\nSprachen: Deutsch (Muttersprache), Englisch (B2)\n\nEnglish-speaking customers\n"
      "Spanisch: Grundkenntnisse");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].code, "de");
  EXPECT_EQ(found[0].level, Cefr::c2);
  EXPECT_EQ(found[0].line, 2);
  EXPECT_EQ(found[1].code, "en");
  EXPECT_EQ(found[1].level, Cefr::b2);
  EXPECT_EQ(found[1].words, "b2");
  EXPECT_EQ(found[2].code, "es");
  EXPECT_EQ(found[2].level, Cefr::a2);
  EXPECT_EQ(found[2].line, 5);
  // Codes are ordinary words in running text ("de", "en"): never read as languages.
  EXPECT_TRUE(languages_in_text("Kontakt: de C1 en B2 fr native").empty());
  // At most 'max' mentions, however long the text.
  std::string many;
  for (int i = 0; i < 1000; ++i) many += "Englisch: fließend\n";
  EXPECT_EQ(languages_in_text(many, 50).size(), 50u);
}

// Recall and false findings on the annotated CV lines of
// tests/data/documents/cv_language_lines.tsv (printed; the bounds are what the rule achieves
// now, so that a change that loses recall or adds false findings fails).
TEST(LanguagesInText, RecallAndFalseFindingsOnAnnotatedCvLines) {
  std::ifstream in(test::data_path("documents/cv_language_lines.tsv"));
  ASSERT_TRUE(in) << "cv_language_lines.tsv";
  std::string line;
  int expected_total = 0;
  int found_right = 0;
  int false_findings = 0;
  int lines = 0;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    std::string text = line.substr(0, tab);
    std::string expected_text = line.substr(tab + 1);
    std::set<std::string> expected;
    if (expected_text != "-") {
      std::stringstream parts(expected_text);
      std::string part;
      while (std::getline(parts, part, ',')) expected.insert(part);
    }
    std::set<std::string> found;
    for (const LanguageMention& m : languages_in_text(text)) {
      found.insert(m.code + ":" + std::string(catalog::to_string(m.level)));
    }
    ++lines;
    expected_total += static_cast<int>(expected.size());
    for (const std::string& f : found) {
      if (expected.contains(f)) {
        ++found_right;
      } else {
        ++false_findings;
        std::cout << "  false finding " << f << " in: " << text << "\n";
      }
    }
    for (const std::string& e : expected) {
      if (!found.contains(e)) std::cout << "  missed " << e << " in: " << text << "\n";
    }
  }
  double recall = expected_total == 0 ? 0 : static_cast<double>(found_right) / expected_total;
  std::cout << "languages_in_text on " << lines << " annotated CV lines: recall " << found_right
            << "/" << expected_total << " = " << recall << ", false findings " << false_findings
            << "\n";
  EXPECT_GE(lines, 30);
  EXPECT_GE(recall, 0.8);
  EXPECT_EQ(false_findings, 0);
}

}  // namespace
}  // namespace ccteam::qualify
