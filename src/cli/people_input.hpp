#pragma once
// What `screen` and `career` share: reading people from files or stdin (JSON Resume or person
// CSV, chosen by the file name) and the --as-of date.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ccteam/core/date.hpp"
#include "ccteam/qualify/person.hpp"
#include "cli/context.hpp"

namespace ccteam::cli {

struct ReadCounts {
  std::size_t read = 0;      // documents (or CSV rows) found
  std::size_t rejected = 0;  // of which failed; each reported on stderr and kept in 'errors'
  Errors errors;
  bool unusable = false;  // a file could not be opened at all
};

// Reads every file ("-" = stdin; "*.csv" as person CSV; "*.ndjson" / "*.jsonl" streamed line
// by line; anything else as JSON Resume read whole: one object, an array or NDJSON) and
// calls 'on_person' for each document that could be read, in input order.
ReadCounts read_people(Context& ctx, const std::vector<std::string>& files,
                       const std::function<void(qualify::Person&&)>& on_person);

// --as-of: empty = today (UTC, from the system clock: the edge is where the clock is read).
// Reports a usage error and returns empty for a bad date.
std::optional<Date> as_of_date(Context& ctx, const std::string& text);

}  // namespace ccteam::cli
