#pragma once
// How an error is reported to each client, in one place: the exit code of the `ccteam` command
// and the HTTP status of the server's problem details (RFC 9457). Every command and route maps
// errors through these two functions; none sets a code by hand.

#include "ccteam/core/error.hpp"

namespace ccteam::app {

// Exit codes of every ccteam command (PRODUCT.md, Conventions).
enum class ExitCode : int {
  ok = 0,         // done, nothing to report
  findings = 1,   // the command ran and found problems (lint findings, a failed check, rejected
                  // documents next to evaluated ones)
  unusable = 2,   // unusable input or a usage error; nothing was computed
  internal = 70,  // a bug in ccteam (EX_SOFTWARE of sysexits.h)
};

// invalid_input, not_found, io and usage -> unusable (2); internal -> internal (70).
constexpr ExitCode exit_code(ErrorKind kind) {
  return kind == ErrorKind::internal ? ExitCode::internal : ExitCode::unusable;
}

// invalid_input -> 422 (read but breaks a rule), not_found -> 404, usage -> 400 (the request
// itself is malformed), io and internal -> 500 (the server's side failed; never for bad input),
// conflict -> 409, unauthenticated -> 401, forbidden -> 403, throttled -> 429, unavailable -> 503
// (the database is away; the client may try again).
constexpr int http_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input:
      return 422;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::usage:
      return 400;
    case ErrorKind::io:
      return 500;
    case ErrorKind::internal:
      return 500;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::unauthenticated:
      return 401;
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::throttled:
      return 429;
    case ErrorKind::unavailable:
      return 503;
  }
  return 500;
}

}  // namespace ccteam::app
