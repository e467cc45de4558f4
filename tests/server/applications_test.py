#!/usr/bin/env python3
"""Applications against a running workspace (`serve --demo`): a recruiter gives a demo opening
questions and a hiring manager; anonymous applicants apply through the public form (no-store,
a key per page load, a hidden field for bots); hostile text comes back escaped; a double submit
makes one application; the screening job screens each one; answers that are not the accepted
ones become criteria and never change a verdict; the recruiter's list is blind, filters, pages
and exports (CSV, XLSX); unblinding, export and erasure are audited without personal values;
the applicant withdraws from the private link; who may see what; the burst limit holds.

Documents: an applicant applies with a PDF (its path and control characters stripped from the
name); a program named .pdf, a ZIP bomb named .docx and a file over the size limit are refused
at the form's file field; a PDF with JavaScript is taken but only ever sent as an attachment
(nosniff, a sandboxing CSP); nothing is downloadable while the application is blind; a
recruiter adds a certificate through the API; erasure takes the documents with it; the server
answers its health check after each hostile file.

With --smtp-port (the port of the workspace's smtp.url, where nothing listens at first): the
acknowledgement waits in the outbox while the mail server is down, then a local SMTP sink is
started there and the message is sent later, in the applicant's language, with the private link.

Usage: applications_test.py --url URL --logins logins.json --openapi docs/api/openapi.yaml
       [--smtp-port PORT]
"""
import argparse
import csv
import html
import io
import json
import os
import re
import secrets
import sys
import time
import urllib.parse
from email import message_from_bytes, policy

import yaml

import api_test
from access_test import Client, Session
from api_test import check
from smtp_sink import SmtpSink


def apply(client, lang, opening, fields, key=None, src=""):
    """Loads the form page (for its key unless one is given) and sends 'fields'."""
    status, hdrs, page = client.request("GET", f"/{lang}/careers/{opening}/apply")
    if key is None:
        found = re.search(rb'name="form_key" value="([^"]+)"', page)
        key = found.group(1).decode() if found else ""
    form = {"form_key": key, "src": src, "homepage": ""}
    form.update(fields)
    body = urllib.parse.urlencode(form)
    return client.request("POST", f"/{lang}/careers/{opening}/apply", {
        "Content-Type": "application/x-www-form-urlencoded", "Origin": client.origin}, body) + (key,)


DOCUMENTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "documents")


def document(name):
    with open(os.path.join(DOCUMENTS, name), "rb") as f:
        return f.read()


def apply_with_files(client, lang, opening, fields, files, headers=None):
    """The form sent as multipart/form-data with 'files' [(name, bytes)] in its file field."""
    status, _, page = client.request("GET", f"/{lang}/careers/{opening}/apply", headers)
    found = re.search(rb'name="form_key" value="([^"]+)"', page)
    form = {"form_key": found.group(1).decode() if found else "", "src": "", "homepage": ""}
    form.update(fields)
    boundary = "----ccteam" + secrets.token_hex(8)
    body = b""
    for name, value in form.items():
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                 f'{value}\r\n').encode()
    for file_name, content in files:
        quoted = file_name.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="documents"; '
                 f'filename="{quoted}"\r\nContent-Type: application/pdf\r\n\r\n').encode()
        body += content + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return client.request("POST", f"/{lang}/careers/{opening}/apply", dict(headers or {}, **{
        "Content-Type": f"multipart/form-data; boundary={boundary}", "Origin": client.origin}),
        body)


