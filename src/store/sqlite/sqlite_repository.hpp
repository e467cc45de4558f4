#pragma once
// The workspace's store on one SQLite file (store::Repository; schema in migrations.hpp).
//
// Connections: one writer, used under a mutex, whose every write is one BEGIN IMMEDIATE
// transaction committed with synchronous=FULL (acknowledged only once durable), and a pool of
// readers for the concurrent reads of HTTP threads (WAL: readers see the last commit and never
// wait for the writer). A reader is handed to one thread at a time; a thread that finds them
// all busy waits for one. Every connection gets the pragmas of Connection::open.
//
// Thread safety: every member function may be called from any number of threads at once.
// Several processes may open the same file (SQLite's file locks and the busy timeout order
// their writes); migrations then run once.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/core/error.hpp"
#include "store/migrations.hpp"
#include "store/repository.hpp"
#include "store/sqlite/database.hpp"

namespace ccteam::store {

struct SqliteOptions {
  std::size_t readers = 4;                       // reader connections; 0 counts as 1
  std::chrono::milliseconds busy_timeout{5000};  // wait for another process's lock
  std::function<UnixMillis()> clock{};           // "now"; empty: the system clock
};

class SqliteRepository final : public Repository {
 public:
  // Opens (creating when missing) the database file 'path', applies the migrations
  // (sqlite::migrate) and opens the readers. Error::io with a hint when the file cannot be
  // opened or created (its folder missing or read-only), when it is not a SQLite database, or
  // when its schema is newer than this binary knows (MsgId::store_schema_newer).
  static Result<std::unique_ptr<SqliteRepository>> open(const std::string& path,
                                                        const SqliteOptions& options = {});

  Result<Uuid> default_organisation() override;
  Result<std::optional<StoredCatalog>> catalog(const Uuid& organisation) override;
  Result<std::int64_t> catalog_version(const Uuid& organisation) override;
  Result<std::int64_t> catalog_revision(const Uuid& organisation) override;
  Result<std::int64_t> openings_revision(const Uuid& organisation) override;
  Result<std::optional<StoredCatalog>> pay_bands(const Uuid& organisation) override;
  Result<StoredCatalog> put_pay_bands(const Uuid& organisation, std::string source_name,
                                      std::string yaml, std::int64_t expected_version,
                                      const Actor& actor) override;
  Result<StoredCatalog> put_catalog(const Uuid& organisation, std::string source_name,
                                    std::string yaml) override;
  Result<std::vector<StoredEmployer>> employers(const Uuid& organisation,
                                                const std::optional<Uuid>& after,
                                                std::size_t limit) override;
  Result<StoredEmployer> add_employer(const Uuid& organisation, std::string name, std::string yaml,
                                      const Actor& actor) override;
  Result<std::optional<StoredEmployer>> employer(const Uuid& organisation, const Uuid& id) override;
  Result<StoredEmployer> put_employer(const Uuid& organisation, const Uuid& id, std::string name,
                                      std::string yaml, std::int64_t expected_version,
                                      const Actor& actor) override;
  Result<std::vector<StoredOpening>> openings(const Uuid& organisation,
                                              const OpeningQuery& query) override;
  Result<std::optional<StoredOpening>> opening(const Uuid& organisation, const Uuid& id) override;
  Result<StoredOpening> add_opening(StoredOpening opening, const Actor& actor) override;
  Result<StoredOpening> put_opening(StoredOpening opening, std::int64_t expected_version,
                                    const std::string& action,
                                    const std::vector<std::string>& fields,
                                    const Actor& actor) override;
  Result<std::vector<StoredOpeningComment>> opening_comments(const Uuid& organisation,
                                                             const Uuid& opening,
                                                             std::size_t limit) override;
  Result<StoredOpeningComment> add_opening_comment(StoredOpeningComment comment,
                                                   const Actor& actor) override;

