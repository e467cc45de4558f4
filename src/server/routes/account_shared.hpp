#pragma once
// What the account API and the account pages share: the JSON of users, tokens and audit
// entries, the audit filters read from a query, times as text, and the request body readers.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/workspace/accounts.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"
#include "server/http/message.hpp"
#include "server/pages/shell.hpp"
#include "server/responses.hpp"
#include "store/repository.hpp"

namespace ccteam::server {

// The signed-in user as the page header shows them (name, role title in 'lang', the sign-out
// form's CSRF token, which admin links to offer).
pages::PageInfo::Viewer viewer_of(const app::Principal& principal, Lang lang);

// "2026-12-05T07:30:00Z" (RFC 3339, UTC, seconds).
std::string rfc3339(store::UnixMillis at);
// For people: "2026-12-05 07:30" (en), "05.12.2026, 07:30" (de), UTC.
std::string display_time(store::UnixMillis at, Lang lang);

// The kinds of change the audit log knows ("user.create", ...), and their titles.
const std::vector<std::string_view>& audit_actions();
MsgId audit_action_title(std::string_view action);
// The words for people of an entry's target kind ("user") and of a field ("display_name");
// an unknown one comes back as it is.
std::string audit_target_title(std::string_view kind, Lang lang);
std::string audit_field_title(std::string_view field, Lang lang);

nlohmann::ordered_json user_json(const store::StoredUser& user);
nlohmann::ordered_json token_json(const store::StoredApiToken& token);
nlohmann::ordered_json audit_json(const store::AuditEntry& entry);

// The audit filters of a query: user (a user id), action, from and to (dates "2026-12-05",
// inclusive, or instants "2026-12-05T08:00:00Z"), before (an entry's seq, for the next page),
// limit (1-100, default 50). Error::usage naming the parameter's pointer "/query/<name>".
Result<store::AuditQuery> audit_query(const std::vector<QueryParam>& params);
// The request's query read with the audit filters' names (read_query).
Result<std::vector<QueryParam>> read_audit_params(const Request& request);

// CSV (RFC 4180) of audit entries with a header line: seq, time, actor_kind, actor_user_id,
// action, target_kind, target_id, fields (joined by '|'), request_id. Values are ids and names
// only; a value starting with = + - @ is prefixed with ' (CSV formula injection).
std::string audit_csv(const std::vector<store::AuditEntry>& entries);

// A JSON object body (Content-Type application/json). Error::usage (http_unsupported_media,
// http_bad_json_body) otherwise.
Result<nlohmann::json> json_body(const Request& request);
// A form body (application/x-www-form-urlencoded) as name -> value (the first of each name).
Result<std::vector<QueryParam>> form_body(const Request& request);
std::string form_value(const std::vector<QueryParam>& fields, std::string_view name);

}  // namespace ccteam::server
