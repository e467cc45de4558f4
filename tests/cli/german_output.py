#!/usr/bin/python3
"""Runs ccteam with --lang de on the repository's test data and fails on English in the output.

Usage: german_output.py --ccteam PATH --repo PATH [--known FILE] [--jobs N] [--filter TEXT]
                        [--dump DIR] [--words]

What runs (German output that is German):
  - every command line of tests/compare/commands.txt that sets no other language (no
    "--lang xx" other than de, no "LANG=xx" other than a German locale), with "--lang de" added to
    each of its commands when it has none; the file is read by scripts/compare-cli's own reader
    ("LANG=xx" first, "< FILE" for standard input, "A && B", "(no arguments)", @FIXTURES@
    lines skipped when the fixtures folder is absent); the error cases of that file come along;
  - "--help --lang de" of the program, of every subcommand and of every sub-subcommand, found by
    reading the "Befehle:" section of each help text.
Each command line runs as scripts/compare-cli runs it: in a fresh temporary folder in which
data/, docs/, fuzz/ and tests/ link to the repository's, with LANG=C unless the line sets it,
LC_ALL and LC_MESSAGES unset, standard input from /dev/null unless given.

What is checked, per command: standard error always; standard output unless the command asks
for a machine format (--format json, csv, yaml, ndjson, jsonld, xlsx, pdf), whose values stay
English; written files a person reads (the text of .svg charts, every text cell of .xlsx
workbooks, read through tests/support/read_xlsx.py). HTML output is checked without its tags.
Findings are:
  (a) a word of ENGLISH_WORDS, matched case-sensitively as a whole word ("no" but not "No",
      "Info" or "note");
  (b) an ISO date (YYYY-MM-DD) that is a real calendar date, which a German reader expects as
      31.12.2025 (not in workbooks, whose dates are cell values, nor on a line that explains
      the date syntax "JJJJ-MM-TT", whose dates are examples of what to type);
  (c) in the option column of a help text, a placeholder of HELP_PLACEHOLDERS ("FILE",
      CLI11's "TEXT" and its REQUIRED mark "ERFORDERLICH").
Not counted, because it is the user's input or what the user types, not ccteam's prose: text
between quotes ('...', "...", „...", »...«, ‚...'), every word of the files the command names
on its command line or reads from standard input and of its command-line values (an
applicant's text, a file name, an option value such as "--escalation-mode later"), tokens that
are paths, file names, option names (--sl-definition), linter rules ([agg-age]) or identifiers
with "_" or "=", the values a help text lists for an option ("--by agent|team|queue") on a line
that names the option, and in help texts the words of the option and command columns.

Prints each finding as "command | stream | word | line", then the number of findings per word.
Known findings come from --known (default tests/cli/german_output.known beside this script):
one per line, "WORD<TAB>COMMAND-SUBSTRING[<TAB>LINE-SUBSTRING]", "#" starts a comment (say which
fix the finding waits for); a finding is known when its word is WORD (or WORD is "*"), its
command line contains COMMAND-SUBSTRING ("*" for any) and its line contains LINE-SUBSTRING.
Exit code 1 when a finding is not known, 0 otherwise, 2 on bad usage. Known lines that no
longer match anything are listed (remove them once their fix is in) but do not fail the test.
--dump DIR writes each command's output to DIR (for reading what the test read); --words also
prints every lowercase ASCII word of the checked output with its count (for growing the list).
"""

import argparse
import collections
import concurrent.futures
import datetime
import html
import importlib.machinery
import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

LINKED = ["data", "docs", "fuzz", "tests"]

# English words that have no business in German prose. Each was seen in real --lang de output
# or was reported as an example; all lowercase, matched as whole words, case-sensitively,
# so the German "Info", "Manager" or "Team" do not count. Words that German shares with English
# ("in", "hat", "die", "also", "will", "was", "man") cannot be on the list.
ENGLISH_WORDS = set("""
    warning warnings info error errors hint note notes yes no true false none null
    required default offered answered abandoned handled short source sources see
    not and or the of for with from to by at on is are be must should may can cannot
    invalid unknown missing expected found got value values option options argument arguments
    file files line column row key keys name names number numbers text string integer
    date time day days week weeks month months year years hour hours minute minutes seconds
    agent agents manager managers lead leads team teams queue queues role roles level
    rejected unreadable skipped passed failed met unmet needs review human
    average mean median rate share cost costs wage salary pay band
    deferred escalation escalations deadline occupancy shrinkage forecast interval
    syntax parsing illegal map workbook close empty than least most
    staffing scenario replications seed outlier outliers calls call
    market reference work help job article descriptions salaries mode change configuration
    employees input output user hold talk wrap transfer activity adherence quality
    satisfaction sales conversion attrition customer available runs target waiting
    mon tue wed thu fri sat sun weekday bands ladder next outcome suppressed breach model
    read range valid below before through while but its other out some such one second
    three last less full up skill education experience requirements training title titles
    today state staff leader leadership positions history interview notice question photo
""".split())

