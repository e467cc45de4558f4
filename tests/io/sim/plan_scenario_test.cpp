#include "io/sim/plan_scenario.hpp"
#include "io/staffing/plan_levels.hpp"

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
  // In German, without the library's English: nlohmann's "syntax error while
  // parsing object key - invalid literal; last read: ...; expected string literal".
  std::string german = render(text.error().front().message, Lang::de);
  EXPECT_TRUE(
      german.starts_with("kein ccteam-Plan: Syntaxfehler in einem Objektschlüssel - "
                         "ungültiges Literal; zuletzt gelesen: "))
      << german;
  EXPECT_TRUE(german.ends_with("; erwartet Zeichenkette")) << german;
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
  // reader turns into "out of range" at the number: line 2, column 8, pointer /x.
  auto s = scenario_from_plan_json("{\"format\": \"ccteam-plan/1\",\n  \"x\": 1e400}", "p.json");
  ASSERT_FALSE(s);
  const Error& e = s.error().front();
  EXPECT_EQ(e.message.id, MsgId::yaml_out_of_range);
  EXPECT_EQ(e.where.file, "p.json");
  EXPECT_EQ(e.where.line, 2);
  EXPECT_EQ(e.where.column, 8);
  EXPECT_EQ(e.where.json_pointer, "/x");
  ASSERT_FALSE(e.message.args.empty());
  EXPECT_EQ(e.message.args[0], "1e400");
  std::string text = render(e, Lang::en);
  EXPECT_EQ(text.find("json.exception"), std::string::npos) << text;
}

TEST(PlanScenario, NumberBeyondTheDoubleRangeIsFoundInArraysAndEscapedKeys) {
  // Line 4 is '  {"agents": 1e400}]}': the number starts at column 14, in the second interval.
  auto s = scenario_from_plan_json(
      "{\"format\": \"ccteam-plan/1\",\n \"intervals\": [\n  {\"agents\": 1},\n"
      "  {\"agents\": 1e400}]}",
      "p.json");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().front().where.json_pointer, "/intervals/1/agents");
  EXPECT_EQ(s.error().front().where.line, 4);
  EXPECT_EQ(s.error().front().where.column, 14);
  // A bare number in a list, after a nested list; a key with '/' and '~' (RFC 6901: ~1, ~0).
  auto list = scenario_from_plan_json(R"({"a": [[1, 2], 3, -1e999]})", "p.json");
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().front().where.json_pointer, "/a/2");
  auto key = scenario_from_plan_json(R"({"x": {"a/b~": 2e308}})", "p.json");
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().front().where.json_pointer, "/x/a~1b~0");
  // The staffing plan's own reader (hiring-plan --plans) says the same.
  auto levels =
      parse_plan_levels(R"({"format": "ccteam-plan/1", "levels": [{"fte": 1e400}]})", "p.json");
  ASSERT_FALSE(levels);
  EXPECT_EQ(levels.error().front().message.id, MsgId::yaml_out_of_range);
  EXPECT_EQ(levels.error().front().where.json_pointer, "/levels/0/fte");
}

// The staffing plan reader of hiring-plan --plans says what it expected in the reader's
// language, at the field.
TEST(PlanScenario, PlanLevelsSayWhatTheyExpectInBothLanguages) {
  auto format = parse_plan_levels(R"({"format": "x"})", "p.json");
  ASSERT_FALSE(format);
  EXPECT_EQ(render(format.error().front().message, Lang::en),
            "not a ccteam plan: expected \"ccteam-plan/1\"");
  EXPECT_EQ(render(format.error().front().message, Lang::de),
            "kein ccteam-Plan: erwartet: \"ccteam-plan/1\"");
  auto fte = parse_plan_levels(
      R"({"format": "ccteam-plan/1", "levels": [{"role": "agent", "fte": 2e6}]})", "p.json");
  ASSERT_FALSE(fte);
  EXPECT_EQ(fte.error().front().where.json_pointer, "/levels/0/fte");
  EXPECT_EQ(render(fte.error().front().message, Lang::de),
            "kein ccteam-Plan: erwartet: eine Zahl von 0 bis 1.000.000");
}

TEST(PlanScenario, NumbersOutsideTheScenarioRangesAreOutOfRange) {
  // The scenario reader's ranges (docs/scenario-format.md): an agent count past 1,000,000, a
  // day of 1e300 calls, shrinkage of 1 (every hour lost: the cost divides by 1 - shrinkage), a
  // share above one. Each is "out of range" at its field, with the range as hint.
  std::string text = plan(R"({"share": 0.1, "handle_seconds": 300, "phone_share": 0.5})", "");
  auto with = [&](const std::string& from, const std::string& to) {
    std::string copy = text;
    auto at = copy.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    copy.replace(at, from.size(), to);
    return scenario_from_plan_json(copy, "p.json");
  };
  struct Case {
    std::string from, to, pointer;
  };
  for (const Case& c : {
           Case{"\"agents\": 14", "\"agents\": 99999999999999999999999", "/intervals/0/agents"},
           Case{"\"calls_offered\": 100", "\"calls_offered\": 1e300", "/intervals/0/calls_offered"},
           Case{"\"shrinkage\": 0.3", "\"shrinkage\": 1", "/assumptions/shrinkage"},
           Case{"\"share\": 0.1", "\"share\": 1.5", "/assumptions/escalation/share"},
           Case{"\"interval_seconds\": 1800", "\"interval_seconds\": 1e12", "/interval_seconds"},
       }) {
    auto s = with(c.from, c.to);
    ASSERT_FALSE(s) << c.to;
    const Error& e = s.error().front();
    EXPECT_EQ(e.message.id, MsgId::yaml_out_of_range) << c.to;
    EXPECT_EQ(e.where.json_pointer, c.pointer) << c.to;
    ASSERT_TRUE(e.hint) << c.to;
    EXPECT_EQ(e.hint->id, MsgId::hint_range) << c.to;
  }
}

