// Use cases of the team simulation (src/app/sim/simulate.cpp), called directly (no binary).
#include "app/sim/simulate.hpp"

#include <gtest/gtest.h>

#include "app/staffing/plan.hpp"
#include "io/catalog/catalog_yaml.hpp"
#include "support/paths.hpp"

namespace ccteam::app {
namespace {

std::string scenario_path(const std::string& name) {
  return test::data_path("scenarios/" + name).string();
}

TEST(SimulateUseCase, RunOptionsOverrideTheScenarioThenTheDefaults) {
  sim::Scenario s;
  EXPECT_EQ(run_options(s, {}).replications, 30);
  EXPECT_EQ(run_options(s, {}).seed, 1u);
  s.replications = 5;
  s.seed = 9;
  EXPECT_EQ(run_options(s, {}).replications, 5);
  EXPECT_EQ(run_options(s, {}).seed, 9u);
  SimulationRequest r;
  r.replications = 2;
  r.seed = 3;
  r.threads = 1;
  EXPECT_EQ(run_options(s, r).replications, 2);
  EXPECT_EQ(run_options(s, r).seed, 3u);
  EXPECT_EQ(run_options(s, r).threads, 1);
}

TEST(SimulateUseCase, ARunIsAFunctionOfScenarioAndSeed) {
  auto scenario = load_scenario(scenario_path("constant.yaml"));
  ASSERT_TRUE(scenario.has_value());
  EXPECT_FALSE(needs_catalog(*scenario));
  SimulationRequest r;
  r.replications = 4;
  r.seed = 42;
  r.threads = 2;
  sim::RunOptions options = run_options(*scenario, r);
  sim::SimReport a = simulate(*scenario, options, nullptr, nullptr, {});
  sim::SimReport b = simulate(*scenario, options, nullptr, nullptr, {});
  EXPECT_EQ(a.replications_done, 4);
  EXPECT_EQ(a.calls, b.calls);
  ASSERT_EQ(a.tiers.size(), 1u);
  EXPECT_EQ(a.tiers[0].horizon.service_level.mean, b.tiers[0].horizon.service_level.mean);
  // M/M/14 with 10 Erlangs: Erlang C gives 88.8 % within 20 s; four warmed-up replications of
  // two hours land near it.
  EXPECT_NEAR(a.tiers[0].horizon.service_level.mean, 0.888, 0.06);
}

TEST(SimulateUseCase, AMissingScenarioFileIsAnError) {
  auto scenario = load_scenario(scenario_path("does-not-exist.yaml"));
  ASSERT_FALSE(scenario.has_value());
  EXPECT_FALSE(scenario.error().empty());
}

TEST(SimulateUseCase, APlanInMemoryBecomesATieredScenario) {
  auto catalog = io::load_catalog({test::repo_data_path("catalog").string()});
  ASSERT_TRUE(catalog.has_value());
  PlanRequest request;
  request.forecast.files = {test::data_path("forecasts/small-30min.csv").string()};
  request.options.targets.service_level = staffing::ServiceLevelTarget{0.8, staffing::Seconds{20}};
  auto plan = make_staffing_plan(request);
  ASSERT_TRUE(plan.has_value());
  auto scenario = scenario_from_plan(*plan, *catalog, Lang::en);
  ASSERT_TRUE(scenario.has_value()) << render(scenario.error().front(), Lang::en);
  ASSERT_FALSE(scenario->tiers.empty());
  EXPECT_EQ(scenario->intervals, 4);  // one per plan interval
}

}  // namespace
}  // namespace ccteam::app
