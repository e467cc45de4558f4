// Numbers inside messages in the reader's language (see number_text.hpp).
#include "ccteam/core/number_text.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace ccteam {

LocalizedText significant_text(double value, int significant_digits) {
  std::string en = fmt::format("{:.{}g}", value, std::max(0, significant_digits));
  std::string de = en;
  std::replace(de.begin(), de.end(), '.', ',');
  return LocalizedText{std::move(en), std::move(de)};
}

}  // namespace ccteam
