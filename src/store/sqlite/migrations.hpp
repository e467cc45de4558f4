#pragma once
// The schema of the SQLite store as numbered migrations, applied in order when a repository
// opens, each recorded in schema_migrations(version, applied_at_ms).
//
// Ids are stored as 16-byte BLOBs (the UUID's bytes in network order), not as 36-character
// text: less than half the size in every row and index, and because a UUIDv7 starts with its
// timestamp, the byte order SQLite compares BLOBs by is the order of creation, which keyset
// pages rely on. PostgreSQL's uuid type is the same 16 bytes with the same order, so the
// repository code binds ids the same way for both; only the column type in the DDL differs.
// The DDL is otherwise kept to what PostgreSQL also accepts, except STRICT (SQLite's typed
// tables) and the X'..' literal of the default organisation.
//
// The default organisation has the fixed id 00000000-0000-7000-8000-000000000001 (a UUIDv7 of
// the instant 0, so it sorts before every organisation made later), named "Default
// organisation", created by migration 1 with created_at_ms = the migration's applied_at_ms.

#include <span>
#include <string_view>

#include "ccteam/core/error.hpp"
#include "store/repository.hpp"
#include "store/sqlite/database.hpp"

namespace ccteam::store::sqlite {

struct Migration {
  int version = 0;
  std::string_view sql;  // one or more statements
};

// Every migration this binary knows, by ascending version (1, 2, ...).
std::span<const Migration> migrations();
// The version of the last migration in migrations().
int known_schema_version();

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
