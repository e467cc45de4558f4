#pragma once
// A small RAII layer over libpq (libpq-fe.h stays in database.cpp), in the style of the SQLite
// one (store/sqlite/database.hpp): a Connection, the Rows of one statement and a Transaction,
// each failure returned as an Error instead of a code.
//
// Statements are sent with PQexecParams: parameters travel apart from the SQL text ($1, $2, ...;
// unlike SQLite, each number is its own parameter wherever it appears), so no value is ever
// spliced into SQL. Integers and text go as text, bytes (ids, token hashes) in binary; results
// come back in binary, so a uuid or bytea column reads as its raw bytes and an integer as a
// number without parsing.
//
// Errors: a lost connection or a server that refuses new ones (SQLSTATE class 08, 57P01-57P03),
// and a write that waited too long or lost a race (55P03 lock timeout, 40001, 40P01 deadlock,
// 57014 statement timeout) are Error::unavailable (MsgId::store_unavailable: HTTP 503, the
// client may try again); every other failure is Error::io (MsgId::store_database_error) with
// PostgreSQL's message; sqlstate() tells which (23505 unique violation, 23503 foreign key).
// Messages name the database as host:port/dbname, never the URL (it may hold a password).
//
// Thread safety: none. A Connection and its Rows are used by one thread at a time;
// PostgresRepository hands connections out to make sure of that.

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/core/error.hpp"

struct pg_conn;
struct pg_result;

namespace ccteam::store::postgres {

// One statement parameter. Ids and hashes are bytes (sent in binary, so PostgreSQL reads them
// as uuid or bytea by the column they meet).
class Param {
 public:
  Param(std::nullptr_t) {}  // NOLINT(google-explicit-constructor): SQL NULL
  Param(std::int64_t value) : m_kind(Kind::text), m_text(std::to_string(value)) {}  // NOLINT
  Param(std::string_view value) : m_kind(Kind::text), m_text(value) {}              // NOLINT
  Param(std::span<const std::uint8_t> value)                                        // NOLINT
      : m_kind(Kind::bytes), m_text(value.begin(), value.end()) {}
  static Param boolean(bool value) { return Param(std::string_view(value ? "t" : "f")); }

  bool is_null() const { return m_kind == Kind::null; }
  bool is_binary() const { return m_kind == Kind::bytes; }
  const std::string& data() const { return m_text; }

 private:
  enum class Kind { null, text, bytes };
  Kind m_kind = Kind::null;
  std::string m_text;
};

// The rows a statement returned (in binary); frees them on destruction. Move-only. Rows and
// columns count from 0.
class Rows {
 public:
  Rows(Rows&& other) noexcept;
  Rows& operator=(Rows&& other) noexcept;
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;
  ~Rows();

  int size() const;
  // The command tag: "COMMIT", "ROLLBACK", "UPDATE 3", ...
  std::string command() const;
  // The rows an INSERT, UPDATE or DELETE changed.
  std::int64_t affected() const;
  bool is_null(int row, int column) const;
  // An int2, int4 or int8 column; 0 for NULL.
  std::int64_t int64(int row, int column) const;
  bool boolean(int row, int column) const;
  std::string text(int row, int column) const;
  // The raw bytes of a bytea or uuid column (16 for a uuid).
  std::vector<std::uint8_t> bytes(int row, int column) const;

 private:
  explicit Rows(pg_result* handle) : m_handle(handle) {}
  friend class Connection;
  pg_result* m_handle = nullptr;
};

// One connection; closes on destruction. Move-only.
class Connection {
 public:
  // Connects to 'url' (a postgresql:// URI or key=value string, libpq's syntax), waiting at
  // most 'connect_timeout', and sets the session up (application_name=ccteam, UTC, lock and
  // statement timeouts). Error::unavailable when the server cannot be reached or refuses
  // (hint: check URL, server, user), Error::io for a URL libpq cannot read.
  static Result<Connection> open(const std::string& url, std::chrono::seconds connect_timeout);

  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Runs one or more statements without parameters (DDL, BEGIN, COMMIT).
  Result<void> execute(std::string_view sql);
  // Runs one statement with parameters $1..$n and returns its rows.
  Result<Rows> query(std::string_view sql, std::initializer_list<Param> params);
  Result<Rows> query(std::string_view sql, std::span<const Param> params);

  // The connection is up (false after the server went away).
  bool ok() const;
  // ok(), after reading what the server sent meanwhile without waiting: a server that shut
  // down or restarted has closed an idle connection, which this notices before a statement
  // fails on it.
  bool alive();
  // Connects again with the same settings. Error::unavailable when that fails.
  Result<void> reset();
  // The SQLSTATE of the latest failed statement ("" when none failed).
  const std::string& sqlstate() const { return m_sqlstate; }
  // host:port/dbname, for messages.
  const std::string& name() const { return m_name; }

 private:
  Connection(pg_conn* handle, std::string name)
      : m_handle(handle), m_name(std::move(name)), m_closing(std::make_unique<bool>(false)) {}
  Error failure(const char* what);
  Result<Rows> finish(pg_result* result);
  Result<void> set_up_session();

  pg_conn* m_handle = nullptr;
  std::string m_name;
  std::string m_sqlstate;
  // Set by the notice receiver when the server announces it closes the connection (on the heap:
  // libpq keeps its address, which must survive a move of the Connection).
  std::unique_ptr<bool> m_closing;
};

// A transaction on one connection: rolled back on destruction unless committed. Move-only.
// READ COMMITTED (PostgreSQL's default); writers that must not race take row locks
// (SELECT ... FOR UPDATE) inside it.
class Transaction {
 public:
  static Result<Transaction> begin(Connection& connection);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  // COMMIT; with synchronous_commit on (the default) the change is durable when this returns.
  Result<void> commit();

 private:
  explicit Transaction(Connection& connection) : m_connection(&connection) {}
  Connection* m_connection = nullptr;  // nullptr once committed or moved from
};

// 'text' (a message of libpq's about 'url') with the URL's user:password, its password and any
// password= parameter replaced by "***".
std::string redact_secrets(std::string text, std::string_view url);

// The URL names a PostgreSQL database (postgresql:// or postgres://).
bool is_postgres_url(std::string_view url);

// host:port/dbname of a URL, without user or password, for messages; "PostgreSQL" when the
// URL cannot be parsed.
std::string display_name(const std::string& url);

}  // namespace ccteam::store::postgres
