// ccteam hiring-plan, run as a user would (src/cli/commands/hiring_plan.cpp). The expected
// figures are the worked example of docs/hiring-plan.md, worked out by hand there.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/run.hpp"

namespace ccteam::test {
namespace {

const std::string k_example = "data/examples/hiring-plan.yaml";

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// 'text' with every run of spaces made one: table cells are padded to their column's width.
std::string squeezed(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

std::filesystem::path temp_path(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("ccteam-hiring-cli-" + name);
}

// Month by month as the worked example's table gives it (agents, to six digits there).
TEST(HiringPlanCli, JsonIsTheWorkedExample) {
  Outcome run = run_ccteam({"hiring-plan", k_example, "--runs", "0", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto plan = nlohmann::json::parse(run.out);
  EXPECT_EQ(plan["format"], "ccteam-hiring-plan/1");
  EXPECT_EQ(plan["start"], "2026-01");
  EXPECT_EQ(plan["hires"], 18);
  EXPECT_EQ(plan["promotions"], 1);
  EXPECT_EQ(plan["currency"], "EUR");
  EXPECT_NEAR(plan["cost"].get<double>(), 76676.58, 1e-9);
  EXPECT_TRUE(plan["monte_carlo"].is_null());
  const auto& leads = plan["roles"][0];
  EXPECT_EQ(leads["role"], "team-lead");
  EXPECT_EQ(leads["months"][6]["promoted_in"], 1);
  EXPECT_EQ(leads["months"][6]["hires"], 0);
  const auto& agents = plan["roles"][1];
  EXPECT_EQ(agents["lead_months"], 3);
  EXPECT_DOUBLE_EQ(agents["applicants_per_hire"].get<double>(), 6.25);
  const std::vector<double> available{17.100000, 18.050000, 19.358625, 20.750731,
                                      22.106512, 22.953971, 21.895839, 22.110800,
                                      22.336448, 22.055566, 21.360041, 20.292039};
  const std::vector<int> hires{4, 3, 2, 3, 2, 0, 2, 2, 0, 0, 0, 0};
  for (std::size_t t = 0; t < 12; ++t) {
    const auto& m = agents["months"][t];
    EXPECT_NEAR(m["available_fte"].get<double>(), available[t], 1e-6) << t;
    EXPECT_EQ(m["hires"], hires[t]) << t;
  }
  EXPECT_NEAR(agents["months"][0]["gap_fte"].get<double>(), 0.9, 1e-9);
  EXPECT_NEAR(agents["months"][0]["headcount"].get<double>(), 20.9, 1e-9);
  EXPECT_NEAR(agents["months"][0]["leavers"].get<double>(), 1.1, 1e-9);
  EXPECT_EQ(agents["months"][6]["promoted_out"], 1);
  EXPECT_NEAR(agents["months"][0]["cost"].get<double>(), 4 * 4259.81, 1e-9);
  ASSERT_EQ(plan["classes"].size(), 7u);
  EXPECT_EQ(plan["classes"][0]["start"], "2026-01-01");
  EXPECT_EQ(plan["classes"][0]["class_end"], "2026-01-29");
  EXPECT_EQ(plan["classes"][0]["nesting_end"], "2026-02-12");
  EXPECT_EQ(plan["classes"][0]["size"], 4);
  ASSERT_EQ(plan["openings"].size(), 7u);
  EXPECT_EQ(plan["openings"][0]["publish_by"], "2025-11-27");
  EXPECT_EQ(plan["openings"][0]["headcount"], 4);
  EXPECT_DOUBLE_EQ(plan["openings"][0]["applicants"].get<double>(), 25);
  EXPECT_DOUBLE_EQ(plan["openings"][0]["applicants_per_week"].get<double>(), 5);
}

TEST(HiringPlanCli, TableInEnglish) {
  Outcome run = run_ccteam({"hiring-plan", k_example, "--runs", "0"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(has(run.out, "FTE needed")) << run.out;
  const std::string table = squeezed(run.out);
  EXPECT_TRUE(
      has(table, "\n2026-01 Call-Center Agent 18.00 17.10 0.90 20.90 1.10 0 4 €17,039.24\n"))
      << run.out;
  EXPECT_TRUE(has(run.out, "Hires: 18, promotions: 1, hiring and training cost: €76,676.58"))
      << run.out;
  EXPECT_TRUE(has(run.out, "Short in 1 of 24 role-months")) << run.out;
  EXPECT_TRUE(has(run.out, "Training classes")) << run.out;
  EXPECT_TRUE(has(table, "January 1, 2026 January 29, 2026 February 12, 2026 4\n")) << run.out;
  EXPECT_TRUE(has(run.out, "Openings to publish")) << run.out;
  EXPECT_TRUE(has(table, "November 27, 2025 January 1, 2026 4 25 5\n")) << run.out;
  EXPECT_FALSE(has(run.out, "P(short)")) << run.out;
}

TEST(HiringPlanCli, TableInGermanWordsNumbersAndDates) {
  Outcome run = run_ccteam({"hiring-plan", k_example, "--runs", "0", "--lang", "de"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(has(run.out, "VZÄ benötigt")) << run.out;
  const std::string table = squeezed(run.out);
  EXPECT_TRUE(
      has(table, "\n01.2026 Callcenter-Agent 18,00 17,10 0,90 20,90 1,10 0 4 17.039,24\u00a0€\n"))
      << run.out;
  EXPECT_TRUE(has(run.out, "Einstellungen: 18, Beförderungen: 1")) << run.out;
  EXPECT_TRUE(has(run.out, "76.676,58\u00a0€")) << run.out;
  EXPECT_TRUE(has(table, "01.01.2026 29.01.2026 12.02.2026 4\n")) << run.out;
  EXPECT_TRUE(has(table, "27.11.2025 01.01.2026 4 25 5\n")) << run.out;
  Outcome env = run_ccteam({"hiring-plan", k_example, "--runs", "0"}, "de_DE.UTF-8");
  EXPECT_EQ(env.out, run.out);
}

TEST(HiringPlanCli, CsvHasTheTablesColumns) {
  Outcome run = run_ccteam({"hiring-plan", k_example, "--runs", "0", "--format", "csv"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.substr(0, run.out.find('\n')),
            "month,role,needed_fte,available_fte,gap_fte,headcount,leavers,promoted_in,"
            "promoted_out,hires,cost,p_short,p_short_half_width,safe_hires,p_short_safe");
  EXPECT_TRUE(has(run.out, "\n2026-01,agent,18,17.1,0.9,20.9,1.1,0,0,4,17039.24,,,,\n")) << run.out;
  EXPECT_TRUE(has(run.out, "\n2026-07,team-lead,3,3,0,3,0,1,0,0,,,,,\n")) << run.out;
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1 + 24);
}

// Ten agents with a 10 % chance each of leaving, nine needed: P(short) is the exact binomial
// 0.263901 (tests/data/hiring/ten-agents.yaml), within the Monte Carlo's error.
TEST(HiringPlanCli, MonteCarloAgreesWithTheExactBinomial) {
  Outcome run = run_ccteam({"hiring-plan", "tests/data/hiring/ten-agents.yaml", "--runs", "20000",
                            "--seed", "7", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto plan = nlohmann::json::parse(run.out);
  const auto& risk = plan["roles"][0]["months"][0]["risk"];
  EXPECT_NEAR(risk["p_short"]["mean"].get<double>(), 0.263901, 0.01);
  EXPECT_NEAR(risk["mean_available_fte"]["mean"].get<double>(), 9.0, 0.03);
  EXPECT_EQ(plan["monte_carlo"]["runs"], 20000);
  EXPECT_EQ(plan["monte_carlo"]["seed"], 7);
  // The same seed gives the same figures; the table shows the chance and the safe hires.
  Outcome again = run_ccteam({"hiring-plan", "tests/data/hiring/ten-agents.yaml", "--runs", "20000",
                              "--seed", "7", "--format", "json"});
  EXPECT_EQ(again.out, run.out);
  Outcome table = run_ccteam({"hiring-plan", k_example, "--runs", "500"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_TRUE(has(table.out, "P(short)")) << table.out;
  EXPECT_TRUE(has(table.out, "Safe hires")) << table.out;
  EXPECT_TRUE(has(table.out, "Monte Carlo over attrition: 500 runs, seed 1")) << table.out;
}

TEST(HiringPlanCli, FromAStaffingPlan) {
  const auto plan_file = temp_path("plan.json");
  Outcome plan = run_ccteam({"plan", "tests/data/forecasts/small-30min.csv", "--sl", "80/20",
                             "--format", "json", "-o", plan_file.string()});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const double agents_fte =
      nlohmann::json::parse(slurp(plan_file))["levels"][0]["fte"].get<double>();
  Outcome run = run_ccteam({"hiring-plan", "data/examples/hiring-plan-from-plan.yaml", "--plans",
                            plan_file.string(), "--runs", "0", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto hiring = nlohmann::json::parse(run.out);
  const auto& agents = hiring["roles"][1]["months"];
  EXPECT_NEAR(agents[0]["needed_fte"].get<double>(), agents_fte, 1e-9);
  EXPECT_NEAR(agents[11]["needed_fte"].get<double>(), agents_fte * std::pow(1.02, 11), 1e-9);
  // The example gives the FTE itself: with a plan as well, it says which role has both.
  Outcome both = run_ccteam({"hiring-plan", k_example, "--plans", plan_file.string()});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_TRUE(has(both.err,
                  "hiring-plan.yaml:7:11 (/roles/0/role): error: role 'team-lead' has "
                  "'required_fte' "
                  "and a level in the staffing plan"))
      << both.err;
  Outcome two = run_ccteam({"hiring-plan", "data/examples/hiring-plan-from-plan.yaml", "--plans",
                            plan_file.string(), plan_file.string()});
  EXPECT_EQ(two.exit_code, 2);
  EXPECT_TRUE(has(two.err, "2 staffing plans given")) << two.err;
  std::filesystem::remove(plan_file);
}

TEST(HiringPlanCli, BadInputIsLocatedInBothLanguages) {
  const std::string bad = "tests/data/hiring/invalid/out-of-range.yaml";
  Outcome en = run_ccteam({"hiring-plan", bad});
  EXPECT_EQ(en.exit_code, 2);
  EXPECT_TRUE(has(en.err,
                  "out-of-range.yaml:6:26 (/roles/0/attrition/monthly): error: 1.5 is "
                  "outside the allowed range"))
      << en.err;
  EXPECT_TRUE(en.out.empty()) << en.out;
  Outcome de = run_ccteam({"hiring-plan", bad, "--lang", "de"});
  EXPECT_EQ(de.exit_code, 2);
  EXPECT_TRUE(has(de.err,
                  "out-of-range.yaml:6:26 (/roles/0/attrition/monthly): Fehler: 1.5 liegt "
                  "außerhalb"))
      << de.err;
  Outcome missing = run_ccteam({"hiring-plan", "no-such-file.yaml"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(has(missing.err, "no-such-file.yaml")) << missing.err;
  Outcome plan = run_ccteam({"hiring-plan", "data/examples/hiring-plan-from-plan.yaml", "--plans",
                             "tests/data/hiring/ten-agents.yaml"});
  EXPECT_EQ(plan.exit_code, 2);
  EXPECT_TRUE(has(plan.err, "ten-agents.yaml:1:1: error: not a ccteam plan")) << plan.err;
}

TEST(HiringPlanCli, OptionValueErrorsSayWhatIsAllowed) {
  Outcome runs = run_ccteam({"hiring-plan", k_example, "--runs", "-1"});
  EXPECT_EQ(runs.exit_code, 2);
  EXPECT_TRUE(has(runs.err, "--runs")) << runs.err;
  Outcome target = run_ccteam({"hiring-plan", k_example, "--short-target", "1"});
  EXPECT_EQ(target.exit_code, 2);
  EXPECT_TRUE(has(target.err, "--short-target")) << target.err;
  Outcome format = run_ccteam({"hiring-plan", k_example, "--format", "md"});
  EXPECT_EQ(format.exit_code, 2);
  Outcome png = run_ccteam({"hiring-plan", k_example, "--chart", "hiring.png"});
  EXPECT_EQ(png.exit_code, 2);
  EXPECT_TRUE(has(png.err, "'hiring.png': the chart is drawn as SVG")) << png.err;
  Outcome input = run_ccteam({"hiring-plan"});
  EXPECT_EQ(input.exit_code, 2);
}

TEST(HiringPlanCli, OutputThatWouldOverwriteTheInput) {
  const auto copy = temp_path("overwrite.yaml");
  std::filesystem::copy_file(std::filesystem::path(CCTEAM_SOURCE_DIR) / k_example, copy,
                             std::filesystem::copy_options::overwrite_existing);
  const auto size = std::filesystem::file_size(copy);
  Outcome clash = run_ccteam(
      {"hiring-plan", copy.string(), "--runs", "0", "--format", "csv", "-o", copy.string()});
  EXPECT_EQ(clash.exit_code, 2);
  EXPECT_TRUE(has(clash.err, "is also an input of this command")) << clash.err;
  EXPECT_EQ(std::filesystem::file_size(copy), size);
  std::filesystem::remove(copy);
}

TEST(HiringPlanCli, XlsxNeedsAFileAndHasThreeSheets) {
  Outcome terminal = run_ccteam({"hiring-plan", k_example, "--runs", "0", "--format", "xlsx"});
  EXPECT_EQ(terminal.exit_code, 2);
  EXPECT_TRUE(terminal.out.empty());
  const auto book = temp_path("plan.xlsx");
  Outcome run = run_ccteam(
      {"hiring-plan", k_example, "--runs", "0", "--format", "xlsx", "-o", book.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string bytes = slurp(book);
  EXPECT_TRUE(bytes.starts_with("PK")) << "not a zip";
  EXPECT_TRUE(has(bytes, "xl/worksheets/sheet3.xml"));
  std::filesystem::remove(book);
}

TEST(HiringPlanCli, ChartIsAnSvgWithOneBarPerMonth) {
  const auto chart = temp_path("chart.svg");
  Outcome run = run_ccteam(
      {"hiring-plan", k_example, "--runs", "0", "--format", "csv", "--chart", chart.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string svg = slurp(chart);
  EXPECT_TRUE(svg.starts_with("<?xml") || svg.starts_with("<svg")) << svg.substr(0, 80);
  EXPECT_TRUE(has(svg, "FTE needed and available, and hires, per month"));
  EXPECT_TRUE(has(svg, "2026-12"));
  std::filesystem::remove(chart);
  Outcome de = run_ccteam({"hiring-plan", k_example, "--runs", "0", "--format", "csv", "--chart",
                           chart.string(), "--lang", "de"});
  ASSERT_EQ(de.exit_code, 0) << de.err;
  EXPECT_TRUE(has(slurp(chart), "Benötigte und verfügbare VZÄ"));
  std::filesystem::remove(chart);
}

}  // namespace
}  // namespace ccteam::test
