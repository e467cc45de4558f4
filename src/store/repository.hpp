#pragma once
// The workspace's store as the use cases see it: an interface over plain values, implemented on
// SQLite (store/sqlite/) and later PostgreSQL. Every call names the organisation it works in
// (one default organisation for now); ids are UUIDv7 made by the application; instants are UTC.
// Errors come back as Result: Error::not_found for a missing row, Error::io when the database
// cannot be reached or refuses, Error::internal for what should not happen.

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "ccteam/core/error.hpp"
#include "store/document_store.hpp"
#include "store/uuid.hpp"

namespace ccteam::store {

// Milliseconds since 1970-01-01T00:00:00Z.
using UnixMillis = std::int64_t;

// The system clock now, in UnixMillis (the default of every injectable clock of the store and
// the workspace's use cases).
inline UnixMillis unix_millis_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The SHA-256 of a secret token (session cookie, API token, throttling key).
using TokenHash = std::array<std::uint8_t, 32>;

// An organisation's role catalog, stored as the catalog YAML it was read from
// (docs/catalog-format.md) so that nothing of it is lost; readers parse it with
// io::read_catalog_yaml. 'version' counts saves from 1 (optimistic locking).
struct StoredCatalog {
  Uuid id;
  Uuid organisation_id;
  std::string source_name;  // where it came from: "data/catalog/roles.yaml", "upload"
  std::string yaml;
  std::int64_t version = 0;
  UnixMillis updated_at = 0;
};

// An employer profile (docs/employer-format.md), stored as its YAML.
struct StoredEmployer {
  Uuid id;
  Uuid organisation_id;
  std::string name;  // the profile's organisation name, for lists
  std::string yaml;
  std::int64_t version = 0;
  UnixMillis updated_at = 0;
};

// A position to fill (an opening): a role of the catalog at one place of work of an employer
// profile, with its posting texts. 'status' is "draft", "open" (published) or "closed"; an open
// opening past 'valid_through' counts as closed (the use cases compute that when asked).
// 'sections' is JSON the store does not read: {"de": {"about": "<Markdown>", ...}, "en": ...},
// the recruiter's texts per language and posting section. 'version' counts saves from 1.
struct StoredOpening {
  Uuid id;
  Uuid organisation_id;
  Uuid employer_id;
  std::string role;        // role id of the catalog
  std::int64_t place = 0;  // index into the employer profile's locations, from 0
  std::int64_t headcount = 1;
  std::optional<Uuid> hiring_manager_id;
  std::string employment_type;  // posting::EmploymentType's name; empty: the profile's
  std::string status = "draft";
  std::string valid_through;  // YYYY-MM-DD, a date in the employer's time zone
  std::string languages;      // "de", "en" or "de,en": the languages it is published in
  std::string reference;      // the employer's reference number; may be empty
  std::string sections = "{}";
  // The questions its application form asks (knock-out questions), JSON the store does not
  // read: [{"id", "kind", ...}] as app/workspace/applications.hpp writes them.
  std::string questions = "[]";
  std::optional<UnixMillis> published_at;  // first publication: the posting's datePosted
  std::optional<Uuid> created_by;
  std::int64_t version = 0;
  UnixMillis created_at = 0;
  UnixMillis updated_at = 0;
};

// A page of openings ordered by id: of 'status' only, valid through 'valid_on' or later
// (YYYY-MM-DD) only, after the id 'after'; at most 'limit'.
struct OpeningQuery {
  std::optional<std::string> status;
  std::optional<std::string> valid_on;
  std::optional<Uuid> after;
  std::size_t limit = 100;
};

// A comment on an opening (its hiring manager's, a recruiter's). 'author_name' is the author's
// display name when read.
struct StoredOpeningComment {
  Uuid id;
  Uuid organisation_id;
  Uuid opening_id;
  std::optional<Uuid> author_user_id;
  std::string author_name;
  std::string text;
  UnixMillis created_at = 0;
};

// A workspace account. 'role' is one of access::WorkspaceRole's names; 'login' is stored in
// lower case and unique per organisation; 'password_hash' is an Argon2id string.
struct StoredUser {
  Uuid id;
  Uuid organisation_id;
  std::string login;
  std::string display_name;
  std::string role;
  std::string password_hash;
  bool must_change_password = false;  // signed in with a one-time password
  bool disabled = false;
  std::int64_t version = 0;
  UnixMillis created_at = 0;
  UnixMillis updated_at = 0;
};

// What update_user changes: only the fields that are set.
struct UserChange {
  std::optional<std::string> display_name;
  std::optional<std::string> role;
  std::optional<std::string> password_hash;
  std::optional<bool> must_change_password;
  std::optional<bool> disabled;
  // Sign out every session of the user (password changed or reset, account disabled), except
  // the one with this token hash when set (the session that changed its own password).
  bool end_sessions = false;
  std::optional<TokenHash> keep_session;
};

// A signed-in browser. The store keeps the SHA-256 of the cookie's token, never the token.
struct StoredSession {
  Uuid id;
  Uuid organisation_id;
  Uuid user_id;
  TokenHash token_hash{};
  UnixMillis created_at = 0;
  UnixMillis last_seen_at = 0;  // for the idle expiry
  UnixMillis expires_at = 0;    // the absolute expiry
};

// An API token of a user, for scripts. The store keeps the SHA-256 of the token; 'hint' is its
// first characters, to tell tokens apart in a list.
struct StoredApiToken {
  Uuid id;
  Uuid organisation_id;
  Uuid user_id;
  std::string name;
  std::string hint;
  UnixMillis created_at = 0;
  std::optional<UnixMillis> last_used_at;
  std::optional<UnixMillis> revoked_at;
};

// Who makes a write, for its audit entry: a signed-in user, the command line, or the system
// (seeding, demo data).
struct Actor {
  std::optional<Uuid> user_id;
  std::string kind = "system";  // "user", "cli", "system"
  std::string request_id;       // the HTTP request's id, when there was one

