#pragma once
// The career ladder page (/{lang}/roles); rendered by Pages::ladder (shell.hpp).

#include "ccteam/catalog/catalog.hpp"
#include "server/render/template.hpp"

namespace ccteam::server::pages {

// Adds the ladder page's values to 'page': "heading", "intro", "tree_heading", "tree" (the
// roots of build_ladder, each node with "href", "title", "level" and "next", its children,
// empty at a leaf), "roles_heading", the column names "col_*" and "roles" (every role by rank
// with "href", "title", "level", "reports_to" and "pay", a list of "line"s).
void add_ladder(render::Context& page, const catalog::Catalog& catalog, Lang lang);

}  // namespace ccteam::server::pages
