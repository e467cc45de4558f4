#pragma once
// The workspace's store as the use cases see it: an interface over plain values, implemented on
// SQLite (store/sqlite/) and later PostgreSQL. Every call names the organisation it works in
// (one default organisation for now); ids are UUIDv7 made by the application; instants are UTC.
// Errors come back as Result: Error::not_found for a missing row, Error::io when the database
// cannot be reached or refuses, Error::internal for what should not happen.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ccteam/core/error.hpp"
#include "store/uuid.hpp"

namespace ccteam::store {

// Milliseconds since 1970-01-01T00:00:00Z.
using UnixMillis = std::int64_t;

// An organisation's role catalog, stored as the catalog YAML it was read from
// (docs/catalog-format.md) so that nothing of it is lost; readers parse it with
// io::read_catalog_yaml. 'version' counts saves from 1 (optimistic locking).
struct StoredCatalog {
  Uuid id;
  Uuid organisation_id;
  std::string source_name;  // where it came from: "data/catalog/roles.yaml", "upload"
  std::string yaml;
  std::int64_t version = 0;
  UnixMillis updated_at = 0;
};

// An employer profile (docs/employer-format.md), stored as its YAML.
struct StoredEmployer {
  Uuid id;
  Uuid organisation_id;
  std::string name;  // the profile's organisation name, for lists
  std::string yaml;
  std::int64_t version = 0;
  UnixMillis updated_at = 0;
};

// What /readyz reports.
struct StoreHealth {
  int schema_version = 0;         // the newest migration applied
  int binary_schema_version = 0;  // the newest migration this binary knows
};

class Repository {
 public:
  virtual ~Repository() = default;

  // The id of the default organisation (created by the first migration).
  virtual Result<Uuid> default_organisation() = 0;

  // The organisation's catalog, or nullopt when it has none yet.
  virtual Result<std::optional<StoredCatalog>> catalog(const Uuid& organisation) = 0;
  // Only the version of the organisation's catalog (0 when none): cheap, for caches.
  virtual Result<std::int64_t> catalog_version(const Uuid& organisation) = 0;
  // Stores 'yaml' as the organisation's catalog (insert, or update with version + 1) and
  // returns the stored row. One transaction; acknowledged only once durable.
  virtual Result<StoredCatalog> put_catalog(const Uuid& organisation, std::string source_name,
                                            std::string yaml) = 0;

  // Employer profiles of the organisation ordered by id, at most 'limit' of them, after the
  // id 'after' when given (keyset pagination).
  virtual Result<std::vector<StoredEmployer>> employers(const Uuid& organisation,
                                                        const std::optional<Uuid>& after,
                                                        std::size_t limit) = 0;
  virtual Result<StoredEmployer> add_employer(const Uuid& organisation, std::string name,
                                              std::string yaml) = 0;

  // The database answers and its schema is the one this binary knows.
  virtual Result<StoreHealth> health() = 0;
};

}  // namespace ccteam::store