  static Actor user(const Uuid& id, std::string request_id) {
    return {id, "user", std::move(request_id)};
  }
  static Actor cli() { return {std::nullopt, "cli", {}}; }
  static Actor system() { return {std::nullopt, "system", {}}; }
};

// One line of the append-only audit log: who did what to which thing, when, and which fields
// changed. Never personal values: ids and field names only, so that erasing a person later
// leaves the log whole. 'action' is "user.create", "user.update", "user.password_reset",
// "user.password_change", "session.sign_in", "session.sign_in_failed", "session.sign_out",
// "token.create", "token.revoke", "catalog.put", "pay_bands.put", "employer.create",
// "employer.put", "plan.create", "opening.create", "opening.put", "opening.publish",
// "opening.publish_with_errors", "opening.close", "opening.comment", "application.create",
// "application.screen", "application.unblind", "application.export", "application.withdraw",
// "application.erase", "application.retention".
struct AuditEntry {
  std::int64_t seq = 0;  // order of writing, from 1
  UnixMillis at = 0;
  std::optional<Uuid> actor_user_id;
  std::string actor_kind;
  std::string action;
  std::string target_kind;  // "user", "session", "token", "catalog", "pay_bands", "employer",
                            // "plan", "opening", "application"
  std::optional<Uuid> target_id;
  std::vector<std::string> fields;
  std::string request_id;
};

// A page of the audit log, newest first: entries of 'actor', of 'action', at or after 'from'
// and before 'to', older than 'before_seq'; at most 'limit'.
struct AuditQuery {
  std::optional<Uuid> actor;
  std::optional<std::string> action;
  std::optional<UnixMillis> from;
  std::optional<UnixMillis> to;
  std::optional<std::int64_t> before_seq;
  std::size_t limit = 50;
};

// A piece of background work (a simulation, later e-mails and retention), run by whichever node
// claims it. 'state': "queued" (waiting for run_after), "running" (claimed by 'claimed_by' until
// lease_until), "done" (with 'result'), "failed" (with 'error', no attempts left). Handlers must
// be idempotent: a node that dies while running a job leaves it to another once its lease ends.
struct StoredJob {
  Uuid id;
  Uuid organisation_id;
  std::string kind;                       // "maintenance.prune", later "plan.simulate", ...
  std::optional<std::string> dedupe_key;  // one job per kind and key, however often queued
  std::string payload;                    // JSON, as the handler of 'kind' reads it
  std::string state = "queued";
  std::int64_t attempts = 0;  // claims so far
  std::int64_t max_attempts = 3;
  UnixMillis run_after = 0;
  std::optional<std::string> claimed_by;  // the node's id
  std::optional<UnixMillis> lease_until;
  std::optional<std::string> result;  // JSON
  std::optional<std::string> error;
  UnixMillis created_at = 0;
  std::optional<UnixMillis> finished_at;
  std::optional<Uuid> created_by;  // the user who queued it (none for the system's own jobs)
  std::int64_t progress_done = 0;  // units of work done of progress_total (0 of 0: none reported)
  std::int64_t progress_total = 0;
  bool cancel_requested = false;  // someone asked it to stop (cancel_job)
};

// Limits on a kind's active (queued or running) jobs, checked when one is queued: at most
// 'per_creator' of the job's created_by, at most 'per_kind' in the organisation (0: no limit).
struct JobLimits {
  std::int64_t per_creator = 0;
  std::int64_t per_kind = 0;
};
enum class JobLimitReached { per_creator, per_kind };

// How a claimed job ended: done with 'text' as its result, or failed with 'text' as the error,
// to be tried again at 'retry_at' while attempts are left.
struct JobOutcome {
  bool done = false;
  std::string text;
  UnixMillis retry_at = 0;
};

// A list of jobs, newest first: of 'kind' and in 'state' when given; at most 'limit'.
struct JobQuery {
  std::optional<std::string> kind;
  std::optional<std::string> state;
  std::size_t limit = 50;
};

// An application to an opening. The texts are JSON the store does not read
// (app/workspace/applications.hpp writes them): 'personal' what identifies the applicant
// (name, e-mail, phone, place of residence: shown only on a deliberate, audited request),
// 'profile' what the screening reads (work, education, languages), 'answers' the answers to
// the opening's questions, 'screening' the screening's result ("" until screened). 'status' is
// "received" or "withdrawn". 'review_rank' orders the recruiter's list (lower first; the
// screening job sets it from the verdict, the questions not met and the preferred criteria met).
struct StoredApplication {
  Uuid id;
  Uuid organisation_id;
  Uuid opening_id;
  std::string status = "received";
  std::string source = "form";  // how it came in: "form", or "import" (added by a recruiter)
  std::string channel;  // the ?src= of the link the applicant followed; for an import, where the
                        // details come from (the source GDPR art. 14(2)(f) names); may be empty
  // The legal basis of an import (GDPR art. 6(1)): "legitimate_interest", "pre_contract" or
  // "consent"; "" for an application from the form (the applicant's own request).
  std::string legal_basis;
  std::string lang = "de";   // the language the applicant used
  std::string jurisdiction;  // ISO 3166-1 alpha-2 of the place of work: retention rules
  std::string personal = "{}";
  std::string profile = "{}";
  std::string answers = "{}";
  std::string privacy_version;  // the version of the privacy notice shown; "" when none
  // What finds possible duplicates (duplicate_applications), set by the use case from
  // 'personal' (io/workspace/contact_keys.hpp): the e-mail address trimmed and lower-cased, the
  // phone number in E.164; nullopt when there is none. Personal data: they go with the row.
  std::optional<std::string> email_key;
  std::optional<std::string> phone_key;
  std::optional<std::string> talent_pool_until;  // YYYY-MM-DD: consent to the talent pool
  std::optional<std::string> verdict;            // qualify::Verdict's name, once screened
  std::int64_t review_rank = 0;
  std::int64_t knockouts_missed = 0;  // questions whose answer is not the accepted one
  std::int64_t preferred_met = 0;
  std::string screening;
  std::int64_t screening_catalog_version = 0;  // the catalog's revision the screening used
  std::optional<UnixMillis> screened_at;
  std::optional<UnixMillis> unblinded_at;  // first shown with name and contact data
  std::optional<UnixMillis> withdrawn_at;
  std::int64_t version = 0;
  UnixMillis created_at = 0;
  UnixMillis updated_at = 0;
};

// An e-mail to an applicant in the outbox (app/workspace/outbox.hpp): what was written, to
// whom, in which language, and how sending went. 'state': "queued" (a job of kind
// "mail.send" with the payload {"message": "<id>"} sends it), "sent" (at 'sent_at'), "failed"
// (the job gave up), "unsent" (no mail server was configured when it was written: kept as the
// record of what would have gone out). 'last_error' is the mail server's or the connection's
// answer, never personal data. Personal data as a whole: it goes with its application.
struct StoredMessage {
  Uuid id;
  Uuid organisation_id;
  std::optional<Uuid> application_id;
  std::string kind;  // "application.acknowledgement"
  std::string lang = "de";
  std::string recipient;  // the e-mail address
  std::string subject;    // UTF-8
  std::string body;       // UTF-8 plain text, '\n' line ends
  std::string state = "queued";
  std::int64_t attempts = 0;  // sending attempts so far
  std::optional<std::string> last_error;
  UnixMillis created_at = 0;
  UnixMillis updated_at = 0;
  std::optional<UnixMillis> sent_at;
};

// A document attached to an application (a CV, a certificate). Its content is in the
// Repository's DocumentStore under 'sha256'; the row says what it is. Personal data as a
// whole: it goes with its application (ON DELETE CASCADE), and its file name is never shown in
// blind views.
struct StoredDocument {
  Uuid id;
  Uuid organisation_id;
  Uuid application_id;
  std::string sha256;        // the content's address (64 lower-case hex digits)
  std::string content_type;  // "application/pdf" or DOCX's (io/workspace/documents.hpp)
  std::string file_name;     // as cleaned (io::clean_file_name)
  std::int64_t size_bytes = 0;
  std::string added_by = "applicant";  // "applicant" (the form) or "recruiter"
  UnixMillis created_at = 0;
  // The reading of its text (io/workspace/extract_process.hpp): "pending" (queued; what a new
  // document is written with), "done", "unreadable", "limit", or "none" (a document stored by
  // a version before schema 12, never read). Read back, not written: 'text_reason' (why not
  // read, in English) and 'text_chars' (characters of the text when done).
  std::string text_status = "pending";
  std::string text_reason;
  std::int64_t text_chars = 0;
};

// A document's text as the screening reads it.
struct DocumentText {
  Uuid id;
  std::string status;  // StoredDocument::text_status
  std::string text;    // when "done"
};

// A new application as the public form sends it, with what makes the submission safe:
// 'idempotency_key' (one per page load: the same key again gives the application stored under
// it, not a second one), 'access_token_hash' (SHA-256 of the applicant's private link token),
// the burst limit (at most 'rate_limit' submissions with 'rate_key' since 'rate_since', counted
// in the transaction that inserts) and the screening job, queued in the same transaction.
struct ApplicationSubmission {
  StoredApplication application;
  std::string idempotency_key;
  TokenHash access_token_hash{};
  TokenHash rate_key{};
  UnixMillis rate_since = 0;
  std::int64_t rate_limit = 0;  // 0: no limit
  // Its kind and attempts; the organisation, times and the payload {"application": "<id>"}
  // are set here.
  StoredJob screening_job;
  // The acknowledgement to the applicant, written with the application (its id, organisation,
  // application and times are set here), and the job that sends it when its state is "queued"
  // (kind and attempts; the payload {"message": "<id>"} is set here).
  std::optional<StoredMessage> acknowledgement;
  StoredJob mail_job;
  // The documents attached on the form, their contents already in documents(): id,
  // organisation, application and created_at are set here.
  std::vector<StoredDocument> documents;
};

// What add_application did: the new application, or the one stored under the key before.
struct SubmittedApplication {
  StoredApplication application;
  bool existing = false;
};

// A page of one opening's applications in review order (review_rank, then id), after the
// position 'after' (review_rank, id) when given; only those with 'verdict' ("pending": not
// screened yet), with no question missed ('knockouts_met' true) or some (false), of 'channel',
// in 'status'; at most 'limit'.
struct ApplicationQuery {
  Uuid opening;
  std::optional<std::string> verdict;
  std::optional<bool> knockouts_met;
  std::optional<std::string> channel;
  std::optional<std::string> status;
  std::optional<std::pair<std::int64_t, Uuid>> after;
  std::size_t limit = 50;
};

// Another application of the same organisation that shares a contact key with the application
// 'of': a possible duplicate (the same person applying again, to the same or another opening).
// Withdrawn applications are included (status says so); erased ones are gone with their row.
struct DuplicateApplication {
  Uuid of;  // the application asked about
  Uuid id;  // the other one
  Uuid opening_id;
  std::string status;  // "received" or "withdrawn"
  UnixMillis created_at = 0;
  bool email = false;  // the same email_key
  bool phone = false;  // the same phone_key
};

// Applications due for deletion, of 'jurisdiction' (or, for "*", of any jurisdiction not in
// 'except') and received before 'received_before', at most 'limit': withdrawn ones withdrawn
// before 'withdrawn_before' (reason withdrawn), or ones still received whose talent-pool consent
// ended before 'today' (YYYY-MM-DD) and whose opening no longer takes applications: closed, or
// open past its valid-through date before 'today' (reason talent_pool_expired).
struct RetentionQuery {
  enum class Reason { withdrawn, talent_pool_expired };
  Reason reason = Reason::withdrawn;
  std::string today;
  std::string jurisdiction;
  std::vector<std::string> except;
  UnixMillis withdrawn_before = 0;
  UnixMillis received_before = 0;
  std::size_t limit = 500;
};

// What the screening job writes into an application.
struct ApplicationScreening {
  std::string verdict;
  std::int64_t review_rank = 0;
  std::int64_t knockouts_missed = 0;
  std::int64_t preferred_met = 0;
  std::string screening;  // JSON
  std::int64_t catalog_version = 0;
};

// A saved staffing plan: one version of a series (series_id: the first version's id). The texts
// are JSON the store does not read: 'inputs' the request that made it (app/staffing/
// plan_fields.hpp), 'result' the plan as `ccteam plan --format json` writes it
// (docs/schemas/plan.schema.json), 'summary' its levels (for lists). Rows are never changed.
struct StoredPlan {
  Uuid id;
  Uuid organisation_id;
  Uuid series_id;
  std::int64_t version = 1;
  std::string name;
  std::optional<Uuid> author_user_id;
  std::string author_name;  // the author's display name when read (empty: no author)
  std::string inputs;
  std::string result;  // empty in lists (plans())
  std::string summary;
  UnixMillis created_at = 0;
};

// What a pruning of expired rows removed.
struct PruneCounts {
  std::int64_t sessions = 0;
  std::int64_t sign_in_failures = 0;
  std::int64_t jobs = 0;
  std::int64_t application_submissions = 0;
};

// What /readyz reports.
struct StoreHealth {
  int schema_version = 0;         // the newest migration applied
  int binary_schema_version = 0;  // the newest migration this binary knows
};

class Repository {
 public:
  virtual ~Repository() = default;

