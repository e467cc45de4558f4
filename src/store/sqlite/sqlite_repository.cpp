#include "store/sqlite/sqlite_repository.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <string>
#include <utility>
#include <variant>

#include "store/row_rules.hpp"
#include "store/sqlite/migrations.hpp"

namespace ccteam::store {

using sqlite::Connection;
using sqlite::Statement;
using sqlite::Transaction;

namespace {

template <class T>
tl::unexpected<Error> pass(Result<T>&& failed) {
  return tl::unexpected(std::move(failed).error());
}

Result<void> bind_uuid(Statement& statement, int index, const Uuid& id) {
  return statement.bind_blob(index, id.bytes);
}

Result<Uuid> column_uuid(const Statement& statement, int column, const char* where) {
  std::vector<std::uint8_t> bytes = statement.column_blob(column);
  if (bytes.size() != 16) return tl::unexpected(Error::internal(msg(MsgId::store_bad_uuid, where)));
  Uuid id;
  std::copy(bytes.begin(), bytes.end(), id.bytes.begin());
  return id;
}

// The error of a failed write: an unknown organisation (the foreign key) as not_found.
Error write_error(const Connection& connection, Error error, const Uuid& organisation) {
  if (connection.last_error_code() == SQLITE_CONSTRAINT_FOREIGNKEY) {
    return Error::not_found(msg(MsgId::store_unknown_organisation, organisation.to_string()));
  }
  return error;
}

Result<StoredCatalog> read_catalog_row(const Statement& row) {
  StoredCatalog out;
  CCTEAM_TRY(out.id, column_uuid(row, 0, "catalogs.id"));
  CCTEAM_TRY(out.organisation_id, column_uuid(row, 1, "catalogs.organisation_id"));
  out.source_name = row.column_text(2);
  out.yaml = row.column_text(3);
  out.version = row.column_int64(4);
  out.updated_at = row.column_int64(5);
  return out;
}

Result<StoredEmployer> read_employer_row(const Statement& row) {
  StoredEmployer out;
  CCTEAM_TRY(out.id, column_uuid(row, 0, "employers.id"));
  CCTEAM_TRY(out.organisation_id, column_uuid(row, 1, "employers.organisation_id"));
  out.name = row.column_text(2);
  out.yaml = row.column_text(3);
  out.version = row.column_int64(4);
  out.updated_at = row.column_int64(5);
  return out;
}

// The organisation's row of 'table' (catalogs or pay_bands) on 'connection', or nullopt.
Result<std::optional<StoredCatalog>> find_catalog(Connection& connection, const Uuid& organisation,
                                                  std::string_view table = "catalogs") {
  CCTEAM_TRY(Statement query,
             connection.prepare("SELECT id, organisation_id, source_name, yaml, version, "
                                "updated_at_ms FROM " +
                                std::string(table) + " WHERE organisation_id = ?1"));
  if (auto bound = bind_uuid(query, 1, organisation); !bound) return pass(std::move(bound));
  CCTEAM_TRY(bool has_row, query.step());
  if (!has_row) return std::optional<StoredCatalog>();
  CCTEAM_TRY(StoredCatalog row, read_catalog_row(query));
  return std::optional<StoredCatalog>(std::move(row));
}

// Read and write for the owner only (best effort: a file system without modes keeps its own).
void restrict_to_owner(const std::string& path) {
  std::error_code ignored;
  std::filesystem::permissions(
      path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
      std::filesystem::perm_options::replace, ignored);
}

// --- accounts, sessions, API tokens, throttling and the audit log

// A value bound to a statement parameter.
using Bound =
    std::variant<std::nullptr_t, std::int64_t, std::string_view, const Uuid*, const TokenHash*>;

Result<void> bind_values(Statement& statement, std::initializer_list<Bound> values) {
  int index = 0;
  for (const Bound& value : values) {
    ++index;
    Result<void> bound;
    if (std::holds_alternative<std::nullptr_t>(value)) {
      bound = statement.bind_null(index);
    } else if (const auto* number = std::get_if<std::int64_t>(&value)) {
      bound = statement.bind_int64(index, *number);
    } else if (const auto* text = std::get_if<std::string_view>(&value)) {
      bound = statement.bind_text(index, *text);
    } else if (const auto* id = std::get_if<const Uuid*>(&value)) {
      bound = *id ? statement.bind_blob(index, (*id)->bytes) : statement.bind_null(index);
    } else if (const auto* hash = std::get_if<const TokenHash*>(&value)) {
      bound = statement.bind_blob(index, **hash);
    }
    if (!bound) return bound;
  }
  return {};
}

// Prepares 'sql', binds 'values' and runs it to the end.
Result<void> run_sql(Connection& connection, std::string_view sql,
                     std::initializer_list<Bound> values) {
  CCTEAM_TRY(Statement statement, connection.prepare(sql));
  if (auto bound = bind_values(statement, values); !bound) return bound;
  return statement.run();
}

Bound optional_uuid(const std::optional<Uuid>& id) { return id ? Bound(&*id) : Bound(nullptr); }

Result<void> append_audit(Connection& connection, const Uuid& organisation,
                          const AuditEntry& entry) {
  std::string fields = fields_json(entry.fields);
  return run_sql(connection,
                 "INSERT INTO audit_log (organisation_id, at_ms, actor_user_id, actor_kind, "
                 "action, target_kind, target_id, fields, request_id) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                 {&organisation, entry.at, optional_uuid(entry.actor_user_id),
                  std::string_view(entry.actor_kind), std::string_view(entry.action),
                  std::string_view(entry.target_kind), optional_uuid(entry.target_id),
                  std::string_view(fields), std::string_view(entry.request_id)});
}

constexpr std::string_view k_user_columns =
    "SELECT id, organisation_id, login, display_name, role, password_hash, must_change_password, "
    "disabled, version, created_at_ms, updated_at_ms FROM users ";

// Reads the user columns starting at column 'first'.
Result<StoredUser> read_user_row(const Statement& row, int first = 0) {
  StoredUser out;
  CCTEAM_TRY(out.id, column_uuid(row, first, "users.id"));
  CCTEAM_TRY(out.organisation_id, column_uuid(row, first + 1, "users.organisation_id"));
  out.login = row.column_text(first + 2);
  out.display_name = row.column_text(first + 3);
  out.role = row.column_text(first + 4);
  out.password_hash = row.column_text(first + 5);
  out.must_change_password = row.column_int64(first + 6) != 0;
  out.disabled = row.column_int64(first + 7) != 0;
  out.version = row.column_int64(first + 8);
  out.created_at = row.column_int64(first + 9);
  out.updated_at = row.column_int64(first + 10);
  return out;
}

Result<std::optional<StoredUser>> find_user(Connection& connection, const Uuid& organisation,
                                            std::string_view where, Bound key) {
  std::string sql =
      std::string(k_user_columns) + "WHERE organisation_id = ?1 AND " + std::string(where);
  CCTEAM_TRY(Statement query, connection.prepare(sql));
  if (auto bound = bind_values(query, {&organisation, key}); !bound) return pass(std::move(bound));
  CCTEAM_TRY(bool has_row, query.step());
  if (!has_row) return std::optional<StoredUser>();
  CCTEAM_TRY(StoredUser user, read_user_row(query));
  return std::optional<StoredUser>(std::move(user));
}

Result<std::int64_t> count_active_admins(Connection& connection, const Uuid& organisation) {
  CCTEAM_TRY(Statement query,
             connection.prepare("SELECT count(*) FROM users WHERE organisation_id = ?1 AND "
                                "role = 'admin' AND disabled = 0"));
  if (auto bound = bind_values(query, {&organisation}); !bound) return pass(std::move(bound));
  CCTEAM_TRY(bool has_row, query.step());
  return has_row ? query.column_int64(0) : std::int64_t{0};
}

constexpr std::string_view k_token_columns =
    "SELECT t.id, t.organisation_id, t.user_id, t.name, t.hint, t.created_at_ms, "
    "t.last_used_at_ms, t.revoked_at_ms FROM api_tokens t ";

Result<StoredApiToken> read_token_row(const Statement& row) {
  StoredApiToken out;
  CCTEAM_TRY(out.id, column_uuid(row, 0, "api_tokens.id"));
  CCTEAM_TRY(out.organisation_id, column_uuid(row, 1, "api_tokens.organisation_id"));
  CCTEAM_TRY(out.user_id, column_uuid(row, 2, "api_tokens.user_id"));
  out.name = row.column_text(3);
  out.hint = row.column_text(4);
  out.created_at = row.column_int64(5);
  if (!row.column_is_null(6)) out.last_used_at = row.column_int64(6);
  if (!row.column_is_null(7)) out.revoked_at = row.column_int64(7);
  return out;
}

constexpr std::string_view k_job_columns =
    "id, organisation_id, kind, dedupe_key, payload, state, attempts, max_attempts, run_after_ms, "
    "claimed_by, lease_until_ms, result, error, created_at_ms, finished_at_ms, created_by, "
    "progress_done, progress_total, cancel_requested";

Result<StoredJob> read_job_row(const Statement& row) {
  StoredJob out;
  CCTEAM_TRY(out.id, column_uuid(row, 0, "jobs.id"));
  CCTEAM_TRY(out.organisation_id, column_uuid(row, 1, "jobs.organisation_id"));
  out.kind = row.column_text(2);
  if (!row.column_is_null(3)) out.dedupe_key = row.column_text(3);
  out.payload = row.column_text(4);
  out.state = row.column_text(5);
  out.attempts = row.column_int64(6);
  out.max_attempts = row.column_int64(7);
  out.run_after = row.column_int64(8);
  if (!row.column_is_null(9)) out.claimed_by = row.column_text(9);
  if (!row.column_is_null(10)) out.lease_until = row.column_int64(10);
  if (!row.column_is_null(11)) out.result = row.column_text(11);
  if (!row.column_is_null(12)) out.error = row.column_text(12);
  out.created_at = row.column_int64(13);
  if (!row.column_is_null(14)) out.finished_at = row.column_int64(14);
  if (!row.column_is_null(15)) {
    CCTEAM_TRY(out.created_by, column_uuid(row, 15, "jobs.created_by"));
  }
  out.progress_done = row.column_int64(16);
  out.progress_total = row.column_int64(17);
  out.cancel_requested = row.column_int64(18) != 0;
  return out;
}

Bound optional_text(const std::optional<std::string>& text) {
  return text ? Bound(std::string_view(*text)) : Bound(nullptr);
}

Bound optional_millis(const std::optional<UnixMillis>& value) {
  return value ? Bound(*value) : Bound(nullptr);
}

// The job 'id' (of 'organisation' when given) on 'connection', or nullopt.
Result<std::optional<StoredJob>> find_job(Connection& connection, const Uuid& id) {
  CCTEAM_TRY(Statement query, connection.prepare("SELECT " + std::string(k_job_columns) +
                                                 " FROM jobs WHERE id = ?1"));
  if (auto bound = bind_values(query, {&id}); !bound) return pass(std::move(bound));
  CCTEAM_TRY(bool has_row, query.step());
  if (!has_row) return std::optional<StoredJob>();
  CCTEAM_TRY(StoredJob job, read_job_row(query));
  return std::optional<StoredJob>(std::move(job));
}

// Inserts or updates the organisation's one row of 'table' (catalogs or pay_bands), 'existing'
// as read in this transaction, with its audit entry (catalog.put or pay_bands.put).
Result<StoredCatalog> write_document(Connection& writer, std::string_view table,
                                     const Uuid& organisation,
                                     std::optional<StoredCatalog> existing, std::string source_name,
                                     std::string yaml, UnixMillis at, const Actor& actor) {
  StoredCatalog row;
  if (existing) {
    row = std::move(*existing);
    row.version += 1;
  } else {
    row.id = new_uuid_v7(at);
    row.organisation_id = organisation;
    row.version = 1;
  }
  row.source_name = std::move(source_name);
  row.yaml = std::move(yaml);
  row.updated_at = at;
  std::string sql =
      existing ? "UPDATE " + std::string(table) +
                     " SET organisation_id = ?2, source_name = ?3, yaml = ?4, version = ?5, "
                     "updated_at_ms = ?6 WHERE id = ?1"
               : "INSERT INTO " + std::string(table) +
                     " (id, organisation_id, source_name, yaml, version, updated_at_ms) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
  CCTEAM_TRY(Statement write, writer.prepare(sql));
  for (auto bound : {bind_uuid(write, 1, row.id), bind_uuid(write, 2, row.organisation_id),
                     write.bind_text(3, row.source_name), write.bind_text(4, row.yaml),
                     write.bind_int64(5, row.version), write.bind_int64(6, row.updated_at)}) {
    if (!bound) return pass(std::move(bound));
  }
  if (auto written = write.run(); !written) {
    return tl::unexpected(write_error(writer, std::move(written).error(), organisation));
  }
  const bool bands = table == "pay_bands";
  if (auto audited =
          append_audit(writer, organisation,
                       audit_of(actor, at, bands ? "pay_bands.put" : "catalog.put",
                                bands ? "pay_bands" : "catalog", row.id, {"source_name", "yaml"}));
      !audited) {
    return pass(std::move(audited));
  }
  return row;
}

}  // namespace

