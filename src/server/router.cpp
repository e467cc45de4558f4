#include "server/router.hpp"

#include <algorithm>

namespace ccteam::server {

namespace {

// Splits "/a/b/" into {"a", "b", ""}: a trailing slash is a segment of its own, so "/en/roles/"
// does not match "/en/roles".
std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.starts_with('/')) path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool is_param(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Matches 'path' against 'pattern'; fills 'params' and counts literal segments in 'literals'.
bool matches(std::string_view pattern, const std::vector<std::string_view>& path,
             PathParams& params, int& literals) {
  auto parts = segments(pattern);
  if (parts.size() != path.size()) return false;
  literals = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (is_param(parts[i])) {
      if (path[i].empty()) return false;
      params.add(std::string(parts[i].substr(1, parts[i].size() - 2)), std::string(path[i]));
    } else if (parts[i] != path[i]) {
      return false;
    } else {
      ++literals;
    }
  }
  return true;
}

}  // namespace

const std::string& PathParams::operator[](std::string_view name) const {
  static const std::string k_empty;
  for (const auto& [key, value] : m_values) {
    if (key == name) return value;
  }
  return k_empty;
}

void Router::add(Route route) { m_routes.push_back(std::move(route)); }

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  auto parts = segments(path);
  RouteMatch best;
  int best_literals = -1;
  for (const Route& route : m_routes) {
    PathParams params;
    int literals = 0;
    if (!matches(route.pattern, parts, params, literals)) continue;
    bool method_ok = route.method == method || (method == "HEAD" && route.method == "GET");
    if (!method_ok) {
      if (std::find(best.allowed.begin(), best.allowed.end(), route.method) == best.allowed.end()) {
        best.allowed.push_back(route.method);
      }
      continue;
    }
    if (literals > best_literals) {
      best.route = &route;
      best.params = std::move(params);
      best_literals = literals;
    }
  }
  if (best.route) best.allowed.clear();
  return best;
}

}  // namespace ccteam::server
