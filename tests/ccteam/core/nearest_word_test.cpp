// Edit distance and the nearest word (src/ccteam/core/nearest_word.cpp); distances worked out
// by hand.
#include "ccteam/core/nearest_word.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ccteam {
namespace {

TEST(EditDistance, HandWorkedValues) {
  // kitten -> sitten (k/s) -> sittin (e/i) -> sitting (+g)
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("sitting", "kitten"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("flaw", "lawn"), 2u);    // -f, +n
  EXPECT_EQ(edit_distance("titel", "title"), 2u);  // a transposition is two edits
  EXPECT_EQ(edit_distance("same", "same"), 0u);
  EXPECT_EQ(edit_distance("\xC3\xA4", "a"), 2u);  // bytes: 'ä' is two
}

TEST(NearestWord, WithinAThirdOfTheWordAndAtLeastTwo) {
  EXPECT_EQ(typo_distance("id"), 2u);
  EXPECT_EQ(typo_distance("description"), 3u);
  // The YAML layer's keys (moved here from yaml_reader_test.cpp).
  std::vector<std::string> keys = {"title", "description", "job_summary"};
  EXPECT_EQ(nearest_word("titel", keys), "title");             // 2 edits, limit 2
  EXPECT_EQ(nearest_word("descripton", keys), "description");  // 1 edit, limit 3
  EXPECT_EQ(nearest_word("salary", keys), std::nullopt);       // nothing within 2
  // Of two at the same distance, the first.
  std::vector<std::string_view> ids = {"team-lead", "team-leaf"};
  EXPECT_EQ(nearest_word("team-lea", ids), "team-lead");
  EXPECT_EQ(nearest_word("x", std::vector<std::string>{}), std::nullopt);
}

}  // namespace
}  // namespace ccteam
