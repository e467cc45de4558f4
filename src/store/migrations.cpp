#include "store/migrations.hpp"

#include <array>

namespace ccteam::store {

namespace {

// The migration's own row in schema_migrations is written before its SQL runs, so a migration
// can use its applied_at_ms.
constexpr std::string_view k_sqlite_1 = R"sql(
CREATE TABLE organisations (
  id BLOB PRIMARY KEY CHECK (length(id) = 16),
  name TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL
) STRICT;

INSERT INTO organisations (id, name, created_at_ms)
  SELECT X'00000000000070008000000000000001', 'Default organisation', applied_at_ms
  FROM schema_migrations WHERE version = 1;

CREATE TABLE catalogs (
  id BLOB PRIMARY KEY CHECK (length(id) = 16),
  organisation_id BLOB NOT NULL REFERENCES organisations (id),
  source_name TEXT NOT NULL,
  yaml TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  updated_at_ms INTEGER NOT NULL,
  UNIQUE (organisation_id)
) STRICT;

CREATE TABLE employers (
  id BLOB PRIMARY KEY CHECK (length(id) = 16),
  organisation_id BLOB NOT NULL REFERENCES organisations (id),
  name TEXT NOT NULL,
  yaml TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  updated_at_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX employers_by_organisation ON employers (organisation_id, id);
)sql";

// Accounts, sessions, API tokens, sign-in throttling and the append-only audit log.
constexpr std::string_view k_sqlite_2 = R"sql(
CREATE TABLE users (
  id BLOB PRIMARY KEY CHECK (length(id) = 16),
  organisation_id BLOB NOT NULL REFERENCES organisations (id),
  login TEXT NOT NULL CHECK (login = lower(login) AND length(login) BETWEEN 3 AND 64),
  display_name TEXT NOT NULL,
  role TEXT NOT NULL
    CHECK (role IN ('admin', 'recruiter', 'hiring_manager', 'works_council', 'viewer')),
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL CHECK (must_change_password IN (0, 1)),
  disabled INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL,
  UNIQUE (organisation_id, login)
) STRICT;

CREATE TABLE sessions (
  token_hash BLOB PRIMARY KEY CHECK (length(token_hash) = 32),
  id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
  organisation_id BLOB NOT NULL REFERENCES organisations (id),
  user_id BLOB NOT NULL REFERENCES users (id),
  created_at_ms INTEGER NOT NULL,
  last_seen_at_ms INTEGER NOT NULL,
  expires_at_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id BLOB PRIMARY KEY CHECK (length(id) = 16),
  organisation_id BLOB NOT NULL REFERENCES organisations (id),
  user_id BLOB NOT NULL REFERENCES users (id),
  token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),
  name TEXT NOT NULL,
  hint TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  last_used_at_ms INTEGER,
  revoked_at_ms INTEGER
) STRICT;

CREATE INDEX api_tokens_by_user ON api_tokens (organisation_id, user_id);

CREATE TABLE sign_in_failures (
  key_hash BLOB NOT NULL CHECK (length(key_hash) = 32),
  at_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX sign_in_failures_by_key ON sign_in_failures (key_hash, at_ms);
CREATE INDEX sign_in_failures_by_time ON sign_in_failures (at_ms);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  organisation_id BLOB NOT NULL REFERENCES organisations (id),
  at_ms INTEGER NOT NULL,
  actor_user_id BLOB CHECK (actor_user_id IS NULL OR length(actor_user_id) = 16),
  actor_kind TEXT NOT NULL CHECK (actor_kind IN ('user', 'cli', 'system')),
  action TEXT NOT NULL,
  target_kind TEXT NOT NULL,
  target_id BLOB CHECK (target_id IS NULL OR length(target_id) = 16),
  fields TEXT NOT NULL,
  request_id TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_by_time ON audit_log (organisation_id, at_ms);
CREATE INDEX audit_log_by_actor ON audit_log (organisation_id, actor_user_id, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
)sql";

// PostgreSQL: the same tables, columns, keys and indexes (tests/store/schema_test.cpp compares
// them). uuid and bytea for ids and hashes (the same bytes the SQLite BLOBs hold), boolean for
// the 0/1 columns, bigint for counts and milliseconds, an identity column for the audit log.
constexpr std::string_view k_postgresql_1 = R"sql(
CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  created_at_ms bigint NOT NULL
);

INSERT INTO organisations (id, name, created_at_ms)
  SELECT '00000000-0000-7000-8000-000000000001', 'Default organisation', applied_at_ms
  FROM schema_migrations WHERE version = 1;

CREATE TABLE catalogs (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  source_name text NOT NULL,
  yaml text NOT NULL,
  version bigint NOT NULL CHECK (version >= 1),
  updated_at_ms bigint NOT NULL,
  UNIQUE (organisation_id)
);

CREATE TABLE employers (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  name text NOT NULL,
  yaml text NOT NULL,
  version bigint NOT NULL CHECK (version >= 1),
  updated_at_ms bigint NOT NULL
);

CREATE INDEX employers_by_organisation ON employers (organisation_id, id);
)sql";

