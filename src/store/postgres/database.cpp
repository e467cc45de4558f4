#include "store/postgres/database.hpp"

#include <libpq-fe.h>

#include <array>
#include <climits>
#include <cstring>
#include <utility>
#include <vector>

namespace ccteam::store::postgres {

namespace {

// Notices are not shown; a FATAL one is the server closing this connection (a shutdown or a
// restart tells idle clients so before it closes their sockets): 'arg' is the flag to set.
void note_notice(void* arg, const PGresult* notice) {
  const char* severity = PQresultErrorField(notice, PG_DIAG_SEVERITY_NONLOCALIZED);
  if (severity != nullptr &&
      (std::strcmp(severity, "FATAL") == 0 || std::strcmp(severity, "PANIC") == 0)) {
    *static_cast<bool*>(arg) = true;
  }
}

// Worth trying again soon, as 503: the server went away or refuses connections (class 08,
// 57P01-57P03), or a write waited too long for another's lock or lost a race (55P03 lock
// timeout, 40001 serialization failure, 40P01 deadlock, 57014 statement timeout).
bool is_unavailable(std::string_view sqlstate) {
  return sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" ||
         sqlstate == "57P03" || sqlstate == "55P03" || sqlstate == "40001" || sqlstate == "40P01" ||
         sqlstate == "57014";
}

std::string trimmed(const char* text) {
  std::string out = text != nullptr ? text : "";
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out.empty() ? "?" : out;
}

Error unavailable(const std::string& name, const std::string& why) {
  return Error::unavailable(msg(MsgId::store_unavailable, name, why),
                            msg(MsgId::hint_store_unavailable));
}

}  // namespace

std::string redact_secrets(std::string text, std::string_view url) {
  std::vector<std::string> secrets;
  if (auto scheme = url.find("://"); scheme != std::string_view::npos) {
    std::string_view rest = url.substr(scheme + 3);
    std::string_view authority = rest.substr(0, rest.find_first_of("/?"));
    if (auto at = authority.rfind('@'); at != std::string_view::npos) {
      std::string_view userinfo = authority.substr(0, at);
      secrets.emplace_back(userinfo);
      if (auto colon = userinfo.find(':'); colon != std::string_view::npos) {
        secrets.emplace_back(userinfo.substr(colon + 1));
      }
    }
  }
  // password=... among the parameters (URL) or keywords (key=value strings).
  for (std::size_t at = url.find("password="); at != std::string_view::npos;
       at = url.find("password=", at + 1)) {
    std::string_view value = url.substr(at + 9);
    secrets.emplace_back(value.substr(0, value.find_first_of("& ")));
  }
  for (const std::string& secret : secrets) {
    if (secret.empty()) continue;
    for (std::size_t at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + 3)) {
      text.replace(at, secret.size(), "***");
    }
  }
  return text;
}

bool is_postgres_url(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

std::string display_name(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options == nullptr) {
    PQfreemem(error);
    return "PostgreSQL";
  }
  std::string host;
  std::string port;
  std::string dbname;
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    if (std::strcmp(option->keyword, "host") == 0) host = option->val;
    if (std::strcmp(option->keyword, "port") == 0) port = option->val;
    if (std::strcmp(option->keyword, "dbname") == 0) dbname = option->val;
  }
  PQconninfoFree(options);
  std::string out = "postgresql://" + (host.empty() ? std::string("localhost") : host);
  if (!port.empty()) out += ":" + port;
  return out + "/" + dbname;
}

// --- Rows

Rows::Rows(Rows&& other) noexcept : m_handle(std::exchange(other.m_handle, nullptr)) {}

Rows& Rows::operator=(Rows&& other) noexcept {
  if (this != &other) {
    if (m_handle != nullptr) PQclear(m_handle);
    m_handle = std::exchange(other.m_handle, nullptr);
  }
  return *this;
}

Rows::~Rows() {
  if (m_handle != nullptr) PQclear(m_handle);
}

std::string Rows::command() const { return m_handle != nullptr ? PQcmdStatus(m_handle) : ""; }