  Result<SubmittedApplication> add_application(ApplicationSubmission submission,
                                               const Actor& actor) override;
  Result<std::optional<StoredApplication>> application(const Uuid& organisation,
                                                       const Uuid& id) override;
  Result<std::optional<StoredApplication>> application_by_token(
      const TokenHash& access_token_hash) override;
  Result<std::vector<StoredApplication>> applications(const Uuid& organisation,
                                                      const ApplicationQuery& query) override;
  Result<std::vector<DuplicateApplication>> duplicate_applications(
      const Uuid& organisation, const std::vector<Uuid>& ids, std::size_t per_application) override;
  Result<std::vector<std::pair<Uuid, std::int64_t>>> application_counts(
      const Uuid& organisation) override;
  Result<StoredApplication> record_screening(const Uuid& organisation, const Uuid& id,
                                             const ApplicationScreening& screening,
                                             const Actor& actor) override;
  Result<StoredApplication> withdraw_application(const Uuid& organisation, const Uuid& id,
                                                 const Actor& actor) override;
  Result<StoredApplication> record_application_access(const Uuid& organisation, const Uuid& id,
                                                      const std::string& action,
                                                      const Actor& actor) override;
  Result<void> erase_application(const Uuid& organisation, const Uuid& id,
                                 const std::string& action, const Actor& actor) override;
  Result<std::vector<StoredApplication>> applications_due(const RetentionQuery& query) override;
  Result<std::optional<StoredMessage>> message(const Uuid& organisation, const Uuid& id) override;
  Result<std::vector<StoredMessage>> application_messages(const Uuid& organisation,
                                                          const Uuid& application) override;
  Result<StoredMessage> record_message_attempt(const Uuid& organisation, const Uuid& id,
                                               const std::string& state,
                                               const std::optional<std::string>& error,
                                               UnixMillis at) override;
  DocumentStore& documents() override { return *m_documents; }
  Result<std::vector<StoredDocument>> application_documents(const Uuid& organisation,
                                                            const Uuid& application) override;
  Result<std::optional<StoredDocument>> document(const Uuid& organisation, const Uuid& id) override;
  Result<StoredDocument> add_document(StoredDocument document, const Actor& actor,
                                      std::optional<StoredJob> job) override;
  Result<std::vector<DocumentText>> document_texts(const Uuid& organisation,
                                                   const Uuid& application) override;
  Result<bool> record_document_text(const Uuid& organisation, const Uuid& id,
                                    const std::string& status, const std::string& text,
                                    const std::string& reason) override;
  Result<bool> content_in_use(const std::string& sha256) override;
  Result<std::vector<StoredUser>> users(const Uuid& organisation,
                                        const std::optional<std::string>& after_login,
                                        std::size_t limit) override;
  Result<std::optional<StoredUser>> user_by_id(const Uuid& organisation, const Uuid& id) override;
  Result<std::optional<StoredUser>> user_by_login(const Uuid& organisation,
                                                  const std::string& login) override;
  Result<std::int64_t> count_active_users(const Uuid& organisation) override;
  Result<StoredUser> add_user(const Uuid& organisation, StoredUser user,
                              const Actor& actor) override;
  Result<StoredUser> update_user(const Uuid& organisation, const Uuid& id,
                                 std::int64_t expected_version, const UserChange& change,
                                 const std::string& action, const Actor& actor) override;
  Result<void> add_session(const StoredSession& session, const Actor& actor) override;
  Result<std::optional<std::pair<StoredSession, StoredUser>>> session_by_token(
      const TokenHash& token_hash) override;
  Result<void> touch_session(const TokenHash& token_hash, UnixMillis at) override;
  Result<void> end_session(const TokenHash& token_hash, const Actor& actor) override;
  Result<StoredApiToken> add_api_token(StoredApiToken token, const TokenHash& token_hash,
                                       const Actor& actor) override;
  Result<std::vector<StoredApiToken>> api_tokens(const Uuid& organisation,
                                                 const std::optional<Uuid>& user) override;
  Result<std::optional<std::pair<StoredApiToken, StoredUser>>> api_token_by_hash(
      const TokenHash& token_hash) override;
  Result<void> touch_api_token(const Uuid& id, UnixMillis at) override;
  Result<StoredApiToken> revoke_api_token(const Uuid& organisation, const Uuid& id,
                                          const std::optional<Uuid>& owner,
                                          const Actor& actor) override;
  Result<std::vector<std::int64_t>> sign_in_failures(const std::vector<TokenHash>& keys,
                                                     UnixMillis since) override;
  Result<void> add_sign_in_failure(const Uuid& organisation, const std::vector<TokenHash>& keys,
                                   UnixMillis at, UnixMillis forget_before,
                                   const AuditEntry& audit) override;
  Result<void> clear_sign_in_failures(const TokenHash& key) override;
  Result<StoredJob> enqueue_job(StoredJob job) override;
  Result<std::variant<StoredJob, JobLimitReached>> enqueue_limited_job(
      StoredJob job, const JobLimits& limits) override;
  Result<bool> report_job_progress(const Uuid& id, const std::string& node, std::int64_t done,
                                   std::int64_t total, UnixMillis lease_until) override;
  Result<StoredJob> cancel_job(const Uuid& organisation, const Uuid& id) override;
  Result<std::optional<StoredJob>> claim_job(const std::string& node,
                                             const std::vector<std::string>& kinds, UnixMillis now,
                                             UnixMillis lease_until) override;
  Result<StoredJob> finish_job(const Uuid& id, const std::string& node,
                               const JobOutcome& outcome) override;
  Result<std::optional<StoredJob>> job(const Uuid& organisation, const Uuid& id) override;
  Result<std::vector<StoredJob>> jobs(const Uuid& organisation, const JobQuery& query) override;
  Result<StoredPlan> add_plan(StoredPlan plan, const std::optional<Uuid>& previous,
                              const Actor& actor) override;
  Result<std::optional<StoredPlan>> plan(const Uuid& organisation, const Uuid& id) override;
  Result<std::vector<StoredPlan>> plans(const Uuid& organisation, std::size_t limit) override;
  Result<PruneCounts> prune_expired(UnixMillis now, UnixMillis forget_failures_before,
                                    UnixMillis forget_jobs_before) override;
  Result<std::string> shared_setting(const std::string& key, const std::string& candidate) override;
  Result<std::vector<AuditEntry>> audit_entries(const Uuid& organisation,
                                                const AuditQuery& query) override;
  Result<void> backup_to(const std::string& path) override;
  Result<StoreHealth> health() override;

