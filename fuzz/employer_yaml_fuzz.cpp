// Fuzz target: the employer-profile reader and the profile checks must turn any byte string into
// a profile or into errors with positions, never crash, hang or throw.
#include <cstdint>
#include <string_view>

#include "ccteam/posting/profile_check.hpp"
#include "io/posting/employer_yaml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto profile = ccteam::io::read_employer_yaml(text, "fuzz.yaml");
  if (profile) {
    static const ccteam::catalog::Catalog catalog;
    static const ccteam::posting::MinimumWages wages;
    ccteam::posting::check_profile(*profile, catalog, wages);
    profile->places();
  }
  return 0;
}
