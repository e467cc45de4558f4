// The route table of the workspace is exactly tests/server/access_matrix.json: every route has a
// policy, and every route has the request that tests/server/access_test.py sends as every role.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "server/pages/shell.hpp"
#include "server/routes/routes.hpp"
#include "store/sqlite/sqlite_repository.hpp"
#include "store/temp_dir.hpp"

namespace ccteam::server {
namespace {

std::string access_name(const Access& access) {
  switch (access.kind) {
    case Access::Kind::anyone:
      return "anyone";
    case Access::Kind::own_account_setup:
      return "own_account_setup";
    case Access::Kind::permission:
      switch (access.permission) {
        case access::Permission::own_account:
          return "own_account";
        case access::Permission::manage_users:
          return "manage_users";
        case access::Permission::read_audit:
          return "read_audit";
        case access::Permission::read_operations:
          return "read_operations";
        case access::Permission::read_plans:
          return "read_plans";
        case access::Permission::write_plans:
          return "write_plans";
        case access::Permission::read_pay_bands:
          return "read_pay_bands";
        case access::Permission::write_pay_bands:
          return "write_pay_bands";
        case access::Permission::read_employers:
          return "read_employers";
        case access::Permission::write_employers:
          return "write_employers";
        case access::Permission::read_openings:
          return "read_openings";
        case access::Permission::write_openings:
          return "write_openings";
        case access::Permission::comment_openings:
          return "comment_openings";
        case access::Permission::read_applications:
          return "read_applications";
        case access::Permission::manage_applications:
          return "manage_applications";
      }
  }
  return "?";
}

TEST(RouteTable, EveryRouteHasAPolicyAndATestPerRole) {
  test::TempDir dir;
  auto repository = store::SqliteRepository::open(dir.file("ws.db"));
  ASSERT_TRUE(repository.has_value());
  store::Uuid organisation = *(*repository)->default_organisation();
  std::string web = std::string(CCTEAM_SOURCE_DIR) + "/web";
  auto pages = pages::Pages::load(web);
  ASSERT_TRUE(pages.has_value()) << ccteam::render(pages.error(), Lang::en);
  auto statics = StaticFiles::load(web + "/static");
  ASSERT_TRUE(statics.has_value());
  CatalogCache catalogs(**repository, organisation);
  app::AccountSettings settings;
  settings.hash_cost = {1, 8192};
  app::Accounts accounts(**repository, organisation, settings);
  app::JobRunner jobs(**repository, "node-test");
  app::ProfileRules profile_rules;
  PublicUrl public_url("http://127.0.0.1:8080");
  app::PostingRules posting_rules;
  PublicPageCache public_pages;
  RouteContext context{**repository,  organisation, catalogs,    *pages, *statics,
                       accounts,      jobs,         {},          {},     profile_rules,
                       posting_rules, public_url,   public_pages};
  Router router;
  add_workspace_routes(router, context);

  std::set<std::string> table;
  for (const Route& route : router.routes()) {
    table.insert(route.method + " " + route.pattern + " " + access_name(route.access));
  }
  std::ifstream file(std::string(CCTEAM_SOURCE_DIR) + "/tests/server/access_matrix.json");
  ASSERT_TRUE(file) << "tests/server/access_matrix.json";
  auto matrix = nlohmann::json::parse(file);
  std::set<std::string> tested;
  for (const auto& entry : matrix["routes"]) {
    tested.insert(entry["method"].get<std::string>() + " " + entry["pattern"].get<std::string>() +
                  " " + entry["access"].get<std::string>());
  }
  for (const auto& route : table) {
    EXPECT_TRUE(tested.contains(route)) << "route without a test per role: " << route;
  }
  for (const auto& route : tested) {
    EXPECT_TRUE(table.contains(route)) << "tested but not in the route table: " << route;
  }
  EXPECT_EQ(table.size(), router.routes().size()) << "a route is in the table twice";
}

}  // namespace
}  // namespace ccteam::server
