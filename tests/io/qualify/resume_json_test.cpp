// Reading JSON Resume documents: layouts, per-document errors with positions, empty résumés.
#include "io/qualify/resume_json.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include <fmt/format.h>

#include "io/base/files.hpp"
#include "support/paths.hpp"

namespace ccteam::io {
namespace {

struct Batch {
  std::vector<qualify::Person> people;
  std::vector<Error> errors;
};

Batch read(std::string_view content, const std::string& file = "in.json") {
  Batch b;
  std::size_t next = 1;
  read_json_resumes(content, file, next, [&](Result<qualify::Person> r) {
    if (r) {
      b.people.push_back(std::move(*r));
    } else {
      b.errors.push_back(r.error());
    }
  });
  return b;
}

TEST(ReadJsonResumes, OneDocument) {
  Batch b = read(R"({"work":[{"position":"Agent","startDate":"2019","endDate":"2020-04-15"}]})");
  ASSERT_EQ(b.people.size(), 1u);
  const qualify::Position& job = b.people[0].work[0];
  EXPECT_EQ(job.title, "Agent");
  EXPECT_EQ(job.start->year, 2019);
  EXPECT_EQ(job.start->month, 0u);
  EXPECT_EQ(job.end->day, 15u);
  EXPECT_EQ(job.pos.json_pointer, "/work/0");
  EXPECT_EQ(b.people[0].id, "A1");
}

TEST(ReadJsonResumes, ArrayPointsIntoTheElement) {
  Batch b =
      read(R"([{"skills":[{"name":"CRM"}]}, {"work":[{"position":"x","endDate":"2020-13"}]}])");
  ASSERT_EQ(b.people.size(), 1u);
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_EQ(b.errors[0].where.json_pointer, "/1/work/0/endDate");
}

TEST(ReadJsonResumes, NdjsonBatchGoesOnAfterEachError) {
  auto content = read_file(test::data_path("resumes/batch.ndjson").string());
  ASSERT_TRUE(content.has_value());
  Batch b = read(*content, "batch.ndjson");
  // Lines (blank line 2 skipped): 1 ok; 3 impossible date; 4 invalid JSON; 5 wrong type;
  // 6 end before start; 7 name only = empty; 8 ok.
  ASSERT_EQ(b.people.size(), 2u);
  ASSERT_EQ(b.errors.size(), 5u);
  EXPECT_EQ(b.people[0].work[0].title, "Kundenberaterin");
  EXPECT_EQ(b.people[1].id, "A7");  // ids count rejected documents too
  EXPECT_EQ(b.errors[0].where.line, 3);
  EXPECT_EQ(b.errors[0].where.json_pointer, "/work/0/startDate");
  EXPECT_EQ(b.errors[0].message.id, MsgId::bad_date);
  EXPECT_EQ(b.errors[1].where.line, 4);
  EXPECT_EQ(b.errors[1].where.column, 12);  // the 'o' of "oops"
  EXPECT_EQ(b.errors[1].message.id, MsgId::resume_bad_json);
  EXPECT_EQ(b.errors[2].where.json_pointer, "/work");
  EXPECT_EQ(b.errors[2].message.id, MsgId::resume_wrong_type);
  EXPECT_EQ(b.errors[3].message.id, MsgId::resume_end_before_start);
  EXPECT_EQ(b.errors[3].where.json_pointer, "/work/0/endDate");
  EXPECT_EQ(b.errors[4].message.id, MsgId::resume_empty);
  EXPECT_EQ(b.errors[4].where.line, 7);
}

TEST(ReadJsonResumes, BlankInputIsAnEmptyDocument) {
  Batch b = read("  \n\t");
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_EQ(b.errors[0].message.id, MsgId::resume_empty);
}

TEST(ReadJsonResumes, PartialDateWithinTheSameYearIsNotReversed) {
  // "2019" .. "2019-03": the year may well start before March.
  Batch b = read(R"({"work":[{"position":"Agent","startDate":"2019","endDate":"2019-03"}]})");
  EXPECT_EQ(b.people.size(), 1u);
}

// The public fixtures: the blank template and the date test file say nothing; the broken file
// fails at the line and column SOURCES.md gives (251:3); the others are read.
TEST(ReadJsonResumes, PublicFixtures) {
  auto dir = test::fixtures_dir() / "resumes" / "public";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "fixtures absent: " << dir;
  auto one = [&](const char* name) {
    auto content = read_file((dir / name).string());
    EXPECT_TRUE(content.has_value()) << name;
    return read(content.value_or(""), name);
  };
  Batch empty = one("fresh-test-resumes.empty.json");
  ASSERT_EQ(empty.errors.size(), 1u);
  EXPECT_EQ(empty.errors[0].message.id, MsgId::resume_empty);
  Batch dates = one("resume-schema.test.dates.json");
  ASSERT_EQ(dates.errors.size(), 1u);
  EXPECT_EQ(dates.errors[0].message.id, MsgId::resume_empty);
  Batch broken = one("fresh-test-resumes.johnny-trouble.broken.json");
  ASSERT_EQ(broken.errors.size(), 1u);
  EXPECT_EQ(broken.errors[0].where.line, 251);
  EXPECT_EQ(broken.errors[0].where.column, 3);
  for (const char* name :
       {"fresh-test-resumes.jane-fullstacker.json", "fresh-test-resumes.jane-incomplete.json",
        "fresh-test-resumes.john-doe.json", "fresh-test-resumes.richard-hendriks.json",
        "resume-schema.sample.resume.json"}) {
    Batch b = one(name);
    EXPECT_EQ(b.people.size(), 1u) << name;
    for (const Error& e : b.errors) ADD_FAILURE() << name << ": " << render(e, Lang::en);
  }
}

TEST(ReadJsonResumes, CallcenterNdjsonHoldsTheEightFiles) {
  auto path = test::fixtures_dir() / "resumes" / "callcenter.ndjson";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "fixtures absent: " << path;
  Batch b = read(*read_file(path.string()), "callcenter.ndjson");
  EXPECT_EQ(b.people.size(), 8u);
  EXPECT_TRUE(b.errors.empty());
}

}  // namespace
}  // namespace ccteam::io

