#pragma once
// The posting linter: checks any job posting (ours or pasted in) against the laws of the places
// it is published for and against good practice. Pure: the text, the rule data and the date
// come in as values.
//
// Rules (id: what, severity):
//   pay-missing           no pay stated where a law requires it (law's severity)
//   pay-open-ended        "from $X", "$X and up", "ab X €" where a law requires a closed range
//   benefits-missing      no description of benefits where a law requires one
//   deadline-missing      no application deadline where a law requires one (Colorado): a date
//                         after "by", "until", "no later than", "closes on", "bis",
//                         "Bewerbungsschluss" in a paragraph about applying
//   pay-history           a question about current or past pay (EU 2023/970 art. 5(2), US states)
//   min-wage              an hourly amount below the minimum wage in force (error)
//   title-gender          German title that names one gender or only two ("Kundenberater/-in",
//                         "(m/w)") instead of a marker with the third ("(m/w/d)", "m/w/d"), an
//                         inclusive form ("Kundenberater*in") or a neutral noun ("Teamleitung",
//                         "Mitarbeitende") (AGG § 11, EU 2023/970 art. 5(3))
//   agg-age, agg-origin, agg-photo, agg-sex, agg-personal-data, pay-history
//                         word patterns from data/posting/phrases.yaml (lint/patterns.hpp):
//                         ages and age ranges, origin-tied language levels, photo and personal-
//                         data requests, a preferred sex (not in a unit that states the
//                         under-representation positive action answers), pay-history questions
//   gender-coded          masculine-coded words when the posting is masculine-coded overall
//                         (Gaucher, Friesen & Kay 2011; German example words), info
//   section-responsibilities, section-requirements, section-pay, section-apply   missing parts
//   requirements-mixed    a nice-to-have ("ideally", "idealerweise") inside a requirement
//   too-many-requirements more than 10 requirement bullets (info)
//   long-sentence         a sentence of more than 30 words (info)
//   readability           reading ease below the limit of data/posting/readability.yaml: Flesch
//                         (1948) for English, Amstad (1978) for German (lint/readability.hpp), info
// A law binds when its jurisdiction is one of the posting's (an EU law: when a posting's
// country is among its member states; where that state has not transposed it, its findings
// are warnings), it applies on 'today' and the employer size is unknown or above its threshold.

#include <optional>
#include <string>
#include <vector>

#include "ccteam/core/messages.hpp"
#include "ccteam/lint/rules.hpp"
#include "ccteam/lint/text.hpp"
#include "ccteam/posting/profile_check.hpp"

namespace ccteam::lint {

struct Finding {
  std::string rule;
  posting::Severity severity = posting::Severity::warning;
  int line = 0;    // 1-based; 0 for a finding about the whole posting ("no pay stated")
  int column = 0;  // 1-based byte column; 0 with line 0
  Message why;
  Message fix;
  LocalizedText source;      // law, court decision or study (empty: none)
  std::string jurisdiction;  // "US-CO, US-WA"; empty for good-practice rules
};

struct LintOptions {
  std::optional<Lang> lang;                // nullopt: detect
  std::vector<std::string> jurisdictions;  // empty: from the posting's text
  Date today;
  std::optional<int> employees;  // employer headcount when known
};

struct LintResult {
  Lang lang = Lang::en;
  std::vector<std::string> jurisdictions;
  int gender_score = 0;                // feminine minus masculine coded words
  std::optional<double> reading_ease;  // lint/readability.hpp; nullopt: too short or no limit
  std::vector<Finding> findings;       // ordered by line, then column
};

LintResult lint_posting(const PostingText& text, const RuleData& rules, const LintOptions& options);

// German or English, by counting frequent function words of each.
Lang detect_lang(const PostingText& text);

// Places a posting names, as jurisdictions: every place of 'places' (data/posting/places.yaml:
// states, Länder and cities with their English and German names) and every US state code after
// a city ("Seattle, WA"); when it names none, "DE" for a German posting and "US" for an English
// one.
std::vector<std::string> detect_jurisdictions(const PostingText& text, Lang lang,
                                              const std::vector<PlaceName>& places);

// Checks an employer profile against the laws that bind at its places on its posting date,
// with its known headcount: a position without pay where a law requires a range
// (profile_law_no_pay) or with an open-ended range where a law forbids one
// (profile_law_open_ended) is an error (or a warning where an EU directive is not yet
// transposed), naming the field. Complements posting::check_profile.
std::vector<posting::ProfileIssue> check_profile_laws(const posting::EmployerProfile& profile,
                                                      const RuleData& rules);

}  // namespace ccteam::lint
