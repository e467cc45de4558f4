// Input written to hurt, run as a user would: control characters that a terminal would obey,
// fields of 100 KB, thousands of broken lines, binary and UTF-16 files. Each must come out as a
// short, readable, escaped error (src/cli/context.cpp, src/io/base/markup.cpp).
#include <gtest/gtest.h>

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

TEST_F(HostileInput, ScreenShowsTheFirstFiftyBrokenLinesAndCountsTheRest) {
  std::string lines;
  for (int i = 0; i < 2000; ++i) lines += "{\"work\": [ oops ]}\n";
  Outcome run = run_ccteam({"screen", "agent", write("broken.ndjson", lines)});
  EXPECT_EQ(run.exit_code, 2);  // nothing could be evaluated
  EXPECT_EQ(count(run.err, ": error: "), 51u) << run.err.substr(0, 2000);
  EXPECT_NE(run.err.find("broken.ndjson: error: ... and 1,950 more\n"), std::string::npos)
      << run.err.substr(run.err.size() - std::min<std::size_t>(run.err.size(), 600));
  EXPECT_NE(run.out.find("2000 documents read: 0 evaluated, 2000 rejected"), std::string::npos)
      << run.out;
}

}  // namespace
}  // namespace ccteam::test
