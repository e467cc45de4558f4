#pragma once
// Reading role catalogs from YAML files (format: docs/catalog-format.md).

#include <string>
#include <string_view>
#include <vector>

#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"

namespace ccteam::io {

// Reads one catalog file's text and appends its roles and pay bands to 'into' (its
// `catalog.name`/`version` fill the catalog's when still empty). Returns every problem found
// in the file, each with file:line:column and JSON pointer; on any error 'into' may hold part
// of the file, so callers discard it (load_catalog does). Never throws.
Errors read_catalog_yaml(std::string_view text, const std::string& file, catalog::Catalog& into);

// Loads a catalog from files and folders (a folder contributes its *.yaml and *.yml files in
// name order), then runs validate_catalog over the whole. All-or-nothing: returns the catalog
// only when no file had an error, and otherwise every error of every file.
// MsgId::catalog_no_files when the paths hold no catalog file at all.
Checked<catalog::Catalog> load_catalog(const std::vector<std::string>& paths);

}  // namespace ccteam::io
