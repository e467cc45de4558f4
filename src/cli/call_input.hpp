#pragma once
// The call-record options of `metrics` and `calibrate` (--input-format, --utc-offset) and the
// summary of what was read, in the user's language.

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "app/metrics/call_source.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"
#include "io/metrics/call_records.hpp"

namespace ccteam::cli {

struct CallInputArgs {
  std::optional<std::string> input_format;  // "bank" or "csv"; empty: by the file name
  std::optional<std::string> utc_offset;    // "+HH:MM", Anonymous Bank only
};

// Registers --utc-offset and --input-format on 'cmd', bound to 'args' (which must outlive it).
void add_call_input_options(CLI::App& cmd, CallInputArgs& args, Lang lang);

// The call source of 'file' with the options. Errors: MsgId::metrics_bad_argument at
// "/calls/format" or "/calls/utc_offset" (usage).
Result<app::CallSource> to_call_source(const std::string& file, const CallInputArgs& args);

// "rows read, counted, skipped" and one line per skip reason, in the user's language.
std::string summary_text(const io::ReadSummary& summary, Lang lang);

}  // namespace ccteam::cli