int Rows::size() const { return m_handle != nullptr ? PQntuples(m_handle) : 0; }

std::int64_t Rows::affected() const {
  if (m_handle == nullptr) return 0;
  const char* count = PQcmdTuples(m_handle);
  return count != nullptr && *count != '\0' ? std::stoll(count) : 0;
}

bool Rows::is_null(int row, int column) const { return PQgetisnull(m_handle, row, column) != 0; }

std::int64_t Rows::int64(int row, int column) const {
  if (is_null(row, column)) return 0;
  const auto* data = reinterpret_cast<const unsigned char*>(PQgetvalue(m_handle, row, column));
  int length = PQgetlength(m_handle, row, column);
  // Binary integers are big-endian two's complement of 2, 4 or 8 bytes.
  std::uint64_t value = (data[0] & 0x80U) != 0 ? ~std::uint64_t{0} : 0;
  for (int i = 0; i < length; ++i) value = (value << 8U) | data[i];
  return static_cast<std::int64_t>(value);
}

bool Rows::boolean(int row, int column) const {
  return !is_null(row, column) && PQgetlength(m_handle, row, column) == 1 &&
         *PQgetvalue(m_handle, row, column) != 0;
}

std::string Rows::text(int row, int column) const {
  if (is_null(row, column)) return {};
  return {PQgetvalue(m_handle, row, column),
          static_cast<std::size_t>(PQgetlength(m_handle, row, column))};
}

std::vector<std::uint8_t> Rows::bytes(int row, int column) const {
  if (is_null(row, column)) return {};
  const auto* data = reinterpret_cast<const std::uint8_t*>(PQgetvalue(m_handle, row, column));
  return {data, data + PQgetlength(m_handle, row, column)};
}

// --- Connection

Result<Connection> Connection::open(const std::string& url, std::chrono::seconds connect_timeout) {
  // A URL libpq cannot read is the configuration's mistake, not an outage.
  char* parse_error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(url.c_str(), &parse_error);
  if (parsed == nullptr) {
    std::string why = redact_secrets(trimmed(parse_error), url);
    PQfreemem(parse_error);
    return tl::unexpected(Error::io(msg(MsgId::store_open_failed, display_name(url), why), {},
                                    msg(MsgId::hint_store_postgres_open)));
  }
  PQconninfoFree(parsed);
  std::string timeout = std::to_string(connect_timeout.count() < 1 ? 1 : connect_timeout.count());
  // expand_dbname: the first value is the whole URL; the keywords after it add to it.
  std::array<const char*, 4> keywords = {"dbname", "connect_timeout", "fallback_application_name",
                                         nullptr};
  std::array<const char*, 4> values = {url.c_str(), timeout.c_str(), "ccteam", nullptr};
  PGconn* handle = PQconnectdbParams(keywords.data(), values.data(), 1);
  Connection connection(handle, display_name(url));
  if (handle == nullptr) return tl::unexpected(unavailable(connection.m_name, "out of memory"));
  PQsetNoticeReceiver(handle, note_notice, connection.m_closing.get());
  if (PQstatus(handle) != CONNECTION_OK) {
    return tl::unexpected(
        Error::unavailable(msg(MsgId::store_open_failed, connection.m_name,
                               redact_secrets(trimmed(PQerrorMessage(handle)), url)),
                           msg(MsgId::hint_store_postgres_open)));
  }
  if (auto ready = connection.set_up_session(); !ready) {
    return tl::unexpected(std::move(ready).error());
  }
  return connection;
}

Result<void> Connection::set_up_session() {
  // Ids and times are plain values (UUID bytes, Unix milliseconds), so the time zone only
  // matters to people reading the database by hand. A writer waits at most 5 s for another's
  // row lock, as SQLite's busy timeout; no statement runs longer than a minute.
  return execute(
      "SET TIME ZONE 'UTC'; SET lock_timeout = '5s'; SET statement_timeout = '60s'; "
      "SET idle_in_transaction_session_timeout = '60s'");
}

