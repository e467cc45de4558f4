#pragma once
// Reading the posting rule data: minimum wages (data/posting/minimum-wages.yaml) and, for the
// linter, the laws and word lists. Format of each file: its own header comment.

#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"
#include "ccteam/posting/minimum_wage.hpp"

namespace ccteam::io {

// Parses a minimum-wage file: `minimum_wages:` a list of {jurisdiction ("DE", "US", "US-CO"),
// from (YYYY-MM-DD), per_hour (decimal text), currency (ISO 4217), source (the law: one text
// for every language or {en: ..., de: ...}, MapReader::citation)}. Every problem is returned
// with file:line:col. Never throws.
Checked<posting::MinimumWages> read_minimum_wages_yaml(std::string_view text,
                                                       const std::string& file);

// Loads <dir>/minimum-wages.yaml.
Checked<posting::MinimumWages> load_minimum_wages(const std::string& dir);

}  // namespace ccteam::io

#include "ccteam/lint/rules.hpp"

namespace ccteam::io {

// Loads the linter's rule data from 'dir': laws.yaml, phrases.yaml, gender-words.yaml,
// readability.yaml, places.yaml and minimum-wages.yaml (formats in each file's header). Every
// citation and source the linter reports (laws' citation and member states' source, phrases',
// gender words' and readability limits' source) is one text or {en: ..., de: ...}
// (MapReader::citation). All-or-nothing, every error with file:line:col.
Checked<lint::RuleData> load_lint_rules(const std::string& dir);

}  // namespace ccteam::io
