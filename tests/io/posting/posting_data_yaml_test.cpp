#include "io/posting/posting_data_yaml.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "support/paths.hpp"

namespace ccteam::io {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

const lint::Law* find_law(const lint::RuleData& data, std::string_view id) {
  auto it = std::find_if(data.laws.begin(), data.laws.end(),
                         [&](const lint::Law& law) { return law.id == id; });
  return it == data.laws.end() ? nullptr : &*it;
}

// The shipped data, as checked on 2026-11-29 (docs/posting-lint.md, "Sources").
TEST(PostingData, MemberStatesCarryTheirTransposition) {
  auto data = load_lint_rules(test::repo_data_path("posting").string());
  ASSERT_TRUE(data);
  const lint::Law* eu = find_law(*data, "eu-pay-transparency");
  ASSERT_NE(eu, nullptr);
  EXPECT_EQ(eu->member_states.size(), 27u);  // every EU member state, once
  EXPECT_EQ(eu->countries.size(), 27u);
  // Italy: legislative decree published 2026-06-01; Poland: Labour Code art. 18(3ca) from
  // 2025-12-24 (art. 5 only). Slovakia is listed transposed but from one source only.
  EXPECT_EQ(eu->transposed, (std::vector<std::string>{"IT", "SK", "PL"}));
  auto de = std::find_if(eu->member_states.begin(), eu->member_states.end(),
                         [](const lint::MemberState& m) { return m.country == "DE"; });
  ASSERT_NE(de, eu->member_states.end());
  EXPECT_EQ(de->status, lint::Transposition::unknown);
  // Hawaii's pay-range duty is HRS 378-2.8 (Act 203 of 2023), not 378-2.4.
  const lint::Law* hi = find_law(*data, "us-hi-378-2-8");
  ASSERT_NE(hi, nullptr);
  EXPECT_NE(hi->citation.en.find("378-2.8"), std::string::npos);
  EXPECT_FALSE(hi->verified);
  EXPECT_FALSE(hi->note.empty());
  EXPECT_TRUE(find_law(*data, "us-co-epewa")->verified);
}

TEST(PostingData, UnknownTranspositionStatusIsAnErrorWithItsPointer) {
  fs::path dir = fs::temp_directory_path() / "ccteam-posting-data-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* name : {"phrases.yaml", "gender-words.yaml", "minimum-wages.yaml",
                           "readability.yaml", "places.yaml"}) {
    fs::copy_file(test::repo_data_path(std::string("posting/") + name), dir / name);
  }
  std::ofstream(dir / "laws.yaml") << "as_of: 2026-11-29\n"
                                      "laws:\n"
                                      "  - id: eu\n"
                                      "    jurisdiction: EU\n"
                                      "    citation: x\n"
                                      "    applies_from: 2026-06-07\n"
                                      "    min_employees: 1\n"
                                      "    requires: [pay_range]\n"
                                      "    severity: error\n"
                                      "    member_states:\n"
                                      "      - {country: DE, status: done}\n";
  auto data = load_lint_rules(dir.string());
  fs::remove_all(dir);
  ASSERT_FALSE(data);
  ASSERT_EQ(data.error().size(), 1u);
  EXPECT_EQ(data.error()[0].where.json_pointer, "/laws/0/member_states/0/status");
  EXPECT_EQ(data.error()[0].where.line, 11);
}

