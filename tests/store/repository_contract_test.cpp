// The contract of store::Repository, run against both backends (SQLite, PostgreSQL): every
// behaviour a use case relies on, with the same expectations on each. Values are worked out by
// hand from what the test wrote. The PostgreSQL cases need $CCTEAM_TEST_POSTGRES
// (tests/store/backends.hpp) and are skipped, saying so, without it.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <map>
#include <mutex>
#include <thread>
#include <variant>
#include <vector>

#include "store/backends.hpp"
#include "store/migrations.hpp"

namespace ccteam::store {
namespace {

class RepositoryContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (std::string missing = database.missing(); !missing.empty()) GTEST_SKIP() << missing;
    repository = open_node();
    ASSERT_TRUE(repository);
    organisation = *repository->default_organisation();
  }

  // A repository on the same database, as a second server node would have.
  std::unique_ptr<Repository> open_node() {
    auto opened = database.open([this] { return now; });
    EXPECT_TRUE(opened.has_value()) << (opened ? "" : render(opened.error(), Lang::en));
    return opened ? std::move(*opened) : nullptr;
  }

  StoredUser add(const std::string& login, const std::string& role) {
    StoredUser user;
    user.login = login;
    user.display_name = "Name of " + login;
    user.role = role;
    user.password_hash = "hash";
    auto added = repository->add_user(organisation, user, Actor::cli());
    EXPECT_TRUE(added.has_value()) << (added ? "" : render(added.error(), Lang::en));
    return added ? *added : StoredUser{};
  }

  // An open opening for agents (German, valid through 2027-01-31) of a new employer named
  // 'employer' in the test's organisation.
  Uuid open_opening(const std::string& employer) {
    auto added_employer =
        repository->add_employer(organisation, employer, "name: " + employer + "\n", Actor::cli());
    EXPECT_TRUE(added_employer.has_value());
    if (!added_employer) return Uuid{};
    StoredOpening opening;
    opening.organisation_id = organisation;
    opening.employer_id = added_employer->id;
    opening.role = "agent";
    opening.status = "open";
    opening.valid_through = "2027-01-31";
    opening.languages = "de";
    auto added = repository->add_opening(opening, Actor::cli());
    EXPECT_TRUE(added.has_value());
    return added ? added->id : Uuid{};
  }

  // A session of 'user' started now, whose token hash is 32 times 'token_byte'.
  StoredSession session_of(const StoredUser& user, std::uint8_t token_byte, UnixMillis expires_at) {
    StoredSession session;
    session.id = new_uuid_v7(now + token_byte);
    session.organisation_id = organisation;
    session.user_id = user.id;
    session.token_hash.fill(token_byte);
    session.created_at = session.last_seen_at = now;
    session.expires_at = expires_at;
    return session;
  }

  static AuditEntry audit_of_failure(UnixMillis at) {
    AuditEntry failed;
    failed.at = at;
    failed.actor_kind = "system";
    failed.action = "session.sign_in_failed";
    failed.target_kind = "user";
    return failed;
  }

  std::vector<AuditEntry> audit() {
    AuditQuery all;
    all.limit = 1000;
    return *repository->audit_entries(organisation, all);
  }

  test::TestDatabase database{GetParam()};
  UnixMillis now = 1'764'920'000'000;  // 2025-12-05T07:33:20Z (read by the store's threads only
                                       // while no test writes it)
  std::unique_ptr<Repository> repository;
  Uuid organisation;
};

INSTANTIATE_TEST_SUITE_P(Backends, RepositoryContract, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& backend) {
                           return backend.param;
                         });

TEST_P(RepositoryContract, MigratesAndReportsTheSchemaVersion) {
  auto health = repository->health();
  ASSERT_TRUE(health.has_value());
  EXPECT_EQ(health->schema_version, 13);  // migrations 1-13 in store/migrations.cpp
  EXPECT_EQ(health->binary_schema_version, 13);
  EXPECT_EQ(organisation.to_string(), "00000000-0000-7000-8000-000000000001");
  // Opening again (a restart, a second node) applies nothing twice and keeps what was stored.
  ASSERT_TRUE(
      repository->add_employer(organisation, "Kept GmbH", "name: Kept GmbH\n", Actor::system()));
  auto again = open_node();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->health()->schema_version, 13);
  auto employers = again->employers(organisation, std::nullopt, 10);
  ASSERT_TRUE(employers.has_value());
  ASSERT_EQ(employers->size(), 1u);
  EXPECT_EQ(employers->front().name, "Kept GmbH");
}

TEST_P(RepositoryContract, RefusesASchemaNewerThanTheBinary) {
  ASSERT_TRUE(
      database.execute("INSERT INTO schema_migrations (version, applied_at_ms) "
                       "VALUES (999, 0)"));
  auto refused = database.open();
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, ErrorKind::io);
  EXPECT_EQ(refused.error().message.id, MsgId::store_schema_newer);
  ASSERT_TRUE(refused.error().hint.has_value());
  EXPECT_EQ(refused.error().hint->id, MsgId::hint_store_schema_newer);
  std::string text = render(refused.error(), Lang::en);
  EXPECT_NE(text.find("999"), std::string::npos) << text;
  EXPECT_NE(text.find("up to 13 only"), std::string::npos) << text;
}

TEST_P(RepositoryContract, ForeignKeysAreEnforced) {
  Uuid stranger = new_uuid_v7(1'700'000'000'000);
  auto employer =
      repository->add_employer(stranger, "Nobody Inc.", "name: Nobody Inc.\n", Actor::system());
  ASSERT_FALSE(employer.has_value());
  EXPECT_EQ(employer.error().kind, ErrorKind::not_found);
  EXPECT_EQ(employer.error().message.id, MsgId::store_unknown_organisation);
  auto catalog = repository->put_catalog(stranger, "upload", "roles: []\n");
  ASSERT_FALSE(catalog.has_value());
  EXPECT_EQ(catalog.error().kind, ErrorKind::not_found);
  // Nothing of the failed writes is left, and the writer still works.
  EXPECT_TRUE(repository->employers(stranger, std::nullopt, 10)->empty());
  EXPECT_TRUE(
      repository->add_employer(organisation, "Somebody", "name: Somebody\n", Actor::system())
          .has_value());
}

TEST_P(RepositoryContract, PagesEmployersByIdWithAKey) {
  std::vector<Uuid> added;
  for (int i = 0; i < 5; ++i) {
    std::string name = "Employer " + std::to_string(i);
    auto employer =
        repository->add_employer(organisation, name, "name: " + name + "\n", Actor::system());
    ASSERT_TRUE(employer.has_value());
    EXPECT_EQ(employer->version, 1);
    added.push_back(employer->id);
  }
  std::vector<std::vector<Uuid>> pages;
  std::optional<Uuid> after;
  while (true) {
    auto page = repository->employers(organisation, after, 2);
    ASSERT_TRUE(page.has_value());
    if (page->empty()) break;
    pages.emplace_back();
    for (const auto& employer : *page) {
      EXPECT_EQ(employer.organisation_id, organisation);
      pages.back().push_back(employer.id);
    }
    after = page->back().id;
    ASSERT_LT(pages.size(), 10u);
  }
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].size(), 2u);
  EXPECT_EQ(pages[1].size(), 2u);
  EXPECT_EQ(pages[2].size(), 1u);
  std::vector<Uuid> all;
  for (const auto& page : pages) all.insert(all.end(), page.begin(), page.end());
  std::vector<Uuid> sorted = added;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(all, sorted);
  EXPECT_EQ(all, added);  // UUIDv7: made in this order, so sorted in this order
}

TEST_P(RepositoryContract, PutCatalogCountsVersions) {
  now = 1000;
  EXPECT_EQ(*repository->catalog_version(organisation), 0);
  EXPECT_FALSE(repository->catalog(organisation)->has_value());

  auto first = repository->put_catalog(organisation, "first.yaml", "roles: []\n");
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->version, 1);
  EXPECT_EQ(first->updated_at, 1000);
  now = 2000;
  auto second = repository->put_catalog(organisation, "second.yaml", "roles: [] # 2\n");
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->version, 2);
  EXPECT_EQ(second->id, first->id);
  EXPECT_EQ(*repository->catalog_version(organisation), 2);

  auto stored = repository->catalog(organisation);
  ASSERT_TRUE(stored.has_value() && stored->has_value());
  EXPECT_EQ((*stored)->version, 2);
  EXPECT_EQ((*stored)->source_name, "second.yaml");
  EXPECT_EQ((*stored)->yaml, "roles: [] # 2\n");
  EXPECT_EQ((*stored)->updated_at, 2000);
  EXPECT_EQ((*stored)->organisation_id, organisation);
}

// Pay bands are saved over the version the editor saw; the catalog's revision counts saves of
// both the catalog and its pay bands (1 + 0, then 1 + 1, then 2 + 1).
TEST_P(RepositoryContract, PayBandsSaveOverTheVersionSeenAndCountInTheRevision) {
  now = 1000;
  EXPECT_EQ(*repository->catalog_revision(organisation), 0);
  ASSERT_TRUE(repository->put_catalog(organisation, "roles.yaml", "roles: []\n"));
  EXPECT_EQ(*repository->catalog_revision(organisation), 1);
  EXPECT_FALSE(repository->pay_bands(organisation)->has_value());

  auto first = repository->put_pay_bands(organisation, "form", "pay_bands: []\n", 0, Actor::cli());
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->version, 1);
  EXPECT_EQ(*repository->catalog_revision(organisation), 2);
  ASSERT_TRUE(repository->put_catalog(organisation, "roles.yaml", "roles: [] # 2\n"));
  EXPECT_EQ(*repository->catalog_revision(organisation), 3);
  EXPECT_EQ(*repository->catalog_version(organisation), 2);

  // A second "first save" and a save over version 5 are stale; nothing changes.
  for (std::int64_t seen : {0, 5}) {
    auto stale = repository->put_pay_bands(organisation, "upload", "pay_bands: [] # x\n", seen,
                                           Actor::cli());
    ASSERT_FALSE(stale.has_value());
    EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
    EXPECT_EQ(stale.error().message.id, MsgId::pay_bands_stale);
  }
  now = 2000;
  auto second =
      repository->put_pay_bands(organisation, "upload", "pay_bands: [] # 2\n", 1, Actor::cli());
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->version, 2);
  EXPECT_EQ(second->id, first->id);
  auto stored = *repository->pay_bands(organisation);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->yaml, "pay_bands: [] # 2\n");
  EXPECT_EQ(stored->source_name, "upload");
  EXPECT_EQ(stored->updated_at, 2000);

  AuditQuery query;
  query.action = "pay_bands.put";
  auto entries = *repository->audit_entries(organisation, query);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].target_kind, "pay_bands");
  EXPECT_EQ(entries[0].target_id, first->id);
}

