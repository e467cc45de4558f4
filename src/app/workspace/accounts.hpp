#pragma once
// The workspace's accounts as use cases: users and their roles, signing in and out, sessions,
// API tokens, password changes and resets, and reading the audit log. The routes and the
// `ccteam user` commands call these; the rules are in ccteam/access/access.hpp, the storage in
// store::Repository (every write with its audit entry), the hashing in io/crypto/secrets.hpp.
//
// Sign-in (OWASP Authentication Cheat Sheet): failures are counted per account and per client
// address before any password is hashed (10 in a row for an account, 50 from an address, in 15
// minutes), the counters live in the database (every node sees them) under keys hashed with the
// server secret (no login or address is stored), and at most 'max_concurrent_hashes' Argon2id
// hashes run at once (each takes 64 MiB): a flood of sign-ins waits or gets 429, it cannot take
// the memory. An unknown login costs a hash like a known one.
//
// Thread safety: an Accounts object may be used by many threads at once.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/access/access.hpp"
#include "ccteam/core/error.hpp"
#include "io/crypto/secrets.hpp"
#include "store/repository.hpp"

namespace ccteam::app {

struct AccountSettings {
  io::PasswordHashCost hash_cost;
  int max_concurrent_hashes = 2;              // 128 MiB at the default cost
  std::chrono::milliseconds hash_wait{5000};  // how long a sign-in waits for a free slot
  // Keys the throttling counters. Empty: a random key per process (the server passes the
  // configured secret, else the one shared through the database, so that every node counts
  // alike).
  std::string secret;
  std::function<store::UnixMillis()> clock;  // empty: the system clock
};

// Who is asking, once authenticated.
struct Principal {
  store::StoredUser user;
  access::WorkspaceRole role = access::WorkspaceRole::viewer;
  enum class Via { session, api_token } via = Via::session;
  store::TokenHash credential_hash{};  // of the session cookie or the API token
  std::string csrf_token;              // the session's; empty for API tokens
  std::optional<store::Uuid> token_id;

  bool can(access::Permission permission) const { return access::allows(role, permission); }
  store::Actor actor(std::string request_id) const {
    return store::Actor::user(user.id, std::move(request_id));
  }
};

// A user just made or reset, with the one-time password to hand over (shown once).
struct UserWithPassword {
  store::StoredUser user;
  std::string one_time_password;
};

struct SignedIn {
  std::string session_token;  // for the cookie
  std::string csrf_token;
  store::StoredUser user;
  store::UnixMillis expires_at = 0;
};

struct NewApiToken {
  store::StoredApiToken token;
  std::string secret;  // "cct_..." shown once
};

class Accounts {
 public:
  Accounts(store::Repository& repository, store::Uuid organisation, AccountSettings settings);

  // --- users (callers check the permission manage_users)
  Result<std::vector<store::StoredUser>> users(const std::optional<std::string>& after_login,
                                               std::size_t limit);
  Result<store::StoredUser> user(const store::Uuid& id);
  // Error::invalid_input for a bad login, name or role (MsgId user_login_invalid,
  // user_name_invalid, user_role_invalid) or a taken login.
  Result<UserWithPassword> add_user(std::string_view login, std::string_view display_name,
                                    std::string_view role, const store::Actor& actor);
  // Changes the fields given; Error::conflict for a stale version.
  Result<store::StoredUser> update_user(const store::Uuid& id, std::int64_t version,
                                        const std::optional<std::string>& display_name,
                                        const std::optional<std::string>& role,
                                        std::optional<bool> disabled, const store::Actor& actor);
  Result<UserWithPassword> reset_password(const store::Uuid& id, std::int64_t version,
                                          const store::Actor& actor);
  // With an empty user table: the account "admin" with a one-time password; else nullopt.
  Result<std::optional<UserWithPassword>> ensure_first_admin();
  // One account per role ("demo-admin", "demo-recruiter", ...), added or given a new password
  // that need not be changed (the demo prints them on every start).
  Result<std::vector<UserWithPassword>> demo_users();

  // --- signing in
  // Error::unauthenticated (auth_bad_credentials, auth_account_disabled), throttled
  // (auth_throttled, auth_busy), invalid_input never: a malformed login is a wrong login.
  Result<SignedIn> sign_in(std::string_view login, std::string_view password,
                           std::string_view client_address, const std::string& request_id);
  // The principal of a session cookie's token or an API token ("cct_..."); nullopt when it is
  // unknown, expired, revoked or its user disabled.
  Result<std::optional<Principal>> authenticate_session(std::string_view token);
  Result<std::optional<Principal>> authenticate_api_token(std::string_view token);
  Result<void> sign_out(const Principal& principal, const std::string& request_id);
  // Error::invalid_input (password_current_wrong, password_mismatch, too short or long).
  // Signs out the user's other sessions.
  Result<store::StoredUser> change_password(const Principal& principal, std::string_view current,
                                            std::string_view next, std::string_view repeated,
                                            const std::string& request_id);

  // --- API tokens: a user's own; an admin's view and revocation cover every user's.
  Result<NewApiToken> create_token(const Principal& principal, std::string_view name,
                                   const std::string& request_id);
  Result<std::vector<store::StoredApiToken>> tokens(const Principal& principal);
  Result<store::StoredApiToken> revoke_token(const Principal& principal, const store::Uuid& id,
                                             const std::string& request_id);

  // --- the audit log (callers check read_audit)
  Result<std::vector<store::AuditEntry>> audit(const store::AuditQuery& query);

  store::UnixMillis now() const;

  // A key for 'purpose' derived from the server secret (io::keyed_digest), the same on every
  // node: what other use cases key their tokens with (application links).
  std::string derived_key(std::string_view purpose) const {
    return io::keyed_digest(m_throttle_secret, purpose);
  }

 private:
  class HashSlot;
  Result<UserWithPassword> make_user(std::string_view login, std::string_view display_name,
                                     std::string_view role, bool must_change_password,
                                     const store::Actor& actor);
  Result<UserWithPassword> new_password(const store::Uuid& id, std::int64_t version,
                                        bool must_change_password, const store::Actor& actor);
  Result<HashSlot> hash_slot();
  Result<std::string> hash(std::string_view password);
  store::TokenHash throttle_key(std::string_view kind, std::string_view value) const;

  store::Repository& m_repository;
  store::Uuid m_organisation;
  AccountSettings m_settings;
  std::string m_throttle_secret;
  std::string m_dummy_hash;  // verified against for unknown logins
  std::mutex m_hash_mutex;
  std::condition_variable m_hash_free;
  int m_hashes_running = 0;
};

// "cct_" + 43 characters: the prefix tells a secret scanner what it found.
inline constexpr std::string_view k_api_token_prefix = "cct_";

}  // namespace ccteam::app
