#include "app/forms/typed_number.hpp"

#include <cctype>
#include <cmath>

#include "io/staffing/plan_text.hpp"

namespace ccteam::app {

std::optional<std::string> typed_decimal(std::string_view typed, Lang lang) {
  std::string s;
  for (char c : typed) {
    if (c != ' ' && c != '\t') s += c;
  }
  const char group = lang == Lang::de ? '.' : ',';
  const char decimal = lang == Lang::de ? ',' : '.';
  const bool has_decimal_mark = s.find(decimal) != std::string::npos;
  // Digit groups only count as such in threes ("1.200", "12.000.000"); "0.5" in a German form
  // is a decimal point.
  auto grouped = [&s, group]() {
    std::size_t first = s.find(group);
    if (first == std::string::npos || first == 0 || first > 3) return false;
    std::size_t digits = 0;
    for (std::size_t i = first + 1; i <= s.size(); ++i) {
      if (i == s.size() || s[i] == group || !std::isdigit(static_cast<unsigned char>(s[i]))) {
        if (digits != 3) return false;
        if (i == s.size() || s[i] != group) return true;
        digits = 0;
      } else {
        ++digits;
      }
    }
    return true;
  };
  std::string plain;
  const bool groups = has_decimal_mark || grouped();
  for (char c : s) {
    if (c == group && groups) continue;
    plain += c == decimal ? '.' : c;
  }
  for (char c : plain) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '+') {
      return std::nullopt;
    }
  }
  auto value = io::parse_decimal(plain);
  if (!value || !std::isfinite(*value)) return std::nullopt;
  return plain;
}

std::optional<double> typed_number(std::string_view typed, Lang lang) {
  auto text = typed_decimal(typed, lang);
  if (!text) return std::nullopt;
  return io::parse_decimal(*text);
}

}  // namespace ccteam::app
