#pragma once
// "Did you mean ...?": the known word nearest to a misspelt one, by edit distance. Used for
// unknown YAML keys and values (io/base/yaml_reader) and unknown role ids in a catalog
// (catalog/catalog.cpp). Pure functions, thread-safe.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ccteam {

// The Levenshtein distance of 'a' and 'b' (V. I. Levenshtein 1966, Binary codes capable of
// correcting deletions, insertions and reversals): the fewest single-byte insertions, deletions
// and substitutions that turn one into the other. edit_distance("kitten", "sitting") == 3.
// Bytes, not characters: a changed 'ä' counts 2. Time O(|a|·|b|), memory O(|b|).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The largest distance at which a candidate still counts as a likely typo of 'word': a third
// of its length, and at least 2 (so that one transposition qualifies).
std::size_t typo_distance(std::string_view word);

// The candidate nearest to 'word' by edit_distance, if within typo_distance(word); of equally
// near ones the first. 'candidates' is any range of things convertible to std::string_view.
template <class Range>
std::optional<std::string> nearest_word(std::string_view word, const Range& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = typo_distance(word) + 1;
  for (const auto& candidate : candidates) {
    std::string_view c = candidate;
    std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(c);
    }
  }
  return best;
}

}  // namespace ccteam
