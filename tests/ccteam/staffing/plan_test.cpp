#include "ccteam/staffing/plan.hpp"

#include <algorithm>
#include <filesystem>

#include <gtest/gtest.h>

#include "io/staffing/forecast_csv.hpp"
#include "support/paths.hpp"

namespace ccteam::staffing {
namespace {

PlanOptions sl_80_20() {
  PlanOptions o;
  o.targets.service_level = ServiceLevelTarget{0.8, Seconds{20}};
  return o;
}

Forecast two_intervals() {
  Forecast f;
  f.interval = Seconds{1800};
  LocalTime t0{std::chrono::local_days{std::chrono::year{2026} / 3 / 2}.time_since_epoch() +
               std::chrono::hours{8}};
  f.intervals.push_back({t0, 100, Seconds{180}, 2, {}});                           // 10 Erlangs
  f.intervals.push_back({t0 + std::chrono::minutes{30}, 0, Seconds{180}, 3, {}});  // closed
  return f;
}

TEST(Plan, FteIsRoundedOnceWithShrinkageAsADivisor) {
  auto plan = make_plan(two_intervals(), sl_80_20());
  ASSERT_TRUE(plan);
  // 10 Erlangs at 80/20 need 14 agents (erlang_test.cpp); the closed interval needs none.
  EXPECT_EQ(plan->intervals[0].agents.agents, 14);
  EXPECT_EQ(plan->intervals[1].agents.agents, 0);
  // One day, repeated 5 days a week: 14 agents x 0.5 h x 5 = 35 agent-hours per week.
  // FTE = 35 / 39 / (1 - 0.3) = 1.2821 (not 35 / 39 x 1.3 = 1.1667); people = 2.
  EXPECT_DOUBLE_EQ(plan->agents.weekly_hours, 35.0);
  EXPECT_NEAR(plan->agents.fte, 35.0 / 39 / 0.7, 1e-12);
  EXPECT_EQ(plan->agents.headcount, 2);
  // Team leads: span 2/12 -> 1; cover: one open half hour a day, 2.5 h a week -> 0.09 FTE -> 1.
  EXPECT_EQ(plan->team_leads.headcount, 1);
  EXPECT_EQ(plan->intervals[0].team_leads_on_duty, 1);
  EXPECT_EQ(plan->intervals[1].team_leads_on_duty, 0);
  EXPECT_EQ(plan->managers.headcount, 1);
  // FTE are exact for every level, as for the agents (before: team leads showed 1.00 FTE and
  // managers 0.0 hours/week): team leads 2 / 12 by span (above 2.5 / 27.3 by cover), managers
  // 1 / 6; hours/week = FTE x 39 x 0.7.
  EXPECT_NEAR(plan->team_leads.fte, 2.0 / 12, 1e-12);
  EXPECT_NEAR(plan->team_leads.weekly_hours, 2.0 / 12 * 27.3, 1e-9);
  EXPECT_NEAR(plan->managers.fte, 1.0 / 6, 1e-12);
  EXPECT_NEAR(plan->managers.weekly_hours, 27.3 / 6, 1e-9);
}

TEST(Plan, PartTimersCountAsPeopleForTheSpan) {
  PlanOptions o = sl_80_20();
  o.days_per_week = 7;
  o.part_time_share = 1.0;  // everyone half time
  o.part_time_fte = 0.5;
  o.team_lead_span = 2;
  auto plan = make_plan(two_intervals(), o);
  ASSERT_TRUE(plan);
  // 14 x 0.5 h x 7 = 49 h/week; FTE = 49 / 27.3 = 1.795; people = 1.795 / 0.5 = 3.59 -> 4;
  // team leads by span = 4 / 2 = 2.
  EXPECT_NEAR(plan->agents.fte, 49.0 / 27.3, 1e-12);
  EXPECT_EQ(plan->agents.headcount, 4);
  EXPECT_EQ(plan->team_leads.headcount, 2);
  EXPECT_EQ(plan->team_leads.basis, "span");
}

TEST(Plan, LiveEscalationsNeedTeamLeadTime) {
  PlanOptions o = sl_80_20();
  o.escalation.share = 0.1;  // 10 of the 100 calls go to a team lead
  o.escalation.handle_time = Seconds{360};
  o.escalation.phone_share = 0.5;
  auto plan = make_plan(two_intervals(), o);
  ASSERT_TRUE(plan);
  // 10 calls x 360 s / 1800 s = 2 Erlangs; Erlang C 80/20: 3 agents give C = 0.4444,
  // SL = 1 - 0.4444 exp(-(3 - 2) 20 / 360) = 0.5796; 4 agents C = 0.1739,
  // SL = 1 - 0.1739 exp(-2 x 20 / 360) = 0.8444 -> 4 on the phone, / 0.5 -> 8 on duty.
  ASSERT_TRUE(plan->intervals[0].escalation);
  EXPECT_EQ(plan->intervals[0].escalation->agents, 4);
  EXPECT_EQ(plan->intervals[0].team_leads_on_duty, 8);
  // No call arrives at 08:30, but an escalation of a call taken at 08:29 does (after its 180 s
  // of handling): one team lead stays on duty for it (before: the planner left 0 there and
  // the simulation showed a team-lead ASA of 8,836 s).
  EXPECT_EQ(plan->intervals[1].team_leads_on_duty, 1);
  // (8 + 1) x 0.5 h x 5 days = 22.5 h/week / 27.3 = 0.82 FTE -> 1 (cover), span 2/12 -> 1.
  EXPECT_EQ(plan->team_leads.headcount, 1);
  // The same for managers who take escalations live.
  o.manager_escalation.share = 0.5;
  o.manager_escalation.mode = TierMode::live;
  auto managers = make_plan(two_intervals(), o);
  ASSERT_TRUE(managers);
  EXPECT_GE(managers->intervals[0].managers_on_duty, 1);
  EXPECT_EQ(managers->intervals[1].managers_on_duty, 1);
  o.manager_escalation.share = 0;
  // Deferred escalations are worked off within their deadline: no cover after the last call.
  o.escalation.mode = TierMode::deferred;
  auto deferred = make_plan(two_intervals(), o);
  ASSERT_TRUE(deferred);
  EXPECT_EQ(deferred->intervals[1].team_leads_on_duty, 0);
}

// A day of 48 half hours with 2 calls each (AHT 180 s, 0.2 Erlangs: 1 agent meets 80/20,
// SL = 1 - 0.2 exp(-0.8 x 20 / 180) = 0.817). Agents: 48 x 0.5 h x 5 days = 120 h/week / 27.3
// = 4.40 FTE -> 5 people -> 1 team lead by a span of 12. Live escalations of 10 %: 0.2 per half
// hour, 1 team lead on the phone, / 0.5 phone share = 2 on duty in every half hour:
// 48 x 2 x 0.5 h x 5 = 240 h/week / 27.3 = 8.79 -> 9 team leads, 9 times the span's need.
Forecast thin_day() {
  Forecast f;
  f.interval = Seconds{1800};
  LocalTime t0{std::chrono::local_days{std::chrono::year{2026} / 3 / 2}.time_since_epoch()};
  for (int k = 0; k < 48; ++k) {
    f.intervals.push_back({t0 + std::chrono::minutes{30 * k}, 2, Seconds{180}, 2 + k, {}});
  }
  return f;
}

TEST(Plan, WarnsWhenLiveEscalationsNeedFarMoreTeamLeadsThanTheSpan) {
  PlanOptions o = sl_80_20();
  o.escalation.share = 0.1;
  auto plan = make_plan(thin_day(), o);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->agents.headcount, 5);
  EXPECT_EQ(plan->team_leads.headcount, 9);
  auto warning = std::ranges::find(plan->notes, MsgId::plan_warn_leads_over_span, &Message::id);
  ASSERT_NE(warning, plan->notes.end());
  EXPECT_EQ(render(*warning, Lang::en),
            "9 team leads for 5 agents, where a span of 12 agents per team lead needs 1: live "
            "escalations keep a team lead free in every interval in which one may arrive. With "
            "--escalation-mode deferred team leads work escalations off within a deadline "
            "(--escalation-deadline-hours)");
  // Deferred escalations (worked off within 4 hours) or none: no warning.
  o.escalation.mode = TierMode::deferred;
  auto deferred = make_plan(thin_day(), o);
  ASSERT_TRUE(deferred);
  EXPECT_EQ(std::ranges::count(deferred->notes, MsgId::plan_warn_leads_over_span, &Message::id), 0);
  o.escalation.share = 0;
  auto none = make_plan(thin_day(), o);
  ASSERT_TRUE(none);
  EXPECT_EQ(std::ranges::count(none->notes, MsgId::plan_warn_leads_over_span, &Message::id), 0);
}

TEST(Plan, SaysHowAForecastShorterThanAWeekIsRepeated) {
  auto day = make_plan(two_intervals(), sl_80_20());
  ASSERT_TRUE(day);
  ASSERT_EQ(day->notes.size(), 1u);
  // One day in words, not "1 day(s)" / "1 Tag(e)".
  EXPECT_EQ(day->notes[0].id, MsgId::plan_note_one_day_per_week);
  EXPECT_EQ(render(day->notes[0], Lang::en),
            "hours/week: the forecast covers one day, taken to repeat on 5 days a week "
            "(--days-per-week)");
  EXPECT_EQ(render(day->notes[0], Lang::de),
            "Stunden/Woche: die Prognose umfasst einen Tag und gilt als an 5 Tagen je Woche "
            "wiederholt (--days-per-week)");
}

// Three open half hours from 08:00 with 'calls' each, AHT 180 s, on one day.
Forecast three_intervals(double scale) {
  Forecast f;
  f.interval = Seconds{1800};
  LocalTime t0{std::chrono::local_days{std::chrono::year{2026} / 3 / 2}.time_since_epoch() +
               std::chrono::hours{8}};
  double calls[] = {10, 40, 70};
  for (int k = 0; k < 3; ++k) {
    f.intervals.push_back(
        {t0 + std::chrono::minutes{30 * k}, calls[k] * scale, Seconds{180}, 2 + k, std::nullopt});
  }
  return f;
}

PlanOptions deferred_to_leads(double deadline_hours) {
  PlanOptions o = sl_80_20();
  o.escalation.share = 0.1;
  o.escalation.handle_time = Seconds{450};  // 1 escalation = 0.125 h of team-lead work
  o.escalation.phone_share = 0.5;           // 0.25 h of escalation work per lead per half hour
  o.escalation.mode = TierMode::deferred;
  o.escalation.deadline = Seconds{deadline_hours * 3600};
  return o;
}

TEST(Plan, DeferredEscalationsAreSpreadUpToTheirDeadline) {
  // Work arriving: 1, 4, 7 escalations x 0.125 h = 0.125, 0.5, 0.875 h.
  // Deadline 1 h (two intervals): 08:00 -> {08:00, 08:30}: 0.0625 each; 08:30 -> {08:30,
  // 09:00}: 0.25 each; 09:00 -> {09:00} only (09:30 is closed). Per interval 0.0625, 0.3125,
  // 1.125 h; on duty = ceil(h / 0.25) = 1 (cover), 2, 5.
  auto plan = make_plan(three_intervals(1), deferred_to_leads(1));
  ASSERT_TRUE(plan) << render(plan.error().message, Lang::en);
  EXPECT_NEAR(plan->intervals[0].deferred_lead_hours, 0.0625, 1e-12);
  EXPECT_NEAR(plan->intervals[1].deferred_lead_hours, 0.3125, 1e-12);
  EXPECT_NEAR(plan->intervals[2].deferred_lead_hours, 1.125, 1e-12);
  EXPECT_EQ(plan->intervals[0].team_leads_on_duty, 1);
  EXPECT_EQ(plan->intervals[1].team_leads_on_duty, 2);
  EXPECT_EQ(plan->intervals[2].team_leads_on_duty, 5);
  EXPECT_FALSE(plan->intervals[2].escalation);  // no live queue

  // Deadline = one interval: each interval does its own work: 0.125, 0.5, 0.875 h -> 1, 2, 4.
  plan = make_plan(three_intervals(1), deferred_to_leads(0.5));
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->intervals[2].team_leads_on_duty, 4);
  EXPECT_EQ(plan->intervals[1].team_leads_on_duty, 2);
}

