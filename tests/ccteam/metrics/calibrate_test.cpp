// Calibration (src/ccteam/metrics/calibrate.cpp) on seven hand-made records; every expected
// value is worked out by hand in the comments. The forecast it writes is read back with the
// planner's own reader (io/staffing/forecast_csv).
#include "ccteam/metrics/calibrate.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "io/metrics/calibration_writers.hpp"
#include "io/staffing/forecast_csv.hpp"

namespace ccteam::metrics {
namespace {

using namespace std::chrono;

CallRecord call(unsigned date, int hh, int mm, double wait, std::optional<double> talk,
                std::string agent) {
  CallRecord r;
  r.offered = sys_seconds{sys_days{year{2026} / 3 / day{date}}.time_since_epoch() + hours{hh} +
                          minutes{mm}};
  r.wait = Seconds{wait};
  r.outcome = talk ? Outcome::answered : Outcome::abandoned;
  if (talk) r.talk = Seconds{*talk};
  r.agent = std::move(agent);
  return r;
}

// Mondays 2 and 9 March 2026, Tuesday 3 March; UTC offset 0.
//   r1 Mon 2  08:29 wait 0 talk 80 ag1 (busy 08:29:00-08:30:20: slots 08:00 and 08:30)
//   r2 Mon 2  08:05 wait 3 talk 10 ag2
//   r3 Mon 9  08:10 wait 5 talk 20 ag1
//   r4 Mon 9  08:20 abandoned after 2 s
//   r5 Tue 3  12:00 abandoned after 5 s
//   r6 Tue 3  12:10 wait 8 talk 40 ag2
//   r7 Tue 3  13:00 wait 0 talk 3 ag2 (a short call)
Calibration calibrate() {
  Calibrator c(CalibrationOptions{});
  c.add(call(2, 8, 29, 0, 80, "ag1"));
  c.add(call(2, 8, 5, 3, 10, "ag2"));
  c.add(call(9, 8, 10, 5, 20, "ag1"));
  c.add(call(9, 8, 20, 2, std::nullopt, ""));
  c.add(call(3, 12, 0, 5, std::nullopt, ""));
  c.add(call(3, 12, 10, 8, 40, "ag2"));
  c.add(call(3, 13, 0, 0, 3, "ag2"));
  return c.finish();
}

constexpr unsigned k_mon = 1, k_tue = 2;

TEST(Calibrate, ArrivalProfileAndStaffingPerWeekday) {
  Calibration c = calibrate();
  EXPECT_EQ(c.weekdays[k_mon].days, 2);  // 2 and 9 March
  EXPECT_EQ(c.weekdays[k_tue].days, 1);
  EXPECT_EQ(c.weekdays[0].days, 1);  // Sunday 8 March
  // Monday 08:00-08:30: r1 r2 r3 r4 over two Mondays.
  EXPECT_DOUBLE_EQ(c.weekdays[k_mon].calls[16], 2.0);
  // Agents busy in it: 2 March ag1 and ag2, 9 March ag1 -> (2 + 1) / 2; 08:30: ag1 on 2 March.
  EXPECT_DOUBLE_EQ(c.weekdays[k_mon].agents[16], 1.5);
  EXPECT_DOUBLE_EQ(c.weekdays[k_mon].agents[17], 0.5);
  // Fewer than 5 handled calls in the cell: the Monday mean (80 + 10 + 20) / 3.
  EXPECT_DOUBLE_EQ(c.weekdays[k_mon].aht[16], 110.0 / 3);
  // Tuesday 12:00 has 1 handled call: the Tuesday mean (40 + 3) / 2. Sunday has none: the
  // mean of every handled call, 153 / 5.
  EXPECT_DOUBLE_EQ(c.weekdays[k_tue].aht[24], 21.5);
  EXPECT_DOUBLE_EQ(c.weekdays[0].aht[24], 153.0 / 5);
  // Monday service level: 3 of 4 offered answered within 20 s.
  EXPECT_DOUBLE_EQ(*c.weekdays[k_mon].service_level(), 0.75);
  // Abandoned share of Monday 08:00: r4 of r1-r4; 08:30 has no offered call (share 0, staff 0).
  EXPECT_DOUBLE_EQ(c.weekdays[k_mon].abandon_share[16], 0.25);
  EXPECT_EQ(c.weekdays[k_mon].staff[17], 0);
  // The fitted staff never exceeds the active agents rounded up (1.5 -> 2).
  EXPECT_GE(c.weekdays[k_mon].staff[16], 1);
  EXPECT_LE(c.weekdays[k_mon].staff[16], 2);
}

// fit_staff, worked by hand: with mean patience = AHT (theta = mu) every caller leaves at the
// same rate whether waiting or served, so the number in the system is Poisson(a) for any N
// (as in M/M/infinity) and P(abandon) = theta E[(K - N)+] / lambda = E[(K - N)+] / a.
// a = 120 calls x 30 s / 1800 s = 2 Erlangs, patience 30 s:
//   N = 1: (a - 1 + P0) / a = (1 + e^-2) / 2 = 0.5677
//   N = 2: (a - 2 + 2 P0 + P1) / a = 4 e^-2 / 2 = 0.2707
//   N = 3: (a - 3 + 3 P0 + 2 P1 + P2) / a = (9 e^-2 - 1) / 2 = 0.1090
//   N = 4: (a - 4 + 4 P0 + 3 P1 + 2 P2 + P3) / a = (46/3 e^-2 - 2) / 2 = 0.0376
TEST(Calibrate, FitStaffMatchesTheAbandonShareWithErlangA) {
  const Seconds interval{1800}, aht{30}, patience{30};
  EXPECT_EQ(fit_staff(120, interval, aht, patience, 0.57, 10), 1);
  EXPECT_EQ(fit_staff(120, interval, aht, patience, 0.25, 10), 2);  // |0.2707 - 0.25| smallest
  EXPECT_EQ(fit_staff(120, interval, aht, patience, 0.12, 10), 3);
  EXPECT_EQ(fit_staff(120, interval, aht, patience, 0.05, 10), 4);
  // Capped by the agents active in the interval (2.5 -> 3), and at least 1.
  EXPECT_EQ(fit_staff(120, interval, aht, patience, 0.05, 2.5), 3);
  EXPECT_EQ(fit_staff(120, interval, aht, patience, 0.0, 0.2), 1);
  // No abandons: the most staff the records allow; no calls: none.
  EXPECT_EQ(fit_staff(120, interval, aht, patience, 0.0, 6), 6);
  EXPECT_EQ(fit_staff(0, interval, aht, patience, 0.1, 6), 0);
}

TEST(Calibrate, LognormalFitWithShortCallsApart) {
  HandleTimeFit f = calibrate().handle_time;
  EXPECT_EQ(f.calls, 5);
  EXPECT_EQ(f.short_calls, 1);  // 3 s < 10 s
  EXPECT_DOUBLE_EQ(f.short_share, 0.2);
  EXPECT_DOUBLE_EQ(f.short_mean.count(), 3.0);
  // 10, 20, 40, 80: geometric mean 20 sqrt(2); ln deviations -1.5, -0.5, 0.5, 1.5 times ln 2.
  EXPECT_EQ(f.fitted, 4);
  EXPECT_NEAR(f.mu, std::log(20.0) + std::log(2.0) / 2, 1e-12);
  EXPECT_NEAR(f.sigma, std::log(2.0) * std::sqrt(1.25), 1e-12);
  EXPECT_NEAR(f.mean.count(), std::exp(f.mu + f.sigma * f.sigma / 2), 1e-9);
  EXPECT_DOUBLE_EQ(f.all_mean.count(), 153.0 / 5);
}

// Before, with --short-call 0 a call of 0 s entered the lognormal fit as ln 0 = -inf (written
// "mu: null"). It is kept apart whatever the threshold: 0, 10 and 1000 s with short_call 0 give
// one short call (mean 0) and a fit of ln 10 and ln 1000: mu = ln 100, sigma = ln 10.
TEST(Calibrate, ZeroSecondCallsStayOutOfTheLognormalFit) {
  CalibrationOptions o;
  o.short_call = Seconds{0};
  Calibrator c(o);
  c.add(call(2, 8, 0, 1, 0, "ag1"));
  c.add(call(2, 8, 10, 1, 10, "ag1"));
  c.add(call(2, 8, 20, 1, 1000, "ag1"));
  HandleTimeFit f = c.finish().handle_time;
  EXPECT_EQ(f.calls, 3);
  EXPECT_EQ(f.short_calls, 1);
  EXPECT_DOUBLE_EQ(f.short_mean.count(), 0.0);
  EXPECT_EQ(f.fitted, 2);
  EXPECT_NEAR(f.mu, std::log(100.0), 1e-12);
  EXPECT_NEAR(f.sigma, std::log(10.0), 1e-12);
  EXPECT_TRUE(std::isfinite(f.mean.count()));
}

// Kaplan & Meier (1958) by hand. Waits: abandoned 2, 5; answered (censored) 0, 0, 3, 5, 8.
// At 2: 5 at risk (the two censored at 0 have left), S = 4/5. At 5: 3 at risk, one event
// (censoring at the same time counts after it), S = 4/5 x 2/3 = 8/15. The median is not reached.
TEST(Calibrate, PatienceFromCensoredWaits) {
  PatienceEstimate p = calibrate().patience;
  EXPECT_EQ(p.abandoned, 2);
  EXPECT_EQ(p.answered, 5);
  ASSERT_EQ(p.kaplan_meier.size(), 2u);
  EXPECT_EQ(p.kaplan_meier[0].at_risk, 5);
  EXPECT_DOUBLE_EQ(p.kaplan_meier[0].survival, 0.8);
  EXPECT_EQ(p.kaplan_meier[1].at_risk, 3);
  EXPECT_DOUBLE_EQ(p.kaplan_meier[1].survival, 8.0 / 15);
  EXPECT_FALSE(p.km_median.has_value());
  // Exponential MLE: total wait 23 s / 2 abandons.
  EXPECT_DOUBLE_EQ(p.exponential_mean->count(), 11.5);
}

TEST(Calibrate, ForecastIsReadByThePlannersReader) {
  Calibration c = calibrate();
  std::string text = io::forecast_csv_text(c);
  auto forecast = io::parse_forecast_csv(text, "forecast.csv");
  ASSERT_TRUE(forecast) << render(forecast.error().front(), Lang::en);
  ASSERT_EQ(forecast->intervals.size(), 7u * 48);
  EXPECT_EQ(forecast->interval, staffing::Seconds{1800});
  // The week after the data starts on Monday 16 March; 08:00 is row 16.
  EXPECT_EQ(io::format_local_time(forecast->intervals[16].start), "2026-03-16T08:00:00");
  EXPECT_DOUBLE_EQ(forecast->intervals[16].calls_offered, 2.0);
  EXPECT_NEAR(forecast->intervals[16].handle_time.count(), 110.0 / 3, 1e-3);
  std::string scenario = io::scenario_yaml_text(c, k_mon, "test", Lang::en);
  EXPECT_NE(scenario.find("format: ccteam-scenario/1"), std::string::npos);
  EXPECT_NE(scenario.find("name: \"test (Monday; days averaged: "), std::string::npos) << scenario;
  EXPECT_NE(scenario.find("distribution: exponential, mean_seconds: 11.5"), std::string::npos)
      << scenario;
}

}  // namespace
}  // namespace ccteam::metrics
