#pragma once
// Range checks for numeric command-line options, with the error in the user's language: CLI11's
// own validators say "Value 0 not in range 1 to 100000" in English only. A check passes text it
// cannot read as a number on to CLI11's conversion, whose error app.cpp words (cli_not_a_number).
//
// The failure reads "--span: 0 is not allowed here; use a value of at least 1".

#include <CLI/CLI.hpp>

#include "ccteam/core/lang.hpp"

namespace ccteam::cli {

// Whether a range's end belongs to it: [0, 1] is closed at both ends, [0, 1) open at the top.
enum class End { closed, open };

// Accepts numbers from 'lo' to 'hi'.
CLI::Validator in_range(double lo, double hi, Lang lang, End lo_end = End::closed,
                        End hi_end = End::closed);

// Accepts numbers >= 'lo'.
CLI::Validator at_least(double lo, Lang lang);

// Accepts numbers > 'lo' (a time or a rate that must be positive).
CLI::Validator above(double lo, Lang lang);

// Accepts a file name ending in ".svg" (any case): charts are drawn as SVG only, and a chart
// saved as "plan.png" would not open in an image viewer.
CLI::Validator svg_file(Lang lang);

}  // namespace ccteam::cli
