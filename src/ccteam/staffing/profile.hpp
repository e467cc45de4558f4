#pragma once
// A forecast from a daily profile: "1,200 calls a day, open 08:00-20:00", spread over the
// opening hours by an intraday curve.
//
// The default curve is our own, a smooth two-peak day typical of inbound service lines: a base
// level plus a morning peak around 10:30 and a smaller afternoon peak around 15:00,
//   w(h) = 1 + 0.8 exp(-((h - 10.5) / 1.75)^2) + 0.5 exp(-((h - 15) / 1.75)^2),
// h = the interval's mid-point in hours after midnight. Each interval gets
// calls_per_day x w(h) / sum of w over the open intervals. Calibrate it from call records when
// you have them (ccteam metrics) and pass the weights instead.

#include <chrono>
#include <optional>
#include <vector>

#include "ccteam/core/error.hpp"
#include "ccteam/staffing/forecast.hpp"

namespace ccteam::staffing {

struct DailyProfile {
  double calls_per_day = 0;             // >= 0
  std::chrono::minutes open{8 * 60};    // opening time after midnight
  std::chrono::minutes close{20 * 60};  // closing time; open < close <= 24:00
  Seconds handle_time{180};             // AHT, > 0
  Seconds interval{1800};               // 900, 1800 or 3600 s; open and close on its grid
  std::chrono::local_days day{};        // the date written on the intervals
  std::vector<double> weights;          // one per open interval, >= 0; empty: the default curve
};

// The default curve's weight at 'hours' after midnight (formula above).
double default_intraday_weight(double hours);

// The forecast of the profile: one interval per 'interval' from open to close. Fails with
// MsgId::staffing_bad_option naming the field when a value is out of range, the hours are not on
// the interval grid, or 'weights' has the wrong length or sums to 0.
Result<Forecast> forecast_from_profile(const DailyProfile& profile);

}  // namespace ccteam::staffing
