#pragma once
// The JSON shape of screening results and career paths (schemas: docs/schemas/screen.schema.json
// and docs/schemas/career.schema.json). Texts are rendered in 'lang'; machine-readable values
// (verdict, outcome, kind, subject) are the stable written forms of evaluate.hpp.

#include <nlohmann/json.hpp>

#include "ccteam/core/error.hpp"
#include "ccteam/qualify/evaluate.hpp"

namespace ccteam::io {

// Renders a qualification message in 'lang', with experience kinds ("customer_service") shown
// by their label in that language ("Kundenservice / Telefonie").
std::string render_text(const Message& message, Lang lang);

// One piece of evidence as a line: "\"words\" file:line:col (pointer)", marked "from the
// summary" when it comes from the personal summary, "from the CV" when from an attached
// document (qualify::is_document_pointer). The file is whatever the reader named it
// (a blind screening's "#3", people.hpp); the words are the document's, not escaped.
std::string evidence_text(const qualify::Evidence& evidence, Lang lang);

// Where evidence from an attached document is: "from the CV (document 1, line 12)" (the number
// from its pointer "/documents/0", from 1 as in the documents' blind labels).
Message cv_evidence_place(const qualify::Evidence& evidence);

// {"kind", "subject", "importance", "title", "outcome", "outcome_text" (qualify::label of the
//  criterion), "explanation", "evidence": [{"text", "rule", "at": {"line"?, "column"?,
//  "pointer"?}, "from_summary"?, "from_cv"?, "place"? (cv_evidence_place's text)}],
//  "substitution"?}
nlohmann::ordered_json criterion_to_json(const qualify::Criterion& criterion, Lang lang);

// {"id", "verdict", "verdict_text", "preferred_met", "criteria": [...]}; with 'person' (only
// when the user asked to reveal) also "personal" and "source".
nlohmann::ordered_json evaluation_to_json(const qualify::Evaluation& evaluation, Lang lang,
                                          const qualify::Person* reveal = nullptr);

}  // namespace ccteam::io
