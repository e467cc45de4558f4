#pragma once
// The ccteam command line: shared options, the registered subcommands, exit codes.

namespace ccteam::cli {

// Exit codes of every ccteam command.
enum ExitCode : int {
  k_exit_ok = 0,        // done, nothing to report
  k_exit_findings = 1,  // the command ran and found problems (lint findings, failed check)
  k_exit_unusable = 2,  // unusable input or a usage error; nothing was computed
};

// Parses argv, runs the chosen subcommand and returns its exit code. Output goes to stdout or
// -o FILE; errors go to stderr as "file:line:col: error: message" in the user's language.
int run(int argc, char** argv);

}  // namespace ccteam::cli
