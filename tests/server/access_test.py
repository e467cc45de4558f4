#!/usr/bin/env python3
"""Access control of a running `ccteam serve --demo` (started by tests/server/run_server_tests.sh).

Usage: access_test.py --url http://127.0.0.1:PORT --logins LOGINS.json --matrix access_matrix.json
                      --openapi docs/api/openapi.yaml

Sends every route of tests/server/access_matrix.json anonymously and as every role (the demo
accounts, signed in through the sign-in form) and checks the status against the policy written
out here on its own: anonymous API requests get 401, anonymous page requests a redirect to the
sign-in page, a role without the right 403, the others pass; every API answer is validated
against the OpenAPI file. Then the rules for unsafe requests
(CSRF token, Origin), API tokens (work without a CSRF token; revoked ones do not), a stale save
(409 that keeps the stored row), throttling (the eleventh wrong password in a row), and the audit
log of what this test did. Prints one line per check; exits 1 if any failed.
"""

import argparse
import http.client
import json
import secrets
import sys
import urllib.parse
import uuid

import yaml

import api_test
from api_test import check

ROLES = ["admin", "recruiter", "hiring_manager", "works_council", "viewer"]
# Which role holds which permission (docs/accounts.md), independent of the server's table.
GRANTS = {
    "anyone": set(ROLES),
    "own_account_setup": set(ROLES),
    "own_account": set(ROLES),
    "manage_users": {"admin"},
    "read_audit": {"admin"},
    "read_operations": {"admin"},
    "read_plans": set(ROLES),
    "write_plans": {"admin", "hiring_manager"},
    "read_pay_bands": set(ROLES),
    "write_pay_bands": {"admin"},
    "read_employers": set(ROLES),
    "write_employers": {"admin", "recruiter"},
    "read_openings": set(ROLES),
    "write_openings": {"admin", "recruiter"},
    "comment_openings": {"admin", "recruiter", "hiring_manager"},
    "read_applications": {"admin", "recruiter", "hiring_manager"},
    "manage_applications": {"admin", "recruiter"},
}


class Client(api_test.Client):
    """api_test's client that also knows its origin and keeps repeated headers (Set-Cookie)."""

    def __init__(self, url):
        super().__init__(url)
        self.origin = f"http://{self.host}:{self.port}"

    def request(self, method, path, headers=None, body=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=20)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            data = resp.read()
            hdrs = {}
            for k, v in resp.getheaders():
                k = k.lower()
                hdrs[k] = hdrs[k] + "\n" + v if k in hdrs else v
            return resp.status, hdrs, data
        finally:
            conn.close()


class Session:
    """A signed-in browser: the session cookie and its CSRF token."""

    def __init__(self, client, login, password):
        self.client = client
        form = urllib.parse.urlencode({"login": login, "password": password})
        status, hdrs, body = client.request("POST", "/en/sign-in", {
            "Content-Type": "application/x-www-form-urlencoded", "Origin": client.origin}, form)
        self.status = status
        self.cookie = None
        self.set_cookie = hdrs.get("set-cookie", "")
        if status == 303 and "ccteam_session=" in self.set_cookie:
            self.cookie = self.set_cookie.split(";")[0]
        self.csrf = None
        if self.cookie:
            s, _, b = self.get("/api/v1/me")
            if s == 200:
                me = json.loads(b)
                self.csrf = me.get("csrf_token")
                self.me = me

    def headers(self, extra=None):
        out = {"Cookie": self.cookie} if self.cookie else {}
        out.update(extra or {})
        return out

    def get(self, path):
        return self.client.request("GET", path, self.headers())

    def send(self, method, path, form=None, json_body=None, csrf=True, origin=None):
        headers = self.headers({"Origin": origin or self.client.origin})
        body = None
        if form is not None:
            form = dict(form)
            if csrf and self.csrf:
                form["csrf_token"] = self.csrf
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif json_body is not None:
            body = json.dumps(json_body)
            headers["Content-Type"] = "application/json"
            if csrf and self.csrf:
                headers["X-CSRF-Token"] = self.csrf
        elif csrf and self.csrf:
            headers["X-CSRF-Token"] = self.csrf
        return self.client.request(method, path, headers, body)


def fill(value, rand, uid):
    if isinstance(value, str):
        return value.replace("{rand}", rand).replace("{uuid}", uid)
    if isinstance(value, dict):
        return {k: fill(v, rand, uid) for k, v in value.items()}
    return value


