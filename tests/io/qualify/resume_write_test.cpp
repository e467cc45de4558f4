// Writing a person as JSON Resume: reading what was written gives back every field the reader
// reads (work, education, languages, skills, certificates, summary), on the fixtures' résumés
// and on a person CSV; nothing identifying is written.
#include "io/qualify/resume_write.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include <fmt/format.h>

#include "io/base/files.hpp"
#include "io/qualify/person_csv.hpp"
#include "io/qualify/resume_json.hpp"
#include "support/paths.hpp"

namespace ccteam::io {
namespace {

std::string date_text(const std::optional<PartialDate>& date) {
  return date ? partial_date_text(*date) : "-";
}

// Every field the engine reads, in one text (written here field by field, not by the writer).
std::string fields_of(const qualify::Person& p) {
  std::string out = "summary=" + p.summary + "\n";
  for (const auto& w : p.work) {
    out += fmt::format("work {}|{}|{}|{}|{}|{}\n", w.title, w.organisation, w.summary,
                       fmt::join(w.highlights, ";"), date_text(w.start), date_text(w.end));
  }
  for (const auto& e : p.education) {
    out += fmt::format("education {}|{}|{}|{}|{}\n", e.study_type, e.area, e.institution,
                       date_text(e.start), date_text(e.end));
  }
  for (const auto& l : p.languages) out += fmt::format("language {}|{}\n", l.language, l.fluency);
  for (const auto& s : p.skills) {
    out += fmt::format("skill {}|{}|{}\n", s.name, s.level, fmt::join(s.keywords, ";"));
  }
  for (const auto& c : p.certificates) {
    out += fmt::format("certificate {}|{}\n", c.name, date_text(c.date));
  }
  return out;
}

std::vector<qualify::Person> people_of(std::string_view content, bool csv) {
  std::vector<qualify::Person> out;
  std::size_t next = 1;
  auto sink = [&](Result<qualify::Person> read) {
    if (read) out.push_back(std::move(*read));
  };
  if (csv) {
    read_person_csv(content, "in.csv", next, sink);
  } else {
    read_json_resumes(content, "in.json", next, sink);
  }
  return out;
}

// Writes each person of 'content', reads it back and compares; returns how many were compared.
std::size_t round_trip(std::string_view content, bool csv, const std::string& name) {
  std::size_t compared = 0;
  for (const qualify::Person& person : people_of(content, csv)) {
    nlohmann::ordered_json written = resume_without_personal(person);
    EXPECT_FALSE(written.contains("basics") && written["basics"].contains("name")) << name;
    std::vector<qualify::Person> back = people_of(written.dump(), false);
    EXPECT_EQ(back.size(), 1u) << name << ": " << written.dump();
    if (back.size() != 1) continue;
    EXPECT_EQ(fields_of(back[0]), fields_of(person)) << name;
    EXPECT_TRUE(back[0].personal.name.empty() && back[0].personal.email.empty()) << name;
    ++compared;
  }
  return compared;
}

TEST(ResumeWrite, PartialDatesAsWritten) {
  EXPECT_EQ(partial_date_text(*PartialDate::parse("2019")), "2019");
  EXPECT_EQ(partial_date_text(*PartialDate::parse("2019-04")), "2019-04");
  EXPECT_EQ(partial_date_text(*PartialDate::parse("2019-04-05")), "2019-04-05");
}

TEST(ResumeWrite, OnlyWhatIsThereAndNothingIdentifying) {
  auto people = people_of(
      R"({"basics":{"name":"Anna Berg","email":"a@example.org","summary":"Seit 2019 im Service."},)"
      R"("work":[{"position":"Agent","company":"Hotline AG","startDate":"2019-02"}],)"
      R"("skills":[{"name":"Zendesk","keywords":["Tickets"]}]})",
      false);
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(resume_without_personal(people[0]).dump(),
            R"({"basics":{"summary":"Seit 2019 im Service."},)"
            R"("work":[{"position":"Agent","name":"Hotline AG","startDate":"2019-02"}],)"
            R"("skills":[{"name":"Zendesk","keywords":["Tickets"]}]})");
}

TEST(ResumeWrite, ReadingWhatWasWrittenGivesBackTheSamePerson) {
  std::size_t compared = 0;
  for (const char* name :
       {"agent-de.json", "career-tl.json", "pretty-lines.json", "batch.ndjson"}) {
    auto text = read_file(test::data_path(std::string("resumes/") + name).string());
    ASSERT_TRUE(text) << name;
    compared += round_trip(*text, false, name);
  }
  auto csv = read_file(test::data_path("resumes/people.csv").string());
  ASSERT_TRUE(csv);
  std::size_t from_csv = round_trip(*csv, true, "people.csv");
  EXPECT_GE(from_csv, 1u);
  compared += from_csv;
#ifdef CCTEAM_FIXTURES_DIR
  std::filesystem::path fixtures = test::fixtures_dir() / "resumes";
  if (std::filesystem::exists(fixtures)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(fixtures)) {
      std::string file = entry.path().filename().string();
      if (!entry.is_regular_file() || !(file.ends_with(".json") || file.ends_with(".ndjson"))) {
        continue;
      }
      auto text = read_file(entry.path().string());
      ASSERT_TRUE(text) << file;
      compared += round_trip(*text, false, file);
    }
  }
#endif
  EXPECT_GE(compared, 10u);
  std::printf("resume_without_personal: %zu people read back unchanged\n", compared);
}

}  // namespace
}  // namespace ccteam::io
