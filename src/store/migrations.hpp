#pragma once
// The workspace's schema as numbered migrations, each with one text per dialect (SQLite,
// PostgreSQL), applied in order by store/sqlite/migrations and store/postgres/migrations and
// recorded in schema_migrations(version, applied_at_ms). A number is given once and never
// reused or changed after release; a new change is a new migration.
//
// Ids are UUIDs held as their 16 bytes in network order: a BLOB in SQLite, uuid in PostgreSQL.
// Both compare them bytewise, and because a UUIDv7 starts with its timestamp that is the order
// of creation, which keyset pages rely on. Token hashes are 32 bytes (BLOB, bytea); yes/no
// columns INTEGER 0/1 in SQLite, boolean in PostgreSQL; counts and Unix milliseconds 64-bit
// integers. Both dialects have the same tables, columns, keys and indexes
// (tests/store/schema_test.cpp compares them).
//
// The default organisation has the fixed id 00000000-0000-7000-8000-000000000001 (a UUIDv7 of
// the instant 0, so it sorts before every organisation made later), named "Default
// organisation", created by migration 1 with created_at_ms = the migration's applied_at_ms
// (the migration's own row is written before its SQL runs).

#include <span>
#include <string_view>

namespace ccteam::store {

// The default organisation that migration 1 creates.
inline constexpr std::string_view k_default_organisation_id =
    "00000000-0000-7000-8000-000000000001";

struct Migration {
  int version = 0;
  std::string_view sqlite;      // one or more statements
  std::string_view postgresql;  // one or more statements
};

// Every migration this binary knows, by ascending version (1, 2, ...).
std::span<const Migration> migrations();
// The version of the last migration in migrations().
int known_schema_version();

}  // namespace ccteam::store
