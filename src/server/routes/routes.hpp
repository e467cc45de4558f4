#pragma once
// The workspace's routes, one file per resource. Each add_* function puts its routes into the
// router; handlers decode the request, call a use case (src/app/) and encode the result.

#include <string>

#include "server/catalog_cache.hpp"
#include "server/router.hpp"
#include "server/static_files.hpp"
#include "store/repository.hpp"

namespace ccteam::server {

namespace pages {
class Pages;
}

// What the routes share; owned by the workspace (server/workspace.cpp), outliving the server.
struct RouteContext {
  store::Repository& repository;
  store::Uuid organisation;
  CatalogCache& catalogs;
  const pages::Pages& pages;
  const StaticFiles& static_files;
};

// GET /api/v1/roles, /api/v1/roles/{id}, /api/v1/ladder (docs/openapi.yaml).
void add_catalog_api(Router& router, RouteContext& context);
// GET /, /{lang}, /{lang}/roles, /{lang}/roles/{id}.
void add_page_routes(Router& router, RouteContext& context);
// GET /healthz, /readyz.
void add_health_routes(Router& router, RouteContext& context);
// GET /static/{name}.
void add_static_routes(Router& router, RouteContext& context);

}  // namespace ccteam::server