// A source is one text for every language or {en, de}; either
// form is read, and the reader's language picks the text.
TEST(PostingData, MinimumWageSourceInOneOrTwoLanguages) {
  auto wages = read_minimum_wages_yaml(
      "minimum_wages:\n"
      "  - {jurisdiction: US, from: 2009-07-24, per_hour: \"7.25\", currency: USD,\n"
      "     source: \"Fair Labor Standards Act, 29 U.S.C. 206(a)(1)(C)\"}\n"
      "  - jurisdiction: DE\n"
      "    from: 2026-01-01\n"
      "    per_hour: \"13.90\"\n"
      "    currency: EUR\n"
      "    source:\n"
      "      en: \"MiLoV5 of 2025-11-05, § 1 no. 1\"\n"
      "      de: \"MiLoV5 vom 05.11.2025, § 1 Nr. 1\"\n",
      "w.yaml");
  ASSERT_TRUE(wages) << render(wages.error()[0], Lang::en);
  ASSERT_EQ(wages->entries.size(), 2u);
  EXPECT_EQ(wages->entries[0].source.get(Lang::en),
            "Fair Labor Standards Act, 29 U.S.C. 206(a)(1)(C)");
  EXPECT_EQ(wages->entries[0].source.get(Lang::de), wages->entries[0].source.get(Lang::en));
  EXPECT_EQ(wages->entries[1].source.get(Lang::en), "MiLoV5 of 2025-11-05, § 1 no. 1");
  EXPECT_EQ(wages->entries[1].source.get(Lang::de), "MiLoV5 vom 05.11.2025, § 1 Nr. 1");
}

// A source that is neither a text nor {en, de} is an error at the source, with its pointer.
TEST(PostingData, MinimumWageSourceOfTheWrongShapeIsAnError) {
  const std::string head =
      "minimum_wages:\n"
      "  - {jurisdiction: DE, from: 2026-01-01, per_hour: \"13.90\", currency: EUR,\n"
      "     source: ";
  struct Case {
    std::string source;
    std::string pointer;
  };
  for (const Case& c :
       {Case{"[MiLoV5, MiLoG]", "/minimum_wages/0/source"},
        Case{"{en: MiLoV5}", "/minimum_wages/0/source"},  // no key de: at the map
        Case{"{en: MiLoV5, de: \"\"}", "/minimum_wages/0/source/de"},
        Case{"{en: MiLoV5, de: MiLoV5, fr: MiLoV5}", "/minimum_wages/0/source/fr"}}) {
    auto wages = read_minimum_wages_yaml(head + c.source + "}\n", "w.yaml");
    ASSERT_FALSE(wages) << c.source;
    ASSERT_EQ(wages.error().size(), 1u) << c.source;
    EXPECT_EQ(wages.error()[0].where.json_pointer, c.pointer) << c.source;
    EXPECT_EQ(wages.error()[0].where.line, 3) << c.source;
  }
}

// The shipped laws and minimum wages cite in both languages: the German text names the law
// as German does ("vom 14.08.2006"), the English one keeps the ISO date.
TEST(PostingData, LawsAndMinimumWagesCiteInEnglishAndGerman) {
  auto data = load_lint_rules(test::repo_data_path("posting").string());
  ASSERT_TRUE(data);
  const lint::Law* agg = find_law(*data, "de-agg");
  ASSERT_NE(agg, nullptr);
  EXPECT_TRUE(agg->citation.get(Lang::en).starts_with(
      "Allgemeines Gleichbehandlungsgesetz (AGG) of 2006-08-14, § 1"));
  EXPECT_TRUE(agg->citation.get(Lang::de).starts_with(
      "Allgemeines Gleichbehandlungsgesetz (AGG) vom 14.08.2006, § 1"));
  for (const lint::Law& law : data->laws) {
    EXPECT_NE(law.citation.en, law.citation.de) << law.id;
    for (const lint::MemberState& m : law.member_states) {
      if (!m.source.en.empty()) {
        EXPECT_NE(m.source.en, m.source.de) << m.country;
      }
    }
  }
  auto wage = data->wages.in_force(posting::Place{"DE", "", {}}, Date{2026y / March / 1});
  ASSERT_TRUE(wage);
  EXPECT_NE(wage->source.get(Lang::en).find("(MiLoV5) of 2025-11-05"), std::string::npos);
  EXPECT_NE(wage->source.get(Lang::de).find("(MiLoV5) vom 05.11.2025"), std::string::npos);
  // A bare US section ("Haw. Rev. Stat. 387-2") reads the same in German; a German ordinance
  // does not.
  for (const posting::MinimumWage& w : data->wages.entries) {
    if (w.jurisdiction == "DE") {
      EXPECT_NE(w.source.en, w.source.de) << to_iso(w.from);
    }
  }
}

