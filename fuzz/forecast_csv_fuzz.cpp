// Fuzz target: the forecast reader must turn any byte string into a forecast or into errors
// with positions, never crash, hang or throw; the first intervals of a forecast it accepts are
// sized, which must not crash either.
#include <cstdint>
#include <string_view>

#include "ccteam/staffing/solve.hpp"
#include "io/staffing/forecast_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto forecast = ccteam::io::parse_forecast_csv(text, "fuzz.csv");
  if (!forecast) return 0;
  using namespace ccteam::staffing;
  Targets targets;
  targets.service_level = ServiceLevelTarget{0.8, Seconds{20}};
  std::size_t n = 0;
  for (const ForecastInterval& i : forecast->intervals) {
    if (++n > 4) break;
    (void)solve_agents(forecast->workload(i), targets, {});
  }
  return 0;
}
