#include "io/workspace/retention_yaml.hpp"

#include <gtest/gtest.h>

#include "support/paths.hpp"

namespace ccteam::io {
namespace {

// The shipped file: Germany, the United States and every other place, each with its source in
// English and German.
TEST(RetentionYaml, TheShippedRulesReadWithSourcesInBothLanguages) {
  auto rules = load_retention_rules(test::repo_data_path("retention/retention.yaml").string());
  ASSERT_TRUE(rules) << render(rules.error()[0], Lang::en);
  ASSERT_EQ(rules->size(), 3u);
  EXPECT_EQ((*rules)[0].jurisdiction, "DE");
  EXPECT_EQ((*rules)[0].withdrawn_days, 30);
  EXPECT_EQ((*rules)[1].jurisdiction, "US");
  EXPECT_EQ((*rules)[1].keep_records_days, 365);
  EXPECT_EQ((*rules)[2].jurisdiction, "*");
  EXPECT_TRUE((*rules)[0].source.get(Lang::en).starts_with("GDPR art. 17(1)(a), (b)"));
  EXPECT_TRUE((*rules)[0].source.get(Lang::de).starts_with("Art. 17 Abs. 1 lit. a, b DSGVO"));
  for (const RetentionRule& rule : *rules) EXPECT_NE(rule.source.en, rule.source.de);
}

TEST(RetentionYaml, SourceAsOneTextOrInEachLanguage) {
  auto rules = read_retention_yaml(
      "format: ccteam-retention/1\n"
      "jurisdictions:\n"
      "  - {jurisdiction: US, withdrawn_days: 30, keep_records_days: 365, source: 29 CFR 1602.14}\n"
      "  - {jurisdiction: \"*\", withdrawn_days: 7, source: {en: GDPR art. 17, de: Art. 17 "
      "DSGVO}}\n"
      "  - {jurisdiction: AT, withdrawn_days: 0}\n",
      "r.yaml");
  ASSERT_TRUE(rules) << render(rules.error()[0], Lang::en);
  ASSERT_EQ(rules->size(), 3u);
  EXPECT_EQ((*rules)[0].source.get(Lang::de), "29 CFR 1602.14");
  EXPECT_EQ((*rules)[0].source.get(Lang::en), "29 CFR 1602.14");
  EXPECT_EQ((*rules)[1].withdrawn_days, 7);
  EXPECT_EQ((*rules)[1].keep_records_days, 0);
  EXPECT_EQ((*rules)[1].source.get(Lang::en), "GDPR art. 17");
  EXPECT_EQ((*rules)[1].source.get(Lang::de), "Art. 17 DSGVO");
  EXPECT_EQ((*rules)[2].source, LocalizedText{});
}

// Each defect is reported at its line with the JSON pointer of the field (before, the reader
// said "not a valid application" at the rule, and ignored unknown keys).
TEST(RetentionYaml, DefectsAreErrorsWithLineAndPointer) {
  struct Case {
    std::string rule;
    std::string pointer;
  };
  for (const Case& c : {
           Case{"{jurisdiction: DE, withdrawn_days: 30, keep: 1}", "/jurisdictions/0/keep"},
           Case{"{jurisdiction: DE}", "/jurisdictions/0"},
           Case{"{jurisdiction: DE, withdrawn_days: -1}", "/jurisdictions/0/withdrawn_days"},
           Case{"{jurisdiction: DE, withdrawn_days: 30, keep_records_days: 3651}",
                "/jurisdictions/0/keep_records_days"},
           Case{"{jurisdiction: Germany, withdrawn_days: 30}", "/jurisdictions/0/jurisdiction"},
           Case{"{jurisdiction: DE, withdrawn_days: 30, source: [a, b]}",
                "/jurisdictions/0/source"},
           Case{"{jurisdiction: DE, withdrawn_days: 30, source: {de: a}}",
                "/jurisdictions/0/source"},  // no key en: at the map
       }) {
    auto rules = read_retention_yaml(
        "format: ccteam-retention/1\njurisdictions:\n  - " + c.rule + "\n", "r.yaml");
    ASSERT_FALSE(rules) << c.rule;
    ASSERT_EQ(rules.error().size(), 1u) << c.rule << ": " << render(rules.error()[0], Lang::en);
    EXPECT_EQ(rules.error()[0].where.json_pointer, c.pointer) << c.rule;
    EXPECT_EQ(rules.error()[0].where.line, 3) << c.rule;
    EXPECT_EQ(rules.error()[0].where.file, "r.yaml") << c.rule;
  }
  auto format = read_retention_yaml("format: ccteam-retention/2\njurisdictions: []\n", "r.yaml");
  ASSERT_FALSE(format);
  EXPECT_EQ(format.error()[0].where.json_pointer, "/format");
  EXPECT_EQ(format.error()[0].where.line, 1);
  auto missing = load_retention_rules("/nonexistent/retention.yaml");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error()[0].kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace ccteam::io
