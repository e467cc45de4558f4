#!/usr/bin/env python3
"""Openings and the careers pages against a running workspace (`serve --demo`): the demo
publishes one opening per position of its two example employers (data/examples/employer-*.yaml)
in German and English; every public page carries schema.org JobPosting JSON-LD with the
properties search engines require and recommend, with values taken here from the example files;
the careers index filters, the sitemap lists every page under the server's URL, public pages are
cacheable with an ETag. A recruiter adds and publishes an opening; bad fields come back at their
JSON pointer; a stale version is a conflict; a hiring manager sees their own drafts and internal
fields only and comments on their own openings only; an opening past its valid-through date (set
in the database, as time passing would) is closed, leaves the index and the sitemap. Every write
is audited.

Usage: openings_test.py --url URL --logins logins.json --openapi docs/api/openapi.yaml
                        --db workspace.db [--expired-out FILE]
"""
import argparse
import datetime
import html.parser
import json
import sqlite3
import sys
import uuid

import yaml

import api_test
from access_test import Client, Session
from api_test import check


class JsonLd(html.parser.HTMLParser):
    """The <script type="application/ld+json"> elements of a page, parsed."""

    def __init__(self):
        super().__init__()
        self.inside = False
        self.found = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self.inside, self.text = True, ""

    def handle_endtag(self, tag):
        if tag == "script" and self.inside:
            self.inside = False
            self.found.append(json.loads(self.text))

    def handle_data(self, data):
        if self.inside:
            self.text += data


def jsonld_of(page):
    parser = JsonLd()
    parser.feed(page.decode())
    return parser.found


# What the example files say, worked out from data/examples/employer-*.yaml by hand.
EXAMPLES = {
    "Nordlicht Kundendialog GmbH": {
        "country": "DE", "city": "Hannover", "currency": "EUR", "website":
        "https://www.nordlicht-kundendialog.example",
        "pay": {"agent": (2900, 3300, "MONTH"), "team-lead": (3800, 4400, "MONTH"),
                "manager": (5600, 6800, "MONTH")},
        "openings": {"agent": 6, "team-lead": 1, "manager": 1}},
    "Front Range Contact Services LLC": {
        "country": "US", "city": "Denver", "currency": "USD", "website":
        "https://www.frontrange-contact.example",
        "pay": {"agent": (19.5, 23, "HOUR"), "team-lead": (52000, 61000, "YEAR"),
                "manager": (88000, 110000, "YEAR")},
        "openings": {"agent": 12, "team-lead": 2, "manager": 1}},
}
REQUIRED = ["title", "description", "datePosted", "validThrough", "hiringOrganization",
            "baseSalary", "employmentType", "identifier", "directApply"]


