// The employer-profile use cases: the form's fields read into the file's shape and back, errors
// mapped to the form row they came from, and saving through the reader and the profile checks
// on a real SQLite store.
#include "app/workspace/employers.hpp"

#include <gtest/gtest.h>

#include "io/base/files.hpp"
#include "io/base/json_yaml.hpp"
#include "io/catalog/catalog_yaml.hpp"
#include "io/posting/employer_yaml.hpp"
#include "store/sqlite/sqlite_repository.hpp"
#include "store/temp_dir.hpp"
#include "support/errors.hpp"
#include "support/paths.hpp"

namespace ccteam::app {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

posting::EmployerProfile example(const char* name) {
  auto profile = io::load_employer(test::repo_data_path(name).string());
  EXPECT_TRUE(profile) << test::all_errors(profile.error());
  return *profile;
}

Fields fields_of(const std::map<std::string, std::string>& values) {
  return {values.begin(), values.end()};
}

TEST(EmployerForm, TheExamplesGoThroughTheFormAndBackUnchangedInBothLanguages) {
  for (const char* name : {"examples/employer-de.yaml", "examples/employer-us.yaml"}) {
    for (Lang lang : {Lang::en, Lang::de}) {
      SCOPED_TRACE(std::string(name) + " " + std::string(to_string(lang)));
      posting::EmployerProfile profile = example(name);
      EmployerFormInput input =
          employer_from_form(fields_of(employer_form_values(profile, lang)), lang);
      auto again = io::read_employer_yaml(io::json_to_yaml(input.profile), "form");
      ASSERT_TRUE(again) << test::all_errors(again.error());
      EXPECT_EQ(io::employer_to_json(*again), io::employer_to_json(profile));
    }
  }
}

TEST(EmployerForm, ShowsNumbersAsPeopleOfTheLanguageTypeThem) {
  posting::EmployerProfile profile = example("examples/employer-de.yaml");
  profile.weekly_hours = 38.5;
  auto de = employer_form_values(profile, Lang::de);
  EXPECT_EQ(de["employment.weekly_hours"], "38,5");
  EXPECT_EQ(de["positions.0.pay.min"], "2900");
  EXPECT_EQ(de["positions.0.pay.gross"], "on");
  EXPECT_EQ(de["employer.works_council"], "on");
  EXPECT_EQ(de["remote.allowed"], "DE");
  EXPECT_EQ(de["benefits.3.de"], "Bezahlte Schulungen und Coachings in der Arbeitszeit");
  EXPECT_EQ(employer_form_values(profile, Lang::en)["employment.weekly_hours"], "38.5");
  EXPECT_EQ(employer_form_rows(de, "positions"), 3u);
  EXPECT_EQ(employer_form_rows(de, "locations"), 1u);
}

TEST(EmployerForm, ReadsTypedValuesBlankRowsAndNetPay) {
  Fields fields = {{"employer.name", "  Kundendienst Süd GmbH "},
                   {"employer.headcount", "1.200"},
                   {"employment.weekly_hours", "37,5"},
                   {"remote.allowed", "DE, AT"},
                   {"locations.0.city", ""},
                   {"locations.0.country", ""},
                   {"locations.4.city", "Passau"},
                   {"locations.4.country", "DE"},
                   {"positions.0.role", "agent"},
                   {"positions.0.pay.min", "2.950,50"},
                   {"positions.0.pay.period", "month"},
                   {"positions.1.role", ""},
                   {"positions.1.pay.period", "month"},
                   {"positions.1.pay.gross", "on"},
                   {"benefits.0.en", ""},
                   {"benefits.0.de", ""}};
  EmployerFormInput input = employer_from_form(fields, Lang::de);
  const auto& p = input.profile;
  EXPECT_EQ(p["employer"]["name"], "Kundendienst Süd GmbH");
  EXPECT_EQ(p["employer"]["headcount"], 1200);
  EXPECT_EQ(p["employment"]["weekly_hours"], 37.5);
  EXPECT_EQ(p["remote"]["allowed"], nlohmann::ordered_json::array({"DE", "AT"}));
  ASSERT_EQ(p["locations"].size(), 1u);  // the blank row 0 is left out
  EXPECT_EQ(p["locations"][0]["city"], "Passau");
  EXPECT_EQ(input.rows.at("locations"), std::vector<std::size_t>{4});
  // Position 1 has only its defaults (period, gross): blank. Position 0's pay is net, since its
  // gross box was cleared.
  ASSERT_EQ(p["positions"].size(), 1u);
  EXPECT_EQ(p["positions"][0]["pay"]["min"], "2950.50");
  EXPECT_EQ(p["positions"][0]["pay"]["gross"], false);
  EXPECT_FALSE(p.contains("benefits"));
  // A number that does not read is passed on as typed, for the reader's error at its field.
  EmployerFormInput typo = employer_from_form({{"employer.headcount", "viele"}}, Lang::de);
  EXPECT_EQ(typo.profile["employer"]["headcount"], "viele");
}

TEST(EmployerForm, RowsPastTheLimitAreAnErrorNotDropped) {
  EmployerFormInput input = employer_from_form(
      {{"locations.0.city", "Passau"}, {"locations.250.city", "Far away"}}, Lang::en);
  ASSERT_EQ(input.errors.size(), 1u);
  EXPECT_EQ(input.errors[0].message.id, MsgId::employer_form_rows);
  EXPECT_EQ(input.errors[0].where.json_pointer, "/locations");
  // An empty field past the limit loses nothing: no error.
  EXPECT_TRUE(employer_from_form({{"locations.250.city", ""}}, Lang::en).errors.empty());
}

TEST(EmployerForm, AProfileMadeFromJsonIsStoredInTheFormatsOrder) {
  auto text = io::read_file(test::repo_data_path("examples/employer-us.yaml").string());
  ASSERT_TRUE(text);
  auto profile = io::read_employer_yaml(*text, "us.yaml");
  ASSERT_TRUE(profile);
  // JSON objects that come sorted by key (as a parsed request body does).
  nlohmann::json sorted = io::employer_to_json(*profile);
  std::string yaml = canonical_employer_yaml(io::json_to_yaml(nlohmann::ordered_json(sorted)));
  EXPECT_TRUE(yaml.starts_with("employer:")) << yaml.substr(0, 80);
  EXPECT_LT(yaml.find("locations:"), yaml.find("address_form:"));
  // Something that does not read stays as it was, for the reader's errors.
  EXPECT_EQ(canonical_employer_yaml("employer: [\n"), "employer: [\n");
}

TEST(EmployerForm, FindsTheFieldOfAFormName) {
  const EmployerField* city = employer_form_field_spec("locations.3.city");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->label, MsgId::web_ef_city);
  const EmployerField* title = employer_form_field_spec("positions.0.title.de");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->in, Lang::de);
  EXPECT_EQ(employer_form_field_spec("employer.headcount")->kind, EmployerFieldKind::integer);
  EXPECT_EQ(employer_form_field_spec("locations.x.city"), nullptr);
  EXPECT_EQ(employer_form_field_spec("nothing"), nullptr);
}

