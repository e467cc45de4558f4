#pragma once
// Applies the workspace's migrations (store/migrations.hpp) to a SQLite database, in one
// BEGIN IMMEDIATE transaction, recorded in schema_migrations(version, applied_at_ms).

#include <span>
#include <string_view>

#include "ccteam/core/error.hpp"
#include "store/migrations.hpp"
#include "store/repository.hpp"
#include "store/sqlite/database.hpp"

namespace ccteam::store::sqlite {

using store::known_schema_version;
using store::Migration;
using store::migrations;

// The newest version recorded in schema_migrations (0 for a database without the table).
Result<int> schema_version(Connection& connection);

// Brings the database of 'writer' to known_schema_version() in one BEGIN IMMEDIATE
// transaction (so two processes opening a new file at once apply each migration once), with
// 'now' as applied_at_ms, and returns the schema version. Idempotent. A database whose newest
// recorded version is above known_schema_version() is left untouched and refused with
// Error::io (MsgId::store_schema_newer, hint: use a newer ccteam). Error::io for a database
// error, after which nothing of the failed migration is applied.
Result<int> migrate(Connection& writer, UnixMillis now);

}  // namespace ccteam::store::sqlite
