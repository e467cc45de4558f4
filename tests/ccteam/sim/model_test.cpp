#include "ccteam/sim/model.hpp"

#include <gtest/gtest.h>

namespace ccteam::sim {
namespace {

Distribution exponential(double mean) { return {DistKind::exponential, mean, 0, {}}; }
Distribution lognormal(double mean, double sd) { return {DistKind::lognormal, mean, sd, {}}; }

// A plan as io::scenario_from_plan_json makes it: two half-hours, 100 calls each, agents with
// exponential handle times of the interval's AHT (180 s, then 240 s) and no patience (Erlang C).
Scenario plan_scenario() {
  Scenario s;
  s.name = "plan";
  s.interval = Seconds{1800};
  s.intervals = 2;
  s.calls_per_interval = {100, 100};
  Tier agents;
  agents.id = "agents";
  agents.role = RoleId("agent");
  agents.staff = {14, 18};
  agents.off_phone_share = {0, 0};
  agents.handle_time = {exponential(180), exponential(240)};
  agents.escalate = 0.1;
  Tier leads;
  leads.id = "team-leads";
  leads.role = RoleId("team-lead");
  leads.kind = TierKind::deferred;
  leads.deadline = Seconds{3600};
  leads.staff = {2, 2};
  leads.off_phone_share = {0.5, 0.5};
  leads.handle_time = {exponential(360), exponential(360)};
  s.tiers = {agents, leads};
  return s;
}

// A scenario as `ccteam calibrate` writes it: one tier 'agents', a fitted lognormal handle time
// and exponential patience.
Scenario calibrated() {
  Scenario s;
  s.name = "calls.csv (mon, mean of 4 days)";
  s.interval = Seconds{900};
  s.intervals = 3;
  s.calls_per_interval = {10, 50, 20};
  Tier agents;
  agents.id = "agents";
  agents.role = RoleId("agent");
  agents.staff = {3, 9, 4};
  agents.off_phone_share = {0, 0, 0};
  agents.handle_time = {lognormal(300, 150)};
  agents.patience = exponential(90);
  s.tiers = {agents};
  return s;
}

TEST(WithModelOf, TakesTheShapeAndPatienceKeepsThePlansDay) {
  auto result = with_model_of(plan_scenario(), calibrated());
  ASSERT_TRUE(result);
  const Tier& agents = result->tiers[0];
  // Coefficient of variation 150 / 300 = 0.5 on the plan's AHT: lognormal(180, 90), (240, 120).
  ASSERT_EQ(agents.handle_time.size(), 2u);
  EXPECT_EQ(agents.handle_time[0].kind, DistKind::lognormal);
  EXPECT_DOUBLE_EQ(agents.handle_time[0].mean_seconds, 180);
  EXPECT_DOUBLE_EQ(agents.handle_time[0].sd_seconds, 90);
  EXPECT_DOUBLE_EQ(agents.handle_time[1].mean_seconds, 240);
  EXPECT_DOUBLE_EQ(agents.handle_time[1].sd_seconds, 120);
  EXPECT_EQ(agents.patience.kind, DistKind::exponential);
  EXPECT_DOUBLE_EQ(agents.patience.mean_seconds, 90);
  // The plan's day: staff, arrivals, escalation, intervals; offered load 100 x 180 / 1800 = 10.
  EXPECT_EQ(agents.staff, (std::vector<int>{14, 18}));
  EXPECT_EQ(result->calls_per_interval, (std::vector<double>{100, 100}));
  EXPECT_DOUBLE_EQ(agents.escalate, 0.1);
  EXPECT_EQ(result->intervals, 2);
  EXPECT_EQ(result->interval, Seconds{1800});
  EXPECT_DOUBLE_EQ(offered_load_erlangs(*result, 0, 0), 10);
  EXPECT_EQ(result->name, "plan");
  // The model has no team-lead tier: the plan's stays.
  EXPECT_EQ(result->tiers[1].handle_time[0].kind, DistKind::exponential);
  EXPECT_DOUBLE_EQ(result->tiers[1].handle_time[0].mean_seconds, 360);
}

TEST(WithModelOf, MatchesByRoleAndLeavesPatienceOffDeferredTiers) {
  Scenario model = calibrated();
  model.tiers[0].escalate = 0.2;
  Tier leads = model.tiers[0];
  leads.id = "second-level";
  leads.role = RoleId("team-lead");
  leads.escalate = 0;
  leads.handle_time = {{DistKind::gamma, 100, 200, {}}};  // coefficient of variation 2
  model.tiers.push_back(leads);
  auto result = with_model_of(plan_scenario(), model);
  ASSERT_TRUE(result);
  const Tier& plan_leads = result->tiers[1];
  EXPECT_EQ(plan_leads.handle_time[1].kind, DistKind::gamma);
  EXPECT_DOUBLE_EQ(plan_leads.handle_time[1].mean_seconds, 360);
  EXPECT_DOUBLE_EQ(plan_leads.handle_time[1].sd_seconds, 720);
  EXPECT_EQ(plan_leads.patience.kind, DistKind::none);  // deferred: the caller is off the line
  EXPECT_EQ(plan_leads.kind, TierKind::deferred);
  EXPECT_DOUBLE_EQ(result->tiers[0].escalate, 0.1);  // the plan's, not the model's 0.2
}

TEST(WithModelOf, PerIntervalModelsGiveTheBusiestIntervalsShape) {
  Scenario model = calibrated();
  // Calls 10, 50, 20: the second interval is the busiest; its CV is 50 / 200 = 0.25.
  model.tiers[0].handle_time = {exponential(100), lognormal(200, 50), lognormal(100, 100)};
  auto result = with_model_of(plan_scenario(), model);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->tiers[0].handle_time[0].kind, DistKind::lognormal);
  EXPECT_DOUBLE_EQ(result->tiers[0].handle_time[0].sd_seconds, 45);  // 180 x 0.25
  EXPECT_DOUBLE_EQ(result->tiers[0].handle_time[1].sd_seconds, 60);  // 240 x 0.25
}

TEST(WithModelOf, StretchesAnEmpiricalSample) {
  Scenario model = calibrated();
  model.tiers[0].handle_time = {{DistKind::empirical, 0, 0, {60, 120, 180}}};  // mean 120
  auto result = with_model_of(plan_scenario(), model);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->tiers[0].handle_time[0].values, (std::vector<double>{90, 180, 270}));
  EXPECT_EQ(result->tiers[0].handle_time[1].values, (std::vector<double>{120, 240, 360}));
  EXPECT_DOUBLE_EQ(mean_of(result->tiers[0].handle_time[1]), 240);
}

