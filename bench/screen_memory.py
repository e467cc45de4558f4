#!/usr/bin/env python3
"""Peak memory and speed of `ccteam screen` over a large NDJSON batch, per output format.

Builds an NDJSON file of N résumés (default 200,000) by repeating the lines of
fixtures/resumes/callcenter.ndjson (real-size JSON Resume documents of about 1 KB; nothing else
varies) in a temporary folder, then runs

    ccteam screen team-lead FILE --as-of 2026-12-01 --format F -o OUT

for F in table, csv, json and xlsx (xlsx needs -o; the others write the same bytes to -o as to
standard output) and reports per format: résumés per CPU second (the child's user + system
time, getrusage(RUSAGE_CHILDREN)), CPU and wall seconds, peak RSS (ru_maxrss from os.wait4 of
that child; bench/childrun.py), the output's size and the exit code. For xlsx it also counts
the rows of each sheet (the workbook is a zip of XML; a sheet holds at most 1,048,576 rows).

It fails (exit code 1, the reasons printed at the end) when a format
- peaks above --max-rss-mb (default 100 MB): NDJSON is read as a stream, so the memory must not
  grow with the batch;
- dies of a signal, or exits with 2 (unusable: nothing evaluated, or the output not written);
  exit 1 (some documents rejected) is accepted;
- writes an xlsx whose applicants sheet does not have one row per résumé.
A guard kills a run whose RSS passes --kill-above-mb (default 8192 MB, at most half the memory
available at the start) so that a shared machine stays usable; the run is then reported as
above the guard. Exit code 2: usage error or missing fixture.

Usage: bench/screen_memory.py --ccteam build/bench/bin/ccteam [--resumes 200000]
"""

import argparse
import os
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from childrun import add_binary_and_fixtures, head_text, run_child

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2026-12-01"
FORMATS = ("table", "csv", "json", "xlsx")
XLSX_MAX_ROWS = 1_048_576


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--resumes", type=int, default=200_000, metavar="N",
                        help="résumés in the batch (default 200,000)")
    add_binary_and_fixtures(parser, REPO)
    parser.add_argument("--max-rss-mb", type=float, default=100.0,
                        help="highest accepted peak RSS per format in MB (default 100)")
    parser.add_argument("--formats", default=",".join(FORMATS),
                        help="comma-separated output formats (default: table,csv,json,xlsx)")
    parser.add_argument("--role", default="team-lead",
                        help="role to screen for (default team-lead)")
    parser.add_argument("--kill-above-mb", type=float, default=8192.0,
                        help="kill a run whose RSS passes this (default 8192 MB, at most half of "
                             "the memory available at the start)")
    parser.add_argument("--timeout", type=float, default=1800.0,
                        help="seconds before a run is killed (default 1800)")
    parser.add_argument("--workdir", help="folder for the batch and the outputs (default: a new "
                                          "temporary one)")
    return parser.parse_args()


def available_mb():
    """MemAvailable from /proc/meminfo in MB (infinity when unknown)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return float("inf")


def write_batch(path, source, n):
    """Writes n NDJSON lines, repeating the non-blank lines of source in order."""
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    block = "".join(line + "\n" for line in lines)
    full, rest = divmod(n, len(lines))
    with open(path, "w", encoding="utf-8") as out:
        for _ in range(full // 1000):
            out.write(block * 1000)
        out.write(block * (full % 1000))
        out.writelines(line + "\n" for line in lines[:rest])


def xlsx_sheet_rows(path):
    """Rows per sheet of an xlsx, by sheet name, counted by streaming each sheet's XML."""
    rows = {}
    with zipfile.ZipFile(path) as book:
        workbook = book.read("xl/workbook.xml").decode("utf-8")
        names = re.findall(r'<sheet [^>]*name="([^"]*)"', workbook)
        for index, name in enumerate(names, start=1):
            count, carry = 0, b""
            with book.open(f"xl/worksheets/sheet{index}.xml") as sheet:
                while chunk := sheet.read(1 << 20):
                    data = carry + chunk
                    count += data.count(b"<row ")
                    carry = data[-4:]  # a tag split between chunks is counted once
            rows[name] = count
    return rows


def screen_once(args, ccteam, batch, fmt, work, guard_mb):
    """Runs screen with one format; returns (run, output bytes, stderr path, output path)."""
    output = work / f"screen.{fmt}"
    stderr = work / f"stderr-{fmt}.txt"
    argv = [ccteam, "screen", args.role, str(batch), "--as-of", AS_OF, "--format", fmt,
            "-o", str(output)]
    run = run_child(argv, stderr_path=str(stderr), timeout_s=args.timeout,
                    max_rss_kb=int(guard_mb * 1024))
    size = output.stat().st_size if output.exists() else 0
    return run, size, stderr, output


