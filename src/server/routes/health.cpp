// GET /healthz (the process answers) and /readyz (the database answers and its schema is the
// one this binary knows): for load balancers and orchestrators; no personal data, never cached.

#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace ccteam::server {

void add_health_routes(Router& router, RouteContext& context) {
  router.add({"GET", "/healthz", Access::anyone(), 0,
              [](const Request&, const PathParams&, const Caller&) {
                Response response = json_response({{"status", "ok"}});
                response.set("Cache-Control", "no-store");
                return response;
              }});
  router.add({"GET", "/readyz", Access::anyone(), 0,
              [&context](const Request& request, const PathParams&, const Caller&) {
                auto health = context.repository.health();
                if (!health) {
                  Response response = problem(health.error(), preferred_lang(request), request);
                  response.status = 503;
                  return response;
                }
                Response response =
                    json_response({{"status", "ready"},
                                   {"schema_version", health->schema_version},
                                   {"binary_schema_version", health->binary_schema_version}});
                response.set("Cache-Control", "no-store");
                return response;
              }});
}

}  // namespace ccteam::server