  // The id of the default organisation (created by the first migration).
  virtual Result<Uuid> default_organisation() = 0;

  // The organisation's catalog, or nullopt when it has none yet.
  virtual Result<std::optional<StoredCatalog>> catalog(const Uuid& organisation) = 0;
  // Only the version of the organisation's catalog (0 when none): cheap, for caches.
  virtual Result<std::int64_t> catalog_version(const Uuid& organisation) = 0;
  // Stores 'yaml' as the organisation's catalog (insert, or update with version + 1) and
  // returns the stored row. One transaction; acknowledged only once durable.
  virtual Result<StoredCatalog> put_catalog(const Uuid& organisation, std::string source_name,
                                            std::string yaml) = 0;

  // A number that grows with every save of the organisation's catalog or of its pay bands (the
  // sum of both versions; 0 when it has no catalog): cheap, for caches of what both make.
  virtual Result<std::int64_t> catalog_revision(const Uuid& organisation) = 0;

  // The organisation's own pay bands: a catalog file that holds only `pay_bands`, or nullopt
  // when none was saved.
  virtual Result<std::optional<StoredCatalog>> pay_bands(const Uuid& organisation) = 0;
  // Stores 'yaml' as the organisation's pay bands when their stored version is
  // 'expected_version' (0: none stored yet) and returns the stored row (version + 1), with its
  // audit entry (pay_bands.put) in one transaction. Error::conflict (store_stale_version) for
  // another version; Error::not_found for an unknown organisation.
  virtual Result<StoredCatalog> put_pay_bands(const Uuid& organisation, std::string source_name,
                                              std::string yaml, std::int64_t expected_version,
                                              const Actor& actor) = 0;

