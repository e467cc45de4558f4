#pragma once
// Reading employer profiles from YAML (format: docs/employer-format.md; examples in
// data/examples/employer-de.yaml and employer-us.yaml).

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ccteam/core/error.hpp"
#include "ccteam/posting/employer.hpp"

namespace ccteam::io {

// Parses one profile. Every problem (syntax, unknown or duplicate keys, wrong types, bad URLs,
// e-mail addresses, country or region codes, dates, amounts; neither apply.url nor
// apply.email; no positions) is returned, each with file:line:col and the JSON pointer of the
// field. Checks that need the catalog or the law (pay, dates, minimum wage) are
// posting::check_profile's. Never throws.
Checked<posting::EmployerProfile> read_employer_yaml(std::string_view text,
                                                     const std::string& file);

// The profile in the shape of its YAML file, as JSON: the keys of docs/employer-format.md,
// amounts as decimal text ("2900"), dates as "YYYY-MM-DD", optional parts left out when empty.
// json_to_yaml of it reads back (read_employer_yaml) to an equal profile: the workspace stores
// what its form and JSON API give in this way, through the one reader.
nlohmann::ordered_json employer_to_json(const posting::EmployerProfile& profile);

// Reads the file at 'path' ("-" = standard input) and parses it as above.
Checked<posting::EmployerProfile> load_employer(const std::string& path);

}  // namespace ccteam::io
