#include "cli/messages.hpp"

namespace ccteam::cli {

void add_cli_messages() {
  static const bool added = [] {
    add_message_tables(cli_messages_en(), cli_messages_de());
    return true;
  }();
  (void)added;
}

}  // namespace ccteam::cli
