#!/usr/bin/env python3
"""The staffing plans API against a running workspace (`serve --demo`), as a hiring manager:
a calculation gives the numbers of `ccteam plan` on the same input and the agents an
independent Erlang C calculation gives; plans are saved, versioned, listed, exported and
compared; bad input comes back as field errors (a forecast CSV's with line and column).

Usage: plans_test.py --url URL --logins logins.json --ccteam BINARY --openapi docs/api/openapi.yaml
"""
import argparse
import html
import json
import math
import os
import re
import socket
import subprocess
import sys
import tempfile
import urllib.parse

import yaml

import api_test
from access_test import Client, Session
from api_test import check


def erlang_c_service_level(agents, load, aht, answer_seconds):
    """Erlang C: the share of calls answered within answer_seconds (Gans, Koole & Mandelbaum
    2003), computed here from the formula, independently of ccteam's solver."""
    if agents <= load:
        return 0.0
    term, total = 1.0, 1.0
    for k in range(1, agents):
        term *= load / k
        total += term
    last = term * load / agents * agents / (agents - load)
    p_wait = last / (total + last)
    return 1 - p_wait * math.exp(-(agents - load) * answer_seconds / aht)


def fewest_agents(load, aht, target, answer_seconds):
    n = max(1, math.floor(load) + 1)
    while erlang_c_service_level(n, load, aht, answer_seconds) < target:
        n += 1
    return n


