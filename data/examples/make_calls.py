#!/usr/bin/python3
"""Writes the example call records, agent-state log and schedule of data/examples/.

Usage: make_calls.py [FOLDER]   (default: the folder of this script)

Two invented days (Monday 2026-03-02 and Tuesday 2026-03-03, 08:00-20:00, CET) of the hotline
of Nordlicht Kundendialog GmbH, the invented employer of employer-de.yaml: two queues
(rechnung: bills and contracts, technik: faults), twelve part-time agents in two teams (nord,
sued) on four-hour shifts with a ten-minute break. Calls arrive as a Poisson process that
follows a typical intraday curve, wait in one first-come-first-served queue for the agent
who is free first, hang up when the wait exceeds their patience (exponential, mean 120 s),
and take a lognormal talk time (mean about 210 s), sometimes hold, and 20-60 s of wrap-up.
Agents log in up to two minutes late and some overrun their break, so adherence is below 100 %.

Writes four files that describe the same calls (docs/call-records-format.md,
docs/agent-states-format.md):
  calls.csv     our call-record CSV
  calls.tsv     the same calls in the Anonymous Bank layout (no team, hold or wrap-up)
  states.csv    what each agent did, second by second: available, on_call, wrap_up, break
  schedule.csv  the planned shifts and breaks

Deterministic: the same files on every run (a fixed seed; only random.random() is used, whose
sequence Python keeps stable across versions). Standard library only.
"""

import math
import os
import random
import sys

ZONE = "+01:00"
DAYS = [("2026-03-02", "260302"), ("2026-03-03", "260303")]
OPEN_S, CLOSE_S = 8 * 3600, 20 * 3600
# Expected calls per half hour from 08:00 (about 300 a day), Tuesday a little quieter.
CURVE = [10, 13, 17, 18, 19, 18, 17, 14, 12, 11, 13, 14,
         14, 14, 13, 12, 11, 10, 8, 7, 6, 5, 4, 2]
DAY_FACTOR = [1.0, 0.92]
TECH_SHARE = 0.38
PATIENCE_MEAN = 120.0
TEAMS = {"nord": ["a01", "a02", "a03", "a04", "a05", "a06"],
         "sued": ["a07", "a08", "a09", "a10", "a11", "a12"]}
# Shift starts (hours) per day and agent; five agents in the morning peak, three in the evening.
SHIFTS = [
    {"a01": 8, "a02": 8, "a03": 8, "a07": 8, "a08": 8, "a04": 12, "a09": 12, "a10": 12,
     "a05": 12, "a06": 16, "a11": 16, "a12": 16},
    {"a04": 8, "a05": 8, "a06": 8, "a09": 8, "a10": 8, "a01": 12, "a11": 12, "a12": 12,
     "a02": 12, "a03": 16, "a07": 16, "a08": 16},
]
SHIFT_S = 4 * 3600
BREAK_S = 600


def exponential(rng, mean):
    return -mean * math.log(1.0 - rng.random())


def normal(rng):
    u1, u2 = 1.0 - rng.random(), rng.random()
    return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)


def whole(rng, low, high):
    """A whole number from low to high, both included."""
    return low + int(rng.random() * (high - low + 1))


def pick(rng, values):
    return values[int(rng.random() * len(values))]


def poisson(rng, mean):
    limit, k, p = math.exp(-mean), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def clock(day, s):
    s = int(round(s))
    return f"{day}T{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}{ZONE}"


def hms(s):
    s = int(round(s))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class Agent:
    def __init__(self, name, team, start, rng):
        self.name, self.team = name, team
        self.shift = (start, start + SHIFT_S)
        self.planned_break = start + 2 * 3600 - 600 + 300 * whole(rng, 0, 2)
        self.login = start + whole(rng, 0, 120)
        self.overrun = pick(rng, [0, 0, 0, 45, 90, 170])
        self.free_at = self.login
        self.break_at = None
        self.states = []  # (state, start, end)

    def earliest(self, t):
        """When this agent could take a call that arrives at t (None: not before the shift ends);
        takes the break first when it is due."""
        t = max(t, self.free_at)
        if self.break_at is None and t >= self.planned_break:
            self.break_at = max(self.planned_break, self.free_at)
            self.free_at = self.break_at + BREAK_S + self.overrun
            t = max(t, self.free_at)
        return t if t < self.shift[1] else None


