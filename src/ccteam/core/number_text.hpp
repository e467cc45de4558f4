#pragma once
// Numbers inside messages, in every language ccteam speaks: a message argument that is a number
// a person typed or an option holds, written with the decimal separator of the reader's
// language (point in English, comma in German, as DIN 5008 writes them). Tables and counts in
// prose have io/base/number_text.hpp. Pure functions, thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

#include "ccteam/core/lang.hpp"
#include "ccteam/core/messages.hpp"

namespace ccteam {

// 'value' rounded to 'significant_digits' significant digits as printf's "%g" writes it
// (trailing zeros dropped, an exponent for very large and very small values; 0 digits count as
// 1), with a decimal point in English and a decimal comma in German: (0.8, 6) -> {"0.8", "0,8"},
// (0.3333, 3) -> {"0.333", "0,333"}, (1234567, 3) -> {"1.23e+06", "1,23e+06"}. Not finite:
// "inf", "-inf" or "nan" in both languages.
LocalizedText significant_text(double value, int significant_digits);

// 'english_number' ("-1234.5", as fmt writes a number) with digit groups of three in its whole
// part: "-1,234.5". Text that is no such number comes back unchanged in its digits.
std::string with_digit_groups(std::string_view english_number);

// 'value' with at most 'max_fraction_digits' decimals (trailing zeros dropped) and digit groups of
// three, in both languages: (2061584749.86, 1) -> {"2,061,584,749.9", "2.061.584.749,9"},
// (100000, 0) -> {"100,000", "100.000"}. For a figure far out of range in an error message, where
// "%g" would write an exponent. Not finite: "inf", "-inf" or "nan".
LocalizedText grouped_text(double value, int max_fraction_digits);

// The numbers an option or a field takes: from 'lo' to 'hi', each end in the range or not
// ([0, 1) is {0, 1, false, true}); 'hi' infinite for no upper end.
struct ValueRange {
  double lo = 0;
  double hi = 0;
  bool lo_open = false;
  bool hi_open = false;
  // Whether 'value' is finite and in the range.
  bool contains(double value) const;
};

// How 'range' reads after "use a value ..." (MsgId::range_*): "from 0 to 1", "from 0 to below
// 1", "above 0 up to 168", "of at least 1", "above 0"; a range open at both ends reads as open
// at the bottom only. Each end is written times 'scale' with grouped_text(.., 6) and 'unit'
// after it: (range [0, 1), 100, " %") -> "from 0 % to below 100 %"; [0, 100000] -> "from 0 to
// 100,000" ("von 0 bis 100.000").
Message range_words(const ValueRange& range, double scale = 1, std::string_view unit = "");

// A message rendered in every language, as one argument of another message.
LocalizedText localized_words(const Message& message);

// A file's size in SI units as file managers and upload forms write it: bytes below 1 kB, then
// kB and MB with at most one decimal below 10 and none above (1,000 and 1,000,000 bytes per
// unit, IEC 80000-13): 512 -> "512 bytes" / "512 Bytes", 840'000 -> "840 kB", 1'234'567 ->
// {"1.2 MB", "1,2 MB"}, 5'000'000 -> "5 MB". Negative sizes count as 0.
LocalizedText file_size_text(std::int64_t bytes);

}  // namespace ccteam
