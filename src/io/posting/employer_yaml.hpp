#pragma once
// Reading employer profiles from YAML (format: docs/employer-format.md; examples in
// data/examples/employer-de.yaml and employer-us.yaml).

#include <string>
#include <string_view>

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

// Reads the file at 'path' ("-" = standard input) and parses it as above.
Checked<posting::EmployerProfile> load_employer(const std::string& path);

}  // namespace ccteam::io
