#pragma once
// Finding keyword phrases in free text, in English and German, by word stems.
//
// Each phrase is split into words by text::words() (normalize.hpp: gender folding, ICU NFC and
// case folding) and each word is reduced by the Snowball stemmer of the phrase's language
// (libstemmer; Porter 2001, "Snowball: A language for stemming algorithms"). A text matches a
// phrase when its stems, computed with the same stemmer, contain the phrase's stems as a
// contiguous run. German compounds: a one-word German phrase of at least four letters also
// matches a text word whose stem ends with the phrase's stem, or whose folded form ends with
// the phrase's folded word ("Leiter" in "Schichtleiter", "Führung" in "Mitarbeiterführung",
// which Snowball stems to "mitarbeiterfuhr" because its suffix regions depend on length):
// German joins nouns into one word and the last one (the head) says what the compound is.
//
// Ownership and threads: a Matcher owns its two stemmers; one instance must not be used from
// two threads at once (Snowball stemmers keep state). Build one per thread.

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ccteam/core/lang.hpp"

struct sb_stemmer;

namespace ccteam::text {

// A Snowball stemmer for one language; input is a folded word (normalize.hpp).
class Stemmer {
 public:
  explicit Stemmer(Lang lang);
  std::string stem(std::string_view folded_word) const;

 private:
  struct Free {
    void operator()(sb_stemmer* s) const;
  };
  std::unique_ptr<sb_stemmer, Free> m_stemmer;
};

// A text prepared once for matching against many phrases.
struct AnalyzedText {
  std::vector<std::string> words;     // folded words (normalize.hpp)
  std::vector<std::string> stems_en;  // words[i] stemmed in English
  std::vector<std::string> stems_de;  // words[i] stemmed in German
  // Internal to Matcher: the analysing Matcher's cache entry of words[i] and that cache's
  // generation (unique across Matchers; 0: none); lets find() skip a second lookup per word
  // while the entries are still there.
  std::vector<const void*> cache_entries;
  std::uint64_t cache_generation = 0;
};

class Matcher {
 public:
  Matcher();

  // Adds a phrase in 'lang' that stands for 'tag' (the caller's id). Blank phrases are ignored.
  void add(std::string_view phrase, Lang lang, int tag);

  // A folded word that never matches as a compound ("durchführung" for "Führung").
  void add_compound_exception(std::string_view folded_word);

  // Words that cancel a match when they come right before it ("an die" before "Teamleitung":
  // the text speaks of someone else's role). Compared as folded words, not stems.
  void add_blocker(std::string_view phrase);

  AnalyzedText analyze(std::string_view text) const;

  struct Hit {
    int tag = 0;
    std::string phrase;   // as added
    std::string matched;  // the text's folded words that matched, joined by spaces
  };
  // Every phrase found in 'text', in the order the phrases were added; a phrase counts once.
  std::vector<Hit> find(const AnalyzedText& text) const;

  std::size_t size() const { return m_phrases.size(); }

 private:
  struct Phrase {
    std::string text;
    Lang lang;
    int tag;
    std::vector<std::string> stems;
    std::string word;  // the folded word of a one-word phrase (for compounds)
  };
  Stemmer m_en;
  Stemmer m_de;
  std::vector<Phrase> m_phrases;
  std::vector<std::string> m_compound_exceptions;
  // Looked up by std::string_view (a suffix of a word) without building a std::string.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Index = std::unordered_map<std::string, std::vector<std::size_t>, Hash, std::equal_to<>>;
  // Indexes into m_phrases, per language (0 = en, 1 = de): by first stem, and for one-word
  // German phrases by stem and by folded word (compound heads), with the distinct byte lengths
  // of their keys: only suffixes of those lengths can match a compound head.
  std::array<Index, 2> m_by_first_stem;
  Index m_compound_stem;
  Index m_compound_word;
  std::vector<std::size_t> m_compound_stem_lengths;
  std::vector<std::size_t> m_compound_word_lengths;
  std::vector<std::vector<std::string>> m_blockers;

  bool blocked(const AnalyzedText& text, std::size_t at) const;

  // Phrases that may start at text word 'i': by its first stem in either language, and German
  // one-word phrases as the head of a compound. A function of the word alone, so cached per
  // folded word (one lookup per word instead of one per stem and suffix length).
  struct Candidate {
    std::size_t phrase;
    bool compound;
  };
  const std::vector<Candidate>& candidates(const AnalyzedText& text, std::size_t i) const;

  // Stems and candidates of words seen before: résumés repeat their vocabulary, and stemming
  // is most of the cost of matching. Cleared when it reaches k_cache_limit words.
  static constexpr std::size_t k_cache_limit = 100000;
  // One entry per word: its stems, and its candidates once find() has looked them up. Entries
  // stay where they are until the cache is cleared, which starts a new generation.
  struct WordEntry {
    std::string stem_en;
    std::string stem_de;
    bool has_candidates = false;
    std::vector<Candidate> candidates;
  };
  mutable std::unordered_map<std::string, WordEntry, Hash, std::equal_to<>> m_word_cache;
  mutable std::uint64_t m_cache_generation;
  WordEntry& entry(std::string_view word) const;
  // find()'s working buffers, reused: which phrases were found, and where.
  mutable std::vector<char> m_done;
  mutable std::vector<std::pair<std::size_t, std::size_t>> m_found;
};

}  // namespace ccteam::text