TEST(EmployerForm, AnErrorIsShownAtTheFormRowItCameFrom) {
  EmployerFormInput input = employer_from_form({{"locations.0.city", ""},
                                                {"locations.2.city", "Passau"},
                                                {"positions.3.role", "agent"},
                                                {"positions.3.title.en", "Agent"}},
                                               Lang::en);
  EXPECT_EQ(employer_form_field("/locations/0/country", input), "locations.2.country");
  EXPECT_EQ(employer_form_field("/locations/0", input), "locations.2.street");
  EXPECT_EQ(employer_form_field("/positions/0/pay", input), "positions.3.pay.max");
  EXPECT_EQ(employer_form_field("/positions/0/title", input), "positions.3.title.en");
  EXPECT_EQ(employer_form_field("/positions/0/title/de", input), "positions.3.title.de");
  EXPECT_EQ(employer_form_field("/employer/website", input), "employer.website");
  EXPECT_EQ(employer_form_field("/apply", input), "apply.url");
  EXPECT_EQ(employer_form_field("/positions/1/role", input), "");  // no such row
  EXPECT_EQ(employer_form_field("/nothing", input), "");
  EXPECT_EQ(employer_form_field("", input), "");
}

class EmployerSave : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::open_sqlite_repository(m_dir.file("ws.db"));
    ASSERT_TRUE(opened);
    m_repository = std::move(*opened);
    m_organisation = *m_repository->default_organisation();
    auto catalog = io::load_catalog({test::repo_data_path("catalog").string()});
    ASSERT_TRUE(catalog) << test::all_errors(catalog.error());
    m_catalog = std::move(*catalog);
    auto rules = load_profile_rules(test::repo_data_path("posting").string());
    ASSERT_TRUE(rules) << test::all_errors(rules.error());
    m_rules = std::move(*rules);
    auto text = io::read_file(test::repo_data_path("examples/employer-de.yaml").string());
    ASSERT_TRUE(text);
    m_yaml = *text;
  }

  Checked<SavedEmployer> save(const std::optional<store::Uuid>& id, std::string yaml,
                              std::int64_t version) {
    return save_employer(*m_repository, m_organisation, m_catalog, m_rules, id, "e.yaml",
                         std::move(yaml), version, store::Actor::cli());
  }

  test::TempDir m_dir;
  std::unique_ptr<store::Repository> m_repository;
  store::Uuid m_organisation;
  catalog::Catalog m_catalog;
  ProfileRules m_rules;
  std::string m_yaml;
};

