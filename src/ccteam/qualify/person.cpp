#include "ccteam/qualify/person.hpp"

#include <algorithm>

#include "ccteam/text/normalize.hpp"

namespace ccteam::qualify {

namespace {

bool says(const std::string& s) { return !text::is_blank(s); }

}  // namespace

bool says_nothing(const Person& p) {
  auto job = [](const Position& j) {
    return says(j.title) || says(j.summary) || std::ranges::any_of(j.highlights, says);
  };
  auto edu = [](const Education& e) { return says(e.study_type) || says(e.area); };
  auto lang = [](const LanguageEntry& l) { return says(l.language); };
  auto skill = [](const SkillEntry& s) {
    return says(s.name) || std::ranges::any_of(s.keywords, says);
  };
  auto cert = [](const Certificate& c) { return says(c.name); };
  return !says(p.summary) && !std::ranges::any_of(p.work, job) &&
         !std::ranges::any_of(p.education, edu) && !std::ranges::any_of(p.languages, lang) &&
         !std::ranges::any_of(p.skills, skill) && !std::ranges::any_of(p.certificates, cert);
}

bool is_summary_pointer(std::string_view json_pointer) {
  return json_pointer == "/summary" || json_pointer.ends_with("/basics/summary");
}

bool is_document_pointer(std::string_view json_pointer) {
  return json_pointer.starts_with("/documents/");
}

bool means_ongoing(std::string_view end_date) {
  static constexpr std::string_view k_words[] = {
      "present",   "current", "currently", "now",     "today", "ongoing",  "heute",
      "bis heute", "aktuell", "laufend",   "derzeit", "jetzt", "bis jetzt"};
  std::string_view t = end_date;
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  if (t.empty() || t.size() > 9) return false;
  // A date ("2024-07-31"), the usual end: every word of the list starts with a letter.
  if (t.front() >= '0' && t.front() <= '9') return false;
  std::string folded = text::fold(t);
  return std::ranges::find(k_words, std::string_view(folded)) != std::end(k_words);
}

}  // namespace ccteam::qualify
