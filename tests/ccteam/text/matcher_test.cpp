// Phrase matching by Snowball stems, in English and German.
#include "ccteam/text/matcher.hpp"

#include <gtest/gtest.h>

namespace ccteam::text {
namespace {

std::vector<std::string> found(const Matcher& m, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& hit : m.find(m.analyze(text))) out.push_back(hit.phrase);
  return out;
}

TEST(Stemmer, SnowballStems) {
  // Porter2 (English): "leadership" keeps its suffix, "supervising" -> "supervis";
  // German: "Kundenberater" -> "kundenberat" (suffix -er removed in step 2).
  EXPECT_EQ(Stemmer(Lang::en).stem("supervising"), "supervis");
  EXPECT_EQ(Stemmer(Lang::en).stem("supervises"), "supervis");
  EXPECT_EQ(Stemmer(Lang::de).stem("kundenberater"), "kundenberat");
}

TEST(Matcher, InflectedFormsMatch) {
  Matcher m;
  m.add("supervise a team", Lang::en, 1);
  m.add("Kundenberater", Lang::de, 2);
  EXPECT_EQ(found(m, "Supervised a team of 12"), std::vector<std::string>{"supervise a team"});
  EXPECT_EQ(found(m, "Kundenberaterin im Outbound"), std::vector<std::string>{"Kundenberater"});
  EXPECT_EQ(found(m, "Kundenberater*innen einarbeiten"), std::vector<std::string>{"Kundenberater"});
  EXPECT_TRUE(found(m, "a team to supervise").empty());  // order matters
}

TEST(Matcher, GermanCompoundHeads) {
  Matcher m;
  m.add("Leiter", Lang::de, 1);
  m.add("Führung", Lang::de, 2);
  m.add_compound_exception("durchführung");
  EXPECT_EQ(found(m, "Schichtleiter Lager"), std::vector<std::string>{"Leiter"});
  EXPECT_EQ(found(m, "Mitarbeiterführung"), std::vector<std::string>{"Führung"});
  EXPECT_TRUE(found(m, "Durchführung von Schulungen").empty());
  EXPECT_TRUE(found(m, "Leitersprossen").empty());  // the head is "sprossen"
}

TEST(Matcher, BlockerCancelsAMatch) {
  Matcher m;
  m.add("Teamleitung", Lang::de, 1);
  m.add_blocker("an die");
  EXPECT_TRUE(found(m, "Weitergabe ungelöster Fälle an die Teamleitung").empty());
  EXPECT_EQ(found(m, "Vertretung der Teamleitung"), std::vector<std::string>{"Teamleitung"});
}

TEST(Matcher, EvidenceNamesTheDocumentWords) {
  Matcher m;
  m.add("customer service", Lang::en, 7);
  auto hits = m.find(m.analyze("Head of Customer-Service"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].tag, 7);
  EXPECT_EQ(hits[0].matched, "customer service");
}

TEST(Matcher, TextAnalysedByAnotherMatcherMatchesTheSame) {
  // Screening analyses a job's texts once (experience matcher) and runs the skills matcher on
  // the same analysis: its cache entries are not the other matcher's, so it looks them up.
  Matcher experience;
  experience.add("Kundenservice", Lang::de, 1);
  Matcher skills;
  skills.add("Beschwerdemanagement", Lang::de, 2);
  AnalyzedText text = experience.analyze("Kundenservice und Beschwerdemanagement");
  auto hits = skills.find(text);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].tag, 2);
  EXPECT_EQ(hits[0].matched, "beschwerdemanagement");
  ASSERT_EQ(experience.find(text).size(), 1u);
  EXPECT_EQ(experience.find(text)[0].phrase, "Kundenservice");
}

TEST(Matcher, CacheClearedBetweenCallsLeavesEarlierAnalysesUsable) {
  // A cache of 3 words: analysing the 4-word text B clears it (at the start of the next call)
  // after A was analysed, so A's entries are gone; find() must look A's words up again and
  // still see "team leader" (English stems "team", "leader").
  Matcher m(3);
  m.add("team leader", Lang::en, 5);
  AnalyzedText a = m.analyze("Team Leader");
  AnalyzedText b = m.analyze("one two three four");
  AnalyzedText c = m.analyze("five");  // starts with a clear: the cache held 6 words
  auto hits = m.find(a);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].tag, 5);
  EXPECT_EQ(hits[0].matched, "team leader");
  EXPECT_TRUE(m.find(b).empty());
  EXPECT_TRUE(m.find(c).empty());
}

TEST(Matcher, ReusedBuffersHoldOnlyTheLatestText) {
  Matcher m;
  m.add("coaching", Lang::en, 1);
  AnalyzedText text;
  m.analyze_into("Coaching of new agents and quality monitoring", text);
  m.analyze_into("Coaching", text);  // shorter: the words of the first text must be gone
  EXPECT_EQ(text.words, std::vector<std::string>{"coaching"});
  std::vector<Matcher::Hit> hits{{9, "stale", "stale"}};
  m.find_into(text, hits);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].tag, 1);
  m.analyze_into("quality monitoring", text);
  m.find_into(text, hits);
  EXPECT_TRUE(hits.empty());
}

}  // namespace
}  // namespace ccteam::text
