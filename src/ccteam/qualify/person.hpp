#pragma once
// The person model of the qualification engine: what a résumé, an HR-system export row or an
// application form says about one person, in one shape. Readers (src/io/qualify/resume_json.hpp,
// src/io/qualify/person_csv.hpp) build it; the engine (experience.hpp, education.hpp, evaluate.hpp)
// reads it. Plain data, no I/O.
//
// Blind screening: `Personal` holds everything that identifies a person or stands in for a
// protected trait (name, contact data, address, photo, birth date, gender, nationality). The
// engine never reads it; only the edge shows it, and only with --reveal.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/core/date.hpp"
#include "ccteam/core/position.hpp"

namespace ccteam::qualify {

// Identifying data: never used by the evaluation, shown only on request.
struct Personal {
  std::string name;
  std::string email;
  std::string phone;
  std::string city;
  std::string country_code;  // of the address as written; not a nationality
};

// How a document names a job's fields in pointers: JSON Resume ("/work/0/position", the
// employer in "name" or "company") or person CSV (columns "/work1_title", "/work1_organisation").
enum class FieldNames : unsigned char { json_resume, json_resume_company, person_csv };

// Where a value starts in its file: 1-based line and column (in characters, as in error
// positions); 0 when the reader does not know it.
struct Place {
  int line = 0;
  int column = 0;
};

// One job. A missing end date means the job continues (counted up to the as-of date).
struct Position {
  std::string title;
  std::string organisation;
  std::string summary;
  std::vector<std::string> highlights;
  std::optional<PartialDate> start;  // empty: the document gives no start
  std::optional<PartialDate> end;    // empty: ongoing
  SourcePos pos;                     // where the job was written (JSON pointer: work, 2)
  FieldNames fields = FieldNames::json_resume;
  // Where each text of the job starts, in the order of experience.hpp's analyze_position
  // (title, summary, employer, highlights); empty when only the job's place is known (a
  // document on one line, a CSV row).
  std::vector<Place> text_places;
};

// One education entry as written ("studyType": "Bachelor", "area": "Business").
struct Education {
  std::string study_type;
  std::string area;
  std::string institution;
  std::optional<PartialDate> start;
  std::optional<PartialDate> end;  // empty with a start: still in progress
  SourcePos pos;
};

// A language and the words the person used for their level ("fließend", "C1").
struct LanguageEntry {
  std::string language;
  std::string fluency;
  SourcePos pos;
};

struct SkillEntry {
  std::string name;
  std::string level;
  std::vector<std::string> keywords;
  SourcePos pos;
};

struct Certificate {
  std::string name;
  std::optional<PartialDate> date;
  SourcePos pos;
};

// The text of a document the person attached to an application (a CV as PDF or DOCX, read by
// io/workspace/text_extract.hpp): lines separated by '\n'. Evidence for skills and languages
// only (evaluate.hpp); experience and education come from what the person wrote into the form,
// never from a document. 'pos': json_pointer "/documents/N" (N from 0, in the order the
// documents arrived; is_document_pointer), file the document's blind label; evidence found in
// it carries that pointer and the line (from 1) it is on.
struct AttachedText {
  std::string text;
  SourcePos pos;
};

// The bytes of a document's line the engine reads: a CV's lines are far shorter; a longer line
// is read up to here.
inline constexpr std::size_t k_max_document_line = 2000;

// Calls 'on_line(line_number, line)' for each line of an attached document's text (split at
// '\n', numbered from 1, each cut to k_max_document_line bytes) while it returns true. Linear in
// the text.
template <class OnLine>
void for_each_document_line(std::string_view text, OnLine&& on_line) {
  int line_number = 0;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end).substr(0, k_max_document_line);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!on_line(++line_number, line)) return;
  }
}

struct Person {
  std::string id;  // applicant id shown in blind mode: "A1", "A2", ... or the CSV's id column
  SourcePos pos;   // where the document starts (file, line)
  Personal personal;
  // The personal summary (JSON Resume basics.summary, a person CSV's summary column): experience
  // it states counts as evidence marked as coming from it, never as dated months
  // (experience.hpp). Its pointer: "/basics/summary" ("/2/basics/summary" in an array), "/summary"
  // in a CSV (is_summary_pointer).
  std::string summary;
  SourcePos summary_pos;
  std::vector<Position> work;
  std::vector<Education> education;
  std::vector<LanguageEntry> languages;
  std::vector<SkillEntry> skills;
  std::vector<Certificate> certificates;
  std::vector<AttachedText> documents;
};

// True when the document says nothing the engine could evaluate: no summary, job, education,
// language, skill or certificate with any letter or digit in it. Readers reject such documents
// (MsgId::resume_empty) so that an empty résumé is never evaluated as if it said something.
bool says_nothing(const Person& person);

// True when 'json_pointer' is where a reader puts the personal summary (Person::summary_pos):
// evidence with this pointer comes from the summary.
bool is_summary_pointer(std::string_view json_pointer);

// True when 'json_pointer' points into an attached document ("/documents/0"): evidence read from
// a CV, marked as such wherever it is shown.
bool is_document_pointer(std::string_view json_pointer);

// True when an end date's text says the entry goes on ("present", "current", "now", "today",
// "ongoing", "heute", "bis heute", "aktuell", "laufend", "derzeit", "jetzt"; any case,
// surrounding blanks ignored): JSON Resume exports often write "endDate": "present" where the
// schema leaves the end out. Readers treat it like a missing end (a job continues, an
// education is in progress).
bool means_ongoing(std::string_view end_date);

}  // namespace ccteam::qualify
