// Fuzz target: the readers of a `ccteam plan --format json` document, the plan scenario of
// `simulate --plan` and the plan levels of `hiring-plan --plans`, must turn any byte string into
// a value or into errors, never crash, hang or throw.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io/sim/plan_scenario.hpp"
#include "io/staffing/plan_levels.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto scenario = ccteam::io::scenario_from_plan_json(text, "fuzz.json");
  if (!scenario && scenario.error().empty()) std::abort();
  auto levels = ccteam::io::parse_plan_levels(text, "fuzz.json");
  if (!levels && levels.error().empty()) std::abort();
  return 0;
}