def check_documents(args, client, call, recruiter, oid):
    """Documents on the form and on the application (see the module's doc string)."""
    own = {"X-Forwarded-For": "203.0.113.88"}  # an address of its own for the burst limit

    def healthy(after):
        status, _, _ = client.request("GET", "/healthz")
        check(f"the server answers its health check after {after}", status == 200, str(status))

    pdf, program, bomb, script = (document(n) for n in
                                  ("cv-en.pdf", "program.pdf", "bomb.docx", "javascript.pdf"))
    oversized = b"%PDF-1.4\n" + b"0" * 5_100_000
    status, _, page = apply_with_files(client, "de", oid, person("Doku Ment"),
                                       [("programm.pdf", program), ("bomb.docx", bomb),
                                        ("gross.pdf", oversized)], own)
    text = page.decode(errors="replace")
    check("hostile documents: 422 with the form again", status == 422, str(status))
    check("a program named .pdf is refused by its content",
          "„programm.pdf“ ist weder ein PDF noch ein Word-Dokument" in text, text[:300])
    check("a ZIP bomb is refused before it is unpacked",
          "„bomb.docx“ entpackt sich auf 60 MB, mehr als 50 MB" in text)
    check("a file over the limit is refused with its size",
          "„gross.pdf“ hat 5,1 MB; ein Dokument darf höchstens 5 MB haben" in text)
    check("the form asks to attach the files again", "erneut an" in text)
    healthy("hostile documents")

    status, hdrs, _ = apply_with_files(client, "de", oid, person("Doku Ment"),
                                       [("C:\\Users\\doku\\Lebens\x07lauf.pdf", pdf),
                                        ("makro.pdf", script)], own)
    check("an application with a PDF and a PDF with JavaScript: 303", status == 303, str(status))
    status, _, page = client.request("GET", hdrs.get("location", "/"), own)
    check("the applicant's private page lists the documents that arrived", status == 200
          and "Ihre Unterlagen".encode() in page
          and b"Lebenslauf.pdf <span class=\"meta\">(PDF, 22 kB)</span>" in page
          and b"makro.pdf" in page, f"{status} {page[:200]!r}")
    healthy("the documents")
    status, _, body = call(recruiter, "GET", f"/api/v1/openings/{oid}/applications")
    with_documents = None
    for row in json.loads(body)["applications"] if status == 200 else []:
        status, _, one = call(recruiter, "GET", f"/api/v1/applications/{row['id']}")
        if status == 200 and json.loads(one).get("documents"):
            with_documents = row["id"]
    read = wait_until_read(call, recruiter, with_documents) if with_documents else {}
    texts = [d["text"] for d in read.get("documents", [])]
    check("the documents' text is read in the child process: the CV's, none in the other",
          len(texts) == 2 and texts[0]["status"] == "done" and texts[0]["characters"] > 200
          and texts[1] == {"status": "done", "characters": 0}, json.dumps(texts))
    cv_evidence = [e for c in (read.get("screening") or {}).get("criteria", [])
                   for e in c.get("evidence", []) if e.get("from_cv")]
    check("the screening waited for it and cites the CV, marked as from the CV",
          read.get("verdict") is not None and cv_evidence
          and all(e["at"]["pointer"] == "/documents/0" for e in cv_evidence),
          json.dumps(read.get("screening"))[:300])
    status, _, body = call(recruiter, "GET", f"/api/v1/openings/{oid}/applications")
    mine, one = None, b""
    for row in json.loads(body)["applications"] if status == 200 else []:
        status, _, one = call(recruiter, "GET", f"/api/v1/applications/{row['id']}")
        if status == 200 and json.loads(one).get("documents"):
            mine = json.loads(one)
    check("the application lists its documents, blind (no file names)", mine is not None
          and [d["label"] for d in mine["documents"]]
          == ["Document 1: PDF, 22 kB", "Document 2: PDF, 431 bytes"]
          and all(d["file_name"] is None for d in mine["documents"])
          and b"Lebenslauf" not in one, json.dumps(mine)[:400])
    if not mine:
        return
    aid, cv = mine["id"], mine["documents"][0]["id"]
    status, _, page = recruiter.get(f"/de/applications/{aid}")
    check("its page lists them blind, without links", status == 200
          and "Dokument 1: PDF, 22 kB".encode() in page and b"/documents/" not in page
          and "Dateinamen und Inhalte bleiben verborgen".encode() in page, str(status))
    status, _, body = recruiter.get(f"/api/v1/applications/{aid}/documents/{cv}")
    check("no download while blind: 409", status == 409, f"{status} {body[:200]!r}")
    status, _, _ = call(recruiter, "POST", f"/api/v1/applications/{aid}/unblind", json_body={})
    status, hdrs, body = recruiter.get(f"/api/v1/applications/{aid}/documents/{cv}")
    check("unblinded: the PDF as sent, as an attachment with its cleaned name", status == 200
          and body == pdf and hdrs.get("content-type") == "application/pdf"
          and hdrs.get("content-disposition") ==
          "attachment; filename=\"Lebenslauf.pdf\"; filename*=UTF-8''Lebenslauf.pdf"
          and hdrs.get("x-content-type-options") == "nosniff"
          and hdrs.get("content-security-policy", "").startswith("sandbox")
          and hdrs.get("cache-control") == "no-store", f"{status} {hdrs}")
    status, hdrs, body = recruiter.get(
        f"/api/v1/applications/{aid}/documents/{mine['documents'][1]['id']}")
    check("the PDF with JavaScript is only ever an attachment in a sandbox", status == 200
          and hdrs.get("content-disposition", "").startswith("attachment;")
          and hdrs.get("content-security-policy", "").startswith("sandbox"), str(hdrs))
    status, _, page = recruiter.get(f"/de/applications/{aid}")
    check("unblinded, the page links the documents by name", status == 200
          and b"Lebenslauf.pdf" in page
          and f"/api/v1/applications/{aid}/documents/{cv}".encode() in page, str(status))

    # A recruiter adds a certificate; a program is refused there too.
    headers = recruiter.headers({"Origin": client.origin, "X-CSRF-Token": recruiter.csrf,
                                 "Content-Type": "application/octet-stream"})
    status, _, body = client.request(
        "POST", f"/api/v1/applications/{aid}/documents?name=Zeugnis.docx", headers,
        document("cv-de.docx"))
    added = json.loads(body) if status == 201 else {}
    check("a recruiter adds a DOCX: 201 with the documents", status == 201
          and [d["type"] for d in added.get("documents", [])] == ["pdf", "pdf", "docx"]
          and added["documents"][2]["added_by"] == "recruiter", f"{status} {body[:300]!r}")
    status, _, body = client.request(
        "POST", f"/api/v1/applications/{aid}/documents?name=x.pdf", headers, program)
    check("a program is refused there too: 422", status == 422
          and b"neither a PDF nor" in body, f"{status} {body[:300]!r}")
    # The page's upload form: a refused file comes back at the field, on the application's page.
    boundary = "----ccteam" + secrets.token_hex(8)
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n'
            f'{recruiter.csrf}\r\n--{boundary}\r\nContent-Disposition: form-data; '
            f'name="document"; filename="programm.pdf"\r\n\r\n').encode() + program + (
            f"\r\n--{boundary}--\r\n").encode()
    status, _, page = client.request(
        "POST", f"/de/applications/{aid}/documents",
        recruiter.headers({"Origin": client.origin,
                           "Content-Type": f"multipart/form-data; boundary={boundary}"}), body)
    check("a refused upload on the page: 422 at the upload field of the application's page",
          status == 422 and b'id="document-upload-error"' in page
          and "„programm.pdf“ ist weder ein PDF".encode() in page
          and "Unterlagen".encode() in page, f"{status} {page[:200]!r}")
    healthy("the uploads")
    status, _, _ = call(recruiter, "DELETE", f"/api/v1/applications/{aid}")
    check("erasure answers 204", status == 204, str(status))
    status, _, _ = recruiter.get(f"/api/v1/applications/{aid}/documents/{cv}")
    check("the documents are gone with it", status == 404, str(status))

    # A PDF that makes the reader loop (tests/data/documents/loop.pdf): its child process ends
    # at the CPU limit (1 s here); the server goes on and the screening runs without its text.
    status, hdrs, _ = apply_with_files(client, "de", oid, person("Loop Ing"),
                                       [("schleife.pdf", document("loop.pdf"))], own)
    check("an application with a PDF that makes the reader loop: 303", status == 303, str(status))
    status, _, body = call(recruiter, "GET", f"/api/v1/openings/{oid}/applications")
    looping = None
    for row in json.loads(body)["applications"] if status == 200 else []:
        status, _, one = call(recruiter, "GET", f"/api/v1/applications/{row['id']}")
        docs = json.loads(one).get("documents", []) if status == 200 else []
        if docs and docs[0]["size_bytes"] == len(document("loop.pdf")):
            looping = row["id"]
    read = wait_until_read(call, recruiter, looping) if looping else {}
    texts = [d["text"] for d in read.get("documents", [])]
    check("the looping PDF's reader was stopped at its limit, the application screened all the same",
          texts == [{"status": "limit", "reason": "used more than 1 s of CPU time"}]
          and read.get("verdict") is not None, json.dumps(texts))
    healthy("a PDF that makes the reader loop")


