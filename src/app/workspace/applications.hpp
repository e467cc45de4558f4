#pragma once
// Applications in the workspace as use cases: the questions an opening's form asks, the public
// application form, the screening of each application by a background job, the recruiter's
// blind list in review order, and the applicant's rights (export, erasure, withdrawal,
// retention).
//
// The law these follow (docs/applications.md has the sources):
//   - GDPR art. 22: nothing here rejects anyone. The screening's verdict and the answers to the
//     opening's questions order the review and explain it; a person decides. An answer that is
//     not the accepted one is a criterion "not met", never a verdict.
//   - GDPR art. 13: the form shows the employer's privacy notice; the application records the
//     version shown. A talent pool needs a separate, optional consent for a stated period
//     (k_talent_pool_months).
//   - GDPR art. 15/20 (export), art. 17 (erasure): export_application, erase_application. The
//     audit log names fields and ids, never values, so it stays whole after an erasure.
//   - AGG § 1, § 11: the form asks for no photo, date of birth, marital status, nationality or
//     pay history; the recruiter's list is blind (no name, contact data or dates) until a
//     recruiter deliberately unblinds one application, which is audited.
//
// Who sees what (the routes check the permission, these functions the rows):
//   admin, recruiter: every application of the organisation;
//   hiring manager: the applications of their own openings, blind unless a recruiter
//     unblinded them;
//   works council, viewer: none.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/workspace/accounts.hpp"
#include "app/workspace/documents.hpp"
#include "app/workspace/jobs.hpp"
#include "app/workspace/openings.hpp"
#include "app/workspace/outbox.hpp"
#include "app/workspace/questions.hpp"
#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/date.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"
#include "ccteam/qualify/person.hpp"
#include "io/workspace/retention_yaml.hpp"
#include "store/repository.hpp"

