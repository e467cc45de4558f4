#pragma once
// The one place where ccteam turns free text (résumés, catalog synonyms) into comparable words.
//
// Pipeline, in this order (each step is a public function so tests can check it alone):
//   1. fold_gendered_forms: German gender-inclusive spellings to the base form
//      ("Mitarbeiter*innen", "Kund:innen", "Kund_innen", "KundInnen", "Berater/-innen" ->
//      "Mitarbeiter", "Kund", ...). Snowball does not strip these (its German stemmer treats
//      "-in"/"-innen" as part of the word), so they are folded first. Case-sensitive, because
//      the "Binnen-I" form (KundInnen) is recognised by its capital I.
//   2. fold: Unicode NFC normalisation and full case folding by ICU (Unicode Standard, ch. 3.13
//      "Default Case Folding"; "Straße" -> "strasse", "FLIESSEND" == "fließend").
//   3. words: runs of letters and digits (ICU character properties); everything else separates.
//   4. strip_feminine_suffix: the German feminine derivation "-in"/"-innen" on person nouns
//      ("Kundenberaterin" -> "kundenberater", "Werkstudentin" -> "werkstudent"), limited to
//      endings that mark a person ("-erin", "-entin", "-antin", "-istin", "-eurin", "-orin"
//      as in "Supervisorin", "-ogin", "-atin", "-kundin", "-kollegin", "-beamtin") so words
//      such as "Disziplin" or "Termin" keep their ending.
// Stemming (Snowball) follows in text/matcher.hpp. Pure functions, thread-safe.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ccteam::text {

// The code point that starts at byte 'offset' of 'utf8' (decoded by ICU's U8_NEXT), with
// 'offset' moved past it; a negative value for an ill-formed sequence (Unicode ch. 3.9), with
// 'offset' moved past its maximal bad prefix. 'offset' < utf8.size() on entry; 'utf8' at most
// 2 GiB (ICU's int32 offsets).
std::int32_t next_code_point(std::string_view utf8, std::int32_t& offset);

// Step 1. Input and output UTF-8; invalid UTF-8 is passed through unchanged.
std::string fold_gendered_forms(std::string_view utf8);

// Step 2. NFC + default full case folding. Invalid UTF-8 sequences become U+FFFD.
std::string fold(std::string_view utf8);

// Step 2, remembering where each byte came from, for tools that report positions in the
// original (the posting linter's line:column). 'text' equals fold(utf8); origin[i] is the byte
// offset in 'utf8' of the character that text[i] came from: the start of its NFC segment (a
// base letter with its combining marks), so "Straße" -> "strasse" maps both "s" of "ss" to
// the offset of "ß". ASCII-only input takes no ICU call (origin[i] == i).
struct FoldedText {
  std::string text;
  std::vector<std::uint32_t> origin;  // text.size() entries

  // The offset in the original of folded byte 'i'; 'original_size' for i == text.size().
  std::size_t origin_of(std::size_t i, std::size_t original_size) const {
    return i < origin.size() ? origin[i] : original_size;
  }
};
FoldedText fold_with_origin(std::string_view utf8);

// Step 4 on one folded word.
std::string strip_feminine_suffix(std::string word);

// Steps 1-4: the folded words of 'utf8', in order.
std::vector<std::string> words(std::string_view utf8);
// The same into 'out' (replacing what it held), reusing its strings and their capacity: for
// callers that analyse text after text (screening).
void words_into(std::string_view utf8, std::vector<std::string>& out);

// True when 'utf8' holds no letter or digit at all (empty, blank, punctuation only).
bool is_blank(std::string_view utf8);

}  // namespace ccteam::text