TEST_F(EmployerSave, SavesAReadableLawfulProfileAndRefusesPayBelowTheMinimumWage) {
  auto added = save(std::nullopt, m_yaml, 0);
  ASSERT_TRUE(added) << test::all_errors(added.error());
  EXPECT_EQ(added->employer.stored.version, 1);
  EXPECT_EQ(added->employer.stored.name, "Nordlicht Kundendialog GmbH");

  // 13.90 EUR an hour (DE, 2026) * 39 hours * 13/3 weeks = 2,349.10 EUR a month.
  std::string below = m_yaml;
  below.replace(below.find("min: \"2900\""), 11, "min: \"2340\"");
  auto refused = save(added->employer.stored.id, below, 1);
  ASSERT_FALSE(refused);
  bool found = false;
  for (const Error& e : refused.error()) {
    found = found || (e.message.id == MsgId::profile_below_minimum_wage &&
                      e.where.json_pointer == "/positions/0/pay/min");
  }
  EXPECT_TRUE(found) << test::all_errors(refused.error());
  std::string above = m_yaml;
  above.replace(above.find("min: \"2900\""), 11, "min: \"2350\"");
  auto saved = save(added->employer.stored.id, above, 1);
  ASSERT_TRUE(saved) << test::all_errors(saved.error());
  EXPECT_EQ(saved->employer.stored.version, 2);

  auto stale = save(added->employer.stored.id, above, 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().front().kind, ErrorKind::conflict);

  auto found_again = find_employer(*m_repository, m_organisation, added->employer.stored.id);
  ASSERT_TRUE(found_again);
  ASSERT_TRUE(found_again->profile);
  EXPECT_EQ(found_again->profile->positions[0].pay->min.minor, 235000);
  auto listed = list_employers(*m_repository, m_organisation, 10);
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->size(), 1u);
}

TEST_F(EmployerSave, AnUnreadableFileSavesNothing) {
  auto refused = save(std::nullopt, "employer: [\n", 0);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().front().where.file, "e.yaml");
  EXPECT_TRUE(list_employers(*m_repository, m_organisation, 10)->empty());
}

}  // namespace
}  // namespace ccteam::app
