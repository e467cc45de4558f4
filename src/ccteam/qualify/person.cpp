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
  return !std::ranges::any_of(p.work, job) && !std::ranges::any_of(p.education, edu) &&
         !std::ranges::any_of(p.languages, lang) && !std::ranges::any_of(p.skills, skill) &&
         !std::ranges::any_of(p.certificates, cert);
}

}  // namespace ccteam::qualify
