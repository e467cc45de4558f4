#pragma once
// Runs the built ccteam binary as a user would: a clean environment (LANG as given), the source
// folder as working directory, standard output and error captured.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ccteam::test {

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline Outcome run_ccteam(const std::vector<std::string>& args, const std::string& lang = "C") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("ccteam_cli_run_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string command = "cd " + shell_quote(CCTEAM_SOURCE_DIR) +
                        " && env -u LC_ALL -u LC_MESSAGES LANG=" + shell_quote(lang) + " " +
                        shell_quote(CCTEAM_BINARY);
  for (const std::string& arg : args) command += " " + shell_quote(arg);
  command +=
      " >" + shell_quote((dir / "out").string()) + " 2>" + shell_quote((dir / "err").string());
  int status = std::system(command.c_str());
  Outcome run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = slurp(dir / "out");
  run.err = slurp(dir / "err");
  fs::remove_all(dir);
  return run;
}

}  // namespace ccteam::test
