#pragma once
// A call forecast: calls offered and AHT per interval of equal length, in time order without
// gaps or overlaps (io/staffing/forecast_csv checks that when reading one).

#include <chrono>
#include <optional>
#include <vector>

#include "ccteam/core/error.hpp"
#include "ccteam/staffing/erlang.hpp"

namespace ccteam::staffing {

// Local wall-clock time of the call center (no time zone is attached), to the second.
using LocalTime = std::chrono::local_seconds;

struct ForecastInterval {
  LocalTime start;
  double calls_offered = 0;   // calls expected in the interval, >= 0 (need not be whole)
  Seconds handle_time{0};     // AHT of those calls, > 0
  int source_line = 0;        // line in the file it came from; 0 when generated
  std::optional<int> agents;  // agents on duty, when given (0..k_max_agents): the plan then
                              // evaluates them instead of sizing the interval
};

struct Forecast {
  Seconds interval{1800};  // length of every interval: 900, 1800 or 3600 s
  std::vector<ForecastInterval> intervals;

  Workload workload(const ForecastInterval& i) const {
    return Workload{i.calls_offered, interval, i.handle_time};
  }
};

// Pools queues that share agents into one forecast before sizing (pooling needs fewer agents
// than sizing each queue alone; Gans, Koole & Mandelbaum 2003, section 4.1): per interval the
// calls add up and the AHT is the calls-weighted mean (the plain mean where no calls come);
// given agents add up (the pooled queues share them). All forecasts must have the same interval
// length and the same starts; otherwise fails with MsgId::forecast_pool_mismatch naming the
// forecast (1-based) and the first differing row.
Result<Forecast> pool_forecasts(const std::vector<Forecast>& forecasts);

}  // namespace ccteam::staffing
