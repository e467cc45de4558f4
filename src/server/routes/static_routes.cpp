// GET /static/{name}: the front end's CSS and JavaScript, from memory.

#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace ccteam::server {

void add_static_routes(Router& router, RouteContext& context) {
  router.add({"GET", "/static/{name}", Access::anyone, 0,
              [&context](const Request& request, const PathParams& params) {
                const StaticFile* file = context.static_files.find(params["name"]);
                if (!file) {
                  return problem(Error::not_found(msg(MsgId::http_not_found, request.path)),
                                 preferred_lang(request), request);
                }
                // Pages link static files with ?v=<version>: a changed file gets a new address.
                constexpr std::string_view k_cache = "public, max-age=86400";
                Response response;
                if (not_modified(request, response, file->etag, k_cache)) {
                  return not_modified_response(file->etag, k_cache);
                }
                response.body = file->content;
                response.set("Content-Type", file->content_type);
                return response;
              }});
}

}  // namespace ccteam::server
