#pragma once
// What `screen` and `career` share: reading people from files or stdin (JSON Resume or person
// CSV, chosen by the file name), the checks of --as-of and --country, the catalog and role ids.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ccteam/catalog/catalog.hpp"
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

// Reads every file ("-" = standard input, JSON Resume: NDJSON streamed line by line, one
// object or an array read whole; "*.csv" as person CSV; "*.ndjson" / "*.jsonl" streamed line
// by line; anything else as JSON Resume read whole: one object, an array or NDJSON) and
// calls 'on_person' for each document that could be read, in input order.
ReadCounts read_people(Context& ctx, const std::vector<std::string>& files,
                       const std::function<void(qualify::Person&&)>& on_person);

// --as-of: empty = today (UTC, from the system clock: the edge is where the clock is read).
// Reports a usage error and returns empty for a bad date.
std::optional<Date> as_of_date(Context& ctx, const std::string& text);

// What screen and career need before reading anyone: the --as-of date (empty = today), a valid
// --country ("*" or an ISO 3166-1 alpha-2 code) and the catalog. On a bad date or country,
// or a catalog that does not load, reports it, sets exit code 2 and returns empty.
struct QualifySetting {
  Date as_of;
  const catalog::Catalog* catalog = nullptr;  // owned by the Context
};
std::optional<QualifySetting> qualify_setting(Context& ctx, const std::string& as_of,
                                              const std::string& country);

// The role 'id' of 'catalog', or nullptr after reporting it as unknown with the known role ids
// as a hint (exit code 2).
const catalog::Role* find_role(Context& ctx, const catalog::Catalog& catalog,
                               const std::string& id);

}  // namespace ccteam::cli
