#pragma once
// Who is asking, and whether an unsafe request may go on: the session cookie and API tokens,
// the Origin check and the synchronizer CSRF token (OWASP CSRF Prevention Cheat Sheet).
//
// - A session is a cookie "ccteam_session" (HttpOnly, SameSite=Lax, Path=/; behind TLS, that
//   is with an https public_url, "__Host-ccteam_session" and Secure) holding a random token;
//   the store keeps its SHA-256. Its CSRF token is derived from it (io::keyed_digest), so every
//   node computes the same token without storing it.
// - An API token comes as "Authorization: Bearer cct_...". It needs no CSRF token (a browser
//   never sends it on its own).
// - Every unsafe request (not GET or HEAD) that does not carry an API token must come from this
//   workspace: its Origin (else its Referer) must be the workspace's origin. A request with a
//   session must also carry the CSRF token, in the form field "csrf_token" or the header
//   "X-CSRF-Token".

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/workspace/accounts.hpp"
#include "ccteam/core/error.hpp"
#include "server/http/message.hpp"

namespace ccteam::server {

struct AuthConfig {
  // "https://hr.example.com" from the configuration's public_url; empty: the origin is
  // http:// and the request's Host.
  std::string public_origin;
  bool secure_cookies = false;  // public_origin is https
  // Peers whose X-Forwarded-For names the client (the configuration's trusted_proxies).
  std::vector<std::string> trusted_proxies;
};

// The cookie's name for 'config'.
std::string_view session_cookie_name(const AuthConfig& config);
// The value of cookie 'name' in the request's Cookie headers, if any.
std::optional<std::string> cookie_value(const Request& request, std::string_view name);
// Set-Cookie for a new session (Max-Age: the absolute expiry), and for signing out.
void set_session_cookie(Response& response, const AuthConfig& config, const std::string& token,
                        long long max_age_seconds);
void clear_session_cookie(Response& response, const AuthConfig& config);

// The principal of the request's API token or session cookie; nullopt for none or an invalid
// one. Error::io when the store cannot be read.
Result<std::optional<app::Principal>> authenticate(const Request& request, app::Accounts& accounts,
                                                   const AuthConfig& config);

// For an unsafe request: nullopt when it may go on, else the error (Error::forbidden with
// auth_origin or auth_csrf). 'form_csrf' is the form's csrf_token field when the body is a form.
std::optional<Error> check_unsafe_request(const Request& request,
                                          const std::optional<app::Principal>& principal,
                                          const AuthConfig& config,
                                          std::optional<std::string_view> form_csrf);

// True for GET and HEAD.
bool is_safe_method(std::string_view method);

// A local path to return to after signing in: 'next' when it is a path on this site ("/de/..."
// but not "//host" or "/\host"), else 'fallback'.
std::string local_next(std::string_view next, std::string fallback);

}  // namespace ccteam::server
