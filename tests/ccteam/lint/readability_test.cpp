#include "ccteam/lint/readability.hpp"

#include <gtest/gtest.h>

#include "io/posting/posting_text.hpp"

namespace ccteam::lint {
namespace {

// Syllables by the vowel-group rule of readability.hpp, counted by hand (dictionary hyphenation
// in brackets where it agrees).
TEST(Readability, CountsSyllablesByVowelGroups) {
  EXPECT_EQ(count_syllables("cat", Lang::en), 1);
  EXPECT_EQ(count_syllables("make", Lang::en), 1);            // silent final e
  EXPECT_EQ(count_syllables("the", Lang::en), 1);             // a lone vowel group stays
  EXPECT_EQ(count_syllables("free", Lang::en), 1);            // "ee" is one group, not a silent e
  EXPECT_EQ(count_syllables("people", Lang::en), 2);          // peo-ple: "-le" after a consonant
  EXPECT_EQ(count_syllables("table", Lang::en), 2);           // ta-ble
  EXPECT_EQ(count_syllables("every", Lang::en), 3);           // ev-er-y
  EXPECT_EQ(count_syllables("Organizational", Lang::en), 6);  // or-gan-i-za-tion-al
  EXPECT_EQ(count_syllables("responsibilities", Lang::en), 6);
  EXPECT_EQ(count_syllables("läuft", Lang::de), 1);             // "äu" one group
  EXPECT_EQ(count_syllables("Katze", Lang::de), 2);             // Kat-ze: no silent e in German
  EXPECT_EQ(count_syllables("Berücksichtigung", Lang::de), 5);  // Be-rück-sich-ti-gung
  EXPECT_EQ(count_syllables("Verantwortungsbewusstsein", Lang::de), 7);
  EXPECT_EQ(count_syllables("Kund*innen", Lang::de), 3);
  EXPECT_EQ(count_syllables("nth", Lang::en), 1);  // at least one per word
}

TEST(Readability, CountsWordsAndSentencesPerLineAndStop) {
  // Line 1: two sentences; line 2 (a bullet without a stop) one; "3.000 €" is no word.
  auto stats =
      text_stats(io::read_posting_text("Wir helfen. Du auch!\n- 3.000 € im Monat\n"), Lang::de);
  EXPECT_EQ(stats.sentences, 3);
  EXPECT_EQ(stats.words, 6);      // Wir helfen Du auch im Monat
  EXPECT_EQ(stats.syllables, 8);  // Wir 1, hel-fen 2, Du 1, auch 1, im 1, Mo-nat 2
}

// Flesch (1948): 206.835 - 1.015 * ASL - 84.6 * ASW, by hand:
//   "The cat sat on the mat." 6 words, 1 sentence, 6 syllables:
//   206.835 - 1.015 * 6 - 84.6 * 1 = 116.145
//   "We answer calls and help people every day." 8 words, 12 syllables (an-swer, peo-ple,
//   ev-er-y): 206.835 - 8.12 - 84.6 * 1.5 = 71.815
TEST(Readability, FleschReadingEaseByHand) {
  auto ease = [](const char* text) {
    return reading_ease(text_stats(io::read_posting_text(text), Lang::en), Lang::en);
  };
  EXPECT_NEAR(ease("The cat sat on the mat.\n"), 116.145, 1e-9);
  EXPECT_NEAR(ease("We answer calls and help people every day.\n"), 71.815, 1e-9);
}

// Amstad (1978): 180 - ASL - 58.5 * ASW, by hand:
//   "Der Hund läuft schnell. Die Katze schläft." 7 words, 2 sentences, 8 syllables:
//   180 - 3.5 - 58.5 * 8/7 = 109.642857...
//   "Wir nehmen Anrufe an und helfen Kunden." 7 words, 12 syllables (neh-men, An-ru-fe,
//   hel-fen, Kun-den): 180 - 7 - 58.5 * 12/7 = 72.714285...
TEST(Readability, AmstadReadingEaseByHand) {
  auto ease = [](const char* text) {
    return reading_ease(text_stats(io::read_posting_text(text), Lang::de), Lang::de);
  };
  EXPECT_NEAR(ease("Der Hund läuft schnell. Die Katze schläft.\n"), 180 - 3.5 - 58.5 * 8 / 7, 1e-9);
  EXPECT_NEAR(ease("Wir nehmen Anrufe an und helfen Kunden.\n"), 180 - 7 - 58.5 * 12 / 7, 1e-9);
}

TEST(Readability, EmptyTextScoresZero) { EXPECT_EQ(reading_ease(TextStats{}, Lang::en), 0.0); }

}  // namespace
}  // namespace ccteam::lint
