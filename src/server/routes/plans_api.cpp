// The staffing plans API (docs/api/openapi.yaml): calculate a plan from a PlanRequest
// (app/staffing/plan_fields.hpp), save plans and new versions, read and list them, export a
// plan's JSON (what `ccteam simulate --plan` reads) and CSV, compare plans. Reading is every
// role's (read_plans); calculating and saving is for admins and hiring managers (write_plans).
#include <charconv>
#include <filesystem>

#include <fmt/format.h>

#include "app/staffing/plan_fields.hpp"
#include "app/workspace/plans.hpp"
#include "io/base/files.hpp"
#include "io/crypto/secrets.hpp"
#include "io/staffing/plan_csv.hpp"
#include "io/staffing/plan_xlsx.hpp"
#include "server/pages/plan_view.hpp"
#include "server/responses.hpp"
#include "server/routes/account_shared.hpp"
#include "server/routes/page_shared.hpp"
#include "server/routes/plan_shared.hpp"
#include "server/routes/routes.hpp"

namespace ccteam::server {

namespace {

using json = nlohmann::ordered_json;
using access::Permission;

Response fail(const Error& error, const Caller& caller, const Request& request) {
  return problem(error, caller.lang, request);
}

Response fail_all(const Errors& errors, const Caller& caller, const Request& request) {
  int status = errors.empty() ? 500 : status_of(errors.front());
  return problem(status, errors, caller.lang, request);
}

// The request of a body's "request" member (or the whole body), with every error's pointer
// under 'prefix'.
Checked<app::PlanRequest> request_of(const nlohmann::json& body, std::string_view prefix) {
  auto read = app::plan_request_from_json(body);
  if (read) return read;
  Errors errors = std::move(read).error();
  for (Error& e : errors) {
    if (!e.where.json_pointer.empty()) e = app::located(std::move(e), prefix);
  }
  return tl::unexpected(std::move(errors));
}

Errors located_all(Errors errors, std::string_view prefix) {
  for (Error& e : errors) {
    if (!e.where.json_pointer.empty() && e.where.json_pointer != "/name") {
      e = app::located(std::move(e), prefix);
    }
  }
  return errors;
}

Result<std::size_t> limit_of(const std::vector<QueryParam>& query) {
  std::size_t limit = 50;
  for (const auto& p : query) {
    if (p.name != "limit") continue;
    auto value = whole_number(p.value, 1, 200);
    if (!value) {
      return tl::unexpected(
          bad_query_parameter("limit", p.value, msg(MsgId::hint_range, "1", "200")));
    }
    limit = static_cast<std::size_t>(*value);
  }
  return limit;
}

// The plan's workbook (io/staffing/plan_xlsx.hpp) as bytes.
Result<std::string> plan_xlsx(RouteContext& context, const store::StoredPlan& plan, Lang lang) {
  CCTEAM_TRY(nlohmann::json result, stored_json(plan.result, plan.id));
  auto snapshot = context.catalogs.current();
  const catalog::Catalog* catalog = snapshot ? &(*snapshot)->catalog() : nullptr;
  // The notes in the words of the plan's page (the form's fields, titles in the reader's
  // language), whatever language the plan was saved in.
  auto sheets = io::plan_xlsx_sheets(
      result, lang,
      [catalog, lang](const std::string& id) {
        const catalog::Role* role = catalog != nullptr ? catalog->find(RoleId(id)) : nullptr;
        return role != nullptr ? role->title.get(lang) : std::string();
      },
      pages::plan_note_texts(result, plan_country(plan), catalog, lang));
  return xlsx_bytes(sheets);
}

}  // namespace

void add_plans_api(Router& router, RouteContext& context) {
  router.add({"POST", "/api/v1/plans/calculate", Access::to(Permission::write_plans),
              k_plan_body_limit,
              [&context](const Request& request, const PathParams&, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return fail(query.error(), caller, request);
                }
                auto body = json_body(request);
                if (!body) return fail(body.error(), caller, request);
                auto plan_request = request_of(*body, "");
                if (!plan_request) return fail_all(plan_request.error(), caller, request);
                auto snapshot = context.catalogs.current();
                if (!snapshot) return fail(snapshot.error(), caller, request);
                auto outcome = app::calculate_plan(*plan_request, (*snapshot)->catalog());
                if (!outcome) return fail_all(outcome.error(), caller, request);
                return json_response(outcome->json);
              }});

