#pragma once
// Strict reading of YAML documents with yaml-cpp 0.7: every problem becomes an Error with
// file:line:column (1-based) and a JSON pointer, and reading goes on to find the next one.
//
// yaml-cpp is lenient in ways that lose data silently: it keeps the first of two duplicate keys
// and ignores keys nobody asks for. MapReader reports both. All yaml-cpp exceptions are caught
// here; callers never see one.

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"

namespace ccteam::io {

// Documents larger than this are refused before parsing (a catalog is a few hundred KiB).
inline constexpr std::size_t k_max_yaml_bytes = 16u << 20;

// A YAML text of n bytes without aliases has fewer than k_nodes_per_byte * n + 16 nodes (the
// densest form, "[a,a,...]" or "{a,b,...}", spends 2 bytes on 1 or 2 nodes).
inline constexpr std::size_t k_nodes_per_byte = 2;

// Collects the errors found while reading one file: the first k_max_errors, and a count of the
// rest (ErrorList).
class YamlContext {
 public:
  // 'text' is the document the nodes were parsed from; it must outlive the context. It turns
  // yaml-cpp's byte columns into the character columns users count.
  YamlContext(std::string file, std::string_view text) : m_file(std::move(file)), m_text(text) {}

  // Position of 'node' in the file (1-based line; column in Unicode characters), with 'pointer'
  // as its JSON pointer.
  SourcePos pos(const YAML::Node& node, const std::string& pointer) const;
  SourcePos pos(const YAML::Mark& mark, const std::string& pointer) const;
  void error(const YAML::Node& node, const std::string& pointer, Message message,
             std::optional<Message> hint = std::nullopt);
  void error(SourcePos where, Message message, std::optional<Message> hint = std::nullopt);

  const std::string& file() const { return m_file; }
  // The errors kept so far (empty exactly when none was found).
  const Errors& errors() const { return m_errors.kept(); }
  // The errors kept, ended by "... and N more" when some were only counted.
  Errors take_errors() { return m_errors.take(); }

 private:
  std::string m_file;
  std::string_view m_text;
  ErrorList m_errors;
  mutable std::vector<std::size_t> m_line_starts;  // byte offset of each line; built by pos()
};

// Parses 'text' into a node tree. Fails with the position of the problem for: bytes that are
// not UTF-8 (MsgId::not_utf8), a syntax error or nesting too deep (yaml_syntax, as yaml-cpp
// reports it), more than one document in the file (yaml_several_documents), input larger
// than k_max_yaml_bytes (file_too_large), and a tree that aliases make larger than the text
// could hold (yaml_alias_expansion): yaml-cpp shares an aliased node, but readers visit it at
// every "*name", so "[*p, *p, ...]" over a large "&p" map makes reading time and errors grow
// with the product of the two (a 13 KB file of this kind: docs/performance.md).
// Without aliases a document cannot have more nodes than k_nodes_per_byte per byte of text.
// Documents are counted by a bounded parser loop, not YAML::LoadAll, which yaml-cpp 0.7 can
// send into an endless loop on invalid input (see parse_yaml in yaml_reader.cpp).

Result<YAML::Node> parse_yaml(std::string_view text, const std::string& file);

// The 1-based line and character column of byte 'offset' in 'text'.
SourcePos position_of(std::string_view text, std::size_t offset, const std::string& file);

// Where item number 'limit' (0-based: the first one too many) of the sequence under 'key' in
// the document's top-level mapping starts ("roles:" with more items than a reader takes), found
// with yaml-cpp's event parser, which keeps no tree and stops at that item: a file far over a
// reader's limit is refused in time proportional to the limit, not to the file. nullopt when
// the sequence has at most 'limit' items, 'key' is absent or not a sequence, or the text is not
// a readable mapping (parse_yaml then says why).
std::optional<SourcePos> item_past_limit(std::string_view text, const std::string& file,
                                         std::string_view key, std::size_t limit);

// Reports that 'node' is not of the 'expected' type (MsgId::type_map, type_list, type_text,
// type_integer, type_number, type_bool), with an example of that type as the hint.
void wrong_type(YamlContext& ctx, const YAML::Node& node, const std::string& pointer,
                MsgId expected);

// The node a JSON pointer names below 'root' ("/tiers/0/staff"), or the deepest existing node
// on its way (for an error's position). Never changes the tree.
YAML::Node locate(const YAML::Node& root, const std::string& pointer);

// What a node holds, as a type word of the message tables: a map, a list, a quoted or plain
// text, an integer, a number, true/false, or nothing (MsgId::type_null).
MsgId node_kind(const YAML::Node& node);

// Reads a mapping. Construction reports duplicate keys (and a non-map node) to the context.
// Each accessor marks its key as known and reports wrong types; finish() reports the keys no
// accessor asked for as unknown, with the nearest known key as a hint.
class MapReader {
 public:
  MapReader(YamlContext& ctx, const YAML::Node& node, std::string pointer);

