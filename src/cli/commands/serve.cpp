// ccteam serve: the hiring workspace, a web application in German and English
// (src/server/workspace.hpp). Options override the configuration file.
#include <cstdio>
#include <iostream>
#include <mutex>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "io/base/install_paths.hpp"
#include "io/workspace/config_yaml.hpp"
#include "server/workspace.hpp"

namespace ccteam::cli {

namespace {

struct ServeOptions {
  std::string config;
  std::string db;
  std::string listen;
  bool demo = false;
};

void serve(Context& ctx, const ServeOptions& options) {
  auto read = read_workspace_config(ctx, options.config, options.db);
  if (!read) return;
  io::WorkspaceConfig config = std::move(*read);
  if (!options.listen.empty()) {
    auto listen = io::parse_listen_address(options.listen);
    if (!listen) return ctx.fail(listen.error());
    config.listen = *listen;
  }
  server::WorkspaceOptions run;
  run.config = std::move(config);
  run.demo = options.demo;
  run.env = ctx.environment();
  run.web_dir = io::default_web_dir();
  run.lang = ctx.lang();
  Lang lang = ctx.lang();
  run.on_listening = [lang](const std::string& url) {
    std::string line = render(msg(MsgId::serve_listening, url), lang) + "\n";
    std::fputs(line.c_str(), stdout);
    std::fflush(stdout);
  };
  run.on_accounts = [lang](const std::vector<app::UserWithPassword>& accounts, bool demo) {
    std::string text;
    if (demo) {
      text += tr(MsgId::serve_demo_logins, lang) + "\n";
      for (const auto& account : accounts) {
        text += fmt::format("  {:<22} {:<16} {}\n", account.user.login, account.user.role,
                            account.one_time_password);
      }
    } else {
      for (const auto& account : accounts) {
        text += render(msg(MsgId::serve_first_admin, account.user.login, account.one_time_password),
                       lang) +
                "\n";
      }
    }
    std::fputs(text.c_str(), stdout);
    std::fflush(stdout);
  };
  static std::mutex log_mutex;
  run.log = [](std::string_view line) {
    std::lock_guard lock(log_mutex);
    std::cerr << line << '\n';
  };
  auto done = server::run_workspace(run);
  if (!done) ctx.fail(done.error());
}

}  // namespace

void add_serve_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  CLI::App* serve_cmd = app.add_subcommand("serve", tr(MsgId::cmd_serve, lang));
  auto options = std::make_shared<ServeOptions>();
  serve_cmd->add_option("--config", options->config, tr(MsgId::serve_opt_config, lang))
      ->option_text("FILE");
  serve_cmd->add_option("--db", options->db, tr(MsgId::serve_opt_db, lang))->option_text("FILE");
  serve_cmd->add_option("--listen", options->listen, tr(MsgId::serve_opt_listen, lang))
      ->option_text("HOST:PORT");
  serve_cmd->add_flag("--demo", options->demo, tr(MsgId::serve_opt_demo, lang));
  serve_cmd->callback([&ctx, options] { serve(ctx, *options); });
}

}  // namespace ccteam::cli