TEST(Plan, DeferredWorkWrapsToTheNextMorning) {
  // Deadline 24 h: the evening's work may wait for the next day's opening (the forecast day
  // repeats), so every interval's work is spread over all three: 1.5 h / 3 = 0.5 h each,
  // on duty ceil(0.5 / 0.25) = 2 in every interval.
  auto plan = make_plan(three_intervals(1), deferred_to_leads(24));
  ASSERT_TRUE(plan);
  for (const IntervalPlan& i : plan->intervals) {
    EXPECT_NEAR(i.deferred_lead_hours, 0.5, 1e-12);
    EXPECT_EQ(i.team_leads_on_duty, 2);
  }
}

TEST(Plan, ManagerEscalationsAddManagersBeyondTheSpan) {
  // Ten times the calls: 10, 40, 70 escalations to team leads (deferred, 24 h), 20 % of them
  // on to managers (deferred, 24 h, 450 s each, 25 % of a manager's time): 2, 8, 14 x 0.125 h =
  // 3 h spread over the three intervals = 1 h each -> ceil(1 / (0.5 x 0.25)) = 8 managers on
  // duty per interval; 8 x 1.5 h x 5 days = 60 h/week / (39 x 0.7) = 2.198 -> 3 managers.
  // Team leads: 15 h / 3 = 5 h per interval -> ceil(5 / 0.25) = 20 on duty;
  // 20 x 1.5 x 5 = 150 h / 27.3 = 5.49 -> 6 team leads (cover); by span 1 manager < 3 by cover.
  PlanOptions o = deferred_to_leads(24);
  o.manager_escalation.share = 0.2;
  o.manager_escalation.deadline = Seconds{24 * 3600.0};
  o.manager_escalation.phone_share = 0.25;
  auto plan = make_plan(three_intervals(10), o);
  ASSERT_TRUE(plan) << render(plan.error().message, Lang::en);
  EXPECT_EQ(plan->intervals[0].managers_on_duty, 8);
  EXPECT_NEAR(plan->intervals[2].deferred_manager_hours, 1.0, 1e-12);
  EXPECT_EQ(plan->team_leads.headcount, 6);
  EXPECT_EQ(plan->team_leads.basis, "cover");
  EXPECT_NEAR(plan->managers.weekly_hours, 60, 1e-9);
  EXPECT_EQ(plan->managers.headcount, 3);
  EXPECT_EQ(plan->managers.basis, "cover");

  // With the default 8 h deadline the 09:00 work cannot wait for the next morning:
  // 08:00 -> {08:00..09:00}: 0.0833 h each; 08:30 -> {08:30, 09:00}: 0.5 h each;
  // 09:00 -> {09:00}: 1.75 h. At 09:00: 0.0833 + 0.5 + 1.75 = 2.3333 h -> ceil(18.67) = 19.
  o.manager_escalation.deadline = Seconds{8 * 3600.0};
  plan = make_plan(three_intervals(10), o);
  ASSERT_TRUE(plan);
  EXPECT_NEAR(plan->intervals[2].deferred_manager_hours, 0.25 / 3 + 0.5 + 1.75, 1e-12);
  EXPECT_EQ(plan->intervals[2].managers_on_duty, 19);

  // Without manager escalations: managers by span only, ceil(6 / 6) = 1.
  o.manager_escalation.share = 0;
  plan = make_plan(three_intervals(10), o);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->managers.headcount, 1);
  EXPECT_EQ(plan->managers.basis, "span");
}

