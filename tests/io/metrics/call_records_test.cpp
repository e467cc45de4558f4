// Readers of call records (src/io/metrics/call_records.cpp, anonymous_bank_tsv.cpp, call_csv.cpp)
// on the hand-made files in tests/data/calls/; expected values worked out by hand from the rows.
#include "io/metrics/call_records.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "support/paths.hpp"

namespace ccteam::io {
namespace {

using metrics::CallRecord;
using metrics::Outcome;
using namespace std::chrono;
using metrics::LocalTime;

std::vector<CallRecord> read_all(const std::string& name, ReadSummary& summary) {
  std::vector<CallRecord> out;
  std::string path = test::data_path("calls/" + name).string();
  summary = read_call_records(path, call_format_for(path),
                              [&](const CallRecord& r) { out.push_back(r); });
  return out;
}

LocalTime local(int y, unsigned m, unsigned d, int hh, int mm, int ss) {
  return LocalTime{local_days{year{y} / month{m} / day{d}}.time_since_epoch() + hours{hh} +
                   minutes{mm} + seconds{ss}};
}

TEST(AnonymousBankTsv, HandMadeRows) {
  ReadSummary s;
  auto records = read_all("bank-small.tsv", s);
  EXPECT_FALSE(s.unusable);
  EXPECT_EQ(s.rows, 9);
  ASSERT_EQ(s.records, 4);
  EXPECT_EQ(s.skipped.at(MsgId::metrics_skip_phantom), 1);
  EXPECT_EQ(s.skipped.at(MsgId::metrics_skip_vru_only), 1);
  EXPECT_EQ(s.skipped.at(MsgId::metrics_bad_yymmdd), 1);
  EXPECT_EQ(s.skipped.at(MsgId::metrics_bad_clock_time), 1);
  EXPECT_EQ(s.skipped.at(MsgId::metrics_field_count), 1);
  ASSERT_EQ(s.errors.size(), 3u);
  // Row 7 (line 8): date 990230 at byte 17; row 8 (line 9): "7:2:47" at byte 24.
  EXPECT_EQ(s.errors[0].where.line, 8);
  EXPECT_EQ(s.errors[0].where.column, 17);
  EXPECT_EQ(s.errors[1].where.line, 9);
  EXPECT_EQ(s.errors[1].where.column, 24);
  EXPECT_EQ(s.errors[2].where.line, 10);

  // Served without queueing: offered at the VRU exit, no wait, talk = ser_time.
  const CallRecord& first = records[0];
  EXPECT_EQ(first.local_offered(), local(1999, 2, 1, 7, 2, 56));
  EXPECT_EQ(first.offered, sys_seconds{local(1999, 2, 1, 5, 2, 56).time_since_epoch()});
  EXPECT_EQ(first.outcome, Outcome::answered);
  EXPECT_EQ(first.wait.count(), 0);
  EXPECT_EQ(first.talk->count(), 166);
  EXPECT_EQ(first.agent, "AGENT07");
  EXPECT_EQ(first.customer_id, "");
  EXPECT_EQ(first.queue, "PS");
  // Hung up in the queue after 5 s.
  EXPECT_EQ(records[1].outcome, Outcome::abandoned);
  EXPECT_EQ(records[1].wait.count(), 5);
  EXPECT_EQ(records[1].agent, "");
  EXPECT_EQ(records[1].customer_id, "100001");
  // Queued at 23:59:58, answered after midnight: stays on Feb 1, wait 32 s.
  EXPECT_EQ(records[2].local_offered(), local(1999, 2, 1, 23, 59, 58));
  EXPECT_EQ(records[2].wait.count(), 32);
  EXPECT_EQ(records[2].talk->count(), 150);
  // Entered the VRU before midnight, queued after it: offered on Feb 2 at 00:00:04.
  EXPECT_EQ(records[3].local_offered(), local(1999, 2, 2, 0, 0, 4));
  EXPECT_EQ(records[3].source_line, 7);
}

TEST(AnonymousBankTsv, ChunkBoundariesDoNotMatter) {
  std::string text =
      "vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\t"
      "vru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\t"
      "server\r\nAA\t1\t0\t0\tPS\t990201\t7:02:47\t7:02:56\t9\t0:00:00\t0:00:00\t0\t"
      "AGENT\t7:02:55\t7:05:41\t166\tAGENT07\r\n";
  for (std::size_t split = 0; split <= text.size(); ++split) {
    long n = 0;
    auto parser = make_anonymous_bank_parser("x.tsv", [&](const CallRecord&) { ++n; });
    parser->feed(std::string_view(text).substr(0, split));
    parser->feed(std::string_view(text).substr(split));
    parser->finish();
    EXPECT_EQ(n, 1) << split;
    EXPECT_TRUE(parser->summary().errors.empty()) << split;
  }
}

TEST(AnonymousBankTsv, WrongHeaderIsUnusable) {
  ReadSummary s = parse_call_records("a\tb\n1\t2\n", CallFormat::anonymous_bank, "x.tsv",
                                     [](const CallRecord&) {});
  EXPECT_TRUE(s.unusable);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].message.id, MsgId::metrics_bank_header);
  EXPECT_TRUE(s.errors[0].hint.has_value());
}

