#pragma once
// The questions an opening's application form asks (knock-out questions): weekly hours, shifts,
// weekends, the earliest start, a language level, a work permit, and up to three own questions
// with yes/no or a choice, in each language of the opening. Their answers become criteria of an
// application's screening (applications.hpp) that a person weighs: an answer that is not the
// accepted one never rejects anyone by itself (GDPR art. 22).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccteam/catalog/terms.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"

namespace ccteam::app {

// weekly_hours: how many hours a week the applicant can work, accepted from min_hours;
// shifts, weekends, work_permit: yes or no, accepted "yes" (work_permit: for the country of the
// place of work); start_date: the earliest start, accepted on or before latest_start;
// language: the applicant's level of 'language', accepted from 'level'; yes_no: an own question,
// accepted 'expected' ("yes", "no"; "" either); choice: an own question with 'choices', accepted
// those listed in 'accepted'.
enum class QuestionKind {
  weekly_hours,
  shifts,
  weekends,
  start_date,
  language,
  work_permit,
  yes_no,
  choice
};
std::string_view to_string(QuestionKind kind);
// yes_no and choice: questions the recruiter writes.
bool is_own_question(QuestionKind kind);
std::optional<QuestionKind> parse_question_kind(std::string_view text);

inline constexpr std::size_t k_max_own_questions = 3;
inline constexpr std::size_t k_max_question_choices = 8;
inline constexpr std::size_t k_max_question_chars = 300;
inline constexpr std::int64_t k_max_weekly_hours = 60;

// One question. 'id' is the kind's name for the fixed kinds ("weekly_hours", ...) and "own1" to
// "own3" for own questions: the key of its answer.
struct Question {
  std::string id = {};
  QuestionKind kind = QuestionKind::yes_no;
  std::int64_t min_hours = 0;     // weekly_hours: 1..k_max_weekly_hours
  std::string latest_start = {};  // start_date: YYYY-MM-DD
  std::string language = {};      // language: ISO 639-1
  std::string level = {};         // language: CEFR "A1".."C2"
  LocalizedText text = {};        // yes_no, choice: the question in each language of the opening
  std::vector<LocalizedText> choices = {};  // choice
  std::vector<std::size_t> accepted = {};   // choice: indexes into choices
  std::string expected = {};                // yes_no: "yes", "no" or "" (either)
};

// The stored JSON of an opening's questions (StoredOpening::questions) and back. A stored text
// that does not read gives no questions (it was written by questions_json).
std::string questions_json(const std::vector<Question>& questions);
std::vector<Question> parse_questions(std::string_view stored);
// As the API shows and takes them: [{"id", "kind", "min_hours"?, "latest_start"?, "language"?,
// "level"?, "text"?: {"de", "en"}, "choices"?: [{"de", "en"}], "accepted"?: [i],
// "expected"?}]. Errors at "/questions/N/..." for members of the wrong type.
nlohmann::ordered_json questions_to_json(const std::vector<Question>& questions);
Checked<std::vector<Question>> questions_from_json(const nlohmann::json& value);

// Every problem of 'questions' for an opening published in 'langs', at "/questions/N/...":
// a kind asked twice (own ones excepted), more than k_max_own_questions own ones, hours out of
// range, a date or CEFR level that does not read, a language that is no ISO 639-1 code, an own
// question without its text in each language or longer than k_max_question_chars, a choice
// with fewer than 2 or more than k_max_question_choices answers or none accepted. Own
// questions get their ids ("own1", ...) in order.
Errors check_questions(std::vector<Question>& questions, const std::vector<Lang>& langs);

// The question as the applicant reads it in 'lang' (country: the place of work's, for
// work_permit; an ISO 3166-1 code, shown by name).
std::string question_text(const Question& question, Lang lang, std::string_view country);

// Helpers of the form checks (questions and applications).

// 'text' without blanks (space, tab, CR, LF) at either end.
std::string trimmed_text(std::string_view text);
// 'error' located at the JSON pointer 'pointer'.
Error at_pointer(Error error, std::string pointer);
// Checks a text people type, trimmed: empty when 'required' (application_required), more than
// 'max_chars' code points (application_too_long), control characters or direction overrides
// (application_bad_text; with 'multiline', line breaks and tabs are allowed); each problem at
// 'pointer', naming the field by 'name'.
void check_typed_text(const std::string& value, const std::string& pointer,
                      const LocalizedText& name, std::size_t max_chars, bool required,
                      Errors& errors, bool multiline = false);
// A CEFR level as forms send it: "A1".."C2", or "native" (read as C2).
std::optional<catalog::Cefr> form_level(std::string_view text);
// Two lower-case ASCII letters (an ISO 639-1 code's shape).
bool is_language_code(std::string_view text);

}  // namespace ccteam::app
