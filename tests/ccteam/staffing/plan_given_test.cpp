// The reverse calculation of make_plan: agents given per interval, evaluated with the plan's
// model and targets. Reference values come from tests/ccteam/staffing/erlang_reference.py (exact
// factorials for Erlang C, the Mandelbaum & Zeltyn density for Erlang A), not from erlang.cpp:
//
//   from erlang_reference import erlang_c_metrics, erlang_a
//   erlang_c_metrics(11, 100, 1800, 180, 20)
//     a = 10, C = 0.682118204689, SL = 0.389613811729, ASA = 122.781276844, occ = 10/11
//   erlang_c_metrics(7, 50, 1800, 180, 20)
//     a = 5, C = 0.324149949173, SL = 0.740441011543, ASA = 29.1734954256, occ = 5/7
//   erlang_a(8, 100, 1800, 180, 120, 20)
//     p_wait = 0.722626463339, p_ab = 0.257982381288, sl_offered = 0.40321302738,
//     asa_answered = 29.2679871647, occ = 0.92752202339
//
// By hand for N = 11 at a = 10: SL = 1 - C exp(-(N - a) t / AHT) = 1 - 0.682118 x
// exp(-20/180) = 1 - 0.682118 x 0.894839 = 0.389612; ASA = C AHT / (N - a) = 0.682118 x 180 =
// 122.78 s. The Erlang A values were checked once more with the birth-death chain of M/M/8+M
// summed in plain Python (p_k = p_{k-1} lambda / (min(k, 8) mu + max(0, k - 8) theta)):
// P(abandon) = theta E[queue] / lambda = 0.257982381288, P(wait) = 0.722626463339.
#include <gtest/gtest.h>

#include <cmath>

#include "ccteam/staffing/plan.hpp"

namespace ccteam::staffing {
namespace {

LocalTime at(int minutes) {
  return LocalTime{std::chrono::local_days{std::chrono::year{2026} / 3 / 2}.time_since_epoch() +
                   std::chrono::hours{8} + std::chrono::minutes{minutes}};
}

// Half-hour intervals of (calls, agents) with an AHT of 180 s.
Forecast given(std::initializer_list<std::pair<double, int>> rows) {
  Forecast f;
  f.interval = Seconds{1800};
  int minutes = 0;
  int line = 2;
  for (auto [calls, agents] : rows) {
    f.intervals.push_back({at(minutes), calls, Seconds{180}, line++, agents});
    minutes += 30;
  }
  return f;
}

PlanOptions sl_80_20() {
  PlanOptions o;
  o.targets.service_level = ServiceLevelTarget{0.8, Seconds{20}};
  return o;
}

TEST(PlanGiven, ClassicErlangCExampleWithElevenAgents) {
  auto plan = make_plan(given({{100, 11}}), sl_80_20());
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->staffing, Staffing::given);
  const QueueMetrics& m = plan->intervals[0].agents;
  EXPECT_EQ(m.state, QueueState::stable);
  EXPECT_EQ(m.agents, 11);
  EXPECT_NEAR(m.offered_load_erlangs, 10.0, 1e-12);
  EXPECT_NEAR(m.p_wait, 0.682118204689, 1e-11);
  EXPECT_NEAR(m.service_level, 0.389613811729, 1e-11);
  EXPECT_NEAR(m.asa.count(), 122.781276844, 1e-8);
  EXPECT_NEAR(m.occupancy, 10.0 / 11, 1e-12);
  EXPECT_DOUBLE_EQ(m.p_abandon, 0.0);
  EXPECT_FALSE(plan->intervals[0].meets_targets);  // 39 % < 80 %
  EXPECT_EQ(plan->agents.basis, "given");
  // The agent level follows from the given agents: 11 x 0.5 h x 5 days = 27.5 h a week.
  EXPECT_DOUBLE_EQ(plan->agents.weekly_hours, 27.5);
}

TEST(PlanGiven, LoadAtOrAboveTheAgentsIsUnstableNeverAFiniteWait) {
  // a = 10: 10 agents (N = a), 9 agents (N < a), 0 agents with calls.
  auto plan = make_plan(given({{100, 10}, {100, 9}, {100, 0}}), sl_80_20());
  ASSERT_TRUE(plan);
  for (const IntervalPlan& i : plan->intervals) {
    EXPECT_EQ(i.agents.state, QueueState::unstable) << i.agents.agents;
    EXPECT_TRUE(std::isinf(i.agents.asa.count()));
    EXPECT_GT(i.agents.asa.count(), 0);
    EXPECT_DOUBLE_EQ(i.agents.service_level, 0.0);
    EXPECT_FALSE(i.meets_targets);
  }
  ASSERT_TRUE(plan->totals);
  EXPECT_EQ(plan->totals->unstable_intervals, 3);
  EXPECT_EQ(plan->totals->figures.state, QueueState::unstable);
  EXPECT_TRUE(std::isinf(plan->totals->figures.asa.count()));
  EXPECT_FALSE(plan->totals->meets_targets);
}

TEST(PlanGiven, NoAgentsAndNoCallsIsFine) {
  auto plan = make_plan(given({{0, 0}}), sl_80_20());
  ASSERT_TRUE(plan);
  const QueueMetrics& m = plan->intervals[0].agents;
  EXPECT_EQ(m.state, QueueState::stable);
  EXPECT_DOUBLE_EQ(m.service_level, 1.0);
  EXPECT_DOUBLE_EQ(m.asa.count(), 0.0);
  EXPECT_DOUBLE_EQ(m.occupancy, 0.0);
  EXPECT_TRUE(plan->intervals[0].meets_targets);
  ASSERT_TRUE(plan->totals);
  EXPECT_EQ(plan->totals->open_intervals, 0);
  EXPECT_EQ(plan->totals->unstable_intervals, 0);
  EXPECT_TRUE(plan->totals->meets_targets);
}

TEST(PlanGiven, ErlangAWithPatienceStaysStableWhenOverloaded) {
  PlanOptions o = sl_80_20();
  o.model.patience = Seconds{120};
  auto plan = make_plan(given({{100, 8}}), o);  // a = 10 > 8 agents
  ASSERT_TRUE(plan);
  const QueueMetrics& m = plan->intervals[0].agents;
  EXPECT_EQ(m.state, QueueState::stable);
  EXPECT_NEAR(m.p_wait, 0.722626463339, 1e-9);
  EXPECT_NEAR(m.p_abandon, 0.257982381288, 1e-9);
  EXPECT_NEAR(m.service_level, 0.40321302738, 1e-9);
  EXPECT_NEAR(m.asa.count(), 29.2679871647, 1e-7);
  EXPECT_NEAR(m.occupancy, 0.92752202339, 1e-9);
}

TEST(PlanGiven, TotalsWeightTheIntervalsByTheirCalls) {
  // Interval 1: 100 calls, 11 agents (above); interval 2: 50 calls, 7 agents; a closed one.
  // SL = (100 x 0.389613811729 + 50 x 0.740441011543) / 150 = 0.506556211667
  // ASA = (100 x 122.781276844 + 50 x 29.1734954256) / 150 = 91.5786830380 s
  // occupancy = busy agent time / agent time = (10 + 5) / (11 + 7 + 2) = 0.75
  auto plan = make_plan(given({{100, 11}, {50, 7}, {0, 2}}), sl_80_20());
  ASSERT_TRUE(plan);
  ASSERT_TRUE(plan->totals);
  const StaffingTotals& t = *plan->totals;
  EXPECT_DOUBLE_EQ(t.calls, 150.0);
  EXPECT_EQ(t.open_intervals, 2);
  EXPECT_EQ(t.meeting_intervals, 0);  // 39 % and 74 % < 80 %
  EXPECT_EQ(t.unstable_intervals, 0);
  EXPECT_NEAR(t.figures.service_level, 0.506556211667, 1e-11);
  EXPECT_NEAR(t.figures.asa.count(), 91.5786830380, 1e-8);
  EXPECT_NEAR(t.figures.occupancy, 0.75, 1e-12);
  EXPECT_FALSE(t.meets_targets);
}

TEST(PlanGiven, SizedPlansHaveNoTotals) {
  Forecast f = given({{100, 0}});
  f.intervals[0].agents.reset();
  auto plan = make_plan(f, sl_80_20());
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->staffing, Staffing::required);
  EXPECT_FALSE(plan->totals);
  EXPECT_EQ(plan->agents.basis, "workload");
}

