// One section's Markdown both ways. The expected blocks are worked out by hand from the
// CommonMark 0.30 spec (https://spec.commonmark.org/0.30/) and the mapping documented in
// io/posting/posting_markdown.hpp.
#include "io/posting/posting_markdown.hpp"

#include <gtest/gtest.h>

#include <ostream>

#include "io/catalog/catalog_yaml.hpp"
#include "io/posting/employer_yaml.hpp"
#include "io/posting/posting_writers.hpp"
#include "support/paths.hpp"

namespace ccteam::posting {

// Failure messages show the blocks, not their bytes (GoogleTest finds this by ADL).
std::ostream& operator<<(std::ostream& os, const Block& block) {
  static constexpr const char* k_kinds[] = {"paragraph", "bullets", "subheading"};
  os << k_kinds[static_cast<int>(block.kind)] << "{";
  for (const std::string& line : block.lines) os << "\"" << line << "\" ";
  return os << "}";
}

}  // namespace ccteam::posting

namespace ccteam::io {
namespace {

using posting::Block;
using Blocks = std::vector<Block>;

Block paragraph(std::string line) { return Block{Block::Kind::paragraph, {std::move(line)}}; }
Block subheading(std::string line) { return Block{Block::Kind::subheading, {std::move(line)}}; }
Block bullets(std::vector<std::string> lines) {
  return Block{Block::Kind::bullets, std::move(lines)};
}

Blocks parse(std::string_view markdown) {
  auto blocks = markdown_to_blocks(markdown, "requirements");
  EXPECT_TRUE(blocks.has_value()) << (blocks ? "" : render(blocks.error(), Lang::en));
  return blocks.value_or(Blocks{});
}

TEST(MarkdownToBlocks, BulletAndOrderedListsAreBulletsBlocks) {
  // A bullet list and an ordered list after it are two lists (spec 5.3: a change of list
  // type starts a new list), and so is a change of the ordered list's delimiter.
  EXPECT_EQ(parse("- German at C1\n- Two years in customer service\n\n1. first\n2. second\n"
                  "3) third\n"),
            (Blocks{bullets({"German at C1", "Two years in customer service"}),
                    bullets({"first", "second"}), bullets({"third"})}));
  // Any bullet character; a loose list (blank lines between items) is still one list.
  EXPECT_EQ(parse("* a\n\n* b\n\n* c\n"), (Blocks{bullets({"a", "b", "c"})}));
  // An empty item gives no line; an item of two paragraphs is one line.
  EXPECT_EQ(parse("-\n- one\n\n  more of one\n- two\n"),
            (Blocks{bullets({"one more of one", "two"})}));
}

TEST(MarkdownToBlocks, NestedListsAreFlattenedIntoTheSameBlock) {
  EXPECT_EQ(parse("- a\n  - b\n    - c\n  - d\n- e\n"),
            (Blocks{bullets({"a", "b", "c", "d", "e"})}));
  // The item's text after its nested list is a line of its own.
  EXPECT_EQ(parse("- a\n  1. b\n\n  after b\n- e\n"),
            (Blocks{bullets({"a", "b", "after b", "e"})}));
  // A paragraph before and after the list stays apart from it.
  EXPECT_EQ(parse("Before\n\n- x\n\nAfter\n"),
            (Blocks{paragraph("Before"), bullets({"x"}), paragraph("After")}));
}

TEST(MarkdownToBlocks, HeadingsOfAnyLevelAreSubheadings) {
  EXPECT_EQ(parse("# One\n\nText\n\n## Two ##\nSetext\n===\n###### Six\n"),
            (Blocks{subheading("One"), paragraph("Text"), subheading("Two"), subheading("Setext"),
                    subheading("Six")}));
}

TEST(MarkdownToBlocks, LinksKeepTheirTextAndAddress) {
  EXPECT_EQ(parse("See [our site](https://example.com/jobs \"Jobs\"), "
                  "<https://example.com/apply> or <jobs@example.com>."),
            (Blocks{paragraph("See our site (https://example.com/jobs), "
                              "https://example.com/apply or jobs@example.com.")}));
  // The text equal to the address: once; no text: the address alone.
  EXPECT_EQ(parse("[https://example.com](https://example.com) [](https://example.org)"),
            (Blocks{paragraph("https://example.com https://example.org")}));
  // An address a browser would run is left out, its text kept.
  EXPECT_EQ(parse("[click here](javascript:alert(1)) [x](VBScript:y)"),
            (Blocks{paragraph("click here x")}));
  // Images are their alt text; a reference link is its text and address.
  EXPECT_EQ(parse("![Our *team*](team.png) [site][s]\n\n[s]: https://example.com\n"),
            (Blocks{paragraph("Our team site (https://example.com)")}));
}

TEST(MarkdownToBlocks, EmphasisAndCodeAreFlattenedToText) {
  EXPECT_EQ(parse("*very* **strong** _and_ __this__ `code span` ***both***"),
            (Blocks{paragraph("very strong and this code span both")}));
}

TEST(MarkdownToBlocks, LineBreaksBecomeSpaces) {
  EXPECT_EQ(parse("line one\nline two  \nline three\\\nline four"),
            (Blocks{paragraph("line one line two line three line four")}));
}

TEST(MarkdownToBlocks, RawHtmlIsDroppedWhole) {
  EXPECT_EQ(parse("<script>alert(1)</script>\n\nHello <b onclick=\"steal()\">bold</b> world\n"),
            (Blocks{paragraph("Hello bold world")}));
  // An HTML block goes with everything inside it; a comment too.
  EXPECT_EQ(parse("<div>\n<p>hidden</p>\n</div>\n\n<!-- note -->\n\nshown"),
            (Blocks{paragraph("shown")}));
  EXPECT_EQ(parse("- <img src=x onerror=alert(1)>item"), (Blocks{bullets({"item"})}));
}

TEST(MarkdownToBlocks, EntitiesAndEscapesAreDecoded) {
  EXPECT_EQ(parse("Fish &amp; Chips &copy; &#35;1 &#x41; \\*not emphasis\\* \\<b\\>"),
            (Blocks{paragraph("Fish & Chips \u00a9 #1 A *not emphasis* <b>")}));
}

TEST(MarkdownToBlocks, QuotesCodeAndBreaks) {
  // A block quote is its content; a code block one paragraph per line that is not blank; a
  // thematic break nothing; consecutive paragraphs stay separate blocks.
  EXPECT_EQ(
      parse("> quoted\n>\n> - in a list\n\n```\nfirst line\n\n  second\n```\n\n"
            "    indented\n\n---\n\none\n\ntwo\n"),
      (Blocks{paragraph("quoted"), bullets({"in a list"}), paragraph("first line"),
              paragraph("second"), paragraph("indented"), paragraph("one"), paragraph("two")}));
}

TEST(MarkdownToBlocks, EmptyTextGivesNoBlocks) {
  EXPECT_EQ(parse(""), Blocks{});
  EXPECT_EQ(parse(" \n\n\t\n"), Blocks{});
  EXPECT_EQ(parse("***\n\n<!-- -->\n"), Blocks{});
}

TEST(MarkdownToBlocks, AtMostSixteenKibibytes) {
  std::string most(16 * 1024, 'a');
  EXPECT_EQ(parse(most), (Blocks{paragraph(most)}));
  auto blocks = markdown_to_blocks(most + "a", "offer");
  ASSERT_FALSE(blocks.has_value());
  EXPECT_EQ(blocks.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(blocks.error().message.id, MsgId::posting_section_too_long);
  EXPECT_EQ(render(blocks.error().message, Lang::en), "section 'offer': at most 16 KiB of text");
}

TEST(MarkdownToBlocks, RefusesTextThatIsNotUtf8) {
  auto blocks = markdown_to_blocks(
      "ok\nGr\xC3\xB6\xC3\x9F"
      "e \xFF",
      "about");
  ASSERT_FALSE(blocks.has_value());
  EXPECT_EQ(blocks.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(blocks.error().message.id, MsgId::not_utf8);
  EXPECT_EQ(blocks.error().where.file, "about");
  EXPECT_EQ(blocks.error().where.line, 2);
  EXPECT_EQ(blocks.error().where.column, 7);  // G r ö ß e space, then the bad byte
  auto nul = markdown_to_blocks(std::string_view("a\0b", 3), "about");
  ASSERT_FALSE(nul.has_value());
  EXPECT_EQ(nul.error().message.id, MsgId::not_text_nul);
}

TEST(BlocksToMarkdown, WritesEachKindAndEscapesText) {
  Blocks blocks{subheading("Required"), bullets({"German *at* C1", "1. not a list", "#hash"}),
                bullets({"next list"}), paragraph("Fish &amp; <b>chips</b> C #"),
                Block{Block::Kind::paragraph, {"one", " ", "two"}}};
  EXPECT_EQ(blocks_to_markdown(blocks),
            "### Required\n"
            "\n"
            "- German \\*at\\* C1\n"
            "- 1\\. not a list\n"
            "- \\#hash\n"
            "\n"
            "* next list\n"
            "\n"
            "Fish \\&amp; \\<b\\>chips\\</b\\> C \\#\n"
            "\n"
            "one\n"
            "\n"
            "two\n");
  EXPECT_EQ(blocks_to_markdown({}), "");
}

TEST(BlocksToMarkdown, ReadsBackAsTheSameBlocks) {
  Blocks blocks{subheading("C #"), bullets({"a", "- b", "+ c", "10) d", "~~~", "&copy; e", "`f`"}),
                bullets({"g"}), paragraph("=== <div> [x](y) \\ 2026."),
                paragraph("Lines\nwith a break")};
  Blocks expected = blocks;
  expected.back() = paragraph("Lines with a break");
  EXPECT_EQ(parse(blocks_to_markdown(blocks)), expected);
}

const catalog::Catalog& default_catalog() {
  static const catalog::Catalog c = *load_catalog({test::repo_data_path("catalog").string()});
  return c;
}

// Every section of every posting ccteam builds (each role of the default catalog, both example
// employers, both languages) reads back from its Markdown as the same blocks, and
// posting_to_markdown is made of the sections' blocks_to_markdown where section_lines says.
TEST(BlocksToMarkdown, EverySectionOfEveryBuiltPostingRoundTrips) {
  int sections = 0;
  for (const char* employer : {"examples/employer-de.yaml", "examples/employer-us.yaml"}) {
    auto profile = load_employer(test::repo_data_path(employer).string());
    ASSERT_TRUE(profile.has_value());
    for (const catalog::Role& role : default_catalog().roles) {
      for (Lang lang : {Lang::de, Lang::en}) {
        auto doc = posting::build_posting(role, default_catalog(), *profile, lang);
        ASSERT_TRUE(doc.has_value()) << role.id.str();
        PostingMarkdown whole = posting_to_markdown_with_lines(*doc);
        ASSERT_EQ(whole.section_lines.size(), doc->sections.size());
        for (std::size_t i = 0; i < doc->sections.size(); ++i) {
          const posting::Section& section = doc->sections[i];
          std::string markdown = blocks_to_markdown(section.blocks);
          auto blocks = markdown_to_blocks(markdown, section.id);
          ASSERT_TRUE(blocks.has_value());
          EXPECT_EQ(*blocks, section.blocks) << role.id.str() << " " << employer << " "
                                             << to_string(lang) << " " << section.id << "\n"
                                             << markdown;
          // The section's text sits in the whole posting two lines below its heading.
          std::string heading = "## " + escape_markdown(section.heading) + "\n";
          std::size_t at = 0;
          for (int line = 1; line < whole.section_lines[i]; ++line) {
            at = whole.text.find('\n', at) + 1;
          }
          EXPECT_EQ(whole.text.compare(at, heading.size(), heading), 0) << section.id;
          if (!markdown.empty()) {
            EXPECT_EQ(whole.text.compare(at + heading.size() + 1, markdown.size(), markdown), 0)
                << section.id;
          }
          ++sections;
        }
      }
    }
  }
  // At least about, responsibilities, requirements, offer, apply and equal_opportunity of each.
  EXPECT_GE(sections, static_cast<int>(default_catalog().roles.size()) * 2 * 2 * 6);
}

}  // namespace
}  // namespace ccteam::io
