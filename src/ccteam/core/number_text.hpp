#pragma once
// Numbers inside messages, in every language ccteam speaks: a message argument that is a number
// a person typed or an option holds, written with the decimal separator of the reader's
// language (point in English, comma in German, as DIN 5008 writes them). Tables and counts in
// prose have io/base/number_text.hpp. Pure functions, thread-safe.

#include "ccteam/core/lang.hpp"

namespace ccteam {

// 'value' rounded to 'significant_digits' significant digits as printf's "%g" writes it
// (trailing zeros dropped, an exponent for very large and very small values; 0 digits count as
// 1), with a decimal point in English and a decimal comma in German: (0.8, 6) -> {"0.8", "0,8"},
// (0.3333, 3) -> {"0.333", "0,333"}, (1234567, 3) -> {"1.23e+06", "1,23e+06"}. Not finite:
// "inf", "-inf" or "nan" in both languages.
LocalizedText significant_text(double value, int significant_digits);

}  // namespace ccteam
