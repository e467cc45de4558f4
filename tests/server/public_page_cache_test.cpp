#include "server/public_page_cache.hpp"

#include <gtest/gtest.h>

namespace ccteam::server {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

PublicPage page(std::string html) {
  PublicPage out;
  out.html = std::move(html);
  out.etag = "p-" + out.html;
  out.max_age_s = 60;
  return out;
}

const Date k_monday = year(2027) / month(3) / day(1);
const Date k_tuesday = year(2027) / month(3) / day(2);

TEST(PublicPageCache, AnswersAPageOnlyForTheStateItWasMadeIn) {
  PublicPageCache cache;
  PublicPageState state{1, 5, k_monday};
  EXPECT_EQ(cache.find(state, "index|de"), nullptr);
  cache.store(state, "index|de", page("A"));
  auto kept = cache.find(state, "index|de");
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->html, "A");
  EXPECT_EQ(cache.find(state, "index|en"), nullptr);
  // A saved opening or employer, a saved catalog, the next day: not answered from the cache.
  EXPECT_EQ(cache.find({1, 6, k_monday}, "index|de"), nullptr);
  EXPECT_EQ(cache.find({2, 5, k_monday}, "index|de"), nullptr);
  EXPECT_EQ(cache.find({1, 5, k_tuesday}, "index|de"), nullptr);
}

TEST(PublicPageCache, ANewStateDropsEveryPageAndAnOlderOneIsNotKept) {
  PublicPageCache cache;
  cache.store({1, 5, k_monday}, "a", page("A"));
  cache.store({1, 5, k_monday}, "b", page("B"));
  EXPECT_EQ(cache.size(), 2u);
  cache.store({1, 6, k_monday}, "a", page("A2"));
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.find({1, 6, k_monday}, "a")->html, "A2");
  // A request that read the state before the save finishes late: its page is answered to it
  // but not kept, and the newer page stays.
  auto late = cache.store({1, 5, k_monday}, "b", page("B-old"));
  EXPECT_EQ(late->html, "B-old");
  EXPECT_EQ(cache.find({1, 5, k_monday}, "b"), nullptr);
  EXPECT_EQ(cache.find({1, 6, k_monday}, "a")->html, "A2");
  // A state newer in one part and older in another (a node with a newer catalog, the same
  // openings) is not older: it is kept.
  cache.store({2, 4, k_monday}, "c", page("C"));
  EXPECT_EQ(cache.find({2, 4, k_monday}, "c")->html, "C");
}

TEST(PublicPageCache, TheFirstPageUnderAKeyWinsAndTheCountIsBounded) {
  PublicPageCache cache(3);
  PublicPageState state{1, 1, k_monday};
  cache.store(state, "a", page("A"));
  EXPECT_EQ(cache.store(state, "a", page("A-again"))->html, "A");
  cache.store(state, "b", page("B"));
  cache.store(state, "c", page("C"));
  EXPECT_EQ(cache.size(), 3u);
  // A fourth key empties the cache first: it never holds more than three.
  cache.store(state, "d", page("D"));
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.find(state, "a"), nullptr);
  EXPECT_EQ(cache.find(state, "d")->html, "D");
}

}  // namespace
}  // namespace ccteam::server
