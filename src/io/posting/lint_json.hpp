#pragma once
// The JSON shape of a posting lint (`ccteam posting lint --format json`: an array of these, one
// per file). Texts (why, fix) and the source are in 'lang'.

#include <string>

#include <nlohmann/json.hpp>

#include "ccteam/lint/linter.hpp"

namespace ccteam::io {

// {"file", "line", "column", "rule", "severity", "why", "fix", "source", "jurisdiction"}.
nlohmann::ordered_json finding_to_json(const lint::Finding& finding, const std::string& file,
                                       Lang lang);

// {"file", "lang", "jurisdictions", "gender_score", "reading_ease" (one decimal, or null),
//  "findings": [finding_to_json...]}.
nlohmann::ordered_json lint_result_to_json(const lint::LintResult& result, const std::string& file,
                                           Lang lang);

}  // namespace ccteam::io
