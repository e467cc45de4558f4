#!/usr/bin/env python3
"""Checking a saved plan by simulation against a running workspace whose configuration allows
one simulation at a time (limits.max_active_simulations: 1) of at most 50,000,000 simulated calls
(limits.max_simulated_calls): a start answers 202 at once and
runs in the background with progress; a second start by the same user and a start by another
while the queue is full get 429 with Retry-After; the server answers other requests within a
second while a simulation runs; a cancel stops it; and a finished simulation's report is the
one `ccteam simulate --plan` writes for the plan's JSON with the same replications and seed; with
the scenario `ccteam calibrate` writes as its model, the one `simulate --plan --model` writes, and
a broken model is refused at its line.

Usage: simulations_test.py --url URL --logins logins.json --ccteam BINARY
       --openapi docs/api/openapi.yaml
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import yaml

import api_test
from access_test import Client, Session
from api_test import check


def wait_for(call, simulation_id, states, seconds):
    """Polls the simulation until its state is one of 'states' or 'seconds' pass; returns it."""
    deadline = time.monotonic() + seconds
    last = {}
    while time.monotonic() < deadline:
        status, _, body = call("GET", f"/api/v1/simulations/{simulation_id}")
        if status == 200:
            last = json.loads(body)
            if last["state"] in states:
                return last
        time.sleep(0.2)
    return last


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
    admin = Session(client, logins["admin"]["login"], logins["admin"]["password"])
    viewer = Session(client, logins["viewer"]["login"], logins["viewer"]["password"])
    check("sign in as hiring manager, admin and viewer", manager.csrf and admin.csrf and viewer.csrf)

    def as_manager(method, path, body=None):
        return spec.call(manager, method, path, body, pattern=pattern_of(path))

    # Two plans: a long day (100,000 calls 06:00-22:00) to keep a node busy for a while, a short
    # one to compare with the CLI.
    def save(name, calls, hours):
        request = {"forecast": {"profile": {"calls_per_day": calls, "hours": hours,
                                            "handle_time": 180}},
                   "options": {"targets": {"service_level": "80/20"}}}
        status, _, body = spec.call(manager, "POST", "/api/v1/plans",
                                    {"name": name, "request": request})
        check(f"save plan {name}: 201", status == 201, f"{status} {body[:200]!r}")
        return json.loads(body)["id"] if status == 201 else "0"

    long_day = save("Simulation long day", 100000, "06:00-22:00")
    short_day = save("Simulation short day", 600, "08:00-10:00")

    # Bounds of a start: replications and simulated calls (100,000 x 501 > 50,000,000).
    status, _, body = as_manager("POST", f"/api/v1/plans/{long_day}/simulations",
                                 {"replications": 501})
    problem = json.loads(body) if body else {}
    check("too many simulated calls: 422 at /replications, naming 500 as the most",
          status == 422 and problem["errors"][0]["pointer"] == "/replications" and
          "500 " in problem["errors"][0].get("hint", ""), f"{status} {body[:300]!r}")
    for replications in (1001, 5000000000, 0):
        status, _, body = as_manager("POST", f"/api/v1/plans/{long_day}/simulations",
                                     {"replications": replications})
        detail = json.loads(body).get("detail", "") if body else ""
        check(f"{replications} replications: 422 naming {replications}",
              status == 422 and detail.startswith(f"{replications} is outside"),
              f"{status} {body[:200]!r}")
    status, _, body = as_manager("POST", f"/api/v1/plans/{long_day}/simulations",
                                 {"replications": 30, "speed": 2})
    check("an unknown member: 400", status == 400, f"{status} {body[:200]!r}")
    status, _, _ = spec.call(viewer, "POST", f"/api/v1/plans/{long_day}/simulations", {},
                             pattern="/api/v1/plans/{id}/simulations")
    check("a viewer may not start one: 403", status == 403, str(status))

    # A start answers at once; the job runs in the background.
    started_at = time.monotonic()
    status, hdrs, body = as_manager("POST", f"/api/v1/plans/{long_day}/simulations",
                                    {"replications": 500, "seed": 1})
    check("start: 202 with Location, at once", status == 202 and
          hdrs.get("location", "").startswith("/api/v1/simulations/") and
          time.monotonic() - started_at < 1.0, f"{status} {body[:200]!r}")
    busy = json.loads(body)["id"] if status == 202 else "0"

    # The limits: one per user, one in all here.
    status, hdrs, body = as_manager("POST", f"/api/v1/plans/{short_day}/simulations",
                                    {"replications": 5})
    problem = json.loads(body) if body else {}
    check("a second start by the same user: 429 with Retry-After",
          status == 429 and hdrs.get("retry-after", "").isdigit() and
          "still queued or running" in problem.get("detail", ""), f"{status} {body[:200]!r}")
    status, hdrs, body = spec.call(admin, "POST", f"/api/v1/plans/{short_day}/simulations",
                                   {"replications": 5}, pattern="/api/v1/plans/{id}/simulations")
    check("a start by another user while the queue is full: 429", status == 429 and
          "retry-after" in hdrs, f"{status} {body[:200]!r}")

    # Running: progress is reported, and the server answers others within a second.
    running = wait_for(as_manager, busy, {"running", "done", "failed"}, 30)
    check("the simulation runs", running.get("state") == "running", json.dumps(running)[:300])
    worst = 0.0
    for path in ("/healthz", "/api/v1/plans", "/api/v1/roles"):
        for _ in range(3):
            t = time.monotonic()
            status, _, _ = manager.get(path)
            worst = max(worst, time.monotonic() - t)
            check(f"{path} while a simulation runs: 200", status == 200, str(status))
    check(f"other requests are answered within 1 s while it runs (worst {worst:.3f} s)",
          worst < 1.0)
    time.sleep(1.2)
    status, _, body = as_manager("GET", f"/api/v1/simulations/{busy}")
    progress = json.loads(body)["progress"] if status == 200 else {}
    check("progress: replications done of 500", progress.get("total") == 500 and
          0 <= progress.get("done", -1) < 500, json.dumps(progress))

    # A cancel stops it after the replications under way.
    status, _, body = as_manager("POST", f"/api/v1/simulations/{busy}/cancel")
    check("cancel: 200", status == 200, f"{status} {body[:200]!r}")
    stopped = wait_for(as_manager, busy, {"cancelled", "done", "failed"}, 30)
    check("cancelled: the state says so, no report", stopped.get("state") == "cancelled" and
          stopped.get("report") is None, json.dumps(stopped)[:300])

    # The freed queue takes the next; its report is ccteam simulate's for the plan's JSON.
    status, hdrs, body = as_manager("POST", f"/api/v1/plans/{short_day}/simulations",
                                    {"replications": 8, "seed": 5})
    check("start after the cancel: 202", status == 202, f"{status} {body[:200]!r}")
    short = json.loads(body)["id"] if status == 202 else "0"
    done = wait_for(as_manager, short, {"done", "failed", "cancelled"}, 120)
    check("the short simulation is done", done.get("state") == "done" and
          done["progress"] == {"done": 8, "total": 8}, json.dumps(done)[:300])
    status, _, plan_json = manager.get(f"/api/v1/plans/{short_day}/plan.json")
    with tempfile.NamedTemporaryFile("wb", suffix=".json", delete=False) as f:
        f.write(plan_json)
    catalog = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data",
                           "catalog")
    cli = subprocess.run([args.ccteam, "--catalog", catalog, "simulate", "--plan", f.name,
                          "--replications", "8", "--seed", "5", "--format", "json"],
                         capture_output=True, text=True)
    os.unlink(f.name)
    check("ccteam simulate --plan runs", cli.returncode == 0, cli.stderr[:300])
    expected = json.loads(cli.stdout) if cli.returncode == 0 else {}
    report = done.get("report") or {}
    for key in ("replications", "seed", "calls", "tiers", "journeys"):
        check(f"the report's {key} are ccteam simulate's", report.get(key) == expected.get(key),
              f"{json.dumps(report.get(key))[:200]} != {json.dumps(expected.get(key))[:200]}")
    status, _, body = spec.call(viewer, "GET", f"/api/v1/plans/{short_day}/simulations",
                                pattern="/api/v1/plans/{id}/simulations")
    items = json.loads(body)["items"] if status == 200 else []
    check("a viewer lists the plan's simulations", [i["id"] for i in items] == [short] and
          items[0]["model"] is None,
          f"{status} {body[:200]!r}")
    status, _, _ = spec.call(viewer, "GET", "/api/v1/simulations/not-a-uuid",
                             pattern="/api/v1/simulations/{id}")
    check("an id that is no UUID: 404", status == 404, str(status))

    # The model of call records: the scenario `ccteam calibrate` writes from the committed call
    # records, as the model of the short plan's check; the report is `simulate --plan --model`'s.
    calibrated = tempfile.mkdtemp()
    calls = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "calls",
                         "bank-small.tsv")
    cal = subprocess.run([args.ccteam, "calibrate", calls, "-o", calibrated],
                         capture_output=True, text=True)
    models = sorted(n for n in os.listdir(calibrated) if n.startswith("scenario-"))
    check("ccteam calibrate writes scenarios", cal.returncode == 0 and models, cal.stderr[:300])
    model_path = os.path.join(calibrated, models[0] if models else "none")
    model_text = open(model_path).read() if models else ""
    model_name = (yaml.safe_load(model_text) or {}).get("name", "") if models else ""
    status, _, body = as_manager("POST", f"/api/v1/plans/{short_day}/simulations",
                                 {"replications": 4, "seed": 2, "model": model_text,
                                  "model_file": models[0] if models else ""})
    check("start with a calibrated model: 202 naming the model",
          status == 202 and json.loads(body)["model"] == model_name, f"{status} {body[:300]!r}")
    modelled = json.loads(body)["id"] if status == 202 else "0"
    done = wait_for(as_manager, modelled, {"done", "failed", "cancelled"}, 120)
    check("the simulation with the model is done", done.get("state") == "done",
          json.dumps(done)[:300])
    with tempfile.NamedTemporaryFile("wb", suffix=".json", delete=False) as f:
        f.write(plan_json)
    cli = subprocess.run([args.ccteam, "--catalog", catalog, "simulate", "--plan", f.name,
                          "--model", model_path, "--replications", "4", "--seed", "2",
                          "--format", "json"], capture_output=True, text=True)
    os.unlink(f.name)
    check("ccteam simulate --plan --model runs", cli.returncode == 0, cli.stderr[:300])
    expected = json.loads(cli.stdout) if cli.returncode == 0 else {}
    report = done.get("report") or {}
    for key in ("calls", "tiers", "journeys"):
        check(f"with the model, the report's {key} are ccteam simulate --model's",
              report.get(key) == expected.get(key),
              f"{json.dumps(report.get(key))[:200]} != {json.dumps(expected.get(key))[:200]}")
    # A model that does not read: 422 at /model with the model's file, line and column.
    lines = model_text.split("\n")
    kind_line = next((i + 1 for i, l in enumerate(lines) if l.strip() == "kind: live"), 0)
    broken = model_text.replace("kind: live", "kind: sideways")
    status, _, body = as_manager("POST", f"/api/v1/plans/{short_day}/simulations",
                                 {"replications": 4, "model": broken, "model_file": "mon.yaml"})
    error = (json.loads(body).get("errors") or [{}])[0] if body else {}
    check(f"a broken model: 422 at /model, mon.yaml line {kind_line}",
          status == 422 and error.get("pointer") == "/model" and
          error.get("file") == "mon.yaml" and error.get("line") == kind_line,
          f"{status} {body[:300]!r}")
    for name in os.listdir(calibrated):
        os.unlink(os.path.join(calibrated, name))
    os.rmdir(calibrated)
    print(f"{api_test.CHECKS - len(api_test.FAILURES)} of {api_test.CHECKS} simulation checks "
          "passed")
    return 1 if api_test.FAILURES else 0


def pattern_of(path):
    parts = path.split("?")[0].split("/")
    if len(parts) >= 5 and parts[3] in ("plans", "simulations"):
        parts[4] = "{id}"
    return "/".join(parts)


if __name__ == "__main__":
    sys.exit(main())
