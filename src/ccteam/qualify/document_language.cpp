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

constexpr bool fits(std::span<const std::string_view> list) {
  return std::ranges::all_of(
      list, [](std::string_view w) { return !w.empty() && w.size() <= k_longest; });
}
static_assert(fits(k_german) && fits(k_english));

// Both lists' words packed, sorted, each with its language (no word is in both lists), for one
// binary search per word.
struct FunctionWord {
  std::uint64_t packed;
  bool german;
};
constexpr std::size_t k_function_words = std::size(k_german) + std::size(k_english);

constexpr std::array<FunctionWord, k_function_words> function_words() {
  std::array<FunctionWord, k_function_words> out{};
  std::size_t n = 0;
  for (std::string_view w : k_german) out[n++] = {packed(w), true};
  for (std::string_view w : k_english) out[n++] = {packed(w), false};
  std::ranges::sort(out, {}, &FunctionWord::packed);
  return out;
}
constexpr auto k_function_word_table = function_words();

constexpr bool distinct(const std::array<FunctionWord, k_function_words>& sorted) {
  for (std::size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i].packed == sorted[i - 1].packed) return false;
  }
  return true;
}
static_assert(distinct(k_function_word_table), "a word in both lists, or twice in one");

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
      auto it = std::ranges::lower_bound(k_function_word_table, key, {}, &FunctionWord::packed);
      if (it == k_function_word_table.end() || it->packed != key) continue;
      ++(it->german ? german : english);
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
