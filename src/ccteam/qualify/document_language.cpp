#include "ccteam/qualify/document_language.hpp"

#include <algorithm>
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

bool in(std::span<const std::string_view> list, const std::string& word) {
  return std::ranges::find(list, word) != list.end();
}

}  // namespace

std::optional<std::string> document_language(
    const std::vector<std::vector<text::AnalyzedText>>& work_texts) {
  int german = 0;
  int english = 0;
  for (const auto& job : work_texts) {
    for (const text::AnalyzedText& text : job) {
      for (const std::string& word : text.words) {
        if (in(k_german, word)) ++german;
        if (in(k_english, word)) ++english;
      }
    }
  }
  auto wins = [](int a, int b) { return (a >= 2 && b == 0) || (a >= 3 && a >= 2 * b); };
  if (wins(german, english)) return "de";
  if (wins(english, german)) return "en";
  return std::nullopt;
}

}  // namespace ccteam::qualify
