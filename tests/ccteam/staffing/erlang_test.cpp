#include "ccteam/staffing/erlang.hpp"

#include <cmath>

#include <gtest/gtest.h>

// Expected values marked "mpmath" come from tests/ccteam/staffing/erlang_reference.py: Erlang B
// and C from the closed forms with exact factorials in 60-digit arithmetic, Erlang A from the
// virtual-waiting-time density of Mandelbaum & Zeltyn integrated numerically. Both are
// independent of the recursions and the birth-death chain in erlang.cpp.

namespace ccteam::staffing {
namespace {

Workload per_half_hour(double calls, double aht_seconds) {
  return Workload{calls, Seconds{1800}, Seconds{aht_seconds}};
}

TEST(ErlangB, MatchesPublishedTableValues) {
  // Erlang B tables (e.g. ITU-T Teletraffic Engineering Handbook, table of the Erlang B
  // formula): 10 circuits carry 4.461 Erlangs, 100 circuits 84.06 Erlangs at 1 % blocking.
  EXPECT_NEAR(*erlang_b(10, 4.461), 0.01, 5e-5);
  EXPECT_NEAR(*erlang_b(100, 84.06), 0.01, 5e-5);
}

TEST(ErlangB, MatchesExactArithmetic) {
  EXPECT_NEAR(*erlang_b(10, 5.0), 0.0183845703366481, 1e-14);       // mpmath
  EXPECT_NEAR(*erlang_b(1000, 1000.0), 0.0248119176461604, 1e-13);  // mpmath; 1000! overflows
  EXPECT_DOUBLE_EQ(*erlang_b(0, 3.0), 1.0);
  EXPECT_DOUBLE_EQ(*erlang_b(5, 0.0), 0.0);
}

TEST(ErlangB, StaysFiniteAtTheLimits) {
  double b = *erlang_b(k_max_agents, k_max_load_erlangs);
  EXPECT_TRUE(std::isfinite(b));
  EXPECT_GT(b, 0.0);
  EXPECT_LT(b, 0.01);
  EXPECT_EQ(*erlang_b(k_max_agents, 1.0), 0.0);  // underflows to 0, never NaN
}

TEST(ErlangB, RejectsOutOfRangeInput) {
  EXPECT_EQ(erlang_b(-1, 1.0).error().message.id, MsgId::staffing_agents_out_of_range);
  EXPECT_EQ(erlang_b(k_max_agents + 1, 1.0).error().message.id,
            MsgId::staffing_agents_out_of_range);
  EXPECT_EQ(erlang_b(5, -1.0).error().message.id, MsgId::staffing_load_out_of_range);
  EXPECT_EQ(erlang_b(5, std::nan("")).error().message.id, MsgId::staffing_load_out_of_range);
  EXPECT_FALSE(erlang_b(5, 1e6));
}

// The classic worked example of Erlang C in call-center tutorials: 100 calls in 30 minutes,
// AHT 180 s (a = 10 Erlangs), target 80 % in 20 s. 13 agents reach 79.6 %, 14 agents 88.8 %.
TEST(ErlangC, ClassicWorkedExample) {
  struct Row {
    int agents;
    double c, sl, asa;  // mpmath
  };
  for (Row r : {Row{11, 0.682118204689332, 0.389613811729153, 122.78127684408},
                Row{12, 0.449388224298271, 0.640158040374007, 40.4449401868444},
                Row{13, 0.285270453036493, 0.795594788417783, 17.1162271821896},
                Row{14, 0.17413193359505, 0.888350019179467, 7.83593701177724}}) {
    auto m = erlang_c(r.agents, per_half_hour(100, 180), Seconds{20});
    ASSERT_TRUE(m) << r.agents;
    EXPECT_EQ(m->state, QueueState::stable);
    EXPECT_DOUBLE_EQ(m->offered_load_erlangs, 10.0);
    EXPECT_NEAR(m->p_wait, r.c, 1e-12) << r.agents;
    EXPECT_NEAR(m->service_level, r.sl, 1e-12) << r.agents;
    EXPECT_NEAR(m->asa.count(), r.asa, 1e-9) << r.agents;
    EXPECT_NEAR(m->occupancy, 10.0 / r.agents, 1e-15);
    EXPECT_EQ(m->p_abandon, 0.0);
  }
}

TEST(ErlangC, LargeTeams) {
  // 10,000 calls per half hour at AHT 180 s = 1,000 Erlangs on 1,020 agents (mpmath).
  auto m = erlang_c(1020, per_half_hour(10000, 180), Seconds{20});
  ASSERT_TRUE(m);
  EXPECT_NEAR(m->p_wait, 0.416260116327354, 1e-11);
  EXPECT_NEAR(m->service_level, 0.954890714047488, 1e-11);
  EXPECT_NEAR(m->asa.count(), 3.74634104694618, 1e-9);
  // 99,500 Erlangs on 100,000 agents (mpmath, exact factorials of 100,000).
  auto huge = erlang_c(100000, Workload{99500, Seconds{3600}, Seconds{3600}}, Seconds{20});
  ASSERT_TRUE(huge);
  EXPECT_NEAR(huge->p_wait, 0.0709061993551133, 1e-9);
}

TEST(ErlangC, LoadAtOrAboveAgentsIsUnstable) {
  for (int agents : {0, 9, 10}) {
    auto m = erlang_c(agents, per_half_hour(100, 180), Seconds{20});
    ASSERT_TRUE(m);
    EXPECT_EQ(m->state, QueueState::unstable) << agents;
    EXPECT_EQ(m->service_level, 0.0);
    EXPECT_TRUE(std::isinf(m->asa.count()));
    EXPECT_GT(m->asa.count(), 0.0);
  }
}

TEST(ErlangC, NoCallsNeedsNobody) {
  auto m = erlang_c(0, per_half_hour(0, 180), Seconds{20});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->state, QueueState::stable);
  EXPECT_EQ(m->service_level, 1.0);
  EXPECT_EQ(m->asa.count(), 0.0);
}

TEST(ErlangC, RejectsBadTimes) {
  EXPECT_EQ(erlang_c(5, per_half_hour(10, 0), Seconds{20}).error().message.id,
            MsgId::staffing_bad_seconds);
  EXPECT_EQ(erlang_c(5, Workload{10, Seconds{0}, Seconds{180}}, Seconds{20}).error().message.id,
            MsgId::staffing_bad_seconds);
  EXPECT_EQ(erlang_c(5, per_half_hour(10, 180), Seconds{-1}).error().message.id,
            MsgId::staffing_bad_seconds);
  // The field is named by JSON pointer, never by an English word.
  Error aht = erlang_c(5, per_half_hour(10, 0), Seconds{20}).error();
  EXPECT_EQ(aht.where.json_pointer, "/handle_time");
  EXPECT_EQ(render(aht.message, Lang::de).find("AHT"), std::string::npos);
  EXPECT_EQ(
      erlang_c(5, Workload{10, Seconds{0}, Seconds{180}}, Seconds{20}).error().where.json_pointer,
      "/interval");
  EXPECT_EQ(erlang_c(5, per_half_hour(-3, 180), Seconds{20}).error().message.id,
            MsgId::staffing_bad_calls);
}

struct ErlangARef {
  double p_wait, p_ab, sl_offered, sl_answered, sl_minus_short, short_ab, asa_answered, asa_all,
      occupancy;
};

void expect_erlang_a(int agents, const Workload& w, double patience, const ErlangARef& r,
                     double tol) {
  auto metric = [&](Definitions d) {
    auto m = erlang_a(agents, w, Seconds{patience}, Seconds{20}, d);
    EXPECT_TRUE(m);
    return *m;
  };
  QueueMetrics m = metric({});
  EXPECT_EQ(m.state, QueueState::stable);
  EXPECT_NEAR(m.p_wait, r.p_wait, tol);
  EXPECT_NEAR(m.p_abandon, r.p_ab, tol);
  EXPECT_NEAR(m.p_abandon_within_target, r.short_ab, tol);
  EXPECT_NEAR(m.service_level, r.sl_offered, tol);
  EXPECT_NEAR(m.asa.count(), r.asa_answered, tol * 100);
  EXPECT_NEAR(m.occupancy, r.occupancy, tol);
  EXPECT_NEAR(metric({SlDefinition::over_answered, AsaDefinition::over_all_callers}).service_level,
              r.sl_answered, tol);
  EXPECT_NEAR(metric({SlDefinition::over_answered, AsaDefinition::over_all_callers}).asa.count(),
              r.asa_all, tol * 100);
  EXPECT_NEAR(
      metric({SlDefinition::over_offered_minus_short_abandons, AsaDefinition::over_answered})
          .service_level,
      r.sl_minus_short, tol);
}

// Erlang A against the independent method (Mandelbaum & Zeltyn's waiting-time density,
// integrated with mpmath): 150 calls per half hour, AHT 180 s (15 Erlangs), mean patience
// 120 s, target 20 s; 14 agents (overloaded: only abandonment keeps it stable) and 16.
TEST(ErlangA, MatchesWaitingTimeDensityMethod) {
  expect_erlang_a(
      14, per_half_hour(150, 180), 120,
      {0.582646011915869, 0.148699683332484, 0.587949487503165, 0.690648735812458,
       0.636020750480636, 0.075581280864097, 16.4826406426993, 17.8439619998981, 0.912107482143767},
      1e-10);
  expect_erlang_a(16, per_half_hour(150, 180), 120,
                  {0.394932292149848, 0.0827748108407265, 0.757509775358306, 0.825871099389058,
                   0.795546805574885, 0.0478124353589633, 8.87172468432916, 9.93297730088718,
                   0.859898614836819},
                  1e-10);
}

TEST(ErlangA, LargeTeam) {
  // 1,000 Erlangs on 1,000 agents, patience 300 s (mpmath): Erlang C would be unstable here.
  expect_erlang_a(1000, per_half_hour(10000, 180), 300,
                  {0.567171248598775, 0.0110125539154825, 0.985176609667048, 0.996146729230429,
                   0.996117124458575, 0.0109831610388932, 3.28927963254164, 3.30376617464474,
                   0.988987446084518},
                  1e-9);
}

TEST(ErlangA, ApproachesErlangCWhenCallersArePatient) {
  auto c = *erlang_c(13, per_half_hour(100, 180), Seconds{20});
  auto a = *erlang_a(13, per_half_hour(100, 180), Seconds{1e7}, Seconds{20});
  EXPECT_NEAR(a.p_wait, c.p_wait, 1e-4);
  EXPECT_NEAR(a.service_level, c.service_level, 1e-4);
  EXPECT_NEAR(a.asa.count(), c.asa.count(), 1e-2);
}

TEST(ErlangA, ExtremesStayFinite) {
  // 100,000 Erlangs on 100,000 agents and on 50,000 agents (heavily overloaded).
  for (int agents : {100000, 50000, 1}) {
    auto m =
        erlang_a(agents, Workload{100000, Seconds{3600}, Seconds{3600}}, Seconds{60}, Seconds{20});
    ASSERT_TRUE(m) << agents;
    for (double v : {m->p_wait, m->p_abandon, m->service_level, m->asa.count(), m->occupancy}) {
      EXPECT_TRUE(std::isfinite(v)) << agents;
      EXPECT_GE(v, 0.0) << agents;
    }
    EXPECT_LE(m->occupancy, 1.0);
  }
  // Many agents for little traffic: nobody waits.
  auto idle = *erlang_a(100000, per_half_hour(1, 180), Seconds{60}, Seconds{20});
  EXPECT_EQ(idle.p_wait, 0.0);
  EXPECT_EQ(idle.service_level, 1.0);
  // No agents: everyone abandons.
  auto none = *erlang_a(0, per_half_hour(10, 180), Seconds{60}, Seconds{20});
  EXPECT_EQ(none.p_abandon, 1.0);
  EXPECT_EQ(none.service_level, 0.0);
}

TEST(ErlangA, RejectsBadPatience) {
  EXPECT_EQ(erlang_a(5, per_half_hour(10, 180), Seconds{0}, Seconds{20}).error().message.id,
            MsgId::staffing_bad_seconds);
  EXPECT_FALSE(erlang_a(5, per_half_hour(10, 180), Seconds{INFINITY}, Seconds{20}));
}

}  // namespace
}  // namespace ccteam::staffing
