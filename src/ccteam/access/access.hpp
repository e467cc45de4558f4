#pragma once
// Who may do what in the hiring workspace: the five workspace roles, the permissions the routes
// ask for, and the rules for logins, names and passwords. Pure: no clock, no store.
//
// Roles (docs/accounts.md): an admin manages accounts and reads the audit log; a recruiter and a
// hiring manager work on openings and applicants (hiring managers on their own openings only,
// once openings exist); the works council sees what co-determination gives it (§ 99 BetrVG);
// a viewer reads. Every signed-in role manages its own password and API tokens.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"
#include "ccteam/core/messages.hpp"

namespace ccteam::access {

enum class WorkspaceRole { admin, recruiter, hiring_manager, works_council, viewer };

inline constexpr std::array k_workspace_roles = {
    WorkspaceRole::admin, WorkspaceRole::recruiter, WorkspaceRole::hiring_manager,
    WorkspaceRole::works_council, WorkspaceRole::viewer};

// What a route may ask of its caller.
enum class Permission {
  own_account,      // one's own password, API tokens, who am I: every signed-in role
  manage_users,     // add, change, disable users, reset passwords, see every API token: admin
  read_audit,       // the audit log and its CSV export: admin
  read_operations,  // the background jobs and their outcomes: admin
  read_plans,       // staffing plans: every role (the works council is informed about staffing
                    // plans, BetrVG § 92)
  write_plans,      // calculate and save staffing plans: admin, hiring manager
  read_pay_bands,   // the organisation's own pay bands: every role (budgets show them; the works
                    // council may see the pay structure, BetrVG § 80 (2))
  write_pay_bands,  // edit and import pay bands: admin
  read_employers,   // employer profiles (the facts postings are made from): every role
  write_employers,  // add, edit and import employer profiles: admin, recruiter
  read_openings,    // openings and their postings: every role; a hiring manager sees the drafts
                    // and internal fields (its hiring manager, comments) of their own openings only
  write_openings,   // create, edit, publish and close openings: admin, recruiter
  comment_openings,     // comment on an opening: admin, recruiter, hiring manager (their own)
  read_applications,    // the screened applications of an opening: admin, recruiter (all), hiring
                        // manager (their own openings', blind unless a recruiter unblinded one);
                        // the works council and viewers see no applicant data
  manage_applications,  // unblind, export and erase applications: admin, recruiter
};

// True when 'role' has 'permission'.
bool allows(WorkspaceRole role, Permission permission);

// "admin", "recruiter", "hiring_manager", "works_council", "viewer": the names in the store,
// the API and the CLI.
std::string_view to_string(WorkspaceRole role);
std::optional<WorkspaceRole> parse_workspace_role(std::string_view text);
// "admin, recruiter, hiring_manager, works_council, viewer" for error messages.
std::string workspace_role_names();
// The role's title for people (role_admin ... role_viewer).
MsgId role_title(WorkspaceRole role);

// Accounts.
inline constexpr std::size_t k_min_password_chars = 12;    // NIST SP 800-63B allows 8; we ask 12
inline constexpr std::size_t k_max_password_bytes = 1024;  // bounds the hashing work
inline constexpr std::size_t k_max_name_chars = 100;
// API tokens in use (not revoked) per user: every one stays listed and revocable.
inline constexpr long k_max_api_tokens_per_user = 50;

// A login is 3 to 64 of [A-Za-z0-9.-_@] and is compared case-insensitively: the store keeps
// it in lower case. Error::invalid_input (user_login_invalid) otherwise.
Result<std::string> normalize_login(std::string_view text);
// A display name or token name: 1 to 100 characters (code points) of valid UTF-8, trimmed,
// without control characters or bidirectional overrides and isolates (U+202A-202E,
// U+2066-2069: they make text read differently than it is stored), with at least one visible
// character (not only spaces, U+00A0, U+2000-200D, U+3000, U+FEFF). Error::invalid_input with
// 'message' otherwise.
Result<std::string> check_name(std::string_view text, MsgId message);
// The number of code points of valid UTF-8 'text' without control characters (C0, DEL, C1) or
// bidirectional overrides and isolates; nullopt when it is not valid UTF-8 or holds one of
// those; 0 when it has no visible character (check_name's rule for any one-line text people
// type).
std::optional<std::size_t> printable_chars(std::string_view text);
// At least k_min_password_chars code points, at most k_max_password_bytes bytes.
Result<void> check_new_password(std::string_view password);

// Sign-in throttling (OWASP Authentication Cheat Sheet): counted before any password is hashed.
inline constexpr int k_max_failures_per_account = 10;  // in a row; the 11th attempt waits
inline constexpr int k_max_failures_per_address = 50;  // from one client address
inline constexpr std::int64_t k_failure_window_ms = 15 * 60 * 1000;  // 15 minutes

// Sessions: a signed-in browser is signed out after 30 minutes without a request, and after
// 12 hours in any case (OWASP Session Management Cheat Sheet: idle 15-30 min for sensitive data).
inline constexpr std::int64_t k_session_idle_ms = 30 * 60 * 1000;
inline constexpr std::int64_t k_session_absolute_ms = 12 * 60 * 60 * 1000;

}  // namespace ccteam::access
