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
  const std::size_t mark = s.find(decimal);
  // Digit groups only count as such in threes ("1.200", "12.000.000"); "0.5" in a German form
  // is a decimal point.
  auto grouped = [group](std::string_view whole) {
    std::size_t first = whole.find(group);
    if (first == std::string_view::npos || first == 0 || first > 3) return false;
    std::size_t digits = 0;
    for (std::size_t i = first + 1; i <= whole.size(); ++i) {
      if (i == whole.size() || whole[i] == group ||
          !std::isdigit(static_cast<unsigned char>(whole[i]))) {
        if (digits != 3) return false;
        if (i == whole.size() || whole[i] != group) return true;
        digits = 0;
      } else {
        ++digits;
      }
    }
    return true;
  };
  std::string_view whole = std::string_view(s).substr(0, mark);
  bool groups = grouped(whole);
  if (mark != std::string::npos) {
    // With a decimal mark, digit groups stand only before it and only in threes: "1.200,5" in
    // an English form is no number (it is not 1.2005).
    if (s.find(group, mark) != std::string::npos) return std::nullopt;
    if (!groups && whole.find(group) != std::string_view::npos) return std::nullopt;
  }
  std::string plain;
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
