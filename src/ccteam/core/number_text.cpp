// Numbers inside messages in the reader's language (see number_text.hpp).
#include "ccteam/core/number_text.hpp"

#include <algorithm>
#include <cmath>
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

bool ValueRange::contains(double value) const {
  if (!std::isfinite(value)) return false;
  const bool low_ok = lo_open ? value > lo : value >= lo;
  const bool high_ok = hi_open ? value < hi : value <= hi;
  return low_ok && high_ok;
}

Message range_words(const ValueRange& range, double scale, std::string_view unit) {
  auto n = [&](double v) {
    LocalizedText t = grouped_text(v * scale, 6);
    return LocalizedText{t.en + std::string(unit), t.de + std::string(unit)};
  };
  if (std::isinf(range.hi)) {
    return range.lo_open ? msg(MsgId::range_above, n(range.lo))
                         : msg(MsgId::range_at_least, n(range.lo));
  }
  if (range.lo_open) return msg(MsgId::range_above_up_to, n(range.lo), n(range.hi));
  if (range.hi_open) return msg(MsgId::range_up_to_below, n(range.lo), n(range.hi));
  return msg(MsgId::range_from_to, n(range.lo), n(range.hi));
}

LocalizedText localized_words(const Message& message) {
  return LocalizedText{render(message, Lang::en), render(message, Lang::de)};
}

std::string with_digit_groups(std::string_view english_number) {
  const std::string_view text = english_number;
  const std::size_t begin = !text.empty() && text[0] == '-' ? 1 : 0;
  const std::size_t end = std::min(text.find('.'), text.size());
  std::string out(text.substr(0, begin));
  for (std::size_t i = begin; i < end; ++i) {
    if (i > begin && (end - i) % 3 == 0) out += ',';
    out += text[i];
  }
  out += text.substr(end);
  return out;
}

LocalizedText grouped_text(double value, int max_fraction_digits) {
  if (!std::isfinite(value)) return significant_text(value, 1);
  std::string en = fmt::format("{:.{}f}", value, std::max(0, max_fraction_digits));
  if (en.find('.') != std::string::npos) {
    en.erase(en.find_last_not_of('0') + 1);
    if (en.back() == '.') en.pop_back();
  }
  en = with_digit_groups(en);
  std::string de = en;
  for (char& c : de) c = c == '.' ? ',' : c == ',' ? '.' : c;
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
