// Checking a saved plan by simulation (app/workspace/simulations.hpp): the API
// (POST /api/v1/plans/{id}/simulations starts one and answers 202 with its address,
// GET /api/v1/plans/{id}/simulations lists a plan's, GET /api/v1/simulations/{id} shows its
// state, progress and report, POST /api/v1/simulations/{id}/cancel stops it) and the pages (the
// plan page's form posts to /{lang}/plans/{id}/simulations and lands on /{lang}/simulations/{id},
// which follows the progress by itself with htmx and has a cancel button). Starting and
// cancelling is for admins and hiring managers (write_plans), reading for every role
// (read_plans). A start beyond the limits gets 429 with Retry-After.
#include <charconv>
#include <cstdint>
#include <limits>

#include <fmt/format.h>

#include "app/workspace/simulations.hpp"
#include "server/pages/plan_view.hpp"
#include "server/pages/shell.hpp"
#include "server/pages/simulation_view.hpp"
#include "server/responses.hpp"
#include "server/routes/account_shared.hpp"
#include "server/routes/page_shared.hpp"
#include "server/routes/plan_shared.hpp"
#include "server/routes/routes.hpp"

namespace ccteam::server {

namespace {

using json = nlohmann::ordered_json;
using access::Permission;
using pages::lang_path;

// Seconds a client told 429 waits before it tries again.
constexpr int k_retry_after_seconds = 10;
// Request bodies of a start: the model's text escaped as a JSON string or form-encoded.
constexpr std::size_t k_start_body_limit = 3 * app::k_max_model_bytes + 4096;
constexpr std::size_t k_max_model_file_name = 255;

json simulation_json(const app::SimulationRun& run) {
  const store::StoredJob& job = run.job;
  bool failed = run.state == "failed" && job.error;
  return {{"id", job.id.to_string()},
          {"plan_id", run.plan_id.to_string()},
          {"state", run.state},
          {"replications", run.replications},
          {"seed", run.seed},
          {"model", run.model_name ? json(*run.model_name) : json(nullptr)},
          {"progress", {{"done", job.progress_done}, {"total", job.progress_total}}},
          {"cancel_requested", job.cancel_requested},
          {"created_at", rfc3339(job.created_at)},
          {"finished_at", job.finished_at ? json(rfc3339(*job.finished_at)) : json(nullptr)},
          {"error", failed ? json(*job.error) : json(nullptr)},
          {"report", run.report ? *run.report : json(nullptr)}};
}

std::string api_path(const store::Uuid& id) { return "/api/v1/simulations/" + id.to_string(); }

// The members of a start: "replications" (1..limit, default 30), "seed" (default 1), "model"
// (the text of a scenario file; optional) and "model_file" (its name for errors; optional).
Result<app::SimulationStart> start_of(const nlohmann::json& body) {
  app::SimulationStart out;
  auto member_error = [](const std::string& key, MsgId id, std::string_view expected) {
    Error e = id == MsgId::plan_field_type
                  ? Error::invalid_input(msg(id, "/" + key, std::string(expected)))
                  : Error::usage(msg(id, "/" + key));
    e.where.json_pointer = "/" + key;
    return e;
  };
  for (const auto& [key, value] : body.items()) {
    if (key == "replications") {
      if (!value.is_number_integer()) {
        return tl::unexpected(member_error(key, MsgId::plan_field_type, "integer"));
      }
      // The use case checks the range and names the number given (one above the int64 range
      // is shown as its largest value).
      constexpr auto k_most = std::numeric_limits<std::int64_t>::max();
      out.replications = value.is_number_unsigned() &&
                                 value.get<std::uint64_t>() > static_cast<std::uint64_t>(k_most)
                             ? k_most
                             : value.get<std::int64_t>();
    } else if (key == "seed") {
      if (!value.is_number_unsigned()) {
        return tl::unexpected(member_error(key, MsgId::plan_field_type, "integer >= 0"));
      }
      out.seed = value.get<std::uint64_t>();
    } else if (key == "model" || key == "model_file") {
      if (!value.is_string()) {
        return tl::unexpected(member_error(key, MsgId::plan_field_type, "string"));
      }
      if (key == "model") {
        out.model = value.get<std::string>();
      } else {
        out.model_file = shorten(value.get<std::string>(), k_max_model_file_name);
      }
    } else {
      return tl::unexpected(member_error(key, MsgId::plan_unknown_field, ""));
    }
  }
  return out;
}

Result<store::Uuid> path_id(const PathParams& params) {
  auto id = store::Uuid::parse(params["id"]);
  if (!id) {
    return tl::unexpected(
        Error::not_found(msg(MsgId::simulation_not_found, shorten(params["id"], 64))));
  }
  return *id;
}

// An API route on the simulation of the path's {id} (no query parameters): 'use_case' (find or
// cancel) called with it, its run as JSON or its error as a problem.
using SimulationUseCase = Result<app::SimulationRun> (*)(store::Repository&, const store::Uuid&,
                                                         const store::Uuid&);
RouteHandler on_simulation(RouteContext& context, SimulationUseCase use_case) {
  return
      [&context, use_case](const Request& request, const PathParams& params, const Caller& caller) {
        if (auto query = read_query(request, {}); !query) {
          return problem(query.error(), caller.lang, request);
        }
        auto id = path_id(params);
        if (!id) return problem(id.error(), caller.lang, request);
        auto run = use_case(context.repository, context.organisation, *id);
        if (!run) return problem(run.error(), caller.lang, request);
        return json_response(simulation_json(*run));
      };
}

Response throttled(Response response) {
  if (response.status == 429) {
    response.set("Retry-After", std::to_string(k_retry_after_seconds));
  }
  return response;
}

Result<app::SimulationRun> start(RouteContext& context, const Caller& caller,
                                 const store::StoredPlan& plan, const app::SimulationStart& start) {
  return app::start_plan_simulation(context.repository, plan, start, context.simulations,
                                    caller.principal->user.id, caller.lang);
}

// --- pages

std::string state_text(const app::SimulationRun& run, Lang lang) {
  if (run.state == "queued") return tr(MsgId::web_sim_queued, lang);
  if (run.state == "running") {
    if (run.job.cancel_requested) return tr(MsgId::web_sim_cancelling, lang);
    return ccteam::render(msg(MsgId::web_sim_running, run.job.progress_done,
                              std::max<std::int64_t>(run.job.progress_total, run.replications)),
                          lang);
  }
  if (run.state == "done") return tr(MsgId::web_sim_done, lang);
  if (run.state == "cancelled") return tr(MsgId::web_sim_cancelled, lang);
  return ccteam::render(msg(MsgId::web_sim_failed, run.job.error.value_or("")), lang);
}

Response simulation_page(RouteContext& context, const Caller& caller,
                         const app::SimulationRun& run) {
  Lang lang = caller.lang;
  std::string id = run.job.id.to_string();
  auto plan = context.repository.plan(context.organisation, run.plan_id);
  std::string plan_name;
  std::vector<std::string> labels;
  if (plan && *plan) {
    plan_name = version_name(**plan);
    // The row labels come from the plan's whole result: parsed only once there is a report to
    // label (the page is polled every two seconds while the simulation runs).
    if (run.report) {
      if (auto result = stored_json((*plan)->result, run.plan_id)) {
        labels = pages::plan_interval_labels(*result, lang);
      }
    }
  }
  std::string title = ccteam::render(msg(MsgId::web_sim_title, plan_name), lang);
  render::Context page =
      pages::shell_context(title, lang, page_info(context, "/simulations/" + id, caller));
  bool active = run.state == "queued" || run.state == "running";
  std::int64_t total = std::max<std::int64_t>(run.job.progress_total, run.replications);
  page.text("heading", title)
      .text("meta", ccteam::render(msg(MsgId::web_sim_meta, display_time(run.job.created_at, lang),
                                       run.replications, std::to_string(run.seed)),
                                   lang))
      .text("model", run.model_name
                         ? ccteam::render(msg(MsgId::web_sim_model_named, *run.model_name), lang)
                         : tr(MsgId::web_sim_model_formulas, lang))
      .text("status", state_text(run, lang))
      .flag("polling", active)
      .text("self_href", lang_path(lang, "/simulations/" + id))
      .text("refreshing", tr(MsgId::web_sim_refreshing, lang))
      .flag("has_progress", run.state == "running")
      .text("progress_done", std::to_string(run.job.progress_done))
      .text("progress_total", std::to_string(total))
      .flag("can_cancel",
            active && !run.job.cancel_requested && caller.principal->can(Permission::write_plans))
      .text("cancel_action", lang_path(lang, "/simulations/" + id + "/cancel"))
      .text("cancel", tr(MsgId::web_sim_cancel, lang))
      .text("plan_href", lang_path(lang, "/plans/" + run.plan_id.to_string()))
      .text("back", tr(MsgId::web_sim_back, lang));
  if (run.report) page.child("report", pages::simulation_report_values(*run.report, lang, labels));
  return page_response(context.pages.workspace_page("simulation", page));
}

Response post_start_page(RouteContext& context, const Request& request, const Caller& caller,
                         const PathParams& params) {
  Lang lang = caller.lang;
  auto plan = stored_plan(context, params);
  if (!plan) return error_page(context, caller, plan.error(), "/plans");
  auto fields = form_body(request);
  if (!fields) return error_page(context, caller, fields.error(), "/plans");
  SimulationForm form;
  form.replications = form_value(*fields, "replications");
  form.model = form_value(*fields, "model");
  form.model_file = shorten(form_value(*fields, "model_file"), k_max_model_file_name);
  app::SimulationStart wanted;
  std::string_view text = form.replications;
  auto replications = whole_number(text, std::numeric_limits<std::int64_t>::min());
  if (!replications) {
    form.replications_error = field_error_text(
        Error::invalid_input(
            msg(MsgId::plan_bad_argument, tr(MsgId::web_sim_replications, lang), shorten(text, 20)),
            {}, msg(MsgId::hint_range, 1, context.simulations.max_replications)),
        lang);
    return plan_page(context, caller, *plan, form, 422);
  }
  wanted.replications = *replications;
  // A model pasted or read into the field; only white space counts as none.
  if (form.model.find_first_not_of(" \t\r\n") != std::string::npos) {
    wanted.model = form.model;
    wanted.model_file = form.model_file;
  }
  auto started = start(context, caller, *plan, wanted);
  // Refused for its input or for the limits: the plan page again, the reason at the field.
  if (!started && (started.error().kind == ErrorKind::invalid_input ||
                   started.error().kind == ErrorKind::throttled)) {
    std::string error = field_error_text(started.error(), lang);
    if (started.error().where.json_pointer == "/model") {
      form.model_error = std::move(error);
    } else {
      form.replications_error = std::move(error);
    }
    return throttled(plan_page(context, caller, *plan, form, status_of(started.error())));
  }
  if (!started) {
    return throttled(
        error_page(context, caller, started.error(), "/plans/" + plan->id.to_string()));
  }
  return redirect(lang_path(lang, "/simulations/" + started->job.id.to_string()));
}

}  // namespace

render::Context simulation_section(RouteContext& context, const Caller& caller,
                                   const store::StoredPlan& plan, const SimulationForm& form) {
  Lang lang = caller.lang;
  render::Context out;
  std::vector<render::Context> rows;
  if (auto runs = app::plan_simulations(context.repository, context.organisation, plan.id, 5)) {
    for (const app::SimulationRun& run : *runs) {
      render::Context row;
      row.text("href", lang_path(lang, "/simulations/" + run.job.id.to_string()))
          .text("started", display_time(run.job.created_at, lang))
          .text("replications", std::to_string(run.replications))
          .text("model", run.model_name ? *run.model_name : "–")
          .text("state", state_text(run, lang));
      rows.push_back(std::move(row));
    }
  }
  out.text("heading", tr(MsgId::web_sim_heading, lang))
      .text("intro", tr(MsgId::web_sim_intro, lang))
      .flag("can_start", caller.principal->can(Permission::write_plans))
      .text("action", lang_path(lang, "/plans/" + plan.id.to_string() + "/simulations"))
      .text("replications_label", tr(MsgId::web_sim_replications, lang))
      .text("replications_help",
            ccteam::render(
                msg(MsgId::web_sim_replications_help, context.simulations.max_replications), lang))
      .text("max_replications", std::to_string(context.simulations.max_replications))
      .text("replications", form.replications)
      .text("replications_error", form.replications_error)
      .text("model_label", tr(MsgId::web_sim_model, lang))
      .text("model_help", tr(MsgId::web_sim_model_help, lang))
      .text("model_file_label", tr(MsgId::web_pay_bands_import_file, lang))
      .text("model", form.model)
      .text("model_file", form.model_file)
      .text("model_error", form.model_error)
      .text("start", tr(MsgId::web_sim_start, lang))
      .text("recent_heading", tr(MsgId::web_sim_recent, lang))
      .text("col_started", tr(MsgId::web_sim_col_started, lang))
      .text("col_replications", tr(MsgId::web_sim_col_replications, lang))
      .text("col_state", tr(MsgId::web_sim_col_state, lang))
      .text("col_model", tr(MsgId::web_sim_col_model, lang))
      .text("open", tr(MsgId::web_sim_open, lang))
      .flag("has_runs", !rows.empty())
      .list("runs", std::move(rows));
  return out;
}

void add_simulations(Router& router, RouteContext& context) {
  router.add({"POST", "/api/v1/plans/{id}/simulations", Access::to(Permission::write_plans),
              k_start_body_limit,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return problem(query.error(), caller.lang, request);
                }
                auto plan = stored_plan(context, params);
                if (!plan) return problem(plan.error(), caller.lang, request);
                app::SimulationStart wanted;
                if (!request.body.empty()) {
                  auto body = json_body(request);
                  if (!body) return problem(body.error(), caller.lang, request);
                  auto read = start_of(*body);
                  if (!read) return problem(read.error(), caller.lang, request);
                  wanted = *read;
                }
                auto started = start(context, caller, *plan, wanted);
                if (!started) return throttled(problem(started.error(), caller.lang, request));
                Response response = json_response(simulation_json(*started), 202);
                response.set("Location", api_path(started->job.id));
                return response;
              }});

  router.add({"GET", "/api/v1/plans/{id}/simulations", Access::to(Permission::read_plans), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return problem(query.error(), caller.lang, request);
                }
                auto plan = stored_plan(context, params);
                if (!plan) return problem(plan.error(), caller.lang, request);
                auto runs =
                    app::plan_simulations(context.repository, context.organisation, plan->id, 50);
                if (!runs) return problem(runs.error(), caller.lang, request);
                json items = json::array();
                for (const app::SimulationRun& run : *runs) {
                  json item = simulation_json(run);
                  item.erase("report");
                  items.push_back(std::move(item));
                }
                return json_response(json{{"items", std::move(items)}});
              }});

  router.add({"GET", "/api/v1/simulations/{id}", Access::to(Permission::read_plans), 0,
              on_simulation(context, app::find_simulation)});
  router.add({"POST", "/api/v1/simulations/{id}/cancel", Access::to(Permission::write_plans), 4096,
              on_simulation(context, app::cancel_simulation)});

  router.add({"POST", "/{lang}/plans/{id}/simulations", Access::to(Permission::write_plans),
              k_start_body_limit,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) {
                  return page_not_found(context, request, caller, "/plans");
                }
                return post_start_page(context, request, caller, params);
              }});

  router.add({"GET", "/{lang}/simulations/{id}", Access::to(Permission::read_plans), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) {
                  return page_not_found(context, request, caller, "/plans");
                }
                auto id = path_id(params);
                if (!id) return error_page(context, caller, id.error(), "/plans");
                auto run = app::find_simulation(context.repository, context.organisation, *id);
                if (!run) return error_page(context, caller, run.error(), "/plans");
                return simulation_page(context, caller, *run);
              }});

  router.add({"POST", "/{lang}/simulations/{id}/cancel", Access::to(Permission::write_plans), 4096,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) {
                  return page_not_found(context, request, caller, "/plans");
                }
                auto id = path_id(params);
                if (!id) return error_page(context, caller, id.error(), "/plans");
                auto run = app::cancel_simulation(context.repository, context.organisation, *id);
                if (!run) return error_page(context, caller, run.error(), "/plans");
                return redirect(lang_path(caller.lang, "/simulations/" + run->job.id.to_string()));
              }});
}

}  // namespace ccteam::server
