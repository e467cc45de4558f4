// UTF-8 helpers (src/io/base/utf8.cpp); every expected value is worked out by hand from the
// bytes of the input.
#include "io/base/utf8.hpp"

#include <gtest/gtest.h>

namespace ccteam::io {
namespace {

TEST(Utf8, BomLength) {
  EXPECT_EQ(bom_length("\xEF\xBB\xBFid,name"), 3u);
  EXPECT_EQ(bom_length("id,name"), 0u);
  EXPECT_EQ(bom_length("\xEF\xBB"), 0u);  // a cut-off mark is not one
  EXPECT_EQ(bom_length(""), 0u);
  std::string_view text = "\xEF\xBB\xBF{}";
  text.remove_prefix(bom_length(text));
  EXPECT_EQ(text, "{}");
}

TEST(Utf8, LengthCountsCodePoints) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("\xC3\xA4"), 1u);  // ä: two bytes, one character
  EXPECT_EQ(utf8_length("Gr\xC3\xB6\xC3\x9F"
                        "e"),
            5u);                                   // Größe
  EXPECT_EQ(utf8_length("\xE2\x82\xAC"), 1u);      // €: three bytes
  EXPECT_EQ(utf8_length("\xF0\x9F\x98\x80"), 1u);  // U+1F600: four bytes
}

TEST(Utf8, LineColumnInCharacters) {
  // "ä" is one column: bytes 0-1 are 'ä', byte 2 is 'b'.
  std::string_view text =
      "\xC3\xA4"
      "b\nc\r\n\xE2\x82\xAC"
      "d";
  EXPECT_EQ(line_column(text, 0), (LineColumn{1, 1}));
  EXPECT_EQ(line_column(text, 2), (LineColumn{1, 2}));   // 'b' after the two bytes of 'ä'
  EXPECT_EQ(line_column(text, 3), (LineColumn{1, 3}));   // the line end itself
  EXPECT_EQ(line_column(text, 4), (LineColumn{2, 1}));   // 'c'
  EXPECT_EQ(line_column(text, 5), (LineColumn{2, 2}));   // CR belongs to line 2
  EXPECT_EQ(line_column(text, 7), (LineColumn{3, 1}));   // '€'
  EXPECT_EQ(line_column(text, 10), (LineColumn{3, 2}));  // 'd' after the three bytes of '€'
  EXPECT_EQ(line_column(text, 99), (LineColumn{3, 3}));  // past the end: the end
  EXPECT_EQ(line_column("", 0), (LineColumn{1, 1}));
}

TEST(CheckText, AcceptsUtf8WithOrWithoutByteOrderMark) {
  EXPECT_TRUE(check_text("Größe\nzweite Zeile\n", "a.md", Nul::refuse));
  EXPECT_TRUE(check_text("\xEF\xBB\xBFGröße", "a.md", Nul::refuse));
  EXPECT_TRUE(check_text("", "a.md", Nul::refuse));
}

TEST(CheckText, RefusesUtf16ByItsByteOrderMark) {
  // "Hi" in UTF-16LE: FF FE 48 00 69 00; in UTF-16BE: FE FF 00 48 00 69.
  auto le = check_text(std::string("\xFF\xFEH\0i\0", 6), "p.txt", Nul::refuse);
  ASSERT_FALSE(le);
  EXPECT_EQ(render(le.error(), Lang::en),
            "p.txt:1:1: error: the file is UTF-16LE text, not UTF-8\n  hint: save the file as "
            "UTF-8 (most editors offer it under \"Save as\" or \"Encoding\")");
  auto be = check_text(std::string("\xFE\xFF\0H\0i", 6), "p.txt", Nul::allow);
  ASSERT_FALSE(be);
  EXPECT_EQ(render(be.error().message, Lang::de), "die Datei ist UTF-16BE-Text, nicht UTF-8");
}

TEST(CheckText, NamesWhereTheTextStopsBeingUtf8) {
  // Line 2, after "ab" and "ü" (3 characters): column 4.
  auto bad = check_text("first\nabü\xFFrest", "p.md", Nul::refuse);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message.id, MsgId::not_utf8);
  EXPECT_EQ(to_string(bad.error().where), "p.md:2:4");
  EXPECT_EQ(bad.error().kind, ErrorKind::invalid_input);
}

TEST(CheckText, RefusesNulBytesOnlyWhenAsked) {
  std::string binary("%PDF\n\x01\x02\0\x03", 9);
  auto refused = check_text(binary, "cv.pdf", Nul::refuse);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message.id, MsgId::not_text_nul);
  EXPECT_EQ(to_string(refused.error().where), "cv.pdf:2:3");
  ASSERT_TRUE(refused.error().hint);
  EXPECT_EQ(refused.error().hint->id, MsgId::hint_not_binary);
  EXPECT_TRUE(check_text(binary, "cv.pdf", Nul::allow));
}

}  // namespace
}  // namespace ccteam::io
