#pragma once
// Staffing plans in the workspace as use cases: calculate a plan from a request (the same use
// cases as `ccteam plan`: app/staffing/plan.hpp), save it under a name as a new plan or a new
// version of one, read one, list them, and load several to compare. Permissions are the
// routes' (access::Permission::read_plans, write_plans); every save is audited by the store.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/staffing/plan.hpp"
#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"
#include "store/repository.hpp"

namespace ccteam::app {

// Plans compared side by side at most.
inline constexpr std::size_t k_max_compared_plans = 10;

// A calculated plan: the plan, its costs (with the cost view when the request asks for one)
// and its JSON as `ccteam plan --format json` writes it (docs/schemas/plan.schema.json; notes
// in English), with "cost_view" when there is one.
struct PlanOutcome {
  staffing::Plan plan;
  PlanCosts costs;
  nlohmann::ordered_json json;
};

// make_staffing_plan, then cost_staffing_plan with 'catalog'. Errors: theirs (every one with the
// request's JSON pointer of the field, or file:line:col in the forecast CSV).
Checked<PlanOutcome> calculate_plan(const PlanRequest& request, const catalog::Catalog& catalog);

// The levels of a plan JSON (role, fte, headcount, cost) and its number of intervals: what a
// list of plans shows.
nlohmann::ordered_json plan_summary(const nlohmann::ordered_json& plan_json);

// Calculates 'request' and saves it under 'name' (1-100 characters, access::check_name; error
// plan_name_invalid at "/name"): version 1 of a new plan, or with 'previous' the next version of
// that plan's series. The stored inputs are plan_request_to_json(request). Errors: those of
// calculate_plan, of the name, and of the store (not_found for an unknown 'previous').
Checked<store::StoredPlan> save_plan(store::Repository& repository, const store::Uuid& organisation,
                                     std::string_view name, const PlanRequest& request,
                                     const catalog::Catalog& catalog,
                                     const std::optional<store::Uuid>& previous,
                                     const store::Actor& actor);

// The plan 'id'. Error::not_found (plan_not_found) when the organisation has none.
Result<store::StoredPlan> find_plan(store::Repository& repository, const store::Uuid& organisation,
                                    const store::Uuid& id);

// The plans 'ids' to compare, oldest first (the first is the one the others differ from): 2 to
// k_max_compared_plans of them (a repeated id counts once). Error::usage (plan_compare_count)
// otherwise; not_found for an unknown id.
Result<std::vector<store::StoredPlan>> plans_to_compare(store::Repository& repository,
                                                        const store::Uuid& organisation,
                                                        const std::vector<store::Uuid>& ids);

}  // namespace ccteam::app
