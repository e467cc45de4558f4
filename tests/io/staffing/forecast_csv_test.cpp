#include "io/staffing/forecast_csv.hpp"

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/paths.hpp"

namespace ccteam::io {
namespace {

using staffing::Seconds;

std::string header = "interval_start,calls_offered,aht_seconds\n";

// The first error of parsing 'text', as "line:col id".
std::string one_error(const std::string& text) {
  auto parsed = parse_forecast_csv(text, "f.csv");
  if (parsed) return "parsed";
  const Error& e = parsed.error().front();
  EXPECT_EQ(e.where.file, "f.csv");
  return std::to_string(e.where.line) + ":" + std::to_string(e.where.column) + " " +
         std::string(msg_name(e.message.id));
}

TEST(ForecastCsv, ReadsTheSmallExample) {
  auto f = read_forecast_csv(test::data_path("forecasts/small-30min.csv").string());
  ASSERT_TRUE(f);
  EXPECT_EQ(f->interval, Seconds{1800});
  ASSERT_EQ(f->intervals.size(), 4u);
  EXPECT_EQ(format_local_time(f->intervals[0].start), "2026-03-02T08:00:00");
  EXPECT_EQ(format_local_time(f->intervals[3].start), "2026-03-02T09:30:00");
  EXPECT_EQ(f->intervals[1].calls_offered, 150);
  EXPECT_EQ(f->intervals[3].calls_offered, 42.5);
  EXPECT_EQ(f->intervals[3].handle_time, Seconds{240});
  EXPECT_EQ(f->intervals[3].source_line, 5);
}

// Call records chosen as a forecast by mistake: the three columns a forecast needs, each once,
// and nothing about the 18 columns it does not know (not one error per column of the other
// file).
TEST(ForecastCsv, AnotherFileGetsTheColumnsAForecastNeeds) {
  auto parsed = read_forecast_csv(test::data_path("calls/small.csv").string());
  ASSERT_FALSE(parsed);
  std::vector<std::string> ids;
  for (const Error& e : parsed.error()) ids.emplace_back(msg_name(e.message.id));
  EXPECT_EQ(ids, (std::vector<std::string>{"forecast_missing_column", "forecast_missing_column",
                                           "forecast_missing_column"}));
  EXPECT_NE(render(parsed.error()[1].message, Lang::de).find("calls_offered"), std::string::npos);
  // One known column besides strangers: the strangers are named (a typo is then likely).
  auto typo = parse_forecast_csv("interval_start,calls,aht_seconds\n", "f.csv");
  ASSERT_FALSE(typo);
  EXPECT_EQ(typo.error().front().message.id, MsgId::forecast_unknown_column);
}

TEST(ForecastCsv, ColumnsInAnyOrderQuotesAndCrlf) {
  auto f = read_forecast_csv(test::data_path("forecasts/reordered-15min-crlf.csv").string());
  ASSERT_TRUE(f);
  EXPECT_EQ(f->interval, Seconds{900});
  ASSERT_EQ(f->intervals.size(), 2u);
  EXPECT_EQ(f->intervals[0].calls_offered, 60);
  EXPECT_EQ(f->intervals[1].handle_time, Seconds{300});
  EXPECT_EQ(format_local_time(f->intervals[1].start), "2026-03-02T08:15:00");
}

TEST(ForecastCsv, AnAgentsColumnGivesTheAgentsOnDuty) {
  auto f = parse_forecast_csv(
      "agents,interval_start,calls_offered,aht_seconds\n"
      "11,2026-03-02T08:00,100,180\n 0 ,2026-03-02T08:30,0,180\n",
      "f.csv");
  ASSERT_TRUE(f);
  ASSERT_EQ(f->intervals.size(), 2u);
  EXPECT_EQ(f->intervals[0].agents, 11);
  EXPECT_EQ(f->intervals[1].agents, 0);
  auto without = parse_forecast_csv(header + "2026-03-02T08:00,10,200\n", "f.csv", Seconds{1800});
  ASSERT_TRUE(without);
  EXPECT_FALSE(without->intervals[0].agents);
}

TEST(ForecastCsv, AgentsAreAWholeNumberInRangeInEveryRow) {
  std::string with_agents = "interval_start,calls_offered,aht_seconds,agents\n";
  std::string row = "2026-03-02T08:00,10,200,";
  EXPECT_EQ(one_error(with_agents + row + "\n"), "2:25 forecast_missing_value");
  EXPECT_EQ(one_error(with_agents + row + "-1\n"), "2:25 forecast_bad_agents");
  EXPECT_EQ(one_error(with_agents + row + "2.5\n"), "2:25 forecast_bad_agents");
  EXPECT_EQ(one_error(with_agents + row + "+3\n"), "2:25 forecast_bad_agents");
  EXPECT_EQ(one_error(with_agents + row + "many\n"), "2:25 forecast_bad_agents");
  EXPECT_EQ(one_error(with_agents + row + "100001\n"), "2:25 forecast_bad_agents");
  EXPECT_EQ(one_error(with_agents + row + "99999999999\n"), "2:25 forecast_bad_agents");
  EXPECT_EQ(one_error("interval_start,calls_offered,aht_seconds,agents,agents\n"),
            "1:49 forecast_unknown_column");
}

TEST(ForecastCsv, OneRowNeedsTheIntervalLength) {
  std::string text = header + "2026-03-02T08:00,10,200\n";
  EXPECT_EQ(one_error(text), "2:1 forecast_interval_unknown");
  auto f = parse_forecast_csv(text, "f.csv", Seconds{3600});
  ASSERT_TRUE(f);
  EXPECT_EQ(f->interval, Seconds{3600});
}

TEST(ForecastCsv, AGivenIntervalThatDisagreesIsOneError) {
  // Rows 30 minutes apart read with a 15-minute interval: one error at the second row (line 3),
  // not a gap on every row.
  std::string text =
      header + "2026-03-02T08:00,10,200\n2026-03-02T08:30,10,200\n2026-03-02T09:00,10,200\n";
  auto f = parse_forecast_csv(text, "f.csv", Seconds{900});
  ASSERT_FALSE(f);
  ASSERT_EQ(f.error().size(), 1u);
  EXPECT_EQ(f.error()[0].message.id, MsgId::forecast_interval_mismatch);
  EXPECT_EQ(f.error()[0].where.line, 3);
  EXPECT_TRUE(parse_forecast_csv(text, "f.csv", Seconds{1800}));
}

TEST(ForecastCsv, NamesRowAndColumnOfEachDefect) {
  EXPECT_EQ(one_error(""), "1:1 forecast_empty");
  EXPECT_EQ(one_error(header), "1:1 forecast_empty");
  // A misspelt column: it is unknown, and the real one is missing (two errors).
  EXPECT_EQ(one_error("interval_start,calls,aht_seconds\n"), "1:16 forecast_unknown_column");
  EXPECT_EQ(parse_forecast_csv("interval_start,calls,aht_seconds\n", "f.csv").error().size(), 2u);
  EXPECT_EQ(one_error("interval_start,aht_seconds\n"), "1:1 forecast_missing_column");
  EXPECT_EQ(one_error(header + "2026-03-02T08:00,10\n"), "2:1 forecast_field_count");
  EXPECT_EQ(one_error(header + "2026-03-02T08:00,\"10,200\n"), "2:18 forecast_bad_quote");
  EXPECT_EQ(one_error(header + "2026-03-02T08:00,,200\n"), "2:18 forecast_missing_value");
  EXPECT_EQ(one_error(header + "2026-03-02T08:00,ten,200\n"), "2:18 forecast_bad_number");
  EXPECT_EQ(one_error(header + "2026-03-02T08:00,-1,200\n"), "2:18 forecast_negative");
  EXPECT_EQ(one_error(header + "2026-03-02T08:00,1,0\n"), "2:20 forecast_zero_aht");
  EXPECT_EQ(one_error(header + "2026-02-30T08:00,1,200\n"), "2:1 forecast_bad_time");
  EXPECT_EQ(one_error(header + "08:00,1,200\n"), "2:1 forecast_bad_time");
  EXPECT_EQ(one_error(header + "2026-03-02T08:00,1,200\n2026-03-02T08:20,1,200\n"),
            "3:1 forecast_bad_interval");
  EXPECT_EQ(one_error(header +
                      "2026-03-02T08:00,1,200\n2026-03-02T08:30,1,200\n2026-03-02T09:30,1,200\n"),
            "4:1 forecast_gap");
  EXPECT_EQ(one_error(header +
                      "2026-03-02T08:00,1,200\n2026-03-02T08:30,1,200\n2026-03-02T08:30,1,200\n"),
            "4:1 forecast_repeated_start");
  EXPECT_EQ(one_error(header + "2026-03-02T08:00,1,200\n2026-03-02T08:00,1,200\n"),
            "3:1 forecast_repeated_start");
  EXPECT_EQ(one_error(header +
                      "2026-03-02T08:00,1,200\n2026-03-02T08:30,1,200\n2026-03-02T08:15,1,200\n"),
            "4:1 forecast_overlap");
  // Saved with German spreadsheet settings: one error with the separator, not three.
  auto semicolons = parse_forecast_csv(
      "interval_start;calls_offered;aht_seconds\n2026-03-02T08:00;1;200\n", "f.csv");
  ASSERT_FALSE(semicolons);
  ASSERT_EQ(semicolons.error().size(), 1u);
  EXPECT_EQ(msg_name(semicolons.error()[0].message.id), "forecast_separator");
  EXPECT_TRUE(semicolons.error()[0].hint);
}

TEST(ForecastCsv, ReportsEveryDefectAtOnce) {
  auto parsed = parse_forecast_csv(
      header + "2026-03-02T08:00,x,200\n2026-03-02T08:30,1,-5\n2026-03-02T09:00,1,200\n", "f.csv");
  ASSERT_FALSE(parsed);
  ASSERT_EQ(parsed.error().size(), 2u);
  EXPECT_EQ(parsed.error()[0].where.line, 2);
  EXPECT_EQ(parsed.error()[1].where.line, 3);
  EXPECT_EQ(render(parsed.error()[1].message, Lang::en), "column aht_seconds: -5 is negative");
}

TEST(ForecastCsv, ReadsTheRealBankForecasts) {
  auto dir = test::fixtures_dir() / "forecasts";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "fixtures absent: " << dir;
  for (const char* name :
       {"anonymous-bank-1999-02-01-30min.csv", "anonymous-bank-1999-02-08-30min.csv"}) {
    auto f = read_forecast_csv((dir / name).string());
    ASSERT_TRUE(f) << name << ": " << render(f.error().front(), Lang::en);
    EXPECT_EQ(f->interval, Seconds{1800});
    EXPECT_EQ(f->intervals.size(), 48u);  // one whole day
  }
  auto feb1 = *read_forecast_csv((dir / "anonymous-bank-1999-02-01-30min.csv").string());
  // Row 18 of the file: 1999-02-01T08:30:00,75,123.
  EXPECT_EQ(format_local_time(feb1.intervals[17].start), "1999-02-01T08:30:00");
  EXPECT_EQ(feb1.intervals[17].calls_offered, 75);
  EXPECT_EQ(feb1.intervals[17].handle_time, Seconds{123});
}

// Since the one CSV reader (io/base/csv_splitter): a quoted field may span lines, a lone CR
// ends a line, and stray quotes are errors of their row with the splitter's words.
TEST(ForecastCsv, SplitAsRfc4180) {
  std::string two_rows = "2026-03-02T08:00,1,200\r2026-03-02T08:30,1,200\r";
  auto cr = parse_forecast_csv("interval_start,calls_offered,aht_seconds\r" + two_rows, "f.csv");
  ASSERT_TRUE(cr);
  EXPECT_EQ(cr->intervals[1].source_line, 3);
  EXPECT_EQ(one_error(header + "2026-03-02T08:00,1\"0,200\n"), "2:19 csv_stray_quote");
  EXPECT_EQ(one_error(header + "2026-03-02T08:00,\"10\"5,200\n"), "2:22 csv_text_after_quote");
  // A quoted value over two lines is one field (and here not a number).
  EXPECT_EQ(one_error(header + "2026-03-02T08:00,\"1\n0\",200\n"), "2:18 forecast_bad_number");
}

}  // namespace
}  // namespace ccteam::io
