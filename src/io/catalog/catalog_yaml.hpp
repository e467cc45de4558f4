#pragma once
// Reading role catalogs from YAML files (format: docs/catalog-format.md).

#include <string>
#include <string_view>
#include <vector>

#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"
#include "io/base/yaml_reader.hpp"

namespace ccteam::io {

// Reads one catalog file's text and appends its roles and pay bands to 'into' (its
// `catalog.name`/`version` fill the catalog's when still empty). Returns the problems found in
// the file in file order, each with file:line:column and JSON pointer: the first k_max_errors,
// then "... and N more" (MsgId::errors_more). A file whose roles would take 'into' past 1,000
// gives one error, MsgId::catalog_too_many_roles at its first role too many, and none of its
// roles is read. On any error 'into' may hold part of the file, so callers discard it
// (load_catalog does). Never throws.
Errors read_catalog_yaml(std::string_view text, const std::string& file, catalog::Catalog& into);

// Loads a catalog from files and folders (a folder contributes its *.yaml and *.yml files in
// name order), then runs validate_catalog over the whole. All-or-nothing: returns the catalog
// only when no file had an error, and otherwise every error of every file.
// MsgId::catalog_no_files when the paths hold no catalog file at all.
Checked<catalog::Catalog> load_catalog(const std::vector<std::string>& paths);

// Reads a pay range from a map with the keys currency, period, min, max and open_ended, as
// catalogs and employer profiles write it (docs/catalog-format.md). Reports problems to the
// map's context and returns nullopt when the range is unusable.
std::optional<catalog::PayRange> read_pay_range(MapReader& map);

}  // namespace ccteam::io
