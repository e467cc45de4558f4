#pragma once
// The retention periods of withdrawn applications (data/retention/retention.yaml), read by the
// strict YAML reader (io/base/yaml_reader.hpp). The format is described in the file's header
// comment and in docs/applications.md ("Retention").

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"

namespace ccteam::io {

// How long a withdrawn application is kept in one jurisdiction (ISO 3166-1 alpha-2; "*" for
// every other): days after the withdrawal, and at least days after receipt (records the law
// says to keep).
struct RetentionRule {
  std::string jurisdiction;
  std::int64_t withdrawn_days = 30;
  std::int64_t keep_records_days = 0;
  LocalizedText source = {};  // the law the periods come from, in English and German
};

// The longest period a rule may give, in days (ten years).
inline constexpr std::int64_t k_max_retention_days = 3650;

// Parses a retention file: format "ccteam-retention/1" and jurisdictions: a list of
// {jurisdiction (ISO 3166-1 alpha-2 or "*"), withdrawn_days (0..k_max_retention_days),
// keep_records_days (optional, 0 by default, same range), source (optional: one text for every
// language or {en: ..., de: ...}, MapReader::citation)}. Every problem (a missing or unknown
// key, a wrong type, a value out of range, a jurisdiction that is not a country code) is
// returned with file:line:col and its JSON pointer. Never throws.
Checked<std::vector<RetentionRule>> read_retention_yaml(std::string_view text,
                                                        const std::string& file);

// Reads the file at 'path' (not found or unreadable: one error) and parses it as above.
Checked<std::vector<RetentionRule>> load_retention_rules(const std::string& path);

}  // namespace ccteam::io
