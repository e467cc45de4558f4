#pragma once
// Use cases of the workspace's store that fill it and read the catalog back: storing the
// installed default catalog, the --demo data, and the organisation's catalog as a
// catalog::Catalog. They see the store only through store::Repository, so they run on any
// database; the client opens the repository and passes it in.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "app/environment.hpp"
#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"
#include "store/repository.hpp"

namespace ccteam::app {

// What seed_catalog did.
struct SeedCatalogResult {
  bool stored = false;       // true: the default catalog was stored now; false: one was there
  std::int64_t version = 0;  // the organisation's catalog version after the call (>= 1)
  std::size_t roles = 0;     // roles of the catalog stored now (0 when nothing was stored)
  std::string source_name;   // the file it was read from (empty when nothing was stored)
};

// Gives 'organisation' the installed default catalog (the folder env.catalog_dir) when it has
// no catalog yet; an organisation with a catalog keeps it untouched (idempotent). The catalog
// is read and validated as `ccteam catalog validate` does (io::load_catalog) and stored as the
// text of its file, with the file's path as source name. The store keeps a catalog as one YAML
// text, so a default catalog of several files is refused (Error::invalid_input,
// MsgId::store_catalog_many_files, with a hint to merge them) rather than stored in a form no
// catalog reader takes. Errors: every error of the catalog files (file:line:col), or the
// repository's error (Error::io, Error::not_found for an unknown organisation).
// Two clients seeding the same new organisation at the same moment may both store it (version
// 2 then holds the same text).
Checked<SeedCatalogResult> seed_catalog(store::Repository& repository,
                                        const store::Uuid& organisation, const Environment& env);

// What load_demo did.
struct DemoResult {
  SeedCatalogResult catalog;
  std::vector<std::string> employers_added;  // names of the profiles stored now, in file order
  std::size_t pay_bands_added = 0;           // bands stored now (0: the organisation had some)
  std::size_t openings_added = 0;      // openings published now (0: the organisation had some)
  std::size_t applications_added = 0;  // demo applications sent now to the new openings
};

// The --demo switch of `ccteam serve`: seed_catalog, then, when 'organisation' has no employer
// yet, stores every example employer profile of env.examples_dir (its employer-*.yaml and
// employer-*.yml files in name order; data/examples holds two, beside other examples). Each profile
// is read with io::read_employer_yaml first, and nothing is stored unless all of them read without
// error (every error returned, file:line:col); stored are the file's text and the profile's
// organisation name. An organisation that has employers gets none added (idempotent). When the
// organisation has no pay bands yet, the examples' own pay (each position's gross range, in the
// country of the profile's first location; the first range per role, country and period) is
// stored as its pay bands (app::save_pay_bands, source name "demo"). When it has no opening yet,
// one is published per position of every profile, and six made-up people apply to the first
// agent and team-lead openings through the form's use case (submit_application: screened by
// the background job like any other application), so that the list of applications shows
// something at once.
// Error::not_found (MsgId::file_not_found) when env.examples_dir is not a folder.
Checked<DemoResult> load_demo(store::Repository& repository, const store::Uuid& organisation,
                              const Environment& env);

// Which stored parts stored_catalog reads.
enum class CatalogParts {
  with_pay_bands,     // the catalog and the organisation's pay bands: what everything uses
  without_pay_bands,  // the catalog alone: what new pay bands are checked against
};

// The organisation's stored catalog with its pay bands (Repository::pay_bands) unless 'parts'
// says otherwise, parsed and validated as one catalog (io::read_catalog_yaml, then
// catalog::validate_catalog) with the source names in error positions. The server caches the
// result by catalog revision (Repository::catalog_revision). Error::not_found
// (MsgId::store_no_catalog, with a hint) when the organisation has no catalog; the first error
// of the text when it no longer reads (stored catalogs are validated before they are stored,
// so that means a changed reader); the repository's error otherwise.
Result<catalog::Catalog> stored_catalog(store::Repository& repository,
                                        const store::Uuid& organisation,
                                        CatalogParts parts = CatalogParts::with_pay_bands);

}  // namespace ccteam::app
