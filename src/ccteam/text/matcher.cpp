#include "ccteam/text/matcher.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <span>

#include <libstemmer.h>

#include "ccteam/text/normalize.hpp"

namespace ccteam::text {

void Stemmer::Free::operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }

Stemmer::Stemmer(Lang lang)
    : m_stemmer(sb_stemmer_new(lang == Lang::de ? "german" : "english", "UTF_8")) {}

std::string Stemmer::stem(std::string_view folded_word) const {
  if (!m_stemmer) return std::string(folded_word);
  const sb_symbol* out =
      sb_stemmer_stem(m_stemmer.get(), reinterpret_cast<const sb_symbol*>(folded_word.data()),
                      static_cast<int>(folded_word.size()));
  if (out == nullptr) return std::string(folded_word);  // out of memory: keep the word
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<std::size_t>(sb_stemmer_length(m_stemmer.get())));
}

namespace {

std::uint64_t load64(const char* p) {
  std::uint64_t out = 0;
  std::memcpy(&out, p, sizeof out);
  return out;
}

std::uint32_t load32(const char* p) {
  std::uint32_t out = 0;
  std::memcpy(&out, p, sizeof out);
  return out;
}

// One multiply-fold step (as in wyhash): the 128-bit product's halves xor-ed.
__extension__ using Uint128 = unsigned __int128;
std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  const Uint128 product = static_cast<Uint128>(a) * b;
  return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}

}  // namespace

