#!/usr/bin/env python3
"""The pay bands API against a running workspace (`serve --demo`): the demo's bands are the
example employers' own pay; an admin saves bands as JSON and imports them as YAML, a broken
file comes back with its line and column, a stale version is a conflict, and a plan's budget
uses the band (worked out here by hand) where one exists and says so where none does. Leaves
the demo's bands as it found them.

Usage: pay_bands_test.py --url URL --logins logins.json --openapi docs/api/openapi.yaml
"""
import argparse
import json
import urllib.parse
import sys

import yaml

import api_test
from access_test import Client, Session
from api_test import check


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--logins", required=True)
    ap.add_argument("--openapi", required=True)
    args = ap.parse_args()
    client = Client(args.url)
    logins = json.load(open(args.logins))
    with open(args.openapi) as f:
        spec = api_test.Spec(yaml.safe_load(f))
    admin = Session(client, logins["admin"]["login"], logins["admin"]["password"])
    manager = Session(client, logins["hiring_manager"]["login"],
                      logins["hiring_manager"]["password"])
    check("sign in as admin and hiring manager", admin.csrf and manager.csrf)

    call = spec.call

    def put_yaml(text, version):
        headers = admin.headers({"Origin": client.origin, "Content-Type": "application/yaml",
                                 "X-CSRF-Token": admin.csrf})
        status, hdrs, data = client.request("PUT", f"/api/v1/pay-bands?version={version}",
                                            headers, text.encode())
        spec.validate("PUT /api/v1/pay-bands (YAML)", "/api/v1/pay-bands", status, hdrs, data,
                      "PUT")
        return status, data

    # The demo's bands: data/examples/employer-de.yaml pays agents 2,900-3,300 EUR a month.
    status, _, body = call(manager, "GET", "/api/v1/pay-bands")
    demo = json.loads(body) if status == 200 else {"version": 0, "pay_bands": []}
    agent_de = [b for b in demo["pay_bands"] if b["role"] == "agent" and b["country"] == "DE"]
    check("the demo's bands are the example employers' pay",
          status == 200 and demo["source_name"] == "demo" and agent_de ==
          [{"role": "agent", "country": "DE", "currency": "EUR", "period": "month",
            "min": 2900, "max": 3300, "open_ended": False}], f"{status} {body[:300]!r}")
    status, hdrs, demo_yaml = call(manager, "GET", "/api/v1/pay-bands.yaml")
    check("the bands as a YAML download", status == 200 and b"pay_bands:" in demo_yaml and
          "attachment" in hdrs.get("content-disposition", ""))

    # Only admins change them.
    status, _, _ = call(manager, "PUT", "/api/v1/pay-bands",
                        {"version": demo["version"], "pay_bands": []})
    check("a hiring manager may not change pay bands: 403", status == 403, str(status))

    # A broken file: nothing saved, each error with its line and column.
    broken = ("pay_bands:\n"
              "  - role: agent\n"
              "    country: DE\n"
              "    currency: EUR\n"
              "    period: month\n"
              "    min: 3000\n"
              "    max: 2500\n"
              "  - role: ceo\n"
              "    country: DE\n"
              "    currency: EUR\n"
              "    period: month\n"
              "    min: 9000\n"
              "    max: 12000\n")
    status, data = put_yaml(broken, demo["version"])
    problem = json.loads(data) if data else {}
    errors = problem.get("errors", [])
    where = sorted((e.get("line"), e.get("column"), e.get("pointer")) for e in errors)
    check("a broken YAML file: 422, min above max at 2:5, the unknown role at 8:11",
          status == 422 and len(errors) == 2 and where[0][:2] == (2, 5) and
          where[1][:2] == (8, 11) and where[1][2] == "/pay_bands/1/role",
          f"{status} {data[:400]!r}")
    status, _, body = call(manager, "GET", "/api/v1/pay-bands")
    check("nothing of it was saved", json.loads(body)["version"] == demo["version"])

    # Saved as JSON; a second save over the same version is a conflict.
    bands = [{"role": "agent", "country": "DE", "currency": "EUR", "period": "hour",
              "min": 15.5, "max": 18, "open_ended": False},
             {"role": "team-lead", "country": "DE", "currency": "EUR", "period": "month",
              "min": "4000", "max": "4800"}]
    status, _, body = call(admin, "PUT", "/api/v1/pay-bands",
                           {"version": demo["version"], "pay_bands": bands})
    saved = json.loads(body) if status == 200 else {}
    check("save as JSON: 200, the next version", status == 200 and
          saved["version"] == demo["version"] + 1 and saved["source_name"] == "api" and
          [b["min"] for b in saved["pay_bands"]] == [15.5, 4000], f"{status} {body[:300]!r}")
    status, _, body = call(admin, "PUT", "/api/v1/pay-bands",
                           {"version": demo["version"], "pay_bands": []})
    check("a save over a version seen before: 409", status == 409, f"{status} {body[:200]!r}")
    # The page: a form made from an old version is refused, and refused again when sent a second
    # time (the refused form kept the newer version and its second save overwrote that one).
    def post_page(version):
        form = urllib.parse.urlencode({"csrf_token": admin.csrf, "version": version,
                                       "action": "import", "yaml": "pay_bands: []\n"})
        return admin.client.request("POST", "/en/pay-bands", admin.headers({
            "Content-Type": "application/x-www-form-urlencoded", "Origin": client.origin}), form)
    for attempt in ("first", "second"):
        status, _, page = post_page(demo["version"])
        check(f"the page's {attempt} save over an old version: 409, the old version kept",
              status == 409 and f'name="version" value="{demo["version"]}"'.encode() in page,
              f"{status}")
    status, _, body = call(admin, "PUT", "/api/v1/pay-bands",
                           {"version": saved.get("version"), "pay_bands": [{"role": "agent",
                            "country": "DE", "currency": "EUR", "period": "month",
                            "min": "zwei"}], "extra": 1})
    problem = json.loads(body) if body else {}
    pointers = sorted(e.get("pointer") for e in problem.get("errors", []))
    check("JSON errors point into the body", status == 400 and "/extra" in pointers,
          f"{status} {body[:300]!r}")

    # The budget uses the bands: 1,200 calls 08:00-10:00 at 180 s; costs in DE with 21 % on-cost.
    request = {"forecast": {"profile": {"calls_per_day": 1200, "hours": "08:00-10:00",
                                        "handle_time": 180}},
               "costing": {"country": "DE", "on_cost_factor": 0.21}}
    status, _, body = call(manager, "POST", "/api/v1/plans/calculate", request)
    plan = json.loads(body) if status == 200 else {"levels": []}
    levels = {level["role"]: level for level in plan["levels"]}
    agents = levels.get("agent", {})
    leads = levels.get("team-lead", {})
    managers = levels.get("manager", {})
    # Agent band per hour: x paid hours per FTE (39, the default) x 52 weeks; headcount x
    # (1 - part-time share + part-time share x part-time FTE) with the defaults 0 part time.
    want_agent_low = agents.get("headcount", 0) * 15.5 * 39 * 52 * 1.21
    want_lead_high = leads.get("headcount", 0) * 4800 * 12 * 1.21
    check("the agents' budget from the hourly band, worked out by hand",
          status == 200 and agents["cost"] and
          abs(agents["cost"]["annual_low"] - round(want_agent_low, 2)) < 0.01 and
          agents["cost"]["currency"] == "EUR", f"{agents.get('cost')} vs {want_agent_low}")
    check("the team leads' budget from the monthly band",
          leads.get("cost") and abs(leads["cost"]["annual_high"] - round(want_lead_high, 2)) < 0.01,
          f"{leads.get('cost')} vs {want_lead_high}")
    check("no band for managers any more: no budget, and the plan says so",
          managers.get("cost") is None or managers["cost"].get("annual_low") is None,
          str(managers.get("cost")))

    # Imported back as YAML (the demo's own file): the demo's bands again.
    status, data = put_yaml(demo_yaml.decode(), saved.get("version", 0))
    restored = json.loads(data) if status == 200 else {}
    check("import the YAML download: the demo's bands again", status == 200 and
          restored["pay_bands"] == demo["pay_bands"] and restored["source_name"] == "upload",
          f"{status} {data[:300]!r}")
    return 1 if api_test.FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
