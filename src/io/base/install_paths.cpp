#include "io/base/install_paths.hpp"

#include <cstdlib>
#include <filesystem>

namespace ccteam::io {

namespace {

// $variable if set, else bin/../share/ccteam/<name> when that folder exists, else 'fallback'.
std::string installed_dir(const char* variable, const char* name, const char* fallback) {
  if (const char* env = std::getenv(variable); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto installed = exe.parent_path().parent_path() / "share" / "ccteam" / name;
    if (std::filesystem::is_directory(installed, ec)) return installed.string();
  }
  return fallback;
}

}  // namespace

std::string default_catalog_path() {
  return installed_dir("CCTEAM_CATALOG", "catalog", "data/catalog");
}

std::string default_posting_data_dir() {
  return installed_dir("CCTEAM_POSTING_DATA", "posting", "data/posting");
}

std::string default_examples_dir() {
  return installed_dir("CCTEAM_EXAMPLES", "examples", "data/examples");
}

std::string default_web_dir() { return installed_dir("CCTEAM_WEB", "web", "web"); }

std::string default_extractor_path() {
  if (const char* env = std::getenv("CCTEAM_EXTRACTOR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "ccteam-extract";
  return (exe.parent_path() / "ccteam-extract").string();
}

}  // namespace ccteam::io
