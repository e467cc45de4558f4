#include "server/workspace.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <exception>
#include <filesystem>

#include <fmt/format.h>

#include "app/workspace/applications.hpp"
#include "app/workspace/outbox.hpp"
#include "app/workspace/seed.hpp"
#include "io/base/install_paths.hpp"
#include "io/base/number_text.hpp"
#include "io/crypto/secrets.hpp"
#include "io/workspace/mail.hpp"
#include "io/workspace/retention_yaml.hpp"
#include "server/catalog_cache.hpp"
#include "server/http/http_server.hpp"
#include "server/http/multipart.hpp"
#include "server/job_worker.hpp"
#include "server/pages/shell.hpp"
#include "server/responses.hpp"
#include "server/router.hpp"
#include "server/routes/routes.hpp"
#include "server/static_files.hpp"
#include "store/open.hpp"

namespace ccteam::server {

namespace {

std::string json_escape(std::string_view text) {
  return nlohmann::ordered_json(std::string(text))
      .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// The language of a page path ("/de/roles" -> de), else the reader's.
Lang lang_of_path(const Request& request) {
  if (request.path.size() >= 3 && request.path[0] == '/' &&
      (request.path.size() == 3 || request.path[3] == '/')) {
    if (auto lang = parse_lang(request.path.substr(1, 2))) return *lang;
  }
  return preferred_lang(request);
}

// The adapter's view of the router: match, call, and turn what no route answers (or a route
// that throws) into a 404, 405 or 500 in the form the client reads (problem+json under /api/
// and for the probes, an HTML page elsewhere).
// The form field "csrf_token" of a form body, if the request sends a form (urlencoded, or
// multipart/form-data when it has a file field).
std::optional<std::string> form_csrf(const Request& request) {
  const std::string* type = request.header("content-type");
  if (type && is_multipart_form(*type)) {
    auto parts = parse_multipart(*type, request.body);
    if (!parts) return std::nullopt;
    for (const FormPart& part : *parts) {
      if (part.name == "csrf_token" && !part.file_name) return std::string(part.body);
    }
    return std::nullopt;
  }
  if (!type || !type->starts_with("application/x-www-form-urlencoded")) return std::nullopt;
  auto fields = parse_query(request.body);
  if (!fields) return std::nullopt;
  for (const auto& field : *fields) {
    if (field.name == "csrf_token") return field.value;
  }
  return std::nullopt;
}

// Authenticates the request, applies the route's access policy and the rules for unsafe
// requests, and calls the route.
template <class Fail>
Response call_route(const Route& route, const PathParams& params, const Request& request, Lang lang,
                    bool api, app::Accounts& accounts, const AuthConfig& auth,
                    const Fail& fail_with) {
  Caller caller;
  caller.lang = lang;
  const std::string* forwarded = request.header("x-forwarded-for");
  caller.client_address = io::client_address(
      request.client_address, forwarded ? *forwarded : std::string_view(), auth.trusted_proxies);
  auto principal = authenticate(request, accounts, auth);
  // A route open to anyone (the probes, static files, public pages) does not need to know who
  // asks: while the database is away it is answered as for an anonymous visitor.
  if (!principal && principal.error().kind == ErrorKind::unavailable &&
      route.access.kind == Access::Kind::anyone) {
    principal = std::optional<app::Principal>();
  }
  if (!principal) return fail_with(status_of(principal.error()), principal.error());
  caller.principal = std::move(*principal);
  if (!is_safe_method(request.method)) {
    std::optional<std::string> csrf = form_csrf(request);
    std::optional<std::string_view> csrf_view;
    if (csrf) csrf_view = *csrf;
    if (auto refused = check_unsafe_request(request, caller.principal, auth, csrf_view)) {
      return fail_with(403, *refused);
    }
  }
  if (route.access.kind != Access::Kind::anyone) {
    if (!caller.principal) {
      if (api) {
        Response response = fail_with(401, Error::unauthenticated(msg(MsgId::auth_required)));
        response.set("WWW-Authenticate", "Bearer");
        return response;
      }
      // A page, or a form sent after the session ended: sign in, then back to the page (for a
      // form, the page it was on, from the same-origin Referer; else the account page).
      std::string back = request.target;
      if (!is_safe_method(request.method)) {
        back = fmt::format("/{}/account", to_string(lang));
        const std::string* referer = request.header("referer");
        std::string origin = auth.public_origin;
        if (origin.empty()) {
          if (const std::string* host = request.header("host")) origin = "http://" + *host;
        }
        if (referer && !origin.empty() && referer->starts_with(origin + "/")) {
          back = local_next(std::string_view(*referer).substr(origin.size()), back);
        }
      }
      std::string encoded;
      for (char c : back) {
        auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
          encoded += c;
        } else {
          encoded += fmt::format("%{:02X}", byte);
        }
      }
      Response response = redirect(fmt::format("/{}/sign-in?next={}", to_string(lang), encoded));
      if (cookie_value(request, session_cookie_name(auth))) clear_session_cookie(response, auth);
      return response;
    }
    const app::Principal& who = *caller.principal;
    if (route.access.kind == Access::Kind::permission && who.user.must_change_password) {
      if (!api && is_safe_method(request.method)) {
        return redirect(fmt::format("/{}/account", to_string(lang)));
      }
      return fail_with(403, Error::forbidden(msg(MsgId::auth_must_change_password)));
    }
    if (!who.can(route.access.permission)) {
      return fail_with(403, Error::forbidden(msg(MsgId::auth_forbidden,
                                                 tr(access::role_title(who.role), lang))));
    }
  }
  Response response = route.handler(request, params, caller);
  if (caller.principal) response.set("Cache-Control", "no-store");
  return response;
}

// The adapter's view of the router: match, authenticate, apply the route's access policy and
// the CSRF rules, call, and turn what no route answers (or a route that throws) into a 404, 405
// or 500 in the form the client reads (problem+json under /api/ and for the probes, an HTML
// page elsewhere). Signed-in answers are never stored by caches.
Routes http_routes(const Router& router, const pages::Pages& pages, const StaticFiles& statics,
                   app::Accounts& accounts, const AuthConfig& auth, std::size_t max_body_bytes,
                   const std::function<void(std::string_view)>& log) {
  Routes routes;
  // The route's own limit, and never more than the configured limits.max_body_bytes.
  routes.body_limit = [&router, max_body_bytes](std::string_view method,
                                                std::string_view path) -> std::size_t {
    RouteMatch match = router.match(method, path);
    return match.route ? std::min(match.route->body_limit, max_body_bytes) : 0;
  };
  // A body over the limit: the page's language and form for pages, a problem for the API.
  routes.too_large = [&pages, &statics](const Request& request, std::size_t limit) {
    bool api = request.path.starts_with("/api/");
    Lang lang = api ? preferred_lang(request) : lang_of_path(request);
    Error error =
        Error::usage(msg(MsgId::file_too_large,
                         io::short_decimal_text(static_cast<double>(limit) / (1 << 20), 2, lang)));
    if (api) return problem(413, Errors{error}, lang, request);
    pages::PageInfo info;
    bool page_path = request.path.starts_with("/en/") || request.path.starts_with("/de/");
    info.path = page_path ? request.path.substr(3) : std::string("/roles");
    info.asset_version = statics.version();
    Response page = html_response(pages.error(413, error.message, lang, info), 413);
    page.set("Cache-Control", "no-store");
    return page;
  };
  // An applicant's private link holds its token: the log shows the address without it.
  routes.logged_path = [](std::string_view path) {
    std::string out(path);
    if (auto at = out.find("/application/"); at != std::string::npos) {
      std::size_t start = at + std::string_view("/application/").size();
      std::size_t end = out.find('/', start);
      out.replace(start, (end == std::string::npos ? out.size() : end) - start, "-");
    }
    return out;
  };
  routes.handle = [&router, &pages, &statics, &accounts, &auth, log](const Request& request) {
    Response response;
    bool api = request.path.starts_with("/api/") || request.path == "/healthz" ||
               request.path == "/readyz";
    Lang lang = api ? preferred_lang(request) : lang_of_path(request);
    auto fail_with = [&](int status, const Error& error) {
      if (api) return problem(status, Errors{error}, lang, request);
      pages::PageInfo info;
      info.path = "/roles";
      info.asset_version = statics.version();
      Response page =
          html_response(pages.error(status, shown_error(error).message, lang, info), status);
      page.set("Cache-Control", "no-store");
      return page;
    };
    auto fail = [&](int status, const Message& what) {
      return fail_with(status, Error::usage(what));
    };
    auto log_failure = [&](std::string_view what) {
      log(fmt::format(
          R"({{"time":"{}","level":"error","event":"handler_failed","request_id":{},"what":{}}})",
          utc_timestamp(), json_escape(request.request_id), json_escape(what)));
    };
    RouteMatch match = router.match(request.method, request.path);
    std::string_view trimmed = request.path;
    while (trimmed.size() > 1 && trimmed.ends_with('/')) trimmed.remove_suffix(1);
    if (!match.route && match.allowed.empty() && trimmed.size() < request.path.size() &&
        !trimmed.starts_with("//") && (request.method == "GET" || request.method == "HEAD")) {
      // "/en/roles/" is "/en/roles": one address per page. ("//host" would leave the site.)
      response =
          redirect(std::string(trimmed) + (request.query.empty() ? "" : "?" + request.query));
      response.status = 308;
    } else if (!match.route && !match.allowed.empty()) {
      std::string allowed;
      for (const auto& m : match.allowed) allowed += (allowed.empty() ? "" : ", ") + m;
      if (allowed.find("GET") != std::string::npos) allowed += ", HEAD";
      response = fail(405, msg(MsgId::http_method_not_allowed, request.method, allowed));
      response.set("Allow", allowed);
    } else if (!match.route) {
      response = fail(404, msg(MsgId::http_not_found, shorten(request.path)));
    } else {
      try {
        response =
            call_route(*match.route, match.params, request, lang, api, accounts, auth, fail_with);
      } catch (const std::exception& e) {
        log_failure(e.what());
        response = fail(500, msg(MsgId::http_internal, request.request_id));
      }
    }
    add_security_headers(response, request);
    return response;
  };
  return routes;
}

app::DocumentSettings document_settings(const io::ServerLimitsConfig& config) {
  app::DocumentSettings out;
  out.max_per_application = static_cast<std::size_t>(config.max_documents);
  out.limits.max_bytes = config.max_document_bytes;
  return out;
}

ServerLimits server_limits(const io::ServerLimitsConfig& config) {
  ServerLimits limits;
  limits.max_connections = config.max_connections;
  limits.max_requests_in_flight = config.max_requests_in_flight;
  limits.max_header_bytes = config.max_header_bytes;
  limits.max_header_fields = config.max_header_fields;
  // The configuration reader bounds every time to an hour: it fits 32 bits.
  limits.header_timeout_ms = static_cast<std::uint32_t>(config.header_timeout_ms);
  limits.body_timeout_ms = static_cast<std::uint32_t>(config.body_timeout_ms);
  limits.write_timeout_ms = static_cast<std::uint32_t>(config.write_timeout_ms);
  limits.keep_alive_idle_ms = static_cast<std::uint32_t>(config.keep_alive_idle_ms);
  limits.threads = config.threads;
  return limits;
}

// A Result's error as the one error of a Checked.
template <class T>
Checked<T> all_errors(Result<T> result) {
  if (!result) return tl::unexpected(Errors{std::move(result).error()});
  return std::move(*result);
}

}  // namespace

void add_workspace_routes(Router& router, RouteContext& context) {
  add_health_routes(router, context);
  add_catalog_api(router, context);
  add_static_routes(router, context);
  add_page_routes(router, context);
  add_account_api(router, context);
  add_account_pages(router, context);
  add_jobs_api(router, context);
  add_plans_api(router, context);
  add_plan_pages(router, context);
  add_simulations(router, context);
  add_pay_bands(router, context);
  add_employers(router, context);
  add_openings(router, context);
  add_careers(router, context);
  add_applications(router, context);
}

Checked<void> run_workspace(const WorkspaceOptions& options) {
  const io::WorkspaceConfig& config = options.config;
  // One SQLite file serves one node; PostgreSQL any number of them.
  CCTEAM_TRY(auto node_lock, all_errors(store::claim_node(config.db)));
  CCTEAM_TRY(auto repository, all_errors(store::open_repository(config.db)));
  CCTEAM_TRY(auto organisation, all_errors(repository->default_organisation()));
  if (options.demo) {
    CCTEAM_TRY(auto demo, app::load_demo(*repository, organisation, options.env));
    options.log(fmt::format(
        R"({{"time":"{}","level":"info","event":"seeded","demo":true,"catalog_stored":{},"roles":{},"employers_added":{},"openings_added":{},"applications_added":{}}})",
        utc_timestamp(), demo.catalog.stored, demo.catalog.roles, demo.employers_added.size(),
        demo.openings_added, demo.applications_added));
  } else {
    CCTEAM_TRY(auto seeded, app::seed_catalog(*repository, organisation, options.env));
    options.log(
        fmt::format(R"({{"level":"info","event":"catalog_seeded","catalog_stored":{},"roles":{}}})",
                    seeded.stored, seeded.roles));
  }
  CCTEAM_TRY(auto page_set, all_errors(pages::Pages::load(options.web_dir)));
  CCTEAM_TRY(auto statics, all_errors(StaticFiles::load(options.web_dir + "/static")));

  app::AccountSettings account_settings;
  account_settings.secret = config.secret;
  if (account_settings.secret.empty()) {
    // Every node keys its sign-in counters with the same secret: the configured one, else one
    // the first node stored in the database.
    CCTEAM_TRY(account_settings.secret,
               all_errors(repository->shared_setting("server_secret", io::random_token(32))));
  }
  app::Accounts accounts(*repository, organisation, account_settings);
  if (options.demo) {
    CCTEAM_TRY(auto demo_users, all_errors(accounts.demo_users()));
    if (options.on_accounts) options.on_accounts(demo_users, true);
  }
  CCTEAM_TRY(auto first_admin, all_errors(accounts.ensure_first_admin()));
  if (first_admin && options.on_accounts) options.on_accounts({*first_admin}, false);
  AuthConfig auth;
  auth.trusted_proxies = config.trusted_proxies;
  if (!config.public_url.empty()) {
    auto scheme_end = config.public_url.find("://");
    auto path_start = config.public_url.find('/', scheme_end + 3);
    auth.public_origin = config.public_url.substr(0, path_start);
    auth.secure_cookies = config.public_url.starts_with("https://");
  }

  // Background jobs: this node runs what is due, whichever node queued it.
  const std::string node_id = "node-" + io::random_token(6);
  app::JobRunner jobs(*repository, node_id);
  jobs.handle(std::string(app::k_prune_job), app::prune_handler(*repository, {}));
  app::SimulationLimits simulation_limits;
  simulation_limits.active_per_organisation = config.limits.max_active_simulations;
  simulation_limits.max_simulated_calls = config.limits.max_simulated_calls;
  simulation_limits.threads = app::default_simulation_threads();
  jobs.handle(std::string(app::k_simulate_plan_job),
              app::plan_simulation_handler(*repository, simulation_limits.threads));
  CatalogCache catalogs(*repository, organisation);
  jobs.handle(std::string(app::k_screen_application_job),
              app::screening_handler(*repository, [&catalogs]() -> Result<app::CatalogAt> {
                CCTEAM_TRY(auto snapshot, catalogs.current());
                app::CatalogAt at;
                at.catalog = &snapshot->catalog();
                at.revision = snapshot->version();
                at.keep = std::move(snapshot);
                return at;
              }));
  // The text of applicants' documents, read in a child process (ccteam-extract beside this
  // binary); the screening of an application with documents waits for it.
  app::ExtractSettings extract;
  extract.program = io::default_extractor_path();
  if (std::error_code missing; !std::filesystem::exists(extract.program, missing)) {
    options.log(fmt::format(
        R"({{"time":"{}","level":"warning","event":"no_document_reader","program":{},"effect":"documents are recorded unreadable; set CCTEAM_EXTRACTOR or install ccteam-extract beside ccteam"}})",
        utc_timestamp(), json_escape(extract.program)));
  }
  extract.limits.cpu = std::chrono::seconds(config.limits.extract_cpu_seconds);
  extract.limits.memory_bytes = config.limits.extract_memory_bytes;
  extract.limits.wall = std::chrono::milliseconds(config.limits.extract_timeout_ms);
  extract.limits.max_input_bytes = config.limits.max_document_bytes;
  // On a worker of their own: a hostile document that runs into the reader's limits delays
  // other documents, never the screening, the e-mails or the maintenance.
  app::JobRunner document_jobs(*repository, node_id + "-documents");
  document_jobs.handle(std::string(app::k_read_documents_job),
                       app::read_documents_handler(*repository, std::move(extract)));
  CCTEAM_TRY(auto retention_rules, io::load_retention_rules(options.env.posting_data_dir +
                                                            "/../retention/retention.yaml"));
  jobs.handle(std::string(app::k_application_retention_job),
              app::retention_handler(*repository, std::move(retention_rules), {}));
  // E-mail to applicants: with a mail server every node sends queued messages; without one
  // messages are recorded as unsent and no job is queued.
  app::MailSettings mail;
  if (config.smtp) {
    mail.enabled = true;
    mail.max_attempts = config.smtp->max_attempts;
    io::SmtpServer smtp_server = config.smtp->server;
    jobs.handle(
        std::string(app::k_send_mail_job),
        app::mail_handler(*repository,
                          app::MailSender{config.smtp->from, config.smtp->from_name,
                                          [smtp_server](std::string_view from, std::string_view to,
                                                        std::string_view text) {
                                            return io::send_smtp(smtp_server, from, to, text);
                                          }},
                          {}),
        [first = std::chrono::milliseconds(config.smtp->retry_after_ms),
         most = std::chrono::milliseconds(config.smtp->retry_max_ms)](std::int64_t failed) {
          return app::mail_retry_after(failed, first, most);
        });
  }
  JobWorker job_worker(jobs, organisation, options.log);
  JobWorker document_worker(document_jobs, organisation, options.log, std::chrono::seconds{1},
                            false);

  CCTEAM_TRY(app::ProfileRules profile_rules,
             app::load_profile_rules(options.env.posting_data_dir));
  std::string configured_url = config.public_url;
  while (configured_url.ends_with('/')) configured_url.pop_back();
  PublicUrl public_url(configured_url);
  CCTEAM_TRY(std::shared_ptr<const app::PostingRules> posting_rules,
             app::load_posting_rules(options.env));
  PublicPageCache public_pages;
  RouteContext context{*repository,
                       organisation,
                       catalogs,
                       page_set,
                       statics,
                       accounts,
                       jobs,
                       auth,
                       simulation_limits,
                       profile_rules,
                       *posting_rules,
                       public_url,
                       public_pages,
                       config.limits.max_applications_per_address,
                       mail,
                       document_settings(config.limits)};
  Router router;
  add_workspace_routes(router, context);

  HttpServer server(config.listen.host, config.listen.port, server_limits(config.limits),
                    http_routes(router, page_set, statics, accounts, context.auth,
                                config.limits.max_body_bytes, options.log),
                    options.log);
  if (auto started = server.start(); !started) return tl::unexpected(Errors{started.error()});
  std::string host = config.listen.host.find(':') != std::string::npos
                         ? "[" + config.listen.host + "]"
                         : config.listen.host;
  if (host == "0.0.0.0") host = "127.0.0.1";
  std::string url = config.public_url.empty() ? fmt::format("http://{}:{}/", host, server.port())
                                              : config.public_url + "/";
  if (configured_url.empty()) public_url.set(url.substr(0, url.size() - 1));
  if (options.on_listening) options.on_listening(url);
  run_until_signal(server);
  return {};
}

}  // namespace ccteam::server
