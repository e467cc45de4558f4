#pragma once
// Evaluation of one person against one role: each requirement met, not met, met by
// substitution, or cannot tell, with the evidence; and a verdict. Pure: the same person,
// catalog, options and as-of date always give the same result.
//
// What this is: a transparent check of minimum qualifications, not a prediction of job
// performance. It never rejects anyone: the verdict "does not meet the minimum" sorts and
// explains, and a person decides (GDPR art. 22: no decision based solely on automated
// processing that significantly affects the applicant).
//
// Blind: only work history, education, languages, skills and certificates are read. Name,
// contact data, address, photo, birth date, gender, nationality and gaps between jobs are
// never used; graduation years only to tell completed from ongoing education; a native
// language only through the CEFR level it implies (language.hpp).
//
// Criteria (in this order):
//   1. minimum education for the job's country (the role's row for it, else its "*" row):
//      the highest completed ISCED level (education.hpp) against the minimum. Below it, or
//      nothing placeable, the role's substitution rules are tried: a rule whose replaces_isced
//      reaches the minimum and whose months of experience of any of its kinds (merged,
//      experience.hpp) are met at least gives "met by substitution"; met only by the upper
//      bound of partial dates gives "cannot tell". Otherwise "not met" when some education
//      could be placed, "cannot tell" when none could.
//   2. languages whose countries include the job's country (or that have none): "cannot
//      tell" when the language is not mentioned or its level is not in the word table.
//   3. experience of each kind (experience.hpp): met when the lower bound reaches the months,
//      not met when the upper bound stays below, else cannot tell; cannot tell when the
//      document has no work history at all, and when the personal summary states the kind
//      (without dates: a person reads it). The explanation says why a range is open: partial
//      dates, jobs whose titles show no kind, or the summary.
//   4. preferred education (ISCED level and field; preferred importance always).
//   5. skills: "met" when the catalog's name or a synonym appears anywhere in the document,
//      otherwise "cannot tell" (a résumé that does not name patience says nothing about it).
//      Skills are never part of the verdict; found ones count as preferred criteria met.
// Verdict from the required criteria of 1-3: any not met -> does_not_meet_minimum; else any
// cannot tell -> needs_review; else any by substitution -> meets_by_substitution; else meets.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/date.hpp"
#include "ccteam/core/messages.hpp"
#include "ccteam/qualify/education.hpp"
#include "ccteam/qualify/experience.hpp"
#include "ccteam/qualify/person.hpp"

namespace ccteam::qualify {

enum class Outcome { met, met_by_substitution, not_met, unknown };
enum class Verdict { meets, meets_by_substitution, needs_review, does_not_meet_minimum };
enum class CriterionKind { education, language, experience, preferred_education, skill };

std::string_view to_string(Outcome value);        // "met", "met_by_substitution", ...
std::string_view to_string(Verdict value);        // "meets", "needs_review", ...
std::string_view to_string(CriterionKind value);  // "education", "language", ...
MsgId label(Outcome value);
MsgId label(Verdict value);

// A fact from the document that a result rests on.
struct Evidence {
  std::string text;  // the document's words ("teamleiter kundenservice")
  std::string rule;  // the table entry or catalog phrase it matched ("Teamleiter")
  SourcePos where;   // where in the document (JSON pointer: work, 3, title)
};

struct Criterion {
  CriterionKind kind = CriterionKind::education;
  catalog::Importance importance = catalog::Importance::required;
  std::string subject;  // "isced>=3", "de>=C1", "customer_service>=12", a skill id
  Message title;        // "language de at C1"
  Outcome outcome = Outcome::unknown;
  Message explanation;  // why, in words a recruiter can read to the applicant
  std::vector<Evidence> evidence;
  std::string substitution;  // id of the rule used, for met_by_substitution
};

// The outcome's label as shown with the criterion: a skill the document does not name is "for
// the interview" (skills are never part of the verdict), anything else label(outcome).
MsgId label(const Criterion& criterion);

struct Evaluation {
  std::string person_id;
  RoleId role;
  Verdict verdict = Verdict::needs_review;
  std::vector<Criterion> criteria;
  int preferred_met = 0;  // preferred criteria met (incl. skills found), for review order
};

struct EvaluationOptions {
  Date as_of;
  std::string country = "*";  // ISO 3166-1 alpha-2 of the job, or "*" for none in particular
};

// Evaluates people against roles of one catalog. Holds the classifiers (Snowball stemmers),
// so build one per thread; the catalog must outlive it.
class Evaluator {
 public:
  explicit Evaluator(const catalog::Catalog& catalog);
  ~Evaluator();
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  Evaluation evaluate(const Person& person, const catalog::Role& role,
                      const EvaluationOptions& options) const;

  // The parts, for the career path (career.hpp) and for tests.
  Experience experience(const Person& person, const Date& as_of) const;
  const ExperienceClassifier& classifier() const { return m_classifier; }

 private:
  struct RoleMatchers;
  const RoleMatchers& matchers_for(const catalog::Role& role) const;

  ExperienceClassifier m_classifier;
  EducationClassifier m_education;
  mutable std::vector<std::unique_ptr<RoleMatchers>> m_role_matchers;
  // evaluate()'s analysis of each job's texts, kept from one call to the next so that its
  // buffers are reused (screening evaluates person after person).
  mutable std::vector<std::vector<text::AnalyzedText>> m_work_texts;
  mutable text::AnalyzedText m_summary_text;  // the person's summary, analysed once
  mutable text::AnalyzedText m_scratch_text;  // other texts analysed one at a time
};

// Review order: verdict (meets, by substitution, needs review, does not meet), then more
// preferred criteria met first; ties keep the input order (stable).
void order_for_review(std::vector<Evaluation>& evaluations);
bool review_before(const Evaluation& a, const Evaluation& b);

// All the review order looks at, a few bytes to keep per applicant where a batch keeps the
// evaluations themselves elsewhere (a screening's spool).
struct ReviewKey {
  Verdict verdict = Verdict::needs_review;
  int preferred_met = 0;
};
ReviewKey review_key(const Evaluation& evaluation);
bool review_before(const ReviewKey& a, const ReviewKey& b);

}  // namespace ccteam::qualify
