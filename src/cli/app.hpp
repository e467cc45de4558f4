#pragma once
// The ccteam command line: shared options and the registered subcommands. Exit codes:
// app/error_status.hpp.

namespace ccteam::cli {

// Parses argv, runs the chosen subcommand and returns its exit code. Output goes to stdout or
// -o FILE; errors go to stderr as "file:line:col: error: message" in the user's language.
int run(int argc, char** argv);

}  // namespace ccteam::cli
