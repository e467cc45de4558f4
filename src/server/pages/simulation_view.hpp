#pragma once
// The template values of a simulation's result (web/templates/simulation.mustache), drawn from
// the simulation JSON (docs/schemas/simulation.schema.json) that `ccteam simulate --format json`
// writes and a simulation job stores: per tier its intervals and the whole day, each figure the
// mean over replications with the half-width of its 95 % confidence interval ("89,6 ± 3,1 %").

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccteam/core/lang.hpp"
#include "server/render/template.hpp"

namespace ccteam::server::pages {

// "summary" (replications, seed, calls), "start_note", "tiers" [{index, title, columns [{.}],
// rows [{label, cells [{.}]}]}] (a live tier: offered, service level, ASA, abandoned,
// utilisation; a deferred one: offered, time to start, deadline missed, utilisation; the first
// row is the whole period), "cost_lines" [{.}] (cost per resolved call and its notes).
// 'interval_labels': the rows' labels when there is one per interval (a plan of several days:
// date and time), else the report's own ("08:30").
render::Context simulation_report_values(const nlohmann::json& report, Lang lang,
                                         const std::vector<std::string>& interval_labels = {});

}  // namespace ccteam::server::pages