namespace ccteam::app {

// --- the application form

inline constexpr std::size_t k_max_work_entries = 10;
inline constexpr std::size_t k_max_education_entries = 5;
inline constexpr std::size_t k_max_language_entries = 8;
inline constexpr std::size_t k_max_field_chars = 200;
inline constexpr std::size_t k_max_duties_chars = 2000;
inline constexpr int k_talent_pool_months = 12;
// Burst limit of the public form: at most this many applications per client address in the
// window (counted in the database, so across nodes).
inline constexpr std::int64_t k_max_applications_per_window = 10;
inline constexpr std::int64_t k_application_window_ms = 10 * 60 * 1000;

// The qualifications the form offers, as the engine reads them (education.hpp): 'value' is
// what the form sends and the engine reads as the study type.
struct EducationKind {
  std::string_view value;
  LocalizedText title;
};
const std::vector<EducationKind>& education_kinds();
// The languages the form offers first (ISO 639-1), in this order; any other code is taken too.
const std::vector<std::string>& form_languages();
// "A1".."C2", "native".
const std::vector<std::string>& form_levels();

struct WorkEntry {
  std::string employer;
  std::string title;
  std::string start;  // YYYY-MM
  std::string end;    // YYYY-MM; empty: still there
  std::string duties;
};
struct EducationEntry {
  std::string kind;  // an education_kinds() value, or "other" (then 'field' says what)
  std::string field;
  std::string institution;
  std::string finished;  // YYYY-MM; empty: in progress
};
struct LanguageAnswer {
  std::string language;  // ISO 639-1
  std::string level;     // form_levels()
};

// What the applicant sent. Entries that are empty in every field are left out.
struct ApplicationForm {
  std::string name;
  std::string email;
  std::string phone;  // optional
  std::string city;   // optional
  std::vector<WorkEntry> work;
  std::vector<EducationEntry> education;
  std::vector<LanguageAnswer> languages;
  std::map<std::string, std::string> answers;  // question id -> "yes"/"no", hours, a date,
                                               // a level, a choice's index
  bool talent_pool = false;
  std::string channel;          // the ?src= of the link the applicant followed
  std::string idempotency_key;  // from the form page (new_form_key)
  std::string honeypot;         // a field people do not see: bots fill it
  // The CV and certificates (documents.hpp).
  std::vector<UploadedDocument> documents;
};

// A key for one load of the form page (random, 22 characters).
std::string new_form_key();

// An e-mail address as forms check it: one '@', a local part of at most 64 bytes without
// blanks, controls or characters that need quoting and without a leading, trailing or double
// dot, a domain of at least two labels (letters, digits, '-', not at a label's ends), at most
// 254 bytes in all (RFC 5321 4.5.3.1, RFC 5322 dot-atom). Whether mail reaches it is another
// matter: the outbox records what the mail server answers.
bool looks_like_email(std::string_view text);

// What the store keeps of a private link's token (its SHA-256), never the token itself.
store::TokenHash token_hash(std::string_view token);
// The applicant's private link in 'lang' for the e-mails ("https://jobs.example.com/de/
// application/<token>"); "" when 'mail' has no public_url.
std::string application_link(const MailSettings& mail, Lang lang, std::string_view token);

// Every problem of 'form' for 'questions', each at its JSON pointer ("/email",
// "/work/0/start", "/answers/weekends"): required fields (name, e-mail, every question),
// lengths, control characters and direction overrides in texts, e-mail and phone shapes, months
// and dates that do not read or lie after 'today', a job or education that ends before it
// starts, choices that are not offered, too many entries.
Errors check_application_form(const ApplicationForm& form, const std::vector<Question>& questions,
                              Date today);

// What the public form did: the application stored (or the one stored before under the same
// form key: a double submit), the private link's token (the same for the same form key), and
// whether the honeypot made it drop the submission (then nothing was stored and 'token' is
// empty: the page says thank you all the same, so that a bot learns nothing).
struct SubmittedForm {
  store::StoredApplication application;
  std::string token;
  bool existing = false;
  bool dropped = false;
};

// Takes an application to the opening 'opening_id' (public and taking applications) in 'lang'
// from 'client' (its address, for the burst limit: at most 'max_per_window' in
// k_application_window_ms), with the keys that find its possible duplicates (the e-mail
// address normalised, the phone number in E.164 read in the country of the place of work). 'secret'
// derives the private link's token from the form key (io::keyed_digest), so a retry gets the same
// link. Errors: Error::not_found (opening_not_found) when the opening is not public;
// Error::conflict (application_closed) when it no longer takes applications;
// check_application_form's; Error::invalid_input (application_key_missing) without a form key;
// Error::throttled (application_throttled); the store's. With the application the outbox gets
// its acknowledgement to the applicant in 'lang' (outbox.hpp: queued for the mail job when
// 'mail' has a mail server, else recorded as unsent), in the same transaction. The form's
// documents are checked with check_documents ('documents'; their problems come with the
// form's, at "/documents/<i>"), their contents stored before the transaction and their rows
// written in it.
Checked<SubmittedForm> submit_application(
    store::Repository& repository, const store::Uuid& organisation, const catalog::Catalog& catalog,
    const store::Uuid& opening_id, const ApplicationForm& form, Lang lang, std::string_view client,
    std::string_view secret, Date today,
    std::int64_t max_per_window = k_max_applications_per_window, const MailSettings& mail = {},
    const DocumentSettings& documents = {});

// The private link's token -> the application (of any organisation); nullopt for none.
Result<std::optional<store::StoredApplication>> application_by_link(store::Repository& repository,
                                                                    std::string_view token);

// --- screening

inline constexpr std::string_view k_screen_application_job = "application.screen";
inline constexpr std::string_view k_application_retention_job = "application.retention";

// The person the engine reads from an application's stored profile (no personal values: the
// engine is blind; the person's id is "A" and the application's id).
qualify::Person person_of(const store::StoredApplication& application);

// The current catalog and its revision, for the job handlers (the server's CatalogCache).
struct CatalogAt {
  std::shared_ptr<const void> keep;  // keeps 'catalog' alive
  const catalog::Catalog* catalog = nullptr;
  std::int64_t revision = 0;
};
using CatalogSource = std::function<Result<CatalogAt>()>;

// The application a job is about (payload {"application": "<id>"}); Error::internal
// (application_not_found) for another payload.
Result<store::Uuid> application_of_job(const store::StoredJob& job);

// The handler of k_screen_application_job (payload {"application": "<id>"}): evaluates the
// application against its opening's role for the country of the place of work, adds a criterion
// per question (met when the answer is the accepted one), and stores the result
// (Repository::record_screening: verdict, questions not met, preferred criteria met, review
// rank and the JSON of evaluation_to_json) with the catalog's revision. An application erased
// meanwhile is skipped; running it twice stores the same result.
JobHandler screening_handler(store::Repository& repository, CatalogSource catalogs);

// The review rank of a screening: verdict first (meets, by substitution, needs review, does not
// meet the minimum), then fewer questions not met, then more preferred criteria met.
std::int64_t review_rank(std::string_view verdict, std::int64_t knockouts_missed,
                         std::int64_t preferred_met);
inline constexpr std::int64_t k_unscreened_rank = 9'000'000'000;

// --- the recruiter's list

// Whether 'who' may see the applications of 'opening' at all, and unblinded ones' personal data.
bool can_see_applications(const Principal& who, const store::StoredOpening& opening);

// The application 'id' when 'who' may see its opening's applications; Error::not_found
// (application_not_found) otherwise, the same as for one that is not there.
Result<store::StoredApplication> visible_application(store::Repository& repository,
                                                     const store::Uuid& organisation,
                                                     const Principal& who, const store::Uuid& id);
// Whether 'who' sees the personal data of 'application': it is unblinded, and they are an
// admin, a recruiter or a hiring manager.
bool may_reveal(const Principal& who, const store::StoredApplication& application);

// Another application of the organisation that may be the same person's: the same e-mail
// address (trimmed, lower-cased) or the same phone number (E.164), io/workspace/contact_keys.hpp.
// Never merged: the recruiter decides. Which facts match, never their values, so blind views
// show it too.
struct PossibleDuplicate {
  store::Uuid id;
  store::Uuid opening_id;
  std::string label;   // its blind label
  std::string status;  // "received" or "withdrawn": a withdrawn one is a duplicate all the same
  store::UnixMillis created_at = 0;
  bool email = false;  // the same e-mail address
  bool phone = false;  // the same phone number
};
// At most this many possible duplicates are named per application (the oldest first).
inline constexpr std::size_t k_max_duplicates_shown = 20;

// An application as the list and its page show it: the row (with personal values and contact
// keys only when 'revealed'), the screening's JSON in the reader's language, a blind label
// ("A-7f3c2a") and the possible duplicates 'who' may see (applications of openings whose
// applications they may read; the same on the list as on the application's page).
struct ApplicationView {
  store::StoredApplication stored;
  bool revealed = false;  // personal values shown (a recruiter unblinded it for this reader)
  std::string label;
  nlohmann::ordered_json screening;  // {"verdict", "verdict_text", "criteria", "knockouts"}
  nlohmann::ordered_json personal;   // {} unless revealed
  std::vector<PossibleDuplicate> duplicates;
  // The e-mails to the applicant, oldest first (find_application and unblind_application only;
  // recipient, subject and body emptied unless 'revealed').
  std::vector<store::StoredMessage> messages;
  // The documents, oldest first (find_application and unblind_application only; file names
  // emptied unless 'revealed').
  std::vector<store::StoredDocument> documents;
};

struct ApplicationFilter {
  std::string verdict;    // qualify::Verdict's name, "pending" or "" (any)
  std::string knockouts;  // "met", "missed" or "" (any)
  std::string channel;    // or "" (any)
  std::string after;      // the page's cursor: "<rank>.<id>" of the last row before
  std::size_t limit = 50;
};

struct ApplicationPage {
  std::vector<ApplicationView> rows;
  std::string next;  // the cursor of the next page, "" at the end
};

// The applications of the opening 'opening_id' that 'who' may see, in review order, filtered.
// Errors: Error::not_found (opening_not_found) for an opening 'who' may not see or whose
// applications they may not see; Error::invalid_input for a filter that does not read.
Result<ApplicationPage> list_applications(store::Repository& repository,
                                          const store::Uuid& organisation,
                                          const catalog::Catalog& catalog, const Principal& who,
                                          const store::Uuid& opening_id,
                                          const ApplicationFilter& filter, Lang lang, Date today);

// One application for 'who' (Error::not_found when they may not see it), blind unless it was
// unblinded and 'who' may see it unblinded.
Result<ApplicationView> find_application(store::Repository& repository,
                                         const store::Uuid& organisation, const Principal& who,
                                         const store::Uuid& id, Lang lang);

// A recruiter (or admin) shows the application's personal values: audited
// (application.unblind). Hiring managers see them from then on too. Errors as
// find_application.
Result<ApplicationView> unblind_application(store::Repository& repository,
                                            const store::Uuid& organisation, const Principal& who,
                                            const store::Uuid& id, Lang lang,
                                            const store::Actor& actor);

// Everything held on the applicant (GDPR art. 15/20): the application with its personal values,
// profile, answers, screening and the e-mails sent to them (outbox.hpp message_json), as JSON;
// audited (application.export).
Result<nlohmann::ordered_json> export_application(store::Repository& repository,
                                                  const store::Uuid& organisation,
                                                  const Principal& who, const store::Uuid& id,
                                                  const store::Actor& actor);

// Erases the application (GDPR art. 17): the row and every personal value with it, its
// documents' contents too unless another application holds the same file; the audit entry
// stays (application.erase, no values).
Result<void> erase_application(store::Repository& repository, const store::Uuid& organisation,
                               const Principal& who, const store::Uuid& id,
                               const store::Actor& actor);

// The applicant withdraws from the private link.
Result<store::StoredApplication> withdraw_by_link(store::Repository& repository,
                                                  std::string_view token);

// The blind label of an application: "A-" and the last 6 hex digits of its id.
std::string blind_label(const store::Uuid& id);

// The rows of the list as CSV (RFC 4180; cells that start with =, +, -, @, tab or CR get a
// leading apostrophe so that spreadsheets do not read them as formulas): label, verdict,
// questions not met, preferred met, source, channel, received (date), status, then the
// criteria's outcomes. Blind: no personal values.
std::string applications_to_csv(const std::vector<ApplicationView>& rows, Lang lang);

// --- retention

// The handler of k_application_retention_job: deletes (Repository::erase_application with
// "application.retention") the withdrawn applications past their rule, and the applications
// kept for the talent pool whose consent has ended and whose opening no longer takes
// applications (both no earlier than keep_records_days after receipt), with their documents;
// then the document contents no row names (sweep_documents, older than
// k_document_orphan_grace_ms); result {"deleted": N, "orphan_documents": M}. 'rules' as
// data/retention/retention.yaml holds them (io::load_retention_rules).
JobHandler retention_handler(store::Repository& repository, std::vector<io::RetentionRule> rules,
                             std::function<store::UnixMillis()> clock);

}  // namespace ccteam::app
