#pragma once
// The language a résumé is written in, as evidence of that language: a recruiter reads a
// résumé written entirely in German as German at working level, whether or not it has a
// languages section. A level the document states for the language wins (evaluate.hpp).
//
// How: the function words of the document's free texts (the personal summary, job titles,
// job summaries, highlights)
// are counted for German ("und", "der", "mit", "für", "ich", ...) and English ("and", "the",
// "with", "for", "I", ...), our own short lists of the most frequent words of each language,
// which no job title or skill contains. A language is the document's when it has at least two
// such words and the other none, or at least three and twice as many as the other. Titles
// alone ("Kundenberaterin", "Customer Service Representative") say nothing: no language.

#include <optional>
#include <string>
#include <vector>

#include "ccteam/qualify/person.hpp"
#include "ccteam/text/matcher.hpp"

namespace ccteam::qualify {

// "de", "en" or empty. 'work_texts': analyze_position of each job of the person (experience.hpp);
// 'summary': the analysis of the person's summary (Person::summary).
std::optional<std::string> document_language(
    const std::vector<std::vector<text::AnalyzedText>>& work_texts,
    const text::AnalyzedText& summary);

}  // namespace ccteam::qualify