TEST_P(RepositoryContract, PutEmployerChecksTheVersionAndAudits) {
  now = 1000;
  auto added = repository->add_employer(organisation, "One GmbH", "name: One\n", Actor::cli());
  ASSERT_TRUE(added.has_value());
  EXPECT_EQ(added->version, 1);
  auto found = repository->employer(organisation, added->id);
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->yaml, "name: One\n");
  // Another organisation does not see it; an unknown id is nullopt.
  Uuid stranger = new_uuid_v7(1'700'000'000'000);
  EXPECT_FALSE(repository->employer(stranger, added->id)->has_value());
  EXPECT_FALSE(repository->employer(organisation, stranger)->has_value());

  // Saving over version 0 or 2 is stale; nothing changes.
  for (std::int64_t seen : {0, 2}) {
    auto stale =
        repository->put_employer(organisation, added->id, "Two", "name: Two\n", seen, Actor::cli());
    ASSERT_FALSE(stale.has_value());
    EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
    EXPECT_EQ(stale.error().message.id, MsgId::employer_stale);
  }
  auto missing =
      repository->put_employer(organisation, stranger, "Two", "name: Two\n", 1, Actor::cli());
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  EXPECT_EQ(missing.error().message.id, MsgId::employer_not_found);
  auto elsewhere =
      repository->put_employer(stranger, added->id, "Two", "name: Two\n", 1, Actor::cli());
  ASSERT_FALSE(elsewhere.has_value());
  EXPECT_EQ(elsewhere.error().kind, ErrorKind::not_found);

  now = 2000;
  auto saved =
      repository->put_employer(organisation, added->id, "Two GmbH", "name: Two\n", 1, Actor::cli());
  ASSERT_TRUE(saved.has_value());
  EXPECT_EQ(saved->version, 2);
  EXPECT_EQ(saved->id, added->id);
  EXPECT_EQ(saved->updated_at, 2000);
  auto stored = repository->employer(organisation, added->id);
  ASSERT_TRUE(stored.has_value() && stored->has_value());
  EXPECT_EQ((*stored)->name, "Two GmbH");
  EXPECT_EQ((*stored)->yaml, "name: Two\n");
  EXPECT_EQ((*stored)->version, 2);

  AuditQuery query;
  query.action = "employer.put";
  auto entries = *repository->audit_entries(organisation, query);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].target_kind, "employer");
  EXPECT_EQ(entries[0].target_id, added->id);
  EXPECT_EQ(entries[0].actor_kind, "cli");
}

// The careers pages' cache key: count + sum of versions of openings and employers, so every
// committed add or save raises it (by 2 for an add, 1 for a save) and a stale save does not.
TEST_P(RepositoryContract, OpeningsRevisionRisesWithEveryAddAndSave) {
  now = 1000;
  EXPECT_EQ(*repository->openings_revision(organisation), 0);
  auto employer = repository->add_employer(organisation, "One GmbH", "name: One\n", Actor::cli());
  ASSERT_TRUE(employer.has_value());
  EXPECT_EQ(*repository->openings_revision(organisation), 2);
  ASSERT_TRUE(
      repository->put_employer(organisation, employer->id, "One", "name: One\n", 1, Actor::cli()));
  EXPECT_EQ(*repository->openings_revision(organisation), 3);
  StoredOpening opening;
  opening.organisation_id = organisation;
  opening.employer_id = employer->id;
  opening.role = "agent";
  opening.headcount = 1;
  opening.status = "draft";
  opening.valid_through = "2027-01-31";
  opening.languages = "de";
  auto added = repository->add_opening(opening, Actor::cli());
  ASSERT_TRUE(added.has_value());
  EXPECT_EQ(*repository->openings_revision(organisation), 5);
  StoredOpening change = *added;
  change.status = "open";
  EXPECT_FALSE(repository->put_opening(change, 7, "opening.put", {"status"}, Actor::cli()));
  EXPECT_EQ(*repository->openings_revision(organisation), 5);
  ASSERT_TRUE(repository->put_opening(change, 1, "opening.publish", {"status"}, Actor::cli()));
  EXPECT_EQ(*repository->openings_revision(organisation), 6);
  // Another organisation's rows do not count; an unknown organisation has 0.
  EXPECT_EQ(*repository->openings_revision(new_uuid_v7(1'700'000'000'000)), 0);
}

TEST_P(RepositoryContract, OpeningsFilterByStatusAndDateAndSaveOverTheVersionSeen) {
  now = 1000;
  auto employer = repository->add_employer(organisation, "One GmbH", "name: One\n", Actor::cli());
  ASSERT_TRUE(employer.has_value());
  auto opening_of = [&](std::string status, std::string valid_through) {
    StoredOpening opening;
    opening.organisation_id = organisation;
    opening.employer_id = employer->id;
    opening.role = "agent";
    opening.headcount = 2;
    opening.status = std::move(status);
    opening.valid_through = std::move(valid_through);
    opening.languages = "de,en";
    opening.reference = "CC-1";
    opening.sections = R"({"de":{"about":"Text"}})";
    return opening;
  };
  auto draft = repository->add_opening(opening_of("draft", "2027-01-31"), Actor::cli());
  ASSERT_TRUE(draft.has_value());
  EXPECT_EQ(draft->version, 1);
  EXPECT_EQ(draft->created_at, 1000);
  auto open_late = repository->add_opening(opening_of("open", "2027-03-31"), Actor::cli());
  auto open_early = repository->add_opening(opening_of("open", "2027-01-31"), Actor::cli());
  ASSERT_TRUE(open_late && open_early);

  // An unknown employer is not found; nothing is added.
  StoredOpening orphan = opening_of("draft", "2027-01-31");
  orphan.employer_id = new_uuid_v7(1'700'000'000'000);
  auto refused = repository->add_opening(orphan, Actor::cli());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, ErrorKind::not_found);

  OpeningQuery all;
  EXPECT_EQ(repository->openings(organisation, all)->size(), 3u);
  OpeningQuery open;
  open.status = "open";
  EXPECT_EQ(repository->openings(organisation, open)->size(), 2u);
  // Valid through 2027-02-01 or later: only the one that runs to March.
  open.valid_on = "2027-02-01";
  auto current = repository->openings(organisation, open);
  ASSERT_TRUE(current.has_value());
  ASSERT_EQ(current->size(), 1u);
  EXPECT_EQ(current->front().id, open_late->id);
  // Valid on its last day still.
  open.valid_on = "2027-01-31";
  EXPECT_EQ(repository->openings(organisation, open)->size(), 2u);
  // Keyset pages: after the first of three by id, two remain.
  OpeningQuery after;
  after.after = draft->id;
  EXPECT_EQ(repository->openings(organisation, after)->size(), 2u);
  Uuid stranger = new_uuid_v7(1'700'000'000'000);
  EXPECT_TRUE(repository->openings(stranger, all)->empty());
  EXPECT_FALSE(repository->opening(stranger, draft->id)->has_value());

  now = 2000;
  StoredOpening change = *draft;
  change.status = "open";
  change.published_at = 2000;
  auto stale = repository->put_opening(change, 2, "opening.publish", {"status"}, Actor::cli());
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
  EXPECT_EQ(stale.error().message.id, MsgId::opening_stale);
  auto saved = repository->put_opening(change, 1, "opening.publish", {"status"}, Actor::cli());
  ASSERT_TRUE(saved.has_value());
  EXPECT_EQ(saved->version, 2);
  EXPECT_EQ(saved->created_at, 1000);
  EXPECT_EQ(saved->updated_at, 2000);
  auto stored = repository->opening(organisation, draft->id);
  ASSERT_TRUE(stored.has_value() && stored->has_value());
  EXPECT_EQ((*stored)->status, "open");
  EXPECT_EQ((*stored)->published_at, 2000);
  EXPECT_EQ((*stored)->headcount, 2);
  EXPECT_EQ((*stored)->sections, R"({"de":{"about":"Text"}})");
  EXPECT_FALSE((*stored)->hiring_manager_id.has_value());
  StoredOpening missing = change;
  missing.id = stranger;
  auto not_found = repository->put_opening(missing, 1, "opening.put", {}, Actor::cli());
  ASSERT_FALSE(not_found.has_value());
  EXPECT_EQ(not_found.error().message.id, MsgId::opening_not_found);

  // Comments: oldest first, audited without their text.
  now = 3000;
  StoredOpeningComment comment;
  comment.organisation_id = organisation;
  comment.opening_id = draft->id;
  comment.text = "Bitte Schichtzeiten nennen";
  ASSERT_TRUE(repository->add_opening_comment(comment, Actor::cli()));
  now = 4000;
  comment.text = "Done";
  ASSERT_TRUE(repository->add_opening_comment(comment, Actor::cli()));
  auto comments = repository->opening_comments(organisation, draft->id, 10);
  ASSERT_TRUE(comments.has_value());
  ASSERT_EQ(comments->size(), 2u);
  EXPECT_EQ(comments->at(0).text, "Bitte Schichtzeiten nennen");
  EXPECT_EQ(comments->at(0).created_at, 3000);
  EXPECT_EQ(comments->at(1).text, "Done");
  comment.opening_id = stranger;
  auto nowhere = repository->add_opening_comment(comment, Actor::cli());
  ASSERT_FALSE(nowhere.has_value());
  EXPECT_EQ(nowhere.error().message.id, MsgId::opening_not_found);

  AuditQuery query;
  query.action = "opening.publish";
  auto entries = *repository->audit_entries(organisation, query);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].target_kind, "opening");
  EXPECT_EQ(entries[0].target_id, draft->id);
  EXPECT_EQ(entries[0].fields, std::vector<std::string>{"status"});
  query.action = "opening.comment";
  EXPECT_EQ(repository->audit_entries(organisation, query)->size(), 2u);
}

