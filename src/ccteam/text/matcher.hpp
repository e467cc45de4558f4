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
  std::vector<std::string> words;  // folded words (normalize.hpp)
  // Internal to Matcher: per word, the analysing Matcher's cache entry (its stems), and the
  // generation of that cache (unique across Matchers; 0: none). find() uses the entries while
  // the generation is still the cache's, and looks the words up again otherwise (a text
  // analysed by another Matcher, or a cache cleared since).
  std::vector<const void*> cache_entries;
  std::uint64_t cache_generation = 0;
};

class Matcher {
 public:
  static constexpr std::size_t k_default_cache_limit = 100000;  // distinct words
  // 'cache_limit': how many distinct words the stem cache holds before it is cleared (see
  // below); the default suits screening, tests pass a small one.
  explicit Matcher(std::size_t cache_limit = k_default_cache_limit);

  // Adds a phrase in 'lang' that stands for 'tag' (the caller's id). Blank phrases are ignored.
  void add(std::string_view phrase, Lang lang, int tag);

  // A folded word that never matches as a compound ("durchführung" for "Führung").
  void add_compound_exception(std::string_view folded_word);

  // Words that cancel a match when they come right before it ("an die" before "Teamleitung":
  // the text speaks of someone else's role). Compared as folded words, not stems. 'reach': how
  // many words may stand between the blocker and the match ("reported to the Team Lead and the
  // Operations Manager" blocks both with reach 4). 'tags': bit i set = blocks phrases of tag i
  // (the default: every tag below 32). A match joined by "and" / "und" / "or" / "oder" /
  // "sowie" (an article may follow) to a blocked match of the same tag right before it is
  // blocked too ("an Teamleiter und Abteilungsleitung").
  void add_blocker(std::string_view phrase, std::size_t reach = 0, std::uint32_t tags = ~0u);

  AnalyzedText analyze(std::string_view text) const;
  // The same into 'out' (replacing what it held), reusing its buffers: for callers that
  // analyse text after text.
  void analyze_into(std::string_view text, AnalyzedText& out) const;

  struct Hit {
    int tag = 0;
    std::string phrase;   // as added
    std::string matched;  // the text's folded words that matched, joined by spaces
  };
  // Every phrase found in 'text', in the order the phrases were added; a phrase counts once.
  std::vector<Hit> find(const AnalyzedText& text) const;
  // The same into 'out' (replacing what it held), reusing its buffer.
  void find_into(const AnalyzedText& text, std::vector<Hit>& out) const;

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
  struct Blocker {
    std::vector<std::string> words;
    std::size_t reach = 0;
    std::uint32_t tags = ~0u;
  };
  std::vector<Blocker> m_blockers;

  // Whether the match of a phrase of 'tag' at word 'at' is blocked; 'blocked_ends' holds the
  // (end word, tag) of the matches blocked so far in the text.
  bool blocked(const AnalyzedText& text, std::size_t at, int tag,
               const std::vector<std::pair<std::size_t, int>>& blocked_ends) const;

  // Stems and candidates of words seen before: résumés repeat their vocabulary, and stemming
  // is most of the cost of matching. One entry per word: its stems, and its candidates once
  // find() has looked them up. Entries never move (unordered_map nodes) and are removed only
  // when the cache is cleared, which starts a new generation. It is cleared at the start of a
  // call (analyze, find) once it holds 'cache_limit' words, never during one, so the entries a
  // call looks up stay valid until it returns.
  struct Candidate {
    std::size_t phrase;
    bool compound;
  };
  struct WordEntry {
    std::string stem_en;
    std::string stem_de;
    bool has_candidates = false;
    std::vector<Candidate> candidates;
  };
  std::size_t m_cache_limit;
  mutable std::unordered_map<std::string, WordEntry, Hash, std::equal_to<>> m_word_cache;
  mutable std::uint64_t m_cache_generation;
  WordEntry& entry(std::string_view word) const;
  void clear_cache_if_full() const;
  // The cache entry of each word of 'text': its own while its generation is current, else
  // looked up again (into m_lookup).
  const std::vector<const void*>& entries_of(const AnalyzedText& text) const;

  // Phrases that may start at a word: by its first stem in either language, and German one-word
  // phrases as the head of a compound. A function of the word alone, so kept in its entry (one
  // lookup per word instead of one per stem and suffix length).
  const std::vector<Candidate>& candidates(WordEntry& entry, const std::string& word) const;

  // find()'s working buffers, reused: which phrases were found, and where.
  mutable std::vector<char> m_done;
  mutable std::vector<std::pair<std::size_t, std::size_t>> m_found;
  mutable std::vector<std::pair<std::size_t, int>> m_blocked_ends;
  mutable std::vector<const void*> m_lookup;
};

}  // namespace ccteam::text