  // Employer profiles of the organisation ordered by id, at most 'limit' of them, after the
  // id 'after' when given (keyset pagination).
  virtual Result<std::vector<StoredEmployer>> employers(const Uuid& organisation,
                                                        const std::optional<Uuid>& after,
                                                        std::size_t limit) = 0;
  // Adds a profile as version 1, with its audit entry (employer.create) in one transaction.
  virtual Result<StoredEmployer> add_employer(const Uuid& organisation, std::string name,
                                              std::string yaml, const Actor& actor) = 0;
  // The profile 'id' of the organisation, or nullopt (also for another organisation's id).
  virtual Result<std::optional<StoredEmployer>> employer(const Uuid& organisation,
                                                         const Uuid& id) = 0;
  // Replaces the profile 'id' when its stored version is 'expected_version' and returns the
  // stored row (version + 1), with its audit entry (employer.put) in one transaction.
  // Error::not_found (employer_not_found) for an id the organisation does not have;
  // Error::conflict (employer_stale) for another version.
  virtual Result<StoredEmployer> put_employer(const Uuid& organisation, const Uuid& id,
                                              std::string name, std::string yaml,
                                              std::int64_t expected_version,
                                              const Actor& actor) = 0;

  // --- openings. Every write is one transaction with its audit entry.

