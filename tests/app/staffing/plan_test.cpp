// Use cases of staffing (src/app/staffing/plan.cpp), called directly (no binary).
#include "app/staffing/plan.hpp"

#include <gtest/gtest.h>

#include "io/catalog/catalog_yaml.hpp"
#include "support/paths.hpp"

namespace ccteam::app {
namespace {

using staffing::Seconds;

PlanRequest request_for(const std::string& forecast) {
  PlanRequest r;
  r.forecast.files = {test::data_path("forecasts/" + forecast).string()};
  r.options.targets.service_level = staffing::ServiceLevelTarget{0.8, Seconds{20}};
  return r;
}

TEST(PlanUseCase, DefaultsAreTheDomainStructs) {
  PlanRequest r;
  EXPECT_DOUBLE_EQ(r.options.shrinkage, 0.30);
  EXPECT_DOUBLE_EQ(r.options.paid_hours_per_fte, 39);
  EXPECT_EQ(r.costing.country, "DE");
  EXPECT_FALSE(r.cost_view.requested());
  staffing::DailyProfile p = daily_profile();
  EXPECT_EQ(p.day, std::chrono::local_days{std::chrono::year{2000} / 1 / 3});  // a Monday
  EXPECT_EQ(p.handle_time, Seconds{180});
}

TEST(PlanUseCase, ErlangCAgentsOfTheTutorialExample) {
  // small-30min.csv starts with 100 calls in 30 minutes at AHT 180 s (10 Erlangs): the classic
  // Erlang C example, where 13 agents reach 79.6 % in 20 s and 14 agents 88.8 %
  // (tests/ccteam/staffing/erlang_test.cpp). A half hour without calls needs no agent.
  auto plan = make_staffing_plan(request_for("small-30min.csv"));
  ASSERT_TRUE(plan.has_value()) << render(plan.error().front(), Lang::en);
  ASSERT_EQ(plan->intervals.size(), 4u);
  EXPECT_EQ(plan->intervals[0].agents.agents, 14);
  EXPECT_NEAR(plan->intervals[0].agents.service_level, 0.888, 0.001);
  EXPECT_EQ(plan->intervals[2].agents.agents, 0);
}

TEST(PlanUseCase, NoForecastIsAUsageError) {
  PlanRequest r;
  auto plan = make_staffing_plan(r);
  ASSERT_FALSE(plan.has_value());
  EXPECT_EQ(plan.error().front().kind, ErrorKind::usage);
  EXPECT_EQ(plan.error().front().message.id, MsgId::plan_no_forecast);
}

TEST(PlanUseCase, ADailyProfileSpreadsTheCallsOverTheOpeningHours) {
  PlanRequest r;
  r.forecast.profile = daily_profile();
  r.forecast.profile->calls_per_day = 1200;
  r.forecast.interval = Seconds{3600};
  auto forecast = load_forecast(r.forecast);
  ASSERT_TRUE(forecast.has_value());
  EXPECT_EQ(forecast->intervals.size(), 12u);  // 08:00 to 20:00 in hours
  double calls = 0;
  for (const auto& i : forecast->intervals) calls += i.calls_offered;
  EXPECT_NEAR(calls, 1200, 1e-9);
}

TEST(PlanUseCase, ProfileErrorsNameTheFieldByPointer) {
  PlanRequest r;
  r.forecast.profile = daily_profile();
  r.forecast.profile->calls_per_day = -5;
  auto plan = make_staffing_plan(r);
  ASSERT_FALSE(plan.has_value());
  const Error& e = plan.error().front();
  EXPECT_EQ(e.message.id, MsgId::staffing_bad_option);
  EXPECT_EQ(e.where.json_pointer, "/forecast/profile/calls_per_day");
  // The field by its pointer, never by an English word: the client words it.
  ASSERT_EQ(e.message.args.size(), 2u);
  EXPECT_EQ(e.message.args[0], "/forecast/profile/calls_per_day");
  EXPECT_EQ(e.message.args[1], "-5");
}

TEST(PlanUseCase, ALoadTooLargeIsAtTheCallsInDigitGroups) {
  // 10^11 calls a day, 180 s each, over 12 hours of 30-minute intervals: about 2 x 10^8 Erlangs
  // in the busiest interval, far over the 100,000 the queue models take.
  PlanRequest r;
  r.forecast.profile = daily_profile();
  r.forecast.profile->calls_per_day = 1e11;
  r.options.targets.service_level = staffing::ServiceLevelTarget{0.8, Seconds{20}};
  auto plan = make_staffing_plan(r);
  ASSERT_FALSE(plan.has_value());
  const Error& e = plan.error().front();
  EXPECT_EQ(e.message.id, MsgId::staffing_load_out_of_range);
  EXPECT_EQ(e.where.json_pointer, "/forecast/profile/calls_per_day");
  const std::string en = render(e.message, Lang::en);
  EXPECT_TRUE(en.starts_with("offered load must be between 0 and 100,000 Erlangs, got ")) << en;
  EXPECT_EQ(en.find("e+"), std::string::npos) << en;
  EXPECT_NE(render(e.message, Lang::de).find("zwischen 0 und 100.000 Erlang"), std::string::npos);
}

TEST(PlanUseCase, PlannerErrorsNameTheOptionByPointer) {
  // A deferred deadline shorter than the 30-minute interval cannot be planned.
  PlanRequest r = request_for("small-30min.csv");
  r.options.escalation.mode = staffing::TierMode::deferred;
  r.options.escalation.deadline = Seconds{900};
  auto plan = make_staffing_plan(r);
  ASSERT_FALSE(plan.has_value());
  const Error& e = plan.error().front();
  EXPECT_EQ(e.message.id, MsgId::staffing_deadline_below_interval);
  EXPECT_EQ(e.where.json_pointer, "/options/escalation/deadline");
  EXPECT_TRUE(e.where.file.empty());
  // The field by its pointer, never by an English word (before: "escalation deadline"); the
  // deadline in hours as it is given, the interval in minutes (900 s = 0.25 h; 1800 s = 30 min).
  ASSERT_EQ(e.message.args.size(), 3u);
  EXPECT_EQ(e.message.args[0], "/options/escalation/deadline");
  EXPECT_EQ(render(e.message, Lang::de),
            "/options/escalation/deadline: eine Frist von 0,25 Stunden ist kürzer als ein "
            "Intervall (30 Minuten); aufgeschobene Arbeit wird in ganzen Intervallen geplant");
  ASSERT_TRUE(e.hint.has_value());
  EXPECT_EQ(render(*e.hint, Lang::en),
            "give a deadline of at least 0.5 hours, or take these escalations live");
}

TEST(PlanUseCase, ImpossibleTargetNamesTheTarget) {
  PlanRequest r = request_for("small-30min.csv");
  r.options.targets.service_level = staffing::ServiceLevelTarget{1.0, Seconds{20}};
  auto plan = make_staffing_plan(r);
  ASSERT_FALSE(plan.has_value());
  EXPECT_EQ(plan.error().front().message.id, MsgId::staffing_impossible_target);
  EXPECT_EQ(plan.error().front().where.json_pointer, "/options/targets/service_level/fraction");
  EXPECT_EQ(plan.error().front().message.args[0], "/options/targets/service_level/fraction");
}

TEST(PlanUseCase, CostViewNeedsAReadableCurrency) {
  auto catalog = io::load_catalog({test::repo_data_path("catalog").string()});
  ASSERT_TRUE(catalog.has_value());
  PlanRequest r = request_for("small-30min.csv");
  auto plan = make_staffing_plan(r);
  ASSERT_TRUE(plan.has_value());
  auto costs = cost_staffing_plan(*plan, r, *catalog);
  ASSERT_TRUE(costs.has_value());
  EXPECT_EQ(costs->levels.size(), 3u);  // agents, team leads, managers
  EXPECT_FALSE(costs->rates.has_value());
  r.cost_view.waiting_cost = "0.50";
  r.cost_view.currency = "euro";
  auto bad = cost_staffing_plan(*plan, r, *catalog);
  ASSERT_FALSE(bad.has_value());
  // ISO 4217's own error with its hint, at the field (before: "cannot read 'euro'").
  EXPECT_EQ(bad.error().message.id, MsgId::unknown_currency);
  EXPECT_EQ(bad.error().kind, ErrorKind::usage);
  EXPECT_TRUE(bad.error().hint.has_value());
  EXPECT_EQ(bad.error().where.json_pointer, "/cost_view/currency");
}

TEST(PlanUseCase, CostViewHasOneEntryPerInterval) {
  auto catalog = io::load_catalog({test::repo_data_path("catalog").string()});
  ASSERT_TRUE(catalog.has_value());
  PlanRequest r = request_for("small-30min.csv");
  r.cost_view.waiting_cost = "0.50";
  r.cost_view.agent_hour_cost = "30";
  r.cost_view.currency = "EUR";
  auto plan = make_staffing_plan(r);
  ASSERT_TRUE(plan.has_value());
  auto costs = cost_staffing_plan(*plan, r, *catalog);
  ASSERT_TRUE(costs.has_value()) << render(costs.error(), Lang::en);
  ASSERT_TRUE(costs->rates.has_value());
  EXPECT_EQ(costs->rates->agent_hour.minor, 3000);
  EXPECT_EQ(costs->view.size(), plan->intervals.size());
  // 14 agents for half an hour at 30 EUR an hour: 210 EUR of staff cost at plan, and more
  // once waiting is priced.
  EXPECT_GE(costs->view[0].at_targets.total.minor, 21000);
}

TEST(PlanUseCase, GivenAgentsAreEvaluatedInEveryInterval) {
  // --agents 14 on small-30min.csv: 10 Erlangs at 08:00 (88.8 % in 20 s, as above), 15 Erlangs
  // at 08:30 (14 < 15: unstable), no calls at 09:00, 5.67 Erlangs at 09:30.
  PlanRequest r = request_for("small-30min.csv");
  r.forecast.agents = 14;
  auto plan = make_staffing_plan(r);
  ASSERT_TRUE(plan.has_value()) << render(plan.error().front(), Lang::en);
  EXPECT_EQ(plan->staffing, staffing::Staffing::given);
  for (const auto& i : plan->intervals) EXPECT_EQ(i.agents.agents, 14);
  EXPECT_NEAR(plan->intervals[0].agents.service_level, 0.888350019179, 1e-11);
  EXPECT_TRUE(plan->intervals[0].meets_targets);
  EXPECT_EQ(plan->intervals[1].agents.state, staffing::QueueState::unstable);
  EXPECT_FALSE(plan->intervals[1].meets_targets);
  ASSERT_TRUE(plan->totals);
  EXPECT_EQ(plan->totals->unstable_intervals, 1);
}

TEST(PlanUseCase, AgentsColumnOfTheForecast) {
  // small-30min-agents.csv gives 14, 14, 0 and 8 agents. erlang_reference.py:
  // erlang_c_metrics(8, 42.5, 1800, 240, 20): a = 5.667, SL = 0.76617429151.
  // Whole forecast: SL = (100 x 0.888350019179 + 150 x 0 + 42.5 x 0.76617429151) / 292.5
  // = 0.415033877970; occupancy = (10 + 14 + 5.667) / 36 = 0.824074074.
  auto plan = make_staffing_plan(request_for("small-30min-agents.csv"));
  ASSERT_TRUE(plan.has_value()) << render(plan.error().front(), Lang::en);
  EXPECT_EQ(plan->intervals[3].agents.agents, 8);
  EXPECT_NEAR(plan->intervals[3].agents.service_level, 0.76617429151, 1e-10);
  ASSERT_TRUE(plan->totals);
  EXPECT_EQ(plan->totals->open_intervals, 3);
  EXPECT_EQ(plan->totals->meeting_intervals, 1);
  EXPECT_EQ(plan->totals->unstable_intervals, 1);
  EXPECT_NEAR(plan->totals->figures.service_level, 0.415033877970, 1e-11);
  EXPECT_NEAR(plan->totals->figures.occupancy, 29.0 / 36 + 2.0 / 3 / 36, 1e-12);
  EXPECT_FALSE(plan->totals->meets_targets);
}

TEST(PlanUseCase, AgentsGivenTwiceOrOutOfRangeAreUsageErrors) {
  PlanRequest both = request_for("small-30min-agents.csv");
  both.forecast.agents = 12;
  auto plan = make_staffing_plan(both);
  ASSERT_FALSE(plan.has_value());
  EXPECT_EQ(plan.error().front().kind, ErrorKind::usage);
  EXPECT_EQ(plan.error().front().message.id, MsgId::plan_agents_both);
  EXPECT_EQ(plan.error().front().where.json_pointer, "/forecast/agents");
  PlanRequest negative = request_for("small-30min.csv");
  negative.forecast.agents = -1;
  auto bad = make_staffing_plan(negative);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().front().kind, ErrorKind::usage);
  EXPECT_EQ(bad.error().front().where.json_pointer, "/forecast/agents");
}

}  // namespace
}  // namespace ccteam::app
