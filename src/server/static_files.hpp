#pragma once
// The front end's static files (CSS, htmx), read into memory once at start from
// <web dir>/static and served with a content type by extension and a content hash as ETag.

#include <map>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"

namespace ccteam::server {

struct StaticFile {
  std::string content;
  std::string content_type;  // "text/css; charset=utf-8"
  std::string etag;          // hex of a hash of the content
};

class StaticFiles {
 public:
  // Every regular file directly in 'folder' whose extension is known (.css .js .svg .png .ico
  // .woff2 .txt). Error::io naming the folder when it cannot be read.
  static Result<StaticFiles> load(const std::string& folder);

  // The file 'name' ("app.css"), or nullptr.
  const StaticFile* find(std::string_view name) const;
  // A short hash over every file: changes whenever any file changes (cache busting, ETags).
  const std::string& version() const { return m_version; }

 private:
  std::map<std::string, StaticFile, std::less<>> m_files;
  std::string m_version;
};

}  // namespace ccteam::server
