#pragma once
// The organisation's role catalog with its pay bands as the routes read it: parsed once per
// stored revision (Repository::catalog_revision: every save of the catalog or the pay bands
// raises it) and shared by every request thread, with the pages rendered from it kept beside
// it. Each call asks the store for the revision only (one indexed read), so a catalog or pay
// bands saved by another node are seen on the next request.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"
#include "store/repository.hpp"

namespace ccteam::server {

class CatalogSnapshot {
 public:
  CatalogSnapshot(std::int64_t version, catalog::Catalog catalog)
      : m_version(version), m_catalog(std::move(catalog)) {}

  std::int64_t version() const { return m_version; }
  const catalog::Catalog& catalog() const { return m_catalog; }

  // Texts made from this catalog (rendered pages), by key; thread-safe. Callers store only
  // texts of things the catalog has (a role that exists), so the cache stays bounded by the
  // catalog's size whatever clients ask for. store() keeps the first text stored under a key.
  std::shared_ptr<const std::string> find(const std::string& key) const;
  std::shared_ptr<const std::string> store(const std::string& key, std::string text) const;

 private:
  std::int64_t m_version;
  catalog::Catalog m_catalog;
  mutable std::mutex m_mutex;
  mutable std::map<std::string, std::shared_ptr<const std::string>> m_texts;
};

class CatalogCache {
 public:
  CatalogCache(store::Repository& repository, store::Uuid organisation)
      : m_repository(repository), m_organisation(organisation) {}

  // The current catalog. Error::not_found when the organisation has none, Error::io when the
  // store cannot be read, Error::invalid_input when the stored YAML no longer reads.
  Result<std::shared_ptr<const CatalogSnapshot>> current();

 private:
  store::Repository& m_repository;
  store::Uuid m_organisation;
  std::mutex m_mutex;
  std::shared_ptr<const CatalogSnapshot> m_snapshot;
};

}  // namespace ccteam::server
