#include "store/sqlite/database.hpp"

#include <sqlite3.h>

#include <climits>
#include <utility>

namespace ccteam::store::sqlite {

namespace {

Error database_error(const std::string& path, const char* what) {
  return Error::io(msg(MsgId::store_database_error, path, what != nullptr ? what : "?"));
}

int length_of(std::size_t size) {
  return size > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(size);
}

}  // namespace

// --- Connection

Result<Connection> Connection::open(const std::string& path, OpenMode mode,
                                    std::chrono::milliseconds busy_timeout) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  if (mode == OpenMode::read_write_create) flags |= SQLITE_OPEN_CREATE;
  sqlite3* handle = nullptr;
  int code = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  // sqlite3_open_v2 returns a handle even on failure (for the message); Connection closes it.
  Connection connection(handle, path);
  if (code != SQLITE_OK) {
    const char* why = handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(code);
    return tl::unexpected(
        Error::io(msg(MsgId::store_open_failed, path, why), {}, msg(MsgId::hint_store_open)));
  }
  auto timeout_ms = busy_timeout.count();
  if (sqlite3_busy_timeout(handle, static_cast<int>(timeout_ms > INT_MAX ? INT_MAX : timeout_ms)) !=
      SQLITE_OK) {
    return tl::unexpected(connection.last_error());
  }
  // journal_mode returns a row (the mode now in effect); WAL is persistent in the file, so
  // setting it again on every connection costs nothing and holds for a file made elsewhere.
  CCTEAM_TRY(Statement wal, connection.prepare("PRAGMA journal_mode=WAL"));
  CCTEAM_TRY(bool has_row, wal.step());
  if (!has_row || wal.column_text(0) != "wal") {
    return tl::unexpected(database_error(path, "journal_mode=WAL was refused"));
  }
  if (auto set = connection.execute("PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;"); !set) {
    return tl::unexpected(std::move(set).error());
  }
  return connection;
}

Connection::Connection(Connection&& other) noexcept
    : m_handle(std::exchange(other.m_handle, nullptr)), m_path(std::move(other.m_path)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    if (m_handle != nullptr) sqlite3_close_v2(m_handle);
    m_handle = std::exchange(other.m_handle, nullptr);
    m_path = std::move(other.m_path);
  }
  return *this;
}

Connection::~Connection() {
  if (m_handle != nullptr) sqlite3_close_v2(m_handle);
}

Result<void> Connection::execute(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  if (sqlite3_exec(m_handle, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    Error error = database_error(m_path, message != nullptr ? message : sqlite3_errmsg(m_handle));
    sqlite3_free(message);
    return tl::unexpected(std::move(error));
  }
  return {};
}

Result<Statement> Connection::prepare(std::string_view sql) {
  sqlite3_stmt* handle = nullptr;
  if (sqlite3_prepare_v2(m_handle, sql.data(), length_of(sql.size()), &handle, nullptr) !=
      SQLITE_OK) {
    return tl::unexpected(last_error());
  }
  return Statement(handle, *this);
}

Result<ConnectionPragmas> Connection::pragmas() {
  ConnectionPragmas out;
  auto read = [this](const char* sql) -> Result<Statement> {
    CCTEAM_TRY(Statement statement, prepare(sql));
    CCTEAM_TRY(bool has_row, statement.step());
    if (!has_row) return tl::unexpected(database_error(m_path, sql));
    return statement;
  };
  {
    CCTEAM_TRY(Statement s, read("PRAGMA journal_mode"));
    out.journal_mode = s.column_text(0);
  }
  {
    CCTEAM_TRY(Statement s, read("PRAGMA foreign_keys"));
    out.foreign_keys = static_cast<int>(s.column_int64(0));
  }
  {
    CCTEAM_TRY(Statement s, read("PRAGMA synchronous"));
    out.synchronous = static_cast<int>(s.column_int64(0));
  }
  {
    CCTEAM_TRY(Statement s, read("PRAGMA busy_timeout"));
    out.busy_timeout_ms = static_cast<int>(s.column_int64(0));
  }
  return out;
}

Error Connection::last_error() const {
  return database_error(m_path, m_handle != nullptr ? sqlite3_errmsg(m_handle) : nullptr);
}

int Connection::last_error_code() const {
  return m_handle != nullptr ? sqlite3_extended_errcode(m_handle) : SQLITE_MISUSE;
}

// --- Statement

Statement::Statement(Statement&& other) noexcept
    : m_handle(std::exchange(other.m_handle, nullptr)), m_connection(other.m_connection) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (m_handle != nullptr) sqlite3_finalize(m_handle);
    m_handle = std::exchange(other.m_handle, nullptr);
    m_connection = other.m_connection;
  }
  return *this;
}

