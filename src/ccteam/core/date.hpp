#pragma once
// Calendar dates. Full dates are std::chrono::year_month_day; résumés also give partial dates
// ("2019", "2019-04"), which keep what is known and say what is not.

#include <chrono>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"

namespace ccteam {

using Date = std::chrono::year_month_day;

// Parses an ISO 8601 calendar date "YYYY-MM-DD" (years 1000-9999). Rejects impossible dates
// such as 2023-02-30 with ErrorKind::invalid_input and MsgId::bad_date.
Result<Date> parse_iso_date(std::string_view text);

// "YYYY-MM-DD".
std::string to_iso(const Date& date);

// A date for people: ISO 8601 "2027-03-31" in English (as ccteam's English output writes
// dates), "31.03.2027" in German (DIN 5008). Machine formats (CSV, JSON, XLSX) keep to_iso.
std::string date_text(const Date& date, Lang lang);
// The date in every language, for a Message argument that render shows in its language.
LocalizedText date_localized(const Date& date);

// A date of which only the year, or year and month, may be known.
struct PartialDate {
  int year = 0;
  unsigned month = 0;  // 1-12, or 0 when unknown
  unsigned day = 0;    // 1-31, or 0 when unknown (then month may still be known)

  // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; rejects impossible months and days.
  static Result<PartialDate> parse(std::string_view text);
  // The earliest full date the partial date can mean: 2019 -> 2019-01-01.
  Date earliest() const;
  // The latest full date it can mean: 2019 -> 2019-12-31, 2019-02 -> 2019-02-28.
  Date latest() const;
};

}  // namespace ccteam
