#include "io/catalog/catalog_yaml.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/errors.hpp"
#include "support/paths.hpp"

namespace ccteam::io {
namespace {

namespace fs = std::filesystem;

TEST(CatalogYaml, LoadsAValidCatalog) {
  auto catalog = load_catalog({test::data_path("catalog/minimal.yaml").string()});
  ASSERT_TRUE(catalog) << test::all_errors(catalog.error());
  EXPECT_EQ(catalog->name, "test catalog");
  ASSERT_EQ(catalog->roles.size(), 2u);
  const catalog::Role& agent = catalog->roles[0];
  EXPECT_EQ(agent.id.str(), "agent");
  EXPECT_EQ(agent.title.de, "Agent");
  ASSERT_TRUE(agent.reports_to);
  EXPECT_EQ(agent.reports_to->id.str(), "lead");
  EXPECT_EQ(agent.reports_to->pos.line, 11);
  EXPECT_EQ(agent.reports_to->pos.column, 17);
  EXPECT_EQ(agent.experience.at(0).months, 6);
  EXPECT_EQ(agent.languages.at(0).level, catalog::Cefr::c1);
  ASSERT_TRUE(agent.market_reference);
  EXPECT_EQ(agent.market_reference->range.min.minor, 3'200'000);
  EXPECT_EQ(agent.market_reference->range.max->minor, 3'500'000);
  EXPECT_EQ(catalog->roles[1].substitutions.at(0).months, 12);
  ASSERT_EQ(catalog->pay_bands.size(), 1u);
  EXPECT_EQ(catalog->pay_bands[0].range.min.currency.code(), "EUR");
  EXPECT_EQ(catalog->pay_bands[0].range.period, catalog::PayPeriod::month);
}

// Each file in tests/data/catalog/invalid/ has one defect; its first line says where the
// error must be reported and what it must say: "# expect: LINE:COL: text".
class InvalidCatalog : public ::testing::TestWithParam<std::string> {};

TEST_P(InvalidCatalog, IsRejectedWithTheExactPosition) {
  fs::path file = test::data_path("catalog/invalid") / GetParam();
  std::ifstream in(file);
  std::string first;
  std::getline(in, first);
  const std::string prefix = "# expect: ";
  ASSERT_EQ(first.rfind(prefix, 0), 0u) << first;
  std::istringstream expect(first.substr(prefix.size()));
  int line = 0;
  int column = 0;
  char colon = 0;
  expect >> line >> colon >> column >> colon;
  ASSERT_GT(line, 0) << first;
  std::string text;
  std::getline(expect >> std::ws, text);

  auto catalog = load_catalog({file.string()});
  ASSERT_FALSE(catalog) << "nothing may be half-loaded";
  bool found = false;
  for (const Error& e : catalog.error()) {
    if (e.where.line == line && e.where.column == column &&
        render(e.message, Lang::en).find(text) != std::string::npos) {
      found = true;
      EXPECT_EQ(e.where.file, file.string());
      EXPECT_TRUE(e.hint.has_value()) << render(e, Lang::en);
    }
  }
  EXPECT_TRUE(found) << "expected " << line << ":" << column << ": " << text << "\ngot:\n"
                     << test::all_errors(catalog.error());
}

std::vector<std::string> invalid_files() {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(test::data_path("catalog/invalid"))) {
    out.push_back(entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(EveryDefect, InvalidCatalog, ::testing::ValuesIn(invalid_files()),
                         [](const auto& param_info) {
                           const std::string& file = param_info.param;
                           std::string name = file.substr(0, file.find('.'));
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(CatalogYaml, CoversEveryErrorKindTheIssueNames) {
  // unknown and duplicate keys, missing fields, wrong types, duplicate ids, dangling
  // references, ladder cycles, min > max, unknown currency, language and CEFR level.
  std::vector<std::string> files = invalid_files();
  for (const char* kind :
       {"unknown-key", "duplicate-key", "missing-field", "wrong-type-integer", "duplicate-role",
        "dangling-reference", "ladder-cycle", "pay-min-above-max", "unknown-currency",
        "unknown-language", "unknown-cefr-level"}) {
    EXPECT_NE(std::find(files.begin(), files.end(), std::string(kind) + ".yaml"), files.end())
        << kind;
  }
}

TEST(CatalogYaml, ReadsSeveralFilesAsOneCatalog) {
  fs::path dir = fs::temp_directory_path() / "ccteam_catalog_yaml_test";
  fs::create_directories(dir);
  std::ofstream(dir / "bands.yaml") << "pay_bands:\n"
                                       "  - {role: lead, country: DE, currency: EUR, period: "
                                       "month, min: 3200, max: 3900}\n";
  auto catalog = load_catalog(
      {test::data_path("catalog/minimal.yaml").string(), (dir / "bands.yaml").string()});
  ASSERT_TRUE(catalog) << test::all_errors(catalog.error());
  EXPECT_EQ(catalog->pay_bands.size(), 2u);
  EXPECT_EQ(catalog->bands_for(RoleId("lead")).size(), 1u);

  // The same band file alone references a role no file defines.
  auto alone = load_catalog({(dir / "bands.yaml").string()});
  ASSERT_FALSE(alone);
  EXPECT_EQ(alone.error().at(0).message.id, MsgId::catalog_unknown_role);
  EXPECT_EQ(alone.error().at(0).where.line, 2);
  EXPECT_EQ(alone.error().at(0).where.column, 12);
  fs::remove_all(dir);
}

TEST(CatalogYaml, ReportsMissingFilesAndEmptyFolders) {
  auto missing = load_catalog({"/nonexistent/catalog.yaml"});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().at(0).message.id, MsgId::file_not_found);

  fs::path dir = fs::temp_directory_path() / "ccteam_empty_catalog_dir";
  fs::create_directories(dir);
  auto empty = load_catalog({dir.string()});
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().at(0).message.id, MsgId::catalog_no_files);
  fs::remove_all(dir);
}

TEST(CatalogYaml, RejectsEmptyAndNonMapDocuments) {
  catalog::Catalog catalog;
  EXPECT_EQ(read_catalog_yaml("", "e.yaml", catalog).at(0).message.id, MsgId::catalog_empty_file);
  EXPECT_EQ(read_catalog_yaml("# only a comment\n", "e.yaml", catalog).at(0).message.id,
            MsgId::catalog_empty_file);
  EXPECT_EQ(read_catalog_yaml("- a\n- b\n", "e.yaml", catalog).at(0).message.id,
            MsgId::yaml_wrong_type);
  EXPECT_EQ(read_catalog_yaml("roles: 5\n", "e.yaml", catalog).at(0).message.id,
            MsgId::yaml_wrong_type);
}

TEST(CatalogYaml, ReportsEveryProblemOfAFileNotOnlyTheFirst) {
  std::string text = R"(roles:
  - id: Bad_Id
    level: top
    rank: 0
)";
  catalog::Catalog catalog;
  Errors errors = read_catalog_yaml(text, "x.yaml", catalog);
  auto has = [&](MsgId id, int line) {
    return std::any_of(errors.begin(), errors.end(),
                       [&](const Error& e) { return e.message.id == id && e.where.line == line; });
  };
  EXPECT_TRUE(has(MsgId::catalog_bad_id, 2));
  EXPECT_TRUE(has(MsgId::yaml_bad_choice, 3));
  EXPECT_TRUE(has(MsgId::yaml_out_of_range, 4));
  EXPECT_TRUE(has(MsgId::yaml_missing_key, 2));
}

// "roles:" and then 'n' roles "  - id: r<i>", role i on line i + 2.
std::string many_roles(int n) {
  std::string text = "roles:\n";
  for (int i = 0; i < n; ++i) text += "  - id: r" + std::to_string(i) + "\n";
  return text;
}

TEST(CatalogYaml, PastTheRoleLimitOneErrorAndNoRoleRead) {
  catalog::Catalog catalog;
  Errors errors = read_catalog_yaml(many_roles(50'000), "big.yaml", catalog);
  ASSERT_EQ(errors.size(), 1u) << test::all_errors(errors);
  // Role 1000 (the 1,001st) is on line 1002; its map starts after "  - ", at column 5.
  EXPECT_EQ(render(errors[0], Lang::en),
            "big.yaml:1002:5 (/roles/1000): error: the catalog has more than 1000 roles\n"
            "  hint: a catalog holds one role per kind of job, not one per person or team");
  EXPECT_TRUE(catalog.roles.empty());
}

TEST(CatalogYaml, TheRoleLimitCountsTheRolesOfEarlierFiles) {
  catalog::Catalog catalog;
  read_catalog_yaml(many_roles(800), "a.yaml", catalog);
  ASSERT_EQ(catalog.roles.size(), 800u);
  // 200 more fit: the error is at the second file's role 200, on line 202.
  Errors errors = read_catalog_yaml(many_roles(300), "b.yaml", catalog);
  ASSERT_EQ(errors.size(), 1u) << test::all_errors(errors);
  EXPECT_EQ(to_string(errors[0].where), "b.yaml:202:5 (/roles/200)");
  EXPECT_EQ(errors[0].message.id, MsgId::catalog_too_many_roles);
  EXPECT_EQ(catalog.roles.size(), 800u);
}

TEST(CatalogYaml, ErrorsOfOneFileStopAtFiftyAndCountTheRest) {
  // 1,000 roles of an id only: each misses the same 9 required keys (level, rank, title,
  // description, job_summary, responsibilities, skills, education, occupation_codes), so 9,000
  // errors at the roles' lines; the first 50 are kept (roles 0 to 5, lines 2 to 7), then the
  // count of the other 8,950.
  catalog::Catalog catalog;
  Errors errors = read_catalog_yaml(many_roles(1000), "ids.yaml", catalog);
  ASSERT_EQ(errors.size(), 51u) << test::all_errors(errors);
  EXPECT_EQ(errors[0].where.line, 2);
  EXPECT_EQ(errors[49].where.line, 7);
  EXPECT_EQ(render(errors[50], Lang::en),
            "ids.yaml: error: ... and 8,950 more\n"
            "  hint: fix the errors shown and run again to see the rest");
}

}  // namespace
}  // namespace ccteam::io