# Placeholders of help texts ("--shrinkage SHARE", "FILES TEXT ... ERFORDERLICH") that are
# English, or CLI11's own type names and its REQUIRED mark, which ccteam should replace with
# its own; checked in the option column of help texts only, case-sensitively. Placeholders that
# German writes the same (URL, CSV, ISO, CC, PLAN, NAME, TEAM, PORT, HOST, LOGIN, ID, N, and AGENTS:
# the glossary's German term is "Agents") are
# not on the list.
HELP_PLACEHOLDERS = set("""
    TEXT REQUIRED ERFORDERLICH INT UINT FLOAT NUMBER BOOLEAN ENUM
    FILE FILES PATH DIR SHARE SECONDS MINUTES HOURS ROLE AMOUNT TEAM_LEADS FORECAST
    INPUT STATES SCHEDULE KEY YYYY DD
""".split())

# --format values whose standard output is for programs, not people.
MACHINE_FORMATS = {"json", "csv", "yaml", "ndjson", "jsonld", "xlsx", "pdf", "tsv"}

QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|„[^“\n]*“|»[^«\n]*«|‚[^‘\n]*‘|“[^”\n]*”")
ISO_DATE = re.compile(r"(?<![\w.-])(\d{4})-(\d{2})-(\d{2})(?![\w-])")
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


def log(text):
    print(text, flush=True)


# ----- which command lines run ------------------------------------------------------------

