#include "ccteam/sim/scenario.hpp"

#include <gtest/gtest.h>

#include "ccteam/sim/engine.hpp"

namespace ccteam::sim {
namespace {

Tier tier(std::string id, TierKind kind, int staff, double mean, int intervals = 2) {
  Tier t;
  t.id = std::move(id);
  t.kind = kind;
  t.staff.assign(static_cast<std::size_t>(intervals), staff);
  t.off_phone_share.assign(static_cast<std::size_t>(intervals), 0.0);
  t.handle_time = {Distribution{DistKind::exponential, mean, 0, {}}};
  return t;
}

Scenario two_intervals(double calls) {
  Scenario s;
  s.interval = Seconds{1800};
  s.intervals = 2;
  s.calls_per_interval = {calls, calls};
  return s;
}

std::vector<MsgId> ids(const Errors& errors) {
  std::vector<MsgId> out;
  for (const Error& e : errors) out.push_back(e.message.id);
  return out;
}

TEST(ScenarioValidate, AcceptsASoundModel) {
  Scenario s = two_intervals(100);
  s.tiers = {tier("agents", TierKind::live, 14, 180)};
  EXPECT_TRUE(validate(s).empty());
}

TEST(ScenarioValidate, UnstableLiveTierWithoutPatience) {
  // 100 calls x 180 s / 1800 s = 10 Erlangs on 10 agents: a = N, Erlang C has no steady state.
  Scenario s = two_intervals(100);
  s.tiers = {tier("agents", TierKind::live, 10, 180)};
  Errors e = validate(s);
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].message.id, MsgId::sim_unstable);
  EXPECT_EQ(e[0].where.json_pointer, "/tiers/0/staff/0");
  // With patience the queue is bounded (Erlang A is always stable).
  s.tiers[0].patience = Distribution{DistKind::exponential, 60, 0, {}};
  EXPECT_TRUE(validate(s).empty());
}

TEST(ScenarioValidate, OffPhoneTimeCountsAgainstStability) {
  // Team leads: 100 x 0.1 = 10 escalations x 360 s / 1800 s = 2 Erlangs; 3 team leads half
  // off the phone are 1.5 on it: unstable.
  Scenario s = two_intervals(100);
  Tier agents = tier("agents", TierKind::live, 14, 180);
  agents.escalate = 0.1;
  Tier leads = tier("leads", TierKind::live, 3, 360);
  leads.off_phone_share = {0.5, 0.5};
  s.tiers = {agents, leads};
  EXPECT_EQ(ids(validate(s)), (std::vector<MsgId>{MsgId::sim_unstable, MsgId::sim_unstable}));
  s.tiers[1].off_phone_share = {0.2, 0.2};  // 2.4 on the phone
  EXPECT_TRUE(validate(s).empty());
}

TEST(ScenarioValidate, StructureRules) {
  Scenario s = two_intervals(10);
  Tier agents = tier("agents", TierKind::live, 3, 180);
  agents.escalate = 0.2;
  Tier tickets = tier("tickets", TierKind::deferred, 1, 600);
  Tier leads = tier("leads", TierKind::live, 1, 180);
  leads.escalate = 0.5;
  s.tiers = {agents, tickets, leads};
  EXPECT_EQ(ids(validate(s)),
            (std::vector<MsgId>{MsgId::sim_deadline_missing, MsgId::sim_live_after_deferred,
                                MsgId::sim_escalate_last}));
  s.tiers = {tickets};
  s.tiers[0].deadline = Seconds{3600};
  EXPECT_EQ(ids(validate(s)), (std::vector<MsgId>{MsgId::sim_first_not_live}));
}

TEST(ScenarioValidate, ZeroStaffWhereCallsArrive) {
  Scenario s = two_intervals(10);
  s.tiers = {tier("agents", TierKind::live, 3, 180)};
  s.tiers[0].staff[1] = 0;
  Errors e = validate(s);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].message.id, MsgId::sim_zero_staff);
  EXPECT_EQ(e[0].where.json_pointer, "/tiers/0/staff/1");
  s.calls_per_interval[1] = 0;  // closed: nobody needed
  EXPECT_TRUE(validate(s).empty());
}

