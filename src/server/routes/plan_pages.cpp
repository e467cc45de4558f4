// The plan pages: the list of saved plans, the plan form (calculate, save, a new version of a
// saved plan), one plan, and plans side by side. Forms work without JavaScript; a form with
// errors comes back with everything typed and each error next to its field (and listed on
// top), worded as the planner words it with the field's label in place of its pointer.
#include <charconv>

#include <fmt/format.h>

#include "app/staffing/plan_fields.hpp"
#include "app/workspace/plans.hpp"
#include "io/base/number_text.hpp"
#include "server/pages/plan_view.hpp"
#include "server/pages/shell.hpp"
#include "server/responses.hpp"
#include "server/routes/account_shared.hpp"
#include "server/routes/page_shared.hpp"
#include "server/routes/plan_shared.hpp"
#include "server/routes/routes.hpp"

namespace ccteam::server {

namespace {

using access::Permission;
using pages::lang_path;

constexpr pages::BackLink k_back_to_plans{"/plans", MsgId::web_error_back_plans};

// The planner's errors that name the command line's options or the documentation's files, in
// the words of the form: its fields and choices.
Error in_form_words(Error e, Lang lang) {
  auto label = [lang](std::string_view pointer) {
    const app::PlanField* field = app::find_plan_field(pointer);
    return MessageArg(field != nullptr ? tr(field->label, lang) : std::string(pointer));
  };
  Message& m = e.message;
  switch (m.id) {
    case MsgId::plan_hours_order:
      m.id = MsgId::web_plan_hours_order;
      break;
    case MsgId::plan_hours_grid:
      m.id = MsgId::web_plan_hours_grid;
      m.args.push_back(label("/forecast/interval"));
      break;
    case MsgId::forecast_interval_mismatch:
      m.id = MsgId::web_forecast_interval_mismatch;
      m.args.push_back(label("/forecast/interval"));
      break;
    case MsgId::forecast_interval_unknown:
      m.id = MsgId::web_forecast_interval_unknown;
      m.args.push_back(label("/forecast/interval"));
      break;
    default:
      break;
  }
  if (!e.hint) return e;
  Message& h = *e.hint;
  switch (h.id) {
    case MsgId::hint_plan_hours_order:
      h.id = MsgId::web_hint_plan_hours_order;
      h.args.push_back(label("/forecast/source"));
      break;
    case MsgId::hint_forecast_separator:
      h.id = MsgId::web_hint_forecast_separator;
      break;
    case MsgId::hint_plan_cost_no_agent_rate:
      h.id = MsgId::web_hint_plan_cost_no_agent_rate;
      for (std::string_view pointer : {"/cost_view/agent_hour_cost", "/cost_view/currency",
                                       "/costing/country", "/costing/use_market_reference"}) {
        h.args.push_back(label(pointer));
      }
      break;
    default:
      break;
  }
  return e;
}

// An error as the page shows it: in the words of the form, the field's label in place of its
// pointer, a share's value in percent as the form takes it, the position in a forecast CSV
// before the message.
std::string error_text(const Error& raw, const app::PlanField* field, Lang lang) {
  Error e = in_form_words(shown_error(raw), lang);
  if (field != nullptr) {
    std::vector<MessageArg>& args = e.message.args;
    if (!args.empty() && args.front() == e.where.json_pointer) {
      args.front() = MessageArg(tr(field->label, lang));
    }
    // The value as the reader writes numbers; a share (a field in percent, or the fraction of a
    // service-level target "80/20") in percent as the form takes it.
    const bool share = field->kind == app::FieldKind::share ||
                       std::string_view(e.where.json_pointer).ends_with("/fraction");
    if ((e.message.id == MsgId::staffing_bad_option ||
         e.message.id == MsgId::staffing_bad_target) &&
        args.size() >= 2) {
      double value = 0;
      if (auto [end, ec] = std::from_chars(args[1].text.data(),
                                           args[1].text.data() + args[1].text.size(), value);
          ec == std::errc{} && end == args[1].text.data() + args[1].text.size()) {
        args[1] = MessageArg(share ? io::short_decimal_text(value * 100, 4, lang) + " %"
                                   : io::short_decimal_text(value, 6, lang));
      }
    }
  }
  return field_error_text(e, lang);
}

// What the form page shows besides the fields.
struct PlanForm {
  app::PlanRequest request = app::default_plan_request();
  std::map<std::string, std::string> typed;  // pointer -> text as the user typed it
  std::map<std::string, std::string> field_errors;
  std::vector<std::string> errors;
  std::string name;
  std::string name_error;
  std::string previous;  // the id of the plan this is a new version of
  std::string previous_name;
  std::optional<nlohmann::json> result;
};

// Puts each error next to its field (the first per field) and into the list on top.
void add_errors(PlanForm& form, const Errors& errors, Lang lang) {
  for (const Error& e : errors) {
    if (e.where.json_pointer == "/name") {
      form.name_error = error_text(e, nullptr, lang);
      // The list on top names the field, unless the message begins with its label already.
      const std::string label = tr(MsgId::web_plan_field_name, lang);
      form.errors.push_back(form.name_error.starts_with(label) ? form.name_error
                                                               : label + ": " + form.name_error);
      continue;
    }
    const app::PlanField* field = app::field_of_error(e.where.json_pointer);
    std::string text = error_text(e, field, lang);
    if (field != nullptr) {
      form.field_errors.emplace(std::string(field->pointer), text);
      // The list on top names the field, unless the message names it already.
      std::string label = tr(field->label, lang);
      form.errors.push_back(text.find(label) != std::string::npos ? text : label + ": " + text);
    } else {
      form.errors.push_back(text);
    }
  }
}

Response plan_form_page(RouteContext& context, const Caller& caller, const PlanForm& form,
                        int status) {
  Lang lang = caller.lang;
  std::string title =
      form.previous.empty()
          ? tr(MsgId::web_plan_new_title, lang)
          : ccteam::render(msg(MsgId::web_plan_version_title, form.previous_name), lang);
  render::Context page =
      pages::shell_context(title, lang, page_info(context, "/plans/new", caller));
  render::Context fields =
      pages::plan_form_values(form.request, form.typed, form.field_errors, lang);
  for (const auto& [name, value] : fields.values()) {
    if (name == "sections") page.list("sections", std::get<std::vector<render::Context>>(value));
  }
  std::vector<render::Context> errors;
  for (const std::string& e : form.errors) {
    render::Context item;
    item.text(".", e);
    errors.push_back(std::move(item));
  }
  page.text("heading", title)
      .flag("has_errors", !form.errors.empty())
      .text("errors_heading", tr(MsgId::web_form_errors, lang))
      .list("errors", std::move(errors))
      .list("notices", {})
      .text("intro", tr(MsgId::web_plan_form_intro, lang))
      .text("action", lang_path(lang, "/plans/new"))
      .text("csrf", caller.principal ? caller.principal->csrf_token : std::string())
      .text("file_label", tr(MsgId::web_plan_csv_file, lang))
      .text("calculate", tr(MsgId::web_plan_calculate, lang))
      .text("save_heading", tr(MsgId::web_plan_save, lang))
      .text("name_label", tr(MsgId::web_plan_field_name, lang))
      .text("name", form.name)
      .text("save_hint", tr(MsgId::web_plan_save_hint, lang))
      .text("save", tr(MsgId::web_plan_save, lang))
      .flag("has_result", form.result.has_value());
  if (!form.name_error.empty()) page.text("name_error", form.name_error);
  if (!form.previous.empty()) page.text("previous", form.previous);
  if (form.result) {
    auto snapshot = context.catalogs.current();
    const catalog::Catalog* catalog = snapshot ? &(*snapshot)->catalog() : nullptr;
    page.child("result", pages::plan_result_values(*form.result, form.request.costing.country,
                                                   catalog, lang));
  }
  return page_response(context.pages.workspace_page("plan_form", page), status);
}

// The form for a new version of the saved plan 'id' (its inputs and name).
Response new_version_form(RouteContext& context, const Caller& caller, const std::string& id) {
  auto uuid = store::Uuid::parse(id);
  if (!uuid) {
    return error_page(context, caller, Error::not_found(msg(MsgId::plan_not_found, shorten(id))),
                      "/plans", k_back_to_plans);
  }
  auto plan = app::find_plan(context.repository, context.organisation, *uuid);
  if (!plan) return error_page(context, caller, plan.error(), "/plans", k_back_to_plans);
  auto inputs = stored_json(plan->inputs, plan->id);
  if (!inputs) return error_page(context, caller, inputs.error(), "/plans", k_back_to_plans);
  PlanForm form;
  auto request = app::plan_request_from_json(*inputs);
  if (request) {
    form.request = std::move(*request);
  } else {
    add_errors(form, request.error(), caller.lang);
  }
  form.name = plan->name;
  form.previous = plan->id.to_string();
  form.previous_name = version_name(*plan);
  return plan_form_page(context, caller, form, 200);
}

Response post_plan_form(RouteContext& context, const Request& request, const Caller& caller) {
  Lang lang = caller.lang;
  auto fields = form_body(request);
  if (!fields) return error_page(context, caller, fields.error(), "/plans/new", k_back_to_plans);
  PlanForm form;
  std::vector<std::pair<std::string, std::string>> values;
  for (const QueryParam& p : *fields) {
    form.typed.emplace(p.name, p.value);
    values.emplace_back(p.name, p.value);
  }
  form.name = form_value(*fields, "name");
  form.previous = form_value(*fields, "previous");
  const bool save = form_value(*fields, "action") == "save";
  std::optional<store::Uuid> previous;
  if (!form.previous.empty()) {
    previous = store::Uuid::parse(form.previous);
    if (!previous) {
      return error_page(context, caller,
                        Error::not_found(msg(MsgId::plan_not_found, shorten(form.previous))),
                        "/plans", k_back_to_plans);
    }
    auto earlier = app::find_plan(context.repository, context.organisation, *previous);
    if (!earlier) return error_page(context, caller, earlier.error(), "/plans", k_back_to_plans);
    form.previous_name = version_name(*earlier);
  }
  auto read = app::plan_request_from_form(values, lang);
  if (!read) {
    add_errors(form, read.error(), lang);
    return plan_form_page(context, caller, form, 422);
  }
  form.request = *read;
  auto snapshot = context.catalogs.current();
  if (!snapshot)
    return error_page(context, caller, snapshot.error(), "/plans/new", k_back_to_plans);
  if (save) {
    auto saved = app::save_plan(context.repository, context.organisation, form.name, form.request,
                                (*snapshot)->catalog(), previous,
                                caller.principal->actor(request.request_id));
    if (saved) return redirect(lang_path(lang, "/plans/" + saved->id.to_string()));
    add_errors(form, saved.error(), lang);
    return plan_form_page(context, caller, form, status_of(saved.error().front()));
  }
  auto outcome = app::calculate_plan(form.request, (*snapshot)->catalog());
  if (!outcome) {
    add_errors(form, outcome.error(), lang);
    return plan_form_page(context, caller, form, 422);
  }
  form.result = nlohmann::json::parse(outcome->json.dump());
  return plan_form_page(context, caller, form, 200);
}

// "Agents 14 / team leads 2 / managers 1" of a plan's summary.
std::string headcounts(const std::string& summary) {
  auto parsed = nlohmann::json::parse(summary, nullptr, false);
  if (parsed.is_discarded() || !parsed.contains("levels")) return "–";
  std::string out;
  for (const auto& level : parsed["levels"]) {
    if (!out.empty()) out += " / ";
    out += fmt::format("{}", level.value("headcount", 0));
  }
  return out.empty() ? "–" : out;
}

Response plans_page(RouteContext& context, const Caller& caller) {
  Lang lang = caller.lang;
  auto plans = context.repository.plans(context.organisation, 200);
  if (!plans) return error_page(context, caller, plans.error(), "/plans", k_back_to_plans);
  std::string title = tr(MsgId::web_plans_title, lang);
  render::Context page = pages::shell_context(title, lang, page_info(context, "/plans", caller));
  std::vector<render::Context> rows;
  for (const store::StoredPlan& plan : *plans) {
    render::Context row;
    row.text("id", plan.id.to_string())
        .text("href", lang_path(lang, "/plans/" + plan.id.to_string()))
        .text("name", plan.name)
        .text("version", fmt::format("{}", plan.version))
        .text("headcount", headcounts(plan.summary))
        .text("author", plan.author_name.empty() ? "–" : plan.author_name)
        .text("saved", display_time(plan.created_at, lang))
        .text("compare_label", tr(MsgId::web_plans_col_compare, lang) + ": " + version_name(plan));
    rows.push_back(std::move(row));
  }
  page.text("heading", title)
      .flag("has_errors", false)
      .list("notices", {})
      .text("intro", tr(MsgId::web_plans_intro, lang))
      .flag("can_write", caller.principal->can(Permission::write_plans))
      .text("new_href", lang_path(lang, "/plans/new"))
      .text("new_text", tr(MsgId::web_plans_new, lang))
      .text("empty", tr(MsgId::web_plans_empty, lang))
      .flag("has_plans", !rows.empty())
      .list("plans", std::move(rows))
      .text("compare_action", lang_path(lang, "/plans/compare"))
      .text("col_compare", tr(MsgId::web_plans_col_compare, lang))
      .text("col_name", tr(MsgId::web_plans_col_name, lang))
      .text("col_version", tr(MsgId::web_plans_col_version, lang))
      .text("col_headcount", tr(MsgId::web_plans_col_headcount, lang))
      .text("col_author", tr(MsgId::web_plans_col_author, lang))
      .text("col_saved", tr(MsgId::web_plans_col_saved, lang))
      .text("compare_button", tr(MsgId::web_plans_compare, lang));
  return page_response(context.pages.workspace_page("plans", page));
}

}  // namespace

Response plan_page(RouteContext& context, const Caller& caller, const store::StoredPlan& plan,
                   const SimulationForm& form, int status) {
  Lang lang = caller.lang;
  std::string id = plan.id.to_string();
  auto result = stored_json(plan.result, plan.id);
  if (!result) return error_page(context, caller, result.error(), "/plans", k_back_to_plans);
  const std::string country = plan_country(plan);
  std::string title = version_name(plan);
  render::Context page =
      pages::shell_context(title, lang, page_info(context, "/plans/" + id, caller));
  auto snapshot = context.catalogs.current();
  const catalog::Catalog* catalog = snapshot ? &(*snapshot)->catalog() : nullptr;
  page.text("heading", title)
      .text("meta", ccteam::render(msg(MsgId::web_plan_meta, plan.version,
                                       plan.author_name.empty() ? "–" : plan.author_name,
                                       display_time(plan.created_at, lang)),
                                   lang))
      .flag("can_write", caller.principal->can(Permission::write_plans))
      .text("new_version_href", lang_path(lang, "/plans/new?from=" + id))
      .text("new_version", tr(MsgId::web_plan_new_version, lang))
      .text("download", tr(MsgId::web_plan_download, lang))
      .text("csv_href", "/api/v1/plans/" + id + "/intervals.csv")
      .text("download_csv", tr(MsgId::web_plan_download_csv, lang))
      .text("json_href", "/api/v1/plans/" + id + "/plan.json")
      .text("download_json", tr(MsgId::web_plan_download_json, lang))
      .text("xlsx_href",
            "/api/v1/plans/" + id + "/plan.xlsx?lang=" + (lang == Lang::de ? "de" : "en"))
      .text("download_xlsx", tr(MsgId::web_plan_download_xlsx, lang))
      .child("simulation", simulation_section(context, caller, plan, form))
      .text("list_href", lang_path(lang, "/plans"))
      .text("list_text", tr(MsgId::web_plans_title, lang))
      .child("result", pages::plan_result_values(*result, country, catalog, lang));
  return page_response(context.pages.workspace_page("plan", page), status);
}

namespace {

Response compare_page(RouteContext& context, const Request& request, const Caller& caller) {
  Lang lang = caller.lang;
  auto query = parse_query(request.query);
  std::vector<store::Uuid> ids;
  if (query) {
    for (const QueryParam& p : *query) {
      if (p.name != "id") continue;
      auto id = store::Uuid::parse(p.value);
      if (!id || ids.size() > app::k_max_compared_plans) continue;
      ids.push_back(*id);
    }
  }
  auto plans = app::plans_to_compare(context.repository, context.organisation, ids);
  if (!plans) return error_page(context, caller, plans.error(), "/plans", k_back_to_plans);
  std::vector<pages::ComparedPlan> compared;
  for (const store::StoredPlan& plan : *plans) {
    auto result = stored_json(plan.result, plan.id);
    if (!result) return error_page(context, caller, result.error(), "/plans", k_back_to_plans);
    compared.push_back(
        {version_name(plan), lang_path(lang, "/plans/" + plan.id.to_string()), std::move(*result)});
  }
  auto snapshot = context.catalogs.current();
  const catalog::Catalog* catalog = snapshot ? &(*snapshot)->catalog() : nullptr;
  std::string title = tr(MsgId::web_plan_compare_title, lang);
  render::Context page =
      pages::shell_context(title, lang, page_info(context, "/plans/compare", caller));
  render::Context values = pages::plan_compare_values(compared, catalog, lang);
  for (const auto& [name, value] : values.values()) {
    if (const auto* items = std::get_if<std::vector<render::Context>>(&value)) {
      page.list(name, *items);
    }
  }
  page.text("heading", title)
      .text("levels_heading", tr(MsgId::web_plan_levels, lang))
      .text("intervals_heading", tr(MsgId::web_plan_intervals, lang))
      .text("diff_note",
            ccteam::render(msg(MsgId::web_plan_compare_diff, compared.front().name), lang))
      .text("col_start", tr(MsgId::plan_col_start, lang))
      .text("list_href", lang_path(lang, "/plans"))
      .text("list_text", tr(MsgId::web_plans_title, lang));
  return page_response(context.pages.workspace_page("plan_compare", page));
}

Response not_found(RouteContext& context, const Request& request, const Caller& caller) {
  return page_not_found(context, request, caller, "/plans");
}

}  // namespace

void add_plan_pages(Router& router, RouteContext& context) {
  router.add({"GET", "/{lang}/plans", Access::to(Permission::read_plans), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                return plans_page(context, caller);
              }});
  router.add({"GET", "/{lang}/plans/new", Access::to(Permission::write_plans), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                auto query = parse_query(request.query);
                if (query) {
                  for (const QueryParam& p : *query) {
                    if (p.name == "from") return new_version_form(context, caller, p.value);
                  }
                }
                return plan_form_page(context, caller, PlanForm{}, 200);
              }});
  router.add({"POST", "/{lang}/plans/new", Access::to(Permission::write_plans), k_plan_body_limit,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                return post_plan_form(context, request, caller);
              }});
  router.add({"GET", "/{lang}/plans/compare", Access::to(Permission::read_plans), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                return compare_page(context, request, caller);
              }});
  router.add({"GET", "/{lang}/plans/{id}", Access::to(Permission::read_plans), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                auto plan = stored_plan(context, params);
                if (!plan)
                  return error_page(context, caller, plan.error(), "/plans", k_back_to_plans);
                return plan_page(context, caller, *plan);
              }});
}

}  // namespace ccteam::server
