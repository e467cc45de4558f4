#pragma once
// Percent-decoding (RFC 3986, section 2.1) of request paths and query strings, shared by the
// HTTP adapter (paths) and the routes (query parameters). No Boost here.

#include <optional>
#include <string>
#include <string_view>

namespace ccteam::server {

// 'text' with every %XX (hexadecimal, either case) replaced by its byte; with 'plus_is_space'
// also '+' by a space (the form encoding of query strings). nullopt for a '%' not followed by
// two hexadecimal digits, and, with 'refuse_nul', for a decoded NUL byte (never valid in a path).
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space,
                                          bool refuse_nul);

}  // namespace ccteam::server
