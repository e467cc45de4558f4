// ccteam roles list | show ID | ladder: the roles of the catalog and the career
// ladder.
#include <CLI/CLI.hpp>

#include "app/catalog/roles.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/role_view.hpp"
#include "io/base/json_yaml.hpp"
#include "io/catalog/catalog_json.hpp"

namespace ccteam::cli {

namespace {

// Prints a JSON value as JSON or YAML, whichever was asked for.
void print_data(Context& ctx, const std::string& format, const nlohmann::ordered_json& value) {
  ctx.print(format == "yaml"
                ? io::json_to_yaml(value)
                : value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
                      "\n");
}

void list_roles(Context& ctx) {
  std::string format = ctx.format({"table", "json", "yaml"});
  if (format.empty()) return;
  const catalog::Catalog* catalog = ctx.catalog();
  if (catalog == nullptr) return;
  if (format == "table") {
    ctx.print(roles_table(*catalog, ctx.lang()));
  } else {
    print_data(ctx, format, io::roles_to_json(*catalog));
  }
}

void show_role(Context& ctx, const std::string& id) {
  std::string format = ctx.format({"table", "json", "yaml"});
  if (format.empty()) return;
  const catalog::Catalog* catalog = ctx.catalog();
  if (catalog == nullptr) return;
  auto role = app::find_role(*catalog, id);
  if (!role) return ctx.fail(role.error());
  if (format == "table") {
    ctx.print(role_page(**role, *catalog, ctx.lang()));
  } else {
    print_data(ctx, format, io::role_to_json(**role, *catalog));
  }
}

void show_ladder(Context& ctx) {
  std::string format = ctx.format({"table", "json", "yaml"});
  if (format.empty()) return;
  const catalog::Catalog* catalog = ctx.catalog();
  if (catalog == nullptr) return;
  auto ladder = app::role_ladder(*catalog);
  if (format == "table") {
    ctx.print(ladder_tree(ladder, ctx.lang()));
  } else {
    print_data(ctx, format, io::ladder_to_json(ladder));
  }
}

}  // namespace

void add_roles_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  CLI::App* roles = app.add_subcommand("roles", tr(MsgId::cmd_roles, lang));
  roles->require_subcommand(1);

  roles->add_subcommand("list", tr(MsgId::cmd_roles_list, lang))->callback([&ctx] {
    list_roles(ctx);
  });

  CLI::App* show = roles->add_subcommand("show", tr(MsgId::cmd_roles_show, lang));
  auto id = std::make_shared<std::string>();
  show->add_option(tr(MsgId::cli_ph_id, lang), *id, tr(MsgId::arg_role_id, lang))->required();
  show->callback([&ctx, id] { show_role(ctx, *id); });

  roles->add_subcommand("ladder", tr(MsgId::cmd_roles_ladder, lang))->callback([&ctx] {
    show_ladder(ctx);
  });
}

}  // namespace ccteam::cli