TEST(Plan, DeferredDeadlineShorterThanAnIntervalIsRejected) {
  auto plan = make_plan(three_intervals(1), deferred_to_leads(0.25));
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().message.id, MsgId::staffing_deadline_below_interval);
  EXPECT_EQ(plan.error().where.json_pointer, "/escalation/deadline");
}

TEST(Plan, RejectsBadOptions) {
  PlanOptions o = sl_80_20();
  o.shrinkage = 1.0;
  EXPECT_EQ(make_plan(two_intervals(), o).error().message.id, MsgId::staffing_bad_option);
  o = sl_80_20();
  o.targets.service_level->fraction = 1.0;
  o.targets.service_level->answer_time = Seconds{0};
  EXPECT_EQ(make_plan(two_intervals(), o).error().message.id, MsgId::staffing_impossible_target);
}

catalog::Catalog catalog_with_bands() {
  catalog::Catalog c;
  auto eur = *Currency::parse("EUR");
  auto usd = *Currency::parse("USD");
  catalog::Role agent;
  agent.id = RoleId("agent");
  catalog::Role lead;
  lead.id = RoleId("team-lead");
  catalog::Role manager;
  manager.id = RoleId("manager");
  manager.title = LocalizedText{"Call-Center Manager", "Callcenter-Leitung"};
  catalog::MarketReference ref;
  ref.source = LocalizedText{"article", "Artikel"};
  ref.country = "US";
  ref.range = catalog::PayRange{
      Money{6'300'000, usd}, Money{10'000'000, usd}, true, catalog::PayPeriod::year, {}};
  manager.market_reference = ref;
  c.roles = {agent, lead, manager};
  c.pay_bands.push_back(
      {catalog::RoleRef{RoleId("agent"), {}}, "DE",
       catalog::PayRange{
           Money{3'000'000, eur}, Money{3'600'000, eur}, false, catalog::PayPeriod::year, {}}});
  c.pay_bands.push_back(
      {catalog::RoleRef{RoleId("team-lead"), {}}, "DE",
       catalog::PayRange{
           Money{350'000, eur}, Money{400'000, eur}, false, catalog::PayPeriod::month, {}}});
  return c;
}