constexpr std::string_view k_postgresql_2 = R"sql(
CREATE TABLE users (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  login text COLLATE "C" NOT NULL
    CHECK (login = lower(login) AND length(login) BETWEEN 3 AND 64),
  display_name text NOT NULL,
  role text NOT NULL
    CHECK (role IN ('admin', 'recruiter', 'hiring_manager', 'works_council', 'viewer')),
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL,
  disabled boolean NOT NULL,
  version bigint NOT NULL CHECK (version >= 1),
  created_at_ms bigint NOT NULL,
  updated_at_ms bigint NOT NULL,
  UNIQUE (organisation_id, login)
);

CREATE TABLE sessions (
  token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
  id uuid NOT NULL UNIQUE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  user_id uuid NOT NULL REFERENCES users (id),
  created_at_ms bigint NOT NULL,
  last_seen_at_ms bigint NOT NULL,
  expires_at_ms bigint NOT NULL
);

CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  user_id uuid NOT NULL REFERENCES users (id),
  token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
  name text NOT NULL,
  hint text NOT NULL,
  created_at_ms bigint NOT NULL,
  last_used_at_ms bigint,
  revoked_at_ms bigint
);

CREATE INDEX api_tokens_by_user ON api_tokens (organisation_id, user_id);

CREATE TABLE sign_in_failures (
  key_hash bytea NOT NULL CHECK (length(key_hash) = 32),
  at_ms bigint NOT NULL
);

CREATE INDEX sign_in_failures_by_key ON sign_in_failures (key_hash, at_ms);
CREATE INDEX sign_in_failures_by_time ON sign_in_failures (at_ms);

CREATE TABLE audit_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  at_ms bigint NOT NULL,
  actor_user_id uuid,
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'cli', 'system')),
  action text NOT NULL,
  target_kind text NOT NULL,
  target_id uuid,
  fields text NOT NULL,
  request_id text NOT NULL
);

CREATE INDEX audit_log_by_time ON audit_log (organisation_id, at_ms);
CREATE INDEX audit_log_by_actor ON audit_log (organisation_id, actor_user_id, seq);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END
$$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
)sql";

// Values every node shares, written once by the first node that needs them (the server secret
// when the configuration names none), and the jobs table: background work that whichever node
// is free claims (store::Repository::claim_job). A job with a dedupe_key exists once per kind and
// key, however many nodes queue it.
constexpr std::string_view k_sqlite_3 = R"sql(
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE jobs (
  id BLOB PRIMARY KEY CHECK (length(id) = 16),
  organisation_id BLOB NOT NULL REFERENCES organisations (id),
  kind TEXT NOT NULL,
  dedupe_key TEXT,
  payload TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts INTEGER NOT NULL CHECK (attempts >= 0),
  max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
  run_after_ms INTEGER NOT NULL,
  claimed_by TEXT,
  lease_until_ms INTEGER,
  result TEXT,
  error TEXT,
  created_at_ms INTEGER NOT NULL,
  finished_at_ms INTEGER,
  UNIQUE (organisation_id, kind, dedupe_key)
) STRICT;

