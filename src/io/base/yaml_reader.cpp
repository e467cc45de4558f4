#include "io/base/yaml_reader.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string_view>
#include <utility>

#include <yaml-cpp/eventhandler.h>

#include "ccteam/core/nearest_word.hpp"
#include "io/base/utf8.hpp"

namespace ccteam::io {

SourcePos position_of(std::string_view text, std::size_t offset, const std::string& file) {
  LineColumn at = line_column(text, offset);
  return SourcePos{file, at.line, at.column, ""};
}

SourcePos YamlContext::pos(const YAML::Mark& mark, const std::string& pointer) const {
  // yaml-cpp counts lines and columns from 0, columns in bytes, and uses -1 for "no position".
  if (mark.pos < 0 || mark.line < 0) return SourcePos{m_file, 0, 0, pointer};
  // The line comes from an index of line starts, built on first use, so that a position costs
  // the length of its line, not of the text before it (readers take one for every item).
  if (m_line_starts.empty()) {
    m_line_starts.push_back(0);
    for (std::size_t i = m_text.find('\n'); i != std::string_view::npos;
         i = m_text.find('\n', i + 1)) {
      m_line_starts.push_back(i + 1);
    }
  }
  std::size_t offset = std::min(static_cast<std::size_t>(mark.pos), m_text.size());
  auto next = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  std::size_t start = *(next - 1);
  return SourcePos{m_file, static_cast<int>(next - m_line_starts.begin()),
                   1 + static_cast<int>(utf8_length(m_text.substr(start, offset - start))),
                   pointer};
}

SourcePos YamlContext::pos(const YAML::Node& node, const std::string& pointer) const {
  return pos(node.Mark(), pointer);
}

void YamlContext::error(const YAML::Node& node, const std::string& pointer, Message message,
                        std::optional<Message> hint) {
  if (m_errors.full()) return m_errors.count_left_out();
  error(pos(node, pointer), std::move(message), std::move(hint));
}

void YamlContext::error(SourcePos where, Message message, std::optional<Message> hint) {
  m_errors.add(
      Error{ErrorKind::invalid_input, std::move(message), std::move(where), std::move(hint)});
}

namespace {

// Remembers where a document's first node starts (yaml-cpp events, nothing kept).
class FirstMark : public YAML::EventHandler {
 public:
  YAML::Mark first;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { note(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { note(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    note(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    note(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    note(mark);
  }
  void OnMapEnd() override {}

 private:
  void note(const YAML::Mark& mark) {
    if (!m_seen) first = mark;
    m_seen = true;
  }
  bool m_seen = false;
};

// Counts the items of the top-level mapping's sequence under one key and stops the parse (by
// throwing ItemPastLimit) at the item past the limit.
struct ItemPastLimit {
  YAML::Mark mark;
};

class SequenceItemCounter : public YAML::EventHandler {
 public:
  SequenceItemCounter(std::string_view key, std::size_t limit) : m_key(key), m_limit(limit) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark, nullptr, false); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { node(mark, nullptr, false); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string& value) override {
    node(mark, &value, false);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    if (m_depth == 1 && m_top_is_map && !m_at_key && m_key_matches) m_in_target = true;
    node(mark, nullptr, true);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    if (m_depth == 0) m_top_is_map = true;
    node(mark, nullptr, true);
  }
  void OnMapEnd() override { close(); }

 private:
  // A node starts at the current depth; a container opens one more.
  void node(const YAML::Mark& mark, const std::string* scalar, bool container) {
    if (m_depth == 1 && m_top_is_map) {  // a key or a value of the top-level mapping, in turn
      if (m_at_key) m_key_matches = scalar != nullptr && *scalar == m_key;
      m_at_key = !m_at_key;
    } else if (m_depth == 2 && m_in_target && ++m_items > m_limit) {
      throw ItemPastLimit{mark};
    }
    if (container) ++m_depth;
  }
  void close() {
    if (--m_depth == 1) m_in_target = false;
  }

  std::string_view m_key;
  std::size_t m_limit;
  int m_depth = 0;
  bool m_top_is_map = false;
  bool m_at_key = true;
  bool m_key_matches = false;
  bool m_in_target = false;
  std::size_t m_items = 0;
};

// Visits the tree as readers do, an aliased node once per reference, and stops at the first
// node past 'budget' visits: that node, or nullopt when the tree fits.
std::optional<YAML::Node> node_past_budget(const YAML::Node& root, std::size_t budget) {
  std::vector<YAML::Node> stack{root};
  std::size_t visited = 0;
  while (!stack.empty()) {
    YAML::Node node = stack.back();
    stack.pop_back();
    if (++visited > budget) return node;
    if (node.IsSequence()) {
      for (const YAML::Node& item : node) stack.push_back(item);
    } else if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        stack.push_back(it->first);
        stack.push_back(it->second);
      }
    }
  }
  return std::nullopt;
}

// yaml-cpp's description of a syntax error (its YAML::ErrorMsg texts, such as "illegal map
// value" or "end of sequence not found") in English as it is and in German. A text that starts
// with a listed one keeps its tail (the character of "unknown escape character: q"); an
// unlisted text stays English in both.
LocalizedText yaml_parse_text(const std::string& english) {
  static constexpr std::pair<std::string_view, std::string_view> k_german[] = {
      {"illegal map value",
       "unzulässiger Wert in einer Zuordnung (fehlt ein Leerzeichen nach "
       "':' oder eine Einrückung?)"},
      {"illegal map key", "unzulässiger Schlüssel in einer Zuordnung"},
      {"end of map not found", "Ende der Zuordnung nicht gefunden"},
      {"end of map flow not found", "Ende der Zuordnung in {...} nicht gefunden"},
      {"end of sequence not found", "Ende der Liste nicht gefunden"},
      {"end of sequence flow not found", "Ende der Liste in [...] nicht gefunden"},
      {"illegal block entry", "unzulässiger Listeneintrag ('- ' an dieser Stelle)"},
      {"illegal flow end", "unzulässiges Ende von {...} oder [...]"},
      {"unknown token", "unbekanntes Zeichen"},
      {"illegal document indicator in scalar", "Dokumentmarke (--- oder ...) in einem Wert"},
      {"illegal EOF in scalar",
       "Ende der Datei in einem Wert (fehlt ein schließendes "
       "Anführungszeichen?)"},
      {"illegal character in scalar", "unzulässiges Zeichen in einem Wert"},
      {"illegal tab when looking for indentation",
       "Tabulator in der Einrückung (YAML rückt mit Leerzeichen ein)"},
      {"alias not found after *", "nach * fehlt der Name eines Ankers"},
      {"anchor not found after &", "nach & fehlt der Name eines Ankers"},
      {"the referenced anchor is not defined", "der verwiesene Anker ist nicht definiert"},
      {"unknown escape character: ", "unbekannte Escape-Sequenz: "},
      {"invalid unicode: ", "ungültiges Unicode-Zeichen: "},
      {"bad character found while scanning hex number",
       "unzulässiges Zeichen in einer Hexadezimalzahl"},
      {"unexpected character in block scalar", "unerwartetes Zeichen in einem Blocktext"},
      {"content the parser cannot read after the document",
       "Inhalt nach dem Dokument, den der Parser nicht lesen kann"},
  };
  for (const auto& [from, to] : k_german) {
    if (english.starts_with(from)) return {english, std::string(to) + english.substr(from.size())};
  }
  return LocalizedText{english, english};
}

}  // namespace

std::optional<SourcePos> item_past_limit(std::string_view text, const std::string& file,
                                         std::string_view key, std::size_t limit) {
  if (text.size() > k_max_yaml_bytes) return std::nullopt;
  try {
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    SequenceItemCounter counter(key, limit);
    parser.HandleNextDocument(counter);  // the first document: a second is parse_yaml's error
  } catch (const ItemPastLimit& past) {
    if (past.mark.pos < 0) return SourcePos{file, 0, 0, ""};
    return position_of(text, static_cast<std::size_t>(past.mark.pos), file);
  } catch (const YAML::Exception&) {
    return std::nullopt;  // parse_yaml words the syntax error
  }
  return std::nullopt;
}

Result<YAML::Node> parse_yaml(std::string_view text, const std::string& file) {
  if (text.size() > k_max_yaml_bytes) {
    return fail(ErrorKind::invalid_input, msg(MsgId::file_too_large, k_max_yaml_bytes >> 20),
                SourcePos{file, 0, 0, ""});
  }
  // yaml-cpp passes invalid UTF-8 through; it would reach JSON output and terminals.
  if (auto checked = check_text(text, file, Nul::refuse); !checked) {
    return tl::unexpected(std::move(checked.error()));
  }
  try {
    // Count the documents with a parser that keeps nothing, instead of YAML::LoadAll: on some
    // invalid input ('""""...' after a document) yaml-cpp 0.7 returns the same document over
    // and over, and LoadAll collects them until memory runs out (fixed upstream in yaml-cpp
    // PR 1319, 2024; Debian 12 ships 0.7). A document that does not start after the previous
    // one ends the count.
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    FirstMark marks;
    std::size_t count = 0;
    int last = -1;
    YAML::Mark second;
    bool stuck = false;
    while (count < 1000 && parser.HandleNextDocument(marks)) {
      if (marks.first.pos <= last) {
        stuck = true;
        break;
      }
      last = marks.first.pos;
      if (++count == 2) second = marks.first;
      marks = FirstMark{};
    }
    auto where_of = [&](const YAML::Mark& mark) {
      return mark.pos >= 0 ? position_of(text, static_cast<std::size_t>(mark.pos), file)
                           : SourcePos{file, 0, 0, ""};
    };
    if (count > 1) {
      return fail(ErrorKind::invalid_input, msg(MsgId::yaml_several_documents, count),
                  where_of(second), msg(MsgId::hint_several_documents));
    }
    if (stuck) {
      return fail(ErrorKind::invalid_input,
                  msg(MsgId::yaml_syntax,
                      yaml_parse_text("content the parser cannot read after the document")),
                  where_of(marks.first), msg(MsgId::hint_yaml_syntax));
    }
    if (count == 0) return YAML::Node();
    YAML::Node root = YAML::Load(std::string(text));
    std::size_t budget = k_nodes_per_byte * text.size() + 16;
    if (auto past = node_past_budget(root, budget)) {
      YAML::Mark mark = past->Mark();
      SourcePos where = mark.pos >= 0 ? position_of(text, static_cast<std::size_t>(mark.pos), file)
                                      : SourcePos{file, 0, 0, ""};
      return fail(ErrorKind::invalid_input, msg(MsgId::yaml_alias_expansion, budget), where,
                  msg(MsgId::hint_alias_expansion));
    }
    return root;
  } catch (const YAML::Exception& e) {
    SourcePos where = e.mark.pos >= 0
                          ? position_of(text, static_cast<std::size_t>(e.mark.pos), file)
                          : SourcePos{file, 0, 0, ""};
    return fail(ErrorKind::invalid_input, msg(MsgId::yaml_syntax, yaml_parse_text(e.msg)), where,
                msg(MsgId::hint_yaml_syntax));
  }
}

namespace {

// An example of each type, for the hint of a wrong-type error.
std::string_view example_of(MsgId type) {
  switch (type) {
    case MsgId::type_map:
      return "key: value";
    case MsgId::type_list:
      return "[a, b]";
    case MsgId::type_integer:
      return "3";
    case MsgId::type_number:
      return "1.5";
    case MsgId::type_bool:
      return "true";
    default:
      return "\"some text\"";
  }
}

// A quoted scalar is text whatever it looks like: yaml-cpp tags it "!" (plain ones "?").
bool is_quoted(const YAML::Node& node) { return node.IsScalar() && node.Tag() == "!"; }

// C0 control characters other than tab and line feed would reach terminals and JSON verbatim.
std::optional<unsigned char> control_character(const std::string& text) {
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && byte != '\t' && byte != '\n') || byte == 0x7F) return byte;
  }
  return std::nullopt;
}

}  // namespace

