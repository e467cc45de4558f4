// Table numbers in the reader's language (see number_text.hpp).
#include "io/base/number_text.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "ccteam/core/number_text.hpp"

namespace ccteam::io {

namespace {

// 'text' (an English number, grouped or not) in the conventions of 'lang'.
std::string localized(std::string text, Lang lang, Grouping grouping) {
  if (grouping == Grouping::thousands) text = with_digit_groups(text);
  if (lang == Lang::de) {
    for (char& c : text) c = c == '.' ? ',' : c == ',' ? '.' : c;
  }
  return text;
}

}  // namespace

std::string decimal_text(double value, int fraction_digits, Lang lang, Grouping grouping) {
  if (!std::isfinite(value)) return "-";
  std::string text = fmt::format("{:.{}f}", value, std::max(0, fraction_digits));
  // "-0.0" for a tiny negative value reads as a sign error; show "0.0".
  if (text[0] == '-' && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
  return localized(std::move(text), lang, grouping);
}

std::string short_decimal_text(double value, int max_fraction_digits, Lang lang,
                               Grouping grouping) {
  if (!std::isfinite(value)) return "-";
  std::string text = decimal_text(value, max_fraction_digits, Lang::en);
  if (text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
  }
  return localized(std::move(text), lang, grouping);
}

std::string percent_text(double share, Lang lang) {
  if (!std::isfinite(share)) return "-";
  return decimal_text(share * 100, 1, lang) + " %";  // at most "100,0 %": no groups
}

LocalizedText count_text(std::int64_t n) {
  // The magnitude as unsigned, so that the most negative value has one too.
  std::uint64_t magnitude =
      n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
  std::string digits = std::to_string(magnitude);
  auto grouped = [&](char separator) {
    std::string out = n < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
      out += digits[i];
    }
    return out;
  };
  return LocalizedText{grouped(','), grouped('.')};
}

}  // namespace ccteam::io
