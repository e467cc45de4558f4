#pragma once
// Documents of applications as use cases: the CV and certificates an applicant attaches on the
// form or a recruiter adds later, checked by content (io/workspace/documents.hpp), kept in the
// deployment's document store (store/document_store.hpp) and offered for download only to
// those who may see the application unblinded (a CV names the person; AGG § 22 and the blind
// review of applications.hpp). Erasure and retention remove a content once no application
// names it any more; sweep_documents removes contents that no row ever came to name.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/workspace/accounts.hpp"
#include "app/workspace/jobs.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"
#include "ccteam/qualify/person.hpp"
#include "io/workspace/documents.hpp"
#include "io/workspace/extract_process.hpp"
#include "store/repository.hpp"

namespace ccteam::app {

// A document as it arrived: the name the client gave it (may hold path parts and anything else)
// and its bytes (pointing into the request; valid during the call they are given to).
struct UploadedDocument {
  std::string file_name;
  std::string_view bytes;
};

struct DocumentSettings {
  io::DocumentLimits limits;            // per document
  std::size_t max_per_application = 3;  // on the form; a recruiter may add more later
  std::size_t max_per_application_in_all = 10;
};

// A document that passed check_documents, ready to be stored.
struct CheckedDocument {
  io::DocumentType type = io::DocumentType::pdf;
  std::string file_name;  // io::clean_file_name
  std::string sha256;     // io::sha256_hex of 'bytes'
  std::string_view bytes;
};

// Every problem of 'documents', each at "/documents/<i>" (the form shows them at its file
// field): more than settings.max_per_application (document_too_many, at "/documents"), and
// io::check_document's per document.
Checked<std::vector<CheckedDocument>> check_documents(
    const std::vector<UploadedDocument>& documents, const DocumentSettings& settings);

// Writes the contents of 'documents' into 'store' (before the rows that will name them) and
// returns those rows (the application's id and the row ids are set when they are stored),
// 'added_by' "applicant" or "recruiter". Errors: the store's.
Result<std::vector<store::StoredDocument>> store_contents(
    store::DocumentStore& store, const std::vector<CheckedDocument>& documents,
    const std::string& added_by);

// The recruiter adds 'upload' to the application 'application_id' that 'who' may see
// (recruiter or admin: Permission::edit_applications is the route's; at most
// settings.max_per_application_in_all documents), audited as application.document. Errors:
// check_documents' (Error::invalid_input); Error::not_found (application_not_found) for an
// application 'who' may not see; Error::conflict (document_too_many) when it has the most
// documents already; the store's. Queues the reading of its text (k_read_documents_job) in
// the same transaction; the screening runs again after it.
Result<store::StoredDocument> add_application_document(
    store::Repository& repository, const store::Uuid& organisation, const Principal& who,
    const store::Uuid& application_id, const UploadedDocument& upload,
    const DocumentSettings& settings, const store::Actor& actor);

// One document's content for download.
struct DocumentDownload {
  std::string file_name;     // as stored (cleaned)
  std::string content_type;  // as stored (judged by content)
  std::string bytes;
};

// The document 'document_id' of the application 'application_id' for 'who': only when the
// application is unblinded for them (find_application's 'revealed'). Errors: Error::not_found
// (application_not_found, document_not_found) for one they may not see or that is not the
// application's; Error::conflict (document_needs_unblind, with the hint) while blind; Error::io
// (document_content_missing) when the store lost the content.
Result<DocumentDownload> open_document(store::Repository& repository,
                                       const store::Uuid& organisation, const Principal& who,
                                       const store::Uuid& application_id,
                                       const store::Uuid& document_id);

// The documents of 'application' as its applicant sees them behind the private link (their own
// data: names included), oldest first.
Result<std::vector<store::StoredDocument>> applicant_documents(
    store::Repository& repository, const store::StoredApplication& application);

// A document as the application's page and JSON show it: the file name only when 'revealed',
// else "Document 1: PDF, 840 kB".
nlohmann::ordered_json document_json(const store::StoredDocument& document, std::size_t index,
                                     bool revealed, Lang lang);
// The label of a document in a blind view: "Document 1: PDF, 840 kB" (index from 0).
std::string blind_document_label(const store::StoredDocument& document, std::size_t index,
                                 Lang lang);

// Removes each content of 'sha256s' that no document row names any more (after an erasure).
// Errors: the store's; the rest are still tried.
Result<void> release_contents(store::Repository& repository,
                              const std::vector<std::string>& sha256s);

// Removes the contents no document row names that were stored before 'stored_before' (Unix
// ms): the orphans of a crash or a failed submission between storing a content and its row.
// Returns how many were removed.
Result<std::int64_t> sweep_documents(store::Repository& repository,
                                     store::UnixMillis stored_before);

// --- the text of documents: evidence for the screening

// Reads the text of an application's documents (payload {"application": "<id>"}). The public
// form queues it instead of the screening when documents came with the application; a
// recruiter's upload queues it too. Its handler queues the screening when it is done: the
// screening waits for the documents' text.
inline constexpr std::string_view k_read_documents_job = "application.documents";

struct ExtractSettings {
  std::string program;  // ccteam-extract (io::default_extractor_path())
  io::ExtractLimits limits;
};

// The handler of k_read_documents_job: reads each of the application's documents whose text is
// "pending" with io::extract_text (a child process under CPU, memory and time limits), records
// "done" with the text, or "unreadable" / "limit" with the reason
// (Repository::record_document_text), then queues the screening (k_screen_application_job).
// A reader that cannot be started is an error (the job is tried again); at the job's last
// attempt the document is recorded "unreadable" instead, so that the screening still runs.
// Result: {"application", "done", "unreadable", "limit"} (counts). An application erased
// meanwhile is skipped.
JobHandler read_documents_handler(store::Repository& repository, ExtractSettings settings);

// The screening's view of an application's documents: the text of each one read ("done"), as
// qualify::AttachedText with the pointer "/documents/N" (N: its place among all the
// application's documents, from 0, the blind label's number - 1). 'pending' is set when a
// document's text is still to be read (the screening then waits).
struct ScreeningTexts {
  std::vector<qualify::AttachedText> texts;
  bool pending = false;
};
Result<ScreeningTexts> screening_texts(store::Repository& repository,
                                       const store::Uuid& organisation,
                                       const store::Uuid& application);

// How long a content may wait for its row before sweep_documents takes it (an upload in
// progress is never that old).
inline constexpr store::UnixMillis k_document_orphan_grace_ms = 24LL * 3600 * 1000;

}  // namespace ccteam::app
