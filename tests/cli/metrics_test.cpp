// ccteam metrics and ccteam calibrate, run as a user would (src/cli/commands/metrics.cpp,
// calibrate.cpp), on tests/data/calls/ (hand-worked values: tests/ccteam/metrics/metrics_test.cpp).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/run.hpp"
#include "support/paths.hpp"

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

// Skipped rows are warnings: reported with their position, counted, exit code 0 (the figures
// come from every usable row); nothing usable is exit code 2.
TEST(MetricsCli, BadRowsAreWarningsWithPositions) {
  Outcome run = run_ccteam({"metrics", "tests/data/calls/bad.csv", "--min-group", "1"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("bad.csv:3:"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("7 rows read, 2 records counted, 5 rows skipped"), std::string::npos)
      << run.out;
}

TEST(MetricsCli, NothingCountedSaysWhy) {
  // Every record of small.csv is from 2026-03; a retention of 30 days before 2026-12-01
  // excludes them all.
  Outcome run = run_ccteam({"metrics", k_small, "--retention-days", "30", "--as-of", "2026-12-01"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("8 are older than the retention window"), std::string::npos) << run.err;
  Outcome team = run_ccteam({"metrics", k_small, "--team", "nosuchteam"});
  EXPECT_EQ(team.exit_code, 2);
  EXPECT_NE(team.err.find("8 are not of the team"), std::string::npos) << team.err;
}

TEST(MetricsCli, UsageErrorsNameTheChoices) {
  Outcome interval = run_ccteam({"metrics", k_small, "--interval", "7m"});
  EXPECT_EQ(interval.exit_code, 2);
  EXPECT_NE(interval.err.find("15m, 30m, 60m, day, week"), std::string::npos) << interval.err;
  Outcome calibrate = run_ccteam({"calibrate", k_small});
  EXPECT_EQ(calibrate.exit_code, 2);
  EXPECT_NE(calibrate.err.find("needs an output directory"), std::string::npos) << calibrate.err;
}

// Occupancy and adherence from tests/data/states/ (worked out by hand in
// tests/ccteam/metrics/agent_states_test.cpp): team red 2700/3900 and 3900/4500.
TEST(MetricsCli, StatesAndScheduleAddOccupancyAndAdherence) {
  Outcome run = run_ccteam({"metrics", k_small, "--by", "team", "--min-group", "1", "--format",
                            "json", "--states", "tests/data/states/states.csv", "--schedule",
                            "tests/data/states/schedule.csv"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto j = nlohmann::json::parse(run.out);
  bool found = false;
  for (const auto& row : j["rows"]) {
    if (row["key"] != "red") continue;
    found = true;
    EXPECT_NEAR(row["occupancy"].get<double>(), 2700.0 / 3900, 1e-9);
    EXPECT_NEAR(row["adherence"].get<double>(), 3900.0 / 4500, 1e-9);
  }
  EXPECT_TRUE(found) << run.out;
  // Red has two agents: with the default minimum of 5 its agents' view hides occupancy as the
  // view by team does; a works council that allows teams of two sees it.
  Outcome hidden = run_ccteam({"metrics", k_small, "--by", "agent", "--team", "red", "--real-ids",
                               "--format", "csv", "--states", "tests/data/states/states.csv"});
  ASSERT_EQ(hidden.exit_code, 0) << hidden.err;
  EXPECT_EQ(hidden.out.find(",0.714286,"), std::string::npos) << hidden.out;
  Outcome agents =
      run_ccteam({"metrics", k_small, "--by", "agent", "--team", "red", "--real-ids", "--format",
                  "csv", "--states", "tests/data/states/states.csv", "--min-group", "2"});
  ASSERT_EQ(agents.exit_code, 0) << agents.err;
  EXPECT_NE(agents.out.find("a1,"), std::string::npos) << agents.out;
  EXPECT_NE(agents.out.find(",0.714286,"), std::string::npos) << agents.out;  // 1500 / 2100
  Outcome table = run_ccteam({"metrics", k_small, "--by", "team", "--states",
                              "tests/data/states/states.csv", "--lang", "de"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("Auslastung"), std::string::npos) << table.out;
  Outcome alone = run_ccteam({"metrics", k_small, "--schedule", "tests/data/states/schedule.csv"});
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_NE(alone.err.find("--schedule needs --states"), std::string::npos) << alone.err;
}

TEST(MetricsCli, GermanTable) {
  Outcome run = run_ccteam({"metrics", k_small, "--lang", "de", "--by", "queue"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("angeboten"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Betriebsratsregel"), std::string::npos) << run.out;
  // Interval starts and days as a German reader writes them (before: "2026-03-02T08:00").
  Outcome intervals = run_ccteam({"metrics", k_small, "--lang", "de"});
  ASSERT_EQ(intervals.exit_code, 0) << intervals.err;
  EXPECT_NE(intervals.out.find("\n02.03.2026 08:00 *"), std::string::npos) << intervals.out;
  EXPECT_EQ(intervals.out.find("2026-03-02"), std::string::npos) << intervals.out;
  Outcome days = run_ccteam({"metrics", k_small, "--lang", "de", "--interval", "day"});
  EXPECT_NE(days.out.find("\n03.03.2026"), std::string::npos) << days.out;
}

// Counts carry digit groups as the reader writes them (before: "31125"): 1,250 calls offered
// in one half hour give "1.250" in German, "1,250" in English, in the interval row and the total.
TEST(MetricsCli, CountsWithDigitGroups) {
  auto file = std::filesystem::temp_directory_path() /
              ("ccteam_metrics_1250_" + std::to_string(::getpid()) + ".csv");
  {
    std::ofstream out(file);
    out << "call_id,direction,channel,queue,agent,team,offered,answered,ended,outcome\n";
    for (int i = 0; i < 1250; ++i) {
      out << "c" << i << ",inbound,phone,billing,ag1,red,2026-03-02T08:00:00+01:00,"
          << "2026-03-02T08:00:10+01:00,2026-03-02T08:02:00+01:00,answered\n";
    }
  }
  Outcome de = run_ccteam({"metrics", file.string(), "--lang", "de", "--min-group", "1"});
  ASSERT_EQ(de.exit_code, 0) << de.err;
  EXPECT_NE(de.out.find(" 1.250 "), std::string::npos) << de.out;
  EXPECT_EQ(de.out.find("1250"), std::string::npos) << de.out;
  Outcome en = run_ccteam({"metrics", file.string(), "--min-group", "1"});
  EXPECT_NE(en.out.find(" 1,250 "), std::string::npos) << en.out;
  std::filesystem::remove(file);
}

TEST(MetricsCli, ChartAndBankFile) {
  auto svg = std::filesystem::temp_directory_path() /
             ("ccteam_metrics_" + std::to_string(::getpid()) + ".svg");
  Outcome run = run_ccteam({"metrics", "tests/data/calls/bank-small.tsv", "--chart", svg.string(),
                            "--format", "json", "--interval", "day"});
  EXPECT_EQ(run.exit_code, 0) << run.err;  // three bad rows in the file: warnings
  EXPECT_NE(run.err.find("rows skipped"), std::string::npos) << run.err;
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

TEST(CalibrateCli, EveryScenarioOfTheSmallSetIsReadBySimulate) {
  auto dir = std::filesystem::temp_directory_path() /
             ("ccteam_calibrate_sim_" + std::to_string(::getpid()));
  Outcome run = run_ccteam({"calibrate", k_small, "-o", dir.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  int scenarios = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind("scenario-", 0) != 0) continue;
    ++scenarios;
    Outcome sim = run_ccteam({"simulate", "--scenario", entry.path().string(), "--replications",
                              "2", "--format", "json"});
    EXPECT_EQ(sim.exit_code, 0) << entry.path() << ": " << sim.err;
  }
  EXPECT_GT(scenarios, 0);
  std::filesystem::remove_all(dir);
}

// The real month (February 1999, Technion "Anonymous Bank"), calibrated and each weekday's
// scenario simulated with the fitted effective staff (metrics/calibrate.hpp). The recorded
// service level (answered within 20 s / offered) is counted here independently of ccteam: one
// std::getline pass with the counting rules of docs/call-records-format.md (PHANTOM and calls
// that ended in the voice response unit are not offered calls). The simulated service level is
// compared per weekday; docs/calibration-format.md has the table.
struct RecordedDay {
  long offered = 0, within = 0;
};

std::array<RecordedDay, 7> recorded_by_weekday(const std::filesystem::path& path) {
  std::array<RecordedDay, 7> out{};
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  auto seconds_of = [](const std::string& hms) {
    std::size_t a = hms.find(':');
    return std::stoi(hms.substr(0, a)) * 3600 + std::stoi(hms.substr(a + 1, 2)) * 60 +
           std::stoi(hms.substr(a + 4, 2));
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) f.push_back(field);
    if (f.size() != 17 || f[12] == "PHANTOM") continue;
    bool queued = f[9] != "0:00:00";
    if (!queued && f[12] == "HANG") continue;  // never asked for an agent (VRU only)
    // date yymmdd (1999-02-dd) of the VRU entry; 1 February 1999 was a Monday (c_encoding 1).
    // The call is offered when it leaves the VRU (queue start if queued), the next day when
    // that is before the entry (midnight passed).
    int day = std::stoi(f[5].substr(4, 2));
    if (seconds_of(queued ? f[9] : f[7]) < seconds_of(f[6])) ++day;
    RecordedDay& r = out[static_cast<std::size_t>(day % 7)];
    ++r.offered;
    if (f[12] == "AGENT" && std::stod(f[11]) <= 20) ++r.within;  // q_time, seconds
  }
  return out;
}

TEST(CalibrateCli, RealMonthSimulatedServiceLevelPerWeekday) {
  auto file = fixtures_dir() / "calls" / "anonymous-bank-1999-02.tsv";
  if (!std::filesystem::exists(file)) {
    GTEST_SKIP() << "fixture absent: " << file << " (real call records not available)";
  }
  auto dir = std::filesystem::temp_directory_path() /
             ("ccteam_calibrate_month_" + std::to_string(::getpid()));
  Outcome run = run_ccteam({"calibrate", file.string(), "-o", dir.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto recorded = recorded_by_weekday(file);
  const std::array<const char*, 7> names = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  // docs/calibration-format.md, "Check against the records": the simulated service level per
  // weekday with 200 replications, seed 1 (Sunday first), and the records' own, counted here
  // independently. The aim is 5 points; Tuesday (+5.9) and Saturday (+6.9) miss it, as the
  // document says.
  const std::array<double, 7> documented = {0.579, 0.588, 0.520, 0.465, 0.537, 0.708, 0.817};
  const std::array<double, 7> recorded_documented = {0.594, 0.545, 0.461, 0.439,
                                                     0.487, 0.703, 0.748};
  for (std::size_t wd = 0; wd < 7; ++wd) {
    SCOPED_TRACE(names[wd]);
    ASSERT_GT(recorded[wd].offered, 0);
    double want =
        static_cast<double>(recorded[wd].within) / static_cast<double>(recorded[wd].offered);
    EXPECT_NEAR(want, recorded_documented[wd], 0.0005);
    Outcome sim = run_ccteam({"simulate", "--scenario",
                              (dir / ("scenario-" + std::string(names[wd]) + ".yaml")).string(),
                              "--replications", "200", "--seed", "1", "--format", "json"});
    ASSERT_EQ(sim.exit_code, 0) << sim.err;
    auto j = nlohmann::json::parse(sim.out);
    const auto& sl = j["tiers"][0]["horizon"]["service_level"];
    double got = sl["mean"].get<double>();
    double half_width = sl["half_width"].get<double>();
    std::printf("%s: simulated %.1f +- %.1f %%, recorded %.1f %%\n", names[wd], 100 * got,
                100 * half_width, 100 * want);
    // The figure the document states (to its rounding), and its gap to the records: at most
    // 5 points plus the half-width where the document says the aim is met, 7 otherwise.
    EXPECT_NEAR(got, documented[wd], 0.0005);
    const bool missed = wd == 2 || wd == 6;
    EXPECT_NEAR(got, want, (missed ? 0.07 : 0.05) + half_width);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ccteam::test