def check_jsonld(name, ld, opening, today):
    example = EXAMPLES.get(opening["employer"], {})
    missing = [p for p in REQUIRED if p not in ld]
    check(f"{name}: JSON-LD has every required and recommended property", not missing,
          f"missing {missing}")
    if missing or not example:
        return
    low, high, unit = example["pay"][opening["role"]]
    value = ld["baseSalary"]["value"]
    location_ok = ("jobLocation" in ld and
                   ld["jobLocation"]["address"]["addressLocality"] == example["city"] and
                   ld["jobLocation"]["address"]["addressCountry"] == example["country"]) or (
        ld.get("jobLocationType") == "TELECOMMUTE" and "applicantLocationRequirements" in ld)
    check(f"{name}: values from the example file and the opening",
          ld["@type"] == "JobPosting" and ld["@context"] in ("https://schema.org/",
                                                               "https://schema.org")
          and ld["validThrough"] == opening["valid_through"]
          and ld["datePosted"] == opening["published_at"][:10]
          and ld["datePosted"] <= today
          and ld["hiringOrganization"]["name"] == opening["employer"]
          and ld["hiringOrganization"]["sameAs"] == example["website"]
          and location_ok
          and ld["baseSalary"]["currency"] == example["currency"]
          and float(value["minValue"]) == low and float(value["maxValue"]) == high
          and value["unitText"] == unit
          and ld["employmentType"] == "FULL_TIME"
          and ld["identifier"]["value"] == opening["reference"]
          and ld["directApply"] is True
          and ld["totalJobOpenings"] == example["openings"][opening["role"]]
          and ld["title"] and "<" in ld["description"],
          json.dumps(ld)[:400])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--logins", required=True)
    ap.add_argument("--openapi", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--expired-out")
    args = ap.parse_args()
    client = Client(args.url)
    logins = json.load(open(args.logins))
    with open(args.openapi) as f:
        spec = api_test.Spec(yaml.safe_load(f))
    sessions = {role: Session(client, logins[role]["login"], logins[role]["password"])
                for role in ("admin", "recruiter", "hiring_manager", "viewer")}
    check("sign in as admin, recruiter, hiring manager and viewer",
          all(s.csrf for s in sessions.values()))
    recruiter, viewer, manager = sessions["recruiter"], sessions["viewer"], sessions["hiring_manager"]
    call = spec.call
    today = datetime.datetime.now(datetime.timezone.utc).date()
    anonymous = lambda path, headers=None: client.request("GET", path, headers or {})

    # The demo's openings: three roles at each of the two example employers, open, de and en.
    status, _, body = call(viewer, "GET", "/api/v1/openings")
    demo = [o for o in json.loads(body)["openings"] if o["status"] == "open"] if status == 200 else []
    check("the demo published six openings (3 roles x 2 employers) in both languages",
          status == 200 and len(demo) >= 6 and all(o["languages"] == ["de", "en"] for o in demo)
          and sorted({(o["employer"], o["role"]) for o in demo}) == sorted(
              (e, r) for e in EXAMPLES for r in ("agent", "team-lead", "manager")),
          f"{status} {[(o['employer'], o['role']) for o in demo]}")
    check("a viewer sees the internal fields (the hiring manager, none in the demo)",
          all("hiring_manager_id" in o and o["hiring_manager_id"] is None for o in demo))

    # Every published page: JSON-LD, canonical URL from the server's URL, cache validators.
    for opening in demo:
        for lang in ("de", "en"):
            path = f"/{lang}/careers/{opening['id']}"
            status, hdrs, page = anonymous(path)
            name = f"{opening['employer']} {opening['role']} ({lang})"
            if status != 200:
                check(f"{name}: public page 200", False, str(status))
                continue
            found = jsonld_of(page)
            check(f"{name}: one JSON-LD block", len(found) == 1, str(len(found)))
            if found:
                check_jsonld(name, found[0], opening, today.isoformat())
            check(f"{name}: canonical URL under the server's URL",
                  f'<link rel="canonical" href="{args.url.rstrip("/")}{path}">'.encode() in page)
            cache = hdrs.get("cache-control", "")
            check(f"{name}: public, cacheable, with an ETag",
                  cache.startswith("public, max-age=") and hdrs.get("etag"), cache)
            status, _, _ = anonymous(path, {"If-None-Match": hdrs.get("etag", "")})
            check(f"{name}: unchanged page answers 304", status == 304, str(status))
    # Signed in, the same page is not kept.
    status, hdrs, _ = viewer.get(f"/en/careers/{demo[0]['id']}")
    check("a signed-in reader's page is no-store", status == 200
          and hdrs.get("cache-control") == "no-store", hdrs.get("cache-control", ""))

    # The careers index and its filters.
    status, hdrs, page = anonymous("/de/careers")
    check("the careers index lists the demo openings", status == 200
          and b"Kundenberater im Kundenservice (m/w/d)" in page, str(status))
    status, _, page = anonymous("/en/careers?place=Denver&role=agent")
    check("filtering by place and role leaves the Denver agent only", status == 200
          and page.count(b'class="job"') == 1 and b"Front Range Contact Services LLC" in page,
          str(page.count(b'class="job"')))
    status, _, page = anonymous("/en/careers?q=%00" + "x" * 150)
    check("a long search is cut to 100 bytes without a mark, control characters dropped",
          status == 200 and b'value="' + b"x" * 99 + b'"' in page and "\u2026".encode() not in page
          and b"\x00" not in page, str(status))
    status, _, page = anonymous("/en/careers?q=zzzz-nothing")
    check("a search without match says so", status == 200 and page.count(b'class="job"') == 0)

    # The sitemap: the index in both languages and each opening in each of its languages.
    status, hdrs, data = anonymous("/sitemap.xml")
    base = args.url.rstrip("/")
    text = data.decode()
    check("sitemap.xml lists the index and every public page under the server's URL",
          status == 200 and hdrs.get("content-type", "").startswith("application/xml")
          and f"<loc>{base}/de/careers</loc>" in text
          and all(f"<loc>{base}/{lang}/careers/{o['id']}</loc>" in text
                  for o in demo for lang in ("de", "en")), text[:300])

    # A recruiter adds an opening; bad fields at their pointer.
    status, _, body = call(viewer, "GET", "/api/v1/employers")
    employers = {e["name"]: e["id"] for e in json.loads(body)["employers"]}
    nordlicht = employers["Nordlicht Kundendialog GmbH"]
    valid = (today + datetime.timedelta(days=30)).isoformat()
    good = {"employer_id": nordlicht, "role": "agent", "place": 0, "headcount": 2,
            "valid_through": valid, "languages": ["de"], "reference": f"T-{uuid.uuid4().hex[:6]}",
            "sections": {"de": {"about": "Wir suchen Verstärkung für unser Team in Hannover."}}}
    for role in ("viewer", "hiring_manager"):
        status, _, _ = call(sessions[role], "POST", "/api/v1/openings", good)
        check(f"a {role} may not add an opening: 403", status == 403, str(status))
    bad_cases = [
        ({"role": "astronaut"}, "/role"),
        ({"place": 3}, "/place"),
        ({"headcount": 0}, "/headcount"),
        ({"languages": ["fr"]}, "/languages/0"),
        ({"valid_through": "2027-02-30"}, "/valid_through"),
        ({"sections": {"de": {"salary": "x"}}}, "/sections/de/salary"),
        ({"employment_type": "sometimes"}, "/employment_type"),
        ({"reference": "A\u0007B"}, "/reference"),
        ({"hiring_manager_id": sessions["viewer"].me["user"]["id"]}, "/hiring_manager_id"),
    ]
    for change, pointer in bad_cases:
        body = dict(good, **change)
        status, _, data = call(recruiter, "POST", "/api/v1/openings", body)
        pointers = [e["pointer"] for e in json.loads(data).get("errors", [])] if data else []
        check(f"{pointer}: 422 at its pointer", status == 422 and pointer in pointers,
              f"{status} {pointers}")
    status, _, data = call(recruiter, "POST", "/api/v1/openings", dict(good, salary=1))
    check("an unknown member: 400", status == 400, str(status))

    status, _, body = call(recruiter, "POST", "/api/v1/openings", good)
    added = json.loads(body) if status == 201 else {}
    check("a recruiter adds a draft: 201, version 1", status == 201 and added["version"] == 1
          and added["status"] == "draft" and added["closed_for_applications"], f"{status} {body[:200]}")
    if not added:
        sys.exit(1)
    path = f"/api/v1/openings/{added['id']}"
    status, _, _ = anonymous(f"/de/careers/{added['id']}")
    check("a draft has no public page: 404", status == 404, str(status))
    status, _, data = call(recruiter, "PUT", path, dict(good, version=0), pattern="/api/v1/openings/{id}")
    check("a stale version: 409", status == 409, str(status))
    status, _, data = call(recruiter, "PUT", path, dict(good, version=1, headcount=3),
                           pattern="/api/v1/openings/{id}")
    check("saving over the version read: 200, version 2", status == 200
          and json.loads(data)["version"] == 2 and json.loads(data)["headcount"] == 3, str(status))
    status, _, data = call(recruiter, "POST", path + "/status", {"status": "open", "version": 2},
                           pattern="/api/v1/openings/{id}/status")
    published = json.loads(data) if status == 200 else {}
    check("publishing: open, published today", status == 200 and published["status"] == "open"
          and published["published_at"][:10] == today.isoformat(), f"{status} {data[:200]}")
    status, _, page = anonymous(f"/de/careers/{added['id']}")
    check("the published opening has a German page with the recruiter's text",
          status == 200 and "Wir suchen Verstärkung".encode() in page, str(status))
    check("published in German only: no English alternate; the switch leads to the English index",
          b'rel="alternate"' not in page and b'class="lang-switch" href="/en/careers"' in page)
    status, _, _ = anonymous(f"/en/careers/{added['id']}")
    check("not published in English: no English page", status == 404, str(status))
    status, _, data = call(recruiter, "PUT", path,
                           dict(good, version=3, valid_through=(today - datetime.timedelta(days=1)).isoformat()),
                           pattern="/api/v1/openings/{id}")
    pointers = [e["pointer"] for e in json.loads(data).get("errors", [])]
    check("an open opening's date cannot move into the past: 422 /valid_through",
          status == 422 and "/valid_through" in pointers, f"{status} {pointers}")
    # The public page is kept between requests; a save shows on the next one.
    changed = {"de": {"about": "Verstärkung gesucht: Kundenservice in Hannover."}}
    status, _, data = call(recruiter, "PUT", path, dict(good, version=3, sections=changed),
                           pattern="/api/v1/openings/{id}")
    check("a published opening's text is saved: 200, version 4", status == 200
          and json.loads(data)["version"] == 4, f"{status} {data[:200]}")
    status, _, page = anonymous(f"/de/careers/{added['id']}")
    check("its public page shows the new text at once", status == 200
          and "Verstärkung gesucht: Kundenservice".encode() in page
          and "Wir suchen Verstärkung".encode() not in page, str(status))
    for fmt, marker in (("markdown", b"# "), ("html", b"<!doctype html>"), ("text", b"===="),
                        ("jsonld", b'"JobPosting"')):
        status, hdrs, data = call(viewer, "GET", f"{path}/posting?lang=de&format={fmt}",
                                  pattern="/api/v1/openings/{id}/posting")
        check(f"download as {fmt}", status == 200 and marker in data
              and "attachment" in hdrs.get("content-disposition", ""), f"{status} {data[:80]}")

    # Hiring managers: their own drafts and internal fields only.
    manager_id = manager.me["user"]["id"]
    status, _, body = call(recruiter, "POST", "/api/v1/openings",
                           dict(good, hiring_manager_id=manager_id, reference="HM-1"))
    own = json.loads(body) if status == 201 else {}
    status, _, body = call(recruiter, "POST", "/api/v1/openings", dict(good, reference="OTHER-1"))
    other = json.loads(body) if status == 201 else {}
    status, _, body = call(manager, "GET", f"/api/v1/openings/{own.get('id')}",
                           pattern="/api/v1/openings/{id}")
    check("a hiring manager reads their own draft with its internal fields",
          status == 200 and json.loads(body).get("hiring_manager_id") == manager_id, str(status))
    status, _, _ = call(manager, "GET", f"/api/v1/openings/{other.get('id')}",
                        pattern="/api/v1/openings/{id}")
    check("another draft is not found for a hiring manager: 404", status == 404, str(status))
    status, _, body = call(manager, "GET", "/api/v1/openings")
    ids = [o["id"] for o in json.loads(body)["openings"]]
    check("the list of a hiring manager: their draft, not the other",
          own.get("id") in ids and other.get("id") not in ids)
    status, _, body = call(manager, "GET", f"/api/v1/openings/{demo[0]['id']}",
                           pattern="/api/v1/openings/{id}")
    check("a published opening of nobody's: no internal fields for a hiring manager",
          status == 200 and "hiring_manager_id" not in json.loads(body), str(status))
    status, _, page = manager.get(f"/de/openings/{demo[0]['id']}")
    check("... nor on its page (no hiring-manager field, no list of managers)",
          status == 200 and b'name="hiring_manager_id"' not in page, str(status))
    status, _, page = manager.get(f"/de/openings/{own.get('id')}")
    check("their own opening's page names its hiring manager",
          status == 200 and b'name="hiring_manager_id"' in page, str(status))
    status, _, _ = call(manager, "POST", f"/api/v1/openings/{own.get('id')}/comments",
                        {"text": "Bitte Schichtzeiten nennen"}, pattern="/api/v1/openings/{id}/comments")
    check("a hiring manager comments on their own opening: 201", status == 201, str(status))
    status, _, _ = call(manager, "POST", f"/api/v1/openings/{demo[0]['id']}/comments",
                        {"text": "x"}, pattern="/api/v1/openings/{id}/comments")
    check("not on somebody else's: 403", status == 403, str(status))
    status, _, _ = call(viewer, "POST", f"/api/v1/openings/{own.get('id')}/comments",
                        {"text": "x"}, pattern="/api/v1/openings/{id}/comments")
    check("a viewer does not comment: 403", status == 403, str(status))
    status, _, body = call(recruiter, "GET", f"/api/v1/openings/{own.get('id')}/comments",
                           pattern="/api/v1/openings/{id}/comments")
    comments = json.loads(body)["comments"] if status == 200 else []
    check("the recruiter reads the comment with its author",
          len(comments) == 1 and comments[0]["text"] == "Bitte Schichtzeiten nennen"
          and comments[0]["author_id"] == manager_id, str(comments)[:200])
    status, _, _ = call(manager, "PUT", f"/api/v1/openings/{own.get('id')}",
                        dict(good, version=1), pattern="/api/v1/openings/{id}")
    check("a hiring manager does not edit: 403", status == 403, str(status))

    # Past its valid-through date (as time passing would make it): closed, gone from the index.
    db = sqlite3.connect(args.db, timeout=10)
    # The public pages are kept per date and revision: a day passing changes the date, so the
    # row's move into the past raises its version as that would change the key.
    db.execute("UPDATE openings SET valid_through = ?, version = version + 1 WHERE id = ?",
               ((today - datetime.timedelta(days=1)).isoformat(), uuid.UUID(added["id"]).bytes))
    db.commit()
    db.close()
    status, _, body = call(viewer, "GET", path, pattern="/api/v1/openings/{id}")
    data = json.loads(body)
    check("past valid-through: still stored as open, closed for applications",
          data["status"] == "open" and data["expired"] and data["closed_for_applications"],
          json.dumps(data)[:200])
    status, hdrs, page = anonymous(f"/de/careers/{added['id']}")
    check("its page says it is closed, without JSON-LD", status == 200
          and "Diese Stelle nimmt keine Bewerbungen mehr an. Bewerbung bis".encode() in page and not jsonld_of(page),
          str(status))
    status, _, page = anonymous("/de/careers?q=" + good["reference"])
    check("it left the careers index", page.count(b'class="job"') == 0)
    status, _, data = anonymous("/sitemap.xml")
    check("it left the sitemap", added["id"].encode() not in data)
    if args.expired_out:
        with open(args.expired_out, "w") as f:
            json.dump({"id": added["id"]}, f)

    # Audited.
    status, _, body = call(sessions["admin"], "GET", "/api/v1/audit?action=opening.publish",
                           pattern="/api/v1/audit")
    entries = json.loads(body).get("items", []) if status == 200 else []
    check("publishing is audited", any(e["target"]["id"] == added["id"] for e in entries),
          str(entries)[:200])
    status, _, body = call(sessions["admin"], "GET", "/api/v1/audit?action=opening.comment",
                           pattern="/api/v1/audit")
    check("comments are audited", status == 200 and len(json.loads(body).get("items", [])) >= 1)

    print(f"{api_test.CHECKS - len(api_test.FAILURES)} of {api_test.CHECKS} checks passed")
    sys.exit(1 if api_test.FAILURES else 0)


if __name__ == "__main__":
    main()
