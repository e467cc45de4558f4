// Input written to hurt, run as a user would: control characters that a terminal would obey,
// fields of 100 KB, thousands of broken lines, binary and UTF-16 files. Each must come out as a
// short, readable, escaped error (src/cli/context.cpp, src/io/base/markup.cpp).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/run.hpp"

namespace ccteam::test {
namespace {

namespace fs = std::filesystem;

// A file in a fresh folder of the test's own, removed at the end of the test.
class HostileInput : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() /
            ("ccteam_hostile_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  std::string write(const std::string& name, const std::string& bytes) {
    fs::path path = m_dir / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }

 private:
  fs::path m_dir;
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

bool has_control_bytes(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    auto b = static_cast<unsigned char>(c);
    return (b < 0x20 && b != '\n') || b == 0x7F;
  });
}

std::size_t longest_line(const std::string& text) {
  std::size_t longest = 0;
  std::size_t start = 0;
  for (std::size_t end = text.find('\n'); end != std::string::npos;
       start = end + 1, end = text.find('\n', start)) {
    longest = std::max(longest, end - start);
  }
  return std::max(longest, text.size() - start);
}

// A JSON Resume line that screens as an agent, with 'name' (JSON-escaped) as the name.
std::string resume_line(const std::string& name) {
  return R"({"basics":{"name":")" + name +
         R"("},"work":[{"position":"Kundenberaterin","startDate":"2020-01","endDate":"2021-12"}]})"
         "\n";
}

TEST_F(HostileInput, ScreenShowsTheFirstFiftyBrokenLinesAndCountsTheRest) {
  std::string lines;
  for (int i = 0; i < 2000; ++i) lines += "{\"work\": [ oops ]}\n";
  Outcome run = run_ccteam({"screen", "agent", write("broken.ndjson", lines)});
  EXPECT_EQ(run.exit_code, 2);  // nothing could be evaluated
  EXPECT_EQ(count(run.err, ": error: "), 51u) << run.err.substr(0, 2000);
  EXPECT_NE(run.err.find("#1: error: ... and 1,950 more\n"), std::string::npos)
      << run.err.substr(run.err.size() - std::min<std::size_t>(run.err.size(), 600));
  EXPECT_NE(run.out.find("2000 documents read: 0 evaluated, 2000 rejected"), std::string::npos)
      << run.out;
}

