// Fuzz target: the plan reader of `simulate --plan` (a `ccteam plan --format json` document)
// must turn any byte string into a scenario or into errors, never crash, hang or throw.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io/sim/plan_scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto scenario = ccteam::io::scenario_from_plan_json(text, "fuzz.json");
  if (!scenario && scenario.error().empty()) std::abort();
  return 0;
}
