#pragma once
// The stable JSON shape of a simulation report (schema: docs/schemas/simulation.schema.json).
// Estimates are {"mean", "half_width", "n"}: the mean over replications, the half-width of its
// 95 % confidence interval (null with fewer than two replications) and the number of
// replications in which the metric was defined (null means: never defined, e.g. no calls).

#include <cstdint>

#include <nlohmann/json.hpp>

#include "ccteam/core/lang.hpp"
#include "ccteam/sim/run.hpp"

namespace ccteam::io {

nlohmann::ordered_json simulation_to_json(const sim::Scenario& scenario,
                                          const sim::SimReport& report, std::uint64_t seed,
                                          Lang lang);

}  // namespace ccteam::io
