// Text normalisation: gender folding, ICU folding, words, feminine suffixes. Expected values
// are the German words as a dictionary writes them (Duden: Kundenberater, Mitarbeiter, Kunde).
#include "ccteam/text/normalize.hpp"

#include <gtest/gtest.h>
#include <unicode/stringoptions.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace ccteam::text {
namespace {

TEST(FoldGenderedForms, FoldsEveryGenderInclusiveSpelling) {
  EXPECT_EQ(fold_gendered_forms("Mitarbeiter*innen"), "Mitarbeiter");
  EXPECT_EQ(fold_gendered_forms("Kund:innen"), "Kund");
  EXPECT_EQ(fold_gendered_forms("Kund_innen"), "Kund");
  EXPECT_EQ(fold_gendered_forms("KundInnen"), "Kund");
  EXPECT_EQ(fold_gendered_forms("Berater/-innen und Berater/innen"), "Berater und Berater");
  EXPECT_EQ(fold_gendered_forms("Kundenberater*in Inbound"), "Kundenberater Inbound");
  EXPECT_EQ(fold_gendered_forms("BeraterIn"), "Berater");
}

TEST(FoldGenderedForms, LeavesOtherWordsAlone) {
  EXPECT_EQ(fold_gendered_forms("LinkedIn"), "LinkedIn");
  EXPECT_EQ(fold_gendered_forms("Innenstadt"), "Innenstadt");
  EXPECT_EQ(fold_gendered_forms("A/B testing"), "A/B testing");
  EXPECT_EQ(fold_gendered_forms("Innen- und Außendienst"), "Innen- und Außendienst");
}

TEST(Fold, NfcAndFullCaseFolding) {
  EXPECT_EQ(fold("FLIESSEND"), fold("fließend"));  // ß folds to ss (Unicode CaseFolding.txt)
  EXPECT_EQ(fold("Straße"), "strasse");
  // U+0075 U+0308 (u + combining diaeresis) is NFC-composed to U+00FC.
  EXPECT_EQ(fold("Fu\xCC\x88hrung"), "f\xC3\xBChrung");
}

TEST(Fold, FullFoldingEntriesOfCaseFoldingTxt) {
  // Unicode 15 CaseFolding.txt: "FB01; F; 0066 0069" (the fi ligature), "0130; F; 0069 0307"
  // (capital I with dot), "03A3; C; 03C3" (sigma); NormalizationTest: U+212B ANGSTROM SIGN
  // is NFC U+00C5, which folds to U+00E5.
  EXPECT_EQ(fold("\xEF\xAC\x81le"), "file");
  EXPECT_EQ(fold("\xC4\xB0stanbul"), "i\xCC\x87stanbul");
  EXPECT_EQ(fold("\xCE\x9F\xCE\x94\xCE\x9F\xCE\xA3"), "\xCE\xBF\xCE\xB4\xCE\xBF\xCF\x83");
  EXPECT_EQ(fold("\xE2\x84\xAB"), "\xC3\xA5");
}

TEST(Fold, LatinOneSupplementAgreesWithIcu) {
  // fold() folds text of ASCII and U+0080..U+00FF without ICU; for every character of the
  // block (after a capital A, which must fold too) the result must be ICU's: NFC, then full
  // case folding (Unicode CaseFolding.txt).
  for (UChar32 c = 0x80; c <= 0xFF; ++c) {
    icu::UnicodeString text("A");
    text.append(c);
    text.foldCase(U_FOLD_CASE_DEFAULT);
    std::string expected;
    text.toUTF8String(expected);
    std::string input = "A";
    icu::UnicodeString(c).toUTF8String(input);
    EXPECT_EQ(fold(input), expected) << "U+" << std::hex << c;
  }
  EXPECT_EQ(fold("\xC3\x84RGER \xC3\x9F \xC2\xB5"), "\xC3\xA4rger ss \xCE\xBC");  // ÄRGER ß µ
}

TEST(Fold, IllFormedUtf8BecomesReplacementCharacters) {
  // A 0xFF byte is never UTF-8: it reads as U+FFFD (EF BF BD), which is no letter, and the
  // rest is folded as usual.
  EXPECT_EQ(fold("a\xFF"
                 "B"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(words("Gr\xC3\xB6\xC3\x9F"
                  "e\xFF"
                  "Team"),
            (std::vector<std::string>{"gr\xC3\xB6sse", "team"}));
}

TEST(StripFeminineSuffix, PersonNounsOnly) {
  EXPECT_EQ(strip_feminine_suffix("kundenberaterin"), "kundenberater");
  EXPECT_EQ(strip_feminine_suffix("mitarbeiterinnen"), "mitarbeiter");
  EXPECT_EQ(strip_feminine_suffix("werkstudentin"), "werkstudent");
  EXPECT_EQ(strip_feminine_suffix("kundin"), "kund");
  EXPECT_EQ(strip_feminine_suffix("kolleginnen"), "kolleg");
  EXPECT_EQ(strip_feminine_suffix("disziplin"), "disziplin");
  EXPECT_EQ(strip_feminine_suffix("termin"), "termin");
  EXPECT_EQ(strip_feminine_suffix("berlin"), "berlin");
}

TEST(Words, WholePipeline) {
  EXPECT_EQ(words("Kundenberaterin (Inbound), Team-Leiterin"),
            (std::vector<std::string>{"kundenberater", "inbound", "team", "leiter"}));
  EXPECT_EQ(words("Führung von 15 Mitarbeiter*innen"),
            (std::vector<std::string>{"führung", "von", "15", "mitarbeiter"}));
  EXPECT_TRUE(words("  --  ").empty());
}

TEST(Words, AsciiFastPathAgreesWithIcu) {
  // Pure ASCII skips ICU, and so does text of ASCII and Latin-1 letters; the same words must
  // come out as through ICU, which the last text forces by one character outside U+0000..U+00FF
  // (U+0151) at the end.
  auto ascii = words("Team-LEADER, Call Centre 24/7; BeraterInnen");
  auto latin1 = words("Team-LEADER, Call Centre 24/7; BeraterInnen \u00e4");
  auto icu = words("Team-LEADER, Call Centre 24/7; BeraterInnen \u0151");
  latin1.pop_back();
  icu.pop_back();
  EXPECT_EQ(ascii, icu);
  EXPECT_EQ(latin1, icu);
  EXPECT_EQ(ascii,
            (std::vector<std::string>{"team", "leader", "call", "centre", "24", "7", "berater"}));
}

TEST(Words, IntoReusedVectorReplacesItsContent) {
  // words_into reuses the vector's strings: longer earlier words must not leave bytes behind,
  // and a shorter text must leave no extra words.
  std::vector<std::string> out{"previouslylongword", "x", "y", "z"};
  words_into("Kundenberaterin Inbound", out);
  EXPECT_EQ(out, (std::vector<std::string>{"kundenberater", "inbound"}));
  words_into("Größe", out);  // the Latin-1 path: ß folds to ss, ö stays
  EXPECT_EQ(out, std::vector<std::string>{"grösse"});
  words_into("", out);
  EXPECT_TRUE(out.empty());
}

// The words of 'utf8' as ICU makes them: NFC, full case folding, runs of u_isalnum code points,
// feminine suffixes stripped (the pipeline of normalize.hpp without its fast paths).
std::vector<std::string> icu_words(const std::string& utf8) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  text.foldCase(U_FOLD_CASE_DEFAULT);  // the texts below are NFC already
  std::vector<std::string> out;
  std::string word;
  auto end_word = [&] {
    if (!word.empty()) out.push_back(strip_feminine_suffix(word));
    word.clear();
  };
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if (u_isalnum(c) == 0) {
      end_word();
      continue;
    }
    icu::UnicodeString(c).toUTF8String(word);
  }
  end_word();
  return out;
}

TEST(Words, LatinOnePathAgreesWithIcuForEveryCharacter) {
  // Text of ASCII and U+0080..U+00FF is folded and split in one pass without ICU; every
  // character of the block, inside a word, at its start and end and alone, must give ICU's
  // words (µ is a letter once folded to μ, ß two letters, ² and ¼ no digits, × and « separate).
  for (UChar32 c = 0x80; c <= 0xFF; ++c) {
    std::string ch;
    icu::UnicodeString(c).toUTF8String(ch);
    const std::string text = "Kund" + ch + "enberaterin " + ch + "AB " + ch + " Xy" + ch;
    EXPECT_EQ(words(text), icu_words(text)) << "U+" << std::hex << c;
  }
  EXPECT_EQ(words("Teamleiterin Kundenservice, Ausbildung zur Kauffrau für Büromanagement"),
            icu_words("Teamleiterin Kundenservice, Ausbildung zur Kauffrau für Büromanagement"));
}

TEST(Words, CapitalIIsAMarkerOnlyAfterALowerCaseLetter) {
  EXPECT_EQ(words("Inbound Innen"), (std::vector<std::string>{"inbound", "innen"}));
  EXPECT_EQ(words("BeraterInnen Inbound"), (std::vector<std::string>{"berater", "inbound"}));
}

TEST(IsBlank, OnlyLettersAndDigitsCount) {
  EXPECT_TRUE(is_blank(""));
  EXPECT_TRUE(is_blank(" \t\n"));
  EXPECT_TRUE(is_blank("- / ."));
  EXPECT_FALSE(is_blank("Ä"));
  EXPECT_FALSE(is_blank("7"));
}

}  // namespace
}  // namespace ccteam::text

