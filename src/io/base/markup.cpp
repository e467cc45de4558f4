#include "io/base/markup.hpp"

#include <cstdint>

#include <fmt/format.h>

#include "ccteam/text/normalize.hpp"

namespace ccteam::io {

namespace {

std::string escape(std::string_view text, bool strict) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '`':
        out += strict ? "&#96;" : "`";
        break;
      case '=':
        out += strict ? "&#61;" : "=";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Calls 'piece' with each piece of escape_terminal's output and its length in characters.
template <class Piece>
void terminal_pieces(std::string_view text, Newlines newlines, Piece piece) {
  // next_code_point takes int32 offsets; longer text is escaped in slices at character starts.
  constexpr std::size_t k_slice = std::size_t{1} << 30;
  while (text.size() > k_slice) {
    std::size_t cut = k_slice;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    terminal_pieces(text.substr(0, cut), newlines, piece);
    text.remove_prefix(cut);
  }
  char hex[8];
  for (std::int32_t i = 0, size = static_cast<std::int32_t>(text.size()); i < size;) {
    std::int32_t start = i;
    std::int32_t c = text::next_code_point(text, i);
    if (c < 0) {
      for (std::int32_t b = start; b < i; ++b) {
        auto end = fmt::format_to(hex, "\\x{:02x}",
                                  static_cast<unsigned char>(text[static_cast<std::size_t>(b)]));
        piece(std::string_view(hex, end), 4);
      }
    } else if ((c < 0x20 || c == 0x7F) &&
               !(newlines == Newlines::keep && (c == '\n' || c == '\t'))) {
      auto end = fmt::format_to(hex, "\\x{:02x}", c);
      piece(std::string_view(hex, end), 4);
    } else if (c >= 0x80 && c <= 0x9F) {
      auto end = fmt::format_to(hex, "\\u{:04x}", c);
      piece(std::string_view(hex, end), 6);
    } else {
      piece(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)), 1);
    }
  }
}

}  // namespace

std::string escape_terminal(std::string_view text, Newlines newlines) {
  std::string out;
  out.reserve(text.size());
  terminal_pieces(text, newlines, [&](std::string_view piece, std::size_t) { out += piece; });
  return out;
}

std::string terminal_excerpt(std::string_view text, std::size_t max_chars) {
  std::size_t total = 0;
  terminal_pieces(text, Newlines::escape, [&](std::string_view, std::size_t n) { total += n; });
  if (total <= max_chars) return escape_terminal(text);
  if (max_chars == 0) return {};
  // Both ends survive: the start of a value, and the end of a path (its file name).
  std::size_t head = (max_chars - 1) * 2 / 3;
  std::size_t tail_from = total - (max_chars - 1 - head);
  std::string out;
  std::size_t at = 0;  // characters before the piece
  bool cut = false;
  terminal_pieces(text, Newlines::escape, [&](std::string_view piece, std::size_t n) {
    if (at + n <= head) {
      out += piece;
    } else if (at >= tail_from) {
      if (!cut) out += "\u2026";
      cut = true;
      out += piece;
    }
    at += n;
  });
  if (!cut) out += "\u2026";
  return out;
}

std::string escape_markup(std::string_view text) { return escape(text, false); }

std::string escape_markup_strict(std::string_view text) { return escape(text, true); }

std::string csv_field(std::string_view text) {
  const bool formula = !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' ||
                                         text[0] == '@' || text[0] == '\t' || text[0] == '\r');
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos;
  std::string out;
  out.reserve(text.size() + (formula ? 1 : 0) + (quote ? 2 : 0));
  if (quote) out += '"';
  if (formula) out += '\'';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  if (quote) out += '"';
  return out;
}

}  // namespace ccteam::io
