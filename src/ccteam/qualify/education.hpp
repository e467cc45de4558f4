#pragma once
// Education to ISCED 2011 levels (UNESCO Institute for Statistics 2012, "International
// Standard Classification of Education ISCED 2011"), for the German and the US/UK systems.
//
// The table (education.cpp, k_levels) places written qualifications on levels:
//   Germany (KMK/BMBF ISCED 2011 mapping; DQR levels from the DQR agreement of 2013/2017):
//     Hauptschulabschluss, Realschulabschluss / Mittlere Reife / Mittlerer Schulabschluss -> 2
//     Fachabitur / Fachhochschulreife, Abitur / Allgemeine Hochschulreife -> 3
//     dual vocational training (Ausbildung, Berufsausbildung, Kaufmann/-frau für ...,
//       Servicefachkraft, Fachkraft) -> 3 (ISCED 354)
//     Fachwirt, Meister, Techniker, Betriebswirt (IHK), staatlich geprüfte/r Betriebswirt/in,
//     any Fachschule qualification -> 6 (DQR 6; ISCED 655)
//     Bachelor -> 6; Master, Diplom, Magister, Staatsexamen -> 7 (the university Diplom is a
//       second-cycle degree; a "Diplom (FH)" is read as 6); Promotion / Doktor -> 8
//   US/UK: GCSE -> 2; GED, high-school diploma, A-levels -> 3; associate degree, HND,
//     foundation degree -> 5; bachelor (BA, BSc, BCom, "Bachelor of ...") -> 6;
//     master (MA, MSc, MBA) -> 7; PhD, doctorate -> 8.
// When an entry names several (a "Bachelor of Commerce" says "bachelor" only once; an entry
// "Ausbildung" + area "Kaufmann für Dialogmarketing"), the highest level wins.
//
// An entry counts as completed unless it has a start date and no end date, or its end date
// lies after the as-of date (then it is in progress and does not count towards a minimum).

#include <optional>
#include <string>
#include <vector>

#include "ccteam/catalog/role.hpp"
#include "ccteam/core/date.hpp"
#include "ccteam/qualify/person.hpp"
#include "ccteam/text/matcher.hpp"

namespace ccteam::qualify {

using catalog::IscedLevel;

struct EducationLevel {
  IscedLevel isced = IscedLevel::upper_secondary;
  std::string phrase;   // table entry that matched ("Fachhochschulreife")
  std::string matched;  // document words that matched
  SourcePos where;      // the education entry
};

struct EducationEntryResult {
  const Education* entry = nullptr;
  std::optional<EducationLevel> level;  // empty: not on the table
  bool completed = true;
};

struct EducationSummary {
  std::vector<EducationEntryResult> entries;  // one per person.education
  // Highest level among completed entries; empty when none could be placed.
  std::optional<EducationLevel> highest_completed;
  bool any_unplaced = false;  // some entry could not be placed on a level
};

// Not thread-safe (owns Snowball stemmers).
class EducationClassifier {
 public:
  EducationClassifier();

  // The level of one entry from its study type and area, or empty.
  std::optional<EducationLevel> level_of(const Education& entry) const;

  // Every entry with its level; an entry is not completed when it has a start and no end,
  // ends after 'as_of', or says so ("abgebrochen", "ohne Abschluss", "dropped out",
  // "not completed", "incomplete", "unfinished").
  EducationSummary assess(const Person& person, const Date& as_of) const;

 private:
  // level_of, also telling whether the entry says it was not finished.
  std::optional<EducationLevel> classify(const Education& entry, bool& not_completed) const;
  text::Matcher m_matcher;
  mutable text::AnalyzedText m_scratch;            // the text being classified (buffers reused)
  mutable std::vector<text::Matcher::Hit> m_hits;  // its hits (buffer reused)
};

// Matches an entry's area (or study type) against a role's preferred fields of study, in
// both languages. "related field" / "verwandtes Fach" are left out: only a recruiter can judge
// what is related. Not thread-safe.
class FieldMatcher {
 public:
  explicit FieldMatcher(const catalog::LocalizedList& fields);
  // The preferred field the entry names, or empty.
  std::optional<std::string> match(const Education& entry) const;

 private:
  text::Matcher m_matcher;
  mutable text::AnalyzedText m_scratch;            // the text being matched (buffers reused)
  mutable std::vector<text::Matcher::Hit> m_hits;  // its hits (buffer reused)
};

}  // namespace ccteam::qualify
