#pragma once
// Reads simulation scenarios (docs/scenario-format.md, schema docs/schemas/scenario.schema.json)
// strictly: unknown and duplicate keys, wrong types, values out of range, lists of the wrong
// length and the model's cross-field rules (sim::validate) are errors with file:line:col and
// the JSON pointer of the value. Reading goes on to report every problem; the scenario is
// returned only when there is none.

#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"
#include "ccteam/sim/scenario.hpp"

namespace ccteam::io {

// Parses the YAML 'text'; 'file' names it in errors (empty for standard input).
Checked<sim::Scenario> read_scenario_yaml(std::string_view text, const std::string& file);

// Reads the file at 'path' ("-": standard input) and parses it.
Checked<sim::Scenario> load_scenario(const std::string& path);

// A plan's scenario with the model of a scenario file (sim::with_model_of), and that model's name.
struct ModelledScenario {
  sim::Scenario scenario;
  std::string model_name;  // the model file's 'name' (may be empty)
};

// 'text' (a scenario, e.g. scenario-<weekday>.yaml from `ccteam calibrate`) read as
// read_scenario_yaml reads it, then made the model of 'plan'. Errors: the reader's, and
// sim::with_model_of's at 'file':line:col of the model value they name.
Checked<ModelledScenario> apply_model_yaml(sim::Scenario plan, std::string_view text,
                                           const std::string& file);

}  // namespace ccteam::io
