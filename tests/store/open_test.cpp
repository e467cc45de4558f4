// Opening the store by what names it, `ccteam migrate`'s report, and the one-node lock of a
// SQLite file.
#include "store/open.hpp"

#include <gtest/gtest.h>

#include "store/backends.hpp"
#include "store/migrations.hpp"

namespace ccteam::store {
namespace {

TEST(OpenStore, TellsPostgresUrlsFromFilePaths) {
  EXPECT_TRUE(is_postgres("postgresql://ccteam@db.example:5432/ccteam"));
  EXPECT_TRUE(is_postgres("postgres:///ccteam?host=/run/postgresql"));
  EXPECT_FALSE(is_postgres("ccteam.db"));
  EXPECT_FALSE(is_postgres("/var/lib/ccteam/postgresql.db"));
  EXPECT_FALSE(is_postgres("postgresql.db"));
}

TEST(OpenStore, NamesADatabaseWithoutItsPassword) {
  std::string name = database_display_name("postgresql://hr:s3cret@db.example:5433/ccteam");
  EXPECT_EQ(name, "postgresql://db.example:5433/ccteam");
  EXPECT_EQ(database_display_name("ws.db"), "ws.db");
}

TEST(OpenStore, AnUnreachablePostgresIsUnavailableWithAHint) {
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  auto refused = open_repository("postgresql://nobody:pw@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, ErrorKind::unavailable);
  std::string text = render(refused.error(), Lang::en);
  EXPECT_NE(text.find("postgresql://127.0.0.1:1/none"), std::string::npos) << text;
  EXPECT_EQ(text.find("pw"), std::string::npos) << text;
  ASSERT_TRUE(refused.error().hint.has_value());
  EXPECT_EQ(refused.error().hint->id, MsgId::hint_store_postgres_open);
}

TEST(OpenStore, NeverShowsAPasswordOfAUrlThatDoesNotRead) {
  for (const std::string url :
       {"postgresql://ccteam:S3cretPW@[", "postgresql://u:S3c%ZZretPW@h/db",
        "postgresql://u@h/db?password=S3cretPW&sslmode=x%ZZ", "mysql://u:S3cretPW@h/db"}) {
    auto refused = open_repository(url);
    ASSERT_FALSE(refused.has_value()) << url;
    EXPECT_EQ(refused.error().kind, ErrorKind::io) << url;  // the configuration's mistake
    std::string text = render(refused.error(), Lang::en);
    EXPECT_EQ(text.find("S3c"), std::string::npos) << text;
    EXPECT_NE(text.find("check the URL"), std::string::npos) << text;
    EXPECT_EQ(database_display_name(url).find("S3c"), std::string::npos) << url;
    EXPECT_TRUE(claim_node(url).has_value()) << url;  // and no lock file named after it
  }
  EXPECT_FALSE(std::filesystem::exists("mysql:"));
  EXPECT_EQ(
      postgres::redact_secrets("user \"u\" password pw1 failed; pw1", "postgresql://u:pw1@h/d"),
      "user \"u\" password *** failed; ***");
}

TEST(OpenStore, MigrateReportsTheVersionsBeforeAndAfter) {
  test::TempDir dir;
  std::string path = dir.file("ws.db");
  auto fresh = migrate_database(path);
  ASSERT_TRUE(fresh.has_value()) << render(fresh.error(), Lang::en);
  EXPECT_EQ(fresh->before, 0);
  EXPECT_EQ(fresh->after, known_schema_version());
  auto again = migrate_database(path);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->before, known_schema_version());
  EXPECT_EQ(again->after, known_schema_version());
}

TEST(OpenStore, MigratesPostgresToo) {
  test::TestDatabase database("postgresql");
  if (std::string missing = database.missing(); !missing.empty()) GTEST_SKIP() << missing;
  auto fresh = migrate_database(database.db());
  ASSERT_TRUE(fresh.has_value()) << render(fresh.error(), Lang::en);
  EXPECT_EQ(fresh->before, 0);
  EXPECT_EQ(fresh->after, known_schema_version());
  EXPECT_EQ(fresh->database.find("options"), std::string::npos) << fresh->database;
}

TEST(OpenStore, ASecondServerOnOneSqliteFileIsRefused) {
  test::TempDir dir;
  std::string path = dir.file("ws.db");
  auto first = claim_node(path);
  ASSERT_TRUE(first.has_value());
  auto second = claim_node(path);
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().message.id, MsgId::store_sqlite_in_use);
  ASSERT_TRUE(second.error().hint.has_value());
  EXPECT_NE(render(second.error(), Lang::en).find("PostgreSQL"), std::string::npos);
  // Released with the first: a restarted server gets the file.
  first = NodeLock();
  EXPECT_TRUE(claim_node(path).has_value());
  // PostgreSQL takes any number of nodes.
  EXPECT_TRUE(claim_node("postgresql://localhost/ccteam").has_value());
  EXPECT_TRUE(claim_node("postgresql://localhost/ccteam").has_value());
}

}  // namespace
}  // namespace ccteam::store
