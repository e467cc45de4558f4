// The spool: records read back in any order, from memory and from its temporary file.
#include "io/base/spool.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace ccteam::io {
namespace {

namespace fs = std::filesystem;

// Sets TMPDIR for one test and puts it back.
class TemporaryDirectory {
 public:
  explicit TemporaryDirectory(const fs::path& dir) {
    if (const char* old = std::getenv("TMPDIR")) m_old = old;
    ::setenv("TMPDIR", dir.c_str(), 1);
  }
  ~TemporaryDirectory() {
    if (m_old.empty()) {
      ::unsetenv("TMPDIR");
    } else {
      ::setenv("TMPDIR", m_old.c_str(), 1);
    }
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

 private:
  std::string m_old;
};

fs::path scratch() {
  fs::path dir = fs::temp_directory_path() / ("ccteam_spool_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(Spool, ReadsRecordsBackInAnyOrderFromMemory) {
  Spool spool;
  std::vector<Spool::Ref> refs;
  for (std::string r : {"first", "", "third record"}) refs.push_back(*spool.add(r));
  EXPECT_FALSE(spool.on_disk());
  EXPECT_EQ(spool.size(), 17u);
  EXPECT_EQ(*spool.read(refs[2]), "third record");
  EXPECT_EQ(*spool.read(refs[1]), "");
  EXPECT_EQ(*spool.read(refs[0]), "first");
}

// A limit of 10 bytes: the third record moves them all to a file that no directory shows (it
// is unlinked at once); records written since and not yet flushed read back too.
TEST(Spool, BeyondItsLimitKeepsRecordsInAnUnnamedFile) {
  fs::path dir = scratch();
  TemporaryDirectory tmp(dir);
  Spool spool(10);
  std::vector<Spool::Ref> refs;
  std::vector<std::string> records;
  for (int i = 0; i < 1000; ++i) {
    records.push_back("record " + std::to_string(i) +
                      std::string(static_cast<std::size_t>(i % 7), '*'));
    auto ref = spool.add(records.back());
    ASSERT_TRUE(ref.has_value()) << render(ref.error(), Lang::en);
    refs.push_back(*ref);
  }
  EXPECT_TRUE(spool.on_disk());
  EXPECT_TRUE(fs::is_empty(dir));
  for (std::size_t i = refs.size(); i-- > 0;) {
    auto read = spool.read(refs[i]);
    ASSERT_TRUE(read.has_value());
    EXPECT_EQ(*read, records[i]);
  }
  // Moved, the spool keeps its file.
  Spool moved = std::move(spool);
  EXPECT_EQ(*moved.read(refs[500]), records[500]);
  fs::remove_all(dir);
}

TEST(Spool, AMissingTemporaryDirectoryIsAnIoErrorNamingIt) {
  TemporaryDirectory tmp("/nonexistent-ccteam-tmp");
  Spool spool(4);
  auto added = spool.add("more than four bytes");
  ASSERT_FALSE(added.has_value());
  EXPECT_EQ(added.error().kind, ErrorKind::io);
  EXPECT_NE(render(added.error(), Lang::en).find("/nonexistent-ccteam-tmp"), std::string::npos)
      << render(added.error(), Lang::en);
}

}  // namespace
}  // namespace ccteam::io
