#include "server/responses.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <optional>

#include "app/error_status.hpp"
#include "io/base/error_json.hpp"
#include "io/base/files.hpp"
#include "io/crypto/secrets.hpp"
#include "server/http/uri.hpp"

namespace ccteam::server {

namespace {

// The problem's title in the reader's language (RFC 9457 allows a localized title).
std::string title_of(int status, Lang lang) {
  switch (status) {
    case 400:
      return tr(MsgId::http_title_400, lang);
    case 401:
      return tr(MsgId::http_title_401, lang);
    case 403:
      return tr(MsgId::http_title_403, lang);
    case 404:
      return tr(MsgId::http_title_404, lang);
    case 409:
      return tr(MsgId::http_title_409, lang);
    case 429:
      return tr(MsgId::http_title_429, lang);
    case 405:
      return tr(MsgId::http_title_405, lang);
    case 413:
      return tr(MsgId::http_title_413, lang);
    case 422:
      return tr(MsgId::http_title_422, lang);
    case 503:
      return tr(MsgId::http_title_503, lang);
    default:
      return tr(status >= 500 ? MsgId::http_title_500 : MsgId::http_title_400, lang);
  }
}

}  // namespace

int status_of(const Error& error) { return app::http_status(error.kind); }

Error shown_error(const Error& error) {
  if (error.kind != ErrorKind::unavailable) return error;
  return Error::unavailable(msg(MsgId::http_title_503), msg(MsgId::hint_store_unavailable));
}

std::string shorten(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  // Not inside a UTF-8 sequence: back up over continuation bytes.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "\u2026";
}

Response problem(int status, const Errors& errors, Lang lang, const Request& request) {
  nlohmann::ordered_json body;
  body["type"] = "about:blank";
  body["title"] = title_of(status, lang);
  body["status"] = status;
  body["detail"] =
      errors.empty() ? title_of(status, lang) : render(shown_error(errors.front()).message, lang);
  body["request_id"] = request.request_id;
  body["errors"] = nlohmann::ordered_json::array();
  for (const Error& e : errors) body["errors"].push_back(io::error_to_json(shown_error(e), lang));
  Response response = json_response(body, status);
  response.set("Content-Type", "application/problem+json");
  response.set("Cache-Control", "no-store");
  response.set("Content-Language", std::string(to_string(lang)));
  return response;
}

Errors without_positions(Errors errors) {
  for (Error& e : errors) {
    e.where.file.clear();
    e.where.line = 0;
    e.where.column = 0;
  }
  return errors;
}

std::optional<std::string> nested_deeper_than(const nlohmann::json& value, std::size_t max_depth) {
  struct Frame {
    const nlohmann::json* node;
    std::string pointer;
    std::size_t depth;
  };
  std::vector<Frame> stack{{&value, "", 0}};
  while (!stack.empty()) {
    Frame frame = std::move(stack.back());
    stack.pop_back();
    if (!frame.node->is_structured()) continue;
    if (frame.depth >= max_depth) return frame.pointer;
    if (frame.node->is_array()) {
      for (std::size_t i = 0; i < frame.node->size(); ++i) {
        stack.push_back(
            {&(*frame.node)[i], frame.pointer + "/" + std::to_string(i), frame.depth + 1});
      }
    } else {
      for (const auto& [key, member] : frame.node->items()) {
        std::string token;
        for (char c : key) {
          if (c == '~') {
            token += "~0";
          } else if (c == '/') {
            token += "~1";
          } else {
            token += c;
          }
        }
        stack.push_back({&member, frame.pointer + "/" + token, frame.depth + 1});
      }
    }
  }
  return std::nullopt;
}

bool is_yaml_content_type(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  return type == "application/yaml" || type == "application/x-yaml" || type == "text/yaml" ||
         type == "text/x-yaml";
}

Response problem(const Error& error, Lang lang, const Request& request) {
  return problem(status_of(error), Errors{error}, lang, request);
}

Result<std::string> xlsx_bytes(const std::vector<io::XlsxSheet>& sheets) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) dir = "/tmp";
  std::string path = (dir / ("ccteam-" + io::random_token(12) + ".xlsx")).string();
  auto written = io::write_xlsx(path, sheets);
  if (!written) return tl::unexpected(std::move(written).error());
  auto bytes = io::read_file(path, 64u << 20);
  std::filesystem::remove(path, ec);
  return bytes;
}

Response json_response(const nlohmann::ordered_json& body, int status) {
  Response response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  response.set("Content-Type", "application/json");
  return response;
}

Response html_response(std::string body, int status) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  response.set("Content-Type", "text/html; charset=utf-8");
  return response;
}