  router.add({"GET", "/api/v1/plans", Access::to(Permission::read_plans), 0,
              [&context](const Request& request, const PathParams&, const Caller& caller) {
                auto query = read_query(request, {"limit"});
                if (!query) return fail(query.error(), caller, request);
                auto limit = limit_of(*query);
                if (!limit) return fail(limit.error(), caller, request);
                auto plans = context.repository.plans(context.organisation, *limit);
                if (!plans) return fail(plans.error(), caller, request);
                json items = json::array();
                for (const store::StoredPlan& plan : *plans) items.push_back(plan_json(plan));
                return json_response(json{{"items", std::move(items)}});
              }});

  router.add({"POST", "/api/v1/plans", Access::to(Permission::write_plans), k_plan_body_limit,
              [&context](const Request& request, const PathParams&, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return fail(query.error(), caller, request);
                }
                auto body = json_body(request);
                if (!body) return fail(body.error(), caller, request);
                auto fields = plan_save_fields(*body);
                if (!fields) return fail(fields.error(), caller, request);
                auto plan_request = request_of(fields->request, "/request");
                if (!plan_request) return fail_all(plan_request.error(), caller, request);
                auto snapshot = context.catalogs.current();
                if (!snapshot) return fail(snapshot.error(), caller, request);
                auto saved = app::save_plan(context.repository, context.organisation, fields->name,
                                            *plan_request, (*snapshot)->catalog(), fields->previous,
                                            caller.principal->actor(request.request_id));
                if (!saved)
                  return fail_all(located_all(saved.error(), "/request"), caller, request);
                Response response = json_response(plan_json(*saved, PlanDetail::full), 201);
                response.set("Location", "/api/v1/plans/" + saved->id.to_string());
                return response;
              }});

  router.add({"GET", "/api/v1/plans/compare", Access::to(Permission::read_plans), 0,
              [&context](const Request& request, const PathParams&, const Caller& caller) {
                auto query = read_query(request, {"ids"});
                if (!query) return fail(query.error(), caller, request);
                std::string ids;
                for (const auto& p : *query) ids = p.value;
                auto parsed = parse_plan_ids(ids, "ids");
                if (!parsed) return fail(parsed.error(), caller, request);
                auto plans =
                    app::plans_to_compare(context.repository, context.organisation, *parsed);
                if (!plans) return fail(plans.error(), caller, request);
                return json_response(compare_json(*plans));
              }});

  router.add({"GET", "/api/v1/plans/{id}", Access::to(Permission::read_plans), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return fail(query.error(), caller, request);
                }
                auto plan = stored_plan(context, params);
                if (!plan) return fail(plan.error(), caller, request);
                return json_response(plan_json(*plan, PlanDetail::full));
              }});

  router.add({"GET", "/api/v1/plans/{id}/plan.json", Access::to(Permission::read_plans), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return fail(query.error(), caller, request);
                }
                auto plan = stored_plan(context, params);
                if (!plan) return fail(plan.error(), caller, request);
                Response response;
                response.body = plan->result + "\n";
                response.set("Content-Type", "application/json");
                response.set("Content-Disposition", download_name(*plan, "json"));
                return response;
              }});

  router.add({"GET", "/api/v1/plans/{id}/plan.xlsx", Access::to(Permission::read_plans), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                // ?lang=de|en: the workbook's language (the plan page links it in its own);
                // else the caller's (Accept-Language).
                auto query = read_query(request, {"lang"});
                if (!query) return fail(query.error(), caller, request);
                Lang lang = caller.lang;
                for (const QueryParam& p : *query) {
                  auto chosen = url_lang(p.value);
                  if (!chosen) {
                    return fail(
                        bad_query_parameter("lang", p.value, msg(MsgId::hint_one_of, "en, de")),
                        caller, request);
                  }
                  lang = *chosen;
                }
                auto plan = stored_plan(context, params);
                if (!plan) return fail(plan.error(), caller, request);
                auto bytes = plan_xlsx(context, *plan, lang);
                if (!bytes) return fail(bytes.error(), caller, request);
                Response response;
                response.body = std::move(*bytes);
                response.set("Content-Type",
                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                response.set("Content-Disposition", download_name(*plan, "xlsx"));
                return response;
              }});

  router.add({"GET", "/api/v1/plans/{id}/intervals.csv", Access::to(Permission::read_plans), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return fail(query.error(), caller, request);
                }
                auto plan = stored_plan(context, params);
                if (!plan) return fail(plan.error(), caller, request);
                auto csv = plan_csv(context, *plan);
                if (!csv) return fail_all(csv.error(), caller, request);
                Response response;
                response.body = std::move(*csv);
                response.set("Content-Type", "text/csv; charset=utf-8");
                response.set("Content-Disposition", download_name(*plan, "csv"));
                return response;
              }});
}

}  // namespace ccteam::server
