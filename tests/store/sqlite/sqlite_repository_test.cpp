// What is SQLite's own in the store: the file, its pragmas, the rows of a fresh migration, and
// two repositories on one file. (What both backends do is in repository_contract_test.cpp.)
#include "store/sqlite/sqlite_repository.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "store/sqlite/database.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/temp_dir.hpp"

namespace ccteam::store {
namespace {

using sqlite::Connection;
using sqlite::OpenMode;

constexpr std::chrono::milliseconds k_timeout{5000};

std::unique_ptr<SqliteRepository> open_or_fail(const std::string& path,
                                               const SqliteOptions& options = {}) {
  auto repository = SqliteRepository::open(path, options);
  EXPECT_TRUE(repository.has_value()) << (repository ? "" : render(repository.error(), Lang::en));
  return repository ? std::move(*repository) : nullptr;
}

std::int64_t count_rows(Connection& connection, const std::string& sql) {
  auto statement = connection.prepare(sql);
  EXPECT_TRUE(statement.has_value());
  if (!statement) return -1;
  auto row = statement->step();
  EXPECT_TRUE(row.has_value() && *row);
  return statement->column_int64(0);
}

TEST(SqliteRepository, MigratesAFreshFile) {
  test::TempDir dir;
  std::string path = dir.file("ws.db");
  auto repository = open_or_fail(path, SqliteOptions{.clock = [] { return UnixMillis{1234}; }});
  ASSERT_TRUE(repository);
  auto health = repository->health();
  ASSERT_TRUE(health.has_value());
  EXPECT_EQ(health->schema_version, sqlite::known_schema_version());
  EXPECT_EQ(health->binary_schema_version, sqlite::known_schema_version());

  auto connection = Connection::open(path, OpenMode::read_write, k_timeout);
  ASSERT_TRUE(connection.has_value());
  EXPECT_EQ(count_rows(*connection, "SELECT count(*) FROM schema_migrations"),
            static_cast<std::int64_t>(sqlite::migrations().size()));
  EXPECT_EQ(count_rows(*connection, "SELECT min(applied_at_ms) FROM schema_migrations"), 1234);
  // The default organisation, with its fixed id.
  auto organisation = repository->default_organisation();
  ASSERT_TRUE(organisation.has_value());
  EXPECT_EQ(organisation->to_string(), k_default_organisation_id);
  EXPECT_EQ(count_rows(*connection,
                       "SELECT count(*) FROM organisations WHERE id = "
                       "X'00000000000070008000000000000001' AND created_at_ms = 1234"),
            1);
  EXPECT_EQ(count_rows(*connection,
                       "SELECT count(*) FROM sqlite_schema WHERE name IN "
                       "('catalogs', 'employers', 'employers_by_organisation')"),
            3);
}

TEST(SqliteRepository, ReopeningChangesNothing) {
  test::TempDir dir;
  std::string path = dir.file("ws.db");
  {
    auto first = open_or_fail(path);
    ASSERT_TRUE(first);
    auto organisation = *first->default_organisation();
    ASSERT_TRUE(first->add_employer(organisation, "Kept GmbH", "name: Kept GmbH\n", Actor::system())
                    .has_value());
  }
  for (int i = 0; i < 2; ++i) {
    auto again = open_or_fail(path);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->health()->schema_version, sqlite::known_schema_version());
    auto organisation = *again->default_organisation();
    auto employers = again->employers(organisation, std::nullopt, 10);
    ASSERT_TRUE(employers.has_value());
    ASSERT_EQ(employers->size(), 1u);
    EXPECT_EQ(employers->front().name, "Kept GmbH");
  }
  auto connection = Connection::open(path, OpenMode::read_write, k_timeout);
  ASSERT_TRUE(connection.has_value());
  EXPECT_EQ(count_rows(*connection, "SELECT count(*) FROM schema_migrations"),
            static_cast<std::int64_t>(sqlite::migrations().size()));
  EXPECT_EQ(count_rows(*connection, "SELECT count(*) FROM organisations"), 1);
}

TEST(SqliteRepository, FolderThatDoesNotExistIsAnIoErrorWithAHint) {
  test::TempDir dir;
  auto refused = open_sqlite_repository(dir.file("no-such-folder/ws.db"));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, ErrorKind::io);
  EXPECT_EQ(refused.error().message.id, MsgId::store_open_failed);
  ASSERT_TRUE(refused.error().hint.has_value());
  EXPECT_EQ(refused.error().hint->id, MsgId::hint_store_open);
}

TEST(SqliteRepository, AFileThatIsNotADatabaseIsAnIoError) {
  test::TempDir dir;
  std::string path = dir.file("text.db");
  {
    std::FILE* file = std::fopen(path.c_str(), "w");
    ASSERT_NE(file, nullptr);
    std::fputs("this is not a database, just some text that is long enough to be a header\n", file);
    std::fclose(file);
  }
  auto refused = open_sqlite_repository(path);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, ErrorKind::io);
}

TEST(SqliteRepository, EveryConnectionHasThePragmas) {
  test::TempDir dir;
  auto repository =
      open_or_fail(dir.file("ws.db"), SqliteOptions{.readers = 3, .busy_timeout = k_timeout});
  ASSERT_TRUE(repository);
  auto check = [](const sqlite::ConnectionPragmas& pragmas) {
    EXPECT_EQ(pragmas.journal_mode, "wal");
    EXPECT_EQ(pragmas.foreign_keys, 1);
    EXPECT_EQ(pragmas.synchronous, 2);  // FULL
    EXPECT_EQ(pragmas.busy_timeout_ms, 5000);
  };
  auto writer = repository->writer_pragmas();
  ASSERT_TRUE(writer.has_value());
  check(*writer);
  auto readers = repository->reader_pragmas();
  ASSERT_TRUE(readers.has_value());
  ASSERT_EQ(readers->size(), 3u);
  for (const auto& reader : *readers) check(reader);
}

TEST(SqliteRepository, TwoRepositoriesOnOneFileShareIt) {
  test::TempDir dir;
  std::string path = dir.file("ws.db");
  auto one = open_or_fail(path);
  auto two = open_or_fail(path);
  ASSERT_TRUE(one && two);
  auto organisation = *one->default_organisation();
  ASSERT_TRUE(
      one->add_employer(organisation, "From one", "name: From one\n", Actor::system()).has_value());
  ASSERT_TRUE(
      two->add_employer(organisation, "From two", "name: From two\n", Actor::system()).has_value());
  EXPECT_EQ(one->employers(organisation, std::nullopt, 10)->size(), 2u);
  EXPECT_EQ(two->employers(organisation, std::nullopt, 10)->size(), 2u);
}

}  // namespace
}  // namespace ccteam::store