// Each decision is cited for what it decided (checked against the published decisions): the
// 'junges Team' ruling is BAG 8 AZR 406/14, the 'Muttersprache' one BAG 8 AZR 402/15, age
// limits BAG 8 AZR 285/11, 'Digital Native' ArbG Heilbronn 8 Ca 191/23. The numbers earlier
// versions gave (8 AZR 285/16, 8 Ca 191/17, 55 Ca 2426/17, 8 AZR 48/10) are gone.
TEST(PostingData, PhrasesCiteTheDecisionsThatSayIt) {
  auto data = load_lint_rules(test::repo_data_path("posting").string());
  ASSERT_TRUE(data);
  auto source_of = [&](std::string_view rule, std::string_view text) -> std::string {
    for (const lint::Phrase& p : data->phrases) {
      if (p.rule == rule && p.text.find(text) != std::string::npos) return p.source.en;
    }
    return "";
  };
  EXPECT_NE(source_of("agg-age", "dynamisch*").find("8 AZR 406/14"), std::string::npos);
  EXPECT_NE(source_of("agg-age", "zwischen #age").find("8 AZR 285/11"), std::string::npos);
  EXPECT_NE(source_of("agg-age", "digital native").find("8 Ca 191/23"), std::string::npos);
  EXPECT_NE(source_of("agg-origin", "muttersprach*").find("8 AZR 402/15"), std::string::npos);
  for (const lint::Phrase& p : data->phrases) {
    for (std::string_view wrong : {"8 AZR 285/16", "8 Ca 191/17", "55 Ca 2426/17", "8 AZR 48/10"})
      EXPECT_EQ(p.source.en.find(wrong), std::string::npos) << p.text;
    EXPECT_FALSE(p.source.en.empty()) << p.text;
    EXPECT_FALSE(p.source.de.empty()) << p.text;
  }
}

// Every US state and the District, every German and Austrian Land, with English and German
// names; cities put a posting under their state (US) or country.
TEST(PostingData, PlacesNameTheirJurisdictions) {
  auto data = load_lint_rules(test::repo_data_path("posting").string());
  ASSERT_TRUE(data);
  auto jurisdiction_of = [&](std::string_view name) -> std::string {
    for (const lint::PlaceName& p : data->places) {
      if (p.name == name) return p.jurisdiction;
    }
    return "";
  };
  EXPECT_EQ(jurisdiction_of("denver"), "US-CO");
  EXPECT_EQ(jurisdiction_of("kalifornien"), "US-CA");
  EXPECT_EQ(jurisdiction_of("münchen"), "DE");
  EXPECT_EQ(jurisdiction_of("munich"), "DE");
  EXPECT_EQ(jurisdiction_of("bavaria"), "DE");
  EXPECT_EQ(jurisdiction_of("wien"), "AT");
  EXPECT_EQ(jurisdiction_of("vienna"), "AT");
  EXPECT_EQ(jurisdiction_of("kraków"), "PL");
  EXPECT_EQ(jurisdiction_of("warschau"), "PL");
  EXPECT_EQ(jurisdiction_of("rotterdam"), "NL");
  EXPECT_EQ(jurisdiction_of("cork"), "IE");
  std::vector<std::string> us;
  for (const lint::PlaceName& p : data->places) {
    if (p.jurisdiction.starts_with("US-") &&
        std::find(us.begin(), us.end(), p.jurisdiction) == us.end())
      us.push_back(p.jurisdiction);
  }
  EXPECT_EQ(us.size(), 51u);  // 50 states and DC
  // "Mobile" (Alabama) is a common word: it counts only with its state.
  auto mobile = std::find_if(data->places.begin(), data->places.end(),
                             [](const lint::PlaceName& p) { return p.name == "mobile"; });
  ASSERT_NE(mobile, data->places.end());
  EXPECT_TRUE(mobile->needs_region);
}

}  // namespace
}  // namespace ccteam::io
