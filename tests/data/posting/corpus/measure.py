#!/usr/bin/env python3
"""Measures `ccteam posting lint` on the annotated posting corpus.

Usage: measure.py CCTEAM_BINARY [--today YYYY-MM-DD] [--tolerance N] [--given]
                  [--markdown] [--verbose] [--check]

Runs the binary on every posting listed in annotations.json (next to this script) with
`--format json --today DATE`, from the repository root so that the binary finds
data/posting/, and matches its findings to the annotated defects by rule id and line.
Prints per rule: annotated defects, defects found, recall, false findings (findings that match
no annotation) and how many of those are on clean postings; then totals, the clean postings
that got a warning or an error, and the postings whose language or jurisdictions the linter
detected differently from the annotation.

--given      pass the annotated language and jurisdictions (--posting-lang, --jurisdiction)
             instead of letting the linter detect them
--markdown   print the rule table as a Markdown table
--verbose    also list every missed defect and every false finding
--check      exit 1 when a rule's recall is below 0.9, a clean posting gets a warning or an
             error, the linter fails on a posting, or fewer than 90% of the postings get the
             annotated language and jurisdictions
Exit code 2 when the corpus or its annotations are inconsistent.
"""
import argparse
import json
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[3]
POSTING_SUFFIXES = (".md", ".txt", ".html")
MIN_RATE = 0.9


def fail(message):
    print(f"measure.py: {message}", file=sys.stderr)
    sys.exit(2)


def load_annotations():
    data = json.loads((HERE / "annotations.json").read_text(encoding="utf-8"))
    postings = data["postings"]
    listed = [p["file"] for p in postings]
    if len(set(listed)) != len(listed):
        fail("a posting is listed twice in annotations.json")
    present = {p.name for p in HERE.iterdir()
               if p.suffix in POSTING_SUFFIXES and p.name != "README.md"}
    if present - set(listed):
        fail(f"not in annotations.json: {', '.join(sorted(present - set(listed)))}")
    if set(listed) - present:
        fail(f"listed but missing: {', '.join(sorted(set(listed) - present))}")
    for p in postings:
        if p["clean"] != (not p["defects"]):
            fail(f"{p['file']}: 'clean' must be true exactly when there are no defects")
        lines = (HERE / p["file"]).read_text(encoding="utf-8").split("\n")
        for d in p["defects"]:
            line = d.get("line")
            if line is None:
                continue
            if not 1 <= line <= len(lines):
                fail(f"{p['file']}:{line}: no such line")
            text = d.get("text")
            if not text or text.casefold() not in lines[line - 1].casefold():
                fail(f"{p['file']}:{line}: annotated text {text!r} is not on this line")
    return data


def lint(binary, posting, today, given):
    cmd = [binary, "posting", "lint", str(HERE / posting["file"]), "--format", "json",
           "--today", today]
    if given:
        cmd += ["--posting-lang", posting["lang"]]
        for j in posting["jurisdictions"]:
            cmd += ["--jurisdiction", j]
    try:
        run = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return None, "timed out"
    if run.returncode not in (0, 1):
        return None, f"exit code {run.returncode}: {run.stderr.strip()[:200]}"
    try:
        result = json.loads(run.stdout)[0]
    except (ValueError, IndexError, KeyError) as e:
        return None, f"unreadable output ({e})"
    return result, None


