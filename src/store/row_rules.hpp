#pragma once
// What both store backends do the same way around their SQL: the audit entry of a write, the
// field list it stores, and how a UserChange applies to a user row.

#include <optional>
#include <string>
#include <vector>

#include "store/repository.hpp"

namespace ccteam::store {

// The audit entry of a write by 'actor' at 'at'.
AuditEntry audit_of(const Actor& actor, UnixMillis at, std::string action, std::string target_kind,
                    std::optional<Uuid> target, std::vector<std::string> fields = {});

// The audit entry's field names as stored: a JSON array of strings (["role","disabled"]), and
// back. parse_fields_json reads what fields_json wrote (\" and \\ escapes).
std::string fields_json(const std::vector<std::string>& fields);
std::vector<std::string> parse_fields_json(const std::string& text);

// Applies 'change' to 'user' and returns the names of the fields that changed (a new password
// hash always counts, even when equal: it is a new salt).
std::vector<std::string> apply_user_change(StoredUser& user, const UserChange& change);

// Applies a claimed job's outcome at 'at': done (result, finished), queued again for
// outcome.retry_at while attempts are left and nobody asked it to stop (cancel_requested), else
// failed for good (error, finished).
void finish_in_memory(StoredJob& job, const JobOutcome& outcome, UnixMillis at);

// The user is an admin who can sign in (the last one must stay).
inline bool is_active_admin(const StoredUser& user) {
  return user.role == "admin" && !user.disabled;
}

}  // namespace ccteam::store