def simulate(rng, day_index):
    day, _ = DAYS[day_index]
    agents = [Agent(name, team, SHIFTS[day_index][name] * 3600, rng)
              for team, names in TEAMS.items() for name in names]
    arrivals = []
    for i, mean in enumerate(CURVE):
        start = OPEN_S + 1800 * i
        for _ in range(poisson(rng, mean * DAY_FACTOR[day_index])):
            arrivals.append(start + 1800 * rng.random())
    arrivals.sort()
    calls = []
    for offered in arrivals:
        queue = "technik" if rng.random() < TECH_SHARE else "rechnung"
        patience = exponential(rng, PATIENCE_MEAN)
        best = None
        for a in agents:
            if a.shift[0] > offered + patience:
                continue
            t = a.earliest(offered)
            # The agent free first; of several idle ones, the one idle longest.
            if t is not None and (best is None or (t, a.free_at) < (best[0], best[1].free_at)):
                best = (t, a)
        call = {"day": day, "queue": queue, "offered": offered}
        if best is None or best[0] - offered > patience:
            call.update(outcome="abandoned", ended=offered + max(patience, 1.0))
        else:
            answered, a = best
            talk = math.exp(5.2 + 0.5 * normal(rng)) * (1.25 if queue == "technik" else 1.0)
            talk = max(25.0, talk)
            hold = round(exponential(rng, 40.0)) if rng.random() < 0.3 else 0
            wrap = whole(rng, 20, 60)
            ended = answered + talk + hold
            if answered > a.free_at:
                a.states.append(("available", a.free_at, answered))
            a.states.append(("on_call", answered, ended))
            a.states.append(("wrap_up", ended, ended + wrap))
            a.free_at = ended + wrap
            call.update(outcome="answered", agent=a.name, team=a.team, answered=answered,
                        ended=ended, hold=hold, wrap=wrap)
        calls.append(call)
    for a in agents:
        end = max(a.shift[1], a.free_at)
        if a.break_at is None and max(a.planned_break, a.free_at) < a.shift[1]:
            a.break_at = max(a.planned_break, a.free_at)  # idle since before the break was due
        if a.break_at is not None:
            a.states.append(("break", a.break_at, a.break_at + BREAK_S + a.overrun))
        a.states.sort(key=lambda s: s[1])
        filled, at = [], a.login
        for state, s, e in a.states:
            if s > at:
                filled.append(("available", at, s))
            filled.append((state, s, e))
            at = max(at, e)
        if end > at:
            filled.append(("available", at, end))
        a.states = filled
    return agents, calls


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    rng = random.Random(20260302)
    customers = [f"k{n:04d}" for n in range(1, 1801)]
    csv_rows = ["call_id,customer_id,queue,agent,team,offered,answered,ended,hold_seconds,"
                "wrap_seconds,outcome,escalated_to,transfers,quality,satisfaction"]
    tsv_rows = ["\t".join(["vru+line", "call_id", "customer_id", "priority", "type", "date",
                           "vru_entry", "vru_exit", "vru_time", "q_start", "q_exit", "q_time",
                           "outcome", "ser_start", "ser_exit", "ser_time", "server"])]
    state_rows = ["agent,team,state,start,duration_seconds"]
    schedule_rows = ["agent,activity,start,end"]
    number = 0
    for day_index, (day, yymmdd) in enumerate(DAYS):
        agents, calls = simulate(rng, day_index)
        for c in calls:
            number += 1
            customer = pick(rng, customers)
            offered = round(c["offered"])
            vru = whole(rng, 8, 24)
            line = f"NL{1 + number % 4:02d}{1 + number % 3:02d}"
            if c["outcome"] == "answered":
                answered, ended = round(c["answered"]), round(c["ended"])
                escalated = rng.random() < 0.04
                quality = str(pick(rng, [3, 4, 4, 4, 5, 5])) if rng.random() < 0.1 else ""
                satisfaction = str(pick(rng, [2, 3, 4, 4, 5, 5, 5])) if rng.random() < 0.2 else ""
                csv_rows.append(",".join([
                    f"c{number:04d}", customer, c["queue"], c["agent"], c["team"],
                    clock(day, offered), clock(day, answered), clock(day, ended), str(c["hold"]),
                    str(c["wrap"]), "answered", "teamleitung" if escalated else "",
                    "1" if escalated else "0", quality, satisfaction]))
                tsv_rows.append("\t".join([
                    line, str(number), str(int(customer[1:])), "2", c["queue"], yymmdd,
                    hms(offered - vru), hms(offered), str(vru), hms(offered), hms(answered),
                    str(answered - offered), "AGENT", hms(answered), hms(ended),
                    str(ended - answered), c["agent"].upper()]))
            else:
                ended = round(c["ended"])
                csv_rows.append(",".join([
                    f"c{number:04d}", customer, c["queue"], "", "", clock(day, offered), "",
                    clock(day, ended), "", "", "abandoned", "", "", "", ""]))
                tsv_rows.append("\t".join([
                    line, str(number), str(int(customer[1:])), "2", c["queue"], yymmdd,
                    hms(offered - vru), hms(offered), str(vru), hms(offered), hms(ended),
                    str(ended - offered), "HANG", "0:00:00", "0:00:00", "0", "NO_SERVER"]))
        for a in sorted(agents, key=lambda a: a.name):
            for state, s, e in a.states:
                if round(e) > round(s):  # a stretch shorter than half a second is left out
                    state_rows.append(
                        f"{a.name},{a.team},{state},{clock(day, s)},{round(e) - round(s)}")
            start, end = a.shift
            for activity, s, e in [("work", start, a.planned_break),
                                   ("break", a.planned_break, a.planned_break + BREAK_S),
                                   ("work", a.planned_break + BREAK_S, end)]:
                schedule_rows.append(f"{a.name},{activity},{clock(day, s)},{clock(day, e)}")
    for name, rows in [("calls.csv", csv_rows), ("calls.tsv", tsv_rows),
                       ("states.csv", state_rows), ("schedule.csv", schedule_rows)]:
        with open(os.path.join(folder, name), "w", encoding="utf-8", newline="\n") as out:
            out.write("\n".join(rows) + "\n")
        print(f"{name}: {len(rows) - 1} rows")


if __name__ == "__main__":
    main()
