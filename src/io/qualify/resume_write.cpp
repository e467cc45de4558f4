#include "io/qualify/resume_write.hpp"

#include <fmt/format.h>

namespace ccteam::io {

namespace {

using json = nlohmann::ordered_json;

void put_text(json& object, const char* key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}

void put_date(json& object, const char* key, const std::optional<PartialDate>& date) {
  if (date) object[key] = partial_date_text(*date);
}

}  // namespace

std::string partial_date_text(const PartialDate& date) {
  if (date.month == 0) return fmt::format("{:04}", date.year);
  if (date.day == 0) return fmt::format("{:04}-{:02}", date.year, date.month);
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

json resume_without_personal(const qualify::Person& person) {
  json out = json::object();
  if (!person.summary.empty()) out["basics"] = json{{"summary", person.summary}};
  json work = json::array();
  for (const qualify::Position& p : person.work) {
    json item = json::object();
    put_text(item, "position", p.title);
    put_text(item, "name", p.organisation);
    put_text(item, "summary", p.summary);
    if (!p.highlights.empty()) item["highlights"] = p.highlights;
    put_date(item, "startDate", p.start);
    put_date(item, "endDate", p.end);
    work.push_back(std::move(item));
  }
  if (!work.empty()) out["work"] = std::move(work);
  json education = json::array();
  for (const qualify::Education& e : person.education) {
    json item = json::object();
    put_text(item, "studyType", e.study_type);
    put_text(item, "area", e.area);
    put_text(item, "institution", e.institution);
    put_date(item, "startDate", e.start);
    put_date(item, "endDate", e.end);
    education.push_back(std::move(item));
  }
  if (!education.empty()) out["education"] = std::move(education);
  json languages = json::array();
  for (const qualify::LanguageEntry& l : person.languages) {
    json item = json::object();
    put_text(item, "language", l.language);
    put_text(item, "fluency", l.fluency);
    languages.push_back(std::move(item));
  }
  if (!languages.empty()) out["languages"] = std::move(languages);
  json skills = json::array();
  for (const qualify::SkillEntry& s : person.skills) {
    json item = json::object();
    put_text(item, "name", s.name);
    put_text(item, "level", s.level);
    if (!s.keywords.empty()) item["keywords"] = s.keywords;
    skills.push_back(std::move(item));
  }
  if (!skills.empty()) out["skills"] = std::move(skills);
  json certificates = json::array();
  for (const qualify::Certificate& c : person.certificates) {
    json item = json::object();
    put_text(item, "name", c.name);
    put_date(item, "date", c.date);
    certificates.push_back(std::move(item));
  }
  if (!certificates.empty()) out["certificates"] = std::move(certificates);
  return out;
}

}  // namespace ccteam::io
