#pragma once
// HTTP messages as the rest of the server sees them: plain values, no Boost.Beast. The Beast
// adapter (server/http/http_server.cpp, the only file that includes Beast) parses a request into
// a Request, calls a Handler, and writes its Response.

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ccteam::server {

// One header field. Names of a Request are lower-case; values are checked by the adapter (no
// CR, LF or NUL ever reaches a handler or leaves in a response).
struct Header {
  std::string name;
  std::string value;
};

struct Request {
  std::string method;  // "GET", "HEAD", "POST", ...
  std::string target;  // the request-target as sent: "/en/roles/agent?x=1"
  std::string path;    // the target's path, percent-decoded: "/en/roles/agent"
  std::string query;   // the target's query without '?', not decoded: "x=1"
  std::vector<Header> headers;
  std::string body;            // at most the route's body limit (Routes::body_limit)
  std::string request_id;      // made by the adapter, echoed as X-Request-Id and in the log
  std::string client_address;  // the peer's address ("127.0.0.1"); proxies are not trusted yet

  // The value of the first header 'lower_name', or nullptr.
  const std::string* header(std::string_view lower_name) const {
    for (const auto& h : headers) {
      if (h.name == lower_name) return &h.value;
    }
    return nullptr;
  }
};

struct Response {
  int status = 200;
  std::vector<Header> headers;  // Content-Type among them; Content-Length is set by the adapter
  std::string body;

  void set(std::string name, std::string value) {
    for (auto& h : headers) {
      if (h.name == name) {
        h.value = std::move(value);
        return;
      }
    }
    headers.push_back({std::move(name), std::move(value)});
  }
};

// What the adapter calls. handle() runs on one of the adapter's threads and may block briefly
// (a database read); it must not throw. body_limit() is asked once the header is read, before
// any body byte: the most bytes the route of 'method' 'path' accepts (0: no body allowed).
struct Routes {
  std::function<Response(const Request&)> handle;
  std::function<std::size_t(std::string_view method, std::string_view path)> body_limit;
  // The answer to a request whose body is larger than 'limit' bytes (from its header only: the
  // body is not read); unset: a plain-text 413.
  std::function<Response(const Request& request, std::size_t limit)> too_large;
  // The path as the access log shows it (a secret in the path cut off); unset: as requested.
  std::function<std::string(std::string_view path)> logged_path;
};

}  // namespace ccteam::server
