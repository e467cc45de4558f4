#!/usr/bin/env python3
"""Shows that every input reader and validator of the ccteam CLI runs in time linear in its input.

For each reader, the script generates an input at 1x, 10x and 100x size (valid inputs, and
broken ones where the reader must report errors), runs the real `ccteam` command on it and
measures the child's CPU time (user + system, getrusage(RUSAGE_CHILDREN) before and after) and
peak RSS (ru_maxrss from os.wait4 of that child; bench/childrun.py). A tiny input of the same
kind (1x / 100) gives the command's start-up cost. The start-up, 1x and 10x run three times
and the fastest counts; 100x runs once, and once more before a failure is reported.
It prints one table per reader: size, units, bytes, CPU seconds, CPU per unit, the cost per
unit relative to 1x, the cost per unit and per KB net of the start-up, wall time, peak RSS, the
exit code and the lines on stderr.

It fails (exit code 1, each reason printed at the end) when
- the cost per unit at 100x, net of the start-up, is more than 3 times that at 10x (linear
  gives 1, quadratic about 10). Without netting, the start-up would make 10x look dear and hide
  a quadratic part; where 10x costs less than 20 ms over the start-up (with --quick), the
  costs are compared with the start-up included, which can only understate the growth;
- ccteam dies of a signal, or exits with a code the case does not expect (1 and 2 are expected
  where the input is meant to be broken);
- error output that the documentation caps (50 errors, then "... and N more") grows past the
  cap, or a case's own check of the output fails.
Exit code 2: usage error. Cases whose fixture files are missing are skipped, saying so.

Usage: bench/reader_growth.py --ccteam build/bench/bin/ccteam [--quick] [--only NAME]...
--quick divides every size by 10 (a smoke run). Sizes are chosen so that 100x takes at most a
few seconds of CPU on an optimised build; the whole run takes about three minutes.
"""

import argparse
import datetime
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from childrun import add_binary_and_fixtures, count_lines, head_text, run_child, tail_text

REPO = Path(__file__).resolve().parent.parent
GROWTH_LIMIT = 3.0  # cost per unit at 100x / at 10x
MEASURABLE_S = 0.02  # 10x must cost this much more CPU than the start-up to be netted
ERROR_CAP_LINES = 110  # 50 errors of two lines (error, hint), "... and N more", a summary
AS_OF = "2026-12-01"  # fixed dates keep the outputs and their cost the same from day to day
TIMEOUT_S = 300  # per run: a reader far worse than quadratic is reported, not waited for


@dataclass
class Case:
    """One reader: how to build its input of n units, how to run ccteam on it, what to expect."""

    name: str  # short id, for --only
    title: str
    command: str  # the command line, for the table's header
    unit: str
    sizes: tuple  # units at 1x, 10x, 100x
    make: object  # make(folder, n, ctx) -> arguments after `ccteam`; writes into folder
    exit_codes: tuple = (0,)
    capped_stderr: bool = False  # stderr must stay under ERROR_CAP_LINES at every size
    check: object = None  # check(n, stdout_path, stderr_path) -> problem text or None
    scale_quick: bool = True  # False: --quick keeps the sizes (the input must pass a limit)
    startup_n: int | None = None  # units of the start-up input (default: 1x / 100, at least 2)
    needs: tuple = ()  # fixture files (relative to --fixtures) the case reads


@dataclass
class Point:
    """One size of one case."""

    label: str
    n: int
    nbytes: int
    runs: list = field(default_factory=list)
    stderr_lines: int = 0

    @property
    def best(self):
        return min(self.runs, key=lambda run: run.cpu_s)

    @property
    def per_unit_s(self):
        return self.best.cpu_s / self.n


@dataclass
class Context:
    ccteam: str
    fixtures: Path
    work: Path


# ---------------------------------------------------------------- input generators


