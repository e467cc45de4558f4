// The real month (../shared/fixtures/calls/anonymous-bank-1999-02.tsv, February 1999 of the
// Technion "Anonymous Bank" call center) read by io/metrics/anonymous_bank_tsv and summed by
// metrics/metrics and metrics/calibrate, against an independent calculation written here (a
// plain std::getline and tab split, with the same documented counting rules:
// docs/call-records-format.md) and against what Brown et al. (2005), "Statistical Analysis of a
// Telephone Call Center: A Queueing-Science Perspective", JASA 100:36-50, describe for this
// call center. Skips when the fixture is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <sstream>

#include "ccteam/metrics/calibrate.hpp"
#include "ccteam/metrics/metrics.hpp"
#include "io/metrics/call_records.hpp"
#include "support/paths.hpp"

namespace ccteam::metrics {
namespace {

std::filesystem::path month_file() {
  return test::fixtures_dir() / "calls" / "anonymous-bank-1999-02.tsv";
}

// The independent calculation: one pass with std::getline, fields by tab.
struct Independent {
  long rows = 0, agent = 0, hang = 0, phantom = 0, hang_in_vru = 0;
  long served_with_time = 0;
  double service_sum = 0, service_sum2 = 0;
  double wait_answered = 0;
  long within_20 = 0;
  std::array<long, 24> offered_by_hour{};  // Sunday to Thursday, by hour of the offer
};

double d(long v) { return static_cast<double>(v); }

int seconds_of(const std::string& hms) {
  std::size_t a = hms.find(':');
  return std::stoi(hms.substr(0, a)) * 3600 + std::stoi(hms.substr(a + 1, 2)) * 60 +
         std::stoi(hms.substr(a + 4, 2));
}

Independent independent(const std::filesystem::path& path) {
  Independent x;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) f.push_back(field);
    if (f.size() != 17) continue;
    ++x.rows;
    const std::string& outcome = f[12];
    bool queued = f[9] != "0:00:00";
    if (outcome == "PHANTOM") {
      ++x.phantom;
      continue;
    }
    if (outcome == "HANG" && !queued) {
      ++x.hang_in_vru;
      continue;
    }
    if (outcome == "AGENT") {
      ++x.agent;
      x.wait_answered += std::stod(f[11]);
      if (std::stod(f[11]) <= 20) ++x.within_20;
      if (f[13] != "0:00:00") {
        double s = std::stod(f[15]);
        ++x.served_with_time;
        x.service_sum += s;
        x.service_sum2 += s * s;
      }
    } else {
      ++x.hang;
    }
    // 1999-02-01 was a Monday; the bank's week runs Sunday to Thursday (Friday and Saturday
    // are the Israeli weekend).
    int day = std::stoi(f[5].substr(4, 2));
    int offered = seconds_of(queued ? f[9] : f[7]);
    if (offered < seconds_of(f[6])) ++day;  // queued after midnight: the next day
    int weekday = day % 7;                  // 0 = Sunday
    if (weekday <= 4) ++x.offered_by_hour[static_cast<std::size_t>(offered / 3600)];
  }
  return x;
}

class AnonymousBankMonth : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(month_file()))
      GTEST_SKIP() << "fixture absent: " << month_file() << " (real call records not available)";
  }
};

