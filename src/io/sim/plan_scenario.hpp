#pragma once
// Builds a simulation scenario from a staffing plan as `ccteam plan --format json` writes it
// (docs/schemas/plan.schema.json); the mapping is in docs/scenario-format.md ("From a staffing
// plan"): tier 'agents' (live, the plan's agents per interval, exponential handle time with the
// interval's AHT, exponential patience when the plan is Erlang A) and, when the plan has live
// escalations, tier 'team-leads' (team leads on duty, off the phone 1 - phone share; deferred
// with the plan's deadline when its mode is "deferred"), and with a manager escalation tier
// 'managers' (managers on duty, same mapping). The day starts empty. Errors name the JSON pointer
// of the value and the file: MsgId::sim_bad_plan for a value missing or of the wrong type,
// MsgId::yaml_out_of_range for a number outside the range the scenario reader accepts for the
// same field (sim::k_max_seconds, k_max_calls, k_max_staff, shares from 0 to 1, ...; a number
// beyond the double range, 1e400, too), sim::validate's errors after. Never throws.

#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"
#include "ccteam/sim/scenario.hpp"

namespace ccteam::io {

Checked<sim::Scenario> scenario_from_plan_json(std::string_view text, const std::string& file);

// Reads the file at 'path' ("-": standard input).
Checked<sim::Scenario> load_plan_scenario(const std::string& path);

}  // namespace ccteam::io