def write_lines(path, lines, n):
    """Writes n lines, cycling through `lines`, in blocks (the parent keeps little memory)."""
    block = "".join(line + "\n" for line in lines)
    with open(path, "w", encoding="utf-8") as out:
        full, rest = divmod(n, len(lines))
        reps = max(1, 4096 // len(lines))
        for _ in range(full // reps):
            out.write(block * reps)
        out.write(block * (full % reps))
        out.writelines(line + "\n" for line in lines[:rest])


def catalog_role(i, n, full=True):
    """One valid role. Roles form ladders of 10 (rank 1..10, each reporting to the next).

    full: several responsibilities, skills with synonyms, two languages, KPIs (about 3 KB, like
    a real role's structure); else one of each (for the hiring plan, which only needs ids).
    """
    above = f"r{i + 1}" if i % 10 != 9 and i + 1 < n else None
    lines = [f"  - id: r{i}", "    level: mid", f"    rank: {i % 10 + 1}",
             f"    title: {{en: Role {i}, de: Rolle {i}}}",
             f"    description: {{en: Does the work of role {i} for the customers of the centre., "
             f"de: Macht die Arbeit von Rolle {i} für die Kundschaft des Centers.}}",
             f"    job_summary: {{en: Work as role {i} in a friendly team., "
             f"de: Als Rolle {i} in einem freundlichen Team arbeiten.}}"]
    if above:
        lines += [f"    reports_to: {above}", f"    escalates_to: {above}",
                  f"    next_roles: [{above}]"]
    lines.append("    responsibilities:")
    for k in range(4 if full else 1):
        lines.append(f"      - {{id: duty-{k}, title: {{en: Duty {k}, de: Aufgabe {k}}}, "
                     f"description: {{en: Takes care of duty {k} every day., "
                     f"de: Kümmert sich täglich um Aufgabe {k}.}}}}")
    lines.append("    skills:")
    for k in range(6 if full else 1):
        importance = "required" if k < 3 else "preferred"
        lines.append(f"      - {{id: skill-{k}, importance: {importance}, "
                     f"name: {{en: Skill {k}, de: Fähigkeit {k}}}, "
                     f"description: {{en: Uses skill {k} well., de: Beherrscht Fähigkeit {k}.}}, "
                     f"synonyms: {{en: [skill {k} work, skill {k} tasks], "
                     f"de: [Fähigkeit {k} Arbeit]}}}}")
    lines += ["    languages:",
              "      - {language: de, level: C1, importance: required, countries: [DE]}"]
    if full:
        lines.append("      - {language: en, level: B2, importance: preferred, "
                     "countries: [DE, US]}")
    lines += ["    education:",
              "      minimum:",
              '        - {country: "*", isced: 3, description: {en: School., de: Schule.}, '
              "basis: {source: article}}",
              "    experience:",
              "      - {kind: customer_service, months: 6, importance: required, "
              "basis: {source: article}}",
              '    occupation_codes: {isco08: "4222"}']
    if full:
        lines += ["    kpis:"] + [
            f"      - {{id: kpi-{k}, name: {{en: KPI {k}, de: Kennzahl {k}}}, description: "
            f"{{en: Measures part {k}., de: Misst Teil {k}.}}, unit: percent, "
            f"direction: higher_is_better}}" for k in range(2)]
    return "\n".join(lines) + "\n"


def write_catalog(path, n, full=True):
    with open(path, "w", encoding="utf-8") as out:
        out.write('catalog: {name: bench, version: "1"}\nroles:\n')
        for i in range(n):
            out.write(catalog_role(i, n, full))


def make_catalog(folder, n, ctx):
    path = folder / "catalog.yaml"
    write_catalog(path, n)
    return ["catalog", "validate", str(path)]


def expect_text(expected, path):
    """None when the end of the file at path contains the text, else the problem."""
    return None if expected in tail_text(path) else f"expected '{expected}' in {path.name}"


def check_catalog(n, stdout, stderr):
    return expect_text(f"catalog is valid: {n} role(s)", stdout)


def make_catalog_over_limit(folder, n, ctx):
    path = folder / "catalog.yaml"
    with open(path, "w", encoding="utf-8") as out:
        out.write('catalog: {name: bench, version: "1"}\nroles:\n')
        for i in range(n):
            out.write(f"  - {{id: r{i}, level: mid, rank: 1}}\n")
    return ["catalog", "validate", str(path)]


def check_over_limit(n, stdout, stderr):
    text = tail_text(stderr)
    if text.count("more than 1000 roles") != 1 or "1 error(s)" not in text:
        return "expected exactly one error, 'the catalog has more than 1000 roles'"
    return None


def scenario_yaml(arrivals, handle_time, staff="10"):
    return ("format: ccteam-scenario/1\n"
            "interval_seconds: 1800\n"
            f"{arrivals}\n"
            "run: {replications: 1, seed: 1}\n"
            "tiers:\n"
            f"  - {{id: agents, kind: live, staff: {staff}, handle_time: {handle_time}}}\n")


def number_list(n, value):
    """'[v0, v1, ...]' for i < n."""
    return "[" + ", ".join(value(i) for i in range(n)) + "]"


def make_scenario(folder, n, ctx, negative_every=0):
    """n intervals: calls, staff and mean handle time each a list of n values."""
    def calls(i):
        return "-1" if negative_every and i % negative_every == 3 else str(20 + i % 7)

    text = scenario_yaml(
        f"arrivals: {{calls_per_interval: {number_list(n, calls)}}}",
        "{distribution: exponential, mean_seconds: "
        f"{number_list(n, lambda i: str(150 + i % 60))}}}",
        staff=number_list(n, lambda i: str(8 + i % 3)))
    path = folder / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return ["simulate", "--scenario", str(path), "--replications", "1", "--threads", "1"]


def make_scenario_negative(folder, n, ctx):
    return make_scenario(folder, n, ctx, negative_every=10)


def make_scenario_empirical(folder, n, ctx):
    text = scenario_yaml("intervals: 4\narrivals: {calls_per_interval: 50}",
                         "{distribution: empirical, seconds: "
                         f"{number_list(n, lambda i: str(60 + (i * 37) % 400))}}}")
    path = folder / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return ["simulate", "--scenario", str(path), "--replications", "1", "--threads", "1"]


POSTINGS = ["postings/de-teamleitung-mixed.txt", "postings/de-agent-ausbildung.md",
            "postings/en-agent-remote.html", "postings/en-manager-openended.md"]


def make_long_posting(folder, n, ctx):
    text = (ctx.fixtures / POSTINGS[0]).read_text(encoding="utf-8").rstrip("\n")
    path = folder / "posting.txt"
    write_lines(path, [text, ""], 2 * n)
    return ["posting", "lint", "--today", AS_OF, str(path)]


def check_lint_capped(n, stdout, stderr):
    """The text output lists at most 50 findings per file."""
    lines = count_lines(stdout)
    return None if lines <= 4 * 50 else f"{lines} lines of findings for one file (cap: 50 findings)"


def make_many_postings(folder, n, ctx):
    names = []
    for i in range(n):
        source = ctx.fixtures / POSTINGS[i % len(POSTINGS)]
        name = f"p{i}-{source.name}"
        shutil.copyfile(source, folder / name)
        names.append(str(folder / name))
    return ["posting", "lint", "--today", AS_OF] + names


def fixture_lines(ctx, relative):
    text = (ctx.fixtures / relative).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


SCREEN = ["screen", "team-lead", "--top", "10", "--as-of", AS_OF]


def make_ndjson(folder, n, ctx):
    path = folder / "resumes.ndjson"
    write_lines(path, fixture_lines(ctx, "resumes/callcenter.ndjson"), n)
    return SCREEN + [str(path)]


def check_all_evaluated(n, stdout, stderr):
    return expect_text(f"{n} documents read: {n} evaluated", stdout)


BROKEN_RESUMES = [
    '{"work":[{"position":"Agent","startDate":"2021-02-30"}]}',
    '{"work": [ oops ]}',
    '{"work":{"position":"not an array"}}',
    '{"work":[{"position":"Agent","startDate":"2022-05","endDate":"2021-01"}]}',
    '{"basics":{"name":"Only A Name"}',
    '{"work":[{"position":"Agent","position":"Lead"}]}',
]


def make_ndjson_broken(folder, n, ctx):
    path = folder / "broken.ndjson"
    write_lines(path, BROKEN_RESUMES, n)
    return SCREEN + [str(path)]


def make_json_array(folder, n, ctx):
    lines = fixture_lines(ctx, "resumes/callcenter.ndjson")
    path = folder / "resumes.json"
    with open(path, "w", encoding="utf-8") as out:
        out.write("[\n")
        for i in range(n):
            out.write(lines[i % len(lines)] + (",\n" if i + 1 < n else "\n"))
        out.write("]\n")
    return SCREEN + [str(path)]


PERSON_HEADER = ("id,name,email,summary,work1_title,work1_organisation,work1_start,work1_end,"
                 "work1_summary,work2_title,work2_start,work2_end,work2_summary,education1_type,"
                 "education1_area,education1_end,language1,language1_level,language2,"
                 "language2_level,skills")
PERSON_ROWS = [
    'E-{i},Eva Probe,eva{i}@example.org,,Kundenberaterin,Nordlicht GmbH,2019-03,2021-02,'
    '"Inbound, Reklamationen",Teamleiterin Kundenservice,2021-03,,"Führung von 12 '
    'Mitarbeiter*innen",Ausbildung,Kaufmann für Dialogmarketing,2019-02,Deutsch,Muttersprache,'
    'Englisch,B2,CRM; Coaching',
    'E-{i},Sam Example,sam{i}@example.org,Ten years in contact centres,Customer Service '
    'Representative,Acme Bank,2014-01,2020-06,"Inbound calls, billing questions","Team Lead, '
    'Contact Center",2020-07,present,"Led a team of 10 agents; coaching, KPIs",Bachelor,'
    'Business Administration,2013-06,English,native,Spanish,B1,Salesforce; coaching; scheduling',
    'E-{i},Kim Test,kim{i}@example.org,,Call center agent,Dial GmbH,2022-01,,Outbound,,,,,'
    'Abitur,,2021,Deutsch,C2,,,',
]
PERSON_BAD_ROW = 'E-{i},Bad Date,bad{i}@example.org,,Agent,X,2021-13,,,,,,,,,,,,,,'


def write_person_csv(path, n, bad_every=0):
    with open(path, "w", encoding="utf-8") as out:
        out.write(PERSON_HEADER + "\n")
        for i in range(n):
            row = PERSON_BAD_ROW if bad_every and i % bad_every == 1 else PERSON_ROWS[i % 3]
            out.write(row.format(i=i) + "\n")


def make_person_csv(folder, n, ctx):
    path = folder / "people.csv"
    write_person_csv(path, n)
    return SCREEN + [str(path)]


def make_person_csv_bad(folder, n, ctx):
    path = folder / "people.csv"
    write_person_csv(path, n, bad_every=2)
    return SCREEN + [str(path)]


CALL_HEADER = ("call_id,customer_id,direction,channel,queue,agent,team,offered,answered,ended,"
               "hold_seconds,wrap_seconds,outcome,escalated_to,transfers,sale,quality,"
               "satisfaction")
CALL_SPACING_S = 7
CALLS_PER_DAY = 11800  # the last call of a day ends before midnight


def clock(seconds, zone="+01:00"):
    """A time of day on the day @D@, with zone."""
    return f"@D@T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}{zone}"


def call_day_block(bad_every=0):
    """One day of calls as lines; @D@ stands for the date, @P@ for the day's call-id prefix."""
    rows = []
    for i in range(CALLS_PER_DAY):
        t = i * CALL_SPACING_S
        if bad_every and i % bad_every == 2:  # a time without zone: the row is skipped
            rows.append(f"@P@{i},c{i % 5000},inbound,phone,billing,ag1,red,{clock(t, '')},"
                        f"{clock(t + 5, '')},{clock(t + 200, '')},0,0,answered,,0,,,")
        elif i % 10 == 9:
            rows.append(f"@P@{i},c{i % 5000},inbound,phone,billing,,,{clock(t)},,"
                        f"{clock(t + 25)},,,abandoned,,,,,")
        else:
            wait, talk = i % 40, 120 + i % 200
            queue = "billing" if i % 3 else "sales"
            team = "red" if i % 2 else "blue"
            rows.append(f"@P@{i},c{i % 5000},inbound,phone,{queue},ag{i % 37},{team},{clock(t)},"
                        f"{clock(t + wait)},{clock(t + wait + talk)},{i % 30},{i % 60},answered,,"
                        f"0,,4,5")
    return rows


def write_calls_csv(path, n, bad_every=0):
    rows = call_day_block(bad_every)
    block = "\n".join(rows) + "\n"
    day = datetime.date(2026, 3, 2)
    with open(path, "w", encoding="utf-8") as out:
        out.write(CALL_HEADER + "\n")
        full, rest = divmod(n, len(rows))
        for d in range(full + 1):
            date = (day + datetime.timedelta(days=d)).isoformat()
            text = block if d < full else "".join(row + "\n" for row in rows[:rest])
            out.write(text.replace("@D@", date).replace("@P@", f"d{d}-"))


def make_calls_csv(folder, n, ctx):
    path = folder / "calls.csv"
    write_calls_csv(path, n)
    return ["metrics", "--by", "queue", str(path)]


def make_calls_csv_bad(folder, n, ctx):
    path = folder / "calls.csv"
    write_calls_csv(path, n, bad_every=4)
    return ["metrics", "--by", "queue", str(path)]


def check_calls_counted(n, stdout, stderr):
    return expect_text(f"{n} rows read", stdout)


def write_bank_tsv(path, n, ctx):
    lines = fixture_lines(ctx, "calls/anonymous-bank-1999-02.tsv")
    with open(path, "w", encoding="utf-8") as out:
        out.write(lines[0] + "\n")
    body = lines[1:]
    month = "".join(line + "\n" for line in body)
    with open(path, "a", encoding="utf-8") as out:
        full, rest = divmod(n, len(body))
        for _ in range(full):
            out.write(month)
        out.writelines(line + "\n" for line in body[:rest])


def make_bank_tsv(folder, n, ctx):
    path = folder / "calls.tsv"
    write_bank_tsv(path, n, ctx)
    return ["metrics", "--by", "queue", str(path)]


def make_calibrate(folder, n, ctx):
    path = folder / "calls.tsv"
    write_bank_tsv(path, n, ctx)
    out = ctx.work / "calibration"
    shutil.rmtree(out, ignore_errors=True)
    return ["calibrate", str(path), "-o", str(out) + "/"]


AGENT_STATES = ["available", "on_call", "wrap_up", "available", "on_call", "break"]
STATE_MINUTES = 5
STATES_PER_DAY = 24 * 60 // STATE_MINUTES


def state_day_blocks(agent):
    """One day of an agent's states and schedule blocks; @D@ is the date, @N@ the next day."""
    team = "red" if agent % 2 else "blue"
    states, blocks = [], []
    for j in range(STATES_PER_DAY):
        start = f"@D@T{j * STATE_MINUTES // 60:02d}:{j * STATE_MINUTES % 60:02d}:00+01:00"
        k = j + 1
        end = (f"@D@T{k * STATE_MINUTES // 60:02d}:{k * STATE_MINUTES % 60:02d}:00+01:00"
               if k < STATES_PER_DAY else "@N@T00:00:00+01:00")
        states.append(f"a{agent},{team},{AGENT_STATES[j % 6]},{start},,{STATE_MINUTES * 60}\n")
        blocks.append(f"a{agent},{'break' if j % 6 == 5 else 'work'},{start},{end}\n")
    return states, blocks


def write_states(folder, n, agents, schedule):
    """n state rows of 5 minutes, spread over the agents, one after the other from 2026-03-02
    (and, with schedule, n schedule blocks that match them)."""
    first = datetime.date(2026, 3, 2)
    per_agent = n // agents
    with open(folder / "states.csv", "w", encoding="utf-8") as states, \
            open(folder / "schedule.csv", "w", encoding="utf-8") as blocks:
        states.write("agent,team,state,start,end,duration_seconds\n")
        blocks.write("agent,activity,start,end\n")
        for agent in range(agents):
            day_states, day_blocks = state_day_blocks(agent)
            whole_states, whole_blocks = "".join(day_states), "".join(day_blocks)
            full, rest = divmod(per_agent, STATES_PER_DAY)
            for d in range(full + 1):
                date, after = first + datetime.timedelta(days=d), first + datetime.timedelta(d + 1)
                text = whole_states if d < full else "".join(day_states[:rest])
                states.write(text.replace("@D@", date.isoformat()))
                if schedule:
                    text = whole_blocks if d < full else "".join(day_blocks[:rest])
                    blocks.write(text.replace("@D@", date.isoformat())
                                 .replace("@N@", after.isoformat()))


def make_states(folder, n, ctx):
    write_states(folder, n, agents=20, schedule=False)
    os.remove(folder / "schedule.csv")
    calls = REPO / "tests/data/calls/small.csv"
    return ["metrics", "--by", "team", "--states", str(folder / "states.csv"), str(calls)]


def make_schedule(folder, n, ctx):
    write_states(folder, n, agents=10, schedule=True)
    calls = REPO / "tests/data/calls/small.csv"
    return ["metrics", "--by", "team", "--states", str(folder / "states.csv"),
            "--schedule", str(folder / "schedule.csv"), str(calls)]


def write_forecast(path, n, negative_every=0):
    start = datetime.datetime(2020, 1, 1)
    with open(path, "w", encoding="utf-8") as out:
        out.write("interval_start,calls_offered,aht_seconds\n")
        for i in range(n):
            t = start + datetime.timedelta(minutes=30 * i)
            calls = -5 if negative_every and i % negative_every == 3 else 20 + (i * 7) % 60
            out.write(f"{t:%Y-%m-%dT%H:%M:%S},{calls},{150 + (i * 13) % 90}\n")


def make_forecast(folder, n, ctx):
    path = folder / "forecast.csv"
    write_forecast(path, n)
    return ["plan", "--sl", "80/20", str(path)]


def make_forecast_bad(folder, n, ctx):
    path = folder / "forecast.csv"
    write_forecast(path, n, negative_every=10)
    return ["plan", "--sl", "80/20", str(path)]


def plan_template(ctx):
    """A two-interval plan JSON written by the binary itself, as the shape to repeat."""
    cached = ctx.work / "plan-template.json"
    if not cached.exists():
        forecast = ctx.work / "two.csv"
        write_forecast(forecast, 2)
        run = run_child([ctx.ccteam, "plan", "--sl", "80/20", "--format", "json", "-o",
                         str(cached), str(forecast)])
        if run.exit_code != 0:
            raise RuntimeError(f"ccteam plan could not write the plan template: {run.status()}")
    return json.loads(cached.read_text(encoding="utf-8"))


def make_plan_json(folder, n, ctx):
    plan = plan_template(ctx)
    templates = plan["intervals"]
    plan["intervals"] = "@INTERVALS@"
    head, tail = json.dumps(plan, indent=2).split('"@INTERVALS@"')
    start = datetime.datetime(2020, 1, 1)
    path = folder / "plan.json"
    with open(path, "w", encoding="utf-8") as out:
        out.write(head + "[\n")
        for i in range(n):
            interval = dict(templates[i % len(templates)])
            interval["start"] = f"{start + datetime.timedelta(minutes=30 * i):%Y-%m-%dT%H:%M:%S}"
            out.write("    " + json.dumps(interval) + (",\n" if i + 1 < n else "\n"))
        out.write("  ]" + tail)
    return ["simulate", "--plan", str(path), "--replications", "1", "--threads", "1",
            "--seed", "1"]


HIRING_MONTHS = 60


def make_hiring_plan(folder, n, ctx):
    """n roles (a catalog of n roles beside it), each with a per-month FTE list."""
    write_catalog(folder / "catalog.yaml", n, full=False)
    fte = ", ".join(str(10 + month // 12) for month in range(HIRING_MONTHS))
    with open(folder / "hiring.yaml", "w", encoding="utf-8") as out:
        out.write(f"start: 2026-01\nmonths: {HIRING_MONTHS}\ncurrency: EUR\nroles:\n")
        for i in range(n):
            fill = "" if i % 10 == 0 else "    internal_fill: 0.2\n"  # promoted from r(i-1)
            out.write(f"  - role: r{i}\n"
                      f"    headcount: 10\n"
                      f"    required_fte: [{fte}]\n"
                      f"    attrition: {{monthly: 0.03}}\n{fill}"
                      f"    time_to_fill_days: 35\n"
                      f"    funnel:\n"
                      f"      - {{stage: screening, pass_rate: 0.5}}\n"
                      f"      - {{stage: offer, pass_rate: 0.8}}\n"
                      f"    cost_per_hire: 1500\n"
                      f"    monthly_pay: 3000\n"
                      f"    training: {{class_weeks: 4, nesting_weeks: 2, nesting_fte: 0.5, "
                      f"ramp_up: [0.75], class_min: 2, class_max: 6, classes_per_month: 1}}\n")
    return ["--catalog", str(folder / "catalog.yaml"), "hiring-plan", str(folder / "hiring.yaml"),
            "--runs", "0"]


def example_employer():
    """The repository's example employer profile (German, three positions)."""
    return (REPO / "data/examples/employer-de.yaml").read_text(encoding="utf-8")


def make_employer_benefits(folder, n, ctx):
    text = example_employer()
    head, rest = text.split("benefits:\n", 1)
    _, tail = rest.split("address_form:", 1)
    path = folder / "employer.yaml"
    with open(path, "w", encoding="utf-8") as out:
        out.write(head + "benefits:\n")
        for i in range(n):
            out.write(f"  - en: Benefit number {i}, paid by us\n"
                      f"    de: Leistung Nummer {i}, von uns bezahlt\n")
        out.write("address_form:" + tail)
    return ["posting", "render", "agent", "--employer", str(path)]


def make_employer_locations(folder, n, ctx):
    text = example_employer()
    head, rest = text.split("locations:\n", 1)
    _, tail = rest.split("remote:", 1)
    cities = ["Hannover", "Bremen", "Hamburg", "Berlin", "Leipzig", "Köln", "München", "Dresden"]
    path = folder / "employer.yaml"
    with open(path, "w", encoding="utf-8") as out:
        out.write(head + "locations:\n")
        for i in range(n):
            out.write(f'  - {{street: Weg {i}, city: {cities[i % 8]}, postal_code: "{10000 + i}",'
                      f" country: DE}}\n")
        out.write("remote:" + tail)
    return ["posting", "render", "agent", "--employer", str(path)]


CASES = [
    Case("catalog", "role catalog, up to the 1,000-role limit", "ccteam catalog validate FILE",
         "roles", (10, 100, 1000), make_catalog, check=check_catalog),
    Case("catalog-over-limit", "role catalog far over the 1,000-role limit (one error)",
         "ccteam catalog validate FILE", "roles", (1500, 15000, 150000), make_catalog_over_limit,
         exit_codes=(2,), capped_stderr=True, check=check_over_limit, scale_quick=False,
         startup_n=1001),
    Case("scenario", "simulation scenario, arrivals, staff and handle time per interval",
         "ccteam simulate --scenario FILE --replications 1 --threads 1", "intervals",
         (1000, 10000, 100000), make_scenario),
    Case("scenario-negative", "simulation scenario, every 10th arrival value negative",
         "ccteam simulate --scenario FILE", "intervals", (1000, 10000, 100000),
         make_scenario_negative, exit_codes=(2,), capped_stderr=True),
    Case("scenario-empirical", "simulation scenario, empirical handle times",
         "ccteam simulate --scenario FILE --replications 1", "values", (5000, 50000, 500000),
         make_scenario_empirical),
    Case("posting-long", "posting linter, one long posting (a real posting repeated)",
         "ccteam posting lint --today D FILE", "copies", (10, 100, 1000), make_long_posting,
         exit_codes=(0, 1), check=check_lint_capped, needs=(POSTINGS[0],)),
    Case("posting-many", "posting linter, many postings in one call",
         "ccteam posting lint --today D FILE...", "postings", (20, 200, 2000), make_many_postings,
         exit_codes=(0, 1), needs=tuple(POSTINGS)),
    Case("ndjson", "JSON Resume NDJSON (real-size lines)",
         "ccteam screen team-lead --top 10 FILE.ndjson", "résumés", (1000, 10000, 100000),
         make_ndjson, check=check_all_evaluated, needs=("resumes/callcenter.ndjson",)),
    Case("ndjson-broken", "JSON Resume NDJSON, every line broken",
         "ccteam screen team-lead --top 10 FILE.ndjson", "lines", (1000, 10000, 100000),
         make_ndjson_broken, exit_codes=(2,), capped_stderr=True),
    Case("json-array", "JSON Resume array (read whole)",
         "ccteam screen team-lead --top 10 FILE.json", "résumés", (500, 5000, 50000),
         make_json_array, check=check_all_evaluated, needs=("resumes/callcenter.ndjson",)),
    Case("person-csv", "person CSV", "ccteam screen team-lead --top 10 FILE.csv", "rows",
         (1000, 10000, 100000), make_person_csv, check=check_all_evaluated),
    Case("person-csv-bad", "person CSV, every other row with a bad date",
         "ccteam screen team-lead --top 10 FILE.csv", "rows", (1000, 10000, 100000),
         make_person_csv_bad, exit_codes=(1,), capped_stderr=True),
    Case("calls-csv", "call records, our CSV", "ccteam metrics --by queue FILE.csv", "calls",
         (20000, 200000, 2000000), make_calls_csv, check=check_calls_counted),
    Case("calls-csv-bad", "call records, our CSV, every 4th row without time zone",
         "ccteam metrics --by queue FILE.csv", "calls", (20000, 200000, 2000000),
         make_calls_csv_bad, capped_stderr=True, check=check_calls_counted),
    Case("calls-bank", "call records, Anonymous Bank TSV (the real month repeated)",
         "ccteam metrics --by queue FILE.tsv", "calls", (20000, 200000, 2000000), make_bank_tsv,
         check=check_calls_counted, needs=("calls/anonymous-bank-1999-02.tsv",)),
    Case("calibrate", "call records for the calibration, Anonymous Bank TSV",
         "ccteam calibrate FILE.tsv -o DIR/", "calls", (20000, 200000, 2000000), make_calibrate,
         needs=("calls/anonymous-bank-1999-02.tsv",)),
    Case("states", "agent-state log, 20 agents",
         "ccteam metrics --by team --states STATES.csv CALLS.csv", "states",
         (50000, 500000, 5000000), make_states),
    Case("schedule", "agent-state log and schedule (adherence), 10 agents",
         "ccteam metrics --by team --states STATES.csv --schedule SCHEDULE.csv CALLS.csv",
         "rows of each", (2000, 20000, 200000), make_schedule),
    Case("forecast", "forecast CSV for the planner", "ccteam plan --sl 80/20 FILE.csv",
         "intervals", (1000, 10000, 100000), make_forecast),
    Case("forecast-bad", "forecast CSV, every 10th row negative",
         "ccteam plan --sl 80/20 FILE.csv", "intervals", (3000, 30000, 300000), make_forecast_bad,
         exit_codes=(2,), capped_stderr=True),
    Case("plan-json", "plan JSON (ccteam plan --format json), simulated once",
         "ccteam simulate --plan FILE.json --replications 1 --threads 1", "intervals",
         (500, 5000, 50000), make_plan_json),
    Case("hiring-plan", "hiring-plan YAML, 60 months per role (a catalog of as many roles)",
         "ccteam --catalog CATALOG hiring-plan FILE.yaml --runs 0", "roles", (10, 100, 1000),
         make_hiring_plan),
    Case("employer-benefits", "employer profile YAML, many benefits",
         "ccteam posting render agent --employer FILE", "benefits", (500, 5000, 50000),
         make_employer_benefits),
    Case("employer-locations", "employer profile YAML, many locations",
         "ccteam posting render agent --employer FILE", "locations", (500, 5000, 50000),
         make_employer_locations),
]


# ---------------------------------------------------------------- measuring


def folder_bytes(folder):
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def run_once(ctx, case, point, args, problems, startup=False):
    """Runs ccteam once on the input, checks the run and adds it to the point.

    The start-up run (a tiny input) is only checked for crashes.
    """
    stdout, stderr = ctx.work / "stdout.txt", ctx.work / "stderr.txt"
    run = run_child([ctx.ccteam] + args, stdout_path=str(stdout), stderr_path=str(stderr),
                    timeout_s=TIMEOUT_S)
    point.runs.append(run)
    point.stderr_lines = count_lines(stderr)
    where = f"{case.name} at {point.label} ({point.n:,} {case.unit})"
    if run.signal is not None:
        problems.append(f"{where}: {run.status()}; stderr: {head_text(stderr, 400)!r}")
        return
    if startup:
        return
    if run.exit_code not in case.exit_codes:
        problems.append(f"{where}: exit {run.exit_code}, expected {case.exit_codes}; stderr: "
                        f"{head_text(stderr, 400)!r}")
    if case.capped_stderr and point.stderr_lines > ERROR_CAP_LINES:
        problems.append(f"{where}: {point.stderr_lines} lines on stderr, errors are capped at "
                        f"about 50 ({ERROR_CAP_LINES} lines)")
    if case.check is not None:
        problem = case.check(point.n, stdout, stderr)
        if problem:
            problems.append(f"{where}: {problem}")


def measure_point(ctx, case, label, n, repeats, problems, startup=False):
    """Generates the input of n units and runs ccteam `repeats` times on it.

    Returns the point, the input's folder (the caller removes it) and the arguments.
    """
    folder = ctx.work / f"{case.name}-{label}"
    folder.mkdir()
    args = case.make(folder, n, ctx)
    point = Point(label, n, folder_bytes(folder))
    for _ in range(repeats):
        run_once(ctx, case, point, args, problems, startup)
        if point.runs[-1].signal is not None:
            break
    return point, folder, args


def measure(ctx, case, quick, problems):
    """Measures the start-up and the three sizes of a case; returns (start-up, points, growth)."""
    scale = 10 if quick and case.scale_quick else 1
    sizes = [max(1, n // scale) for n in case.sizes]
    startup_n = case.startup_n or max(2, sizes[0] // 100)
    startup, folder, _ = measure_point(ctx, case, "start", startup_n, 3, problems, startup=True)
    shutil.rmtree(folder)
    points = []
    for label, n, repeats in zip(("1x", "10x", "100x"), sizes, (3, 3, 1)):
        point, folder, args = measure_point(ctx, case, label, n, repeats, problems)
        points.append(point)
        if label == "100x" and growth(startup, points)[0] > GROWTH_LIMIT:
            run_once(ctx, case, point, args, problems)  # confirm before failing
        shutil.rmtree(folder)
    return startup, points, growth(startup, points)


def net_per_unit(startup, point):
    """CPU seconds per unit once the start-up's CPU time is taken off."""
    return max(point.best.cpu_s - startup.best.cpu_s, 0.0) / point.n


def growth(startup, points):
    """(ratio, basis): cost per unit at 100x / at 10x, net of start-up where 10x is measurable."""
    ten, hundred = points[1], points[2]
    if ten.best.cpu_s - startup.best.cpu_s >= MEASURABLE_S:
        return net_per_unit(startup, hundred) / net_per_unit(startup, ten), "net of start-up"
    # 10x hardly costs more than the start-up: compare with the start-up included, which can
    # only understate the growth
    return hundred.per_unit_s / ten.per_unit_s, "start-up included: 10x too small to net"


def print_table(case, startup, points, ratio, basis, quick):
    print(f"\n== {case.title}")
    print(f"   {case.command}" + ("   (--quick: sizes / 10)" if quick and case.scale_quick else ""))
    print(f"   start-up: {startup.best.cpu_s:.3f} s CPU for {startup.n:,} {case.unit} "
          f"({startup.nbytes:,} bytes; fastest of 3)")
    print(f"   {'size':<5} {case.unit:>13} {'bytes':>13} {'CPU s':>8} {'us/unit':>9} {'vs 1x':>6} "
          f"{'net us/unit':>11} {'net us/KB':>9} {'wall s':>7} {'RSS MB':>7} {'exit':>6} "
          f"{'stderr':>6}")
    base = points[0].per_unit_s
    for p in points:
        run = p.best
        net = net_per_unit(startup, p)
        net_kb = net * p.n * 1e6 / (p.nbytes / 1024) if p.nbytes else 0.0
        status = str(run.exit_code) if run.signal is None else run.status()
        print(f"   {p.label:<5} {p.n:>13,} {p.nbytes:>13,} {run.cpu_s:>8.3f} "
              f"{p.per_unit_s * 1e6:>9.2f} {p.per_unit_s / base:>6.2f} {net * 1e6:>11.2f} "
              f"{net_kb:>9.2f} {run.wall_s:>7.2f} {run.peak_rss_kb / 1024:>7.1f} {status:>6} "
              f"{p.stderr_lines:>6}")
    verdict = "ok" if ratio <= GROWTH_LIMIT else "NOT LINEAR"
    print(f"   cost per unit at 100x / at 10x ({basis}): {ratio:.2f} "
          f"(limit {GROWTH_LIMIT:g}): {verdict}")


def missing_fixtures(ctx, case):
    return [name for name in case.needs if not (ctx.fixtures / name).is_file()]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_binary_and_fixtures(parser, REPO)
    parser.add_argument("--quick", action="store_true", help="sizes / 10, for a smoke run")
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="run only this case (repeatable): " +
                             ", ".join(case.name for case in CASES))
    parser.add_argument("--workdir", help="folder for the inputs (default: a new temporary one)")
    return parser.parse_args()


def main():
    args = parse_args()
    ccteam = os.path.abspath(args.ccteam)
    if not os.access(ccteam, os.X_OK):
        print(f"reader_growth: no executable ccteam at {ccteam} (--ccteam PATH)", file=sys.stderr)
        return 2
    unknown = set(args.only) - {case.name for case in CASES}
    if unknown:
        print(f"reader_growth: unknown case(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    cases = [case for case in CASES if not args.only or case.name in args.only]
    work = Path(tempfile.mkdtemp(prefix="ccteam-reader-growth.", dir=args.workdir))
    ctx = Context(ccteam=ccteam, fixtures=Path(args.fixtures), work=work)
    print(f"reader_growth: {ccteam}{' (--quick)' if args.quick else ''}; inputs in {work}")
    print("CPU s: user + system of the child (start-up, 1x, 10x: fastest of 3 runs). us/unit: "
          "CPU per unit; vs 1x: that relative to 1x;\nnet: CPU less the start-up's, per unit "
          "and per KB. The check compares net us/unit at 100x with 10x.")
    problems, summary = [], []
    try:
        for case in cases:
            missing = missing_fixtures(ctx, case)
            if missing:
                print(f"\n== {case.title}\n   skipped: fixture(s) not found in {ctx.fixtures}: "
                      f"{', '.join(missing)}")
                summary.append((case.name, None))
                continue
            startup, points, (ratio, basis) = measure(ctx, case, args.quick, problems)
            print_table(case, startup, points, ratio, basis, args.quick)
            if ratio > GROWTH_LIMIT:
                ten, hundred = points[1].best, points[2].best
                problems.append(f"{case.name}: not linear: {case.command}: the cost per unit at "
                                f"100x ({points[2].n:,} {case.unit}, {points[2].nbytes:,} bytes: "
                                f"{hundred.cpu_s:.2f} s CPU) is {ratio:.1f} times the cost at 10x "
                                f"({points[1].n:,}: {ten.cpu_s:.2f} s; start-up "
                                f"{startup.best.cpu_s:.2f} s; {basis})")
            summary.append((case.name, ratio))
            sys.stdout.flush()
    except OSError as error:  # the binary could not be started, or the disk is full
        print(f"reader_growth: {error}", file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n== summary: cost per unit at 100x / at 10x")
    for name, ratio in summary:
        shown = "skipped" if ratio is None else f"{ratio:.2f}"
        print(f"   {name:<20} {shown}")
    problems = list(dict.fromkeys(problems))  # a repeated run repeats its problems
    if problems:
        print(f"\nreader_growth: FAILED ({len(problems)} problem(s)):")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    print("\nreader_growth: every reader grows linearly")
    return 0


if __name__ == "__main__":
    sys.exit(main())
