#pragma once
// Reading ease of a posting: Flesch Reading Ease for English and Amstad's German adaptation of
// it, on one 0-100 scale (higher is easier; below 30 very hard, above 70 easy). Pure.
//
//   English (Flesch 1948, "A new readability yardstick", Journal of Applied Psychology 32(3),
//   221-233):             FRE    = 206.835 - 1.015 * ASL - 84.6 * ASW
//   German (Amstad 1978, "Wie verständlich sind unsere Zeitungen?", Dissertation, Universität
//   Zürich):              FRE_de = 180 - ASL - 58.5 * ASW
// with ASL the mean sentence length in words and ASW the mean number of syllables per word.
//
// What counts (our choices, documented in docs/posting-lint.md):
//   - a word is a run of letters (digits, '€' and '$' amounts are not words); "Kund*innen" and
//     "full-time" are one word;
//   - a sentence ends at '.', '!' or '?' followed by a space or the end of the line, and at the
//     end of every line that holds words (bullets and headings are sentences of their own);
//   - syllables are counted by vowel groups, not by dictionary: each run of vowels (a e i o u y,
//     in German also ä ö ü) is one syllable, at least one per word. English drops a final silent
//     "e" ("make" 1, "people" 2: "-le" after a consonant stays). Known limits: vowels that meet
//     across syllables ("Theater", "create") count once, so scores are slightly too high.

#include <string_view>

#include "ccteam/core/lang.hpp"
#include "ccteam/lint/text.hpp"

namespace ccteam::lint {

struct TextStats {
  int sentences = 0;
  int words = 0;
  int syllables = 0;
};

// Syllables of one word (UTF-8, any case) by the vowel-group rule above; at least 1.
int count_syllables(std::string_view word, Lang lang);

// Sentences, words and syllables of the posting's text.
TextStats text_stats(const PostingText& text, Lang lang);

// The reading ease of 'stats' in 'lang' by the formula above. Requires words > 0 and
// sentences > 0; returns 0 otherwise. Not clamped: very hard text scores below 0.
double reading_ease(const TextStats& stats, Lang lang);

}  // namespace ccteam::lint