namespace ccteam::io {
namespace {

TEST(StreamNdjsonResumes, SameResultsAsReadingWhole) {
  std::string path = test::data_path("resumes/batch.ndjson").string();
  std::vector<std::string> streamed;
  std::size_t next = 1;
  auto done = stream_ndjson_resumes(path, next, [&](Result<qualify::Person> r) {
    streamed.push_back(r ? r->id : to_string(r.error().where));
  });
  ASSERT_TRUE(done.has_value());
  std::vector<std::string> whole;
  std::size_t next_whole = 1;
  read_json_resumes(*read_file(path), path, next_whole, [&](Result<qualify::Person> r) {
    whole.push_back(r ? r->id : to_string(r.error().where));
  });
  EXPECT_EQ(streamed, whole);
  EXPECT_EQ(streamed.size(), 7u);
}

TEST(StreamNdjsonResumes, MissingFileFailsBeforeAnyDocument) {
  std::size_t next = 1;
  auto done = stream_ndjson_resumes("no/such/file.ndjson", next, [](auto) { FAIL(); });
  ASSERT_FALSE(done.has_value());
  EXPECT_EQ(done.error().kind, ErrorKind::not_found);
}

// Each result as a line: the person's id, or the error's position and English message.
std::vector<std::string> outcomes_whole(std::string_view content) {
  std::vector<std::string> out;
  std::size_t next = 1;
  read_json_resumes(content, "-", next, [&](Result<qualify::Person> r) {
    out.push_back(r ? r->id : to_string(r.error().where) + " " + render(r.error(), Lang::en));
  });
  return out;
}

std::vector<std::string> outcomes_streamed(const std::string& content) {
  std::vector<std::string> out;
  std::istringstream in(content);
  std::size_t next = 1;
  auto done = stream_json_resumes(in, "-", next, [&](Result<qualify::Person> r) {
    out.push_back(r ? r->id : to_string(r.error().where) + " " + render(r.error(), Lang::en));
  });
  EXPECT_TRUE(done.has_value());
  return out;
}

TEST(StreamJsonResumes, SameResultsAsReadingWholeForEveryLayout) {
  std::string batch = *read_file(test::data_path("resumes/batch.ndjson").string());
  std::string pretty = *read_file(test::data_path("resumes/agent-de.json").string());
  const std::vector<std::string> inputs = {
      batch,
      "\n  \n" + batch,        // blank lines first: line numbers move on
      "\xEF\xBB\xBF" + batch,  // byte order mark
      pretty,
      "[" + pretty + ",{\"work\":[{\"position\":\"Agent\",\"startDate\":\"2021-13\"}]}]",
      "{\"work\": [\n oops ]}\n",  // invalid JSON over two lines: one error at line 2
      "",
      "  \n\n",
  };
  for (const std::string& input : inputs) {
    SCOPED_TRACE(input.substr(0, 60));
    std::vector<std::string> whole = outcomes_whole(input);
    EXPECT_FALSE(whole.empty());
    EXPECT_EQ(outcomes_streamed(input), whole);
  }
  // The batch: 7 documents (2 people, 5 errors) with the invalid JSON at line 4, column 12.
  std::vector<std::string> got = outcomes_streamed("\n  \n" + batch);
  ASSERT_EQ(got.size(), 7u);
  EXPECT_NE(got[2].find("<stdin>:6:12"), std::string::npos) << got[2];
}

TEST(StreamJsonResumes, NdjsonIsReadLineByLine) {
  // 1,000 one-line documents: when the first person arrives, most of the input is unread.
  std::string input;
  for (int i = 0; i < 1000; ++i)
    input += R"({"work":[{"position":"Agent","startDate":"2020"}]})"
             "\n";
  std::istringstream in(input);
  std::size_t next = 1;
  std::streamoff read_at_first = -1;
  std::size_t people = 0;
  auto done = stream_json_resumes(in, "-", next, [&](Result<qualify::Person> r) {
    ASSERT_TRUE(r.has_value());
    if (people++ == 0) read_at_first = in.tellg();
  });
  ASSERT_TRUE(done.has_value());
  EXPECT_EQ(people, 1000u);
  EXPECT_GT(read_at_first, 0);
  EXPECT_LT(read_at_first, 200);  // the first line (51 bytes), not all 51,000
}

TEST(StreamJsonResumes, AWholeDocumentOverTheLimitIsRefusedWithoutResults) {
  std::string pretty = *read_file(test::data_path("resumes/agent-de.json").string());
  std::istringstream in(pretty);
  std::size_t next = 1;
  auto done = stream_json_resumes(
      in, "-", next, [](auto) { FAIL(); }, 100);
  ASSERT_FALSE(done.has_value());
  EXPECT_EQ(done.error().kind, ErrorKind::invalid_input);
}

}  // namespace
}  // namespace ccteam::io

