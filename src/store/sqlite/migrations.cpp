#include "store/sqlite/migrations.hpp"

#include <array>

namespace ccteam::store::sqlite {

namespace {

constexpr std::string_view k_create_migrations_table =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " applied_at_ms INTEGER NOT NULL"
    ") STRICT";

}  // namespace

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
  for (const Migration& migration : migrations()) {
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
    if (auto applied = writer.execute(migration.sqlite); !applied) {
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
