// Fuzz target: the scenario reader (with the model's cross-field checks) must turn any byte
// string into a scenario or into errors with positions, never crash, hang or throw. A scenario
// that reads is also prepared for simulation (samplers built); it is not run, since a valid
// scenario may legitimately ask for a billion calls.
#include <cstdint>
#include <string_view>

#include "ccteam/sim/engine.hpp"
#include "io/sim/scenario_yaml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto scenario = ccteam::io::read_scenario_yaml(text, "fuzz.yaml");
  if (scenario) {
    ccteam::sim::Model model(*scenario);
    (void)ccteam::sim::offered_load_erlangs(model.scenario(), 0, 0);
  }
  return 0;
}
