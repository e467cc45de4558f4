#include "io/yaml_reader.hpp"

#include <gtest/gtest.h>

namespace ccteam::io {
namespace {

YAML::Node load(std::string_view text) { return *parse_yaml(text, "t.yaml"); }

TEST(YamlReader, ReportsDuplicateKeysThatYamlCppWouldSilentlyDrop) {
  YamlContext ctx("t.yaml");
  YAML::Node node = load("a: 1\nb: 2\na: 3\n");
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
  YamlContext ctx("t.yaml");
  YAML::Node node = load("title: x\nsumary: y\n");
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
  YamlContext ctx("t.yaml");
  YAML::Node node = load("zzzzzzzz: 1\n");
  MapReader map(ctx, node, "");
  map.string("title", false);
  map.finish();
  ASSERT_EQ(ctx.errors().size(), 1u);
  EXPECT_EQ(render(*ctx.errors()[0].hint, Lang::en), "keys allowed here: title");
}

TEST(YamlReader, ReportsMissingKeysAndWrongTypes) {
  YamlContext ctx("t.yaml");
  YAML::Node node = load("rank: [1]\ncount: 1.5\n");
  MapReader map(ctx, node, "");
  EXPECT_FALSE(map.string("title", true));
  EXPECT_FALSE(map.integer("rank", true, 0, 10));
  EXPECT_FALSE(map.integer("count", true, 0, 10));
  ASSERT_EQ(ctx.errors().size(), 3u);
  EXPECT_EQ(ctx.errors()[0].message.id, MsgId::yaml_missing_key);
  EXPECT_EQ(ctx.errors()[1].message.id, MsgId::yaml_wrong_type);
  EXPECT_EQ(render(ctx.errors()[1].message, Lang::en), "expected integer, found list");
  EXPECT_EQ(ctx.errors()[1].where.line, 1);
  EXPECT_EQ(ctx.errors()[1].where.column, 7);
  EXPECT_EQ(render(ctx.errors()[2].message, Lang::en), "expected integer, found text");
}

TEST(YamlReader, RequiresBothLanguagesOfEveryText) {
  YamlContext ctx("t.yaml");
  YAML::Node node = load("title: {en: Agent, de: ' '}\n");
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

TEST(YamlReader, JsonPointersEscapeSlashAndTilde) {
  EXPECT_EQ(json_pointer_append("/a", "b/c~d"), "/a/b~1c~0d");
  EXPECT_EQ(json_pointer_append("/roles", std::size_t{3}), "/roles/3");
}

TEST(YamlReader, NearestWordToleratesSmallTypos) {
  std::vector<std::string> keys{"title", "description", "job_summary"};
  EXPECT_EQ(nearest_word("titel", keys), "title");
  EXPECT_EQ(nearest_word("descripton", keys), "description");
  EXPECT_EQ(nearest_word("salary", keys), std::nullopt);
}

}  // namespace
}  // namespace ccteam::io
