#pragma once
// The template values of a simulation's result (web/templates/simulation.mustache), drawn from
// the simulation JSON (docs/schemas/simulation.schema.json) that `ccteam simulate --format json`
// writes and a simulation job stores: per tier its intervals and the whole day, each figure the
// mean over replications with the half-width of its 95 % confidence interval ("89,6 ± 3,1 %").

#include <nlohmann/json.hpp>

#include "ccteam/core/lang.hpp"
#include "server/render/template.hpp"

namespace ccteam::server::pages {

// "summary" (replications, seed, calls), "start_note", "tiers" [{index, title, columns [{.}],
// rows [{label, cells [{.}]}]}] (a live tier: offered, service level, ASA, abandoned,
// utilisation; a deferred one: offered, time to start, deadline missed, utilisation; the last
// row is the whole day), "cost_lines" [{.}] (cost per resolved call and its notes).
render::Context simulation_report_values(const nlohmann::json& report, Lang lang);

}  // namespace ccteam::server::pages