TEST_P(RepositoryContract, ApplicationsAreIdempotentLimitedOrderedAndErasable) {
  now = 10'000'000;
  auto employer = repository->add_employer(organisation, "One GmbH", "name: One\n", Actor::cli());
  ASSERT_TRUE(employer.has_value());
  StoredOpening opening;
  opening.organisation_id = organisation;
  opening.employer_id = employer->id;
  opening.role = "agent";
  opening.status = "open";
  opening.valid_through = "2027-01-31";
  opening.languages = "de";
  opening.questions = R"([{"id":"weekends","kind":"weekends"}])";
  auto added = repository->add_opening(opening, Actor::cli());
  ASSERT_TRUE(added.has_value());
  EXPECT_EQ((*repository->opening(organisation, added->id))->questions,
            R"([{"id":"weekends","kind":"weekends"}])");

  // A submission: key, link hash 'link', client hash 'client'; at most 2 per window.
  auto submission = [&](const std::string& key, std::uint8_t link, std::uint8_t client,
                        const std::string& jurisdiction) {
    ApplicationSubmission s;
    s.application.organisation_id = organisation;
    s.application.opening_id = added->id;
    s.application.jurisdiction = jurisdiction;
    s.application.personal = R"({"name":"Erika Muster"})";
    s.application.profile = R"({"work":[]})";
    s.application.review_rank = 9'000'000'000;
    s.idempotency_key = key;
    s.access_token_hash.fill(link);
    s.rate_key.fill(client);
    s.rate_since = now - 600'000;
    s.rate_limit = 2;
    s.screening_job.kind = "application.screen";
    return s;
  };
  auto first = repository->add_application(submission("key-1", 1, 9, "DE"), Actor::system());
  ASSERT_TRUE(first.has_value()) << render(first.error(), Lang::en);
  EXPECT_FALSE(first->existing);
  EXPECT_EQ(first->application.version, 1);
  EXPECT_EQ(first->application.created_at, 10'000'000);
  // The same key again (a double tap): the same application, no second job, not counted.
  auto again = repository->add_application(submission("key-1", 2, 9, "DE"), Actor::system());
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->existing);
  EXPECT_EQ(again->application.id, first->application.id);
  JobQuery screening_jobs;
  screening_jobs.kind = "application.screen";
  auto jobs = repository->jobs(organisation, screening_jobs);
  ASSERT_TRUE(jobs.has_value());
  ASSERT_EQ(jobs->size(), 1u);
  EXPECT_EQ(jobs->front().payload,
            R"({"application":")" + first->application.id.to_string() + "\"}");
  now += 1;
  auto second = repository->add_application(submission("key-2", 3, 9, "US"), Actor::system());
  ASSERT_TRUE(second.has_value());
  // The third from the same client within the window is refused; another client passes.
  now += 1;
  auto third = repository->add_application(submission("key-3", 4, 9, "DE"), Actor::system());
  ASSERT_FALSE(third.has_value());
  EXPECT_EQ(third.error().kind, ErrorKind::throttled);
  auto other = repository->add_application(submission("key-4", 5, 8, "DE"), Actor::system());
  ASSERT_TRUE(other.has_value());
  EXPECT_EQ(repository->jobs(organisation, screening_jobs)->size(), 3u);

  // The private link finds its application.
  TokenHash link{};
  link.fill(3);
  auto by_link = repository->application_by_token(link);
  ASSERT_TRUE(by_link.has_value() && by_link->has_value());
  EXPECT_EQ((*by_link)->id, second->application.id);
  link.fill(2);  // the double tap's link was never stored
  EXPECT_FALSE(repository->application_by_token(link)->has_value());

  // Screening orders the list: rank, then id; unscreened last.
  ApplicationScreening meets{"meets", 1'000, 0, 0, R"({"x":1})", 7};
  ApplicationScreening review{"needs_review", 2'001'998, 1, 1, R"({"x":2})", 7};
  auto screened =
      repository->record_screening(organisation, second->application.id, meets, Actor::system());
  ASSERT_TRUE(screened.has_value());
  EXPECT_EQ(screened->verdict, "meets");
  EXPECT_EQ(screened->screening_catalog_version, 7);
  EXPECT_EQ(screened->version, 2);
  ASSERT_TRUE(
      repository->record_screening(organisation, first->application.id, review, Actor::system()));
  ApplicationQuery query;
  query.opening = added->id;
  auto listed = repository->applications(organisation, query);
  ASSERT_TRUE(listed.has_value());
  ASSERT_EQ(listed->size(), 3u);
  EXPECT_EQ(listed->at(0).id, second->application.id);
  EXPECT_EQ(listed->at(1).id, first->application.id);
  EXPECT_EQ(listed->at(2).id, other->application.id);
  query.after = std::pair{listed->at(0).review_rank, listed->at(0).id};
  EXPECT_EQ(repository->applications(organisation, query)->size(), 2u);
  query.after.reset();
  query.verdict = "pending";
  EXPECT_EQ(repository->applications(organisation, query)->front().id, other->application.id);
  query.verdict.reset();
  query.knockouts_met = false;
  auto missed = repository->applications(organisation, query);
  ASSERT_EQ(missed->size(), 1u);
  EXPECT_EQ(missed->front().id, first->application.id);
  auto counts = repository->application_counts(organisation);
  ASSERT_TRUE(counts.has_value());
  ASSERT_EQ(counts->size(), 1u);
  EXPECT_EQ(counts->front().second, 3);

  // Unblinding is recorded once; every showing is audited.
  now = 20'000'000;
  auto shown = repository->record_application_access(organisation, first->application.id,
                                                     "application.unblind", Actor::cli());
  ASSERT_TRUE(shown.has_value());
  EXPECT_EQ(shown->unblinded_at, 20'000'000);
  now = 21'000'000;
  shown = repository->record_application_access(organisation, first->application.id,
                                                "application.unblind", Actor::cli());
  EXPECT_EQ(shown->unblinded_at, 20'000'000);

  // Withdrawal, then retention: only withdrawn ones past both periods of their jurisdiction.
  now = 30'000'000;
  auto withdrawn =
      repository->withdraw_application(organisation, first->application.id, Actor::system());
  ASSERT_TRUE(withdrawn.has_value());
  EXPECT_EQ(withdrawn->status, "withdrawn");
  EXPECT_EQ(withdrawn->withdrawn_at, 30'000'000);
  ASSERT_TRUE(
      repository->withdraw_application(organisation, second->application.id, Actor::system()));
  RetentionQuery due;
  due.jurisdiction = "DE";
  due.withdrawn_before = 30'000'001;
  due.received_before = 40'000'000;
  auto de = repository->applications_due(due);
  ASSERT_TRUE(de.has_value());
  ASSERT_EQ(de->size(), 1u);
  EXPECT_EQ(de->front().id, first->application.id);
  due.withdrawn_before = 30'000'000;  // withdrawn at, not before
  EXPECT_TRUE(repository->applications_due(due)->empty());
  due.jurisdiction = "*";
  due.except = {"DE"};
  due.withdrawn_before = 30'000'001;
  auto rest = repository->applications_due(due);
  ASSERT_EQ(rest->size(), 1u);
  EXPECT_EQ(rest->front().id, second->application.id);
  due.received_before = 10'000'001;  // the US one was received at 10,000,001: kept
  EXPECT_TRUE(repository->applications_due(due)->empty());

  // The talent pool: 'other' (still received) consented until 2027-02-28; due once that day has
  // passed and its opening no longer takes applications (past its valid-through date here).
  ASSERT_TRUE(database.execute("UPDATE applications SET talent_pool_until = '2027-02-28'"));
  RetentionQuery pool;
  pool.reason = RetentionQuery::Reason::talent_pool_expired;
  pool.jurisdiction = "DE";
  pool.received_before = 40'000'000;
  pool.today = "2027-02-28";
  EXPECT_TRUE(repository->applications_due(pool)->empty());  // the consent's last day
  pool.today = "2027-03-01";
  auto expired = repository->applications_due(pool);
  ASSERT_TRUE(expired.has_value());
  ASSERT_EQ(expired->size(), 1u);  // not the withdrawn ones: they have a rule of their own
  EXPECT_EQ(expired->front().id, other->application.id);
  StoredOpening reopened = *repository->opening(organisation, added->id).value();
  reopened.valid_through = "2027-12-31";
  ASSERT_TRUE(repository->put_opening(reopened, reopened.version, "opening.put", {"valid_through"},
                                      Actor::cli()));
  EXPECT_TRUE(repository->applications_due(pool)->empty());  // its opening still takes them

  // Erasure: the row and its values are gone; the audit names fields only.
  ASSERT_TRUE(repository->erase_application(organisation, first->application.id,
                                            "application.erase", Actor::cli()));
  EXPECT_FALSE(repository->application(organisation, first->application.id)->has_value());
  auto gone = repository->erase_application(organisation, first->application.id,
                                            "application.erase", Actor::cli());
  ASSERT_FALSE(gone.has_value());
  EXPECT_EQ(gone.error().kind, ErrorKind::not_found);
  for (const AuditEntry& entry : audit()) {
    if (entry.target_kind != "application") continue;
    for (const std::string& field : entry.fields) EXPECT_EQ(field.find("Erika"), std::string::npos);
  }
  AuditQuery erased;
  erased.action = "application.erase";
  EXPECT_EQ(repository->audit_entries(organisation, erased)->size(), 1u);
  erased.action = "application.create";
  EXPECT_EQ(repository->audit_entries(organisation, erased)->size(), 3u);
}

