#pragma once
// UTF-8 text helpers for readers and writers: the byte-order mark, characters, and where a byte
// offset sits as line:column. The one place for each (readers used to count on their own, some
// columns in bytes, some in characters); columns are in characters, as an editor shows them and
// as the YAML errors have always reported them.
//
// A "character" here is a Unicode code point: every byte that does not continue a UTF-8
// sequence (not 10xxxxxx) starts one. Invalid UTF-8 is counted the same way and never rejected
// here. Pure functions, thread-safe.

#include <cstddef>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"

namespace ccteam::io {

// The bytes of a UTF-8 byte-order mark (EF BB BF) at the start of 'text': 3 or 0. Skip it with
// text.remove_prefix(bom_length(text)) or s.erase(0, bom_length(s)).
std::size_t bom_length(std::string_view text);

// The number of characters (code points) in 'text': utf8_length("Größe") == 5.
std::size_t utf8_length(std::string_view text);

// A 1-based line and column, the column in characters.
struct LineColumn {
  int line = 1;
  int column = 1;
  friend bool operator==(const LineColumn&, const LineColumn&) = default;
};

// Where byte 'offset' of 'text' is: lines end at LF (a CR before it is part of its line); the
// column counts the characters before 'offset' on its line, plus one. An offset past the end
// is taken as the end.
LineColumn line_column(std::string_view text, std::size_t offset);

// The UTF-16 part of check_text alone, for readers that check the rest themselves (JSON
// readers: the JSON library finds bytes that are not UTF-8): Error::invalid_input,
// MsgId::utf16_text at 1:1 of 'file' with MsgId::hint_utf8, when 'text' starts with FF FE or
// FE FF.
Result<void> check_not_utf16(std::string_view text, const std::string& file);

// Whether check_text lets NUL bytes through (U+0000 is UTF-8, but no text file holds one).
enum class Nul { allow, refuse };

// Checks that 'text' is UTF-8 text before a reader reads it, the one check every reader of
// text files shares. Error::invalid_input at 'file' for: a UTF-16 byte-order mark (FF FE or
// FE FF) at the start, MsgId::utf16_text ("UTF-16LE" / "UTF-16BE") at 1:1 with
// MsgId::hint_utf8; a byte sequence that is not UTF-8, MsgId::not_utf8 at its line:column
// with hint_utf8; with Nul::refuse a NUL byte (binary files, and UTF-16 without a mark),
// MsgId::not_text_nul at its line:column with hint_not_binary. The first problem only; a UTF-8
// byte-order mark is text. 'text' at most 2 GiB.
Result<void> check_text(std::string_view text, const std::string& file, Nul nul);

}  // namespace ccteam::io
