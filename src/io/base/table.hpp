#pragma once
// Plain-text tables for the terminal, aligned by the number of Unicode code points per cell
// (enough for the Latin scripts ccteam writes; no East Asian wide characters).

#include <string>
#include <vector>

namespace ccteam::io {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers) : m_headers(std::move(headers)) {}

  // Adds a row; missing cells are empty, extra cells are ignored. Cells are escaped for the
  // terminal (escape_terminal: a line feed, tab or escape sequence in a cell shows as \x0a ...).
  void add_row(std::vector<std::string> cells);

  // Header, a rule of '-' and the rows; columns separated by two spaces; trailing spaces
  // trimmed; every line ends in '\n'.
  std::string render() const;

 private:
  std::vector<std::string> m_headers;
  std::vector<std::vector<std::string>> m_rows;
};

// A table too long to hold, written a row at a time: the caller escapes each cell
// (escape_terminal) and keeps the widest cell of each column (display_width) as the rows are
// made, then writes table_line(header), table_rule and table_line of each row; the result is
// TextTable's.
std::string table_line(const std::vector<std::string>& cells,
                       const std::vector<std::size_t>& widths);
std::string table_rule(const std::vector<std::size_t>& widths);

// Number of code points in a UTF-8 string (bytes that are not continuation bytes).
std::size_t display_width(const std::string& text);

// Breaks 'text' into lines of at most 'width' code points at spaces, each line prefixed by
// 'indent'; a word longer than 'width' stays whole. Returns the lines joined by '\n', with a
// final '\n'.
std::string wrap(const std::string& text, std::size_t width, const std::string& indent);

}  // namespace ccteam::io
