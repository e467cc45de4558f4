#include "ccteam/staffing/forecast.hpp"

namespace ccteam::staffing {

Result<Forecast> pool_forecasts(const std::vector<Forecast>& forecasts) {
  if (forecasts.empty()) return Forecast{};
  Forecast pooled = forecasts.front();
  for (std::size_t f = 1; f < forecasts.size(); ++f) {
    const Forecast& other = forecasts[f];
    bool same_shape =
        other.interval == pooled.interval && other.intervals.size() == pooled.intervals.size();
    for (std::size_t i = 0; i < pooled.intervals.size(); ++i) {
      if (!same_shape || other.intervals[i].start != pooled.intervals[i].start) {
        std::size_t row = same_shape ? i + 1 : std::min(i, other.intervals.size()) + 1;
        return fail(ErrorKind::invalid_input, msg(MsgId::forecast_pool_mismatch, f + 1, row));
      }
      ForecastInterval& p = pooled.intervals[i];
      const ForecastInterval& o = other.intervals[i];
      if (p.agents.has_value() != o.agents.has_value()) {
        return fail(ErrorKind::invalid_input, msg(MsgId::forecast_pool_agents, f + 1, i + 1));
      }
      if (p.agents) p.agents = *p.agents + *o.agents;
      double calls = p.calls_offered + o.calls_offered;
      double aht = calls > 0
                       ? (p.calls_offered * p.handle_time.count() +
                          o.calls_offered * o.handle_time.count()) /
                             calls
                       : (p.handle_time.count() * static_cast<double>(f) + o.handle_time.count()) /
                             static_cast<double>(f + 1);
      p.calls_offered = calls;
      p.handle_time = Seconds{aht};
    }
  }
  return pooled;
}

}  // namespace ccteam::staffing