TEST(CostPlan, PricesFromOwnBandsWithOnCosts) {
  auto plan = *make_plan(two_intervals(), sl_80_20());
  auto costs = cost_plan(plan, catalog_with_bands(), CostOptions{"DE", 0.21, false});
  ASSERT_EQ(costs.size(), 3u);
  // Agents: 2 people x EUR 30,000..36,000 x 1.21 = 72,600..87,120.
  EXPECT_EQ(costs[0].low->minor, 7'260'000);
  EXPECT_EQ(costs[0].high->minor, 8'712'000);
  EXPECT_EQ(costs[0].low->currency.code(), "EUR");
  // Team lead: 1 x EUR 3,500..4,000 a month x 12 x 1.21 = 50,820..58,080.
  EXPECT_EQ(costs[1].low->minor, 5'082'000);
  EXPECT_EQ(costs[1].high->minor, 5'808'000);
  // Manager: no own band; the market reference exists but was not asked for.
  EXPECT_FALSE(costs[2].low);
  ASSERT_EQ(costs[2].notes.size(), 1u);
  EXPECT_EQ(costs[2].notes[0].id, MsgId::staffing_no_band_market_available);
}

TEST(CostPlan, MarketReferenceOnlyWhenAskedAndOpenEndedHasNoTop) {
  auto plan = *make_plan(two_intervals(), sl_80_20());
  auto costs = cost_plan(plan, catalog_with_bands(), CostOptions{"DE", 0.0, true});
  ASSERT_EQ(costs.size(), 3u);
  EXPECT_TRUE(costs[2].market_reference);
  EXPECT_EQ(costs[2].low->minor, 6'300'000);  // 1 manager x USD 63,000
  EXPECT_FALSE(costs[2].high);                // "over 100,000" has no top
  // Both are said: that it is another country's reference (and which on-costs were added to
  // it: before, a US reference priced with Germany's default on-costs said nothing), and that
  // the reference has no top.
  ASSERT_EQ(costs[2].notes.size(), 2u);
  EXPECT_EQ(costs[2].notes[0].id, MsgId::staffing_market_reference_used);
  EXPECT_EQ(
      render(costs[2].notes[0], Lang::en),
      "Call-Center Manager: costed from the market reference (United States; article), not "
      "from an own pay band, as asked: gross pay in USD plus the on-cost factor 0 (--on-cost, "
      "whose default is Germany's)");
  // A reference is no pay band one could give a max: not "the pay band has no top ...; give the
  // band a max".
  EXPECT_EQ(costs[2].notes[1].id, MsgId::staffing_market_reference_open_ended);
  EXPECT_EQ(render(costs[2].notes[1], Lang::en),
            "Call-Center Manager: the market reference has no top, so only its low end is costed");
  auto with_on_costs = cost_plan(plan, catalog_with_bands(), CostOptions{"DE", 0.21, true});
  EXPECT_EQ(with_on_costs[2].low->minor, 7'623'000);  // USD 63,000 x 1.21
  // In German: the role's title, the country's German name, the factor with a decimal comma.
  EXPECT_EQ(
      render(with_on_costs[2].notes[0], Lang::de),
      "Callcenter-Leitung: wie gewünscht mit dem Marktreferenzwert (Vereinigte Staaten; "
      "Artikel) berechnet, nicht mit einem eigenen Gehaltsband: Bruttogehalt in USD zuzüglich "
      "Nebenkostenfaktor 0,21 (--on-cost, Standardwert für Deutschland)");
  // Another country has no band for anyone.
  auto us = cost_plan(plan, catalog_with_bands(), CostOptions{"AT", 0.21, false});
  EXPECT_EQ(us[0].notes.at(0).id, MsgId::staffing_no_band);
}

