#include "io/base/yaml_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace ccteam::io {
namespace {

YAML::Node load(std::string_view text) { return *parse_yaml(text, "t.yaml"); }

TEST(YamlReader, ReportsDuplicateKeysThatYamlCppWouldSilentlyDrop) {
  std::string text = "a: 1\nb: 2\na: 3\n";
  YamlContext ctx("t.yaml", text);
  YAML::Node node = load(text);
  MapReader map(ctx, node, "");
  ASSERT_EQ(ctx.errors().size(), 1u);
  const Error& e = ctx.errors()[0];
  EXPECT_EQ(e.message.id, MsgId::yaml_duplicate_key);
  EXPECT_EQ(e.where.line, 3);
  EXPECT_EQ(e.where.column, 1);
  EXPECT_EQ(e.where.json_pointer, "/a");
  EXPECT_EQ(render(e.message, Lang::en), "key 'a' appears twice (first on line 1)");
}

TEST(YamlReader, ReportsUnknownKeysWithTheNearestKnownOne) {
  std::string text = "title: x\nsumary: y\n";
  YamlContext ctx("t.yaml", text);
  YAML::Node node = load(text);
  MapReader map(ctx, node, "/roles/0");
  map.string("title", true);
  map.string("summary", false);
  map.finish();
  ASSERT_EQ(ctx.errors().size(), 1u);
  const Error& e = ctx.errors()[0];
  EXPECT_EQ(e.message.id, MsgId::yaml_unknown_key);
  EXPECT_EQ(e.where.line, 2);
  EXPECT_EQ(e.where.json_pointer, "/roles/0/sumary");
  ASSERT_TRUE(e.hint);
  EXPECT_EQ(render(*e.hint, Lang::en), "did you mean 'summary'?");
}

TEST(YamlReader, ListsAllowedKeysWhenNoneIsClose) {
  std::string text = "zzzzzzzz: 1\n";
  YamlContext ctx("t.yaml", text);
  YAML::Node node = load(text);
  MapReader map(ctx, node, "");
  map.string("title", false);
  map.finish();
  ASSERT_EQ(ctx.errors().size(), 1u);
  EXPECT_EQ(render(*ctx.errors()[0].hint, Lang::en), "keys allowed here: title");
}

TEST(YamlReader, ReportsMissingKeysAndWrongTypes) {
  std::string text = "rank: [1]\ncount: 1.5\n";
  YamlContext ctx("t.yaml", text);
  YAML::Node node = load(text);
  MapReader map(ctx, node, "");
  EXPECT_FALSE(map.string("title", true));
  EXPECT_FALSE(map.integer("rank", true, 0, 10));
  EXPECT_FALSE(map.integer("count", true, 0, 10));
  ASSERT_EQ(ctx.errors().size(), 3u);
  EXPECT_EQ(ctx.errors()[0].message.id, MsgId::yaml_missing_key);
  EXPECT_EQ(ctx.errors()[1].message.id, MsgId::yaml_wrong_type);
  EXPECT_EQ(render(ctx.errors()[1].message, Lang::en),
            "expected a whole number here, found a list");
  EXPECT_EQ(render(ctx.errors()[1].message, Lang::de),
            "hier wird eine ganze Zahl erwartet, gefunden: eine Liste");
  EXPECT_EQ(ctx.errors()[1].where.line, 1);
  EXPECT_EQ(ctx.errors()[1].where.column, 7);
  EXPECT_EQ(render(ctx.errors()[2].message, Lang::en),
            "expected a whole number here, found a number");
}

TEST(YamlReader, RequiresBothLanguagesOfEveryText) {
  std::string text = "title: {en: Agent, de: ' '}\n";
  YamlContext ctx("t.yaml", text);
  YAML::Node node = load(text);
  MapReader map(ctx, node, "");
  EXPECT_FALSE(map.text("title", true));
  ASSERT_EQ(ctx.errors().size(), 1u);
  EXPECT_EQ(ctx.errors()[0].message.id, MsgId::yaml_empty_text);
  EXPECT_EQ(ctx.errors()[0].where.json_pointer, "/title/de");
}

TEST(YamlReader, SyntaxErrorsCarryOneBasedPositions) {
  auto result = parse_yaml("a: 1\nb: [1, 2\n", "t.yaml");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message.id, MsgId::yaml_syntax);
  EXPECT_EQ(result.error().where.file, "t.yaml");
  EXPECT_GE(result.error().where.line, 2);
}

