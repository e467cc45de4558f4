#!/usr/bin/env python3
"""The test of the layering test: check_layering.py on bad_tree/, a small src/ with deliberate
violations, must fail and name each one as file:line, and nothing else."""

import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
tree = os.path.join(here, "bad_tree")
run = subprocess.run([sys.executable, os.path.join(here, "check_layering.py"), tree],
                     capture_output=True, text=True)
out = run.stdout
expected = [
    (os.path.join(tree, "ccteam/core/clock.hpp") + ":5:", "includes io/base/files.hpp"),
    (os.path.join(tree, "io/catalog/reader.cpp") + ":3:", "<yaml-cpp/yaml.h> (yaml-cpp)"),
    (os.path.join(tree, "io/catalog/reader.cpp") + ":5:", "includes app/catalog/catalog.hpp"),
    (os.path.join(tree, "app/workspace/seed.cpp") + ":7:",
     "includes store/sqlite/sqlite_repository.hpp"),
    (os.path.join(tree, "app/workspace/seed.cpp") + ":3:", "<sqlite3.h> (SQLite)"),
]
failures = []
if run.returncode != 1:
    failures.append(f"exit code {run.returncode}, expected 1")
lines = out.splitlines()
for where, what in expected:
    if not any(line.startswith(where) and what in line for line in lines):
        failures.append(f"no line '{where} ... {what}'")
if len(lines) != len(expected):
    failures.append(f"{len(lines)} lines, expected {len(expected)}")
if failures:
    print("check_layering.py output:\n" + out + run.stderr)
    print("\n".join(failures))
    sys.exit(1)
print(f"check_layering.py fails on bad_tree/ with the {len(expected)} violations named")
