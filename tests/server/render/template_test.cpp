// The template renderer against cases written from the Mustache specification's rules
// (interpolation, sections, inverted sections, partials, comments, delimiters), and its
// escaping in element text and attribute values.
#include "server/render/template.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace ccteam::server::render {
namespace {

std::string render_text(std::string_view source, const Context& context,
                        std::map<std::string, std::string, std::less<>> partials = {}) {
  Templates templates = Templates::from_sources(std::move(partials));
  auto out = templates.render_source(source, context);
  EXPECT_TRUE(out.has_value());
  return out ? *out : std::string();
}

TEST(TemplateInterpolation, ReplacesNamesWithText) {
  Context c;
  c.text("subject", "world");
  EXPECT_EQ(render_text("Hello, {{subject}}!", c), "Hello, world!");
  EXPECT_EQ(render_text("Hello, {{ subject }}!", c), "Hello, world!");
}

TEST(TemplateInterpolation, NoTagsIsVerbatim) {
  EXPECT_EQ(render_text("Hello from {Mustache}!\n", Context()), "Hello from {Mustache}!\n");
}

TEST(TemplateInterpolation, MissingNameIsEmpty) {
  EXPECT_EQ(render_text("I ({{cannot}}) be seen!", Context()), "I () be seen!");
}

TEST(TemplateInterpolation, DottedNamesReachIntoChildren) {
  Context person;
  person.text("name", "Joe");
  Context c;
  c.child("person", person);
  EXPECT_EQ(render_text("{{person.name}} == {{#person}}{{name}}{{/person}}", c), "Joe == Joe");
  EXPECT_EQ(render_text("[{{person.nobody}}]", c), "[]");
}

TEST(TemplateEscaping, EscapesHtmlSpecialCharactersByDefault) {
  Context c;
  c.text("x", R"(& " < > ' ` =)");
  EXPECT_EQ(render_text("{{x}}", c), "&amp; &quot; &lt; &gt; &#39; &#96; &#61;");
}

TEST(TemplateEscaping, TripleMustacheAndAmpersandAreRaw) {
  Context c;
  c.text("x", "<b>&</b>");
  EXPECT_EQ(render_text("{{{x}}}|{{&x}}|{{& x}}", c), "<b>&</b>|<b>&</b>|<b>&</b>");
}

TEST(TemplateEscaping, AttributeValuesCannotBeClosed) {
  Context c;
  c.text("v", R"(" onmouseover="alert(1))").text("w", "' autofocus onfocus='alert(1)");
  std::string out = render_text(R"(<a title="{{v}}" data-x='{{w}}'>)", c);
  EXPECT_EQ(out.find('"', 10), out.find("\" data-x")) << out;
  EXPECT_EQ(out.find("onmouseover=\""), std::string::npos) << out;
  EXPECT_EQ(out.find("'", out.find("data-x='") + 8), out.rfind("'")) << out;
  EXPECT_EQ(out,
            "<a title=\"&quot; onmouseover&#61;&quot;alert(1)\" "
            "data-x='&#39; autofocus onfocus&#61;&#39;alert(1)'>");
}

TEST(TemplateEscaping, ScriptTagIsInert) {
  Context c;
  c.text("title", "<script>alert('x')</script>");
  EXPECT_EQ(render_text("<h1>{{title}}</h1>", c),
            "<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</h1>");
}

TEST(TemplateEscaping, FunctionMatchesTheEngine) {
  EXPECT_EQ(escape_html("a<b>&\"'`="), "a&lt;b&gt;&amp;&quot;&#39;&#96;&#61;");
  EXPECT_EQ(escape_html("Käse – ok"), "Käse – ok");
}

TEST(TemplateSections, TrueShowsFalseHides) {
  Context c;
  c.flag("yes", true).flag("no", false);
  EXPECT_EQ(render_text("{{#yes}}shown{{/yes}}|{{#no}}hidden{{/no}}|{{#missing}}x{{/missing}}", c),
            "shown||");
}

TEST(TemplateSections, ListRepeatsWithItemInScope) {
  std::vector<Context> items;
  for (const char* name : {"a", "b", "c"}) items.push_back(Context().text("name", name));
  Context c;
  c.list("items", items).text("sep", ",");
  EXPECT_EQ(render_text("{{#items}}{{name}}{{sep}}{{/items}}", c), "a,b,c,");
  EXPECT_EQ(render_text("[{{#none}}x{{/none}}]", Context().list("none", {})), "[]");
}

TEST(TemplateSections, ChildContextAndParentLookup) {
  Context inner;
  inner.text("b", "B");
  Context c;
  c.child("sec", inner).text("a", "A");
  EXPECT_EQ(render_text("{{#sec}}{{a}}{{b}}{{/sec}}", c), "AB");
}

TEST(TemplateSections, StandaloneLinesAreRemoved) {
  Context c;
  c.flag("bool", true);
  EXPECT_EQ(render_text("| This Is\n{{#bool}}\n|\n{{/bool}}\n| A Line\n", c),
            "| This Is\n|\n| A Line\n");
}

TEST(TemplateInvertedSections, ShowWhenFalseOrEmpty) {
  Context c;
  c.flag("yes", true).flag("no", false).list("empty", {});
  EXPECT_EQ(render_text("{{^no}}a{{/no}}{{^empty}}b{{/empty}}{{^missing}}c{{/missing}}"
                        "{{^yes}}d{{/yes}}",
                        c),
            "abc");
}

TEST(TemplateComments, AreRemovedIncludingMultiline) {
  EXPECT_EQ(render_text("12345{{! Comment Block! }}67890", Context()), "1234567890");
  EXPECT_EQ(render_text("12345{{!\n  This is a\n  multi-line comment...\n}}67890\n", Context()),
            "1234567890\n");
  EXPECT_EQ(render_text("Begin.\n{{! Comment Block! }}\nEnd.\n", Context()), "Begin.\nEnd.\n");
}

TEST(TemplatePartials, RenderInTheCurrentContext) {
  Context c;
  c.text("text", "content");
  EXPECT_EQ(render_text("\"{{>partial}}\"", c, {{"partial", "*{{text}}*"}}), "\"*content*\"");
  EXPECT_EQ(render_text("\"{{>missing}}\"", c), "\"\"");
}

TEST(TemplatePartials, RecurseOverATree) {
  Context leaf;
  leaf.text("content", "Y").list("nodes", {});
  Context root;
  root.text("content", "X").list("nodes", {leaf});
  EXPECT_EQ(
      render_text("{{>node}}", root, {{"node", "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"}}),
      "X<Y<>>");
}

TEST(TemplatePartials, StandaloneIndentationIsKept) {
  Context c;
  c.text("content", "<\n->");
  EXPECT_EQ(render_text("\\\n {{>partial}}\n/\n", c, {{"partial", "|\n{{{content}}}\n|\n"}}),
            "\\\n |\n <\n->\n |\n/\n");
}

TEST(TemplateDelimiters, CanBeChanged) {
  Context c;
  c.text("text", "Hey!");
  EXPECT_EQ(render_text("{{=<% %>=}}(<%text%>)", c), "(Hey!)");
}

// The optional spec modules that mstch lacks: a page cannot extend a layout ({{<parent}} with
// {{$block}}s), so pages include shell_start and shell_end instead.
TEST(TemplateOptionalModules, InheritanceIsNotSupported) {
  Templates templates = Templates::from_sources({{"parent", "[{{$b}}default{{/b}}]"}});
  auto out = templates.render_source("{{<parent}}{{$b}}child{{/b}}{{/parent}}", Context());
  EXPECT_TRUE(!out || *out != "[child]");
}

TEST(Templates, LoadNamesEachFileByItsStemAndReportsUnknownNames) {
  auto dir = std::filesystem::temp_directory_path() / "ccteam_template_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "page.mustache") << "<p>{{>part}}</p>";
  std::ofstream(dir / "part.mustache") << "{{x}}";
  std::ofstream(dir / "notes.txt") << "{{ignored}}";
  auto templates = Templates::load(dir.string());
  ASSERT_TRUE(templates.has_value());
  EXPECT_TRUE(templates->has("page"));
  EXPECT_FALSE(templates->has("notes"));
  EXPECT_EQ(*templates->render("page", Context().text("x", "<&>")), "<p>&lt;&amp;&gt;</p>");
  auto unknown = templates->render("nope", Context());
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().message.id, MsgId::web_template_unknown);
  std::filesystem::remove_all(dir);
}

TEST(Templates, LoadFailsForAMissingOrEmptyFolder) {
  auto missing = Templates::load("/nonexistent/ccteam/templates");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  auto dir = std::filesystem::temp_directory_path() / "ccteam_template_empty";
  std::filesystem::create_directories(dir);
  auto empty = Templates::load(dir.string());
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().message.id, MsgId::web_template_empty_folder);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ccteam::server::render
