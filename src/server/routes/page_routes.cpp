// The workspace's pages: / chooses the reader's language, /{lang}/roles is the career ladder,
// /{lang}/roles/{id} one role. Pages of the catalog are rendered once per catalog version and
// language and then served from memory, with an ETag for revalidation.

#include <fmt/format.h>

#include "app/catalog/roles.hpp"
#include "server/pages/shell.hpp"
#include "server/responses.hpp"
#include "server/routes/account_shared.hpp"
#include "server/routes/page_shared.hpp"
#include "server/routes/routes.hpp"

namespace ccteam::server {

namespace {

constexpr std::string_view k_cache_control = "public, max-age=60";
constexpr std::size_t k_max_role_id_bytes = 100;

Response error_page(RouteContext& context, int status, const Message& what, Lang lang,
                    const std::string& path);

pages::PageInfo page_info(const RouteContext& context, std::string path) {
  pages::PageInfo info;
  info.path = std::move(path);
  info.asset_version = context.static_files.version();
  return info;
}

// A page of the catalog in 'lang_text', or the error page for an unknown language or role.
template <class Render>
Response catalog_page(RouteContext& context, const Request& request, const Caller& caller,
                      const std::string& lang_text, const std::string& path, const std::string& key,
                      Render render) {
  auto lang = url_lang(lang_text);
  if (!lang) {
    return error_page(context, 404, msg(MsgId::http_not_found, shorten(request.path)),
                      preferred_lang(request), "/roles");
  }
  auto snapshot = context.catalogs.current();
  if (!snapshot) {
    const Error& e = snapshot.error();
    // A stored catalog that does not read is the server's problem (500), not the visitor's.
    int status = e.kind == ErrorKind::not_found     ? 404
                 : e.kind == ErrorKind::unavailable ? 503
                                                    : 500;
    return error_page(context, status, shown_error(e).message, *lang, path);
  }
  std::string tag = fmt::format("c{}-{}-{}-{:x}", (*snapshot)->version(), to_string(*lang),
                                context.static_files.version(), std::hash<std::string>{}(key));
  if (caller.principal) {
    // Signed in: the header names the user and carries the sign-out form's token, so the page
    // is made for this request and not kept (the dispatcher marks it no-store).
    pages::PageInfo info = page_info(context, path);
    info.catalog_name = (*snapshot)->catalog().name;
    info.catalog_version = (*snapshot)->catalog().version;
    info.viewer = viewer_of(*caller.principal, *lang);
    auto html = render(**snapshot, *lang, info);
    if (!html) return error_page(context, 404, html.error().message, *lang, path);
    Response response = html_response(std::move(*html));
    response.set("Content-Language", std::string(to_string(*lang)));
    return response;
  }
  std::string cache_key = std::string(to_string(*lang)) + key;
  std::shared_ptr<const std::string> page = (*snapshot)->find(cache_key);
  if (!page) {
    pages::PageInfo info = page_info(context, path);
    info.catalog_name = (*snapshot)->catalog().name;
    info.catalog_version = (*snapshot)->catalog().version;
    auto html = render(**snapshot, *lang, info);
    if (!html) return error_page(context, 404, html.error().message, *lang, path);
    page = (*snapshot)->store(cache_key, std::move(*html));
  }
  // Only a page that exists answers a conditional request with 304.
  Response response;
  if (not_modified(request, response, tag, k_cache_control)) {
    return not_modified_response(tag, k_cache_control);
  }
  response.body = *page;
  response.set("Content-Type", "text/html; charset=utf-8");
  // The same address answers a signed-in reader with another header.
  response.set("Vary", "Cookie");
  response.set("Content-Language", std::string(to_string(*lang)));
  return response;
}

Response error_page(RouteContext& context, int status, const Message& what, Lang lang,
                    const std::string& path) {
  Response response =
      html_response(context.pages.error(status, what, lang, page_info(context, path)), status);
  response.set("Cache-Control", "no-store");
  return response;
}

}  // namespace

void add_page_routes(Router& router, RouteContext& context) {
  router.add({"GET", "/", Access::anyone(), 0,
              [](const Request& request, const PathParams&, const Caller&) {
                return redirect(fmt::format("/{}/roles", to_string(preferred_lang(request))),
                                "Accept-Language");
              }});
  router.add({"GET", "/{lang}", Access::anyone(), 0,
              [&context](const Request& request, const PathParams& params, const Caller&) {
                if (!url_lang(params["lang"])) {
                  return error_page(context, 404, msg(MsgId::http_not_found, shorten(request.path)),
                                    preferred_lang(request), "/roles");
                }
                return redirect(fmt::format("/{}/roles", params["lang"]));
              }});
  router.add({"GET", "/{lang}/roles", Access::anyone(), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                return catalog_page(context, request, caller, params["lang"], "/roles", "ladder",
                                    [&context](const CatalogSnapshot& snapshot, Lang lang,
                                               const pages::PageInfo& info) -> Result<std::string> {
                                      return context.pages.ladder(snapshot.catalog(), lang, info);
                                    });
              }});
  router.add({"GET", "/{lang}/roles/{id}", Access::anyone(), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                std::string id = params["id"];
                if (id.size() > k_max_role_id_bytes) {
                  auto lang = url_lang(params["lang"]);
                  return error_page(context, 404, msg(MsgId::http_not_found, shorten(request.path)),
                                    lang ? *lang : preferred_lang(request), "/roles");
                }
                return catalog_page(
                    context, request, caller, params["lang"], "/roles/" + id, "role-" + id,
                    [&context, id](const CatalogSnapshot& snapshot, Lang lang,
                                   const pages::PageInfo& info) -> Result<std::string> {
                      CCTEAM_TRY(const catalog::Role* role, app::find_role(snapshot.catalog(), id));
                      return context.pages.role(*role, snapshot.catalog(), lang, info);
                    });
              }});
}

}  // namespace ccteam::server
