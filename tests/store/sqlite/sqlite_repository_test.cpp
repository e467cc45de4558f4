// The SQLite store: migrations, pragmas, constraints, pages, versions and concurrent use.
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
    ASSERT_TRUE(first->add_employer(organisation, "Kept GmbH", "name: Kept GmbH\n").has_value());
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

TEST(SqliteRepository, RefusesASchemaNewerThanTheBinary) {
  test::TempDir dir;
  std::string path = dir.file("ws.db");
  ASSERT_TRUE(open_or_fail(path));
  {
    auto connection = Connection::open(path, OpenMode::read_write, k_timeout);
    ASSERT_TRUE(connection.has_value());
    ASSERT_TRUE(connection
                    ->execute("INSERT INTO schema_migrations (version, applied_at_ms) "
                              "VALUES (999, 0)")
                    .has_value());
  }
  auto refused = SqliteRepository::open(path);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, ErrorKind::io);
  EXPECT_EQ(refused.error().message.id, MsgId::store_schema_newer);
  ASSERT_TRUE(refused.error().hint.has_value());
  EXPECT_EQ(refused.error().hint->id, MsgId::hint_store_schema_newer);
  std::string text = render(refused.error(), Lang::en);
  EXPECT_NE(text.find("999"), std::string::npos) << text;
  EXPECT_NE(text.find(std::to_string(sqlite::known_schema_version())), std::string::npos) << text;
  EXPECT_NE(text.find("newer ccteam"), std::string::npos) << text;
  // Nothing was changed: the version is still there, once.
  auto connection = Connection::open(path, OpenMode::read_write, k_timeout);
  ASSERT_TRUE(connection.has_value());
  EXPECT_EQ(count_rows(*connection, "SELECT max(version) FROM schema_migrations"), 999);
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

TEST(SqliteRepository, ForeignKeysAreEnforced) {
  test::TempDir dir;
  auto repository = open_or_fail(dir.file("ws.db"));
  ASSERT_TRUE(repository);
  Uuid stranger = new_uuid_v7(1'700'000'000'000);
  auto employer = repository->add_employer(stranger, "Nobody Inc.", "name: Nobody Inc.\n");
  ASSERT_FALSE(employer.has_value());
  EXPECT_EQ(employer.error().kind, ErrorKind::not_found);
  EXPECT_EQ(employer.error().message.id, MsgId::store_unknown_organisation);
  auto catalog = repository->put_catalog(stranger, "upload", "roles: []\n");
  ASSERT_FALSE(catalog.has_value());
  EXPECT_EQ(catalog.error().kind, ErrorKind::not_found);
  // Nothing of the failed writes is left, and the writer still works.
  auto organisation = *repository->default_organisation();
  EXPECT_TRUE(repository->employers(stranger, std::nullopt, 10)->empty());
  EXPECT_TRUE(repository->add_employer(organisation, "Somebody", "name: Somebody\n").has_value());
}

TEST(SqliteRepository, PagesEmployersByIdWithAKey) {
  test::TempDir dir;
  auto repository = open_or_fail(dir.file("ws.db"));
  ASSERT_TRUE(repository);
  auto organisation = *repository->default_organisation();
  std::vector<Uuid> added;
  for (int i = 0; i < 5; ++i) {
    std::string name = "Employer " + std::to_string(i);
    auto employer = repository->add_employer(organisation, name, "name: " + name + "\n");
    ASSERT_TRUE(employer.has_value());
    EXPECT_EQ(employer->version, 1);
    added.push_back(employer->id);
  }
  std::vector<std::vector<Uuid>> pages;
  std::optional<Uuid> after;
  while (true) {
    auto page = repository->employers(organisation, after, 2);
    ASSERT_TRUE(page.has_value());
    if (page->empty()) break;
    pages.emplace_back();
    for (const auto& employer : *page) {
      EXPECT_EQ(employer.organisation_id, organisation);
      pages.back().push_back(employer.id);
    }
    after = page->back().id;
    ASSERT_LT(pages.size(), 10u);
  }
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].size(), 2u);
  EXPECT_EQ(pages[1].size(), 2u);
  EXPECT_EQ(pages[2].size(), 1u);
  std::vector<Uuid> all;
  for (const auto& page : pages) all.insert(all.end(), page.begin(), page.end());
  std::vector<Uuid> sorted = added;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(all, sorted);
  EXPECT_EQ(all, added);  // UUIDv7: made in this order, so sorted in this order
}

