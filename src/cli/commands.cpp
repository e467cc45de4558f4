#include "cli/commands.hpp"

namespace ccteam::cli {

std::span<const AddCommand> all_commands() {
  static constexpr AddCommand k_commands[] = {
      add_roles_command,    add_catalog_command, add_plan_command,
      add_screen_command,   add_career_command,  add_posting_command,
      add_simulate_command,  // simulation
      add_roles_command,  add_catalog_command, add_plan_command,    add_screen_command,
      add_career_command, add_posting_command, add_metrics_command, add_calibrate_command,
  };
  return k_commands;
}

}  // namespace ccteam::cli