def wait_until_read(call, recruiter, application_id, seconds=60):
    """The application's JSON once no document waits for its text and it is screened."""
    deadline = time.monotonic() + seconds
    one = {}
    while time.monotonic() < deadline:
        status, _, body = call(recruiter, "GET", f"/api/v1/applications/{application_id}")
        one = json.loads(body) if status == 200 else {}
        if one.get("verdict") is not None and all(
                d["text"]["status"] != "pending" for d in one.get("documents", [])):
            return one
        time.sleep(0.2)
    return one


def person(name, weekends="yes", title="Call Center Agent"):
    return {"name": name, "email": "erika@example.com", "phone": "+49 341 1234567",
            "work.0.title": title, "work.0.employer": "Kundenservice AG",
            "work.0.start": "2021-01", "work.0.end": "2024-06",
            "work.0.duties": "Inbound-Hotline, Reklamationen",
            "education.0.kind": "Berufsausbildung", "education.0.field": "Dialogmarketing",
            "education.0.finished": "2020-07",
            "languages.0.language": "de", "languages.0.level": "native",
            "languages.1.language": "en", "languages.1.level": "B2",
            "answers.weekends": weekends, "answers.weekly_hours": "30"}


def check_mail(args, call, recruiter, rows, token):
    """The acknowledgements of the two applications (both to erika@example.com, in German)."""
    def messages_of(app_id):
        status, _, body = call(recruiter, "GET", f"/api/v1/applications/{app_id}")
        return (json.loads(body).get("messages", []) if status == 200 else []), body

    app_id = rows[0]["id"]
    msgs, body = [], b""
    for _ in range(100):
        msgs, body = messages_of(app_id)
        if msgs and msgs[0]["attempts"] >= 1:
            break
        time.sleep(0.1)
    first = msgs[0] if msgs else {}
    check("with the mail server down the acknowledgement waits in the outbox with the error",
          len(msgs) == 1 and first["kind"] == "application.acknowledgement"
          and first["lang"] == "de" and first["state"] == "queued" and first["attempts"] >= 1
          and "connect to server" in (first["last_error"] or ""), json.dumps(msgs)[:400])
    check("the blind JSON has neither recipient nor text",
          "recipient" not in first and "body" not in first and b"example.com" not in body)
    sink = SmtpSink(args.smtp_port).start()
    try:
        for _ in range(300):
            msgs, _ = messages_of(app_id)
            if msgs and msgs[0]["state"] == "sent" and len(sink.taken()) >= 2:
                break
            time.sleep(0.1)
        check("once the mail server is up the message is sent",
              msgs and msgs[0]["state"] == "sent" and msgs[0]["sent_at"], json.dumps(msgs)[:400])
        taken = [m for m in sink.taken() if m[1] == ["<erika@example.com>"]]
        parsed = [message_from_bytes(m[2], policy=policy.default) for m in taken]
        texts = [p.get_content() for p in parsed]
        check("both applications' acknowledgements reached the sink, from the configured sender",
              len(taken) >= 2 and all(m[0] == "<bewerbung@example.org>" for m in taken)
              and all(p["From"].addresses[0].addr_spec == "bewerbung@example.org"
                      and p["From"].addresses[0].display_name == "Demo Recruiting"
                      and p["To"].addresses[0].addr_spec == "erika@example.com" for p in parsed),
              repr(taken)[:400])
        # German in the employer's address form (Sie or du), the subject decoded from RFC 2047.
        check("in the applicant's language, with the name and a decoded subject",
              all(str(p["Subject"]).startswith(("Ihre Bewerbung als ", "Deine Bewerbung als "))
                  for p in parsed)
              and any(t.startswith(("Guten Tag Erika <b>Muster</b>,", "Hallo Erika <b>Muster</b>,"))
                      for t in texts)
              and all("bei uns eingegangen" in t and "Jede Bewerbung liest ein Mensch" in t
                      for t in texts), repr(texts)[:400])
        check("with the applicant's private link",
              any(f"{args.url}/de/application/{token}" in t for t in texts), repr(texts)[:400])
    finally:
        sink.shutdown()
        sink.server_close()
    status, _, page = recruiter.get(f"/de/applications/{app_id}")
    check("the application's page says the acknowledgement was sent, without its text",
          status == 200 and "Eingangsbestätigung".encode() in page
          and "gesendet am".encode() in page and b"Guten Tag" not in page, str(status))


