#pragma once
// Use cases of the roles of a catalog: finding a role by the id a user typed, and the career
// ladder (`ccteam roles show|ladder`, `screen`, `career`; later the server's role pages).

#include <string_view>
#include <vector>

#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"

namespace ccteam::app {

// The role 'id' of 'catalog' (owned by the catalog). Error::not_found
// (MsgId::role_not_found) when there is none, with the catalog's role ids in rank order as
// the hint (MsgId::hint_known_roles).
Result<const catalog::Role*> find_role(const catalog::Catalog& catalog, std::string_view id);

// The career ladder of 'catalog': one tree per entry role, next roles as children
// (catalog::build_ladder). The nodes point into the catalog.
std::vector<catalog::LadderNode> role_ladder(const catalog::Catalog& catalog);

}  // namespace ccteam::app
