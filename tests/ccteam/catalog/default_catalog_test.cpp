// The default catalog against the source article. Every expected value here was written from
// the article (../shared/seed/callcenter-roles-article.de.txt), not copied from the catalog.
#include <gtest/gtest.h>

#include <unicode/unistr.h>
#include <algorithm>

#include "io/catalog/catalog_yaml.hpp"
#include "support/paths.hpp"

namespace ccteam::catalog {
namespace {

class DefaultCatalog : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = io::load_catalog({test::repo_data_path("catalog").string()});
    if (!loaded) {
      for (const Error& e : loaded.error()) ADD_FAILURE() << render(e, Lang::en);
      return;
    }
    s_catalog = new Catalog(std::move(*loaded));
  }
  static void TearDownTestSuite() {
    delete s_catalog;
    s_catalog = nullptr;
  }
  void SetUp() override { ASSERT_NE(s_catalog, nullptr); }

  const Role& role(const char* id) const {
    const Role* r = s_catalog->find(RoleId(id));
    EXPECT_NE(r, nullptr) << id;
    return *r;
  }

  static Catalog* s_catalog;
};
Catalog* DefaultCatalog::s_catalog = nullptr;

std::string lower(const std::string& text) {
  std::string out;
  icu::UnicodeString::fromUTF8(text).foldCase().toUTF8String(out);
  return out;
}

// True when a skill of the role with the given importance names 'word' in its English or
// German name or synonyms.
bool has_skill(const Role& role, const std::string& word, Importance importance) {
  return std::any_of(role.skills.begin(), role.skills.end(), [&](const Skill& s) {
    if (s.importance != importance) return false;
    std::vector<std::string> texts{s.name.en, s.name.de};
    texts.insert(texts.end(), s.synonyms.en.begin(), s.synonyms.en.end());
    texts.insert(texts.end(), s.synonyms.de.begin(), s.synonyms.de.end());
    return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) {
      return lower(t).find(lower(word)) != std::string::npos;
    });
  });
}

const ExperienceRequirement* experience(const Role& role, ExperienceKind kind) {
  for (const ExperienceRequirement& e : role.experience) {
    if (e.kind == kind) return &e;
  }
  return nullptr;
}

const MinimumEducation* minimum(const Role& role, const std::string& country) {
  for (const MinimumEducation& m : role.minimum_education) {
    if (m.country == country) return &m;
  }
  return nullptr;
}

TEST_F(DefaultCatalog, HasTheArticlesThreeLevels) {
  ASSERT_EQ(s_catalog->roles.size(), 3u);
  EXPECT_EQ(role("agent").level, LevelName::entry);
  EXPECT_EQ(role("team-lead").level, LevelName::mid);
  EXPECT_EQ(role("manager").level, LevelName::senior);
  EXPECT_LT(role("agent").rank, role("team-lead").rank);
  EXPECT_LT(role("team-lead").rank, role("manager").rank);
}

TEST_F(DefaultCatalog, EscalatesAndReportsOneLevelUp) {
  EXPECT_EQ(role("agent").reports_to->id.str(), "team-lead");
  EXPECT_EQ(role("agent").escalates_to->id.str(), "team-lead");
  EXPECT_EQ(role("team-lead").reports_to->id.str(), "manager");
  EXPECT_EQ(role("team-lead").escalates_to->id.str(), "manager");
  EXPECT_FALSE(role("manager").reports_to);
  auto ladder = build_ladder(*s_catalog);
  ASSERT_EQ(ladder.size(), 1u);
  EXPECT_EQ(ladder[0].role->id.str(), "agent");
  ASSERT_EQ(ladder[0].next.size(), 1u);
  EXPECT_EQ(ladder[0].next[0].role->id.str(), "team-lead");
  ASSERT_EQ(ladder[0].next[0].next.size(), 1u);
  EXPECT_EQ(ladder[0].next[0].next[0].role->id.str(), "manager");
}

TEST_F(DefaultCatalog, KeepsTheArticlesSalariesAsUsMarketReference) {
  struct Expected {
    const char* id;
    std::int64_t min_usd;
    std::int64_t max_usd;
    bool open_ended;
  };
  for (const Expected& e :
       {Expected{"agent", 32'000, 35'000, false}, Expected{"team-lead", 38'000, 44'000, false},
        Expected{"manager", 63'000, 100'000, true}}) {
    const Role& r = role(e.id);
    ASSERT_TRUE(r.market_reference) << e.id;
    const PayRange& range = r.market_reference->range;
    EXPECT_EQ(range.min.currency.code(), "USD") << e.id;
    EXPECT_EQ(range.period, PayPeriod::year) << e.id;
    EXPECT_EQ(range.min.minor, e.min_usd * 100) << e.id;
    ASSERT_TRUE(range.max) << e.id;
    EXPECT_EQ(range.max->minor, e.max_usd * 100) << e.id;
    EXPECT_EQ(range.open_ended, e.open_ended) << e.id;
    EXPECT_EQ(r.market_reference->country, "US") << e.id;
  }
  // The market reference is not the organisation's pay: the default catalog sets no bands.
  EXPECT_TRUE(s_catalog->pay_bands.empty());
}

TEST_F(DefaultCatalog, ListsFourResponsibilitiesPerRole) {
  for (const char* id : {"agent", "team-lead", "manager"}) {
    EXPECT_EQ(role(id).responsibilities.size(), 4u) << id;
  }
}

