#include "io/base/utf8.hpp"

#include <algorithm>

namespace ccteam::io {

namespace {

bool starts_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

std::size_t bom_length(std::string_view text) { return text.starts_with("\xEF\xBB\xBF") ? 3 : 0; }

std::size_t utf8_length(std::string_view text) {
  return static_cast<std::size_t>(std::ranges::count_if(text, starts_character));
}

LineColumn line_column(std::string_view text, std::size_t offset) {
  std::string_view before = text.substr(0, std::min(offset, text.size()));
  std::size_t newline = before.rfind('\n');
  std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
  return LineColumn{1 + static_cast<int>(std::ranges::count(before, '\n')),
                    1 + static_cast<int>(utf8_length(before.substr(line_start)))};
}

}  // namespace ccteam::io
