#!/usr/bin/env python3
"""Load benchmark of applications (scripts/bench-server): sends COUNT applications to one open
opening of a `serve --demo` through the public form from THREADS clients (each form with a key
of its own, as one page load per application), prints the applications accepted per second,
waits until the screening job has screened them, and prints the opening's id and a recruiter's
session cookie for wrk to read the list with.

Usage: bench_applications.py --url URL --logins logins.json [--count 10000] [--threads 4]
Prints: "accepted N in S s: R applications/s", "screened N in S s", then
"OPENING=<id>" and "COOKIE=<cookie>".
"""
import argparse
import http.client
import json
import secrets
import sys
import threading
import time
import urllib.parse

from access_test import Client, Session


def form(i):
    return urllib.parse.urlencode({
        "form_key": secrets.token_urlsafe(16), "homepage": "",
        "name": f"Bench Applicant {i}", "email": f"bench{i}@example.org",
        "work.0.title": "Call Center Agent" if i % 3 else "Kassierer",
        "work.0.employer": "Kundenservice AG", "work.0.start": f"{2010 + i % 14}-0{1 + i % 9}",
        "work.0.duties": "Inbound-Hotline, Reklamationen, Beschwerden",
        "education.0.kind": "Berufsausbildung" if i % 2 else "Abitur",
        "languages.0.language": "de", "languages.0.level": "native" if i % 4 else "B2",
        "languages.1.language": "en", "languages.1.level": "B1",
    })


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--logins", required=True)
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--threads", type=int, default=4)
    args = ap.parse_args()
    client = Client(args.url)
    logins = json.load(open(args.logins))
    recruiter = Session(client, logins["recruiter"]["login"], logins["recruiter"]["password"])
    status, _, body = recruiter.get("/api/v1/openings")
    opening = next(o["id"] for o in json.loads(body)["openings"]
                   if o["status"] == "open" and o["role"] == "agent")
    path = f"/de/careers/{opening}/apply"
    accepted = [0] * args.threads
    failed = []

    def send(worker):
        conn = http.client.HTTPConnection(client.host, client.port, timeout=30)
        for i in range(worker, args.count, args.threads):
            conn.request("POST", path, body=form(i), headers={
                "Content-Type": "application/x-www-form-urlencoded", "Origin": client.origin})
            resp = conn.getresponse()
            resp.read()
            if resp.status == 303:
                accepted[worker] += 1
            else:
                failed.append(resp.status)
        conn.close()

    started = time.monotonic()
    workers = [threading.Thread(target=send, args=(w,)) for w in range(args.threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    seconds = time.monotonic() - started
    total = sum(accepted)
    print(f"accepted {total} in {seconds:.1f} s: {total / seconds:.0f} applications/s"
          f" ({args.threads} clients)")
    if failed:
        print(f"bench_applications: {len(failed)} refused, e.g. {failed[:5]}", file=sys.stderr)
        sys.exit(1)
    # The screening job works through the queue in the background.
    started = time.monotonic()
    while time.monotonic() - started < 600:
        status, _, body = recruiter.get(
            f"/api/v1/openings/{opening}/applications?verdict=pending&limit=1")
        if status == 200 and not json.loads(body)["applications"]:
            break
        time.sleep(0.5)
    print(f"screened {total} in {time.monotonic() - started:.1f} s")
    print(f"OPENING={opening}")
    print(f"COOKIE={recruiter.cookie}")


if __name__ == "__main__":
    main()
