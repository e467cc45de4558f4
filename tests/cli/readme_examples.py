#!/usr/bin/python3
"""Runs every command line of README.md with a ccteam binary and checks that it works.

Usage: readme_examples.py --ccteam PATH --repo PATH [--timeout SECONDS]

Reads the ```sh blocks of README.md and takes every line that starts with "scripts/run"
(continued by a backslash at the end of a line). Each line runs through /bin/sh -c with
"scripts/run" replaced by the binary, so "&&" chains work; a comment after the command
("# ...", and the comment lines under it) is dropped. "scripts/run" alone is what scripts/run
does then: ccteam serve --demo --db var/ccteam.db.

The lines of one block run in order in one fresh temporary folder in which data/ links the
repository's data/ (relative paths such as data/examples/forecast.csv work, and files the
commands write, such as plan.json or calib/, land in the temporary folder), and web/ its web/
(the pages of a binary that is not beside its share/ccteam/). One folder per block, not per line:
`user list --db ccteam.db` and `backup --db ccteam.db` read the database that the lines above
them create, as they do for a reader who runs the block.

A line passes when it exits with 0, or with N when its comment says "exit code N". A `serve`
line gets --listen 127.0.0.1:0 (a free port) instead of its address; it passes when it prints
the address it listens on (http://...) and is still running, and is then stopped. Lines whose
--db is a postgresql:// URL are skipped (no PostgreSQL here), and the output says so. Each line
has a time limit (--timeout, 60 s). Prints each line with its result and exits 1 when one failed.
"""

import argparse
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

SERVE_WAIT_SECONDS = 20


def strip_comment(line):
    """(command, comment) of one shell line: the comment starts at a '#' that begins a word
    outside quotes."""
    quote = None
    for i, c in enumerate(line):
        if quote:
            if c == quote:
                quote = None
            elif c == "\\" and quote == '"':
                continue
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i].rstrip(), line[i + 1:].strip()
    return line.rstrip(), ""


def readme_blocks(readme):
    """[[(README line number, command, comment)]]: the scripts/run lines of each sh block."""
    blocks = []
    lines = open(readme, encoding="utf-8").read().splitlines()
    in_block = False
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not in_block:
            if line.strip() == "```sh":
                in_block = True
                blocks.append([])
            continue
        if line.strip().startswith("```"):
            in_block = False
            continue
        if not re.match(r"scripts/run(\s|$)", line):
            continue
        number = i
        command, comment = strip_comment(line)
        comments = [comment] if comment else []
        while command.endswith("\\") and i < len(lines):
            more, comment = strip_comment(lines[i])
            i += 1
            command = command[:-1].rstrip() + " " + more.strip()
            if comment:
                comments.append(comment)
        while i < len(lines) and lines[i].lstrip().startswith("#"):  # comment lines below it
            comments.append(lines[i].lstrip()[1:].strip())
            i += 1
        blocks[-1].append((number, command, " ".join(comments)))
    return [b for b in blocks if b]


def prepare(command, binary):
    """(shell command, serves, skip reason) for one README command line."""
    parts = [p.strip() for p in command.split("&&")]
    words = [shlex.split(p) for p in parts]
    for argv in words:
        for at, word in enumerate(argv):
            db = word[len("--db="):] if word.startswith("--db=") else (
                argv[at + 1] if word == "--db" and at + 1 < len(argv) else None)
            if db and re.match(r"postgres(ql)?://", db):
                return None, False, "--db is a PostgreSQL URL (no PostgreSQL here)"
    serves = False
    out = []
    for argv in words:
        if argv[0] != "scripts/run":
            out.append(" ".join(shlex.quote(w) for w in argv))
            continue
        args = argv[1:]
        if not args:  # scripts/run alone: the workspace on var/ccteam.db
            args = ["serve", "--demo", "--db", "var/ccteam.db", "--listen", "127.0.0.1:8080"]
            out.append("mkdir -p var")
        if args[0] == "serve":
            serves = True
            args = [a for n, a in enumerate(args)
                    if a != "--listen" and (n == 0 or args[n - 1] != "--listen")
                    and not a.startswith("--listen=")]
            args += ["--listen", "127.0.0.1:0"]
        out.append(" ".join(shlex.quote(w) for w in [binary] + args))
    if serves:
        if len(out) > 1 and out[0] != "mkdir -p var":
            return None, False, "a serve line with other commands is not supported"
        out[-1] = "exec " + out[-1]  # the shell becomes the server: stopping it stops the server
    return " && ".join(out), serves, None


