#pragma once
// Errors as a failing test prints them.

#include <string>

#include "ccteam/core/error.hpp"

namespace ccteam::test {

// Every error rendered in English ("file:line:col: error: ..."), one per line.
inline std::string all_errors(const Errors& errors) {
  std::string out;
  for (const Error& e : errors) out += render(e, Lang::en) + "\n";
  return out;
}

}  // namespace ccteam::test
