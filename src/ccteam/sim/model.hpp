#pragma once
// A plan's scenario with the model of another scenario: the check of a staffing plan by
// simulation with what call records showed instead of the formulas' assumptions. A plan read as
// a scenario (io::scenario_from_plan_json) assumes what Erlang C and A assume: exponential handle
// times with the interval's AHT and, for Erlang A, exponential patience. `ccteam calibrate` writes
// scenarios (scenario-<weekday>.yaml) whose handle times are a fitted lognormal and whose patience
// is estimated from abandoned calls; this takes that model and keeps the plan's day.
//
// Kept from the plan: intervals, arrivals, tiers and their order, staff and off-phone shares,
// escalation, service-level targets, deadlines, cost settings, replications and seed; every
// interval's mean handle time (the plan's AHT), so the offered load stays the plan's.
// Taken from the model, per plan tier that has a model tier of the same id (else of the same
// catalog role):
//   - the shape of the handle time: the model tier's distribution (its only one, or the one of the
//     interval where most calls reach the tier) rescaled to each plan interval's mean AHT m:
//     exponential(m); lognormal or gamma with sd = m x the model's coefficient of variation
//     (sd / mean); constant(m); empirical values each multiplied by m / their mean;
//   - live tiers only: the patience (absolute seconds, not rescaled) when the model has one, and
//     the retrial when the model has one.
// The result passes sim::validate when the plan does: the offered load is unchanged and patience
// only ever bounds a queue. Pure; linear in tiers x intervals (x the empirical sample's size).

#include <cstddef>

#include "ccteam/core/error.hpp"
#include "ccteam/sim/scenario.hpp"

namespace ccteam::sim {

// Empirical handle times are copied once per plan interval; beyond this many values in all the
// model is refused (a fitted distribution has no such limit).
inline constexpr std::size_t k_max_rescaled_values = 2'000'000;

// 'plan' with the model of 'model' as described above. Errors (invalid_input, JSON pointer into
// the model): MsgId::sim_model_no_tier at "/tiers" when no model tier matches a plan tier by id
// or role (hint: the ids the plan has); MsgId::sim_model_too_large at the empirical handle time
// when rescaling it would hold more than k_max_rescaled_values values.
Result<Scenario> with_model_of(Scenario plan, const Scenario& model);

}  // namespace ccteam::sim
