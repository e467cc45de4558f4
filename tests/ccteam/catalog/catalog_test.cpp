#include "ccteam/catalog/catalog.hpp"

#include <gtest/gtest.h>

#include <string>

namespace ccteam::catalog {
namespace {

Role make_role(const char* id, int rank, std::vector<const char*> next = {}) {
  Role role;
  role.id = RoleId(id);
  role.rank = rank;
  role.pos = SourcePos{"c.yaml", rank, 5, ""};
  for (const char* n : next)
    role.next_roles.push_back(RoleRef{RoleId(n), {"c.yaml", rank, 20, ""}});
  return role;
}

Money usd(std::int64_t major) { return Money{major * 100, *Currency::parse("USD")}; }

TEST(ValidateCatalog, AcceptsASoundLadder) {
  Catalog catalog;
  catalog.roles = {make_role("agent", 1, {"team-lead"}), make_role("team-lead", 2)};
  EXPECT_TRUE(validate_catalog(catalog).empty());
}

TEST(ValidateCatalog, FindsDuplicateIdsDanglingReferencesAndCycles) {
  Catalog catalog;
  catalog.roles = {make_role("agent", 1, {"team-lead"}), make_role("team-lead", 2, {"agent"}),
                   make_role("agent", 3, {"ghost"})};
  Errors errors = validate_catalog(catalog);
  auto count = [&](MsgId id) {
    return std::count_if(errors.begin(), errors.end(),
                         [&](const Error& e) { return e.message.id == id; });
  };
  EXPECT_EQ(count(MsgId::catalog_duplicate_role), 1);
  EXPECT_EQ(count(MsgId::catalog_unknown_role), 1);
  EXPECT_EQ(count(MsgId::catalog_cycle), 1);
}

TEST(ValidateCatalog, ASelfReferenceIsACycle) {
  Catalog catalog;
  Role role = make_role("agent", 1);
  role.reports_to = RoleRef{RoleId("agent"), {}};
  catalog.roles = {role};
  Errors errors = validate_catalog(catalog);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(render(errors[0].message, Lang::en), "reports_to forms a cycle: agent -> agent");
}

PayBand band(const char* role, std::string country, PayPeriod period, int line) {
  PayBand out;
  out.role = RoleRef{RoleId(role), {"c.yaml", line, 11, ""}};
  out.country = std::move(country);
  out.range = PayRange{usd(1), usd(2), false, period, {"c.yaml", line, 5, ""}};
  return out;
}

TEST(ValidateCatalog, FindsDuplicateBandsByRoleCountryAndPeriod) {
  Catalog catalog;
  catalog.roles = {make_role("agent", 1)};
  for (int i = 0; i < 20'000; ++i) {
    catalog.pay_bands.push_back(band("agent", "C" + std::to_string(i), PayPeriod::month, i + 1));
  }
  catalog.pay_bands.push_back(band("agent", "C7", PayPeriod::year, 30'000));   // other period
  catalog.pay_bands.push_back(band("agent", "C7", PayPeriod::month, 30'001));  // same as line 8
  Errors errors = validate_catalog(catalog);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message.id, MsgId::catalog_duplicate_band);
  EXPECT_EQ(errors[0].where.line, 30'001);
  EXPECT_EQ(errors[0].message.args.at(3), "c.yaml:8:5");
}

TEST(ValidateCatalog, StopsListingErrorsAtFifty) {
  // 100,000 bands of an unknown role: 50 errors, then one that counts the other 99,950.
  Catalog catalog;
  catalog.roles = {make_role("agent", 1)};
  for (int i = 0; i < 100'000; ++i) {
    catalog.pay_bands.push_back(band("ghost", "C" + std::to_string(i), PayPeriod::month, i + 1));
  }
  Errors errors = validate_catalog(catalog);
  ASSERT_EQ(errors.size(), 51u);
  EXPECT_EQ(errors[49].message.id, MsgId::catalog_unknown_role);
  EXPECT_EQ(errors[49].where.line, 50);
  EXPECT_EQ(render(errors[50].message, Lang::en), "... and 99,950 more");
}

TEST(CheckPayRange, RejectsMinAboveMaxAndMixedCurrencies) {
  EXPECT_FALSE(check_pay_range(PayRange{usd(1), usd(2), false, PayPeriod::year, {}}));
  EXPECT_FALSE(check_pay_range(PayRange{usd(2), usd(2), false, PayPeriod::year, {}}));
  EXPECT_FALSE(check_pay_range(PayRange{usd(63'000), std::nullopt, true, PayPeriod::year, {}}));
  auto upside_down = check_pay_range(PayRange{usd(3), usd(2), false, PayPeriod::year, {}});
  ASSERT_TRUE(upside_down);
  EXPECT_EQ(upside_down->message.id, MsgId::catalog_pay_min_gt_max);
  Money eur{200, *Currency::parse("EUR")};
  auto mixed = check_pay_range(PayRange{usd(1), eur, false, PayPeriod::year, {}});
  ASSERT_TRUE(mixed);
  EXPECT_EQ(mixed->message.id, MsgId::catalog_pay_currency_mix);
}

TEST(BuildLadder, BranchesWhereARoleHasSeveralNextRoles) {
  Catalog catalog;
  catalog.roles = {make_role("manager", 3), make_role("agent", 1, {"team-lead", "quality-analyst"}),
                   make_role("quality-analyst", 2, {"manager"}),
                   make_role("team-lead", 2, {"manager"})};
  auto ladder = build_ladder(catalog);
  ASSERT_EQ(ladder.size(), 1u);  // only the agent is nobody's next role
  EXPECT_EQ(ladder[0].role->id.str(), "agent");
  ASSERT_EQ(ladder[0].next.size(), 2u);
  EXPECT_EQ(ladder[0].next[0].role->id.str(), "team-lead");  // in the order given
  EXPECT_EQ(ladder[0].next[1].role->id.str(), "quality-analyst");
  EXPECT_EQ(ladder[0].next[1].next.at(0).role->id.str(), "manager");
}

TEST(Catalog, OrdersRolesByRankThenId) {
  Catalog catalog;
  catalog.roles = {make_role("manager", 3), make_role("team-lead", 2), make_role("agent", 1),
                   make_role("quality-analyst", 2)};
  auto ordered = catalog.by_rank();
  std::vector<std::string> ids;
  for (const Role* r : ordered) ids.push_back(r->id.str());
  EXPECT_EQ(ids, (std::vector<std::string>{"agent", "quality-analyst", "team-lead", "manager"}));
}

}  // namespace
}  // namespace ccteam::catalog
