#pragma once
// Writers of a screening: JSON (docs/schemas/screen.schema.json), CSV (one row per criterion)
// and the XLSX workbook (summary, applicants, criteria, rejected documents). Texts are rendered
// in 'lang'; the parts of one applicant are screening_json.hpp's.

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccteam/core/date.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/qualify/evaluate.hpp"
#include "ccteam/qualify/person.hpp"
#include "io/base/xlsx_writer.hpp"

namespace ccteam::io {

// One applicant of a screening: the evaluation, and the person only when the user asked to
// reveal (an empty Person when blind).
struct Screened {
  qualify::Evaluation evaluation;
  qualify::Person person;
};

// What a screening was about and how many documents it saw.
struct ScreeningSummary {
  std::string role;  // role id
  Date as_of;
  std::string country;  // ISO 3166-1 alpha-2 or "*"
  bool blind = true;    // false: names and sources are shown
  std::size_t read = 0;
  std::size_t evaluated = 0;
  std::size_t rejected = 0;
  std::size_t not_shown = 0;  // evaluated but left out by --top
};

// {"role", "as_of", "country", "blind", "summary": {"read", "evaluated", "rejected",
//  "not_shown"}, "notice", "applicants": [evaluation_to_json...], "rejected":
//  [error_to_json...]}. Positions name files as the reader did ("#3" when blind).
nlohmann::ordered_json screening_to_json(const ScreeningSummary& summary,
                                         const std::vector<Screened>& applicants,
                                         const Errors& rejected, Lang lang);

// "id,verdict,preferred_met,kind,subject,importance,outcome,explanation" and one row per
// criterion of each applicant, in the given order; RFC 4180 quoting where needed.
std::string screening_to_csv(const std::vector<Screened>& applicants, Lang lang);

// Four sheets: summary (with "N more not shown (--top)" when some are), applicants in the given
// order, one row per criterion (with its evidence), rejected documents.
std::vector<XlsxSheet> screening_to_xlsx(const ScreeningSummary& summary,
                                         const std::vector<Screened>& applicants,
                                         const Errors& rejected, Lang lang);

}  // namespace ccteam::io