  bool is_map() const { return m_is_map; }
  const std::string& pointer() const { return m_pointer; }
  std::string pointer_of(std::string_view key) const;
  const YAML::Node& node() const { return m_node; }

  // The value of 'key', or nullopt when absent (and, if 'required', an error says so). A key
  // written without a value ("key:" or "key: ~") is an error at the key, and gives nullopt.
  std::optional<YAML::Node> get(std::string_view key, bool required);
  // True when 'key' is present with a value (a key written without a value is absent).
  bool has(std::string_view key) const;

  std::optional<std::string> string(std::string_view key, bool required);
  std::optional<long long> integer(std::string_view key, bool required, long long min,
                                   long long max);
  std::optional<double> number(std::string_view key, bool required, double min, double max);
  std::optional<bool> boolean(std::string_view key, bool required);
  // A text in every language: {en: ..., de: ...}, both required and non-empty.
  std::optional<LocalizedText> text(std::string_view key, bool required);
  // A citation or source note: one text for every language (a title such as "ANZSCO 2013,
  // skill level 4") or {en: ..., de: ...} where the languages word it differently (a law's own
  // German name, an explanation).
  std::optional<LocalizedText> citation(std::string_view key, bool required);
  // A list of strings.
  std::optional<std::vector<std::string>> strings(std::string_view key, bool required);
  // A value from a closed vocabulary; 'parse' returns nullopt for words not in 'allowed'.
  // An error names the allowed words and the nearest one.
  template <class Enum, class Parse>
  std::optional<Enum> choice(std::string_view key, bool required, Parse parse,
                             std::span<const std::string_view> allowed);
  // Calls 'each' for every element of a list with the element's JSON pointer.
  void list(std::string_view key, bool required,
            const std::function<void(const YAML::Node&, const std::string&)>& each);

  // Reports unknown keys. Call once, after all accessors.
  void finish();

  YamlContext& ctx() { return m_ctx; }

 private:
  struct Entry {
    std::string key;
    YAML::Node key_node;
    YAML::Node value;
    bool used = false;
  };
  Entry* find(std::string_view key);
  void report_bad_choice(const Entry& entry, std::span<const std::string_view> allowed);

  YamlContext& m_ctx;
  YAML::Node m_node;
  std::string m_pointer;
  bool m_is_map = false;
  std::vector<Entry> m_entries;
  std::vector<std::string> m_asked;  // every key an accessor asked for, for "did you mean"
};

// Free-standing readers for list elements and nested values.
std::optional<std::string> read_string(YamlContext& ctx, const YAML::Node& node,
                                       const std::string& pointer);
std::optional<LocalizedText> read_text(YamlContext& ctx, const YAML::Node& node,
                                       const std::string& pointer);

// "a, b, c" for hints.
std::string join(std::span<const std::string_view> words);

template <class Enum, class Parse>
std::optional<Enum> MapReader::choice(std::string_view key, bool required, Parse parse,
                                      std::span<const std::string_view> allowed) {
  auto value = string(key, required);
  if (!value) return std::nullopt;
  std::optional<Enum> parsed = parse(*value);
  if (!parsed) report_bad_choice(*find(key), allowed);
  return parsed;
}

}  // namespace ccteam::io
