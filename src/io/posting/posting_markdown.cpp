#include "io/posting/posting_markdown.hpp"

#include <cmark.h>

#include <array>
#include <memory>
#include <utility>

#include "io/base/utf8.hpp"

namespace ccteam::io {

namespace {

using posting::Block;

constexpr std::string_view k_ascii_space = " \t\n\r\f\v";

std::string_view trim(std::string_view text) {
  std::size_t begin = text.find_first_not_of(k_ascii_space);
  if (begin == std::string_view::npos) return {};
  std::size_t end = text.find_last_not_of(k_ascii_space);
  return text.substr(begin, end - begin + 1);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether the '&' at text[at] starts what CommonMark could read as an entity or numeric
// character reference: '&', then '#' or letters and digits (at most 32), then ';'.
bool starts_reference(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  if (i < text.size() && text[i] == '#') ++i;
  std::size_t first = i;
  while (i < text.size() && i - first < 32 && is_alnum(text[i])) ++i;
  return i > first && i < text.size() && text[i] == ';';
}

// Where a closing run of '#' starts in an ATX heading's text: a run of '#' at the end after a
// space or tab (spec 0.30, 4.2); npos when there is none.
std::size_t closing_hashes(std::string_view text) {
  std::size_t end = text.find_last_not_of(" \t");
  if (end == std::string_view::npos || text[end] != '#') return std::string_view::npos;
  std::size_t start = end;
  while (start > 0 && text[start - 1] == '#') --start;
  if (start == 0 || (text[start - 1] != ' ' && text[start - 1] != '\t')) {
    return std::string_view::npos;
  }
  return start;
}

// A cmark tree freed when it goes out of scope.
struct NodeFree {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterFree {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

// The URL schemes a link's address is dropped for, as cmark's HTML renderer drops them
// (scanners.re, _scan_dangerous_url), compared case-insensitively.
bool dangerous_url(std::string_view url) {
  static constexpr std::array<std::string_view, 4> k_schemes = {
      "javascript:", "vbscript:", "file:", "data:"};
  for (std::string_view scheme : k_schemes) {
    if (url.size() < scheme.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < scheme.size() && same; ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == scheme[i];
    }
    if (same) return true;
  }
  return false;
}

std::string_view literal(cmark_node* node) {
  const char* text = cmark_node_get_literal(node);
  return text == nullptr ? std::string_view{} : std::string_view{text};
}

// Walks cmark's tree once, in document order, and collects the blocks.
class BlockWalker {
 public:
  void enter(cmark_node* node);
  void exit(cmark_node* node);
  std::vector<Block> take() { return std::move(m_blocks); }

 private:
  bool in_list() const { return m_list_depth > 0; }
  void push(Block::Kind kind, std::string_view text) {
    std::string_view line = trim(text);
    if (!line.empty()) m_blocks.push_back(Block{kind, {std::string(line)}});
  }
  // Ends the paragraph or heading being read outside a list.
  void end_text(Block::Kind kind) {
    push(kind, m_text);
    m_text.clear();
  }
  // Ends the line of the list item being read (an item's text before a nested list, or after).
  void end_item_line() {
    std::string_view line = trim(m_text);
    if (!line.empty()) m_list.lines.emplace_back(line);
    m_text.clear();
  }
  // Starts another paragraph, heading or code line of the same list item.
  void separate() {
    if (!m_text.empty() && m_text.back() != ' ') m_text += ' ';
  }
  void code_block(std::string_view code);
  void end_link(cmark_node* link);

  std::vector<Block> m_blocks;
  std::string m_text;                // the paragraph, heading or list item line being read
  std::vector<std::size_t> m_links;  // where the text of each open link starts in m_text
  Block m_list{Block::Kind::bullets, {}};
  int m_list_depth = 0;
};

void BlockWalker::enter(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_LIST:
      if (m_list_depth++ == 0) {
        m_list.lines.clear();
        m_text.clear();
      }
      break;
    case CMARK_NODE_ITEM:
      end_item_line();
      break;
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
      if (in_list()) separate();
      break;
    case CMARK_NODE_CODE_BLOCK:
      code_block(literal(node));
      break;
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      m_text += literal(node);
      break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      m_text += ' ';
      break;
    case CMARK_NODE_LINK:
      m_links.push_back(m_text.size());
      break;
    default:
      // Documents, block quotes, emphasis and images (their alt text is their children's
      // text) hold what is read; HTML blocks, inline HTML and thematic breaks are dropped.
      break;
  }
}

void BlockWalker::exit(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_LIST:
      if (--m_list_depth == 0 && !m_list.lines.empty()) m_blocks.push_back(std::move(m_list));
      break;
    case CMARK_NODE_ITEM:
      end_item_line();
      break;
    case CMARK_NODE_PARAGRAPH:
      if (!in_list()) end_text(Block::Kind::paragraph);
      break;
    case CMARK_NODE_HEADING:
      if (!in_list()) end_text(Block::Kind::subheading);
      break;
    case CMARK_NODE_LINK:
      end_link(node);
      break;
    default:
      break;
  }
}

void BlockWalker::code_block(std::string_view code) {
  while (!code.empty()) {
    std::size_t end = code.find('\n');
    std::string_view line = code.substr(0, end);
    code = end == std::string_view::npos ? std::string_view{} : code.substr(end + 1);
    if (trim(line).empty()) continue;
    if (in_list()) {
      separate();
      m_text += trim(line);
    } else {
      push(Block::Kind::paragraph, line);
    }
  }
}

void BlockWalker::end_link(cmark_node* link) {
  std::size_t start = m_links.back();
  m_links.pop_back();
  const char* url_text = cmark_node_get_url(link);
  std::string_view url = url_text == nullptr ? std::string_view{} : trim(url_text);
  if (url.empty() || dangerous_url(url)) return;
  std::string_view label = trim(std::string_view(m_text).substr(start));
  std::string_view shown = url.starts_with("mailto:") ? url.substr(7) : url;
  if (label == url || label == shown) return;
  while (m_text.size() > start && k_ascii_space.find(m_text.back()) != std::string_view::npos) {
    m_text.pop_back();
  }
  if (m_text.size() == start) {  // no text: the address alone
    m_text += url;
    return;
  }
  m_text += " (";
  m_text += url;
  m_text += ')';
}

// The Markdown of one line of a block, without its line end.
std::string line_markdown(Block::Kind kind, std::string_view text, char bullet) {
  std::string escaped = escape_markdown(trim(text));
  switch (kind) {
    case Block::Kind::paragraph:
      return escaped;
    case Block::Kind::subheading:
      return "### " + escaped;
    case Block::Kind::bullets:
      return std::string{bullet, ' '} + escaped;
  }
  return escaped;
}

}  // namespace

Result<std::vector<posting::Block>> markdown_to_blocks(std::string_view markdown,
                                                       std::string_view section_id) {
  std::string id(section_id);
  if (markdown.size() > k_max_section_markdown_bytes) {
    return tl::unexpected(Error::invalid_input(
        msg(MsgId::posting_section_too_long, id, k_max_section_markdown_bytes / 1024)));
  }
  if (auto text = check_text(markdown, id, Nul::refuse); !text) {
    return tl::unexpected(std::move(text.error()));
  }
  std::unique_ptr<cmark_node, NodeFree> document(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT));
  std::unique_ptr<cmark_iter, IterFree> iter(cmark_iter_new(document.get()));
  BlockWalker walker;
  for (cmark_event_type event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (event == CMARK_EVENT_ENTER) {
      walker.enter(node);
    } else if (event == CMARK_EVENT_EXIT) {
      walker.exit(node);
    }
  }
  return walker.take();
}

std::string blocks_to_markdown(const std::vector<posting::Block>& blocks) {
  std::string out;
  char last_bullet = 0;  // the marker of the list written last, while nothing came after it
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    if (b > 0) out += '\n';
    char bullet = last_bullet == '-' ? '*' : '-';
    bool written = false;
    for (const std::string& line : block.lines) {
      if (trim(line).empty()) continue;
      // Each line of a paragraph block is a paragraph of its own.
      if (written && block.kind == Block::Kind::paragraph) out += '\n';
      out += line_markdown(block.kind, line, bullet);
      out += '\n';
      written = true;
    }
    if (written) last_bullet = block.kind == Block::Kind::bullets ? bullet : 0;
  }
  return out;
}

std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  // Where the line's text starts: the rules for a line's start apply there.
  std::size_t first = text.find_first_not_of(" \t");
  std::size_t digits = first == std::string_view::npos ? 0 : first;
  while (digits < text.size() && is_digit(text[digits])) ++digits;
  std::size_t hashes = closing_hashes(text);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    bool escape = c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' ||
                  c == '<' || c == '>' || c == '|';
    escape = escape || (i == first && (c == '#' || c == '-' || c == '+' || c == '~' || c == '='));
    escape = escape || (i == digits && digits > first && (c == '.' || c == ')'));
    escape = escape || i == hashes || (c == '&' && starts_reference(text, i));
    if (escape) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace ccteam::io
