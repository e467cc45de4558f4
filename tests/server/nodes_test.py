#!/usr/bin/env python3
"""Two `ccteam serve` nodes on one PostgreSQL database (tests/server/run_cluster_tests.sh).

Checks what a second node needs from the first, through the database only: a session made on
one node works on the other (its CSRF token too); failed sign-ins count across nodes (the
server secret is shared); of two conflicting saves on different nodes exactly one wins and the
other gets 409, also when both are sent at the same moment; while the database is down both
nodes answer /readyz and every request with 503 (never 500), and when it is back they serve
again without a restart, sessions intact.

Usage: nodes_test.py --node-a URL --node-b URL --logins FILE --db-down CMD --db-up CMD
"""
import argparse
import json
import secrets
import subprocess
import sys
import threading
import time

import api_test
from api_test import check
from access_test import Client, Session


def at_once(sessions, count=32):
    """The statuses of 'count' GET /api/v1/me sent at the same moment, spread over 'sessions'."""
    statuses = []
    lock = threading.Lock()
    barrier = threading.Barrier(count)

    def fetch(session):
        barrier.wait()
        status = session.get("/api/v1/me")[0]
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=fetch, args=(sessions[i % len(sessions)],))
               for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statuses


def ready(client):
    status, _, body = client.request("GET", "/readyz")
    return status, body


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--node-a", required=True)
    parser.add_argument("--node-b", required=True)
    parser.add_argument("--logins", required=True)
    parser.add_argument("--db-down", required=True)
    parser.add_argument("--db-up", required=True)
    args = parser.parse_args()
    a, b = Client(args.node_a), Client(args.node_b)
    logins = json.load(open(args.logins))
    admin_login, admin_password = logins["admin"]["login"], logins["admin"]["password"]

    for name, node in (("A", a), ("B", b)):
        status, body = ready(node)
        check(f"node {name} is ready", status == 200, status)
    versions = {json.loads(ready(node)[1])["schema_version"] for node in (a, b)}
    check("both nodes see one schema version", len(versions) == 1, str(versions))

    # The hourly maintenance job: each node queued it when it started; it ran once.
    admin = Session(a, admin_login, admin_password)
    deadline = time.monotonic() + 15
    jobs = []
    while time.monotonic() < deadline:
        status, _, body = admin.get("/api/v1/jobs?kind=maintenance.prune")
        jobs = json.loads(body)["items"] if status == 200 else []
        if jobs and all(j["state"] == "done" for j in jobs):
            break
        time.sleep(0.2)
    keys = [j["dedupe_key"] for j in jobs]
    check("the maintenance job exists once per hour, however many nodes queued it",
          len(jobs) >= 1 and len(keys) == len(set(keys)), str(keys))
    check("it ran exactly once: done after one attempt",
          jobs and all(j["state"] == "done" and j["attempts"] == 1 for j in jobs), str(jobs)[:300])

    # A session made on node A, used on node B (cookie and CSRF token).
    on_a = Session(a, admin_login, admin_password)
    check("signed in on node A", on_a.cookie is not None and on_a.csrf, on_a.status)
    on_b = Session.__new__(Session)  # node B's client with node A's cookie and CSRF token
    on_b.client, on_b.cookie, on_b.csrf = b, on_a.cookie, on_a.csrf
    status, _, body = on_b.get("/api/v1/me")
    check("node B knows node A's session", status == 200 and
          json.loads(body)["user"]["login"] == admin_login, status)
    status, _, body = on_b.send("POST", "/api/v1/tokens", json_body={"name": "made on B"})
    check("node B accepts node A's CSRF token: 201", status == 201, status)
    secret = json.loads(body)["secret"] if status == 201 else ""
    status, _, _ = a.request("GET", "/api/v1/me", {"Authorization": f"Bearer {secret}"})
    check("a token made on node B works on node A", status == 200, status)

    # Failed sign-ins count across nodes: ten wrong passwords alternating between the nodes.
    status, _, body = on_a.send("POST", "/api/v1/users", json_body={
        "login": f"nodes-{secrets.token_hex(3)}", "display_name": "Two Nodes", "role": "viewer"})
    check("user added on node A", status == 201, status)
    made = json.loads(body)
    login, password = made["user"]["login"], made["one_time_password"]
    statuses = [Session(a if i % 2 == 0 else b, login, f"wrong {i}").status for i in range(10)]
    check("ten wrong passwords on two nodes: 401 each", statuses == [401] * 10, str(statuses))
    for name, node in (("A", a), ("B", b)):
        status = Session(node, login, password).status
        check(f"the eleventh attempt on node {name}: 429", status == 429, status)

    # A stale save on the other node: 409.
    user_path = f"/api/v1/users/{made['user']['id']}"
    status, _, body = on_a.send("PATCH", user_path, json_body={"version": 1, "role": "recruiter"})
    check("save on node A: 200", status == 200, status)
    status, _, _ = on_b.send("PATCH", user_path, json_body={"version": 1, "role": "works_council"})
    check("the same stale save on node B: 409", status == 409, status)

    # Two saves of one version at the same moment, one per node: one 200, one 409.
    for round_number in range(3):
        status, _, body = on_a.get(user_path)
        version = json.loads(body)["version"]
        results = {}
        barrier = threading.Barrier(2)

        def save(name, session):
            barrier.wait()
            body = {"version": version, "display_name": f"Saved on {name}, round {round_number}"}
            results[name] = session.send("PATCH", user_path, json_body=body)[0]

        threads = [threading.Thread(target=save, args=("A", on_a)),
                   threading.Thread(target=save, args=("B", on_b))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        check(f"round {round_number}: one save wins, the other gets 409",
              sorted(results.values()) == [200, 409], str(results))
        status, _, body = on_b.get(user_path)
        check(f"round {round_number}: version counted once",
              json.loads(body)["version"] == version + 1, body[:200])

    # The database goes away: 503 everywhere, never 500; back: served again, sessions kept.
    # First, requests at once fill both nodes' connection pools.
    statuses = at_once([on_a, on_b])
    check("32 requests at once on both nodes: all 200", statuses == [200] * 32,
          str(sorted(statuses)))
    subprocess.run(args.db_down, shell=True, check=True)
    try:
        for name, node in (("A", a), ("B", b)):
            status, _ = ready(node)
            check(f"database down: node {name} /readyz 503", status == 503, status)
        for what, status in (
                ("the API with a session", on_a.get("/api/v1/me")[0]),
                ("a page", b.request("GET", "/en/roles")[0]),
                ("the catalog API", a.request("GET", "/api/v1/roles")[0]),
                ("a sign-in", Session(b, admin_login, admin_password).status)):
            check(f"database down: {what} gets 503", status == 503, status)
        status, _, body = a.request("GET", "/readyz", {"Accept-Language": "de"})
        text = body.decode("utf-8", "replace")
        check("database down: /readyz in German, without the database's address or driver text",
              status == 503 and "Dienst nicht verfügbar" in text and "PGSQL" not in text and
              "postgresql://" not in text and "socket" not in text, text[:300])
        status, _, body = on_b.get("/en/roles")
        check("database down: a signed-in page says so without internals",
              status == 503 and b"PGSQL" not in body and b"postgresql://" not in body, status)
        status, _, _ = on_a.get("/healthz")
        check("database down: /healthz still answers a signed-in browser", status == 200, status)
    finally:
        subprocess.run(args.db_up, shell=True, check=True)
    deadline = time.monotonic() + 20
    back = {}
    while time.monotonic() < deadline and len(back) < 2:
        for name, node in (("A", a), ("B", b)):
            if ready(node)[0] == 200:
                back[name] = True
        time.sleep(0.2)
    check("database back: both nodes ready again without a restart", len(back) == 2, str(back))
    status, _, _ = on_b.get("/api/v1/me")
    check("database back: the session still works", status == 200, status)
    # Every pooled connection from before the restart is noticed as closed and opened again
    # before it is used: many requests at once, none gets 503.
    statuses = at_once([on_a, on_b])
    check("database back: 32 requests at once on both nodes, all 200",
          statuses == [200] * 32, str(sorted(statuses)))

    print(f"{api_test.CHECKS - len(api_test.FAILURES)} of {api_test.CHECKS} node checks passed")
    return 1 if api_test.FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
