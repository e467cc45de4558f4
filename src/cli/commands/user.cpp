// ccteam user add|list|disable, ccteam backup and ccteam migrate: the workspace's accounts, a
// consistent copy of its database and its schema, from the command line (for the first admin,
// for scripts, for operations).
// The database comes from --db or the configuration file, as for `ccteam serve`.
#include <filesystem>

#include <CLI/CLI.hpp>

#include "app/workspace/accounts.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "io/base/table.hpp"
#include "io/workspace/config_yaml.hpp"
#include "store/open.hpp"

namespace ccteam::cli {

namespace {

struct StoreOptions {
  std::string config;
  std::string db;
};

struct UserOptions {
  StoreOptions store;
  std::string login;
  std::string name;
  std::string role = "viewer";
  bool admin = false;
};

// The database of --db, else of --config, else the default ("ccteam.db"); unless 'create',
// a SQLite file must exist (listing or copying a workspace that is not there is a mistake in
// the path).
std::optional<std::string> database_path(Context& ctx, const StoreOptions& options,
                                         bool create = false) {
  auto config = read_workspace_config(ctx, options.config, options.db);
  if (!config) return std::nullopt;
  if (!create && !store::is_postgres(config->db) && !std::filesystem::exists(config->db)) {
    ctx.fail(Error::not_found(msg(MsgId::file_not_found, config->db)));
    return std::nullopt;
  }
  return config->db;
}

template <class Use>
void with_accounts(Context& ctx, const StoreOptions& options, bool create, Use use) {
  auto path = database_path(ctx, options, create);
  if (!path) return;
  auto repository = store::open_repository(*path);
  if (!repository) return ctx.fail(repository.error());
  auto organisation = (*repository)->default_organisation();
  if (!organisation) return ctx.fail(organisation.error());
  app::Accounts accounts(**repository, *organisation, {});
  use(accounts);
}

void add_store_options(CLI::App* command, StoreOptions& options, Lang lang) {
  command->add_option("--config", options.config, tr(MsgId::serve_opt_config, lang))
      ->option_text("FILE");
  command->add_option("--db", options.db, tr(MsgId::serve_opt_db, lang))->option_text("FILE|URL");
}

}  // namespace

std::optional<io::WorkspaceConfig> read_workspace_config(Context& ctx,
                                                         const std::string& config_file,
                                                         const std::string& db) {
  io::WorkspaceConfig config;
  if (!config_file.empty()) {
    auto loaded = io::load_workspace_config(config_file);
    if (!loaded) {
      ctx.fail(loaded.error());
      return std::nullopt;
    }
    config = std::move(*loaded);
  }
  if (!db.empty()) config.db = db;
  return config;
}

void add_user_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  CLI::App* user_cmd = app.add_subcommand("user", tr(MsgId::cmd_user, lang));
  user_cmd->require_subcommand(1);

  auto add = std::make_shared<UserOptions>();
  CLI::App* add_cmd = user_cmd->add_subcommand("add", tr(MsgId::cmd_user_add, lang));
  add_store_options(add_cmd, add->store, lang);
  add_cmd->add_option("--login", add->login, tr(MsgId::user_opt_login, lang))
      ->required()
      ->option_text("LOGIN");
  add_cmd->add_option("--name", add->name, tr(MsgId::user_opt_name, lang))->option_text("NAME");
  add_cmd->add_option("--role", add->role, tr(MsgId::user_opt_role, lang))->option_text("ROLE");
  add_cmd->add_flag("--admin", add->admin, tr(MsgId::user_opt_admin, lang));
  add_cmd->callback([&ctx, add] {
    // The first admin may come before the first start: adding creates the workspace's file.
    with_accounts(ctx, add->store, true, [&](app::Accounts& accounts) {
      std::string role = add->admin ? "admin" : add->role;
      std::string name = add->name.empty() ? add->login : add->name;
      auto added = accounts.add_user(add->login, name, role, store::Actor::cli());
      if (!added) return ctx.fail(added.error());
      Lang out = ctx.lang();
      ctx.print(render(msg(MsgId::user_added, added->user.login, added->user.role,
                           added->one_time_password),
                       out) +
                "\n" + tr(MsgId::user_added_note, out) + "\n");
    });
  });

