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

// Both lists' words packed, each with its language (no word is in both lists), in an
// open-addressing table: one multiply and usually one probe per word of the text.
struct FunctionWord {
  std::uint64_t packed = 0;  // 0: an empty slot (no word packs to 0)
  bool german = false;
};
constexpr std::size_t k_table_bits = 7;
constexpr std::size_t k_table_size = std::size_t{1} << k_table_bits;
static_assert(std::size(k_german) + std::size(k_english) <= k_table_size / 2);

constexpr std::size_t slot_of(std::uint64_t packed_word) {
  return static_cast<std::size_t>((packed_word * 0x9E3779B97F4A7C15ull) >> (64 - k_table_bits));
}

constexpr std::array<FunctionWord, k_table_size> function_words() {
  std::array<FunctionWord, k_table_size> out{};
  auto add = [&](std::string_view w, bool german) {
    std::size_t slot = slot_of(packed(w));
    while (out[slot].packed != 0) slot = (slot + 1) % k_table_size;
    out[slot] = {packed(w), german};
  };
  for (std::string_view w : k_german) add(w, true);
  for (std::string_view w : k_english) add(w, false);
  return out;
}
constexpr auto k_function_word_table = function_words();

// The entry of 'packed_word' in the table, or null.
constexpr const FunctionWord* find_function_word(std::uint64_t packed_word) {
  for (std::size_t slot = slot_of(packed_word);; slot = (slot + 1) % k_table_size) {
    const FunctionWord& entry = k_function_word_table[slot];
    if (entry.packed == packed_word) return &entry;
    if (entry.packed == 0) return nullptr;
  }
}

constexpr bool all_found() {
  for (std::string_view w : k_german) {
    if (find_function_word(packed(w)) == nullptr || !find_function_word(packed(w))->german)
      return false;
  }
  for (std::string_view w : k_english) {
    if (find_function_word(packed(w)) == nullptr || find_function_word(packed(w))->german)
      return false;
  }
  return true;
}
static_assert(all_found(), "a word in both lists");

}  // namespace

std::optional<std::string> document_language(
    const std::vector<std::vector<text::AnalyzedText>>& work_texts,
    const text::AnalyzedText& summary) {
  int german = 0;
  int english = 0;
  auto count = [&](const text::AnalyzedText& text) {
    for (const std::string& word : text.words) {
      if (word.empty() || word.size() > k_longest) continue;
      const FunctionWord* entry = find_function_word(packed(word));
      if (entry == nullptr) continue;
      ++(entry->german ? german : english);
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