def check_import(args, client, spec, recruiter, manager, oid):
    """A recruiter adds applicants from a file (JSON Resume as NDJSON, a person CSV) with a
    legal basis and a source; each gets the GDPR art. 14 message; refused requests say why."""
    path = f"/api/v1/openings/{oid}/applications/import"

    def post(session, query, body, content_type="application/x-ndjson"):
        headers = session.headers({"Origin": client.origin, "X-CSRF-Token": session.csrf or "",
                                   "Content-Type": content_type})
        status, hdrs, data = client.request("POST", path + query, headers, body)
        spec.validate(f"POST {path}{query}", "/api/v1/openings/{id}/applications/import",
                      status, hdrs, data, "post")
        return status, (json.loads(data) if data[:1] == b"{" else {}), data

    fair = ('{"basics":{"name":"Ina <b>Port</b>","email":"Erika@Example.com"},"work":[{"position":'
            '"Call Center Agent","name":"Hotline AG","startDate":"2020-01","endDate":"2024-01"}],'
            '"languages":[{"language":"German","fluency":"native"}]}\n'
            '{"basics":{"name":"Ohne Adresse"},"work":[{"position":"Agent"}]}\n').encode()
    query = "?legal_basis=legitimate_interest&source=" + urllib.parse.quote("Jobmesse Köln") + "&lang=en"
    status, result, data = post(recruiter, query, fair)
    check("import: 201, one added, one not added (no e-mail address) at its line and pointer",
          status == 201 and result.get("read") == 2 and result.get("added") == 1
          and result.get("rejected") == 1
          and [(p.get("line"), p.get("pointer")) for p in result.get("problems", [])]
          == [(2, "/basics/email")], f"{status} {data[:400]!r}")
    added = (result.get("applications") or [{}])[0].get("id")
    status, again, data = post(recruiter, query, fair)
    check("the same file again: the applicant is found, not added twice", status == 200
          and again.get("added") == 0 and again.get("existing") == 1
          and again["applications"][0]["id"] == added, f"{status} {data[:300]!r}")
    status, _, data = post(recruiter, query, b"name,email\nA,a@example.org\n", "text/plain")
    check("a body that is neither JSON nor CSV: 415", status == 415, f"{status} {data[:200]!r}")
    status, refused, data = post(recruiter, "?source=Messe", fair)
    check("no legal basis: 422 at /legal_basis, nothing added", status == 422
          and [e.get("pointer") for e in refused.get("errors", [])] == ["/legal_basis"],
          f"{status} {data[:300]!r}")
    status, _, _ = post(manager, query, fair)
    check("a hiring manager may not import: 403", status == 403, str(status))
    csv_body = "name,email,work1_title,work1_start\nCarla Sv,carla@example.org,Agent,2018-02\n"
    status, from_csv, data = post(recruiter, "?legal_basis=consent&source=Agentur", csv_body.encode(),
                                  "text/csv; charset=utf-8")
    check("a person CSV: 201", status == 201 and from_csv.get("added") == 1, f"{status} {data[:300]!r}")
    if not added:
        return
    one = {}
    for _ in range(100):
        status, _, body = spec.call(recruiter, "GET", f"/api/v1/applications/{added}",
                                    pattern="/api/v1/applications/{id}")
        one = json.loads(body) if status == 200 else {}
        if one.get("verdict"):
            break
        time.sleep(0.1)
    check("the imported application: source, legal basis, screened, blind", one.get("source") == "import"
          and one.get("channel") == "Jobmesse Köln" and one.get("legal_basis") == "legitimate_interest"
          and one.get("verdict") and "personal" not in one, json.dumps(one)[:400])
    check("the questions it was not asked are neither met nor missed", one.get("knockouts_missed") == 0
          and [k["outcome"] for k in (one.get("screening") or {}).get("knockouts", [])]
          == ["not_asked", "not_asked"], json.dumps(one.get("screening"))[:300])
    check("the art. 14 message is in the outbox, in the language asked for",
          [(m["kind"], m["lang"]) for m in one.get("messages", [])] == [("application.art14", "en")],
          json.dumps(one.get("messages"))[:300])
    check("the same e-mail as a form application: a possible duplicate, never merged",
          [d["match"] for d in one.get("duplicates", [])][:1] == [["email"]], json.dumps(one)[:300])
    status, _, page = recruiter.get(f"/de/applications/{added}")
    check("its page says where it came from, on what legal basis, and names the art. 14 e-mail",
          status == 200
          and "Per Import hinzugefügt (Jobmesse Köln); Rechtsgrundlage: Berechtigtes Interesse".encode()
          in page and "Information über die erhobenen Daten (Art. 14 DSGVO)".encode() in page
          and b"Ina" not in page, str(status))
    # The list page's form: a file, the legal basis, the source.
    boundary = "----ccteam" + secrets.token_hex(8)
    fields = {"csrf_token": recruiter.csrf, "legal_basis": "pre_contract", "source": "E-Mail",
              "lang": "de"}
    body = b"".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
                    .encode() for k, v in fields.items())
    body += (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="leute.csv"\r\n'
             f'Content-Type: text/csv\r\n\r\nname,email,work1_title,work1_start\r\n'
             f'Dana Eck,dana@example.org,Agent,2017-05\r\nOhne,,Agent,2017-05\r\n'
             f'\r\n--{boundary}--\r\n').encode()
    status, _, page = client.request(
        "POST", f"/de/openings/{oid}/applications/import",
        recruiter.headers({"Origin": client.origin,
                           "Content-Type": f"multipart/form-data; boundary={boundary}"}), body)
    text = page.decode(errors="replace")
    check("the page's import form: the result and the record not added, with its line",
          status == 200 and "1 hinzugefügt, 0 schon vorhanden, 1 nicht hinzugefügt" in text
          and "leute.csv:3 (/email): keine E-Mail-Adresse" in text
          and "Import: E-Mail" in text, f"{status} {text[:300]!r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--logins", required=True)
    ap.add_argument("--openapi", required=True)
    ap.add_argument("--smtp-port", type=int, default=0,
                    help="the port of the workspace's smtp.url, where the test starts its sink")
    args = ap.parse_args()
    client = Client(args.url)
    logins = json.load(open(args.logins))
    with open(args.openapi) as f:
        spec = api_test.Spec(yaml.safe_load(f))
    sessions = {role: Session(client, logins[role]["login"], logins[role]["password"])
                for role in ("admin", "recruiter", "hiring_manager", "works_council", "viewer")}
    recruiter, manager = sessions["recruiter"], sessions["hiring_manager"]

    def call(session, method, path, json_body=None):
        """spec.call with the path's ids as the OpenAPI file's {id}."""
        pattern = re.sub(r"/[0-9a-f]{8}-[0-9a-f-]{27}", "/{id}", path.split("?")[0])
        return spec.call(session, method, path, json_body, pattern=pattern)

    # An opening of its own (a copy of a demo opening's fields) with two questions and the demo
    # hiring manager, published.
    status, _, body = call(recruiter, "GET", "/api/v1/openings")
    demo = next(o for o in json.loads(body)["openings"]
                if o["status"] == "open" and o["role"] == "agent")
    fields = {k: demo[k] for k in ("employer_id", "role", "place", "headcount", "valid_through",
                                   "languages", "sections")}
    fields.update({"reference": "APP-" + secrets.token_hex(3),
                   "hiring_manager_id": manager.me["user"]["id"],
                   "questions": [{"kind": "weekends"},
                                 {"kind": "weekly_hours", "min_hours": 20}]})
    status, _, body = call(recruiter, "POST", "/api/v1/openings", fields)
    added = json.loads(body) if status == 201 else {}
    check("the recruiter adds an opening with questions", status == 201
          and [q["id"] for q in added["questions"]] == ["weekends", "weekly_hours"],
          f"{status} {body[:300]!r}")
    if not added:
        sys.exit(1)
    oid = added["id"]
    status, _, body = call(recruiter, "POST", f"/api/v1/openings/{oid}/status",
                           {"status": "open", "version": 1, "confirm": True})
    check("and publishes it", status == 200, f"{status} {body[:300]!r}")
    bad = dict(fields, version=2,
               questions=[{"kind": "weekly_hours", "min_hours": 0}, {"kind": "lottery"}])
    status, _, body = call(recruiter, "PUT", f"/api/v1/openings/{oid}", bad)
    pointers = [e.get("pointer") for e in json.loads(body).get("errors", [])] if body else []
    check("bad questions are refused at their pointers", status in (400, 422)
          and "/questions/1/kind" in pointers, f"{status} {pointers}")

    # The careers page links to the form; the form page is no-store and asks for nothing
    # identifying beyond contact data.
    status, _, page = client.request("GET", f"/de/careers/{oid}?src=jobboard")
    check("the careers page links to the form, carrying the channel",
          f'/de/careers/{oid}/apply?src=jobboard' in html.unescape(page.decode()), str(status))
    status, hdrs, page = client.request("GET", f"/de/careers/{oid}/apply?src=jobboard")
    check("the form page answers 200, no-store", status == 200
          and hdrs.get("cache-control") == "no-store", f"{status} {hdrs.get('cache-control')}")
    text = page.decode()
    for field in ("birth", "geburt", "photo", "foto", "nationality", "marital", "salary", "gehalt"):
        check(f"no form field named like {field!r}",
              not re.search(rf'name="[^"]*{field}', text, re.I))
    check("the form shows the privacy notice's version", "2026-11-01" in text)
    check("the form carries the channel", 'name="src" value="jobboard"' in text)

    # Hostile text: control characters refused, markup shown escaped.
    evil = "<script>alert(1)</script>"
    status, hdrs, page, _ = apply(client, "de", oid, dict(person(evil + "\x1b[2J"),
                                                          **{"work.0.start": "2031-01"}))
    text = page.decode()
    check("hostile input answers 422 with the form again", status == 422, str(status))
    check("a name with a terminal escape is refused", "Name: enthält Steuerzeichen" in text)
    check("a job starting in the future is refused", "liegt in der Zukunft" in text)
    check("markup comes back escaped", evil not in text and html.escape(evil) in text
          or "&lt;script&gt;" in text, text[:200])

    # Markup in every text field of a form sent back with an error: each shown escaped.
    marked = dict(person("<i>n</i>"), **{"work.0.start": "2031-01"})
    for i, field in enumerate(("city", "work.0.title", "work.0.employer", "work.0.duties",
                               "education.0.field", "education.0.institution")):
        marked[field] = f'<img src=x onerror=alert({i})>'
    status, _, page, _ = apply(client, "de", oid, marked)
    text = page.decode()
    check("every text field comes back escaped", status == 422 and "<img" not in text
          and text.count("&lt;img src&#61;x onerror&#61;alert(") >= 6, str(status))

    # A double submit (same page load, same key) makes one application.
    status, hdrs, _, key = apply(client, "de", oid, person("Erika <b>Muster</b>", "no"),
                                 src="jobboard")
    location = hdrs.get("location", "")
    check("a good application answers 303 to its private page", status == 303
          and re.match(r"^/de/application/[A-Za-z0-9_-]{20,}\?sent=1$", location), location)
    status2, hdrs2, _, _ = apply(client, "de", oid, person("Erika <b>Muster</b>", "no"), key=key)
    check("the same page load sent twice lands on the same application",
          status2 == 303 and hdrs2.get("location") == location, hdrs2.get("location", ""))
    status, hdrs, page = client.request("GET", location)
    check("the private page: no-store, no referrer to other sites, noindex", status == 200
          and hdrs.get("cache-control") == "no-store"
          and hdrs.get("referrer-policy") == "same-origin"
          and hdrs.get("x-robots-tag") == "noindex", str(hdrs))
    check("the private page names the link to keep", args.url.encode() in page)
    token = location.split("/")[3].split("?")[0]
    # The same person says yes to weekends: the same verdict, no question missed.
    status, hdrs, _, _ = apply(client, "de", oid, person("Erika Zwei", "yes"))
    check("a second application", status == 303, str(status))

    # The screening job screens both.
    rows = []
    for _ in range(100):
        status, _, body = call(recruiter, "GET", f"/api/v1/openings/{oid}/applications")
        rows = json.loads(body)["applications"] if status == 200 else []
        if len(rows) == 2 and all(r["verdict"] for r in rows):
            break
        time.sleep(0.2)
    check("two applications, both screened", len(rows) == 2 and all(r["verdict"] for r in rows),
          json.dumps(rows)[:400])
    # The same e-mail and phone: each names the other as a possible duplicate (the double
    # submit above is the same application, not a duplicate of itself); blind, without values.
    if len(rows) == 2:
        first, second = rows
        check("each of the two names the other as a possible duplicate, by e-mail and phone",
              [(d["id"], d["match"]) for d in first["duplicates"]] == [(second["id"], ["email", "phone"])]
              and [(d["id"], d["match"]) for d in second["duplicates"]]
              == [(first["id"], ["email", "phone"])], json.dumps(rows)[:600])
        status, _, body = call(recruiter, "GET", f"/api/v1/applications/{first['id']}")
        one = json.loads(body) if status == 200 else {}
        check("the application's JSON has its duplicates, blind",
              [d["id"] for d in one.get("duplicates", [])] == [second["id"]]
              and b"example.com" not in body and b"1234567" not in body, body[:300].decode())
        status, _, page = recruiter.get(f"/en/applications/{first['id']}")
        check("its page warns and links to the other, without contact data", status == 200
              and b"Possible duplicate" in page and b"same e-mail address, same phone number" in page
              and f"/en/applications/{second['id']}".encode() in page
              and b"example.com" not in page and b"1234567" not in page, str(status))
        status, _, page = recruiter.get(f"/de/openings/{oid}/applications")
        check("the list marks both rows", status == 200
              and page.count("mögliche Doppelbewerbung".encode()) == 2, str(status))
    if len(rows) == 2 and args.smtp_port:
        check_mail(args, call, recruiter, rows, token)
    if len(rows) == 2:
        by_missed = sorted(rows, key=lambda r: r["knockouts_missed"])
        check("the weekend answer is a criterion not met, not a verdict",
              [r["knockouts_missed"] for r in by_missed] == [0, 1]
              and by_missed[0]["verdict"] == by_missed[1]["verdict"], json.dumps(rows)[:400])
        check("review order: the one with no question missed first",
              rows[0]["knockouts_missed"] == 0)
        check("the list is blind", all("personal" not in r and not r["revealed"] for r in rows)
              and b"Erika" not in body, body[:300].decode())
        weekend = next(k for k in by_missed[1]["screening"]["knockouts"] if k["id"] == "weekends")
        check("the criterion reads as a recruiter would", weekend["outcome"] == "not_met")
        check("the channel is kept", by_missed[1]["channel"] == "jobboard")
    status, _, body = call(recruiter, "GET", f"/api/v1/openings/{oid}/applications?knockouts=missed")
    check("filter: questions missed", status == 200
          and len(json.loads(body)["applications"]) == 1, body[:200].decode())
    status, _, body = call(recruiter, "GET", f"/api/v1/openings/{oid}/applications?limit=1")
    page1 = json.loads(body) if status == 200 else {}
    status, _, body = call(recruiter, "GET", f"/api/v1/openings/{oid}/applications?limit=1&after="
                           + urllib.parse.quote(page1.get("next") or ""))
    page2 = json.loads(body) if status == 200 else {}
    check("pages of one follow the review order", page1.get("next") and page2.get("next") is None
          and [r["id"] for r in page1["applications"] + page2["applications"]]
          == [r["id"] for r in rows], f"{page1} {page2}")

    # Who sees what.
    status, _, _ = call(manager, "GET", f"/api/v1/openings/{oid}/applications")
    check("the opening's hiring manager sees the list", status == 200, str(status))
    for role in ("viewer", "works_council"):
        status, _, _ = call(sessions[role], "GET", f"/api/v1/openings/{oid}/applications")
        check(f"the {role} sees no applicant data", status == 403, str(status))
    status, _, _ = call(manager, "GET", f"/api/v1/openings/{demo['id']}/applications")
    check("a hiring manager does not see another opening's applicants", status == 404, str(status))

    # Unblinding: recruiters only, audited.
    target = next((r for r in rows if r["knockouts_missed"] == 1), None)
    if target:
        status, _, _ = call(manager, "POST", f"/api/v1/applications/{target['id']}/unblind",
                            json_body={})
        check("a hiring manager cannot unblind", status == 403, str(status))
        status, _, body = call(recruiter, "POST", f"/api/v1/applications/{target['id']}/unblind",
                               json_body={})
        shown = json.loads(body) if status == 200 else {}
        check("a recruiter unblinds", shown.get("personal", {}).get("name") == "Erika <b>Muster</b>",
              body[:300].decode())
        status, _, page = manager.get(f"/en/applications/{target['id']}")
        check("the page shows the name escaped", status == 200
              and b"Erika &lt;b&gt;Muster&lt;/b&gt;" in page and b"<b>Muster" not in page)
        status, _, body = call(sessions["admin"], "GET", "/api/v1/audit?action=application.unblind")
        entries = json.loads(body)["items"] if status == 200 else []
        mine = [e for e in entries if e["target"]["id"] == target["id"]]
        check("the unblinding is audited, without values", len(mine) == 1
              and mine[0]["fields"] == ["personal"] and "Erika" not in json.dumps(entries),
              body[:300].decode())

    # Exports: CSV (blind) and XLSX.
    status, hdrs, body = recruiter.get(f"/api/v1/openings/{oid}/applications.csv")
    table = list(csv.reader(io.StringIO(body.decode()))) if status == 200 else []
    check("CSV: a header and one row per application, blind", len(table) == 3
          and table[0][0] == "applicant" and b"Erika" not in body, body[:300].decode())
    status, hdrs, body = recruiter.get(f"/api/v1/openings/{oid}/applications.xlsx")
    check("XLSX: a workbook", status == 200 and body[:2] == b"PK"
          and "spreadsheetml" in hdrs.get("content-type", ""), str(status))

    # The applicant's rights: export, withdrawal from the private link, erasure.
    if target:
        status, _, body = call(recruiter, "GET", f"/api/v1/applications/{target['id']}/export")
        data = json.loads(body) if status == 200 else {}
        check("export: everything held, personal values too",
              data.get("personal", {}).get("email") == "erika@example.com"
              and data.get("profile", {}).get("work", [{}])[0].get("position") == "Call Center Agent",
              body[:300].decode())
    status, hdrs, _ = client.request("POST", f"/de/application/{token}/withdraw", {
        "Content-Type": "application/x-www-form-urlencoded", "Origin": client.origin}, "")
    check("the applicant withdraws", status == 303, str(status))
    status, _, page = client.request("GET", f"/de/application/{token}")
    check("the private page says withdrawn", "zurückgezogen".encode() in page)
    if target:
        status, _, _ = call(recruiter, "DELETE", f"/api/v1/applications/{target['id']}")
        check("erasure answers 204", status == 204, str(status))
        status, _, _ = call(recruiter, "GET", f"/api/v1/applications/{target['id']}")
        check("the erased application is gone", status == 404, str(status))
        status, _, _ = client.request("GET", f"/de/application/{token}")
        check("its private link is gone too", status == 404, str(status))
        other = next((r for r in rows if r["id"] != target["id"]), None)
        if other:
            status, _, body = call(recruiter, "GET", f"/api/v1/applications/{other['id']}")
            check("the erased one is no longer named as a duplicate", status == 200
                  and json.loads(body)["duplicates"] == [], body[:300].decode())
        status, _, body = call(sessions["admin"], "GET", "/api/v1/audit?action=application.erase")
        check("the erasure is audited without values", status == 200
              and [e["target"]["id"] for e in json.loads(body)["items"]].count(target["id"]) == 1
              and b"Erika" not in body)

    check_documents(args, client, call, recruiter, oid)
    check_import(args, client, spec, recruiter, manager, oid)

    # The burst limit: 10 per address in 10 minutes, from an address of its own (the test
    # server trusts loopback as a proxy), so that the browser tests still apply.
    statuses = []
    burst = Client(args.url)
    plain_request = burst.request
    burst.request = lambda method, path, headers=None, body=None: plain_request(
        method, path, dict(headers or {}, **{"X-Forwarded-For": "203.0.113.77"}), body)
    for i in range(12):
        status, _, _, _ = apply(burst, "en", oid, person(f"Burst {i}"))
        statuses.append(status)
        if status == 429:
            break
    check("the burst limit answers 429 within 11 applications", statuses[-1] == 429
          and len(statuses) <= 11, str(statuses))
    print(f"{api_test.CHECKS - len(api_test.FAILURES)} of {api_test.CHECKS} checks passed")
    sys.exit(1 if api_test.FAILURES else 0)


if __name__ == "__main__":
    main()
