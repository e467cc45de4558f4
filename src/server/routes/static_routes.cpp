// GET /static/{name}: the front end's CSS and JavaScript, from memory.

#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace ccteam::server {

void add_static_routes(Router& router, RouteContext& context) {
  router.add({"GET", "/static/{name}", Access::anyone(), 0,
              [&context](const Request& request, const PathParams& params, const Caller&) {
                const StaticFile* file = context.static_files.find(params["name"]);
                if (!file) {
                  return problem(Error::not_found(msg(MsgId::http_not_found, request.path)),
                                 preferred_lang(request), request);
                }
                // Pages link static files with ?v=<version of all files>: a changed file gets a
                // new address, so the address of the current version never changes content.
                std::string_view cache = request.query == "v=" + context.static_files.version()
                                             ? "public, max-age=31536000, immutable"
                                             : "public, max-age=300";
                Response response;
                if (not_modified(request, response, file->etag, cache)) {
                  return not_modified_response(file->etag, cache);
                }
                response.body = file->content;
                response.set("Content-Type", file->content_type);
                return response;
              }});
}

}  // namespace ccteam::server
