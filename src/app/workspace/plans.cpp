#include "app/workspace/plans.hpp"

#include <algorithm>

#include "app/staffing/plan_fields.hpp"
#include "ccteam/access/access.hpp"
#include "io/staffing/plan_json.hpp"

namespace ccteam::app {

Checked<PlanOutcome> calculate_plan(const PlanRequest& request, const catalog::Catalog& catalog) {
  CCTEAM_TRY(staffing::Plan plan, make_staffing_plan(request));
  auto costs = cost_staffing_plan(plan, request, catalog);
  if (!costs) return tl::unexpected(Errors{std::move(costs).error()});
  PlanOutcome out{std::move(plan), std::move(*costs), {}};
  out.json = io::plan_to_json(out.plan, out.costs.levels, Lang::en);
  if (out.costs.rates) {
    out.json["cost_view"] =
        io::cost_view_to_json(out.costs.view, *out.costs.rates, out.plan.options.targets);
  }
  return out;
}

nlohmann::ordered_json plan_summary(const nlohmann::ordered_json& plan_json) {
  nlohmann::ordered_json levels = nlohmann::ordered_json::array();
  if (auto found = plan_json.find("levels"); found != plan_json.end() && found->is_array()) {
    for (const auto& level : *found) {
      nlohmann::ordered_json item;
      for (const char* key : {"role", "fte", "headcount", "cost"}) {
        if (auto value = level.find(key); value != level.end()) item[key] = *value;
      }
      levels.push_back(std::move(item));
    }
  }
  std::size_t intervals = 0;
  if (auto found = plan_json.find("intervals"); found != plan_json.end() && found->is_array()) {
    intervals = found->size();
  }
  return {{"levels", std::move(levels)}, {"intervals", intervals}};
}

Checked<store::StoredPlan> save_plan(store::Repository& repository, const store::Uuid& organisation,
                                     std::string_view name, const PlanRequest& request,
                                     const catalog::Catalog& catalog,
                                     const std::optional<store::Uuid>& previous,
                                     const store::Actor& actor) {
  auto checked_name = access::check_name(name, MsgId::plan_name_invalid);
  auto outcome = calculate_plan(request, catalog);
  Errors errors;
  if (!checked_name) {
    Error e = std::move(checked_name).error();
    e.where.json_pointer = "/name";
    errors.push_back(std::move(e));
  }
  if (!outcome) {
    for (Error& e : outcome.error()) errors.push_back(std::move(e));
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  store::StoredPlan plan;
  plan.organisation_id = organisation;
  plan.name = std::move(*checked_name);
  plan.inputs = plan_request_to_json(request).dump();
  plan.result = outcome->json.dump();
  plan.summary = plan_summary(outcome->json).dump();
  auto saved = repository.add_plan(std::move(plan), previous, actor);
  if (!saved) return tl::unexpected(Errors{std::move(saved).error()});
  return std::move(*saved);
}

Result<store::StoredPlan> find_plan(store::Repository& repository, const store::Uuid& organisation,
                                    const store::Uuid& id) {
  CCTEAM_TRY(std::optional<store::StoredPlan> plan, repository.plan(organisation, id));
  if (!plan) return tl::unexpected(Error::not_found(msg(MsgId::plan_not_found, id.to_string())));
  return std::move(*plan);
}

Result<std::vector<store::StoredPlan>> plans_to_compare(store::Repository& repository,
                                                        const store::Uuid& organisation,
                                                        const std::vector<store::Uuid>& ids) {
  std::vector<store::Uuid> unique;
  for (const store::Uuid& id : ids) {
    if (std::find(unique.begin(), unique.end(), id) == unique.end()) unique.push_back(id);
  }
  if (unique.size() < 2 || unique.size() > k_max_compared_plans) {
    return tl::unexpected(
        Error::usage(msg(MsgId::plan_compare_count, k_max_compared_plans, unique.size())));
  }
  std::vector<store::StoredPlan> out;
  for (const store::Uuid& id : unique) {
    CCTEAM_TRY(store::StoredPlan plan, find_plan(repository, organisation, id));
    out.push_back(std::move(plan));
  }
  // Oldest first: each plan's differences are to the one before it in time.
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.created_at < b.created_at; });
  return out;
}

}  // namespace ccteam::app
