#include "server/routes/plan_shared.hpp"

#include <map>

#include <fmt/format.h>

#include "app/staffing/plan_fields.hpp"
#include "app/workspace/plans.hpp"
#include "io/staffing/plan_csv.hpp"
#include "server/responses.hpp"
#include "server/routes/account_shared.hpp"

namespace ccteam::server {

namespace {

using json = nlohmann::ordered_json;

Error bad_member(std::string_view name, MsgId what) {
  Error e = Error::invalid_input(msg(what, "/" + std::string(name), "string"));
  e.where.json_pointer = "/" + std::string(name);
  return e;
}

}  // namespace

std::string version_name(const store::StoredPlan& plan) {
  return fmt::format("{} (v{})", plan.name, plan.version);
}

Result<nlohmann::json> stored_json(const std::string& text, const store::Uuid& id) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded()) {
    return tl::unexpected(
        Error::internal(msg(MsgId::plan_stored_unreadable, id.to_string(), "JSON")));
  }
  return parsed;
}

std::string plan_country(const store::StoredPlan& plan) {
  auto inputs = stored_json(plan.inputs, plan.id);
  if (!inputs || !inputs->is_object()) return {};
  const nlohmann::json country =
      inputs->value(nlohmann::json::json_pointer("/costing/country"), nlohmann::json());
  return country.is_string() ? country.get<std::string>() : std::string();
}

json plan_json(const store::StoredPlan& plan, PlanDetail detail) {
  json author = nullptr;
  if (plan.author_user_id) {
    author = json{{"id", plan.author_user_id->to_string()}, {"display_name", plan.author_name}};
  }
  json out{{"id", plan.id.to_string()},
           {"series_id", plan.series_id.to_string()},
           {"version", plan.version},
           {"name", plan.name},
           {"author", std::move(author)},
           {"created_at", rfc3339(plan.created_at)},
           {"summary", json::parse(plan.summary, nullptr, false)}};
  if (out["summary"].is_discarded()) out["summary"] = nullptr;
  if (detail == PlanDetail::full) {
    json inputs = json::parse(plan.inputs, nullptr, false);
    json result = json::parse(plan.result, nullptr, false);
    out["inputs"] = inputs.is_discarded() ? json() : std::move(inputs);
    out["result"] = result.is_discarded() ? json() : std::move(result);
  }
  return out;
}

Result<PlanSaveFields> plan_save_fields(const nlohmann::json& body) {
  PlanSaveFields out;
  for (const auto& [key, value] : body.items()) {
    if (key != "name" && key != "previous" && key != "request") {
      Error e = Error::usage(msg(MsgId::plan_unknown_field, "/" + key),
                             msg(MsgId::hint_plan_unknown_field));
      e.where.json_pointer = "/" + key;
      return tl::unexpected(std::move(e));
    }
  }
  auto name = body.find("name");
  if (name == body.end() || !name->is_string()) {
    Error e = Error::invalid_input(msg(MsgId::plan_name_invalid));
    e.where.json_pointer = "/name";
    return tl::unexpected(std::move(e));
  }
  out.name = name->get<std::string>();
  if (auto previous = body.find("previous"); previous != body.end() && !previous->is_null()) {
    std::optional<store::Uuid> id;
    if (previous->is_string()) id = store::Uuid::parse(previous->get<std::string>());
    if (!id) return tl::unexpected(bad_member("previous", MsgId::plan_field_type));
    out.previous = *id;
  }
  auto request = body.find("request");
  if (request == body.end() || !request->is_object()) {
    Error e = Error::invalid_input(msg(MsgId::plan_field_type, "/request", "object"));
    e.where.json_pointer = "/request";
    return tl::unexpected(std::move(e));
  }
  out.request = *request;
  return out;
}

Result<std::vector<store::Uuid>> parse_plan_ids(std::string_view text, const std::string& name) {
  std::vector<store::Uuid> out;
  while (!text.empty() && out.size() <= app::k_max_compared_plans) {
    std::size_t comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    auto id = store::Uuid::parse(part);
    if (!id) {
      return tl::unexpected(bad_query_parameter(
          name, shorten(part), msg(MsgId::plan_compare_count, app::k_max_compared_plans, 0)));
    }
    out.push_back(*id);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

json compare_json(const std::vector<store::StoredPlan>& plans) {
  json heads = json::array();
  std::map<std::string, std::vector<json>> agents;
  for (std::size_t k = 0; k < plans.size(); ++k) {
    heads.push_back(plan_json(plans[k]));
    json result = json::parse(plans[k].result, nullptr, false);
    if (result.is_discarded() || !result.contains("intervals")) continue;
    for (const auto& interval : result["intervals"]) {
      if (!interval.is_object() || !interval.contains("start")) continue;
      auto& row = agents[interval["start"].get<std::string>()];
      row.resize(plans.size());
      row[k] = interval.value("agents", json());
    }
  }
  json intervals = json::array();
  for (auto& [start, row] : agents) {
    row.resize(plans.size());
    intervals.push_back(json{{"start", start}, {"agents", row}});
  }
  return json{{"plans", std::move(heads)}, {"intervals", std::move(intervals)}};
}

Result<store::StoredPlan> stored_plan(RouteContext& context, const PathParams& params) {
  auto id = store::Uuid::parse(params["id"]);
  if (!id) {
    return tl::unexpected(
        Error::not_found(msg(MsgId::plan_not_found, shorten(std::string(params["id"])))));
  }
  return app::find_plan(context.repository, context.organisation, *id);
}

Checked<std::string> plan_csv(RouteContext& context, const store::StoredPlan& plan) {
  auto inputs = stored_json(plan.inputs, plan.id);
  if (!inputs) return tl::unexpected(Errors{inputs.error()});
  CCTEAM_TRY(app::PlanRequest request, app::plan_request_from_json(*inputs));
  auto snapshot = context.catalogs.current();
  if (!snapshot) return tl::unexpected(Errors{snapshot.error()});
  CCTEAM_TRY(app::PlanOutcome outcome, app::calculate_plan(request, (*snapshot)->catalog()));
  return io::plan_to_csv(outcome.plan, outcome.costs.view);
}

std::string download_name(const store::StoredPlan& plan, std::string_view extension) {
  return "attachment; filename=\"plan-" + plan.id.to_string() + "-v" +
         std::to_string(plan.version) + "." + std::string(extension) + "\"";
}

}  // namespace ccteam::server