// The fast path (simdjson) against the reference path (nlohmann-json): every field of every
// person and every error (message and position) must be the same, for the repository's résumés,
// the real fixtures, the fuzz corpus and inputs written to hit each place where the fast path
// hands a document back to the reference path.
namespace ccteam::io {
namespace {

std::string show(const std::optional<PartialDate>& d) {
  return d ? fmt::format("{}-{}-{}", d->year, d->month, d->day) : "-";
}
std::string show(const SourcePos& p) {
  return fmt::format("{}:{}:{}({})", p.file, p.line, p.column, p.json_pointer);
}

// Every field of a result, in one line per document.
std::string describe(const Result<qualify::Person>& r) {
  if (!r) {
    const Error& e = r.error();
    return fmt::format("error {} at {} hint {}", render(e.message, Lang::en), show(e.where),
                       e.hint ? render(*e.hint, Lang::en) : "-");
  }
  const qualify::Person& p = *r;
  std::string out =
      fmt::format("{} {} [{}|{}|{}|{}|{}]", p.id, show(p.pos), p.personal.name, p.personal.email,
                  p.personal.phone, p.personal.city, p.personal.country_code);
  out += fmt::format(" summary[{}|{}]", p.summary, show(p.summary_pos));
  for (const auto& w : p.work) {
    out += fmt::format(" W[{}|{}|{}|{}|{}|{}|{}]", w.title, w.organisation, w.summary,
                       fmt::join(w.highlights, ","), show(w.start), show(w.end), show(w.pos));
    for (const auto& place : w.text_places) out += fmt::format(" @{}:{}", place.line, place.column);
  }
  for (const auto& e : p.education) {
    out += fmt::format(" E[{}|{}|{}|{}|{}|{}]", e.study_type, e.area, e.institution, show(e.start),
                       show(e.end), show(e.pos));
  }
  for (const auto& l : p.languages) {
    out += fmt::format(" L[{}|{}|{}]", l.language, l.fluency, show(l.pos));
  }
  for (const auto& s : p.skills) {
    out += fmt::format(" S[{}|{}|{}|{}]", s.name, s.level, fmt::join(s.keywords, ","), show(s.pos));
  }
  for (const auto& c : p.certificates) {
    out += fmt::format(" C[{}|{}|{}]", c.name, show(c.date), show(c.pos));
  }
  return out;
}

std::vector<std::string> both_paths(std::string_view content, bool reference) {
  std::vector<std::string> out;
  std::size_t next = 1;
  auto sink = [&](Result<qualify::Person> r) { out.push_back(describe(r)); };
  if (reference) {
    read_json_resumes_reference(content, "in.json", next, sink);
  } else {
    read_json_resumes(content, "in.json", next, sink);
  }
  return out;
}

void expect_same(std::string_view content, const std::string& name) {
  EXPECT_EQ(both_paths(content, false), both_paths(content, true)) << name;
}

TEST(ReadJsonResumes, FastPathAgreesWithTheReference) {
  std::vector<std::filesystem::path> files;
  auto add_dir = [&](const std::filesystem::path& dir) {
    if (!std::filesystem::exists(dir)) return;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
  };
  add_dir(test::data_path("resumes"));
  add_dir(std::filesystem::path(CCTEAM_SOURCE_DIR) / "fuzz" / "corpus" / "resume_json");
  add_dir(test::fixtures_dir() / "resumes");
  ASSERT_GE(files.size(), 4u);
  for (const auto& f : files) expect_same(read_file(f.string()).value_or(""), f.string());
  // Where the fast path must decline (or read exactly like the reference).
  const char* cases[] = {
      R"({"work":[{"position":"A"}],"work":[{"position":"B"}]})",  // duplicate: an error
      R"({"work":[{"position":"A","position":"B"}]})",
      R"({"basics":{"name":"X","location":null},"skills":[{"name":"CRM","keywords":null}]})",
      R"({"skills":[{"name":"CRM","keywords":["a",1]}]})",
      R"({"skills":[{"name":"\udc00"}]})",            // lone low surrogate
      R"({"skills":[{"name":"\ud83d\ude00 CRM"}]})",  // a surrogate pair
      R"({"skills":[{"name":"K\u00fcndigung"}]})",
      R"({"work":[{"position":"A","company":"C"}],"x":[1e999]})",
      R"({"work":[{"position":"A","name":"","company":"C"}]})",
      R"({"work":[{"position":"A","startDate":""}],"certificates":[{"name":"B","date":"2019-02-29"}]})",
      R"({"work":[{"position":"A","startDate":"2020","endDate":"2019"}]})",
      R"({"basics":{"name":"only a name"}})",
      R"({"education":[{"studyType":"Abitur","endDate":"2004"}]} x)",
      "[]",
      "5",
      "\"text\"",
      "[{\"skills\":[{\"name\":\"CRM\"}]}, 5]",
      "{\"skills\":[{\"name\":\"CRM\"}]}\r\n{\"skills\":[{\"name\":\"x\"}]}\r\n",
      "{\"skills\":[{\"name\":\"CRM\"}]}\n\n{\"skills\":[{\"name\":tru}]}\n",
      "\xEF\xBB\xBF{\"skills\":[{\"name\":\"CRM\"}]}",
      "{\"skills\":[{\"name\":\"\xC3\x28\"}]}",  // invalid UTF-8
      // Over several lines, so values are placed: escaped quotes and backslashes in names and
      // values, numbers and literals, members not read (nested, and named like read ones).
      R"({
  "basics": {"summary": "a \"quoted\" \\ text", "location": {"city": "B"}},
  "meta": {"x": [1, true, null, {"work": [2], "position": "no"}], "n": -1.5e3},
  "work": [
    {"name": "Ä \"GmbH\"", "position": "Agent", "highlights": ["a", "b\\"]},
    {"company": "C", "summary": "x", "x\"y": {"position": "z"}}
  ],
  "skills": [{"name": "CRM", "keywords": ["a"]}],
  "languages": [
    {"language": "Deutsch"}
  ]
}
)",
      R"([
  {"work": [{"position": "A", "highlights": []}]},
  {
    "education": [{"studyType": "Abitur"}],
    "work": [
      {"position": "B"}
    ]
  }
])",
  };
  for (const char* c : cases) expect_same(c, c);
  // The duplicate member is an error on both paths, at the second one.
  Batch dup = read(cases[0]);
  EXPECT_TRUE(dup.people.empty());
  ASSERT_EQ(dup.errors.size(), 1u);
  EXPECT_EQ(dup.errors[0].where.json_pointer, "/work");
  EXPECT_EQ(dup.errors[0].where.column, 28);  // 27 characters before the second "work"
  // The surrogate pair is U+1F600 (UTF-8 F0 9F 98 80).
  Batch pair = read(cases[5]);
  ASSERT_EQ(pair.people.size(), 1u);
  EXPECT_EQ(pair.people[0].skills[0].name, "\xF0\x9F\x98\x80 CRM");
}

}  // namespace
}  // namespace ccteam::io

