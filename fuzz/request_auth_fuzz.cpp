// Fuzz target: what the workspace reads from a request before any route runs (Cookie headers,
// the sign-in form's "next" address, query strings and the audit filters, X-Forwarded-For) must
// take any bytes without a crash, hang or throw; "next" never leads off the site.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io/workspace/config_yaml.hpp"
#include "server/auth.hpp"
#include "server/responses.hpp"
#include "server/routes/account_shared.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ccteam::server;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Request request;
  request.headers.push_back({"cookie", std::string(text)});
  (void)cookie_value(request, "ccteam_session");
  std::string next = local_next(text, "/en/roles");
  if (next.size() < 2 || next[0] != '/' || next[1] == '/' || next[1] == '\\') std::abort();
  if (auto params = parse_query(text)) {
    (void)audit_query(*params);
  }
  request.query = std::string(text);
  (void)read_audit_params(request);
  request.body = std::string(text);
  request.headers.push_back({"content-type", "application/json"});
  (void)json_body(request);
  std::string client = ccteam::io::client_address("10.0.0.1", text, {"10.0.0.0/8", "fd00::/8"});
  if (client.empty()) std::abort();
  return 0;
}
