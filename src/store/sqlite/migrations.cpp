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

constexpr std::array k_migrations = {
    Migration{1, k_migration_1},
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