CREATE INDEX jobs_due ON jobs (state, run_after_ms);
)sql";

constexpr std::string_view k_postgresql_3 = R"sql(
CREATE TABLE settings (
  key text PRIMARY KEY,
  value text NOT NULL,
  created_at_ms bigint NOT NULL
);

CREATE TABLE jobs (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  kind text NOT NULL,
  dedupe_key text,
  payload text NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts integer NOT NULL CHECK (attempts >= 0),
  max_attempts integer NOT NULL CHECK (max_attempts >= 1),
  run_after_ms bigint NOT NULL,
  claimed_by text,
  lease_until_ms bigint,
  result text,
  error text,
  created_at_ms bigint NOT NULL,
  finished_at_ms bigint,
  UNIQUE (organisation_id, kind, dedupe_key)
);

CREATE INDEX jobs_due ON jobs (state, run_after_ms);
)sql";

// Staffing plans: each save is a new row, a version of its series (the first version's id).
// 'inputs' is the request that made it (JSON), 'result' the plan as `ccteam plan --format json`
// writes it, 'summary' its levels only (for lists). Rows are never changed.
constexpr std::string_view k_sqlite_4 = R"sql(
CREATE TABLE plans (
  id BLOB PRIMARY KEY CHECK (length(id) = 16),
  organisation_id BLOB NOT NULL REFERENCES organisations (id),
  series_id BLOB NOT NULL CHECK (length(series_id) = 16),
  version INTEGER NOT NULL CHECK (version >= 1),
  name TEXT NOT NULL,
  author_user_id BLOB REFERENCES users (id),
  inputs TEXT NOT NULL,
  result TEXT NOT NULL,
  summary TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  UNIQUE (organisation_id, series_id, version)
) STRICT;

CREATE INDEX plans_by_organisation ON plans (organisation_id, id);
)sql";

constexpr std::string_view k_postgresql_4 = R"sql(
CREATE TABLE plans (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  series_id uuid NOT NULL,
  version bigint NOT NULL CHECK (version >= 1),
  name text NOT NULL,
  author_user_id uuid REFERENCES users (id),
  inputs text NOT NULL,
  result text NOT NULL,
  summary text NOT NULL,
  created_at_ms bigint NOT NULL,
  UNIQUE (organisation_id, series_id, version)
);

CREATE INDEX plans_by_organisation ON plans (organisation_id, id);
)sql";

// The organisation's own pay bands: one catalog file holding only `pay_bands`
// (docs/catalog-format.md), read together with the stored catalog. Saved whole, with the
// version the editor saw (optimistic locking).
constexpr std::string_view k_sqlite_5 = R"sql(
CREATE TABLE pay_bands (
  id BLOB PRIMARY KEY CHECK (length(id) = 16),
  organisation_id BLOB NOT NULL REFERENCES organisations (id),
  source_name TEXT NOT NULL,
  yaml TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  updated_at_ms INTEGER NOT NULL,
  UNIQUE (organisation_id)
) STRICT;
)sql";

constexpr std::string_view k_postgresql_5 = R"sql(
CREATE TABLE pay_bands (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  source_name text NOT NULL,
  yaml text NOT NULL,
  version bigint NOT NULL CHECK (version >= 1),
  updated_at_ms bigint NOT NULL,
  UNIQUE (organisation_id)
);
)sql";

// Simulations as background jobs: who queued a job (one simulation per user at a time), its
// progress (units done of total, reported by the node running it, which extends its lease) and
// whether someone asked it to stop. A job stopped on request ends "failed" with
// cancel_requested set (the API calls that "cancelled").
constexpr std::string_view k_sqlite_6 = R"sql(
ALTER TABLE jobs ADD COLUMN created_by BLOB CHECK (created_by IS NULL OR length(created_by) = 16);
ALTER TABLE jobs ADD COLUMN progress_done INTEGER NOT NULL DEFAULT 0 CHECK (progress_done >= 0);
ALTER TABLE jobs ADD COLUMN progress_total INTEGER NOT NULL DEFAULT 0 CHECK (progress_total >= 0);
ALTER TABLE jobs ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0
  CHECK (cancel_requested IN (0, 1));
