#!/usr/bin/env python3
"""API tests of a running `ccteam serve` (started by tests/server/run_server_tests.sh).

Usage: api_test.py --url http://127.0.0.1:PORT --openapi docs/api/openapi.yaml
                   --meta-schema web/node_modules/.../schema.json --catalog data/catalog/roles.yaml

Checks the OpenAPI file against the OpenAPI 3.1 meta-schema, then every route with good and
bad input: expected values come from the catalog YAML read here on its own (not from the
server), every JSON response is validated against the OpenAPI file, bad input gets a 4xx
problem (RFC 9457) and never a 5xx. Prints one line per check; exits 1 if any failed.
"""

import argparse
import http.client
import json
import random
import sys
import urllib.parse

import jsonschema
import yaml

FAILURES = []
CHECKS = 0


def check(name, ok, detail=""):
    global CHECKS
    CHECKS += 1
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail and not ok else ''}")
    if not ok:
        FAILURES.append(name)


class Client:
    def __init__(self, url):
        parsed = urllib.parse.urlsplit(url)
        self.host, self.port = parsed.hostname, parsed.port

    def request(self, method, path, headers=None, body=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            data = resp.read()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, data
        finally:
            conn.close()


class Spec:
    """The OpenAPI document and a validator for the schema of a response.

    'method' is the HTTP method of the operation ("get", "put", "post", "patch", "delete"; any
    case), "get" unless given, so that scripts can check the answers of every route. A JSON
    answer (application/json, application/problem+json) is validated against its schema; for
    another documented media type (text/csv, text/plain) only that it is documented is checked.
    """

    def __init__(self, doc):
        self.doc = doc
        self.resolver = jsonschema.RefResolver(base_uri="", referrer=doc)

    def response_schema(self, path, status, content_type, method="get"):
        method = method.lower()
        op = self.doc["paths"].get(path, {}).get(method)
        if op is None:
            return None, f"{method.upper()} {path} is not documented"
        resp = op["responses"].get(str(status))
        if resp is None:
            return None, f"status {status} is not documented for {method.upper()} {path}"
        if "$ref" in resp:
            resp = self.resolver.resolve(resp["$ref"])[1]
        content = resp.get("content")
        if not content:
            return {}, None
        media = content.get(content_type)
        if media is None:
            return None, f"{content_type} is not documented for {method.upper()} {path} {status}"
        return media.get("schema", {}), None

    @staticmethod
    def is_json(content_type):
        return content_type == "application/json" or content_type.endswith("+json")

    def validate(self, name, path, status, headers, body, method="get"):
        content_type = headers.get("content-type", "").split(";")[0].strip()
        schema, problem = self.response_schema(path, status, content_type, method)
        if problem:
            check(f"{name}: documented", False, problem)
            return
        if not schema or not self.is_json(content_type):
            return
        try:
            validator = jsonschema.Draft202012Validator(schema, resolver=self.resolver)
            errors = sorted(validator.iter_errors(json.loads(body)), key=lambda e: e.path)
            check(f"{name}: matches the OpenAPI file", not errors,
                  "; ".join(f"{list(e.path)}: {e.message[:160]}" for e in errors[:3]))
        except json.JSONDecodeError as e:
            check(f"{name}: JSON body", False, str(e))

    def call(self, session, method, path, body=None, pattern=None):
        """Sends 'body' (JSON) with 'session' (access_test.Session) and validates the answer
        against the operation of 'pattern' (the path without its query when not given);
        returns (status, headers, body)."""
        if method == "GET":
            status, hdrs, data = session.get(path)
        else:
            status, hdrs, data = session.send(method, path, json_body=body)
        self.validate(f"{method} {path}", pattern or path.split("?")[0], status, hdrs, data,
                      method)
        return status, hdrs, data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--openapi", required=True)
    ap.add_argument("--meta-schema", required=True)
    ap.add_argument("--catalog", required=True)
    ap.add_argument("--behind-proxy", action="store_true",
                    help="the URL is a reverse proxy, which refuses malformed requests itself")
    args = ap.parse_args()

    with open(args.openapi, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    with open(args.meta_schema, encoding="utf-8") as f:
        meta = json.load(f)
    meta_errors = list(jsonschema.Draft202012Validator(meta).iter_errors(doc))
    check("openapi file is valid OpenAPI 3.1", not meta_errors,
          "; ".join(f"{list(e.path)}: {e.message[:200]}" for e in meta_errors[:3]))
    check("openapi version is 3.1", str(doc.get("openapi", "")).startswith("3.1"))

    with open(args.catalog, encoding="utf-8") as f:
        catalog = yaml.safe_load(f)
    # Ladder order: by rank, then id (docs/catalog-format.md).
    roles = sorted(catalog["roles"], key=lambda r: (r["rank"], r["id"]))
    ids = [r["id"] for r in roles]
    by_id = {r["id"]: r for r in roles}

    spec = Spec(doc)
    client = Client(args.url)

    def get(name, path, documented=None, headers=None, expect=200):
        status, hdrs, body = client.request("GET", path, headers)
        check(f"{name}: status {expect}", status == expect, f"got {status}: {body[:200]!r}")
        if documented and status != 304:
            spec.validate(name, documented, status, hdrs, body)
        check(f"{name}: security headers", "default-src 'none'" in
              hdrs.get("content-security-policy", "") and hdrs.get("x-content-type-options") ==
              "nosniff" and bool(hdrs.get("x-request-id")))
        return status, hdrs, body

    # The role list, whole and paged.
    _, hdrs, body = get("list roles", "/api/v1/roles", "/api/v1/roles")
    page = json.loads(body)
    check("list roles: ids in ladder order", [r["id"] for r in page["items"]] == ids,
          f"{[r['id'] for r in page['items']]} != {ids}")
    check("list roles: last page", page["next"] is None)
    seen, path, pages = [], "/api/v1/roles?limit=2", 0
    while path and pages < 10:
        _, _, body = get(f"paged roles {pages + 1}", path, "/api/v1/roles")
        data = json.loads(body)
        check(f"paged roles {pages + 1}: at most 2", len(data["items"]) <= 2)
        seen += [r["id"] for r in data["items"]]
        path, pages = data["next"], pages + 1
    check("paged roles: every role once, in order", seen == ids, f"{seen}")
    check("paged roles: pages", pages == (len(ids) + 1) // 2, f"{pages}")

    # Conditional requests.
    etag = hdrs.get("etag")
    check("list roles: ETag", bool(etag))
    status, _, body = client.request("GET", "/api/v1/roles", {"If-None-Match": etag})
    check("list roles: 304 for its ETag", status == 304 and body == b"", f"{status}")

    # One role: figures from the YAML.
    first = ids[0]
    _, _, body = get("show role", f"/api/v1/roles/{first}", "/api/v1/roles/{id}")
    role = json.loads(body)
    check("show role: title", role["title"]["en"] == by_id[first]["title"]["en"])
    market = by_id[first].get("pay", {}).get("market_reference")
    if market:
        check("show role: market reference min",
              abs(role["pay"]["market_reference"]["min"] - float(market["min"])) < 1e-9,
              f"{role['pay']['market_reference']['min']} vs {market['min']}")

    # The ladder: next_roles of the YAML.
    _, _, body = get("ladder", "/api/v1/ladder", "/api/v1/ladder")
    ladder = json.loads(body)

    def edges(node, out):
        for child in node["next"]:
            out.add((node["id"], child["id"]))
            edges(child, out)
        return out

    got = set()
    for root in ladder["ladders"]:
        edges(root, got)
    want = {(r["id"], n) for r in roles for n in r.get("next_roles", [])}
    check("ladder: edges are the catalog's next_roles", got == want, f"{got} != {want}")

    # Bad input: a 4xx problem in the request's language, never a 5xx.
    bad = [
        ("unknown role", "/api/v1/roles/nobody", "/api/v1/roles/{id}", 404),
        ("limit 0", "/api/v1/roles?limit=0", "/api/v1/roles", 400),
        ("limit 101", "/api/v1/roles?limit=101", "/api/v1/roles", 400),
        ("limit text", "/api/v1/roles?limit=ten", "/api/v1/roles", 400),
        ("limit twice", "/api/v1/roles?limit=1&limit=2", "/api/v1/roles", 400),
        ("unknown parameter", "/api/v1/roles?sort=id", "/api/v1/roles", 400),
        ("after unknown id", "/api/v1/roles?after=nobody", "/api/v1/roles", 400),
        ("bad escape", "/api/v1/roles?limit=%zz", "/api/v1/roles", 400),
        ("parameter on a role", "/api/v1/roles/agent?x=1", "/api/v1/roles/{id}", 400),
    ]
    for name, path, documented, expect in bad:
        _, hdrs, body = get(name, path, documented, expect=expect)
        check(f"{name}: problem+json", hdrs.get("content-type", "").startswith(
            "application/problem+json"))
    _, _, body = client.request("GET", "/api/v1/roles?limit=0")
    err = json.loads(body)["errors"][0]
    check("a bad query parameter is named by its pointer", err["pointer"] == "/query/limit" and
          "100" in (err["hint"] or ""), f"{err}")
    _, _, body = client.request("GET", "/api/v1/roles?sort=id")
    err = json.loads(body)["errors"][0]
    check("an unknown parameter is named, the known ones hinted", err["pointer"] == "/query/sort"
          and "limit" in (err["hint"] or ""), f"{err}")
    _, _, body = client.request("GET", "/api/v1/roles?limit=0", {"Accept-Language": "de"})
    de_problem = json.loads(body)
    check("a German problem is German throughout", de_problem["title"] == "Ungültige Anfrage" and
          "verwenden" in (de_problem["errors"][0]["hint"] or "") and " to " not in
          (de_problem["errors"][0]["hint"] or ""), f"{de_problem}")
    status, _, _ = client.request("GET", "/api/v1/roles?after=")
    check("an empty 'after' is refused", status == 400, f"{status}")
    long_id = "x" * 5000
    status, _, body = client.request("GET", f"/api/v1/roles/{long_id}")
    check("a 5,000-character id: 404, not echoed in full", status == 404 and len(body) < 1000,
          f"{status} {len(body)} bytes")
    for path, expect in (("/api/v1/roles/nobody", 404), ("/api/v1/roles?after=nope", 400),
                         ("/en/roles/nobody", 404)):
        status, _, _ = client.request("GET", path, {"If-None-Match": "*"})
        check(f"If-None-Match: * on {path}: {expect}, not 304", status == expect, f"{status}")
    status, hdrs, _ = client.request("GET", "/en/roles/?x=1")
    check("a trailing slash redirects to the address without it", status == 308 and
          hdrs.get("location") == "/en/roles?x=1", f"{status} {hdrs.get('location')}")
    status, hdrs, _ = client.request("GET", "//example.com/")
    check("'//host/' is not redirected off the site", status == 404, f"{status} {hdrs.get('location')}")
    status, _, _ = client.request("GET", "/EN/roles")
    check("/EN/roles is not a second address of /en/roles", status == 404, f"{status}")
    status, hdrs, _ = client.request("GET", "/en/roles/agent%00")
    # Behind a proxy, the proxy refuses this request itself (nginx: 400 with its own page).
    if not args.behind_proxy:
        check("a refused request still carries the security headers", status == 400 and
              "default-src 'none'" in hdrs.get("content-security-policy", "") and
              hdrs.get("x-content-type-options") == "nosniff", f"{status} {hdrs}")

    _, _, en = client.request("GET", "/api/v1/roles/nobody", {"Accept-Language": "en"})
    _, _, de = client.request("GET", "/api/v1/roles/nobody", {"Accept-Language": "de-DE,de;q=0.9"})
    en, de = json.loads(en), json.loads(de)
    check("problem in German for Accept-Language de", en["detail"] != de["detail"] and
          "nobody" in de["detail"], f"{de['detail']}")
    check("problem names known roles in its hint",
          all(i in (en["errors"][0]["hint"] or "") for i in ids), f"{en['errors'][0]}")

    status, hdrs, body = client.request("POST", "/api/v1/roles")
    check("POST on a GET route: 405 with Allow", status == 405 and "GET" in hdrs.get("allow", ""),
          f"{status} {hdrs.get('allow')}")
    # A body for a route that takes none is refused before it is read.
    status, hdrs, body = client.request("POST", "/api/v1/roles", {"Content-Type": "application/json"}, "{}")
    check("a body where none is accepted: 413", status == 413, f"{status}")
    status, hdrs, body = client.request("HEAD", "/api/v1/roles")
    check("HEAD: 200 without body", status == 200 and body == b"", f"{status} {len(body)}")
    status, hdrs, _ = client.request("GET", "/api/v1/nothing")
    check("unknown API path: 404 problem", status == 404 and
          hdrs.get("content-type", "").startswith("application/problem+json"), f"{status}")

    # Probes.
    get("healthz", "/healthz", "/healthz")
    _, _, body = get("readyz", "/readyz", "/readyz")
    ready = json.loads(body)
    check("readyz: schema is the binary's", ready["schema_version"] == ready["binary_schema_version"])

    # Pages: the language from the URL, / chosen by Accept-Language.
    status, hdrs, _ = client.request("GET", "/", {"Accept-Language": "de-DE,de;q=0.9,en;q=0.8"})
    check("/ sends German readers to /de/roles", status == 303 and hdrs.get("location") == "/de/roles",
          f"{status} {hdrs.get('location')}")
    status, hdrs, _ = client.request("GET", "/", {"Accept-Language": "fr-FR, en;q=0.5"})
    check("/ sends others to /en/roles", status == 303 and hdrs.get("location") == "/en/roles",
          f"{status} {hdrs.get('location')}")
    for lang in ("en", "de"):
        for path in (f"/{lang}/roles", f"/{lang}/roles/{first}"):
            status, hdrs, body = get(f"page {path}", path)
            text = body.decode("utf-8", "replace")
            check(f"page {path}: html lang {lang}", f'lang="{lang}"' in text)
            title = by_id[first]["title"][lang]
            check(f"page {path}: shows the title of {first}",
                  title.replace("&", "&amp;") in text, title)
            check(f"page {path}: no inline script", "<script>" not in text and "onclick" not in text)
    for path in ("/xx/roles", "/en/roles/nobody", "/en/nothing"):
        status, hdrs, body = client.request("GET", path)
        check(f"page {path}: 404 page", status == 404 and
              hdrs.get("content-type", "").startswith("text/html"), f"{status}")

    # Random junk: never a 5xx.
    rng = random.Random(14)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_.~%/?=&+;:@!$'()*,[]"
    worst = 0
    for _ in range(300):
        junk = "/" + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        prefix = rng.choice(["", "/api/v1/roles", "/api/v1/roles/", "/en/roles/", "/de", "/static/"])
        try:
            status, _, _ = client.request(rng.choice(["GET", "HEAD", "POST", "DELETE"]),
                                          urllib.parse.quote(prefix + junk, safe="/?=&%"))
        except Exception as e:  # a closed connection is a failure too
            status = 599
            print("junk request failed:", e)
        worst = max(worst, status)
    check("300 random requests: never a 5xx", worst < 500, f"worst {worst}")

    print(f"{CHECKS - len(FAILURES)} of {CHECKS} API checks passed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
