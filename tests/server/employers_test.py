#!/usr/bin/env python3
"""The employer-profile API against a running workspace (`serve --demo`): the demo's two
example employers are listed and read in the file's shape; a recruiter adds a profile as JSON,
saves it again as YAML and downloads it; the reader's and the profile checks' errors come back
at their JSON pointer (a bad URL, an unknown role, pay below the German minimum wage worked out
here by hand); a stale version is a conflict; viewers and hiring managers cannot write; every
save is audited.

Usage: employers_test.py --url URL --logins logins.json --openapi docs/api/openapi.yaml
"""
import argparse
import copy
import json
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
    sessions = {role: Session(client, logins[role]["login"], logins[role]["password"])
                for role in ("admin", "recruiter", "hiring_manager", "viewer")}
    check("sign in as admin, recruiter, hiring manager and viewer",
          all(s.csrf for s in sessions.values()))
    recruiter, viewer = sessions["recruiter"], sessions["viewer"]
    call = spec.call

    def send_yaml(session, method, path, text, pattern):
        headers = session.headers({"Origin": client.origin, "Content-Type": "application/yaml",
                                   "X-CSRF-Token": session.csrf})
        status, hdrs, data = client.request(method, path, headers, text.encode())
        spec.validate(f"{method} {path} (YAML)", pattern, status, hdrs, data, method.lower())
        return status, data

    # The demo's employers: data/examples/employer-de.yaml and employer-us.yaml.
    status, _, body = call(viewer, "GET", "/api/v1/employers")
    listed = json.loads(body)["employers"] if status == 200 else []
    names = sorted(e["name"] for e in listed)
    check("a viewer lists the demo's two employers",
          status == 200 and "Nordlicht Kundendialog GmbH" in names and len(names) >= 2,
          f"{status} {names}")
    nordlicht = next((e for e in listed if e["name"] == "Nordlicht Kundendialog GmbH"), None)
    if nordlicht is None:
        sys.exit(1)
    status, _, body = call(viewer, "GET", f"/api/v1/employers/{nordlicht['id']}",
                           pattern="/api/v1/employers/{id}")
    demo = json.loads(body)
    profile = demo.get("profile") or {}
    check("the profile in the file's shape: works council, privacy notice, pay as decimal text",
          status == 200 and profile["employer"]["works_council"] is True
          and profile["privacy_notice"]["version"] == "2026-11-01"
          and profile["positions"][0]["pay"] == {"currency": "EUR", "period": "month",
                                                 "min": "2900", "max": "3300", "gross": True},
          json.dumps(profile)[:300])
    status, hdrs, data = call(viewer, "GET", f"/api/v1/employers/{nordlicht['id']}/profile.yaml",
                              pattern="/api/v1/employers/{id}/profile.yaml")
    check("the stored YAML downloads", status == 200 and b"Nordlicht Kundendialog GmbH" in data
          and "attachment" in hdrs.get("content-disposition", ""), str(status))

    # Writing: recruiters and admins only.
    new = copy.deepcopy(profile)
    new["employer"]["name"] = "Südwind Service GmbH"
    for role in ("viewer", "hiring_manager"):
        status, _, _ = call(sessions[role], "POST", "/api/v1/employers", {"profile": new})
        check(f"a {role} may not add an employer: 403", status == 403, str(status))
    status, _, body = call(recruiter, "POST", "/api/v1/employers", {"profile": new})
    added = json.loads(body) if status == 201 else {}
    check("a recruiter adds a profile as JSON: 201, version 1",
          status == 201 and added["version"] == 1 and added["name"] == "Südwind Service GmbH",
          f"{status} {body[:300]!r}")
    eid = added.get("id", "none")

    # Errors at their pointers, nothing saved: the reader's first, then the profile checks'.
    bad = copy.deepcopy(new)
    bad["employer"]["website"] = "ftp://example.org"
    bad["employer"]["headcount"] = "many"
    status, _, body = call(recruiter, "PUT", f"/api/v1/employers/{eid}",
                           {"version": 1, "profile": bad}, pattern="/api/v1/employers/{id}")
    pointers = [e["pointer"] for e in json.loads(body).get("errors", [])] if body else []
    check("a bad URL and a headcount that is no number: 422 at both pointers",
          status == 422 and pointers == ["/profile/employer/website",
                                         "/profile/employer/headcount"], f"{status} {pointers}")
    bad = copy.deepcopy(new)
    bad["positions"][1]["role"] = "ceo"
    status, _, body = call(recruiter, "PUT", f"/api/v1/employers/{eid}",
                           {"version": 1, "profile": bad}, pattern="/api/v1/employers/{id}")
    pointers = [e["pointer"] for e in json.loads(body).get("errors", [])] if body else []
    check("a role the catalog lacks: 422 at /profile/positions/1/role",
          status == 422 and "/profile/positions/1/role" in pointers, f"{status} {pointers}")

    # German minimum wage on the posting date 2026-12-01: 13.90 EUR an hour (MiLoV5). At 39
    # hours a week and 13/3 weeks a month that is 13.90 * 39 * 13 / 3 = 2,349.10 EUR a month.
    low = copy.deepcopy(new)
    low["positions"][0]["pay"]["min"] = "2340"
    status, _, body = call(recruiter, "PUT", f"/api/v1/employers/{eid}",
                           {"version": 1, "profile": low}, pattern="/api/v1/employers/{id}")
    errors = json.loads(body).get("errors", []) if body else []
    check("2,340 EUR a month is below the minimum wage: 422 at /profile/positions/0/pay/min",
          status == 422 and any(e["pointer"] == "/profile/positions/0/pay/min" for e in errors),
          f"{status} {errors[:2]}")
    low["positions"][0]["pay"]["min"] = "2350"
    status, _, body = call(recruiter, "PUT", f"/api/v1/employers/{eid}",
                           {"version": 1, "profile": low}, pattern="/api/v1/employers/{id}")
    saved = json.loads(body) if status == 200 else {}
    check("2,350 EUR a month is above it: saved as version 2",
          status == 200 and saved["version"] == 2
          and saved["profile"]["positions"][0]["pay"]["min"] == "2350", f"{status} {body[:200]!r}")

    # A body nested thousands deep is refused at its pointer (it once overflowed the stack).
    deep = ('{"profile": {"employer": {"name": ' + '{"a": ' * 5000 + '1' + '}' * 5000 + '}}}')
    headers = recruiter.headers({"Origin": client.origin, "Content-Type": "application/json",
                                 "X-CSRF-Token": recruiter.csrf})
    status, hdrs, body = client.request("POST", "/api/v1/employers", headers, deep.encode())
    spec.validate("POST /api/v1/employers (deep)", "/api/v1/employers", status, hdrs, body, "post")
    pointers = [e["pointer"] for e in json.loads(body).get("errors", [])] if body else []
    check("a body nested 5,000 deep: 400 at the first value too deep",
          status == 400 and pointers and pointers[0].startswith("/profile/employer/name/a"),
          f"{status} {pointers}")
    status, _, _ = call(viewer, "GET", "/api/v1/employers")
    check("the server still answers after it", status == 200, str(status))

    # A stale version is a conflict; an unknown member and an unknown id are named.
    status, _, _ = call(recruiter, "PUT", f"/api/v1/employers/{eid}",
                        {"version": 1, "profile": low}, pattern="/api/v1/employers/{id}")
    check("saving over version 1 again: 409", status == 409, str(status))
    status, _, body = call(recruiter, "PUT", f"/api/v1/employers/{eid}",
                           {"version": 2, "profile": low, "draft": True},
                           pattern="/api/v1/employers/{id}")
    pointers = [e["pointer"] for e in json.loads(body).get("errors", [])] if body else []
    check("an unknown member: 400 at /draft", status == 400 and pointers == ["/draft"],
          f"{status} {pointers}")
    status, _, _ = call(viewer, "GET", "/api/v1/employers/0190a0b0-0000-7000-8000-000000000000",
                        pattern="/api/v1/employers/{id}")
    check("an unknown id: 404", status == 404, str(status))

    # The YAML file: saved over version 2, with the version in the query; a broken one names
    # its line and column.
    status, _, text = call(viewer, "GET", f"/api/v1/employers/{eid}/profile.yaml",
                           pattern="/api/v1/employers/{id}/profile.yaml")
    edited = text.decode().replace("Südwind Service GmbH", "Südwind Kundenservice GmbH")
    status, data = send_yaml(recruiter, "PUT", f"/api/v1/employers/{eid}?version=2", edited,
                             "/api/v1/employers/{id}")
    check("the downloaded YAML, edited, saves as version 3",
          status == 200 and json.loads(data)["version"] == 3
          and json.loads(data)["name"] == "Südwind Kundenservice GmbH", f"{status} {data[:200]!r}")
    broken = edited.replace("  headcount: 240", "  headcount: many", 1)
    status, data = send_yaml(recruiter, "PUT", f"/api/v1/employers/{eid}?version=3", broken,
                             "/api/v1/employers/{id}")
    errors = json.loads(data).get("errors", []) if data else []
    line = next((i + 1 for i, l in enumerate(broken.splitlines()) if "headcount: many" in l), 0)
    check("a YAML headcount that is no number: 422 at its line and /employer/headcount",
          status == 422 and any(e["pointer"] == "/employer/headcount" and e["line"] == line
                                for e in errors), f"{status} {errors[:2]} line {line}")

    # Audited: who added and who saved.
    status, _, body = call(sessions["admin"], "GET",
                           f"/api/v1/audit?action=employer.put&limit=50")
    entries = json.loads(body).get("items", []) if status == 200 else []
    mine = [e for e in entries if (e.get("target") or {}).get("id") == eid]
    check("both saves are in the audit log as employer.put", len(mine) == 2,
          f"{status} {len(mine)}")
    print(f"{api_test.CHECKS - len(api_test.FAILURES)} of {api_test.CHECKS} checks passed")
    return 1 if api_test.FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
