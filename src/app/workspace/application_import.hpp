#pragma once
// Applicants a recruiter adds from other channels (a job fair, an agency, an e-mail): JSON
// Resume documents (one, an array or NDJSON) or a person CSV, read as the command line reads
// them (io/qualify/resume_json.hpp, io/qualify/person_csv.hpp), each stored as an application
// of an opening with source "import", the legal basis the recruiter states and where the
// details came from, then screened like an application from the form.
//
// The law these follow (docs/applications.md has the sources):
//   - GDPR art. 6(1): every import records its legal basis: legitimate_interest (f),
//     pre_contract (b: the person asked to be considered) or consent (a).
//   - GDPR art. 14: a person whose details were not collected from them is told, within a
//     month and at the latest with the first contact, who holds what, where it came from, why,
//     on what legal basis, for how long, and their rights. Each imported applicant gets that
//     message in the outbox (outbox.hpp art14_text) in the transaction that stores them; a record
//     without a name or an e-mail address cannot be told and is not added.
//   - GDPR art. 22: as for the form, the screening orders the review; a person decides. The
//     opening's questions were not asked: each is "not asked" (neither met nor missed).
//
// The same person imported twice for the same opening (the same e-mail address, normalised) is
// stored once: the second import finds the first (ImportedApplicant::existing). A person who
// also applied on the form is a second application, shown as a possible duplicate on both.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/workspace/accounts.hpp"
#include "app/workspace/outbox.hpp"
#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/date.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"
#include "store/repository.hpp"

namespace ccteam::app {

// At most this many applicants per import (a larger file is refused whole, before any is added).
inline constexpr std::size_t k_max_imported_applicants = 1000;
// How long the art. 14 message says the details are kept after the selection ends, in months
// (the AGG § 15(4) two months for claims plus the ArbGG § 61b three months to sue, rounded up
// as German employers write it).
inline constexpr int k_import_retention_months = 6;
// Where the details came from: at most this many characters.
inline constexpr std::size_t k_max_import_source_chars = 120;

// The largest file one import takes, in bytes.
inline constexpr std::size_t k_max_import_bytes = std::size_t{8} << 20;

enum class ImportFormat : unsigned char { json_resume, person_csv };

// The reader for a media type (parameters and case ignored): application/json,
// application/x-ndjson, application/jsonl, application/x-jsonlines -> JSON Resume; text/csv ->
// person CSV; nullopt for any other.
std::optional<ImportFormat> import_format_of_media_type(std::string_view media_type);
// The reader for a file name as the command line picks it: "*.csv" -> person CSV; anything
// else -> JSON Resume.
ImportFormat import_format_of_file(std::string_view file_name);

// What the recruiter sends.
struct ApplicantImport {
  ImportFormat format = ImportFormat::json_resume;
  std::string_view content;  // the file
  std::string file;          // how positions name it ("people.csv"); "" -> "import"
  std::string legal_basis;   // "legitimate_interest", "pre_contract" or "consent"
  std::string source;        // where the details came from ("Jobmesse Köln, März 2027")
  std::string lang;          // the art. 14 message's language, "de" or "en"; "" -> the
                             // opening's first language
};

struct ImportedApplicant {
  store::StoredApplication application;
  bool existing = false;  // imported before for this opening (the same e-mail address)
};

struct ImportedApplicants {
  std::size_t read = 0;  // records found (documents or CSV rows), rejected ones included
  std::vector<ImportedApplicant> applicants;  // added or found, in input order
  std::size_t rejected = 0;                   // records not added; each in 'problems'
  Errors problems;  // why, each at file:line (JSON pointer), in input order: the first
                    // k_max_errors, then "... and N more"
};

// Adds the applicants of 'request' to the opening 'opening_id', which 'who' must see (Error
// not_found otherwise) and which needs an employer profile (import_needs_employer) and must not
// be closed (application_closed). Whole-request problems, each at its pointer ("/legal_basis",
// "/source", "/lang", "/content"): a legal basis that is not one of the three
// (import_legal_basis_missing), no source (import_source_missing) or a too long one, a language
// other than de or en (import_bad_lang), a file with no record (import_nothing) or with more
// than k_max_imported_applicants (import_too_many); then nothing is added. Otherwise each record
// is added or rejected on its own: the reader's errors, no name (import_no_name), no or a
// malformed e-mail address (import_no_email, application_bad_email). Each added application gets
// its private link derived from 'secret', the screening job and the art. 14 message (queued
// when 'mail' has a mail server, else "unsent"), all in one transaction, audited as
// application.import by 'actor'.
Checked<ImportedApplicants> import_applicants(
    store::Repository& repository, const store::Uuid& organisation, const catalog::Catalog& catalog,
    const Principal& who, const store::Uuid& opening_id, const ApplicantImport& request,
    std::string_view secret, Date today, const MailSettings& mail, const store::Actor& actor);

}  // namespace ccteam::app
