// Finding roles and the ladder, called directly (no binary), on the default catalog
// (data/catalog/roles.yaml: agent rank 1 -> team-lead rank 2 -> manager rank 3).
#include "app/catalog/roles.hpp"

#include <gtest/gtest.h>

#include "app/catalog/catalog.hpp"
#include "support/paths.hpp"

namespace ccteam::app {
namespace {

const catalog::Catalog& default_catalog() {
  static const catalog::Catalog c =
      *load_catalog({test::repo_data_path("catalog/roles.yaml").string()}, Environment{});
  return c;
}

TEST(RolesUseCase, FindsARoleById) {
  auto role = find_role(default_catalog(), "team-lead");
  ASSERT_TRUE(role.has_value());
  EXPECT_EQ((*role)->id.str(), "team-lead");
  EXPECT_EQ((*role)->rank, 2);
}

TEST(RolesUseCase, UnknownRoleHintsAtTheKnownOnesInRankOrder) {
  auto role = find_role(default_catalog(), "ceo");
  ASSERT_FALSE(role.has_value());
  EXPECT_EQ(role.error().kind, ErrorKind::not_found);
  EXPECT_EQ(render(role.error().message, Lang::en), "there is no role 'ceo'");
  ASSERT_TRUE(role.error().hint.has_value());
  EXPECT_EQ(render(*role.error().hint, Lang::en), "known roles: 'agent', 'team-lead', 'manager'");
}

TEST(RolesUseCase, LadderFromTheEntryRoleUp) {
  auto ladder = role_ladder(default_catalog());
  ASSERT_EQ(ladder.size(), 1u);
  EXPECT_EQ(ladder[0].role->id.str(), "agent");
  ASSERT_EQ(ladder[0].next.size(), 1u);
  EXPECT_EQ(ladder[0].next[0].role->id.str(), "team-lead");
  ASSERT_EQ(ladder[0].next[0].next.size(), 1u);
  EXPECT_EQ(ladder[0].next[0].next[0].role->id.str(), "manager");
}

}  // namespace
}  // namespace ccteam::app
