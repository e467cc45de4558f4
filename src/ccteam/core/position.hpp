#pragma once
// Where something was found in a user's input: a file with line and column, a JSON pointer
// into a document, or both. Errors and lint findings carry one so that a user can jump to it.

#include <string>

namespace ccteam {

struct SourcePos {
  std::string file;          // path as the user gave it; empty for stdin or generated input
  int line = 0;              // 1-based; 0 means unknown
  int column = 0;            // 1-based, counted in bytes; 0 means unknown
  std::string json_pointer;  // RFC 6901 pointer such as "/roles/0/pay"; empty when not known

  bool known() const { return !file.empty() || line > 0 || !json_pointer.empty(); }
};

// Renders "file:line:col" (the form compilers and editors understand), then the JSON pointer
// in parentheses when there is one: "roles.yaml:12:5 (/roles/0/pay)". Parts that are unknown
// are left out; an entirely unknown position renders as "".
std::string to_string(const SourcePos& pos);

// Appends one reference token to a JSON pointer, escaping '~' and '/' as RFC 6901 §3 requires.
std::string json_pointer_append(const std::string& pointer, const std::string& token);
std::string json_pointer_append(const std::string& pointer, std::size_t index);

}  // namespace ccteam
