#include "server/auth.hpp"

#include <fmt/format.h>

#include "io/crypto/secrets.hpp"
#include "server/responses.hpp"

namespace ccteam::server {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// "scheme://host[:port]" of a URL, or "" when it has none.
std::string origin_of(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  auto path_start = url.find('/', scheme_end + 3);
  return std::string(url.substr(0, path_start));
}

}  // namespace

std::string_view session_cookie_name(const AuthConfig& config) {
  return config.secure_cookies ? "__Host-ccteam_session" : "ccteam_session";
}

std::optional<std::string> cookie_value(const Request& request, std::string_view name) {
  for (const auto& header : request.headers) {
    if (header.name != "cookie") continue;
    std::string_view rest = header.value;
    while (!rest.empty()) {
      auto end = rest.find(';');
      std::string_view pair = trim(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      auto eq = pair.find('=');
      if (eq == std::string_view::npos) continue;
      if (trim(pair.substr(0, eq)) == name) return std::string(trim(pair.substr(eq + 1)));
    }
  }
  return std::nullopt;
}

void set_session_cookie(Response& response, const AuthConfig& config, const std::string& token,
                        long long max_age_seconds) {
  response.headers.push_back(
      {"Set-Cookie", fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{}",
                                 session_cookie_name(config), token, max_age_seconds,
                                 config.secure_cookies ? "; Secure" : "")});
}

void clear_session_cookie(Response& response, const AuthConfig& config) {
  response.headers.push_back(
      {"Set-Cookie",
       fmt::format("{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{}", session_cookie_name(config),
                   config.secure_cookies ? "; Secure" : "")});
}

Result<std::optional<app::Principal>> authenticate(const Request& request, app::Accounts& accounts,
                                                   const AuthConfig& config) {
  if (const std::string* authorization = request.header("authorization")) {
    std::string_view value = *authorization;
    constexpr std::string_view k_bearer = "bearer ";  // the scheme is case-insensitive
    bool bearer = value.size() > k_bearer.size();
    for (std::size_t i = 0; bearer && i < k_bearer.size(); ++i) {
      char c = value[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      bearer = c == k_bearer[i];
    }
    if (bearer) return accounts.authenticate_api_token(trim(value.substr(k_bearer.size())));
    return std::optional<app::Principal>();
  }
  if (auto token = cookie_value(request, session_cookie_name(config))) {
    return accounts.authenticate_session(*token);
  }
  return std::optional<app::Principal>();
}

bool is_safe_method(std::string_view method) { return method == "GET" || method == "HEAD"; }

std::optional<Error> check_unsafe_request(const Request& request,
                                          const std::optional<app::Principal>& principal,
                                          const AuthConfig& config,
                                          std::optional<std::string_view> form_csrf) {
  // A browser never adds an Authorization header by itself: such a request is a script's, and
  // its token is checked by the route's policy (401 for a wrong one).
  if (request.header("authorization")) return std::nullopt;
  if (principal && principal->via == app::Principal::Via::api_token) return std::nullopt;
  std::string expected = config.public_origin;
  if (expected.empty()) {
    const std::string* host = request.header("host");
    if (host) expected = "http://" + *host;
  }
  std::string sent;
  if (const std::string* origin = request.header("origin")) {
    sent = *origin;
  } else if (const std::string* referer = request.header("referer")) {
    sent = origin_of(*referer);
  }
  if (expected.empty() || sent != expected) {
    return Error::forbidden(msg(MsgId::auth_origin, shorten(sent.empty() ? "-" : sent)));
  }
  if (principal) {
    std::string_view token;
    if (const std::string* header = request.header("x-csrf-token")) {
      token = *header;
    } else if (form_csrf) {
      token = *form_csrf;
    }
    if (!io::equal_in_constant_time(token, principal->csrf_token)) {
      return Error::forbidden(msg(MsgId::auth_csrf));
    }
  }
  return std::nullopt;
}

std::string local_next(std::string_view next, std::string fallback) {
  if (next.size() < 2 || next.size() > 512 || next[0] != '/' || next[1] == '/' || next[1] == '\\') {
    return fallback;
  }
  for (char c : next) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\') return fallback;
  }
  return std::string(next);
}

}  // namespace ccteam::server