  // A number that rises with every committed change of the organisation's openings and employer
  // profiles (their count plus the sum of their versions; neither is ever deleted), 0 when it
  // has none: cheap (two indexed aggregates), for caches of the public careers pages.
  virtual Result<std::int64_t> openings_revision(const Uuid& organisation) = 0;

  virtual Result<std::vector<StoredOpening>> openings(const Uuid& organisation,
                                                      const OpeningQuery& query) = 0;
  // The opening 'id' of the organisation, or nullopt.
  virtual Result<std::optional<StoredOpening>> opening(const Uuid& organisation,
                                                       const Uuid& id) = 0;
  // Adds 'opening' as version 1 (id and times are set here), audited as opening.create.
  // Error::not_found for an unknown organisation or employer.
  virtual Result<StoredOpening> add_opening(StoredOpening opening, const Actor& actor) = 0;
  // Replaces the opening 'opening.id' when its stored version is 'expected_version' and returns
  // the stored row (version + 1), audited as 'action' ("opening.put", "opening.publish", ...)
  // naming 'fields'. Error::not_found (opening_not_found), Error::conflict (opening_stale).
  virtual Result<StoredOpening> put_opening(StoredOpening opening, std::int64_t expected_version,
                                            const std::string& action,
                                            const std::vector<std::string>& fields,
                                            const Actor& actor) = 0;
  // The comments on an opening, oldest first, at most 'limit'.
  virtual Result<std::vector<StoredOpeningComment>> opening_comments(const Uuid& organisation,
                                                                     const Uuid& opening,
                                                                     std::size_t limit) = 0;
  // Adds a comment (id and time set here), audited as opening.comment. Error::not_found
  // (opening_not_found) for an opening the organisation does not have.
  virtual Result<StoredOpeningComment> add_opening_comment(StoredOpeningComment comment,
                                                           const Actor& actor) = 0;

