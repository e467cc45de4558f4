#pragma once
// A small RAII layer over the SQLite C API (sqlite3.h stays in database.cpp): a Connection, a
// prepared Statement and a Transaction, each failure returned as an Error (Error::io with the
// database's path and SQLite's own message, MsgId::store_database_error) instead of a code.
//
// Thread safety: none of these classes locks. SQLite is used in multi-thread mode (a
// connection opened with SQLITE_OPEN_NOMUTEX), so one connection and its statements must be
// used by one thread at a time; SqliteRepository hands connections out to make sure of that.

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/core/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace ccteam::store::sqlite {

enum class OpenMode {
  read_write_create,  // creates the file when missing
  read_write,         // the file must exist
};

// The settings every connection gets on open (see Connection::open).
struct ConnectionPragmas {
  std::string journal_mode;  // "wal"
  int foreign_keys = 0;      // 1: enforced
  int synchronous = 0;       // 2: FULL (a commit is on disk when it returns)
  int busy_timeout_ms = 0;   // how long a statement waits for a lock before SQLITE_BUSY
};

class Statement;

// One database connection; closes on destruction. Move-only.
class Connection {
 public:
  // Opens 'path' and sets, in this order: busy_timeout (how long to wait for another
  // connection's lock, in milliseconds), journal_mode=WAL (readers do not block the writer),
  // foreign_keys=ON, synchronous=FULL. Error::io (MsgId::store_open_failed, with a hint) when
  // the file cannot be opened or created, e.g. because its folder does not exist; Error::io
  // (MsgId::store_database_error) when it is not a database or a pragma fails.
  static Result<Connection> open(const std::string& path, OpenMode mode,
                                 std::chrono::milliseconds busy_timeout);

  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Runs one or more statements without parameters or results (DDL, pragmas, BEGIN).
  Result<void> execute(std::string_view sql);
  // Compiles one statement; Error::io with SQLite's message for a syntax or schema error.
  Result<Statement> prepare(std::string_view sql);
  // Reads the pragmas that open() sets, as the connection has them now.
  Result<ConnectionPragmas> pragmas();

  // An Error::io (MsgId::store_database_error) with SQLite's latest message on this connection.
  Error last_error() const;
  // SQLite's extended result code of the latest failure on this connection.
  int last_error_code() const;
  const std::string& path() const { return m_path; }

 private:
  Connection(sqlite3* handle, std::string path) : m_handle(handle), m_path(std::move(path)) {}
  friend class Statement;

  sqlite3* m_handle = nullptr;
  std::string m_path;
};

// A compiled statement of one connection; finalizes on destruction. Move-only. Parameter and
// column indexes follow SQLite: parameters count from 1, columns from 0.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Bind a parameter (the value is copied); Error::io for an index out of range.
  Result<void> bind_text(int index, std::string_view value);
  Result<void> bind_int64(int index, std::int64_t value);
  Result<void> bind_blob(int index, std::span<const std::uint8_t> value);
  Result<void> bind_null(int index);

  // Runs the statement one step: true when a row is ready for the column getters, false when
  // it has finished. Error::io when SQLite refuses (constraint, busy after the timeout, disk);
  // Connection::last_error_code tells which.
  Result<bool> step();
  // step() for a statement that returns no rows (INSERT, UPDATE, DELETE).
  Result<void> run();
  // Makes the statement ready to run again; bindings are kept.
  void reset();

  // The current row's columns; a NULL reads as 0, "" or an empty blob.
  std::int64_t column_int64(int column) const;
  std::string column_text(int column) const;
  std::vector<std::uint8_t> column_blob(int column) const;
  bool column_is_null(int column) const;

 private:
  Statement(sqlite3_stmt* handle, Connection& connection)
      : m_handle(handle), m_connection(&connection) {}
  friend class Connection;
  Result<void> check_bind(int code);

  sqlite3_stmt* m_handle = nullptr;
  Connection* m_connection = nullptr;
};

// A transaction on one connection: rolled back on destruction unless committed. Move-only.
class Transaction {
 public:
  // BEGIN IMMEDIATE: takes the write lock now (waiting up to the busy timeout), so a write in
  // it cannot fail later with SQLITE_BUSY on lock upgrade. For every transaction that writes.
  static Result<Transaction> immediate(Connection& connection);
  // BEGIN (deferred): for several reads that must see one snapshot.
  static Result<Transaction> deferred(Connection& connection);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  // COMMIT; with synchronous=FULL the change is durable when this returns. On failure the
  // transaction is rolled back by the destructor.
  Result<void> commit();

 private:
  explicit Transaction(Connection& connection) : m_connection(&connection) {}
  Connection* m_connection = nullptr;  // nullptr once committed or moved from
};

}  // namespace ccteam::store::sqlite
