#pragma once
// Use cases of the role catalog: loading the catalog a client works with, and validating
// catalog files (`ccteam catalog validate`; later the catalog editor of the workspace).

#include <cstddef>
#include <string>
#include <vector>

#include "app/environment.hpp"
#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"

namespace ccteam::app {

// The catalog from 'paths' (files or folders), or the installed default catalog
// (env.catalog_dir) when 'paths' is empty. All-or-nothing: every error of every file
// (file:line:col), followed by MsgId::cli_catalog_failed counting them.
Checked<catalog::Catalog> load_catalog(const std::vector<std::string>& paths,
                                       const Environment& env);

// The result of validating catalog files: valid, with counts, or the errors found.
struct CatalogValidation {
  bool valid = false;
  std::size_t roles = 0;         // when valid
  std::size_t pay_bands = 0;     // when valid
  std::size_t source_files = 0;  // when valid
  Errors errors;                 // when not valid: every error, file:line:col
};

// Validates the catalog files 'paths' as one catalog (files and folders as load_catalog).
CatalogValidation validate_catalog(const std::vector<std::string>& paths);

}  // namespace ccteam::app
