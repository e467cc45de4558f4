// The fields of a plan request for forms and the JSON API (src/app/staffing/plan_fields.cpp).
#include "app/staffing/plan_fields.hpp"

#include <gtest/gtest.h>

#include <set>

namespace ccteam::app {
namespace {

using staffing::Seconds;
using Values = std::vector<std::pair<std::string, std::string>>;

std::string value_of(const PlanRequest& r, std::string_view pointer, ValueStyle style, Lang lang) {
  const PlanField* field = find_plan_field(pointer);
  EXPECT_NE(field, nullptr) << pointer;
  return field ? field_value(r, *field, style, lang) : std::string();
}

std::string first_pointer(const Errors& errors) {
  return errors.empty() ? std::string() : errors.front().where.json_pointer;
}

TEST(PlanFields, EveryFieldOnceAndEveryPlannerPointerHasItsField) {
  std::set<std::string_view> pointers;
  PlanRequest r = default_plan_request();
  for (const PlanField& f : plan_fields()) {
    EXPECT_TRUE(pointers.insert(f.pointer).second) << f.pointer;
    EXPECT_EQ(find_plan_field(f.pointer), &f);
    // Every field has its accessors: its value reads and writes back.
    std::string value = field_value(r, f, ValueStyle::form, Lang::en);
    if (f.kind != FieldKind::csv && !value.empty()) {
      auto again = plan_request_from_form(
          {{std::string(f.pointer), value}, {"/forecast/profile/calls_per_day", "100"}}, Lang::en);
      EXPECT_TRUE(again.has_value()) << f.pointer << " = " << value;
    }
  }
  // Pointers the planner's errors carry below a field.
  EXPECT_EQ(field_of_error("/forecast/profile/open")->pointer, "/forecast/profile/hours");
  EXPECT_EQ(field_of_error("/forecast/profile/close")->pointer, "/forecast/profile/hours");
  EXPECT_EQ(field_of_error("/cost_view/rates/agent_hour")->pointer, "/cost_view/agent_hour_cost");
  EXPECT_EQ(field_of_error("/nothing/here"), nullptr);
}

TEST(PlanFields, DefaultsAreTheDomainStructsWithAnEightyTwentyTarget) {
  PlanRequest r = default_plan_request();
  EXPECT_EQ(forecast_source(r), "profile");
  ASSERT_TRUE(r.options.targets.service_level.has_value());
  EXPECT_DOUBLE_EQ(r.options.targets.service_level->fraction, 0.8);
  EXPECT_EQ(r.options.targets.service_level->answer_time, Seconds{20});
  // Shares as percent in forms, as 0..1 in JSON; German decimal commas in German forms.
  EXPECT_EQ(value_of(r, "/options/shrinkage", ValueStyle::form, Lang::de), "30");
  EXPECT_EQ(value_of(r, "/options/shrinkage", ValueStyle::json, Lang::de), "0.3");
  EXPECT_EQ(value_of(r, "/options/part_time_fte", ValueStyle::form, Lang::de), "0,5");
  EXPECT_EQ(value_of(r, "/options/part_time_fte", ValueStyle::form, Lang::en), "0.5");
  EXPECT_EQ(value_of(r, "/options/targets/service_level", ValueStyle::form, Lang::en), "80/20");
  EXPECT_EQ(value_of(r, "/forecast/profile/hours", ValueStyle::form, Lang::en), "08:00-20:00");
  EXPECT_EQ(value_of(r, "/options/escalation/deadline", ValueStyle::form, Lang::en), "4");
  EXPECT_EQ(value_of(r, "/options/manager_escalation/mode", ValueStyle::form, Lang::en),
            "deferred");
  // Unset optional values and the calls a new plan must be given are empty.
  EXPECT_EQ(value_of(r, "/options/targets/max_asa", ValueStyle::form, Lang::en), "");
  EXPECT_EQ(value_of(r, "/forecast/profile/calls_per_day", ValueStyle::form, Lang::en), "");
}

TEST(PlanFields, FormNumbersAsPeopleOfTheLanguageTypeThem) {
  auto de = plan_request_from_form({{"/forecast/profile/calls_per_day", "1.200"},
                                    {"/options/part_time_fte", "0,75"},
                                    {"/options/shrinkage", "35"},
                                    {"/options/paid_hours_per_fte", " 38,5 "},
                                    {"/options/escalation/deadline", "0.5"}},
                                   Lang::de);
  ASSERT_TRUE(de.has_value()) << render(de.error().front(), Lang::en);
  EXPECT_DOUBLE_EQ(de->forecast.profile->calls_per_day, 1200);
  EXPECT_DOUBLE_EQ(de->options.part_time_fte, 0.75);
  EXPECT_DOUBLE_EQ(de->options.shrinkage, 0.35);
  EXPECT_DOUBLE_EQ(de->options.paid_hours_per_fte, 38.5);
  EXPECT_EQ(de->options.escalation.deadline, Seconds{1800});  // 0.5 h: "0.5" is no digit group
  auto en = plan_request_from_form(
      {{"/forecast/profile/calls_per_day", "1,200"}, {"/options/part_time_fte", "0.75"}}, Lang::en);
  ASSERT_TRUE(en.has_value());
  EXPECT_DOUBLE_EQ(en->forecast.profile->calls_per_day, 1200);
  EXPECT_DOUBLE_EQ(en->options.part_time_fte, 0.75);
}

TEST(PlanFields, FormNumbersOfTheOtherLanguageAreNotMisread) {
  // "1.200,5" in an English form was read as 1.2005 (the comma dropped as a digit group).
  for (const char* typed : {"1.200,5", "1,20.5", "1.5,0", "12,00"}) {
    auto en = plan_request_from_form({{"/forecast/profile/calls_per_day", typed}}, Lang::en);
    ASSERT_FALSE(en.has_value()) << typed;
    EXPECT_EQ(en.error().front().where.json_pointer, "/forecast/profile/calls_per_day") << typed;
  }
  for (const char* typed : {"1,200.5", "1.20,5", "1,5.0"}) {
    auto de = plan_request_from_form({{"/forecast/profile/calls_per_day", typed}}, Lang::de);
    ASSERT_FALSE(de.has_value()) << typed;
  }
  auto de = plan_request_from_form({{"/forecast/profile/calls_per_day", "1.200,5"}}, Lang::de);
  ASSERT_TRUE(de.has_value());
  EXPECT_DOUBLE_EQ(de->forecast.profile->calls_per_day, 1200.5);
  auto en = plan_request_from_form({{"/forecast/profile/calls_per_day", "12,000.25"}}, Lang::en);
  ASSERT_TRUE(en.has_value());
  EXPECT_DOUBLE_EQ(en->forecast.profile->calls_per_day, 12000.25);
}

TEST(PlanFields, DeeplyNestedUnknownMembersAreOneErrorNotARecursion) {
  // 100,000 levels of {"a": ...}: the walk stopped at the first unknown member (it recursed
  // once per level and overflowed the stack of a server thread at 5,000).
  std::string text;
  for (int i = 0; i < 100'000; ++i) text += R"({"a":)";
  text += "1";
  text += std::string(100'000, '}');
  auto deep = plan_request_from_json(nlohmann::json::parse(text));
  ASSERT_FALSE(deep.has_value());
  std::vector<std::string> unknown;
  for (const Error& e : deep.error()) {
    if (e.message.id == MsgId::plan_unknown_field) unknown.push_back(e.where.json_pointer);
  }
  EXPECT_EQ(unknown, std::vector<std::string>{"/a"});
  auto options = plan_request_from_json(
      nlohmann::json::parse(R"({"options": {"targets": {"x": {"y": {"z": 1}}}}})"));
  ASSERT_FALSE(options.has_value());
  EXPECT_EQ(options.error().front().where.json_pointer, "/options/targets/x");
}

TEST(PlanFields, FormErrorsNameTheirFieldAndKeepGoing) {
  auto read = plan_request_from_form({{"/options/shrinkage", "viel"},
                                      {"/options/escalation/mode", "sometimes"},
                                      {"/options/team_lead_span", "12.5"},
                                      {"/options/targets/service_level", "80%"}},
                                     Lang::de);
  ASSERT_FALSE(read.has_value());
  std::set<std::string> pointers;
  for (const Error& e : read.error()) pointers.insert(e.where.json_pointer);
  EXPECT_EQ(pointers,
            (std::set<std::string>{"/options/shrinkage", "/options/escalation/mode",
                                   "/options/team_lead_span", "/options/targets/service_level",
                                   "/forecast/profile/calls_per_day"}));
}

TEST(PlanFields, AnUntickedBoxIsNoAndTheSourceChoosesTheForecast) {
  auto read = plan_request_from_form({{"/forecast/source", "csv"},
                                      {"/forecast/csv", "interval_start,calls_offered\n"},
                                      {"/forecast/profile/calls_per_day", "500"}},
                                     Lang::en);
  ASSERT_TRUE(read.has_value());
  EXPECT_FALSE(read->costing.use_market_reference);
  ASSERT_TRUE(read->forecast.csv.has_value());
  EXPECT_EQ(read->forecast.csv->text, "interval_start,calls_offered\n");
  EXPECT_FALSE(read->forecast.profile.has_value());  // the profile's values are not used
  auto ticked = plan_request_from_form(
      {{"/costing/use_market_reference", "on"}, {"/forecast/profile/calls_per_day", "10"}},
      Lang::en);
  ASSERT_TRUE(ticked.has_value());
  EXPECT_TRUE(ticked->costing.use_market_reference);
  EXPECT_FALSE(ticked->forecast.csv.has_value());
}

TEST(PlanFields, AProfileNeedsItsCalls) {
  auto read = plan_request_from_form({{"/options/shrinkage", "30"}}, Lang::en);
  ASSERT_FALSE(read.has_value());
  EXPECT_EQ(first_pointer(read.error()), "/forecast/profile/calls_per_day");
  EXPECT_EQ(read.error().front().message.id, MsgId::term_required);
}

TEST(PlanFields, JsonRoundTripGivesTheSameRequest) {
  auto read = plan_request_from_json(nlohmann::json::parse(R"({
    "forecast": {"profile": {"calls_per_day": 2400, "hours": "07:30-19:00", "handle_time": 240,
                             "day": "2026-03-02"}, "interval": "15"},
    "options": {"targets": {"service_level": "90/15", "max_occupancy": 0.85},
                "model": {"patience": 120, "definitions": {"asa": "all"}},
                "shrinkage": 0.35, "team_lead_span": 10,
                "escalation": {"share": 0.1, "mode": "deferred", "deadline": 2}},
    "costing": {"country": "US", "on_cost_factor": 0.1, "use_market_reference": true},
    "cost_view": {"waiting_cost": 0.5, "currency": "USD"}})"));
  ASSERT_TRUE(read.has_value()) << render(read.error().front(), Lang::en);
  EXPECT_DOUBLE_EQ(read->forecast.profile->calls_per_day, 2400);
  EXPECT_EQ(read->forecast.profile->open, std::chrono::minutes{7 * 60 + 30});
  EXPECT_EQ(read->forecast.interval, Seconds{900});
  EXPECT_DOUBLE_EQ(read->options.targets.service_level->fraction, 0.9);
  EXPECT_EQ(read->options.model.patience, Seconds{120});
  EXPECT_EQ(read->options.model.definitions.asa, staffing::AsaDefinition::over_all_callers);
  EXPECT_EQ(read->options.escalation.mode, staffing::TierMode::deferred);
  EXPECT_EQ(read->options.escalation.deadline, Seconds{7200});
  EXPECT_EQ(read->cost_view.waiting_cost, "0.5");
  EXPECT_TRUE(read->cost_view.requested());
  nlohmann::ordered_json written = plan_request_to_json(*read);
  auto again = plan_request_from_json(nlohmann::json::parse(written.dump()));
  ASSERT_TRUE(again.has_value()) << render(again.error().front(), Lang::en);
  EXPECT_EQ(plan_request_to_json(*again).dump(), written.dump());
}

TEST(PlanFields, JsonErrorsPointAtTheMember) {
  auto unknown = plan_request_from_json(
      nlohmann::json::parse(R"({"options": {"shrinkeage": 0.3, "escalation": {"shar": 1}}})"));
  ASSERT_FALSE(unknown.has_value());
  std::set<std::string> unknown_pointers;
  for (const Error& e : unknown.error()) {
    if (e.message.id == MsgId::plan_unknown_field) unknown_pointers.insert(e.where.json_pointer);
  }
  EXPECT_EQ(unknown_pointers,
            (std::set<std::string>{"/options/shrinkeage", "/options/escalation/shar"}));
  auto typed =
      plan_request_from_json(nlohmann::json::parse(R"({"options": {"shrinkage": "0.3"}})"));
  ASSERT_FALSE(typed.has_value());
  EXPECT_EQ(typed.error().front().message.id, MsgId::plan_field_type);
  EXPECT_EQ(first_pointer(typed.error()), "/options/shrinkage");
  auto both = plan_request_from_json(nlohmann::json::parse(
      R"({"forecast": {"csv": "interval_start", "profile": {"calls_per_day": 5}}})"));
  ASSERT_FALSE(both.has_value());
  EXPECT_EQ(both.error().front().message.id, MsgId::plan_forecast_both);
  auto interval =
      plan_request_from_json(nlohmann::json::parse(R"({"forecast": {"interval": "20"}})"));
  ASSERT_FALSE(interval.has_value());
  EXPECT_EQ(first_pointer(interval.error()), "/forecast/interval");
}

TEST(PlanFields, AForecastCsvErrorKeepsItsPositionAndNamesTheField) {
  PlanRequest r = default_plan_request();
  r.forecast.profile.reset();
  r.forecast.csv = ForecastText{"upload.csv",
                                "interval_start,calls_offered,aht_seconds\n"
                                "2026-03-02T08:00:00,100,180\n"
                                "2026-03-02T08:30:00,lots,180\n"};
  auto plan = make_staffing_plan(r);
  ASSERT_FALSE(plan.has_value());
  const Error& e = plan.error().front();
  EXPECT_EQ(e.where.file, "upload.csv");
  EXPECT_EQ(e.where.line, 3);
  EXPECT_EQ(e.where.column, 21);
  EXPECT_EQ(e.where.json_pointer, "/forecast/csv");
}

TEST(PlanFields, ACsvForecastPlansLikeTheFile) {
  // The classic Erlang C example (tests/app/staffing/plan_test.cpp): 100 calls in 30 minutes at
  // 180 s are 10 Erlangs, and 14 agents reach 80/20.
  PlanRequest r = default_plan_request();
  r.forecast.profile.reset();
  r.forecast.csv = ForecastText{"forecast.csv",
                                "interval_start,calls_offered,aht_seconds\n"
                                "2026-03-02T08:00:00,100,180\n"
                                "2026-03-02T08:30:00,150,180\n"};
  auto plan = make_staffing_plan(r);
  ASSERT_TRUE(plan.has_value()) << render(plan.error().front(), Lang::en);
  EXPECT_EQ(plan->intervals[0].agents.agents, 14);
}

TEST(PlanFields, GivenAgentsFromJsonAndForms) {
  // A request needs its forecast: a profile with its calls here.
  auto read = plan_request_from_json(
      nlohmann::json::parse(R"({"forecast": {"agents": 12, "profile": {"calls_per_day": 1200}}})"));
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->forecast.agents, 12);
  const PlanField* field = find_plan_field("/forecast/agents");
  ASSERT_NE(field, nullptr);
  EXPECT_EQ(field->kind, FieldKind::integer);
  EXPECT_EQ(field_value(*read, *field, ValueStyle::json, Lang::en), "12");
  auto back = plan_request_from_json(nlohmann::json::parse(plan_request_to_json(*read).dump()));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->forecast.agents, 12);
  auto form = plan_request_from_form(
      {{"/forecast/agents", "9"}, {"/forecast/profile/calls_per_day", "100"}}, Lang::de);
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->forecast.agents, 9);
  auto half = plan_request_from_json(nlohmann::json::parse(
      R"({"forecast": {"agents": 2.5, "profile": {"calls_per_day": 1200}}})"));
  ASSERT_FALSE(half.has_value());
  EXPECT_EQ(first_pointer(half.error()), "/forecast/agents");
  EXPECT_FALSE(default_plan_request().forecast.agents);
}

