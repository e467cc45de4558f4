// multipart/form-data: delimiters found left to right, headers of each part read once.
#include "server/http/multipart.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <string>

namespace ccteam::server {

namespace {

constexpr std::size_t k_max_boundary = 70;  // RFC 2046 5.1.1
constexpr std::size_t k_max_part_header = 64 * 1024;

Error bad(Message reason) {
  LocalizedText text{render(reason, Lang::en), render(reason, Lang::de)};
  return Error::usage(msg(MsgId::http_bad_multipart, std::move(text)));
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// HTML's multipart/form-data encoding writes '"', CR and LF in names as %22, %0D and %0A (and
// nothing else): back to the characters (the file name's cleaning drops CR and LF).
std::string unescape_quoted(std::string text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      std::string_view code(text.data() + i + 1, 2);
      char replaced = code == "22"                     ? '"'
                      : (code == "0D" || code == "0d") ? '\r'
                      : (code == "0A" || code == "0a") ? '\n'
                                                       : '\0';
      if (replaced != '\0') {
        out += replaced;
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// The parameter 'key' of a header value "type; a=1; b=\"x; y\"" (quoted or a token), or nullopt.
std::optional<std::string> parameter(std::string_view value, std::string_view key) {
  std::size_t i = value.find(';');
  while (i != std::string_view::npos && i < value.size()) {
    ++i;
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    std::size_t eq = value.find('=', i);
    if (eq == std::string_view::npos) return std::nullopt;
    std::string_view name = trim(value.substr(i, eq - i));
    std::size_t j = eq + 1;
    std::string text;
    if (j < value.size() && value[j] == '"') {
      // Browsers percent-encode '"' in names (HTML's multipart/form-data encoding): a quoted
      // string ends at the next quote.
      std::size_t end = value.find('"', j + 1);
      if (end == std::string_view::npos) end = value.size();
      text = std::string(value.substr(j + 1, end - j - 1));
      j = end == value.size() ? end : end + 1;
    } else {
      std::size_t end = value.find(';', j);
      if (end == std::string_view::npos) end = value.size();
      text = std::string(trim(value.substr(j, end - j)));
      j = end;
    }
    if (iequals(name, key)) return unescape_quoted(text);
    i = value.find(';', j);
  }
  return std::nullopt;
}

}  // namespace

bool is_multipart_form(std::string_view content_type) {
  constexpr std::string_view k_type = "multipart/form-data";
  return content_type.size() >= k_type.size() &&
         iequals(content_type.substr(0, k_type.size()), k_type);
}

Result<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body,
                                              std::size_t max_parts) {
  auto boundary = parameter(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > k_max_boundary) {
    return tl::unexpected(bad(msg(MsgId::multipart_no_boundary)));
  }
  const std::string delimiter = "\r\n--" + *boundary;
  const std::boyer_moore_horspool_searcher search(delimiter.begin(), delimiter.end());
  // The first delimiter may start the body (no CRLF before it) or follow a preamble.
  std::size_t pos = 0;
  if (body.substr(0, delimiter.size() - 2) == std::string_view(delimiter).substr(2)) {
    pos = delimiter.size() - 2;
  } else {
    auto found = std::search(body.begin(), body.end(), search);
    if (found == body.end()) return tl::unexpected(bad(msg(MsgId::multipart_unterminated)));
    pos = static_cast<std::size_t>(found - body.begin()) + delimiter.size();
  }
  std::vector<FormPart> parts;
  for (std::size_t index = 1;; ++index) {
    // After a delimiter: "--" closes the body; else transport padding and CRLF.
    if (body.substr(pos, 2) == "--") return parts;
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (body.substr(pos, 2) != "\r\n") {
      return tl::unexpected(bad(msg(MsgId::multipart_unterminated)));
    }
    pos += 2;
    if (index > max_parts)
      return tl::unexpected(bad(msg(MsgId::multipart_too_many_parts, max_parts)));
    // Searched within the header limit only, so that no byte is scanned twice.
    std::size_t header_end = body.substr(pos, k_max_part_header + 4).find("\r\n\r\n");
    if (header_end != std::string_view::npos) header_end += pos;
    std::size_t header_size =
        header_end == std::string_view::npos ? body.size() - pos : header_end - pos;
    // A part with no header fields at all starts with the blank line.
    if (body.substr(pos, 2) == "\r\n") {
      header_end = pos - 2;
      header_size = 0;
    }
    if (header_end == std::string_view::npos) {
      return tl::unexpected(bad(header_size > k_max_part_header
                                    ? msg(MsgId::multipart_bad_part, index)
                                    : msg(MsgId::multipart_unterminated)));
    }
    FormPart part;
    bool named = false;
    std::string_view headers = body.substr(pos, header_size);
    while (!headers.empty()) {
      std::size_t eol = headers.find("\r\n");
      std::string_view line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
      std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      std::string_view field = trim(line.substr(0, colon));
      std::string_view value = trim(line.substr(colon + 1));
      if (iequals(field, "content-disposition")) {
        std::string_view type = trim(value.substr(0, value.find(';')));
        if (!iequals(type, "form-data")) break;
        if (auto name = parameter(value, "name")) {
          part.name = *name;
          named = true;
        }
        part.file_name = parameter(value, "filename");
      } else if (iequals(field, "content-type")) {
        part.content_type = std::string(value);
      }
    }
    if (!named) return tl::unexpected(bad(msg(MsgId::multipart_bad_part, index)));
    std::size_t content = header_end + 4;
    auto found =
        std::search(body.begin() + static_cast<std::ptrdiff_t>(content), body.end(), search);
    if (found == body.end()) return tl::unexpected(bad(msg(MsgId::multipart_unterminated)));
    auto end = static_cast<std::size_t>(found - body.begin());
    part.body = body.substr(content, end - content);
    // A file field with no file chosen: browsers send an empty file name and no content.
    if (!(part.file_name && part.file_name->empty() && part.body.empty())) {
      parts.push_back(std::move(part));
    }
    pos = end + delimiter.size();
  }
}

}  // namespace ccteam::server
