#pragma once
// Numbers as people read them: the decimal separator of the reader's language (point in
// English, comma in German, as DIN 5008 writes them) and, where asked for, digit groups of three
// (Grouping::thousands: "1,200.0" / "1.200,0"), which tables and pages of figures use; form
// values and files people edit keep none. CSV, JSON and XLSX keep plain machine numbers.
// Numbers inside messages (both languages at once): ccteam/core/number_text.hpp.

#include <cstdint>
#include <string>

#include "ccteam/core/lang.hpp"

namespace ccteam::io {

enum class Grouping { none, thousands };

// 'value' with exactly 'fraction_digits' digits after the separator: (1234.567, 1, de) ->
// "1234,6"; with Grouping::thousands "1.234,6". Not finite -> "-".
std::string decimal_text(double value, int fraction_digits, Lang lang,
                         Grouping grouping = Grouping::none);

// 'value' with at most 'max_fraction_digits' digits, trailing zeros dropped: (43.0, 1) -> "43",
// (43.2973, 1, de) -> "43,3"; (31125, 0, de, thousands) -> "31.125". Not finite -> "-".
std::string short_decimal_text(double value, int max_fraction_digits, Lang lang,
                               Grouping grouping = Grouping::none);

// A share in [0, 1] as a percentage with one digit: (0.8614, de) -> "86,1 %". Not finite -> "-".
std::string percent_text(double share, Lang lang);

// A count as prose writes it, in both languages: digit groups of three ("31,200" in English,
// "31.200" in German, DIN 5008). For sentences; tables keep plain numbers (above).
LocalizedText count_text(std::int64_t n);

}  // namespace ccteam::io
