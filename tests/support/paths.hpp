#pragma once
// Where tests find their input: data written in the repository (always there) and the real
// documents of ../shared/fixtures (may be absent on a user's clone; tests then skip).

#include <cstdlib>
#include <filesystem>
#include <string>

namespace ccteam::test {

// tests/data/... in the source tree.
inline std::filesystem::path data_path(const std::string& relative) {
  return std::filesystem::path(CCTEAM_SOURCE_DIR) / "tests" / "data" / relative;
}

// The repository's data/ folder (the default catalog).
inline std::filesystem::path repo_data_path(const std::string& relative) {
  return std::filesystem::path(CCTEAM_SOURCE_DIR) / "data" / relative;
}

#ifdef CCTEAM_FIXTURES_DIR
// $CCTEAM_FIXTURES_DIR if set, else the folder configured at build time.
inline std::filesystem::path fixtures_dir() {
  if (const char* env = std::getenv("CCTEAM_FIXTURES_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return CCTEAM_FIXTURES_DIR;
}
#endif

}  // namespace ccteam::test
