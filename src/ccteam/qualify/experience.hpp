#pragma once
// Work history to experience: which kinds of experience each job gave (customer service,
// team leadership, operations management), with the words that show it, and how many months
// of each kind a person has, with overlapping jobs merged so parallel jobs count once.
//
// Months are whole calendar months: a span from D1 to D2 (both days included) lasts the
// number of times one can add a month to D1 and stay at or before D2 + 1 day
// (2018-07-01..2020-12-31 = 30; 2022-08-01..2024-07-31 = 24; 2024-10-15..2024-11-13 = 0).
// Each merged span is counted on its own and the results added, so the total never exceeds
// the time actually covered.
//
// Partial dates: a month ("2019-04") is read the way résumés mean it, from the first day of
// the start month to the last day of the end month (2018-07..2020-12 = 30 months). A year
// alone ("2019") is genuinely vague and gives a range, never a guess: `at_least` counts the
// job from the last day of its start year to the first day of its end year (2016..2019 ->
// 2016-12-31..2019-01-01 = 24 months), `at_most` from the first day to the last day
// (2016-01-01..2019-12-31 = 48 months). A job without an end date runs to the as-of date; a
// job without a start date adds nothing to `at_least` and leaves `at_most` unknown. Days
// after the as-of date are not counted.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/date.hpp"
#include "ccteam/qualify/person.hpp"
#include "ccteam/text/matcher.hpp"

namespace ccteam::qualify {

using catalog::ExperienceKind;
inline constexpr std::size_t k_experience_kinds = 3;
inline std::size_t index(ExperienceKind kind) { return static_cast<std::size_t>(kind); }

// A run of days, both ends included.
struct Span {
  Date first;
  Date last;
};

// Whole calendar months in [first, last] as described above; 0 when last < first.
int whole_months(const Date& first, const Date& last);

// Sorted, with overlapping and touching spans (next day) joined.
std::vector<Span> merge_spans(std::vector<Span> spans);

// Sum of whole_months over merge_spans(spans).
int merged_months(const std::vector<Span>& spans);

// Why a job counts as one kind of experience: the catalog or built-in phrase that matched, the
// words of the document that matched it, and where (JSON pointer: work, 1, title).
struct KindEvidence {
  ExperienceKind kind = ExperienceKind::customer_service;
  std::string phrase;
  std::string matched;
  SourcePos where;
};

// Classifies jobs by their title, summary, highlights and employer's name (the employer counts
// for customer service only: "Shift Supervisor" at a call center is call-center work; an
// employer's name says nothing about leading), and the person's summary. Phrases come from two
// places:
// the built-in lists in experience_phrases.cpp (English and German job titles and duties of
// each kind, our own selection), and the synonyms of the catalog's skills that name a kind
// ("team-leadership", "leadership-coaching" -> team leadership; "operations-management" ->
// operations management) in every role. Not thread-safe (owns Snowball stemmers).
class ExperienceClassifier {
 public:
  explicit ExperienceClassifier(const catalog::Catalog& catalog);

  // Every kind the job shows, each with all its evidence; kinds without evidence are absent.
  std::vector<KindEvidence> classify(const Position& position) const;
  // The same from the job's texts analysed beforehand (analyze_position), so that other
  // matchers (the role's skills) can use the same analysis.
  std::vector<KindEvidence> classify(const Position& position,
                                     const std::vector<text::AnalyzedText>& texts) const;
  // The same, appended to 'out'.
  void classify_into(const Position& position, const std::vector<text::AnalyzedText>& texts,
                     std::vector<KindEvidence>& out) const;
  // Every kind the person's summary (analysed beforehand) states, appended to 'out' with
  // 'where' (the summary's place, pointer "/basics/summary").
  void classify_summary(const text::AnalyzedText& summary, const SourcePos& where,
                        std::vector<KindEvidence>& out) const;

  const text::Matcher& matcher() const { return m_matcher; }

 private:
  enum class Kinds : unsigned char { all, customer_service_only };
  // The kinds 'text' shows, appended to 'out' at where() (called once, at the first hit).
  template <class Where>
  void add_hits(const text::AnalyzedText& text, Kinds kinds, const Where& where,
                std::vector<KindEvidence>& out) const;

