#pragma once
// The data the posting linter works from: laws per jurisdiction, risky phrases, gender-coded
// words and minimum wages. Read from data/posting/*.yaml by src/io/lint_data_yaml.hpp; adding a
// law or a word is adding data.

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
};
std::optional<Requirement> parse_requirement(std::string_view text);
std::span<const std::string_view> all_requirements();

struct Law {
  std::string id;
  std::string jurisdiction;  // "EU", "DE", "US-CO"
  std::string citation;
  Date applies_from;
  int min_employees = 1;
  std::vector<Requirement> demands;  // the file's "requires" list
  posting::Severity severity = posting::Severity::error;
  std::vector<std::string> countries;   // EU: the member states it binds
  std::vector<std::string> transposed;  // EU: those that had transposed it as of the file's date
};

struct Phrase {
  std::string rule;  // "agg-age", "agg-origin", "agg-photo"
  Lang lang = Lang::de;
  std::string text;  // lower case; a trailing '*' matches any word ending
  std::string source;
};

struct CodedWord {
  Lang lang = Lang::en;
  bool masculine = true;
  std::string stem;  // lower case; a trailing '*' matches any ending
  std::string source;
};

struct RuleData {
  Date laws_as_of;
  std::vector<Law> laws;
  std::vector<Phrase> phrases;
  std::vector<CodedWord> words;
  posting::MinimumWages wages;
};

}  // namespace ccteam::lint
