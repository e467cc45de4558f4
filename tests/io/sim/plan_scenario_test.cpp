#include "io/sim/plan_scenario.hpp"

#include <gtest/gtest.h>

namespace ccteam::io {
namespace {

using namespace ccteam::sim;

// A plan as `ccteam plan --format json` writes it, cut down to the fields the simulation reads;
// "mode", "deadline_seconds", "manager_escalation" and "managers_on_duty" appear in plans from
// planners with deferred and manager escalation tiers.
std::string plan(const std::string& escalation, const std::string& manager) {
  return R"({"format": "ccteam-plan/1", "interval_seconds": 1800,
    "targets": {"service_level": {"fraction": 0.8, "answer_seconds": 20}, "patience_seconds": null},
    "assumptions": {"shrinkage": 0.3, "paid_hours_per_fte": 39,
      "escalation": )" +
         escalation + manager + R"(},
    "levels": [{"role": "agent"}, {"role": "team-lead"}, {"role": "manager"}],
    "intervals": [
      {"start": "2000-01-03T08:00:00", "calls_offered": 100, "aht_seconds": 180, "agents": 14,
       "team_leads_on_duty": 4, "managers_on_duty": 1},
      {"start": "2000-01-03T08:30:00", "calls_offered": 0, "aht_seconds": 180, "agents": 0,
       "team_leads_on_duty": 0, "managers_on_duty": 0}]})";
}

TEST(PlanScenario, LiveTeamLeadsFromThePlan) {
  auto s = scenario_from_plan_json(
      plan(R"({"share": 0.1, "handle_seconds": 300, "phone_share": 0.5})", ""), "plan.json");
  ASSERT_TRUE(s) << render(s.error().front(), Lang::en) << " at "
                 << s.error().front().where.json_pointer;
  ASSERT_EQ(s->tiers.size(), 2u);
  EXPECT_EQ(s->start_minute, 8 * 60);
  EXPECT_EQ(s->tiers[0].staff, (std::vector<int>{14, 0}));
  EXPECT_DOUBLE_EQ(s->tiers[0].escalate, 0.1);
  EXPECT_EQ(s->tiers[1].kind, TierKind::live);
  EXPECT_DOUBLE_EQ(s->tiers[1].on_phone(0), 2.0);
  EXPECT_EQ(s->tiers[1].handle_time[0].mean_seconds, 300);
  EXPECT_EQ(s->start, Start::empty);
}

TEST(PlanScenario, DeferredAndManagerTiers) {
  auto s = scenario_from_plan_json(
      plan(R"({"share": 0.1, "handle_seconds": null, "phone_share": 0.5, "mode": "live",
               "deadline_seconds": null})",
           R"(, "manager_escalation": {"share": 0.2, "handle_seconds": 1200, "phone_share": 0.5,
               "mode": "deferred", "deadline_seconds": 14400})"),
      "plan.json");
  ASSERT_TRUE(s) << render(s.error().front(), Lang::en) << " at "
                 << s.error().front().where.json_pointer;
  ASSERT_EQ(s->tiers.size(), 3u);
  EXPECT_EQ(s->tiers[1].handle_time[0].mean_seconds, 180);  // null: the agents' AHT
  EXPECT_DOUBLE_EQ(s->tiers[1].escalate, 0.2);
  EXPECT_EQ(s->tiers[2].kind, TierKind::deferred);
  EXPECT_EQ(s->tiers[2].deadline->count(), 14400);
  EXPECT_EQ(s->tiers[2].role->str(), "manager");
}

TEST(PlanScenario, NotAPlan) {
  auto s = scenario_from_plan_json(R"({"format": "something"})", "x.json");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().front().message.id, MsgId::sim_bad_plan);
  EXPECT_EQ(s.error().front().where.json_pointer, "/format");
  EXPECT_FALSE(scenario_from_plan_json("{", "x.json"));
  // Not JSON: the position of the bad character (line 2, column 3: the 'h'), no library prefix.
  auto text = scenario_from_plan_json("{\n  hello\n}", "x.json");
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().front().where.line, 2);
  EXPECT_EQ(text.error().front().where.column, 3);
  EXPECT_EQ(render(text.error().front().message, Lang::en).find("json.exception"),
            std::string::npos);
}

TEST(PlanScenario, HeadCountsAreWholeAndBounded) {
  // The plan with the first interval's agent count replaced: 1e30 agents and 2.5 agents are
  // refused at that field; 1,000,000 (the bound) still reads.
  std::string text = plan(R"({"share": 0.1, "handle_seconds": 300, "phone_share": 0.5})", "");
  auto at = text.find("\"agents\": ");
  ASSERT_NE(at, std::string::npos);
  auto end = text.find_first_of(",}", at);
  auto with = [&](const std::string& value) {
    std::string copy = text;
    copy.replace(at, end - at, "\"agents\": " + value);
    return scenario_from_plan_json(copy, "p.json");
  };
  for (const char* bad : {"1e30", "2.5", "1000001"}) {
    auto s = with(bad);
    ASSERT_FALSE(s) << bad;
    EXPECT_NE(s.error().front().where.json_pointer.find("/agents"), std::string::npos) << bad;
  }
  EXPECT_TRUE(with("1000000"));
}

TEST(PlanScenario, NumberBeyondTheDoubleRangeIsAnErrorNotAnAbort) {
  // 1e400 is valid JSON but no double holds it: the library throws out_of_range, which the
  // reader turns into an error at the number (line 2, column 8).
  auto s = scenario_from_plan_json("{\"format\": \"ccteam-plan/1\",\n  \"x\": 1e400}", "p.json");
  ASSERT_FALSE(s);
  const Error& e = s.error().front();
  EXPECT_EQ(e.message.id, MsgId::sim_bad_plan);
  EXPECT_EQ(e.where.line, 2);
  EXPECT_EQ(e.where.column, 8);
  std::string text = render(e.message, Lang::en);
  EXPECT_NE(text.find("1e400"), std::string::npos) << text;
  EXPECT_EQ(text.find("json.exception"), std::string::npos) << text;
}

}  // namespace
}  // namespace ccteam::io
