// Use cases of the role catalog, called directly (no binary).
#include "app/catalog/catalog.hpp"

#include <gtest/gtest.h>

#include "support/paths.hpp"

namespace ccteam::app {
namespace {

Environment test_environment() {
  return Environment{Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{5}},
                     test::repo_data_path("catalog").string(),
                     test::repo_data_path("posting").string()};
}

TEST(CatalogUseCase, ValidatesTheDefaultCatalog) {
  CatalogValidation v = validate_catalog({test::repo_data_path("catalog/roles.yaml").string()});
  EXPECT_TRUE(v.valid);
  EXPECT_EQ(v.roles, 3u);  // agent, team lead, manager: the article's three levels
  EXPECT_EQ(v.source_files, 1u);
  EXPECT_TRUE(v.errors.empty());
}

TEST(CatalogUseCase, ReportsEveryErrorWithItsPosition) {
  // bad-id.yaml states its expected error on line 1: "5:9: 'Agent_1' is not a valid id".
  CatalogValidation v = validate_catalog({test::data_path("catalog/invalid/bad-id.yaml").string()});
  EXPECT_FALSE(v.valid);
  ASSERT_FALSE(v.errors.empty());
  EXPECT_EQ(v.errors.front().where.line, 5);
  EXPECT_EQ(v.errors.front().where.column, 9);
  EXPECT_EQ(v.roles, 0u);
}

TEST(CatalogUseCase, LoadsTheInstalledCatalogWhenNoPathIsGiven) {
  auto loaded = load_catalog({}, test_environment());
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->roles.size(), 3u);
}

TEST(CatalogUseCase, FailureEndsWithTheCountOfErrors) {
  auto loaded =
      load_catalog({test::data_path("catalog/invalid/bad-id.yaml").string()}, test_environment());
  ASSERT_FALSE(loaded.has_value());
  ASSERT_GE(loaded.error().size(), 2u);
  EXPECT_EQ(loaded.error().back().message.id, MsgId::cli_catalog_failed);
}

}  // namespace
}  // namespace ccteam::app
