#include "io/posting/posting_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "io/base/utf8.hpp"

namespace ccteam::io {

namespace {

bool looks_like_html(std::string_view raw) {
  std::string head(raw.substr(0, 2048));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view tag : {"<!doctype", "<html", "<p>", "<li>", "<h1", "<h2", "<div", "<br"}) {
    if (head.find(tag) != std::string::npos) return true;
  }
  return false;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void trim_into(lint::TextLine& line, const std::string& text, const std::vector<int>& columns) {
  std::size_t b = 0;
  std::size_t e = text.size();
  while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r')) ++b;
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
  line.text = text.substr(b, e - b);
  line.columns.assign(columns.begin() + static_cast<std::ptrdiff_t>(b),
                      columns.begin() + static_cast<std::ptrdiff_t>(e));
}

lint::PostingText from_html(std::string_view raw) {
  lint::PostingText out;
  int line_no = 1;
  int col = 1;
  std::string text;
  std::vector<int> columns;
  bool heading = false;
  bool bullet = false;
  int skip_depth = 0;  // inside <head>, <script>, <style>
  auto flush = [&]() {
    lint::TextLine line;
    line.number = line_no;
    trim_into(line, text, columns);
    line.heading = heading;
    line.bullet = bullet;
    out.lines.push_back(std::move(line));
    text.clear();
    columns.clear();
    heading = false;
    bullet = false;
  };
  static constexpr std::array<std::pair<std::string_view, char>, 6> k_entities = {
      {{"&amp;", '&'},
       {"&lt;", '<'},
       {"&gt;", '>'},
       {"&quot;", '"'},
       {"&#39;", '\''},
       {"&nbsp;", ' '}}};
  std::size_t i = 0;
  while (i < raw.size()) {
    char c = raw[i];
    if (c == '\n') {
      flush();
      ++line_no;
      col = 1;
      ++i;
      continue;
    }
    if (c == '<') {
      std::size_t close = raw.find('>', i);
      if (close == std::string_view::npos) close = raw.size() - 1;
      std::string tag = lower(raw.substr(i + 1, close - i - 1));
      bool closing = !tag.empty() && tag[0] == '/';
      std::string body = closing ? tag.substr(1) : tag;
      std::string name = body.substr(0, body.find_first_of(" \t\n/"));
      if (name == "head" || name == "script" || name == "style") {
        skip_depth = std::max(0, skip_depth + (closing ? -1 : 1));
      }
      if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') heading = true;
      if (name == "li") bullet = true;
      // Count the tag's bytes and newlines inside it.
      for (std::size_t k = i; k <= close && k < raw.size(); ++k) {
        if (raw[k] == '\n') {
          flush();
          ++line_no;
          col = 1;
        } else {
          ++col;
        }
      }
      i = close + 1;
      continue;
    }
    if (skip_depth > 0) {
      ++col;
      ++i;
      continue;
    }
    if (c == '&') {
      bool decoded = false;
      for (const auto& [entity, ch] : k_entities) {
        if (raw.compare(i, entity.size(), entity) == 0) {
          text += ch;
          columns.push_back(col);
          col += static_cast<int>(entity.size());
          i += entity.size();
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    text += c;
    columns.push_back(col);
    ++col;
    ++i;
  }
  flush();
  return out;
}

lint::PostingText from_text(std::string_view raw) {
  lint::PostingText out;
  int line_no = 1;
  std::size_t start = 0;
  while (start <= raw.size()) {
    std::size_t end = raw.find('\n', start);
    if (end == std::string_view::npos) end = raw.size();
    std::string_view l = raw.substr(start, end - start);
    std::string text(l);
    std::vector<int> columns(text.size());
    for (std::size_t k = 0; k < columns.size(); ++k) columns[k] = static_cast<int>(k) + 1;
    lint::TextLine line;
    line.number = line_no;
    trim_into(line, text, columns);
    const std::string& t = line.text;
    line.heading = (!t.empty() && t[0] == '#') ||
                   (t.size() > 4 && t.starts_with("**") && t.ends_with("**")) ||
                   (!t.empty() && t.size() < 60 && t.back() == ':');
    line.bullet = t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") ||
                  t.starts_with("\xE2\x80\xA2") || t.starts_with("\xE2\x80\x93 ");
    out.lines.push_back(std::move(line));
    if (end == raw.size()) break;
    start = end + 1;
    ++line_no;
  }
  return out;
}

}  // namespace

lint::PostingText read_posting_text(std::string_view raw) {
  raw.remove_prefix(bom_length(raw));
  return looks_like_html(raw) ? from_html(raw) : from_text(raw);
}

}  // namespace ccteam::io
