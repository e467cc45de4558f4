#include "io/posting/employer_yaml.hpp"

#include <gtest/gtest.h>

#include "io/base/files.hpp"
#include "io/base/json_yaml.hpp"
#include "support/errors.hpp"
#include "support/paths.hpp"

namespace ccteam::io {
namespace {

using namespace std::chrono;

std::string path(const std::string& name) {
  return test::data_path("posting/employer/" + name).string();
}

TEST(EmployerYaml, ReadsTheGermanExampleProfile) {
  auto p = load_employer(test::repo_data_path("examples/employer-de.yaml").string());
  ASSERT_TRUE(p) << test::all_errors(p.error());
  EXPECT_EQ(p->name, "Nordlicht Kundendialog GmbH");
  EXPECT_EQ(p->headcount, 240);
  ASSERT_EQ(p->locations.size(), 1u);
  EXPECT_EQ(p->locations[0].postal_code, "30159");
  EXPECT_EQ(p->locations[0].region, "NI");
  EXPECT_EQ(p->remote, posting::RemotePolicy::hybrid);
  ASSERT_EQ(p->remote_allowed.size(), 1u);
  EXPECT_EQ(p->remote_allowed[0].code(), "DE");
  EXPECT_EQ(p->weekly_hours, 39);
  EXPECT_EQ(p->address_form, posting::AddressForm::du);
  EXPECT_EQ(p->benefits.size(), 4u);
  ASSERT_EQ(p->positions.size(), 3u);
  const posting::Position* agent = p->find(RoleId("agent"));
  ASSERT_NE(agent, nullptr);
  EXPECT_EQ(agent->openings, 6);
  EXPECT_EQ(agent->title->de, "Kundenberater im Kundenservice (m/w/d)");
  ASSERT_TRUE(agent->pay);
  EXPECT_EQ(agent->pay->min.minor, 290000);
  EXPECT_EQ(agent->pay->min.currency.code(), "EUR");
  EXPECT_EQ(agent->pay->max->minor, 330000);
  EXPECT_EQ(agent->pay->period, catalog::PayPeriod::month);
  EXPECT_TRUE(agent->pay_gross);
  EXPECT_EQ(p->posting_date, 2026y / December / 1);
  EXPECT_EQ(p->valid_through, 2027y / January / 31);
  EXPECT_EQ(p->contact->name, "Jana Petersen");
}

TEST(EmployerYaml, ReadsTheWorksCouncilAndTheVersionedPrivacyNotice) {
  auto de = load_employer(test::repo_data_path("examples/employer-de.yaml").string());
  ASSERT_TRUE(de) << test::all_errors(de.error());
  EXPECT_TRUE(de->works_council);
  ASSERT_TRUE(de->privacy_notice);
  EXPECT_EQ(de->privacy_notice->version, "2026-11-01");
  EXPECT_TRUE(de->privacy_notice->de.starts_with("Die Nordlicht Kundendialog GmbH verarbeitet"));
  EXPECT_TRUE(de->privacy_notice->en.ends_with("datenschutz@nordlicht-kundendialog.example."));
  auto us = load_employer(test::repo_data_path("examples/employer-us.yaml").string());
  ASSERT_TRUE(us) << test::all_errors(us.error());
  EXPECT_FALSE(us->works_council);
  EXPECT_FALSE(us->privacy_notice);

  // A notice needs a version and a text in at least one language.
  std::string text;
  {
    auto file = read_file(test::repo_data_path("examples/employer-us.yaml").string(), 1 << 20);
    ASSERT_TRUE(file);
    text = *file;
  }
  auto bad = read_employer_yaml(text + "privacy_notice:\n  en_us: Notice\n", "p.yaml");
  ASSERT_FALSE(bad);
  std::string all = test::all_errors(bad.error());
  EXPECT_NE(all.find("(/privacy_notice): error: missing required key 'version'"), std::string::npos)
      << all;
  EXPECT_NE(all.find("/privacy_notice/en_us"), std::string::npos) << all;
  bool empty_found = false;
  for (const Error& e : bad.error()) {
    empty_found = empty_found || (e.message.id == MsgId::employer_privacy_notice_empty &&
                                  e.where.json_pointer == "/privacy_notice");
  }
  EXPECT_TRUE(empty_found) << all;
  auto one_language =
      read_employer_yaml(text + "privacy_notice:\n  version: '3'\n  en: Notice\n", "p.yaml");
  ASSERT_TRUE(one_language) << test::all_errors(one_language.error());
  EXPECT_EQ(one_language->privacy_notice->en, "Notice");
  EXPECT_EQ(one_language->privacy_notice->de, "");
}

TEST(EmployerYaml, TheAcknowledgementTemplateKnowsItsPlaceholders) {
  auto file = read_file(test::repo_data_path("examples/employer-us.yaml").string(), 1 << 20);
  ASSERT_TRUE(file);
  std::string text = *file;
  auto good = read_employer_yaml(text + R"(acknowledgement:
  subject: {de: "Danke, {name}"}
  body:
    en: "Dear {name}, thanks for applying as {position} at {employer} on {date}. {link} {{ok}}"
)",
                                 "p.yaml");
  ASSERT_TRUE(good) << test::all_errors(good.error());
  ASSERT_TRUE(good->acknowledgement);
  EXPECT_EQ(good->acknowledgement->subject.de, "Danke, {name}");
  EXPECT_EQ(good->acknowledgement->subject.en, "");
  EXPECT_TRUE(good->acknowledgement->body.en.starts_with("Dear {name}"));
  // Written back the same way (the workspace's form and API).
  nlohmann::ordered_json shape = employer_to_json(*good);
  EXPECT_EQ(shape["acknowledgement"]["subject"], nlohmann::ordered_json({{"de", "Danke, {name}"}}));
  auto again = read_employer_yaml(json_to_yaml(shape), "again.yaml");
  ASSERT_TRUE(again) << test::all_errors(again.error());
  EXPECT_EQ(again->acknowledgement, good->acknowledgement);