def expected_code(comment):
    m = re.search(r"exit code (\d+)", comment)
    return int(m.group(1)) if m else 0


def run_plain(shell, work, env, timeout):
    """(passed exit code or None on timeout, stdout + stderr, seconds)."""
    start = time.monotonic()
    try:
        run = subprocess.run(["/bin/sh", "-c", shell], cwd=work, env=env, stdin=subprocess.DEVNULL,
                             capture_output=True, timeout=timeout)
        return run.returncode, (run.stdout + run.stderr).decode("utf-8", "replace"), \
            time.monotonic() - start
    except subprocess.TimeoutExpired as e:
        text = ((e.stdout or b"") + (e.stderr or b"")).decode("utf-8", "replace")
        return None, text, time.monotonic() - start


def run_server(shell, work, env, timeout):
    """(True when the server listened and was still running, its output, seconds)."""
    start = time.monotonic()
    proc = subprocess.Popen(["/bin/sh", "-c", shell], cwd=work, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    output = {"out": b"", "err": b""}

    def read(stream, key):
        for chunk in iter(lambda: stream.read1(4096), b""):
            output[key] += chunk

    readers = [threading.Thread(target=read, args=(proc.stdout, "out"), daemon=True),
               threading.Thread(target=read, args=(proc.stderr, "err"), daemon=True)]
    for r in readers:
        r.start()
    listening = False
    deadline = start + min(timeout, SERVE_WAIT_SECONDS)
    while time.monotonic() < deadline and proc.poll() is None:
        if re.search(rb"http://\S+:\d+", output["out"]):
            listening = True
            break
        time.sleep(0.05)
    running = proc.poll() is None
    if running:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    for r in readers:
        r.join(timeout=5)
    text = (output["out"] + output["err"]).decode("utf-8", "replace").rstrip()
    if not running:
        text += f"\n(exited with {proc.returncode} before it was stopped)"
    elif not listening:
        text += f"\n(printed no address within {SERVE_WAIT_SECONDS} s)"
    return listening and running, text, time.monotonic() - start


def tail(text, lines=15):
    rows = text.rstrip().splitlines()
    cut = rows[-lines:]
    head = [f"    ... ({len(rows) - lines} lines before)"] if len(rows) > lines else []
    return "\n".join(head + ["    " + r for r in cut])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ccteam", required=True, help="the ccteam binary to run")
    ap.add_argument("--repo", required=True, help="the repository (README.md, data/)")
    ap.add_argument("--timeout", type=float, default=60, help="seconds per command line (60)")
    args = ap.parse_args()
    binary = os.path.abspath(args.ccteam)
    repo = os.path.abspath(args.repo)
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        print(f"readme_examples: {binary} is not an executable", file=sys.stderr)
        return 2
    blocks = readme_blocks(os.path.join(repo, "README.md"))
    if not blocks:
        print("readme_examples: README.md has no scripts/run lines in ```sh blocks",
              file=sys.stderr)
        return 1
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C"
    passed = failed = skipped = 0
    root = tempfile.mkdtemp(prefix="ccteam-readme-")
    try:
        for n, block in enumerate(blocks):
            work = os.path.join(root, f"block{n + 1}")
            os.mkdir(work)
            for name in ("data", "web"):
                if os.path.isdir(os.path.join(repo, name)):
                    os.symlink(os.path.join(repo, name), os.path.join(work, name))
            for number, command, comment in block:
                label = f"README.md:{number}: {command}"
                shell, serves, skip = prepare(command, binary)
                if skip:
                    skipped += 1
                    print(f"skipped  {label}\n    ({skip})")
                    continue
                if serves:
                    ok, text, seconds = run_server(shell, work, env, args.timeout)
                    result = "listened, stopped" if ok else "did not listen"
                else:
                    want = expected_code(comment)
                    code, text, seconds = run_plain(shell, work, env, args.timeout)
                    ok = code == want
                    result = (f"timed out after {args.timeout:g} s" if code is None
                              else f"exit code {code}" + ("" if ok else f", expected {want}"))
                if ok:
                    passed += 1
                    print(f"ok       {label}\n    ({result}, {seconds:.1f} s)")
                else:
                    failed += 1
                    print(f"FAILED   {label}\n    ({result}, {seconds:.1f} s)\n{tail(text)}")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"{passed + failed + skipped} command lines: {passed} passed, {failed} failed, "
          f"{skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