// A reader connection lent to one thread; given back to the pool on destruction.
class SqliteRepository::ReaderLease {
 public:
  ReaderLease(SqliteRepository& owner, Connection& connection)
      : m_owner(&owner), m_connection(&connection) {}
  ReaderLease(const ReaderLease&) = delete;
  ReaderLease& operator=(const ReaderLease&) = delete;
  ~ReaderLease() {
    {
      std::lock_guard lock(m_owner->m_pool_mutex);
      m_owner->m_idle_readers.push_back(m_connection);
    }
    m_owner->m_reader_returned.notify_all();
  }
  Connection& operator*() const { return *m_connection; }
  Connection* operator->() const { return m_connection; }

 private:
  SqliteRepository* m_owner;
  Connection* m_connection;
};

SqliteRepository::SqliteRepository(std::unique_ptr<Connection> writer,
                                   std::function<UnixMillis()> clock)
    : m_clock(std::move(clock)), m_writer(std::move(writer)) {}

SqliteRepository::~SqliteRepository() = default;

Result<std::unique_ptr<SqliteRepository>> SqliteRepository::open(const std::string& path,
                                                                 const SqliteOptions& options) {
  std::error_code ignored;
  bool existed = std::filesystem::exists(path, ignored);
  CCTEAM_TRY(Connection writer,
             Connection::open(path, sqlite::OpenMode::read_write_create, options.busy_timeout));
  // The workspace holds password hashes and, later, applicants' data: a new file is readable by
  // its owner only (SQLite gives its -wal and -shm files the same permissions).
  if (!existed) restrict_to_owner(path);
  std::unique_ptr<SqliteRepository> repository(
      new SqliteRepository(std::make_unique<Connection>(std::move(writer)), options.clock));
  if (path == ":memory:" || path.empty()) {
    repository->m_documents = std::make_unique<MemoryDocumentStore>();
  } else {
    repository->m_documents = std::make_unique<DirectoryDocumentStore>(path + "-documents");
  }
  CCTEAM_TRY(int version, sqlite::migrate(*repository->m_writer, repository->now()));
  (void)version;
  std::size_t readers = std::max<std::size_t>(options.readers, 1);
  for (std::size_t i = 0; i < readers; ++i) {
    CCTEAM_TRY(Connection reader,
               Connection::open(path, sqlite::OpenMode::read_write, options.busy_timeout));
    // Readers never write: a write through one would bypass the writer's lock and order.
    if (auto only = reader.execute("PRAGMA query_only=ON"); !only) return pass(std::move(only));
    repository->m_readers.push_back(std::make_unique<Connection>(std::move(reader)));
    repository->m_idle_readers.push_back(repository->m_readers.back().get());
  }
  return repository;
}

Result<std::unique_ptr<Repository>> open_sqlite_repository(const std::string& path) {
  CCTEAM_TRY(std::unique_ptr<SqliteRepository> repository, SqliteRepository::open(path));
  return std::unique_ptr<Repository>(std::move(repository));
}

UnixMillis SqliteRepository::now() const {
  if (m_clock) return m_clock();
  return unix_millis_now();
}

SqliteRepository::ReaderLease SqliteRepository::lease_reader() {
  std::unique_lock lock(m_pool_mutex);
  m_reader_returned.wait(lock, [this] { return !m_idle_readers.empty(); });
  Connection* connection = m_idle_readers.back();
  m_idle_readers.pop_back();
  return ReaderLease(*this, *connection);
}

Result<Uuid> SqliteRepository::default_organisation() {
  return *Uuid::parse(k_default_organisation_id);
}

Result<std::optional<StoredCatalog>> SqliteRepository::catalog(const Uuid& organisation) {
  ReaderLease reader = lease_reader();
  return find_catalog(*reader, organisation);
}

Result<std::int64_t> SqliteRepository::catalog_version(const Uuid& organisation) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement query,
             reader->prepare("SELECT version FROM catalogs WHERE organisation_id = ?1"));
  if (auto bound = bind_uuid(query, 1, organisation); !bound) return pass(std::move(bound));
  CCTEAM_TRY(bool has_row, query.step());
  return has_row ? query.column_int64(0) : std::int64_t{0};
}

Result<std::int64_t> SqliteRepository::catalog_revision(const Uuid& organisation) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement query,
             reader->prepare("SELECT c.version + coalesce(p.version, 0) FROM catalogs c LEFT JOIN "
                             "pay_bands p ON p.organisation_id = c.organisation_id "
                             "WHERE c.organisation_id = ?1"));
  if (auto bound = bind_uuid(query, 1, organisation); !bound) return pass(std::move(bound));
  CCTEAM_TRY(bool has_row, query.step());
  return has_row ? query.column_int64(0) : std::int64_t{0};
}

Result<std::int64_t> SqliteRepository::openings_revision(const Uuid& organisation) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(
      Statement query,
      reader->prepare("SELECT (SELECT count(*) + coalesce(sum(version), 0) FROM openings "
                      "WHERE organisation_id = ?1) + (SELECT count(*) + "
                      "coalesce(sum(version), 0) FROM employers WHERE organisation_id = ?1)"));
  if (auto bound = bind_uuid(query, 1, organisation); !bound) return pass(std::move(bound));
  CCTEAM_TRY(bool has_row, query.step());
  return has_row ? query.column_int64(0) : std::int64_t{0};
}

Result<std::optional<StoredCatalog>> SqliteRepository::pay_bands(const Uuid& organisation) {
  ReaderLease reader = lease_reader();
  return find_catalog(*reader, organisation, "pay_bands");
}

Result<StoredCatalog> SqliteRepository::put_pay_bands(const Uuid& organisation,
                                                      std::string source_name, std::string yaml,
                                                      std::int64_t expected_version,
                                                      const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  CCTEAM_TRY(std::optional<StoredCatalog> existing,
             find_catalog(writer, organisation, "pay_bands"));
  std::int64_t stored_version = existing ? existing->version : 0;
  if (stored_version != expected_version) {
    return tl::unexpected(
        Error::conflict(msg(MsgId::pay_bands_stale, stored_version, expected_version)));
  }
  CCTEAM_TRY(StoredCatalog row,
             write_document(writer, "pay_bands", organisation, std::move(existing),
                            std::move(source_name), std::move(yaml), now(), actor));
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return row;
}

Result<StoredCatalog> SqliteRepository::put_catalog(const Uuid& organisation,
                                                    std::string source_name, std::string yaml) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  CCTEAM_TRY(std::optional<StoredCatalog> existing, find_catalog(writer, organisation));
  CCTEAM_TRY(StoredCatalog row,
             write_document(writer, "catalogs", organisation, std::move(existing),
                            std::move(source_name), std::move(yaml), now(), Actor::system()));
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return row;
}

Result<std::vector<StoredEmployer>> SqliteRepository::employers(const Uuid& organisation,
                                                                const std::optional<Uuid>& after,
                                                                std::size_t limit) {
  constexpr std::string_view k_first =
      "SELECT id, organisation_id, name, yaml, version, updated_at_ms FROM employers "
      "WHERE organisation_id = ?1 ORDER BY id LIMIT ?2";
  constexpr std::string_view k_next =
      "SELECT id, organisation_id, name, yaml, version, updated_at_ms FROM employers "
      "WHERE organisation_id = ?1 AND id > ?3 ORDER BY id LIMIT ?2";
  auto capped = static_cast<std::int64_t>(
      std::min<std::size_t>(limit, std::numeric_limits<std::int64_t>::max()));
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement query, reader->prepare(after ? k_next : k_first));
  if (auto bound = bind_uuid(query, 1, organisation); !bound) return pass(std::move(bound));
  if (auto bound = query.bind_int64(2, capped); !bound) return pass(std::move(bound));
  if (after) {
    if (auto bound = bind_uuid(query, 3, *after); !bound) return pass(std::move(bound));
  }
  std::vector<StoredEmployer> out;
  while (true) {
    CCTEAM_TRY(bool has_row, query.step());
    if (!has_row) break;
    CCTEAM_TRY(StoredEmployer row, read_employer_row(query));
    out.push_back(std::move(row));
  }
  return out;
}

