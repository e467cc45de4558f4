#pragma once
// Builds a simulation scenario from a staffing plan as `ccteam plan --format json` writes it
// (docs/schemas/plan.schema.json); the mapping is in docs/scenario-format.md ("From a staffing
// plan"): tier 'agents' (live, the plan's agents per interval, exponential handle time with the
// interval's AHT, exponential patience when the plan is Erlang A) and, when the plan has live
// escalations, tier 'team-leads' (team leads on duty, off the phone 1 - phone share; deferred
// with the plan's deadline when its mode is "deferred"), and with a manager escalation tier
// 'managers' (managers on duty, same mapping). The day starts empty. Errors name the JSON pointer
// of the value (MsgId::sim_bad_plan) and the file.

#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"
#include "ccteam/sim/scenario.hpp"

namespace ccteam::io {

Checked<sim::Scenario> scenario_from_plan_json(std::string_view text, const std::string& file);

// Reads the file at 'path' ("-": standard input).
Checked<sim::Scenario> load_plan_scenario(const std::string& path);

}  // namespace ccteam::io
