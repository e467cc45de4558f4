#include "app/catalog/roles.hpp"

#include <string>

namespace ccteam::app {

Result<const catalog::Role*> find_role(const catalog::Catalog& catalog, std::string_view id) {
  if (const catalog::Role* role = catalog.find(RoleId(std::string(id)))) return role;
  return tl::unexpected(Error::not_found(msg(MsgId::role_not_found, std::string(id)), {},
                                         msg(MsgId::hint_known_roles, catalog.quoted_ids())));
}

std::vector<catalog::LadderNode> role_ladder(const catalog::Catalog& catalog) {
  return catalog::build_ladder(catalog);
}

}  // namespace ccteam::app
