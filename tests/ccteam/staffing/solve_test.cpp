#include "ccteam/staffing/solve.hpp"

#include <optional>

#include <gtest/gtest.h>

// Expected agent counts follow from the mpmath values in erlang_test.cpp (computed by
// erlang_reference.py): the first count whose metric crosses the target.

namespace ccteam::staffing {
namespace {

const Workload k_classic{100, Seconds{1800}, Seconds{180}};    // 10 Erlangs
const Workload k_impatient{150, Seconds{1800}, Seconds{180}};  // 15 Erlangs

// Targets by name; unset ones stay empty.
struct T {
  std::optional<ServiceLevelTarget> service_level;
  std::optional<Seconds> max_asa;
  std::optional<double> max_abandon;
  std::optional<double> max_occupancy;
  operator Targets() const {  // NOLINT(google-explicit-constructor)
    return Targets{service_level, max_asa, max_abandon, max_occupancy};
  }
};
T sl(double fraction, double seconds) {
  return T{ServiceLevelTarget{fraction, Seconds{seconds}}, {}, {}, {}};
}
T asa(double seconds) { return T{{}, Seconds{seconds}, {}, {}}; }
T abandon(double share) { return T{{}, {}, share, {}}; }
T occupancy(double share) { return T{{}, {}, {}, share}; }
T operator+(T a, const T& b) {
  if (b.service_level) a.service_level = b.service_level;
  if (b.max_asa) a.max_asa = b.max_asa;
  if (b.max_abandon) a.max_abandon = b.max_abandon;
  if (b.max_occupancy) a.max_occupancy = b.max_occupancy;
  return a;
}

int agents_for(const Workload& w, const Targets& t, const QueueModel& model = {}) {
  auto m = solve_agents(w, t, model);
  EXPECT_TRUE(m) << (m ? "" : render(m.error().message, Lang::en));
  return m ? m->agents : -1;
}

TEST(SolveAgents, ErlangCTargetsAloneAndTogether) {
  // SL at 13 agents 79.56 %, at 14 agents 88.84 %.
  EXPECT_EQ(agents_for(k_classic, sl(0.8, 20)), 14);
  EXPECT_EQ(agents_for(k_classic, sl(0.79, 20)), 13);
  // ASA at 12 agents 40.4 s, at 13 agents 17.1 s, at 14 agents 7.8 s.
  EXPECT_EQ(agents_for(k_classic, asa(20)), 13);
  EXPECT_EQ(agents_for(k_classic, asa(15)), 14);
  // Occupancy 10/12 = 0.833 <= 0.85 < 10/11 = 0.909.
  EXPECT_EQ(agents_for(k_classic, occupancy(0.85)), 12);
  EXPECT_EQ(agents_for(k_classic, asa(20) + occupancy(0.75)), 14);
  EXPECT_EQ(agents_for(k_classic, sl(0.79, 20) + asa(10)), 14);
}

TEST(SolveAgents, ErlangADependsOnTheDefinition) {
  QueueModel offered{Seconds{120}, {SlDefinition::over_offered, AsaDefinition::over_answered}};
  QueueModel answered{Seconds{120}, {SlDefinition::over_answered, AsaDefinition::over_answered}};
  Targets sl75 = sl(0.75, 20);
  // Over offered: 15 agents 67.8 %, 16 agents 75.75 %. Over answered: 14 agents 69.1 %,
  // 15 agents 76.4 %.
  EXPECT_EQ(agents_for(k_impatient, sl75, offered), 16);
  EXPECT_EQ(agents_for(k_impatient, sl75, answered), 15);
  // Abandonment: 15 agents 11.26 %, 16 agents 8.28 %.
  EXPECT_EQ(agents_for(k_impatient, abandon(0.10), offered), 16);
  EXPECT_EQ(agents_for(k_impatient, abandon(0.12), offered), 15);
}

TEST(SolveAgents, TheAnswerIsTheFewestThatMeetTheTargets) {
  Targets t = sl(0.8, 20) + occupancy(0.9);
  for (QueueModel model : {QueueModel{}, QueueModel{Seconds{90}, {}}}) {
    for (double calls : {1.0, 7.0, 40.0, 333.0, 2500.0}) {
      Workload w{calls, Seconds{900}, Seconds{240}};
      auto m = solve_agents(w, t, model);
      ASSERT_TRUE(m);
      EXPECT_TRUE(meets(*m, t));
      auto fewer = evaluate(m->agents - 1, w, t, model);
      ASSERT_TRUE(fewer);
      EXPECT_FALSE(meets(*fewer, t)) << calls;
    }
  }
}

TEST(SolveAgents, LargeLoad) {
  // 90,000 Erlangs: the occupancy bound alone gives ceil(90,000 / 0.99) = 90,910 agents,
  // and at that size the service level of 80/20 is met too (the square-root staffing rule).
  Workload w{90000, Seconds{3600}, Seconds{3600}};
  auto m = solve_agents(w, sl(0.8, 20) + occupancy(0.99), {});
  ASSERT_TRUE(m);
  EXPECT_GE(m->agents, 90910);
  EXPECT_LT(m->agents, 91000);
}

TEST(SolveAgents, NoCallsNoAgents) {
  EXPECT_EQ(agents_for(Workload{0, Seconds{1800}, Seconds{180}}, sl(0.8, 20)), 0);
}

TEST(SolveAgents, RejectsImpossibleAndMissingTargets) {
  auto id = [](const Targets& t) {
    QueueModel m;
    auto r = solve_agents(k_classic, t, m);
    EXPECT_FALSE(r);
    return r ? MsgId::count_ : r.error().message.id;
  };
  EXPECT_EQ(id(sl(1.0, 0)), MsgId::staffing_impossible_target);
  EXPECT_EQ(id(sl(1.2, 20)), MsgId::staffing_bad_target);
  EXPECT_EQ(id(asa(0)), MsgId::staffing_impossible_target);
  EXPECT_EQ(id(occupancy(0.0)), MsgId::staffing_bad_target);
  EXPECT_EQ(id(abandon(0.05)), MsgId::staffing_abandon_needs_patience);
  EXPECT_EQ(id(T{}), MsgId::staffing_no_target);
}

TEST(Evaluate, ReverseCalculation) {
  auto m = evaluate(13, k_classic, sl(0.8, 20), {});
  ASSERT_TRUE(m);
  EXPECT_NEAR(m->service_level, 0.795594788417783, 1e-12);  // mpmath
  EXPECT_NEAR(m->asa.count(), 17.1162271821896, 1e-9);
  EXPECT_NEAR(m->occupancy, 10.0 / 13, 1e-15);
}

}  // namespace
}  // namespace ccteam::staffing
