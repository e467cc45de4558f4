// Fuzz target: the JSON Resume reader must turn any byte string into people or per-document
// errors with positions, never crash, hang or throw; every person it accepts must evaluate;
// the stdin reader (stream_json_resumes) must find as many documents as the whole-text reader;
// the fast path (simdjson) must give what the reference path (nlohmann-json) gives.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/qualify/evaluate.hpp"
#include "io/qualify/resume_json.hpp"

namespace {

const ccteam::catalog::Catalog& fuzz_catalog() {
  static const ccteam::catalog::Catalog catalog = [] {
    using namespace ccteam::catalog;
    Role role;
    role.id = ccteam::RoleId("agent");
    role.minimum_education.push_back({"*", IscedLevel::upper_secondary, {}, {}, {}});
    role.languages.push_back({"de", Cefr::c1, Importance::required, {}, std::nullopt});
    role.experience.push_back(
        {ExperienceKind::customer_service, 6, Importance::required, std::nullopt, {}});
    role.substitutions.push_back(
        {"s", {}, 12, {ExperienceKind::customer_service}, IscedLevel::upper_secondary, {}, {}, {}});
    Catalog c;
    c.roles.push_back(std::move(role));
    return c;
  }();
  return catalog;
}

// The parts of a result that the two paths could disagree on.
std::string fingerprint(const ccteam::Result<ccteam::qualify::Person>& r) {
  if (!r) {
    return "E" + ccteam::render(r.error(), ccteam::Lang::en);
  }
  const ccteam::qualify::Person& p = *r;
  std::string out = p.id + "|" + ccteam::to_string(p.pos) + "|" + p.personal.name + "|" +
                    p.personal.email + "|" + p.personal.city + "|" + p.summary + "|" +
                    ccteam::to_string(p.summary_pos);
  for (const auto& w : p.work) {
    for (const auto& place : w.text_places) {
      out += "|P" + std::to_string(place.line) + ":" + std::to_string(place.column);
    }
    out +=
        "|W" + w.title + "," + w.organisation + "," + w.summary + "," +
        std::to_string(w.highlights.size()) + "," + ccteam::to_string(w.pos) + "," +
        (w.start ? std::to_string(w.start->year * 10000 + static_cast<int>(w.start->month) * 100 +
                                  static_cast<int>(w.start->day))
                 : "-") +
        "," +
        (w.end ? std::to_string(w.end->year * 10000 + static_cast<int>(w.end->month) * 100 +
                                static_cast<int>(w.end->day))
               : "-");
    for (const auto& h : w.highlights) out += "," + h;
  }
  for (const auto& e : p.education) out += "|E" + e.study_type + "," + e.area + "," + e.institution;
  for (const auto& l : p.languages) out += "|L" + l.language + "," + l.fluency;
  for (const auto& s : p.skills) {
    out += "|S" + s.name + "," + s.level;
    for (const auto& k : s.keywords) out += "," + k;
  }
  for (const auto& c : p.certificates) out += "|C" + c.name + (c.date ? "d" : "");
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ccteam::qualify::Evaluator evaluator(fuzz_catalog());
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t next_id = 1;
  const ccteam::Date as_of{std::chrono::year(2025), std::chrono::month(12), std::chrono::day(31)};
  std::size_t whole = 0;
  std::vector<std::string> fast;
  ccteam::io::read_json_resumes(text, "fuzz.json", next_id, [&](auto result) {
    ++whole;
    fast.push_back(fingerprint(result));
    if (result) evaluator.evaluate(*result, fuzz_catalog().roles.front(), {as_of, "DE"});
  });
  std::vector<std::string> reference;
  std::size_t next_reference = 1;
  ccteam::io::read_json_resumes_reference(text, "fuzz.json", next_reference, [&](auto result) {
    reference.push_back(fingerprint(result));
  });
  if (fast != reference) std::abort();
  // The stdin reader detects the layout from the first line; it must find the same documents.
  std::istringstream in{std::string(text)};
  std::size_t streamed = 0;
  std::size_t next_streamed = 1;
  if (ccteam::io::stream_json_resumes(in, "fuzz.json", next_streamed, [&](auto) { ++streamed; }) &&
      streamed != whole) {
    std::abort();
  }
  return 0;
}
