#pragma once
// The error type of ccteam and Result<T>, the value every fallible function returns.
//
// Expected failures (bad input, not found, failed validation) are values, never exceptions.
// Exceptions thrown by third-party libraries are caught in the adapter file that calls them and
// turned into an Error there.

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

#include "ccteam/core/messages.hpp"
#include "ccteam/core/position.hpp"

namespace ccteam {

enum class ErrorKind {
  invalid_input,  // the input can be read but breaks a rule; the user must fix it
  not_found,      // a named thing (file, role) does not exist
  io,             // the operating system refused (cannot open, cannot write)
  usage,          // the command line is wrong
  internal,       // a bug in ccteam
  // The workspace's kinds (HTTP 409, 401, 403, 429; exit code 2 like the input errors):
  conflict,         // someone else changed the thing since it was read (stale version)
  unauthenticated,  // no valid sign-in, session or API token
  forbidden,        // signed in, but the role does not allow it
  throttled,        // too many attempts; try again later
  unavailable,      // a service the workspace needs (its database) cannot be reached now (503)
};

struct Error {
  ErrorKind kind = ErrorKind::invalid_input;
  Message message;
  SourcePos where;
  std::optional<Message> hint;  // how to fix it, when we know

  // Factories, one per kind, so that making an error is one line:
  //   return tl::unexpected(Error::not_found(msg(MsgId::role_not_found, id), {}, hint));
  static Error invalid_input(Message message, SourcePos where = {},
                             std::optional<Message> hint = std::nullopt) {
    return {ErrorKind::invalid_input, std::move(message), std::move(where), std::move(hint)};
  }
  static Error not_found(Message message, SourcePos where = {},
                         std::optional<Message> hint = std::nullopt) {
    return {ErrorKind::not_found, std::move(message), std::move(where), std::move(hint)};
  }
  static Error io(Message message, SourcePos where = {},
                  std::optional<Message> hint = std::nullopt) {
    return {ErrorKind::io, std::move(message), std::move(where), std::move(hint)};
  }
  static Error usage(Message message, std::optional<Message> hint = std::nullopt) {
    return {ErrorKind::usage, std::move(message), {}, std::move(hint)};
  }
  static Error internal(Message message) {
    return {ErrorKind::internal, std::move(message), {}, std::nullopt};
  }
  static Error conflict(Message message, std::optional<Message> hint = std::nullopt) {
    return {ErrorKind::conflict, std::move(message), {}, std::move(hint)};
  }
  static Error unauthenticated(Message message, std::optional<Message> hint = std::nullopt) {
    return {ErrorKind::unauthenticated, std::move(message), {}, std::move(hint)};
  }
  static Error forbidden(Message message) {
    return {ErrorKind::forbidden, std::move(message), {}, std::nullopt};
  }
  static Error throttled(Message message, std::optional<Message> hint = std::nullopt) {
    return {ErrorKind::throttled, std::move(message), {}, std::move(hint)};
  }
  static Error unavailable(Message message, std::optional<Message> hint = std::nullopt) {
    return {ErrorKind::unavailable, std::move(message), {}, std::move(hint)};
  }
};

using Errors = std::vector<Error>;

// How many errors a reader or validator keeps of one input: enough to fix in one go, few enough
// to read, and memory and output that stop growing with a broken file.
inline constexpr std::size_t k_max_errors = 50;

// The error that ends a capped list: "... and N more" (MsgId::errors_more, N grouped as
// the language writes numbers: 99,950 / 99.950) at 'file' (no line), with a hint to fix the
// errors shown and run again; 'kind' is that of the last error left out, so exit codes stay.
Error more_errors(std::size_t left_out, ErrorKind kind, std::string file = {});

// Collects errors up to a cap and counts the rest, so that a reader stays linear in its input
// whatever it finds. Not thread-safe; one per input read.
class ErrorList {
 public:
  explicit ErrorList(std::size_t cap = k_max_errors) : m_cap(cap) {}

  // Keeps 'error' while fewer than the cap are kept, else only counts it.
  void add(Error error);
  // Counts an error of 'kind' that is not kept: for a caller that checks full() first and
  // skips building the error (its position, its message).
  void count_left_out(ErrorKind kind = ErrorKind::invalid_input);
  // True when the next error is only counted.
  bool full() const { return m_kept.size() >= m_cap; }
  bool empty() const { return m_kept.empty(); }
  // Every error added, kept or not.
  std::size_t count() const { return m_kept.size() + m_left_out; }
  const Errors& kept() const { return m_kept; }

  // The kept errors in the order added and, when some were left out, more_errors() at the end
  // (at the file of the last kept error). Leaves the list empty.
  Errors take();

 private:
  std::size_t m_cap;
  Errors m_kept;
  std::size_t m_left_out = 0;
  ErrorKind m_left_out_kind = ErrorKind::invalid_input;
};

// How many errors 'errors' stands for: one for each, and for a closing more_errors() the number
// it counts. For totals such as "the catalog cannot be used: 9000 error(s)".
std::size_t error_count(const Errors& errors);

// Cuts 'errors' to its first 'cap' and, when it was longer, ends it with more_errors() for the
// rest (at the file of the last error kept).
void cap_errors(Errors& errors, std::size_t cap = k_max_errors);

template <class T>
using Result = tl::expected<T, Error>;

// Result of an operation that can report several errors at once (validation of a whole file).
template <class T>
using Checked = tl::expected<T, Errors>;

inline tl::unexpected<Error> fail(ErrorKind kind, Message message, SourcePos where = {},
                                  std::optional<Message> hint = std::nullopt) {
  return tl::unexpected<Error>(Error{kind, std::move(message), std::move(where), std::move(hint)});
}

// Propagates the error of a Result (or Checked) to the caller, else binds its value:
//   CCTEAM_TRY(catalog::Catalog catalog, io::load_catalog(paths));
// The enclosing function must return a Result/Checked with the same error type.
#define CCTEAM_TRY(declaration, expression) \
  CCTEAM_TRY_IMPL(CCTEAM_TRY_CONCAT(ccteam_try_, __LINE__), declaration, expression)
#define CCTEAM_TRY_CONCAT_INNER(a, b) a##b
#define CCTEAM_TRY_CONCAT(a, b) CCTEAM_TRY_CONCAT_INNER(a, b)
#define CCTEAM_TRY_IMPL(tmp, declaration, expression)      \
  auto tmp = (expression);                                 \
  if (!tmp) return tl::unexpected(std::move(tmp).error()); \
  declaration = std::move(*tmp)

// "file:line:col: error: message" followed, when there is a hint, by an indented
// "hint: ..." line; in the user's language. No trailing newline.
std::string render(const Error& error, Lang lang);

}  // namespace ccteam
