#pragma once
// What every subcommand shares: the shared options (--format, --lang, --catalog, -o), the
// catalog (loaded once, on first use), the output buffer and error reporting.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/environment.hpp"
#include "app/error_status.hpp"
#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"
#include "io/base/files.hpp"

namespace ccteam::cli {

struct SharedOptions {
  std::string format;                // empty: the command's default format
  std::string lang;                  // as given on the command line; empty: from the environment
  std::vector<std::string> catalog;  // files or folders; empty: the installed default catalog
  std::string output = "-";          // "-": standard output
};

// 'error' with every text that may have come from input made safe for a terminal: the values its
// message quotes are escaped and cut to io::k_excerpt_chars, those of its hint (allowed values,
// examples) escaped only, and so are the file name and the JSON pointer (keys are input too).
Error for_terminal(Error error);

// 'message' with the values it quotes made safe for a terminal (escaped, cut to
// io::k_excerpt_chars): a lint finding quotes the posting's words.
Message for_terminal(Message message);

class Context {
 public:
  explicit Context(Lang lang);

  Lang lang() const { return m_lang; }
  SharedOptions& options() { return m_options; }

  // The catalog from --catalog or the default location. On failure prints every error and
  // returns nullptr with the exit code set; the command then returns.
  const catalog::Catalog* catalog();

  // Checks --format against the formats the command offers (the first is its default) and
  // returns the chosen one, or empty after printing a usage error.
  std::string format(std::initializer_list<std::string_view> allowed);

  // For a binary format (xlsx) that the command writes itself: the -o FILE to write to, or
  // empty after printing a usage error when -o is missing or "-" (binary data is never
  // printed to the terminal).
  std::optional<std::string> binary_output(std::string_view format);

  // Appends to the command's output (stdout or -o FILE), written on in pieces of about 1 MiB so
  // that a long output (a screening of a million résumés) does not grow in memory; -o FILE is
  // renamed into place by finish_output (a run that fails half way leaves the old file). A
  // command that prints nothing writes no file.
  void print(std::string_view text);

  // Writes what is left of the output and puts -o FILE into place; on a write error (disk
  // full) reports it and sets the exit code. Called once, after the command.
  void finish_output();

  // Prints errors to stderr in the user's language; input they quote is escaped and long
  // values are cut (io::escape_terminal, io::terminal_excerpt).
  void report(const Error& error) const;
  void report(const Errors& errors) const;

  // Prints a warning to stderr ("file:line:col: warning: ...", "ccteam: warning: ..." without a
  // position), escaped as report() escapes; the exit code stays as it is.
  void warn(const Error& warning) const;

  // Reports the error(s) and sets the exit code their kind maps to (app::exit_code; the last
  // error's kind for a list). The one way a command ends with an error.
  void fail(const Error& error);
  void fail(const Errors& errors);
  // A usage error whose text is rendered already: an option check's refusal as CLI11 reports
  // it ("--by: 'day' is not one of ..."). Escaped for the terminal and cut only when it is far
  // longer than such a sentence (the checks quote the value as typed), not at a quoted value's
  // length as message arguments are.
  void fail_usage(std::string_view rendered);

  // Errors were reported already (a reader's per-row errors): exit code 2 (unusable).
  void errors_reported();

  // The command ran and found problems (lint findings, rejected documents): exit code 1,
  // unless an error has already set a higher one.
  void found_problems();

  // The world the use cases see: today (UTC) and the install paths (io/base/install_paths).
  const app::Environment& environment() const { return m_environment; }

  // Set through fail() and found_problems(); returned by run().
  int exit_code() const { return static_cast<int>(m_exit_code); }

 private:
  Lang m_lang;
  app::Environment m_environment;
  app::ExitCode m_exit_code = app::ExitCode::ok;
  SharedOptions m_options;
  std::string m_output;                         // not written yet
  std::optional<io::OutputFile> m_output_file;  // open after the first piece
  bool m_output_failed = false;                 // reported once; the rest is dropped
  std::optional<catalog::Catalog> m_catalog;
};

}  // namespace ccteam::cli
