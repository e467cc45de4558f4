#include "io/posting/employer_yaml.hpp"

#include <gtest/gtest.h>

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