  auto list = std::make_shared<StoreOptions>();
  CLI::App* list_cmd = user_cmd->add_subcommand("list", tr(MsgId::cmd_user_list, lang));
  add_store_options(list_cmd, *list, lang);
  list_cmd->callback([&ctx, list] {
    with_accounts(ctx, *list, false, [&](app::Accounts& accounts) {
      auto users = accounts.users(std::nullopt, 100000);
      if (!users) return ctx.fail(users.error());
      Lang out = ctx.lang();
      io::TextTable table({tr(MsgId::user_col_login, out), tr(MsgId::user_col_name, out),
                           tr(MsgId::user_col_role, out), tr(MsgId::user_col_status, out)});
      for (const auto& user : *users) {
        table.add_row(
            {user.login, user.display_name, user.role,
             tr(user.disabled ? MsgId::user_status_disabled : MsgId::user_status_active, out)});
      }
      ctx.print(table.render());
    });
  });

  auto disable = std::make_shared<UserOptions>();
  CLI::App* disable_cmd = user_cmd->add_subcommand("disable", tr(MsgId::cmd_user_disable, lang));
  add_store_options(disable_cmd, disable->store, lang);
  disable_cmd->add_option("--login", disable->login, tr(MsgId::user_opt_login, lang))
      ->required()
      ->option_text("LOGIN");
  disable_cmd->callback([&ctx, disable] {
    with_accounts(ctx, disable->store, false, [&](app::Accounts& accounts) {
      auto login = access::normalize_login(disable->login);
      if (!login) return ctx.fail(login.error());
      auto users = accounts.users(std::nullopt, 100000);
      if (!users) return ctx.fail(users.error());
      auto it = std::find_if(users->begin(), users->end(),
                             [&](const store::StoredUser& u) { return u.login == *login; });
      if (it == users->end()) {
        return ctx.fail(Error::not_found(msg(MsgId::user_not_found, *login)));
      }
      auto updated = accounts.update_user(it->id, it->version, std::nullopt, std::nullopt, true,
                                          store::Actor::cli());
      if (!updated) return ctx.fail(updated.error());
      ctx.print(render(msg(MsgId::user_disabled_done, updated->login), ctx.lang()) + "\n");
    });
  });
}

void add_backup_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  auto options = std::make_shared<StoreOptions>();
  auto target = std::make_shared<std::string>();
  CLI::App* backup_cmd = app.add_subcommand("backup", tr(MsgId::cmd_backup, lang));
  add_store_options(backup_cmd, *options, lang);
  backup_cmd->add_option(tr(MsgId::cli_ph_file, lang), *target, tr(MsgId::backup_opt_target, lang))
      ->required()
      ->option_text("FILE");
  backup_cmd->callback([&ctx, options, target] {
    auto path = database_path(ctx, *options);
    if (!path) return;
    auto repository = store::open_repository(*path);
    if (!repository) return ctx.fail(repository.error());
    if (auto copied = (*repository)->backup_to(*target); !copied) return ctx.fail(copied.error());
    std::error_code ec;
    auto bytes = std::filesystem::file_size(*target, ec);
    ctx.print(render(msg(MsgId::backup_done, *path, *target, ec ? 0 : bytes), ctx.lang()) + "\n");
  });
}

void add_migrate_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  auto options = std::make_shared<StoreOptions>();
  CLI::App* migrate_cmd = app.add_subcommand("migrate", tr(MsgId::cmd_migrate, lang));
  add_store_options(migrate_cmd, *options, lang);
  migrate_cmd->callback([&ctx, options] {
    auto path = database_path(ctx, *options, true);
    if (!path) return;
    auto migrated = store::migrate_database(*path);
    if (!migrated) return ctx.fail(migrated.error());
    ctx.print(
        render(msg(MsgId::migrate_done, migrated->database, migrated->after, migrated->before),
               ctx.lang()) +
        "\n");
  });
}

}  // namespace ccteam::cli
