// The hiring plan reader: the shipped example, and one defect per file in
// tests/data/hiring/invalid/ with its expected "line:col: text" on the first line.
#include "io/hiring/hiring_yaml.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "support/paths.hpp"

namespace ccteam::io {
namespace {

namespace fs = std::filesystem;

TEST(HiringYaml, ReadsTheShippedExample) {
  auto file = load_hiring_yaml(std::string(CCTEAM_SOURCE_DIR) + "/data/examples/hiring-plan.yaml");
  ASSERT_TRUE(file.has_value()) << render(file.error().front(), Lang::en);
  const hiring::HiringInput& in = file->input;
  EXPECT_EQ(in.start, std::chrono::year{2026} / std::chrono::January);
  EXPECT_EQ(in.months, 12);
  ASSERT_EQ(in.roles.size(), 2u);
  EXPECT_EQ(in.roles[1].role.str(), "agent");
  EXPECT_EQ(in.roles[1].headcount, 18);
  EXPECT_EQ(in.roles[1].required_fte.size(), 12u);
  EXPECT_EQ(in.roles[1].attrition.monthly_rate, 0.05);
  ASSERT_TRUE(in.roles[1].training.has_value());
  EXPECT_EQ(in.roles[1].training->class_max, 4);
  EXPECT_EQ(in.roles[1].training->ramp_up, std::vector<double>{0.75});
  ASSERT_EQ(in.roles[1].funnel.size(), 3u);
  EXPECT_EQ(in.roles[1].cost_per_hire->minor, 150000);
  EXPECT_EQ(in.roles[1].monthly_pay->minor, 300000);
  EXPECT_FALSE(file->internal_fill_given[1]);
  EXPECT_TRUE(file->internal_fill_given[0]);
}

TEST(HiringYaml, YearlyAttritionIsConvertedAndOneNumberFillsEveryMonth) {
  auto file = parse_hiring_yaml(
      "start: 2026-03\nmonths: 3\nroles:\n"
      "  - {role: agent, headcount: 5, required_fte: 4.5, attrition: {yearly: 0.36}}\n",
      "x.yaml");
  ASSERT_TRUE(file.has_value());
  // 1 - 0.64^(1/12) = 0.0365079
  EXPECT_NEAR(file->input.roles[0].attrition.monthly_rate, 0.0365079, 1e-6);
  EXPECT_EQ(file->input.roles[0].required_fte, (std::vector<double>{4.5, 4.5, 4.5}));
}

TEST(HiringYaml, CapsTheErrorList) {
  std::string text = "start: 2026-01\nmonths: 2\nroles:\n";
  for (int i = 0; i < 80; ++i) text += "  - {role: r" + std::to_string(i) + ", headcount: -1}\n";
  auto file = parse_hiring_yaml(text, "many.yaml");
  ASSERT_FALSE(file.has_value());
  EXPECT_EQ(file.error().size(), k_max_errors + 1);
  EXPECT_EQ(file.error().back().message.id, MsgId::errors_more);
}

class InvalidHiring : public ::testing::TestWithParam<std::string> {};

TEST_P(InvalidHiring, IsRejectedWithTheExactPosition) {
  fs::path path = test::data_path("hiring/invalid") / GetParam();
  std::ifstream in(path);
  std::string first;
  std::getline(in, first);
  const std::string prefix = "# expect: ";
  ASSERT_EQ(first.rfind(prefix, 0), 0u) << first;
  std::istringstream expect(first.substr(prefix.size()));
  int line = 0, column = 0;
  char colon = 0;
  expect >> line >> colon >> column >> colon;
  std::string text;
  std::getline(expect >> std::ws, text);
  auto file = load_hiring_yaml(path.string());
  ASSERT_FALSE(file.has_value());
  std::string all;
  bool found = false;
  for (const Error& e : file.error()) {
    all += render(e, Lang::en) + "\n";
    if (e.where.line == line && e.where.column == column &&
        render(e.message, Lang::en).find(text) != std::string::npos)
      found = true;
  }
  EXPECT_TRUE(found) << "expected " << line << ":" << column << ": " << text << "\ngot:\n" << all;
}

std::vector<std::string> invalid_files() {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(test::data_path("hiring/invalid")))
    out.push_back(entry.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(EveryDefect, InvalidHiring, ::testing::ValuesIn(invalid_files()),
                         [](const auto& param_info) {
                           std::string name =
                               param_info.param.substr(0, param_info.param.find('.'));
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace ccteam::io
