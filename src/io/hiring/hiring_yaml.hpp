#pragma once
// Reads the input file of a hiring plan (docs/hiring-plan.md, "Input file"; schema
// docs/schemas/hiring-plan.schema.json) strictly: unknown and duplicate keys, wrong types,
// values out of range, a month that is not YYYY-MM, an unknown currency, attrition given both
// or neither as monthly and yearly, lists of the wrong length and the model's cross-field rules
// (hiring::check_input: class_min above class_max, a role planned twice) are errors with
// file:line:col and the JSON pointer of the value. Reading goes on to report every problem (the
// first k_max_errors, then "... and N more"); the input is returned only when there is none.
//
// What the file leaves to the command: required FTE of roles without 'required_fte' (from the
// staffing plans), which role is promoted from which (the catalog's next_roles) and the pay of
// roles without 'monthly_pay' (the catalog's pay bands). RoleInput::required_fte is then empty.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/core/error.hpp"
#include "ccteam/hiring/hiring_plan.hpp"

namespace ccteam::io {

struct HiringFile {
  hiring::HiringInput input;
  std::optional<Currency> currency;        // of every amount; required when one is given
  std::optional<double> growth_per_month;  // share per month for a single staffing plan
  std::vector<bool> internal_fill_given;   // per role: 'internal_fill' was written
  std::vector<SourcePos> role_pos;         // per role: where its 'role' id is
};

// Parses the YAML 'text'; 'file' names it in errors (empty for standard input).
Checked<HiringFile> parse_hiring_yaml(std::string_view text, const std::string& file);

// Reads the file at 'path' ("-": standard input) and parses it.
Checked<HiringFile> load_hiring_yaml(const std::string& path);

}  // namespace ccteam::io