  auto bad = read_employer_yaml(text + R"(acknowledgement:
  body:
    de: "Hallo {vorname}, {salary}"
    fr: "Bonjour"
)",
                                "p.yaml");
  ASSERT_FALSE(bad);
  std::vector<std::string> found;
  for (const Error& e : bad.error()) {
    found.push_back(e.where.json_pointer + " " + render(e.message, Lang::en));
  }
  std::vector<std::string> expected = {
      "/acknowledgement/body/de '{vorname}' is not a placeholder of the e-mail template",
      "/acknowledgement/body/de '{salary}' is not a placeholder of the e-mail template"};
  ASSERT_GE(found.size(), 3u) << test::all_errors(bad.error());
  EXPECT_EQ(std::vector<std::string>(found.begin(), found.begin() + 2), expected);
  EXPECT_NE(found[2].find("/acknowledgement/body/fr"), std::string::npos) << found[2];
}

TEST(EmployerYaml, AProfileWithoutAPlaceOfWorkIsAnError) {
  auto file = read_file(test::repo_data_path("examples/employer-us.yaml").string(), 1 << 20);
  ASSERT_TRUE(file);
  std::string text = *file;
  std::size_t begin = text.find("locations:");
  std::size_t end = text.find("remote:");
  ASSERT_NE(begin, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  text.replace(begin, end - begin, "locations: []\n");
  auto read = read_employer_yaml(text, "p.yaml");
  ASSERT_FALSE(read);
  ASSERT_EQ(read.error().size(), 1u) << test::all_errors(read.error());
  EXPECT_EQ(read.error()[0].message.id, MsgId::employer_no_locations);
  EXPECT_EQ(read.error()[0].where.json_pointer, "/locations");
}

TEST(EmployerYaml, TheJsonShapeWrittenAsYamlReadsBackTheSameProfile) {
  for (const char* name : {"examples/employer-de.yaml", "examples/employer-us.yaml"}) {
    SCOPED_TRACE(name);
    auto first = load_employer(test::repo_data_path(name).string());
    ASSERT_TRUE(first) << test::all_errors(first.error());
    nlohmann::ordered_json shape = employer_to_json(*first);
    auto again = read_employer_yaml(json_to_yaml(shape), "again.yaml");
    ASSERT_TRUE(again) << test::all_errors(again.error()) << json_to_yaml(shape);
    EXPECT_EQ(employer_to_json(*again), shape);
  }
  // Spot checks against the German example file, independent of the writer.
  auto de = load_employer(test::repo_data_path("examples/employer-de.yaml").string());
  ASSERT_TRUE(de);
  nlohmann::ordered_json shape = employer_to_json(*de);
  EXPECT_EQ(shape["positions"][0]["pay"]["min"], "2900");
  EXPECT_EQ(shape["positions"][0]["pay"]["max"], "3300");
  EXPECT_EQ(shape["positions"][0]["title"]["de"], "Kundenberater im Kundenservice (m/w/d)");
  EXPECT_EQ(shape["employment"]["weekly_hours"], 39);
  EXPECT_EQ(shape["remote"]["allowed"][0], "DE");
  EXPECT_EQ(shape["valid_through"], "2027-01-31");
  EXPECT_EQ(shape["employer"]["works_council"], true);
  EXPECT_EQ(shape["locations"][0]["postal_code"], "30159");
}

TEST(EmployerYaml, ReadsTheUsExampleAndAMinimalProfile) {
  auto us = load_employer(test::repo_data_path("examples/employer-us.yaml").string());
  ASSERT_TRUE(us) << test::all_errors(us.error());
  EXPECT_EQ(us->find(RoleId("agent"))->pay->min.minor, 1950);
  EXPECT_EQ(us->remote_allowed.at(0).code(), "US-CO");
  auto minimal = load_employer(path("minimal.yaml"));
  ASSERT_TRUE(minimal) << test::all_errors(minimal.error());
  EXPECT_EQ(minimal->contract, posting::Contract::fixed_term);
  EXPECT_EQ(minimal->fixed_term_months, 12);
  EXPECT_EQ(minimal->apply_email, "jobs@minimal.example");
  EXPECT_TRUE(minimal->apply_url.empty());
}

TEST(EmployerYaml, ABadUrlNamesLineColumnAndField) {
  auto p = load_employer(path("bad-url.yaml"));
  ASSERT_FALSE(p);
  ASSERT_EQ(p.error().size(), 1u) << test::all_errors(p.error());
  const Error& e = p.error()[0];
  EXPECT_EQ(e.message.id, MsgId::employer_bad_url);
  EXPECT_EQ(e.where.line, 1);
  EXPECT_EQ(e.where.column, 30);  // the opening quote of "www.x.example"
  EXPECT_EQ(e.where.json_pointer, "/employer/website");
}

TEST(EmployerYaml, ReportsEveryProblemOfAFile) {
  auto p = load_employer(path("no-apply.yaml"));
  ASSERT_FALSE(p);
  std::vector<std::string> found;
  for (const Error& e : p.error()) {
    found.push_back(std::string(msg_name(e.message.id)) + "@" + std::to_string(e.where.line) + ":" +
                    std::to_string(e.where.column));
  }
  // Worked out from the file: US-co is not an upper-case region (3:40), "ihr" is not sie/du
  // (5:15), apply has neither url nor email (7:8), 2026-02-30 does not exist (8:15), salary is
  // not a known key (11:1).
  EXPECT_EQ(found, (std::vector<std::string>{"posting_data_bad_jurisdiction@3:40",
                                             "yaml_bad_choice@5:15", "employer_no_apply@7:8",
                                             "bad_date@8:15", "yaml_unknown_key@11:1"}))
      << test::all_errors(p.error());
}

TEST(EmployerYaml, SyntaxErrorsAndNonMapsDoNotThrow) {
  EXPECT_FALSE(read_employer_yaml("employer: [", "x.yaml"));
  EXPECT_FALSE(read_employer_yaml("- 1\n- 2\n", "x.yaml"));
  EXPECT_FALSE(read_employer_yaml("", "x.yaml"));
}

}  // namespace
}  // namespace ccteam::io