TEST(PlanFields, ValuesOutOfRangeAreRefusedAllAtOnceWithTheirRange) {
  // The ranges of the command line's options; a form's shares in percent, JSON's as 0..1.
  auto form = plan_request_from_form({{"/forecast/profile/calls_per_day", "1200"},
                                      {"/options/shrinkage", "100"},
                                      {"/options/days_per_week", "8"},
                                      {"/options/team_lead_span", "0"},
                                      {"/options/paid_hours_per_fte", "200,5"}},
                                     Lang::de);
  ASSERT_FALSE(form.has_value());
  std::vector<std::string> texts;
  for (const Error& e : form.error()) {
    EXPECT_EQ(e.message.id, MsgId::plan_out_of_range) << e.where.json_pointer;
    texts.push_back(render(e.message, Lang::de));
  }
  EXPECT_EQ(texts, (std::vector<std::string>{
                       "/options/shrinkage: 100 % ist hier nicht zulässig; erlaubt ist ein Wert "
                       "von 0 % bis unter 100 %",
                       "/options/paid_hours_per_fte: 200,5 ist hier nicht zulässig; erlaubt ist "
                       "ein Wert über 0 bis 168",
                       "/options/days_per_week: 8 ist hier nicht zulässig; erlaubt ist ein Wert "
                       "von 1 bis 7",
                       "/options/team_lead_span: 0 ist hier nicht zulässig; erlaubt ist ein Wert "
                       "von mindestens 1"}));
  auto json = plan_request_from_json(nlohmann::json::parse(
      R"({"forecast": {"profile": {"calls_per_day": 1200}}, "options": {"shrinkage": 1.5}})"));
  ASSERT_FALSE(json.has_value());
  EXPECT_EQ(render(json.error().front().message, Lang::en),
            "/options/shrinkage: 1.5 is not allowed here; use a value from 0 to below 1");
  // The ends of the ranges are values like any other.
  auto ends = plan_request_from_form({{"/forecast/profile/calls_per_day", "1200"},
                                      {"/options/shrinkage", "0"},
                                      {"/options/days_per_week", "7"},
                                      {"/options/team_lead_span", "1"},
                                      {"/options/paid_hours_per_fte", "168"},
                                      {"/options/part_time_fte", "1"},
                                      {"/forecast/agents", "100000"}},
                                     Lang::en);
  EXPECT_TRUE(ends.has_value()) << render(ends.error().front(), Lang::en);
}