  // The pragmas as the writer connection and each reader have them (for tests and /readyz).
  Result<sqlite::ConnectionPragmas> writer_pragmas();
  Result<std::vector<sqlite::ConnectionPragmas>> reader_pragmas();

  SqliteRepository(const SqliteRepository&) = delete;
  SqliteRepository& operator=(const SqliteRepository&) = delete;
  ~SqliteRepository() override;

 private:
  class ReaderLease;
  SqliteRepository(std::unique_ptr<sqlite::Connection> writer, std::function<UnixMillis()> clock);
  ReaderLease lease_reader();
  UnixMillis now() const;

  std::function<UnixMillis()> m_clock;
  // The contents of documents: a directory beside the database file ("<file>-documents"),
  // memory for an in-memory database.
  std::unique_ptr<DocumentStore> m_documents;
  std::mutex m_write_mutex;
  std::unique_ptr<sqlite::Connection> m_writer;  // guarded by m_write_mutex
  std::mutex m_pool_mutex;
  std::condition_variable m_reader_returned;
  std::vector<std::unique_ptr<sqlite::Connection>> m_readers;
  std::vector<sqlite::Connection*> m_idle_readers;  // guarded by m_pool_mutex
};

// The store the server and the CLI use: SqliteRepository::open with the default options.
Result<std::unique_ptr<Repository>> open_sqlite_repository(const std::string& path);

}  // namespace ccteam::store