TEST(WithModelOf, ExponentialModelKeepsThePlansPatience) {
  Scenario plan = plan_scenario();
  plan.tiers[0].patience = exponential(120);
  Scenario model = calibrated();
  model.tiers[0].handle_time = {exponential(300)};
  model.tiers[0].patience = Distribution{};  // no abandons in the records
  model.tiers[0].retrial = Retrial{0.3, Seconds{300}};
  auto result = with_model_of(plan, model);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->tiers[0].handle_time[1].kind, DistKind::exponential);
  EXPECT_DOUBLE_EQ(result->tiers[0].handle_time[1].mean_seconds, 240);
  EXPECT_DOUBLE_EQ(result->tiers[0].patience.mean_seconds, 120);
  ASSERT_TRUE(result->tiers[0].retrial);
  EXPECT_DOUBLE_EQ(result->tiers[0].retrial->probability, 0.3);
}

TEST(WithModelOf, NoMatchingTierIsAnErrorNamingThePlansTiers) {
  Scenario model = calibrated();
  model.tiers[0].id = "first-level";
  model.tiers[0].role.reset();
  auto result = with_model_of(plan_scenario(), model);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message.id, MsgId::sim_model_no_tier);
  EXPECT_EQ(result.error().where.json_pointer, "/tiers");
  ASSERT_TRUE(result.error().hint);
  EXPECT_EQ(render(*result.error().hint, Lang::en).find("agents, team-leads") != std::string::npos,
            true);
}

TEST(WithModelOf, RefusesAnEmpiricalSampleTooLargeToCopyPerInterval) {
  Scenario model = calibrated();
  model.tiers[0].handle_time = {{DistKind::empirical, 0, 0, {}}};
  model.tiers[0].handle_time[0].values.assign(k_max_rescaled_values / 2 + 1, 60.0);
  auto result = with_model_of(plan_scenario(), model);  // x 2 intervals
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message.id, MsgId::sim_model_too_large);
  EXPECT_EQ(result.error().where.json_pointer, "/tiers/0/handle_time");
}

}  // namespace
}  // namespace ccteam::sim
