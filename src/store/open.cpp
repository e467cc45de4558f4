#include "store/open.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <utility>

#include "store/postgres/database.hpp"
#include "store/postgres/migrations.hpp"
#include "store/postgres/postgres_repository.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/sqlite_repository.hpp"

namespace ccteam::store {

bool is_postgres(const std::string& db) { return postgres::is_postgres_url(db); }

std::string database_display_name(const std::string& db) {
  if (is_postgres(db)) return postgres::display_name(db);
  // Another scheme's URL ("mysql://user:password@host/db") is not ours, but never shown whole.
  return db.find("://") != std::string::npos ? postgres::redact_secrets(db, db) : db;
}

Result<std::unique_ptr<Repository>> open_repository(const std::string& db) {
  if (is_postgres(db)) {
    CCTEAM_TRY(std::unique_ptr<PostgresRepository> repository, PostgresRepository::open(db));
    return std::unique_ptr<Repository>(std::move(repository));
  }
  if (db.find("://") != std::string::npos) {
    // Not a file path, and not PostgreSQL: refused before SQLite would make a file of that name.
    return tl::unexpected(Error::io(
        msg(MsgId::store_open_failed, database_display_name(db), db.substr(0, db.find("://") + 3)),
        {}, msg(MsgId::hint_store_postgres_open)));
  }
  return open_sqlite_repository(db);
}

Result<MigrationReport> migrate_database(const std::string& db) {
  MigrationReport report;
  report.database = database_display_name(db);
  if (is_postgres(db)) {
    CCTEAM_TRY(postgres::Connection connection,
               postgres::Connection::open(db, std::chrono::seconds{5}));
    CCTEAM_TRY(report.before, postgres::schema_version(connection));
  } else if (std::filesystem::exists(db)) {
    CCTEAM_TRY(sqlite::Connection connection,
               sqlite::Connection::open(db, sqlite::OpenMode::read_write,
                                        std::chrono::milliseconds{5000}));
    CCTEAM_TRY(report.before, sqlite::schema_version(connection));
  }
  CCTEAM_TRY(std::unique_ptr<Repository> repository, open_repository(db));
  CCTEAM_TRY(StoreHealth health, repository->health());
  report.after = health.schema_version;
  return report;
}

NodeLock::NodeLock(NodeLock&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

NodeLock& NodeLock::operator=(NodeLock&& other) noexcept {
  if (this != &other) {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = std::exchange(other.m_fd, -1);
  }
  return *this;
}

NodeLock::~NodeLock() {
  if (m_fd >= 0) ::close(m_fd);  // closing releases the lock
}

Result<NodeLock> claim_node(const std::string& db) {
  // PostgreSQL takes any number of nodes; another scheme's URL is refused by open_repository.
  if (db.find("://") != std::string::npos) return NodeLock();
  std::string path = db + "-serve.lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    return tl::unexpected(Error::io(msg(MsgId::store_open_failed, path, std::strerror(errno)), {},
                                    msg(MsgId::hint_store_open)));
  }
  NodeLock lock(fd);
  // flock, not fcntl: SQLite's own locks on the database are fcntl locks, which closing any
  // descriptor of that file would drop; this lock is on a file of its own.
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    return tl::unexpected(
        Error::io(msg(MsgId::store_sqlite_in_use, db), {}, msg(MsgId::hint_store_sqlite_in_use)));
  }
  return lock;
}

}  // namespace ccteam::store
