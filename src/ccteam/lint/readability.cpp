#include "ccteam/lint/readability.hpp"

#include <string>

namespace ccteam::lint {

namespace {

bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A letter of a word: ASCII letters and any multi-byte UTF-8 sequence (umlauts, ß, accents).
// Returns the byte length of the letter at text[i], or 0 when it is not one.
std::size_t letter_at(std::string_view text, std::size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  if (is_ascii_letter(c)) return 1;
  if (c < 0xC0) return 0;
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  if (i + n > text.size()) return 0;
  // U+0080-U+00BF (no-break space, §, «) and the 0xE2 block (€, –, “, …) are signs.
  if (c == 0xC2 || c == 0xE2) return 0;
  return n;
}

// 'c' and, for German, the umlauts (UTF-8 C3 A4/B6/BC and C3 84/96/9C) are vowels.
bool vowel_at(std::string_view w, std::size_t i, Lang lang, std::size_t& length) {
  length = 1;
  auto c = static_cast<unsigned char>(w[i]);
  if (c < 0x80) {
    char l = static_cast<char>(c | 0x20);
    return l == 'a' || l == 'e' || l == 'i' || l == 'o' || l == 'u' || l == 'y';
  }
  if (c == 0xC3 && i + 1 < w.size()) {
    length = 2;
    auto d = static_cast<unsigned char>(w[i + 1]);
    if (lang == Lang::de)
      return d == 0xA4 || d == 0xB6 || d == 0xBC || d == 0x84 || d == 0x96 || d == 0x9C;
    return false;
  }
  length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  return false;
}

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c; }

}  // namespace

int count_syllables(std::string_view word, Lang lang) {
  int groups = 0;
  bool in_group = false;
  for (std::size_t i = 0; i < word.size();) {
    std::size_t length = 1;
    bool vowel = vowel_at(word, i, lang, length);
    if (vowel && !in_group) ++groups;
    in_group = vowel;
    i += length;
  }
  if (lang == Lang::en && groups > 1 && word.size() >= 2 && lower_ascii(word.back()) == 'e') {
    // "make", "mate": silent final e. "table", "people": "-le" after a consonant is a syllable.
    char before = lower_ascii(word[word.size() - 2]);
    bool consonant_le = before == 'l' && word.size() >= 3 &&
                        std::string_view("aeiouy").find(lower_ascii(word[word.size() - 3])) ==
                            std::string_view::npos;
    std::size_t unused = 0;
    bool vowel_before = vowel_at(word, word.size() - 2, lang, unused);
    if (!consonant_le && !vowel_before) --groups;
  }
  return groups < 1 ? 1 : groups;
}

TextStats text_stats(const PostingText& text, Lang lang) {
  TextStats stats;
  for (const TextLine& line : text.lines) {
    const std::string& t = line.text;
    int words_in_sentence = 0;
    for (std::size_t i = 0; i < t.size();) {
      std::size_t n = letter_at(t, i);
      if (n == 0) {
        bool end =
            (t[i] == '.' || t[i] == '!' || t[i] == '?') && (i + 1 == t.size() || t[i + 1] == ' ');
        if (end && words_in_sentence > 0) {
          ++stats.sentences;
          words_in_sentence = 0;
        }
        ++i;
        continue;
      }
      std::size_t start = i;
      while (i < t.size()) {
        std::size_t m = letter_at(t, i);
        if (m > 0) {
          i += m;
          continue;
        }
        // Joiners inside a word: Kund*innen, Kund:innen, full-time, don't.
        bool joiner = (t[i] == '*' || t[i] == ':' || t[i] == '_' || t[i] == '-' || t[i] == '\'') &&
                      i + 1 < t.size() && letter_at(t, i + 1) > 0;
        if (!joiner) break;
        ++i;
      }
      // A run of letters directly after a digit ("3x", "2te") is not a word of prose.
      if (start > 0 && t[start - 1] >= '0' && t[start - 1] <= '9') continue;
      ++stats.words;
      ++words_in_sentence;
      stats.syllables += count_syllables(std::string_view(t).substr(start, i - start), lang);
    }
    if (words_in_sentence > 0) ++stats.sentences;
  }
  return stats;
}

double reading_ease(const TextStats& stats, Lang lang) {
  if (stats.words <= 0 || stats.sentences <= 0) return 0.0;
  double asl = static_cast<double>(stats.words) / stats.sentences;
  double asw = static_cast<double>(stats.syllables) / stats.words;
  if (lang == Lang::de) return 180.0 - asl - 58.5 * asw;
  return 206.835 - 1.015 * asl - 84.6 * asw;
}

}  // namespace ccteam::lint
