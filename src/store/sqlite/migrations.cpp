#include "store/sqlite/migrations.hpp"

#include <array>

namespace ccteam::store::sqlite {

namespace {

// The migration's own row in schema_migrations is written before its SQL runs, so a migration
// can use its applied_at_ms.
constexpr std::string_view k_migration_1 = R"sql(
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
constexpr std::string_view k_migration_2 = R"sql(
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

constexpr std::array k_migrations = {
    Migration{1, k_migration_1},
    Migration{2, k_migration_2},
};

constexpr std::string_view k_create_migrations_table =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " applied_at_ms INTEGER NOT NULL"
    ") STRICT";

}  // namespace

std::span<const Migration> migrations() { return k_migrations; }

int known_schema_version() { return k_migrations.back().version; }

Result<int> schema_version(Connection& connection) {
  CCTEAM_TRY(Statement exists,
             connection.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                                "name = 'schema_migrations'"));
  CCTEAM_TRY(bool has_row, exists.step());
  if (!has_row || exists.column_int64(0) == 0) return 0;
  CCTEAM_TRY(Statement newest,
             connection.prepare("SELECT coalesce(max(version), 0) FROM schema_migrations"));
  CCTEAM_TRY(bool has_max, newest.step());
  return has_max ? static_cast<int>(newest.column_int64(0)) : 0;
}

Result<int> migrate(Connection& writer, UnixMillis now) {
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  if (auto created = writer.execute(k_create_migrations_table); !created) {
    return tl::unexpected(std::move(created).error());
  }
  CCTEAM_TRY(int version, schema_version(writer));
  if (version > known_schema_version()) {
    return tl::unexpected(
        Error::io(msg(MsgId::store_schema_newer, writer.path(), version, known_schema_version()),
                  {}, msg(MsgId::hint_store_schema_newer)));
  }
  for (const Migration& migration : k_migrations) {
    if (migration.version <= version) continue;
    CCTEAM_TRY(Statement record,
               writer.prepare("INSERT INTO schema_migrations (version, applied_at_ms) "
                              "VALUES (?1, ?2)"));
    if (auto bound = record.bind_int64(1, migration.version); !bound) {
      return tl::unexpected(std::move(bound).error());
    }
    if (auto bound = record.bind_int64(2, now); !bound) {
      return tl::unexpected(std::move(bound).error());
    }
    if (auto recorded = record.run(); !recorded) return tl::unexpected(std::move(recorded).error());
    if (auto applied = writer.execute(migration.sql); !applied) {
      return tl::unexpected(std::move(applied).error());
    }
    version = migration.version;
  }
  if (auto committed = transaction.commit(); !committed) {
    return tl::unexpected(std::move(committed).error());
  }
  return version;
}

}  // namespace ccteam::store::sqlite
