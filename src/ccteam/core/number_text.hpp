#pragma once
// Numbers inside messages, in every language ccteam speaks: a message argument that is a number
// a person typed or an option holds, written with the decimal separator of the reader's
// language (point in English, comma in German, as DIN 5008 writes them). Tables and counts in
// prose have io/base/number_text.hpp. Pure functions, thread-safe.

#include <cstdint>

#include "ccteam/core/lang.hpp"

namespace ccteam {

// 'value' rounded to 'significant_digits' significant digits as printf's "%g" writes it
// (trailing zeros dropped, an exponent for very large and very small values; 0 digits count as
// 1), with a decimal point in English and a decimal comma in German: (0.8, 6) -> {"0.8", "0,8"},
// (0.3333, 3) -> {"0.333", "0,333"}, (1234567, 3) -> {"1.23e+06", "1,23e+06"}. Not finite:
// "inf", "-inf" or "nan" in both languages.
LocalizedText significant_text(double value, int significant_digits);

// A file's size in SI units as file managers and upload forms write it: bytes below 1 kB, then
// kB and MB with at most one decimal below 10 and none above (1,000 and 1,000,000 bytes per
// unit, IEC 80000-13): 512 -> "512 bytes" / "512 Bytes", 840'000 -> "840 kB", 1'234'567 ->
// {"1.2 MB", "1,2 MB"}, 5'000'000 -> "5 MB". Negative sizes count as 0.
LocalizedText file_size_text(std::int64_t bytes);

}  // namespace ccteam
