#pragma once
// The call records a metrics or calibration use case reads: a file in one of the call formats
// (docs/call-records-format.md), read through io::read_call_records.

#include <functional>
#include <optional>
#include <string>

#include "io/metrics/call_records.hpp"

namespace ccteam::app {

struct CallSource {
  std::string file;                                // path or "-"
  std::optional<io::CallFormat> format;            // empty: by the file name (io::call_format_for)
  std::optional<std::chrono::seconds> utc_offset;  // Anonymous Bank only; empty: the reader's
                                                   // default (io::CallReadOptions)
};

// Called once per record read, for a progress display; may be empty.
using RecordTick = std::function<void()>;

// Reads the records of 'source' into 'sink'. The summary counts rows and skipped rows (warnings)
// and keeps the first errors with their positions; summary.unusable when the file as a whole
// cannot be read.
io::ReadSummary read_calls(const CallSource& source, const io::RecordSink& sink,
                           const RecordTick& tick);

}  // namespace ccteam::app
