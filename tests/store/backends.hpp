#pragma once
// The store's two backends for one test: a SQLite file in a fresh folder, or a schema of its
// own on the PostgreSQL server named by $CCTEAM_TEST_POSTGRES (a libpq URL; scripts/test starts
// a throwaway cluster and sets it). Without that variable the PostgreSQL cases are skipped, and
// say so.

#include <cstdlib>
#include <functional>
#include <memory>
#include <string>

#include "store/postgres/database.hpp"
#include "store/postgres/postgres_repository.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/sqlite_repository.hpp"
#include "store/temp_dir.hpp"
#include "store/uuid.hpp"

namespace ccteam::test {

inline std::string postgres_base_url() {
  const char* url = std::getenv("CCTEAM_TEST_POSTGRES");
  return url != nullptr ? url : "";
}

// 'url' with the session option search_path=<schema> (libpq's options parameter, URL-encoded).
inline std::string with_search_path(const std::string& url, const std::string& schema) {
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         schema;
}

class TestDatabase {
 public:
  // backend: "sqlite" or "postgresql".
  explicit TestDatabase(std::string backend) : m_backend(std::move(backend)) {
    if (m_backend == "sqlite") {
      m_db = m_dir.file("ws.db");
      return;
    }
    std::string base = postgres_base_url();
    if (base.empty()) return;
    auto admin = store::postgres::Connection::open(base, std::chrono::seconds{5});
    if (!admin) {
      m_problem = render(admin.error(), Lang::en);
      return;
    }
    std::string id = store::new_uuid_v7(0).to_string();
    std::erase(id, '-');
    m_schema = "t_" + id;
    if (auto created = admin->execute("CREATE SCHEMA " + m_schema); !created) {
      m_problem = render(created.error(), Lang::en);
      m_schema.clear();
      return;
    }
    m_db = with_search_path(base, m_schema);
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;
  ~TestDatabase() {
    if (m_schema.empty()) return;
    auto admin = store::postgres::Connection::open(postgres_base_url(), std::chrono::seconds{5});
    if (admin) (void)admin->execute("DROP SCHEMA " + m_schema + " CASCADE");
  }

  bool is_postgres() const { return m_backend == "postgresql"; }
  // Why the database is missing ("" when it is there).
  std::string missing() const {
    if (!m_db.empty()) return "";
    if (!m_problem.empty()) return "the PostgreSQL test server does not answer: " + m_problem;
    return "no PostgreSQL test server: set CCTEAM_TEST_POSTGRES (scripts/test does)";
  }
  // The path or URL, as --db takes it.
  const std::string& db() const { return m_db; }
  const TempDir& dir() const { return m_dir; }

  // A repository on the database; each call is one more "node".
  Result<std::unique_ptr<store::Repository>> open(
      std::function<store::UnixMillis()> clock = {}) const {
    if (is_postgres()) {
      CCTEAM_TRY(auto repository, store::PostgresRepository::open(m_db, {.clock = clock}));
      return std::unique_ptr<store::Repository>(std::move(repository));
    }
    CCTEAM_TRY(auto repository, store::SqliteRepository::open(m_db, {.clock = clock}));
    return std::unique_ptr<store::Repository>(std::move(repository));
  }

  // Runs 'sql' on a connection of its own (to break rules the repository keeps).
  Result<void> execute(const std::string& sql) const {
    if (is_postgres()) {
      CCTEAM_TRY(auto connection, store::postgres::Connection::open(m_db, std::chrono::seconds{5}));
      return connection.execute(sql);
    }
    CCTEAM_TRY(auto connection,
               store::sqlite::Connection::open(m_db, store::sqlite::OpenMode::read_write,
                                               std::chrono::milliseconds{5000}));
    return connection.execute(sql);
  }

 private:
  std::string m_backend;
  TempDir m_dir;
  std::string m_db;
  std::string m_schema;
  std::string m_problem;
};

}  // namespace ccteam::test
