#pragma once
// Reading call records for `metrics` and `calibrate`: the format by file name or
// --input-format, a progress counter on a terminal, bad rows reported to stderr.

#include <string>

#include "cli/context.hpp"
#include "io/metrics/call_records.hpp"

namespace ccteam::cli {

struct CallInputArgs {
  std::string file;
  std::string input_format;           // "", "bank" or "csv"
  std::string utc_offset = "+02:00";  // Anonymous Bank only
};

// Reads the records into 'sink'. Prints every kept error to stderr. Returns the summary; on a
// usage error (bad --input-format or --utc-offset) the summary is unusable and the error is
// printed.
io::ReadSummary read_calls(Context& ctx, const CallInputArgs& args, const io::RecordSink& sink);

// "rows read, counted, skipped" and one line per skip reason, in the user's language.
std::string summary_text(const io::ReadSummary& summary, Lang lang);

}  // namespace ccteam::cli
