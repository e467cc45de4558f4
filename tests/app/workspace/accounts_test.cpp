// The account use cases on a real SQLite file: signing in and its throttling, sessions and
// their expiry, API tokens, password changes and resets, first admin and demo accounts.
#include "app/workspace/accounts.hpp"

#include <gtest/gtest.h>

#include "io/crypto/secrets.hpp"
#include "store/sqlite/sqlite_repository.hpp"
#include "store/temp_dir.hpp"

namespace ccteam::app {
namespace {

using store::UnixMillis;

constexpr std::string_view k_password = "a long password 1";

struct Fixture {
  test::TempDir dir;
  UnixMillis now = 1'764'920'000'000;
  std::unique_ptr<store::SqliteRepository> repository;
  std::unique_ptr<Accounts> accounts;
  store::StoredUser anna;  // admin, password k_password

  Fixture() {
    auto opened =
        store::SqliteRepository::open(dir.file("ws.db"), {.clock = [this] { return now; }});
    EXPECT_TRUE(opened.has_value());
    repository = std::move(*opened);
    AccountSettings settings;
    settings.hash_cost = {1, 8192};  // the smallest cost: the test is about the rules
    settings.secret = std::string(32, 's');
    settings.clock = [this] { return now; };
    accounts =
        std::make_unique<Accounts>(*repository, *repository->default_organisation(), settings);
    auto first = accounts->ensure_first_admin();
    EXPECT_TRUE(first.has_value() && first->has_value());
    auto signed_in = accounts->sign_in("admin", (*first)->one_time_password, "10.0.0.1", "r");
    EXPECT_TRUE(signed_in.has_value());
    auto principal = accounts->authenticate_session(signed_in->session_token);
    auto changed = accounts->change_password(**principal, (*first)->one_time_password, k_password,
                                             k_password, "r");
    EXPECT_TRUE(changed.has_value()) << (changed ? "" : render(changed.error(), Lang::en));
    anna = *changed;
  }

  Principal session_of(std::string_view login, std::string_view password) {
    auto signed_in = accounts->sign_in(login, password, "10.0.0.2", "r");
    EXPECT_TRUE(signed_in.has_value()) << (signed_in ? "" : render(signed_in.error(), Lang::en));
    auto principal = accounts->authenticate_session(signed_in->session_token);
    EXPECT_TRUE(principal.has_value() && principal->has_value());
    return **principal;
  }
};

TEST(Accounts, TheFirstAdminComesOnceWithAOneTimePassword) {
  Fixture f;
  EXPECT_EQ(f.anna.login, "admin");
  EXPECT_EQ(f.anna.role, "admin");
  EXPECT_FALSE(f.anna.must_change_password);  // changed in the fixture
  auto again = f.accounts->ensure_first_admin();
  ASSERT_TRUE(again.has_value());
  EXPECT_FALSE(again->has_value());
}

TEST(Accounts, TheEleventhAttemptAfterTenWrongPasswordsInARowIsRefused) {
  Fixture f;
  for (int i = 0; i < 10; ++i) {
    auto wrong =
        f.accounts->sign_in("Admin", "wrong password " + std::to_string(i), "10.0.0.3", "r");
    ASSERT_FALSE(wrong.has_value());
    EXPECT_EQ(wrong.error().kind, ErrorKind::unauthenticated) << i;
    EXPECT_EQ(wrong.error().message.id, MsgId::auth_bad_credentials);
  }
  // The right password does not help now: refused before hashing, from any address.
  auto eleventh = f.accounts->sign_in("admin", k_password, "10.9.9.9", "r");
  ASSERT_FALSE(eleventh.has_value());
  EXPECT_EQ(eleventh.error().kind, ErrorKind::throttled);
  // After the window (15 minutes) it is let in again.
  f.now += 15 * 60 * 1000 + 1;
  EXPECT_TRUE(f.accounts->sign_in("admin", k_password, "10.0.0.3", "r").has_value());
}

TEST(Accounts, ASuccessEndsTheRowOfFailures) {
  Fixture f;
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 9; ++i) {
      EXPECT_FALSE(f.accounts->sign_in("admin", "nope nope nope", "10.0.1.1", "r").has_value());
    }
    EXPECT_TRUE(f.accounts->sign_in("admin", k_password, "10.0.1.1", "r").has_value()) << round;
  }
}

