// Fuzz target: the hiring plan reader must turn any byte string into an input or into errors,
// never crash, hang or throw; an input it accepts must plan without crashing.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ccteam/hiring/hiring_plan.hpp"
#include "io/hiring/hiring_yaml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto file = ccteam::io::parse_hiring_yaml(text, "fuzz.yaml");
  if (!file) {
    if (file.error().empty()) std::abort();
    return 0;
  }
  for (auto& role : file->input.roles) {
    if (role.required_fte.empty())
      role.required_fte.assign(static_cast<std::size_t>(file->input.months), 1.0);
  }
  (void)ccteam::hiring::make_hiring_plan(file->input);
  return 0;
}