TEST_F(AnonymousBankMonth, VolumesOutcomesAndServiceTimesMatchAnIndependentCount) {
  Independent x = independent(month_file());
  MetricsOptions o;
  o.interval = k_day;
  o.min_group = 1;
  MetricsBuilder builder(o);
  Calibrator calibrator(CalibrationOptions{});
  io::ReadSummary s = io::read_call_records(month_file().string(), io::CallFormat::anonymous_bank,
                                            [&](const CallRecord& r) {
                                              builder.add(r);
                                              calibrator.add(r);
                                            });
  MetricsReport r = builder.finish();
  Calibration c = calibrator.finish();

  EXPECT_TRUE(s.errors.empty()) << render(s.errors.front(), Lang::en);
  EXPECT_EQ(s.rows, 33'344);  // calls/SOURCES.md: 33,344 calls
  EXPECT_EQ(s.rows, x.rows);
  EXPECT_EQ(s.skipped.at(MsgId::metrics_skip_phantom), x.phantom);
  EXPECT_EQ(s.skipped.at(MsgId::metrics_skip_vru_only), x.hang_in_vru);
  const Figures& f = r.total.figures;
  EXPECT_EQ(f.offered, x.agent + x.hang);
  EXPECT_EQ(f.answered, x.agent);
  EXPECT_EQ(f.abandoned, x.hang);
  EXPECT_DOUBLE_EQ(*f.abandon_share, d(x.hang) / d(x.agent + x.hang));
  EXPECT_NEAR(f.asa->count(), x.wait_answered / d(x.agent), 1e-9);
  EXPECT_NEAR(*f.service_level, d(x.within_20) / d(x.agent + x.hang), 1e-12);
  // Service times (talk only: the data has no hold or after-call work).
  double mean = x.service_sum / d(x.served_with_time);
  EXPECT_NEAR(f.aht->count(), mean, 1e-9);
  EXPECT_EQ(c.handle_time.calls, x.served_with_time);
  EXPECT_NEAR(c.handle_time.all_mean.count(), mean, 1e-9);
  EXPECT_NEAR(c.handle_time.all_sd.count(),
              std::sqrt(x.service_sum2 / d(x.served_with_time) - mean * mean), 1e-6);
  // 28 days in the month.
  EXPECT_EQ(r.rows.size(), 28u);
}

// Brown et al. 2005, section 4 (arrivals): on weekdays the arrival rate climbs steeply in the
// morning to a peak around 10:00, dips over lunch and recovers in the early afternoon, then
// falls off in the evening; the night is nearly empty.
TEST_F(AnonymousBankMonth, ArrivalProfileOverTheDayHasTheShapeBrownEtAlDescribe) {
  Independent x = independent(month_file());
  Calibrator calibrator(CalibrationOptions{std::chrono::minutes{60}, Seconds{10}, Seconds{20}});
  io::read_call_records(month_file().string(), io::CallFormat::anonymous_bank,
                        [&](const CallRecord& r) { calibrator.add(r); });
  Calibration c = calibrator.finish();
  std::array<double, 24> hourly{};
  for (unsigned wd = 0; wd <= 4; ++wd)  // Sunday to Thursday
    for (std::size_t h = 0; h < 24; ++h) hourly[h] += c.weekdays[wd].calls[h] * c.weekdays[wd].days;
  for (std::size_t h = 0; h < 24; ++h) EXPECT_DOUBLE_EQ(hourly[h], d(x.offered_by_hour[h])) << h;
  auto peak = static_cast<std::size_t>(std::max_element(hourly.begin(), hourly.begin() + 12) -
                                       hourly.begin());
  EXPECT_TRUE(peak == 10 || peak == 11) << peak;
  EXPECT_LT(hourly[12], hourly[peak]);         // lunch dip
  EXPECT_GT(hourly[13], hourly[12]);           // afternoon recovery
  EXPECT_LT(hourly[21], 0.75 * hourly[peak]);  // the evening falls off
  double night = 0, all = 0;
  for (std::size_t h = 0; h < 24; ++h) {
    all += hourly[h];
    if (h < 6) night += hourly[h];
  }
  EXPECT_LT(night / all, 0.02);
}

// Brown et al. 2005, section 6 (service times): apart from an excess of very short calls
// (under 10 s), service times are close to lognormal. Checks: the Kolmogorov-Smirnov distance
// of the fit is small, and short calls are far more frequent than the fitted lognormal allows.
TEST_F(AnonymousBankMonth, ServiceTimesAreNearLognormalApartFromShortCalls) {
  Calibrator calibrator(CalibrationOptions{});
  io::read_call_records(month_file().string(), io::CallFormat::anonymous_bank,
                        [&](const CallRecord& r) { calibrator.add(r); });
  HandleTimeFit f = calibrator.finish().handle_time;
  EXPECT_LT(f.ks_distance, 0.05) << "mu " << f.mu << " sigma " << f.sigma;
  double fitted_below_10 = 0.5 * std::erfc(-(std::log(10.0) - f.mu) / f.sigma / std::sqrt(2.0));
  EXPECT_GT(f.short_share, 2 * fitted_below_10)
      << "short share " << f.short_share << " vs lognormal " << fitted_below_10;
}

// Abandonment: the share of callers who hang up before an agent answers is the independent
// count's; the patience estimates behave as Brown et al. (section 5) describe: the exponential
// estimate (total wait / abandons) is several times the mean wait, and at least half of the
// callers would still be waiting after a minute (Kaplan-Meier).
TEST_F(AnonymousBankMonth, AbandonmentAndPatience) {
  Independent x = independent(month_file());
  Calibrator calibrator(CalibrationOptions{});
  io::read_call_records(month_file().string(), io::CallFormat::anonymous_bank,
                        [&](const CallRecord& r) { calibrator.add(r); });
  PatienceEstimate p = calibrator.finish().patience;
  EXPECT_EQ(p.abandoned, x.hang);
  EXPECT_EQ(p.answered, x.agent);
  double mean_wait = p.total_wait.count() / d(p.abandoned + p.answered);
  EXPECT_GT(p.exponential_mean->count(), 3 * mean_wait);
  auto at_60 = std::find_if(p.kaplan_meier.begin(), p.kaplan_meier.end(),
                            [](const SurvivalPoint& s) { return s.time.count() > 60; });
  ASSERT_NE(at_60, p.kaplan_meier.begin());
  EXPECT_GT(std::prev(at_60)->survival, 0.5);
}

}  // namespace
}  // namespace ccteam::metrics