namespace ccteam::text {
namespace {

// fold_with_origin gives fold()'s text, and for each byte the offset of its character in the
// original: "ẞ" (3 bytes) -> "ss", "u" + U+0308 -> "ü" (NFC), both mapped to their start.
TEST(FoldWithOrigin, SameTextAsFoldWithOffsetsIntoTheOriginal) {
  for (std::string_view s :
       {"Straße", "GROẞE Kund*innen", "Mu\u0308ller", "plain ASCII", "", "Ä\u0301x"}) {
    EXPECT_EQ(fold_with_origin(s).text, fold(s)) << s;
    EXPECT_EQ(fold_with_origin(s).origin.size(), fold(s).size()) << s;
  }
  FoldedText f = fold_with_origin("AẞB");  // A(0) ẞ(1..3) B(4)
  EXPECT_EQ(f.text, "assb");
  EXPECT_EQ(f.origin, (std::vector<std::uint32_t>{0, 1, 1, 4}));
  FoldedText m = fold_with_origin("Mu\u0308l");  // M(0) u(1) U+0308(2..3) l(4)
  EXPECT_EQ(m.text, "m\xC3\xBCl");
  EXPECT_EQ(m.origin, (std::vector<std::uint32_t>{0, 1, 1, 4}));
  EXPECT_EQ(m.origin_of(4, 5), 5u);  // one past the end maps to the original's size
}

}  // namespace
}  // namespace ccteam::text
