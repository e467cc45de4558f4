#include "store/postgres/postgres_repository.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>

#include <fmt/format.h>

#include "store/migrations.hpp"
#include "store/postgres/migrations.hpp"
#include "store/row_rules.hpp"

namespace ccteam::store {

using postgres::Connection;
using postgres::Param;
using postgres::Rows;
using postgres::Transaction;

namespace {

template <class T>
tl::unexpected<Error> pass(Result<T>&& failed) {
  return tl::unexpected(std::move(failed).error());
}

Param id_param(const Uuid& id) { return Param(std::span<const std::uint8_t>(id.bytes)); }
Param hash_param(const TokenHash& hash) { return Param(std::span<const std::uint8_t>(hash)); }
Param optional_id(const std::optional<Uuid>& id) { return id ? id_param(*id) : Param(nullptr); }
Param optional_int(const std::optional<std::int64_t>& value) {
  return value ? Param(*value) : Param(nullptr);
}
Param capped(std::size_t limit, std::size_t cap) {
  return Param(static_cast<std::int64_t>(std::min(limit, cap)));
}

Result<Uuid> uuid_at(const Rows& rows, int row, int column, const char* where) {
  std::vector<std::uint8_t> bytes = rows.bytes(row, column);
  if (bytes.size() != 16) return tl::unexpected(Error::internal(msg(MsgId::store_bad_uuid, where)));
  Uuid id;
  std::copy(bytes.begin(), bytes.end(), id.bytes.begin());
  return id;
}

// The error of a failed write: an unknown organisation (the foreign key) as not_found.
Error write_error(const Connection& connection, Error error, const Uuid& organisation) {
  if (connection.sqlstate() == "23503") {
    return Error::not_found(msg(MsgId::store_unknown_organisation, organisation.to_string()));
  }
  return error;
}

constexpr std::string_view k_catalog_columns =
    "id, organisation_id, source_name, yaml, version, updated_at_ms";

Result<StoredCatalog> read_catalog(const Rows& rows, int row) {
  StoredCatalog out;
  CCTEAM_TRY(out.id, uuid_at(rows, row, 0, "catalogs.id"));
  CCTEAM_TRY(out.organisation_id, uuid_at(rows, row, 1, "catalogs.organisation_id"));
  out.source_name = rows.text(row, 2);
  out.yaml = rows.text(row, 3);
  out.version = rows.int64(row, 4);
  out.updated_at = rows.int64(row, 5);
  return out;
}

Result<StoredEmployer> read_employer(const Rows& rows, int row) {
  StoredEmployer out;
  CCTEAM_TRY(out.id, uuid_at(rows, row, 0, "employers.id"));
  CCTEAM_TRY(out.organisation_id, uuid_at(rows, row, 1, "employers.organisation_id"));
  out.name = rows.text(row, 2);
  out.yaml = rows.text(row, 3);
  out.version = rows.int64(row, 4);
  out.updated_at = rows.int64(row, 5);
  return out;
}

constexpr std::string_view k_user_columns =
    "u.id, u.organisation_id, u.login, u.display_name, u.role, u.password_hash, "
    "u.must_change_password, u.disabled, u.version, u.created_at_ms, u.updated_at_ms";

// Reads the user columns starting at column 'first'.
Result<StoredUser> read_user(const Rows& rows, int row, int first = 0) {
  StoredUser out;
  CCTEAM_TRY(out.id, uuid_at(rows, row, first, "users.id"));
  CCTEAM_TRY(out.organisation_id, uuid_at(rows, row, first + 1, "users.organisation_id"));
  out.login = rows.text(row, first + 2);
  out.display_name = rows.text(row, first + 3);
  out.role = rows.text(row, first + 4);
  out.password_hash = rows.text(row, first + 5);
  out.must_change_password = rows.boolean(row, first + 6);
  out.disabled = rows.boolean(row, first + 7);
  out.version = rows.int64(row, first + 8);
  out.created_at = rows.int64(row, first + 9);
  out.updated_at = rows.int64(row, first + 10);
  return out;
}

Result<std::optional<StoredUser>> find_user(Connection& connection, const Uuid& organisation,
                                            std::string_view where, const Param& key) {
  std::string sql = "SELECT " + std::string(k_user_columns) +
                    " FROM users u WHERE u.organisation_id = $1 AND " + std::string(where);
  std::array params = {id_param(organisation), key};
  CCTEAM_TRY(Rows rows, connection.query(sql, params));
  if (rows.size() == 0) return std::optional<StoredUser>();
  CCTEAM_TRY(StoredUser user, read_user(rows, 0));
  return std::optional<StoredUser>(std::move(user));
}

constexpr std::string_view k_token_columns =
    "t.id, t.organisation_id, t.user_id, t.name, t.hint, t.created_at_ms, t.last_used_at_ms, "
    "t.revoked_at_ms";

Result<StoredApiToken> read_token(const Rows& rows, int row) {
  StoredApiToken out;
  CCTEAM_TRY(out.id, uuid_at(rows, row, 0, "api_tokens.id"));
  CCTEAM_TRY(out.organisation_id, uuid_at(rows, row, 1, "api_tokens.organisation_id"));
  CCTEAM_TRY(out.user_id, uuid_at(rows, row, 2, "api_tokens.user_id"));
  out.name = rows.text(row, 3);
  out.hint = rows.text(row, 4);
  out.created_at = rows.int64(row, 5);
  if (!rows.is_null(row, 6)) out.last_used_at = rows.int64(row, 6);
  if (!rows.is_null(row, 7)) out.revoked_at = rows.int64(row, 7);
  return out;
}

Result<void> append_audit(Connection& connection, const Uuid& organisation,
                          const AuditEntry& entry) {
  std::string fields = fields_json(entry.fields);
  CCTEAM_TRY(Rows rows,
             connection.query("INSERT INTO audit_log (organisation_id, at_ms, actor_user_id, "
                              "actor_kind, action, target_kind, target_id, fields, request_id) "
                              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                              {id_param(organisation), entry.at, optional_id(entry.actor_user_id),
                               std::string_view(entry.actor_kind), std::string_view(entry.action),
                               std::string_view(entry.target_kind), optional_id(entry.target_id),
                               std::string_view(fields), std::string_view(entry.request_id)}));
  (void)rows;
  return {};
}

// Runs a statement whose rows do not matter.
Result<void> run(Connection& connection, std::string_view sql,
                 std::initializer_list<Param> params) {
  CCTEAM_TRY(Rows rows, connection.query(sql, params));
  (void)rows;
  return {};
}

constexpr std::string_view k_job_columns =
    "id, organisation_id, kind, dedupe_key, payload, state, attempts, max_attempts, run_after_ms, "
    "claimed_by, lease_until_ms, result, error, created_at_ms, finished_at_ms, created_by, "
    "progress_done, progress_total, cancel_requested";

Result<StoredJob> read_job(const Rows& rows, int row) {
  StoredJob out;
  CCTEAM_TRY(out.id, uuid_at(rows, row, 0, "jobs.id"));
  CCTEAM_TRY(out.organisation_id, uuid_at(rows, row, 1, "jobs.organisation_id"));
  out.kind = rows.text(row, 2);
  if (!rows.is_null(row, 3)) out.dedupe_key = rows.text(row, 3);
  out.payload = rows.text(row, 4);
  out.state = rows.text(row, 5);
  out.attempts = rows.int64(row, 6);
  out.max_attempts = rows.int64(row, 7);
  out.run_after = rows.int64(row, 8);
  if (!rows.is_null(row, 9)) out.claimed_by = rows.text(row, 9);
  if (!rows.is_null(row, 10)) out.lease_until = rows.int64(row, 10);
  if (!rows.is_null(row, 11)) out.result = rows.text(row, 11);
  if (!rows.is_null(row, 12)) out.error = rows.text(row, 12);
  out.created_at = rows.int64(row, 13);
  if (!rows.is_null(row, 14)) out.finished_at = rows.int64(row, 14);
  if (!rows.is_null(row, 15)) {
    CCTEAM_TRY(out.created_by, uuid_at(rows, row, 15, "jobs.created_by"));
  }
  out.progress_done = rows.int64(row, 16);
  out.progress_total = rows.int64(row, 17);
  out.cancel_requested = rows.boolean(row, 18);
  return out;
}

Param optional_text(const std::optional<std::string>& text) {
  return text ? Param(std::string_view(*text)) : Param(nullptr);
}

}  // namespace

// A connection lent to one thread; given back to the pool on destruction.
class PostgresRepository::Lease {
 public:
  Lease(PostgresRepository& owner, std::unique_ptr<Connection> connection)
      : m_owner(&owner), m_connection(std::move(connection)) {}
  Lease(Lease&& other) noexcept
      : m_owner(std::exchange(other.m_owner, nullptr)),
        m_connection(std::move(other.m_connection)) {}
  Lease& operator=(Lease&&) = delete;
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  ~Lease() {
    if (m_owner == nullptr) return;
    {
      std::lock_guard lock(m_owner->m_pool_mutex);
      m_owner->m_idle.push_back(std::move(m_connection));
    }
    m_owner->m_returned.notify_one();
  }
  Connection& operator*() const { return *m_connection; }
  Connection* operator->() const { return m_connection.get(); }

 private:
  PostgresRepository* m_owner;
  std::unique_ptr<Connection> m_connection;
};

PostgresRepository::PostgresRepository(std::string url, const PostgresOptions& options)
    : m_url(std::move(url)), m_options(options) {
  std::size_t size = std::max<std::size_t>(options.connections, 1);
  m_idle.resize(size);
}

PostgresRepository::~PostgresRepository() = default;

Result<std::unique_ptr<PostgresRepository>> PostgresRepository::open(
    const std::string& url, const PostgresOptions& options) {
  std::unique_ptr<PostgresRepository> repository(new PostgresRepository(url, options));
  CCTEAM_TRY(Lease connection, repository->lease());
  CCTEAM_TRY(int version, postgres::migrate(*connection, repository->now()));
  (void)version;
  return repository;
}

UnixMillis PostgresRepository::now() const {
  if (m_options.clock) return m_options.clock();
  return unix_millis_now();
}

Result<PostgresRepository::Lease> PostgresRepository::lease() {
  std::unique_ptr<Connection> connection;
  {
    std::unique_lock lock(m_pool_mutex);
    m_returned.wait(lock, [this] { return !m_idle.empty(); });
    connection = std::move(m_idle.back());
    m_idle.pop_back();
  }
  // Connecting happens outside the pool's lock: other threads go on with their connections.
  auto give_back = [this](std::unique_ptr<Connection> slot) {
    {
      std::lock_guard lock(m_pool_mutex);
      m_idle.push_back(std::move(slot));
    }
    m_returned.notify_one();
  };
  if (connection && !connection->alive()) {
    if (auto again = connection->reset(); !again) {
      give_back(std::move(connection));
      return pass(std::move(again));
    }
  }
  if (!connection) {
    auto opened = Connection::open(m_url, m_options.connect_timeout);
    if (!opened) {
      give_back(nullptr);
      return pass(std::move(opened));
    }
    connection = std::make_unique<Connection>(std::move(*opened));
  }
  return Lease(*this, std::move(connection));
}

Result<Uuid> PostgresRepository::default_organisation() {
  return *Uuid::parse(k_default_organisation_id);
}

Result<std::optional<StoredCatalog>> PostgresRepository::catalog(const Uuid& organisation) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows, connection->query("SELECT " + std::string(k_catalog_columns) +
                                              " FROM catalogs WHERE organisation_id = $1",
                                          {id_param(organisation)}));
  if (rows.size() == 0) return std::optional<StoredCatalog>();
  CCTEAM_TRY(StoredCatalog row, read_catalog(rows, 0));
  return std::optional<StoredCatalog>(std::move(row));
}

Result<std::int64_t> PostgresRepository::catalog_version(const Uuid& organisation) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows, connection->query("SELECT version FROM catalogs WHERE organisation_id = $1",
                                          {id_param(organisation)}));
  return rows.size() > 0 ? rows.int64(0, 0) : std::int64_t{0};
}

