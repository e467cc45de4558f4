#pragma once
// multipart/form-data request bodies (RFC 7578, with the body syntax of RFC 2046 section 5.1):
// what an HTML form with a file field sends. No library in Debian parses it without a large
// dependency (GMime brings GLib), so this is a small linear reader: each part's delimiter is
// found with a Boyer-Moore-Horspool search from where the last part ended, so the time is
// linear in the body's length whatever it holds.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/core/error.hpp"

namespace ccteam::server {

// One field of the form. 'body' points into the request body given to parse_multipart.
struct FormPart {
  std::string name;  // the field's name (Content-Disposition name="...")
  // filename="..." as sent (may hold path parts; %22, %0D and %0A decoded): a file.
  std::optional<std::string> file_name;
  std::string content_type;  // as sent ("" when absent); never trusted
  std::string_view body;
};

inline constexpr std::size_t k_max_form_parts = 200;

// Whether a Content-Type names multipart/form-data (case-insensitive, RFC 9110 8.3.1).
bool is_multipart_form(std::string_view content_type);

// The parts of 'body' sent with the Content-Type 'content_type' ("multipart/form-data;
// boundary=..."), in order. A file field left empty (no file chosen) is a part with an empty
// file name and body, and is left out. Errors, each Error::usage (http_bad_multipart) with the
// reason: no boundary (or one longer than RFC 2046's 70 characters), a part without a
// Content-Disposition form-data header with a name, a header section over 64 KiB, a body that
// ends before the closing delimiter, more than 'max_parts' parts.
Result<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body,
                                              std::size_t max_parts = k_max_form_parts);

}  // namespace ccteam::server
