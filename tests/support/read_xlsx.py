#!/usr/bin/env python3
"""Reads an .xlsx workbook with nothing but Python's standard library (zipfile, ElementTree)
and prints its cells as JSON, so tests can check what ccteam wrote with a reader that shares no
code with the writer:

    {"sheets": [{"name": "applicants", "frozen_rows": 1,
                 "cells": {"A1": {"type": "text", "value": "id"},
                           "C2": {"type": "number", "value": 3.0}}}]}

Follows ECMA-376 Part 1: xl/workbook.xml lists the sheets in order, xl/_rels/workbook.xml.rels
maps them to their parts, shared strings live in xl/sharedStrings.xml (cell type "s"), inline
strings in the cell (type "inlineStr"), numbers are cells without a type.
Usage: read_xlsx.py FILE.xlsx
"""
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}


def text_of(element):
    # A string item is either <t> or rich-text runs <r><t>; join every <t> below it.
    return "".join(t.text or "" for t in element.iter("{%s}t" % NS["m"]))


def main(path):
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            shared = [text_of(si) for si in root.findall("m:si", NS)]
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
        workbook = ET.fromstring(z.read("xl/workbook.xml"))
        sheets = []
        for sheet in workbook.findall("m:sheets/m:sheet", NS):
            target = targets[sheet.get("{%s}id" % NS["r"])].lstrip("/")
            part = target if target.startswith("xl/") else "xl/" + target
            root = ET.fromstring(z.read(part))
            cells = {}
            for c in root.iter("{%s}c" % NS["m"]):
                kind = c.get("t")
                v = c.find("m:v", NS)
                if kind == "s":
                    cells[c.get("r")] = {"type": "text", "value": shared[int(v.text)]}
                elif kind == "inlineStr":
                    cells[c.get("r")] = {"type": "text", "value": text_of(c.find("m:is", NS))}
                elif kind == "str":
                    cells[c.get("r")] = {"type": "text", "value": v.text or ""}
                elif v is not None:
                    cells[c.get("r")] = {"type": "number", "value": float(v.text)}
            pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
            frozen = int(float(pane.get("ySplit", "0"))) if pane is not None else 0
            sheets.append({"name": sheet.get("name"), "frozen_rows": frozen, "cells": cells})
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