def compare_cli(repo):
    """scripts/compare-cli as a module: its reader of tests/compare/commands.txt (file_commands,
    parse) is the one reader of that file's syntax."""
    path = os.path.join(repo, "scripts/compare-cli")
    loader = importlib.machinery.SourceFileLoader("compare_cli", path)
    spec = importlib.util.spec_from_loader("compare_cli", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def lang_of(env, argv):
    """The language a command asks for: "--lang xx", else LANG's first two letters, else None."""
    for at, word in enumerate(argv):
        if word == "--lang" and at + 1 < len(argv):
            return argv[at + 1]
        if word.startswith("--lang="):
            return word[len("--lang="):]
    if "LANG" in env:
        return env["LANG"][:2].lower()
    return None


def german(steps):
    """The steps with --lang de added where no language is set; None when a step sets another
    language than German."""
    out = []
    for env, argv, stdin in steps:
        lang = lang_of(env, argv)
        if lang not in (None, "de"):
            return None
        out.append((env, argv if lang else argv + ["--lang", "de"], stdin))
    return out


def shown(steps):
    """One command line as printed: "ccteam ARGS [&& ccteam ARGS]"."""
    parts = []
    for env, argv, stdin in steps:
        words = [f"{k}={v}" for k, v in env.items()] + ["ccteam"] + argv
        text = " ".join(shlex.quote(w) for w in words)
        parts.append(text + (f" < {stdin}" if stdin else ""))
    return " && ".join(parts)


def file_lines(repo):
    """(steps, skip reason) for the German lines of tests/compare/commands.txt, each once."""
    reader = compare_cli(repo)
    out, seen = [], set()
    for line, _, skip in reader.file_commands(os.path.join(repo, "tests/compare/commands.txt")):
        steps = german(reader.parse(line))
        if steps is None:
            continue
        key = shown(steps)
        if key in seen:  # "X" and "X --lang de" are the same German run
            continue
        seen.add(key)
        out.append((steps, skip))
    return out


def help_lines(binary, work_env):
    """(steps of the --help runs of the program and of every (sub-)subcommand, their texts),
    the commands found from the "Befehle:" sections of the help texts."""
    found, texts, todo = [], [], [[]]
    while todo:
        path = todo.pop(0)
        argv = path + ["--help", "--lang", "de"]
        found.append([({}, argv, None)])
        run = subprocess.run([binary] + argv, env=work_env, capture_output=True,
                             stdin=subprocess.DEVNULL, timeout=120)
        text = run.stdout.decode("utf-8", "replace")
        texts.append(text)
        in_commands = False
        for line in text.splitlines():
            if line.strip() in ("Befehle:", "Commands:", "Subcommands:"):
                in_commands = True
                continue
            if in_commands:
                m = re.match(r"^  ([a-z][a-z0-9-]*)\s", line)
                if m:
                    todo.append(path + [m.group(1)])
                elif not line.startswith("   "):
                    in_commands = False
    return found, texts


# ----- running ----------------------------------------------------------------------------

def machine_format(argv):
    for at, word in enumerate(argv):
        if word == "--format" and at + 1 < len(argv):
            return argv[at + 1] in MACHINE_FORMATS
        if word.startswith("--format="):
            return word.split("=", 1)[1] in MACHINE_FORMATS
    return False


def xlsx_cells(repo, path):
    """Every text cell of a workbook, one per line, through the repository's own reader."""
    reader = os.path.join(repo, "tests/support/read_xlsx.py")
    run = subprocess.run([sys.executable, reader, path], capture_output=True, text=True)
    try:
        book = json.loads(run.stdout)
    except ValueError:
        return run.stdout + run.stderr
    lines = []
    for sheet in book.get("sheets", []):
        lines.append(str(sheet.get("name", "")))
        for ref, cell in sheet.get("cells", {}).items():
            if cell.get("type") == "text":
                lines.append(f"{ref}: {cell.get('value')}")
    return "\n".join(lines) + "\n"


def svg_text(data):
    """The visible text of an SVG (its <text> and <title> elements), one element per line."""
    texts = re.findall(r"<(text|title|tspan)\b[^>]*>([^<]*)<", data)
    return "\n".join(html.unescape(t) for _, t in texts) + "\n"


def html_text(data):
    """What a browser shows of an HTML page: tags and scripts removed, entities decoded."""
    data = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", data)
    data = re.sub(r"(?s)<!--.*?-->", " ", data)
    data = re.sub(r"<[^>]+>", " ", data)
    return html.unescape(data)


def run_line(binary, repo, steps, tmp_root, dump):
    """[(stream, text, argv of its command)] for one command line. Stream names: "stdout",
    "stderr", "file NAME", prefixed with "[n] " for the n-th command of an "A && B" line."""
    work = tempfile.mkdtemp(dir=tmp_root)
    for name in LINKED:
        os.symlink(os.path.join(repo, name), os.path.join(work, name))
    results = []
    for n, (env_extra, argv, stdin) in enumerate(steps):
        env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
        env["LANG"] = "C"
        env.update(env_extra)
        tag = f"[{n + 1}] " if len(steps) > 1 else ""
        before = set(os.listdir(work))
        with open(os.path.join(work, stdin) if stdin else os.devnull, "rb") as inp:
            try:
                run = subprocess.run([binary] + argv, cwd=work, env=env, stdin=inp,
                                     capture_output=True, timeout=600)
                out, err = run.stdout, run.stderr
            except subprocess.TimeoutExpired:
                out, err = b"", b"(timed out)\n"
        if out.startswith(b"PK"):  # an xlsx workbook on standard output
            path = os.path.join(work, f"stdout-{n}.xlsx")
            with open(path, "wb") as fh:
                fh.write(out)
            results.append((tag + "stdout (xlsx)", xlsx_cells(repo, path), argv))
        elif not machine_format(argv):
            text = out.decode("utf-8", "replace")
            if text.lstrip().lower().startswith(("<!doctype html", "<html")):
                text = html_text(text)
            results.append((tag + "stdout", text, argv))
        results.append((tag + "stderr", err.decode("utf-8", "replace"), argv))
        for root, dirs, files in os.walk(work):
            dirs[:] = [d for d in dirs if root != work or d not in LINKED]
            for f in sorted(files):
                path = os.path.join(root, f)
                rel = os.path.relpath(path, work)
                if rel.split(os.sep)[0] in before or f.startswith("stdout-"):
                    continue
                if f.endswith(".xlsx"):
                    results.append((f"{tag}file {rel}", xlsx_cells(repo, path), argv))
                elif f.endswith(".svg"):
                    with open(path, encoding="utf-8", errors="replace") as fh:
                        results.append((f"{tag}file {rel}", svg_text(fh.read()), argv))
    if dump:
        name = re.sub(r"[^\w.-]+", "_", shown(steps))[:150]
        with open(os.path.join(dump, name + ".txt"), "w", encoding="utf-8") as fh:
            fh.write(shown(steps) + "\n")
            for stream, text, _ in results:
                fh.write(f"----- {stream}\n{text}")
    shutil.rmtree(work)
    return [(s, t.replace(work, "<tmp>"), a) for s, t, a in results]


# ----- checking ---------------------------------------------------------------------------

def input_words(repo, steps):
    """Words the user gave: command-line values (not option names) and the text of every file
    named on the command line or read from standard input, also in lowercase."""
    words = set()
    for _, argv, stdin in steps:
        names = [stdin] if stdin else []
        for word in argv:
            if word.startswith("-") and not word[1:2].isdigit():
                continue
            words.update(WORD.findall(word))
            names.append(word)
        for name in names:
            path = name if os.path.isabs(name) else os.path.join(repo, name)
            if os.path.isfile(path):
                with open(path, "rb") as fh:
                    words.update(WORD.findall(fh.read(4_000_000).decode("utf-8", "replace")))
    return words | {w.lower() for w in words}  # ccteam folds case ("Customer Service")


def machine_token(token):
    """True for a token that is a path, file name, option name, identifier, linter rule or URL."""
    if re.match(r"^\[[a-z0-9-]+\]:?$", token):  # a linter rule: [agg-photo]
        return True
    token = token.strip("()[]{},;:.!?")
    return bool(token) and (
        token.startswith("-") and len(token) > 1 and not token[1].isdigit()
        or "/" in token or "\\" in token or "_" in token or "=" in token or "@" in token
        or re.search(r"\w\.[A-Za-z]{2,5}$", token) is not None  # a file name: plan.json
        or re.match(r"^[a-z]+://", token) is not None)


def help_option_words(text):
    """In a help text, the words of the option and command columns: what one types."""
    words = set()
    for line in text.splitlines():
        m = re.match(r"^  (-\S.*?|[a-z][a-z0-9-]*)(\s{2,}|$)", line)
        if m:
            words.update(WORD.findall(m.group(1)))
    return words


def option_values_of(help_texts):
    """{"--sl-definition": {"offered", "answered", "minus", "short"}, ...}: the values that
    the help texts list for an option ("--by agent|team|queue|interval")."""
    values = collections.defaultdict(set)
    for text in help_texts:
        for m in re.finditer(r"^  (?:-\w,)?(--[a-z][a-z0-9-]*)[ =](\S+\|\S+)", text, re.M):
            values[m.group(1)].update(WORD.findall(m.group(2)))
    return values


def findings_of(text, skip_words, is_help, option_values, dates=True):
    """[(word, line)] of one output text. option_values: {option name: the words of its
    values}; dates: False for a workbook, whose dates are cell values."""
    if is_help:
        skip_words = skip_words | help_option_words(text)
    out = []
    for line in text.splitlines():
        column = re.match(r"^  ([-A-Z]\S*(?: \S+)*?)(\s{2,}|$)", line) if is_help else None
        if column:
            for word in re.findall(r"[A-Z][A-Z_]+", column.group(1)):
                if word in HELP_PLACEHOLDERS:
                    out.append((word, line.strip()))
        bare = QUOTED.sub(" ", line)
        tokens = [t for t in bare.split() if not machine_token(t)]
        kept = " ".join(tokens)
        # An option named on the line: its values are what one types ("erwartet: live,
        # deferred").
        typed = set()
        for option in re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", bare):
            typed |= option_values.get(option, set())
        for word in WORD.findall(kept):
            if word in ENGLISH_WORDS and word not in skip_words and word not in typed:
                out.append((word, line.strip()))
        if not dates or re.search(r"JJJJ-MM-TT|YYYY-MM-DD", line):
            continue  # a line that explains the date syntax gives examples of it
        for m in ISO_DATE.finditer(kept):
            try:
                datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue  # not a date ccteam could write differently: the user's own text
            out.append(("YYYY-MM-DD", line.strip()))
    return out


def read_known(path):
    """[(word, command substring, line substring or "", file line number)]."""
    known = []
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) not in (2, 3) or not fields[0] or not fields[1]:
            raise ValueError(f"{path}:{number}: expected WORD<TAB>COMMAND[<TAB>LINE]: {line}")
        known.append((fields[0], fields[1], fields[2] if len(fields) == 3 else "", number))
    return known