// The real bank forecast of 1 February 1999 (../shared/fixtures/forecasts), 80/20, defaults
// (shrinkage 30 %, 39 h per FTE, 5 days a week, span 1:12). Hand checks:
// - 00:00, 2 calls, AHT 164 s: a = 2 x 164 / 1800 = 0.18222 Erlangs. One agent: C = a =
//   0.18222 (Erlang C for N = 1), SL = 1 - 0.18222 exp(-(1 - 0.18222) 20 / 164)
//   = 1 - 0.18222 x 0.90507 = 0.8351 >= 0.8 -> 1 agent.
// - 03:00, 0 calls: 0 agents, no team lead on duty.
// - 08:30, 75 calls, AHT 123 s: a = 75 x 123 / 1800 = 5.125 Erlangs; 7 agents SL 73.84 %,
//   8 agents SL 88.33 % (erlang_reference.py) -> 8.
// - 11:00, 68 calls, AHT 232 s: a = 8.7644; 11 agents 68.59 %, 12 agents 82.49 % -> 12.
// Day: 238 agent-intervals = 119 agent-hours; x 5 days = 595 h/week;
// FTE = 595 / 39 / 0.7 = 21.79 -> 22 agents. Team leads: 42 open half hours = 21 h/day,
// 105 h/week / 27.3 = 3.85 -> 4 (cover beats span 22/12 -> 2). Managers: 4/6 -> 1.
TEST(Plan, RealBankDayCheckedByHand) {
  auto path = test::fixtures_dir() / "forecasts" / "anonymous-bank-1999-02-01-30min.csv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "fixture absent: " << path;
  auto forecast = io::read_forecast_csv(path.string());
  ASSERT_TRUE(forecast);
  auto plan = make_plan(*forecast, sl_80_20());
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->intervals.size(), 48u);
  const auto& midnight = plan->intervals[0];
  EXPECT_NEAR(midnight.agents.offered_load_erlangs, 0.182222222222, 1e-9);
  EXPECT_EQ(midnight.agents.agents, 1);
  EXPECT_NEAR(midnight.agents.service_level, 0.83507383, 1e-7);
  EXPECT_EQ(plan->intervals[6].agents.agents, 0);  // 03:00
  EXPECT_EQ(plan->intervals[6].team_leads_on_duty, 0);
  EXPECT_EQ(plan->intervals[17].agents.agents, 8);  // 08:30
  EXPECT_NEAR(plan->intervals[17].agents.service_level, 0.8832905, 1e-6);
  EXPECT_EQ(plan->intervals[22].agents.agents, 12);  // 11:00
  EXPECT_NEAR(plan->intervals[22].agents.service_level, 0.82492648, 1e-7);
  EXPECT_DOUBLE_EQ(plan->agents.weekly_hours, 595.0);
  EXPECT_NEAR(plan->agents.fte, 595.0 / 39 / 0.7, 1e-9);
  EXPECT_EQ(plan->agents.headcount, 22);
  EXPECT_EQ(plan->team_leads.headcount, 4);
  EXPECT_EQ(plan->team_leads.basis, "cover");
  EXPECT_EQ(plan->managers.headcount, 1);
}

}  // namespace
}  // namespace ccteam::staffing