  // --- applications. Every write is one transaction with its audit entry, which names fields
  // only (never their values).

  // Stores a new application of the form with its screening job (audited as
  // application.create by 'actor'), unless the organisation already has one under the
  // submission's idempotency key: then that one, with 'existing'. Error::throttled
  // (application_throttled) when the burst limit is reached; Error::not_found
  // (opening_not_found) for an opening the organisation does not have.
  virtual Result<SubmittedApplication> add_application(ApplicationSubmission submission,
                                                       const Actor& actor) = 0;
  virtual Result<std::optional<StoredApplication>> application(const Uuid& organisation,
                                                               const Uuid& id) = 0;
  // The application whose private link token has this hash (of any organisation).
  virtual Result<std::optional<StoredApplication>> application_by_token(
      const TokenHash& access_token_hash) = 0;
  virtual Result<std::vector<StoredApplication>> applications(const Uuid& organisation,
                                                              const ApplicationQuery& query) = 0;
  // The possible duplicates of each application of 'ids' (of 'organisation'; unknown ids have
  // none): the organisation's other applications with the same email_key or phone_key (a key
  // that is NULL matches nothing; an application is never its own duplicate), at most
  // 'per_application' for each, the oldest first; ordered by 'of', then received. One query
  // for a page of the list as for one application.
  virtual Result<std::vector<DuplicateApplication>> duplicate_applications(
      const Uuid& organisation, const std::vector<Uuid>& ids, std::size_t per_application) = 0;
  // The number of applications of each of the organisation's openings (opening id, count) that
  // have any.
  virtual Result<std::vector<std::pair<Uuid, std::int64_t>>> application_counts(
      const Uuid& organisation) = 0;
  // Writes the screening's result (version + 1), audited as application.screen.
  // Error::not_found (application_not_found).
  virtual Result<StoredApplication> record_screening(const Uuid& organisation, const Uuid& id,
                                                     const ApplicationScreening& screening,
                                                     const Actor& actor) = 0;
  // Sets status "withdrawn" and withdrawn_at (version + 1), audited as application.withdraw;
  // a withdrawn one is returned unchanged. Error::not_found (application_not_found).
  virtual Result<StoredApplication> withdraw_application(const Uuid& organisation, const Uuid& id,
                                                         const Actor& actor) = 0;
  // Records that a user was shown the applicant's name and contact data: 'action' is
  // "application.unblind" (unblinded_at is set the first time) or "application.export".
  // Error::not_found (application_not_found).
  virtual Result<StoredApplication> record_application_access(const Uuid& organisation,
                                                              const Uuid& id,
                                                              const std::string& action,
                                                              const Actor& actor) = 0;
  // Deletes the application (every personal value goes with it, its outbox messages and its
  // document rows too; contents no row names any more are the caller's to remove),
  // audited as 'action'
  // ("application.erase", "application.retention"). Error::not_found (application_not_found).
  virtual Result<void> erase_application(const Uuid& organisation, const Uuid& id,
                                         const std::string& action, const Actor& actor) = 0;
  // Applications (of any organisation) due for deletion (RetentionQuery), oldest withdrawal or
  // end of consent first.
  virtual Result<std::vector<StoredApplication>> applications_due(const RetentionQuery& query) = 0;

  // --- the outbox (StoredMessage)

  virtual Result<std::optional<StoredMessage>> message(const Uuid& organisation,
                                                       const Uuid& id) = 0;
  // The messages to the applicant of 'application', oldest first.
  virtual Result<std::vector<StoredMessage>> application_messages(const Uuid& organisation,
                                                                  const Uuid& application) = 0;
  // Records a sending attempt: attempts + 1, the new 'state' ("queued" after a failure that
  // will be tried again, "sent", "failed"), 'error' as last_error (kept when nullopt), sent_at
  // = 'at' when sent. Error::not_found when there is none (its application was erased).
  virtual Result<StoredMessage> record_message_attempt(const Uuid& organisation, const Uuid& id,
                                                       const std::string& state,
                                                       const std::optional<std::string>& error,
                                                       UnixMillis at) = 0;

  // --- documents (StoredDocument); their contents in documents()

