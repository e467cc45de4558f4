#include "io/base/table.hpp"

#include <gtest/gtest.h>

namespace ccteam::io {
namespace {

TEST(TextTable, AlignsColumnsByCodePoints) {
  TextTable table({"id", "Titel"});
  table.add_row({"agent", "Kundenbetreuer"});
  table.add_row({"ü", "Ä"});
  EXPECT_EQ(table.render(),
            "id     Titel\n"
            "-----  --------------\n"
            "agent  Kundenbetreuer\n"
            "ü      Ä\n");
}

TEST(DisplayWidth, CountsCodePointsNotBytes) {
  EXPECT_EQ(display_width("Größe"), 5u);
  EXPECT_EQ(display_width("└─"), 2u);
}

TEST(Wrap, BreaksAtSpacesAndIndents) {
  EXPECT_EQ(wrap("one two three four", 9, "  "), "  one two\n  three\n  four\n");
  EXPECT_EQ(wrap("", 9, "  "), "");
  EXPECT_EQ(wrap("unbreakablewordhere x", 5, ""), "unbreakablewordhere\nx\n");
}

}  // namespace
}  // namespace ccteam::io
