#include "io/base/markup.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace ccteam::io
