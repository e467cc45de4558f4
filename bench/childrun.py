"""Runs one child process and measures it: CPU time and peak resident memory.

Shared by bench/reader_growth.py and bench/screen_memory.py (standard library only).

- CPU time: the growth of getrusage(RUSAGE_CHILDREN), user + system, over the child's life
  (all its threads; the parent waits for nothing else meanwhile).
- Peak RSS: ru_maxrss of the child as os.wait4 returns it.

The child is started with os.fork + os.execv, not with subprocess: subprocess and
os.posix_spawn start children with vfork, and Linux then counts the parent's own peak RSS into
the child's ru_maxrss (it is folded in at exec). After a fork the floor is only the parent's
current RSS (about 10 MB for this Python), far below ccteam's own.

Optional guards: a timeout and an RSS ceiling (read from /proc/PID/status while the child runs);
either kills the child with SIGKILL, and the result says so.
"""

import os
import resource
import signal
import time
from dataclasses import dataclass

POLL_SECONDS = 0.02


@dataclass
class ChildRun:
    """What one run of a child gave."""

    argv: list
    exit_code: int | None  # None when a signal ended the child
    signal: int | None
    cpu_s: float  # user + system, from RUSAGE_CHILDREN
    peak_rss_kb: int  # ru_maxrss from wait4
    wall_s: float
    killed_for: str | None = None  # "timeout" or "rss" when a guard killed the child

    @property
    def crashed(self):
        """True when the child died of a signal the guards did not send."""
        return self.signal is not None and self.killed_for is None

    def status(self):
        """The end of the run in words: 'exit 0', 'killed by SIGSEGV', ..."""
        if self.killed_for == "timeout":
            return "killed: timeout"
        if self.killed_for == "rss":
            return "killed: RSS ceiling"
        if self.signal is not None:
            return f"killed by {signal.Signals(self.signal).name}"
        return f"exit {self.exit_code}"


def _current_rss_kb(pid):
    """VmRSS of a running process in KB, or 0 when it cannot be read."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def run_child(argv, stdout_path=os.devnull, stderr_path=os.devnull, stdin_path=os.devnull,
              cwd=None, timeout_s=None, max_rss_kb=None):
    """Runs argv (argv[0] a path) to its end and returns a ChildRun.

    stdout and stderr go to the given files (truncated), stdin comes from stdin_path. Raises
    OSError when the program cannot be started (e.g. ETXTBSY while a build relinks it).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    fds = [os.open(stdin_path, os.O_RDONLY),
           os.open(stdout_path, flags, 0o644),
           os.open(stderr_path, flags, 0o644)]
    # exec's error comes back through a pipe that exec closes (O_CLOEXEC) when it succeeds
    error_read, error_write = os.pipe()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: redirect, then become the program
        try:
            os.close(error_read)
            for target, fd in enumerate(fds):
                os.dup2(fd, target)
            if cwd is not None:
                os.chdir(cwd)
            os.execv(argv[0], argv)
        except BaseException as error:
            os.write(error_write, str(error).encode("utf-8", errors="replace"))
        finally:
            os._exit(127)
    for fd in fds + [error_write]:
        os.close(fd)
    with os.fdopen(error_read, "rb") as errors:
        exec_error = errors.read().decode("utf-8", errors="replace")
    if exec_error:
        os.waitpid(pid, 0)
        raise OSError(f"cannot run {argv[0]}: {exec_error}")

    killed_for = None
    guarded = timeout_s is not None or max_rss_kb is not None
    while True:
        done_pid, status, usage = os.wait4(pid, os.WNOHANG if guarded else 0)
        if done_pid == pid:
            break
        if killed_for is None:
            if timeout_s is not None and time.monotonic() - start > timeout_s:
                killed_for = "timeout"
            elif max_rss_kb is not None and _current_rss_kb(pid) > max_rss_kb:
                killed_for = "rss"
            if killed_for is not None:
                os.kill(pid, signal.SIGKILL)
        time.sleep(POLL_SECONDS)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if os.WIFSIGNALED(status):
        exit_code, sig = None, os.WTERMSIG(status)
    else:
        exit_code, sig = os.WEXITSTATUS(status), None
    return ChildRun(argv=list(argv), exit_code=exit_code, signal=sig, cpu_s=cpu,
                    peak_rss_kb=usage.ru_maxrss, wall_s=wall, killed_for=killed_for)


def count_lines(path):
    """Number of lines of a file (a last line without newline counts)."""
    lines = 0
    last = b"\n"
    with open(path, "rb") as text:
        while chunk := text.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (0 if last == b"\n" else 1)


def tail_text(path, max_bytes=65536):
    """The last max_bytes of a text file, decoded (the parent stays small)."""
    with open(path, "rb") as text:
        text.seek(0, os.SEEK_END)
        size = text.tell()
        text.seek(max(0, size - max_bytes))
        return text.read().decode("utf-8", errors="replace")


def head_text(path, max_bytes=4096):
    """The first max_bytes of a text file, decoded."""
    with open(path, "rb") as text:
        return text.read(max_bytes).decode("utf-8", errors="replace")


def add_binary_and_fixtures(parser, repo):
    """The options both benchmark scripts take: --ccteam (the binary to measure) and --fixtures
    (real input documents: $CCTEAM_FIXTURES_DIR, else ../shared/fixtures beside 'repo')."""
    parser.add_argument("--ccteam", default=str(repo / "build/release/bin/ccteam"),
                        help="the ccteam binary to measure (an optimised build)")
    default_fixtures = os.environ.get("CCTEAM_FIXTURES_DIR", str(repo.parent / "shared/fixtures"))
    parser.add_argument("--fixtures", default=default_fixtures,
                        help="folder of real input documents (default: $CCTEAM_FIXTURES_DIR, "
                             "else ../shared/fixtures beside the repository)")
