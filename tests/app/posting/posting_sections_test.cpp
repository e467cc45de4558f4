// The posting editor's use cases (app/posting/posting.hpp): sections replaced by Markdown, and
// the check of a posting with each finding in its section, with the rule data of data/posting.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/posting/posting.hpp"
#include "io/catalog/catalog_yaml.hpp"
#include "io/posting/employer_yaml.hpp"
#include "io/posting/posting_markdown.hpp"
#include "support/paths.hpp"

namespace ccteam::app {
namespace {

using namespace std::chrono_literals;
using posting::Block;

const Date k_today{2026y / std::chrono::December / 1};

Environment test_environment() {
  return Environment{k_today, test::repo_data_path("catalog").string(),
                     test::repo_data_path("posting").string()};
}

const catalog::Catalog& default_catalog() {
  static const catalog::Catalog c = *io::load_catalog({test::repo_data_path("catalog").string()});
  return c;
}

const posting::EmployerProfile& german_employer() {
  static const posting::EmployerProfile p =
      *io::load_employer(test::repo_data_path("examples/employer-de.yaml").string());
  return p;
}

const PostingRules& rules() {
  static const std::shared_ptr<const PostingRules> r = [] {
    auto loaded = load_posting_rules(test_environment());
    EXPECT_TRUE(loaded.has_value());
    return *loaded;
  }();
  return *r;
}

posting::PostingDocument german_agent_posting() {
  auto doc = posting::build_posting(*default_catalog().find(RoleId("agent")), default_catalog(),
                                    german_employer(), Lang::de);
  EXPECT_TRUE(doc.has_value());
  return *doc;
}

const posting::Section& section(const posting::PostingDocument& doc, std::string_view id) {
  return *std::ranges::find(doc.sections, id, &posting::Section::id);
}

TEST(ApplySectionTexts, ReplacesTheNamedSectionsOnly) {
  posting::PostingDocument doc = german_agent_posting();
  const posting::PostingDocument built = doc;
  SectionText texts[] = {{"requirements", "### Muss\n\n- Deutsch auf C1-Niveau\n- Geduld\n"},
                         {"about", "Wir *suchen* dich.\n\nIn Hannover."}};
  ASSERT_TRUE(apply_section_texts(doc, texts).has_value());
  EXPECT_EQ(section(doc, "requirements").blocks,
            (std::vector<Block>{Block{Block::Kind::subheading, {"Muss"}},
                                Block{Block::Kind::bullets, {"Deutsch auf C1-Niveau", "Geduld"}}}));
  EXPECT_EQ(section(doc, "about").blocks,
            (std::vector<Block>{Block{Block::Kind::paragraph, {"Wir suchen dich."}},
                                Block{Block::Kind::paragraph, {"In Hannover."}}}));
  EXPECT_EQ(section(doc, "offer").blocks, section(built, "offer").blocks);
  EXPECT_EQ(section(doc, "requirements").heading, section(built, "requirements").heading);
}

TEST(ApplySectionTexts, EmptyOrBlankTextKeepsCcteamsText) {
  posting::PostingDocument doc = german_agent_posting();
  const posting::PostingDocument built = doc;
  SectionText texts[] = {{"requirements", ""}, {"offer", " \n\t\r\n"}};
  ASSERT_TRUE(apply_section_texts(doc, texts).has_value());
  EXPECT_EQ(section(doc, "requirements").blocks, section(built, "requirements").blocks);
  EXPECT_EQ(section(doc, "offer").blocks, section(built, "offer").blocks);
}

TEST(ApplySectionTexts, UnknownSectionIsAnErrorAndChangesNothing) {
  posting::PostingDocument doc = german_agent_posting();
  const posting::PostingDocument built = doc;
  SectionText texts[] = {{"about", "Neu"}, {"salary", "Viel"}};
  auto applied = apply_section_texts(doc, texts);
  ASSERT_FALSE(applied.has_value());
  EXPECT_EQ(applied.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(applied.error().message.id, MsgId::posting_section_unknown);
  EXPECT_EQ(render(applied.error().message, Lang::en), "'salary' is not a section of a posting");
  ASSERT_TRUE(applied.error().hint.has_value());
  EXPECT_EQ(applied.error().hint->id, MsgId::hint_posting_section);
  EXPECT_EQ(section(doc, "about").blocks, section(built, "about").blocks);
}

TEST(ApplySectionTexts, TooLongTextIsAnError) {
  posting::PostingDocument doc = german_agent_posting();
  SectionText texts[] = {{"offer", std::string(16 * 1024 + 1, 'x')}};
  auto applied = apply_section_texts(doc, texts);
  ASSERT_FALSE(applied.has_value());
  EXPECT_EQ(applied.error().message.id, MsgId::posting_section_too_long);
}

std::vector<SectionFinding> of_rule(const PostingCheck& check, std::string_view rule) {
  std::vector<SectionFinding> out;
  for (const SectionFinding& f : check.findings) {
    if (f.finding.rule == rule) out.push_back(f);
  }
  return out;
}

// "zwischen 20 und 30 Jahre alt" is an age range (data/posting/phrases.yaml, agg-age: BAG
// 8 AZR 285/11), a warning under de-agg (data/posting/laws.yaml). The text is written as
// blocks_to_markdown writes it, so the phrase is on line 4 of the section's text.
TEST(CheckPostingDocument, FindsAnAgeLimitInTheRequirementsOnItsLine) {
  posting::PostingDocument doc = german_agent_posting();
  std::string with_age =
      "### Das bringst du mit\n"
      "\n"
      "- Freude am Telefonieren\n"
      "- Du bist zwischen 20 und 30 Jahre alt\n"
      "- Deutsch auf C1-Niveau\n";
  SectionText texts[] = {{"requirements", with_age}};
  ASSERT_TRUE(apply_section_texts(doc, texts).has_value());
  ASSERT_EQ(io::blocks_to_markdown(section(doc, "requirements").blocks), with_age);
  PostingCheck check = check_posting_document(doc, rules(), k_today);
  std::vector<SectionFinding> age = of_rule(check, "agg-age");
  ASSERT_FALSE(age.empty());
  for (const SectionFinding& f : age) {
    EXPECT_EQ(f.section, "requirements");
    EXPECT_EQ(f.section_line, 4);
    EXPECT_EQ(f.finding.severity, posting::Severity::warning);
  }
  // employer-de.yaml: a place in Hannover (DE-NI) and remote work from DE; DE-NI stands for
  // both, as a German region is bound by the laws of DE.
  EXPECT_EQ(check.jurisdictions, std::vector<std::string>{"DE-NI"});

  SectionText without_age[] = {
      {"requirements", "### Das bringst du mit\n\n- Freude am Telefonieren\n"}};
  ASSERT_TRUE(apply_section_texts(doc, without_age).has_value());
  PostingCheck fixed = check_posting_document(doc, rules(), k_today);
  EXPECT_TRUE(of_rule(fixed, "agg-age").empty());
}

// 9,50 EUR an hour is below the German minimum wage (13.90 EUR from 2026-01-01, MiLoV5 in
// data/posting/minimum-wages.yaml): min-wage, an error, in the offer's first bullet (line 1),
// reported once although the employer has places in DE-NI and DE.
TEST(CheckPostingDocument, CountsErrors) {
  posting::PostingDocument doc = german_agent_posting();
  EXPECT_EQ(check_posting_document(doc, rules(), k_today).errors, 0);
  SectionText texts[] = {{"offer", "- Gehalt: 9,50 € pro Stunde\n- 30 Tage Urlaub\n"}};
  ASSERT_TRUE(apply_section_texts(doc, texts).has_value());
  PostingCheck check = check_posting_document(doc, rules(), k_today);
  std::vector<SectionFinding> wage = of_rule(check, "min-wage");
  ASSERT_EQ(wage.size(), 1u);
  EXPECT_EQ(wage[0].finding.severity, posting::Severity::error);
  EXPECT_EQ(wage[0].section, "offer");
  EXPECT_EQ(wage[0].section_line, 1);
  EXPECT_EQ(check.errors, 1);
}

// The posting as built has no finding at all (app/posting/posting_test.cpp checks that for
// every role); a defect in the title line is in section "title" at line 0, one in the about
// section's second paragraph at line 3 (paragraph, blank line, paragraph).
TEST(CheckPostingDocument, PlacesFindingsInTitleAndSections) {
  posting::PostingDocument doc = german_agent_posting();
  EXPECT_TRUE(check_posting_document(doc, rules(), k_today).findings.empty());
  doc.title = "Kundenberater";  // one gender only: title-gender
  SectionText texts[] = {{"about", "Ein schöner Beruf.\n\nDu bist höchstens 35 Jahre alt."}};
  ASSERT_TRUE(apply_section_texts(doc, texts).has_value());
  PostingCheck check = check_posting_document(doc, rules(), k_today);
  std::vector<SectionFinding> title = of_rule(check, "title-gender");
  ASSERT_EQ(title.size(), 1u);
  EXPECT_EQ(title[0].section, "title");
  EXPECT_EQ(title[0].section_line, 0);
  EXPECT_EQ(title[0].finding.line, 1);
  std::vector<SectionFinding> age = of_rule(check, "agg-age");
  ASSERT_FALSE(age.empty());
  EXPECT_EQ(age[0].section, "about");
  EXPECT_EQ(age[0].section_line, 3);
}

TEST(LoadPostingRules, RuleDataErrorsAreReturned) {
  Environment env = test_environment();
  env.posting_data_dir = test::data_path("posting/no-such-folder").string();
  auto loaded = load_posting_rules(env);
  ASSERT_FALSE(loaded.has_value());
  EXPECT_FALSE(loaded.error().empty());
}

}  // namespace
}  // namespace ccteam::app
