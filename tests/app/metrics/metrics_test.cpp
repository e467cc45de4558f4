// Use cases of metrics and calibration (src/app/metrics/), called directly (no binary). The
// figures of tests/data/calls/small.csv are worked out by hand in
// tests/ccteam/metrics/metrics_test.cpp (local time +01:00; 2026-03-02 is a Monday, six records
// on it and two on 2026-03-03).
#include "app/metrics/metrics.hpp"
#include "app/metrics/calibrate.hpp"

#include <gtest/gtest.h>

#include "support/paths.hpp"

namespace ccteam::app {
namespace {

using namespace std::chrono;

Environment on(unsigned d) { return Environment{Date{year{2026}, month{3}, day{d}}, {}, {}}; }

MetricsRequest small_calls() {
  MetricsRequest r;
  r.calls.file = test::data_path("calls/small.csv").string();
  r.options.min_group = 1;
  r.options.pseudonym_key = "test";
  return r;
}

metrics::LocalTime midnight(unsigned d) {
  return metrics::LocalTime{local_days{year{2026} / 3 / day{d}}.time_since_epoch()};
}

TEST(MetricsUseCase, TotalsOfTheSmallFile) {
  auto run = compute_metrics(small_calls(), on(5));
  ASSERT_TRUE(run.has_value());
  EXPECT_FALSE(run->stopped);
  EXPECT_EQ(run->calls.records, 8);
  const metrics::Figures& f = run->report.total.figures;
  EXPECT_EQ(f.offered, 7);  // every inbound call
  // Handled with talk known: c1 c2 c4 c6 c7 c8; talk 1530 + hold 90 + wrap 125 = 1745 s.
  ASSERT_TRUE(f.aht.has_value());
  EXPECT_DOUBLE_EQ(f.aht->count(), 1745.0 / 6);
  EXPECT_FALSE(nothing_counted(*run, small_calls()).has_value());
}

TEST(MetricsUseCase, RetentionCountsBackFromTodayOfTheEnvironment) {
  MetricsRequest r = small_calls();
  r.retention_days = 1;
  // Today 2026-03-04: the cutoff is 2026-03-03 00:00; the six calls of 2 March are beyond it.
  auto options = metrics_options(r, on(4));
  ASSERT_TRUE(options.has_value());
  EXPECT_EQ(options->retention_cutoff, midnight(3));
  auto run = compute_metrics(r, on(4));
  ASSERT_TRUE(run.has_value());
  EXPECT_EQ(run->report.beyond_retention, 6);
  EXPECT_EQ(run->report.records, 2);
  // --as-of replaces today.
  r.as_of = Date{year{2026}, month{3}, day{10}};
  EXPECT_EQ(metrics_options(r, on(4))->retention_cutoff, midnight(9));
  // A day later than every call: nothing counted, and the use case says why.
  r.as_of.reset();
  r.retention_days = 0;
  auto none = compute_metrics(r, on(20));
  ASSERT_TRUE(none.has_value());
  auto empty = nothing_counted(*none, r);
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(empty->message.id, MsgId::metrics_no_records_why);
  EXPECT_EQ(empty->where.file, r.calls.file);
}

TEST(MetricsUseCase, RequestErrors) {
  MetricsRequest r = small_calls();
  r.retention_days = -3;
  auto negative = metrics_options(r, on(4));
  ASSERT_FALSE(negative.has_value());
  EXPECT_EQ(negative.error().message.id, MsgId::metrics_bad_argument);
  EXPECT_EQ(render(negative.error().message, Lang::en), "/retention_days: cannot use '-3'");
  EXPECT_EQ(negative.error().where.json_pointer, "/retention_days");
  r = small_calls();
  r.schedule = test::data_path("states/schedule.csv").string();
  EXPECT_EQ(metrics_options(r, on(4)).error().message.id, MsgId::metrics_schedule_needs_states);
  r = small_calls();
  r.options.pseudonym_key.clear();
  EXPECT_EQ(metrics_options(r, on(4))->pseudonym_key.size(), 32u);  // a random key
}

TEST(MetricsUseCase, AnUnusableFileStopsTheRun) {
  MetricsRequest r = small_calls();
  r.calls.file = test::data_path("calls/does-not-exist.csv").string();
  auto run = compute_metrics(r, on(4));
  ASSERT_TRUE(run.has_value());
  EXPECT_TRUE(run->stopped);
  EXPECT_TRUE(run->calls.unusable);
  EXPECT_FALSE(run->calls.errors.empty());
}

TEST(CalibrateUseCase, FilesPerWeekdayWithCalls) {
  CalibrationRequest r;
  r.calls.file = test::data_path("calls/small.csv").string();
  auto run = calibrate(r);
  ASSERT_TRUE(run.has_value());
  EXPECT_FALSE(run->calls.unusable);
  EXPECT_FALSE(too_few_calls(*run, r).has_value());
  auto files = calibration_files(run->calibration, "small.csv", Lang::de);
  std::vector<std::string> names;
  for (const auto& [name, content] : files) names.push_back(name);
  // Inbound calls on Monday 2 and Tuesday 3 March.
  EXPECT_EQ(names, (std::vector<std::string>{"forecast.csv", "scenario-mon.yaml",
                                             "scenario-tue.yaml", "calibration.json"}));
  EXPECT_EQ(files.front().second.rfind("interval_start,calls_offered,aht_seconds\n", 0), 0u);
  // The scenario's name, which `simulate` prints, in the reader's language: the
  // records hold one Monday.
  EXPECT_NE(files[1].second.find("name: \"small.csv (Montag; gemittelte Tage: 1)\"\n"),
            std::string::npos)
      << files[1].second;
}

TEST(CalibrateUseCase, IntervalMustDivideTheHour) {
  CalibrationRequest r;
  r.calls.file = test::data_path("calls/small.csv").string();
  r.options.interval = minutes{20};
  auto run = calibrate(r);
  ASSERT_FALSE(run.has_value());
  EXPECT_EQ(run.error().message.id, MsgId::metrics_interval_choices);
  EXPECT_EQ(run.error().where.json_pointer, "/options/interval");
}

}  // namespace
}  // namespace ccteam::app