TEST_P(RepositoryContract, PossibleDuplicatesShareAKeyWithinTheOrganisation) {
  now = 50'000'000;
  // Two openings of the organisation, and one of another organisation (a row of its own: the
  // store makes only the default one).
  ASSERT_TRUE(
      database.execute(std::string("INSERT INTO organisations (id, name, created_at_ms) VALUES (") +
                       (database.is_postgres() ? "'00000000-0000-7000-8000-00000000000f'"
                                               : "X'0000000000007000800000000000000F'") +
                       ", 'Other organisation', 0)"));
  Uuid elsewhere = *Uuid::parse("00000000-0000-7000-8000-00000000000f");
  auto opening_of = [&](const Uuid& in) {
    auto employer = repository->add_employer(in, "One GmbH", "name: One\n", Actor::cli());
    EXPECT_TRUE(employer.has_value());
    StoredOpening opening;
    opening.organisation_id = in;
    opening.employer_id = employer->id;
    opening.role = "agent";
    opening.status = "open";
    opening.valid_through = "2027-01-31";
    opening.languages = "de";
    auto added = repository->add_opening(opening, Actor::cli());
    EXPECT_TRUE(added.has_value());
    return added->id;
  };
  Uuid first_opening = opening_of(organisation);
  Uuid second_opening = opening_of(organisation);
  Uuid foreign_opening = opening_of(elsewhere);
  std::uint8_t link = 40;
  auto submit = [&](const Uuid& in, const Uuid& opening, const std::string& key,
                    std::optional<std::string> email, std::optional<std::string> phone) {
    now += 1;  // ids and times in the order of submission
    ApplicationSubmission s;
    s.application.organisation_id = in;
    s.application.opening_id = opening;
    s.application.jurisdiction = "DE";
    s.application.email_key = std::move(email);
    s.application.phone_key = std::move(phone);
    s.application.review_rank = 9'000'000'000;
    s.idempotency_key = key;
    s.access_token_hash.fill(++link);
    s.screening_job.kind = "application.screen";
    auto added = repository->add_application(s, Actor::system());
    EXPECT_TRUE(added.has_value()) << (added ? "" : render(added.error(), Lang::en));
    return added ? *added : SubmittedApplication{};
  };
  const std::string email = "anna.berg@example.org";
  const std::string phone = "+495111234567";
  auto a = submit(organisation, first_opening, "dup-1", email, std::nullopt);
  // The double submit is the same application: not a duplicate of itself, and no other.
  EXPECT_TRUE(submit(organisation, first_opening, "dup-1", email, std::nullopt).existing);
  auto b = submit(organisation, second_opening, "dup-2", email, phone);
  auto c = submit(organisation, first_opening, "dup-3", std::nullopt, phone);
  auto d = submit(organisation, first_opening, "dup-4", std::nullopt, std::nullopt);
  auto e = submit(elsewhere, foreign_opening, "dup-5", email, phone);
  EXPECT_EQ(repository->application(organisation, b.application.id).value()->email_key, email);
  EXPECT_EQ(repository->application(organisation, b.application.id).value()->phone_key, phone);
  EXPECT_EQ(repository->application(organisation, c.application.id).value()->email_key,
            std::nullopt);

  // a and b share the e-mail, b and c the phone; d has no keys; e is of another organisation
  // (asked for here, it has none).
  std::vector<Uuid> ids = {a.application.id, b.application.id, c.application.id, d.application.id,
                           e.application.id};
  auto found = repository->duplicate_applications(organisation, ids, 10);
  ASSERT_TRUE(found.has_value()) << render(found.error(), Lang::en);
  ASSERT_EQ(found->size(), 4u);
  auto is = [](const DuplicateApplication& x, const Uuid& of, const Uuid& id, bool by_email,
               bool by_phone) {
    return x.of == of && x.id == id && x.email == by_email && x.phone == by_phone;
  };
  EXPECT_TRUE(is(found->at(0), a.application.id, b.application.id, true, false));
  EXPECT_EQ(found->at(0).opening_id, second_opening);
  EXPECT_EQ(found->at(0).status, "received");
  EXPECT_EQ(found->at(0).created_at, b.application.created_at);
  EXPECT_TRUE(is(found->at(1), b.application.id, a.application.id, true, false));
  EXPECT_TRUE(is(found->at(2), b.application.id, c.application.id, false, true));
  EXPECT_TRUE(is(found->at(3), c.application.id, b.application.id, false, true));
  // At most one each: b's oldest, a.
  auto capped = repository->duplicate_applications(organisation, {b.application.id}, 1);
  ASSERT_EQ(capped->size(), 1u);
  EXPECT_EQ(capped->front().id, a.application.id);
  EXPECT_TRUE(repository->duplicate_applications(organisation, {}, 10)->empty());
  auto theirs = repository->duplicate_applications(elsewhere, {e.application.id}, 10);
  EXPECT_TRUE(theirs->empty());

  // Withdrawn: still a duplicate. Erased: gone with its keys.
  ASSERT_TRUE(repository->withdraw_application(organisation, b.application.id, Actor::system()));
  auto of_a = repository->duplicate_applications(organisation, {a.application.id}, 10);
  ASSERT_EQ(of_a->size(), 1u);
  EXPECT_EQ(of_a->front().status, "withdrawn");
  ASSERT_TRUE(repository->erase_application(organisation, b.application.id, "application.erase",
                                            Actor::cli()));
  EXPECT_TRUE(repository->duplicate_applications(organisation, ids, 10)->empty());

  // Migration 9 computed the e-mail keys of the rows before it in SQL: trimmed, ASCII letters
  // in lower case, as io::normalised_email; rows without an address get none.
  ASSERT_TRUE(database.execute(
      "UPDATE applications SET email_key = NULL, personal = '{\"email\":\" Anna.Berg@Example.ORG "
      "\"}'"));
  const Migration& ninth = migrations()[8];
  ASSERT_EQ(ninth.version, 9);
  std::string sql(database.is_postgres() ? ninth.postgresql : ninth.sqlite);
  auto update = sql.find("UPDATE applications");
  ASSERT_NE(update, std::string::npos);
  ASSERT_TRUE(database.execute(sql.substr(update, sql.find(';', update) + 1 - update)));
  EXPECT_EQ(repository->application(organisation, a.application.id).value()->email_key, email);
  EXPECT_EQ(repository->application(organisation, c.application.id).value()->email_key, email);
}

TEST_P(RepositoryContract, AnImportKeepsItsLegalBasisAndIsAuditedAsAnImport) {
  now = 70'000'000;
  Uuid opening_id = open_opening("One GmbH");
  std::uint8_t link = 90;
  auto add = [&](const std::string& key, const std::string& source, const std::string& basis) {
    now += 1;
    ApplicationSubmission s;
    s.application.organisation_id = organisation;
    s.application.opening_id = opening_id;
    s.application.source = source;
    s.application.channel = source == "import" ? "Jobmesse" : "";
    s.application.legal_basis = basis;
    s.application.review_rank = 9'000'000'000;
    s.idempotency_key = key;
    s.access_token_hash.fill(++link);
    s.screening_job.kind = "application.screen";
    return repository->add_application(s, Actor::system());
  };
  auto imported = add("import-1", "import", "consent");
  ASSERT_TRUE(imported.has_value()) << render(imported.error(), Lang::en);
  auto form = add("form-key-1", "form", "");
  ASSERT_TRUE(form.has_value());
  auto read = repository->application(organisation, imported->application.id);
  ASSERT_TRUE(read.has_value() && read->has_value());
  EXPECT_EQ((*read)->source, "import");
  EXPECT_EQ((*read)->channel, "Jobmesse");
  EXPECT_EQ((*read)->legal_basis, "consent");
  EXPECT_EQ((*repository->application(organisation, form->application.id))->legal_basis, "");
  // A legal basis the schema does not know is refused by the database.
  auto unknown = add("import-2", "import", "because");
  EXPECT_FALSE(unknown.has_value());
  std::vector<std::string> actions;
  for (const AuditEntry& e : audit()) {
    if (e.target_kind == "application") actions.push_back(e.action);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"application.create",
                                               "application.import"}));  // newest first
}

TEST_P(RepositoryContract, TheAcknowledgementIsWrittenWithItsApplicationAndGoesWithIt) {
  now = 60'000'000;
  Uuid opening_id = open_opening("One GmbH");
  std::uint8_t link = 80;
  auto submit = [&](const std::string& key, const std::string& state) {
    now += 1;
    ApplicationSubmission s;
    s.application.organisation_id = organisation;
    s.application.opening_id = opening_id;
    s.application.jurisdiction = "DE";
    s.application.review_rank = 9'000'000'000;
    s.idempotency_key = key;
    s.access_token_hash.fill(++link);
    s.screening_job.kind = "application.screen";
    StoredMessage message;
    message.kind = "application.acknowledgement";
    message.lang = "de";
    message.recipient = "anna.berg@example.org";
    message.subject = "Ihre Bewerbung";
    message.body = "Grüße\n";
    message.state = state;
    s.acknowledgement = message;
    s.mail_job.kind = "mail.send";
    s.mail_job.max_attempts = 4;
    auto added = repository->add_application(s, Actor::system());
    EXPECT_TRUE(added.has_value()) << (added ? "" : render(added.error(), Lang::en));
    return added ? added->application.id : Uuid{};
  };
  Uuid queued = submit("ack-1", "queued");
  Uuid unsent = submit("ack-2", "unsent");
  auto messages = repository->application_messages(organisation, queued);
  ASSERT_TRUE(messages.has_value()) << render(messages.error(), Lang::en);
  ASSERT_EQ(messages->size(), 1u);
  const StoredMessage& written = messages->front();
  EXPECT_EQ(written.application_id, queued);
  EXPECT_EQ(written.recipient, "anna.berg@example.org");
  EXPECT_EQ(written.body, "Grüße\n");
  EXPECT_EQ(written.state, "queued");
  EXPECT_EQ(written.attempts, 0);
  EXPECT_EQ(written.created_at, 60'000'001);
  EXPECT_FALSE(written.sent_at.has_value());
  // The queued one has its job, naming the message; the unsent one none.
  JobQuery mail_jobs;
  mail_jobs.kind = "mail.send";
  auto jobs = repository->jobs(organisation, mail_jobs);
  ASSERT_TRUE(jobs.has_value());
  ASSERT_EQ(jobs->size(), 1u);
  EXPECT_EQ(jobs->front().payload, R"({"message":")" + written.id.to_string() + "\"}");
  EXPECT_EQ(jobs->front().max_attempts, 4);
  EXPECT_EQ(repository->application_messages(organisation, unsent)->front().state, "unsent");

  // An attempt that failed keeps the error; one that worked records the time and keeps it.
  auto failed = repository->record_message_attempt(organisation, written.id, "queued",
                                                   "Couldn't connect to server", 60'000'100);
  ASSERT_TRUE(failed.has_value()) << render(failed.error(), Lang::en);
  EXPECT_EQ(failed->attempts, 1);
  EXPECT_EQ(failed->last_error, "Couldn't connect to server");
  EXPECT_EQ(failed->updated_at, 60'000'100);
  auto sent = repository->record_message_attempt(organisation, written.id, "sent", std::nullopt,
                                                 60'000'200);
  ASSERT_TRUE(sent.has_value());
  EXPECT_EQ(sent->state, "sent");
  EXPECT_EQ(sent->attempts, 2);
  EXPECT_EQ(sent->sent_at, 60'000'200);
  EXPECT_EQ(sent->last_error, "Couldn't connect to server");
  EXPECT_EQ(repository->message(organisation, written.id).value()->state, "sent");

  // Erased with its application; then an attempt finds nothing.
  ASSERT_TRUE(
      repository->erase_application(organisation, queued, "application.erase", Actor::cli()));
  EXPECT_TRUE(repository->application_messages(organisation, queued)->empty());
  EXPECT_FALSE(repository->message(organisation, written.id).value().has_value());
  auto gone = repository->record_message_attempt(organisation, written.id, "sent", std::nullopt,
                                                 60'000'300);
  ASSERT_FALSE(gone.has_value());
  EXPECT_EQ(gone.error().kind, ErrorKind::not_found);
}

