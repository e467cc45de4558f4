#include "ccteam/staffing/profile.hpp"

#include <cmath>

namespace ccteam::staffing {

namespace {

// The field at 'pointer' (a JSON pointer into DailyProfile) is out of range.
tl::unexpected<Error> bad(std::string pointer, double value) {
  return tl::unexpected(Error::invalid_input(msg(MsgId::staffing_bad_option, pointer, value),
                                             SourcePos{{}, 0, 0, pointer}));
}

}  // namespace

double default_intraday_weight(double hours) {
  auto bump = [hours](double centre) {
    double z = (hours - centre) / 1.75;
    return std::exp(-z * z);
  };
  return 1 + 0.8 * bump(10.5) + 0.5 * bump(15.0);
}

Result<Forecast> forecast_from_profile(const DailyProfile& p) {
  if (!std::isfinite(p.calls_per_day) || p.calls_per_day < 0) {
    return bad("/calls_per_day", p.calls_per_day);
  }
  double aht = p.handle_time.count();
  if (!std::isfinite(aht) || aht <= 0) return bad("/handle_time", aht);
  double step = p.interval.count();
  if (step != 900 && step != 1800 && step != 3600) return bad("/interval", step / 60);
  const auto open = p.open.count(), close = p.close.count();
  const auto step_min = static_cast<long>(step / 60);
  if (open < 0 || close > 24 * 60 || open >= close) return bad("/open", static_cast<double>(open));
  if (open % step_min != 0) return bad("/open", static_cast<double>(open));
  if (close % step_min != 0) return bad("/close", static_cast<double>(close));
  const auto count = static_cast<std::size_t>((close - open) / step_min);
  std::vector<double> w = p.weights;
  if (w.empty()) {
    for (std::size_t i = 0; i < count; ++i) {
      double mid_minutes = static_cast<double>(open) +
                           (static_cast<double>(i) + 0.5) * static_cast<double>(step_min);
      w.push_back(default_intraday_weight(mid_minutes / 60));
    }
  }
  if (w.size() != count) return bad("/weights", static_cast<double>(w.size()));
  double sum = 0;
  for (double x : w) {
    if (!std::isfinite(x) || x < 0) return bad("/weights", x);
    sum += x;
  }
  if (sum <= 0) return bad("/weights", sum);
  Forecast f;
  f.interval = p.interval;
  for (std::size_t i = 0; i < count; ++i) {
    LocalTime start{std::chrono::local_seconds{p.day} +
                    std::chrono::minutes{open + static_cast<long>(i) * step_min}};
    f.intervals.push_back({start, p.calls_per_day * w[i] / sum, p.handle_time, 0, {}});
  }
  return f;
}

}  // namespace ccteam::staffing