TEST_F(HostileInput, ScreenTableEscapesControlCharactersInNames) {
  // ESC [ 2 J clears the screen; a line feed and "1  meets" would fake a row of the table.
  std::string file =
      write("names.ndjson", resume_line(R"(Eve\u001b[2J\nFake)") + resume_line(R"(Bob\u009b31m)"));
  Outcome run =
      run_ccteam({"screen", "agent", file, "--reveal", "--as-of", "2025-12-31", "--lang", "en"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_FALSE(has_control_bytes(run.out)) << run.out;
  EXPECT_NE(run.out.find(R"(Eve\x1b[2J\x0aFake)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(R"(Bob\u009b31m)"), std::string::npos) << run.out;
  Outcome explain = run_ccteam(
      {"screen", "agent", file, "--reveal", "--explain", "--as-of", "2025-12-31", "--lang", "en"});
  ASSERT_EQ(explain.exit_code, 0) << explain.err;
  EXPECT_FALSE(has_control_bytes(explain.out)) << explain.out;
  EXPECT_NE(explain.out.find(R"(Eve\x1b[2J\x0aFake)"), std::string::npos) << explain.out;
}

TEST_F(HostileInput, ForecastFieldsInErrorsAreEscapedAndCut) {
  // interval_start holds ESC ] 0 ; title BEL and then 100,000 'x': one short, escaped line.
  std::string field = "\x1b]0;owned\x07" + std::string(100'000, 'x');
  std::string file =
      write("forecast.csv", "interval_start,calls_offered,aht_seconds\n" + field + ",100,180\n");
  Outcome run = run_ccteam({"plan", file, "--sl", "80/20"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_FALSE(has_control_bytes(run.err)) << run.err.substr(0, 400);
  EXPECT_LT(longest_line(run.err), 300u + file.size()) << run.err.substr(0, 400);
  // The first 52 characters of the escaped field: "\x1b]0;owned\x07" is 16, then 36 'x'.
  EXPECT_NE(run.err.find(R"(\x1b]0;owned\x07)" + std::string(36, 'x') + "\u2026"),
            std::string::npos)
      << run.err.substr(0, 400);
}

TEST_F(HostileInput, YamlKeysInErrorsAreEscaped) {
  std::string file = write("catalog.yaml", "roles: []\n\"\\e[8mhidden\": 1\n");
  Outcome run = run_ccteam({"catalog", "validate", file});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_FALSE(has_control_bytes(run.err)) << run.err;
  EXPECT_NE(run.err.find(R"(\x1b[8mhidden)"), std::string::npos) << run.err;
}

TEST_F(HostileInput, PostingLintRefusesBinaryFiles) {
  std::string pdf = write("cv.pdf", std::string("%PDF-1.7\n\x01\x02\0\x03", 13));
  Outcome run = run_ccteam({"posting", "lint", pdf});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find(pdf + ":2:3: error: the file holds a NUL byte, so it is not text\n"),
            std::string::npos)
      << run.err;
  std::string latin1 = write("posting.txt", "Wir suchen Verst\xE4rkung\n");
  Outcome bad = run_ccteam({"posting", "lint", latin1, "--lang", "de"}, "de_DE.UTF-8");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find(latin1 + ":1:17: Fehler: die Datei ist kein gültiger UTF-8-Text"),
            std::string::npos)
      << bad.err;
}

TEST_F(HostileInput, PostingLintEscapesTheFileNameAndShowsFiftyFindings) {
  std::string text = "# Agent (m/w/d)\n\n";
  for (int i = 0; i < 120; ++i) text += "Wir suchen junge Kollegen.\n";
  std::string path = write("stelle\x1b[2J.md", text);
  Outcome json = run_ccteam({"posting", "lint", path, "--format", "json", "--today", "2026-12-01"});
  ASSERT_EQ(json.exit_code, 1) << json.err;
  std::size_t all = nlohmann::json::parse(json.out)[0]["findings"].size();
  ASSERT_GT(all, 120u);  // "junge" on each of the 120 lines at least
  Outcome table = run_ccteam({"posting", "lint", path, "--today", "2026-12-01"});
  EXPECT_EQ(table.exit_code, 1);
  EXPECT_FALSE(has_control_bytes(table.out));
  std::string shown_name = path.substr(0, path.size() - 7) + R"(\x1b[2J.md)";
  // 50 findings, each "name:line:col: severity [rule] why", then how many more there are.
  EXPECT_EQ(count(table.out, shown_name + ":"), 51u) << table.out.substr(0, 400);
  EXPECT_NE(table.out.find(shown_name + ": ... and " + std::to_string(all - 50) + " more\n"),
            std::string::npos)
      << table.out.substr(table.out.size() - std::min<std::size_t>(table.out.size(), 400));
}

TEST_F(HostileInput, PostingLintNamesUtf16AndReadsUtf8WithAMark) {
  // "Hi\n" in UTF-16LE with its byte-order mark.
  std::string utf16 = write("posting.md", std::string("\xFF\xFEH\0i\0\n\0", 8));
  Outcome run = run_ccteam({"posting", "lint", utf16});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find(utf16 + ":1:1: error: the file is UTF-16LE text, not UTF-8\n  hint: "
                                 "save the file as UTF-8"),
            std::string::npos)
      << run.err;
  // The same posting with and without a UTF-8 byte-order mark: the same findings.
  std::string text = "# Agent (m/w/d)\n\nWir suchen junge, dynamische Kollegen.\n";
  Outcome plain = run_ccteam(
      {"posting", "lint", write("plain.md", text), "--format", "json", "--today", "2026-12-01"});
  Outcome marked = run_ccteam({"posting", "lint", write("plain-bom.md", "\xEF\xBB\xBF" + text),
                               "--format", "json", "--today", "2026-12-01"});
  EXPECT_EQ(plain.exit_code, marked.exit_code);
  std::string without_names = plain.out;
  std::string marked_out = marked.out;
  auto strip = [](std::string s, const std::string& name) {
    for (auto at = s.find(name); at != std::string::npos; at = s.find(name)) {
      s.replace(at, name.size(), "X");
    }
    return s;
  };
  EXPECT_EQ(strip(marked_out, "plain-bom.md"), strip(without_names, "plain.md"));
  EXPECT_NE(plain.out.find("\"rule\""), std::string::npos) << plain.out;
}

}  // namespace
}  // namespace ccteam::test