CREATE INDEX jobs_active ON jobs (organisation_id, kind, state);
)sql";

constexpr std::string_view k_postgresql_6 = R"sql(
ALTER TABLE jobs
  ADD COLUMN created_by uuid,
  ADD COLUMN progress_done bigint NOT NULL DEFAULT 0 CHECK (progress_done >= 0),
  ADD COLUMN progress_total bigint NOT NULL DEFAULT 0 CHECK (progress_total >= 0),
  ADD COLUMN cancel_requested boolean NOT NULL DEFAULT false;
CREATE INDEX jobs_active ON jobs (organisation_id, kind, state);
)sql";

// Openings and the comments on them. An opening names a role of the catalog (by id: the
// catalog is a document) and a place of work of its employer profile (by index); its posting
// texts are JSON per language and section. The careers index reads open openings by their
// valid-through date.
constexpr std::string_view k_sqlite_7 = R"sql(
CREATE TABLE openings (
  id BLOB PRIMARY KEY CHECK (length(id) = 16),
  organisation_id BLOB NOT NULL REFERENCES organisations (id),
  employer_id BLOB NOT NULL REFERENCES employers (id),
  role TEXT NOT NULL,
  place INTEGER NOT NULL CHECK (place >= 0),
  headcount INTEGER NOT NULL CHECK (headcount >= 1),
  hiring_manager_id BLOB REFERENCES users (id),
  employment_type TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
  valid_through TEXT NOT NULL,
  languages TEXT NOT NULL,
  reference TEXT NOT NULL,
  sections TEXT NOT NULL,
  published_at_ms INTEGER,
  created_by BLOB CHECK (created_by IS NULL OR length(created_by) = 16),
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX openings_by_organisation ON openings (organisation_id, id);
CREATE INDEX openings_by_status ON openings (organisation_id, status, valid_through);

CREATE TABLE opening_comments (
  id BLOB PRIMARY KEY CHECK (length(id) = 16),
  organisation_id BLOB NOT NULL REFERENCES organisations (id),
  opening_id BLOB NOT NULL REFERENCES openings (id),
  author_user_id BLOB REFERENCES users (id),
  text TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX opening_comments_by_opening ON opening_comments (opening_id, id);
)sql";

constexpr std::string_view k_postgresql_7 = R"sql(
CREATE TABLE openings (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  employer_id uuid NOT NULL REFERENCES employers (id),
  role text NOT NULL,
  place bigint NOT NULL CHECK (place >= 0),
  headcount bigint NOT NULL CHECK (headcount >= 1),
  hiring_manager_id uuid REFERENCES users (id),
  employment_type text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
  valid_through text NOT NULL,
  languages text NOT NULL,
  reference text NOT NULL,
  sections text NOT NULL,
  published_at_ms bigint,
  created_by uuid,
  version bigint NOT NULL CHECK (version >= 1),
  created_at_ms bigint NOT NULL,
  updated_at_ms bigint NOT NULL
);

CREATE INDEX openings_by_organisation ON openings (organisation_id, id);
CREATE INDEX openings_by_status ON openings (organisation_id, status, valid_through);

CREATE TABLE opening_comments (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  opening_id uuid NOT NULL REFERENCES openings (id),
  author_user_id uuid REFERENCES users (id),
  text text NOT NULL,
  created_at_ms bigint NOT NULL
);

CREATE INDEX opening_comments_by_opening ON opening_comments (opening_id, id);
)sql";

// Applications to openings, the questions an opening's form asks, and the submissions counted
// per client address for the burst limit. An application's personal values live in its row
// only, so that erasing the row erases them (the audit log names fields, never values); its
// screening job's payload holds only its id. The recruiter's list reads one opening's
// applications in review order (of one verdict, when filtered); retention reads withdrawn ones by
// the time of withdrawal.
constexpr std::string_view k_sqlite_8 = R"sql(
ALTER TABLE openings ADD COLUMN questions TEXT NOT NULL DEFAULT '[]';