void wrong_type(YamlContext& ctx, const YAML::Node& node, const std::string& pointer,
                MsgId expected) {
  ctx.error(node, pointer, msg(MsgId::yaml_wrong_type, expected, node_kind(node)),
            msg(MsgId::hint_wrong_type, example_of(expected)));
}

YAML::Node locate(const YAML::Node& root, const std::string& pointer) {
  YAML::Node node = root;
  std::size_t pos = 1;
  while (pos <= pointer.size() && !pointer.empty()) {
    std::size_t end = pointer.find('/', pos);
    std::string token =
        pointer.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    const YAML::Node& current = node;
    YAML::Node next;
    if (current.IsMap()) {
      for (auto it = current.begin(); it != current.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == token) next = it->second;
      }
    } else if (current.IsSequence()) {
      std::size_t index = 0;
      bool digits = !token.empty() && std::all_of(token.begin(), token.end(),
                                                  [](char ch) { return ch >= '0' && ch <= '9'; });
      if (digits && token.size() < 9) index = std::stoul(token);
      if (digits && index < current.size()) next = current[index];
    }
    if (!next.IsDefined() || next.IsNull()) break;
    // reset, not '=': yaml-cpp's assignment writes 'next' into the node 'node' refers to, which
    // is part of the tree (the next error was then located in a changed tree, at a wrong line).
    node.reset(next);
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return node;
}

