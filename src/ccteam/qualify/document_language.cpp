#include "ccteam/qualify/document_language.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace ccteam::qualify {

namespace {

// Folded function words (text::words folds case and umlauts stay as they are).
constexpr std::string_view k_german[] = {
    "und",  "der",  "die",  "das",  "den", "dem", "des",   "mit", "für",   "von",  "zu",
    "zur",  "zum",  "im",   "am",   "bei", "ich", "sowie", "auf", "ein",   "eine", "einen",
    "nach", "über", "sich", "ihre", "wir", "pro", "vom",   "bis", "durch", "oder", "nicht"};
constexpr std::string_view k_english[] = {
    "and",  "the", "of",  "with", "for", "to",    "on",   "at",    "i",    "my",
    "a",    "an",  "as",  "by",   "our", "their", "from", "about", "into", "was",
    "were", "is",  "are", "or",   "not", "most",  "them", "per",   "they", "we"};

// Every word of both lists fits into 8 bytes ("sowie", "über", "their" are the longest): a word
// is compared as one integer of its bytes (packed), and longer words are in neither list.
constexpr std::size_t k_longest = 8;

constexpr std::uint64_t packed(std::string_view word) {
  std::uint64_t out = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    out |= std::uint64_t{static_cast<unsigned char>(word[i])} << (8 * i);
  }
  return out;
}

// A list's words packed and sorted, for a binary search.
template <std::size_t N>
constexpr std::array<std::uint64_t, N> packed_list(const std::string_view (&list)[N]) {
  std::array<std::uint64_t, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = packed(list[i]);
  std::ranges::sort(out);
  return out;
}

constexpr bool fits(std::span<const std::string_view> list) {
  return std::ranges::all_of(
      list, [](std::string_view w) { return !w.empty() && w.size() <= k_longest; });
}
static_assert(fits(k_german) && fits(k_english));

constexpr auto k_german_packed = packed_list(k_german);
constexpr auto k_english_packed = packed_list(k_english);

bool in(std::span<const std::uint64_t> sorted, std::uint64_t word) {
  return std::ranges::binary_search(sorted, word);
}

}  // namespace

std::optional<std::string> document_language(
    const std::vector<std::vector<text::AnalyzedText>>& work_texts,
    const text::AnalyzedText& summary) {
  int german = 0;
  int english = 0;
  auto count = [&](const text::AnalyzedText& text) {
    for (const std::string& word : text.words) {
      if (word.empty() || word.size() > k_longest) continue;
      const std::uint64_t key = packed(word);
      if (in(k_german_packed, key)) ++german;
      if (in(k_english_packed, key)) ++english;
    }
  };
  count(summary);
  for (const auto& job : work_texts) {
    for (const text::AnalyzedText& text : job) count(text);
  }
  auto wins = [](int a, int b) { return (a >= 2 && b == 0) || (a >= 3 && a >= 2 * b); };
  if (wins(german, english)) return "de";
  if (wins(english, german)) return "en";
  return std::nullopt;
}

}  // namespace ccteam::qualify
