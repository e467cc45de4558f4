#pragma once
// Numbers as people read them in a table: the decimal separator of the reader's language
// (point in English, comma in German, as DIN 5008 writes them) and no digit grouping, so a
// column stays easy to scan and to paste. CSV, JSON and XLSX keep plain machine numbers.
// Numbers inside messages (both languages at once): ccteam/core/number_text.hpp.

#include <cstdint>
#include <string>

#include "ccteam/core/lang.hpp"

namespace ccteam::io {

// 'value' with exactly 'fraction_digits' digits after the separator: (1234.567, 1, de) ->
// "1234,6". Not finite -> "-".
std::string decimal_text(double value, int fraction_digits, Lang lang);

// 'value' with at most 'max_fraction_digits' digits, trailing zeros dropped: (43.0, 1) -> "43",
// (43.2973, 1, de) -> "43,3". Not finite -> "-".
std::string short_decimal_text(double value, int max_fraction_digits, Lang lang);

// A share in [0, 1] as a percentage with one digit: (0.8614, de) -> "86,1 %". Not finite -> "-".
std::string percent_text(double share, Lang lang);

// A count as prose writes it, in both languages: digit groups of three ("31,200" in English,
// "31.200" in German, DIN 5008). For sentences; tables keep plain numbers (above).
LocalizedText count_text(std::int64_t n);

}  // namespace ccteam::io
