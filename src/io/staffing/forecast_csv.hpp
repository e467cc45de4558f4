#pragma once
// Reads a call forecast from CSV (schema: docs/forecast-format.md).
//
//   interval_start,calls_offered,aht_seconds
//   1999-02-01T07:00:00,20,101
//
// A header row names the three columns (in any order; names are case-sensitive), and may name a
// fourth, agents; then one row per interval: local start time "YYYY-MM-DDTHH:MM" or
// "YYYY-MM-DDTHH:MM:SS", calls offered (a decimal >= 0), AHT in seconds (a decimal > 0) and
// the agents on duty (a whole number from 0 to staffing::k_max_agents: the plan evaluates them
// instead of sizing the interval). Fields are split as RFC 4180 says, by
// io/base/csv_splitter (quoted fields, doubled quotes; lines may end in LF, CRLF or CR); a UTF-8
// byte-order mark, blank lines and blanks around a field are ignored. Intervals
// are 15, 30 or 60 minutes long, all the same, in time order, without gaps or overlaps.

#include <optional>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"
#include "ccteam/staffing/forecast.hpp"

namespace ccteam::io {

// Parses 'text' (the content of 'file', used in error positions). The interval length is the
// difference between the first two starts; 'interval' gives it for a forecast of one row (and
// must agree with the file otherwise). Returns every error found (at most 50), each with
// file:line:col of the offending field and the column's name in its message: malformed rows
// (forecast_field_count; forecast_bad_quote for a quote never closed, which ends the reading;
// csv_stray_quote, csv_text_after_quote), missing, non-numeric or negative values
// (forecast_missing_value, forecast_bad_number, forecast_negative, forecast_zero_aht), agents
// that are no whole number in range (forecast_bad_agents), bad
// times (forecast_bad_time), interval lengths other than 15/30/60 min (forecast_bad_interval),
// gaps and overlaps (forecast_gap, forecast_overlap), and header problems.
Checked<staffing::Forecast> parse_forecast_csv(std::string_view text, const std::string& file,
                                               std::optional<staffing::Seconds> interval = {});

// Reads and parses a file ("-" = standard input).
Checked<staffing::Forecast> read_forecast_csv(const std::string& path,
                                              std::optional<staffing::Seconds> interval = {});

// "1999-02-01T07:30" or "1999-02-01T07:30:00" (a space instead of 'T' is accepted): a start
// as the forecast and the plan's JSON write it; nullopt when malformed or no calendar date.
std::optional<staffing::LocalTime> parse_local_time(std::string_view text);

// "1999-02-01T07:30:00": the form the reader accepts and the plan writes.
std::string format_local_time(staffing::LocalTime t);

// An interval's start for people: "07:30" when the plan covers one day (a daily profile's date
// is made up), else "1999-02-01 07:30" (en) or "01.02.1999 07:30" (de).
std::string interval_start_text(staffing::LocalTime t, bool several_days, Lang lang);

}  // namespace ccteam::io
