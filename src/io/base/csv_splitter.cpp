#include "io/base/csv_splitter.hpp"

#include <algorithm>
#include <cstring>

#include "io/base/utf8.hpp"

namespace ccteam::io {

namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

// Splits one row at the start of 'text'. Fields are views into 'text' or into m_unescaped.
CsvSplitter::Scan CsvSplitter::scan(std::string_view text, bool at_end) {
  const char* s = text.data();
  const std::size_t n = text.size();
  std::size_t pos = 0;
  std::size_t line_start = 0;  // offset of the current physical line (for columns)
  int lines = 0;
  bool reserved = false;
  m_fields.clear();
  m_columns.clear();
  m_unescaped.clear();
  Scan out;
  auto fail = [&](MsgId what, std::size_t at) {
    out.status = Status::error;
    out.error = what;
    out.error_line = lines;
    out.error_column = static_cast<int>(at - line_start) + 1;
    // Go on after the end of the physical line of the fault.
    const void* nl = std::memchr(s + at, '\n', n - at);
    if (nl == nullptr) {
      if (!at_end) return Scan{};  // need more
      out.consumed = n;
      out.lines = lines;
      return out;
    }
    out.consumed = static_cast<std::size_t>(static_cast<const char*>(nl) - s) + 1;
    out.lines = lines + 1;
    return out;
  };
  while (true) {
    if (m_track_columns) m_columns.push_back(static_cast<int>(pos - line_start) + 1);
    while (pos < n && blank(s[pos])) ++pos;
    if (pos < n && s[pos] == '"') {
      // Quoted field: up to the next quote that is not doubled.
      const int open_line = lines;
      const int open_column = static_cast<int>(pos - line_start) + 1;
      std::size_t piece = ++pos;
      bool escaped = false;
      std::string_view field;
      while (true) {
        const void* q = std::memchr(s + pos, '"', n - pos);
        std::size_t end =
            q == nullptr ? n : static_cast<std::size_t>(static_cast<const char*>(q) - s);
        for (const char* c = s + pos;
             (c = static_cast<const char*>(
                  std::memchr(c, '\n', static_cast<std::size_t>(s + end - c)))) != nullptr;
             ++c) {
          ++lines;
          line_start = static_cast<std::size_t>(c - s) + 1;
        }
        if (q == nullptr) {
          if (!at_end) return Scan{};
          out.status = Status::error;
          out.error = MsgId::csv_unclosed_quote;
          out.error_line = open_line;
          out.error_column = open_column;
          out.consumed = n;
          out.lines = lines;
          return out;
        }
        if (end + 1 == n && !at_end) return Scan{};  // a doubled quote may follow
        if (end + 1 < n && s[end + 1] == '"') {
          if (!reserved) {
            m_unescaped.reserve(n);  // no reallocation below: views into it stay valid
            reserved = true;
          }
          if (!escaped) field = std::string_view(m_unescaped.data() + m_unescaped.size(), 0);
          m_unescaped.append(s + piece, end + 1 - piece);  // the text and one quote
          escaped = true;
          pos = piece = end + 2;
          continue;
        }
        if (escaped) {
          m_unescaped.append(s + piece, end - piece);
          field = std::string_view(
              field.data(),
              static_cast<std::size_t>(m_unescaped.data() + m_unescaped.size() - field.data()));
        } else {
          field = std::string_view(s + piece, end - piece);
        }
        pos = end + 1;
        break;
      }
      m_fields.push_back(field);
      while (pos < n && blank(s[pos])) ++pos;
      if (pos < n && s[pos] != ',' && s[pos] != '\n' && s[pos] != '\r')
        return fail(MsgId::csv_text_after_quote, pos);
    } else {
      std::size_t start = pos;
      while (pos < n) {
        char c = s[pos];
        if (c == ',' || c == '\n' || c == '\r' || c == '"') break;
        ++pos;
      }
      if (pos < n && s[pos] == '"') return fail(MsgId::csv_stray_quote, pos);
      std::size_t end = pos;
      while (end > start && blank(s[end - 1])) --end;
      m_fields.emplace_back(s + start, end - start);
    }
    // After a field: a comma, a line end, or the end of the text.
    if (pos == n) {
      if (!at_end) return Scan{};
      out.consumed = n;
      break;
    }
    char c = s[pos];
    if (c == ',') {
      ++pos;
      continue;
    }
    if (c == '\r') {
      if (pos + 1 == n && !at_end) return Scan{};  // LF may follow in the next chunk
      pos += pos + 1 < n && s[pos + 1] == '\n' ? 2 : 1;
    } else {
      ++pos;  // '\n'
    }
    ++lines;
    out.consumed = pos;
    break;
  }
  out.lines = lines;
  bool empty_line = m_fields.size() == 1 && m_fields[0].empty() &&
                    std::find(s, s + out.consumed, '"') == s + out.consumed;
  out.status = empty_line ? Status::blank : Status::row;
  return out;
}

// Splits every complete row of 'text'; returns the bytes used (the rest is an unfinished row).
std::size_t CsvSplitter::drain(std::string_view text, bool at_end, CsvSink& sink) {
  std::size_t used = 0;
  while (used < text.size() && !m_stopped) {
    Scan r = scan(text.substr(used), at_end);
    if (r.status == Status::need_more) break;
    if (r.status == Status::row) {
      sink.row(CsvRow{m_fields, m_line, m_columns});
    } else if (r.status == Status::error) {
      sink.syntax_error(m_line + r.error_line, r.error_column, r.error);
      if (r.error == MsgId::csv_unclosed_quote) m_stopped = true;
    }
    m_line += r.lines;
    used += r.consumed;
  }
  return used;
}

bool CsvSplitter::refuse_utf16(std::string_view start, CsvSink& sink) {
  if (!start.starts_with("\xFF\xFE") && !start.starts_with("\xFE\xFF")) return false;
  m_stopped = true;
  sink.syntax_error(1, 1, MsgId::not_utf8);
  return true;
}

void CsvSplitter::feed(std::string_view chunk, CsvSink& sink) {
  if (m_stopped) return;
  if (!m_bom_checked && m_carry.size() + chunk.size() >= 3) {
    m_bom_checked = true;
    m_carry.append(chunk);  // the BOM may be split across chunks
    if (refuse_utf16(m_carry, sink)) {
      m_carry.clear();
      return;
    }
    m_carry.erase(0, bom_length(m_carry));
    chunk = {};
  }
  if (!m_bom_checked) {
    m_carry.append(chunk);
    return;
  }
  if (!m_carry.empty()) {
    // Finish the carried row with the text up to the next line end; most rows end there.
    std::size_t nl = chunk.find('\n');
    std::size_t take = nl == std::string_view::npos ? chunk.size() : nl + 1;
    m_carry.append(chunk.substr(0, take));
    chunk.remove_prefix(take);
    std::size_t used = drain(m_carry, false, sink);
    if (used < m_carry.size()) {
      // The row goes on (a quoted line end): carry the whole chunk.
      m_carry.erase(0, used);
      m_carry.append(chunk);
      chunk = {};
      m_carry.erase(0, drain(m_carry, false, sink));
    } else {
      m_carry.clear();
    }
  }
  if (!chunk.empty()) {
    std::size_t used = drain(chunk, false, sink);
    m_carry.assign(chunk.substr(used));
  }
  if (m_carry.size() > m_max_row && !m_stopped) {
    m_stopped = true;
    sink.syntax_error(m_line, 1, MsgId::csv_row_too_long);
    m_carry.clear();
  }
}

void CsvSplitter::split(std::string_view text, CsvSink& sink, FieldColumns columns) {
  CsvSplitter splitter(text.size(), columns);
  splitter.m_bom_checked = true;
  if (splitter.refuse_utf16(text, sink)) return;
  text.remove_prefix(bom_length(text));
  splitter.drain(text, true, sink);
}

void CsvSplitter::finish(CsvSink& sink) {
  if (m_stopped) return;
  if (!m_bom_checked && refuse_utf16(m_carry, sink)) {
    m_carry.clear();
    return;
  }
  if (!m_bom_checked) m_carry.erase(0, bom_length(m_carry));
  m_bom_checked = true;
  drain(m_carry, true, sink);
  m_carry.clear();
}

}  // namespace ccteam::io