TEST(Accounts, AnUnknownLoginFailsLikeAWrongPassword) {
  Fixture f;
  auto unknown = f.accounts->sign_in("nobody", k_password, "10.0.0.4", "r");
  auto wrong = f.accounts->sign_in("admin", "something else entirely", "10.0.0.4", "r");
  ASSERT_FALSE(unknown.has_value());
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(render(unknown.error(), Lang::en), render(wrong.error(), Lang::en));
  // A login that is not even valid is a wrong login too, not a validation error.
  auto malformed = f.accounts->sign_in("a b", k_password, "10.0.0.4", "r");
  ASSERT_FALSE(malformed.has_value());
  EXPECT_EQ(malformed.error().kind, ErrorKind::unauthenticated);
}

TEST(Accounts, SessionsExpireWhenIdleAndAtTheirEnd) {
  Fixture f;
  auto signed_in = f.accounts->sign_in("admin", k_password, "10.0.0.5", "r");
  ASSERT_TRUE(signed_in.has_value());
  EXPECT_EQ(signed_in->expires_at, f.now + 12 * 3600 * 1000);
  std::string token = signed_in->session_token;
  auto principal = f.accounts->authenticate_session(token);
  ASSERT_TRUE(principal->has_value());
  EXPECT_EQ((*principal)->csrf_token, io::keyed_digest(token, "csrf"));
  EXPECT_EQ((*principal)->csrf_token, signed_in->csrf_token);
  // 29 minutes idle, a request, 29 more: still in (each request restarts the idle time).
  f.now += 29 * 60 * 1000;
  EXPECT_TRUE(f.accounts->authenticate_session(token)->has_value());
  f.now += 29 * 60 * 1000;
  EXPECT_TRUE(f.accounts->authenticate_session(token)->has_value());
  // 30 minutes without a request: out.
  f.now += 30 * 60 * 1000;
  EXPECT_FALSE(f.accounts->authenticate_session(token)->has_value());
  // A busy session still ends after 12 hours.
  auto busy = f.accounts->sign_in("admin", k_password, "10.0.0.5", "r");
  for (int i = 0; i < 12 * 3; ++i) {
    EXPECT_TRUE(f.accounts->authenticate_session(busy->session_token)->has_value()) << i;
    f.now += 20 * 60 * 1000;
  }
  EXPECT_FALSE(f.accounts->authenticate_session(busy->session_token)->has_value());
  EXPECT_FALSE(f.accounts->authenticate_session("forged")->has_value());
}

TEST(Accounts, ADisabledUserIsOutEverywhere) {
  Fixture f;
  auto added = f.accounts->add_user("bob", "Bob", "recruiter", store::Actor::cli());
  ASSERT_TRUE(added.has_value());
  EXPECT_TRUE(added->user.must_change_password);  // an admin hands over a one-time password
  Principal bob = f.session_of("bob", added->one_time_password);
  auto token = f.accounts->create_token(bob, "export", "r");
  ASSERT_TRUE(token.has_value());
  EXPECT_TRUE(token->secret.starts_with("cct_"));
  EXPECT_TRUE(f.accounts->authenticate_api_token(token->secret)->has_value());
  ASSERT_TRUE(f.accounts
                  ->update_user(added->user.id, added->user.version, std::nullopt, std::nullopt,
                                true, store::Actor::cli())
                  .has_value());
  EXPECT_FALSE(f.accounts->authenticate_api_token(token->secret)->has_value());
  auto again = f.accounts->sign_in("bob", added->one_time_password, "10.0.0.6", "r");
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().message.id, MsgId::auth_account_disabled);
}

TEST(Accounts, RevokedTokensStopWorking) {
  Fixture f;
  Principal anna = f.session_of("admin", k_password);
  auto token = f.accounts->create_token(anna, "nightly", "r");
  ASSERT_TRUE(token.has_value());
  auto principal = f.accounts->authenticate_api_token(token->secret);
  ASSERT_TRUE(principal->has_value());
  EXPECT_EQ((*principal)->via, Principal::Via::api_token);
  EXPECT_TRUE((*principal)->csrf_token.empty());
  ASSERT_TRUE(f.accounts->revoke_token(anna, token->token.id, "r").has_value());
  EXPECT_FALSE(f.accounts->authenticate_api_token(token->secret)->has_value());
  EXPECT_FALSE(f.accounts->authenticate_api_token("cct_forged")->has_value());
}