TEST_F(DefaultCatalog, AgentNeedsCommunicationToolsPatienceAndServiceExperience) {
  const Role& agent = role("agent");
  EXPECT_TRUE(has_skill(agent, "communication", Importance::required));
  EXPECT_TRUE(has_skill(agent, "Kommunikation", Importance::required));
  EXPECT_TRUE(has_skill(agent, "patience", Importance::required));  // FAQ
  const ExperienceRequirement* service = experience(agent, ExperienceKind::customer_service);
  ASSERT_NE(service, nullptr);
  EXPECT_EQ(service->importance, Importance::required);
  EXPECT_GT(service->months, 0);
  // "at least a high-school diploma or equivalent": ISCED 3 in the US.
  ASSERT_NE(minimum(agent, "US"), nullptr);
  EXPECT_EQ(minimum(agent, "US")->isced, IscedLevel::upper_secondary);
  // In Germany a school-leaving certificate or vocational training is the normal route.
  ASSERT_NE(minimum(agent, "DE"), nullptr);
  EXPECT_LE(to_int(minimum(agent, "DE")->isced), 3);
}

TEST_F(DefaultCatalog, TeamLeadNeedsAYearOfCallsAndPrefersLeadershipAndABachelor) {
  const Role& lead = role("team-lead");
  const ExperienceRequirement* calls = experience(lead, ExperienceKind::customer_service);
  ASSERT_NE(calls, nullptr);
  EXPECT_EQ(calls->importance, Importance::required);
  EXPECT_EQ(calls->months, 12);
  EXPECT_TRUE(calls->basis.is_article());
  const ExperienceRequirement* leading = experience(lead, ExperienceKind::team_leadership);
  ASSERT_NE(leading, nullptr);
  EXPECT_EQ(leading->importance, Importance::preferred);
  ASSERT_NE(minimum(lead, "US"), nullptr);
  EXPECT_EQ(minimum(lead, "US")->isced, IscedLevel::upper_secondary);
  ASSERT_FALSE(lead.preferred_education.empty());
  const PreferredEducation& preferred = lead.preferred_education[0];
  EXPECT_EQ(preferred.isced, IscedLevel::bachelor);
  EXPECT_TRUE(std::any_of(preferred.fields.en.begin(), preferred.fields.en.end(),
                          [](const std::string& f) { return lower(f) == "management"; }));
  EXPECT_TRUE(has_skill(lead, "CRM", Importance::required));
  EXPECT_TRUE(has_skill(lead, "coach", Importance::required));
}

TEST_F(DefaultCatalog, ManagerNeedsABachelorThatExperienceCanReplace) {
  const Role& manager = role("manager");
  ASSERT_NE(minimum(manager, "*"), nullptr);
  EXPECT_EQ(minimum(manager, "*")->isced, IscedLevel::bachelor);
  ASSERT_FALSE(manager.preferred_education.empty());
  std::vector<std::string> fields;
  for (const PreferredEducation& p : manager.preferred_education) {
    for (const std::string& f : p.fields.en) fields.push_back(lower(f));
  }
  for (const char* field : {"management", "business administration", "communication"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), field), fields.end()) << field;
  }
  // Rising from agent to team lead is usual, not required: career changers exist.
  const ExperienceRequirement* leading = experience(manager, ExperienceKind::team_leadership);
  ASSERT_NE(leading, nullptr);
  EXPECT_EQ(leading->importance, Importance::preferred);
  // FAQ: extensive practical experience can make up for formal education in senior roles.
  bool replaces_degree = std::any_of(
      manager.substitutions.begin(), manager.substitutions.end(),
      [](const Substitution& s) { return to_int(s.replaces_isced) >= 6 && s.months > 0; });
  EXPECT_TRUE(replaces_degree);
  EXPECT_TRUE(has_skill(manager, "analy", Importance::required));
  EXPECT_TRUE(has_skill(manager, "budget", Importance::required));
}

TEST_F(DefaultCatalog, CarriesOccupationCodesAndIndicatorsForEveryRole) {
  EXPECT_EQ(role("agent").occupation_codes.isco08, "4222");  // ISCO-08 contact centre clerks
  EXPECT_EQ(role("agent").occupation_codes.onet_soc, "43-4051.00");
  for (const char* id : {"agent", "team-lead", "manager"}) {
    const OccupationCodes& codes = role(id).occupation_codes;
    EXPECT_EQ(codes.isco08.size(), 4u) << id;
    EXPECT_EQ(codes.kldb2010.size(), 5u) << id;
    EXPECT_FALSE(codes.esco.empty()) << id;
    EXPECT_FALSE(role(id).kpis.empty()) << id;
  }
}

TEST_F(DefaultCatalog, MarksDefaultsThatAreNotFromTheArticleAsTunable) {
  for (const Role& r : s_catalog->roles) {
    for (const ExperienceRequirement& e : r.experience) {
      EXPECT_TRUE(e.basis.is_article() || e.basis.tunable) << r.id.str();
    }
    for (const Substitution& s : r.substitutions) {
      EXPECT_TRUE(s.basis.tunable) << r.id.str() << " " << s.id;
      // Every citation reads in German too (before: the ANZSCO rules were English only).
      EXPECT_NE(s.basis.source.de, s.basis.source.en) << r.id.str() << " " << s.id;
    }
  }
}

}  // namespace
}  // namespace ccteam::catalog