def is_known(entry, word, command, line):
    k_word, k_command, k_line, _ = entry
    return ((k_word == "*" or k_word == word) and (k_command == "*" or k_command in command)
            and k_line in line)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ccteam", required=True, help="the ccteam binary to run")
    ap.add_argument("--repo", required=True, help="the repository (tests/compare/commands.txt)")
    ap.add_argument("--known", default=os.path.join(here, "german_output.known"),
                    help="known findings (german_output.known beside this script)")
    ap.add_argument("--jobs", type=int, default=2, help="command lines run at once (2)")
    ap.add_argument("--filter", help="only command lines containing this text")
    ap.add_argument("--dump", help="write each command's output to this folder")
    ap.add_argument("--words", action="store_true",
                    help="also print every lowercase ASCII word of the output with its count")
    args = ap.parse_args()
    binary = os.path.abspath(args.ccteam)
    repo = os.path.abspath(args.repo)
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        print(f"german_output: {binary} is not an executable", file=sys.stderr)
        return 2
    try:
        known = read_known(args.known)
    except (OSError, ValueError) as e:
        print(f"german_output: {e}", file=sys.stderr)
        return 2
    if args.dump:
        os.makedirs(args.dump, exist_ok=True)

    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C"
    helps, help_texts = help_lines(binary, env)
    option_values = option_values_of(help_texts)
    todo = [(steps, None) for steps in helps]
    todo += [(steps, skip) for steps, skip in file_lines(repo)
             if shown(steps) not in {shown(h) for h in helps}]
    if args.filter:
        todo = [t for t in todo if args.filter in shown(t[0])]

    findings = []  # (command, stream, word, line)
    all_words = collections.Counter()
    runs = skipped = 0
    with tempfile.TemporaryDirectory(prefix="ccteam-german-") as tmp_root:
        def one(item):
            steps, skip = item
            return None if skip else run_line(binary, repo, steps, tmp_root, args.dump)

        with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
            for (steps, skip), result in zip(todo, pool.map(one, todo)):
                command = shown(steps)
                if skip:
                    log(f"skipped  {command}  ({skip})")
                    skipped += 1
                    continue
                runs += 1
                skip_words = input_words(repo, steps)
                for stream, text, argv in result:
                    if args.words:
                        all_words.update(w for w in WORD.findall(QUOTED.sub(" ", text))
                                         if w.islower() and w.isascii())
                    is_help = "--help" in argv or "-h" in argv
                    dates = "xlsx" not in stream
                    for word, line in findings_of(text, skip_words, is_help, option_values,
                                                  dates):
                        findings.append((command, stream, word, line))

    unknown = []
    used = set()
    for command, stream, word, line in findings:
        entries = [k for k in known if is_known(k, word, command, line)]
        used.update(k[3] for k in entries)  # every line that matches, so none looks stale
        if not entries:
            unknown.append((command, stream, word, line))
        log(f"{'known   ' if entries else 'FINDING '} {command} | {stream} | {word} | {line}")

    log("")
    log(f"findings per word ({len(findings)} in {runs} runs, {skipped} skipped):")
    per_word = collections.Counter(f[2] for f in findings)
    new_per_word = collections.Counter(f[2] for f in unknown)
    for word, count in sorted(per_word.items(), key=lambda x: (-x[1], x[0])):
        log(f"  {word:12} {count:5}" + (f"  ({new_per_word[word]} not known)"
                                        if new_per_word[word] else ""))
    stale = [] if args.filter else [k for k in known if k[3] not in used]  # a part ran
    if stale:
        log("")
        log(f"known findings no longer found (remove them from {os.path.basename(args.known)}):")
        for word, command, line, number in stale:
            log(f"  line {number}: {word}\t{command}" + (f"\t{line}" if line else ""))
    if args.words:
        log("")
        log("lowercase ASCII words of the checked output:")
        for word, count in sorted(all_words.items(), key=lambda x: (-x[1], x[0])):
            log(f"  {word} {count}")
    log("")
    if unknown:
        log(f"{len(unknown)} findings not in {os.path.basename(args.known)}: FAILED")
        return 1
    log(f"{len(findings)} findings, all known: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
