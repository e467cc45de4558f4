// Fuzz target: the catalog loader must turn any byte string into a catalog or into errors with
// positions, never crash, hang or throw.
#include <cstdint>
#include <string_view>

#include "ccteam/catalog/catalog.hpp"
#include "io/catalog/catalog_yaml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ccteam::catalog::Catalog catalog;
  ccteam::Errors errors = ccteam::io::read_catalog_yaml(text, "fuzz.yaml", catalog);
  if (errors.empty()) {
    ccteam::Errors invalid = ccteam::catalog::validate_catalog(catalog);
    if (invalid.empty()) ccteam::catalog::build_ladder(catalog);
  }
  return 0;
}