TEST(SqliteRepository, PutCatalogCountsVersions) {
  test::TempDir dir;
  UnixMillis clock = 1000;
  auto repository =
      open_or_fail(dir.file("ws.db"), SqliteOptions{.clock = [&clock] { return clock; }});
  ASSERT_TRUE(repository);
  auto organisation = *repository->default_organisation();
  EXPECT_EQ(*repository->catalog_version(organisation), 0);
  EXPECT_FALSE(repository->catalog(organisation)->has_value());

  auto first = repository->put_catalog(organisation, "first.yaml", "roles: []\n");
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->version, 1);
  EXPECT_EQ(first->updated_at, 1000);
  clock = 2000;
  auto second = repository->put_catalog(organisation, "second.yaml", "roles: [] # 2\n");
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->version, 2);
  EXPECT_EQ(second->id, first->id);
  EXPECT_EQ(*repository->catalog_version(organisation), 2);

  auto stored = repository->catalog(organisation);
  ASSERT_TRUE(stored.has_value() && stored->has_value());
  EXPECT_EQ((*stored)->version, 2);
  EXPECT_EQ((*stored)->source_name, "second.yaml");
  EXPECT_EQ((*stored)->yaml, "roles: [] # 2\n");
  EXPECT_EQ((*stored)->updated_at, 2000);
  EXPECT_EQ((*stored)->organisation_id, organisation);
}

TEST(SqliteRepository, ThreadsReadWhileOneWrites) {
  test::TempDir dir;
  auto repository = open_or_fail(dir.file("ws.db"), SqliteOptions{.readers = 2});
  ASSERT_TRUE(repository);
  auto organisation = *repository->default_organisation();
  constexpr int k_writes = 40;
  constexpr int k_readers = 6;  // more threads than reader connections: some wait
  std::atomic<bool> writing{true};
  std::atomic<int> failures{0};
  std::atomic<long> reads{0};

  std::vector<std::thread> readers;
  for (int t = 0; t < k_readers; ++t) {
    readers.emplace_back([&] {
      std::size_t seen = 0;
      std::int64_t catalog_seen = 0;
      while (writing.load() || reads.load() < k_readers) {
        auto page = repository->employers(organisation, std::nullopt, 1000);
        auto version = repository->catalog_version(organisation);
        if (!page || !version) {
          ++failures;
          break;
        }
        // Each reader sees a growing list (readers see committed writes only, in order).
        if (page->size() < seen || *version < catalog_seen) ++failures;
        seen = page->size();
        catalog_seen = *version;
        ++reads;
      }
    });
  }
  for (int i = 0; i < k_writes; ++i) {
    std::string name = "Writer " + std::to_string(i);
    if (!repository->add_employer(organisation, name, "name: " + name + "\n")) ++failures;
    if (i % 10 == 0 && !repository->put_catalog(organisation, "upload", "roles: []\n")) {
      ++failures;
    }
  }
  writing = false;
  for (auto& thread : readers) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GE(reads.load(), k_readers);
  EXPECT_EQ(repository->employers(organisation, std::nullopt, 1000)->size(),
            static_cast<std::size_t>(k_writes));
  EXPECT_EQ(*repository->catalog_version(organisation), 4);
}

TEST(SqliteRepository, TwoRepositoriesOnOneFileShareIt) {
  test::TempDir dir;
  std::string path = dir.file("ws.db");
  auto one = open_or_fail(path);
  auto two = open_or_fail(path);
  ASSERT_TRUE(one && two);
  auto organisation = *one->default_organisation();
  ASSERT_TRUE(one->add_employer(organisation, "From one", "name: From one\n").has_value());
  ASSERT_TRUE(two->add_employer(organisation, "From two", "name: From two\n").has_value());
  EXPECT_EQ(one->employers(organisation, std::nullopt, 10)->size(), 2u);
  EXPECT_EQ(two->employers(organisation, std::nullopt, 10)->size(), 2u);
}

}  // namespace
}  // namespace ccteam::store