Result<std::int64_t> PostgresRepository::catalog_revision(const Uuid& organisation) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows, connection->query(
                            "SELECT c.version + coalesce(p.version, 0) FROM catalogs c LEFT JOIN "
                            "pay_bands p ON p.organisation_id = c.organisation_id "
                            "WHERE c.organisation_id = $1",
                            {id_param(organisation)}));
  return rows.size() > 0 ? rows.int64(0, 0) : std::int64_t{0};
}

Result<std::int64_t> PostgresRepository::openings_revision(const Uuid& organisation) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows,
             connection->query("SELECT ((SELECT count(*) + coalesce(sum(version), 0) FROM openings "
                               "WHERE organisation_id = $1) + (SELECT count(*) + "
                               "coalesce(sum(version), 0) FROM employers WHERE organisation_id = "
                               "$1))::bigint",
                               {id_param(organisation)}));
  return rows.size() > 0 ? rows.int64(0, 0) : std::int64_t{0};
}

Result<std::optional<StoredCatalog>> PostgresRepository::pay_bands(const Uuid& organisation) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows, connection->query("SELECT " + std::string(k_catalog_columns) +
                                              " FROM pay_bands WHERE organisation_id = $1",
                                          {id_param(organisation)}));
  if (rows.size() == 0) return std::optional<StoredCatalog>();
  CCTEAM_TRY(StoredCatalog row, read_catalog(rows, 0));
  return std::optional<StoredCatalog>(std::move(row));
}

