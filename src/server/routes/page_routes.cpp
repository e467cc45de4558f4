// The workspace's pages: / chooses the reader's language, /{lang}/roles is the career ladder,
// /{lang}/roles/{id} one role. Pages of the catalog are rendered once per catalog version and
// language and then served from memory, with an ETag for revalidation.

#include <fmt/format.h>

#include "app/catalog/roles.hpp"
#include "server/pages/shell.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace ccteam::server {

namespace {

constexpr std::string_view k_cache_control = "public, max-age=60";

pages::PageInfo page_info(const RouteContext& context, std::string path) {
  pages::PageInfo info;
  info.path = std::move(path);
  info.asset_version = context.static_files.version();
  return info;
}

// A page of the catalog in 'lang_text', or the error page for an unknown language or role.
template <class Render>
Response catalog_page(RouteContext& context, const Request& request, const std::string& lang_text,
                      const std::string& path, const std::string& key, Render render) {
  auto lang = parse_lang(lang_text);
  if (!lang) {
    Lang fallback = preferred_lang(request);
    return html_response(context.pages.error(404, msg(MsgId::http_not_found, request.path),
                                             fallback, page_info(context, "/roles")),
                         404);
  }
  auto snapshot = context.catalogs.current();
  if (!snapshot) {
    const Error& e = snapshot.error();
    int status = e.kind == ErrorKind::not_found ? 404 : 500;
    return html_response(context.pages.error(status, e.message, *lang, page_info(context, path)),
                         status);
  }
  std::string tag = fmt::format("c{}-{}-{}-{:x}", (*snapshot)->version(), to_string(*lang),
                                context.static_files.version(), std::hash<std::string>{}(key));
  Response response;
  if (not_modified(request, response, tag, k_cache_control)) {
    return not_modified_response(tag, k_cache_control);
  }
  std::string cache_key = std::string(to_string(*lang)) + key;
  std::shared_ptr<const std::string> page = (*snapshot)->find(cache_key);
  if (!page) {
    pages::PageInfo info = page_info(context, path);
    info.catalog_name = (*snapshot)->catalog().name;
    info.catalog_version = (*snapshot)->catalog().version;
    auto html = render(**snapshot, *lang, info);
    if (!html) {
      return html_response(
          context.pages.error(404, html.error().message, *lang, page_info(context, path)), 404);
    }
    page = (*snapshot)->store(cache_key, std::move(*html));
  }
  response.body = *page;
  response.set("Content-Type", "text/html; charset=utf-8");
  response.set("Content-Language", std::string(to_string(*lang)));
  return response;
}

}  // namespace

void add_page_routes(Router& router, RouteContext& context) {
  router.add({"GET", "/", Access::anyone, 0, [](const Request& request, const PathParams&) {
                return redirect(fmt::format("/{}/roles", to_string(preferred_lang(request))),
                                "Accept-Language");
              }});
  router.add({"GET", "/{lang}", Access::anyone, 0,
              [&context](const Request& request, const PathParams& params) {
                if (!parse_lang(params["lang"])) {
                  return html_response(
                      context.pages.error(404, msg(MsgId::http_not_found, request.path),
                                          preferred_lang(request), page_info(context, "/roles")),
                      404);
                }
                return redirect(fmt::format("/{}/roles", params["lang"]));
              }});
  router.add({"GET", "/{lang}/roles", Access::anyone, 0,
              [&context](const Request& request, const PathParams& params) {
                return catalog_page(context, request, params["lang"], "/roles", "ladder",
                                    [&context](const CatalogSnapshot& snapshot, Lang lang,
                                               const pages::PageInfo& info) -> Result<std::string> {
                                      return context.pages.ladder(snapshot.catalog(), lang, info);
                                    });
              }});
  router.add({"GET", "/{lang}/roles/{id}", Access::anyone, 0,
              [&context](const Request& request, const PathParams& params) {
                std::string id = params["id"];
                return catalog_page(
                    context, request, params["lang"], "/roles/" + id, "role-" + id,
                    [&context, id](const CatalogSnapshot& snapshot, Lang lang,
                                   const pages::PageInfo& info) -> Result<std::string> {
                      CCTEAM_TRY(const catalog::Role* role, app::find_role(snapshot.catalog(), id));
                      return context.pages.role(*role, snapshot.catalog(), lang, info);
                    });
              }});
}

}  // namespace ccteam::server
