// Occupancy and adherence (src/ccteam/metrics/agent_states.cpp) on tests/data/states/, worked
// out by hand (times are wall clock, +01:00; 30-minute intervals):
//   a1 (red): available 08:00-08:10, on call 08:10-08:25, wrap-up 08:25-08:35 (crosses 08:30),
//             break 08:35-08:45; scheduled work 08:00-08:30, break 08:30-08:45.
//   a2 (red): on call 23:50-00:10 (crosses midnight), available 00:10-00:20; scheduled work
//             23:45-00:15 (logged out 23:45-23:50).
//   b1 (blue): available 08:00-08:10, no schedule.
// Occupancy = (on call + wrap-up) / (on call + wrap-up + available):
//   red 08:00: (900 + 300) / (600 + 900 + 300) = 2/3;  08:30: 300 / 300 = 1 (break excluded);
//   red 23:30: 600 / 600 = 1;  00:00: 600 / (600 + 600) = 1/2;
//   red total: (2100 + 600) / (1200 + 2100 + 600) = 2700 / 3900;  blue: 0 / 600 = 0.
// Adherence = time in the scheduled activity / scheduled time:
//   a1: work 1800 of 1800, break 600 of 900 (08:30-08:35 in wrap-up) -> 2400 / 2700;
//   a2: work 1200 (on call) + 300 (available to 00:15) of 1800 -> 1500 / 1800;
//   red 08:00: 1800/1800; 08:30: 600/900; 23:30: 600/900 (from 23:45); 00:00: 900/900;
//   red total: 3900 / 4500.
#include "ccteam/metrics/agent_states.hpp"

#include <gtest/gtest.h>

#include "io/metrics/agent_states_csv.hpp"
#include "support/paths.hpp"

namespace ccteam::metrics {
namespace {

using namespace std::chrono;

StateReport build(MetricsOptions o, bool with_schedule) {
  std::vector<ScheduleBlock> blocks;
  if (with_schedule) io::read_schedule(test::data_path("states/schedule.csv").string(), blocks);
  StateBuilder builder(o, blocks);
  io::read_agent_states(test::data_path("states/states.csv").string(),
                        [&](const StateSpan& s) { builder.add(s); });
  return builder.finish();
}

LocalTime at(int d, int h, int m) {
  return LocalTime{local_days{year{2026} / 3 / d}.time_since_epoch() + hours{h} + minutes{m}};
}

TEST(AgentStates, OccupancyAndAdherencePerIntervalAcrossBoundaryAndMidnight) {
  MetricsOptions o;
  o.min_group = 1;
  o.team_filter = "red";
  StateReport r = build(o, true);
  EXPECT_EQ(r.filtered_out, 1);
  ASSERT_EQ(r.rows.size(), 4u);
  EXPECT_EQ(r.rows[0].start, at(2, 8, 0));
  EXPECT_NEAR(*r.rows[0].tally.occupancy(), 2.0 / 3, 1e-12);
  EXPECT_NEAR(*r.rows[0].tally.adherence(), 1.0, 1e-12);
  EXPECT_EQ(r.rows[1].start, at(2, 8, 30));
  EXPECT_NEAR(*r.rows[1].tally.occupancy(), 1.0, 1e-12);
  EXPECT_NEAR(*r.rows[1].tally.adherence(), 600.0 / 900, 1e-12);
  EXPECT_EQ(r.rows[1].tally.break_s, 600);
  EXPECT_EQ(r.rows[2].start, at(2, 23, 30));
  EXPECT_NEAR(*r.rows[2].tally.occupancy(), 1.0, 1e-12);
  EXPECT_NEAR(*r.rows[2].tally.adherence(), 600.0 / 900, 1e-12);
  EXPECT_EQ(r.rows[3].start, at(3, 0, 0));
  EXPECT_NEAR(*r.rows[3].tally.occupancy(), 0.5, 1e-12);
  EXPECT_NEAR(*r.rows[3].tally.adherence(), 1.0, 1e-12);
  EXPECT_NEAR(*r.total.tally.occupancy(), 2700.0 / 3900, 1e-12);
  EXPECT_NEAR(*r.total.tally.adherence(), 3900.0 / 4500, 1e-12);
  EXPECT_EQ(r.total.agents, 2);
}

TEST(AgentStates, PerAgentAndPerTeam) {
  MetricsOptions o;
  o.by = GroupBy::agent;
  o.team_filter = "red";
  o.pseudonymise = false;
  StateReport r = build(o, true);
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].key, "a1");
  EXPECT_NEAR(*r.rows[0].tally.occupancy(), 1500.0 / 2100, 1e-12);
  EXPECT_NEAR(*r.rows[0].tally.adherence(), 2400.0 / 2700, 1e-12);
  EXPECT_NEAR(*r.rows[1].tally.occupancy(), 1200.0 / 1800, 1e-12);
  EXPECT_NEAR(*r.rows[1].tally.adherence(), 1500.0 / 1800, 1e-12);

  MetricsOptions t;
  t.by = GroupBy::team;
  t.min_group = 1;
  StateReport teams = build(t, false);
  ASSERT_EQ(teams.rows.size(), 2u);
  EXPECT_EQ(teams.rows[0].key, "blue");
  EXPECT_EQ(*teams.rows[0].tally.occupancy(), 0.0);
  EXPECT_FALSE(teams.rows[0].tally.adherence());  // no schedule given
  EXPECT_NEAR(*teams.rows[1].tally.occupancy(), 2700.0 / 3900, 1e-12);
}

TEST(AgentStates, SmallGroupsAreNotShownInTheReport) {
  MetricsOptions o;  // min_group 5: two agents are too few
  o.by = GroupBy::team;
  StateReport states = build(o, true);
  MetricsReport report;
  report.options = o;
  attach_states(report, states);
  ASSERT_EQ(report.rows.size(), 2u);  // rows without calls are added
  EXPECT_TRUE(report.rows[1].states_suppressed);
  EXPECT_FALSE(report.rows[1].occupancy);
  o.min_group = 2;
  report = MetricsReport{};
  report.options = o;
  attach_states(report, build(o, true));
  EXPECT_FALSE(report.rows[1].states_suppressed);
  EXPECT_NEAR(*report.rows[1].occupancy, 2700.0 / 3900, 1e-12);
  EXPECT_NEAR(*report.rows[1].adherence, 3900.0 / 4500, 1e-12);
}

}  // namespace
}  // namespace ccteam::metrics
