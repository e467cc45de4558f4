#include "server/public_page_cache.hpp"

namespace ccteam::server {

namespace {

// Revisions only rise and days only pass: a state no newer in every part and not equal is one a
// slower request read before a change.
bool older(const PublicPageState& a, const PublicPageState& b) {
  return a != b && a.catalog_revision <= b.catalog_revision &&
         a.openings_revision <= b.openings_revision && a.today <= b.today;
}

}  // namespace

std::shared_ptr<const PublicPage> PublicPageCache::find(const PublicPageState& state,
                                                        const std::string& key) const {
  std::lock_guard lock(m_mutex);
  if (m_state != state) return nullptr;
  auto it = m_pages.find(key);
  return it == m_pages.end() ? nullptr : it->second;
}

std::shared_ptr<const PublicPage> PublicPageCache::store(const PublicPageState& state,
                                                         const std::string& key, PublicPage page) {
  auto shared = std::make_shared<const PublicPage>(std::move(page));
  std::lock_guard lock(m_mutex);
  if (m_state && older(state, *m_state)) return shared;
  if (m_state != state) {
    m_pages.clear();
    m_state = state;
  }
  if (m_pages.size() >= m_max_pages && !m_pages.contains(key)) m_pages.clear();
  return m_pages.emplace(key, std::move(shared)).first->second;
}

std::size_t PublicPageCache::size() const {
  std::lock_guard lock(m_mutex);
  return m_pages.size();
}

}  // namespace ccteam::server
