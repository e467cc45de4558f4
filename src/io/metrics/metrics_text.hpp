#pragma once
// The short text grammars of the metrics' and calibration's inputs, as a user types them: a
// grouping ("agent"), an interval length ("15m", "day"), a UTC offset ("+01:00") and a call
// file format ("bank"). Shared by the CLI and the server.
//
// Every parser takes the text and 'name', the JSON pointer of the field it fills, and fails with
// an ErrorKind::usage error whose where.json_pointer is 'name' and whose message names the field
// by that pointer: MsgId::metrics_interval_choices listing the values allowed ("{0}: '{1}' is
// not one of {2}") for a grouping, an interval or a format, MsgId::value_bad_utc_offset with the
// form and range of an offset. The client words the field: the CLI as its option
// (cli/option_names), the server keeps the pointer.

#include <chrono>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"
#include "ccteam/metrics/metrics.hpp"
#include "io/metrics/call_records.hpp"

namespace ccteam::io {

// "agent" | "team" | "queue" | "interval".
Result<metrics::GroupBy> parse_group_by(std::string_view text, std::string_view name);

// "15m" | "30m" | "60m" (also "15", "30", "60", "1h") | "day" | "week".
Result<std::chrono::seconds> parse_metrics_interval(std::string_view text, std::string_view name);

// "+HH:MM" or "-HH:MM" up to 14:00 either way, "Z" or "0": the offset of local time from UTC.
Result<std::chrono::seconds> parse_utc_offset(std::string_view text, std::string_view name);

// "bank" (the Anonymous Bank TSV) | "csv" (docs/call-records-format.md).
Result<CallFormat> parse_call_format(std::string_view text, std::string_view name);

// The texts the parsers above read, for a value (a default shown in a help text): "interval",
// "30m", "+02:00".
std::string_view group_by_text(metrics::GroupBy by);
std::string metrics_interval_text(std::chrono::seconds interval);
std::string utc_offset_text(std::chrono::seconds offset);

// The usage errors of the parsers above, for checks of the same kind elsewhere.
Error unusable_value(std::string_view name, std::string_view text);
Error not_one_of(std::string_view name, std::string_view text, std::string_view allowed);

}  // namespace ccteam::io
