#pragma once
// Applies the workspace's migrations (store/migrations.hpp) to a PostgreSQL database.
//
// Several nodes may start at once: migrate() runs in one transaction that first takes a
// transaction-level advisory lock (k_migration_lock), so one node applies the migrations and the
// others wait, then find nothing left to do. PostgreSQL's DDL is transactional: a migration
// that fails leaves nothing behind.

#include <cstdint>

#include "ccteam/core/error.hpp"
#include "store/migrations.hpp"
#include "store/postgres/database.hpp"
#include "store/repository.hpp"

namespace ccteam::store::postgres {

// The advisory lock key of migrations ("ccteam" in ASCII).
inline constexpr std::int64_t k_migration_lock = 0x636374656176;

// The newest version recorded in schema_migrations (0 when the table does not exist in the
// connection's search path).
Result<int> schema_version(Connection& connection);

// Brings the database to known_schema_version() with 'now' as applied_at_ms and returns the
// schema version. Idempotent. A database with a newer version than this binary knows is left
// untouched and refused with Error::io (MsgId::store_schema_newer).
Result<int> migrate(Connection& connection, UnixMillis now);

}  // namespace ccteam::store::postgres