CREATE TABLE applications (
  id BLOB PRIMARY KEY CHECK (length(id) = 16),
  organisation_id BLOB NOT NULL REFERENCES organisations (id),
  opening_id BLOB NOT NULL REFERENCES openings (id),
  idempotency_key TEXT NOT NULL,
  access_token_hash BLOB NOT NULL UNIQUE CHECK (length(access_token_hash) = 32),
  status TEXT NOT NULL CHECK (status IN ('received', 'withdrawn')),
  source TEXT NOT NULL,
  channel TEXT NOT NULL,
  lang TEXT NOT NULL,
  jurisdiction TEXT NOT NULL,
  personal TEXT NOT NULL,
  profile TEXT NOT NULL,
  answers TEXT NOT NULL,
  privacy_version TEXT NOT NULL,
  talent_pool_until TEXT,
  verdict TEXT,
  review_rank INTEGER NOT NULL,
  knockouts_missed INTEGER NOT NULL CHECK (knockouts_missed >= 0),
  preferred_met INTEGER NOT NULL CHECK (preferred_met >= 0),
  screening TEXT NOT NULL,
  screening_catalog_version INTEGER NOT NULL,
  screened_at_ms INTEGER,
  unblinded_at_ms INTEGER,
  withdrawn_at_ms INTEGER,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL,
  UNIQUE (organisation_id, idempotency_key)
) STRICT;

CREATE INDEX applications_for_review ON applications (organisation_id, opening_id, review_rank, id);
CREATE INDEX applications_by_verdict
  ON applications (organisation_id, opening_id, verdict, review_rank, id);
CREATE INDEX applications_withdrawn ON applications (status, withdrawn_at_ms);

CREATE TABLE application_submissions (
  key_hash BLOB NOT NULL CHECK (length(key_hash) = 32),
  at_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX application_submissions_by_key ON application_submissions (key_hash, at_ms);
CREATE INDEX application_submissions_by_time ON application_submissions (at_ms);
)sql";

constexpr std::string_view k_postgresql_8 = R"sql(
ALTER TABLE openings ADD COLUMN questions text NOT NULL DEFAULT '[]';

CREATE TABLE applications (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  opening_id uuid NOT NULL REFERENCES openings (id),
  idempotency_key text NOT NULL,
  access_token_hash bytea NOT NULL UNIQUE CHECK (length(access_token_hash) = 32),
  status text NOT NULL CHECK (status IN ('received', 'withdrawn')),
  source text NOT NULL,
  channel text NOT NULL,
  lang text NOT NULL,
  jurisdiction text NOT NULL,
  personal text NOT NULL,
  profile text NOT NULL,
  answers text NOT NULL,
  privacy_version text NOT NULL,
  talent_pool_until text,
  verdict text,
  review_rank bigint NOT NULL,
  knockouts_missed bigint NOT NULL CHECK (knockouts_missed >= 0),
  preferred_met bigint NOT NULL CHECK (preferred_met >= 0),
  screening text NOT NULL,
  screening_catalog_version bigint NOT NULL,
  screened_at_ms bigint,
  unblinded_at_ms bigint,
  withdrawn_at_ms bigint,
  version bigint NOT NULL CHECK (version >= 1),
  created_at_ms bigint NOT NULL,
  updated_at_ms bigint NOT NULL,
  UNIQUE (organisation_id, idempotency_key)
);

CREATE INDEX applications_for_review ON applications (organisation_id, opening_id, review_rank, id);
CREATE INDEX applications_by_verdict
  ON applications (organisation_id, opening_id, verdict, review_rank, id);
CREATE INDEX applications_withdrawn ON applications (status, withdrawn_at_ms);

CREATE TABLE application_submissions (
  key_hash bytea NOT NULL CHECK (length(key_hash) = 32),
  at_ms bigint NOT NULL
);

CREATE INDEX application_submissions_by_key ON application_submissions (key_hash, at_ms);
CREATE INDEX application_submissions_by_time ON application_submissions (at_ms);
)sql";

