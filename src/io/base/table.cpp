#include "io/base/table.hpp"

#include <algorithm>
#include <sstream>

#include "io/base/markup.hpp"
#include "io/base/utf8.hpp"

namespace ccteam::io {

std::size_t display_width(const std::string& text) { return utf8_length(text); }

void TextTable::add_row(std::vector<std::string> cells) {
  cells.resize(m_headers.size());
  for (std::string& cell : cells) cell = escape_terminal(cell);
  m_rows.push_back(std::move(cells));
}

std::string table_line(const std::vector<std::string>& cells,
                       const std::vector<std::size_t>& widths) {
  std::string text;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    text += cells[c];
    if (c + 1 < cells.size()) {
      std::size_t width = c < widths.size() ? widths[c] : 0;
      text += std::string(width - std::min(width, display_width(cells[c])) + 2, ' ');
    }
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text + '\n';
}

std::string table_rule(const std::vector<std::size_t>& widths) {
  std::vector<std::string> rule;
  for (std::size_t w : widths) rule.emplace_back(w, '-');
  return table_line(rule, widths);
}

std::string TextTable::render() const {
  std::vector<std::size_t> widths(m_headers.size());
  for (std::size_t c = 0; c < m_headers.size(); ++c) {
    widths[c] = display_width(m_headers[c]);
    for (const auto& row : m_rows) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  std::string out = table_line(m_headers, widths) + table_rule(widths);
  for (const auto& row : m_rows) out += table_line(row, widths);
  return out;
}

std::string wrap(const std::string& text, std::size_t width, const std::string& indent) {
  std::istringstream words(text);
  std::string word;
  std::string out;
  std::string current;
  while (words >> word) {
    if (!current.empty() && display_width(current) + 1 + display_width(word) > width) {
      out += indent + current + '\n';
      current.clear();
    }
    current += (current.empty() ? "" : " ") + word;
  }
  if (!current.empty()) out += indent + current + '\n';
  return out;
}

}  // namespace ccteam::io
