#include "server/catalog_cache.hpp"

#include "app/workspace/seed.hpp"

namespace ccteam::server {

std::shared_ptr<const std::string> CatalogSnapshot::find(const std::string& key) const {
  std::lock_guard lock(m_mutex);
  auto it = m_texts.find(key);
  return it == m_texts.end() ? nullptr : it->second;
}

std::shared_ptr<const std::string> CatalogSnapshot::store(const std::string& key,
                                                          std::string text) const {
  auto shared = std::make_shared<const std::string>(std::move(text));
  std::lock_guard lock(m_mutex);
  return m_texts.emplace(key, std::move(shared)).first->second;
}

Result<std::shared_ptr<const CatalogSnapshot>> CatalogCache::current() {
  CCTEAM_TRY(auto version, m_repository.catalog_revision(m_organisation));
  {
    std::lock_guard lock(m_mutex);
    if (m_snapshot && m_snapshot->version() == version) return m_snapshot;
  }
  // Read after the version: the text is at least as new as 'version', so a snapshot is never
  // labelled newer than its content (a later request sees the newer version and reloads).
  CCTEAM_TRY(auto parsed, app::stored_catalog(m_repository, m_organisation));
  auto snapshot = std::make_shared<const CatalogSnapshot>(version, std::move(parsed));
  std::lock_guard lock(m_mutex);
  if (!m_snapshot || m_snapshot->version() < snapshot->version()) m_snapshot = snapshot;
  return snapshot;
}

}  // namespace ccteam::server