TEST(PlanScenario, APlanWithNobodyOnThePhoneListsFiftyIntervalsAndCountsTheRest) {
  // 2,000 intervals with 10 calls and 0 agents: 2,000 "nobody on the phone", of which the
  // first 50 are listed (intervals 0..49) and 1,950 counted; each was printed before.
  std::string text = R"({"format": "ccteam-plan/1", "interval_seconds": 1800,
    "targets": {"service_level": {"fraction": 0.8, "answer_seconds": 20}, "patience_seconds": null},
    "assumptions": {"shrinkage": 0.3, "paid_hours_per_fte": 39,
      "escalation": {"share": 0, "handle_seconds": null, "phone_share": 0.5}},
    "levels": [{"role": "agent"}, {"role": "team-lead"}, {"role": "manager"}],
    "intervals": [)";
  for (int i = 0; i < 2000; ++i) {
    text += std::string(i > 0 ? "," : "") +
            R"({"start": "2000-01-03T08:00:00", "calls_offered": 10, "aht_seconds": 180,
                "agents": 0, "team_leads_on_duty": 0})";
  }
  text += "]}";
  auto s = scenario_from_plan_json(text, "p.json");
  ASSERT_FALSE(s);
  ASSERT_EQ(s.error().size(), 51u);
  EXPECT_EQ(s.error()[0].message.id, MsgId::sim_zero_staff);
  EXPECT_EQ(s.error()[49].where.json_pointer, "/tiers/0/staff/49");
  EXPECT_EQ(render(s.error()[50].message, Lang::en), "... and 1,950 more");
  EXPECT_EQ(s.error()[50].where.file, "p.json");
}

TEST(PlanScenario, ValuesOfTheWrongTypeAreNamedByTheirPointer) {
  // A role id that is a number: the library's type_error was reported without a place.
  std::string text = plan(R"({"share": 0.1, "handle_seconds": 300, "phone_share": 0.5})", "");
  std::string copy = text;
  copy.replace(copy.find("\"team-lead\""), 11, "42");
  auto s = scenario_from_plan_json(copy, "p.json");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().front().message.id, MsgId::yaml_wrong_type);
  EXPECT_EQ(s.error().front().where.json_pointer, "/levels/1/role");
  EXPECT_EQ(render(s.error().front(), Lang::en).find("json.exception"), std::string::npos);
  // In the reader's language, every word of it: the words were English literals before.
  EXPECT_EQ(render(s.error().front().message, Lang::en),
            "expected a string here, found a whole number");
  EXPECT_EQ(render(s.error().front().message, Lang::de),
            render(msg(MsgId::yaml_wrong_type, MsgId::type_string, MsgId::type_integer), Lang::de));
  EXPECT_EQ(render(s.error().front().message, Lang::de).find("expected"), std::string::npos);
  // A missing value and a value that must be above 0, in German.
  std::string no_aht = text;
  no_aht.replace(no_aht.find("\"aht_seconds\""), 13, "\"aht\"");
  auto missing = scenario_from_plan_json(no_aht, "p.json");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().front().where.json_pointer, "/intervals/0/aht_seconds");
  EXPECT_EQ(render(missing.error().front().message, Lang::de),
            render(msg(MsgId::yaml_missing_key, "aht_seconds"), Lang::de));
  std::string zero = text;
  zero.replace(zero.find("\"phone_share\": 0.5"), 18, "\"phone_share\": 0.0");
  auto not_positive = scenario_from_plan_json(zero, "p.json");
  ASSERT_FALSE(not_positive);
  EXPECT_EQ(not_positive.error().front().where.json_pointer, "/assumptions/escalation/phone_share");
  EXPECT_EQ(render(not_positive.error().front().message, Lang::en), "phone_share must be above 0");
}

TEST(PlanScenario, Utf16AndBinaryAreRefusedAsEveryTextReaderDoes) {
  // '{}' as UTF-16BE with its mark: "UTF-16BE" at 1:1 (the library said "invalid literal").
  auto utf16 = scenario_from_plan_json(std::string("\xFE\xFF\0{\0}", 6), "p.json");
  ASSERT_FALSE(utf16);
  EXPECT_EQ(utf16.error().front().message.id, MsgId::utf16_text);
  EXPECT_EQ(to_string(utf16.error().front().where), "p.json:1:1");
  // A byte that is not UTF-8 on line 2, column 12 (the 0xE9 of Latin-1 "é").
  auto latin1 = scenario_from_plan_json("{\n  \"x\": \"caf\xE9\"}", "p.json");
  ASSERT_FALSE(latin1);
  EXPECT_EQ(latin1.error().front().message.id, MsgId::not_utf8);
  EXPECT_EQ(to_string(latin1.error().front().where), "p.json:2:12");
}

}  // namespace
}  // namespace ccteam::io