TEST(Accounts, ChangingThePasswordChecksTheOldOneAndSignsOutOtherSessions) {
  Fixture f;
  Principal first = f.session_of("admin", k_password);
  Principal second = f.session_of("admin", k_password);
  auto wrong = f.accounts->change_password(first, "not it at all", "another long one",
                                           "another long one", "r");
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(wrong.error().message.id, MsgId::password_current_wrong);
  auto mismatch =
      f.accounts->change_password(first, k_password, "another long one", "another long 0ne", "r");
  ASSERT_FALSE(mismatch.has_value());
  EXPECT_EQ(mismatch.error().message.id, MsgId::password_mismatch);
  auto short_one = f.accounts->change_password(first, k_password, "short", "short", "r");
  ASSERT_FALSE(short_one.has_value());
  EXPECT_EQ(short_one.error().message.id, MsgId::password_too_short);
  first.user = *f.accounts->user(first.user.id);
  ASSERT_TRUE(
      f.accounts->change_password(first, k_password, "another long one", "another long one", "r")
          .has_value());
  EXPECT_FALSE(f.repository->session_by_token(second.credential_hash)->has_value());
  EXPECT_TRUE(f.repository->session_by_token(first.credential_hash)->has_value());
  EXPECT_FALSE(f.accounts->sign_in("admin", k_password, "10.0.0.7", "r").has_value());
  EXPECT_TRUE(f.accounts->sign_in("admin", "another long one", "10.0.0.7", "r").has_value());
}

TEST(Accounts, GuessingTheCurrentPasswordIsThrottledLikeTheSignIn) {
  Fixture f;
  Principal anna = f.session_of("admin", k_password);
  for (int i = 0; i < 10; ++i) {
    auto wrong = f.accounts->change_password(anna, "guess " + std::to_string(i), "another long one",
                                             "another long one", "r");
    ASSERT_FALSE(wrong.has_value());
    EXPECT_EQ(wrong.error().message.id, MsgId::password_current_wrong) << i;
  }
  auto eleventh =
      f.accounts->change_password(anna, k_password, "another long one", "another long one", "r");
  ASSERT_FALSE(eleventh.has_value());
  EXPECT_EQ(eleventh.error().kind, ErrorKind::throttled);
  // The sign-in of the account waits too: it is one limit.
  EXPECT_EQ(f.accounts->sign_in("admin", k_password, "10.0.0.9", "r").error().kind,
            ErrorKind::throttled);
}

TEST(Accounts, AUserHasAtMostFiftyTokensInUse) {
  Fixture f;
  Principal anna = f.session_of("admin", k_password);
  std::optional<store::Uuid> first;
  for (int i = 0; i < 50; ++i) {
    auto made = f.accounts->create_token(anna, "t" + std::to_string(i), "r");
    ASSERT_TRUE(made.has_value()) << i;
    if (!first) first = made->token.id;
  }
  auto fifty_first = f.accounts->create_token(anna, "one more", "r");
  ASSERT_FALSE(fifty_first.has_value());
  EXPECT_EQ(fifty_first.error().message.id, MsgId::token_limit);
  ASSERT_TRUE(f.accounts->revoke_token(anna, *first, "r").has_value());
  EXPECT_TRUE(f.accounts->create_token(anna, "one more", "r").has_value());
}

TEST(Accounts, DemoAccountsGetNewPasswordsOnEveryStart) {
  Fixture f;
  auto first = f.accounts->demo_users();
  ASSERT_TRUE(first.has_value());
  ASSERT_EQ(first->size(), 5u);
  EXPECT_EQ((*first)[2].user.login, "demo-hiring-manager");
  EXPECT_EQ((*first)[2].user.role, "hiring_manager");
  auto second = f.accounts->demo_users();
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ((*second)[0].user.id, (*first)[0].user.id);
  EXPECT_NE((*second)[0].one_time_password, (*first)[0].one_time_password);
  EXPECT_FALSE(f.accounts->sign_in("demo-viewer", (*first)[4].one_time_password, "10.0.0.8", "r")
                   .has_value());
  EXPECT_TRUE(f.accounts->sign_in("demo-viewer", (*second)[4].one_time_password, "10.0.0.8", "r")
                  .has_value());
}

}  // namespace
}  // namespace ccteam::app