MsgId node_kind(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return MsgId::type_map;
    case YAML::NodeType::Sequence:
      return MsgId::type_list;
    case YAML::NodeType::Scalar: {
      if (is_quoted(node)) return MsgId::type_text;
      long long integer = 0;
      double number = 0;
      bool flag = false;
      if (YAML::convert<long long>::decode(node, integer)) return MsgId::type_integer;
      if (YAML::convert<double>::decode(node, number)) return MsgId::type_number;
      if (YAML::convert<bool>::decode(node, flag)) return MsgId::type_bool;
      return MsgId::type_text;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return MsgId::type_null;
  }
  return MsgId::type_null;
}

MapReader::MapReader(YamlContext& ctx, const YAML::Node& node, std::string pointer)
    : m_ctx(ctx), m_node(node), m_pointer(std::move(pointer)) {
  if (!node.IsMap()) {
    wrong_type(m_ctx, node, m_pointer, MsgId::type_map);
    return;
  }
  m_is_map = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
    if (key == "<<" && !is_quoted(it->first)) {
      // yaml-cpp 0.7 does not implement YAML 1.1 merge keys; it would keep "<<" as a key.
      m_ctx.error(it->first, json_pointer_append(m_pointer, key), msg(MsgId::yaml_merge_key),
                  msg(MsgId::hint_merge_key));
      continue;
    }
    auto same = std::find_if(m_entries.begin(), m_entries.end(),
                             [&](const Entry& e) { return e.key == key; });
    if (same != m_entries.end()) {
      // yaml-cpp 0.7 would silently keep the first value; a user's second value would vanish.
      int first_line = same->key_node.Mark().line + 1;
      m_ctx.error(it->first, json_pointer_append(m_pointer, key),
                  msg(MsgId::yaml_duplicate_key, key, first_line), msg(MsgId::hint_duplicate_key));
      continue;
    }
    m_entries.push_back(Entry{key, it->first, it->second, false});
  }
}