TEST(ScenarioValidate, StopsListingAtFiftyAndCountsTheRest) {
  // 100,000 intervals (k_max_intervals) with calls and nobody on the phone: one error each,
  // of which the first 50 (intervals 0..49) are listed and the other 99,950 counted.
  Scenario s;
  s.interval = Seconds{1800};
  s.intervals = k_max_intervals;
  s.calls_per_interval.assign(100'000, 10.0);
  s.tiers = {tier("agents", TierKind::live, 0, 180, k_max_intervals)};
  Errors e = validate(s);
  ASSERT_EQ(e.size(), 51u);
  EXPECT_EQ(e[0].message.id, MsgId::sim_zero_staff);
  EXPECT_EQ(e[49].where.json_pointer, "/tiers/0/staff/49");
  EXPECT_EQ(e[50].message.id, MsgId::errors_more);
  EXPECT_EQ(render(e[50].message, Lang::en), "... and 99,950 more");
  EXPECT_EQ(error_count(e), 100'000u);
}

TEST(ScenarioValidate, ListLengths) {
  Scenario s = two_intervals(10);
  s.tiers = {tier("agents", TierKind::live, 3, 180)};
  s.tiers[0].staff.push_back(3);
  Errors e = validate(s);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].message.id, MsgId::sim_list_length);
}

TEST(ScenarioLabels, ClockTimesOrNumbers) {
  Scenario s = two_intervals(1);
  EXPECT_EQ(interval_label(s, 1), "#2");
  s.start_minute = 8 * 60;
  EXPECT_EQ(interval_label(s, 1), "08:30");
}

// --- engine checks that need no queueing theory -------------------------------------------

TEST(Engine, CountsAddUp) {
  // Every customer ends resolved somewhere or gave up; every call entering a live queue is
  // answered or abandons.
  Scenario s = two_intervals(60);
  Tier agents = tier("agents", TierKind::live, 5, 240);
  agents.patience = Distribution{DistKind::lognormal, 90, 60, {}};
  agents.retrial = Retrial{0.5, Seconds{300}};
  agents.escalate = 0.3;
  Tier leads = tier("leads", TierKind::live, 2, 300);
  leads.patience = Distribution{DistKind::exponential, 120, 0, {}};
  leads.escalate = 0.5;
  Tier tickets = tier("tickets", TierKind::deferred, 1, 900);
  tickets.deadline = Seconds{3600};
  s.tiers = {agents, leads, tickets};
  ASSERT_TRUE(validate(s).empty());
  Model model(s);
  ReplicationCounts r = simulate(model, 9, 0);
  ASSERT_TRUE(r.complete);
  for (std::size_t k = 0; k < 3; ++k) {
    double offered = 0, answered = 0, abandoned = 0;
    for (int i = 0; i < 2; ++i) {
      offered += r.at(k, i).offered;
      answered += r.at(k, i).answered;
      abandoned += r.at(k, i).abandoned;
      EXPECT_LE(r.at(k, i).busy_seconds, r.at(k, i).on_phone_seconds + 1e-6);
    }
    EXPECT_EQ(offered, answered + abandoned) << "tier " << k;
  }
  const JourneyCounts& j = r.journeys;
  EXPECT_EQ(j.unfinished, 0);
  EXPECT_EQ(j.journeys, j.resolved_at[0] + j.resolved_at[1] + j.resolved_at[2] + j.abandoned);
  EXPECT_GT(j.attempts, j.journeys);  // some retried
  EXPECT_GT(r.at(2, 0).deadline_due + r.at(2, 1).deadline_due, 0);
  // No arrival after the horizon; the drain finished the rest.
  EXPECT_GE(r.drain_seconds, 0);
}

TEST(Engine, FractionalStaffIsOnThePhoneForThatShareOfTheInterval) {
  // 2 people 40 % off the phone are 1.2 on it: 1.2 x 1800 s of phone time per interval (no
  // calls, so nobody runs over while finishing one).
  Scenario s = two_intervals(0);
  Tier t = tier("leads", TierKind::live, 2, 60);
  t.off_phone_share = {0.4, 0.4};
  s.tiers = {t};
  Model model(s);
  ReplicationCounts r = simulate(model, 1, 0);
  EXPECT_NEAR(r.at(0, 0).on_phone_seconds, 1.2 * 1800, 1e-6);
  EXPECT_NEAR(r.at(0, 1).on_phone_seconds, 1.2 * 1800, 1e-6);
}

TEST(Engine, DeferredDeadlinesAreMissedWhenWorkPilesUp) {
  // Tickets take a constant 1,000 s, so a deadline of 0.5 s on finishing is never met.
  Scenario s = two_intervals(20);
  Tier agents = tier("agents", TierKind::live, 3, 60);
  agents.escalate = 0.5;
  Tier tickets = tier("tickets", TierKind::deferred, 1, 1000);
  tickets.handle_time = {Distribution{DistKind::constant, 1000, 0, {}}};
  tickets.deadline = Seconds{0.5};
  s.tiers = {agents, tickets};
  Model model(s);
  ReplicationCounts r = simulate(model, 2, 0);
  double due = r.at(1, 0).deadline_due + r.at(1, 1).deadline_due;
  double missed = r.at(1, 0).deadline_missed + r.at(1, 1).deadline_missed;
  EXPECT_GT(due, 0);
  EXPECT_EQ(missed, due);
}

}  // namespace
}  // namespace ccteam::sim
