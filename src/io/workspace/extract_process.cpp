#include "io/workspace/extract_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <vector>

namespace ccteam::io {

namespace {

using Clock = std::chrono::steady_clock;

// A descriptor closed when it goes out of scope.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : m_fd(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  int get() const { return m_fd; }
  void reset() {
    if (m_fd >= 0) close(m_fd);
    m_fd = -1;
  }
  void adopt(int fd) {
    reset();
    m_fd = fd;
  }

 private:
  int m_fd = -1;
};

struct Pipe {
  Fd read;
  Fd write;
};

bool make_pipe(Pipe& pipe) {
  std::array<int, 2> fds{};
  if (pipe2(fds.data(), O_CLOEXEC) != 0) return false;
  pipe.read.adopt(fds[0]);
  pipe.write.adopt(fds[1]);
  return true;
}

void set_nonblocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

// The child's stderr as a reason: its first line, printable ASCII only, at most 200 characters.
std::string reason_of(std::string_view stderr_text) {
  std::string out;
  for (char c : stderr_text) {
    if (c == '\n' || out.size() >= 200) break;
    if (c >= 0x20 && c < 0x7F) out += c;
  }
  return out;
}

// UTF-8 with ill-formed sequences replaced (U+FFFD) and control characters other than tab and
// line feed left out, at most 'max' bytes (cut at a character).
std::string clean_text(std::string_view raw, std::size_t max) {
  icu::UnicodeString decoded =
      icu::UnicodeString::fromUTF8(icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decoded.length();) {
    UChar32 c = decoded.char32At(i);
    i += U16_LENGTH(c);
    bool control = (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c < 0xA0);
    if (!control) kept.append(c);
  }
  std::string out;
  kept.toUTF8String(out);
  if (out.size() > max) {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0U) == 0x80U) --cut;
    out.resize(cut);
  }
  return out;
}

