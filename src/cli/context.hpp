#pragma once
// What every subcommand shares: the shared options (--format, --lang, --catalog, -o), the
// catalog (loaded once, on first use), the output buffer and error reporting.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"

namespace ccteam::cli {

struct SharedOptions {
  std::string format;                // empty: the command's default format
  std::string lang;                  // as given on the command line; empty: from the environment
  std::vector<std::string> catalog;  // files or folders; empty: the installed default catalog
  std::string output = "-";          // "-": standard output
};

class Context {
 public:
  explicit Context(Lang lang) : m_lang(lang) {}

  Lang lang() const { return m_lang; }
  SharedOptions& options() { return m_options; }

  // The catalog from --catalog or the default location. On failure prints every error and
  // returns nullptr; the command then returns k_exit_unusable.
  const catalog::Catalog* catalog();

  // Checks --format against the formats the command offers (the first is its default) and
  // returns the chosen one, or empty after printing a usage error.
  std::string format(std::initializer_list<std::string_view> allowed);

  // For a binary format (xlsx) that the command writes itself: the -o FILE to write to, or
  // empty after printing a usage error when -o is missing or "-" (binary data is never
  // printed to the terminal).
  std::optional<std::string> binary_output(std::string_view format);

  // Appends to the command's output, written at the end to stdout or -o FILE.
  void print(std::string_view text) { m_output += text; }
  const std::string& output() const { return m_output; }

  // Prints errors to stderr in the user's language.
  void report(const Error& error) const;
  void report(const Errors& errors) const;

  // Set by the subcommand's callback; returned by run().
  int exit_code = 0;

 private:
  Lang m_lang;
  SharedOptions m_options;
  std::string m_output;
  std::optional<catalog::Catalog> m_catalog;
};

// Where the default catalog is: $CCTEAM_CATALOG if set, else share/ccteam/catalog beside the
// binary's folder (build tree and installed layout alike).
std::string default_catalog_path();

}  // namespace ccteam::cli
