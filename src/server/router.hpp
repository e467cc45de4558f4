#pragma once
// The route table of the workspace: each route names its method, its path pattern, the most
// body bytes it accepts and who may call it, and a handler that decodes the request, calls a use
// case and encodes the result. Nothing is reachable that is not in the table (deny by default).

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/workspace/accounts.hpp"
#include "ccteam/access/access.hpp"
#include "ccteam/core/lang.hpp"
#include "server/http/message.hpp"

namespace ccteam::server {

// Who may call a route. Every route states one (there is no default): public, or signed in
// (by session cookie or API token) with a permission of access::allows. Routes for a
// permission refuse a user who still has to replace a one-time password; own_account_setup
// routes (the account page, changing the password, signing out) let them in.
struct Access {
  enum class Kind { anyone, permission, own_account_setup };
  Kind kind = Kind::anyone;
  access::Permission permission = access::Permission::own_account;

  static constexpr Access anyone() { return {Kind::anyone, access::Permission::own_account}; }
  static constexpr Access to(access::Permission p) { return {Kind::permission, p}; }
  static constexpr Access own_account_setup() {
    return {Kind::own_account_setup, access::Permission::own_account};
  }
  friend bool operator==(const Access&, const Access&) = default;
};

// Who is calling: nullopt when nobody is signed in (only for Access::anyone routes).
struct Caller {
  std::optional<app::Principal> principal;
  Lang lang = Lang::en;  // the language of the answer (the page's, else Accept-Language)
  // The client's address: the peer's, or behind a trusted proxy the one it forwarded
  // (io::client_address); what sign-in throttling counts per address.
  std::string client_address;
};

// The values of a pattern's {name} segments, in pattern order.
class PathParams {
 public:
  void add(std::string name, std::string value) {
    m_values.emplace_back(std::move(name), std::move(value));
  }
  // The value of {name}; empty when the pattern has no such segment.
  const std::string& operator[](std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> m_values;
};

using RouteHandler = std::function<Response(const Request&, const PathParams&, const Caller&)>;

struct Route {
  std::string method;   // "GET" (GET routes answer HEAD too)
  std::string pattern;  // "/api/v1/roles/{id}": literal segments and {name} segments
  Access access;
  std::size_t body_limit = 0;  // bytes; 0: no body
  RouteHandler handler;
};

// What a request matched.
struct RouteMatch {
  const Route* route = nullptr;  // nullptr: no route
  PathParams params;
  std::vector<std::string> allowed;  // methods of routes with this path, when none had the method
};

class Router {
 public:
  void add(Route route);
  // The route of 'method' and 'path' (a decoded path: "/en/roles/agent"). A path segment
  // matches a literal segment exactly or any non-empty {name} segment; literal routes win over
  // patterns when both match. Linear in the number of routes (a few dozen).
  RouteMatch match(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return m_routes; }

 private:
  std::vector<Route> m_routes;
};

}  // namespace ccteam::server
