#pragma once
// The template values of the plan pages (web/templates/plan_*.mustache): the plan form, a
// plan's result and the comparison of plans. Results are drawn from the plan JSON
// (docs/schemas/plan.schema.json), the one shape a fresh calculation and a saved plan share.

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/staffing/plan.hpp"
#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/lang.hpp"
#include "server/render/template.hpp"

namespace ccteam::server::pages {

// The form's sections with their fields, each showing its value from 'values' (pointer -> text
// as typed; a field missing there shows its value in 'request') and its error from 'errors'
// (pointer -> message). Values: "sections" [{heading, fields: [{id, name, label, value, error,
// is_text|is_number|is_select|is_textarea|is_checkbox|is_radio, options [{value, title,
// selected}]}]}].
render::Context plan_form_values(const app::PlanRequest& request,
                                 const std::map<std::string, std::string>& values,
                                 const std::map<std::string, std::string>& errors, Lang lang);

// The labels of a plan's intervals as its page shows them: "08:30" for one day, with the date
// before it when the plan spans several ("2027-03-01 08:30", German "01.03.2027 08:30").
std::vector<std::string> plan_interval_labels(const nlohmann::json& plan, Lang lang);

// A plan's notes in the words of the workspace, in 'lang': the plan's own notes (the form's
// fields where the command line names its options), then the notes of the levels' costs with
// each role's title and its market reference's country and source from 'catalog' (the stored
// arguments are in the language the plan was saved in), a note that several levels share said
// once with their titles; a plan saved before cost notes had codes gets the notes its figures
// imply ('country': the pay bands' country it was costed for).
std::vector<std::string> plan_note_texts(const nlohmann::json& plan, const std::string& country,
                                         const catalog::Catalog* catalog, Lang lang);

// A plan's result from its JSON: "chart" (SVG, our own texts only), "levels" [{role, weekly_hours,
// fte, headcount, basis, budget}], "level_notes" [text], "intervals" [{start, calls, aht,
// erlangs, agents, sl, asa, occupancy, abandon, leads, managers}], "definitions", the column
// titles, and "cost_view" [{start, agents, cost, cheapest_agents, cheapest_cost, cheapest_sl}]
// with "has_cost_view". Role titles from 'catalog' (the id when it has none); 'country' is the
// pay bands' country the plan was costed for (named where a level has no band).
render::Context plan_result_values(const nlohmann::json& plan, const std::string& country,
                                   const catalog::Catalog* catalog, Lang lang);

// Two or more plans side by side: "plans" [{name, href}], "level_rows" [{title, cells [{text}]}]
// (headcount, FTE and budget per level, each plan's value and its difference to the first),
// "interval_rows" [{start, cells [{text}]}] (agents per interval; a plan without the interval
// shows "–").
struct ComparedPlan {
  std::string name;  // "Plan A (v2)"
  std::string href;
  nlohmann::json result;
};
render::Context plan_compare_values(const std::vector<ComparedPlan>& plans,
                                    const catalog::Catalog* catalog, Lang lang);

}  // namespace ccteam::server::pages
