#pragma once
// The CSV form of a plan (`ccteam plan --format csv`): one row per interval.

#include <string>
#include <vector>

#include "ccteam/staffing/cost_view.hpp"
#include "ccteam/staffing/plan.hpp"

namespace ccteam::io {

// A header, then one row per interval: start, calls, AHT, load, agents, queue state, service
// level, ASA (empty when unstable), occupancy, abandonment, team leads and managers on duty;
// with given agents (Staffing::given) whether they meet the targets ("true", "false"; empty in
// an interval without calls); with a cost view ('view' not empty, one entry per interval) its cost
// at plan, cheapest agent count and cheapest cost, amounts in major units.
std::string plan_to_csv(const staffing::Plan& plan,
                        const std::vector<staffing::IntervalCost>& view);

}  // namespace ccteam::io
