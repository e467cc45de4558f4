#include "ccteam/posting/profile_check.hpp"

#include <gtest/gtest.h>

#include "io/catalog/catalog_yaml.hpp"
#include "io/posting/employer_yaml.hpp"
#include "io/posting/posting_data_yaml.hpp"
#include "support/paths.hpp"

namespace ccteam::posting {
namespace {

using namespace std::chrono;

const catalog::Catalog& default_catalog() {
  static const catalog::Catalog c = *io::load_catalog({test::repo_data_path("catalog").string()});
  return c;
}

const MinimumWages& wages() {
  static const MinimumWages w = *io::load_minimum_wages(test::repo_data_path("posting").string());
  return w;
}

Money eur(std::int64_t minor) { return Money{minor, *Currency::parse("EUR")}; }
Money usd(std::int64_t minor) { return Money{minor, *Currency::parse("USD")}; }

// A German on-site profile for one agent position paid 'min'..'min+500 EUR' per 'period'.
EmployerProfile german(std::int64_t min_minor, catalog::PayPeriod period, double hours = 39) {
  EmployerProfile p;
  p.name = "Test GmbH";
  p.locations.push_back(Location{"", "Hannover", "30159", "NI", "DE", {}});
  p.weekly_hours = hours;
  p.posting_date = 2026y / December / 1;
  p.valid_through = 2027y / January / 31;
  Position pos;
  pos.role = RoleId("agent");
  pos.pay = catalog::PayRange{eur(min_minor), eur(min_minor + 50000), false, period, {}};
  p.positions.push_back(pos);
  return p;
}

std::vector<std::string> ids(const std::vector<ProfileIssue>& issues) {
  std::vector<std::string> out;
  for (const auto& i : issues) out.emplace_back(msg_name(i.error.message.id));
  return out;
}

TEST(ProfileCheck, ExampleProfilesAreClean) {
  for (const char* name : {"examples/employer-de.yaml", "examples/employer-us.yaml"}) {
    auto profile = io::load_employer(test::repo_data_path(name).string());
    ASSERT_TRUE(profile) << name;
    EXPECT_TRUE(check_profile(*profile, default_catalog(), wages()).empty()) << name;
  }
}

TEST(ProfileCheck, ValidThroughBeforePostingDateNamesTheField) {
  EmployerProfile p = german(300000, catalog::PayPeriod::month);
  p.valid_through = 2026y / November / 30;
  auto issues = check_profile(p, default_catalog(), wages());
  ASSERT_EQ(ids(issues), std::vector<std::string>{"profile_valid_before_posting"});
  EXPECT_EQ(issues[0].severity, Severity::error);
  EXPECT_EQ(issues[0].error.where.json_pointer, "/valid_through");
}

// Mindestlohn 13.90 EUR from 2026-01-01 (MiLoV5 § 1). Monthly pay at 39 h a week is hourly
// pay * 39 * 13 / 3, so 13.90 EUR/h is 2,349.10 EUR a month (worked by hand).
TEST(ProfileCheck, GermanMonthlyPayAtTheMinimumWageIsAccepted) {
  EXPECT_TRUE(
      check_profile(german(234910, catalog::PayPeriod::month), default_catalog(), wages()).empty());
}

TEST(ProfileCheck, GermanMonthlyPayACentBelowTheMinimumWageIsAnError) {
  auto issues =
      check_profile(german(234909, catalog::PayPeriod::month), default_catalog(), wages());
  ASSERT_EQ(ids(issues), std::vector<std::string>{"profile_below_minimum_wage"});
  EXPECT_EQ(issues[0].error.where.json_pointer, "/positions/0/pay/min");
  EXPECT_EQ(issues[0].error.message.args.at(2), "DE-NI");
}

// The amounts in the message follow the reader's language: 2,349.09 EUR a month at 39 h is
// 13.89 EUR an hour (rounded down), the minimum 13.90 EUR; German "13,89 €", English "€13.89"
// (ICU's conventions, as in money_test).
TEST(ProfileCheck, MinimumWageMessageFormatsMoneyInTheReadersLanguage) {
  auto issues =
      check_profile(german(234909, catalog::PayPeriod::month), default_catalog(), wages());
  ASSERT_EQ(issues.size(), 1u);
  const Message& m = issues[0].error.message;
  EXPECT_EQ(render(m, Lang::de),
            "das Gehalt für 'agent' entspricht 13,89\u00a0€ pro Stunde und liegt unter dem "
            "Mindestlohn in DE-NI von 13,90\u00a0€");
  EXPECT_EQ(render(m, Lang::en),
            "pay for 'agent' is €13.89 per hour, below the minimum wage in DE-NI of €13.90");
}

// 2,400 EUR at 39 h is 14.20 EUR/h: above 13.90 (2026), below 14.60 (from 2027-01-01).
TEST(ProfileCheck, MinimumWageFollowsThePostingDate) {
  EmployerProfile p = german(240000, catalog::PayPeriod::month);
  EXPECT_TRUE(check_profile(p, default_catalog(), wages()).empty());
  p.posting_date = 2027y / January / 1;
  p.valid_through = 2027y / February / 1;
  EXPECT_EQ(ids(check_profile(p, default_catalog(), wages())),
            std::vector<std::string>{"profile_below_minimum_wage"});
}

// Apprentices are outside the Mindestlohn (MiLoG § 22 (3)).
TEST(ProfileCheck, GermanApprenticeshipIsExemptFromTheMinimumWage) {
  EmployerProfile p = german(105000, catalog::PayPeriod::month);
  p.employment_type = EmploymentType::apprenticeship;
  EXPECT_TRUE(check_profile(p, default_catalog(), wages()).empty());
  p.employment_type = EmploymentType::full_time;
  EXPECT_EQ(ids(check_profile(p, default_catalog(), wages())),
            std::vector<std::string>{"profile_below_minimum_wage"});
}

// Colorado 15.16 USD/h in 2026 (COMPS Order #40) is above the federal 7.25; Texas has no state
// entry, so the federal 7.25 (29 U.S.C. 206) applies.
TEST(ProfileCheck, UsStateMinimumWageBeatsTheFederalOne) {
  EmployerProfile p = german(0, catalog::PayPeriod::hour);
  p.locations = {Location{"", "Denver", "80202", "CO", "US", {}}};
  p.positions[0].pay = catalog::PayRange{usd(1515), usd(1800), false, catalog::PayPeriod::hour, {}};
  EXPECT_EQ(ids(check_profile(p, default_catalog(), wages())),
            std::vector<std::string>{"profile_below_minimum_wage"});
  p.positions[0].pay->min = usd(1516);
  EXPECT_TRUE(check_profile(p, default_catalog(), wages()).empty());
  p.locations = {Location{"", "Austin", "78701", "TX", "US", {}}};
  p.positions[0].pay->min = usd(725);
  EXPECT_TRUE(check_profile(p, default_catalog(), wages()).empty());
  p.positions[0].pay->min = usd(724);
  EXPECT_EQ(ids(check_profile(p, default_catalog(), wages())),
            std::vector<std::string>{"profile_below_minimum_wage"});
}

TEST(ProfileCheck, RemoteWithoutPlacesIsAnError) {
  EmployerProfile p = german(300000, catalog::PayPeriod::month);
  p.remote = RemotePolicy::remote;
  auto issues = check_profile(p, default_catalog(), wages());
  ASSERT_EQ(ids(issues), std::vector<std::string>{"profile_remote_without_places"});
  EXPECT_EQ(issues[0].error.where.json_pointer, "/remote/allowed");
  p.remote_allowed = {Place{"DE", "", {}}};
  EXPECT_TRUE(check_profile(p, default_catalog(), wages()).empty());
}

TEST(ProfileCheck, MissingAndOpenEndedPayAreWarnings) {
  EmployerProfile p = german(300000, catalog::PayPeriod::month);
  p.positions[0].pay->max.reset();
  p.positions[0].pay->open_ended = true;
  auto issues = check_profile(p, default_catalog(), wages());
  ASSERT_EQ(ids(issues), std::vector<std::string>{"profile_open_ended_pay"});
  EXPECT_EQ(issues[0].severity, Severity::warning);
  p.positions[0].pay.reset();
  issues = check_profile(p, default_catalog(), wages());
  ASSERT_EQ(ids(issues), std::vector<std::string>{"profile_no_pay"});
  EXPECT_EQ(issues[0].error.where.json_pointer, "/positions/0/pay");
}

TEST(ProfileCheck, AMinimumAboveTheMaximumIsAnErrorAtTheMaximum) {
  EmployerProfile p = german(330000, catalog::PayPeriod::month);
  p.positions[0].pay->max = eur(290000);
  auto issues = check_profile(p, default_catalog(), wages());
  ASSERT_EQ(ids(issues), std::vector<std::string>{"catalog_pay_min_gt_max"});
  EXPECT_EQ(issues[0].severity, Severity::error);
  EXPECT_EQ(issues[0].error.where.json_pointer, "/positions/0/pay/max");
  EXPECT_NE(render(issues[0].error.message, Lang::de).find("3.300"), std::string::npos)
      << render(issues[0].error.message, Lang::de);
  // Equal ends are a single figure, not an error.
  p.positions[0].pay->max = eur(330000);
  EXPECT_TRUE(check_profile(p, default_catalog(), wages()).empty());
}

// A yearly figure for Germany is advice, not law: info, and the text says so.
TEST(ProfileCheck, GermanPayPerYearIsAdviceNotLaw) {
  EmployerProfile p = german(3600000, catalog::PayPeriod::year);
  auto issues = check_profile(p, default_catalog(), wages());
  EXPECT_EQ(ids(issues), std::vector<std::string>{"profile_german_pay_period"});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].severity, Severity::info);
  EXPECT_NE(render(issues[0].error.message, Lang::en).find("advice, not law"), std::string::npos);
  EXPECT_NE(render(issues[0].error.message, Lang::de).find("keine Rechtspflicht"),
            std::string::npos);
  p.positions[0].pay =
      catalog::PayRange{usd(300000), usd(350000), false, catalog::PayPeriod::month, {}};
  EXPECT_EQ(ids(check_profile(p, default_catalog(), wages())),
            std::vector<std::string>{"profile_pay_currency"});
}

TEST(ProfileCheck, UnknownRoleAndAdoptedReference) {
  EmployerProfile p = german(300000, catalog::PayPeriod::month);
  p.positions[0].role = RoleId("quality-analyst");
  EXPECT_EQ(ids(check_profile(p, default_catalog(), wages())),
            std::vector<std::string>{"profile_unknown_role"});
  // The article's agent reference is USD 32,000-35,000 a year: in Germany the wrong currency.
  p.positions[0].role = RoleId("agent");
  p.positions[0].pay.reset();
  p.positions[0].adopt_market_reference = true;
  auto found = ids(check_profile(p, default_catalog(), wages()));
  EXPECT_EQ(found, (std::vector<std::string>{"profile_german_pay_period", "profile_pay_currency"}));
}

}  // namespace
}  // namespace ccteam::posting
