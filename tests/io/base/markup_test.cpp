#include "io/base/markup.hpp"

#include <gtest/gtest.h>

#include <string>

namespace ccteam::io {
namespace {

// The five characters with a meaning in markup, as HTML 5 and XML 1.0 both read them.
TEST(Markup, EscapesTheFiveMarkupCharacters) {
  EXPECT_EQ(escape_markup("<a href=\"x\">Tom's & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;");
}

TEST(Markup, LeavesOtherTextAndUtf8Alone) {
  EXPECT_EQ(escape_markup("Müller & Söhne – 2.900 €"), "Müller &amp; Söhne – 2.900 €");
  EXPECT_EQ(escape_markup(""), "");
  EXPECT_EQ(escape_markup("&amp;"), "&amp;amp;");  // escapes again: input is text, not markup
}

// Control characters from input, as a résumé or a forecast field could hold them: each becomes
// a visible escape, so no text can move the cursor, recolour or hide a line.
TEST(EscapeTerminal, WritesControlCharactersAsEscapes) {
  // ESC [ 2 J clears the screen; ESC ] 0 ; ... BEL sets the window title.
  EXPECT_EQ(escape_terminal("Ann\x1b[2J\x1b]0;pwned\x07 Lee"), "Ann\\x1b[2J\\x1b]0;pwned\\x07 Lee");
  EXPECT_EQ(escape_terminal(std::string("a\rb\x7f\x00"
                                        "c",
                                        6),
                            Newlines::keep),
            "a\\x0db\\x7f\\x00c");
  EXPECT_EQ(escape_terminal(std::string("x\0y", 3)), "x\\x00y");
}

TEST(EscapeTerminal, KeepsOrEscapesLineFeedsAndTabsAsAsked) {
  EXPECT_EQ(escape_terminal("a\tb\nc"), "a\\x09b\\x0ac");
  EXPECT_EQ(escape_terminal("a\tb\nc", Newlines::keep), "a\tb\nc");
}

TEST(EscapeTerminal, WritesC1ControlsAsCodePointsAndBadBytesAsBytes) {
  // U+009B (C2 9B) is CSI, which some terminals read as ESC [; a lone 9B byte is no UTF-8.
  EXPECT_EQ(escape_terminal("a\xC2\x9B"
                            "31mb"),
            "a\\u009b31mb");
  EXPECT_EQ(escape_terminal("a\x9B"
                            "31m\xFF"),
            "a\\x9b31m\\xff");
  EXPECT_EQ(escape_terminal("\xC3"), "\\xc3");  // cut-off sequence
}

TEST(EscapeTerminal, LeavesTextUtf8AndBackslashesAlone) {
  EXPECT_EQ(escape_terminal("Müller – 2.900 € C:\\temp\\x1b"), "Müller – 2.900 € C:\\temp\\x1b");
  EXPECT_EQ(escape_terminal(""), "");
}

TEST(TerminalExcerpt, ShortValuesStayWhole) {
  std::string eighty(80, 'a');
  EXPECT_EQ(terminal_excerpt(eighty), eighty);
  EXPECT_EQ(terminal_excerpt("über\x1b"), "über\\x1b");
}

TEST(TerminalExcerpt, LongValuesKeepBothEndsAroundAnEllipsis) {
  // 100,000 characters: 79 kept, 52 from the start (two thirds of 79) and 27 from the end.
  std::string value = std::string(99'990, 'x') + "0123456789";
  std::string cut = terminal_excerpt(value);
  EXPECT_EQ(cut, std::string(52, 'x') + "\u2026" + std::string(17, 'x') + "0123456789");
  // Characters, not bytes: 'ä' is one.
  std::string umlauts;
  for (int i = 0; i < 100; ++i) umlauts += "ä";
  std::string expected;
  for (int i = 0; i < 6; ++i) expected += "ä";
  expected += "\u2026";
  for (int i = 0; i < 3; ++i) expected += "ä";
  EXPECT_EQ(terminal_excerpt(umlauts, 10), expected);
}

TEST(TerminalExcerpt, NeverCutsAnEscapeInHalf) {
  // max 10: 6 characters of head, 3 of tail. "ab\x1b" is 6 characters; "abc\x1b" would be 7.
  EXPECT_EQ(terminal_excerpt("ab\x1b"
                             "cdefghijkl",
                             10),
            "ab\\x1b\u2026jkl");
  EXPECT_EQ(terminal_excerpt("abc\x1b"
                             "defghijkl",
                             10),
            "abc\u2026jkl");
  EXPECT_EQ(terminal_excerpt("abcdefghijk\x1b", 10), "abcdef\u2026");
}

// RFC 4180 quoting, and the OWASP rule for text a spreadsheet would run as a formula.
TEST(CsvField, QuotesWhatNeedsItAndNeutralisesFormulas) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field("=1+1"), "'=1+1");
  EXPECT_EQ(csv_field("+49 30 1234"), "'+49 30 1234");
  EXPECT_EQ(csv_field("-5"), "'-5");
  EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_field("\tx"), "'\tx");
  EXPECT_EQ(csv_field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  EXPECT_EQ(csv_field("a=b"), "a=b");  // only at the start
}

}  // namespace
}  // namespace ccteam::io
