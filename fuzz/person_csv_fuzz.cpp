// Fuzz target: the person CSV reader must turn any byte string into people or per-row errors
// with positions, never crash, hang or throw.
#include <cstdint>
#include <string_view>

#include "io/qualify/person_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t next_id = 1;
  ccteam::io::read_person_csv(text, "fuzz.csv", next_id, [](auto) {});
  return 0;
}