// A multiply-and-fold hash in the manner of wyhash (Wang Yi, public domain), with its two odd
// 64-bit constants: at most four loads per word of the cache.
std::size_t Matcher::Hash::operator()(std::string_view s) const {
  constexpr std::uint64_t k_mix_a = 0xa0761d6478bd642full;
  constexpr std::uint64_t k_mix_b = 0xe7037ed1a0b428dbull;
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t seed = k_mix_a ^ n;
  // Whole 16-byte blocks of a long key, then its last 16 bytes (or fewer) as overlapping loads.
  while (n > 16) {
    seed = mix(load64(p) ^ k_mix_b, load64(p + 8) ^ seed);
    p += 16;
    n -= 16;
  }
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  if (n >= 8) {
    a = load64(p);
    b = load64(p + n - 8);
  } else if (n >= 4) {
    a = load32(p);
    b = load32(p + n - 4);
  } else if (n > 0) {
    a = (std::uint64_t{static_cast<unsigned char>(p[0])} << 16) |
        (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
        static_cast<unsigned char>(p[n - 1]);
  }
  return static_cast<std::size_t>(mix(a ^ k_mix_b, b ^ seed) ^ k_mix_a);
}

namespace {

// Cache generations are unique across all Matchers, so an AnalyzedText from one Matcher (or
// from an earlier state of its cache) never passes for one of another.
std::uint64_t next_cache_generation() {
  static std::atomic<std::uint64_t> counter{0};
  return ++counter;
}

}  // namespace

Matcher::Matcher(std::size_t cache_limit)
    : m_en(Lang::en), m_de(Lang::de), m_cache(std::make_shared<WordCache>()) {
  m_cache->generation = next_cache_generation();
  m_cache->limit = std::max<std::size_t>(cache_limit, 1);
  m_cache->slots = 1;
}

Matcher::Matcher(ShareWordsWith share)
    : m_en(Lang::en), m_de(Lang::de), m_cache(share.other.m_cache), m_slot(m_cache->slots++) {}

void Matcher::add(std::string_view phrase, Lang lang, int tag) {
  const Stemmer& stemmer = lang == Lang::de ? m_de : m_en;
  Phrase p{std::string(phrase), lang, tag, {}, {}, {}};
  std::vector<std::string> w = words(phrase);
  for (const std::string& word : w) p.stems.push_back(stemmer.stem(word));
  if (w.size() == 1) p.word = w.front();
  if (p.stems.empty()) return;
  clear_cache();
  for (const std::string& stem : p.stems) {
    auto [it, added] = m_stem_ids.try_emplace(stem, static_cast<std::uint32_t>(m_stem_ids.size()));
    p.stem_ids.push_back(it->second);
  }
  std::size_t index = m_phrases.size();
  m_by_first_stem[lang == Lang::de ? 1 : 0][p.stems.front()].push_back(index);
  if (lang == Lang::de && p.stems.size() == 1) {
    m_compound_stem[p.stems.front()].push_back(index);
    m_compound_word[p.word].push_back(index);
    for (auto [lengths, key] : {std::pair{&m_compound_stem_lengths, &p.stems.front()},
                                std::pair{&m_compound_word_lengths, &p.word}}) {
      if (std::ranges::find(*lengths, key->size()) == lengths->end())
        lengths->push_back(key->size());
    }
  }
  m_phrases.push_back(std::move(p));
}

void Matcher::clear_cache_if_full() const {
  if (m_cache->words.size() >= m_cache->limit) clear_cache();
}

void Matcher::clear_cache() const {
  if (m_cache->words.empty()) return;
  m_cache->words.clear();
  m_cache->generation = next_cache_generation();
}

std::uint32_t Matcher::stem_id(std::string_view stem) const {
  auto it = m_stem_ids.find(stem);
  return it == m_stem_ids.end() ? k_no_stem : it->second;
}

Matcher::WordEntry& Matcher::entry(std::string_view word) const {
  auto it = m_cache->words.find(word);
  if (it == m_cache->words.end()) {
    it = m_cache->words.emplace(std::string(word), WordEntry{m_en.stem(word), m_de.stem(word), {}})
             .first;
  }
  return it->second;
}

Matcher::MatcherView& Matcher::view(WordEntry& e, const std::string& word) const {
  if (e.views.size() <= m_slot) e.views.resize(m_slot + 1);
  MatcherView& v = e.views[m_slot];
  if (!v.ready) {
    v.stem_id_en = stem_id(e.stem_en);
    v.stem_id_de = stem_id(e.stem_de);
    v.ends_blocker = std::ranges::find(m_blocker_last_words, word) != m_blocker_last_words.end();
    v.ready = true;
  }
  return v;
}

AnalyzedText Matcher::analyze(std::string_view text) const {
  AnalyzedText out;
  out.words.reserve(text.size() / 6 + 1);  // about one word per six bytes of prose
  analyze_into(text, out);
  return out;
}

void Matcher::analyze_into(std::string_view text, AnalyzedText& out) const {
  clear_cache_if_full();
  words_into(text, out.words);
  out.cache_entries.clear();
  out.cache_entries.reserve(out.words.size());
  for (const std::string& word : out.words) out.cache_entries.push_back(&entry(word));
  out.cache_generation = m_cache->generation;
}

const std::vector<const void*>& Matcher::entries_of(const AnalyzedText& text) const {
  if (text.cache_generation == m_cache->generation &&
      text.cache_entries.size() == text.words.size()) {
    return text.cache_entries;
  }
  m_lookup.clear();
  for (const std::string& word : text.words) m_lookup.push_back(&entry(word));
  return m_lookup;
}

namespace {

constexpr std::size_t k_min_compound_part = 4;  // bytes; shorter stems match whole words only

bool compound_match(const std::string& word_stem, const std::string& phrase_stem) {
  if (phrase_stem.size() < k_min_compound_part || word_stem.size() <= phrase_stem.size()) {
    return false;
  }
  return word_stem.ends_with(phrase_stem);
}

}  // namespace

void Matcher::add_compound_exception(std::string_view folded_word) {
  m_compound_exceptions.emplace_back(folded_word);
}

void Matcher::add_blocker(std::string_view phrase, std::size_t reach, std::uint32_t tags) {
  std::vector<std::string> w = words(phrase);
  if (w.empty()) return;
  clear_cache();
  if (std::ranges::find(m_blocker_last_words, w.back()) == m_blocker_last_words.end()) {
    m_blocker_last_words.push_back(w.back());
  }
  m_max_reach = std::max(m_max_reach, reach);
  m_blockers.push_back(Blocker{std::move(w), reach, tags});
}

template <class ViewOf>
bool Matcher::blocked(const AnalyzedText& text, std::size_t at, int tag,
                      const std::vector<std::pair<std::size_t, int>>& blocked_ends,
                      const ViewOf& view_of) const {
  const std::uint32_t bit = tag >= 0 && tag < 32 ? 1u << tag : 0u;
  const std::vector<std::string>& w = text.words;
  // A blocker ends at one of the words at - 1 - gap (gap <= its reach): none can when no such
  // word ends a blocker.
  bool may_block = false;
  for (std::size_t gap = 0; gap <= m_max_reach && gap < at && !may_block; ++gap) {
    may_block = view_of(at - 1 - gap).ends_blocker;
  }
  for (const Blocker& b :
       may_block ? std::span<const Blocker>(m_blockers) : std::span<const Blocker>()) {
    if (b.tags != ~0u && (b.tags & bit) == 0) continue;  // ~0u: every tag, 32 and up too
    const std::size_t n = b.words.size();
    for (std::size_t gap = 0; gap <= b.reach && n + gap <= at; ++gap) {
      if (std::equal(b.words.begin(), b.words.end(), w.begin() + static_cast<long>(at - gap - n)))
        return true;
    }
  }
  // "an Teamleiter und (der) Abteilungsleitung": a conjunction continues a blocked match (of
  // any tag: "the Team Lead and the Operations Manager" are both someone else's roles).
  if (blocked_ends.empty()) return false;
  auto is_any = [](const std::string& word, std::initializer_list<std::string_view> list) {
    return std::ranges::find(list, word) != list.end();
  };
  std::size_t k = at;
  if (k > 0 && is_any(w[k - 1], {"the", "der", "die", "den", "dem", "das"})) --k;
  if (k == 0 || !is_any(w[k - 1], {"and", "und", "or", "oder", "sowie"})) return false;
  return std::ranges::any_of(
      blocked_ends, [&](const std::pair<std::size_t, int>& e) { return e.first == k - 1; });
}

const std::vector<Matcher::Candidate>& Matcher::candidates(MatcherView& v, const WordEntry& e,
                                                           const std::string& word) const {
  if (v.has_candidates) return v.candidates;
  std::vector<Candidate> out;
  auto add = [&](const Index& map, std::string_view key, bool compound) {
    if (auto it = map.find(key); it != map.end()) {
      for (std::size_t phrase : it->second) out.push_back({phrase, compound});
    }
  };
  add(m_by_first_stem[0], e.stem_en, false);
  add(m_by_first_stem[1], e.stem_de, false);
  // German compound heads: the proper suffixes (at least k_min_compound_part bytes) of the
  // stem and of the folded word, of the lengths that some key has.
  struct Source {
    std::string_view text;
    const Index* index;
    const std::vector<std::size_t>* lengths;
  };
  for (const Source& source : {Source{e.stem_de, &m_compound_stem, &m_compound_stem_lengths},
                               Source{word, &m_compound_word, &m_compound_word_lengths}}) {
    for (std::size_t length : *source.lengths) {
      if (length < k_min_compound_part || length >= source.text.size()) continue;
      add(*source.index, source.text.substr(source.text.size() - length), true);
    }
  }
  v.candidates = std::move(out);
  v.has_candidates = true;
  return v.candidates;
}

std::vector<Matcher::Hit> Matcher::find(const AnalyzedText& text) const {
  std::vector<Hit> hits;
  find_into(text, hits);
  return hits;
}

void Matcher::find_into(const AnalyzedText& text, std::vector<Hit>& hits) const {
  clear_cache_if_full();
  hits.clear();
  // Each word's cache entry (its stems); valid until this call returns (the cache is cleared
  // only at the start of a call).
  const std::vector<const void*>& entries = entries_of(text);
  auto word_entry = [&](std::size_t i) -> WordEntry& {
    return *const_cast<WordEntry*>(static_cast<const WordEntry*>(entries[i]));
  };
  // This matcher's view of each word, looked up once (the entries stay where they are while
  // this call runs, and so do their views: a word's views are added to only on its first view).
  std::vector<MatcherView*>& views = m_views;
  views.clear();
  for (std::size_t i = 0; i < text.words.size(); ++i) {
    // The view is there and filled in for every word seen before by this matcher: no call.
    WordEntry& e = word_entry(i);
    MatcherView* v = m_slot < e.views.size() ? &e.views[m_slot] : nullptr;
    views.push_back(v != nullptr && v->ready ? v : &view(e, text.words[i]));
  }
  auto view_at = [&](std::size_t i) -> MatcherView& { return *views[i]; };
  // Candidates come from the indexes; each phrase counts once, at its first unblocked match.
  // Buffers kept between calls (this runs for every text of every résumé): 'done' is all
  // false between calls, 'found' empty.
  std::vector<std::pair<std::size_t, std::size_t>>& found = m_found;  // (phrase, word position)
  std::vector<char>& done = m_done;
  std::vector<std::pair<std::size_t, int>>& blocked_ends = m_blocked_ends;
  blocked_ends.clear();
  if (done.size() != m_phrases.size()) done.assign(m_phrases.size(), 0);
  auto try_at = [&](std::size_t phrase, std::size_t i, bool compound) {
    if (done[phrase]) return;
    const Phrase& p = m_phrases[phrase];
    const bool de = p.lang == Lang::de;
    auto stem = [&](std::size_t at) -> const std::string& {
      return de ? word_entry(at).stem_de : word_entry(at).stem_en;
    };
    auto stem_id_at = [&](std::size_t at) {
      return de ? view_at(at).stem_id_de : view_at(at).stem_id_en;
    };
    std::size_t n = p.stems.size();
    if (i + n > text.words.size()) return;
    bool match = true;
    for (std::size_t k = 0; k < n && match; ++k) match = stem_id_at(i + k) == p.stem_ids[k];
    if (!match && compound) {
      match = (compound_match(stem(i), p.stems[0]) || compound_match(text.words[i], p.word)) &&
              std::find(m_compound_exceptions.begin(), m_compound_exceptions.end(),
                        text.words[i]) == m_compound_exceptions.end();
    }
    if (!match) return;
    if (blocked(text, i, p.tag, blocked_ends, view_at)) {
      blocked_ends.emplace_back(i + n, p.tag);
      return;
    }
    done[phrase] = 1;
    found.emplace_back(phrase, i);
  };
  for (std::size_t i = 0; i < text.words.size(); ++i) {
    MatcherView& v = view_at(i);
    const std::vector<Candidate>& list =
        v.has_candidates ? v.candidates : candidates(v, word_entry(i), text.words[i]);
    for (const Candidate& c : list) {
      try_at(c.phrase, i, c.compound);
    }
  }
  if (found.size() > 1) std::ranges::sort(found);  // most texts match one phrase or none
  hits.reserve(found.size());
  for (const auto& [phrase, i] : found) {
    const Phrase& p = m_phrases[phrase];
    std::string matched;
    for (std::size_t k = 0; k < p.stems.size(); ++k) {
      if (k > 0) matched += ' ';
      matched += text.words[i + k];
    }
    hits.push_back(Hit{p.tag, p.text, std::move(matched)});
    done[phrase] = 0;
  }
  found.clear();
}

}  // namespace ccteam::text