// yaml-cpp's own English (YAML::ErrorMsg::MAP_VALUE) in the reader's language.
TEST(YamlReader, SyntaxErrorsSpeakTheReadersLanguage) {
  auto result = parse_yaml("a: b: c\n", "t.yaml");
  ASSERT_FALSE(result);
  EXPECT_EQ(render(result.error().message, Lang::en), "YAML syntax error: illegal map value");
  std::string german = render(result.error().message, Lang::de);
  EXPECT_TRUE(german.starts_with("YAML-Syntaxfehler: unzulässiger Wert in einer Zuordnung"))
      << german;
}

TEST(YamlReader, JsonPointersEscapeSlashAndTilde) {
  EXPECT_EQ(json_pointer_append("/a", "b/c~d"), "/a/b~1c~0d");
  EXPECT_EQ(json_pointer_append("/roles", std::size_t{3}), "/roles/3");
}

TEST(YamlReader, ColumnsCountCharactersNotBytes) {
  // "title: {en: Äöü, de: x, zz: 1}": 'zz' starts at character 25 (byte 28).
  std::string text = "title: {en: Äöü, de: x, zz: 1}\n";
  YamlContext ctx("t.yaml", text);
  YAML::Node node = load(text);
  MapReader map(ctx, node, "");
  map.text("title", true);
  map.finish();
  ASSERT_EQ(ctx.errors().size(), 1u);
  EXPECT_EQ(ctx.errors()[0].message.id, MsgId::yaml_unknown_key);
  EXPECT_EQ(ctx.errors()[0].where.line, 1);
  EXPECT_EQ(ctx.errors()[0].where.column, 25);
}

TEST(YamlReader, AKeyWithoutValueIsReportedAtTheKey) {
  std::string text = "id: agent\nreports_to:\nrank: 1\n";
  YamlContext ctx("t.yaml", text);
  YAML::Node node = load(text);
  MapReader map(ctx, node, "");
  map.string("id", true);
  EXPECT_FALSE(map.has("reports_to"));  // present without a value counts as absent
  EXPECT_FALSE(map.string("reports_to", false));
  map.integer("rank", true, 1, 9);
  map.finish();
  ASSERT_EQ(ctx.errors().size(), 1u);
  EXPECT_EQ(ctx.errors()[0].message.id, MsgId::yaml_no_value);
  EXPECT_EQ(ctx.errors()[0].where.line, 2);
  EXPECT_EQ(ctx.errors()[0].where.column, 1);
}

TEST(YamlReader, QuotedValuesAreTextNotNumbersOrBooleans) {
  std::string text = "flag: \"false\"\nrank: '3'\nplain: no\n";
  YamlContext ctx("t.yaml", text);
  YAML::Node node = load(text);
  MapReader map(ctx, node, "");
  EXPECT_FALSE(map.boolean("flag", true));
  EXPECT_FALSE(map.integer("rank", true, 0, 9));
  EXPECT_EQ(map.boolean("plain", true), false);  // YAML 1.1 "no" is a boolean
  ASSERT_EQ(ctx.errors().size(), 2u);
  EXPECT_EQ(render(ctx.errors()[0].message, Lang::en), "expected true or false here, found a text");
}

TEST(YamlReader, RejectsControlCharactersInTexts) {
  std::string text = "title: \"Call\\e[31mAgent\"\nnote: \"line one\\nline two\"\n";
  YamlContext ctx("t.yaml", text);
  YAML::Node node = load(text);
  MapReader map(ctx, node, "");
  EXPECT_FALSE(map.string("title", true));
  EXPECT_EQ(map.string("note", true), "line one\nline two");
  ASSERT_EQ(ctx.errors().size(), 1u);
  EXPECT_EQ(render(ctx.errors()[0].message, Lang::en),
            "the text contains the control character U+001B");
}

TEST(YamlReader, RejectsMergeKeysInsteadOfKeepingThemAsKeys) {
  std::string text = "base: &b {a: 1}\nitem:\n  <<: *b\n";
  YamlContext ctx("t.yaml", text);
  YAML::Node node = load(text);
  MapReader top(ctx, node, "");
  MapReader item(ctx, *top.get("item", true), "/item");
  ASSERT_EQ(ctx.errors().size(), 1u);
  EXPECT_EQ(ctx.errors()[0].message.id, MsgId::yaml_merge_key);
  EXPECT_EQ(ctx.errors()[0].where.line, 3);
  EXPECT_EQ(ctx.errors()[0].where.column, 3);
}

TEST(ParseYaml, RejectsInvalidUtf8AtItsPosition) {
  // Line 2, after "title: Ag" (9 characters): the byte 0xFF.
  auto result = parse_yaml("id: x\ntitle: Ag\xffnt\n", "t.yaml");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message.id, MsgId::not_utf8);
  EXPECT_EQ(result.error().where.line, 2);
  EXPECT_EQ(result.error().where.column, 10);
}

