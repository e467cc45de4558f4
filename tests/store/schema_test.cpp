// Both dialects of every migration (store/migrations.cpp) give the same schema: the same tables,
// columns (type family, NOT NULL), primary keys, unique keys, foreign keys, indexes, CHECK
// constraints and triggers, read back from each database's catalog after migrating. Needs the
// PostgreSQL test server (tests/store/backends.hpp); skipped, saying so, without it.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "store/backends.hpp"

namespace ccteam::store {
namespace {

// One schema as sorted lines: "table.column type not_null", "table primary key (a,b)",
// "table unique (a)", "table foreign key (a) -> other (b)", "table index name (a,b)",
// "table checks N", "trigger name".
using Schema = std::set<std::string>;

std::string family(std::string type) {
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (type == "blob" || type == "uuid" || type == "bytea") return "bytes";
  if (type == "integer" || type == "bigint" || type == "boolean" || type == "smallint") {
    return "integer";
  }
  return type;  // text
}

// SQLite's rows of one query, every column as text.
std::vector<std::vector<std::string>> sqlite_rows(sqlite::Connection& connection,
                                                  const std::string& sql, int columns) {
  std::vector<std::vector<std::string>> out;
  auto statement = connection.prepare(sql);
  EXPECT_TRUE(statement.has_value()) << sql;
  if (!statement) return out;
  while (true) {
    auto row = statement->step();
    EXPECT_TRUE(row.has_value()) << sql;
    if (!row || !*row) break;
    std::vector<std::string> values;
    for (int i = 0; i < columns; ++i) values.push_back(statement->column_text(i));
    out.push_back(std::move(values));
  }
  return out;
}

// A CHECK that PostgreSQL's column type says instead: an id BLOB's length (uuid), a 0/1
// INTEGER (boolean).
bool is_type_check(const std::string& check) {
  bool length_16 = check.find("length(") != std::string::npos && check.ends_with(") = 16)") &&
                   check.find(" AND ") == std::string::npos;
  return length_16 || check.ends_with(" IN (0, 1))");
}

// The CHECK (...) clauses of a CREATE TABLE statement, parentheses balanced.
std::vector<std::string> check_clauses(const std::string& sql) {
  std::vector<std::string> out;
  for (std::size_t at = sql.find("CHECK ("); at != std::string::npos;
       at = sql.find("CHECK (", at + 1)) {
    int depth = 0;
    for (std::size_t i = at + 6; i < sql.size(); ++i) {
      if (sql[i] == '(') ++depth;
      if (sql[i] == ')' && --depth == 0) {
        out.push_back(sql.substr(at, i + 1 - at));
        break;
      }
    }
  }
  return out;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

Schema sqlite_schema(const std::string& path) {
  Schema out;
  auto opened =
      sqlite::Connection::open(path, sqlite::OpenMode::read_write, std::chrono::milliseconds{5000});
  EXPECT_TRUE(opened.has_value());
  if (!opened) return out;
  sqlite::Connection& connection = *opened;
  for (const auto& table : sqlite_rows(connection,
                                       "SELECT name, sql FROM sqlite_schema WHERE type = "
                                       "'table' AND name NOT LIKE 'sqlite_%'",
                                       2)) {
    const std::string& name = table[0];
    std::map<int, std::string> key;
    for (const auto& column : sqlite_rows(
             connection,
             "SELECT name, type, \"notnull\", pk FROM pragma_table_info('" + name + "')", 4)) {
      bool primary = column[3] != "0";
      out.insert(name + "." + column[0] + " " + family(column[1]) +
                 (column[2] == "1" || primary ? " not_null" : ""));
      if (primary) key[std::stoi(column[3])] = column[0];
    }
    std::string columns;
    for (const auto& [_, column] : key) columns += (columns.empty() ? "" : ",") + column;
    if (!columns.empty()) out.insert(name + " primary key (" + columns + ")");
    for (const auto& index :
         sqlite_rows(connection, "SELECT name, origin FROM pragma_index_list('" + name + "')", 2)) {
      if (index[1] == "pk") continue;
      std::string indexed;
      for (const auto& column : sqlite_rows(
               connection, "SELECT name FROM pragma_index_info('" + index[0] + "') ORDER BY seqno",
               1)) {
        indexed += (indexed.empty() ? "" : ",") + column[0];
      }
      out.insert(index[1] == "u" ? name + " unique (" + indexed + ")"
                                 : name + " index " + index[0] + " (" + indexed + ")");
    }
    for (const auto& key_row : sqlite_rows(connection,
                                           "SELECT \"table\", \"from\", \"to\" FROM "
                                           "pragma_foreign_key_list('" +
                                               name + "')",
                                           3)) {
      out.insert(name + " foreign key (" + key_row[1] + ") -> " + key_row[0] + " (" + key_row[2] +
                 ")");
    }
    // CHECKs as written in the CREATE TABLE: count those PostgreSQL has too.
    int checks = 0;
    for (const std::string& check : check_clauses(table[1])) {
      if (!is_type_check(check)) ++checks;
    }
    out.insert(name + " checks " + std::to_string(checks));
  }
  for (const auto& trigger :
       sqlite_rows(connection, "SELECT name FROM sqlite_schema WHERE type = 'trigger'", 1)) {
    out.insert("trigger " + trigger[0]);
  }
  return out;
}

std::vector<std::vector<std::string>> postgres_rows(postgres::Connection& connection,
                                                    const std::string& sql) {
  std::vector<std::vector<std::string>> out;
  auto rows = connection.query(sql, std::span<const postgres::Param>{});
  EXPECT_TRUE(rows.has_value()) << sql << (rows ? "" : render(rows.error(), Lang::en));
  if (!rows) return out;
  for (int r = 0; r < rows->size(); ++r) {
    std::vector<std::string> values;
    for (int c = 0; c < 5; ++c) values.push_back(rows->text(r, c));
    out.push_back(std::move(values));
  }
  return out;
}

Schema postgres_schema(const std::string& url) {
  Schema out;
  auto opened = postgres::Connection::open(url, std::chrono::seconds{5});
  EXPECT_TRUE(opened.has_value());
  if (!opened) return out;
  postgres::Connection& connection = *opened;
  // Text columns only (::text): the rows come back in binary, and text is its own bytes.
  for (const auto& column : postgres_rows(
           connection,
           "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text, '' "
           "FROM information_schema.columns WHERE table_schema = current_schema()")) {
    out.insert(column[0] + "." + column[1] + " " + family(column[2]) +
               (column[3] == "NO" ? " not_null" : ""));
  }
  const std::string columns_of =
      "(SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) FROM unnest(%KEYS%) WITH "
      "ORDINALITY AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = %REL% AND a.attnum = "
      "k.attnum)";
  auto columns = [&](const std::string& keys, const std::string& rel) {
    return replace_all(replace_all(columns_of, "%KEYS%", keys), "%REL%", rel);
  };
  for (const auto& constraint : postgres_rows(
           connection, "SELECT t.relname::text, c.contype::text, " +
                           columns("c.conkey", "c.conrelid") + ", coalesce(f.relname::text, ''), " +
                           "coalesce(" + columns("c.confkey", "c.confrelid") +
                           ", '') FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
                           "JOIN pg_namespace n ON n.oid = t.relnamespace LEFT JOIN pg_class f "
                           "ON f.oid = c.confrelid WHERE n.nspname = current_schema() AND "
                           "c.contype IN ('p', 'u', 'f')")) {
    const std::string& table = constraint[0];
    if (constraint[1] == "p") out.insert(table + " primary key (" + constraint[2] + ")");
    if (constraint[1] == "u") out.insert(table + " unique (" + constraint[2] + ")");
    if (constraint[1] == "f") {
      out.insert(table + " foreign key (" + constraint[2] + ") -> " + constraint[3] + " (" +
                 constraint[4] + ")");
    }
  }
  for (const auto& index : postgres_rows(
           connection, "SELECT t.relname::text, c.relname::text, " +
                           columns("i.indkey::int2[]", "i.indrelid") +
                           ", '', '' FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                           "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = "
                           "t.relnamespace WHERE n.nspname = current_schema() AND NOT EXISTS "
                           "(SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)")) {
    out.insert(index[0] + " index " + index[1] + " (" + index[2] + ")");
  }
  for (const auto& table :
       postgres_rows(connection,
                     "SELECT t.relname::text, (SELECT count(*) FROM pg_constraint c WHERE "
                     "c.conrelid = t.oid AND c.contype = 'c')::text, '', '', '' FROM pg_class "
                     "t JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = "
                     "current_schema() AND t.relkind = 'r'")) {
    out.insert(table[0] + " checks " + table[1]);
  }
  for (const auto& trigger :
       postgres_rows(connection,
                     "SELECT tg.tgname::text, '', '', '', '' FROM pg_trigger tg JOIN pg_class "
                     "t ON t.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                     "WHERE n.nspname = current_schema() AND NOT tg.tgisinternal")) {
    out.insert("trigger " + trigger[0]);
  }
  return out;
}

TEST(Schema, BothDialectsHaveTheSameTablesColumnsKeysIndexesAndChecks) {
  test::TestDatabase sqlite_db("sqlite");
  test::TestDatabase postgres_db("postgresql");
  if (std::string missing = postgres_db.missing(); !missing.empty()) GTEST_SKIP() << missing;
  ASSERT_TRUE(sqlite_db.open().has_value());
  ASSERT_TRUE(postgres_db.open().has_value());
  Schema lite = sqlite_schema(sqlite_db.db());
  Schema postgres = postgres_schema(postgres_db.db());
  // TRUNCATE exists in PostgreSQL only; its trigger keeps the audit log append-only there too.
  EXPECT_EQ(postgres.erase("trigger audit_log_no_truncate"), 1u);
  std::vector<std::string> only_sqlite;
  std::vector<std::string> only_postgres;
  std::set_difference(lite.begin(), lite.end(), postgres.begin(), postgres.end(),
                      std::back_inserter(only_sqlite));
  std::set_difference(postgres.begin(), postgres.end(), lite.begin(), lite.end(),
                      std::back_inserter(only_postgres));
  EXPECT_TRUE(only_sqlite.empty()) << "only in SQLite:\n" << ::testing::PrintToString(only_sqlite);
  EXPECT_TRUE(only_postgres.empty()) << "only in PostgreSQL:\n"
                                     << ::testing::PrintToString(only_postgres);
  // The comparison saw the schema, not two empty sets: 13 tables (with schema_migrations) and
  // what migration 2 indexes.
  EXPECT_EQ(lite.count("users unique (organisation_id,login)"), 1u);
  EXPECT_EQ(lite.count("audit_log index audit_log_by_actor (organisation_id,actor_user_id,seq)"),
            1u);
  EXPECT_EQ(lite.count("sessions foreign key (user_id) -> users (id)"), 1u);
  EXPECT_EQ(lite.count("users checks 3"), 1u);  // login, role, version (not the types')
  std::set<std::string> tables;
  for (const auto& line : lite) {
    if (auto dot = line.find('.'); dot != std::string::npos && line.find(' ') > dot) {
      tables.insert(line.substr(0, dot));
    }
  }
  // 15 tables before the applications; then applications and application_submissions; then
  // the outbox (migration 10); then the documents and their contents (migration 11).
  EXPECT_EQ(tables.size(), 20u) << ::testing::PrintToString(tables);
  EXPECT_EQ(lite.count("application_documents foreign key (application_id) -> applications (id)"),
            1u);
  EXPECT_EQ(lite.count("outbox_messages foreign key (application_id) -> applications (id)"), 1u);
  EXPECT_EQ(lite.count("outbox_messages checks 2"), 1u);  // state, attempts
  EXPECT_EQ(lite.count("applications unique (organisation_id,idempotency_key)"), 1u);
  // Migration 9: the keys of possible duplicates, each looked up within an organisation.
  EXPECT_EQ(lite.count("applications.email_key text"), 1u);
  EXPECT_EQ(lite.count("applications index applications_by_phone_key (organisation_id,phone_key)"),
            1u);
}

}  // namespace
}  // namespace ccteam::store
