#include "app/workspace/accounts.hpp"

#include <algorithm>

namespace ccteam::app {

using access::WorkspaceRole;
using store::StoredUser;
using store::TokenHash;
using store::UnixMillis;

namespace {

// A session's token is refreshed in the store at most once a minute (an idle expiry of 30
// minutes does not need a write per request).
constexpr UnixMillis k_touch_every_ms = 60 * 1000;

template <class T>
tl::unexpected<Error> pass(Result<T>&& failed) {
  return tl::unexpected(std::move(failed).error());
}

Error bad_credentials() {
  return Error::unauthenticated(
      msg(MsgId::auth_bad_credentials),
      msg(MsgId::hint_auth_bad_credentials, access::k_max_failures_per_account,
          access::k_failure_window_ms / 60000));
}

// Refused before hashing: the window of failures is not over.
Error throttled() {
  return Error::throttled(msg(MsgId::auth_throttled, access::k_failure_window_ms / 60000));
}

// The audit entry of a failed password check of 'target' (when known) by 'actor'.
store::AuditEntry failed_check(UnixMillis at, std::string action, const store::Actor& actor,
                               const std::optional<store::Uuid>& target) {
  store::AuditEntry audit;
  audit.at = at;
  audit.actor_user_id = actor.user_id;
  audit.actor_kind = actor.kind;
  audit.action = std::move(action);
  audit.target_kind = "user";
  audit.target_id = target;
  audit.request_id = actor.request_id;
  return audit;
}

Result<WorkspaceRole> parse_role(std::string_view text) {
  auto role = access::parse_workspace_role(text);
  if (!role) {
    return tl::unexpected(
        Error::invalid_input(msg(MsgId::user_role_invalid, std::string(text.substr(0, 40)),
                                 access::workspace_role_names())));
  }
  return *role;
}

}  // namespace

// A place among the hashes allowed to run at once; freed on destruction.
class Accounts::HashSlot {
 public:
  explicit HashSlot(Accounts& owner) : m_owner(&owner) {}
  HashSlot(HashSlot&& other) noexcept : m_owner(std::exchange(other.m_owner, nullptr)) {}
  HashSlot& operator=(HashSlot&&) = delete;
  ~HashSlot() {
    if (!m_owner) return;
    {
      std::lock_guard lock(m_owner->m_hash_mutex);
      --m_owner->m_hashes_running;
    }
    m_owner->m_hash_free.notify_one();
  }

