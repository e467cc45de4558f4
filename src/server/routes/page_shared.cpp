#include "server/routes/page_shared.hpp"

#include "server/responses.hpp"
#include "server/routes/account_shared.hpp"

namespace ccteam::server {

std::optional<Lang> url_lang(std::string_view text) {
  auto lang = parse_lang(text);
  if (lang && to_string(*lang) == text) return lang;
  return std::nullopt;
}

pages::PageInfo page_info(const RouteContext& context, std::string path, const Caller& caller) {
  pages::PageInfo info;
  info.path = std::move(path);
  info.asset_version = context.static_files.version();
  if (caller.principal) info.viewer = viewer_of(*caller.principal, caller.lang);
  return info;
}

Response page_response(std::string html, int status) {
  Response response = html_response(std::move(html), status);
  response.set("Cache-Control", "no-store");
  return response;
}

}  // namespace ccteam::server
