// The store's accounts: users with versions, the last admin, sessions and tokens by hash, the
// throttling counters, and the audit log that no one can change.
#include <gtest/gtest.h>

#include "store/sqlite/database.hpp"
#include "store/sqlite/sqlite_repository.hpp"
#include "store/temp_dir.hpp"

namespace ccteam::store {
namespace {

struct Fixture {
  test::TempDir dir;
  UnixMillis now = 1'764'920'000'000;  // 2025-12-05T07:33:20Z
  std::unique_ptr<SqliteRepository> repository;
  Uuid organisation;

  Fixture() {
    auto opened = SqliteRepository::open(dir.file("ws.db"), {.clock = [this] { return now; }});
    EXPECT_TRUE(opened.has_value());
    repository = std::move(*opened);
    organisation = *repository->default_organisation();
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

  std::vector<AuditEntry> audit() {
    AuditQuery all;
    all.limit = 1000;
    return *repository->audit_entries(organisation, all);
  }
};

TEST(AccountsStore, AddsUsersWithUniqueLoginsAndAnAuditEntry) {
  Fixture f;
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

TEST(AccountsStore, AStaleVersionIsAConflictAndChangesNothing) {
  Fixture f;
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

TEST(AccountsStore, TheLastActiveAdminStays) {
  Fixture f;
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

TEST(AccountsStore, SessionsAreFoundByHashAndEndWithAPasswordReset) {
  Fixture f;
  StoredUser anna = f.add("anna", "admin");
  StoredSession one;
  one.id = new_uuid_v7(f.now);
  one.organisation_id = f.organisation;
  one.user_id = anna.id;
  one.token_hash.fill(1);
  one.created_at = one.last_seen_at = f.now;
  one.expires_at = f.now + 1000;
  StoredSession two = one;
  two.id = new_uuid_v7(f.now + 1);
  two.token_hash.fill(2);
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

TEST(AccountsStore, RevokedTokensAreNotFoundAndOnlyTheOwnerRevokes) {
  Fixture f;
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

TEST(AccountsStore, CountsSignInFailuresPerKeyInTheWindow) {
  Fixture f;
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

TEST(AccountsStore, TheAuditLogCannotBeChangedOrDeleted) {
  Fixture f;
  f.add("anna", "admin");
  auto connection = sqlite::Connection::open(f.dir.file("ws.db"), sqlite::OpenMode::read_write,
                                             std::chrono::milliseconds{5000});
  ASSERT_TRUE(connection.has_value());
  auto update = connection->execute("UPDATE audit_log SET action = 'nothing'");
  ASSERT_FALSE(update.has_value());
  EXPECT_NE(render(update.error(), Lang::en).find("append-only"), std::string::npos);
  auto remove = connection->execute("DELETE FROM audit_log");
  ASSERT_FALSE(remove.has_value());
  EXPECT_NE(render(remove.error(), Lang::en).find("append-only"), std::string::npos);
  EXPECT_EQ(f.audit().size(), 1u);
  EXPECT_EQ(f.audit()[0].action, "user.create");
}

TEST(AccountsStore, FiltersAndPagesTheAuditLog) {
  Fixture f;
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

TEST(AccountsStore, BacksUpToANewFileOnly) {
  Fixture f;
  f.add("anna", "admin");
  std::string copy = f.dir.file("copy.db");
  ASSERT_TRUE(f.repository->backup_to(copy).has_value());
  auto reopened = SqliteRepository::open(copy);
  ASSERT_TRUE(reopened.has_value());
  auto users = (*reopened)->users(f.organisation, std::nullopt, 10);
  ASSERT_EQ(users->size(), 1u);
  EXPECT_EQ((*users)[0].login, "anna");
  auto again = f.repository->backup_to(copy);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().message.id, MsgId::backup_target_exists);
}

}  // namespace
}  // namespace ccteam::store
