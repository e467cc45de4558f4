#pragma once
// Pay amounts in a line of a posting: a number with a currency sign or ISO code before or after
// it ("$17.50", "€2,900", "1.050 €", "3.000 EUR", "EUR 1.150", "PLN 8,500", "8 500 zł").
// German postings read "." as the thousands separator and "," as the decimal point, English
// ones the other way round. Pure.

#include <cstddef>
#include <string>
#include <vector>

#include "ccteam/core/lang.hpp"

namespace ccteam::lint {

struct Amount {
  std::size_t start;  // byte offset in the line of the sign, code or first digit
  std::size_t end;    // byte offset just after the number
  double value;
  bool hourly;  // "per hour", "an hour", "pro Stunde", "/h" follows within 60 bytes
};

std::vector<Amount> amounts(const std::string& text, Lang lang);

}  // namespace ccteam::lint
