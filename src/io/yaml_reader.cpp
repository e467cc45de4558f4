#include "io/yaml_reader.hpp"

#include <algorithm>

namespace ccteam::io {

SourcePos YamlContext::pos(const YAML::Node& node, const std::string& pointer) const {
  YAML::Mark mark = node.Mark();
  // yaml-cpp counts lines and columns from 0 and uses -1 for "no position".
  int line = mark.line >= 0 ? mark.line + 1 : 0;
  int column = mark.column >= 0 ? mark.column + 1 : 0;
  return SourcePos{m_file, line, column, pointer};
}

void YamlContext::error(const YAML::Node& node, const std::string& pointer, Message message,
                        std::optional<Message> hint) {
  error(pos(node, pointer), std::move(message), std::move(hint));
}

void YamlContext::error(SourcePos where, Message message, std::optional<Message> hint) {
  m_errors.push_back(
      Error{ErrorKind::invalid_input, std::move(message), std::move(where), std::move(hint)});
}

Result<YAML::Node> parse_yaml(std::string_view text, const std::string& file) {
  if (text.size() > k_max_yaml_bytes) {
    return fail(ErrorKind::invalid_input, msg(MsgId::file_too_large, k_max_yaml_bytes >> 20),
                SourcePos{file, 0, 0, ""});
  }
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    SourcePos where{file, e.mark.line >= 0 ? e.mark.line + 1 : 0,
                    e.mark.column >= 0 ? e.mark.column + 1 : 0, ""};
    return fail(ErrorKind::invalid_input, msg(MsgId::yaml_syntax, e.msg), where,
                msg(MsgId::hint_yaml_syntax));
  }
}

namespace {

// An example of each written type, for the hint of a wrong-type error.
std::string_view example_of(std::string_view type) {
  if (type == "map") return "key: value";
  if (type == "list") return "[a, b]";
  if (type == "integer") return "3";
  if (type == "number") return "1.5";
  if (type == "true/false") return "true";
  return "\"some text\"";
}

}  // namespace

void wrong_type(YamlContext& ctx, const YAML::Node& node, const std::string& pointer,
                std::string_view expected) {
  ctx.error(node, pointer, msg(MsgId::yaml_wrong_type, expected, node_kind(node)),
            msg(MsgId::hint_wrong_type, example_of(expected)));
}

std::string_view node_kind(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "map";
    case YAML::NodeType::Sequence:
      return "list";
    case YAML::NodeType::Scalar:
      return "text";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return "null";
  }
  return "null";
}

MapReader::MapReader(YamlContext& ctx, const YAML::Node& node, std::string pointer)
    : m_ctx(ctx), m_node(node), m_pointer(std::move(pointer)) {
  if (!node.IsMap()) {
    wrong_type(m_ctx, node, m_pointer, "map");
    return;
  }
  m_is_map = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
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
  return std::any_of(m_entries.begin(), m_entries.end(),
                     [&](const Entry& e) { return e.key == key; });
}

std::optional<YAML::Node> MapReader::get(std::string_view key, bool required) {
  m_asked.emplace_back(key);
  if (!m_is_map) return std::nullopt;
  Entry* entry = find(key);
  if (entry == nullptr) {
    if (required) {
      m_ctx.error(m_node, m_pointer, msg(MsgId::yaml_missing_key, key),
                  msg(MsgId::hint_missing_key, key));
    }
    return std::nullopt;
  }
  entry->used = true;
  return entry->value;
}

std::optional<std::string> read_string(YamlContext& ctx, const YAML::Node& node,
                                       const std::string& pointer) {
  if (!node.IsScalar()) {
    wrong_type(ctx, node, pointer, "text");
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
  if (!node->IsScalar() || !YAML::convert<long long>::decode(*node, value)) {
    wrong_type(m_ctx, *node, pointer_of(key), "integer");
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
  if (!node->IsScalar() || !YAML::convert<double>::decode(*node, value) || value != value) {
    wrong_type(m_ctx, *node, pointer_of(key), "number");
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
  if (!node->IsScalar() || !YAML::convert<bool>::decode(*node, value)) {
    wrong_type(m_ctx, *node, pointer_of(key), "true/false");
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

std::optional<std::vector<std::string>> MapReader::strings(std::string_view key, bool required) {
  auto node = get(key, required);
  if (!node) return std::nullopt;
  if (!node->IsSequence()) {
    wrong_type(m_ctx, *node, pointer_of(key), "list");
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
  if (node->IsNull()) return;  // "key:" with nothing after it is an empty list
  if (!node->IsSequence()) {
    wrong_type(m_ctx, *node, pointer_of(key), "list");
    return;
  }
  std::size_t index = 0;
  for (const YAML::Node& item : *node) each(item, json_pointer_append(pointer_of(key), index++));
}

void MapReader::report_bad_choice(const Entry& entry, std::span<const std::string_view> allowed) {
  m_ctx.error(entry.value, pointer_of(entry.key), msg(MsgId::yaml_bad_choice, entry.value.Scalar()),
              msg(MsgId::hint_one_of, join(allowed)));
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

std::optional<std::string> nearest_word(std::string_view word,
                                        std::span<const std::string> candidates) {
  // Levenshtein distance with one row; words here are short keys.
  auto distance = [](std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j) {
        std::size_t above = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
        diagonal = above;
      }
    }
    return row[b.size()];
  };
  std::optional<std::string> best;
  // Up to a third of the word may differ, and at least two edits (one transposition).
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const std::string& candidate : candidates) {
    std::size_t d = distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
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
