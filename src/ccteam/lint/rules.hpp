#pragma once
// The data the posting linter works from: laws per jurisdiction, risky phrases, gender-coded
// words, reading-ease limits and minimum wages. Read from data/posting/*.yaml by
// src/io/posting/posting_data_yaml.hpp; adding a law or a word is adding data.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/core/date.hpp"
#include "ccteam/core/lang.hpp"
#include "ccteam/posting/minimum_wage.hpp"
#include "ccteam/posting/severity.hpp"

namespace ccteam::lint {

// What a law requires of a job posting.
enum class Requirement {
  pay_range,                // a pay amount or range is stated
  no_open_ended_range,      // no "from $X", "$X and up"
  benefits,                 // a general description of benefits
  application_deadline,     // the date applications close
  no_pay_history_question,  // no question about current or past pay
  gender_neutral_title,     // German: "(m/w/d)" or an inclusive form
  no_age_wording,
  no_origin_wording,
  no_photo_request,
  no_sex_preference,         // no preference for one sex outside lawful positive action
  no_personal_data_request,  // no request for date of birth, marital status, ...
};
std::optional<Requirement> parse_requirement(std::string_view text);
std::span<const std::string_view> all_requirements();

// How far a member state has carried an EU directive into national law (for the posting
// linter: its art. 5, the part a posting can break).
enum class Transposition { transposed, partial, not_transposed, unknown };
std::optional<Transposition> parse_transposition(std::string_view text);
std::span<const std::string_view> all_transpositions();

struct MemberState {
  std::string country;  // ISO 3166-1 alpha-2
  Transposition status = Transposition::unknown;
  LocalizedText source = {};  // the national act, empty when none is known
  bool verified = true;
  std::string note = {};  // what could not be confirmed
};

struct Law {
  std::string id;
  std::string jurisdiction;  // "EU", "DE", "US-CO"
  LocalizedText citation;    // in English and German
  Date applies_from;
  int min_employees = 1;
  std::vector<Requirement> demands;  // the file's "requires" list
  posting::Severity severity = posting::Severity::error;
  bool verified = true;  // false: a part of the entry could not be confirmed ('note' says which)
  std::string note;
  std::vector<MemberState> member_states;  // EU: each member state it binds and its transposition
  std::vector<std::string> countries;      // EU: the member states it binds (from member_states)
  std::vector<std::string> transposed;     // EU: those with status transposed as of the file's date
};

// A pattern of words that marks a defect (lint/patterns.hpp has the syntax): "native speaker*",
// "between #age and #age years", "send* .. photo|headshot*".
struct Phrase {
  std::string rule;  // agg-age, agg-origin, agg-photo, agg-sex, agg-personal-data, pay-history
  Lang lang = Lang::de;
  std::string text;  // the pattern, case-folded
  LocalizedText source;
  bool verified = true;  // false: the source could not be confirmed ('note' in the file says why)
};

// A place name and the jurisdiction it puts a posting in: "Denver" -> "US-CO", "München" ->
// "DE", "Wien" -> "AT". From data/posting/places.yaml.
struct PlaceName {
  enum class Kind { country, region, city };
  std::string name;          // case-folded
  std::string jurisdiction;  // "US-CO", "DE", "AT"
  Kind kind = Kind::city;
  bool needs_region = false;  // a common word ("Mobile"): counts only as "Mobile, AL"
};

struct CodedWord {
  Lang lang = Lang::en;
  bool masculine = true;
  std::string stem;  // lower case; a trailing '*' matches any ending
  LocalizedText source;
  bool verified = true;  // false: the attribution to 'source' could not be confirmed
};

// Below 'min_score' reading ease (lint/readability.hpp) a posting of at least 'min_words' words
// gets an info finding.
struct ReadabilityLimit {
  Lang lang = Lang::en;
  std::string formula;  // "flesch-1948" (en) or "amstad-1978" (de)
  double min_score = 50.0;
  int min_words = 100;
  LocalizedText source;
};

struct RuleData {
  Date laws_as_of;
  std::vector<Law> laws;
  std::vector<Phrase> phrases;
  std::vector<CodedWord> words;
  std::vector<ReadabilityLimit> readability;
  std::vector<PlaceName> places;
  posting::MinimumWages wages;
};

}  // namespace ccteam::lint
