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
// Matching cost: each distinct word is stemmed once and kept in a cache with the phrases that
// may start at it; a phrase's stems are numbered, so a match compares integers; blockers are
// compared only where a word that ends one stands before the match.
//
// Ownership and threads: a Matcher owns its two stemmers and shares its word cache with the
// matchers built to share it (ShareWordsWith); one instance, and the matchers sharing its
// cache, must not be used from two threads at once (Snowball stemmers and the cache keep
// state). Build them per thread.

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
  // generation of that cache (unique across caches; 0: none). find() uses the entries while
  // the generation is still that of its cache, and looks the words up again otherwise (a text
  // analysed by a Matcher with another cache, or a cache cleared since).
  std::vector<const void*> cache_entries;
  std::uint64_t cache_generation = 0;
};

class Matcher {
 public:
  static constexpr std::size_t k_default_cache_limit = 100000;  // distinct words
  // 'cache_limit': how many distinct words the stem cache holds before it is cleared (see
  // below); the default suits screening, tests pass a small one.
  explicit Matcher(std::size_t cache_limit = k_default_cache_limit);

  // A matcher (without phrases yet) that shares the word cache of 'other' (its stems, its
  // limit): a text analysed by one of them is matched by the other without looking its words
  // up again (screening analyses a job's texts once and matches them for experience and for
  // skills). 'other' may be destroyed first. Matchers that share a cache must be used from one
  // thread, one call at a time.
  struct ShareWordsWith {
    const Matcher& other;
  };
  explicit Matcher(ShareWordsWith share);

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
    std::vector<std::uint32_t> stem_ids;  // stems as ids (m_stem_ids), compared as integers
    std::string word;                     // the folded word of a one-word phrase (for compounds)
  };
  Stemmer m_en;
  Stemmer m_de;
  std::vector<Phrase> m_phrases;
  std::vector<std::string> m_compound_exceptions;
  // Looked up by std::string_view (a suffix of a word) without building a std::string. Keys are
  // words, mostly under 16 bytes: hashed from at most four loads (matcher.cpp), which is
  // cheaper than std::hash's pass over every 8 bytes.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const;
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
  // The last words of the blockers and the largest reach: a match is checked against the
  // blockers only when one of the words before it (within that reach) ends one.
  std::vector<std::string> m_blocker_last_words;
  std::size_t m_max_reach = 0;
  // Every stem of a phrase, numbered: a text word's stem has the number of the phrase stem it
  // equals, or k_no_stem, so stems are compared as integers.
  static constexpr std::uint32_t k_no_stem = ~std::uint32_t{0};
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> m_stem_ids;
  std::uint32_t stem_id(std::string_view stem) const;

  // Whether the match of a phrase of 'tag' at word 'at' is blocked; 'blocked_ends' holds the
  // (end word, tag) of the matches blocked so far in the text; 'view_of(i)' is this matcher's
  // view of word i (MatcherView below).
  template <class ViewOf>
  bool blocked(const AnalyzedText& text, std::size_t at, int tag,
               const std::vector<std::pair<std::size_t, int>>& blocked_ends,
               const ViewOf& view_of) const;

  // Stems and candidates of words seen before: résumés repeat their vocabulary, and stemming
  // is most of the cost of matching. One entry per word: its stems, and for each matcher that
  // shares the cache (its slot) what its phrases and blockers make of the word: the stems'
  // numbers, whether it ends a blocker, and its candidates once find() has looked them up.
  // Entries never move (unordered_map nodes) and are removed only when the cache is cleared,
  // which starts a new generation. It is cleared at the start of a call (analyze, find) once it
  // holds 'limit' words, never during one, so the entries a call looks up stay valid until it
  // returns; and when a sharing matcher gains a phrase or blocker.
  struct Candidate {
    std::size_t phrase;
    bool compound;
  };
  struct MatcherView {
    bool ready = false;                    // the fields below are filled in
    std::uint32_t stem_id_en = k_no_stem;  // m_stem_ids of the stems
    std::uint32_t stem_id_de = k_no_stem;
    bool ends_blocker = false;  // the word is the last word of a blocker
    bool has_candidates = false;
    std::vector<Candidate> candidates;
  };
  struct WordEntry {
    std::string stem_en;
    std::string stem_de;
    std::vector<MatcherView> views;  // by matcher slot
  };
  struct WordCache {
    std::unordered_map<std::string, WordEntry, Hash, std::equal_to<>> words;
    std::uint64_t generation = 0;
    std::size_t limit = 0;
    std::size_t slots = 0;  // matchers sharing it
  };
  std::shared_ptr<WordCache> m_cache;
  std::size_t m_slot = 0;  // this matcher's view in each entry
  WordEntry& entry(std::string_view word) const;
  MatcherView& view(WordEntry& entry, const std::string& word) const;
  void clear_cache_if_full() const;
  // Empties the cache (a new generation): after a phrase or blocker is added, since the entries
  // hold what the phrases and blockers make of each word.
  void clear_cache() const;
  // The cache entry of each word of 'text': its own while its generation is current, else
  // looked up again (into m_lookup).
  const std::vector<const void*>& entries_of(const AnalyzedText& text) const;

  // Phrases that may start at a word: by its first stem in either language, and German one-word
  // phrases as the head of a compound. A function of the word alone, so kept in its entry (one
  // lookup per word instead of one per stem and suffix length).
  const std::vector<Candidate>& candidates(MatcherView& view, const WordEntry& entry,
                                           const std::string& word) const;

  // find()'s working buffers, reused: which phrases were found, and where.
  mutable std::vector<char> m_done;
  mutable std::vector<std::pair<std::size_t, std::size_t>> m_found;
  mutable std::vector<std::pair<std::size_t, int>> m_blocked_ends;
  mutable std::vector<const void*> m_lookup;
  mutable std::vector<MatcherView*> m_views;
};

}  // namespace ccteam::text
