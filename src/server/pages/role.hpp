#pragma once
// The role page (/{lang}/roles/{id}); rendered by Pages::role (shell.hpp).

#include <string>
#include <vector>

#include "ccteam/catalog/catalog.hpp"
#include "server/render/template.hpp"

namespace ccteam::server::pages {

// "/de/roles/agent": the page of role 'id'.
std::string role_href(Lang lang, const RoleId& id);

// "entry level, rank 1" / "Einstiegsebene, Rang 1".
std::string level_text(const catalog::Role& role, Lang lang);

// What a role pays, one line each: the organisation's own bands ("Own pay band, Germany:
// 2.450 € bis 2.900 € pro Monat") when it has any, else the market reference ("Market
// reference, United States, 2024: $32,000 to $35,000 per year"); empty when neither exists.
std::vector<std::string> pay_lines(const catalog::Role& role, const catalog::Catalog& catalog,
                                   Lang lang);

// Adds the role page's values to 'page' (names as used by web/templates/role.mustache).
void add_role(render::Context& page, const catalog::Role& role, const catalog::Catalog& catalog,
              Lang lang);

}  // namespace ccteam::server::pages