namespace ccteam::io {
namespace {

// nlohmann-json stops at a NUL byte as if the input ended there; the reader must not drop what
// follows without a word. Columns counted by hand: {"skills":[{"name":"CRM"}]} is 27 bytes, so
// a NUL right after it is column 28.
TEST(ReadJsonResumes, NulByteIsAnErrorNotTheEndOfTheInput) {
  const std::string doc = R"({"skills":[{"name":"CRM"}]})";
  std::string first_line_nul = doc + std::string(1, '\0') + doc + "\n" + doc + "\n";
  Batch b = read(first_line_nul);
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_TRUE(b.people.empty());
  EXPECT_EQ(b.errors[0].message.id, MsgId::resume_bad_json);
  EXPECT_EQ(b.errors[0].where.line, 1);
  EXPECT_EQ(b.errors[0].where.column, 28);
  std::string second_line_nul = doc + "\n" + doc + std::string(1, '\0') + "\n" + doc + "\n";
  Batch n = read(second_line_nul);
  ASSERT_EQ(n.people.size(), 2u);
  ASSERT_EQ(n.errors.size(), 1u);
  EXPECT_EQ(n.errors[0].where.line, 2);
  EXPECT_EQ(n.errors[0].where.column, 28);
  EXPECT_EQ(n.people[1].id, "A3");
  for (const std::string& content : {first_line_nul, second_line_nul}) {
    EXPECT_EQ(both_paths(content, false), both_paths(content, true));
    std::istringstream in(content);
    std::size_t next = 1;
    std::size_t streamed = 0;
    ASSERT_TRUE(stream_json_resumes(in, "in.json", next, [&](auto) { ++streamed; }));
    EXPECT_EQ(streamed, both_paths(content, false).size());
  }
}

TEST(ReadJsonResumes, Utf16IsNamedAtItsMark) {
  // {"a":1} saved as UTF-16LE with its mark (a spreadsheet's "Unicode text"): one error,
  // "UTF-16LE" at 1:1, read whole or streamed; before, a NUL byte at 1:2 per line.
  std::string text(
      "\xFF\xFE{\0\"\0a\0\"\0:\0"
      "1\0}\0\n\0",
      18);
  Batch b = read(text, "cv.json");
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_TRUE(b.people.empty());
  EXPECT_EQ(b.errors[0].message.id, MsgId::utf16_text);
  EXPECT_EQ(b.errors[0].message.args[0], "UTF-16LE");
  EXPECT_EQ(to_string(b.errors[0].where), "cv.json:1:1");
  std::istringstream in(text);
  std::size_t next = 1;
  auto streamed = stream_json_resumes(in, "cv.json", next, [](auto) {});
  ASSERT_FALSE(streamed);
  EXPECT_EQ(streamed.error().message.id, MsgId::utf16_text);
}

}  // namespace
}  // namespace ccteam::io