// The keys that find possible duplicate applications (io/workspace/contact_keys.hpp): the
// e-mail address trimmed with its ASCII letters in lower case, and the phone number in E.164
// (NULL: none). The e-mail keys of the applications stored before are computed here the same
// way (the form stored the address trimmed and without blanks inside); their phone keys stay
// NULL, because E.164 needs libphonenumber. Each index serves the look-up of one key within an
// organisation.
constexpr std::string_view k_sqlite_9 = R"sql(
ALTER TABLE applications ADD COLUMN email_key TEXT;
ALTER TABLE applications ADD COLUMN phone_key TEXT;

UPDATE applications
  SET email_key = nullif(lower(trim(json_extract(personal, '$.email'))), '')
  WHERE json_valid(personal) AND json_type(personal, '$.email') = 'text';

CREATE INDEX applications_by_email_key ON applications (organisation_id, email_key);
CREATE INDEX applications_by_phone_key ON applications (organisation_id, phone_key);
)sql";

constexpr std::string_view k_postgresql_9 = R"sql(
ALTER TABLE applications ADD COLUMN email_key text;
ALTER TABLE applications ADD COLUMN phone_key text;

UPDATE applications
  SET email_key = nullif(translate(trim(personal::jsonb ->> 'email'),
                                   'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '')
  WHERE jsonb_typeof(personal::jsonb -> 'email') = 'string';

CREATE INDEX applications_by_email_key ON applications (organisation_id, email_key);
CREATE INDEX applications_by_phone_key ON applications (organisation_id, phone_key);
)sql";

// The outbox: e-mails to applicants (app/workspace/outbox.hpp), each written in the transaction
// that makes its reason (the acknowledgement with the application) and sent by a background
// job. 'state': "queued" (a job sends it), "sent", "failed" (no attempts left) or "unsent" (no
// mail server configured when it was written). 'last_error' never holds personal data. A
// message goes with its application (ON DELETE CASCADE; erase_application deletes them
// explicitly too).
constexpr std::string_view k_sqlite_10 = R"sql(
CREATE TABLE outbox_messages (
  id BLOB PRIMARY KEY CHECK (length(id) = 16),
  organisation_id BLOB NOT NULL REFERENCES organisations (id),
  application_id BLOB REFERENCES applications (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  lang TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed', 'unsent')),
  attempts INTEGER NOT NULL CHECK (attempts >= 0),
  last_error TEXT,
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL,
  sent_at_ms INTEGER
) STRICT;

CREATE INDEX outbox_messages_by_application ON outbox_messages (application_id);
CREATE INDEX outbox_messages_by_state ON outbox_messages (organisation_id, state);
)sql";

constexpr std::string_view k_postgresql_10 = R"sql(
CREATE TABLE outbox_messages (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  application_id uuid REFERENCES applications (id) ON DELETE CASCADE,
  kind text NOT NULL,
  lang text NOT NULL,
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'sent', 'failed', 'unsent')),
  attempts integer NOT NULL CHECK (attempts >= 0),
  last_error text,
  created_at_ms bigint NOT NULL,
  updated_at_ms bigint NOT NULL,
  sent_at_ms bigint
);

CREATE INDEX outbox_messages_by_application ON outbox_messages (application_id);
CREATE INDEX outbox_messages_by_state ON outbox_messages (organisation_id, state);
)sql";

// 11: documents attached to applications (a CV, certificates). A row names its content by the
// SHA-256 of the bytes; the content lives in the deployment's document store
// (store/document_store.hpp): a directory beside a SQLite file, the table document_contents on
// PostgreSQL (the table exists in both dialects, and stays empty where a directory holds the
// contents). A document goes with its application (ON DELETE CASCADE; erase_application
// deletes them explicitly too).
constexpr std::string_view k_sqlite_11 = R"sql(
CREATE TABLE application_documents (
  id BLOB PRIMARY KEY CHECK (length(id) = 16),
  organisation_id BLOB NOT NULL REFERENCES organisations (id),
  application_id BLOB NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  content_type TEXT NOT NULL,
  file_name TEXT NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
  added_by TEXT NOT NULL CHECK (added_by IN ('applicant', 'recruiter')),
  created_at_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX application_documents_by_application ON application_documents (application_id);
CREATE INDEX application_documents_by_content ON application_documents (sha256);

CREATE TABLE document_contents (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  content BLOB NOT NULL,
  stored_at_ms INTEGER NOT NULL
) STRICT;
)sql";

