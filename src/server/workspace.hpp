#pragma once
// `ccteam serve`: the hiring workspace. Opens the store (migrating it), fills an empty one
// (the default catalog; with --demo the example employers too), and answers HTTP until SIGINT or
// SIGTERM, then finishes the requests in flight and returns.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/environment.hpp"
#include "app/workspace/accounts.hpp"
#include "ccteam/core/error.hpp"
#include "io/workspace/config_yaml.hpp"

namespace ccteam::server {

struct WorkspaceOptions {
  io::WorkspaceConfig config;
  bool demo = false;     // add the example employers to an empty store
  app::Environment env;  // where the default catalog and the examples are
  std::string web_dir;   // templates/ and static/ (io::default_web_dir())
  Lang lang = Lang::en;  // the language of what is printed to the terminal
  // Called once the server listens, with the address to open ("http://127.0.0.1:8080/").
  std::function<void(const std::string& url)> on_listening;
  // Called with the accounts made at start: the demo accounts (demo true, new passwords on every
  // start) or, with an empty user table, the first admin; each with its one-time password.
  std::function<void(const std::vector<app::UserWithPassword>&, bool demo)> on_accounts;
  // Receives the JSON log lines (one object per line, no personal data).
  std::function<void(std::string_view line)> log;
};

// Runs the workspace until a signal stops it. Errors: the configuration's (invalid_input), the
// database's (io: cannot open, schema newer than this binary), the address's (io: in use).
Checked<void> run_workspace(const WorkspaceOptions& options);

}  // namespace ccteam::server