def match(defects, findings, tolerance):
    """Pairs annotated defects with findings of the same rule.

    A defect with a line matches a finding on a line at most 'tolerance' away (nearest first);
    a defect without a line (something missing from the whole posting) matches a finding of its
    rule on any line. Each finding matches at most one defect. Returns the matched defect
    indexes and the indexes of the findings that matched nothing.
    """
    used = set()
    matched = set()
    pairs = []
    for di, d in enumerate(defects):
        if d.get("line") is None:
            continue
        for fi, f in enumerate(findings):
            if not f["line"]:
                continue  # a finding about the whole posting
            distance = abs(f["line"] - d["line"])
            if f["rule"] == d["rule"] and distance <= tolerance:
                pairs.append((distance, di, fi))
    for _, di, fi in sorted(pairs):
        if di not in matched and fi not in used:
            matched.add(di)
            used.add(fi)
    for di, d in enumerate(defects):
        if d.get("line") is not None:
            continue
        # Whole-posting findings (line 0) first, then one at a vague phrase ("Competitive pay").
        for fi, f in sorted(enumerate(findings), key=lambda e: e[1]["line"] != 0):
            if fi not in used and f["rule"] == d["rule"]:
                matched.add(di)
                used.add(fi)
                break
    false = [fi for fi in range(len(findings)) if fi not in used]
    return matched, false


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--today", default="2026-12-05")
    ap.add_argument("--tolerance", type=int, default=2)
    ap.add_argument("--given", action="store_true")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    binary = str(pathlib.Path(args.binary).resolve())

    data = load_annotations()
    postings = data["postings"]
    stats = {}  # rule -> [annotated, found, false, false on clean]

    def row(rule):
        return stats.setdefault(rule, [0, 0, 0, 0])

    failures = []
    noisy_clean = []
    wrong_detection = []
    missed = []
    false_list = []
    for p in postings:
        result, error = lint(binary, p, args.today, args.given)
        for d in p["defects"]:
            row(d["rule"])[0] += 1
        if error:
            failures.append(f"{p['file']}: {error}")
            continue
        findings = result["findings"]
        matched, false = match(p["defects"], findings, args.tolerance)
        for di, d in enumerate(p["defects"]):
            if di in matched:
                row(d["rule"])[1] += 1
            else:
                where = d["line"] if d.get("line") is not None else "-"
                missed.append(f"{p['file']}:{where}: {d['rule']} {d.get('text') or d.get('note', '')}")
        for fi in false:
            f = findings[fi]
            r = row(f["rule"])
            r[2] += 1
            if p["clean"]:
                r[3] += 1
            false_list.append(f"{p['file']}:{f['line']}: {f['rule']} ({f['severity']}) {f['why']}")
        if p["clean"]:
            serious = [f for f in findings if f["severity"] in ("warning", "error")]
            if serious:
                noisy_clean.append(
                    f"{p['file']}: " + ", ".join(f"{f['rule']} ({f['severity']}, line {f['line']})"
                                                for f in serious))
        if not args.given and (result["lang"] != p["lang"] or
                               sorted(result["jurisdictions"]) != sorted(p["jurisdictions"])):
            wrong_detection.append(
                f"{p['file']}: detected {result['lang']} {','.join(result['jurisdictions'])}, "
                f"annotated {p['lang']} {','.join(p['jurisdictions'])}")

    def recall(r):
        return f"{r[1] / r[0]:.2f}" if r[0] else "-"

    header = ["rule", "annotated", "found", "recall", "false findings", "of which on clean postings"]
    rows = [[rule, *map(str, stats[rule][:2]), recall(stats[rule]), *map(str, stats[rule][2:])]
            for rule in sorted(stats)]
    total = [sum(r[i] for r in stats.values()) for i in range(4)]
    rows.append(["total", str(total[0]), str(total[1]), recall(total), str(total[2]), str(total[3])])
    clean_count = sum(p["clean"] for p in postings)
    print(f"{len(postings)} postings ({clean_count} clean, {len(postings) - clean_count} with "
          f"defects), --today {args.today}, line tolerance {args.tolerance}"
          + (", language and jurisdictions given" if args.given else ""))
    print()
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("| " + " | ".join("---" for _ in header) + " |")
        for r in rows:
            print("| " + " | ".join(f"`{c}`" if i == 0 and c != "total" else c
                                    for i, c in enumerate(r)) + " |")
    else:
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
        for r in [header] + rows:
            print("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                            for i, (c, w) in enumerate(zip(r, widths))))
    print()
    print(f"clean postings with a warning or an error: {len(noisy_clean)} of {clean_count}")
    for line in noisy_clean:
        print(f"  {line}")
    if not args.given:
        print(f"language or jurisdictions detected differently: {len(wrong_detection)} of "
              f"{len(postings)}")
        for line in wrong_detection:
            print(f"  {line}")
    if failures:
        print(f"linter failed on {len(failures)} postings")
        for line in failures:
            print(f"  {line}")
    if args.verbose:
        print(f"missed defects: {len(missed)}")
        for line in missed:
            print(f"  {line}")
        print(f"false findings: {len(false_list)}")
        for line in false_list:
            print(f"  {line}")

    if args.check:
        problems = [f"{rule}: recall {recall(r)}" for rule, r in sorted(stats.items())
                    if r[0] and r[1] / r[0] < MIN_RATE]
        if noisy_clean:
            problems.append(f"{len(noisy_clean)} clean postings with a warning or an error")
        if failures:
            problems.append(f"the linter failed on {len(failures)} postings")
        if (len(postings) - len(wrong_detection)) / len(postings) < MIN_RATE:
            problems.append(f"language or jurisdictions wrong for {len(wrong_detection)} postings")
        if problems:
            print("check failed: " + "; ".join(problems))
            return 1
        print("check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
