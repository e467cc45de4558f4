// The agent-state log and schedule readers (src/io/metrics/agent_states_csv.cpp) on
// tests/data/states/; expected values read off the rows by hand.
#include "io/metrics/agent_states_csv.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/paths.hpp"

namespace ccteam::io {
namespace {

using metrics::AgentState;
using metrics::ScheduleBlock;
using metrics::StateSpan;

std::vector<StateSpan> read_states(const std::string& name, ReadSummary& s) {
  std::vector<StateSpan> out;
  s = read_agent_states(test::data_path("states/" + name).string(),
                        [&](const StateSpan& span) { out.push_back(span); });
  return out;
}

TEST(AgentStatesCsv, HandMadeLog) {
  ReadSummary s;
  auto spans = read_states("states.csv", s);
  EXPECT_TRUE(s.errors.empty()) << render(s.errors.front(), Lang::en);
  ASSERT_EQ(spans.size(), 7u);
  EXPECT_EQ(spans[0].agent, "a1");
  EXPECT_EQ(spans[0].state, AgentState::available);
  EXPECT_EQ(spans[0].duration.count(), 600);
  EXPECT_EQ(spans[0].utc_offset, std::chrono::hours{1});
  EXPECT_EQ(spans[1].duration.count(), 900);  // end and duration agree
  // Across midnight: 23:50 to 00:10 the next day.
  EXPECT_EQ(spans[4].duration.count(), 1200);
  EXPECT_EQ(spans[4].state, AgentState::on_call);
  // Duration instead of an end.
  EXPECT_EQ(spans[5].duration.count(), 600);
  EXPECT_EQ(spans[5].source_line, 7);
  EXPECT_EQ(spans[6].team, "blue");
}

TEST(AgentStatesCsv, BadRowsAreReportedByLine) {
  ReadSummary s;
  auto spans = read_states("bad-states.csv", s);
  EXPECT_FALSE(s.unusable);
  EXPECT_EQ(s.rows, 8);
  ASSERT_EQ(spans.size(), 1u);  // "on call" with a space is accepted
  EXPECT_EQ(spans[0].source_line, 9);
  std::vector<std::pair<int, MsgId>> got;
  for (const Error& e : s.errors) got.emplace_back(e.where.line, e.message.id);
  std::vector<std::pair<int, MsgId>> want = {
      {2, MsgId::states_bad_word},         {3, MsgId::metrics_csv_no_zone},
      {4, MsgId::states_end_before_start}, {5, MsgId::states_end_mismatch},
      {6, MsgId::states_implausible},      {7, MsgId::states_no_end},
      {8, MsgId::metrics_csv_missing}};
  EXPECT_EQ(got, want);
  EXPECT_EQ(s.skipped_total(), 7);
}

TEST(AgentStatesCsv, HeaderProblemsRejectTheFile) {
  auto first = [](std::string_view text) {
    ReadSummary s = parse_agent_states(text, "x.csv", [](const StateSpan&) {});
    EXPECT_TRUE(s.unusable);
    return s.errors.empty() ? MsgId::count_ : s.errors[0].message.id;
  };
  EXPECT_EQ(first("agent,state,start,queue\n"), MsgId::csv_unknown_column);
  EXPECT_EQ(first("agent,state,start\n"), MsgId::metrics_missing_column);  // no end, no duration
  EXPECT_EQ(first("agent,start,end\n"), MsgId::metrics_missing_column);
  EXPECT_EQ(first(""), MsgId::metrics_empty_file);
}

TEST(ScheduleCsv, HandMadeSchedule) {
  std::vector<ScheduleBlock> blocks;
  ReadSummary s = read_schedule(test::data_path("states/schedule.csv").string(), blocks);
  EXPECT_TRUE(s.errors.empty());
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[1].activity, metrics::Activity::break_);
  EXPECT_EQ((blocks[2].end - blocks[2].start).count(), 1800);
  std::vector<ScheduleBlock> bad;
  ReadSummary b = parse_schedule(
      "agent,activity,start,end\na1,lunch,2026-03-02T08:00:00Z,"
      "2026-03-02T09:00:00Z\n",
      "s.csv", bad);
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_EQ(b.errors[0].message.id, MsgId::schedule_bad_word);
  EXPECT_TRUE(bad.empty());
}

}  // namespace
}  // namespace ccteam::io
