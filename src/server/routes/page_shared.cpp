#include "server/routes/page_shared.hpp"

#include <cctype>
#include <chrono>

#include <fmt/format.h>

#include "server/pages/shell.hpp"
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

Response error_page(const RouteContext& context, const Caller& caller, const Error& error,
                    const std::string& path, const std::optional<pages::BackLink>& back) {
  Error shown = shown_error(error);
  return page_response(context.pages.error(status_of(error), shown.message, caller.lang,
                                           page_info(context, path, caller), back),
                       status_of(error));
}

std::string field_error_text(const Error& error, Lang lang) {
  Error e = shown_error(error);
  std::string text = render_sentence(e.message, lang);
  if (e.where.line > 0) {
    text = fmt::format("{}:{}:{}: {}", e.where.file, e.where.line, e.where.column, text);
  }
  if (e.hint) text += ". " + render_sentence(*e.hint, lang);
  return text;
}

Response page_not_found(const RouteContext& context, const Request& request, const Caller& caller,
                        const std::string& path) {
  return error_page(context, caller,
                    Error::not_found(msg(MsgId::http_not_found, shorten(request.path))), path);
}

Date today_utc() {
  return Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

render::Context option(const std::string& value, const std::string& title, bool selected) {
  render::Context out;
  out.text("value", value).text("title", title).flag("selected", selected);
  return out;
}

std::vector<render::Context> text_items(const std::vector<std::string>& texts) {
  std::vector<render::Context> out;
  out.reserve(texts.size());
  for (const std::string& text : texts) {
    render::Context item;
    item.text(".", text);
    out.push_back(std::move(item));
  }
  return out;
}

Result<std::vector<FormPart>> multipart_form(const Request& request) {
  const std::string* type = request.header("content-type");
  if (type == nullptr || !is_multipart_form(*type)) {
    return tl::unexpected(Error::usage(msg(MsgId::http_unsupported_media, "multipart/form-data")));
  }
  return parse_multipart(*type, request.body);
}

// A channel as a link names it (?src=indeed): letters, digits, '.', '_', '-', at most 40.
std::string channel_of(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, 40)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-') out += c;
  }
  return out;
}

}  // namespace ccteam::server
