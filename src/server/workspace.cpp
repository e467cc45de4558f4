#include "server/workspace.hpp"

#include <chrono>
#include <exception>

#include <fmt/format.h>

#include "app/workspace/seed.hpp"
#include "server/catalog_cache.hpp"
#include "server/http/http_server.hpp"
#include "server/pages/shell.hpp"
#include "server/responses.hpp"
#include "server/router.hpp"
#include "server/routes/routes.hpp"
#include "server/static_files.hpp"
#include "store/sqlite/sqlite_repository.hpp"

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
Routes http_routes(const Router& router, const pages::Pages& pages, const StaticFiles& statics,
                   const std::function<void(std::string_view)>& log) {
  Routes routes;
  routes.body_limit = [&router](std::string_view method, std::string_view path) -> std::size_t {
    RouteMatch match = router.match(method, path);
    return match.route ? match.route->body_limit : 0;
  };
  routes.handle = [&router, &pages, &statics, log](const Request& request) {
    Response response;
    bool api = request.path.starts_with("/api/") || request.path == "/healthz" ||
               request.path == "/readyz";
    auto fail = [&](int status, const Message& what) {
      Lang lang = api ? preferred_lang(request) : lang_of_path(request);
      if (api) return problem(status, Errors{Error::usage(what)}, lang, request);
      pages::PageInfo info;
      info.path = "/roles";
      info.asset_version = statics.version();
      Response page = html_response(pages.error(status, what, lang, info), status);
      page.set("Cache-Control", "no-store");
      return page;
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
        response = match.route->handler(request, match.params);
      } catch (const std::exception& e) {
        log(fmt::format(
            R"({{"time":"{}","level":"error","event":"handler_failed","request_id":{},"what":{}}})",
            utc_timestamp(), json_escape(request.request_id), json_escape(e.what())));
        response = fail(500, msg(MsgId::http_internal, request.request_id));
      }
    }
    add_security_headers(response, request);
    return response;
  };
  return routes;
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

Checked<void> run_workspace(const WorkspaceOptions& options) {
  const io::WorkspaceConfig& config = options.config;
  CCTEAM_TRY(auto repository, all_errors(store::open_sqlite_repository(config.db)));
  CCTEAM_TRY(auto organisation, all_errors(repository->default_organisation()));
  if (options.demo) {
    CCTEAM_TRY(auto demo, app::load_demo(*repository, organisation, options.env));
    options.log(fmt::format(
        R"({{"time":"{}","level":"info","event":"seeded","demo":true,"catalog_stored":{},"roles":{},"employers_added":{}}})",
        utc_timestamp(), demo.catalog.stored, demo.catalog.roles, demo.employers_added.size()));
  } else {
    CCTEAM_TRY(auto seeded, app::seed_catalog(*repository, organisation, options.env));
    options.log(
        fmt::format(R"({{"level":"info","event":"catalog_seeded","catalog_stored":{},"roles":{}}})",
                    seeded.stored, seeded.roles));
  }
  CCTEAM_TRY(auto page_set, all_errors(pages::Pages::load(options.web_dir)));
  CCTEAM_TRY(auto statics, all_errors(StaticFiles::load(options.web_dir + "/static")));

  CatalogCache catalogs(*repository, organisation);
  RouteContext context{*repository, organisation, catalogs, page_set, statics};
  Router router;
  add_health_routes(router, context);
  add_catalog_api(router, context);
  add_static_routes(router, context);
  add_page_routes(router, context);

  HttpServer server(config.listen.host, config.listen.port, server_limits(config.limits),
                    http_routes(router, page_set, statics, options.log), options.log);
  if (auto started = server.start(); !started) return tl::unexpected(Errors{started.error()});
  std::string host = config.listen.host.find(':') != std::string::npos
                         ? "[" + config.listen.host + "]"
                         : config.listen.host;
  if (host == "0.0.0.0") host = "127.0.0.1";
  std::string url = config.public_url.empty() ? fmt::format("http://{}:{}/", host, server.port())
                                              : config.public_url + "/";
  if (options.on_listening) options.on_listening(url);
  run_until_signal(server);
  return {};
}

}  // namespace ccteam::server
