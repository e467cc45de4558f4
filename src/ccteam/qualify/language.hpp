#pragma once
// Languages a person names, to ISO 639-1 codes and CEFR levels (Council of Europe 2001,
// "Common European Framework of Reference for Languages", A1-C2).
//
// Language names: ICU's display names of every ISO 639 language in English and German
// ("German", "Deutsch", "Englisch"), or the code itself ("de"); a remark in parentheses after
// the name is left out ("Deutsch (Muttersprache)").
//
// Level words (k_fluency in language.cpp; the first matching row wins, so longer phrases
// come first). A CEFR level written out ("C1", "Niveau B2") always wins; of several ("B2/C1")
// the lowest counts. A negated level ("not fluent", "nicht fließend", "keine Kenntnisse")
// cannot be placed (the criterion is "cannot tell", for a person to read). The word table is our
// reading of common CV usage (the Europass self-assessment grid and the German
// "Grundkenntnisse / gute / sehr gute Kenntnisse / fließend / verhandlungssicher /
// Muttersprache" scale):
//   native, native speaker, mother tongue, first language, bilingual, Muttersprache,
//     muttersprachlich, Muttersprachler(in), zweisprachig                       -> C2
//   fluent, business fluent, full professional proficiency, proficient, fließend,
//     fließende (Kenntnisse), verhandlungssicher, fließend in Wort und Schrift   -> C1
//   very good, upper intermediate, advanced, professional working proficiency,
//     sehr gut, sehr gute Kenntnisse, fortgeschritten(e Kenntnisse)             -> B2
//   good, intermediate, limited working proficiency, conversational, gut,
//     gute Kenntnisse                                                            -> B1
//   basic, elementary, Grundkenntnisse, Basiskenntnisse                          -> A2
//   beginner, Anfänger                                                           -> A1
// Native is read as C2 and nothing more: being a native speaker is neither used nor shown
// (blind screening), only the level it implies.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/catalog/terms.hpp"
#include "ccteam/core/lang.hpp"

namespace ccteam::qualify {

// ISO 639-1 code of a language name in English or German, or of a code; empty if unknown.
std::optional<std::string> language_code(std::string_view name);

// CEFR level of a fluency description, or empty when the words are not in the table.
std::optional<catalog::Cefr> cefr_of(std::string_view fluency);

// A language a free text names with a level: "Englisch (C1)", "English - fluent", "Deutsch:
// Muttersprache".
struct LanguageMention {
  std::string code;     // ISO 639-1
  catalog::Cefr level;  // cefr_of the words after the name
  std::string words;    // those words, folded ("c1", "fliessend")
  int line = 0;         // 1-based line of 'text'
};

// The languages a document's text (a CV, '\n' between lines) names with a level on the same
// line: a language name of at least four letters (English or German, language_code; codes
// such as "de" and three-letter words are not read: in running text they are ordinary words),
// then a level (cefr_of) in the next three words before the next language name. A name without
// a level there is not a mention ("English-speaking customers"). At most 'max' mentions, in the
// order of the text; linear in its length.
std::vector<LanguageMention> languages_in_text(std::string_view text, std::size_t max = 50);

// The name of an ISO 639-1 language in English and German (ICU display names: "de" ->
// "German" / "Deutsch"); the code itself in both when ICU has no name for it.
LocalizedText language_name(const std::string& code);

}  // namespace ccteam::qualify
