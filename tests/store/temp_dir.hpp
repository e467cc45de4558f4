#pragma once
// A fresh folder under $TMPDIR (or /tmp) for one test, removed with everything in it at the
// end of the test.

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace ccteam::test {

class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = (std::filesystem::path(base != nullptr && *base != '\0' ? base : "/tmp") /
                           "ccteam-store-XXXXXX")
                              .string();
    if (mkdtemp(pattern.data()) != nullptr) m_path = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    if (!m_path.empty()) std::filesystem::remove_all(m_path, ec);
  }

  const std::filesystem::path& path() const { return m_path; }
  // A path inside the folder, as a string.
  std::string file(const std::string& name) const { return (m_path / name).string(); }

 private:
  std::filesystem::path m_path;
};

}  // namespace ccteam::test
