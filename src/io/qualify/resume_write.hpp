#pragma once
// Writing a person as a JSON Resume document (jsonresume.org schema), the inverse of
// resume_json.hpp's reader for the fields it reads: the workspace stores an imported applicant's
// profile this way, whatever format they came in (JSON Resume or person CSV), so that the
// screening reads every application alike and its evidence points into the stored profile.

#include <string>

#include <nlohmann/json.hpp>

#include "ccteam/core/date.hpp"
#include "ccteam/qualify/person.hpp"

namespace ccteam::io {

// A partial date as JSON Resume writes it: "2019", "2019-04" or "2019-04-15".
std::string partial_date_text(const PartialDate& date);

// The résumé of 'person' without what identifies them: "basics" holds only the summary (when
// there is one); then "work" (position, name (the employer), summary, highlights, startDate,
// endDate), "education" (studyType, area, institution, startDate, endDate), "languages"
// (language, fluency), "skills" (name, level, keywords) and "certificates" (name, date), each
// array in the person's order and left out when empty; empty texts and absent dates are left
// out. Reading the result with read_json_resumes gives back the same person, but for the
// personal data, the positions and the attached documents (which are not part of a résumé).
nlohmann::ordered_json resume_without_personal(const qualify::Person& person);

}  // namespace ccteam::io