  // Where the contents of documents live (document_store.hpp).
  virtual DocumentStore& documents() = 0;
  // The documents of 'application', oldest first.
  virtual Result<std::vector<StoredDocument>> application_documents(const Uuid& organisation,
                                                                    const Uuid& application) = 0;
  virtual Result<std::optional<StoredDocument>> document(const Uuid& organisation,
                                                         const Uuid& id) = 0;
  // Adds a document (its content already in documents(); id and created_at are set here) to an
  // application, audited as application.document by 'actor', and queues 'job' (reading its
  // text; payload as given) in the same transaction. Error::not_found (application_not_found).
  virtual Result<StoredDocument> add_document(StoredDocument document, const Actor& actor,
                                              std::optional<StoredJob> job) = 0;
  // The texts of the application's documents, oldest first.
  virtual Result<std::vector<DocumentText>> document_texts(const Uuid& organisation,
                                                           const Uuid& application) = 0;
  // Records how reading document 'id' ended: 'status' "done" with 'text', or "unreadable" /
  // "limit" with 'reason'. false when the document is gone (erased meanwhile).
  virtual Result<bool> record_document_text(const Uuid& organisation, const Uuid& id,
                                            const std::string& status, const std::string& text,
                                            const std::string& reason) = 0;
  // Whether a document row of any organisation names the content 'sha256'.
  virtual Result<bool> content_in_use(const std::string& sha256) = 0;

  // --- accounts. Every write below is one transaction with its audit entry: acknowledged only
  // when both are durable.

  // The organisation's users ordered by login, at most 'limit', after 'after_login' if given.
  virtual Result<std::vector<StoredUser>> users(const Uuid& organisation,
                                                const std::optional<std::string>& after_login,
                                                std::size_t limit) = 0;
  virtual Result<std::optional<StoredUser>> user_by_id(const Uuid& organisation,
                                                       const Uuid& id) = 0;
  virtual Result<std::optional<StoredUser>> user_by_login(const Uuid& organisation,
                                                          const std::string& login) = 0;
  // Users that are not disabled.
  virtual Result<std::int64_t> count_active_users(const Uuid& organisation) = 0;
  // Adds 'user' (id, version, times are set here). Error::invalid_input (user_login_taken)
  // when the login exists.
  virtual Result<StoredUser> add_user(const Uuid& organisation, StoredUser user,
                                      const Actor& actor) = 0;
  // Applies 'change' when the stored version is 'expected_version' and returns the new row
  // (version + 1); the audit entry (action) names the fields that changed. Error::conflict
  // (store_stale_version) for another version, not_found for no such user, invalid_input
  // (user_last_admin) when no active admin would remain.
  virtual Result<StoredUser> update_user(const Uuid& organisation, const Uuid& id,
                                         std::int64_t expected_version, const UserChange& change,
                                         const std::string& action, const Actor& actor) = 0;

  // Sessions (audit: session.sign_in, session.sign_out).
  virtual Result<void> add_session(const StoredSession& session, const Actor& actor) = 0;
  // The session with this token hash and its user, when both exist (expiry is the caller's).
  virtual Result<std::optional<std::pair<StoredSession, StoredUser>>> session_by_token(
      const TokenHash& token_hash) = 0;
  // Sets last_seen_at (not audited: reading is not a change).
  virtual Result<void> touch_session(const TokenHash& token_hash, UnixMillis now) = 0;
  // Removes the session (sign-out); removing one that is gone is not an error.
  virtual Result<void> end_session(const TokenHash& token_hash, const Actor& actor) = 0;

  // API tokens (audit: token.create, token.revoke).
  virtual Result<StoredApiToken> add_api_token(StoredApiToken token, const TokenHash& token_hash,
                                               const Actor& actor) = 0;
  // The organisation's tokens (of 'user' only when given), newest first, revoked ones too.
  virtual Result<std::vector<StoredApiToken>> api_tokens(const Uuid& organisation,
                                                         const std::optional<Uuid>& user) = 0;
  // The token that is not revoked with this hash, and its user.
  virtual Result<std::optional<std::pair<StoredApiToken, StoredUser>>> api_token_by_hash(
      const TokenHash& token_hash) = 0;
  virtual Result<void> touch_api_token(const Uuid& id, UnixMillis now) = 0;
  // Revokes the token 'id' (of 'owner' only, when given). Error::not_found (token_not_found)
  // when there is no such token that is not revoked yet.
  virtual Result<StoredApiToken> revoke_api_token(const Uuid& organisation, const Uuid& id,
                                                  const std::optional<Uuid>& owner,
                                                  const Actor& actor) = 0;

  // Sign-in throttling: failures per key (hashed account or client address) since 'since'.
  virtual Result<std::vector<std::int64_t>> sign_in_failures(const std::vector<TokenHash>& keys,
                                                             UnixMillis since) = 0;
  // Counts one failure for each key, drops failures older than 'forget_before', and writes the
  // audit entry 'audit' (session.sign_in_failed) in the same transaction.
  virtual Result<void> add_sign_in_failure(const Uuid& organisation,
                                           const std::vector<TokenHash>& keys, UnixMillis now,
                                           UnixMillis forget_before, const AuditEntry& audit) = 0;
  virtual Result<void> clear_sign_in_failures(const TokenHash& key) = 0;

