#include "store/sqlite/sqlite_repository.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>

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

constexpr std::string_view k_catalog_columns =
    "SELECT id, organisation_id, source_name, yaml, version, updated_at_ms FROM catalogs "
    "WHERE organisation_id = ?1";

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

// The organisation's catalog row on 'connection', or nullopt.
Result<std::optional<StoredCatalog>> find_catalog(Connection& connection,
                                                  const Uuid& organisation) {
  CCTEAM_TRY(Statement query, connection.prepare(k_catalog_columns));
  if (auto bound = bind_uuid(query, 1, organisation); !bound) return pass(std::move(bound));
  CCTEAM_TRY(bool has_row, query.step());
  if (!has_row) return std::optional<StoredCatalog>();
  CCTEAM_TRY(StoredCatalog row, read_catalog_row(query));
  return std::optional<StoredCatalog>(std::move(row));
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
  CCTEAM_TRY(Connection writer,
             Connection::open(path, sqlite::OpenMode::read_write_create, options.busy_timeout));
  std::unique_ptr<SqliteRepository> repository(
      new SqliteRepository(std::make_unique<Connection>(std::move(writer)), options.clock));
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
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
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

Result<StoredCatalog> SqliteRepository::put_catalog(const Uuid& organisation,
                                                    std::string source_name, std::string yaml) {
  std::lock_guard lock(m_write_mutex);
  Connection& writer = *m_writer;
  CCTEAM_TRY(Transaction transaction, Transaction::immediate(writer));
  CCTEAM_TRY(std::optional<StoredCatalog> existing, find_catalog(writer, organisation));
  StoredCatalog row;
  if (existing) {
    row = std::move(*existing);
    row.version += 1;
  } else {
    row.id = new_uuid_v7(now());
    row.organisation_id = organisation;
    row.version = 1;
  }
  row.source_name = std::move(source_name);
  row.yaml = std::move(yaml);
  row.updated_at = now();

  constexpr std::string_view k_insert =
      "INSERT INTO catalogs (id, organisation_id, source_name, yaml, version, updated_at_ms) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
  constexpr std::string_view k_update =
      "UPDATE catalogs SET organisation_id = ?2, source_name = ?3, yaml = ?4, version = ?5, "
      "updated_at_ms = ?6 WHERE id = ?1";
  CCTEAM_TRY(Statement write, writer.prepare(existing ? k_update : k_insert));
  for (auto bound : {bind_uuid(write, 1, row.id), bind_uuid(write, 2, row.organisation_id),
                     write.bind_text(3, row.source_name), write.bind_text(4, row.yaml),
                     write.bind_int64(5, row.version), write.bind_int64(6, row.updated_at)}) {
    if (!bound) return pass(std::move(bound));
  }
  if (auto written = write.run(); !written) {
    return tl::unexpected(write_error(writer, std::move(written).error(), organisation));
  }
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
                                                      std::string yaml) {
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
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return row;
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