Result<StoredEmployer> SqliteRepository::add_employer(const Uuid& organisation, std::string name,
                                                      std::string yaml, const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  StoredEmployer row;
  row.updated_at = now();
  row.id = new_uuid_v7(row.updated_at);
  row.organisation_id = organisation;
  row.name = std::move(name);
  row.yaml = std::move(yaml);
  row.version = 1;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  CCTEAM_TRY(Statement insert,
             writer.prepare("INSERT INTO employers (id, organisation_id, name, yaml, version, "
                            "updated_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  for (auto bound : {bind_uuid(insert, 1, row.id), bind_uuid(insert, 2, row.organisation_id),
                     insert.bind_text(3, row.name), insert.bind_text(4, row.yaml),
                     insert.bind_int64(5, row.version), insert.bind_int64(6, row.updated_at)}) {
    if (!bound) return pass(std::move(bound));
  }
  if (auto written = insert.run(); !written) {
    return tl::unexpected(write_error(writer, std::move(written).error(), organisation));
  }
  if (auto audited = append_audit(
          writer, organisation,
          audit_of(actor, row.updated_at, "employer.create", "employer", row.id, {"name", "yaml"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return row;
}

namespace {

constexpr std::string_view k_employer_by_id =
    "SELECT id, organisation_id, name, yaml, version, updated_at_ms FROM employers "
    "WHERE organisation_id = ?1 AND id = ?2";

Result<std::optional<StoredEmployer>> find_employer(Connection& connection,
                                                    const Uuid& organisation, const Uuid& id) {
  CCTEAM_TRY(Statement query, connection.prepare(k_employer_by_id));
  for (auto bound : {bind_uuid(query, 1, organisation), bind_uuid(query, 2, id)}) {
    if (!bound) return pass(std::move(bound));
  }
  CCTEAM_TRY(bool has_row, query.step());
  if (!has_row) return std::optional<StoredEmployer>();
  CCTEAM_TRY(StoredEmployer row, read_employer_row(query));
  return std::optional<StoredEmployer>(std::move(row));
}

}  // namespace

Result<std::optional<StoredEmployer>> SqliteRepository::employer(const Uuid& organisation,
                                                                 const Uuid& id) {
  ReaderLease reader = lease_reader();
  return find_employer(*reader, organisation, id);
}

Result<StoredEmployer> SqliteRepository::put_employer(const Uuid& organisation, const Uuid& id,
                                                      std::string name, std::string yaml,
                                                      std::int64_t expected_version,
                                                      const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  CCTEAM_TRY(std::optional<StoredEmployer> existing, find_employer(writer, organisation, id));
  if (!existing) {
    return tl::unexpected(Error::not_found(msg(MsgId::employer_not_found, id.to_string())));
  }
  if (existing->version != expected_version) {
    return tl::unexpected(
        Error::conflict(msg(MsgId::employer_stale, existing->version, expected_version)));
  }
  StoredEmployer row = std::move(*existing);
  row.name = std::move(name);
  row.yaml = std::move(yaml);
  row.version += 1;
  row.updated_at = now();
  CCTEAM_TRY(Statement update,
             writer.prepare("UPDATE employers SET name = ?3, yaml = ?4, version = ?5, "
                            "updated_at_ms = ?6 WHERE organisation_id = ?1 AND id = ?2"));
  for (auto bound : {bind_uuid(update, 1, organisation), bind_uuid(update, 2, row.id),
                     update.bind_text(3, row.name), update.bind_text(4, row.yaml),
                     update.bind_int64(5, row.version), update.bind_int64(6, row.updated_at)}) {
    if (!bound) return pass(std::move(bound));
  }
  if (auto written = update.run(); !written) {
    return tl::unexpected(write_error(writer, std::move(written).error(), organisation));
  }
  if (auto audited = append_audit(
          writer, organisation,
          audit_of(actor, row.updated_at, "employer.put", "employer", row.id, {"name", "yaml"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return row;
}

Result<std::vector<StoredUser>> SqliteRepository::users(
    const Uuid& organisation, const std::optional<std::string>& after_login, std::size_t limit) {
  std::string sql = std::string(k_user_columns) + "WHERE organisation_id = ?1 AND login > ?2 " +
                    "ORDER BY login LIMIT ?3";
  auto capped = static_cast<std::int64_t>(std::min<std::size_t>(limit, 100000));
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement query, reader->prepare(sql));
  if (auto bound = bind_values(
          query, {&organisation, std::string_view(after_login ? *after_login : ""), capped});
      !bound) {
    return pass(std::move(bound));
  }
  std::vector<StoredUser> out;
  while (true) {
    CCTEAM_TRY(bool has_row, query.step());
    if (!has_row) break;
    CCTEAM_TRY(StoredUser user, read_user_row(query));
    out.push_back(std::move(user));
  }
  return out;
}

Result<std::optional<StoredUser>> SqliteRepository::user_by_id(const Uuid& organisation,
                                                               const Uuid& id) {
  ReaderLease reader = lease_reader();
  return find_user(*reader, organisation, "id = ?2", &id);
}

Result<std::optional<StoredUser>> SqliteRepository::user_by_login(const Uuid& organisation,
                                                                  const std::string& login) {
  ReaderLease reader = lease_reader();
  return find_user(*reader, organisation, "login = ?2", std::string_view(login));
}

Result<std::int64_t> SqliteRepository::count_active_users(const Uuid& organisation) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement query, reader->prepare("SELECT count(*) FROM users WHERE "
                                              "organisation_id = ?1 AND disabled = 0"));
  if (auto bound = bind_values(query, {&organisation}); !bound) return pass(std::move(bound));
  CCTEAM_TRY(bool has_row, query.step());
  return has_row ? query.column_int64(0) : std::int64_t{0};
}

Result<StoredUser> SqliteRepository::add_user(const Uuid& organisation, StoredUser user,
                                              const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  user.created_at = user.updated_at = now();
  user.id = new_uuid_v7(user.created_at);
  user.organisation_id = organisation;
  user.version = 1;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  auto inserted =
      run_sql(writer,
              "INSERT INTO users (id, organisation_id, login, display_name, role, password_hash, "
              "must_change_password, disabled, version, created_at_ms, updated_at_ms) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
              {&user.id, &organisation, std::string_view(user.login),
               std::string_view(user.display_name), std::string_view(user.role),
               std::string_view(user.password_hash), std::int64_t{user.must_change_password},
               std::int64_t{user.disabled}, user.version, user.created_at, user.updated_at});
  if (!inserted) {
    if (writer.last_error_code() == SQLITE_CONSTRAINT_UNIQUE) {
      return tl::unexpected(Error::invalid_input(msg(MsgId::user_login_taken, user.login)));
    }
    return tl::unexpected(write_error(writer, std::move(inserted).error(), organisation));
  }
  if (auto audited = append_audit(
          writer, organisation,
          audit_of(actor, user.created_at, "user.create", "user", user.id,
                   {"login", "display_name", "role", "password_hash", "must_change_password"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return user;
}

Result<StoredUser> SqliteRepository::update_user(const Uuid& organisation, const Uuid& id,
                                                 std::int64_t expected_version,
                                                 const UserChange& change,
                                                 const std::string& action, const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  CCTEAM_TRY(std::optional<StoredUser> found, find_user(writer, organisation, "id = ?2", &id));
  if (!found) return tl::unexpected(Error::not_found(msg(MsgId::user_not_found, id.to_string())));
  StoredUser user = std::move(*found);
  if (user.version != expected_version) {
    return tl::unexpected(Error::conflict(
        msg(MsgId::store_stale_version, user.login, user.version, expected_version)));
  }
  bool was_active_admin = is_active_admin(user);
  std::vector<std::string> fields = apply_user_change(user, change);
  if (fields.empty() && !change.end_sessions) return user;  // nothing to change, nothing to log
  if (was_active_admin && !is_active_admin(user)) {
    CCTEAM_TRY(std::int64_t admins, count_active_admins(writer, organisation));
    if (admins <= 1) return tl::unexpected(Error::invalid_input(msg(MsgId::user_last_admin)));
  }
  user.version += 1;
  user.updated_at = now();
  if (auto updated =
          run_sql(writer,
                  "UPDATE users SET display_name = ?2, role = ?3, password_hash = ?4, "
                  "must_change_password = ?5, disabled = ?6, version = ?7, updated_at_ms = ?8 "
                  "WHERE id = ?1",
                  {&user.id, std::string_view(user.display_name), std::string_view(user.role),
                   std::string_view(user.password_hash), std::int64_t{user.must_change_password},
                   std::int64_t{user.disabled}, user.version, user.updated_at});
      !updated) {
    return pass(std::move(updated));
  }
  if (change.end_sessions || user.disabled) {
    static const TokenHash k_none{};
    const TokenHash* keep = change.keep_session ? &*change.keep_session : &k_none;
    if (auto ended = run_sql(writer, "DELETE FROM sessions WHERE user_id = ?1 AND token_hash <> ?2",
                             {&user.id, keep});
        !ended) {
      return pass(std::move(ended));
    }
  }
  if (auto audited = append_audit(
          writer, organisation,
          audit_of(actor, user.updated_at, action, "user", user.id, std::move(fields)));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return user;
}

Result<void> SqliteRepository::add_session(const StoredSession& session, const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  // Expired sessions of every user go when a new one starts: the table stays small.
  if (auto pruned =
          run_sql(writer, "DELETE FROM sessions WHERE expires_at_ms < ?1", {session.created_at});
      !pruned) {
    return pruned;
  }
  if (auto inserted =
          run_sql(writer,
                  "INSERT INTO sessions (token_hash, id, organisation_id, user_id, created_at_ms, "
                  "last_seen_at_ms, expires_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                  {&session.token_hash, &session.id, &session.organisation_id, &session.user_id,
                   session.created_at, session.last_seen_at, session.expires_at});
      !inserted) {
    return inserted;
  }
  if (auto audited = append_audit(
          writer, session.organisation_id,
          audit_of(actor, session.created_at, "session.sign_in", "session", session.id));
      !audited) {
    return audited;
  }
  return transaction.commit();
}

Result<std::optional<std::pair<StoredSession, StoredUser>>> SqliteRepository::session_by_token(
    const TokenHash& token_hash) {
  ReaderLease reader = lease_reader();
  std::string sql =
      "SELECT u.id, u.organisation_id, u.login, u.display_name, u.role, u.password_hash, "
      "u.must_change_password, u.disabled, u.version, u.created_at_ms, u.updated_at_ms, "
      "s.id, s.created_at_ms, s.last_seen_at_ms, s.expires_at_ms "
      "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1";
  CCTEAM_TRY(Statement query, reader->prepare(sql));
  if (auto bound = bind_values(query, {&token_hash}); !bound) return pass(std::move(bound));
  CCTEAM_TRY(bool has_row, query.step());
  using Found = std::optional<std::pair<StoredSession, StoredUser>>;
  if (!has_row) return Found();
  CCTEAM_TRY(StoredUser user, read_user_row(query));
  StoredSession session;
  CCTEAM_TRY(session.id, column_uuid(query, 11, "sessions.id"));
  session.organisation_id = user.organisation_id;
  session.user_id = user.id;
  session.token_hash = token_hash;
  session.created_at = query.column_int64(12);
  session.last_seen_at = query.column_int64(13);
  session.expires_at = query.column_int64(14);
  return Found(std::pair{std::move(session), std::move(user)});
}

Result<void> SqliteRepository::touch_session(const TokenHash& token_hash, UnixMillis at) {
  std::lock_guard lock(m_write_mutex);
  return run_sql(*m_writer, "UPDATE sessions SET last_seen_at_ms = ?2 WHERE token_hash = ?1",
                 {&token_hash, at});
}

Result<void> SqliteRepository::end_session(const TokenHash& token_hash, const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  CCTEAM_TRY(Statement query,
             writer.prepare("SELECT id, organisation_id FROM sessions WHERE token_hash = ?1"));
  if (auto bound = bind_values(query, {&token_hash}); !bound) return bound;
  CCTEAM_TRY(bool has_row, query.step());
  if (!has_row) return {};
  CCTEAM_TRY(Uuid id, column_uuid(query, 0, "sessions.id"));
  CCTEAM_TRY(Uuid organisation, column_uuid(query, 1, "sessions.organisation_id"));
  query.reset();
  if (auto deleted = run_sql(writer, "DELETE FROM sessions WHERE token_hash = ?1", {&token_hash});
      !deleted) {
    return deleted;
  }
  if (auto audited = append_audit(writer, organisation,
                                  audit_of(actor, now(), "session.sign_out", "session", id));
      !audited) {
    return audited;
  }
  return transaction.commit();
}

Result<StoredApiToken> SqliteRepository::add_api_token(StoredApiToken token,
                                                       const TokenHash& token_hash,
                                                       const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  token.created_at = now();
  token.id = new_uuid_v7(token.created_at);
  token.last_used_at.reset();
  token.revoked_at.reset();
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  if (auto inserted =
          run_sql(writer,
                  "INSERT INTO api_tokens (id, organisation_id, user_id, token_hash, name, hint, "
                  "created_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                  {&token.id, &token.organisation_id, &token.user_id, &token_hash,
                   std::string_view(token.name), std::string_view(token.hint), token.created_at});
      !inserted) {
    return tl::unexpected(write_error(writer, std::move(inserted).error(), token.organisation_id));
  }
  if (auto audited = append_audit(writer, token.organisation_id,
                                  audit_of(actor, token.created_at, "token.create", "token",
                                           token.id, {"name", "user_id"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return token;
}

Result<std::vector<StoredApiToken>> SqliteRepository::api_tokens(const Uuid& organisation,
                                                                 const std::optional<Uuid>& user) {
  std::string sql = std::string(k_token_columns) + "WHERE t.organisation_id = ?1" +
                    (user ? " AND t.user_id = ?2" : "") + " ORDER BY t.id DESC LIMIT 1000";
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement query, reader->prepare(sql));
  if (auto bound =
          user ? bind_values(query, {&organisation, &*user}) : bind_values(query, {&organisation});
      !bound) {
    return pass(std::move(bound));
  }
  std::vector<StoredApiToken> out;
  while (true) {
    CCTEAM_TRY(bool has_row, query.step());
    if (!has_row) break;
    CCTEAM_TRY(StoredApiToken token, read_token_row(query));
    out.push_back(std::move(token));
  }
  return out;
}

Result<std::optional<std::pair<StoredApiToken, StoredUser>>> SqliteRepository::api_token_by_hash(
    const TokenHash& token_hash) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement query,
             reader->prepare(std::string(k_token_columns) +
                             "WHERE t.token_hash = ?1 AND t.revoked_at_ms IS NULL"));
  if (auto bound = bind_values(query, {&token_hash}); !bound) return pass(std::move(bound));
  CCTEAM_TRY(bool has_row, query.step());
  using Found = std::optional<std::pair<StoredApiToken, StoredUser>>;
  if (!has_row) return Found();
  CCTEAM_TRY(StoredApiToken token, read_token_row(query));
  query.reset();
  CCTEAM_TRY(std::optional<StoredUser> user,
             find_user(*reader, token.organisation_id, "id = ?2", &token.user_id));
  if (!user) return Found();
  return Found(std::pair{std::move(token), std::move(*user)});
}

Result<void> SqliteRepository::touch_api_token(const Uuid& id, UnixMillis at) {
  std::lock_guard lock(m_write_mutex);
  return run_sql(*m_writer, "UPDATE api_tokens SET last_used_at_ms = ?2 WHERE id = ?1", {&id, at});
}

Result<StoredApiToken> SqliteRepository::revoke_api_token(const Uuid& organisation, const Uuid& id,
                                                          const std::optional<Uuid>& owner,
                                                          const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  CCTEAM_TRY(Statement query,
             writer.prepare(std::string(k_token_columns) +
                            "WHERE t.organisation_id = ?1 AND t.id = ?2 AND "
                            "t.revoked_at_ms IS NULL AND (?3 IS NULL OR t.user_id = ?3)"));
  if (auto bound = bind_values(query, {&organisation, &id, optional_uuid(owner)}); !bound) {
    return pass(std::move(bound));
  }
  CCTEAM_TRY(bool has_row, query.step());
  if (!has_row) {
    return tl::unexpected(Error::not_found(msg(MsgId::token_not_found, id.to_string())));
  }
  CCTEAM_TRY(StoredApiToken token, read_token_row(query));
  query.reset();
  token.revoked_at = now();
  if (auto revoked = run_sql(writer, "UPDATE api_tokens SET revoked_at_ms = ?2 WHERE id = ?1",
                             {&id, *token.revoked_at});
      !revoked) {
    return pass(std::move(revoked));
  }
  if (auto audited = append_audit(
          writer, organisation,
          audit_of(actor, *token.revoked_at, "token.revoke", "token", id, {"revoked_at"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return token;
}

Result<std::vector<std::int64_t>> SqliteRepository::sign_in_failures(
    const std::vector<TokenHash>& keys, UnixMillis since) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement query, reader->prepare("SELECT count(*) FROM sign_in_failures "
                                              "WHERE key_hash = ?1 AND at_ms >= ?2"));
  std::vector<std::int64_t> out;
  for (const TokenHash& key : keys) {
    query.reset();
    if (auto bound = bind_values(query, {&key, since}); !bound) return pass(std::move(bound));
    CCTEAM_TRY(bool has_row, query.step());
    out.push_back(has_row ? query.column_int64(0) : 0);
  }
  return out;
}

Result<void> SqliteRepository::add_sign_in_failure(const Uuid& organisation,
                                                   const std::vector<TokenHash>& keys,
                                                   UnixMillis at, UnixMillis forget_before,
                                                   const AuditEntry& audit) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  if (auto pruned =
          run_sql(writer, "DELETE FROM sign_in_failures WHERE at_ms < ?1", {forget_before});
      !pruned) {
    return pruned;
  }
  for (const TokenHash& key : keys) {
    if (auto added = run_sql(writer,
                             "INSERT INTO sign_in_failures (key_hash, at_ms) "
                             "VALUES (?1, ?2)",
                             {&key, at});
        !added) {
      return added;
    }
  }
  if (auto audited = append_audit(writer, organisation, audit); !audited) return audited;
  return transaction.commit();
}

Result<void> SqliteRepository::clear_sign_in_failures(const TokenHash& key) {
  std::lock_guard lock(m_write_mutex);
  return run_sql(*m_writer, "DELETE FROM sign_in_failures WHERE key_hash = ?1", {&key});
}

namespace {

// Inserts 'job' as a new queued job (id, state and times set here) on 'writer'.
Result<StoredJob> insert_job(Connection& writer, StoredJob job, UnixMillis at) {
  job.created_at = at;
  job.id = new_uuid_v7(job.created_at);
  job.state = "queued";
  job.attempts = 0;
  job.claimed_by.reset();
  job.lease_until.reset();
  job.result.reset();
  job.error.reset();
  job.finished_at.reset();
  job.progress_done = 0;
  job.progress_total = 0;
  job.cancel_requested = false;
  if (auto inserted = run_sql(
          writer,
          "INSERT INTO jobs (id, organisation_id, kind, dedupe_key, payload, state, attempts, "
          "max_attempts, run_after_ms, created_at_ms, created_by) VALUES (?1, ?2, ?3, ?4, ?5, "
          "'queued', 0, ?6, ?7, ?8, ?9)",
          {&job.id, &job.organisation_id, std::string_view(job.kind), optional_text(job.dedupe_key),
           std::string_view(job.payload), job.max_attempts, job.run_after, job.created_at,
           optional_uuid(job.created_by)});
      !inserted) {
    return tl::unexpected(write_error(writer, std::move(inserted).error(), job.organisation_id));
  }
  return job;
}

// The number of queued or running jobs of 'kind' in 'organisation' (of 'creator' when given).
Result<std::int64_t> active_jobs(Connection& connection, const Uuid& organisation,
                                 const std::string& kind, const std::optional<Uuid>& creator) {
  CCTEAM_TRY(Statement query,
             connection.prepare("SELECT count(*) FROM jobs WHERE organisation_id = ?1 AND kind = "
                                "?2 AND state IN ('queued', 'running') AND (?3 IS NULL OR "
                                "created_by = ?3)"));
  if (auto bound =
          bind_values(query, {&organisation, std::string_view(kind), optional_uuid(creator)});
      !bound) {
    return pass(std::move(bound));
  }
  CCTEAM_TRY(bool has_row, query.step());
  return has_row ? query.column_int64(0) : 0;
}

}  // namespace

Result<StoredJob> SqliteRepository::enqueue_job(StoredJob job) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  if (job.dedupe_key) {
    CCTEAM_TRY(Statement query, writer.prepare("SELECT " + std::string(k_job_columns) +
                                               " FROM jobs WHERE organisation_id = ?1 AND "
                                               "kind = ?2 AND dedupe_key = ?3"));
    if (auto bound = bind_values(query, {&job.organisation_id, std::string_view(job.kind),
                                         std::string_view(*job.dedupe_key)});
        !bound) {
      return pass(std::move(bound));
    }
    CCTEAM_TRY(bool has_row, query.step());
    if (has_row) return read_job_row(query);
  }
  CCTEAM_TRY(StoredJob queued, insert_job(writer, std::move(job), now()));
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return queued;
}

Result<std::variant<StoredJob, JobLimitReached>> SqliteRepository::enqueue_limited_job(
    StoredJob job, const JobLimits& limits) {
  using Outcome = std::variant<StoredJob, JobLimitReached>;
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  job.dedupe_key.reset();
  if (limits.per_creator > 0 && job.created_by) {
    CCTEAM_TRY(std::int64_t mine,
               active_jobs(writer, job.organisation_id, job.kind, job.created_by));
    if (mine >= limits.per_creator) return Outcome(JobLimitReached::per_creator);
  }
  if (limits.per_kind > 0) {
    CCTEAM_TRY(std::int64_t all, active_jobs(writer, job.organisation_id, job.kind, std::nullopt));
    if (all >= limits.per_kind) return Outcome(JobLimitReached::per_kind);
  }
  CCTEAM_TRY(StoredJob queued, insert_job(writer, std::move(job), now()));
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return Outcome(std::move(queued));
}

Result<bool> SqliteRepository::report_job_progress(const Uuid& id, const std::string& node,
                                                   std::int64_t done, std::int64_t total,
                                                   UnixMillis lease_until) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Statement update,
             writer.prepare("UPDATE jobs SET progress_done = ?3, progress_total = ?4, "
                            "lease_until_ms = ?5 WHERE id = ?1 AND state = 'running' AND "
                            "claimed_by = ?2 RETURNING cancel_requested"));
  if (auto bound =
          bind_values(update, {&id, std::string_view(node), std::max<std::int64_t>(done, 0),
                               std::max<std::int64_t>(total, 0), lease_until});
      !bound) {
    return pass(std::move(bound));
  }
  CCTEAM_TRY(bool has_row, update.step());
  if (has_row) {
    bool cancel = update.column_int64(0) != 0;
    update.reset();
    return cancel;
  }
  update.reset();
  CCTEAM_TRY(std::optional<StoredJob> found, find_job(writer, id));
  if (!found) return tl::unexpected(Error::not_found(msg(MsgId::job_not_found, id.to_string())));
  return tl::unexpected(Error::conflict(msg(MsgId::store_stale_job, id.to_string())));
}

Result<StoredJob> SqliteRepository::cancel_job(const Uuid& organisation, const Uuid& id) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  CCTEAM_TRY(std::optional<StoredJob> found, find_job(writer, id));
  if (!found || found->organisation_id != organisation) {
    return tl::unexpected(Error::not_found(msg(MsgId::job_not_found, id.to_string())));
  }
  StoredJob job = std::move(*found);
  if (job.state == "queued") {
    job.state = "failed";
    job.error = "cancelled";
    job.finished_at = now();
  } else if (job.state != "running") {
    return job;
  }
  job.cancel_requested = true;
  if (auto updated = run_sql(writer,
                             "UPDATE jobs SET state = ?2, error = ?3, finished_at_ms = ?4, "
                             "cancel_requested = 1 WHERE id = ?1",
                             {&id, std::string_view(job.state), optional_text(job.error),
                              optional_millis(job.finished_at)});
      !updated) {
    return pass(std::move(updated));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return job;
}

Result<std::optional<StoredJob>> SqliteRepository::claim_job(const std::string& node,
                                                             const std::vector<std::string>& kinds,
                                                             UnixMillis at,
                                                             UnixMillis lease_until) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  if (auto given_up =
          run_sql(writer,
                  "UPDATE jobs SET state = 'failed', finished_at_ms = ?1, error = CASE WHEN "
                  "cancel_requested = 1 THEN 'cancelled' ELSE 'the lease ended after "
                  "the last attempt' END WHERE state = 'running' AND lease_until_ms < "
                  "?1 AND (attempts >= max_attempts OR cancel_requested = 1)",
                  {at});
      !given_up) {
    return pass(std::move(given_up));
  }
  CCTEAM_TRY(Statement claim,
             writer.prepare("UPDATE jobs SET state = 'running', attempts = attempts + 1, "
                            "claimed_by = ?2, lease_until_ms = ?3 WHERE id = (SELECT id FROM jobs "
                            "WHERE ((state = 'queued' AND run_after_ms <= ?1) OR (state = "
                            "'running' AND lease_until_ms < ?1)) AND attempts < max_attempts AND "
                            "kind IN (SELECT value FROM json_each(?4)) "
                            "ORDER BY run_after_ms, id LIMIT 1) RETURNING " +
                            std::string(k_job_columns)));
  std::string kind_list = fields_json(kinds);
  if (auto bound = bind_values(
          claim, {at, std::string_view(node), lease_until, std::string_view(kind_list)});
      !bound) {
    return pass(std::move(bound));
  }
  CCTEAM_TRY(bool has_row, claim.step());
  std::optional<StoredJob> claimed;
  if (has_row) {
    CCTEAM_TRY(StoredJob job, read_job_row(claim));
    claimed = std::move(job);
  }
  claim.reset();
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return claimed;
}

Result<StoredJob> SqliteRepository::finish_job(const Uuid& id, const std::string& node,
                                               const JobOutcome& outcome) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  CCTEAM_TRY(std::optional<StoredJob> found, find_job(writer, id));
  if (!found) return tl::unexpected(Error::not_found(msg(MsgId::job_not_found, id.to_string())));
  StoredJob job = std::move(*found);
  if (job.state != "running" || job.claimed_by != node) {
    return tl::unexpected(Error::conflict(msg(MsgId::store_stale_job, id.to_string())));
  }
  finish_in_memory(job, outcome, now());
  if (auto updated =
          run_sql(writer,
                  "UPDATE jobs SET state = ?2, run_after_ms = ?3, claimed_by = ?4, "
                  "lease_until_ms = ?5, result = ?6, error = ?7, finished_at_ms = ?8 "
                  "WHERE id = ?1",
                  {&id, std::string_view(job.state), job.run_after, optional_text(job.claimed_by),
                   optional_millis(job.lease_until), optional_text(job.result),
                   optional_text(job.error), optional_millis(job.finished_at)});
      !updated) {
    return pass(std::move(updated));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return job;
}

Result<std::optional<StoredJob>> SqliteRepository::job(const Uuid& organisation, const Uuid& id) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(std::optional<StoredJob> found, find_job(*reader, id));
  if (found && found->organisation_id != organisation) return std::optional<StoredJob>();
  return found;
}

Result<std::vector<StoredJob>> SqliteRepository::jobs(const Uuid& organisation,
                                                      const JobQuery& query) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement statement,
             reader->prepare("SELECT " + std::string(k_job_columns) +
                             " FROM jobs WHERE organisation_id = ?1 AND (?2 IS NULL OR kind = ?2) "
                             "AND (?3 IS NULL OR state = ?3) ORDER BY id DESC LIMIT ?4"));
  if (auto bound = bind_values(
          statement, {&organisation, optional_text(query.kind), optional_text(query.state),
                      static_cast<std::int64_t>(std::min<std::size_t>(query.limit, 100000))});
      !bound) {
    return pass(std::move(bound));
  }
  std::vector<StoredJob> out;
  while (true) {
    CCTEAM_TRY(bool has_row, statement.step());
    if (!has_row) break;
    CCTEAM_TRY(StoredJob job, read_job_row(statement));
    out.push_back(std::move(job));
  }
  return out;
}

// --- staffing plans

namespace {

// The columns of a plan with its author's name; 'result' only when 'with_result'.
std::string plan_select(bool with_result) {
  return std::string(
             "SELECT p.id, p.organisation_id, p.series_id, p.version, p.name, "
             "p.author_user_id, coalesce(u.display_name, ''), p.inputs, ") +
         (with_result ? "p.result" : "''") +
         ", p.summary, p.created_at_ms FROM plans p LEFT JOIN users u ON u.id = p.author_user_id ";
}

Result<StoredPlan> read_plan_row(const Statement& row) {
  StoredPlan out;
  CCTEAM_TRY(out.id, column_uuid(row, 0, "plans.id"));
  CCTEAM_TRY(out.organisation_id, column_uuid(row, 1, "plans.organisation_id"));
  CCTEAM_TRY(out.series_id, column_uuid(row, 2, "plans.series_id"));
  out.version = row.column_int64(3);
  out.name = row.column_text(4);
  if (!row.column_is_null(5)) {
    CCTEAM_TRY(out.author_user_id, column_uuid(row, 5, "plans.author_user_id"));
  }
  out.author_name = row.column_text(6);
  out.inputs = row.column_text(7);
  out.result = row.column_text(8);
  out.summary = row.column_text(9);
  out.created_at = row.column_int64(10);
  return out;
}

Error plan_not_found(const Uuid& id) {
  return Error::not_found(msg(MsgId::plan_not_found, id.to_string()));
}

}  // namespace

Result<StoredPlan> SqliteRepository::add_plan(StoredPlan plan, const std::optional<Uuid>& previous,
                                              const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  plan.created_at = now();
  plan.id = new_uuid_v7(plan.created_at);
  plan.author_user_id = actor.user_id;
  plan.series_id = plan.id;
  plan.version = 1;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  if (previous) {
    CCTEAM_TRY(Statement series,
               writer.prepare("SELECT p.series_id, (SELECT max(q.version) FROM plans q WHERE "
                              "q.organisation_id = p.organisation_id AND q.series_id = "
                              "p.series_id) FROM plans p WHERE p.organisation_id = ?1 AND p.id = "
                              "?2"));
    if (auto bound = bind_values(series, {&plan.organisation_id, &*previous}); !bound) {
      return pass(std::move(bound));
    }
    CCTEAM_TRY(bool found, series.step());
    if (!found) return tl::unexpected(plan_not_found(*previous));
    CCTEAM_TRY(plan.series_id, column_uuid(series, 0, "plans.series_id"));
    plan.version = series.column_int64(1) + 1;
  }
  if (auto inserted = run_sql(
          writer,
          "INSERT INTO plans (id, organisation_id, series_id, version, name, author_user_id, "
          "inputs, result, summary, created_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
          "?10)",
          {&plan.id, &plan.organisation_id, &plan.series_id, plan.version,
           std::string_view(plan.name), optional_uuid(plan.author_user_id),
           std::string_view(plan.inputs), std::string_view(plan.result),
           std::string_view(plan.summary), plan.created_at});
      !inserted) {
    return tl::unexpected(write_error(writer, std::move(inserted).error(), plan.organisation_id));
  }
  if (auto audited = append_audit(writer, plan.organisation_id,
                                  audit_of(actor, plan.created_at, "plan.create", "plan", plan.id,
                                           {"name", "version", "series_id"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  if (plan.author_user_id) {
    ReaderLease reader = lease_reader();
    CCTEAM_TRY(std::optional<StoredUser> author,
               find_user(*reader, plan.organisation_id, "id = ?2", &*plan.author_user_id));
    if (author) plan.author_name = author->display_name;
  }
  return plan;
}

Result<std::optional<StoredPlan>> SqliteRepository::plan(const Uuid& organisation, const Uuid& id) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement query,
             reader->prepare(plan_select(true) + "WHERE p.organisation_id = ?1 AND p.id = ?2"));
  if (auto bound = bind_values(query, {&organisation, &id}); !bound) return pass(std::move(bound));
  CCTEAM_TRY(bool has_row, query.step());
  if (!has_row) return std::optional<StoredPlan>();
  CCTEAM_TRY(StoredPlan plan, read_plan_row(query));
  return std::optional<StoredPlan>(std::move(plan));
}

Result<std::vector<StoredPlan>> SqliteRepository::plans(const Uuid& organisation,
                                                        std::size_t limit) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement query,
             reader->prepare(plan_select(false) + "WHERE p.organisation_id = ?1 ORDER BY p.id DESC "
                                                  "LIMIT ?2"));
  if (auto bound = bind_values(
          query, {&organisation, static_cast<std::int64_t>(std::min<std::size_t>(limit, 100000))});
      !bound) {
    return pass(std::move(bound));
  }
  std::vector<StoredPlan> out;
  while (true) {
    CCTEAM_TRY(bool has_row, query.step());
    if (!has_row) break;
    CCTEAM_TRY(StoredPlan plan, read_plan_row(query));
    out.push_back(std::move(plan));
  }
  return out;
}

// --- openings

namespace {

constexpr std::string_view k_opening_columns =
    "SELECT id, organisation_id, employer_id, role, place, headcount, hiring_manager_id, "
    "employment_type, status, valid_through, languages, reference, sections, published_at_ms, "
    "created_by, version, created_at_ms, updated_at_ms, questions FROM openings ";

Result<StoredOpening> read_opening_row(const Statement& row) {
  StoredOpening out;
  CCTEAM_TRY(out.id, column_uuid(row, 0, "openings.id"));
  CCTEAM_TRY(out.organisation_id, column_uuid(row, 1, "openings.organisation_id"));
  CCTEAM_TRY(out.employer_id, column_uuid(row, 2, "openings.employer_id"));
  out.role = row.column_text(3);
  out.place = row.column_int64(4);
  out.headcount = row.column_int64(5);
  if (!row.column_is_null(6)) {
    CCTEAM_TRY(out.hiring_manager_id, column_uuid(row, 6, "openings.hiring_manager_id"));
  }
  out.employment_type = row.column_text(7);
  out.status = row.column_text(8);
  out.valid_through = row.column_text(9);
  out.languages = row.column_text(10);
  out.reference = row.column_text(11);
  out.sections = row.column_text(12);
  if (!row.column_is_null(13)) out.published_at = row.column_int64(13);
  if (!row.column_is_null(14)) {
    CCTEAM_TRY(out.created_by, column_uuid(row, 14, "openings.created_by"));
  }
  out.version = row.column_int64(15);
  out.created_at = row.column_int64(16);
  out.updated_at = row.column_int64(17);
  out.questions = row.column_text(18);
  return out;
}

Result<std::optional<StoredOpening>> find_opening(Connection& connection, const Uuid& organisation,
                                                  const Uuid& id) {
  CCTEAM_TRY(Statement query, connection.prepare(std::string(k_opening_columns) +
                                                 "WHERE organisation_id = ?1 AND id = ?2"));
  if (auto bound = bind_values(query, {&organisation, &id}); !bound) return pass(std::move(bound));
  CCTEAM_TRY(bool has_row, query.step());
  if (!has_row) return std::optional<StoredOpening>();
  CCTEAM_TRY(StoredOpening row, read_opening_row(query));
  return std::optional<StoredOpening>(std::move(row));
}

Error opening_not_found(const Uuid& id) {
  return Error::not_found(msg(MsgId::opening_not_found, id.to_string()));
}

}  // namespace

Result<std::vector<StoredOpening>> SqliteRepository::openings(const Uuid& organisation,
                                                              const OpeningQuery& query) {
  std::string sql = std::string(k_opening_columns) + "WHERE organisation_id = ?1";
  if (query.status) sql += " AND status = ?2";
  if (query.valid_on) sql += " AND valid_through >= ?3";
  if (query.after) sql += " AND id > ?4";
  sql += " ORDER BY id LIMIT ?5";
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement statement, reader->prepare(sql));
  std::string_view status = query.status ? std::string_view(*query.status) : std::string_view();
  std::string_view valid_on =
      query.valid_on ? std::string_view(*query.valid_on) : std::string_view();
  if (auto bound = bind_values(
          statement, {&organisation, status, valid_on, optional_uuid(query.after),
                      static_cast<std::int64_t>(std::min<std::size_t>(query.limit, 100000))});
      !bound) {
    return pass(std::move(bound));
  }
  std::vector<StoredOpening> out;
  while (true) {
    CCTEAM_TRY(bool has_row, statement.step());
    if (!has_row) break;
    CCTEAM_TRY(StoredOpening row, read_opening_row(statement));
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::optional<StoredOpening>> SqliteRepository::opening(const Uuid& organisation,
                                                               const Uuid& id) {
  ReaderLease reader = lease_reader();
  return find_opening(*reader, organisation, id);
}

Result<StoredOpening> SqliteRepository::add_opening(StoredOpening opening, const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  opening.created_at = now();
  opening.updated_at = opening.created_at;
  opening.id = new_uuid_v7(opening.created_at);
  opening.version = 1;
  opening.created_by = actor.user_id;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  CCTEAM_TRY(std::optional<StoredEmployer> employer,
             find_employer(writer, opening.organisation_id, opening.employer_id));
  if (!employer) {
    return tl::unexpected(
        Error::not_found(msg(MsgId::employer_not_found, opening.employer_id.to_string())));
  }
  if (auto inserted = run_sql(
          writer,
          "INSERT INTO openings (id, organisation_id, employer_id, role, place, headcount, "
          "hiring_manager_id, employment_type, status, valid_through, languages, reference, "
          "sections, published_at_ms, created_by, version, created_at_ms, updated_at_ms, "
          "questions) VALUES "
          "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
          {&opening.id, &opening.organisation_id, &opening.employer_id,
           std::string_view(opening.role), opening.place, opening.headcount,
           optional_uuid(opening.hiring_manager_id), std::string_view(opening.employment_type),
           std::string_view(opening.status), std::string_view(opening.valid_through),
           std::string_view(opening.languages), std::string_view(opening.reference),
           std::string_view(opening.sections),
           opening.published_at ? Bound(*opening.published_at) : Bound(nullptr),
           optional_uuid(opening.created_by), opening.version, opening.created_at,
           opening.updated_at, std::string_view(opening.questions)});
      !inserted) {
    return tl::unexpected(
        write_error(writer, std::move(inserted).error(), opening.organisation_id));
  }
  if (auto audited = append_audit(writer, opening.organisation_id,
                                  audit_of(actor, opening.created_at, "opening.create", "opening",
                                           opening.id, {"role", "employer_id", "status"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return opening;
}

Result<StoredOpening> SqliteRepository::put_opening(StoredOpening opening,
                                                    std::int64_t expected_version,
                                                    const std::string& action,
                                                    const std::vector<std::string>& fields,
                                                    const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  CCTEAM_TRY(std::optional<StoredOpening> existing,
             find_opening(writer, opening.organisation_id, opening.id));
  if (!existing) return tl::unexpected(opening_not_found(opening.id));
  if (existing->version != expected_version) {
    return tl::unexpected(
        Error::conflict(msg(MsgId::opening_stale, existing->version, expected_version)));
  }
  opening.created_at = existing->created_at;
  opening.created_by = existing->created_by;
  opening.version = existing->version + 1;
  opening.updated_at = now();
  if (auto updated = run_sql(
          writer,
          "UPDATE openings SET employer_id = ?3, role = ?4, place = ?5, headcount = ?6, "
          "hiring_manager_id = ?7, employment_type = ?8, status = ?9, valid_through = ?10, "
          "languages = ?11, reference = ?12, sections = ?13, published_at_ms = ?14, version = "
          "?15, updated_at_ms = ?16, questions = ?17 WHERE organisation_id = ?1 AND id = ?2",
          {&opening.organisation_id, &opening.id, &opening.employer_id,
           std::string_view(opening.role), opening.place, opening.headcount,
           optional_uuid(opening.hiring_manager_id), std::string_view(opening.employment_type),
           std::string_view(opening.status), std::string_view(opening.valid_through),
           std::string_view(opening.languages), std::string_view(opening.reference),
           std::string_view(opening.sections),
           opening.published_at ? Bound(*opening.published_at) : Bound(nullptr), opening.version,
           opening.updated_at, std::string_view(opening.questions)});
      !updated) {
    return tl::unexpected(write_error(writer, std::move(updated).error(), opening.organisation_id));
  }
  if (auto audited =
          append_audit(writer, opening.organisation_id,
                       audit_of(actor, opening.updated_at, action, "opening", opening.id, fields));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return opening;
}

Result<std::vector<StoredOpeningComment>> SqliteRepository::opening_comments(
    const Uuid& organisation, const Uuid& opening, std::size_t limit) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement query,
             reader->prepare("SELECT c.id, c.organisation_id, c.opening_id, c.author_user_id, "
                             "coalesce(u.display_name, ''), c.text, c.created_at_ms FROM "
                             "opening_comments c LEFT JOIN users u ON u.id = c.author_user_id "
                             "WHERE c.organisation_id = ?1 AND c.opening_id = ?2 ORDER BY c.id "
                             "LIMIT ?3"));
  if (auto bound =
          bind_values(query, {&organisation, &opening,
                              static_cast<std::int64_t>(std::min<std::size_t>(limit, 100000))});
      !bound) {
    return pass(std::move(bound));
  }
  std::vector<StoredOpeningComment> out;
  while (true) {
    CCTEAM_TRY(bool has_row, query.step());
    if (!has_row) break;
    StoredOpeningComment row;
    CCTEAM_TRY(row.id, column_uuid(query, 0, "opening_comments.id"));
    CCTEAM_TRY(row.organisation_id, column_uuid(query, 1, "opening_comments.organisation_id"));
    CCTEAM_TRY(row.opening_id, column_uuid(query, 2, "opening_comments.opening_id"));
    if (!query.column_is_null(3)) {
      CCTEAM_TRY(row.author_user_id, column_uuid(query, 3, "opening_comments.author_user_id"));
    }
    row.author_name = query.column_text(4);
    row.text = query.column_text(5);
    row.created_at = query.column_int64(6);
    out.push_back(std::move(row));
  }
  return out;
}

Result<StoredOpeningComment> SqliteRepository::add_opening_comment(StoredOpeningComment comment,
                                                                   const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  comment.created_at = now();
  comment.id = new_uuid_v7(comment.created_at);
  comment.author_user_id = actor.user_id;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  CCTEAM_TRY(std::optional<StoredOpening> opening,
             find_opening(writer, comment.organisation_id, comment.opening_id));
  if (!opening) return tl::unexpected(opening_not_found(comment.opening_id));
  if (auto inserted = run_sql(writer,
                              "INSERT INTO opening_comments (id, organisation_id, opening_id, "
                              "author_user_id, text, created_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, "
                              "?6)",
                              {&comment.id, &comment.organisation_id, &comment.opening_id,
                               optional_uuid(comment.author_user_id),
                               std::string_view(comment.text), comment.created_at});
      !inserted) {
    return tl::unexpected(
        write_error(writer, std::move(inserted).error(), comment.organisation_id));
  }
  if (auto audited = append_audit(writer, comment.organisation_id,
                                  audit_of(actor, comment.created_at, "opening.comment", "opening",
                                           comment.opening_id, {"comment"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  if (comment.author_user_id) {
    ReaderLease reader = lease_reader();
    CCTEAM_TRY(std::optional<StoredUser> author,
               find_user(*reader, comment.organisation_id, "id = ?2", &*comment.author_user_id));
    if (author) comment.author_name = author->display_name;
  }
  return comment;
}

// --- applications

namespace {

constexpr std::string_view k_application_columns =
    "SELECT id, organisation_id, opening_id, status, source, channel, lang, jurisdiction, "
    "personal, profile, answers, privacy_version, talent_pool_until, verdict, review_rank, "
    "knockouts_missed, preferred_met, screening, screening_catalog_version, screened_at_ms, "
    "unblinded_at_ms, withdrawn_at_ms, version, created_at_ms, updated_at_ms, email_key, "
    "phone_key, legal_basis FROM applications ";

std::optional<UnixMillis> optional_column(const Statement& row, int column) {
  if (row.column_is_null(column)) return std::nullopt;
  return row.column_int64(column);
}

Result<StoredApplication> read_application_row(const Statement& row) {
  StoredApplication out;
  CCTEAM_TRY(out.id, column_uuid(row, 0, "applications.id"));
  CCTEAM_TRY(out.organisation_id, column_uuid(row, 1, "applications.organisation_id"));
  CCTEAM_TRY(out.opening_id, column_uuid(row, 2, "applications.opening_id"));
  out.status = row.column_text(3);
  out.source = row.column_text(4);
  out.channel = row.column_text(5);
  out.lang = row.column_text(6);
  out.jurisdiction = row.column_text(7);
  out.personal = row.column_text(8);
  out.profile = row.column_text(9);
  out.answers = row.column_text(10);
  out.privacy_version = row.column_text(11);
  if (!row.column_is_null(12)) out.talent_pool_until = row.column_text(12);
  if (!row.column_is_null(13)) out.verdict = row.column_text(13);
  out.review_rank = row.column_int64(14);
  out.knockouts_missed = row.column_int64(15);
  out.preferred_met = row.column_int64(16);
  out.screening = row.column_text(17);
  out.screening_catalog_version = row.column_int64(18);
  out.screened_at = optional_column(row, 19);
  out.unblinded_at = optional_column(row, 20);
  out.withdrawn_at = optional_column(row, 21);
  out.version = row.column_int64(22);
  out.created_at = row.column_int64(23);
  out.updated_at = row.column_int64(24);
  if (!row.column_is_null(25)) out.email_key = row.column_text(25);
  if (!row.column_is_null(26)) out.phone_key = row.column_text(26);
  out.legal_basis = row.column_text(27);
  return out;
}

// Runs a query of application rows to the end.
Result<std::vector<StoredApplication>> read_applications(Statement& statement) {
  std::vector<StoredApplication> out;
  while (true) {
    CCTEAM_TRY(bool has_row, statement.step());
    if (!has_row) break;
    CCTEAM_TRY(StoredApplication row, read_application_row(statement));
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::optional<StoredApplication>> find_application(Connection& connection,
                                                          const Uuid& organisation,
                                                          const Uuid& id) {
  CCTEAM_TRY(Statement query, connection.prepare(std::string(k_application_columns) +
                                                 "WHERE organisation_id = ?1 AND id = ?2"));
  if (auto bound = bind_values(query, {&organisation, &id}); !bound) return pass(std::move(bound));
  CCTEAM_TRY(auto rows, read_applications(query));
  if (rows.empty()) return std::optional<StoredApplication>();
  return std::optional<StoredApplication>(std::move(rows.front()));
}

constexpr std::string_view k_message_columns =
    "SELECT id, organisation_id, application_id, kind, lang, recipient, subject, body, state, "
    "attempts, last_error, created_at_ms, updated_at_ms, sent_at_ms FROM outbox_messages ";

Result<std::vector<StoredMessage>> read_messages(Statement& statement) {
  std::vector<StoredMessage> out;
  while (true) {
    CCTEAM_TRY(bool has_row, statement.step());
    if (!has_row) break;
    StoredMessage row;
    CCTEAM_TRY(row.id, column_uuid(statement, 0, "outbox_messages.id"));
    CCTEAM_TRY(row.organisation_id, column_uuid(statement, 1, "outbox_messages.organisation_id"));
    if (!statement.column_is_null(2)) {
      CCTEAM_TRY(row.application_id, column_uuid(statement, 2, "outbox_messages.application_id"));
    }
    row.kind = statement.column_text(3);
    row.lang = statement.column_text(4);
    row.recipient = statement.column_text(5);
    row.subject = statement.column_text(6);
    row.body = statement.column_text(7);
    row.state = statement.column_text(8);
    row.attempts = statement.column_int64(9);
    if (!statement.column_is_null(10)) row.last_error = statement.column_text(10);
    row.created_at = statement.column_int64(11);
    row.updated_at = statement.column_int64(12);
    row.sent_at = optional_column(statement, 13);
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::optional<StoredMessage>> find_message(Connection& connection, const Uuid& organisation,
                                                  const Uuid& id) {
  CCTEAM_TRY(Statement query, connection.prepare(std::string(k_message_columns) +
                                                 "WHERE organisation_id = ?1 AND id = ?2"));
  if (auto bound = bind_values(query, {&organisation, &id}); !bound) return pass(std::move(bound));
  CCTEAM_TRY(auto rows, read_messages(query));
  if (rows.empty()) return std::optional<StoredMessage>();
  return std::optional<StoredMessage>(std::move(rows.front()));
}

Result<void> insert_message(Connection& writer, const StoredMessage& message) {
  return run_sql(writer,
                 "INSERT INTO outbox_messages (id, organisation_id, application_id, kind, lang, "
                 "recipient, subject, body, state, attempts, last_error, created_at_ms, "
                 "updated_at_ms, sent_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                 "?11, ?12, ?13, ?14)",
                 {&message.id, &message.organisation_id, optional_uuid(message.application_id),
                  std::string_view(message.kind), std::string_view(message.lang),
                  std::string_view(message.recipient), std::string_view(message.subject),
                  std::string_view(message.body), std::string_view(message.state), message.attempts,
                  optional_text(message.last_error), message.created_at, message.updated_at,
                  optional_millis(message.sent_at)});
}

Error application_not_found(const Uuid& id) {
  return Error::not_found(msg(MsgId::application_not_found, id.to_string()));
}

constexpr std::string_view k_document_columns =
    "SELECT id, organisation_id, application_id, sha256, content_type, file_name, size_bytes, "
    "added_by, created_at_ms, text_status, coalesce(text_reason, ''), "
    "coalesce(length(text), 0) FROM application_documents ";

Result<std::vector<StoredDocument>> read_documents(Statement& statement) {
  std::vector<StoredDocument> out;
  while (true) {
    CCTEAM_TRY(bool has_row, statement.step());
    if (!has_row) break;
    StoredDocument row;
    CCTEAM_TRY(row.id, column_uuid(statement, 0, "application_documents.id"));
    CCTEAM_TRY(row.organisation_id,
               column_uuid(statement, 1, "application_documents.organisation_id"));
    CCTEAM_TRY(row.application_id,
               column_uuid(statement, 2, "application_documents.application_id"));
    row.sha256 = statement.column_text(3);
    row.content_type = statement.column_text(4);
    row.file_name = statement.column_text(5);
    row.size_bytes = statement.column_int64(6);
    row.added_by = statement.column_text(7);
    row.created_at = statement.column_int64(8);
    row.text_status = statement.column_text(9);
    row.text_reason = statement.column_text(10);
    row.text_chars = statement.column_int64(11);
    out.push_back(std::move(row));
  }
  return out;
}

Result<void> insert_document(Connection& writer, const StoredDocument& document) {
  return run_sql(writer,
                 "INSERT INTO application_documents (id, organisation_id, application_id, sha256, "
                 "content_type, file_name, size_bytes, added_by, created_at_ms, text_status) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                 {&document.id, &document.organisation_id, &document.application_id,
                  std::string_view(document.sha256), std::string_view(document.content_type),
                  std::string_view(document.file_name), document.size_bytes,
                  std::string_view(document.added_by), document.created_at,
                  std::string_view(document.text_status)});
}

}  // namespace

Result<SubmittedApplication> SqliteRepository::add_application(ApplicationSubmission submission,
                                                               const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  StoredApplication& row = submission.application;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  {
    CCTEAM_TRY(Statement query,
               writer.prepare(std::string(k_application_columns) +
                              "WHERE organisation_id = ?1 AND idempotency_key = ?2"));
    if (auto bound = bind_values(
            query, {&row.organisation_id, std::string_view(submission.idempotency_key)});
        !bound) {
      return pass(std::move(bound));
    }
    CCTEAM_TRY(auto rows, read_applications(query));
    if (!rows.empty()) return SubmittedApplication{std::move(rows.front()), true};
  }
  CCTEAM_TRY(std::optional<StoredOpening> opening,
             find_opening(writer, row.organisation_id, row.opening_id));
  if (!opening) return tl::unexpected(opening_not_found(row.opening_id));
  UnixMillis at = now();
  if (submission.rate_limit > 0) {
    CCTEAM_TRY(Statement query, writer.prepare("SELECT count(*) FROM application_submissions "
                                               "WHERE key_hash = ?1 AND at_ms >= ?2"));
    if (auto bound = bind_values(query, {&submission.rate_key, submission.rate_since}); !bound) {
      return pass(std::move(bound));
    }
    CCTEAM_TRY(bool has_row, query.step());
    if (has_row && query.column_int64(0) >= submission.rate_limit) {
      return tl::unexpected(Error::throttled(msg(MsgId::application_throttled),
                                             msg(MsgId::hint_application_throttled)));
    }
  }
  row.id = new_uuid_v7(at);
  row.created_at = at;
  row.updated_at = at;
  row.version = 1;
  if (auto inserted = run_sql(
          writer,
          "INSERT INTO applications (id, organisation_id, opening_id, idempotency_key, "
          "access_token_hash, status, source, channel, lang, jurisdiction, personal, profile, "
          "answers, privacy_version, talent_pool_until, verdict, review_rank, knockouts_missed, "
          "preferred_met, screening, screening_catalog_version, version, created_at_ms, "
          "updated_at_ms, email_key, phone_key, legal_basis) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
          "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, NULL, ?16, ?17, ?18, '', 0, 1, ?19, ?19, ?20, "
          "?21, ?22)",
          {&row.id,
           &row.organisation_id,
           &row.opening_id,
           std::string_view(submission.idempotency_key),
           &submission.access_token_hash,
           std::string_view(row.status),
           std::string_view(row.source),
           std::string_view(row.channel),
           std::string_view(row.lang),
           std::string_view(row.jurisdiction),
           std::string_view(row.personal),
           std::string_view(row.profile),
           std::string_view(row.answers),
           std::string_view(row.privacy_version),
           optional_text(row.talent_pool_until),
           row.review_rank,
           row.knockouts_missed,
           row.preferred_met,
           at,
           optional_text(row.email_key),
           optional_text(row.phone_key),
           std::string_view(row.legal_basis)});
      !inserted) {
    return tl::unexpected(write_error(writer, std::move(inserted).error(), row.organisation_id));
  }
  if (submission.rate_limit > 0) {
    if (auto counted = run_sql(writer,
                               "INSERT INTO application_submissions (key_hash, at_ms) "
                               "VALUES (?1, ?2)",
                               {&submission.rate_key, at});
        !counted) {
      return pass(std::move(counted));
    }
  }
  submission.screening_job.organisation_id = row.organisation_id;
  submission.screening_job.payload = R"({"application":")" + row.id.to_string() + "\"}";
  if (auto queued = insert_job(writer, std::move(submission.screening_job), at); !queued) {
    return pass(std::move(queued));
  }
  for (StoredDocument& document : submission.documents) {
    document.id = new_uuid_v7(at);
    document.organisation_id = row.organisation_id;
    document.application_id = row.id;
    document.created_at = at;
    if (auto written = insert_document(writer, document); !written) return pass(std::move(written));
  }
  if (submission.acknowledgement) {
    StoredMessage& message = *submission.acknowledgement;
    message.id = new_uuid_v7(at);
    message.organisation_id = row.organisation_id;
    message.application_id = row.id;
    message.created_at = at;
    message.updated_at = at;
    if (auto written = insert_message(writer, message); !written) return pass(std::move(written));
    if (message.state == "queued") {
      submission.mail_job.organisation_id = row.organisation_id;
      submission.mail_job.payload = R"({"message":")" + message.id.to_string() + "\"}";
      if (auto queued = insert_job(writer, std::move(submission.mail_job), at); !queued) {
        return pass(std::move(queued));
      }
    }
  }
  if (auto audited = append_audit(
          writer, row.organisation_id,
          audit_of(actor, at, row.source == "import" ? "application.import" : "application.create",
                   "application", row.id, {"opening_id", "personal", "profile", "answers"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  row.verdict.reset();
  row.screening.clear();
  row.screening_catalog_version = 0;
  return SubmittedApplication{std::move(row), false};
}

Result<std::optional<StoredApplication>> SqliteRepository::application(const Uuid& organisation,
                                                                       const Uuid& id) {
  ReaderLease reader = lease_reader();
  return find_application(*reader, organisation, id);
}

Result<std::optional<StoredApplication>> SqliteRepository::application_by_token(
    const TokenHash& access_token_hash) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement query,
             reader->prepare(std::string(k_application_columns) + "WHERE access_token_hash = ?1"));
  if (auto bound = bind_values(query, {&access_token_hash}); !bound) {
    return pass(std::move(bound));
  }
  CCTEAM_TRY(auto rows, read_applications(query));
  if (rows.empty()) return std::optional<StoredApplication>();
  return std::optional<StoredApplication>(std::move(rows.front()));
}

Result<std::vector<StoredApplication>> SqliteRepository::applications(
    const Uuid& organisation, const ApplicationQuery& query) {
  std::string sql =
      std::string(k_application_columns) + "WHERE organisation_id = ?1 AND opening_id = ?2";
  if (query.verdict) {
    sql += *query.verdict == "pending" ? " AND verdict IS NULL" : " AND verdict = ?3";
  }
  if (query.knockouts_met)
    sql += *query.knockouts_met ? " AND knockouts_missed = 0" : " AND knockouts_missed > 0";
  if (query.channel) sql += " AND channel = ?4";
  if (query.status) sql += " AND status = ?5";
  if (query.after) sql += " AND (review_rank, id) > (?6, ?7)";
  sql += " ORDER BY review_rank, id LIMIT ?8";
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement statement, reader->prepare(sql));
  auto text = [](const std::optional<std::string>& value) {
    return value ? std::string_view(*value) : std::string_view();
  };
  if (auto bound = bind_values(
          statement, {&organisation, &query.opening, text(query.verdict), text(query.channel),
                      text(query.status), query.after ? query.after->first : std::int64_t{0},
                      query.after ? Bound(&query.after->second) : Bound(nullptr),
                      static_cast<std::int64_t>(std::min<std::size_t>(query.limit, 10000))});
      !bound) {
    return pass(std::move(bound));
  }
  return read_applications(statement);
}

Result<std::vector<DuplicateApplication>> SqliteRepository::duplicate_applications(
    const Uuid& organisation, const std::vector<Uuid>& ids, std::size_t per_application) {
  std::vector<DuplicateApplication> out;
  if (ids.empty() || per_application == 0) return out;
  // The ids as ?3, ?4, ...: a page of the list has at most a few hundred.
  std::string list;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    list += (i == 0 ? "?" : ", ?") + std::to_string(i + 3);
  }
  // A NULL key equals nothing, so an application without one matches nobody by it.
  std::string sql =
      "SELECT of_id, id, opening_id, status, created_at_ms, email_match, phone_match FROM ("
      "SELECT a.id AS of_id, b.id AS id, b.opening_id AS opening_id, b.status AS status, "
      "b.created_at_ms AS created_at_ms, coalesce(b.email_key = a.email_key, 0) AS email_match, "
      "coalesce(b.phone_key = a.phone_key, 0) AS phone_match, row_number() OVER (PARTITION BY "
      "a.id ORDER BY b.created_at_ms, b.id) AS n FROM applications a JOIN applications b ON "
      "b.organisation_id = a.organisation_id AND b.id <> a.id AND (b.email_key = a.email_key OR "
      "b.phone_key = a.phone_key) WHERE a.organisation_id = ?1 AND a.id IN (" +
      list + ")) WHERE n <= ?2 ORDER BY of_id, created_at_ms, id";
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement statement, reader->prepare(sql));
  if (auto bound = bind_values(
          statement,
          {&organisation, static_cast<std::int64_t>(std::min<std::size_t>(per_application, 1000))});
      !bound) {
    return pass(std::move(bound));
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (auto bound = bind_uuid(statement, static_cast<int>(i + 3), ids[i]); !bound) {
      return pass(std::move(bound));
    }
  }
  while (true) {
    CCTEAM_TRY(bool has_row, statement.step());
    if (!has_row) break;
    DuplicateApplication row;
    CCTEAM_TRY(row.of, column_uuid(statement, 0, "applications.id"));
    CCTEAM_TRY(row.id, column_uuid(statement, 1, "applications.id"));
    CCTEAM_TRY(row.opening_id, column_uuid(statement, 2, "applications.opening_id"));
    row.status = statement.column_text(3);
    row.created_at = statement.column_int64(4);
    row.email = statement.column_int64(5) != 0;
    row.phone = statement.column_int64(6) != 0;
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<std::pair<Uuid, std::int64_t>>> SqliteRepository::application_counts(
    const Uuid& organisation) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement statement,
             reader->prepare("SELECT opening_id, count(*) FROM applications WHERE "
                             "organisation_id = ?1 GROUP BY opening_id"));
  if (auto bound = bind_values(statement, {&organisation}); !bound) {
    return pass(std::move(bound));
  }
  std::vector<std::pair<Uuid, std::int64_t>> out;
  while (true) {
    CCTEAM_TRY(bool has_row, statement.step());
    if (!has_row) break;
    CCTEAM_TRY(Uuid opening, column_uuid(statement, 0, "applications.opening_id"));
    out.emplace_back(opening, statement.column_int64(1));
  }
  return out;
}

Result<StoredApplication> SqliteRepository::record_screening(const Uuid& organisation,
                                                             const Uuid& id,
                                                             const ApplicationScreening& screening,
                                                             const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  UnixMillis at = now();
  if (auto updated =
          run_sql(writer,
                  "UPDATE applications SET verdict = ?3, review_rank = ?4, knockouts_missed = ?5, "
                  "preferred_met = ?6, screening = ?7, screening_catalog_version = ?8, "
                  "screened_at_ms = ?9, updated_at_ms = ?9, version = version + 1 "
                  "WHERE organisation_id = ?1 AND id = ?2",
                  {&organisation, &id, std::string_view(screening.verdict), screening.review_rank,
                   screening.knockouts_missed, screening.preferred_met,
                   std::string_view(screening.screening), screening.catalog_version, at});
      !updated) {
    return pass(std::move(updated));
  }
  CCTEAM_TRY(std::optional<StoredApplication> row, find_application(writer, organisation, id));
  if (!row) return tl::unexpected(application_not_found(id));
  if (auto audited = append_audit(
          writer, organisation,
          audit_of(actor, at, "application.screen", "application", id, {"verdict", "screening"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return std::move(*row);
}

Result<StoredApplication> SqliteRepository::withdraw_application(const Uuid& organisation,
                                                                 const Uuid& id,
                                                                 const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  CCTEAM_TRY(std::optional<StoredApplication> row, find_application(writer, organisation, id));
  if (!row) return tl::unexpected(application_not_found(id));
  if (row->status == "withdrawn") return std::move(*row);
  UnixMillis at = now();
  if (auto updated = run_sql(writer,
                             "UPDATE applications SET status = 'withdrawn', withdrawn_at_ms = ?3, "
                             "updated_at_ms = ?3, version = version + 1 "
                             "WHERE organisation_id = ?1 AND id = ?2",
                             {&organisation, &id, at});
      !updated) {
    return pass(std::move(updated));
  }
  if (auto audited =
          append_audit(writer, organisation,
                       audit_of(actor, at, "application.withdraw", "application", id, {"status"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  row->status = "withdrawn";
  row->withdrawn_at = at;
  row->updated_at = at;
  ++row->version;
  return std::move(*row);
}

Result<StoredApplication> SqliteRepository::record_application_access(const Uuid& organisation,
                                                                      const Uuid& id,
                                                                      const std::string& action,
                                                                      const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  CCTEAM_TRY(std::optional<StoredApplication> row, find_application(writer, organisation, id));
  if (!row) return tl::unexpected(application_not_found(id));
  UnixMillis at = now();
  if (action == "application.unblind" && !row->unblinded_at) {
    if (auto updated = run_sql(writer,
                               "UPDATE applications SET unblinded_at_ms = ?3 "
                               "WHERE organisation_id = ?1 AND id = ?2",
                               {&organisation, &id, at});
        !updated) {
      return pass(std::move(updated));
    }
    row->unblinded_at = at;
  }
  if (auto audited = append_audit(writer, organisation,
                                  audit_of(actor, at, action, "application", id, {"personal"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return std::move(*row);
}

Result<void> SqliteRepository::erase_application(const Uuid& organisation, const Uuid& id,
                                                 const std::string& action, const Actor& actor) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  if (auto deleted = run_sql(writer,
                             "DELETE FROM outbox_messages WHERE organisation_id = ?1 AND "
                             "application_id = ?2",
                             {&organisation, &id});
      !deleted) {
    return deleted;
  }
  if (auto deleted = run_sql(writer,
                             "DELETE FROM application_documents WHERE organisation_id = ?1 AND "
                             "application_id = ?2",
                             {&organisation, &id});
      !deleted) {
    return deleted;
  }
  CCTEAM_TRY(Statement statement,
             writer.prepare("DELETE FROM applications WHERE organisation_id = ?1 AND id = ?2 "
                            "RETURNING 1"));
  if (auto bound = bind_values(statement, {&organisation, &id}); !bound) {
    return pass(std::move(bound));
  }
  CCTEAM_TRY(bool deleted, statement.step());
  if (!deleted) return tl::unexpected(application_not_found(id));
  CCTEAM_TRY(bool more, statement.step());
  (void)more;
  if (auto audited = append_audit(writer, organisation,
                                  audit_of(actor, now(), action, "application", id,
                                           {"personal", "profile", "answers", "screening"}));
      !audited) {
    return audited;
  }
  return transaction.commit();
}

Result<std::optional<StoredMessage>> SqliteRepository::message(const Uuid& organisation,
                                                               const Uuid& id) {
  ReaderLease reader = lease_reader();
  return find_message(*reader, organisation, id);
}

Result<std::vector<StoredMessage>> SqliteRepository::application_messages(const Uuid& organisation,
                                                                          const Uuid& application) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement query,
             reader->prepare(std::string(k_message_columns) +
                             "WHERE organisation_id = ?1 AND application_id = ?2 ORDER BY id"));
  if (auto bound = bind_values(query, {&organisation, &application}); !bound) {
    return pass(std::move(bound));
  }
  return read_messages(query);
}

Result<StoredMessage> SqliteRepository::record_message_attempt(
    const Uuid& organisation, const Uuid& id, const std::string& state,
    const std::optional<std::string>& error, UnixMillis at) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  std::optional<UnixMillis> sent_at;
  if (state == "sent") sent_at = at;
  if (auto updated = run_sql(writer,
                             "UPDATE outbox_messages SET state = ?3, attempts = attempts + 1, "
                             "last_error = coalesce(?4, last_error), updated_at_ms = ?5, "
                             "sent_at_ms = coalesce(?6, sent_at_ms) "
                             "WHERE organisation_id = ?1 AND id = ?2",
                             {&organisation, &id, std::string_view(state), optional_text(error), at,
                              optional_millis(sent_at)});
      !updated) {
    return pass(std::move(updated));
  }
  CCTEAM_TRY(std::optional<StoredMessage> row, find_message(writer, organisation, id));
  if (!row) return tl::unexpected(Error::not_found(msg(MsgId::message_not_found, id.to_string())));
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return std::move(*row);
}

Result<std::vector<StoredDocument>> SqliteRepository::application_documents(
    const Uuid& organisation, const Uuid& application) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement query,
             reader->prepare(std::string(k_document_columns) +
                             "WHERE organisation_id = ?1 AND application_id = ?2 ORDER BY id"));
  if (auto bound = bind_values(query, {&organisation, &application}); !bound) {
    return pass(std::move(bound));
  }
  return read_documents(query);
}

Result<std::optional<StoredDocument>> SqliteRepository::document(const Uuid& organisation,
                                                                 const Uuid& id) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement query, reader->prepare(std::string(k_document_columns) +
                                              "WHERE organisation_id = ?1 AND id = ?2"));
  if (auto bound = bind_values(query, {&organisation, &id}); !bound) {
    return pass(std::move(bound));
  }
  CCTEAM_TRY(auto rows, read_documents(query));
  if (rows.empty()) return std::optional<StoredDocument>();
  return std::optional<StoredDocument>(std::move(rows.front()));
}

Result<StoredDocument> SqliteRepository::add_document(StoredDocument document, const Actor& actor,
                                                      std::optional<StoredJob> job) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  {
    CCTEAM_TRY(Statement query, writer.prepare("SELECT 1 FROM applications WHERE "
                                               "organisation_id = ?1 AND id = ?2"));
    if (auto bound = bind_values(query, {&document.organisation_id, &document.application_id});
        !bound) {
      return pass(std::move(bound));
    }
    CCTEAM_TRY(bool found, query.step());
    if (!found) return tl::unexpected(application_not_found(document.application_id));
  }
  UnixMillis at = now();
  document.id = new_uuid_v7(at);
  document.created_at = at;
  if (auto written = insert_document(writer, document); !written) return pass(std::move(written));
  if (job) {
    job->organisation_id = document.organisation_id;
    if (auto queued = insert_job(writer, std::move(*job), at); !queued) {
      return pass(std::move(queued));
    }
  }
  if (auto audited = append_audit(writer, document.organisation_id,
                                  audit_of(actor, at, "application.document", "application",
                                           document.application_id, {"documents"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return document;
}

Result<std::vector<DocumentText>> SqliteRepository::document_texts(const Uuid& organisation,
                                                                   const Uuid& application) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement query, reader->prepare("SELECT id, text_status, coalesce(text, '') FROM "
                                              "application_documents WHERE organisation_id = ?1 "
                                              "AND application_id = ?2 ORDER BY id"));
  if (auto bound = bind_values(query, {&organisation, &application}); !bound) {
    return pass(std::move(bound));
  }
  std::vector<DocumentText> out;
  while (true) {
    CCTEAM_TRY(bool has_row, query.step());
    if (!has_row) break;
    DocumentText row;
    CCTEAM_TRY(row.id, column_uuid(query, 0, "application_documents.id"));
    row.status = query.column_text(1);
    row.text = query.column_text(2);
    out.push_back(std::move(row));
  }
  return out;
}

Result<bool> SqliteRepository::record_document_text(const Uuid& organisation, const Uuid& id,
                                                    const std::string& status,
                                                    const std::string& text,
                                                    const std::string& reason) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(
      Statement update,
      writer.prepare("UPDATE application_documents SET text_status = ?3, text = ?4, "
                     "text_reason = ?5 WHERE organisation_id = ?1 AND id = ?2 RETURNING id"));
  bool done = status == "done";
  if (auto bound = bind_values(update, {&organisation, &id, std::string_view(status),
                                        done ? Bound(std::string_view(text)) : Bound(nullptr),
                                        done ? Bound(nullptr) : Bound(std::string_view(reason))});
      !bound) {
    return pass(std::move(bound));
  }
  CCTEAM_TRY(bool updated, update.step());
  if (updated) {
    CCTEAM_TRY(bool more, update.step());
    (void)more;
  }
  return updated;
}

Result<bool> SqliteRepository::content_in_use(const std::string& sha256) {
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement query,
             reader->prepare("SELECT 1 FROM application_documents WHERE sha256 = ?1 LIMIT 1"));
  if (auto bound = bind_values(query, {std::string_view(sha256)}); !bound) {
    return pass(std::move(bound));
  }
  return query.step();
}

Result<std::vector<StoredApplication>> SqliteRepository::applications_due(
    const RetentionQuery& query) {
  bool pool = query.reason == RetentionQuery::Reason::talent_pool_expired;
  // ?1 is the withdrawal bound or 'today': every statement uses ?1 to ?4.
  std::string sql =
      std::string(k_application_columns) +
      (pool ? "WHERE status = 'received' AND talent_pool_until < ?1 AND opening_id IN (SELECT id "
              "FROM openings WHERE status = 'closed' OR (status = 'open' AND valid_through < "
              "?1)) AND created_at_ms < ?2"
            : "WHERE status = 'withdrawn' AND withdrawn_at_ms < ?1 AND created_at_ms < ?2");
  ReaderLease reader = lease_reader();
  sql += query.jurisdiction == "*" ? " AND NOT (jurisdiction IN (SELECT value FROM json_each(?3)))"
                                   : " AND jurisdiction = ?3";
  sql += pool ? " ORDER BY talent_pool_until LIMIT ?4" : " ORDER BY withdrawn_at_ms LIMIT ?4";
  std::string list = fields_json(query.except);
  CCTEAM_TRY(Statement statement, reader->prepare(sql));
  if (auto bound = bind_values(
          statement, {pool ? Bound(std::string_view(query.today)) : Bound(query.withdrawn_before),
                      query.received_before,
                      query.jurisdiction == "*" ? std::string_view(list)
                                                : std::string_view(query.jurisdiction),
                      static_cast<std::int64_t>(std::min<std::size_t>(query.limit, 10000))});
      !bound) {
    return pass(std::move(bound));
  }
  return read_applications(statement);
}

Result<PruneCounts> SqliteRepository::prune_expired(UnixMillis at,
                                                    UnixMillis forget_failures_before,
                                                    UnixMillis forget_jobs_before) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  PruneCounts out;
  auto count_deleted = [&writer](std::string_view sql, UnixMillis before) -> Result<std::int64_t> {
    CCTEAM_TRY(Statement statement, writer.prepare(sql));
    if (auto bound = bind_values(statement, {before}); !bound) return pass(std::move(bound));
    std::int64_t deleted = 0;
    while (true) {
      CCTEAM_TRY(bool has_row, statement.step());
      if (!has_row) break;
      ++deleted;
    }
    return deleted;
  };
  CCTEAM_TRY(out.sessions,
             count_deleted("DELETE FROM sessions WHERE expires_at_ms < ?1 RETURNING 1", at));
  CCTEAM_TRY(out.sign_in_failures,
             count_deleted("DELETE FROM sign_in_failures WHERE at_ms < ?1 RETURNING 1",
                           forget_failures_before));
  CCTEAM_TRY(out.jobs, count_deleted("DELETE FROM jobs WHERE state IN ('done', 'failed') AND "
                                     "finished_at_ms < ?1 RETURNING 1",
                                     forget_jobs_before));
  CCTEAM_TRY(out.application_submissions,
             count_deleted("DELETE FROM application_submissions WHERE at_ms < ?1 RETURNING 1",
                           forget_failures_before));
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return out;
}

Result<std::string> SqliteRepository::shared_setting(const std::string& key,
                                                     const std::string& candidate) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  if (auto stored = run_sql(writer,
                            "INSERT INTO settings (key, value, created_at_ms) VALUES (?1, ?2, ?3) "
                            "ON CONFLICT (key) DO NOTHING",
                            {std::string_view(key), std::string_view(candidate), now()});
      !stored) {
    return pass(std::move(stored));
  }
  CCTEAM_TRY(Statement query, writer.prepare("SELECT value FROM settings WHERE key = ?1"));
  if (auto bound = bind_values(query, {std::string_view(key)}); !bound) {
    return pass(std::move(bound));
  }
  CCTEAM_TRY(bool has_row, query.step());
  if (!has_row)
    return tl::unexpected(
        Error::internal(msg(MsgId::store_database_error, writer.path(), "settings")));
  return query.column_text(0);
}

Result<std::vector<AuditEntry>> SqliteRepository::audit_entries(const Uuid& organisation,
                                                                const AuditQuery& query) {
  std::string sql =
      "SELECT seq, at_ms, actor_user_id, actor_kind, action, target_kind, target_id, fields, "
      "request_id FROM audit_log WHERE organisation_id = ?1 "
      "AND (?2 IS NULL OR actor_user_id = ?2) AND (?3 IS NULL OR action = ?3) "
      "AND (?4 IS NULL OR at_ms >= ?4) AND (?5 IS NULL OR at_ms < ?5) "
      "AND (?6 IS NULL OR seq < ?6) ORDER BY seq DESC LIMIT ?7";
  ReaderLease reader = lease_reader();
  CCTEAM_TRY(Statement statement, reader->prepare(sql));
  auto optional_int = [](const std::optional<std::int64_t>& value) {
    return value ? Bound(*value) : Bound(nullptr);
  };
  if (auto bound = bind_values(
          statement,
          {&organisation, optional_uuid(query.actor),
           query.action ? Bound(std::string_view(*query.action)) : Bound(nullptr),
           optional_int(query.from), optional_int(query.to), optional_int(query.before_seq),
           static_cast<std::int64_t>(std::min<std::size_t>(query.limit, 100000))});
      !bound) {
    return pass(std::move(bound));
  }
  std::vector<AuditEntry> out;
  while (true) {
    CCTEAM_TRY(bool has_row, statement.step());
    if (!has_row) break;
    AuditEntry entry;
    entry.seq = statement.column_int64(0);
    entry.at = statement.column_int64(1);
    if (!statement.column_is_null(2)) {
      CCTEAM_TRY(entry.actor_user_id, column_uuid(statement, 2, "audit_log.actor_user_id"));
    }
    entry.actor_kind = statement.column_text(3);
    entry.action = statement.column_text(4);
    entry.target_kind = statement.column_text(5);
    if (!statement.column_is_null(6)) {
      CCTEAM_TRY(entry.target_id, column_uuid(statement, 6, "audit_log.target_id"));
    }
    entry.fields = parse_fields_json(statement.column_text(7));
    entry.request_id = statement.column_text(8);
    out.push_back(std::move(entry));
  }
  return out;
}

Result<void> SqliteRepository::backup_to(const std::string& path) {
  if (std::filesystem::exists(path)) {
    return tl::unexpected(Error::io(msg(MsgId::backup_target_exists, path)));
  }
  // VACUUM INTO writes a consistent copy from one read transaction, on a connection of its own
  // (the pool's readers are query_only, which refuses it), so writers go on meanwhile.
  CCTEAM_TRY(Connection copier, Connection::open(m_writer->path(), sqlite::OpenMode::read_write,
                                                 std::chrono::milliseconds{5000}));
  if (auto copied = run_sql(copier, "VACUUM INTO ?1", {std::string_view(path)}); !copied) {
    return copied;
  }
  restrict_to_owner(path);
  // The documents the copy names go into "<path>-documents/", laid out as the server keeps
  // them, so that a restored copy finds every document its rows name (but those erased while
  // the copy was made: erased is erased).
  CCTEAM_TRY(Connection copy,
             Connection::open(path, sqlite::OpenMode::read_write, std::chrono::milliseconds{5000}));
  CCTEAM_TRY(Statement named,
             copy.prepare("SELECT DISTINCT sha256 FROM application_documents ORDER BY sha256"));
  DirectoryDocumentStore target(path + "-documents");
  while (true) {
    CCTEAM_TRY(bool has_row, named.step());
    if (!has_row) break;
    std::string sha256 = named.column_text(0);
    CCTEAM_TRY(std::optional<std::string> content, m_documents->get(sha256));
    if (!content) continue;
    if (auto put = target.put(sha256, *content); !put) return put;
  }
  return {};
}

Result<StoreHealth> SqliteRepository::health() {
  ReaderLease reader = lease_reader();
  StoreHealth out;
  CCTEAM_TRY(out.schema_version, sqlite::schema_version(*reader));
  out.binary_schema_version = sqlite::known_schema_version();
  return out;
}

Result<sqlite::ConnectionPragmas> SqliteRepository::writer_pragmas() {
  std::lock_guard lock(m_write_mutex);
  return m_writer->pragmas();
}

Result<std::vector<sqlite::ConnectionPragmas>> SqliteRepository::reader_pragmas() {
  std::vector<sqlite::ConnectionPragmas> out;
  for (const auto& reader : m_readers) {
    // Wait until this reader is idle, then use it while holding the pool lock.
    std::unique_lock lock(m_pool_mutex);
    m_reader_returned.wait(lock, [&] {
      return std::find(m_idle_readers.begin(), m_idle_readers.end(), reader.get()) !=
             m_idle_readers.end();
    });
    CCTEAM_TRY(sqlite::ConnectionPragmas pragmas, reader->pragmas());
    out.push_back(std::move(pragmas));
  }
  return out;
}

}  // namespace ccteam::store
