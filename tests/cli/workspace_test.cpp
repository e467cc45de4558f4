// The workspace's operations commands as a user runs them: `ccteam migrate`, `ccteam backup`
// and `ccteam user` on SQLite and PostgreSQL (the PostgreSQL cases need the test cluster,
// tests/store/backends.hpp, and are skipped, saying so, without it).
#include <gtest/gtest.h>

#include "cli/run.hpp"
#include "store/backends.hpp"

namespace ccteam::test {
namespace {

TEST(WorkspaceCommands, MigrateReportsTheSchemaVersionBeforeAndAfter) {
  TempDir dir;
  std::string db = dir.file("ws.db");
  Outcome fresh = run_ccteam({"migrate", "--db", db});
  EXPECT_EQ(fresh.exit_code, 0) << fresh.err;
  EXPECT_EQ(fresh.out, "database " + db + ": schema version 13 (was 0)\n");
  Outcome again = run_ccteam({"migrate", "--db", db}, "de_DE.UTF-8");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "Datenbank " + db + ": Schemaversion 13 (vorher 13)\n");
}

TEST(WorkspaceCommands, AnUnreachablePostgresIsAClearErrorWithoutThePassword) {
  Outcome refused = run_ccteam(
      {"migrate", "--db", "postgresql://hr:s3cret@127.0.0.1:1/ccteam?connect_timeout=2"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("cannot open the database postgresql://127.0.0.1:1/ccteam"),
            std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find("check the URL"), std::string::npos) << refused.err;
  EXPECT_EQ(refused.err.find("s3cret"), std::string::npos) << refused.err;
}

TEST(WorkspaceCommands, UsersAndMigrationsOnPostgresAndNoBackupThere) {
  TestDatabase database("postgresql");
  if (std::string missing = database.missing(); !missing.empty()) GTEST_SKIP() << missing;
  Outcome migrated = run_ccteam({"migrate", "--db", database.db()});
  EXPECT_EQ(migrated.exit_code, 0) << migrated.err;
  EXPECT_NE(migrated.out.find("schema version 13 (was 0)"), std::string::npos) << migrated.out;
  EXPECT_EQ(migrated.out.find("search_path"), std::string::npos) << migrated.out;
  Outcome added = run_ccteam(
      {"user", "add", "--db", database.db(), "--login", "anna", "--name", "Anna Berg", "--admin"});
  EXPECT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find("added anna (admin); one-time password: "), std::string::npos)
      << added.out;
  Outcome listed = run_ccteam({"user", "list", "--db", database.db()});
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find("Anna Berg"), std::string::npos) << listed.out;
  Outcome backup = run_ccteam({"backup", "--db", database.db(), database.dir().file("copy.db")});
  EXPECT_EQ(backup.exit_code, 2);
  EXPECT_NE(backup.err.find("pg_dump"), std::string::npos) << backup.err;
  EXPECT_FALSE(std::filesystem::exists(database.dir().file("copy.db")));
}

}  // namespace
}  // namespace ccteam::test
