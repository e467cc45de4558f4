// Phrase matching by Snowball stems, in English and German.
#include "ccteam/text/matcher.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <tuple>

#include "ccteam/qualify/experience_phrases.hpp"
#include "ccteam/text/normalize.hpp"
#include "io/base/files.hpp"
#include "support/paths.hpp"

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

TEST(Matcher, SharedWordCache) {
  // The skills matcher of screening shares the experience matcher's cache: each finds its own
  // phrases in a text the other analysed, also when a phrase is added after the analysis
  // (which clears the shared cache) and when the cache is cleared for being full.
  Matcher experience(4);
  experience.add("Kundenservice", Lang::de, 1);
  experience.add_blocker("an die");
  Matcher skills(Matcher::ShareWordsWith{experience});
  skills.add("Beschwerdemanagement", Lang::de, 2);
  AnalyzedText text =
      experience.analyze("Kundenservice und Beschwerdemanagement an die Teamleitung");
  auto hits = skills.find(text);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].matched, "beschwerdemanagement");
  skills.add("Teamleitung", Lang::de, 3);  // not blocked: "an die" is the other's blocker
  hits = skills.find(text);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[1].matched, "teamleitung");
  experience.add("Teamleitung", Lang::de, 4);  // blocked by "an die"
  hits = experience.find(skills.analyze("Kundenservice an die Teamleitung"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].tag, 1);
  {
    Matcher owner;
    Matcher sharer(Matcher::ShareWordsWith{owner});
    sharer.add("coaching", Lang::en, 5);
    AnalyzedText later = owner.analyze("Coaching");
    EXPECT_EQ(sharer.find(later).size(), 1u);
  }
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

// The matching rules of matcher.hpp read plainly, for comparison: every phrase tried at every
// word, stems compared as strings, every blocker checked at every match; no index, no cache.
class ReferenceMatcher {
 public:
  void add(std::string_view phrase, Lang lang, int tag) {
    std::vector<std::string> w = words(phrase);
    if (w.empty()) return;
    Phrase p{std::string(phrase), lang, tag, {}, w.size() == 1 ? w.front() : ""};
    for (const std::string& word : w) p.stems.push_back(stemmer(lang).stem(word));
    m_phrases.push_back(std::move(p));
  }
  void add_compound_exception(std::string_view word) { m_exceptions.emplace_back(word); }
  void add_blocker(std::string_view phrase, std::size_t reach, std::uint32_t tags) {
    m_blockers.push_back({words(phrase), reach, tags});
  }

  std::vector<Matcher::Hit> find(std::string_view text) const {
    const std::vector<std::string> w = words(text);
    std::vector<std::string> stems[2];
    for (const std::string& word : w) {
      stems[0].push_back(m_en.stem(word));
      stems[1].push_back(m_de.stem(word));
    }
    std::vector<char> done(m_phrases.size(), 0);
    std::vector<std::pair<std::size_t, int>> blocked_ends;
    std::vector<std::pair<std::size_t, std::size_t>> found;  // (phrase, word)
    for (std::size_t i = 0; i < w.size(); ++i) {
      for (std::size_t j = 0; j < m_phrases.size(); ++j) {
        const Phrase& p = m_phrases[j];
        if (done[j]) continue;
        const std::vector<std::string>& s = stems[p.lang == Lang::de ? 1 : 0];
        const std::size_t n = p.stems.size();
        bool match = i + n <= w.size() &&
                     std::equal(p.stems.begin(), p.stems.end(), s.begin() + static_cast<long>(i));
        // A German one-word phrase of at least four bytes as the head of a compound.
        auto head = [](const std::string& word, const std::string& part) {
          return part.size() >= 4 && word.size() > part.size() && word.ends_with(part);
        };
        if (!match && p.lang == Lang::de && n == 1 &&
            std::ranges::find(m_exceptions, w[i]) == m_exceptions.end()) {
          match = head(s[i], p.stems[0]) || head(w[i], p.word);
        }
        if (!match) continue;
        if (blocked(w, i, p.tag, blocked_ends)) {
          blocked_ends.emplace_back(i + n, p.tag);
          continue;
        }
        done[j] = 1;
        found.emplace_back(j, i);
      }
    }
    std::ranges::sort(found);
    std::vector<Matcher::Hit> hits;
    for (const auto& [j, i] : found) {
      std::string matched;
      for (std::size_t k = 0; k < m_phrases[j].stems.size(); ++k) {
        matched += (k > 0 ? " " : "") + w[i + k];
      }
      hits.push_back({m_phrases[j].tag, m_phrases[j].text, matched});
    }
    return hits;
  }

 private:
  struct Phrase {
    std::string text;
    Lang lang;
    int tag;
    std::vector<std::string> stems;
    std::string word;
  };
  struct Blocker {
    std::vector<std::string> words;
    std::size_t reach;
    std::uint32_t tags;
  };
  const Stemmer& stemmer(Lang lang) const { return lang == Lang::de ? m_de : m_en; }

