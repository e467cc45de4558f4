// Fuzz target: the JSON Resume reader must turn any byte string into people or per-document
// errors with positions, never crash, hang or throw; every person it accepts must evaluate;
// the stdin reader (stream_json_resumes) must find as many documents as the whole-text reader.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "ccteam/qualify/evaluate.hpp"
#include "io/resume_json.hpp"

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
        {"s", {}, 12, {ExperienceKind::customer_service}, IscedLevel::upper_secondary, {}, {}});
    Catalog c;
    c.roles.push_back(std::move(role));
    return c;
  }();
  return catalog;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ccteam::qualify::Evaluator evaluator(fuzz_catalog());
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t next_id = 1;
  const ccteam::Date as_of{std::chrono::year(2025), std::chrono::month(12), std::chrono::day(31)};
  std::size_t whole = 0;
  ccteam::io::read_json_resumes(text, "fuzz.json", next_id, [&](auto result) {
    ++whole;
    if (result) evaluator.evaluate(*result, fuzz_catalog().roles.front(), {as_of, "DE"});
  });
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
