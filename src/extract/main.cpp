// ccteam-extract: reads one document an applicant attached from standard input and writes its
// text (UTF-8) to standard output. The server starts it for each document
// (io/workspace/extract_process.hpp) so that a hostile PDF or DOCX that makes a parser loop,
// eat memory or crash takes this process down, never the server.
//
// Usage: ccteam-extract pdf|docx --cpu-seconds N --memory-bytes N --max-input-bytes N
//                                --max-text-bytes N
// Before it reads anything it limits itself (setrlimit): CPU time (SIGXCPU, then SIGKILL a
// second later), address space (left out in sanitizer builds, whose shadow memory needs
// terabytes of address space), no files written, no core dump, few descriptors, no new
// privileges, and death with its parent.
//
// Exit status: 0 the text is on stdout; 2 wrong arguments; 3 the document is unreadable (the
// reason on stderr); 4 the document is over a limit (input, unpacked size; the reason on
// stderr); 5 out of memory. The caller treats a signal (SIGXCPU, SIGKILL) as over a limit too.

#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "io/workspace/text_extract.hpp"

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool k_sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool k_sanitized = true;
#else
constexpr bool k_sanitized = false;
#endif
#else
constexpr bool k_sanitized = false;
#endif

constexpr int k_exit_usage = 2;
constexpr int k_exit_unreadable = 3;
constexpr int k_exit_limit = 4;
constexpr int k_exit_memory = 5;

bool parse_size(const char* text, unsigned long long& out) {
  if (text == nullptr || *text == '\0') return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtoull(text, &end, 10);
  return errno == 0 && end != nullptr && *end == '\0';
}

void limit(int resource, rlim_t soft, rlim_t hard) {
  rlimit value{soft, hard};
  setrlimit(resource, &value);
}

void write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

int fail(int status, const std::string& reason) {
  write_all(STDERR_FILENO, reason + "\n");
  return status;
}

int run(int argc, char** argv) {
  if (argc < 2) return fail(k_exit_usage, "usage: ccteam-extract pdf|docx [--cpu-seconds N] ...");
  std::string_view type = argv[1];
  if (type != "pdf" && type != "docx") return fail(k_exit_usage, "type must be pdf or docx");
  unsigned long long cpu_seconds = 10;
  unsigned long long memory_bytes = 512ULL * 1024 * 1024;
  unsigned long long max_input = 50ULL * 1000 * 1000;
  ccteam::io::TextLimits limits;
  for (int i = 2; i < argc; i += 2) {
    if (i + 1 >= argc) return fail(k_exit_usage, std::string("no value for ") + argv[i]);
    std::string_view option = argv[i];
    unsigned long long value = 0;
    if (!parse_size(argv[i + 1], value)) {
      return fail(k_exit_usage, std::string("not a number: ") + argv[i + 1]);
    }
    if (option == "--cpu-seconds") {
      cpu_seconds = value;
    } else if (option == "--memory-bytes") {
      memory_bytes = value;
    } else if (option == "--max-input-bytes") {
      max_input = value;
    } else if (option == "--max-text-bytes") {
      limits.max_text_bytes = value;
    } else {
      return fail(k_exit_usage, std::string("unknown option ") + argv[i]);
    }
  }
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
  limit(RLIMIT_CPU, cpu_seconds, cpu_seconds + 1);
  if (!k_sanitized) limit(RLIMIT_AS, memory_bytes, memory_bytes);
  limit(RLIMIT_FSIZE, 0, 0);
  limit(RLIMIT_CORE, 0, 0);
  limit(RLIMIT_NOFILE, 16, 16);

  std::string input;
  char buffer[64 * 1024];
  for (;;) {
    ssize_t n = read(STDIN_FILENO, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(k_exit_unreadable,
                  std::string("cannot read standard input: ") + std::strerror(errno));
    }
    if (n == 0) break;
    if (input.size() + static_cast<std::size_t>(n) > max_input) {
      return fail(k_exit_limit, "document larger than " + std::to_string(max_input) + " bytes");
    }
    input.append(buffer, static_cast<std::size_t>(n));
  }
  ccteam::io::TextResult result =
      type == "pdf" ? ccteam::io::pdf_text(input, limits) : ccteam::io::docx_text(input, limits);
  if (!result.ok) {
    return fail(result.failure == ccteam::io::TextFailure::limit ? k_exit_limit : k_exit_unreadable,
                result.reason);
  }
  write_all(STDOUT_FILENO, result.text);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::bad_alloc&) {
    return fail(k_exit_memory, "out of memory");
  } catch (const std::exception& e) {
    return fail(k_exit_unreadable, e.what());
  }
}
