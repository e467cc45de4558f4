// The career use case, called directly (no binary). career-tl.json: call-centre agent
// 2019-01..2025-08, team leader since 2025-09 (ongoing); the default catalog's team-lead role
// prefers 6 months of team leadership and requires none.
#include "app/qualify/career.hpp"

#include <algorithm>
#include <sstream>

#include <gtest/gtest.h>

#include "app/catalog/catalog.hpp"
#include "support/paths.hpp"

namespace ccteam::app {
namespace {

using namespace std::chrono_literals;
using std::chrono::December;

Environment test_environment() {
  return Environment{Date{2026y / December / 5}, test::repo_data_path("catalog").string(),
                     test::repo_data_path("posting").string()};
}

const catalog::Catalog& default_catalog() {
  static const catalog::Catalog c = *load_catalog({}, test_environment());
  return c;
}

CareerRequest team_lead_request() {
  CareerRequest r;
  r.person.files = {test::data_path("resumes/career-tl.json").string()};
  r.as_of = Date{2025y / December / 31};
  return r;
}

// As of 2025-12-31: 4 whole months of team leadership (2025-09-01..2025-12-31), so 2 of the 6
// preferred are missing; six whole months are reached on 2026-02-28 (on 2026-02-27 only 5). The
// required rule (12 months of customer service) is met already, on the as-of date.
TEST(CareerUseCase, MonthsMissingAndTheEarliestDate) {
  CareerRequest request = team_lead_request();
  request.from = "agent";
  request.to = "team-lead";
  auto c = career(request, default_catalog(), test_environment());
  ASSERT_TRUE(c.has_value());
  ASSERT_EQ(c->path.next.size(), 1u);
  const qualify::Readiness& r = c->path.next[0];
  EXPECT_EQ(r.role->id.str(), "team-lead");
  ASSERT_TRUE(r.experience_met_on.has_value());
  EXPECT_EQ(*r.experience_met_on, Date{2025y / December / 31});
  auto lead = std::ranges::find(r.gaps, std::string("team_leadership>=6"),
                                [](const qualify::Gap& g) { return g.criterion.subject; });
  ASSERT_NE(lead, r.gaps.end());
  EXPECT_EQ(lead->months_missing.value_or(-1), 2);
  ASSERT_TRUE(lead->met_on.has_value());
  EXPECT_EQ(*lead->met_on, Date{2026y / std::chrono::February / 28});
  EXPECT_EQ(c->as_of, Date{2025y / December / 31});
}

// Being qualified for a role is not holding it: without --from the path starts at the entry
// role (agent, rank 1), whose next role is team-lead.
TEST(CareerUseCase, StartsAtTheEntryRoleAndTodayByDefault) {
  CareerRequest request = team_lead_request();
  request.as_of.reset();
  EXPECT_EQ(request.country, "*");
  auto c = career(request, default_catalog(), test_environment());
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->path.from->id.str(), "agent");
  ASSERT_EQ(c->path.next.size(), 1u);
  EXPECT_EQ(c->path.next[0].role->id.str(), "team-lead");
  EXPECT_EQ(c->as_of, test_environment().today);
}

TEST(CareerUseCase, OnlyGoesUp) {
  CareerRequest request = team_lead_request();
  request.from = "team-lead";
  request.to = "agent";
  auto c = career(request, default_catalog(), test_environment());
  ASSERT_FALSE(c.has_value());
  ASSERT_EQ(c.error().size(), 1u);
  EXPECT_EQ(c.error()[0].kind, ErrorKind::usage);
  EXPECT_EQ(c.error()[0].message.id, MsgId::career_to_not_above);
}

TEST(CareerUseCase, UnknownRoleIsNotFound) {
  CareerRequest request = team_lead_request();
  request.to = "ceo";
  auto c = career(request, default_catalog(), test_environment());
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error()[0].kind, ErrorKind::not_found);
  EXPECT_EQ(c.error()[0].message.id, MsgId::role_not_found);
}

TEST(CareerUseCase, NeedsExactlyOnePerson) {
  std::istringstream two(R"({"work":[{"position":"Agent","startDate":"2021-01"}]})"
                         "\n"
                         R"({"work":[{"position":"Agent","startDate":"2022-01"}]})"
                         "\n");
  CareerRequest request;
  request.person = PeopleSource{{"-"}, &two};
  auto c = career(request, default_catalog(), test_environment());
  ASSERT_FALSE(c.has_value());
  ASSERT_EQ(c.error().size(), 1u);
  EXPECT_EQ(c.error()[0].message.id, MsgId::career_person_count);
  EXPECT_EQ(render(c.error()[0].message, Lang::en), "- contains 2 persons; career takes one");
}

// batch.ndjson holds 5 broken documents: each is returned, in input order.
TEST(CareerUseCase, ReadingProblemsAreTheErrors) {
  CareerRequest request;
  request.person.files = {test::data_path("resumes/batch.ndjson").string()};
  auto c = career(request, default_catalog(), test_environment());
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().size(), 5u);
}

}  // namespace
}  // namespace ccteam::app
