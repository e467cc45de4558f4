#!/usr/bin/env python3
"""The test of scripts/messages, on a copy of src/ in a temporary folder:
  - check passes on the copy, fails (exit 1) when an English text changes and names exactly
    the ids whose English changed, with both texts; confirm ID clears that id only;
  - check names an id missing from the sidecar and a stale line in it; confirm --all clears;
  - regroup keeps every entry byte for byte, is idempotent (regroup --check passes after it)
    and leaves the check passing; it fails, naming the id, when an id cannot be placed;
  - unused --remove deletes an unused id from messages.def, the tables and the sidecar."""

import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.abspath(os.path.join(here, "../../.."))
tool = os.path.join(repo, "scripts/messages")
CORE_EN = "src/ccteam/core/messages_en.cpp"
CORE_DE = "src/ccteam/core/messages_de.cpp"
CLI_EN = "src/cli/messages_en.cpp"
DEF = "src/ccteam/core/messages.def"
SIDECAR = "src/ccteam/core/messages_de.en-sha"
failures = []


def run(root, *args):
    r = subprocess.run([sys.executable, tool, *args, "--root", root], capture_output=True,
                       text=True)
    return r.returncode, r.stdout + r.stderr


def expect(condition, what, output=""):
    if not condition:
        failures.append(what + ("\n--- output:\n" + output if output else ""))


def edit(root, rel, old, new):
    path = os.path.join(root, rel)
    text = open(path, encoding="utf-8").read()
    if old not in text:
        raise SystemExit(f"{rel} has no {old!r}: the test needs updating")
    open(path, "w", encoding="utf-8").write(text.replace(old, new, 1))


def entries(root):
    """Counter of (id, literals as written) over the four tables."""
    entry = re.compile(r'\{\s*MsgId::(\w+)\s*,((?:\s*"(?:[^"\\]|\\.)*")+)\s*\}')
    out = collections.Counter()
    for rel in (CORE_EN, CORE_DE, CLI_EN, "src/cli/messages_de.cpp"):
        text = open(os.path.join(root, rel), encoding="utf-8").read()
        text = re.sub(r'("(?:[^"\\\n]|\\.)*")|//[^\n]*', lambda m: m.group(1) or "", text)
        out.update((rel, m.group(1), m.group(2)) for m in entry.finditer(text))
    return out


def named(output):
    """The ids check lists as changed: the lines '  id (file:line)'."""
    return sorted(re.findall(r"^  (\w+) \(src/", output, re.M))


with tempfile.TemporaryDirectory() as tmp:
    shutil.copytree(os.path.join(repo, "src"), os.path.join(tmp, "src"))

    code, out = run(tmp, "check")
    expect(code == 0, f"check on an unchanged copy: exit {code}, expected 0", out)

    # One English text changed in the domain's table, one in the command line's.
    edit(tmp, CORE_EN, '{MsgId::hint_check_path, "', '{MsgId::hint_check_path, "please ')
    edit(tmp, CLI_EN, '{MsgId::cli_opt_help, "', '{MsgId::cli_opt_help, "just ')
    code, out = run(tmp, "check")
    expect(code == 1, f"check after two English changes: exit {code}, expected 1", out)
    expect(named(out) == ["cli_opt_help", "hint_check_path"],
           f"check names {named(out)}, expected cli_opt_help and hint_check_path", out)
    expect('English now: "just print this help and exit"' in out,
           "check does not show the new English text of cli_opt_help", out)

    code, out = run(tmp, "confirm", "cli_opt_help")
    expect(code == 0, f"confirm cli_opt_help: exit {code}", out)
    code, out = run(tmp, "check")
    expect(code == 1 and named(out) == ["hint_check_path"],
           f"after confirm cli_opt_help: exit {code}, names {named(out)}; expected 1, "
           "hint_check_path", out)

    # A German text without a stamp, and a stamp without a German text.
    edit(tmp, SIDECAR, "label_info\t", "gone_id\t")
    code, out = run(tmp, "check")
    expect(code == 1 and re.search(r"without a stamp.*\n  label_info$", out, re.M)
           and re.search(r"without a German text.*\n  gone_id$", out, re.M),
           "check does not report label_info as missing and gone_id as stale", out)
    code, out = run(tmp, "confirm", "--all")
    code, out = run(tmp, "check")
    expect(code == 0, f"check after confirm --all: exit {code}, expected 0", out)

    # regroup: every entry kept as written, idempotent, the stamps still valid.
    before = entries(tmp)
    code, out = run(tmp, "regroup")
    expect(code == 0, f"regroup: exit {code}", out)
    expect(entries(tmp) == before, "regroup changed, lost or added an entry")
    code, out = run(tmp, "regroup", "--check")
    expect(code == 0, f"regroup --check after regroup: exit {code}, expected 0", out)
    code, out = run(tmp, "check")
    expect(code == 0, f"check after regroup: exit {code}, expected 0", out)

    # An id no rule places, under no known section: regroup fails and names it.
    with open(os.path.join(tmp, DEF), "a", encoding="utf-8") as fh:
        fh.write("// something new\nCCTEAM_MSG(zz_mystery)\n")
    edit(tmp, CORE_EN, "};\n", '    {MsgId::zz_mystery, "?"},\n};\n')
    edit(tmp, CORE_DE, "};\n", '    {MsgId::zz_mystery, "?"},\n};\n')
    code, out = run(tmp, "regroup")
    expect(code == 2 and "zz_mystery" in out,
           f"regroup with an unplaceable id: exit {code}, expected 2 naming zz_mystery", out)

    # unused --remove: zz_mystery is used nowhere, so it goes from every file.
    run(tmp, "confirm", "zz_mystery")
    code, out = run(tmp, "unused", "--remove")
    expect(code == 0 and re.search(r"^zz_mystery$", out, re.M),
           f"unused --remove: exit {code}, expected 0 listing zz_mystery", out)
    for rel in (DEF, CORE_EN, CORE_DE, SIDECAR):
        expect("zz_mystery" not in open(os.path.join(tmp, rel), encoding="utf-8").read(),
               f"unused --remove left zz_mystery in {rel}")
    code, out = run(tmp, "check")
    expect(code == 0, f"check after unused --remove: exit {code}, expected 0", out)

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("scripts/messages: check fails on changed English texts and names them; confirm, "
      "regroup and unused --remove work on a copy of the tables")