Connection::Connection(Connection&& other) noexcept
    : m_handle(std::exchange(other.m_handle, nullptr)),
      m_name(std::move(other.m_name)),
      m_sqlstate(std::move(other.m_sqlstate)),
      m_closing(std::move(other.m_closing)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    if (m_handle != nullptr) PQfinish(m_handle);
    m_handle = std::exchange(other.m_handle, nullptr);
    m_name = std::move(other.m_name);
    m_sqlstate = std::move(other.m_sqlstate);
    m_closing = std::move(other.m_closing);
  }
  return *this;
}

Connection::~Connection() {
  if (m_handle != nullptr) PQfinish(m_handle);
}

bool Connection::ok() const { return m_handle != nullptr && PQstatus(m_handle) == CONNECTION_OK; }

bool Connection::alive() {
  if (m_handle == nullptr || PQconsumeInput(m_handle) == 0) return false;
  // Parse what arrived (a FATAL notice sets *m_closing); drop notifications, none are used.
  while (PGnotify* notification = PQnotifies(m_handle)) PQfreemem(notification);
  return !*m_closing && ok();
}

Result<void> Connection::reset() {
  if (m_handle == nullptr) return tl::unexpected(unavailable(m_name, "no connection"));
  PQreset(m_handle);
  *m_closing = false;
  if (!ok()) return tl::unexpected(unavailable(m_name, trimmed(PQerrorMessage(m_handle))));
  return set_up_session();
}

Error Connection::failure(const char* what) {
  if (!ok() || is_unavailable(m_sqlstate)) return unavailable(m_name, trimmed(what));
  return Error::io(msg(MsgId::store_database_error, m_name, trimmed(what)));
}

Result<void> Connection::execute(std::string_view sql) {
  // PQexec runs several statements separated by semicolons (migrations); no parameters, and its
  // rows would come back as text, so it returns none.
  std::string text(sql);
  CCTEAM_TRY(Rows rows, finish(PQexec(m_handle, text.c_str())));
  (void)rows;
  return {};
}

Result<Rows> Connection::query(std::string_view sql, std::initializer_list<Param> params) {
  return query(sql, std::span<const Param>(params.begin(), params.size()));
}

Result<Rows> Connection::query(std::string_view sql, std::span<const Param> params) {
  std::string text(sql);
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
  values.reserve(params.size());
  for (const Param& param : params) {
    values.push_back(param.is_null() ? nullptr : param.data().c_str());
    lengths.push_back(static_cast<int>(param.data().size()));
    formats.push_back(param.is_binary() ? 1 : 0);
  }
  return finish(PQexecParams(m_handle, text.c_str(), static_cast<int>(params.size()), nullptr,
                             values.data(), lengths.data(), formats.data(), 1));
}

Result<Rows> Connection::finish(pg_result* result) {
  m_sqlstate.clear();
  Rows rows(result);
  ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return rows;
  if (result != nullptr) {
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    m_sqlstate = state != nullptr ? state : "";
  }
  const char* why = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(m_handle);
  return tl::unexpected(failure(why));
}

// --- Transaction

Result<Transaction> Transaction::begin(Connection& connection) {
  if (auto begun = connection.execute("BEGIN"); !begun) {
    return tl::unexpected(std::move(begun).error());
  }
  return Transaction(connection);
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr)) {}

Transaction::~Transaction() {
  if (m_connection != nullptr && m_connection->ok()) (void)m_connection->execute("ROLLBACK");
}

Result<void> Transaction::commit() {
  Connection* connection = std::exchange(m_connection, nullptr);
  auto committed = connection->query("COMMIT", std::span<const Param>{});
  if (!committed) {
    if (connection->ok()) (void)connection->execute("ROLLBACK");
    return tl::unexpected(std::move(committed).error());
  }
  // COMMIT of a transaction that failed earlier answers ROLLBACK, not an error.
  if (committed->command() != "COMMIT") {
    return tl::unexpected(
        Error::io(msg(MsgId::store_database_error, connection->name(), committed->command())));
  }
  return {};
}

}  // namespace ccteam::store::postgres
