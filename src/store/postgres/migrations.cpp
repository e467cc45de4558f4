#include "store/postgres/migrations.hpp"

namespace ccteam::store::postgres {

Result<int> schema_version(Connection& connection) {
  CCTEAM_TRY(Rows exists, connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL",
                                           std::span<const Param>{}));
  if (exists.size() == 0 || !exists.boolean(0, 0)) return 0;
  CCTEAM_TRY(Rows newest, connection.query("SELECT coalesce(max(version), 0) FROM "
                                           "schema_migrations",
                                           std::span<const Param>{}));
  return newest.size() > 0 ? static_cast<int>(newest.int64(0, 0)) : 0;
}

Result<int> migrate(Connection& connection, UnixMillis now) {
  CCTEAM_TRY(Transaction transaction, Transaction::begin(connection));
  // Another node may be migrating (wait for its lock as long as it takes), and a migration may
  // run longer than a request may.
  if (auto unlimited =
          connection.execute("SET LOCAL lock_timeout = 0; SET LOCAL statement_timeout = 0");
      !unlimited) {
    return tl::unexpected(std::move(unlimited).error());
  }
  CCTEAM_TRY(Rows locked, connection.query("SELECT pg_advisory_xact_lock($1)",
                                           {std::int64_t{k_migration_lock}}));
  (void)locked;
  if (auto created = connection.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                        " version integer PRIMARY KEY,"
                                        " applied_at_ms bigint NOT NULL)");
      !created) {
    return tl::unexpected(std::move(created).error());
  }
  CCTEAM_TRY(int version, schema_version(connection));
  if (version > known_schema_version()) {
    return tl::unexpected(Error::io(
        msg(MsgId::store_schema_newer, connection.name(), version, known_schema_version()), {},
        msg(MsgId::hint_store_schema_newer)));
  }
  for (const Migration& migration : migrations()) {
    if (migration.version <= version) continue;
    CCTEAM_TRY(Rows recorded,
               connection.query("INSERT INTO schema_migrations (version, applied_at_ms) "
                                "VALUES ($1, $2)",
                                {std::int64_t{migration.version}, std::int64_t{now}}));
    (void)recorded;
    if (auto applied = connection.execute(migration.postgresql); !applied) {
      return tl::unexpected(std::move(applied).error());
    }
    version = migration.version;
  }
  if (auto committed = transaction.commit(); !committed) {
    return tl::unexpected(std::move(committed).error());
  }
  return version;
}

}  // namespace ccteam::store::postgres
