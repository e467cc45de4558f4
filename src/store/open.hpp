#pragma once
// Opening the workspace's store by what names it: a postgresql:// (or postgres://) URL selects
// PostgresRepository, anything else is the path of a SQLite file (SqliteRepository). The
// server's --db, the configuration file's `db` and every CLI command go through here.

#include <memory>
#include <string>

#include "ccteam/core/error.hpp"
#include "store/repository.hpp"

namespace ccteam::store {

// The database 'db' names is PostgreSQL.
bool is_postgres(const std::string& db);

// 'db' for messages and logs: a URL without user and password (host:port/dbname), a path as
// it is.
std::string database_display_name(const std::string& db);

// Opens (and migrates) the store. Errors as SqliteRepository::open and
// PostgresRepository::open.
Result<std::unique_ptr<Repository>> open_repository(const std::string& db);

// `ccteam migrate`: the schema version before and after bringing 'db' to this binary's schema.
struct MigrationReport {
  std::string database;  // database_display_name
  int before = 0;
  int after = 0;
};
Result<MigrationReport> migrate_database(const std::string& db);

// Holds a SQLite database for one `ccteam serve` (an exclusive lock on the file "<db>-serve.lock"
// beside it) until destroyed; nothing for PostgreSQL, which any number of nodes share.
class NodeLock {
 public:
  NodeLock() = default;
  explicit NodeLock(int fd) : m_fd(fd) {}
  NodeLock(NodeLock&& other) noexcept;
  NodeLock& operator=(NodeLock&& other) noexcept;
  NodeLock(const NodeLock&) = delete;
  NodeLock& operator=(const NodeLock&) = delete;
  ~NodeLock();

 private:
  int m_fd = -1;
};

// Error::io (MsgId::store_sqlite_in_use, hint: one node per SQLite file, use PostgreSQL for
// more) when another server holds the SQLite file 'db'.
Result<NodeLock> claim_node(const std::string& db);

}  // namespace ccteam::store