  text::Matcher m_matcher;
  mutable std::vector<text::Matcher::Hit> m_hits;  // classify's buffer, reused
};

// A job's texts analysed for matching (text::Matcher::analyze): title, summary, employer, then
// each highlight, in this order (k_title_text ...). The analysis depends on the text only (the same
// words and stems whatever matcher runs it), so one analysis serves every matcher.
inline constexpr std::size_t k_title_text = 0;
inline constexpr std::size_t k_summary_text = 1;
inline constexpr std::size_t k_employer_text = 2;
inline constexpr std::size_t k_first_highlight_text = 3;

// The JSON pointer of text 'index' of analyze_position in the document: "/work/2/position",
// "/work/2/name", "/work/2/highlights/0"; in a person CSV the column, "/work3_title".
std::string text_pointer(const Position& position, std::size_t index);

// Where text 'index' of analyze_position is: the job's file, the text's own line and column
// when the reader knows them (position.text_places), else the job's, and text_pointer.
SourcePos text_position(const Position& position, std::size_t index);

std::vector<text::AnalyzedText> analyze_position(const Position& position,
                                                 const text::Matcher& matcher);
// The same into 'out' (replacing what it held), reusing its buffers.
void analyze_position_into(const Position& position, const text::Matcher& matcher,
                           std::vector<text::AnalyzedText>& out);

struct MonthsRange {
  int at_least = 0;
  std::optional<int> at_most;  // empty: a job without a start date makes it unbounded
  // Why at_most may exceed at_least besides partial dates: jobs whose titles show no kind
  // count in it (customer service only), and the summary states the kind without dates
  // (then more than at_least cannot be ruled out, whatever at_most says).
  bool unclassified = false;
  bool in_summary = false;
};

// A person's experience as of a date.
struct Experience {
  std::array<MonthsRange, k_experience_kinds> months{};
  std::array<std::vector<KindEvidence>, k_experience_kinds> evidence{};
  // Lower-bound spans of each kind, for "when will the rule be met" (career.hpp).
  std::array<std::vector<Span>, k_experience_kinds> spans{};
  std::array<bool, k_experience_kinds> ongoing{};  // a job of that kind has no end date
  std::vector<std::array<bool, k_experience_kinds>> job_kinds;  // per person.work[i]
  // Per person.work[i]: the job counts (starts by the as-of date) and no text of it shows any
  // kind ("Agent", "Customer Success Manager"; not a known other occupation, "Data Analyst",
  // nor a break, experience_phrases.hpp). Such a job may be customer
  // service under another name: its months count in customer service's upper bound (at_most),
  // never in at_least, so that the criterion is "cannot tell" and a person reads the job
  // (evidence with rule "?"). Leadership and operations are stated in words the lists know, so
  // an unclassified job is not counted as either.
  std::vector<char> unclassified;
  // The summary's evidence is in 'evidence' too (pointer "/basics/summary"); months[k].in_summary
  // says that the summary states kind k.

  const MonthsRange& of(ExperienceKind kind) const { return months[index(kind)]; }
};

// Measures 'person' as of 'as_of'. Jobs that start after 'as_of' are ignored (see
// jobs_starting_after).
Experience measure_experience(const Person& person, const ExperienceClassifier& classifier,
                              const Date& as_of);
// The same with the texts analysed beforehand: work_texts[i] = analyze_position of
// person.work[i], 'summary' = the classifier's matcher's analysis of person.summary.
Experience measure_experience(const Person& person, const ExperienceClassifier& classifier,
                              const Date& as_of,
                              const std::vector<std::vector<text::AnalyzedText>>& work_texts,
                              const text::AnalyzedText& summary);

// Indexes of person.work whose start is after 'as_of' (a job not begun yet, or a typing error
// in a date): they add no experience, and a screening warns about them.
std::vector<std::size_t> jobs_starting_after(const Person& person, const Date& as_of);

// Merged months over the union of several kinds (substitution rules count experience of any
// of their kinds, so a job that is both kinds counts once).
// 'experience' must come from measure_experience(person, ..., as_of).
MonthsRange months_of_any(const Person& person, const Experience& experience,
                          const std::vector<ExperienceKind>& kinds, const Date& as_of);

// Whether the experience meets a substitution rule (catalog::Substitution): 'total' of the
// rule's kinds, and 'part' of the part's kinds when the rule has one. 'met' when both lower
// bounds reach the rule; 'possible' when neither upper bound rules it out (partial dates,
// unplaced titles or a summary may hold the rest: a person reads them).
struct SubstitutionCheck {
  MonthsRange total;
  std::optional<MonthsRange> part;
  bool met = false;
  bool possible = false;
};
SubstitutionCheck check_substitution(const Person& person, const Experience& experience,
                                     const catalog::Substitution& rule, const Date& as_of);

}  // namespace ccteam::qualify