Result<StoredCatalog> PostgresRepository::put_pay_bands(const Uuid& organisation,
                                                        std::string source_name, std::string yaml,
                                                        std::int64_t expected_version,
                                                        const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  UnixMillis at = now();
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  // One statement writes only over the version the editor saw: the first save inserts (and
  // does nothing when another node inserted first), a later one updates that version only.
  auto written =
      expected_version == 0
          ? connection->query(
                "INSERT INTO pay_bands (id, organisation_id, source_name, yaml, version, "
                "updated_at_ms) VALUES ($1, $2, $3, $4, 1, $5) ON CONFLICT (organisation_id) "
                "DO NOTHING RETURNING " +
                    std::string(k_catalog_columns),
                {id_param(new_uuid_v7(at)), id_param(organisation), std::string_view(source_name),
                 std::string_view(yaml), at})
          : connection->query(
                "UPDATE pay_bands SET source_name = $2, yaml = $3, version = version + 1, "
                "updated_at_ms = $4 WHERE organisation_id = $1 AND version = $5 RETURNING " +
                    std::string(k_catalog_columns),
                {id_param(organisation), std::string_view(source_name), std::string_view(yaml), at,
                 expected_version});
  if (!written) {
    return tl::unexpected(write_error(*connection, std::move(written).error(), organisation));
  }
  if (written->size() == 0) {
    CCTEAM_TRY(Rows current,
               connection->query("SELECT version FROM pay_bands WHERE organisation_id = $1",
                                 {id_param(organisation)}));
    std::int64_t stored_version = current.size() > 0 ? current.int64(0, 0) : 0;
    return tl::unexpected(
        Error::conflict(msg(MsgId::pay_bands_stale, stored_version, expected_version)));
  }
  CCTEAM_TRY(StoredCatalog row, read_catalog(*written, 0));
  if (auto audited = append_audit(
          *connection, organisation,
          audit_of(actor, at, "pay_bands.put", "pay_bands", row.id, {"source_name", "yaml"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return row;
}

Result<StoredCatalog> PostgresRepository::put_catalog(const Uuid& organisation,
                                                      std::string source_name, std::string yaml) {
  CCTEAM_TRY(Lease connection, lease());
  UnixMillis at = now();
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  // One statement inserts or bumps the version, so two nodes saving at once both count.
  auto written = connection->query(
      "INSERT INTO catalogs (id, organisation_id, source_name, yaml, version, updated_at_ms) "
      "VALUES ($1, $2, $3, $4, 1, $5) ON CONFLICT (organisation_id) DO UPDATE SET "
      "source_name = EXCLUDED.source_name, yaml = EXCLUDED.yaml, "
      "version = catalogs.version + 1, updated_at_ms = EXCLUDED.updated_at_ms RETURNING " +
          std::string(k_catalog_columns),
      {id_param(new_uuid_v7(at)), id_param(organisation), std::string_view(source_name),
       std::string_view(yaml), at});
  if (!written) {
    return tl::unexpected(write_error(*connection, std::move(written).error(), organisation));
  }
  CCTEAM_TRY(StoredCatalog row, read_catalog(*written, 0));
  if (auto audited = append_audit(
          *connection, organisation,
          audit_of(Actor::system(), at, "catalog.put", "catalog", row.id, {"source_name", "yaml"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return row;
}

Result<std::vector<StoredEmployer>> PostgresRepository::employers(const Uuid& organisation,
                                                                  const std::optional<Uuid>& after,
                                                                  std::size_t limit) {
  CCTEAM_TRY(Lease connection, lease());
  constexpr std::size_t k_cap = std::numeric_limits<std::int64_t>::max();
  auto rows = after ? connection->query(
                          "SELECT id, organisation_id, name, yaml, version, updated_at_ms FROM "
                          "employers WHERE organisation_id = $1 AND id > $3 ORDER BY id LIMIT $2",
                          {id_param(organisation), capped(limit, k_cap), id_param(*after)})
                    : connection->query(
                          "SELECT id, organisation_id, name, yaml, version, updated_at_ms FROM "
                          "employers WHERE organisation_id = $1 ORDER BY id LIMIT $2",
                          {id_param(organisation), capped(limit, k_cap)});
  if (!rows) return pass(std::move(rows));
  std::vector<StoredEmployer> out;
  for (int i = 0; i < rows->size(); ++i) {
    CCTEAM_TRY(StoredEmployer row, read_employer(*rows, i));
    out.push_back(std::move(row));
  }
  return out;
}

Result<StoredEmployer> PostgresRepository::add_employer(const Uuid& organisation, std::string name,
                                                        std::string yaml, const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  StoredEmployer row;
  row.updated_at = now();
  row.id = new_uuid_v7(row.updated_at);
  row.organisation_id = organisation;
  row.name = std::move(name);
  row.yaml = std::move(yaml);
  row.version = 1;
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  if (auto written = run(*connection,
                         "INSERT INTO employers (id, organisation_id, name, yaml, version, "
                         "updated_at_ms) VALUES ($1, $2, $3, $4, $5, $6)",
                         {id_param(row.id), id_param(organisation), std::string_view(row.name),
                          std::string_view(row.yaml), row.version, row.updated_at});
      !written) {
    return tl::unexpected(write_error(*connection, std::move(written).error(), organisation));
  }
  if (auto audited = append_audit(
          *connection, organisation,
          audit_of(actor, row.updated_at, "employer.create", "employer", row.id, {"name", "yaml"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return row;
}

Result<std::optional<StoredEmployer>> PostgresRepository::employer(const Uuid& organisation,
                                                                   const Uuid& id) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows, connection->query("SELECT id, organisation_id, name, yaml, version, "
                                          "updated_at_ms FROM employers WHERE organisation_id = "
                                          "$1 AND id = $2",
                                          {id_param(organisation), id_param(id)}));
  if (rows.size() == 0) return std::optional<StoredEmployer>();
  CCTEAM_TRY(StoredEmployer row, read_employer(rows, 0));
  return std::optional<StoredEmployer>(std::move(row));
}

Result<StoredEmployer> PostgresRepository::put_employer(const Uuid& organisation, const Uuid& id,
                                                        std::string name, std::string yaml,
                                                        std::int64_t expected_version,
                                                        const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  UnixMillis at = now();
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  // The version in the WHERE clause makes the check and the write one step, across nodes.
  auto written = connection->query(
      "UPDATE employers SET name = $3, yaml = $4, version = version + 1, updated_at_ms = $5 "
      "WHERE organisation_id = $1 AND id = $2 AND version = $6 RETURNING id, organisation_id, "
      "name, yaml, version, updated_at_ms",
      {id_param(organisation), id_param(id), std::string_view(name), std::string_view(yaml), at,
       expected_version});
  if (!written) {
    return tl::unexpected(write_error(*connection, std::move(written).error(), organisation));
  }
  if (written->size() == 0) {
    CCTEAM_TRY(
        Rows current,
        connection->query("SELECT version FROM employers WHERE organisation_id = $1 AND id = $2",
                          {id_param(organisation), id_param(id)}));
    if (current.size() == 0) {
      return tl::unexpected(Error::not_found(msg(MsgId::employer_not_found, id.to_string())));
    }
    return tl::unexpected(
        Error::conflict(msg(MsgId::employer_stale, current.int64(0, 0), expected_version)));
  }
  CCTEAM_TRY(StoredEmployer row, read_employer(*written, 0));
  if (auto audited =
          append_audit(*connection, organisation,
                       audit_of(actor, at, "employer.put", "employer", row.id, {"name", "yaml"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return row;
}

Result<std::vector<StoredUser>> PostgresRepository::users(
    const Uuid& organisation, const std::optional<std::string>& after_login, std::size_t limit) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(
      Rows rows,
      connection->query("SELECT " + std::string(k_user_columns) +
                            " FROM users u WHERE u.organisation_id = $1 AND u.login > $2 "
                            "ORDER BY u.login LIMIT $3",
                        {id_param(organisation), std::string_view(after_login ? *after_login : ""),
                         capped(limit, 100000)}));
  std::vector<StoredUser> out;
  for (int i = 0; i < rows.size(); ++i) {
    CCTEAM_TRY(StoredUser user, read_user(rows, i));
    out.push_back(std::move(user));
  }
  return out;
}

Result<std::optional<StoredUser>> PostgresRepository::user_by_id(const Uuid& organisation,
                                                                 const Uuid& id) {
  CCTEAM_TRY(Lease connection, lease());
  return find_user(*connection, organisation, "u.id = $2", id_param(id));
}

Result<std::optional<StoredUser>> PostgresRepository::user_by_login(const Uuid& organisation,
                                                                    const std::string& login) {
  CCTEAM_TRY(Lease connection, lease());
  return find_user(*connection, organisation, "u.login = $2", Param(std::string_view(login)));
}

Result<std::int64_t> PostgresRepository::count_active_users(const Uuid& organisation) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows, connection->query("SELECT count(*) FROM users WHERE organisation_id = $1 "
                                          "AND NOT disabled",
                                          {id_param(organisation)}));
  return rows.size() > 0 ? rows.int64(0, 0) : std::int64_t{0};
}

Result<StoredUser> PostgresRepository::add_user(const Uuid& organisation, StoredUser user,
                                                const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  user.created_at = user.updated_at = now();
  user.id = new_uuid_v7(user.created_at);
  user.organisation_id = organisation;
  user.version = 1;
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  auto inserted =
      run(*connection,
          "INSERT INTO users (id, organisation_id, login, display_name, role, password_hash, "
          "must_change_password, disabled, version, created_at_ms, updated_at_ms) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
          {id_param(user.id), id_param(organisation), std::string_view(user.login),
           std::string_view(user.display_name), std::string_view(user.role),
           std::string_view(user.password_hash), Param::boolean(user.must_change_password),
           Param::boolean(user.disabled), user.version, user.created_at, user.updated_at});
  if (!inserted) {
    if (connection->sqlstate() == "23505") {
      return tl::unexpected(Error::invalid_input(msg(MsgId::user_login_taken, user.login)));
    }
    return tl::unexpected(write_error(*connection, std::move(inserted).error(), organisation));
  }
  if (auto audited = append_audit(
          *connection, organisation,
          audit_of(actor, user.created_at, "user.create", "user", user.id,
                   {"login", "display_name", "role", "password_hash", "must_change_password"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return user;
}

Result<StoredUser> PostgresRepository::update_user(const Uuid& organisation, const Uuid& id,
                                                   std::int64_t expected_version,
                                                   const UserChange& change,
                                                   const std::string& action, const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  // User writes of one organisation take turns on its row: the version check and the count of
  // admins below then see every earlier write, on whichever node it was made. NO KEY UPDATE:
  // the foreign-key checks of other writes (KEY SHARE on the same row) do not wait for it.
  CCTEAM_TRY(Rows locked, connection->query("SELECT 1 FROM organisations WHERE id = $1 FOR NO KEY "
                                            "UPDATE",
                                            {id_param(organisation)}));
  (void)locked;
  CCTEAM_TRY(std::optional<StoredUser> found,
             find_user(*connection, organisation, "u.id = $2", id_param(id)));
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
    CCTEAM_TRY(Rows admins, connection->query("SELECT count(*) FROM users WHERE organisation_id "
                                              "= $1 AND role = 'admin' AND NOT disabled",
                                              {id_param(organisation)}));
    if (admins.size() == 0 || admins.int64(0, 0) <= 1) {
      return tl::unexpected(Error::invalid_input(msg(MsgId::user_last_admin)));
    }
  }
  user.version += 1;
  user.updated_at = now();
  if (auto updated =
          run(*connection,
              "UPDATE users SET display_name = $2, role = $3, password_hash = $4, "
              "must_change_password = $5, disabled = $6, version = $7, updated_at_ms = $8 "
              "WHERE id = $1",
              {id_param(user.id), std::string_view(user.display_name), std::string_view(user.role),
               std::string_view(user.password_hash), Param::boolean(user.must_change_password),
               Param::boolean(user.disabled), user.version, user.updated_at});
      !updated) {
    return pass(std::move(updated));
  }
  if (change.end_sessions || user.disabled) {
    static const TokenHash k_none{};
    const TokenHash& keep = change.keep_session ? *change.keep_session : k_none;
    if (auto ended =
            run(*connection, "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2",
                {id_param(user.id), hash_param(keep)});
        !ended) {
      return pass(std::move(ended));
    }
  }
  if (auto audited = append_audit(
          *connection, organisation,
          audit_of(actor, user.updated_at, action, "user", user.id, std::move(fields)));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return user;
}

Result<void> PostgresRepository::add_session(const StoredSession& session, const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  // Expired sessions of every user go when a new one starts: the table stays small.
  if (auto pruned =
          run(*connection, "DELETE FROM sessions WHERE expires_at_ms < $1", {session.created_at});
      !pruned) {
    return pruned;
  }
  if (auto inserted =
          run(*connection,
              "INSERT INTO sessions (token_hash, id, organisation_id, user_id, created_at_ms, "
              "last_seen_at_ms, expires_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)",
              {hash_param(session.token_hash), id_param(session.id),
               id_param(session.organisation_id), id_param(session.user_id), session.created_at,
               session.last_seen_at, session.expires_at});
      !inserted) {
    return inserted;
  }
  if (auto audited = append_audit(
          *connection, session.organisation_id,
          audit_of(actor, session.created_at, "session.sign_in", "session", session.id));
      !audited) {
    return audited;
  }
  return transaction.commit();
}

Result<std::optional<std::pair<StoredSession, StoredUser>>> PostgresRepository::session_by_token(
    const TokenHash& token_hash) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows, connection->query("SELECT " + std::string(k_user_columns) +
                                              ", s.id, s.created_at_ms, s.last_seen_at_ms, "
                                              "s.expires_at_ms FROM sessions s JOIN users u ON "
                                              "u.id = s.user_id WHERE s.token_hash = $1",
                                          {hash_param(token_hash)}));
  using Found = std::optional<std::pair<StoredSession, StoredUser>>;
  if (rows.size() == 0) return Found();
  CCTEAM_TRY(StoredUser user, read_user(rows, 0));
  StoredSession session;
  CCTEAM_TRY(session.id, uuid_at(rows, 0, 11, "sessions.id"));
  session.organisation_id = user.organisation_id;
  session.user_id = user.id;
  session.token_hash = token_hash;
  session.created_at = rows.int64(0, 12);
  session.last_seen_at = rows.int64(0, 13);
  session.expires_at = rows.int64(0, 14);
  return Found(std::pair{std::move(session), std::move(user)});
}

Result<void> PostgresRepository::touch_session(const TokenHash& token_hash, UnixMillis at) {
  CCTEAM_TRY(Lease connection, lease());
  return run(*connection, "UPDATE sessions SET last_seen_at_ms = $2 WHERE token_hash = $1",
             {hash_param(token_hash), at});
}

Result<void> PostgresRepository::end_session(const TokenHash& token_hash, const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  CCTEAM_TRY(Rows ended, connection->query("DELETE FROM sessions WHERE token_hash = $1 "
                                           "RETURNING id, organisation_id",
                                           {hash_param(token_hash)}));
  if (ended.size() == 0) return {};
  CCTEAM_TRY(Uuid id, uuid_at(ended, 0, 0, "sessions.id"));
  CCTEAM_TRY(Uuid organisation, uuid_at(ended, 0, 1, "sessions.organisation_id"));
  if (auto audited = append_audit(*connection, organisation,
                                  audit_of(actor, now(), "session.sign_out", "session", id));
      !audited) {
    return audited;
  }
  return transaction.commit();
}

Result<StoredApiToken> PostgresRepository::add_api_token(StoredApiToken token,
                                                         const TokenHash& token_hash,
                                                         const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  token.created_at = now();
  token.id = new_uuid_v7(token.created_at);
  token.last_used_at.reset();
  token.revoked_at.reset();
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  if (auto inserted =
          run(*connection,
              "INSERT INTO api_tokens (id, organisation_id, user_id, token_hash, name, hint, "
              "created_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)",
              {id_param(token.id), id_param(token.organisation_id), id_param(token.user_id),
               hash_param(token_hash), std::string_view(token.name), std::string_view(token.hint),
               token.created_at});
      !inserted) {
    return tl::unexpected(
        write_error(*connection, std::move(inserted).error(), token.organisation_id));
  }
  if (auto audited = append_audit(*connection, token.organisation_id,
                                  audit_of(actor, token.created_at, "token.create", "token",
                                           token.id, {"name", "user_id"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return token;
}

Result<std::vector<StoredApiToken>> PostgresRepository::api_tokens(
    const Uuid& organisation, const std::optional<Uuid>& user) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows,
             connection->query("SELECT " + std::string(k_token_columns) +
                                   " FROM api_tokens t WHERE t.organisation_id = $1 AND "
                                   "($2::uuid IS NULL OR t.user_id = $2) ORDER BY t.id DESC "
                                   "LIMIT 1000",
                               {id_param(organisation), optional_id(user)}));
  std::vector<StoredApiToken> out;
  for (int i = 0; i < rows.size(); ++i) {
    CCTEAM_TRY(StoredApiToken token, read_token(rows, i));
    out.push_back(std::move(token));
  }
  return out;
}

Result<std::optional<std::pair<StoredApiToken, StoredUser>>> PostgresRepository::api_token_by_hash(
    const TokenHash& token_hash) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows, connection->query("SELECT " + std::string(k_token_columns) + ", " +
                                              std::string(k_user_columns) +
                                              " FROM api_tokens t JOIN users u ON u.id = "
                                              "t.user_id AND u.organisation_id = "
                                              "t.organisation_id WHERE t.token_hash = $1 AND "
                                              "t.revoked_at_ms IS NULL",
                                          {hash_param(token_hash)}));
  using Found = std::optional<std::pair<StoredApiToken, StoredUser>>;
  if (rows.size() == 0) return Found();
  CCTEAM_TRY(StoredApiToken token, read_token(rows, 0));
  CCTEAM_TRY(StoredUser user, read_user(rows, 0, 8));
  return Found(std::pair{std::move(token), std::move(user)});
}

Result<void> PostgresRepository::touch_api_token(const Uuid& id, UnixMillis at) {
  CCTEAM_TRY(Lease connection, lease());
  return run(*connection, "UPDATE api_tokens SET last_used_at_ms = $2 WHERE id = $1",
             {id_param(id), at});
}

Result<StoredApiToken> PostgresRepository::revoke_api_token(const Uuid& organisation,
                                                            const Uuid& id,
                                                            const std::optional<Uuid>& owner,
                                                            const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  UnixMillis at = now();
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  CCTEAM_TRY(Rows revoked,
             connection->query("UPDATE api_tokens t SET revoked_at_ms = $4 WHERE "
                               "t.organisation_id = $1 AND t.id = $2 AND t.revoked_at_ms IS NULL "
                               "AND ($3::uuid IS NULL OR t.user_id = $3) RETURNING " +
                                   std::string(k_token_columns),
                               {id_param(organisation), id_param(id), optional_id(owner), at}));
  if (revoked.size() == 0) {
    return tl::unexpected(Error::not_found(msg(MsgId::token_not_found, id.to_string())));
  }
  CCTEAM_TRY(StoredApiToken token, read_token(revoked, 0));
  if (auto audited = append_audit(*connection, organisation,
                                  audit_of(actor, at, "token.revoke", "token", id, {"revoked_at"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return token;
}

Result<std::vector<std::int64_t>> PostgresRepository::sign_in_failures(
    const std::vector<TokenHash>& keys, UnixMillis since) {
  CCTEAM_TRY(Lease connection, lease());
  std::vector<std::int64_t> out;
  for (const TokenHash& key : keys) {
    CCTEAM_TRY(Rows rows, connection->query("SELECT count(*) FROM sign_in_failures WHERE "
                                            "key_hash = $1 AND at_ms >= $2",
                                            {hash_param(key), since}));
    out.push_back(rows.size() > 0 ? rows.int64(0, 0) : 0);
  }
  return out;
}

Result<void> PostgresRepository::add_sign_in_failure(const Uuid& organisation,
                                                     const std::vector<TokenHash>& keys,
                                                     UnixMillis at, UnixMillis forget_before,
                                                     const AuditEntry& audit) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  if (auto pruned =
          run(*connection, "DELETE FROM sign_in_failures WHERE at_ms < $1", {forget_before});
      !pruned) {
    return pruned;
  }
  for (const TokenHash& key : keys) {
    if (auto added =
            run(*connection, "INSERT INTO sign_in_failures (key_hash, at_ms) VALUES ($1, $2)",
                {hash_param(key), at});
        !added) {
      return added;
    }
  }
  if (auto audited = append_audit(*connection, organisation, audit); !audited) return audited;
  return transaction.commit();
}

Result<void> PostgresRepository::clear_sign_in_failures(const TokenHash& key) {
  CCTEAM_TRY(Lease connection, lease());
  return run(*connection, "DELETE FROM sign_in_failures WHERE key_hash = $1", {hash_param(key)});
}

Result<StoredJob> PostgresRepository::enqueue_job(StoredJob job) {
  CCTEAM_TRY(Lease connection, lease());
  job.created_at = now();
  job.id = new_uuid_v7(job.created_at);
  // ON CONFLICT DO NOTHING on the dedupe key: of two nodes queueing one job at once, one inserts
  // and both read its row.
  auto inserted = connection->query(
      "INSERT INTO jobs (id, organisation_id, kind, dedupe_key, payload, state, attempts, "
      "max_attempts, run_after_ms, created_at_ms, created_by) VALUES ($1, $2, $3, $4, $5, "
      "'queued', 0, $6, $7, $8, $9) ON CONFLICT (organisation_id, kind, dedupe_key) DO NOTHING "
      "RETURNING " +
          std::string(k_job_columns),
      {id_param(job.id), id_param(job.organisation_id), std::string_view(job.kind),
       optional_text(job.dedupe_key), std::string_view(job.payload), job.max_attempts,
       job.run_after, job.created_at, optional_id(job.created_by)});
  if (!inserted) {
    return tl::unexpected(
        write_error(*connection, std::move(inserted).error(), job.organisation_id));
  }
  if (inserted->size() > 0) return read_job(*inserted, 0);
  CCTEAM_TRY(Rows existing,
             connection->query("SELECT " + std::string(k_job_columns) +
                                   " FROM jobs WHERE organisation_id = $1 AND "
                                   "kind = $2 AND dedupe_key = $3",
                               {id_param(job.organisation_id), std::string_view(job.kind),
                                optional_text(job.dedupe_key)}));
  if (existing.size() == 0) {
    return tl::unexpected(
        Error::internal(msg(MsgId::store_database_error, connection->name(), "jobs")));
  }
  return read_job(existing, 0);
}

namespace {

// The number of queued or running jobs of 'kind' in 'organisation' (of 'creator' when given).
Result<std::int64_t> active_jobs(Connection& connection, const Uuid& organisation,
                                 const std::string& kind, const std::optional<Uuid>& creator) {
  CCTEAM_TRY(
      Rows rows,
      connection.query("SELECT count(*) FROM jobs WHERE organisation_id = $1 AND kind = $2 "
                       "AND state IN ('queued', 'running') AND ($3::uuid IS NULL OR "
                       "created_by = $3)",
                       {id_param(organisation), std::string_view(kind), optional_id(creator)}));
  return rows.size() > 0 ? rows.int64(0, 0) : 0;
}

}  // namespace

Result<std::variant<StoredJob, JobLimitReached>> PostgresRepository::enqueue_limited_job(
    StoredJob job, const JobLimits& limits) {
  using Outcome = std::variant<StoredJob, JobLimitReached>;
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  // One queueing of a kind at a time per organisation across nodes: the count and the insert
  // see the same jobs.
  std::string lock_key = "jobs:" + job.organisation_id.to_string() + ":" + job.kind;
  CCTEAM_TRY(Rows locked, connection->query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                                            {std::string_view(lock_key)}));
  (void)locked;
  if (limits.per_creator > 0 && job.created_by) {
    CCTEAM_TRY(std::int64_t mine,
               active_jobs(*connection, job.organisation_id, job.kind, job.created_by));
    if (mine >= limits.per_creator) return Outcome(JobLimitReached::per_creator);
  }
  if (limits.per_kind > 0) {
    CCTEAM_TRY(std::int64_t all,
               active_jobs(*connection, job.organisation_id, job.kind, std::nullopt));
    if (all >= limits.per_kind) return Outcome(JobLimitReached::per_kind);
  }
  job.dedupe_key.reset();
  job.created_at = now();
  job.id = new_uuid_v7(job.created_at);
  CCTEAM_TRY(Rows inserted,
             connection->query(
                 "INSERT INTO jobs (id, organisation_id, kind, payload, state, attempts, "
                 "max_attempts, run_after_ms, created_at_ms, created_by) VALUES ($1, $2, $3, $4, "
                 "'queued', 0, $5, $6, $7, $8) RETURNING " +
                     std::string(k_job_columns),
                 {id_param(job.id), id_param(job.organisation_id), std::string_view(job.kind),
                  std::string_view(job.payload), job.max_attempts, job.run_after, job.created_at,
                  optional_id(job.created_by)}));
  if (inserted.size() == 0) {
    return tl::unexpected(
        Error::internal(msg(MsgId::store_database_error, connection->name(), "jobs")));
  }
  CCTEAM_TRY(StoredJob queued, read_job(inserted, 0));
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return Outcome(std::move(queued));
}

Result<bool> PostgresRepository::report_job_progress(const Uuid& id, const std::string& node,
                                                     std::int64_t done, std::int64_t total,
                                                     UnixMillis lease_until) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(
      Rows updated,
      connection->query("UPDATE jobs SET progress_done = $3, progress_total = $4, "
                        "lease_until_ms = $5 WHERE id = $1 AND state = 'running' AND "
                        "claimed_by = $2 RETURNING cancel_requested",
                        {id_param(id), std::string_view(node), std::max<std::int64_t>(done, 0),
                         std::max<std::int64_t>(total, 0), lease_until}));
  if (updated.size() > 0) return updated.boolean(0, 0);
  CCTEAM_TRY(Rows found, connection->query("SELECT 1 FROM jobs WHERE id = $1", {id_param(id)}));
  if (found.size() == 0) {
    return tl::unexpected(Error::not_found(msg(MsgId::job_not_found, id.to_string())));
  }
  return tl::unexpected(Error::conflict(msg(MsgId::store_stale_job, id.to_string())));
}

Result<StoredJob> PostgresRepository::cancel_job(const Uuid& organisation, const Uuid& id) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows,
             connection->query(
                 "UPDATE jobs SET cancel_requested = (state IN ('queued', 'running')) OR "
                 "cancel_requested, error = CASE WHEN state = 'queued' THEN 'cancelled' ELSE "
                 "error END, finished_at_ms = CASE WHEN state = 'queued' THEN $3 ELSE "
                 "finished_at_ms END, state = CASE WHEN state = 'queued' THEN 'failed' ELSE state "
                 "END WHERE organisation_id = $1 AND id = $2 RETURNING " +
                     std::string(k_job_columns),
                 {id_param(organisation), id_param(id), now()}));
  if (rows.size() == 0) {
    return tl::unexpected(Error::not_found(msg(MsgId::job_not_found, id.to_string())));
  }
  return read_job(rows, 0);
}

Result<std::optional<StoredJob>> PostgresRepository::claim_job(
    const std::string& node, const std::vector<std::string>& kinds, UnixMillis at,
    UnixMillis lease_until) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(
      Rows given_up,
      connection->query("UPDATE jobs SET state = 'failed', finished_at_ms = $1, error = CASE "
                        "WHEN cancel_requested THEN 'cancelled' ELSE 'the lease ended "
                        "after the last attempt' END WHERE state = 'running' AND "
                        "lease_until_ms < $1 AND (attempts >= max_attempts OR "
                        "cancel_requested)",
                        {at}));
  (void)given_up;
  // SKIP LOCKED: nodes claiming at once each take a different job instead of waiting.
  CCTEAM_TRY(Rows claimed,
             connection->query(
                 "UPDATE jobs SET state = 'running', attempts = attempts + 1, "
                 "claimed_by = $2, lease_until_ms = $3 WHERE id = (SELECT id FROM "
                 "jobs WHERE ((state = 'queued' AND run_after_ms <= $1) OR (state = "
                 "'running' AND lease_until_ms < $1)) AND attempts < max_attempts "
                 "AND kind IN (SELECT jsonb_array_elements_text($4::jsonb)) "
                 "ORDER BY run_after_ms, id LIMIT 1 FOR UPDATE SKIP LOCKED) "
                 "RETURNING " +
                     std::string(k_job_columns),
                 {at, std::string_view(node), lease_until, std::string_view(fields_json(kinds))}));
  if (claimed.size() == 0) return std::optional<StoredJob>();
  CCTEAM_TRY(StoredJob job, read_job(claimed, 0));
  return std::optional<StoredJob>(std::move(job));
}

Result<StoredJob> PostgresRepository::finish_job(const Uuid& id, const std::string& node,
                                                 const JobOutcome& outcome) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  CCTEAM_TRY(Rows found, connection->query("SELECT " + std::string(k_job_columns) +
                                               " FROM jobs WHERE id = $1 FOR UPDATE",
                                           {id_param(id)}));
  if (found.size() == 0) {
    return tl::unexpected(Error::not_found(msg(MsgId::job_not_found, id.to_string())));
  }
  CCTEAM_TRY(StoredJob job, read_job(found, 0));
  if (job.state != "running" || job.claimed_by != node) {
    return tl::unexpected(Error::conflict(msg(MsgId::store_stale_job, id.to_string())));
  }
  finish_in_memory(job, outcome, now());
  auto optional_millis = [](const std::optional<UnixMillis>& value) {
    return value ? Param(*value) : Param(nullptr);
  };
  if (auto updated = run(
          *connection,
          "UPDATE jobs SET state = $2, run_after_ms = $3, claimed_by = $4, lease_until_ms = $5, "
          "result = $6, error = $7, finished_at_ms = $8 WHERE id = $1",
          {id_param(id), std::string_view(job.state), job.run_after, optional_text(job.claimed_by),
           optional_millis(job.lease_until), optional_text(job.result), optional_text(job.error),
           optional_millis(job.finished_at)});
      !updated) {
    return pass(std::move(updated));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return job;
}

Result<std::optional<StoredJob>> PostgresRepository::job(const Uuid& organisation, const Uuid& id) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows, connection->query("SELECT " + std::string(k_job_columns) +
                                              " FROM jobs WHERE organisation_id = $1 AND id = $2",
                                          {id_param(organisation), id_param(id)}));
  if (rows.size() == 0) return std::optional<StoredJob>();
  CCTEAM_TRY(StoredJob job, read_job(rows, 0));
  return std::optional<StoredJob>(std::move(job));
}

Result<std::vector<StoredJob>> PostgresRepository::jobs(const Uuid& organisation,
                                                        const JobQuery& query) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows,
             connection->query("SELECT " + std::string(k_job_columns) +
                                   " FROM jobs WHERE organisation_id = $1 AND ($2::text "
                                   "IS NULL OR kind = $2) AND ($3::text IS NULL OR "
                                   "state = $3) ORDER BY id DESC LIMIT $4",
                               {id_param(organisation), optional_text(query.kind),
                                optional_text(query.state), capped(query.limit, 100000)}));
  std::vector<StoredJob> out;
  for (int i = 0; i < rows.size(); ++i) {
    CCTEAM_TRY(StoredJob job, read_job(rows, i));
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

Result<StoredPlan> read_plan(const Rows& rows, int row) {
  StoredPlan out;
  CCTEAM_TRY(out.id, uuid_at(rows, row, 0, "plans.id"));
  CCTEAM_TRY(out.organisation_id, uuid_at(rows, row, 1, "plans.organisation_id"));
  CCTEAM_TRY(out.series_id, uuid_at(rows, row, 2, "plans.series_id"));
  out.version = rows.int64(row, 3);
  out.name = rows.text(row, 4);
  if (!rows.is_null(row, 5)) {
    CCTEAM_TRY(out.author_user_id, uuid_at(rows, row, 5, "plans.author_user_id"));
  }
  out.author_name = rows.text(row, 6);
  out.inputs = rows.text(row, 7);
  out.result = rows.text(row, 8);
  out.summary = rows.text(row, 9);
  out.created_at = rows.int64(row, 10);
  return out;
}

}  // namespace

Result<StoredPlan> PostgresRepository::add_plan(StoredPlan plan,
                                                const std::optional<Uuid>& previous,
                                                const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  plan.created_at = now();
  plan.id = new_uuid_v7(plan.created_at);
  plan.author_user_id = actor.user_id;
  plan.series_id = plan.id;
  plan.version = 1;
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  if (previous) {
    // Versions of one series are numbered one after another: the previous version's row is
    // locked, so two nodes saving a new version of it at once wait for each other.
    CCTEAM_TRY(Rows series,
               connection->query("SELECT p.series_id FROM plans p WHERE p.organisation_id = $1 "
                                 "AND p.series_id = (SELECT q.series_id FROM plans q WHERE "
                                 "q.organisation_id = $1 AND q.id = $2) AND p.version = 1 FOR "
                                 "UPDATE",
                                 {id_param(plan.organisation_id), id_param(*previous)}));
    if (series.size() == 0) {
      return tl::unexpected(Error::not_found(msg(MsgId::plan_not_found, previous->to_string())));
    }
    CCTEAM_TRY(plan.series_id, uuid_at(series, 0, 0, "plans.series_id"));
    CCTEAM_TRY(Rows newest,
               connection->query("SELECT max(version) FROM plans WHERE "
                                 "organisation_id = $1 AND series_id = $2",
                                 {id_param(plan.organisation_id), id_param(plan.series_id)}));
    plan.version = newest.int64(0, 0) + 1;
  }
  if (auto inserted =
          run(*connection,
              "INSERT INTO plans (id, organisation_id, series_id, version, name, "
              "author_user_id, inputs, result, summary, created_at_ms) VALUES ($1, "
              "$2, $3, $4, $5, $6, $7, $8, $9, $10)",
              {id_param(plan.id), id_param(plan.organisation_id), id_param(plan.series_id),
               plan.version, std::string_view(plan.name), optional_id(plan.author_user_id),
               std::string_view(plan.inputs), std::string_view(plan.result),
               std::string_view(plan.summary), plan.created_at});
      !inserted) {
    return tl::unexpected(
        write_error(*connection, std::move(inserted).error(), plan.organisation_id));
  }
  if (auto audited = append_audit(*connection, plan.organisation_id,
                                  audit_of(actor, plan.created_at, "plan.create", "plan", plan.id,
                                           {"name", "version", "series_id"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (plan.author_user_id) {
    CCTEAM_TRY(Rows author, connection->query("SELECT display_name FROM users WHERE id = $1",
                                              {id_param(*plan.author_user_id)}));
    if (author.size() > 0) plan.author_name = author.text(0, 0);
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return plan;
}

Result<std::optional<StoredPlan>> PostgresRepository::plan(const Uuid& organisation,
                                                           const Uuid& id) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows,
             connection->query(plan_select(true) + "WHERE p.organisation_id = $1 AND p.id = $2",
                               {id_param(organisation), id_param(id)}));
  if (rows.size() == 0) return std::optional<StoredPlan>();
  CCTEAM_TRY(StoredPlan plan, read_plan(rows, 0));
  return std::optional<StoredPlan>(std::move(plan));
}

Result<std::vector<StoredPlan>> PostgresRepository::plans(const Uuid& organisation,
                                                          std::size_t limit) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows, connection->query(plan_select(false) +
                                              "WHERE p.organisation_id = $1 ORDER BY p.id DESC "
                                              "LIMIT $2",
                                          {id_param(organisation), capped(limit, 100000)}));
  std::vector<StoredPlan> out;
  for (int i = 0; i < rows.size(); ++i) {
    CCTEAM_TRY(StoredPlan plan, read_plan(rows, i));
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

Result<StoredOpening> read_opening(const Rows& rows, int row) {
  StoredOpening out;
  CCTEAM_TRY(out.id, uuid_at(rows, row, 0, "openings.id"));
  CCTEAM_TRY(out.organisation_id, uuid_at(rows, row, 1, "openings.organisation_id"));
  CCTEAM_TRY(out.employer_id, uuid_at(rows, row, 2, "openings.employer_id"));
  out.role = rows.text(row, 3);
  out.place = rows.int64(row, 4);
  out.headcount = rows.int64(row, 5);
  if (!rows.is_null(row, 6)) {
    CCTEAM_TRY(out.hiring_manager_id, uuid_at(rows, row, 6, "openings.hiring_manager_id"));
  }
  out.employment_type = rows.text(row, 7);
  out.status = rows.text(row, 8);
  out.valid_through = rows.text(row, 9);
  out.languages = rows.text(row, 10);
  out.reference = rows.text(row, 11);
  out.sections = rows.text(row, 12);
  if (!rows.is_null(row, 13)) out.published_at = rows.int64(row, 13);
  if (!rows.is_null(row, 14)) {
    CCTEAM_TRY(out.created_by, uuid_at(rows, row, 14, "openings.created_by"));
  }
  out.version = rows.int64(row, 15);
  out.created_at = rows.int64(row, 16);
  out.updated_at = rows.int64(row, 17);
  out.questions = rows.text(row, 18);
  return out;
}

Error opening_not_found(const Uuid& id) {
  return Error::not_found(msg(MsgId::opening_not_found, id.to_string()));
}

}  // namespace

Result<std::vector<StoredOpening>> PostgresRepository::openings(const Uuid& organisation,
                                                                const OpeningQuery& query) {
  CCTEAM_TRY(Lease connection, lease());
  // PostgreSQL wants every parameter used: the query is made with the filters given.
  std::vector<Param> params = {id_param(organisation)};
  std::string sql = std::string(k_opening_columns) + "WHERE organisation_id = $1";
  if (query.status) {
    params.emplace_back(std::string_view(*query.status));
    sql += " AND status = $" + std::to_string(params.size());
  }
  if (query.valid_on) {
    params.emplace_back(std::string_view(*query.valid_on));
    sql += " AND valid_through >= $" + std::to_string(params.size());
  }
  if (query.after) {
    params.push_back(id_param(*query.after));
    sql += " AND id > $" + std::to_string(params.size());
  }
  params.push_back(capped(query.limit, 100000));
  sql += " ORDER BY id LIMIT $" + std::to_string(params.size());
  CCTEAM_TRY(Rows rows, connection->query(sql, std::span<const Param>(params)));
  std::vector<StoredOpening> out;
  for (int i = 0; i < rows.size(); ++i) {
    CCTEAM_TRY(StoredOpening row, read_opening(rows, i));
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::optional<StoredOpening>> PostgresRepository::opening(const Uuid& organisation,
                                                                 const Uuid& id) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows, connection->query(std::string(k_opening_columns) +
                                              "WHERE organisation_id = $1 AND id = $2",
                                          {id_param(organisation), id_param(id)}));
  if (rows.size() == 0) return std::optional<StoredOpening>();
  CCTEAM_TRY(StoredOpening row, read_opening(rows, 0));
  return std::optional<StoredOpening>(std::move(row));
}

Result<StoredOpening> PostgresRepository::add_opening(StoredOpening opening, const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  opening.created_at = now();
  opening.updated_at = opening.created_at;
  opening.id = new_uuid_v7(opening.created_at);
  opening.version = 1;
  opening.created_by = actor.user_id;
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  CCTEAM_TRY(Rows employer,
             connection->query("SELECT 1 FROM employers WHERE organisation_id = $1 AND id = $2",
                               {id_param(opening.organisation_id), id_param(opening.employer_id)}));
  if (employer.size() == 0) {
    return tl::unexpected(
        Error::not_found(msg(MsgId::employer_not_found, opening.employer_id.to_string())));
  }
  if (auto inserted = run(
          *connection,
          "INSERT INTO openings (id, organisation_id, employer_id, role, place, headcount, "
          "hiring_manager_id, employment_type, status, valid_through, languages, reference, "
          "sections, published_at_ms, created_by, version, created_at_ms, updated_at_ms, "
          "questions) VALUES "
          "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
          {id_param(opening.id), id_param(opening.organisation_id), id_param(opening.employer_id),
           std::string_view(opening.role), opening.place, opening.headcount,
           optional_id(opening.hiring_manager_id), std::string_view(opening.employment_type),
           std::string_view(opening.status), std::string_view(opening.valid_through),
           std::string_view(opening.languages), std::string_view(opening.reference),
           std::string_view(opening.sections), optional_int(opening.published_at),
           optional_id(opening.created_by), opening.version, opening.created_at, opening.updated_at,
           std::string_view(opening.questions)});
      !inserted) {
    return tl::unexpected(
        write_error(*connection, std::move(inserted).error(), opening.organisation_id));
  }
  if (auto audited = append_audit(*connection, opening.organisation_id,
                                  audit_of(actor, opening.created_at, "opening.create", "opening",
                                           opening.id, {"role", "employer_id", "status"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return opening;
}

Result<StoredOpening> PostgresRepository::put_opening(StoredOpening opening,
                                                      std::int64_t expected_version,
                                                      const std::string& action,
                                                      const std::vector<std::string>& fields,
                                                      const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  opening.updated_at = now();
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  // The version in the WHERE clause makes the check and the write one step, across nodes.
  auto written = connection->query(
      "UPDATE openings SET employer_id = $3, role = $4, place = $5, headcount = $6, "
      "hiring_manager_id = $7, employment_type = $8, status = $9, valid_through = $10, "
      "languages = $11, reference = $12, sections = $13, published_at_ms = $14, version = "
      "version + 1, updated_at_ms = $15, questions = $17 WHERE organisation_id = $1 AND id = $2 "
      "AND version = $16 "
      "RETURNING id, organisation_id, employer_id, role, place, headcount, hiring_manager_id, "
      "employment_type, status, valid_through, languages, reference, sections, published_at_ms, "
      "created_by, version, created_at_ms, updated_at_ms, questions",
      {id_param(opening.organisation_id), id_param(opening.id), id_param(opening.employer_id),
       std::string_view(opening.role), opening.place, opening.headcount,
       optional_id(opening.hiring_manager_id), std::string_view(opening.employment_type),
       std::string_view(opening.status), std::string_view(opening.valid_through),
       std::string_view(opening.languages), std::string_view(opening.reference),
       std::string_view(opening.sections), optional_int(opening.published_at), opening.updated_at,
       expected_version, std::string_view(opening.questions)});
  if (!written) {
    return tl::unexpected(
        write_error(*connection, std::move(written).error(), opening.organisation_id));
  }
  if (written->size() == 0) {
    CCTEAM_TRY(
        Rows current,
        connection->query("SELECT version FROM openings WHERE organisation_id = $1 AND id = $2",
                          {id_param(opening.organisation_id), id_param(opening.id)}));
    if (current.size() == 0) return tl::unexpected(opening_not_found(opening.id));
    return tl::unexpected(
        Error::conflict(msg(MsgId::opening_stale, current.int64(0, 0), expected_version)));
  }
  CCTEAM_TRY(StoredOpening row, read_opening(*written, 0));
  if (auto audited =
          append_audit(*connection, row.organisation_id,
                       audit_of(actor, row.updated_at, action, "opening", row.id, fields));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return row;
}

Result<std::vector<StoredOpeningComment>> PostgresRepository::opening_comments(
    const Uuid& organisation, const Uuid& opening, std::size_t limit) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows,
             connection->query("SELECT c.id, c.organisation_id, c.opening_id, c.author_user_id, "
                               "coalesce(u.display_name, ''), c.text, c.created_at_ms FROM "
                               "opening_comments c LEFT JOIN users u ON u.id = c.author_user_id "
                               "WHERE c.organisation_id = $1 AND c.opening_id = $2 ORDER BY c.id "
                               "LIMIT $3",
                               {id_param(organisation), id_param(opening), capped(limit, 100000)}));
  std::vector<StoredOpeningComment> out;
  for (int i = 0; i < rows.size(); ++i) {
    StoredOpeningComment row;
    CCTEAM_TRY(row.id, uuid_at(rows, i, 0, "opening_comments.id"));
    CCTEAM_TRY(row.organisation_id, uuid_at(rows, i, 1, "opening_comments.organisation_id"));
    CCTEAM_TRY(row.opening_id, uuid_at(rows, i, 2, "opening_comments.opening_id"));
    if (!rows.is_null(i, 3)) {
      CCTEAM_TRY(row.author_user_id, uuid_at(rows, i, 3, "opening_comments.author_user_id"));
    }
    row.author_name = rows.text(i, 4);
    row.text = rows.text(i, 5);
    row.created_at = rows.int64(i, 6);
    out.push_back(std::move(row));
  }
  return out;
}

Result<StoredOpeningComment> PostgresRepository::add_opening_comment(StoredOpeningComment comment,
                                                                     const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  comment.created_at = now();
  comment.id = new_uuid_v7(comment.created_at);
  comment.author_user_id = actor.user_id;
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  CCTEAM_TRY(Rows opening,
             connection->query("SELECT 1 FROM openings WHERE organisation_id = $1 AND id = $2",
                               {id_param(comment.organisation_id), id_param(comment.opening_id)}));
  if (opening.size() == 0) return tl::unexpected(opening_not_found(comment.opening_id));
  if (auto inserted = run(*connection,
                          "INSERT INTO opening_comments (id, organisation_id, opening_id, "
                          "author_user_id, text, created_at_ms) VALUES ($1, $2, $3, $4, $5, $6)",
                          {id_param(comment.id), id_param(comment.organisation_id),
                           id_param(comment.opening_id), optional_id(comment.author_user_id),
                           std::string_view(comment.text), comment.created_at});
      !inserted) {
    return tl::unexpected(
        write_error(*connection, std::move(inserted).error(), comment.organisation_id));
  }
  if (auto audited = append_audit(*connection, comment.organisation_id,
                                  audit_of(actor, comment.created_at, "opening.comment", "opening",
                                           comment.opening_id, {"comment"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  if (comment.author_user_id) {
    CCTEAM_TRY(std::optional<StoredUser> author,
               find_user(*connection, comment.organisation_id, "u.id = $2",
                         id_param(*comment.author_user_id)));
    if (author) comment.author_name = author->display_name;
  }
  return comment;
}

// --- applications

namespace {

// Queues 'job' in the transaction open on 'connection', at 'at' (its id and time set here).
Result<void> insert_queued_job(Connection& connection, StoredJob& job, UnixMillis at) {
  job.created_at = at;
  job.id = new_uuid_v7(at);
  return run(connection,
             "INSERT INTO jobs (id, organisation_id, kind, payload, state, attempts, "
             "max_attempts, run_after_ms, created_at_ms, created_by) VALUES ($1, $2, "
             "$3, $4, 'queued', 0, $5, $6, $7, $8)",
             {id_param(job.id), id_param(job.organisation_id), std::string_view(job.kind),
              std::string_view(job.payload), job.max_attempts, job.run_after, job.created_at,
              optional_id(job.created_by)});
}

constexpr std::string_view k_application_fields =
    "id, organisation_id, opening_id, status, source, channel, lang, jurisdiction, personal, "
    "profile, answers, privacy_version, talent_pool_until, verdict, review_rank, "
    "knockouts_missed, preferred_met, screening, screening_catalog_version, screened_at_ms, "
    "unblinded_at_ms, withdrawn_at_ms, version, created_at_ms, updated_at_ms, email_key, "
    "phone_key, "
    "legal_basis";

std::string application_select() {
  return "SELECT " + std::string(k_application_fields) + " FROM applications ";
}

std::optional<UnixMillis> optional_at(const Rows& rows, int row, int column) {
  if (rows.is_null(row, column)) return std::nullopt;
  return rows.int64(row, column);
}

Result<StoredApplication> read_application(const Rows& rows, int row) {
  StoredApplication out;
  CCTEAM_TRY(out.id, uuid_at(rows, row, 0, "applications.id"));
  CCTEAM_TRY(out.organisation_id, uuid_at(rows, row, 1, "applications.organisation_id"));
  CCTEAM_TRY(out.opening_id, uuid_at(rows, row, 2, "applications.opening_id"));
  out.status = rows.text(row, 3);
  out.source = rows.text(row, 4);
  out.channel = rows.text(row, 5);
  out.lang = rows.text(row, 6);
  out.jurisdiction = rows.text(row, 7);
  out.personal = rows.text(row, 8);
  out.profile = rows.text(row, 9);
  out.answers = rows.text(row, 10);
  out.privacy_version = rows.text(row, 11);
  if (!rows.is_null(row, 12)) out.talent_pool_until = rows.text(row, 12);
  if (!rows.is_null(row, 13)) out.verdict = rows.text(row, 13);
  out.review_rank = rows.int64(row, 14);
  out.knockouts_missed = rows.int64(row, 15);
  out.preferred_met = rows.int64(row, 16);
  out.screening = rows.text(row, 17);
  out.screening_catalog_version = rows.int64(row, 18);
  out.screened_at = optional_at(rows, row, 19);
  out.unblinded_at = optional_at(rows, row, 20);
  out.withdrawn_at = optional_at(rows, row, 21);
  out.version = rows.int64(row, 22);
  out.created_at = rows.int64(row, 23);
  out.updated_at = rows.int64(row, 24);
  if (!rows.is_null(row, 25)) out.email_key = rows.text(row, 25);
  if (!rows.is_null(row, 26)) out.phone_key = rows.text(row, 26);
  out.legal_basis = rows.text(row, 27);
  return out;
}

Result<std::vector<StoredApplication>> read_applications(const Rows& rows) {
  std::vector<StoredApplication> out;
  for (int i = 0; i < rows.size(); ++i) {
    CCTEAM_TRY(StoredApplication row, read_application(rows, i));
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::optional<StoredApplication>> first_application(const Rows& rows) {
  if (rows.size() == 0) return std::optional<StoredApplication>();
  CCTEAM_TRY(StoredApplication row, read_application(rows, 0));
  return std::optional<StoredApplication>(std::move(row));
}

constexpr std::string_view k_message_columns =
    "id, organisation_id, application_id, kind, lang, recipient, subject, body, state, "
    "attempts, last_error, created_at_ms, updated_at_ms, sent_at_ms";
std::string message_select() {
  return "SELECT " + std::string(k_message_columns) + " FROM outbox_messages ";
}

Result<std::vector<StoredMessage>> read_messages(const Rows& rows) {
  std::vector<StoredMessage> out;
  for (int i = 0; i < rows.size(); ++i) {
    StoredMessage row;
    CCTEAM_TRY(row.id, uuid_at(rows, i, 0, "outbox_messages.id"));
    CCTEAM_TRY(row.organisation_id, uuid_at(rows, i, 1, "outbox_messages.organisation_id"));
    if (!rows.is_null(i, 2)) {
      CCTEAM_TRY(row.application_id, uuid_at(rows, i, 2, "outbox_messages.application_id"));
    }
    row.kind = rows.text(i, 3);
    row.lang = rows.text(i, 4);
    row.recipient = rows.text(i, 5);
    row.subject = rows.text(i, 6);
    row.body = rows.text(i, 7);
    row.state = rows.text(i, 8);
    row.attempts = rows.int64(i, 9);
    if (!rows.is_null(i, 10)) row.last_error = rows.text(i, 10);
    row.created_at = rows.int64(i, 11);
    row.updated_at = rows.int64(i, 12);
    row.sent_at = optional_at(rows, i, 13);
    out.push_back(std::move(row));
  }
  return out;
}

Error application_not_found(const Uuid& id) {
  return Error::not_found(msg(MsgId::application_not_found, id.to_string()));
}

constexpr std::string_view k_document_columns =
    "id, organisation_id, application_id, sha256, content_type, file_name, size_bytes, "
    "added_by, created_at_ms, text_status, coalesce(text_reason, ''), "
    "coalesce(length(text), 0)";

Result<std::vector<StoredDocument>> read_documents(const Rows& rows) {
  std::vector<StoredDocument> out;
  for (int i = 0; i < rows.size(); ++i) {
    StoredDocument row;
    CCTEAM_TRY(row.id, uuid_at(rows, i, 0, "application_documents.id"));
    CCTEAM_TRY(row.organisation_id, uuid_at(rows, i, 1, "application_documents.organisation_id"));
    CCTEAM_TRY(row.application_id, uuid_at(rows, i, 2, "application_documents.application_id"));
    row.sha256 = rows.text(i, 3);
    row.content_type = rows.text(i, 4);
    row.file_name = rows.text(i, 5);
    row.size_bytes = rows.int64(i, 6);
    row.added_by = rows.text(i, 7);
    row.created_at = rows.int64(i, 8);
    row.text_status = rows.text(i, 9);
    row.text_reason = rows.text(i, 10);
    row.text_chars = rows.int64(i, 11);
    out.push_back(std::move(row));
  }
  return out;
}

Result<void> insert_document(Connection& connection, const StoredDocument& document) {
  return run(connection,
             "INSERT INTO application_documents (id, organisation_id, application_id, sha256, "
             "content_type, file_name, size_bytes, added_by, created_at_ms, text_status) VALUES "
             "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
             {id_param(document.id), id_param(document.organisation_id),
              id_param(document.application_id), std::string_view(document.sha256),
              std::string_view(document.content_type), std::string_view(document.file_name),
              document.size_bytes, std::string_view(document.added_by), document.created_at,
              std::string_view(document.text_status)});
}

}  // namespace

Result<SubmittedApplication> PostgresRepository::add_application(ApplicationSubmission submission,
                                                                 const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  StoredApplication& row = submission.application;
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  // One submission per client at a time across nodes: the count and the insert see the same
  // rows; the idempotency key is unique, so of two nodes storing one key one wins.
  std::string lock_key = "applications:";
  for (std::uint8_t byte : submission.rate_key) lock_key += fmt::format("{:02x}", byte);
  CCTEAM_TRY(Rows locked, connection->query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                                            {std::string_view(lock_key)}));
  (void)locked;
  auto existing = [&]() -> Result<std::optional<StoredApplication>> {
    CCTEAM_TRY(Rows rows,
               connection->query(
                   application_select() + "WHERE organisation_id = $1 AND idempotency_key = $2",
                   {id_param(row.organisation_id), std::string_view(submission.idempotency_key)}));
    return first_application(rows);
  };
  CCTEAM_TRY(std::optional<StoredApplication> before, existing());
  if (before) return SubmittedApplication{std::move(*before), true};
  CCTEAM_TRY(Rows opening,
             connection->query("SELECT 1 FROM openings WHERE organisation_id = $1 AND id = $2",
                               {id_param(row.organisation_id), id_param(row.opening_id)}));
  if (opening.size() == 0) return tl::unexpected(opening_not_found(row.opening_id));
  UnixMillis at = now();
  if (submission.rate_limit > 0) {
    CCTEAM_TRY(Rows counted,
               connection->query("SELECT count(*) FROM application_submissions "
                                 "WHERE key_hash = $1 AND at_ms >= $2",
                                 {hash_param(submission.rate_key), submission.rate_since}));
    if (counted.size() > 0 && counted.int64(0, 0) >= submission.rate_limit) {
      return tl::unexpected(Error::throttled(msg(MsgId::application_throttled),
                                             msg(MsgId::hint_application_throttled)));
    }
  }
  row.id = new_uuid_v7(at);
  row.created_at = at;
  row.updated_at = at;
  row.version = 1;
  auto inserted = connection->query(
      "INSERT INTO applications (id, organisation_id, opening_id, idempotency_key, "
      "access_token_hash, status, source, channel, lang, jurisdiction, personal, profile, "
      "answers, privacy_version, talent_pool_until, verdict, review_rank, knockouts_missed, "
      "preferred_met, screening, screening_catalog_version, version, created_at_ms, "
      "updated_at_ms, email_key, phone_key, legal_basis) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
      "$9, $10, $11, $12, $13, $14, $15, NULL, $16, $17, $18, '', 0, 1, $19, $19, $20, $21, $22) "
      "ON CONFLICT (organisation_id, idempotency_key) DO NOTHING RETURNING id",
      {id_param(row.id),
       id_param(row.organisation_id),
       id_param(row.opening_id),
       std::string_view(submission.idempotency_key),
       hash_param(submission.access_token_hash),
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
  if (!inserted) {
    return tl::unexpected(
        write_error(*connection, std::move(inserted).error(), row.organisation_id));
  }
  if (inserted->size() == 0) {
    CCTEAM_TRY(std::optional<StoredApplication> raced, existing());
    if (raced) return SubmittedApplication{std::move(*raced), true};
    return tl::unexpected(
        Error::internal(msg(MsgId::store_database_error, connection->name(), "applications")));
  }
  if (submission.rate_limit > 0) {
    if (auto counted = run(*connection,
                           "INSERT INTO application_submissions (key_hash, at_ms) VALUES ($1, $2)",
                           {hash_param(submission.rate_key), at});
        !counted) {
      return pass(std::move(counted));
    }
  }
  // A job queued in this transaction: its id and time set here.
  auto queue = [&](StoredJob& job, std::string payload) -> Result<void> {
    job.organisation_id = row.organisation_id;
    job.payload = std::move(payload);
    return insert_queued_job(*connection, job, at);
  };
  if (auto queued =
          queue(submission.screening_job, R"({"application":")" + row.id.to_string() + "\"}");
      !queued) {
    return pass(std::move(queued));
  }
  for (StoredDocument& document : submission.documents) {
    document.id = new_uuid_v7(at);
    document.organisation_id = row.organisation_id;
    document.application_id = row.id;
    document.created_at = at;
    if (auto written = insert_document(*connection, document); !written) {
      return pass(std::move(written));
    }
  }
  if (submission.acknowledgement) {
    StoredMessage& message = *submission.acknowledgement;
    message.id = new_uuid_v7(at);
    message.organisation_id = row.organisation_id;
    message.application_id = row.id;
    message.created_at = at;
    message.updated_at = at;
    if (auto written = run(
            *connection,
            "INSERT INTO outbox_messages (id, organisation_id, application_id, kind, "
            "lang, recipient, subject, body, state, attempts, last_error, "
            "created_at_ms, updated_at_ms, sent_at_ms) VALUES ($1, $2, $3, $4, $5, "
            "$6, $7, $8, $9, $10, $11, $12, $13, $14)",
            {id_param(message.id), id_param(message.organisation_id),
             optional_id(message.application_id), std::string_view(message.kind),
             std::string_view(message.lang), std::string_view(message.recipient),
             std::string_view(message.subject), std::string_view(message.body),
             std::string_view(message.state), message.attempts, optional_text(message.last_error),
             message.created_at, message.updated_at, optional_int(message.sent_at)});
        !written) {
      return pass(std::move(written));
    }
    if (message.state == "queued") {
      if (auto queued =
              queue(submission.mail_job, R"({"message":")" + message.id.to_string() + "\"}");
          !queued) {
        return pass(std::move(queued));
      }
    }
  }
  if (auto audited = append_audit(
          *connection, row.organisation_id,
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

Result<std::optional<StoredApplication>> PostgresRepository::application(const Uuid& organisation,
                                                                         const Uuid& id) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows,
             connection->query(application_select() + "WHERE organisation_id = $1 AND id = $2",
                               {id_param(organisation), id_param(id)}));
  return first_application(rows);
}

Result<std::optional<StoredApplication>> PostgresRepository::application_by_token(
    const TokenHash& access_token_hash) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows, connection->query(application_select() + "WHERE access_token_hash = $1",
                                          {hash_param(access_token_hash)}));
  return first_application(rows);
}

Result<std::vector<StoredApplication>> PostgresRepository::applications(
    const Uuid& organisation, const ApplicationQuery& query) {
  CCTEAM_TRY(Lease connection, lease());
  std::vector<Param> params = {id_param(organisation), id_param(query.opening)};
  std::string sql = application_select() + "WHERE organisation_id = $1 AND opening_id = $2";
  if (query.verdict) {
    if (*query.verdict == "pending") {
      sql += " AND verdict IS NULL";
    } else {
      params.emplace_back(std::string_view(*query.verdict));
      sql += " AND verdict = $" + std::to_string(params.size());
    }
  }
  if (query.knockouts_met) {
    sql += *query.knockouts_met ? " AND knockouts_missed = 0" : " AND knockouts_missed > 0";
  }
  if (query.channel) {
    params.emplace_back(std::string_view(*query.channel));
    sql += " AND channel = $" + std::to_string(params.size());
  }
  if (query.status) {
    params.emplace_back(std::string_view(*query.status));
    sql += " AND status = $" + std::to_string(params.size());
  }
  if (query.after) {
    params.emplace_back(query.after->first);
    params.push_back(id_param(query.after->second));
    sql += fmt::format(" AND (review_rank, id) > (${}, ${})", params.size() - 1, params.size());
  }
  params.push_back(capped(query.limit, 10000));
  sql += " ORDER BY review_rank, id LIMIT $" + std::to_string(params.size());
  CCTEAM_TRY(Rows rows, connection->query(sql, std::span<const Param>(params)));
  return read_applications(rows);
}

Result<std::vector<DuplicateApplication>> PostgresRepository::duplicate_applications(
    const Uuid& organisation, const std::vector<Uuid>& ids, std::size_t per_application) {
  std::vector<DuplicateApplication> out;
  if (ids.empty() || per_application == 0) return out;
  // The ids as one uuid[] in PostgreSQL's text form: {"...","..."}.
  std::string list = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) list += (i == 0 ? "" : ",") + ids[i].to_string();
  list += "}";
  CCTEAM_TRY(Lease connection, lease());
  // A NULL key equals nothing, so an application without one matches nobody by it.
  CCTEAM_TRY(
      Rows rows,
      connection->query(
          "SELECT of_id, id, opening_id, status, created_at_ms, email_match, phone_match FROM ("
          "SELECT a.id AS of_id, b.id AS id, b.opening_id AS opening_id, b.status AS status, "
          "b.created_at_ms AS created_at_ms, coalesce(b.email_key = a.email_key, false) AS "
          "email_match, coalesce(b.phone_key = a.phone_key, false) AS phone_match, row_number() "
          "OVER (PARTITION BY a.id ORDER BY b.created_at_ms, b.id) AS n FROM applications a JOIN "
          "applications b ON b.organisation_id = a.organisation_id AND b.id <> a.id AND "
          "(b.email_key = a.email_key OR b.phone_key = a.phone_key) WHERE a.organisation_id = $1 "
          "AND a.id = ANY ($3::uuid[])) AS d WHERE n <= $2 ORDER BY of_id, created_at_ms, id",
          {id_param(organisation), capped(per_application, 1000), std::string_view(list)}));
  for (int i = 0; i < rows.size(); ++i) {
    DuplicateApplication row;
    CCTEAM_TRY(row.of, uuid_at(rows, i, 0, "applications.id"));
    CCTEAM_TRY(row.id, uuid_at(rows, i, 1, "applications.id"));
    CCTEAM_TRY(row.opening_id, uuid_at(rows, i, 2, "applications.opening_id"));
    row.status = rows.text(i, 3);
    row.created_at = rows.int64(i, 4);
    row.email = rows.boolean(i, 5);
    row.phone = rows.boolean(i, 6);
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<std::pair<Uuid, std::int64_t>>> PostgresRepository::application_counts(
    const Uuid& organisation) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows, connection->query("SELECT opening_id, count(*) FROM applications WHERE "
                                          "organisation_id = $1 GROUP BY opening_id",
                                          {id_param(organisation)}));
  std::vector<std::pair<Uuid, std::int64_t>> out;
  for (int i = 0; i < rows.size(); ++i) {
    CCTEAM_TRY(Uuid opening, uuid_at(rows, i, 0, "applications.opening_id"));
    out.emplace_back(opening, rows.int64(i, 1));
  }
  return out;
}

Result<StoredApplication> PostgresRepository::record_screening(
    const Uuid& organisation, const Uuid& id, const ApplicationScreening& screening,
    const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  UnixMillis at = now();
  CCTEAM_TRY(Rows rows,
             connection->query(
                 "UPDATE applications SET verdict = $3, review_rank = $4, knockouts_missed = $5, "
                 "preferred_met = $6, screening = $7, screening_catalog_version = $8, "
                 "screened_at_ms = $9, updated_at_ms = $9, version = version + 1 "
                 "WHERE organisation_id = $1 AND id = $2 RETURNING " +
                     std::string(k_application_fields),
                 {id_param(organisation), id_param(id), std::string_view(screening.verdict),
                  screening.review_rank, screening.knockouts_missed, screening.preferred_met,
                  std::string_view(screening.screening), screening.catalog_version, at}));
  CCTEAM_TRY(std::optional<StoredApplication> row, first_application(rows));
  if (!row) return tl::unexpected(application_not_found(id));
  if (auto audited = append_audit(
          *connection, organisation,
          audit_of(actor, at, "application.screen", "application", id, {"verdict", "screening"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return std::move(*row);
}

Result<StoredApplication> PostgresRepository::withdraw_application(const Uuid& organisation,
                                                                   const Uuid& id,
                                                                   const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  UnixMillis at = now();
  CCTEAM_TRY(Rows rows, connection->query(
                            "UPDATE applications SET status = 'withdrawn', withdrawn_at_ms = $3, "
                            "updated_at_ms = $3, version = version + 1 WHERE organisation_id = $1 "
                            "AND id = $2 AND status <> 'withdrawn' RETURNING " +
                                std::string(k_application_fields),
                            {id_param(organisation), id_param(id), at}));
  CCTEAM_TRY(std::optional<StoredApplication> row, first_application(rows));
  if (!row) {
    CCTEAM_TRY(Rows current,
               connection->query(application_select() + "WHERE organisation_id = $1 AND id = $2",
                                 {id_param(organisation), id_param(id)}));
    CCTEAM_TRY(std::optional<StoredApplication> unchanged, first_application(current));
    if (!unchanged) return tl::unexpected(application_not_found(id));
    return std::move(*unchanged);
  }
  if (auto audited =
          append_audit(*connection, organisation,
                       audit_of(actor, at, "application.withdraw", "application", id, {"status"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return std::move(*row);
}

Result<StoredApplication> PostgresRepository::record_application_access(const Uuid& organisation,
                                                                        const Uuid& id,
                                                                        const std::string& action,
                                                                        const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  UnixMillis at = now();
  std::string sql =
      action == "application.unblind"
          ? "UPDATE applications SET unblinded_at_ms = COALESCE(unblinded_at_ms, $3) WHERE "
            "organisation_id = $1 AND id = $2 RETURNING " +
                std::string(k_application_fields)
          : application_select() + "WHERE organisation_id = $1 AND id = $2 AND $3::bigint > 0";
  CCTEAM_TRY(Rows rows, connection->query(sql, {id_param(organisation), id_param(id), at}));
  CCTEAM_TRY(std::optional<StoredApplication> row, first_application(rows));
  if (!row) return tl::unexpected(application_not_found(id));
  if (auto audited = append_audit(*connection, organisation,
                                  audit_of(actor, at, action, "application", id, {"personal"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return std::move(*row);
}

Result<void> PostgresRepository::erase_application(const Uuid& organisation, const Uuid& id,
                                                   const std::string& action, const Actor& actor) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  if (auto messages = run(*connection,
                          "DELETE FROM outbox_messages WHERE organisation_id = $1 AND "
                          "application_id = $2",
                          {id_param(organisation), id_param(id)});
      !messages) {
    return messages;
  }
  if (auto documents = run(*connection,
                           "DELETE FROM application_documents WHERE organisation_id = $1 AND "
                           "application_id = $2",
                           {id_param(organisation), id_param(id)});
      !documents) {
    return documents;
  }
  CCTEAM_TRY(Rows deleted,
             connection->query("DELETE FROM applications WHERE organisation_id = $1 AND id = $2",
                               {id_param(organisation), id_param(id)}));
  if (deleted.affected() == 0) return tl::unexpected(application_not_found(id));
  if (auto audited = append_audit(*connection, organisation,
                                  audit_of(actor, now(), action, "application", id,
                                           {"personal", "profile", "answers", "screening"}));
      !audited) {
    return audited;
  }
  return transaction.commit();
}

Result<std::optional<StoredMessage>> PostgresRepository::message(const Uuid& organisation,
                                                                 const Uuid& id) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows,
             connection->query(message_select() + "WHERE organisation_id = $1 AND id = $2",
                               {id_param(organisation), id_param(id)}));
  CCTEAM_TRY(auto messages, read_messages(rows));
  if (messages.empty()) return std::optional<StoredMessage>();
  return std::optional<StoredMessage>(std::move(messages.front()));
}

Result<std::vector<StoredMessage>> PostgresRepository::application_messages(
    const Uuid& organisation, const Uuid& application) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows,
             connection->query(message_select() +
                                   "WHERE organisation_id = $1 AND application_id = $2 ORDER BY id",
                               {id_param(organisation), id_param(application)}));
  return read_messages(rows);
}

Result<StoredMessage> PostgresRepository::record_message_attempt(
    const Uuid& organisation, const Uuid& id, const std::string& state,
    const std::optional<std::string>& error, UnixMillis at) {
  CCTEAM_TRY(Lease connection, lease());
  std::optional<std::int64_t> sent_at;
  if (state == "sent") sent_at = at;
  CCTEAM_TRY(Rows rows,
             connection->query("UPDATE outbox_messages SET state = $3, attempts = attempts + 1, "
                               "last_error = coalesce($4, last_error), updated_at_ms = $5, "
                               "sent_at_ms = coalesce($6, sent_at_ms) "
                               "WHERE organisation_id = $1 AND id = $2 RETURNING " +
                                   std::string(k_message_columns),
                               {id_param(organisation), id_param(id), std::string_view(state),
                                optional_text(error), at, optional_int(sent_at)}));
  CCTEAM_TRY(auto messages, read_messages(rows));
  if (messages.empty()) {
    return tl::unexpected(Error::not_found(msg(MsgId::message_not_found, id.to_string())));
  }
  return std::move(messages.front());
}

Result<std::vector<StoredDocument>> PostgresRepository::application_documents(
    const Uuid& organisation, const Uuid& application) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows, connection->query("SELECT " + std::string(k_document_columns) +
                                              " FROM application_documents WHERE organisation_id "
                                              "= $1 AND application_id = $2 ORDER BY id",
                                          {id_param(organisation), id_param(application)}));
  return read_documents(rows);
}

Result<std::optional<StoredDocument>> PostgresRepository::document(const Uuid& organisation,
                                                                   const Uuid& id) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows, connection->query("SELECT " + std::string(k_document_columns) +
                                              " FROM application_documents WHERE organisation_id "
                                              "= $1 AND id = $2",
                                          {id_param(organisation), id_param(id)}));
  CCTEAM_TRY(auto documents, read_documents(rows));
  if (documents.empty()) return std::optional<StoredDocument>();
  return std::optional<StoredDocument>(std::move(documents.front()));
}

Result<StoredDocument> PostgresRepository::add_document(StoredDocument document, const Actor& actor,
                                                        std::optional<StoredJob> job) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  CCTEAM_TRY(
      Rows found,
      connection->query("SELECT 1 FROM applications WHERE organisation_id = $1 AND id = $2 "
                        "FOR SHARE",
                        {id_param(document.organisation_id), id_param(document.application_id)}));
  if (found.size() == 0) return tl::unexpected(application_not_found(document.application_id));
  UnixMillis at = now();
  document.id = new_uuid_v7(at);
  document.created_at = at;
  if (auto written = insert_document(*connection, document); !written) {
    return pass(std::move(written));
  }
  if (job) {
    job->organisation_id = document.organisation_id;
    if (auto queued = insert_queued_job(*connection, *job, at); !queued) {
      return pass(std::move(queued));
    }
  }
  if (auto audited = append_audit(*connection, document.organisation_id,
                                  audit_of(actor, at, "application.document", "application",
                                           document.application_id, {"documents"}));
      !audited) {
    return pass(std::move(audited));
  }
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return document;
}

Result<std::vector<DocumentText>> PostgresRepository::document_texts(const Uuid& organisation,
                                                                     const Uuid& application) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows, connection->query("SELECT id, text_status, coalesce(text, '') FROM "
                                          "application_documents WHERE organisation_id = $1 AND "
                                          "application_id = $2 ORDER BY id",
                                          {id_param(organisation), id_param(application)}));
  std::vector<DocumentText> out;
  for (int i = 0; i < rows.size(); ++i) {
    DocumentText row;
    CCTEAM_TRY(row.id, uuid_at(rows, i, 0, "application_documents.id"));
    row.status = rows.text(i, 1);
    row.text = rows.text(i, 2);
    out.push_back(std::move(row));
  }
  return out;
}

Result<bool> PostgresRepository::record_document_text(const Uuid& organisation, const Uuid& id,
                                                      const std::string& status,
                                                      const std::string& text,
                                                      const std::string& reason) {
  CCTEAM_TRY(Lease connection, lease());
  bool done = status == "done";
  CCTEAM_TRY(Rows rows,
             connection->query("UPDATE application_documents SET text_status = $3, text = $4, "
                               "text_reason = $5 WHERE organisation_id = $1 AND id = $2 "
                               "RETURNING id",
                               {id_param(organisation), id_param(id), std::string_view(status),
                                done ? optional_text(text) : optional_text(std::nullopt),
                                done ? optional_text(std::nullopt) : optional_text(reason)}));
  return rows.size() > 0;
}

Result<bool> PostgresRepository::content_in_use(const std::string& sha256) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Rows rows,
             connection->query("SELECT 1 FROM application_documents WHERE sha256 = $1 LIMIT 1",
                               {std::string_view(sha256)}));
  return rows.size() > 0;
}

Result<void> PostgresRepository::Contents::put(const std::string& sha256, std::string_view bytes) {
  CCTEAM_TRY(Lease connection, m_owner.lease());
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  return run(
      *connection,
      "INSERT INTO document_contents (sha256, content, stored_at_ms) VALUES ($1, $2, $3) "
      "ON CONFLICT (sha256) DO NOTHING",
      {std::string_view(sha256), std::span<const std::uint8_t>(data, bytes.size()), m_owner.now()});
}

Result<std::optional<std::string>> PostgresRepository::Contents::get(const std::string& sha256) {
  CCTEAM_TRY(Lease connection, m_owner.lease());
  CCTEAM_TRY(Rows rows, connection->query("SELECT content FROM document_contents WHERE sha256 = $1",
                                          {std::string_view(sha256)}));
  if (rows.size() == 0) return std::optional<std::string>();
  std::vector<std::uint8_t> bytes = rows.bytes(0, 0);
  return std::optional<std::string>(std::string(bytes.begin(), bytes.end()));
}

Result<void> PostgresRepository::Contents::remove(const std::string& sha256) {
  CCTEAM_TRY(Lease connection, m_owner.lease());
  return run(*connection, "DELETE FROM document_contents WHERE sha256 = $1",
             {std::string_view(sha256)});
}

Result<std::vector<StoredContent>> PostgresRepository::Contents::list() {
  CCTEAM_TRY(Lease connection, m_owner.lease());
  CCTEAM_TRY(Rows rows,
             connection->query("SELECT sha256, stored_at_ms FROM document_contents", {}));
  std::vector<StoredContent> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back({rows.text(i, 0), rows.int64(i, 1)});
  return out;
}

Result<std::vector<StoredApplication>> PostgresRepository::applications_due(
    const RetentionQuery& query) {
  CCTEAM_TRY(Lease connection, lease());
  bool pool = query.reason == RetentionQuery::Reason::talent_pool_expired;
  // $1 is the withdrawal bound or 'today'.
  std::string sql =
      application_select() +
      (pool ? "WHERE status = 'received' AND talent_pool_until < $1::text AND opening_id IN "
              "(SELECT id FROM openings WHERE status = 'closed' OR (status = 'open' AND "
              "valid_through < $1::text)) AND created_at_ms < $2"
            : "WHERE status = 'withdrawn' AND withdrawn_at_ms < $1 AND created_at_ms < $2");
  std::string list = fields_json(query.except);
  if (query.jurisdiction == "*") {
    sql += " AND NOT (jurisdiction IN (SELECT jsonb_array_elements_text($3::jsonb)))";
  } else {
    sql += " AND jurisdiction = $3";
  }
  sql += pool ? " ORDER BY talent_pool_until LIMIT $4" : " ORDER BY withdrawn_at_ms LIMIT $4";
  CCTEAM_TRY(Rows rows,
             connection->query(
                 sql, {pool ? Param(std::string_view(query.today)) : Param(query.withdrawn_before),
                       query.received_before,
                       query.jurisdiction == "*" ? std::string_view(list)
                                                 : std::string_view(query.jurisdiction),
                       capped(query.limit, 10000)}));
  return read_applications(rows);
}

Result<PruneCounts> PostgresRepository::prune_expired(UnixMillis at,
                                                      UnixMillis forget_failures_before,
                                                      UnixMillis forget_jobs_before) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(Transaction transaction, Transaction::begin(*connection));
  PruneCounts out;
  CCTEAM_TRY(Rows sessions,
             connection->query("DELETE FROM sessions WHERE expires_at_ms < $1", {at}));
  out.sessions = sessions.affected();
  CCTEAM_TRY(Rows failures, connection->query("DELETE FROM sign_in_failures WHERE at_ms < $1",
                                              {forget_failures_before}));
  out.sign_in_failures = failures.affected();
  CCTEAM_TRY(Rows jobs, connection->query("DELETE FROM jobs WHERE state IN ('done', 'failed') AND "
                                          "finished_at_ms < $1",
                                          {forget_jobs_before}));
  out.jobs = jobs.affected();
  CCTEAM_TRY(Rows submissions,
             connection->query("DELETE FROM application_submissions WHERE at_ms < $1",
                               {forget_failures_before}));
  out.application_submissions = submissions.affected();
  if (auto committed = transaction.commit(); !committed) return pass(std::move(committed));
  return out;
}

Result<std::string> PostgresRepository::shared_setting(const std::string& key,
                                                       const std::string& candidate) {
  CCTEAM_TRY(Lease connection, lease());
  // ON CONFLICT DO NOTHING: of two nodes storing at once, one inserts and both read its value.
  if (auto stored = run(*connection,
                        "INSERT INTO settings (key, value, created_at_ms) VALUES ($1, $2, $3) "
                        "ON CONFLICT (key) DO NOTHING",
                        {std::string_view(key), std::string_view(candidate), now()});
      !stored) {
    return pass(std::move(stored));
  }
  CCTEAM_TRY(Rows rows, connection->query("SELECT value FROM settings WHERE key = $1",
                                          {std::string_view(key)}));
  if (rows.size() == 0) {
    return tl::unexpected(
        Error::internal(msg(MsgId::store_database_error, connection->name(), "settings")));
  }
  return rows.text(0, 0);
}

Result<std::vector<AuditEntry>> PostgresRepository::audit_entries(const Uuid& organisation,
                                                                  const AuditQuery& query) {
  CCTEAM_TRY(Lease connection, lease());
  CCTEAM_TRY(
      Rows rows,
      connection->query(
          "SELECT seq, at_ms, actor_user_id, actor_kind, action, target_kind, target_id, "
          "fields, request_id FROM audit_log WHERE organisation_id = $1 "
          "AND ($2::uuid IS NULL OR actor_user_id = $2) AND ($3::text IS NULL OR action = $3) "
          "AND ($4::bigint IS NULL OR at_ms >= $4) AND ($5::bigint IS NULL OR at_ms < $5) "
          "AND ($6::bigint IS NULL OR seq < $6) ORDER BY seq DESC LIMIT $7",
          {id_param(organisation), optional_id(query.actor),
           query.action ? Param(std::string_view(*query.action)) : Param(nullptr),
           optional_int(query.from), optional_int(query.to), optional_int(query.before_seq),
           capped(query.limit, 100000)}));
  std::vector<AuditEntry> out;
  for (int i = 0; i < rows.size(); ++i) {
    AuditEntry entry;
    entry.seq = rows.int64(i, 0);
    entry.at = rows.int64(i, 1);
    if (!rows.is_null(i, 2)) {
      CCTEAM_TRY(entry.actor_user_id, uuid_at(rows, i, 2, "audit_log.actor_user_id"));
    }
    entry.actor_kind = rows.text(i, 3);
    entry.action = rows.text(i, 4);
    entry.target_kind = rows.text(i, 5);
    if (!rows.is_null(i, 6)) {
      CCTEAM_TRY(entry.target_id, uuid_at(rows, i, 6, "audit_log.target_id"));
    }
    entry.fields = parse_fields_json(rows.text(i, 7));
    entry.request_id = rows.text(i, 8);
    out.push_back(std::move(entry));
  }
  return out;
}

Result<void> PostgresRepository::backup_to(const std::string& /*path*/) {
  return tl::unexpected(
      Error::invalid_input(msg(MsgId::store_backup_postgres, postgres::display_name(m_url)), {},
                           msg(MsgId::hint_store_backup_postgres)));
}

Result<StoreHealth> PostgresRepository::health() {
  CCTEAM_TRY(Lease connection, lease());
  StoreHealth out;
  CCTEAM_TRY(out.schema_version, postgres::schema_version(*connection));
  out.binary_schema_version = known_schema_version();
  return out;
}

}  // namespace ccteam::store
