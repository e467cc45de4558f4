// ccteam metrics and ccteam calibrate, run as a user would (src/cli/commands/metrics.cpp,
// calibrate.cpp), on tests/data/calls/ (hand-worked values: tests/ccteam/metrics/metrics_test.cpp).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/run.hpp"

namespace ccteam::test {
namespace {

const std::string k_small = "tests/data/calls/small.csv";

TEST(MetricsCli, JsonTotalsAndDefinitions) {
  Outcome run = run_ccteam(
      {"metrics", k_small, "--format", "json", "--min-group", "1", "--sl-definition", "answered"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["definitions"]["service_level"], "over_answered");
  EXPECT_EQ(j["rows"].size(), 5u);
  EXPECT_EQ(j["total"]["offered"], 7);
  EXPECT_DOUBLE_EQ(j["total"]["service_level"].get<double>(), 0.6);  // 3 of 5 answered
  EXPECT_DOUBLE_EQ(j["total"]["asa_seconds"].get<double>(), 18.0);
  EXPECT_EQ(j["rows"][2]["start"], "2026-03-02T23:30:00");
}

TEST(MetricsCli, DefaultMinimumGroupHidesAgentFigures) {
  Outcome run = run_ccteam({"metrics", k_small, "--format", "json", "--interval", "day"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto j = nlohmann::json::parse(run.out);
  EXPECT_TRUE(j["total"]["suppressed"].get<bool>());
  EXPECT_TRUE(j["total"]["aht_seconds"].is_null());
  EXPECT_EQ(j["works_council"]["min_group"], 5);
  EXPECT_TRUE(j["works_council"]["pseudonymised"].get<bool>());
}

TEST(MetricsCli, PerAgentNeedsATeamAndIsPseudonymised) {
  Outcome refused = run_ccteam({"metrics", k_small, "--by", "agent"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("--team"), std::string::npos) << refused.err;
  Outcome run = run_ccteam({"metrics", k_small, "--by", "agent", "--team", "red", "--format", "csv",
                            "--pseudonym-key", "k"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.find("ag1"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("A-"), std::string::npos) << run.out;
}

TEST(MetricsCli, BadRowsAreFindingsWithPositions) {
  Outcome run = run_ccteam({"metrics", "tests/data/calls/bad.csv", "--min-group", "1"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("bad.csv:3:"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("7 rows read, 2 records counted, 5 rows skipped"), std::string::npos)
      << run.out;
}

TEST(MetricsCli, GermanTable) {
  Outcome run = run_ccteam({"metrics", k_small, "--lang", "de", "--by", "queue"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("angeboten"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Betriebsratsregel"), std::string::npos) << run.out;
}

TEST(MetricsCli, ChartAndBankFile) {
  auto svg = std::filesystem::temp_directory_path() /
             ("ccteam_metrics_" + std::to_string(::getpid()) + ".svg");
  Outcome run = run_ccteam({"metrics", "tests/data/calls/bank-small.tsv", "--chart", svg.string(),
                            "--format", "json", "--interval", "day"});
  EXPECT_EQ(run.exit_code, 1) << run.err;  // three bad rows in the file
  auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["total"]["offered"], 4);
  std::string text = slurp(svg);
  EXPECT_EQ(text.rfind("<svg", 0) == 0 || text.find("<svg") != std::string::npos, true);
  std::filesystem::remove(svg);
}

TEST(CalibrateCli, WritesAForecastThePlannerReads) {
  auto dir =
      std::filesystem::temp_directory_path() / ("ccteam_calibrate_" + std::to_string(::getpid()));
  Outcome run = run_ccteam({"calibrate", k_small, "-o", dir.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "calibration.json"));
  EXPECT_TRUE(std::filesystem::exists(dir / "scenario-mon.yaml"));
  Outcome plan =
      run_ccteam({"plan", (dir / "forecast.csv").string(), "--sl", "80/20", "--format", "json"});
  EXPECT_EQ(plan.exit_code, 0) << plan.err;
  auto j = nlohmann::json::parse(plan.out);
  EXPECT_EQ(j["intervals"].size(), 7u * 48);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ccteam::test
