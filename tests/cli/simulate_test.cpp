// ccteam simulate, run as a user would (src/cli/commands/simulate.cpp).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/run.hpp"

namespace ccteam::test {
namespace {

TEST(SimulateCli, ScenarioAsJson) {
  Outcome run = run_ccteam({"simulate", "--scenario", "tests/data/scenarios/constant.yaml",
                            "--replications", "20", "--seed", "3", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["format"], "ccteam-simulation/1");
  EXPECT_EQ(j["replications"]["done"], 20);
  EXPECT_EQ(j["seed"], 3);
  EXPECT_EQ(j["start"], "warmed-up");
  ASSERT_EQ(j["tiers"].size(), 1u);
  ASSERT_EQ(j["tiers"][0]["intervals"].size(), 4u);
  // M/M/14 at 10 Erlangs: Erlang C service level 0.888 (80/20); 20 replications of 2 hours
  // put it within a few points.
  double sl = j["tiers"][0]["horizon"]["service_level"]["mean"].get<double>();
  EXPECT_NEAR(sl, 0.888, 0.03);
  EXPECT_TRUE(j["cost"].is_null());
}

TEST(SimulateCli, PlanFromThePlannerAsTable) {
  std::string plan = (std::filesystem::temp_directory_path() /
                      ("ccteam_sim_plan_" + std::to_string(::getpid()) + ".json"))
                         .string();
  Outcome planned = run_ccteam({"plan", "tests/data/forecasts/small-30min.csv", "--sl", "80/20",
                                "--escalation-share", "0.1", "--format", "json", "-o", plan});
  ASSERT_EQ(planned.exit_code, 0) << planned.err;
  Outcome run = run_ccteam({"simulate", "--plan", plan, "--replications", "10"});
  std::filesystem::remove(plan);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("tier 'agents' (live)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("tier 'team-leads' (live)"), std::string::npos);
  EXPECT_NE(run.out.find("the day starts with an empty center"), std::string::npos);
}

// A flat day: 16 half hours of 200 calls with an AHT of 180 s, 20 Erlangs.
std::string flat_day_csv() {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("ccteam_sim_flat_" + std::to_string(::getpid()) + ".csv"))
                         .string();
  std::ofstream out(path);
  out << "interval_start,calls_offered,aht_seconds\n";
  for (int i = 0; i < 16; ++i) {
    out << "2026-03-02T" << (i / 2 + 8 < 10 ? "0" : "") << i / 2 + 8 << (i % 2 ? ":30" : ":00")
        << ":00,200,180\n";
  }
  return path;
}

TEST(SimulateCli, AModelWithPatienceChecksAnErlangCPlanAsErlangASeesIt) {
  std::string csv = flat_day_csv();
  std::string plan = csv + ".plan.json";
  // 22 agents given: Erlang C (no patience) as the plan, Erlang A with 60 s of patience as the
  // formula the simulation with the model is checked against.
  Outcome planned =
      run_ccteam({"plan", csv, "--sl", "80/20", "--agents", "22", "--format", "json", "-o", plan});
  ASSERT_EQ(planned.exit_code, 0) << planned.err;
  Outcome erlang_a = run_ccteam(
      {"plan", csv, "--sl", "80/20", "--agents", "22", "--patience", "60", "--format", "json"});
  ASSERT_EQ(erlang_a.exit_code, 0) << erlang_a.err;
  auto formula = nlohmann::json::parse(erlang_a.out)["intervals"][3];
  double abandonment = formula["abandonment"], service_level = formula["service_level"];
  EXPECT_NEAR(abandonment, 0.068, 0.001);  // Erlang A: 20 Erlangs, 22 agents, 60 s of patience
  Outcome run = run_ccteam({"simulate", "--plan", plan, "--model",
                            "tests/data/scenarios/model-patience-60.yaml", "--replications", "100",
                            "--format", "json"});
  Outcome plain =
      run_ccteam({"simulate", "--plan", plan, "--replications", "10", "--format", "json"});
  Outcome on_scenario = run_ccteam({"simulate", "--scenario", "tests/data/scenarios/constant.yaml",
                                    "--model", "tests/data/scenarios/model-patience-60.yaml"});
  Outcome broken = run_ccteam(
      {"simulate", "--plan", plan, "--model", "tests/data/scenarios/invalid/unstable.yaml"});
  std::filesystem::remove(csv);
  std::filesystem::remove(plan);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  auto j = nlohmann::json::parse(run.out);
  EXPECT_NE(j["name"].get<std::string>().find("(model: patience 60 s)"), std::string::npos)
      << j["name"];
  // Over the day (which starts empty) the simulation with the model gives Erlang A's figures; the
  // plan's own model (Erlang C: nobody hangs up) abandons nothing and serves far fewer in 20 s.
  const auto& day = j["tiers"][0]["horizon"];
  EXPECT_NEAR(day["abandonment"]["mean"].get<double>(), abandonment, 0.005);
  EXPECT_NEAR(day["service_level"]["mean"].get<double>(), service_level, 0.01);
  auto plain_report = nlohmann::json::parse(plain.out);
  const auto& own = plain_report["tiers"][0]["horizon"];
  EXPECT_EQ(own["abandonment"]["mean"].get<double>(), 0.0);
  EXPECT_LT(own["service_level"]["mean"].get<double>(), service_level - 0.1);
  EXPECT_EQ(on_scenario.exit_code, 2);
  EXPECT_NE(on_scenario.err.find("--model"), std::string::npos) << on_scenario.err;
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("unstable.yaml:"), std::string::npos) << broken.err;
}

TEST(SimulateCli, BadInputIsUnusableWithPosition) {
  Outcome run =
      run_ccteam({"simulate", "--scenario", "tests/data/scenarios/invalid/unstable.yaml"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("unstable.yaml:9:12"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("unstable"), std::string::npos);

  Outcome none = run_ccteam({"simulate"});
  EXPECT_EQ(none.exit_code, 2);
  Outcome german = run_ccteam({"simulate"}, "de_DE.UTF-8");
  EXPECT_NE(german.err.find("geben Sie"), std::string::npos) << german.err;
}

TEST(SimulateCli, ArticleTeamScenarioRuns) {
  Outcome run = run_ccteam({"simulate", "--scenario", "data/scenarios/article-team.yaml",
                            "--replications", "4", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto j = nlohmann::json::parse(run.out);
  ASSERT_EQ(j["tiers"].size(), 3u);
  EXPECT_EQ(j["tiers"][2]["kind"], "deferred");
  EXPECT_EQ(j["start"], "empty");
  EXPECT_EQ(j["cost"]["currency"], "USD");
}

// The synopsis `simulate [planner options]` plans in memory and maps the plan as
// --plan does, so for the same seed both runs must print the same report, byte for byte.
TEST(SimulateCli, PlannerOptionsMatchThePlanFile) {
  std::string plan = (std::filesystem::temp_directory_path() /
                      ("ccteam_sim_same_" + std::to_string(::getpid()) + ".json"))
                         .string();
  const std::vector<std::string> planner{"tests/data/forecasts/small-30min.csv",
                                         "--sl",
                                         "80/20",
                                         "--patience",
                                         "120",
                                         "--escalation-share",
                                         "0.1",
                                         "--escalation-mode",
                                         "deferred"};
  std::vector<std::string> make{"plan"};
  make.insert(make.end(), planner.begin(), planner.end());
  make.insert(make.end(), {"--format", "json", "-o", plan});
  Outcome planned = run_ccteam(make);
  ASSERT_EQ(planned.exit_code, 0) << planned.err;
  const std::vector<std::string> run_options{"--replications", "6",   "--seed", "11",
                                             "--format",       "json"};
  std::vector<std::string> via_file{"simulate", "--plan", plan};
  via_file.insert(via_file.end(), run_options.begin(), run_options.end());
  std::vector<std::string> via_options{"simulate"};
  via_options.insert(via_options.end(), planner.begin(), planner.end());
  via_options.insert(via_options.end(), run_options.begin(), run_options.end());
  Outcome from_file = run_ccteam(via_file);
  Outcome from_options = run_ccteam(via_options);
  std::filesystem::remove(plan);
  ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
  ASSERT_EQ(from_options.exit_code, 0) << from_options.err;
  EXPECT_EQ(from_options.out, from_file.out);
  auto j = nlohmann::json::parse(from_options.out);
  ASSERT_EQ(j["tiers"].size(), 2u);
  EXPECT_EQ(j["tiers"][1]["kind"], "deferred");
  EXPECT_EQ(j["seed"], 11);

  // The daily profile works the same way.
  Outcome profile = run_ccteam({"simulate", "--calls", "1200/day", "--hours", "08:00-12:00", "--sl",
                                "80/20", "--replications", "2", "--format", "json"});
  ASSERT_EQ(profile.exit_code, 0) << profile.err;
  EXPECT_EQ(nlohmann::json::parse(profile.out)["tiers"][0]["intervals"].size(), 8u);
}

TEST(SimulateCli, PlannerOptionsAreAThirdInput) {
  Outcome both =
      run_ccteam({"simulate", "--scenario", "tests/data/scenarios/constant.yaml", "--sl", "80/20"});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("not both"), std::string::npos) << both.err;
  Outcome bad = run_ccteam({"simulate", "--calls", "1200", "--sl", "80/20"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--calls"), std::string::npos) << bad.err;
  Outcome no_forecast = run_ccteam({"simulate", "--sl", "80/20"});
  EXPECT_EQ(no_forecast.exit_code, 2);
}

// A negative seed would wrap round to a huge unsigned one; the ranges are said in German too.
TEST(SimulateCli, CountsAndSeedsOutOfRange) {
  const std::string scenario = "tests/data/scenarios/constant.yaml";
  Outcome seed = run_ccteam({"simulate", "--scenario", scenario, "--seed", "-1"});
  EXPECT_EQ(seed.exit_code, 2);
  EXPECT_NE(seed.err.find("--seed: -1 is not allowed here; use a value of at least 0"),
            std::string::npos)
      << seed.err;
  Outcome none =
      run_ccteam({"simulate", "--scenario", scenario, "--replications", "0", "--lang", "de"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("--replications: 0 ist hier nicht zulässig; erlaubt ist ein Wert von 1 "
                          "bis 100.000"),
            std::string::npos)
      << none.err;
}

}  // namespace
}  // namespace ccteam::test
