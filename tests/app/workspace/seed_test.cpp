// The workspace's seeding use cases on a real SQLite store and the repository's data files.
#include "app/workspace/seed.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "io/catalog/catalog_yaml.hpp"
#include "store/sqlite/sqlite_repository.hpp"
#include "store/temp_dir.hpp"
#include "support/errors.hpp"
#include "support/paths.hpp"

namespace ccteam::app {
namespace {

Environment data_environment() {
  Environment env{Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{5}},
                  test::repo_data_path("catalog").string(),
                  test::repo_data_path("posting").string()};
  env.examples_dir = test::repo_data_path("examples").string();
  return env;
}

class WorkspaceSeed : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::open_sqlite_repository(m_dir.file("ws.db"));
    ASSERT_TRUE(opened.has_value()) << render(opened.error(), Lang::en);
    m_repository = std::move(*opened);
    m_organisation = *m_repository->default_organisation();
  }

  test::TempDir m_dir;
  std::unique_ptr<store::Repository> m_repository;
  store::Uuid m_organisation;
};

std::size_t default_catalog_roles() {
  auto loaded = io::load_catalog({test::repo_data_path("catalog/roles.yaml").string()});
  EXPECT_TRUE(loaded.has_value());
  return loaded ? loaded->roles.size() : 0;
}

TEST_F(WorkspaceSeed, StoresTheDefaultCatalogOnce) {
  auto first = seed_catalog(*m_repository, m_organisation, data_environment());
  ASSERT_TRUE(first.has_value()) << test::all_errors(first.error());
  EXPECT_TRUE(first->stored);
  EXPECT_EQ(first->version, 1);
  EXPECT_EQ(first->roles, default_catalog_roles());
  EXPECT_EQ(std::filesystem::path(first->source_name).filename(), "roles.yaml");

  auto second = seed_catalog(*m_repository, m_organisation, data_environment());
  ASSERT_TRUE(second.has_value()) << test::all_errors(second.error());
  EXPECT_FALSE(second->stored);
  EXPECT_EQ(second->version, 1);
  EXPECT_EQ(*m_repository->catalog_version(m_organisation), 1);
}

TEST_F(WorkspaceSeed, TheStoredCatalogReadsBack) {
  auto missing = stored_catalog(*m_repository, m_organisation);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  EXPECT_EQ(missing.error().message.id, MsgId::store_no_catalog);

  ASSERT_TRUE(seed_catalog(*m_repository, m_organisation, data_environment()).has_value());
  auto catalog = stored_catalog(*m_repository, m_organisation);
  ASSERT_TRUE(catalog.has_value()) << render(catalog.error(), Lang::en);
  EXPECT_EQ(catalog->roles.size(), default_catalog_roles());
  auto from_file = io::load_catalog({test::repo_data_path("catalog").string()});
  ASSERT_TRUE(from_file.has_value());
  EXPECT_EQ(catalog->name, from_file->name);
  EXPECT_EQ(catalog->version, from_file->version);
}

TEST_F(WorkspaceSeed, RefusesADefaultCatalogOfSeveralFiles) {
  Environment env = data_environment();
  std::filesystem::path folder = m_dir.path() / "catalog";
  std::filesystem::create_directories(folder);
  // tests/data/catalog/minimal.yaml cut in two before its second role: valid as a whole.
  std::ifstream minimal_file(test::data_path("catalog/minimal.yaml"));
  std::string minimal((std::istreambuf_iterator<char>(minimal_file)),
                      std::istreambuf_iterator<char>());
  std::size_t cut = minimal.find("  - id: lead\n");
  ASSERT_NE(cut, std::string::npos);
  std::ofstream(folder / "a.yaml") << minimal.substr(0, cut);
  std::ofstream(folder / "b.yaml") << "roles:\n" << minimal.substr(cut);
  env.catalog_dir = folder.string();
  ASSERT_TRUE(io::load_catalog({folder.string()}).has_value());  // valid as a catalog
  auto refused = seed_catalog(*m_repository, m_organisation, env);
  ASSERT_FALSE(refused.has_value());
  ASSERT_EQ(refused.error().size(), 1u);
  EXPECT_EQ(refused.error().front().kind, ErrorKind::invalid_input);
  EXPECT_EQ(refused.error().front().message.id, MsgId::store_catalog_many_files);
  EXPECT_EQ(*m_repository->catalog_version(m_organisation), 0);
}

TEST_F(WorkspaceSeed, LoadsTheDemoOnce) {
  auto first = load_demo(*m_repository, m_organisation, data_environment());
  ASSERT_TRUE(first.has_value()) << test::all_errors(first.error());
  EXPECT_TRUE(first->catalog.stored);
  EXPECT_EQ(first->catalog.roles, default_catalog_roles());
  // data/examples/employer-de.yaml, -us.yaml (not hiring-plan.yaml, another kind of example)
  ASSERT_EQ(first->employers_added.size(), 2u);
  auto employers = m_repository->employers(m_organisation, std::nullopt, 10);
  ASSERT_TRUE(employers.has_value());
  ASSERT_EQ(employers->size(), 2u);
  EXPECT_EQ((*employers)[0].name, first->employers_added[0]);
  EXPECT_EQ((*employers)[1].name, first->employers_added[1]);
  EXPECT_FALSE((*employers)[0].name.empty());
  EXPECT_NE((*employers)[0].yaml.find("positions"), std::string::npos);

  auto second = load_demo(*m_repository, m_organisation, data_environment());
  ASSERT_TRUE(second.has_value()) << test::all_errors(second.error());
  EXPECT_FALSE(second->catalog.stored);
  EXPECT_TRUE(second->employers_added.empty());
  EXPECT_EQ(m_repository->employers(m_organisation, std::nullopt, 10)->size(), 2u);
  EXPECT_EQ(*m_repository->catalog_version(m_organisation), 1);
}

TEST_F(WorkspaceSeed, AnInvalidExampleStoresNoEmployer) {
  Environment env = data_environment();
  std::filesystem::path folder = m_dir.path() / "examples";
  std::filesystem::create_directories(folder);
  std::filesystem::copy_file(test::repo_data_path("examples/employer-de.yaml"),
                             folder / "employer-a.yaml");
  std::ofstream(folder / "employer-b.yaml") << "name: [not, a, name]\n";
  env.examples_dir = folder.string();
  auto refused = load_demo(*m_repository, m_organisation, env);
  ASSERT_FALSE(refused.has_value());
  EXPECT_TRUE(m_repository->employers(m_organisation, std::nullopt, 10)->empty());
}

TEST_F(WorkspaceSeed, AMissingExamplesFolderIsNotFound) {
  Environment env = data_environment();
  env.examples_dir = m_dir.file("no-such-folder");
  auto refused = load_demo(*m_repository, m_organisation, env);
  ASSERT_FALSE(refused.has_value());
  ASSERT_EQ(refused.error().size(), 1u);
  EXPECT_EQ(refused.error().front().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace ccteam::app
