#pragma once
// The stable JSON shape of a staffing plan (schema: docs/schemas/plan.schema.json), read by the
// simulation and the web workspace. Non-finite values (the ASA of an unstable queue) are
// written as null next to "state": "unstable". A plan of given agents (the reverse calculation)
// adds "staffing": "given", "meets_targets" per interval (null without calls) and "totals"
// (staffing::StaffingTotals); it stays "ccteam-plan/1", and `simulate --plan` simulates the
// given agents.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccteam/core/lang.hpp"
#include "ccteam/staffing/cost_view.hpp"
#include "ccteam/staffing/plan.hpp"

namespace ccteam::io {

// Written names of the definitions: "over_offered", "over_answered",
// "over_offered_minus_short_abandons"; "over_answered", "over_all_callers".
std::string_view to_string(staffing::SlDefinition d);
std::string_view to_string(staffing::AsaDefinition d);

// The words for people of a level's basis (staffing::LevelPlan::basis: "workload", "given",
// "span", "cover") in 'lang'; another text comes back as it is.
std::string basis_text(std::string_view basis, Lang lang);

// The plan with its costs (one per level, as cost_plan returns them); notes (the levels' and
// the plan's "notes") rendered in 'lang'.
nlohmann::ordered_json plan_to_json(const staffing::Plan& plan,
                                    const std::vector<staffing::LevelCost>& costs, Lang lang);

// A note of the plan JSON's "notes" ({code, args, text}) as a message to render in any
// language; empty for a code this version does not know (or a note that is no such object).
std::optional<Message> plan_note_of(const nlohmann::json& note);

// A note of a level's "cost": {"notes": [...]} ({code, args, text}, one of
// staffing::k_cost_note_ids) as a message; empty for another code or a plain string (plans
// saved before December 2026 hold each note's text only).
std::optional<Message> cost_note_of(const nlohmann::json& note);

// The cost view (the "cost_view" member of the plan JSON): the rates in major units of their
// currency, how many intervals' cheapest count misses 'targets' ("cheapest_missing_targets") and,
// per interval, the plan's agents ("at_plan") against the cheapest ("cheapest") and whether the
// cheapest count meets the targets ("cheapest_meets_targets"; true without calls).
nlohmann::ordered_json cost_view_to_json(const std::vector<staffing::IntervalCost>& view,
                                         const staffing::CostRates& rates,
                                         const staffing::Targets& targets);

}  // namespace ccteam::io
