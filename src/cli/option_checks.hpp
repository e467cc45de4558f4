#pragma once
// The one check per kind of option value, used by every command: numbers in a range (shares,
// amounts, durations, counts), dates, country and region codes, currencies, enumerations and
// secrets. Each error is in the user's language, quotes the value as typed, and says what is
// allowed; CLI11 puts the option in front as typed:
//   "--span: 0 is not allowed here; use a value of at least 1"
//   "--by: 'day' is not one of agent, team, queue, interval"
//   "--as-of: '1999-02-31' is not a date; use YYYY-MM-DD, for example 2027-03-31"
// (CLI11's own validators say "Value 0 not in range 1 to 100000" in English only.) A range check
// passes text it cannot read as a number on to CLI11's conversion, whose error app.cpp words
// (cli_not_a_number). Options that several commands register alike, with these checks, are
// here too (add_evaluation_options).

#include <string>
#include <vector>

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

// Accepts "N/day" with N above 0 (a daily profile's calls); other text is left to the grammar
// (io::parse_calls_per_day), whose error shows an example.
CLI::Validator calls_per_day(Lang lang);

// Accepts "PCT/SECONDS" with PCT above 1 and up to 100 and SECONDS of at least 0; the refusal
// quotes the part that is out of range ("--sl: 180 is not allowed here; use a value above 1 up
// to 100"). Text that does not read, and PCT from 0 to 1 (a share: "did you mean 80/20?"), are
// left to io::parse_service_level.
CLI::Validator service_level(Lang lang);

// Accepts exactly one of 'values' (case-sensitive, as the help lists them).
CLI::Validator one_of(std::vector<std::string> values, Lang lang);

// Accepts a date "YYYY-MM-DD" that exists in the calendar (not 1999-02-31).
CLI::Validator iso_date(Lang lang);

// Accepts an ISO 3166-1 alpha-2 country code in capitals ("DE"), as ICU knows them.
CLI::Validator country_code(Lang lang);

// Accepts a country ("DE") or one of its ISO 3166-2 subdivisions ("US-CO", "DE-BY"); the
// subdivisions are those of Debian's iso-codes data (io::is_iso_subdivision).
CLI::Validator place_code(Lang lang);

// Accepts an ISO 4217 currency code ("EUR"; lower case too), as ICU knows them.
CLI::Validator currency_code(Lang lang);

// Accepts a secret that is not empty or blank (a key for pseudonyms).
CLI::Validator secret_key(Lang lang);

// Accepts a file name ending in ".svg" (any case): charts are drawn as SVG only, and a chart
// saved as "plan.png" would not open in an image viewer.
CLI::Validator svg_file(Lang lang);

// Registers the options of a command that evaluates people against a role's requirements
// (screen, career), with their checks: --as-of, the day experience is counted up to, as typed
// (iso_date; app::parse_as_of converts it), bound to 'as_of'; and --country, the job's country
// (country_code), bound to 'country'. Both must outlive 'cmd'.
void add_evaluation_options(CLI::App& cmd, std::string& as_of, std::string& country, Lang lang);

}  // namespace ccteam::cli