def xlsx_sheets(data):
    """The sheets of an .xlsx file (Office Open XML, ECMA-376) by name, each a list of rows of
    cell texts (shared strings resolved), read with the standard library only."""
    import io
    import re
    import xml.etree.ElementTree as ET
    import zipfile
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
    book = zipfile.ZipFile(io.BytesIO(data))
    strings = []
    if "xl/sharedStrings.xml" in book.namelist():
        for si in ET.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", ns):
            strings.append("".join(t.text or "" for t in si.iter(f"{{{ns['m']}}}t")))
    rels = ET.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    out = {}
    for sheet in ET.fromstring(book.read("xl/workbook.xml")).find("m:sheets", ns):
        target = targets[sheet.get(f"{{{ns['r']}}}id")]
        xml = ET.fromstring(book.read("xl/" + target.lstrip("/").removeprefix("xl/")))
        rows = []
        for row in xml.iter(f"{{{ns['m']}}}row"):
            cells = {}
            for c in row.findall("m:c", ns):
                column = re.match(r"[A-Z]+", c.get("r")).group(0)
                index = 0
                for ch in column:
                    index = index * 26 + ord(ch) - 64
                v = c.find("m:v", ns)
                text = v.text if v is not None else ""
                if c.get("t") == "s":
                    text = strings[int(text)]
                elif c.get("t") == "inlineStr":  # libxlsxwriter's constant-memory mode
                    text = "".join(t.text or "" for t in c.iter(f"{{{ns['m']}}}t"))
                cells[index - 1] = text
            rows.append([cells.get(i, "") for i in range(max(cells) + 1)] if cells else [])
        out[sheet.get("name")] = rows
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--logins", required=True)
    ap.add_argument("--ccteam", required=True)
    ap.add_argument("--openapi", required=True)
    args = ap.parse_args()
    client = Client(args.url)
    logins = json.load(open(args.logins))
    with open(args.openapi) as f:
        spec = api_test.Spec(yaml.safe_load(f))
    manager = Session(client, logins["hiring_manager"]["login"],
                      logins["hiring_manager"]["password"])
    council = Session(client, logins["works_council"]["login"], logins["works_council"]["password"])
    check("sign in as hiring manager and works council", manager.csrf and council.csrf)

    call = spec.call

    # One calculation, three ways: the API, the CLI, and Erlang C by hand.
    request = {"forecast": {"profile": {"calls_per_day": 1200, "hours": "08:00-10:00",
                                        "handle_time": 180}},
               "options": {"targets": {"service_level": "80/20"}, "shrinkage": 0.35}}
    status, _, body = call(manager, "POST", "/api/v1/plans/calculate", request)
    check("calculate: 200", status == 200, f"{status} {body[:300]!r}")
    plan = json.loads(body)
    # The CLI reads the same catalog: the installed one and the workspace's pay bands.
    status, _, bands_yaml = manager.get("/api/v1/pay-bands.yaml")
    check("the workspace's pay bands as YAML", status == 200)
    bands_file = tempfile.NamedTemporaryFile("wb", suffix=".yaml", delete=False)
    bands_file.write(bands_yaml)
    bands_file.close()
    catalog = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data",
                           "catalog")
    cli = subprocess.run([args.ccteam, "--catalog", catalog, "--catalog", bands_file.name,
                          "plan", "--calls", "1200/day", "--hours", "08:00-10:00",
                          "--aht", "180", "--sl", "80/20", "--shrinkage", "0.35",
                          "--format", "json"], capture_output=True, text=True)
    os.unlink(bands_file.name)
    check("ccteam plan runs", cli.returncode == 0, cli.stderr)
    expected = json.loads(cli.stdout) if cli.returncode == 0 else {"intervals": [], "levels": []}
    check("calculate: the intervals of ccteam plan",
          [(i["start"], i["agents"], i["service_level"]) for i in plan["intervals"]] ==
          [(i["start"], i["agents"], i["service_level"]) for i in expected["intervals"]])
    check("calculate: the levels of ccteam plan", plan["levels"] == expected["levels"])
    for i in plan["intervals"]:
        load = i["calls_offered"] * i["aht_seconds"] / 1800
        want = fewest_agents(load, i["aht_seconds"], 0.8, 20)
        check(f"calculate {i['start']}: {want} agents as Erlang C by hand gives",
              i["agents"] == want, f"got {i['agents']}")

    # Saved, a second version with one change, listed, read, exported, compared.
    status, hdrs, body = call(manager, "POST", "/api/v1/plans",
                              {"name": "Hotline Q1", "request": request})
    check("save: 201 with Location", status == 201 and hdrs.get("location", "").startswith(
        "/api/v1/plans/"), f"{status} {body[:300]!r}")
    first = json.loads(body)
    check("save: version 1 of its own series", first["version"] == 1 and
          first["series_id"] == first["id"])
    check("save: the result is the calculation", first["result"]["intervals"] == plan["intervals"])
    changed = json.loads(json.dumps(request))
    changed["options"]["shrinkage"] = 0.25
    status, _, body = call(manager, "POST", "/api/v1/plans",
                           {"name": "Hotline Q1", "previous": first["id"], "request": changed})
    second = json.loads(body)
    check("new version: 201, version 2 of the same series",
          status == 201 and second["version"] == 2 and second["series_id"] == first["id"],
          f"{status} {body[:200]!r}")
    # FTE = agent-hours per week / 39 / (1 - shrinkage): lower shrinkage, fewer FTE, same agents.
    fte = {p["id"]: p["result"]["levels"][0]["fte"] for p in (first, second)}
    check("new version: less shrinkage, FTE x 0.65 / 0.75",
          abs(fte[second["id"]] - fte[first["id"]] * 0.65 / 0.75) < 1e-9, str(fte))
    status, _, body = call(council, "GET", "/api/v1/plans?limit=200", pattern="/api/v1/plans")
    ids = [p["id"] for p in json.loads(body)["items"]] if status == 200 else []
    check("the works council lists both, newest first",
          ids[:2] == [second["id"], first["id"]], str(ids[:3]))
    status, _, body = call(council, "GET", f"/api/v1/plans/{first['id']}",
                           pattern="/api/v1/plans/{id}")
    check("read: inputs as saved", status == 200 and
          json.loads(body)["inputs"]["options"]["shrinkage"] == 0.35)
    status, hdrs, body = call(council, "GET", f"/api/v1/plans/{first['id']}/plan.json",
                              pattern="/api/v1/plans/{id}/plan.json")
    check("plan.json: the result, as a download",
          status == 200 and json.loads(body) == first["result"] and
          "attachment" in hdrs.get("content-disposition", ""))
    status, hdrs, body = call(council, "GET", f"/api/v1/plans/{first['id']}/intervals.csv",
                              pattern="/api/v1/plans/{id}/intervals.csv")
    lines = body.decode().splitlines() if status == 200 else []
    check("intervals.csv: a header and one line per interval",
          len(lines) == 1 + len(plan["intervals"]) and lines[0].startswith("interval_start"),
          f"{status} {lines[:2]}")
    status, hdrs, body = call(council, "GET", f"/api/v1/plans/{first['id']}/plan.xlsx",
                              pattern="/api/v1/plans/{id}/plan.xlsx")
    sheets = xlsx_sheets(body) if status == 200 else {}
    check("plan.xlsx: a workbook of intervals and levels, as a download",
          status == 200 and list(sheets) == ["intervals", "levels"] and
          "attachment" in hdrs.get("content-disposition", ""), f"{status} {list(sheets)}")
    rows = sheets.get("intervals", [])
    check("plan.xlsx: a header and one row per interval, the agents as numbers",
          len(rows) == 1 + len(plan["intervals"]) and
          [float(r[4]) for r in rows[1:]] == [float(i["agents"]) for i in plan["intervals"]],
          f"{rows[:2]}")
    status, _, body = call(council, "GET", f"/api/v1/plans/{first['id']}/plan.xlsx?lang=de",
                           pattern="/api/v1/plans/{id}/plan.xlsx")
    german = xlsx_sheets(body) if status == 200 else {}
    check("plan.xlsx?lang=de: German sheet names (the German page links it so)",
          status == 200 and list(german) == ["Intervalle", "Ebenen"], f"{status} {list(german)}")
    status, _, _ = call(council, "GET", f"/api/v1/plans/{first['id']}/plan.xlsx?lang=fr",
                        pattern="/api/v1/plans/{id}/plan.xlsx")
    check("plan.xlsx?lang=fr: 400", status == 400, str(status))
    status, _, body = call(council, "GET",
                           f"/api/v1/plans/compare?ids={first['id']},{second['id']}",
                           pattern="/api/v1/plans/compare")
    compared = json.loads(body) if status == 200 else {}
    check("compare: both plans, agents per interval side by side",
          status == 200 and [p["version"] for p in compared["plans"]] == [1, 2] and
          all(row["agents"][0] == row["agents"][1] for row in compared["intervals"]),
          f"{status} {body[:200]!r}")
    status, _, body = call(council, "GET", f"/api/v1/plans/compare?ids={first['id']}",
                           pattern="/api/v1/plans/compare")
    check("compare one plan: 400", status == 400, status)
    # The compare page: each difference is the one a reader works out from the cells shown
    # (it was the difference of the unrounded figures: 0.83 beside cells 0.84 apart).
    status, _, page = manager.get(f"/en/plans/compare?id={first['id']}&id={second['id']}")
    page = html.unescape(page.decode(errors="replace"))
    wrong, seen = [], 0
    for row in re.findall(r"<tr><th scope=\"row\">[^<]*</th>(.*?)</tr>", page):
        cells = re.findall(r"<td>([^<]*)</td>", row)
        if len(cells) != 2:
            continue
        base = re.fullmatch(r"([\d,]+\.\d\d)", cells[0])
        other = re.fullmatch(r"([\d,]+\.\d\d) \(([+−])([\d,]+\.\d\d)\)", cells[1])
        if not (base and other):
            continue
        seen += 1
        num = lambda t: round(float(t.replace(",", "")) * 100)
        diff = num(other.group(3)) * (1 if other.group(2) == "+" else -1)
        if num(other.group(1)) - num(base.group(1)) != diff:
            wrong.append(cells)
    check("the compare page: differences of the figures as shown", status == 200 and seen and
          not wrong, f"{status} {seen} rows, wrong {wrong}")

    # The reverse calculation: 32 agents given for the same day. Its whole-forecast service
    # level is Erlang C by hand, weighted by calls; the page says whether the targets are met.
    given = json.loads(json.dumps(request))
    given["forecast"]["agents"] = 32
    status, _, body = call(manager, "POST", "/api/v1/plans",
                           {"name": "Hotline Q1, 32 agents", "request": given})
    check("save with agents given: 201", status == 201, f"{status} {body[:300]!r}")
    given_plan = json.loads(body) if status == 201 else {"id": "", "result": {}}
    result = given_plan["result"]
    offered = sum(i["calls_offered"] for i in result.get("intervals", []))
    by_hand = sum(i["calls_offered"] * erlang_c_service_level(
        32, i["calls_offered"] * i["aht_seconds"] / 1800, i["aht_seconds"], 20)
        for i in result.get("intervals", [])) / max(offered, 1)
    totals = result.get("totals") or {}
    check("agents given: every interval has 32, the whole day's service level as Erlang C "
          "by hand", result.get("staffing") == "given" and
          all(i["agents"] == 32 for i in result["intervals"]) and
          abs(totals.get("service_level", -1) - by_hand) < 1e-9, f"{totals} vs {by_hand}")
    met = by_hand >= 0.8
    # The chart says the agents are given, not required.
    for lang, words in (("en", ("agents given", "Targets met over the whole forecast"
                                if met else "Targets missed over the whole forecast",
                                "Given agents and their service level")),
                        ("de", ("Agents vorgegeben", "Ziele über die ganze Prognose erreicht"
                                if met else "Ziele über die ganze Prognose verfehlt",
                                "Vorgegebene Agents und ihr Servicelevel"))):
        status, _, page = manager.get(f"/{lang}/plans/{given_plan['id']}")
        page = page.decode(errors="replace")
        check(f"the {lang} plan page of given agents: the column and whether the targets are "
              "met", status == 200 and all(w in page for w in words), f"{status} {words}")

    # Notes in the words of the form and the page's language, without command-line options. France has no pay bands of its own: the roles are costed from the
    # article's market reference (US salaries) with the default employer on-costs of 21 %; the
    # manager's reference has no top. The cost view of the 32 given agents, with waiting and lost
    # calls free: fewer agents always cost less, so the cheapest number misses 80/20 in every
    # interval with calls.
    costed = json.loads(json.dumps(given))
    costed["costing"] = {"country": "FR", "use_market_reference": True}
    costed["cost_view"] = {"waiting_cost": 0, "abandon_cost": 0, "agent_hour_cost": 100}
    status, _, body = call(manager, "POST", "/api/v1/plans",
                           {"name": "Hotline Q1, FR", "request": costed})
    check("save with a market reference and a cost view: 201", status == 201,
          f"{status} {body[:300]!r}")
    costed_plan = json.loads(body) if status == 201 else {"id": "", "result": {}}
    with_calls = sum(1 for i in costed_plan["result"].get("intervals", [])
                     if i["calls_offered"] > 0)
    notes = [n["code"] for level in costed_plan["result"].get("levels", [])
             for n in (level.get("cost") or {}).get("notes", [])]
    check("the stored cost notes carry their codes",
          notes.count("staffing_market_reference_used") == 3 and
          notes.count("staffing_market_reference_open_ended") == 1, str(notes))
    for lang, words in (
            ("en", ("costed from the market reference (United States;",
                    "plus employer on-costs of 21 % (field “Employer on-costs (% of gross pay)”",
                    "the market reference has no upper end",
                    "Hours per week: the forecast covers one day",
                    f"In {with_calls} of {with_calls} intervals (in bold) the cheapest number misses",
                    "Cost view: the given agents against the cheapest number")),
            ("de", ("mit dem Marktreferenzwert (Vereinigte Staaten;",
                    "zuzüglich Arbeitgeber-Nebenkosten von 21 % (Feld „Arbeitgeber-Nebenkosten "
                    "(% vom Bruttogehalt)“",
                    "der Marktreferenzwert hat kein oberes Ende",
                    "Stunden/Woche: Die Prognose umfasst einen Tag",
                    f"In {with_calls} von {with_calls} Intervallen (fett gedruckt) verfehlt die günstigste Zahl",
                    "Kostensicht: vorgegebene Agents"))):
        status, _, page = manager.get(f"/{lang}/plans/{costed_plan['id']}")
        page = html.unescape(page.decode(errors="replace"))
        missing = [w for w in words if w not in page]
        shown_notes = " ".join(re.findall(r'class="note">(.*?)</(?:ul|p)>', page, re.S))
        options = re.findall(r"--[a-z][a-z-]+", shown_notes)
        check(f"the {lang} plan page: notes in the words of the form, no command-line options",
              status == 200 and not missing and not options and
              "Gehaltsband hat kein oberes Ende" not in page,
              f"{status} missing {missing}, options {options}")
        # The three levels share one market-reference note: said once, naming the three.
        used = [n for n in re.findall(r"<li>(.*?)</li>", shown_notes, re.S)
                if words[0] in n]
        check(f"the {lang} plan page: the shared market-reference note once, naming 3 levels",
              len(used) == 1 and used[0].split(":")[0].count(", ") == 2, str(used))
    # The German workbook of the plan the manager saved in English: its notes as the German page
    # words them (titles and country in German, on-costs in percent, fields, not options).
    status, _, body = call(manager, "GET", f"/api/v1/plans/{costed_plan['id']}/plan.xlsx?lang=de",
                           pattern="/api/v1/plans/{id}/plan.xlsx")
    rows = xlsx_sheets(body).get("Ebenen", []) if status == 200 else []
    notes = [r[0] for r in rows[rows.index(["Hinweise:"]) + 1:]] if ["Hinweise:"] in rows else []
    text = " ".join(notes)
    check("the German workbook of an English plan: notes in German, as the page words them",
          status == 200 and "mit dem Marktreferenzwert (Vereinigte Staaten;" in text and
          "von 21 % (Feld „Arbeitgeber-Nebenkosten" in text and "costed" not in text and
          "0.21" not in text and not re.search(r"--[a-z]", text) and
          sum("Marktreferenzwert (" in n for n in notes) == 1, f"{status} {notes}")

    # The new plan's form shows no made-up date (it showed 03.01.2000, the default's stand-in).
    status, _, page = manager.get("/de/plans/new")
    day = re.search(r'id="forecast-profile-day"[^>]*value="([^"]*)"', page.decode())
    check("the form's day is empty by default", status == 200 and day and day.group(1) == "",
          f"{status} {day and day.group(0)!r}")

    # The German form: a service level of 101 % and 12,5 agents are refused beside their
    # fields, in German numbers, naming the field and not its JSON pointer.
    def german_form(field, typed, more=None):
        values = {"csrf_token": manager.csrf, "action": "calculate",
                  "/forecast/profile/calls_per_day": "1200",
                  "/forecast/profile/hours": "08:00-10:00", field: typed}
        values.update(more or {})
        status, _, page = manager.client.request("POST", "/de/plans/new", manager.headers({
            "Content-Type": "application/x-www-form-urlencoded", "Origin": client.origin}),
            urllib.parse.urlencode(values))
        page = html.unescape(page.decode(errors="replace"))
        error = re.search(r'id="' + field[1:].replace("/", "-") + r'-error">([^<]*)<', page)
        return status, (error.group(1) if error else ""), page

    def field_error(page, field):
        error = re.search(r'id="' + field[1:].replace("/", "-") + r'-error">([^<]*)<', page)
        return error.group(1) if error else ""
    status, error, page = german_form("/options/targets/service_level", "101/20")
    on_top = re.search(r'id="form-errors">(.*?)</div>', page, re.S)
    shown = error + " " + (on_top.group(1) if on_top else "")
    check("the German form: 101 % beside the service-level field and on top, no pointer, no 1.01",
          status in (400, 422) and "101 %" in error and on_top and "101 %" in on_top.group(1) and
          "/options/" not in shown and "1.01" not in shown, f"{status} {shown!r}")
    status, error, page = german_form("/forecast/agents", "12,5")
    check("the German form: 12,5 agents is no whole number, in German numbers",
          status in (400, 422) and "'12,5' ist keine ganze Zahl von 0 bis 100.000" in error,
          f"{status} {error!r}")
    # Every value out of its range at once, each with the range in the form's units (shares in
    # percent), as the command line's options have them.
    status, error, page = german_form("/options/shrinkage", "120", {
        "/options/days_per_week": "9", "/options/team_lead_span": "0"})
    days = field_error(page, "/options/days_per_week")
    span = field_error(page, "/options/team_lead_span")
    check("the German form: three values out of range, each with its range, in one answer",
          status == 422 and
          error.endswith("120 % ist hier nicht zulässig; erlaubt ist ein Wert von 0 % bis unter "
                         "100 %") and
          days.endswith("9 ist hier nicht zulässig; erlaubt ist ein Wert von 1 bis 7") and
          span.endswith("0 ist hier nicht zulässig; erlaubt ist ein Wert von mindestens 1"),
          f"{status} {error!r} {days!r} {span!r}")
    # Reversed hours: the form's words (no --hours, no file of the documentation), each sentence
    # beginning with a capital.
    status, error, _ = german_form("/forecast/profile/hours", "20:00-08:00")
    check("the German form: reversed hours in the form's words, sentences capitalised",
          status == 422 and error == "'20:00-08:00': das Ende muss nach dem Beginn liegen. Ein "
          "Tagesprofil umfasst einen Kalendertag; für Öffnungszeiten über Mitternacht mit einer "
          "Prognosedatei planen (Feld „Prognose aus“)", f"{status} {error!r}")
    # Calls that do not read: one error, not a second "required" for the same field.
    status, error, page = german_form("/forecast/profile/calls_per_day", "1e12")
    on_top = re.search(r'id="form-errors">(.*?)</div>', page, re.S)
    check("the German form: unreadable calls give one error, not also 'erforderlich'",
          status == 422 and "'1e12' ist nicht lesbar" in error and on_top and
          "erforderlich" not in on_top.group(1), f"{status} {error!r}")
    # Calls beyond what the queue models take: at the calls field, in German digit groups.
    status, error, _ = german_form("/forecast/profile/calls_per_day", "100000000000")
    check("the German form: a load too large, beside the calls, in German digit groups",
          status == 422 and "zwischen 0 und 100.000 Erlang" in error and "e+" not in error and
          re.search(r"ist aber \d{1,3}(\.\d{3})+", error), f"{status} {error!r}")
    status, error, _ = german_form("/costing/country", "XX")
    check("the German form: a country that is no ISO code is refused beside its field",
          status == 422 and "'XX' ist kein" in error, f"{status} {error!r}")
    # Comparing fewer than two plans: the error page leads back to the plans.
    status, _, page = manager.get(f"/de/plans/compare?id={costed_plan['id']}")
    page = html.unescape(page.decode(errors="replace"))
    check("compare with one plan: an error page that leads back to the plans",
          status == 400 and 'href="/de/plans">Zu den Personalbedarfsplänen</a>' in page,
          f"{status} {page[page.find('<main'):][:400]!r}")

    # Bad input: field errors by pointer.
    bad_csv = {"forecast": {"csv": "interval_start,calls_offered,aht_seconds\n"
                                   "2026-03-02T08:00:00,100,180\n"
                                   "2026-03-02T08:30:00,-4,180\n"}}
    status, _, body = call(manager, "POST", "/api/v1/plans/calculate", bad_csv)
    errors = json.loads(body).get("errors", []) if status in (400, 422) else []
    check("a broken forecast CSV: 4xx, its line and column at /forecast/csv",
          errors and errors[0]["pointer"] == "/forecast/csv" and errors[0]["line"] == 3 and
          errors[0]["column"] == 21, f"{status} {errors[:1]}")
    too_much = json.loads(json.dumps(request))
    too_much["options"]["shrinkage"] = 1.5
    status, _, body = call(manager, "POST", "/api/v1/plans", {"name": "x", "request": too_much})
    errors = json.loads(body).get("errors", [])
    check("shrinkage 1.5 in a save: 422 at /request/options/shrinkage",
          status == 422 and errors and errors[0]["pointer"] == "/request/options/shrinkage",
          f"{status} {errors[:1]}")
    status, _, body = call(manager, "POST", "/api/v1/plans/calculate",
                           {"options": {"shrinkeage": 0.3}})
    errors = json.loads(body).get("errors", [])
    check("an unknown member: 400 at its pointer",
          status == 400 and errors and errors[0]["pointer"] == "/options/shrinkeage",
          f"{status} {errors[:1]}")
    status, _, body = call(manager, "POST", "/api/v1/plans", {"name": "", "request": request})
    errors = json.loads(body).get("errors", [])
    check("an empty name: 422 at /name", status == 422 and errors and
          errors[0]["pointer"] == "/name", f"{status} {errors[:1]}")

    # Hostile uploads: a body over the limit is refused from its Content-Length, before it is
    # read; another media type is refused; a CSV that is binary garbage is a field error.
    url = urllib.parse.urlsplit(args.url)
    with socket.create_connection((url.hostname, url.port), timeout=10) as s:
        s.sendall(("POST /api/v1/plans/calculate HTTP/1.1\r\nHost: x\r\n"
                   f"Cookie: {manager.cookie}\r\nX-CSRF-Token: {manager.csrf}\r\n"
                   f"Origin: {client.origin}\r\nContent-Type: application/json\r\n"
                   "Content-Length: 9000000\r\n\r\n{").encode())
        answer = s.recv(4096).decode(errors="replace")
    check("an upload over 8 MiB: 413 before the body is read", answer.startswith("HTTP/1.1 413"),
          answer[:80])
    # The same on the German form page: a page in German that says how large it may be.
    with socket.create_connection((url.hostname, url.port), timeout=10) as s:
        s.sendall(("POST /de/plans/new HTTP/1.1\r\nHost: x\r\n"
                   f"Cookie: {manager.cookie}\r\nOrigin: {client.origin}\r\n"
                   "Content-Type: application/x-www-form-urlencoded\r\n"
                   "Content-Length: 90000000\r\n\r\n/forecast").encode())
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    answer = answer.decode(errors="replace")
    check("a form over the limit: 413, a German page naming the limit",
          answer.startswith("HTTP/1.1 413") and "text/html" in answer and
          "Fehler 413" in answer and "Die Eingabe ist größer als" in answer, answer[:300])
    status, _, body = manager.client.request(
        "POST", "/api/v1/plans/calculate",
        manager.headers({"Content-Type": "text/csv", "X-CSRF-Token": manager.csrf,
                         "Origin": client.origin}),
        "interval_start,calls_offered,aht_seconds\n")
    check("a CSV body instead of JSON: 400", status == 400, status)
    garbage = {"forecast": {"csv": "\u0000\u00ff\ufffe" * 1000}}
    status, _, body = call(manager, "POST", "/api/v1/plans/calculate", garbage)
    errors = json.loads(body).get("errors", []) if status in (400, 422) else []
    check("a binary forecast: a 4xx field error at /forecast/csv",
          errors and errors[0]["pointer"] == "/forecast/csv", f"{status} {body[:200]!r}")

    # A body of 8,000 nested objects (48 KB): one error for the unknown member, and the server
    # is still there (the request reader recursed once per level and overflowed its stack at
    # 5,000).
    deep = '{"a":' * 8000 + "1" + "}" * 8000
    status, _, body = manager.client.request(
        "POST", "/api/v1/plans/calculate",
        manager.headers({"Content-Type": "application/json", "X-CSRF-Token": manager.csrf,
                         "Origin": client.origin}), deep)
    errors = json.loads(body).get("errors", []) if status in (400, 422) else []
    check("8,000 nested objects: 400 at /a", status == 400 and errors and
          errors[0]["pointer"] == "/a", f"{status} {body[:200]!r}")
    status, _, _ = manager.get("/healthz")
    check("the server answers after the nested body", status == 200, str(status))

    print(f"{api_test.CHECKS - len(api_test.FAILURES)} of {api_test.CHECKS} plan checks passed")
    return 1 if api_test.FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
