#pragma once
// The registry of subcommands. A subcommand is one file in src/cli/commands/ that defines an
// add_*_command function; adding one means declaring it here and listing it in commands.cpp.

#include <optional>
#include <span>
#include <string>

#include "io/workspace/config_yaml.hpp"

namespace CLI {
class App;
}

namespace ccteam::cli {

class Context;

// Adds a subcommand (its options, help texts and callback) to the application.
using AddCommand = void (*)(CLI::App& app, Context& ctx);

// clang-format off
void add_roles_command(CLI::App& app, Context& ctx);  // commands/roles.cpp
void add_catalog_command(CLI::App& app, Context& ctx);  // commands/catalog.cpp
void add_plan_command(CLI::App& app, Context& ctx);  // commands/plan.cpp
void add_simulate_command(CLI::App& app, Context& ctx);  // commands/simulate.cpp
void add_metrics_command(CLI::App& app, Context& ctx);  // commands/metrics.cpp
void add_calibrate_command(CLI::App& app, Context& ctx);  // commands/calibrate.cpp
void add_screen_command(CLI::App& app, Context& ctx);  // commands/screen.cpp
void add_career_command(CLI::App& app, Context& ctx);  // commands/career.cpp
void add_posting_command(CLI::App& app, Context& ctx);  // commands/posting.cpp
void add_hiring_plan_command(CLI::App& app, Context& ctx);  // commands/hiring_plan.cpp
void add_serve_command(CLI::App& app, Context& ctx);  // commands/serve.cpp
void add_user_command(CLI::App& app, Context& ctx);   // commands/user.cpp
void add_backup_command(CLI::App& app, Context& ctx);  // commands/user.cpp
void add_migrate_command(CLI::App& app, Context& ctx);  // commands/user.cpp

// The workspace configuration of --config FILE (or the defaults), with --db overriding its
// database; nullopt after reporting the file's errors (commands/user.cpp).
std::optional<io::WorkspaceConfig> read_workspace_config(Context& ctx,
                                                         const std::string& config_file,
                                                         const std::string& db);
// clang-format on

// Every subcommand, in the order `ccteam --help` lists them.
std::span<const AddCommand> all_commands();

}  // namespace ccteam::cli
