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

}  // namespace
}  // namespace ccteam::io