std::string MapReader::pointer_of(std::string_view key) const {
  return json_pointer_append(m_pointer, std::string(key));
}

MapReader::Entry* MapReader::find(std::string_view key) {
  for (Entry& entry : m_entries) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

bool MapReader::has(std::string_view key) const {
  // A key without a value counts as absent: get() reports it, and callers that test has()
  // before dereferencing get() must not find it.
  return std::any_of(m_entries.begin(), m_entries.end(),
                     [&](const Entry& e) { return e.key == key && !e.value.IsNull(); });
}

std::optional<YAML::Node> MapReader::get(std::string_view key, bool required) {
  if (std::find(m_asked.begin(), m_asked.end(), key) == m_asked.end()) m_asked.emplace_back(key);
  if (!m_is_map) return std::nullopt;
  Entry* entry = find(key);
  if (entry == nullptr) {
    if (required) {
      m_ctx.error(m_node, m_pointer, msg(MsgId::yaml_missing_key, key),
                  msg(MsgId::hint_missing_key, key));
    }
    return std::nullopt;
  }
  if (entry->value.IsNull()) {
    // Reported once, at the key: the null value has no position of its own.
    if (!entry->used) {
      m_ctx.error(entry->key_node, pointer_of(key), msg(MsgId::yaml_no_value, key),
                  msg(MsgId::hint_no_value));
    }
    entry->used = true;
    return std::nullopt;
  }
  entry->used = true;
  return entry->value;
}

std::optional<std::string> read_string(YamlContext& ctx, const YAML::Node& node,
                                       const std::string& pointer) {
  if (!node.IsScalar()) {
    wrong_type(ctx, node, pointer, MsgId::type_text);
    return std::nullopt;
  }
  if (auto control = control_character(node.Scalar())) {
    ctx.error(node, pointer, msg(MsgId::yaml_control_character, fmt::format("U+{:04X}", *control)),
              msg(MsgId::hint_control_character));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<std::string> MapReader::string(std::string_view key, bool required) {
  auto node = get(key, required);
  if (!node) return std::nullopt;
  return read_string(m_ctx, *node, pointer_of(key));
}

std::optional<long long> MapReader::integer(std::string_view key, bool required, long long min,
                                            long long max) {
  auto node = get(key, required);
  if (!node) return std::nullopt;
  long long value = 0;
  if (!node->IsScalar() || is_quoted(*node) || !YAML::convert<long long>::decode(*node, value)) {
    wrong_type(m_ctx, *node, pointer_of(key), MsgId::type_integer);
    return std::nullopt;
  }
  if (value < min || value > max) {
    m_ctx.error(*node, pointer_of(key), msg(MsgId::yaml_out_of_range, value, min, max),
                msg(MsgId::hint_range, min, max));
    return std::nullopt;
  }
  return value;
}

std::optional<double> MapReader::number(std::string_view key, bool required, double min,
                                        double max) {
  auto node = get(key, required);
  if (!node) return std::nullopt;
  double value = 0;
  if (!node->IsScalar() || is_quoted(*node) || !YAML::convert<double>::decode(*node, value) ||
      !std::isfinite(value)) {
    wrong_type(m_ctx, *node, pointer_of(key), MsgId::type_number);
    return std::nullopt;
  }
  if (value < min || value > max) {
    m_ctx.error(*node, pointer_of(key), msg(MsgId::yaml_out_of_range, value, min, max),
                msg(MsgId::hint_range, min, max));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> MapReader::boolean(std::string_view key, bool required) {
  auto node = get(key, required);
  if (!node) return std::nullopt;
  bool value = false;
  if (!node->IsScalar() || is_quoted(*node) || !YAML::convert<bool>::decode(*node, value)) {
    wrong_type(m_ctx, *node, pointer_of(key), MsgId::type_bool);
    return std::nullopt;
  }
  return value;
}

std::optional<LocalizedText> read_text(YamlContext& ctx, const YAML::Node& node,
                                       const std::string& pointer) {
  MapReader map(ctx, node, pointer);
  if (!map.is_map()) return std::nullopt;
  LocalizedText text;
  bool complete = true;
  for (Lang lang : k_all_langs) {
    auto value = map.string(to_string(lang), true);
    if (!value) {
      complete = false;
      continue;
    }
    if (value->find_first_not_of(" \t\r\n") == std::string::npos) {
      ctx.error(node, map.pointer_of(to_string(lang)), msg(MsgId::yaml_empty_text, to_string(lang)),
                msg(MsgId::hint_both_languages));
      complete = false;
    }
    text.get(lang) = std::move(*value);
  }
  map.finish();
  if (!complete) return std::nullopt;
  return text;
}

std::optional<LocalizedText> MapReader::text(std::string_view key, bool required) {
  auto node = get(key, required);
  if (!node) return std::nullopt;
  return read_text(m_ctx, *node, pointer_of(key));
}

std::optional<LocalizedText> MapReader::citation(std::string_view key, bool required) {
  auto node = get(key, required);
  if (!node) return std::nullopt;
  if (node->IsMap()) return read_text(m_ctx, *node, pointer_of(key));
  auto value = read_string(m_ctx, *node, pointer_of(key));
  if (!value) return std::nullopt;
  return LocalizedText{*value, *value};
}

std::optional<std::vector<std::string>> MapReader::strings(std::string_view key, bool required) {
  auto node = get(key, required);
  if (!node) return std::nullopt;
  if (!node->IsSequence()) {
    wrong_type(m_ctx, *node, pointer_of(key), MsgId::type_list);
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  std::size_t index = 0;
  for (const YAML::Node& item : *node) {
    auto value = read_string(m_ctx, item, json_pointer_append(pointer_of(key), index++));
    if (value) {
      out.push_back(std::move(*value));
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

void MapReader::list(std::string_view key, bool required,
                     const std::function<void(const YAML::Node&, const std::string&)>& each) {
  auto node = get(key, required);
  if (!node) return;
  if (!node->IsSequence()) {
    wrong_type(m_ctx, *node, pointer_of(key), MsgId::type_list);
    return;
  }
  std::size_t index = 0;
  for (const YAML::Node& item : *node) each(item, json_pointer_append(pointer_of(key), index++));
}

void MapReader::report_bad_choice(const Entry& entry, std::span<const std::string_view> allowed) {
  std::optional<Message> hint = msg(MsgId::hint_one_of, join(allowed));
  if (auto near = nearest_word(entry.value.Scalar(), allowed)) {
    hint = msg(MsgId::hint_did_you_mean_of, *near, join(allowed));
  }
  m_ctx.error(entry.value, pointer_of(entry.key), msg(MsgId::yaml_bad_choice, entry.value.Scalar()),
              std::move(hint));
}

void MapReader::finish() {
  for (const Entry& entry : m_entries) {
    if (entry.used) continue;
    std::optional<Message> hint;
    if (auto near = nearest_word(entry.key, m_asked)) {
      hint = msg(MsgId::hint_did_you_mean, *near);
    } else {
      std::vector<std::string_view> known(m_asked.begin(), m_asked.end());
      hint = msg(MsgId::hint_known_keys, join(known));
    }
    m_ctx.error(entry.key_node, pointer_of(entry.key), msg(MsgId::yaml_unknown_key, entry.key),
                std::move(hint));
  }
}

std::string join(std::span<const std::string_view> words) {
  std::string out;
  for (std::string_view word : words) {
    if (!out.empty()) out += ", ";
    out += word;
  }
  return out;
}

}  // namespace ccteam::io