 private:
  Accounts* m_owner;
};

Accounts::Accounts(store::Repository& repository, store::Uuid organisation,
                   AccountSettings settings)
    : m_repository(repository), m_organisation(organisation), m_settings(std::move(settings)) {
  m_settings.max_concurrent_hashes = std::max(m_settings.max_concurrent_hashes, 1);
  m_throttle_secret = m_settings.secret.empty() ? io::random_token(32) : m_settings.secret;
  auto dummy = io::hash_password(io::random_token(16), m_settings.hash_cost);
  m_dummy_hash = dummy ? *dummy : std::string();
}

UnixMillis Accounts::now() const {
  if (m_settings.clock) return m_settings.clock();
  return store::unix_millis_now();
}

Result<Accounts::HashSlot> Accounts::hash_slot() {
  std::unique_lock lock(m_hash_mutex);
  if (!m_hash_free.wait_for(lock, m_settings.hash_wait, [this] {
        return m_hashes_running < m_settings.max_concurrent_hashes;
      })) {
    return tl::unexpected(Error::throttled(msg(MsgId::auth_busy)));
  }
  ++m_hashes_running;
  return HashSlot(*this);
}

Result<std::string> Accounts::hash(std::string_view password) {
  CCTEAM_TRY(HashSlot slot, hash_slot());
  return io::hash_password(password, m_settings.hash_cost);
}

TokenHash Accounts::throttle_key(std::string_view kind, std::string_view value) const {
  return io::sha256(
      io::keyed_digest(m_throttle_secret, std::string(kind) + ":" + std::string(value)));
}

// --- users

Result<std::vector<StoredUser>> Accounts::users(const std::optional<std::string>& after_login,
                                                std::size_t limit) {
  return m_repository.users(m_organisation, after_login, limit);
}

Result<StoredUser> Accounts::user(const store::Uuid& id) {
  CCTEAM_TRY(std::optional<StoredUser> found, m_repository.user_by_id(m_organisation, id));
  if (!found) return tl::unexpected(Error::not_found(msg(MsgId::user_not_found, id.to_string())));
  return std::move(*found);
}

Result<UserWithPassword> Accounts::add_user(std::string_view login, std::string_view display_name,
                                            std::string_view role, const store::Actor& actor) {
  return make_user(login, display_name, role, true, actor);
}

Result<UserWithPassword> Accounts::make_user(std::string_view login, std::string_view display_name,
                                             std::string_view role, bool must_change_password,
                                             const store::Actor& actor) {
  CCTEAM_TRY(std::string normalized, access::normalize_login(login));
  CCTEAM_TRY(std::string name, access::check_name(display_name, MsgId::user_name_invalid));
  CCTEAM_TRY(WorkspaceRole parsed, parse_role(role));
  UserWithPassword out;
  out.one_time_password = io::one_time_password();
  StoredUser user;
  user.login = std::move(normalized);
  user.display_name = std::move(name);
  user.role = std::string(access::to_string(parsed));
  CCTEAM_TRY(user.password_hash, hash(out.one_time_password));
  user.must_change_password = must_change_password;
  CCTEAM_TRY(out.user, m_repository.add_user(m_organisation, std::move(user), actor));
  return out;
}

Result<StoredUser> Accounts::update_user(const store::Uuid& id, std::int64_t version,
                                         const std::optional<std::string>& display_name,
                                         const std::optional<std::string>& role,
                                         std::optional<bool> disabled, const store::Actor& actor) {
  store::UserChange change;
  if (display_name) {
    CCTEAM_TRY(change.display_name, access::check_name(*display_name, MsgId::user_name_invalid));
  }
  if (role) {
    CCTEAM_TRY(WorkspaceRole parsed, parse_role(*role));
    change.role = std::string(access::to_string(parsed));
  }
  change.disabled = disabled;
  return m_repository.update_user(m_organisation, id, version, change, "user.update", actor);
}

Result<UserWithPassword> Accounts::reset_password(const store::Uuid& id, std::int64_t version,
                                                  const store::Actor& actor) {
  return new_password(id, version, true, actor);
}

Result<UserWithPassword> Accounts::new_password(const store::Uuid& id, std::int64_t version,
                                                bool must_change_password,
                                                const store::Actor& actor) {
  UserWithPassword out;
  out.one_time_password = io::one_time_password();
  store::UserChange change;
  CCTEAM_TRY(change.password_hash, hash(out.one_time_password));
  change.must_change_password = must_change_password;
  change.end_sessions = true;
  CCTEAM_TRY(out.user, m_repository.update_user(m_organisation, id, version, change,
                                                "user.password_reset", actor));
  return out;
}

Result<std::optional<UserWithPassword>> Accounts::ensure_first_admin() {
  CCTEAM_TRY(std::vector<StoredUser> any, m_repository.users(m_organisation, std::nullopt, 1));
  if (!any.empty()) return std::optional<UserWithPassword>();
  auto admin = add_user("admin", "Administrator", "admin", store::Actor::system());
  // Another node starting at the same moment made it first: that node hands its password over.
  if (!admin && admin.error().message.id == MsgId::user_login_taken) {
    return std::optional<UserWithPassword>();
  }
  if (!admin) return tl::unexpected(std::move(admin).error());
  return std::optional<UserWithPassword>(std::move(*admin));
}

Result<std::vector<UserWithPassword>> Accounts::demo_users() {
  std::vector<UserWithPassword> out;
  for (WorkspaceRole role : access::k_workspace_roles) {
    std::string role_name(access::to_string(role));
    std::string login = "demo-" + role_name;
    std::replace(login.begin(), login.end(), '_', '-');
    CCTEAM_TRY(std::optional<StoredUser> existing,
               m_repository.user_by_login(m_organisation, login));
    if (existing) {
      CCTEAM_TRY(UserWithPassword reset,
                 new_password(existing->id, existing->version, false, store::Actor::system()));
      out.push_back(std::move(reset));
    } else {
      std::string name = "Demo " + role_name;
      std::replace(name.begin(), name.end(), '_', ' ');
      CCTEAM_TRY(UserWithPassword added,
                 make_user(login, name, role_name, false, store::Actor::system()));
      out.push_back(std::move(added));
    }
  }
  return out;
}

// --- signing in

Result<SignedIn> Accounts::sign_in(std::string_view login, std::string_view password,
                                   std::string_view client_address, const std::string& request_id) {
  UnixMillis at = now();
  auto normalized = access::normalize_login(login);
  std::string account = normalized ? *normalized : std::string(login.substr(0, 64));
  std::vector<TokenHash> keys = {throttle_key("account", account),
                                 throttle_key("address", client_address)};
  CCTEAM_TRY(std::vector<std::int64_t> failures,
             m_repository.sign_in_failures(keys, at - access::k_failure_window_ms));
  if (failures[0] >= access::k_max_failures_per_account ||
      failures[1] >= access::k_max_failures_per_address) {
    return tl::unexpected(throttled());
  }
  std::optional<StoredUser> user;
  if (normalized) {
    CCTEAM_TRY(user, m_repository.user_by_login(m_organisation, *normalized));
  }
  bool matches = false;
  {
    CCTEAM_TRY(HashSlot slot, hash_slot());
    bool too_long = password.size() > access::k_max_password_bytes;
    if (user) {
      matches = !too_long && io::verify_password(user->password_hash, password);
    } else {
      (void)io::verify_password(m_dummy_hash, password.substr(0, access::k_max_password_bytes));
    }
  }
  if (!matches) {
    store::Actor nobody = store::Actor::system();
    nobody.request_id = request_id;
    auto audit = failed_check(at, "session.sign_in_failed", nobody,
                              user ? std::optional<store::Uuid>(user->id) : std::nullopt);
    if (auto counted = m_repository.add_sign_in_failure(m_organisation, keys, at,
                                                        at - access::k_failure_window_ms, audit);
        !counted) {
      return pass(std::move(counted));
    }
    return tl::unexpected(bad_credentials());
  }
  if (user->disabled) {
    return tl::unexpected(Error::unauthenticated(msg(MsgId::auth_account_disabled)));
  }
  if (auto cleared = m_repository.clear_sign_in_failures(keys[0]); !cleared) {
    return pass(std::move(cleared));
  }
  SignedIn out;
  out.session_token = io::random_token(32);
  out.csrf_token = io::keyed_digest(out.session_token, "csrf");
  store::StoredSession session;
  session.id = store::new_uuid_v7(at);
  session.organisation_id = m_organisation;
  session.user_id = user->id;
  session.token_hash = io::sha256(out.session_token);
  session.created_at = session.last_seen_at = at;
  session.expires_at = at + access::k_session_absolute_ms;
  if (auto added = m_repository.add_session(session, store::Actor::user(user->id, request_id));
      !added) {
    return pass(std::move(added));
  }
  out.user = std::move(*user);
  out.expires_at = session.expires_at;
  return out;
}

Result<std::optional<Principal>> Accounts::authenticate_session(std::string_view token) {
  using Found = std::optional<Principal>;
  if (token.empty() || token.size() > 100) return Found();
  TokenHash hash = io::sha256(token);
  CCTEAM_TRY(auto found, m_repository.session_by_token(hash));
  if (!found) return Found();
  auto& [session, user] = *found;
  UnixMillis at = now();
  if (at >= session.expires_at || at - session.last_seen_at >= access::k_session_idle_ms ||
      user.disabled || user.organisation_id != m_organisation) {
    return Found();
  }
  auto role = access::parse_workspace_role(user.role);
  if (!role) return Found();
  if (at - session.last_seen_at >= k_touch_every_ms) {
    if (auto touched = m_repository.touch_session(hash, at); !touched) {
      return pass(std::move(touched));
    }
  }
  Principal out;
  out.user = std::move(user);
  out.role = *role;
  out.via = Principal::Via::session;
  out.credential_hash = hash;
  out.csrf_token = io::keyed_digest(token, "csrf");
  return Found(std::move(out));
}

Result<std::optional<Principal>> Accounts::authenticate_api_token(std::string_view token) {
  using Found = std::optional<Principal>;
  if (!token.starts_with(k_api_token_prefix) || token.size() > 100) return Found();
  TokenHash hash = io::sha256(token);
  CCTEAM_TRY(auto found, m_repository.api_token_by_hash(hash));
  if (!found) return Found();
  auto& [stored, user] = *found;
  auto role = access::parse_workspace_role(user.role);
  if (user.disabled || !role || user.organisation_id != m_organisation) return Found();
  UnixMillis at = now();
  if (!stored.last_used_at || at - *stored.last_used_at >= k_touch_every_ms) {
    if (auto touched = m_repository.touch_api_token(stored.id, at); !touched) {
      return pass(std::move(touched));
    }
  }
  Principal out;
  out.user = std::move(user);
  out.role = *role;
  out.via = Principal::Via::api_token;
  out.credential_hash = hash;
  out.token_id = stored.id;
  return Found(std::move(out));
}

Result<void> Accounts::sign_out(const Principal& principal, const std::string& request_id) {
  if (principal.via != Principal::Via::session) return {};
  return m_repository.end_session(principal.credential_hash, principal.actor(request_id));
}

Result<StoredUser> Accounts::change_password(const Principal& principal, std::string_view current,
                                             std::string_view next, std::string_view repeated,
                                             const std::string& request_id) {
  if (auto ok = access::check_new_password(next); !ok) return pass(std::move(ok));
  if (next != repeated) {
    return tl::unexpected(Error::invalid_input(msg(MsgId::password_mismatch)));
  }
  // Guessing the current password through a stolen session or token counts like guessing at
  // the sign-in: the same per-account limit, checked before hashing.
  UnixMillis at = now();
  std::vector<TokenHash> key = {throttle_key("account", principal.user.login)};
  CCTEAM_TRY(std::vector<std::int64_t> failures,
             m_repository.sign_in_failures(key, at - access::k_failure_window_ms));
  if (failures[0] >= access::k_max_failures_per_account) {
    return tl::unexpected(throttled());
  }
  bool matches = false;
  {
    CCTEAM_TRY(HashSlot slot, hash_slot());
    matches = current.size() <= access::k_max_password_bytes &&
              io::verify_password(principal.user.password_hash, current);
  }
  if (!matches) {
    auto audit = failed_check(at, "user.password_check_failed", principal.actor(request_id),
                              principal.user.id);
    if (auto counted = m_repository.add_sign_in_failure(m_organisation, key, at,
                                                        at - access::k_failure_window_ms, audit);
        !counted) {
      return pass(std::move(counted));
    }
    return tl::unexpected(Error::invalid_input(msg(MsgId::password_current_wrong)));
  }
  store::UserChange change;
  CCTEAM_TRY(change.password_hash, hash(next));
  change.must_change_password = false;
  change.end_sessions = true;
  if (principal.via == Principal::Via::session) change.keep_session = principal.credential_hash;
  return m_repository.update_user(m_organisation, principal.user.id, principal.user.version, change,
                                  "user.password_change", principal.actor(request_id));
}

// --- API tokens

Result<NewApiToken> Accounts::create_token(const Principal& principal, std::string_view name,
                                           const std::string& request_id) {
  CCTEAM_TRY(std::string checked, access::check_name(name, MsgId::token_name_invalid));
  CCTEAM_TRY(std::vector<store::StoredApiToken> existing,
             m_repository.api_tokens(m_organisation, principal.user.id));
  auto in_use = std::count_if(existing.begin(), existing.end(),
                              [](const store::StoredApiToken& t) { return !t.revoked_at; });
  if (in_use >= access::k_max_api_tokens_per_user) {
    return tl::unexpected(
        Error::invalid_input(msg(MsgId::token_limit, access::k_max_api_tokens_per_user)));
  }
  NewApiToken out;
  out.secret = std::string(k_api_token_prefix) + io::random_token(32);
  store::StoredApiToken token;
  token.organisation_id = m_organisation;
  token.user_id = principal.user.id;
  token.name = std::move(checked);
  token.hint = out.secret.substr(0, k_api_token_prefix.size() + 4);
  CCTEAM_TRY(out.token, m_repository.add_api_token(std::move(token), io::sha256(out.secret),
                                                   principal.actor(request_id)));
  return out;
}

Result<std::vector<store::StoredApiToken>> Accounts::tokens(const Principal& principal) {
  std::optional<store::Uuid> owner;
  if (!principal.can(access::Permission::manage_users)) owner = principal.user.id;
  return m_repository.api_tokens(m_organisation, owner);
}

Result<store::StoredApiToken> Accounts::revoke_token(const Principal& principal,
                                                     const store::Uuid& id,
                                                     const std::string& request_id) {
  std::optional<store::Uuid> owner;
  if (!principal.can(access::Permission::manage_users)) owner = principal.user.id;
  return m_repository.revoke_api_token(m_organisation, id, owner, principal.actor(request_id));
}

Result<std::vector<store::AuditEntry>> Accounts::audit(const store::AuditQuery& query) {
  return m_repository.audit_entries(m_organisation, query);
}

}  // namespace ccteam::app
