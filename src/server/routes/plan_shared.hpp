#pragma once
// What the plans API and the plan pages share: the JSON of a saved plan, the body of a save,
// plan ids in a query, loading a plan by its path id, and its CSV export.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccteam/core/error.hpp"
#include "server/render/template.hpp"
#include "server/router.hpp"
#include "server/routes/routes.hpp"
#include "store/repository.hpp"

namespace ccteam::server {

// The largest plan request body: a forecast CSV of five years of 15-minute intervals.
inline constexpr std::size_t k_plan_body_limit = 8 * 1024 * 1024;

enum class PlanDetail { summary, full };

// {"id", "series_id", "version", "name", "author": {"id", "display_name"} | null,
// "created_at" (RFC 3339), "summary": {"levels": [...], "intervals": N}} and, when full,
// "inputs" (the PlanRequest) and "result" (the plan JSON).
nlohmann::ordered_json plan_json(const store::StoredPlan& plan,
                                 PlanDetail detail = PlanDetail::summary);

// The members of a save: "name" (a string, required), "previous" (the id of a plan whose new
// version this is; optional), "request" (a PlanRequest object, required). Error::invalid_input
// at the member's pointer for a missing or mistyped one, Error::usage (plan_unknown_field) for
// another member.
struct PlanSaveFields {
  std::string name;
  std::optional<store::Uuid> previous;
  nlohmann::json request;
};
Result<PlanSaveFields> plan_save_fields(const nlohmann::json& body);

// Plan ids separated by commas ("0190...,0190..."), at most app::k_max_compared_plans + 1 read.
// Error::usage (bad query parameter 'name') for an id that does not read.
Result<std::vector<store::Uuid>> parse_plan_ids(std::string_view text, const std::string& name);

// The plans side by side: {"plans": [plan_json...], "intervals": [{"start", "agents": [N | null
// per plan]}]} in time order.
nlohmann::ordered_json compare_json(const std::vector<store::StoredPlan>& plans);

// The plan of the path's {id}: Error::not_found for an id that does not read or is no plan.
Result<store::StoredPlan> stored_plan(RouteContext& context, const PathParams& params);

// The plan's intervals as CSV (io/staffing/plan_csv.hpp): calculated again from its stored
// inputs (the figures per interval are the stored ones: the planner is deterministic; a cost
// view uses the catalog's pay bands of today).
Checked<std::string> plan_csv(RouteContext& context, const store::StoredPlan& plan);

// Content-Disposition of a download: attachment; filename="plan-<id>-v<version>.<extension>"
// (no text a user wrote goes into the header).
std::string download_name(const store::StoredPlan& plan, std::string_view extension);

// "Plan A (v2)": a saved plan's name with its version.
std::string version_name(const store::StoredPlan& plan);

// The simulation start form as typed: after a start refused for its input the plan page shows it
// again with the error beside its field.
struct SimulationForm {
  std::string replications = "30";
  std::string model;       // the text of a scenario file (the model), empty for none
  std::string model_file;  // its file name, when a file was chosen
  std::string replications_error;
  std::string model_error;
};

// The plan page's simulation section (web/templates/plan.mustache): the start form for those who
// may start one, and the plan's latest simulations.
render::Context simulation_section(RouteContext& context, const Caller& caller,
                                   const store::StoredPlan& plan, const SimulationForm& form = {});

// The plan page /{lang}/plans/{id} with the simulation form 'form', answered with 'status'.
Response plan_page(RouteContext& context, const Caller& caller, const store::StoredPlan& plan,
                   const SimulationForm& form = {}, int status = 200);

// The stored JSON 'text' of the plan 'id' parsed; Error::internal (plan_stored_unreadable)
// when it does not parse.
Result<nlohmann::json> stored_json(const std::string& text, const store::Uuid& id);

// The pay bands' country the saved plan was costed for (its inputs' "/costing/country"); empty
// when its inputs do not say.
std::string plan_country(const store::StoredPlan& plan);

}  // namespace ccteam::server
