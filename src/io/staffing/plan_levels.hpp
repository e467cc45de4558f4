#pragma once
// Reads what a later step needs of a staffing plan as `ccteam plan --format json` writes it
// (docs/schemas/plan.schema.json): the FTE of each level and the paid hours per FTE. The hiring
// plan reads them; the simulation reads the intervals (io/sim/plan_scenario.hpp). Both parse the
// text with parse_plan_json, so a plan that is not JSON gets the same located error in each.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccteam/core/error.hpp"
#include "ccteam/core/ids.hpp"

namespace ccteam::io {

// 'text' as JSON. Errors, with 'file': those of check_text (UTF-16, not UTF-8, a NUL byte);
// text that is not JSON, MsgId::sim_bad_plan at the line
// and column where it stops being JSON; a number beyond the double range (1e400, which the
// library cannot hold), MsgId::yaml_out_of_range at its line:column and JSON pointer. Never
// throws.
Checked<nlohmann::json> parse_plan_json(std::string_view text, const std::string& file);

struct PlanLevel {
  RoleId role;
  double fte = 0;  // FTE the plan needs of the role, >= 0
};

struct PlanLevels {
  std::string file;                // as given; empty for standard input
  double paid_hours_per_fte = 39;  // assumptions.paid_hours_per_fte, > 0
  std::vector<PlanLevel> levels;   // in the plan's order: agents, team leads, managers
};

// The levels of the plan in 'text'. Errors (MsgId::sim_bad_plan, with 'file' and the JSON
// pointer of the value): those of parse_plan_json, a "format" other than "ccteam-plan/1", no
// "levels" array, a level without a role id or with an FTE that is not a finite number from 0 to
// 1,000,000, paid hours per FTE that are not a number above 0.
Checked<PlanLevels> parse_plan_levels(std::string_view text, const std::string& file);

// Reads the file at 'path' ("-": standard input) and parses it.
Checked<PlanLevels> load_plan_levels(const std::string& path);

}  // namespace ccteam::io