// SIGPIPE blocked in this thread while it writes to the child (which may have exited), and any
// SIGPIPE raised meanwhile taken before the mask is restored.
class SigpipeBlock {
 public:
  SigpipeBlock() {
    sigemptyset(&m_pipe);
    sigaddset(&m_pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old);
  }
  SigpipeBlock(const SigpipeBlock&) = delete;
  SigpipeBlock& operator=(const SigpipeBlock&) = delete;
  ~SigpipeBlock() {
    sigset_t pending;
    sigpending(&pending);
    if (sigismember(&pending, SIGPIPE) == 1) {
      timespec zero{0, 0};
      sigtimedwait(&m_pipe, nullptr, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
  }

 private:
  sigset_t m_pipe{};
  sigset_t m_old{};
};

}  // namespace

std::string_view to_string(ExtractStatus status) {
  switch (status) {
    case ExtractStatus::done:
      return "done";
    case ExtractStatus::unreadable:
      return "unreadable";
    case ExtractStatus::limit:
      return "limit";
  }
  return "unreadable";
}

Result<ExtractedText> extract_text(const std::string& program, std::string_view type,
                                   std::string_view content, const ExtractLimits& limits) {
  auto cannot_start = [&](int error) {
    return tl::unexpected(Error::io(msg(MsgId::file_unreadable, program, std::strerror(error))));
  };
  Pipe in;
  Pipe out;
  Pipe err;
  if (!make_pipe(in) || !make_pipe(out) || !make_pipe(err)) return cannot_start(errno);

  std::vector<std::string> args = {program,
                                   std::string(type),
                                   "--cpu-seconds",
                                   std::to_string(limits.cpu.count()),
                                   "--memory-bytes",
                                   std::to_string(limits.memory_bytes),
                                   "--max-input-bytes",
                                   std::to_string(limits.max_input_bytes),
                                   "--max-text-bytes",
                                   std::to_string(limits.max_text_bytes)};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::array<char*, 1> envp{nullptr};

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.read.get(), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out.write.get(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.write.get(), STDERR_FILENO);
  // Nothing else of the caller's (sockets, the database) reaches the child.
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // The child starts with default signal handling and nothing blocked.
  sigset_t none;
  sigemptyset(&none);
  sigset_t all;
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &all);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = -1;
  int spawned = posix_spawn(&pid, program.c_str(), &actions, &attributes, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (spawned != 0) return cannot_start(spawned);
  in.read.reset();
  out.write.reset();
  err.write.reset();

  SigpipeBlock sigpipe;
  set_nonblocking(in.write.get());
  set_nonblocking(out.read.get());
  set_nonblocking(err.read.get());
  const Clock::time_point deadline = Clock::now() + limits.wall;
  std::string text;
  std::string errors;
  std::size_t written = 0;
  bool timed_out = false;
  const std::size_t keep_text = limits.max_text_bytes + 4;  // the child cuts; a little slack
  std::array<char, 64 * 1024> buffer{};
  if (content.empty()) in.write.reset();  // nothing to write: EOF for the child at once
  while (out.read.get() >= 0 || err.read.get() >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    std::array<pollfd, 3> fds{};
    nfds_t count = 0;
    auto watch = [&](const Fd& fd, short events) {
      if (fd.get() >= 0) fds[count++] = pollfd{fd.get(), events, 0};
    };
    watch(in.write, POLLOUT);
    watch(out.read, POLLIN);
    watch(err.read, POLLIN);
    int ready = poll(fds.data(), count, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR) break;
    for (nfds_t i = 0; i < count; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in.write.get()) {
        if ((fds[i].revents & (POLLERR | POLLHUP)) != 0) {
          in.write.reset();  // the child stopped reading: it has all it wants
          continue;
        }
        ssize_t n = write(in.write.get(), content.data() + written, content.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == content.size()) {
          in.write.reset();  // EOF for the child
        }
        continue;
      }
      Fd& from = fds[i].fd == out.read.get() ? out.read : err.read;
      std::string& into = fds[i].fd == out.read.get() ? text : errors;
      std::size_t cap = &into == &text ? keep_text : 4096;
      ssize_t n = read(from.get(), buffer.data(), buffer.size());
      if (n > 0) {
        std::size_t take = std::min(static_cast<std::size_t>(n), cap - std::min(cap, into.size()));
        into.append(buffer.data(), take);
      } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
        from.reset();
      }
    }
  }
  in.write.reset();
  out.read.reset();
  err.read.reset();
  // The pipes are closed; the child is done or about to be. Wait for it until the deadline.
  int status = 0;
  bool waited_for = false;
  if (timed_out) kill(pid, SIGKILL);
  for (;;) {
    pid_t waited = waitpid(pid, &status, timed_out ? 0 : WNOHANG);
    if (waited == pid) {
      waited_for = true;
      break;
    }
    if (waited < 0 && errno != EINTR) break;
    if (waited == 0 && Clock::now() >= deadline) {
      timed_out = true;
      kill(pid, SIGKILL);
    } else if (waited == 0) {
      usleep(2000);
    }
  }
  ExtractedText result;
  if (!waited_for) {
    result.status = ExtractStatus::unreadable;
    result.reason = std::string("lost the reader: ") + std::strerror(errno);
    return result;
  }
  if (timed_out) {
    result.status = ExtractStatus::limit;
    result.reason = "took longer than " + std::to_string(limits.wall.count()) + " ms";
    return result;
  }
  if (WIFSIGNALED(status)) {
    int signal = WTERMSIG(status);
    // SIGXCPU at the soft CPU limit, SIGKILL at the hard one.
    result.status =
        signal == SIGXCPU || signal == SIGKILL ? ExtractStatus::limit : ExtractStatus::unreadable;
    result.reason = signal == SIGXCPU || signal == SIGKILL
                        ? "used more than " + std::to_string(limits.cpu.count()) + " s of CPU time"
                        : "the reader crashed (signal " + std::to_string(signal) + ")";
    return result;
  }
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 3;
  if (code == 0) {
    result.text = clean_text(text, limits.max_text_bytes);
    // Only blanks and line ends (a scanned PDF's empty pages): no text.
    if (result.text.find_first_not_of(" \t\n") == std::string::npos) result.text.clear();
    return result;
  }
  result.status = code == 4 || code == 5 ? ExtractStatus::limit : ExtractStatus::unreadable;
  result.reason = reason_of(errors);
  if (result.reason.empty()) result.reason = "exit status " + std::to_string(code);
  return result;
}

}  // namespace ccteam::io
