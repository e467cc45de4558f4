#pragma once
// The public careers pages (the index with its filters, one page per opening and language) as
// anonymous readers get them, rendered once per state of what they show and then answered from
// memory. The state is what a page depends on besides its address: the catalog's revision
// (Repository::catalog_revision), the openings' revision (Repository::openings_revision: every
// save of an opening or an employer profile raises it) and the UTC date (an opening closes for
// applications when its valid-through date has passed). Reading both revisions is two indexed
// reads per request, so a save on another node is seen on the next request.
//
// A page is kept under a key the route makes (language, path, the filters it understood); a
// different state drops every kept page, and at most 'max_pages' are kept (a crawler trying
// every filter combination empties the cache rather than growing it). Thread-safe.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "ccteam/core/date.hpp"

namespace ccteam::server {

struct PublicPageState {
  std::int64_t catalog_revision = 0;
  std::int64_t openings_revision = 0;
  Date today;  // UTC

  bool operator==(const PublicPageState&) const = default;
};

struct PublicPage {
  std::string html;
  std::string etag;  // a strong tag of 'html' (with the static files' version), quoted by callers
  std::int64_t max_age_s = 0;  // the longest a reader may keep it (s)
  // For an opening that takes applications: its last day; readers keep the page no longer
  // than to the end of that day (UTC), when it says "closed".
  std::optional<Date> open_through;
};

class PublicPageCache {
 public:
  explicit PublicPageCache(std::size_t max_pages = 512) : m_max_pages(max_pages) {}

  // The page kept under 'key' for 'state', or nullptr.
  std::shared_ptr<const PublicPage> find(const PublicPageState& state,
                                         const std::string& key) const;
  // Keeps 'page' under 'key' for 'state' and returns what is kept there (the first page stored
  // under a key for a state wins). A state older than the kept one is not kept.
  std::shared_ptr<const PublicPage> store(const PublicPageState& state, const std::string& key,
                                          PublicPage page);
  std::size_t size() const;

 private:
  std::size_t m_max_pages;
  mutable std::mutex m_mutex;
  std::optional<PublicPageState> m_state;
  std::map<std::string, std::shared_ptr<const PublicPage>> m_pages;
};

}  // namespace ccteam::server
