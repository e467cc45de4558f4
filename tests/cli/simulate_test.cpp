// ccteam simulate, run as a user would (src/cli/commands/simulate.cpp).
#include <gtest/gtest.h>

#include <filesystem>
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
  EXPECT_NE(run.out.find("tier agents (live)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("tier team-leads (live)"), std::string::npos);
  EXPECT_NE(run.out.find("the day starts with an empty center"), std::string::npos);
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

}  // namespace
}  // namespace ccteam::test
