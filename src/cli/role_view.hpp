#pragma once
// Human-readable views of the catalog for the terminal, in the user's language.

#include <string>
#include <vector>

#include "ccteam/catalog/catalog.hpp"

namespace ccteam::cli {

// "$32,000 to $35,000 per year" / "32.000 $ bis 35.000 $ pro Jahr".
std::string format_pay_range(const catalog::PayRange& range, Lang lang);

// The roles as a table: id, level, title, reports to, next roles, market reference pay.
std::string roles_table(const catalog::Catalog& catalog, Lang lang);

// Everything about one role, as sections of wrapped text.
std::string role_page(const catalog::Role& role, const catalog::Catalog& catalog, Lang lang);

// The career ladder as an indented tree with box-drawing branches.
std::string ladder_tree(const std::vector<catalog::LadderNode>& ladder, Lang lang);

}  // namespace ccteam::cli
