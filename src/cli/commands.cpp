#include "cli/commands.hpp"

namespace ccteam::cli {

std::span<const AddCommand> all_commands() {
  // One command per line, never realigned: branches that add commands merge as a union.
  // clang-format off
  static constexpr AddCommand k_commands[] = {
      add_roles_command,
      add_catalog_command,
      add_plan_command,
      add_hiring_plan_command,
      add_simulate_command,
      add_metrics_command,
      add_calibrate_command,
      add_screen_command,
      add_career_command,
      add_posting_command,
      add_serve_command,
      add_user_command,
      add_backup_command,
      add_migrate_command,
  };
  // clang-format on
  return k_commands;
}

}  // namespace ccteam::cli