TEST(PlanFields, AnIntegerFieldAsksForAWholeNumberInItsRange) {
  // "12,5" is no number in English and no whole one in German: both say what the field takes.
  auto en = plan_request_from_form(
      {{"/forecast/profile/calls_per_day", "1200"}, {"/options/days_per_week", "12,5"}}, Lang::en);
  ASSERT_FALSE(en.has_value());
  EXPECT_EQ(render(en.error().front().message, Lang::en),
            "/options/days_per_week: '12,5' is not a whole number from 1 to 7");
  auto de = plan_request_from_form(
      {{"/forecast/profile/calls_per_day", "1200"}, {"/options/days_per_week", "2,5"}}, Lang::de);
  ASSERT_FALSE(de.has_value());
  EXPECT_EQ(render(de.error().front().message, Lang::de),
            "/options/days_per_week: '2,5' ist keine ganze Zahl von 1 bis 7");
}

TEST(PlanFields, UnreadableCallsAreOneErrorNotAlsoMissing) {
  auto read = plan_request_from_form({{"/forecast/profile/calls_per_day", "1e12"}}, Lang::en);
  ASSERT_FALSE(read.has_value());
  ASSERT_EQ(read.error().size(), 1U);
  EXPECT_EQ(read.error().front().message.id, MsgId::plan_bad_argument);
}

TEST(PlanFields, TheCountryIsAnIsoCode) {
  auto xx = plan_request_from_form(
      {{"/forecast/profile/calls_per_day", "1200"}, {"/costing/country", "XX"}}, Lang::en);
  ASSERT_FALSE(xx.has_value());
  EXPECT_EQ(first_pointer(xx.error()), "/costing/country");
  EXPECT_EQ(xx.error().front().message.id, MsgId::catalog_bad_country);
  auto fr = plan_request_from_form(
      {{"/forecast/profile/calls_per_day", "1200"}, {"/costing/country", "FR"}}, Lang::en);
  ASSERT_TRUE(fr.has_value());
  EXPECT_EQ(fr->costing.country, "FR");
}

}  // namespace
}  // namespace ccteam::app