def run_matrix(client, matrix, sessions, logins, spec):
    for entry in matrix["routes"]:
        for caller in ["anonymous"] + ROLES:
            rand = secrets.token_hex(4)
            uid = str(uuid.uuid4())
            path = fill(entry["path"], rand, uid)
            name = f"{entry['method']} {entry['pattern']} as {caller}"
            if caller == "anonymous":
                session = Session.__new__(Session)
                session.client, session.cookie, session.csrf = client, None, None
            elif entry.get("fresh_session"):
                session = Session(client, logins[caller]["login"], logins[caller]["password"])
            else:
                session = sessions[caller]
            method = entry["method"]
            if method in ("GET", "HEAD"):
                status, hdrs, body = session.get(path)
            else:
                status, hdrs, body = session.send(method, path,
                                                  form=fill(entry.get("form"), rand, uid),
                                                  json_body=fill(entry.get("json"), rand, uid))
            access = entry["access"]
            api = path.startswith("/api/")
            if api and entry["pattern"] in spec.doc["paths"]:
                spec.validate(name, entry["pattern"], status, hdrs, body, method)
            if access == "anyone" or (caller != "anonymous" and caller in GRANTS[access]):
                check(name, status in entry["ok"], f"{status}, expected {entry['ok']}")
            elif caller == "anonymous":
                if api:
                    check(name, status == 401 and hdrs.get("www-authenticate") == "Bearer",
                          f"{status} {hdrs.get('www-authenticate')}")
                else:
                    # A page: to the sign-in page, then back (a form without a Referer: back to
                    # the account page).
                    location = hdrs.get("location", "")
                    lang = path[1:3]
                    back = path if method == "GET" else f"/{lang}/account"
                    check(name, status == 303 and
                          location == f"/{lang}/sign-in?next=" + urllib.parse.quote(back, safe="/"),
                          f"{status} {location}")
            else:
                check(name, status == 403, f"{status}, expected 403")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--logins", required=True)
    parser.add_argument("--matrix", required=True)
    parser.add_argument("--openapi", required=True)
    args = parser.parse_args()
    client = Client(args.url)
    logins = json.load(open(args.logins))
    matrix = json.load(open(args.matrix))
    with open(args.openapi) as f:
        spec = api_test.Spec(yaml.safe_load(f))

    sessions = {}
    for role in ROLES:
        s = Session(client, logins[role]["login"], logins[role]["password"])
        check(f"sign in as {role}", s.cookie is not None and s.csrf, f"{s.status}")
        check(f"{role}: cookie HttpOnly, SameSite=Lax, Path=/",
              all(a in s.set_cookie for a in ("HttpOnly", "SameSite=Lax", "Path=/")), s.set_cookie)
        sessions[role] = s
    if api_test.FAILURES:
        print(f"{api_test.CHECKS - len(api_test.FAILURES)} of {api_test.CHECKS} access checks passed")
        return 1

    run_matrix(client, matrix, sessions, logins, spec)

    admin, viewer = sessions["admin"], sessions["viewer"]
    # Unsafe cookie requests: the CSRF token and the Origin.
    status, _, _ = admin.send("POST", "/api/v1/tokens", json_body={"name": "no csrf"}, csrf=False)
    check("cookie request without the CSRF token: 403", status == 403, status)
    status, _, _ = admin.send("POST", "/en/account/tokens", form={"name": "no csrf"}, csrf=False)
    check("form without the CSRF token: 403", status == 403, status)
    status, _, body = admin.send("POST", "/api/v1/tokens", json_body={"name": "x"},
                                 origin="https://evil.example")
    check("cookie request from a foreign Origin: 403", status == 403, status)
    status, _, _ = client.request("POST", "/en/sign-in", {
        "Content-Type": "application/x-www-form-urlencoded", "Origin": "https://evil.example"},
        urllib.parse.urlencode({"login": logins["admin"]["login"],
                                "password": logins["admin"]["password"]}))
    check("sign-in from a foreign Origin: 403", status == 403, status)
    status, _, _ = viewer.send("POST", "/api/v1/users",
                               json_body={"login": "x-viewer", "display_name": "X", "role": "admin"})
    check("a viewer cannot add users: 403", status == 403, status)

    # API tokens: no CSRF token needed; revoked ones are refused.
    status, _, body = viewer.send("POST", "/api/v1/tokens", json_body={"name": "script"})
    check("token created: 201", status == 201, status)
    made = json.loads(body)
    secret, token_id = made["secret"], made["token"]["id"]
    check("token secret starts with cct_", secret.startswith("cct_"), secret[:4])
    bearer = {"Authorization": f"Bearer {secret}"}
    status, _, body = client.request("GET", "/api/v1/me", bearer)
    check("API token works", status == 200 and json.loads(body)["via"] == "api_token", status)
    status, _, _ = client.request("POST", "/api/v1/tokens",
                                  dict(bearer, **{"Content-Type": "application/json"}),
                                  json.dumps({"name": "made by a script"}))
    check("an API token writes without a CSRF token or Origin: 201", status == 201, status)
    status, _, _ = client.request("GET", "/api/v1/users", bearer)
    check("a viewer's token cannot list users: 403", status == 403, status)
    status, _, _ = viewer.send("DELETE", f"/api/v1/tokens/{token_id}")
    check("token revoked by its owner", status == 200, status)
    status, _, _ = client.request("GET", "/api/v1/me", bearer)
    check("a revoked token: 401", status == 401, status)
    status, _, _ = client.request("GET", "/api/v1/me", {"Authorization": "Bearer cct_forged"})
    check("a forged token: 401", status == 401, status)
    status, _, _ = client.request("POST", "/api/v1/tokens", {
        "Authorization": f"Bearer {secret}", "Content-Type": "application/json"}, '{"name": "x"}')
    check("a revoked token on a write without Origin: 401, not 403", status == 401, status)

    # A form sent after the session ended: to the sign-in page and back to the page it was on.
    status, hdrs, _ = client.request("POST", "/de/account/tokens", {
        "Cookie": "ccteam_session=ended", "Origin": client.origin,
        "Referer": client.origin + "/de/account",
        "Content-Type": "application/x-www-form-urlencoded"}, "name=x&csrf_token=y")
    check("a form after the session ended: to sign-in, back to the page, cookie cleared",
          status == 303 and hdrs.get("location") == "/de/sign-in?next=/de/account" and
          "Max-Age=0" in hdrs.get("set-cookie", ""), f"{status} {hdrs.get('location')}")
    # JSON bodies: an object, each key once (a repeated "role" must not pick the last).
    for body, what in (('[]', "not an object"),
                       ('{"login": "dup-x", "display_name": "D", "role": "viewer", "role": "admin"}',
                        "a repeated key")):
        status, hdrs, _ = client.request("POST", "/api/v1/users", {
            "Cookie": admin.cookie, "X-CSRF-Token": admin.csrf, "Origin": client.origin,
            "Content-Type": "application/json"}, body)
        check(f"JSON body {what}: 400 problem", status == 400 and
              hdrs.get("content-type", "").startswith("application/problem+json"), status)

    # A stale save: 409, the stored row unchanged.
    status, _, body = admin.send("POST", "/api/v1/users", json_body={
        "login": f"stale-{secrets.token_hex(3)}", "display_name": "Stale Test", "role": "viewer"})
    check("user added for the stale save", status == 201, status)
    user = json.loads(body)["user"]
    path = f"/api/v1/users/{user['id']}"
    status, _, body = admin.send("PATCH", path, json_body={"version": 1, "role": "recruiter"})
    check("first save: 200, version 2", status == 200 and json.loads(body)["version"] == 2, status)
    status, hdrs, body = admin.send("PATCH", path, json_body={"version": 1, "role": "works_council"})
    check("stale save: 409 problem", status == 409 and
          hdrs.get("content-type", "").startswith("application/problem+json"), status)
    status, _, body = admin.get(path)
    check("stale save changed nothing", json.loads(body)["role"] == "recruiter", body[:200])
    # The page keeps what was typed.
    status, _, body = admin.send("POST", f"/en/admin/users/{user['id']}", form={
        "version": "1", "display_name": "Typed Name 7", "role": "viewer"})
    text = body.decode("utf-8", "replace")
    check("stale save on the page: 409 keeping the typed name", status == 409 and
          "Typed Name 7" in text, status)

    # Throttling: ten wrong passwords in a row, then even the right one waits.
    status, _, body = admin.send("POST", "/api/v1/users", json_body={
        "login": f"throttle-{secrets.token_hex(3)}", "display_name": "Throttle", "role": "viewer"})
    made = json.loads(body)
    login, password = made["user"]["login"], made["one_time_password"]
    statuses = [Session(client, login, f"wrong {i}").status for i in range(10)]
    check("ten wrong passwords: 401 each", statuses == [401] * 10, statuses)
    eleventh = Session(client, login, password)
    check("the eleventh attempt (right password): 429", eleventh.status == 429, eleventh.status)

    # The audit log holds what happened, without personal values.
    status, _, body = admin.get(f"/api/v1/audit?user={admin.me['user']['id']}&limit=100")
    entries = json.loads(body)["items"] if status == 200 else []
    actions = {e["action"] for e in entries}
    check("audit: the admin's sign-in, user.create and user.update are there",
          {"session.sign_in", "user.create", "user.update"} <= actions, actions)
    check("audit: no login or name in any entry",
          all(login not in json.dumps(e) and "Stale Test" not in json.dumps(e) for e in entries))
    status, hdrs, body = admin.get("/api/v1/audit.csv?action=session.sign_in_failed")
    lines = body.decode().strip().split("\r\n")
    check("audit CSV: header and the failed sign-ins", status == 200 and
          lines[0].startswith("seq,time,actor_kind") and len(lines) >= 11 and
          hdrs.get("content-type", "").startswith("text/csv"), f"{status} {len(lines)}")

    print(f"{api_test.CHECKS - len(api_test.FAILURES)} of {api_test.CHECKS} access checks passed")
    return 1 if api_test.FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
