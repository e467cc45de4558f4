#include "io/base/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "ccteam/text/normalize.hpp"

namespace ccteam::io {

namespace {

bool starts_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

std::size_t bom_length(std::string_view text) { return text.starts_with("\xEF\xBB\xBF") ? 3 : 0; }

std::size_t utf8_length(std::string_view text) {
  // Eight bytes at a time while they are ASCII (most text is): each starts a character.
  std::size_t i = 0;
  std::size_t count = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t block = 0;
    std::memcpy(&block, text.data() + i, sizeof block);
    if ((block & 0x8080808080808080ull) != 0) break;
    count += 8;
  }
  return count + static_cast<std::size_t>(std::ranges::count_if(text.substr(i), starts_character));
}

LineColumn line_column(std::string_view text, std::size_t offset) {
  std::string_view before = text.substr(0, std::min(offset, text.size()));
  std::size_t newline = before.rfind('\n');
  std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
  return LineColumn{1 + static_cast<int>(std::ranges::count(before, '\n')),
                    1 + static_cast<int>(utf8_length(before.substr(line_start)))};
}

Result<void> check_not_utf16(std::string_view text, const std::string& file) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    return fail(ErrorKind::invalid_input,
                msg(MsgId::utf16_text, text[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE"),
                SourcePos{file, 1, 1, ""}, msg(MsgId::hint_utf8));
  }
  return {};
}

Result<void> check_text(std::string_view text, const std::string& file, Nul nul) {
  auto at = [&](std::size_t offset) {
    LineColumn where = line_column(text, offset);
    return SourcePos{file, where.line, where.column, ""};
  };
  if (auto utf16 = check_not_utf16(text, file); !utf16) return utf16;
  for (std::int32_t i = 0, size = static_cast<std::int32_t>(text.size()); i < size;) {
    std::int32_t start = i;
    std::int32_t c = text::next_code_point(text, i);
    if (c < 0) {
      return fail(ErrorKind::invalid_input, msg(MsgId::not_utf8),
                  at(static_cast<std::size_t>(start)), msg(MsgId::hint_utf8));
    }
    if (c == 0 && nul == Nul::refuse) {
      return fail(ErrorKind::invalid_input, msg(MsgId::not_text_nul),
                  at(static_cast<std::size_t>(start)), msg(MsgId::hint_not_binary));
    }
  }
  return {};
}

}  // namespace ccteam::io
