#pragma once
// One section of a job posting as Markdown, both ways: the text a recruiter edits in the
// posting editor, read into the posting's blocks (markdown_to_blocks), and the blocks written
// back as that text (blocks_to_markdown, the block writer of io::posting_to_markdown).
//
// Markdown is CommonMark 0.30 (https://spec.commonmark.org/0.30/), parsed by its reference
// implementation cmark (Debian's libcmark-dev 0.30), the only file that includes it being
// posting_markdown.cpp. Why a library: CommonMark has some 650 examples of edge cases (lazy
// continuation lines, list interruption, entity and backslash rules) that a hand-written reader
// would each get a little wrong; cmark passes them all and runs in time linear in its input for
// the cases its authors fixed. Its known defects: 0.30.2 (Debian 12) still has cases that 0.30.3
// made linear, the worst "![[]()" repeated (CVE-2023-22486), about 20 ms at the 16 KiB limit
// below and 155 ms at 64 KiB on a 2-core machine, so the limit keeps every input cheap; cmark
// aborts the process when memory runs out (it has no error return for that). cmark throws
// nothing. Pure functions, thread-safe.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/core/error.hpp"
#include "ccteam/posting/document.hpp"

namespace ccteam::io {

// The most bytes of Markdown one section may have: 16 KiB, some ten times the longest section
// ccteam writes, and small enough to parse on every keystroke.
inline constexpr std::size_t k_max_section_markdown_bytes = 16 * 1024;

// The blocks of one section from its Markdown text, in document order:
//   paragraph              one paragraph block of one line: its soft and hard line breaks
//                          become a space; emphasis, strong emphasis and code spans become their
//                          text; a link its text and " (url)" (only the text when it equals the
//                          URL, or the URL with "mailto:" taken off; only the URL when the text
//                          is empty; no URL with the schemes javascript:, vbscript:, file: or
//                          data:); an image its alt text;
//   bullet or ordered list one bullets block, one line per list item; an item's paragraphs
//                          are joined by a space; a nested list's items are further lines of
//                          the same block (an item's text after its nested list a line of its
//                          own);
//   heading (any level)    one subheading block of one line;
//   block quote            its content, as if it were not quoted;
//   code block             one paragraph block per line of code that is not blank;
//   thematic break         nothing;
//   raw HTML               nothing: HTML blocks and inline HTML are dropped whole, never passed
//                          on (cmark parses without CMARK_OPT_UNSAFE).
// Entities and backslash escapes are decoded ("&amp;" -> "&", "\*" -> "*"). Every line is
// trimmed of ASCII whitespace; empty lines and blocks without lines are dropped, so the text
// "" (or one that is only an HTML comment) gives no blocks. Consecutive paragraphs stay
// separate blocks. Time and memory are linear in the input's size (cmark's iterator walks the
// tree without recursion, so deep nesting cannot overflow the stack).
// 'section_id' ("requirements") names the section in errors. Errors, both
// Error::invalid_input:
//   more than k_max_section_markdown_bytes bytes: MsgId::posting_section_too_long with the
//     section id and 16 (KiB), no position;
//   not UTF-8 text: io::check_text's error (with Nul::refuse: MsgId::not_utf8 or
//     MsgId::not_text_nul at line:column, MsgId::utf16_text at 1:1), its file the section id.
Result<std::vector<posting::Block>> markdown_to_blocks(std::string_view markdown,
                                                       std::string_view section_id);

// The Markdown of one section's blocks, exactly what io::posting_to_markdown writes below the
// section's "## " heading and its blank line: blocks separated by one blank line; each line of
// a paragraph block a paragraph of its own (a blank line between them); each line of a
// subheading block "### line"; each line of a bullets block "- line", or "* line" when the
// block comes right after another bullets block (so that CommonMark starts a new list); each
// line trimmed of ASCII whitespace and escaped with escape_markdown, empty lines left out.
// "" for no blocks; otherwise it ends with "\n". For every block list b that markdown_to_blocks
// returns, and for the sections posting::build_posting makes,
// markdown_to_blocks(blocks_to_markdown(b), id) == b, as long as the written text stays within
// k_max_section_markdown_bytes (escaping can make it up to twice as long as what was read;
// fuzz/posting_markdown_fuzz.cpp checks the equality on every input).
std::string blocks_to_markdown(const std::vector<posting::Block>& blocks);

// 'text' safe to put in a CommonMark paragraph, list item or ATX heading as literal text (spec
// 0.30, sections 2.4 backslash escapes and 2.5 entity references): a backslash before every
// \ ` * _ [ ] < > |, before # - + ~ = at the start, before the '.' or ')' after digits at the
// start ("1\. "; the start is the first byte that is not a space or tab), before a closing run of
// '#' after a space ("C \#"), and before an '&' that starts an entity reference ("\&amp;"); line
// feeds and carriage returns become spaces, so the text stays one line. Other bytes, UTF-8
// included, pass unchanged.
std::string escape_markdown(std::string_view text);

}  // namespace ccteam::io