// Round trip over a range of loads, both models: the agents the planner requires, given back,
// meet the targets; one fewer does not.
TEST(PlanGiven, RequiredAgentsGivenBackMeetTheTargetAndOneFewerDoesNot) {
  for (bool patient : {false, true}) {
    PlanOptions o = sl_80_20();
    o.targets.max_asa = Seconds{30};
    if (patient) o.model.patience = Seconds{90};
    for (double calls = 1; calls <= 2000; calls *= 1.37) {
      Forecast sized = given({{calls, 0}});
      sized.intervals[0].agents.reset();
      auto required = make_plan(sized, o);
      ASSERT_TRUE(required) << calls;
      const int n = required->intervals[0].agents.agents;
      ASSERT_GT(n, 0) << calls;
      auto back = make_plan(given({{calls, n}}), o);
      ASSERT_TRUE(back) << calls;
      EXPECT_TRUE(back->intervals[0].meets_targets) << calls << " calls, " << n << " agents";
      EXPECT_NEAR(back->intervals[0].agents.service_level,
                  required->intervals[0].agents.service_level, 1e-12);
      auto fewer = make_plan(given({{calls, n - 1}}), o);
      ASSERT_TRUE(fewer) << calls;
      EXPECT_FALSE(fewer->intervals[0].meets_targets) << calls << " calls, " << n - 1;
    }
  }
}

TEST(PlanGiven, PooledForecastsAddTheirAgents) {
  auto pooled = pool_forecasts({given({{100, 11}}), given({{50, 7}})});
  ASSERT_TRUE(pooled);
  EXPECT_EQ(pooled->intervals[0].agents, 18);
  Forecast without = given({{50, 0}});
  without.intervals[0].agents.reset();
  auto mixed = pool_forecasts({given({{100, 11}}), without});
  ASSERT_FALSE(mixed);
  EXPECT_EQ(mixed.error().message.id, MsgId::forecast_pool_agents);
}

}  // namespace
}  // namespace ccteam::staffing
