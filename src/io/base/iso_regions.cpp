#include "io/base/iso_regions.hpp"

#include <fstream>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "ccteam/core/iso_codes.hpp"

namespace ccteam::io {

namespace {

constexpr const char* k_iso_3166_2 = "/usr/share/iso-codes/json/iso_3166-2.json";

// The codes of the list; empty when it cannot be read.
std::set<std::string, std::less<>> read_subdivisions() {
  std::set<std::string, std::less<>> codes;
  std::ifstream in(k_iso_3166_2);
  if (!in) return codes;
  nlohmann::json list = nlohmann::json::parse(in, nullptr, false);
  if (!list.is_object() || !list.contains("3166-2") || !list["3166-2"].is_array()) return codes;
  for (const nlohmann::json& entry : list["3166-2"]) {
    if (entry.is_object() && entry.contains("code") && entry["code"].is_string())
      codes.insert(entry["code"].get<std::string>());
  }
  return codes;
}

}  // namespace

bool is_iso_subdivision(std::string_view code) {
  static const std::set<std::string, std::less<>> codes = read_subdivisions();
  if (!is_iso_place(code)) return false;
  return codes.empty() || codes.contains(code);
}

}  // namespace ccteam::io