TEST_P(RepositoryContract, DocumentsAreWrittenWithTheirApplicationAndTheirContentsKept) {
  now = 70'000'000;
  Uuid opening_id = open_opening("Two GmbH");
  // SHA-256 of "abc" (FIPS 180-2 B.1), made up bytes for the other: the store trusts its caller.
  const std::string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  const std::string other(64, 'e');
  DocumentStore& contents = repository->documents();
  ASSERT_TRUE(contents.put(abc, "abc"));
  ASSERT_TRUE(contents.put(abc, "abc"));  // the same content again: kept once
  std::string binary("%PDF-\0\xff\x01", 8);
  ASSERT_TRUE(contents.put(other, binary));
  EXPECT_EQ(contents.get(abc).value(), "abc");
  EXPECT_EQ(contents.get(other).value(), binary);  // bytes as they were, NUL and all
  EXPECT_EQ(contents.get(std::string(64, '0')).value(), std::nullopt);
  EXPECT_EQ(contents.list()->size(), 2u);

  auto submit = [&](const std::string& key, std::vector<std::string> shas) {
    now += 1;
    ApplicationSubmission s;
    s.application.organisation_id = organisation;
    s.application.opening_id = opening_id;
    s.application.jurisdiction = "DE";
    s.application.review_rank = 9'000'000'000;
    s.idempotency_key = key;
    s.access_token_hash.fill(static_cast<std::uint8_t>(key.back()));
    s.screening_job.kind = "application.screen";
    for (const std::string& sha : shas) {
      StoredDocument document;
      document.sha256 = sha;
      document.content_type = "application/pdf";
      document.file_name = "Lebenslauf Müller.pdf";
      document.size_bytes = 3;
      s.documents.push_back(document);
    }
    auto added = repository->add_application(s, Actor::system());
    EXPECT_TRUE(added.has_value()) << (added ? "" : render(added.error(), Lang::en));
    return added ? added->application.id : Uuid{};
  };
  Uuid first = submit("doc-key-1", {abc, other});
  Uuid second = submit("doc-key-2", {abc});
  auto documents = repository->application_documents(organisation, first);
  ASSERT_TRUE(documents.has_value()) << render(documents.error(), Lang::en);
  ASSERT_EQ(documents->size(), 2u);
  const StoredDocument& cv = documents->front();
  EXPECT_EQ(cv.application_id, first);
  EXPECT_EQ(cv.organisation_id, organisation);
  EXPECT_EQ(cv.sha256, abc);
  EXPECT_EQ(cv.file_name, "Lebenslauf Müller.pdf");
  EXPECT_EQ(cv.added_by, "applicant");
  EXPECT_EQ(cv.created_at, 70'000'001);
  EXPECT_EQ(repository->document(organisation, cv.id).value()->sha256, abc);
  EXPECT_FALSE(repository->document(Uuid{}, cv.id).value().has_value());

  // A recruiter adds one; an application that is not there takes none.
  StoredDocument later;
  later.organisation_id = organisation;
  later.application_id = second;
  later.sha256 = other;
  later.content_type = "application/pdf";
  later.file_name = "Zeugnis.pdf";
  later.size_bytes = 8;
  later.added_by = "recruiter";
  StoredJob read;
  read.kind = "application.documents";
  read.payload = R"({"application":")" + second.to_string() + "\"}";
  auto added = repository->add_document(later, Actor::cli(), read);
  ASSERT_TRUE(added.has_value()) << render(added.error(), Lang::en);
  EXPECT_EQ(repository->application_documents(organisation, second)->size(), 2u);
  // ... and the job that reads its text was queued with it.
  JobQuery reads;
  reads.kind = "application.documents";
  auto queued = repository->jobs(organisation, reads);
  ASSERT_TRUE(queued.has_value());
  ASSERT_EQ(queued->size(), 1u);
  EXPECT_EQ(queued->front().payload, read.payload);
  later.application_id = Uuid{};
  EXPECT_EQ(repository->add_document(later, Actor::cli(), read).error().kind, ErrorKind::not_found);

  // Texts: written pending; recorded done with the text or unreadable with the reason.
  EXPECT_EQ(cv.text_status, "pending");
  auto texts = repository->document_texts(organisation, first);
  ASSERT_TRUE(texts.has_value());
  ASSERT_EQ(texts->size(), 2u);
  EXPECT_EQ(texts->front().status, "pending");
  const std::string text = "Sprachen: Türkisch (C1)\nKenntnisse: CRM (Salesforce)";
  EXPECT_TRUE(repository->record_document_text(organisation, cv.id, "done", text, "").value());
  EXPECT_TRUE(repository
                  ->record_document_text(organisation, texts->back().id, "limit", "",
                                         "used more than 10 s of CPU time")
                  .value());
  EXPECT_FALSE(repository->record_document_text(Uuid{}, cv.id, "done", text, "").value());
  texts = repository->document_texts(organisation, first);
  EXPECT_EQ(texts->front().status, "done");
  EXPECT_EQ(texts->front().text, text);
  EXPECT_EQ(texts->back().status, "limit");
  EXPECT_EQ(texts->back().text, "");
  auto stored_texts = repository->application_documents(organisation, first);
  EXPECT_EQ(stored_texts->front().text_status, "done");
  EXPECT_EQ(stored_texts->front().text_chars, 52);  // characters (53 bytes)
  EXPECT_EQ(stored_texts->back().text_reason, "used more than 10 s of CPU time");

  // Erasing the first leaves the rows of the second: both contents are still in use.
  ASSERT_TRUE(
      repository->erase_application(organisation, first, "application.erase", Actor::cli()));
  EXPECT_TRUE(repository->application_documents(organisation, first)->empty());
  EXPECT_FALSE(repository->document(organisation, cv.id).value().has_value());
  EXPECT_TRUE(repository->content_in_use(abc).value());
  ASSERT_TRUE(
      repository->erase_application(organisation, second, "application.erase", Actor::cli()));
  EXPECT_FALSE(repository->content_in_use(abc).value());
  EXPECT_FALSE(repository->content_in_use(other).value());
  ASSERT_TRUE(contents.remove(abc));
  ASSERT_TRUE(contents.remove(abc));  // nothing there: no error
  EXPECT_EQ(contents.get(abc).value(), std::nullopt);
  ASSERT_TRUE(contents.remove(other));
  EXPECT_TRUE(contents.list()->empty());
}

TEST_P(RepositoryContract, ThreadsReadWhileOneWrites) {
  constexpr int k_writes = 40;
  constexpr int k_readers = 12;  // more threads than connections: some wait
  std::atomic<bool> writing{true};
  std::atomic<int> failures{0};
  std::atomic<long> reads{0};

  std::vector<std::thread> readers;
  for (int t = 0; t < k_readers; ++t) {
    readers.emplace_back([&] {
      std::size_t seen = 0;
      std::int64_t catalog_seen = 0;
      while (writing.load() || reads.load() < k_readers) {
        auto page = repository->employers(organisation, std::nullopt, 1000);
        auto version = repository->catalog_version(organisation);
        if (!page || !version) {
          ++failures;
          break;
        }
        // Each reader sees a growing list (readers see committed writes only, in order).
        if (page->size() < seen || *version < catalog_seen) ++failures;
        seen = page->size();
        catalog_seen = *version;
        ++reads;
      }
    });
  }
  for (int i = 0; i < k_writes; ++i) {
    std::string name = "Writer " + std::to_string(i);
    if (!repository->add_employer(organisation, name, "name: " + name + "\n", Actor::system()))
      ++failures;
    if (i % 10 == 0 && !repository->put_catalog(organisation, "upload", "roles: []\n")) {
      ++failures;
    }
  }
  writing = false;
  for (auto& thread : readers) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GE(reads.load(), k_readers);
  EXPECT_EQ(repository->employers(organisation, std::nullopt, 1000)->size(),
            static_cast<std::size_t>(k_writes));
  EXPECT_EQ(*repository->catalog_version(organisation), 4);
}

TEST_P(RepositoryContract, AddsUsersWithUniqueLoginsAndAnAuditEntry) {
  auto& f = *this;
  StoredUser anna = f.add("anna", "admin");
  EXPECT_EQ(anna.version, 1);
  EXPECT_EQ(anna.created_at, f.now);
  StoredUser again;
  again.login = "anna";
  again.display_name = "Other";
  again.role = "viewer";
  again.password_hash = "hash";
  auto taken = f.repository->add_user(f.organisation, again, Actor::cli());
  ASSERT_FALSE(taken.has_value());
  EXPECT_EQ(taken.error().message.id, MsgId::user_login_taken);
  auto entries = f.audit();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "user.create");
  EXPECT_EQ(entries[0].actor_kind, "cli");
  EXPECT_EQ(entries[0].target_id, anna.id);
  // Field names, never the values: no login, name or hash in the entry.
  for (const auto& field : entries[0].fields) {
    EXPECT_EQ(field.find("anna"), std::string::npos);
    EXPECT_NE(field, "hash");
  }
  EXPECT_EQ(entries[0].fields, (std::vector<std::string>{"login", "display_name", "role",
                                                         "password_hash", "must_change_password"}));
}

TEST_P(RepositoryContract, AStaleVersionIsAConflictAndChangesNothing) {
  auto& f = *this;
  f.add("root", "admin");
  StoredUser bob = f.add("bob", "viewer");
  UserChange change;
  change.role = "recruiter";
  auto first =
      f.repository->update_user(f.organisation, bob.id, 1, change, "user.update", Actor::cli());
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->version, 2);
  EXPECT_EQ(first->role, "recruiter");
  change.role = "works_council";
  auto stale =
      f.repository->update_user(f.organisation, bob.id, 1, change, "user.update", Actor::cli());
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
  EXPECT_EQ((*f.repository->user_by_id(f.organisation, bob.id))->role, "recruiter");
  auto entries = f.audit();
  ASSERT_EQ(entries.size(), 3u);  // two creates, one update; the refused save wrote nothing
  EXPECT_EQ(entries[0].action, "user.update");
  EXPECT_EQ(entries[0].fields, std::vector<std::string>{"role"});
}

TEST_P(RepositoryContract, TheLastActiveAdminStays) {
  auto& f = *this;
  StoredUser root = f.add("root", "admin");
  UserChange demote;
  demote.role = "viewer";
  auto refused =
      f.repository->update_user(f.organisation, root.id, 1, demote, "user.update", Actor::cli());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message.id, MsgId::user_last_admin);
  UserChange disable;
  disable.disabled = true;
  EXPECT_FALSE(
      f.repository->update_user(f.organisation, root.id, 1, disable, "user.update", Actor::cli())
          .has_value());
  f.add("second", "admin");
  EXPECT_TRUE(
      f.repository->update_user(f.organisation, root.id, 1, disable, "user.update", Actor::cli())
          .has_value());
}

TEST_P(RepositoryContract, SessionsAreFoundByHashAndEndWithAPasswordReset) {
  auto& f = *this;
  StoredUser anna = f.add("anna", "admin");
  StoredSession one = f.session_of(anna, 1, f.now + 1000);
  StoredSession two = f.session_of(anna, 2, f.now + 1000);
  ASSERT_TRUE(f.repository->add_session(one, Actor::user(anna.id, "r1")).has_value());
  ASSERT_TRUE(f.repository->add_session(two, Actor::user(anna.id, "r2")).has_value());
  auto found = f.repository->session_by_token(one.token_hash);
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->second.login, "anna");
  EXPECT_EQ((*found)->first.expires_at, f.now + 1000);
  // A password change from session one signs out the others, not one.
  UserChange change;
  change.password_hash = "new";
  change.end_sessions = true;
  change.keep_session = one.token_hash;
  ASSERT_TRUE(f.repository
                  ->update_user(f.organisation, anna.id, 1, change, "user.password_change",
                                Actor::user(anna.id, "r3"))
                  .has_value());
  EXPECT_TRUE(f.repository->session_by_token(one.token_hash)->has_value());
  EXPECT_FALSE(f.repository->session_by_token(two.token_hash)->has_value());
  ASSERT_TRUE(f.repository->end_session(one.token_hash, Actor::user(anna.id, "r4")).has_value());
  EXPECT_FALSE(f.repository->session_by_token(one.token_hash)->has_value());
  auto entries = f.audit();
  ASSERT_GE(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "session.sign_out");
  EXPECT_EQ(entries[0].request_id, "r4");
  EXPECT_EQ(entries[1].action, "user.password_change");
  EXPECT_EQ(entries[1].fields, std::vector<std::string>{"password_hash"});
}