def judge(args, fmt, run, stderr, output):
    """The problems of one format's run (empty when it passed)."""
    problems = []
    if run.killed_for == "rss":
        problems.append(f"{fmt}: killed when its RSS passed the guard: peak above "
                        f"{run.peak_rss_kb / 1024:,.0f} MB (limit {args.max_rss_mb:g} MB)")
    elif run.killed_for == "timeout":
        problems.append(f"{fmt}: killed after {args.timeout:g} s")
    elif run.signal is not None:
        problems.append(f"{fmt}: crashed ({run.status()}); stderr: {head_text(stderr, 600)!r}")
    elif run.exit_code not in (0, 1):
        problems.append(f"{fmt}: exit {run.exit_code} (unusable); stderr: "
                        f"{head_text(stderr, 600)!r}")
    if run.killed_for is None and run.peak_rss_kb / 1024 > args.max_rss_mb:
        problems.append(f"{fmt}: peak RSS {run.peak_rss_kb / 1024:,.1f} MB, above the limit of "
                        f"{args.max_rss_mb:g} MB")
    if fmt == "xlsx" and run.exit_code in (0, 1) and output.exists():
        problems.extend(check_xlsx(args.resumes, output))
    return problems


def check_xlsx(n, output):
    """Prints the rows per sheet; a missing applicant row or a full sheet is a problem."""
    try:
        rows = xlsx_sheet_rows(output)
    except (zipfile.BadZipFile, KeyError) as error:
        return [f"xlsx: the workbook cannot be read: {error}"]
    print("   xlsx rows per sheet: "
          + ", ".join(f"{name} {count:,}" for name, count in rows.items()))
    problems = []
    applicants = next((count for name, count in rows.items() if "applicant" in name.lower()), None)
    if applicants is not None and applicants < n + 1:
        problems.append(f"xlsx: the applicants sheet has {applicants:,} rows for {n:,} résumés")
    for name, count in rows.items():
        continued = any(other.startswith(f"{name} (") for other in rows)  # 'criteria (2)'
        if count >= XLSX_MAX_ROWS and not continued:
            problems.append(f"xlsx: sheet '{name}' is full ({count:,} rows, the most a sheet "
                            f"holds) and no sheet continues it: rows are missing")
    return problems


def main():
    args = parse_args()
    ccteam = os.path.abspath(args.ccteam)
    if not os.access(ccteam, os.X_OK):
        print(f"screen_memory: no executable ccteam at {ccteam} (--ccteam PATH)", file=sys.stderr)
        return 2
    source = Path(args.fixtures) / "resumes/callcenter.ndjson"
    if not source.is_file():
        print(f"screen_memory: {source} not found (--fixtures DIR or $CCTEAM_FIXTURES_DIR)",
              file=sys.stderr)
        return 2
    formats = [fmt.strip() for fmt in args.formats.split(",") if fmt.strip()]
    if args.resumes < 1 or not formats or set(formats) - set(FORMATS):
        print(f"screen_memory: --resumes must be at least 1 and --formats from {FORMATS}",
              file=sys.stderr)
        return 2
    guard_mb = min(args.kill_above_mb, available_mb() / 2)

    work = Path(tempfile.mkdtemp(prefix="ccteam-screen-memory.", dir=args.workdir))
    problems, results = [], []
    try:
        batch = work / "resumes.ndjson"
        write_batch(batch, source, args.resumes)
        print(f"screen_memory: {ccteam}")
        print(f"  {args.resumes:,} résumés ({batch.stat().st_size:,} bytes, the lines of "
              f"{source} repeated), role {args.role}, RSS limit {args.max_rss_mb:g} MB, guard "
              f"{guard_mb:,.0f} MB")
        for fmt in formats:
            print(f"== {fmt}", flush=True)
            run, size, stderr, output = screen_once(args, ccteam, batch, fmt, work, guard_mb)
            print(f"   {run.status()}, {run.cpu_s:.2f} s CPU, {run.peak_rss_kb / 1024:,.1f} MB "
                  f"peak RSS, {size:,} bytes written")
            if run.exit_code == 2 or run.signal is not None:
                print("   stderr: " + head_text(stderr, 600).strip().replace("\n", "\n           "))
            found = judge(args, fmt, run, stderr, output)
            problems.extend(found)
            results.append((fmt, run, size, "FAIL" if found else "ok"))
            output.unlink(missing_ok=True)
    except OSError as error:  # the binary could not be started, or the disk is full
        print(f"screen_memory: {error}", file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"\n{'format':<7} {'status':>16} {'CPU s':>8} {'wall s':>8} {'résumés/CPU s':>14} "
          f"{'peak RSS MB':>12} {'output MB':>10}  result")
    for fmt, run, size, verdict in results:
        rate = args.resumes / run.cpu_s if run.cpu_s > 0 else float("inf")
        print(f"{fmt:<7} {run.status():>16} {run.cpu_s:>8.2f} {run.wall_s:>8.2f} {rate:>14,.0f} "
              f"{run.peak_rss_kb / 1024:>12,.1f} {size / 1e6:>10,.1f}  {verdict}")
    if problems:
        print(f"\nscreen_memory: FAILED ({len(problems)} problem(s)):")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    print(f"\nscreen_memory: every format stayed under {args.max_rss_mb:g} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