constexpr std::string_view k_postgresql_11 = R"sql(
CREATE TABLE application_documents (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  sha256 text NOT NULL CHECK (length(sha256) = 64),
  content_type text NOT NULL,
  file_name text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  added_by text NOT NULL CHECK (added_by IN ('applicant', 'recruiter')),
  created_at_ms bigint NOT NULL
);

CREATE INDEX application_documents_by_application ON application_documents (application_id);
CREATE INDEX application_documents_by_content ON application_documents (sha256);

CREATE TABLE document_contents (
  sha256 text PRIMARY KEY CHECK (length(sha256) = 64),
  content bytea NOT NULL,
  stored_at_ms bigint NOT NULL
);
)sql";

// 12: the text read from each document (io/workspace/extract_process.hpp), the evidence of
// skills and languages the screening cites: 'text_status' none (a document of an older
// version, never read), pending (queued), done, unreadable or limit (the reader needed more
// than its limits), with the text when done and the reason otherwise.
constexpr std::string_view k_sqlite_12 = R"sql(
ALTER TABLE application_documents ADD COLUMN text_status TEXT NOT NULL DEFAULT 'none'
  CHECK (text_status IN ('none', 'pending', 'done', 'unreadable', 'limit'));
ALTER TABLE application_documents ADD COLUMN text TEXT;
ALTER TABLE application_documents ADD COLUMN text_reason TEXT;
)sql";

constexpr std::string_view k_postgresql_12 = R"sql(
ALTER TABLE application_documents ADD COLUMN text_status text NOT NULL DEFAULT 'none'
  CHECK (text_status IN ('none', 'pending', 'done', 'unreadable', 'limit'));
ALTER TABLE application_documents ADD COLUMN text text;
ALTER TABLE application_documents ADD COLUMN text_reason text;
)sql";

// 13: applicants a recruiter adds by import (app/workspace/application_import.hpp): the legal
// basis recorded with them (GDPR art. 6(1): legitimate_interest, pre_contract or consent; ''
// for an application from the form, which rests on the applicant's own request).
constexpr std::string_view k_sqlite_13 = R"sql(
ALTER TABLE applications ADD COLUMN legal_basis TEXT NOT NULL DEFAULT ''
  CHECK (legal_basis IN ('', 'legitimate_interest', 'pre_contract', 'consent'));
)sql";

constexpr std::string_view k_postgresql_13 = R"sql(
ALTER TABLE applications ADD COLUMN legal_basis text NOT NULL DEFAULT ''
  CHECK (legal_basis IN ('', 'legitimate_interest', 'pre_contract', 'consent'));
)sql";

constexpr std::array k_migrations = {
    Migration{1, k_sqlite_1, k_postgresql_1},    Migration{2, k_sqlite_2, k_postgresql_2},
    Migration{3, k_sqlite_3, k_postgresql_3},    Migration{4, k_sqlite_4, k_postgresql_4},
    Migration{5, k_sqlite_5, k_postgresql_5},    Migration{6, k_sqlite_6, k_postgresql_6},
    Migration{7, k_sqlite_7, k_postgresql_7},    Migration{8, k_sqlite_8, k_postgresql_8},
    Migration{9, k_sqlite_9, k_postgresql_9},    Migration{10, k_sqlite_10, k_postgresql_10},
    Migration{11, k_sqlite_11, k_postgresql_11}, Migration{12, k_sqlite_12, k_postgresql_12},
    Migration{13, k_sqlite_13, k_postgresql_13},
};

}  // namespace

std::span<const Migration> migrations() { return k_migrations; }

int known_schema_version() { return k_migrations.back().version; }

}  // namespace ccteam::store