Statement::~Statement() {
  if (m_handle != nullptr) sqlite3_finalize(m_handle);
}

Result<void> Statement::check_bind(int code) {
  if (code != SQLITE_OK) return tl::unexpected(m_connection->last_error());
  return {};
}

Result<void> Statement::bind_text(int index, std::string_view value) {
  return check_bind(
      sqlite3_bind_text(m_handle, index, value.data(), length_of(value.size()), SQLITE_TRANSIENT));
}

Result<void> Statement::bind_int64(int index, std::int64_t value) {
  return check_bind(sqlite3_bind_int64(m_handle, index, value));
}

Result<void> Statement::bind_blob(int index, std::span<const std::uint8_t> value) {
  return check_bind(
      sqlite3_bind_blob(m_handle, index, value.data(), length_of(value.size()), SQLITE_TRANSIENT));
}

Result<void> Statement::bind_null(int index) {
  return check_bind(sqlite3_bind_null(m_handle, index));
}

Result<bool> Statement::step() {
  int code = sqlite3_step(m_handle);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  return tl::unexpected(m_connection->last_error());
}

Result<void> Statement::run() {
  CCTEAM_TRY(bool has_row, step());
  (void)has_row;
  return {};
}

void Statement::reset() { sqlite3_reset(m_handle); }

std::int64_t Statement::column_int64(int column) const {
  return sqlite3_column_int64(m_handle, column);
}

std::string Statement::column_text(int column) const {
  const unsigned char* text = sqlite3_column_text(m_handle, column);
  int size = sqlite3_column_bytes(m_handle, column);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)};
}

std::vector<std::uint8_t> Statement::column_blob(int column) const {
  const void* data = sqlite3_column_blob(m_handle, column);
  int size = sqlite3_column_bytes(m_handle, column);
  if (data == nullptr || size <= 0) return {};
  const auto* bytes = static_cast<const std::uint8_t*>(data);
  return {bytes, bytes + size};
}

bool Statement::column_is_null(int column) const {
  return sqlite3_column_type(m_handle, column) == SQLITE_NULL;
}

// --- Transaction

Result<Transaction> Transaction::immediate(Connection& connection) {
  if (auto begun = connection.execute("BEGIN IMMEDIATE"); !begun) {
    return tl::unexpected(std::move(begun).error());
  }
  return Transaction(connection);
}

Result<Transaction> Transaction::deferred(Connection& connection) {
  if (auto begun = connection.execute("BEGIN"); !begun) {
    return tl::unexpected(std::move(begun).error());
  }
  return Transaction(connection);
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr)) {}

Transaction::~Transaction() {
  // A failed COMMIT (or an error inside) leaves the transaction open: end it. SQLite rolls
  // back by itself after some errors, then ROLLBACK fails harmlessly.
  if (m_connection != nullptr) (void)m_connection->execute("ROLLBACK");
}

Result<void> Transaction::commit() {
  if (m_connection == nullptr) return {};
  if (auto committed = m_connection->execute("COMMIT"); !committed) return committed;
  m_connection = nullptr;
  return {};
}

}  // namespace ccteam::store::sqlite
