#!/usr/bin/python3
"""Fails when a German text of ccteam uses a word that docs/glossary-de.md rejects.

Usage: german_glossary.py --repo PATH

Reads the tables of docs/glossary-de.md: each row names a concept, its German term, the
synonyms it rejects (column "rejected", each in backticks) and where the row applies ("all", or
"messages": the message tables only, not the catalog's job-posting texts). Then checks
  - every German message table under src/ (src/**/messages_de.cpp): each entry
    {MsgId::name, "text" "text"}, its string literals joined, comments ignored;
  - every German text of data/catalog/*.yaml (the scalar under a "de" key), with its line.
A rejected word matches case-sensitively (a lowercase one also with a capital first letter), as
a whole word: not preceded or followed by a letter, a digit or a hyphen, nor followed by a file
extension ("Agenten" but not "Agentenkennzahlen", "Agenten-IDs"; "Manager" but not the role id
"manager"); a rejected phrase of several words matches with any spacing. Text between
quotes ('...', „...“, "...") is skipped: a user's text, a quoted law, a phrase the linter found.

Prints "FILE:LINE: ID: 'WORD' (the glossary says: TERM): TEXT" for each use and exits 1 when
there is one, 0 when there is none, 2 when the glossary has no rejected words (a broken table).
"""

import argparse
import glob
import os
import re
import sys

import yaml

QUOTED = re.compile(r"'[^']*'|„[^“]*“|\"[^\"]*\"|‚[^‘]*‘|»[^«]*«")


def glossary_rules(path):
    """[(rejected word, German term, applies to)] from the Markdown tables of the glossary."""
    rules = []
    header = None
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if header is None:
            header = [c.lower() for c in cells]
            continue
        if set(line) <= set("|- "):
            continue  # the separator row
        row = dict(zip(header, cells))
        if "rejected" not in row:
            continue
        for word in re.findall(r"`([^`]+)`", row["rejected"]):
            rules.append((word, row.get("german", ""), row.get("applies to", "all")))
    return rules


def pattern(word):
    """The regular expression of one rejected word or phrase."""
    parts = [re.escape(p) for p in word.split()]
    first = parts[0]
    if word[0].islower():  # at the start of a sentence too
        first = f"[{word[0].upper()}{word[0]}]" + re.escape(word.split()[0][1:])
    body = r"\s+".join([first] + parts[1:])
    return re.compile(r"(?<![\w-])" + body + r"(?![\w-]|\.[a-z])")


def message_texts(repo):
    """(file, line, id, text) of every entry of the German message tables under src/."""
    entry = re.compile(r'\{\s*MsgId::(\w+)\s*,((?:\s*"(?:[^"\\]|\\.)*")+)\s*\}')
    literal = re.compile(r'"((?:[^"\\]|\\.)*)"')
    for path in sorted(glob.glob(os.path.join(repo, "src/**/messages_de.cpp"), recursive=True)):
        source = open(path, encoding="utf-8").read()
        # Comments out, keeping line numbers: a "//" outside a string literal to the line's end.
        source = re.sub(r'("(?:[^"\\\n]|\\.)*")|//[^\n]*', lambda m: m.group(1) or "", source)
        for m in entry.finditer(source):
            text = "".join(literal.findall(m.group(2)))
            text = text.replace('\\"', '"').replace("\\n", "\n")
            line = source.count("\n", 0, m.start()) + 1
            yield os.path.relpath(path, repo), line, m.group(1), text


def catalog_texts(repo):
    """(file, line, key path, text) of every German text of the catalog."""
    for path in sorted(glob.glob(os.path.join(repo, "data/catalog/*.yaml"))):
        with open(path, encoding="utf-8") as fh:
            root = yaml.compose(fh)
        stack = [(root, "")]
        while stack:
            node, where = stack.pop()
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    name = f"{where}/{key.value}"
                    if key.value == "de" and isinstance(value, yaml.ScalarNode):
                        yield (os.path.relpath(path, repo), value.start_mark.line + 1, name,
                               value.value)
                    else:
                        stack.append((value, name))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend((v, f"{where}/{n}") for n, v in enumerate(node.value))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repo", required=True, help="the repository")
    args = ap.parse_args()
    repo = os.path.abspath(args.repo)
    rules = glossary_rules(os.path.join(repo, "docs/glossary-de.md"))
    if not rules:
        print("german_glossary: docs/glossary-de.md rejects no word (no 'rejected' column?)",
              file=sys.stderr)
        return 2
    compiled = [(word, pattern(word), term, scope) for word, term, scope in rules]
    texts = [(f, n, i, t, "messages") for f, n, i, t in message_texts(repo)]
    texts += [(f, n, i, t, "catalog") for f, n, i, t in catalog_texts(repo)]
    found = 0
    for path, line, name, text, kind in texts:
        bare = QUOTED.sub(" ", text)
        for word, regex, term, scope in compiled:
            if scope == "messages" and kind != "messages":
                continue
            if regex.search(bare):
                found += 1
                shown = " ".join(text.split())
                print(f"{path}:{line}: {name}: '{word}' (the glossary says: {term}): {shown}")
    print(f"{len(texts)} German texts checked against {len(rules)} rejected words: "
          f"{found} uses" + (": FAILED" if found else ""))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
