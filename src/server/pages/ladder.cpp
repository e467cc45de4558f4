#include "server/pages/ladder.hpp"

#include "server/pages/role.hpp"
#include "server/pages/shell.hpp"

namespace ccteam::server::pages {

namespace {

using namespace ccteam::catalog;

render::Context tree_node(const LadderNode& node, Lang lang) {
  std::vector<render::Context> next;
  for (const LadderNode& child : node.next) next.push_back(tree_node(child, lang));
  render::Context out;
  out.text("href", role_href(lang, node.role->id))
      .text("title", node.role->title.get(lang))
      .text("level", level_text(*node.role, lang))
      .flag("has_next", !next.empty())
      .list("next", std::move(next));
  return out;
}

std::vector<render::Context> lines(const std::vector<std::string>& texts) {
  std::vector<render::Context> out;
  for (const std::string& text : texts) out.push_back(render::Context().text("line", text));
  return out;
}

}  // namespace

void add_ladder(render::Context& page, const Catalog& catalog, Lang lang) {
  std::vector<render::Context> tree;
  for (const LadderNode& root : build_ladder(catalog)) tree.push_back(tree_node(root, lang));
  std::vector<render::Context> roles;
  for (const Role* role : catalog.by_rank()) {
    render::Context row;
    std::string reports_to = tr(MsgId::label_none, lang);
    if (role->reports_to) {
      if (const Role* boss = catalog.find(role->reports_to->id)) reports_to = boss->title.get(lang);
    }
    row.text("href", role_href(lang, role->id))
        .text("title", role->title.get(lang))
        .text("level", level_text(*role, lang))
        .text("reports_to", reports_to)
        .list("pay", lines(pay_lines(*role, catalog, lang)));
    roles.push_back(std::move(row));
  }
  page.text("heading", tr(MsgId::ladder_title, lang))
      .text("intro", tr(MsgId::web_ladder_intro, lang))
      .text("tree_heading", tr(MsgId::web_ladder_tree_heading, lang))
      .list("tree", std::move(tree))
      .text("roles_heading", tr(MsgId::web_roles_heading, lang))
      .text("col_role", tr(MsgId::web_col_role, lang))
      .text("col_level", tr(MsgId::web_col_level, lang))
      .text("col_reports_to", tr(MsgId::web_col_reports_to, lang))
      .text("col_pay", tr(MsgId::web_col_pay, lang))
      .list("roles", std::move(roles));
}

std::string Pages::ladder(const Catalog& catalog, Lang lang, const PageInfo& info) const {
  render::Context context = shell_context(tr(MsgId::ladder_title, lang), lang, info);
  add_ladder(context, catalog, lang);
  return page("ladder", context);
}

}  // namespace ccteam::server::pages
