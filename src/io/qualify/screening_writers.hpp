#pragma once
// Writers of a screening: JSON (docs/schemas/screen.schema.json), CSV (one row per criterion)
// and the XLSX workbook (summary, applicants, criteria, rejected documents), each streaming in
// flat memory. Texts are rendered in 'lang'; the parts of one applicant are
// screening_json.hpp's.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
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

// The writers stream: each applicant (and each rejected document) is turned into its record, the
// bytes it takes in the output, as soon as it is evaluated; the records are then written in
// review order, read back from wherever the caller kept them (app/qualify/screening.hpp: a
// spool). A RecordSource calls its argument with each record in order and fails when the
// records cannot be read back; a TextSink takes the output a piece at a time.
using RecordVisit = std::function<void(std::string_view)>;
using RecordSource = std::function<Result<void>(const RecordVisit&)>;
using TextSink = std::function<void(std::string_view)>;

// JSON (docs/schemas/screen.schema.json), laid out as nlohmann's dump(2):
// {"role", "as_of", "country", "blind", "summary": {"read", "evaluated", "rejected",
//  "not_shown"}, "notice", "applicants": [evaluation_to_json...], "rejected":
//  [error_to_json...]}\n. Positions name files as the reader did ("#3" when blind).
std::string screening_json_applicant(const Screened& applicant, bool blind, Lang lang);
std::string screening_json_rejected(const Error& rejected, Lang lang);
Result<void> write_screening_json(const ScreeningSummary& summary, const RecordSource& applicants,
                                  const RecordSource& rejected, Lang lang, const TextSink& out);

// CSV: the header "id,verdict,preferred_met,kind,subject,importance,outcome,explanation\n",
// then one row per criterion of each applicant (its record); fields as io::csv_field writes them
// (RFC 4180 quoting, a formula neutralised).
std::string screening_csv_header();
std::string screening_csv_applicant(const Screened& applicant, Lang lang);

// XLSX: four sheets, summary (with "N more not shown (--top)" when some are), applicants in
// review order, one row per criterion (with its evidence), rejected documents. A sheet that
// reaches Excel's row limit goes on in a sheet of the same name and " (2)", " (3)", ...
// Records are the rows in a compact binary form. Errors: write_xlsx's, and the source's.
std::string screening_xlsx_applicant(const Screened& applicant, bool blind, Lang lang);
std::string screening_xlsx_rejected(const Error& rejected, Lang lang);
Result<void> write_screening_xlsx(const std::string& path, const ScreeningSummary& summary,
                                  const RecordSource& applicants, const RecordSource& rejected,
                                  Lang lang, std::size_t max_rows = k_xlsx_max_rows);

}  // namespace ccteam::io
