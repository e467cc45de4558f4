#pragma once
// Writers of a career path: its JSON shape (docs/schemas/career.schema.json), the XLSX sheet of
// its gaps, and the texts of one gap that the terminal table shares with them. Texts are
// rendered in 'lang'.

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "ccteam/core/date.hpp"
#include "ccteam/qualify/career.hpp"
#include "io/base/xlsx_writer.hpp"

namespace ccteam::io {

// "Call-Center Team Lead (team-lead)": the title in 'lang' and the id (what --to takes).
std::string career_role_name(const catalog::Role& role, Lang lang);

// The text of gap 'i' of 'readiness': for an experience gap the months still missing
// (MsgId::career_gap_experience), else the criterion's title and explanation.
// 'experience_index' counts the experience gaps seen so far (the index into
// readiness.months_missing); call for i = 0, 1, ... with one counter starting at 0.
std::string career_gap_text(const qualify::Readiness& readiness, std::size_t i,
                            std::size_t& experience_index, Lang lang);

// career_gap_text, marked " (preferred)" when the gap is only preferred (the role can be
// reached without it).
std::string career_gap_line(const qualify::Readiness& readiness, std::size_t i,
                            std::size_t& experience_index, Lang lang);

// {"id": person_id, "as_of", "from", "next": [{"role", "verdict", "verdict_text", "gaps":
//  [criterion_to_json + "months_missing"? + "text"], "experience_met_on" (date or null),
//  "plan": [...]}]}.
nlohmann::ordered_json career_to_json(const qualify::CareerPath& path, const std::string& person_id,
                                      const Date& as_of, Lang lang);

// One row per gap of each next role (a role without gaps gets one row), with the role's
// verdict, earliest date and plan repeated so that the sheet can be filtered by any column.
XlsxSheet career_to_xlsx(const qualify::CareerPath& path, Lang lang);

}  // namespace ccteam::io