Response redirect(std::string location, std::string_view vary) {
  Response response;
  response.status = 303;
  response.set("Location", std::move(location));
  if (!vary.empty()) response.set("Vary", std::string(vary));
  response.set("Cache-Control", "no-cache");
  return response;
}

Lang preferred_lang(const Request& request) {
  const std::string* header = request.header("accept-language");
  if (!header) return Lang::en;
  // "de-DE,de;q=0.9,en;q=0.8": the best q of each of our languages; ties go to the first.
  double best_q = 0;
  Lang best = Lang::en;
  std::string_view rest = *header;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    auto semicolon = item.find(';');
    std::string_view tag = item.substr(0, semicolon);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    double q = 1;
    if (semicolon != std::string_view::npos) {
      std::string_view params = item.substr(semicolon + 1);
      auto at = params.find("q=");
      if (at != std::string_view::npos) {
        std::string_view number = params.substr(at + 2);
        auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), q);
        if (ec != std::errc{}) q = 0;
      }
    }
    std::string primary(tag.substr(0, tag.find('-')));
    std::transform(primary.begin(), primary.end(), primary.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto lang = parse_lang(primary);
    if (lang && q > best_q) {
      best_q = q;
      best = *lang;
    }
  }
  return best;
}

bool not_modified(const Request& request, Response& response, std::string_view tag,
                  std::string_view cache_control) {
  std::string etag = "\"" + std::string(tag) + "\"";
  response.set("ETag", etag);
  response.set("Cache-Control", std::string(cache_control));
  const std::string* match = request.header("if-none-match");
  return match && (match->find(etag) != std::string::npos || *match == "*");
}

Response not_modified_response(std::string_view tag, std::string_view cache_control) {
  Response response;
  response.status = 304;
  response.set("ETag", "\"" + std::string(tag) + "\"");
  response.set("Cache-Control", std::string(cache_control));
  return response;
}

void add_security_headers(Response& response, const Request& request) {
  auto set_default = [&](const char* name, std::string value) {
    for (const auto& h : response.headers) {
      if (h.name == name) return;
    }
    response.headers.push_back({name, std::move(value)});
  };
  set_default("Content-Security-Policy",
              "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
              "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  set_default("X-Content-Type-Options", "nosniff");
  set_default("X-Frame-Options", "DENY");
  set_default("Referrer-Policy", "strict-origin-when-cross-origin");
  set_default("Cross-Origin-Opener-Policy", "same-origin");
  set_default("Cross-Origin-Resource-Policy", "same-origin");
  set_default("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  if (!request.request_id.empty()) set_default("X-Request-Id", request.request_id);
}

std::optional<std::vector<QueryParam>> parse_query(std::string_view query) {
  std::vector<QueryParam> out;
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    auto name = percent_decode(pair.substr(0, eq), true, false);
    auto value = percent_decode(
        eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true, false);
    if (!name || !value) return std::nullopt;
    out.push_back({std::move(*name), std::move(*value)});
  }
  return out;
}

// A query parameter is named by the pointer "/query/<name>" in an error (docs/api/openapi.yaml).
std::optional<std::int64_t> whole_number(std::string_view text, std::int64_t min,
                                         std::int64_t max) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
    return std::nullopt;
  }
  return value;
}

Error bad_query_parameter(const std::string& name, const std::string& value, Message hint) {
  return Error{ErrorKind::usage, msg(MsgId::http_bad_query, name, shorten(value)),
               SourcePos{"", 0, 0, "/query/" + name}, std::move(hint)};
}

// The query parameters of a route: only the names in 'known'; each at most once.
Result<std::vector<QueryParam>> read_query(const Request& request,
                                           std::initializer_list<std::string_view> known) {
  auto params = parse_query(request.query);
  if (!params) {
    return tl::unexpected(Error::usage(msg(MsgId::http_bad_query_string, shorten(request.query)),
                                       msg(MsgId::hint_http_query_string)));
  }
  for (std::size_t i = 0; i < params->size(); ++i) {
    const QueryParam& p = (*params)[i];
    if (std::find(known.begin(), known.end(), p.name) == known.end()) {
      std::string names;
      for (std::string_view k : known) names += (names.empty() ? "" : ", ") + std::string(k);
      return tl::unexpected(
          Error{ErrorKind::usage, msg(MsgId::http_unknown_query_parameter, shorten(p.name)),
                SourcePos{"", 0, 0, "/query/" + shorten(p.name)},
                names.empty() ? std::optional<Message>{} : msg(MsgId::hint_known_keys, names)});
    }
    for (std::size_t j = 0; j < i; ++j) {
      if ((*params)[j].name == p.name) {
        return tl::unexpected(
            bad_query_parameter(p.name, p.value, msg(MsgId::hint_http_once, p.name)));
      }
    }
  }
  return *params;
}

}  // namespace ccteam::server
