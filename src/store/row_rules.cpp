#include "store/row_rules.hpp"

#include <utility>

namespace ccteam::store {

AuditEntry audit_of(const Actor& actor, UnixMillis at, std::string action, std::string target_kind,
                    std::optional<Uuid> target, std::vector<std::string> fields) {
  AuditEntry entry;
  entry.at = at;
  entry.actor_user_id = actor.user_id;
  entry.actor_kind = actor.kind;
  entry.action = std::move(action);
  entry.target_kind = std::move(target_kind);
  entry.target_id = std::move(target);
  entry.fields = std::move(fields);
  entry.request_id = actor.request_id;
  return entry;
}

std::string fields_json(const std::vector<std::string>& fields) {
  std::string out = "[";
  for (const auto& field : fields) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : field) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "]";
}

std::vector<std::string> parse_fields_json(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!in_string) {
      if (c == '"') {
        in_string = true;
        current.clear();
      }
    } else if (c == '\\' && i + 1 < text.size()) {
      current += text[++i];
    } else if (c == '"') {
      in_string = false;
      out.push_back(current);
    } else {
      current += c;
    }
  }
  return out;
}

std::vector<std::string> apply_user_change(StoredUser& user, const UserChange& change) {
  std::vector<std::string> fields;
  auto apply = [&fields](auto& target, const auto& value, const char* name) {
    if (value && target != *value) {
      target = *value;
      fields.emplace_back(name);
    }
  };
  apply(user.display_name, change.display_name, "display_name");
  apply(user.role, change.role, "role");
  if (change.password_hash) {
    user.password_hash = *change.password_hash;
    fields.emplace_back("password_hash");
  }
  apply(user.must_change_password, change.must_change_password, "must_change_password");
  apply(user.disabled, change.disabled, "disabled");
  return fields;
}

void finish_in_memory(StoredJob& job, const JobOutcome& outcome, UnixMillis at) {
  job.lease_until.reset();
  if (outcome.done) {
    job.state = "done";
    job.result = outcome.text;
    job.error.reset();
    job.finished_at = at;
  } else if (job.attempts < job.max_attempts && !job.cancel_requested) {
    job.state = "queued";
    job.error = outcome.text;
    job.run_after = outcome.retry_at;
    job.claimed_by.reset();
  } else {
    job.state = "failed";
    job.error = outcome.text;
    job.finished_at = at;
  }
}

}  // namespace ccteam::store
