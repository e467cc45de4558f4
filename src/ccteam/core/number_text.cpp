// Numbers inside messages in the reader's language (see number_text.hpp).
#include "ccteam/core/number_text.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace ccteam {

LocalizedText significant_text(double value, int significant_digits) {
  std::string en = fmt::format("{:.{}g}", value, std::max(0, significant_digits));
  std::string de = en;
  std::replace(de.begin(), de.end(), '.', ',');
  return LocalizedText{std::move(en), std::move(de)};
}

LocalizedText file_size_text(std::int64_t bytes) {
  if (bytes < 1000) {
    std::int64_t n = std::max<std::int64_t>(0, bytes);
    return LocalizedText{fmt::format("{} bytes", n), fmt::format("{} Bytes", n)};
  }
  double value = static_cast<double>(bytes) / 1000.0;
  std::string_view unit = "kB";
  if (value >= 999.5) {
    value /= 1000.0;
    unit = "MB";
  }
  // One decimal below 10 ("1.2 MB"), none above ("840 kB"); a trailing ".0" is dropped.
  std::string en = value < 9.95 ? fmt::format("{:.1f}", value) : fmt::format("{:.0f}", value);
  if (en.ends_with(".0")) en.resize(en.size() - 2);
  std::string de = en;
  std::replace(de.begin(), de.end(), '.', ',');
  return LocalizedText{en + " " + std::string(unit), de + " " + std::string(unit)};
}

}  // namespace ccteam