  // A value every node shares (key "server_secret"): the stored value of 'key', or 'candidate',
  // stored for it when there was none yet, so that the first node's value wins and every node
  // reads the same. Not audited (a secret is never written to the log).
  virtual Result<std::string> shared_setting(const std::string& key,
                                             const std::string& candidate) = 0;

  // The audit log, newest first.
  virtual Result<std::vector<AuditEntry>> audit_entries(const Uuid& organisation,
                                                        const AuditQuery& query) = 0;

  // --- staffing plans.

  // Saves 'plan' (id, times and version are set here) with its audit entry (plan.create) in
  // one transaction: version 1 of a new series, or, with 'previous' (the id of any version of a
  // series), the series' newest version + 1 under its series id. Error::not_found
  // (plan_not_found) when 'previous' is not a plan of the organisation.
  virtual Result<StoredPlan> add_plan(StoredPlan plan, const std::optional<Uuid>& previous,
                                      const Actor& actor) = 0;
  virtual Result<std::optional<StoredPlan>> plan(const Uuid& organisation, const Uuid& id) = 0;
  // The organisation's plans, newest first, without 'result'; at most 'limit'.
  virtual Result<std::vector<StoredPlan>> plans(const Uuid& organisation, std::size_t limit) = 0;

  // --- background jobs (across nodes: claim_job gives each due job to one caller only).

  // Queues 'job' (id, state, attempts and times other than run_after are set here). With a
  // dedupe_key, the job of the same organisation, kind and key that exists already is returned
  // instead of a new one. Error::not_found for an unknown organisation.
  virtual Result<StoredJob> enqueue_job(StoredJob job) = 0;
  // Queues 'job' (no dedupe_key) unless that would exceed 'limits', counted in the same
  // transaction as the insert (two nodes queueing at once cannot both pass): the job, or the
  // limit that was reached.
  virtual Result<std::variant<StoredJob, JobLimitReached>> enqueue_limited_job(
      StoredJob job, const JobLimits& limits) = 0;
  // Claims the next due job of one of 'kinds' (those the node can run) for 'node' until
  // 'lease_until': a queued job with run_after <= now, or a running one whose lease ended (its
  // node died), with attempts left, oldest first; its attempts go up by one. nullopt when none
  // is due. A running job whose lease ended with no attempts left is marked failed. Two callers
  // never get the same job.
  virtual Result<std::optional<StoredJob>> claim_job(const std::string& node,
                                                     const std::vector<std::string>& kinds,
                                                     UnixMillis now, UnixMillis lease_until) = 0;
  // Ends the job 'id' that 'node' holds: done, or failed (queued again for outcome.retry_at
  // while attempts are left). Error::conflict (store_stale_job) when 'node' no longer holds it
  // (its lease ended and another node claimed it); not_found (job_not_found) for no such job.
  virtual Result<StoredJob> finish_job(const Uuid& id, const std::string& node,
                                       const JobOutcome& outcome) = 0;
  // Records that the job 'id', held by 'node', has done 'done' of 'total' units and extends its
  // lease to 'lease_until' (a heartbeat: a long job reports often enough to keep it). Returns
  // whether someone asked it to stop (cancel_job). Error::conflict (store_stale_job) when 'node'
  // no longer holds it; not_found (job_not_found) for no such job.
  virtual Result<bool> report_job_progress(const Uuid& id, const std::string& node,
                                           std::int64_t done, std::int64_t total,
                                           UnixMillis lease_until) = 0;
  // Asks the job 'id' of 'organisation' to stop: a queued one ends at once ("failed", error
  // "cancelled", cancel_requested); a running one is marked, its handler sees that at its next
  // progress report and the job then ends failed without another attempt; a finished one is
  // returned unchanged. Error::not_found (job_not_found) when the organisation has no such job.
  virtual Result<StoredJob> cancel_job(const Uuid& organisation, const Uuid& id) = 0;
  virtual Result<std::optional<StoredJob>> job(const Uuid& organisation, const Uuid& id) = 0;
  // The organisation's jobs, newest first (by id: UUIDv7, the order they were queued).
  virtual Result<std::vector<StoredJob>> jobs(const Uuid& organisation, const JobQuery& query) = 0;

  // Removes sessions that expired before 'now', sign-in failures and application submission
  // counts from before 'forget_failures_before' and jobs that finished before 'forget_jobs_before'
  // (retention: nothing is kept longer than it is used).
  virtual Result<PruneCounts> prune_expired(UnixMillis now, UnixMillis forget_failures_before,
                                            UnixMillis forget_jobs_before) = 0;

  // A consistent copy of the whole database into the new file 'path' (also while others
  // write). Error::io when 'path' exists or cannot be written.
  virtual Result<void> backup_to(const std::string& path) = 0;

  // The database answers and its schema is the one this binary knows.
  virtual Result<StoreHealth> health() = 0;
};

}  // namespace ccteam::store