TEST_P(RepositoryContract, RevokedTokensAreNotFoundAndOnlyTheOwnerRevokes) {
  auto& f = *this;
  StoredUser anna = f.add("anna", "admin");
  StoredUser bob = f.add("bob", "viewer");
  StoredApiToken token;
  token.organisation_id = f.organisation;
  token.user_id = bob.id;
  token.name = "nightly export";
  token.hint = "cct_abcd";
  TokenHash hash;
  hash.fill(7);
  auto added = f.repository->add_api_token(token, hash, Actor::user(bob.id, "r"));
  ASSERT_TRUE(added.has_value());
  EXPECT_TRUE(f.repository->api_token_by_hash(hash)->has_value());
  auto by_other = f.repository->revoke_api_token(f.organisation, added->id, anna.id, Actor::cli());
  ASSERT_FALSE(by_other.has_value());
  EXPECT_EQ(by_other.error().kind, ErrorKind::not_found);
  auto by_owner = f.repository->revoke_api_token(f.organisation, added->id, bob.id, Actor::cli());
  ASSERT_TRUE(by_owner.has_value());
  EXPECT_EQ(by_owner->revoked_at, f.now);
  EXPECT_FALSE(f.repository->api_token_by_hash(hash)->has_value());
  EXPECT_EQ(f.repository->api_tokens(f.organisation, bob.id)->size(), 1u);
  EXPECT_TRUE(f.repository->api_tokens(f.organisation, anna.id)->empty());
}

TEST_P(RepositoryContract, CountsSignInFailuresPerKeyInTheWindow) {
  auto& f = *this;
  TokenHash account;
  account.fill(3);
  TokenHash address;
  address.fill(4);
  AuditEntry failed;
  failed.at = f.now;
  failed.actor_kind = "system";
  failed.action = "session.sign_in_failed";
  failed.target_kind = "user";
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(f.repository
                    ->add_sign_in_failure(f.organisation, {account, address}, f.now + i,
                                          f.now - 1000, failed)
                    .has_value());
  }
  EXPECT_EQ(*f.repository->sign_in_failures({account, address}, f.now),
            (std::vector<std::int64_t>{3, 3}));
  EXPECT_EQ(*f.repository->sign_in_failures({account}, f.now + 2), std::vector<std::int64_t>{1});
  ASSERT_TRUE(f.repository->clear_sign_in_failures(account).has_value());
  EXPECT_EQ(*f.repository->sign_in_failures({account, address}, 0),
            (std::vector<std::int64_t>{0, 3}));
  EXPECT_EQ(f.audit().size(), 3u);
}

TEST_P(RepositoryContract, TheAuditLogCannotBeChangedOrDeleted) {
  auto& f = *this;
  f.add("anna", "admin");
  auto update = database.execute("UPDATE audit_log SET action = 'nothing'");
  ASSERT_FALSE(update.has_value());
  EXPECT_NE(render(update.error(), Lang::en).find("append-only"), std::string::npos);
  auto remove = database.execute("DELETE FROM audit_log");
  ASSERT_FALSE(remove.has_value());
  EXPECT_NE(render(remove.error(), Lang::en).find("append-only"), std::string::npos);
  EXPECT_EQ(f.audit().size(), 1u);
  EXPECT_EQ(f.audit()[0].action, "user.create");
}

TEST_P(RepositoryContract, FiltersAndPagesTheAuditLog) {
  auto& f = *this;
  StoredUser anna = f.add("anna", "admin");
  f.now += 86'400'000;
  StoredUser bob = f.add("bob", "viewer");
  UserChange change;
  change.display_name = "Bob B.";
  ASSERT_TRUE(
      f.repository
          ->update_user(f.organisation, bob.id, 1, change, "user.update", Actor::user(anna.id, "r"))
          .has_value());
  AuditQuery by_anna;
  by_anna.actor = anna.id;
  auto mine = f.repository->audit_entries(f.organisation, by_anna);
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].target_id, bob.id);
  AuditQuery first_day;
  first_day.to = f.now - 86'400'000 + 1;
  EXPECT_EQ(f.repository->audit_entries(f.organisation, first_day)->size(), 1u);
  AuditQuery page;
  page.limit = 2;
  auto newest = *f.repository->audit_entries(f.organisation, page);
  ASSERT_EQ(newest.size(), 2u);
  page.before_seq = newest.back().seq;
  auto older = *f.repository->audit_entries(f.organisation, page);
  ASSERT_EQ(older.size(), 1u);
  EXPECT_EQ(older[0].target_id, anna.id);
}

TEST_P(RepositoryContract, TwoNodesSavingOneUserAtOnceGiveOneWinnerAndOneConflict) {
  add("root", "admin");
  StoredUser bob = add("bob", "viewer");
  auto other = open_node();
  ASSERT_TRUE(other);
  for (int round = 0; round < 5; ++round) {
    std::int64_t version = (*repository->user_by_id(organisation, bob.id))->version;
    std::barrier start(2);
    std::array<Result<StoredUser>, 2> results;
    std::array<Repository*, 2> nodes = {repository.get(), other.get()};
    std::array<std::thread, 2> threads;
    for (std::size_t i = 0; i < 2; ++i) {
      threads[i] = std::thread([&, i] {
        UserChange change;
        change.display_name =
            "Bob from node " + std::to_string(i) + " round " + std::to_string(round);
        start.arrive_and_wait();
        results[i] = nodes[i]->update_user(organisation, bob.id, version, change, "user.update",
                                           Actor::cli());
      });
    }
    for (auto& thread : threads) thread.join();
    int won = 0;
    int conflicts = 0;
    for (const auto& result : results) {
      if (result) ++won;
      if (!result && result.error().kind == ErrorKind::conflict) ++conflicts;
    }
    EXPECT_EQ(won, 1) << "round " << round;
    EXPECT_EQ(conflicts, 1) << "round " << round;
    auto stored = *repository->user_by_id(organisation, bob.id);
    EXPECT_EQ(stored->version, version + 1);
    const StoredUser& winner = results[0] ? *results[0] : *results[1];
    EXPECT_EQ(stored->display_name, winner.display_name);
  }
}

