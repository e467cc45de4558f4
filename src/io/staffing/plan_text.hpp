#pragma once
// The short text grammars of the planner's inputs, as a user types them on a command line or in
// a form: "80/20" (service level), "1200/day" (calls per day), "08:00-20:00" (opening hours),
// "offered" (a metric definition), "live" (a tier mode). Shared by the CLI and the server.
//
// Every parser takes the text and 'name', the JSON pointer of the field it fills (for example
// "/options/targets/service_level"), and fails with an ErrorKind::usage error whose
// where.json_pointer is 'name' and whose message is MsgId::plan_bad_argument_expected naming the
// field by that pointer ("{0}: cannot read '{1}' (expected: {2})") with an example of a good
// value. The client words the field: the CLI as its option (cli/option_names), the server keeps
// the pointer.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"
#include "ccteam/staffing/erlang.hpp"
#include "ccteam/staffing/plan.hpp"
#include "ccteam/staffing/solve.hpp"

namespace ccteam::io {

// A decimal number filling all of 's' (std::from_chars: no leading '+', no spaces); nullopt
// otherwise.
std::optional<double> parse_decimal(std::string_view s);

// "PCT/SECONDS", e.g. "80/20": 80 % answered within 20 s (fraction 0.8). A percentage above 0
// and at most 1 ("0.8/20") is refused as a share written for a percentage
// (MsgId::plan_sl_fraction, hint "did you mean 80/20?"); other ranges are checked by the
// planner (staffing::make_plan).
Result<staffing::ServiceLevelTarget> parse_service_level(std::string_view text,
                                                         std::string_view name);

// "N/day", e.g. "1200/day": calls per day of a daily profile.
Result<double> parse_calls_per_day(std::string_view text, std::string_view name);

// A clock time "HH:MM" from 00:00 to 24:00 (24:00 closes the day); nullopt otherwise.
std::optional<std::chrono::minutes> parse_clock_time(std::string_view text);

// "HH:MM-HH:MM", e.g. "08:00-20:00": the opening hours of one calendar day. Only the form is
// checked; the order and the interval grid are checked by staffing::forecast_from_profile.
struct OpeningHours {
  std::chrono::minutes open{0};
  std::chrono::minutes close{0};
};
Result<OpeningHours> parse_opening_hours(std::string_view text, std::string_view name);

// "offered" | "answered" | "offered-minus-short" (which calls the service level counts).
Result<staffing::SlDefinition> parse_sl_definition(std::string_view text, std::string_view name);

// "answered" | "all" (which callers the ASA averages over).
Result<staffing::AsaDefinition> parse_asa_definition(std::string_view text, std::string_view name);

// "live" | "deferred". 'listed_first' is named first in the error's list of values (the
// field's default).
Result<staffing::TierMode> parse_tier_mode(std::string_view text, std::string_view name,
                                           staffing::TierMode listed_first);

// An ISO date "YYYY-MM-DD" as a local day (as a forecast CSV reads it).
Result<std::chrono::local_days> parse_local_day(std::string_view text, std::string_view name);

// The texts the parsers above read, for a value (a default shown in a help text):
// "offered", "answered", "08:00-20:00", "2000-01-03".
std::string_view sl_definition_text(staffing::SlDefinition definition);
std::string_view asa_definition_text(staffing::AsaDefinition definition);
std::string opening_hours_text(std::chrono::minutes open, std::chrono::minutes close);
std::string local_day_text(std::chrono::local_days day);

// The usage error of the parsers above: 'text' at 'name' is not readable; 'expected' shows a
// good value or lists the values allowed (MsgId::plan_bad_argument_expected).
Error unreadable_value(std::string_view name, std::string_view text, std::string_view expected);

}  // namespace ccteam::io