TEST(CallCsv, HandMadeRows) {
  ReadSummary s;
  auto records = read_all("small.csv", s);
  EXPECT_TRUE(s.errors.empty()) << render(s.errors.front(), Lang::en);
  ASSERT_EQ(s.records, 8);
  const CallRecord& c1 = records[0];
  EXPECT_EQ(c1.call_id, "c1");
  EXPECT_EQ(c1.utc_offset, hours{1});
  EXPECT_EQ(c1.local_offered(), local(2026, 3, 2, 8, 0, 0));
  EXPECT_EQ(c1.wait.count(), 10);
  EXPECT_EQ(c1.talk->count(), 270);  // 08:00:10 to 08:05:10 minus 30 s hold
  EXPECT_EQ(c1.hold.count(), 30);
  EXPECT_EQ(c1.wrap.count(), 60);
  EXPECT_EQ(c1.sale, metrics::Sale::made);
  EXPECT_EQ(*c1.quality, 4);
  EXPECT_EQ(records[1].escalated_to, "lead1");
  EXPECT_EQ(records[1].transfers, 1);
  EXPECT_EQ(records[1].sale, metrics::Sale::offered);
  EXPECT_EQ(records[2].outcome, Outcome::abandoned);
  EXPECT_EQ(records[2].wait.count(), 3);
  // Across midnight: offered 23:59:50, answered 00:00:05 the next day.
  EXPECT_EQ(records[5].wait.count(), 15);
  EXPECT_EQ(records[5].talk->count(), 120);
  EXPECT_EQ(records[6].direction, metrics::Direction::outbound);
  EXPECT_EQ(records[7].channel, metrics::Channel::chat);
  EXPECT_EQ(records[7].source_line, 9);
}

TEST(CallCsv, BadRowsAreReportedByLineAndSkipped) {
  ReadSummary s;
  auto records = read_all("bad.csv", s);
  EXPECT_FALSE(s.unusable);
  EXPECT_EQ(s.rows, 7);
  ASSERT_EQ(s.records, 2);
  ASSERT_EQ(s.errors.size(), 5u);
  std::vector<std::pair<int, MsgId>> got;
  for (const Error& e : s.errors) got.emplace_back(e.where.line, e.message.id);
  std::vector<std::pair<int, MsgId>> want = {{3, MsgId::metrics_csv_no_zone},
                                             {4, MsgId::metrics_csv_bad_word},
                                             {6, MsgId::metrics_csv_before_offered},
                                             {7, MsgId::metrics_csv_hold_too_long},
                                             {8, MsgId::csv_row_width}};
  EXPECT_EQ(got, want);
  EXPECT_EQ(s.skipped_total(), 5);
  // The quoted call id spans two lines; "Z" is UTC.
  EXPECT_EQ(records[1].call_id, "b7\nx");
  EXPECT_EQ(records[1].source_line, 9);
  EXPECT_EQ(records[1].utc_offset, seconds{0});
  EXPECT_EQ(records[1].wait.count(), 4);
}

// Durations above 24 h (metrics::k_max_plausible_duration) are skipped with a reason: an end
// in 2099 would otherwise give an AHT of about 2.3e9 s.
TEST(CallCsv, ImplausibleDurationsAreSkipped) {
  std::string text =
      "call_id,offered,answered,ended,outcome,wrap_seconds\n"
      "ok,2026-03-02T08:00:00Z,2026-03-02T08:00:10Z,2026-03-03T08:00:10Z,answered,86400\n"
      "end,2026-03-02T08:00:00Z,2026-03-02T08:00:10Z,2099-03-02T08:00:10Z,answered,\n"
      "wait,2026-03-02T08:00:00Z,2026-03-03T08:00:01Z,,answered,\n"
      "hang,2026-03-02T08:00:00Z,,2026-03-04T08:00:00Z,abandoned,\n"
      "wrap,2026-03-02T08:00:00Z,2026-03-02T08:00:10Z,,answered,86401\n";
  std::vector<int> lines;
  ReadSummary s = parse_call_records(text, CallFormat::csv, "x.csv",
                                     [&](const CallRecord& r) { lines.push_back(r.source_line); });
  EXPECT_EQ(lines, std::vector<int>{2});  // exactly 24 h of talk and of wrap-up are accepted
  EXPECT_EQ(s.skipped.at(MsgId::metrics_csv_implausible), 4);
  ASSERT_EQ(s.errors.size(), 4u);
  EXPECT_EQ(s.errors[0].where.line, 3);
}

TEST(CallCsv, HeaderProblemsRejectTheFile) {
  auto first_error = [](std::string_view text) {
    ReadSummary s = parse_call_records(text, CallFormat::csv, "x.csv", [](const CallRecord&) {});
    EXPECT_TRUE(s.unusable);
    return s.errors.empty() ? MsgId::count_ : s.errors[0].message.id;
  };
  EXPECT_EQ(first_error("call_id,offered,outcome,colour\n"), MsgId::csv_unknown_column);
  EXPECT_EQ(first_error("call_id,offered\n"), MsgId::metrics_missing_column);
  EXPECT_EQ(first_error("call_id,offered,outcome,offered\n"), MsgId::metrics_duplicate_column);
  EXPECT_EQ(first_error(""), MsgId::metrics_empty_file);
}

TEST(CallCsv, MissingFileIsNotFound) {
  ReadSummary s =
      read_call_records("/nonexistent/calls.csv", CallFormat::csv, [](const CallRecord&) {});
  EXPECT_TRUE(s.unusable);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace ccteam::io