  bool blocked(const std::vector<std::string>& w, std::size_t at, int tag,
               const std::vector<std::pair<std::size_t, int>>& blocked_ends) const {
    const std::uint32_t bit = tag >= 0 && tag < 32 ? 1u << tag : 0u;
    for (const Blocker& b : m_blockers) {
      if (b.tags != ~0u && (b.tags & bit) == 0) continue;
      const std::size_t n = b.words.size();
      for (std::size_t gap = 0; gap <= b.reach && n + gap <= at; ++gap) {
        if (std::equal(b.words.begin(), b.words.end(), w.begin() + static_cast<long>(at - gap - n)))
          return true;
      }
    }
    auto is_any = [](const std::string& word, std::initializer_list<std::string_view> list) {
      return std::ranges::find(list, word) != list.end();
    };
    std::size_t k = at;
    if (k > 0 && is_any(w[k - 1], {"the", "der", "die", "den", "dem", "das"})) --k;
    if (k == 0 || !is_any(w[k - 1], {"and", "und", "or", "oder", "sowie"})) return false;
    return std::ranges::any_of(blocked_ends, [&](const auto& e) { return e.first == k - 1; });
  }

  Stemmer m_en{Lang::en};
  Stemmer m_de{Lang::de};
  std::vector<Phrase> m_phrases;
  std::vector<std::string> m_exceptions;
  std::vector<Blocker> m_blockers;
};

// Every line of the résumé files under 'dir' (JSON Resume, NDJSON, person CSV): whole NDJSON
// documents and single values of pretty-printed ones, keys and punctuation included.
void collect_lines(const std::filesystem::path& dir, std::vector<std::string>& out) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    auto content = io::read_file(entry.path().string());
    if (!content) continue;
    for (std::size_t start = 0; start < content->size();) {
      std::size_t end = content->find('\n', start);
      if (end == std::string::npos) end = content->size();
      out.push_back(content->substr(start, end - start));
      start = end + 1;
    }
  }
}

TEST(Matcher, AgreesWithThePlainReadingOfItsRulesOnResumes) {
  // The experience classifier's phrases, compound exceptions and blockers (qualify/
  // experience_phrases), in a Matcher and in the plain reading above, run over every line of
  // the annotated résumé set and of the fixtures' résumés (when present): the same hits, in
  // the same order, with the same words. The Matcher's cache is kept small so that it is
  // cleared again and again on the way.
  Matcher matcher(500);
  ReferenceMatcher reference;
  auto add = [&](std::string_view phrase, Lang lang, int tag) {
    matcher.add(phrase, lang, tag);
    reference.add(phrase, lang, tag);
  };
  for (const qualify::KindPhrase& p : qualify::experience_phrases()) {
    add(p.phrase, p.lang, static_cast<int>(p.kind));
  }
  for (const qualify::NoWorkPhrase& p : qualify::no_work_phrases()) add(p.phrase, p.lang, 31);
  for (std::string_view w : qualify::compound_exceptions()) {
    matcher.add_compound_exception(w);
    reference.add_compound_exception(w);
  }
  for (const qualify::KindPhrase& b : qualify::context_blockers()) {
    matcher.add_blocker(b.phrase);
    reference.add_blocker(b.phrase, 0, ~0u);
  }
  for (const qualify::ReachBlocker& b : qualify::reporting_line_blockers()) {
    matcher.add_blocker(b.phrase, b.reach, 0b110);
    reference.add_blocker(b.phrase, b.reach, 0b110);
  }
  std::vector<std::string> lines;
  collect_lines(test::data_path("resume-set"), lines);
  collect_lines(test::data_path("resumes"), lines);
  collect_lines(test::fixtures_dir() / "resumes", lines);
  // Reporting lines and conjunctions, which the documents have few of.
  lines.emplace_back("Gab Fälle an die Teamleitung und die Abteilungsleitung ab; Teamleiterin");
  lines.emplace_back("Reported to the Team Lead and the Operations Manager, later Team Lead");
  ASSERT_GT(lines.size(), 1000u);
  std::size_t hits = 0;
  AnalyzedText text;
  std::vector<Matcher::Hit> found;
  for (const std::string& line : lines) {
    matcher.analyze_into(line, text);
    matcher.find_into(text, found);
    const std::vector<Matcher::Hit> expected = reference.find(line);
    ASSERT_EQ(found.size(), expected.size()) << line;
    for (std::size_t i = 0; i < found.size(); ++i) {
      EXPECT_EQ(std::tie(found[i].tag, found[i].phrase, found[i].matched),
                std::tie(expected[i].tag, expected[i].phrase, expected[i].matched))
          << line;
    }
    hits += found.size();
  }
  EXPECT_GT(hits, 500u);
}

}  // namespace
}  // namespace ccteam::text
