// GET /api/v1/roles, /api/v1/roles/{id}, /api/v1/ladder: the catalog as JSON, in the shape of
// `ccteam roles show --format json` (io/catalog/catalog_json). docs/openapi.yaml describes them.

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "app/catalog/roles.hpp"
#include "io/catalog/catalog_json.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace ccteam::server {

namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t k_default_page_size = 50;
constexpr std::size_t k_max_page_size = 100;
constexpr std::string_view k_cache_control = "public, max-age=60";

// Role ids of a catalog are short; a longer one cannot exist and is not echoed in full.
constexpr std::size_t k_max_role_id_bytes = 100;

json catalog_info(const catalog::Catalog& catalog, std::int64_t stored_version) {
  return json{{"name", catalog.name}, {"version", catalog.version}, {"revision", stored_version}};
}

// The response for 'make' when the catalog can be read; the catalog's errors as problems.
template <class Make>
Response with_catalog(RouteContext& context, const Request& request, const std::string& key,
                      Make make) {
  Lang lang = preferred_lang(request);
  auto snapshot = context.catalogs.current();
  if (!snapshot) return problem(snapshot.error(), lang, request);
  // The key holds request text (a role id): hashed, so that the tag never carries a quote.
  std::string tag = fmt::format("c{}-{:x}", (*snapshot)->version(), std::hash<std::string>{}(key));
  // Made first: a conditional request for something that does not exist is still a 404/400.
  // A 200 body is kept beside the catalog; only answers for what exists are kept (a role of
  // the catalog, a page after an existing role, a limit of 1 to 100), so the cache stays small.
  Response made;
  std::string cache_key = "api:" + key;
  if (auto body = (*snapshot)->find(cache_key)) {
    made.body = *body;
    made.set("Content-Type", "application/json");
  } else {
    made = make(**snapshot, lang);
    if (made.status != 200) return made;
    (*snapshot)->store(cache_key, made.body);
  }
  if (not_modified(request, made, tag, k_cache_control)) {
    return not_modified_response(tag, k_cache_control);
  }
  return made;
}

Response list_roles(RouteContext& context, const Request& request) {
  Lang lang = preferred_lang(request);
  auto query = read_query(request, {"limit", "after"});
  if (!query) return problem(query.error(), lang, request);
  std::size_t limit = k_default_page_size;
  std::string after;
  for (const QueryParam& p : *query) {
    if (p.name == "limit") {
      auto value = whole_number(p.value, 1, static_cast<std::int64_t>(k_max_page_size));
      if (!value) {
        return problem(
            bad_query_parameter("limit", p.value,
                                msg(MsgId::hint_range, "1", fmt::format("{}", k_max_page_size))),
            lang, request);
      }
      limit = static_cast<std::size_t>(*value);
    } else if (p.value.empty()) {
      return problem(bad_query_parameter("after", p.value, msg(MsgId::hint_http_after)), lang,
                     request);
    } else {
      after = p.value;
    }
  }
  return with_catalog(
      context, request, fmt::format("roles-{}-{}", limit, after),
      [&](const CatalogSnapshot& snapshot, Lang) -> Response {
        const catalog::Catalog& catalog = snapshot.catalog();
        std::vector<const catalog::Role*> roles = catalog.by_rank();
        auto begin = roles.begin();
        if (!after.empty()) {
          begin = std::find_if(roles.begin(), roles.end(),
                               [&](const catalog::Role* r) { return r->id.str() == after; });
          if (begin == roles.end()) {
            return problem(bad_query_parameter("after", after, msg(MsgId::hint_http_after)), lang,
                           request);
          }
          ++begin;
        }
        json body{{"catalog", catalog_info(catalog, snapshot.version())},
                  {"items", json::array()},
                  {"next", nullptr}};
        auto end = roles.end() - begin > static_cast<std::ptrdiff_t>(limit)
                       ? begin + static_cast<std::ptrdiff_t>(limit)
                       : roles.end();
        for (auto it = begin; it != end; ++it) {
          body["items"].push_back(io::role_to_json(**it, catalog));
        }
        if (end != roles.end()) {
          body["next"] =
              fmt::format("/api/v1/roles?limit={}&after={}", limit, (*(end - 1))->id.str());
        }
        return json_response(body);
      });
}

Response show_role(RouteContext& context, const Request& request, const PathParams& params) {
  Lang lang = preferred_lang(request);
  auto query = read_query(request, {});
  if (!query) return problem(query.error(), lang, request);
  const std::string& id = params["id"];
  if (id.size() > k_max_role_id_bytes) {
    return problem(Error::not_found(msg(MsgId::http_not_found, shorten(request.path))), lang,
                   request);
  }
  return with_catalog(context, request, "role-" + id,
                      [&](const CatalogSnapshot& snapshot, Lang) -> Response {
                        auto role = app::find_role(snapshot.catalog(), id);
                        if (!role) return problem(role.error(), lang, request);
                        return json_response(io::role_to_json(**role, snapshot.catalog()));
                      });
}

Response ladder(RouteContext& context, const Request& request) {
  Lang lang = preferred_lang(request);
  auto query = read_query(request, {});
  if (!query) return problem(query.error(), lang, request);
  return with_catalog(
      context, request, "ladder", [&](const CatalogSnapshot& snapshot, Lang) -> Response {
        json body{{"catalog", catalog_info(snapshot.catalog(), snapshot.version())}};
        body["ladders"] = io::ladder_to_json(app::role_ladder(snapshot.catalog()))["ladders"];
        return json_response(body);
      });
}

}  // namespace

void add_catalog_api(Router& router, RouteContext& context) {
  router.add({"GET", "/api/v1/roles", Access::anyone(), 0,
              [&context](const Request& request, const PathParams&, const Caller&) {
                return list_roles(context, request);
              }});
  router.add({"GET", "/api/v1/roles/{id}", Access::anyone(), 0,
              [&context](const Request& request, const PathParams& params, const Caller&) {
                return show_role(context, request, params);
              }});
  router.add({"GET", "/api/v1/ladder", Access::anyone(), 0,
              [&context](const Request& request, const PathParams&, const Caller&) {
                return ladder(context, request);
              }});
}

}  // namespace ccteam::server