TEST(ParseYaml, RejectsSeveralDocumentsInsteadOfDroppingAllButOne) {
  auto result = parse_yaml("roles: []\n---\npay_bands: []\n", "t.yaml");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message.id, MsgId::yaml_several_documents);
  EXPECT_EQ(result.error().where.line, 3);
}

// Regression (found by fuzzing employer_yaml): one anchored map repeated by aliases made
// the readers visit it at every alias; 13 KB took 555 MB and 30 s. Such a tree is larger than
// its text could hold without aliases and is refused at parse time, at the node where the
// budget ran out (yaml-cpp gives an aliased node the position of its anchor).
TEST(ParseYaml, RejectsAliasesThatBlowUpTheTree) {
  std::string keys;
  for (int i = 0; i < 100; ++i) keys += (i ? ", k" : "k") + std::to_string(i) + ": 1";
  std::string refs;
  for (int i = 0; i < 300; ++i) refs += i ? ", *p" : "*p";
  std::string text = "x: &p {" + keys + "}\npositions: [" + refs + "]\n";
  auto root = parse_yaml(text, "t.yaml");
  ASSERT_FALSE(root);
  EXPECT_EQ(root.error().message.id, MsgId::yaml_alias_expansion);
  EXPECT_EQ(root.error().where.file, "t.yaml");
  EXPECT_GE(root.error().where.line, 1);
  EXPECT_EQ(root.error().message.args.at(0), std::to_string(2 * text.size() + 16));
}

TEST(ParseYaml, AcceptsAliasesThatStayWithinTheText) {
  // Three aliases of a scalar and one of a small map: 13 nodes from 58 bytes.
  auto root = parse_yaml("a: &x 1\nb: *x\nc: [*x, *x]\nd: &m {e: 1}\nf: *m\n", "t.yaml");
  ASSERT_TRUE(root);
  EXPECT_EQ((*root)["f"]["e"].as<int>(), 1);
}

// Regression (found by fuzzing employer_yaml): after this input's first document
// yaml-cpp 0.7 reports '""' pairs as documents and then the same document forever; LoadAll
// collected them until memory ran out. Counted with a bounded parser loop, it is refused as
// several documents (34 before the repetition). The input is in fuzz/corpus/employer_yaml/.
TEST(ParseYaml, RefusesInputThatYamlCppRepeatsAsDocumentsForever) {
  std::ifstream in(std::string(CCTEAM_SOURCE_DIR) +
                       "/fuzz/corpus/employer_yaml/timeout-loadall-repeats-document.yaml",
                   std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_EQ(text.size(), 165u);
  auto root = parse_yaml(text, "t.yaml");
  ASSERT_FALSE(root);
  EXPECT_EQ(root.error().message.id, MsgId::yaml_several_documents);
  EXPECT_EQ(root.error().where.line, 3);
}

TEST(PositionOf, CountsLinesAndCharacters) {
  std::string_view text = "ab\nÄb\n";
  EXPECT_EQ(position_of(text, 0, "f").line, 1);
  EXPECT_EQ(position_of(text, 3, "f").column, 1);
  EXPECT_EQ(position_of(text, 5, "f").column, 2);  // after the two bytes of 'Ä'
  EXPECT_EQ(position_of(text, 5, "f").line, 2);
}

// The item past a limit, found by the event parser: only the items directly in the top-level
// key's sequence count (not nested ones, not other keys' items), block and flow style alike.
TEST(ItemPastLimit, CountsTheTopLevelSequenceUnderItsKeyOnly) {
  std::string text =
      "other: [1, 2, 3, 4]\n"
      "roles:\n"
      "  - id: a\n"
      "    skills: [x, y, z]\n"
      "  - id: b\n"
      "  - [c, d]\n";
  EXPECT_FALSE(item_past_limit(text, "f.yaml", "roles", 3).has_value());
  auto past = item_past_limit(text, "f.yaml", "roles", 2);
  ASSERT_TRUE(past.has_value());
  EXPECT_EQ(to_string(*past), "f.yaml:6:5");  // the third item, after "  - "
  EXPECT_EQ(to_string(*item_past_limit("roles: [a, b, c]\n", "g.yaml", "roles", 1)), "g.yaml:1:12");
  EXPECT_FALSE(item_past_limit("roles: x\n", "h.yaml", "roles", 0).has_value());
  EXPECT_FALSE(item_past_limit("- roles\n- [a, b]\n", "i.yaml", "roles", 0).has_value());
  // A syntax error before the limit is reached: parse_yaml's to report.
  EXPECT_FALSE(item_past_limit("roles: [a, b\n", "j.yaml", "roles", 5).has_value());
}

}  // namespace
}  // namespace ccteam::io