TEST_P(RepositoryContract, TwoNodesDemotingTheLastTwoAdminsLeaveOne) {
  StoredUser anna = add("anna", "admin");
  StoredUser bert = add("bert", "admin");
  auto other = open_node();
  ASSERT_TRUE(other);
  std::barrier start(2);
  std::array<Result<StoredUser>, 2> results;
  std::array<std::pair<Repository*, Uuid>, 2> moves = {std::pair{repository.get(), anna.id},
                                                       std::pair{other.get(), bert.id}};
  std::array<std::thread, 2> threads;
  for (std::size_t i = 0; i < 2; ++i) {
    threads[i] = std::thread([&, i] {
      UserChange demote;
      demote.role = "viewer";
      start.arrive_and_wait();
      results[i] = moves[i].first->update_user(organisation, moves[i].second, 1, demote,
                                               "user.update", Actor::cli());
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_NE(results[0].has_value(), results[1].has_value());
  for (const auto& result : results) {
    if (!result) {
      EXPECT_EQ(result.error().message.id, MsgId::user_last_admin);
    }
  }
  auto users = *repository->users(organisation, std::nullopt, 10);
  EXPECT_EQ(std::count_if(users.begin(), users.end(),
                          [](const StoredUser& u) { return u.role == "admin"; }),
            1);
}

TEST_P(RepositoryContract, CatalogSavesOnTwoNodesAllCount) {
  auto other = open_node();
  ASSERT_TRUE(other);
  constexpr int k_saves = 10;
  std::atomic<int> failures{0};
  std::array<Repository*, 2> nodes = {repository.get(), other.get()};
  std::array<std::thread, 2> threads;
  for (std::size_t i = 0; i < 2; ++i) {
    threads[i] = std::thread([&, i] {
      for (int n = 0; n < k_saves; ++n) {
        if (!nodes[i]->put_catalog(organisation, "node", "roles: []\n")) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(*repository->catalog_version(organisation), 2 * k_saves);
  EXPECT_EQ(*other->catalog_version(organisation), 2 * k_saves);
}

TEST_P(RepositoryContract, TwoNodesSavingPayBandsOverOneVersionGiveOneWinner) {
  ASSERT_TRUE(repository->put_catalog(organisation, "roles.yaml", "roles: []\n"));
  auto other = open_node();
  ASSERT_TRUE(other);
  std::array<Repository*, 2> nodes = {repository.get(), other.get()};
  for (std::int64_t seen = 0; seen < 4; ++seen) {
    std::barrier start(2);
    std::array<Result<StoredCatalog>, 2> results;
    std::array<std::thread, 2> threads;
    for (std::size_t i = 0; i < 2; ++i) {
      threads[i] = std::thread([&, i] {
        start.arrive_and_wait();
        results[i] = nodes[i]->put_pay_bands(organisation, "node " + std::to_string(i),
                                             "pay_bands: []\n", seen, Actor::cli());
      });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_NE(results[0].has_value(), results[1].has_value()) << "version " << seen;
    for (const auto& result : results) {
      if (!result) {
        EXPECT_EQ(result.error().kind, ErrorKind::conflict);
      }
    }
    EXPECT_EQ((*other->pay_bands(organisation))->version, seen + 1);
  }
}

TEST_P(RepositoryContract, TheFirstNodesSharedSettingWins) {
  auto other = open_node();
  ASSERT_TRUE(other);
  auto first = repository->shared_setting("server_secret", "first-value");
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(*first, "first-value");
  auto second = other->shared_setting("server_secret", "second-value");
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(*second, "first-value");
  EXPECT_EQ(*repository->shared_setting("other_key", "x"), "x");
  // Not in the audit log: a secret is never written there.
  EXPECT_TRUE(audit().empty());
}

TEST_P(RepositoryContract, SessionsMadeOnOneNodeAreFoundOnTheOther) {
  StoredUser anna = add("anna", "admin");
  auto other = open_node();
  ASSERT_TRUE(other);
  StoredSession session = session_of(anna, 9, now + 1000);
  ASSERT_TRUE(repository->add_session(session, Actor::user(anna.id, "r1")));
  auto found = other->session_by_token(session.token_hash);
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->second.login, "anna");
  ASSERT_TRUE(other->touch_session(session.token_hash, now + 500));
  EXPECT_EQ((*repository->session_by_token(session.token_hash))->first.last_seen_at, now + 500);
  ASSERT_TRUE(other->end_session(session.token_hash, Actor::user(anna.id, "r2")));
  EXPECT_FALSE(repository->session_by_token(session.token_hash)->has_value());
}

TEST_P(RepositoryContract, ABackupIsACopyOnSqliteAndRefusedOnPostgres) {
  add("anna", "admin");
  // An application with a document: the copy takes the document's content along.
  Uuid opening_id = open_opening("Three GmbH");
  const std::string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  ASSERT_TRUE(repository->documents().put(abc, "abc"));
  ApplicationSubmission submission;
  submission.application.organisation_id = organisation;
  submission.application.opening_id = opening_id;
  submission.application.review_rank = 9'000'000'000;
  submission.idempotency_key = "backup-key-0001";
  submission.access_token_hash.fill(7);
  submission.screening_job.kind = "application.screen";
  StoredDocument document;
  document.sha256 = abc;
  document.content_type = "application/pdf";
  document.file_name = "cv.pdf";
  document.size_bytes = 3;
  submission.documents.push_back(document);
  ASSERT_TRUE(repository->add_application(submission, Actor::system()));
  std::string copy = database.dir().file("copy.db");
  auto backed_up = repository->backup_to(copy);
  if (database.is_postgres()) {
    ASSERT_FALSE(backed_up.has_value());
    EXPECT_EQ(backed_up.error().message.id, MsgId::store_backup_postgres);
    EXPECT_NE(render(backed_up.error(), Lang::en).find("pg_dump"), std::string::npos);
    return;
  }
  ASSERT_TRUE(backed_up.has_value());
  auto reopened = SqliteRepository::open(copy);
  ASSERT_TRUE(reopened.has_value());
  auto users = (*reopened)->users(organisation, std::nullopt, 10);
  ASSERT_EQ(users->size(), 1u);
  EXPECT_EQ((*users)[0].login, "anna");
  EXPECT_EQ((*reopened)->documents().get(abc).value(), "abc");
  auto again = repository->backup_to(copy);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().message.id, MsgId::backup_target_exists);
}

TEST_P(RepositoryContract, LoginsSortBytewise) {
  for (const char* login : {"b.x", "a_z", "abc", "a.b", "a-c", "a@d"}) add(login, "viewer");
  auto users = *repository->users(organisation, std::nullopt, 100);
  std::vector<std::string> logins;
  for (const auto& user : users) logins.push_back(user.login);
  // ASCII order: '-' 0x2d < '.' 0x2e < '@' 0x40 < '_' 0x5f < 'b' 0x62.
  EXPECT_EQ(logins, (std::vector<std::string>{"a-c", "a.b", "a@d", "a_z", "abc", "b.x"}));
  auto after = *repository->users(organisation, std::string("a@d"), 2);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].login, "a_z");
  EXPECT_EQ(after[1].login, "abc");
}

TEST_P(RepositoryContract, AJobWithADedupeKeyIsQueuedOnce) {
  StoredJob job;
  job.organisation_id = organisation;
  job.kind = "maintenance.prune";
  job.payload = "{}";
  job.dedupe_key = "hour-1";
  auto first = repository->enqueue_job(job);
  ASSERT_TRUE(first.has_value()) << render(first.error(), Lang::en);
  EXPECT_EQ(first->state, "queued");
  EXPECT_EQ(first->attempts, 0);
  EXPECT_EQ(first->created_at, now);
  auto other = open_node();
  auto again = other->enqueue_job(job);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->id, first->id);
  job.dedupe_key = "hour-2";
  auto next = repository->enqueue_job(job);
  ASSERT_TRUE(next.has_value());
  EXPECT_NE(next->id, first->id);
  job.dedupe_key.reset();  // without a key, every queueing is a job of its own
  EXPECT_NE(repository->enqueue_job(job)->id, repository->enqueue_job(job)->id);
  // Listed newest first, filtered by kind and state.
  auto all = repository->jobs(organisation, {});
  ASSERT_TRUE(all.has_value());
  ASSERT_EQ(all->size(), 4u);  // hour-1, hour-2 and the two without a key
  EXPECT_EQ(all->back().id, first->id);
  EXPECT_EQ((*all)[2].id, next->id);
  EXPECT_EQ(
      repository->jobs(organisation, {.kind = "maintenance.prune", .state = "queued", .limit = 2})
          ->size(),
      2u);
  JobQuery done;
  done.state = "done";
  EXPECT_TRUE(repository->jobs(organisation, done)->empty());
  JobQuery other_kind;
  other_kind.kind = "plan.simulate";
  EXPECT_TRUE(repository->jobs(organisation, other_kind)->empty());
  job.organisation_id = new_uuid_v7(1);
  auto stranger = repository->enqueue_job(job);
  ASSERT_FALSE(stranger.has_value());
  EXPECT_EQ(stranger.error().kind, ErrorKind::not_found);
}

TEST_P(RepositoryContract, LimitedJobsCountTheActiveJobsOfTheirCreatorAndKind) {
  const Uuid ann = new_uuid_v7(5), ben = new_uuid_v7(6), cem = new_uuid_v7(7);
  auto queue = [&](Repository& node, const Uuid& creator, const std::string& kind) {
    StoredJob job;
    job.organisation_id = organisation;
    job.kind = kind;
    job.payload = "{}";
    job.created_by = creator;
    return node.enqueue_limited_job(job, {1, 2});
  };
  auto first = queue(*repository, ann, "plan.simulate");
  ASSERT_TRUE(first.has_value()) << render(first.error(), Lang::en);
  ASSERT_TRUE(std::holds_alternative<StoredJob>(*first));
  const StoredJob anns = std::get<StoredJob>(*first);
  EXPECT_EQ(anns.created_by, ann);
  EXPECT_EQ(anns.state, "queued");
  auto again = queue(*repository, ann, "plan.simulate");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(std::get<JobLimitReached>(*again), JobLimitReached::per_creator);
  ASSERT_TRUE(std::holds_alternative<StoredJob>(*queue(*repository, ben, "plan.simulate")));
  EXPECT_EQ(std::get<JobLimitReached>(*queue(*repository, cem, "plan.simulate")),
            JobLimitReached::per_kind);
  // Another kind counts on its own.
  EXPECT_TRUE(std::holds_alternative<StoredJob>(*queue(*repository, ann, "other.kind")));
  // A running job is active; a finished one no longer counts.
  auto claimed = repository->claim_job("node-a", {"plan.simulate"}, now, now + 60'000);
  ASSERT_TRUE(claimed && *claimed);
  EXPECT_EQ((*claimed)->id, anns.id);
  EXPECT_EQ((*claimed)->created_by, ann);
  EXPECT_EQ(std::get<JobLimitReached>(*queue(*repository, ann, "plan.simulate")),
            JobLimitReached::per_creator);
  ASSERT_TRUE(repository->finish_job(anns.id, "node-a", {true, "{}", 0}).has_value());
  EXPECT_TRUE(std::holds_alternative<StoredJob>(*queue(*repository, ann, "plan.simulate")));

  // Two nodes queueing at once for many creators: never more than the limit.
  auto other = open_node();
  ASSERT_TRUE(other);
  std::atomic<int> queued{0}, refused{0}, failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    Repository* node = t % 2 == 0 ? repository.get() : other.get();
    threads.emplace_back([&, node, t] {
      StoredJob job;
      job.organisation_id = organisation;
      job.kind = "race.kind";
      job.payload = "{}";
      job.created_by = new_uuid_v7(100 + t);
      auto result = node->enqueue_limited_job(job, {1, 3});
      if (!result) {
        ++failures;
      } else if (std::holds_alternative<StoredJob>(*result)) {
        ++queued;
      } else {
        ++refused;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(queued.load(), 3);
  EXPECT_EQ(refused.load(), 5);
}

TEST_P(RepositoryContract, ACancelledJobStopsAndIsNotTriedAgain) {
  auto queue = [&] {
    StoredJob job;
    job.organisation_id = organisation;
    job.kind = "plan.simulate";
    job.payload = "{}";
    return *repository->enqueue_job(job);
  };
  StoredJob waiting = queue();
  StoredJob running = queue();
  // A queued job ends at once and is never claimed.
  auto cancelled = repository->cancel_job(organisation, waiting.id);
  ASSERT_TRUE(cancelled.has_value()) << render(cancelled.error(), Lang::en);
  EXPECT_EQ(cancelled->state, "failed");
  EXPECT_EQ(cancelled->error, "cancelled");
  EXPECT_TRUE(cancelled->cancel_requested);
  EXPECT_EQ(cancelled->finished_at, now);
  auto claimed = repository->claim_job("node-a", {"plan.simulate"}, now, now + 1000);
  ASSERT_TRUE(claimed && *claimed);
  EXPECT_EQ((*claimed)->id, running.id);
  // Progress is stored and extends the lease; only the holder reports.
  auto reported = repository->report_job_progress(running.id, "node-a", 3, 10, now + 5000);
  ASSERT_TRUE(reported.has_value()) << render(reported.error(), Lang::en);
  EXPECT_FALSE(*reported);
  auto seen = *repository->job(organisation, running.id);
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->progress_done, 3);
  EXPECT_EQ(seen->progress_total, 10);
  EXPECT_EQ(seen->lease_until, now + 5000);
  auto stranger = repository->report_job_progress(running.id, "node-b", 4, 10, now + 5000);
  ASSERT_FALSE(stranger.has_value());
  EXPECT_EQ(stranger.error().kind, ErrorKind::conflict);
  auto unknown = repository->report_job_progress(new_uuid_v7(9), "node-a", 4, 10, now + 5000);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
  // A running job is asked to stop: its next report says so, and its failure is final.
  auto asked = repository->cancel_job(organisation, running.id);
  ASSERT_TRUE(asked.has_value());
  EXPECT_EQ(asked->state, "running");
  EXPECT_TRUE(asked->cancel_requested);
  EXPECT_TRUE(*repository->report_job_progress(running.id, "node-a", 4, 10, now + 5000));
  auto finished = repository->finish_job(running.id, "node-a", {false, "cancelled", now + 10});
  ASSERT_TRUE(finished.has_value());
  EXPECT_EQ(finished->state, "failed");  // attempts were left, but nobody wants it any more
  EXPECT_EQ(finished->attempts, 1);
  // A finished job is returned unchanged; unknown ids and other organisations' are not found.
  EXPECT_EQ(repository->cancel_job(organisation, running.id)->state, "failed");
  EXPECT_EQ(repository->cancel_job(organisation, new_uuid_v7(9)).error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(repository->cancel_job(new_uuid_v7(10), waiting.id).error().kind, ErrorKind::not_found);
  // A cancelled job whose node died is given up when its lease ends, not run again.
  StoredJob orphan = queue();
  ASSERT_EQ((*repository->claim_job("node-a", {"plan.simulate"}, now, now + 10))->id, orphan.id);
  ASSERT_TRUE(repository->cancel_job(organisation, orphan.id).has_value());
  EXPECT_FALSE(*repository->claim_job("node-b", {"plan.simulate"}, now + 20, now + 1000));
  auto given_up = *repository->job(organisation, orphan.id);
  EXPECT_EQ(given_up->state, "failed");
  EXPECT_EQ(given_up->error, "cancelled");
}

TEST_P(RepositoryContract, EachDueJobIsClaimedByOneNodeOnly) {
  constexpr int k_jobs = 60;
  for (int i = 0; i < k_jobs; ++i) {
    StoredJob job;
    job.organisation_id = organisation;
    job.kind = i % 3 == 0 ? "other.kind" : "plan.simulate";
    job.payload = "{\"n\":" + std::to_string(i) + "}";
    ASSERT_TRUE(repository->enqueue_job(job).has_value());
  }
  auto other = open_node();
  ASSERT_TRUE(other);
  std::mutex mutex;
  std::map<std::string, int> claims;  // job id -> times claimed
  std::atomic<int> failures{0};
  std::vector<std::thread> workers;
  for (int w = 0; w < 6; ++w) {
    Repository* node = w % 2 == 0 ? repository.get() : other.get();
    std::string name = "node-" + std::to_string(w % 2) + "-worker-" + std::to_string(w);
    workers.emplace_back([&, node, name] {
      while (true) {
        auto claimed = node->claim_job(name, {"plan.simulate", "other.kind"}, now, now + 60'000);
        if (!claimed) {
          ++failures;
          return;
        }
        if (!*claimed) return;
        {
          std::lock_guard lock(mutex);
          ++claims[(*claimed)->id.to_string()];
        }
        if (!node->finish_job((*claimed)->id, name, {true, "{}", 0})) ++failures;
      }
    });
  }
  for (auto& worker : workers) worker.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(claims.size(), static_cast<std::size_t>(k_jobs));
  for (const auto& [id, times] : claims) EXPECT_EQ(times, 1) << id;
  EXPECT_FALSE(*repository->claim_job("late", {"plan.simulate", "other.kind"}, now, now + 1));
}

TEST_P(RepositoryContract, ANodeClaimsOnlyTheKindsItRunsAndOnlyWhenDue) {
  StoredJob job;
  job.organisation_id = organisation;
  job.kind = "mail.send";
  job.payload = "{}";
  job.run_after = now + 5000;
  ASSERT_TRUE(repository->enqueue_job(job).has_value());
  EXPECT_FALSE(*repository->claim_job("n", {"plan.simulate"}, now + 10'000, now + 20'000));
  EXPECT_FALSE(*repository->claim_job("n", {"mail.send"}, now + 4999, now + 20'000));
  auto claimed = repository->claim_job("n", {"plan.simulate", "mail.send"}, now + 5000, now + 9000);
  ASSERT_TRUE(claimed.has_value() && claimed->has_value());
  EXPECT_EQ((*claimed)->state, "running");
  EXPECT_EQ((*claimed)->attempts, 1);
  EXPECT_EQ((*claimed)->claimed_by, "n");
  EXPECT_EQ((*claimed)->lease_until, now + 9000);
}

TEST_P(RepositoryContract, AJobWhoseLeaseEndedGoesToAnotherNode) {
  StoredJob job;
  job.organisation_id = organisation;
  job.kind = "plan.simulate";
  job.payload = "{}";
  auto queued = repository->enqueue_job(job);
  ASSERT_TRUE(queued.has_value());
  auto other = open_node();
  auto first = repository->claim_job("a", {"plan.simulate"}, now, now + 1000);
  ASSERT_TRUE(first.has_value() && first->has_value());
  // Node a still holds it: nobody else gets it before the lease ends.
  EXPECT_FALSE(*other->claim_job("b", {"plan.simulate"}, now + 999, now + 5000));
  auto second = other->claim_job("b", {"plan.simulate"}, now + 1001, now + 5000);
  ASSERT_TRUE(second.has_value() && second->has_value());
  EXPECT_EQ((*second)->id, queued->id);
  EXPECT_EQ((*second)->attempts, 2);
  // Node a comes back too late: its outcome does not count.
  auto late = repository->finish_job(queued->id, "a", {true, "{\"from\":\"a\"}", 0});
  ASSERT_FALSE(late.has_value());
  EXPECT_EQ(late.error().kind, ErrorKind::conflict);
  EXPECT_EQ(late.error().message.id, MsgId::store_stale_job);
  now += 2000;
  auto done = other->finish_job(queued->id, "b", {true, "{\"from\":\"b\"}", 0});
  ASSERT_TRUE(done.has_value());
  EXPECT_EQ(done->state, "done");
  auto stored = *repository->job(organisation, queued->id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->state, "done");
  EXPECT_EQ(stored->result, "{\"from\":\"b\"}");
  EXPECT_EQ(stored->finished_at, now);
  EXPECT_FALSE(stored->lease_until.has_value());
  auto missing = repository->finish_job(new_uuid_v7(now), "b", {true, "{}", 0});
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
}

TEST_P(RepositoryContract, AFailedAttemptIsRetriedUntilNoneIsLeft) {
  StoredJob job;
  job.organisation_id = organisation;
  job.kind = "plan.simulate";
  job.payload = "{}";
  job.max_attempts = 2;
  auto queued = repository->enqueue_job(job);
  ASSERT_TRUE(queued.has_value());
  ASSERT_TRUE(repository->claim_job("a", {"plan.simulate"}, now, now + 1000)->has_value());
  auto retry = repository->finish_job(queued->id, "a", {false, "out of memory", now + 30'000});
  ASSERT_TRUE(retry.has_value());
  EXPECT_EQ(retry->state, "queued");
  EXPECT_EQ(retry->run_after, now + 30'000);
  EXPECT_EQ(retry->error, "out of memory");
  EXPECT_FALSE(*repository->claim_job("a", {"plan.simulate"}, now + 29'999, now + 40'000));
  ASSERT_TRUE(
      repository->claim_job("a", {"plan.simulate"}, now + 30'000, now + 40'000)->has_value());
  auto failed = repository->finish_job(queued->id, "a", {false, "out of memory again", 0});
  ASSERT_TRUE(failed.has_value());
  EXPECT_EQ(failed->state, "failed");
  EXPECT_EQ(failed->attempts, 2);
  EXPECT_EQ((*repository->job(organisation, queued->id))->state, "failed");
  // A job whose node died during its last attempt fails when its lease has ended.
  job.max_attempts = 1;
  auto last = repository->enqueue_job(job);
  ASSERT_TRUE(repository->claim_job("dies", {"plan.simulate"}, now, now + 1000)->has_value());
  EXPECT_FALSE(*repository->claim_job("b", {"plan.simulate"}, now + 2000, now + 3000));
  auto given_up = *repository->job(organisation, last->id);
  EXPECT_EQ(given_up->state, "failed");
  EXPECT_EQ(given_up->finished_at, now + 2000);
}

TEST_P(RepositoryContract, PrunesExpiredSessionsAndOldSignInFailures) {
  StoredUser anna = add("anna", "admin");
  for (int i = 0; i < 3; ++i) {
    // Expiring at now, now + 1000 and now + 2000: the first two before now + 1500.
    StoredSession session = session_of(anna, static_cast<std::uint8_t>(i + 1), now + 1000 * i);
    ASSERT_TRUE(repository->add_session(session, Actor::cli()));
  }
  TokenHash key;
  key.fill(42);
  AuditEntry failed = audit_of_failure(now);
  ASSERT_TRUE(repository->add_sign_in_failure(organisation, {key}, now, 0, failed));
  ASSERT_TRUE(repository->add_sign_in_failure(organisation, {key}, now + 600, 0, failed));
  // A job that finished at now + 100 and one still queued.
  StoredJob job;
  job.organisation_id = organisation;
  job.kind = "plan.simulate";
  job.payload = "{}";
  auto finished = repository->enqueue_job(job);
  auto queued = repository->enqueue_job(job);
  ASSERT_TRUE(finished && queued);
  ASSERT_TRUE(*repository->claim_job("n", {"plan.simulate"}, now, now + 1000));
  now += 100;
  ASSERT_TRUE(repository->finish_job(finished->id, "n", {true, "{}", 0}));
  now -= 100;
  auto pruned = repository->prune_expired(now + 1500, now + 500, now + 101);
  ASSERT_TRUE(pruned.has_value());
  EXPECT_EQ(pruned->sessions, 2);
  EXPECT_EQ(pruned->sign_in_failures, 1);
  EXPECT_EQ(pruned->jobs, 1);
  EXPECT_FALSE(repository->job(organisation, finished->id)->has_value());
  EXPECT_TRUE(repository->job(organisation, queued->id)->has_value());
  EXPECT_EQ(*repository->sign_in_failures({key}, 0), std::vector<std::int64_t>{1});
  TokenHash third;
  third.fill(3);
  EXPECT_TRUE(repository->session_by_token(third)->has_value());
}

TEST_P(RepositoryContract, PlanVersionsCountPerSeriesAndListNewestFirst) {
  StoredUser author = add("planner", "hiring_manager");
  StoredPlan first;
  first.organisation_id = organisation;
  first.name = "Q1 Hotline";
  first.inputs = R"({"options":{"shrinkage":0.3}})";
  first.result = R"({"format":"ccteam-plan/1"})";
  first.summary = R"({"levels":[]})";
  auto v1 = repository->add_plan(first, std::nullopt, Actor::user(author.id, "req-1"));
  ASSERT_TRUE(v1.has_value()) << render(v1.error(), Lang::en);
  EXPECT_EQ(v1->version, 1);
  EXPECT_EQ(v1->series_id, v1->id);
  EXPECT_EQ(v1->author_name, "Name of planner");
  now += 1000;
  // A new version of the first, named from any version of the series.
  auto v2 = repository->add_plan(first, v1->id, Actor::user(author.id, "req-2"));
  ASSERT_TRUE(v2.has_value()) << render(v2.error(), Lang::en);
  now += 1000;
  auto v3 = repository->add_plan(first, v2->id, Actor::cli());
  ASSERT_TRUE(v3.has_value());
  EXPECT_EQ(v2->version, 2);
  EXPECT_EQ(v3->version, 3);
  EXPECT_EQ(v3->series_id, v1->id);
  EXPECT_FALSE(v3->author_user_id.has_value());
  now += 1000;
  auto other = repository->add_plan(first, std::nullopt, Actor::cli());
  ASSERT_TRUE(other.has_value());
  EXPECT_EQ(other->version, 1);
  auto unknown = repository->add_plan(first, new_uuid_v7(now), Actor::cli());
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);

  auto read = repository->plan(organisation, v2->id);
  ASSERT_TRUE(read.has_value() && read->has_value());
  EXPECT_EQ((*read)->name, "Q1 Hotline");
  EXPECT_EQ((*read)->inputs, first.inputs);
  EXPECT_EQ((*read)->result, first.result);
  EXPECT_EQ((*read)->author_name, "Name of planner");
  EXPECT_FALSE(repository->plan(organisation, new_uuid_v7(now))->has_value());

  auto list = repository->plans(organisation, 3);
  ASSERT_TRUE(list.has_value());
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0].id, other->id);
  EXPECT_EQ((*list)[1].id, v3->id);
  EXPECT_EQ((*list)[2].id, v2->id);
  EXPECT_EQ((*list)[0].result, "");  // lists leave the result out
  EXPECT_EQ((*list)[1].summary, first.summary);

  std::size_t saves = 0;
  for (const AuditEntry& e : audit()) {
    if (e.action != "plan.create") continue;
    ++saves;
    EXPECT_EQ(e.target_kind, "plan");
    EXPECT_EQ(e.fields, (std::vector<std::string>{"name", "version", "series_id"}));
  }
  EXPECT_EQ(saves, 4u);
}

}  // namespace
}  // namespace ccteam::store
