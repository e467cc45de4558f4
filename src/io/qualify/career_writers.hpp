#pragma once
// Writers of a career path: its JSON shape (docs/schemas/career.schema.json), the XLSX sheets of
// its gaps and of what is met, and the texts of one gap that the terminal table shares with
// them. Texts are rendered in 'lang'.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccteam/core/date.hpp"
#include "ccteam/qualify/career.hpp"
#include "io/base/xlsx_writer.hpp"

namespace ccteam::io {

// "Call-Center Team Lead (team-lead)": the title in 'lang' and the id (what --to takes).
std::string career_role_name(const catalog::Role& role, Lang lang);

// The text of a gap: for experience not met the months still missing
// (MsgId::career_gap_experience), else the criterion's title and explanation; marked
// " (preferred)" when the gap is only preferred (the role can be reached without it).
std::string career_gap_line(const qualify::Gap& gap, Lang lang);

// What to do about a gap, in 'lang' (qualify::Gap::action).
std::string career_action(const qualify::Gap& gap, Lang lang);

// {"id": person_id, "as_of", "from", "next": [{"role", "verdict", "verdict_text", "met":
//  [criterion_to_json...], "gaps": [criterion_to_json + "months_missing"? + "met_on"? + "text" +
//  "action"], "experience_met_on" (date or null; the required rules), "plan": [the gaps'
//  actions, in gap order]}]}.
nlohmann::ordered_json career_to_json(const qualify::CareerPath& path, const std::string& person_id,
                                      const Date& as_of, Lang lang);

// Two sheets. Gaps: one row per gap of each next role (a role without gaps gets one row), with
// the role's verdict, the months missing, the day time alone closes the gap and the gap's own
// action. Met: one row per criterion met, with its explanation.
std::vector<XlsxSheet> career_to_xlsx(const qualify::CareerPath& path, Lang lang);

}  // namespace ccteam::io
