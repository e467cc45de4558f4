// Text normalisation: gender folding, ICU folding, words, feminine suffixes. Expected values
// are the German words as a dictionary writes them (Duden: Kundenberater, Mitarbeiter, Kunde).
#include "ccteam/text/normalize.hpp"

#include <gtest/gtest.h>

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
  // Pure ASCII skips ICU; the same words must come out as through ICU, which the second text
  // forces by one non-ASCII character at the end.
  auto ascii = words("Team-LEADER, Call Centre 24/7; BeraterInnen");
  auto icu = words("Team-LEADER, Call Centre 24/7; BeraterInnen \u00e4");
  icu.pop_back();
  EXPECT_EQ(ascii, icu);
  EXPECT_EQ(ascii,
            (std::vector<std::string>{"team", "leader", "call", "centre", "24", "7", "berater"}));
}

TEST(Words, IntoReusedVectorReplacesItsContent) {
  // words_into reuses the vector's strings: longer earlier words must not leave bytes behind,
  // and a shorter text must leave no extra words.
  std::vector<std::string> out{"previouslylongword", "x", "y", "z"};
  words_into("Kundenberaterin Inbound", out);
  EXPECT_EQ(out, (std::vector<std::string>{"kundenberater", "inbound"}));
  words_into("Größe", out);  // the ICU path: ß folds to ss, ö stays
  EXPECT_EQ(out, std::vector<std::string>{"grösse"});
  words_into("", out);
  EXPECT_TRUE(out.empty());
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
