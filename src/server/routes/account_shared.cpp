#include "server/routes/account_shared.hpp"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <unordered_set>

#include <fmt/format.h>

#include "ccteam/core/date.hpp"
#include "io/base/markup.hpp"

namespace ccteam::server {

using json = nlohmann::ordered_json;

namespace {

std::tm utc(store::UnixMillis at) {
  std::time_t seconds = static_cast<std::time_t>(at / 1000);
  std::tm out{};
  gmtime_r(&seconds, &out);
  return out;
}

json optional_time(const std::optional<store::UnixMillis>& at) {
  return at ? json(rfc3339(*at)) : json(nullptr);
}

// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm, as in std::chrono).
store::UnixMillis millis_of(const Date& date) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::sys_days(date).time_since_epoch())
      .count();
}

// "2026-12-05" (the start of that day, or of the next one for an end) or
// "2026-12-05T08:00:00Z".
std::optional<store::UnixMillis> parse_instant(std::string_view text, bool end_of_day) {
  if (text.size() == 10) {
    auto date = parse_iso_date(text);
    if (!date) return std::nullopt;
    store::UnixMillis start = millis_of(*date);
    return end_of_day ? start + 86400000 : start;
  }
  if (text.size() != 20 || text[10] != 'T' || text[19] != 'Z' || text[13] != ':' ||
      text[16] != ':') {
    return std::nullopt;
  }
  auto date = parse_iso_date(text.substr(0, 10));
  if (!date) return std::nullopt;
  int h = 0, m = 0, s = 0;
  auto number = [&](std::size_t at, int& out, int max) {
    auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + 2, out);
    return ec == std::errc{} && end == text.data() + at + 2 && out >= 0 && out <= max;
  };
  if (!number(11, h, 23) || !number(14, m, 59) || !number(17, s, 59)) return std::nullopt;
  return millis_of(*date) + ((h * 60 + m) * 60 + s) * 1000LL;
}

}  // namespace

pages::PageInfo::Viewer viewer_of(const app::Principal& principal, Lang lang) {
  pages::PageInfo::Viewer viewer;
  viewer.display_name = principal.user.display_name;
  viewer.role_title = tr(access::role_title(principal.role), lang);
  viewer.csrf_token = principal.csrf_token;
  viewer.can_manage_users = principal.can(access::Permission::manage_users);
  viewer.can_read_audit = principal.can(access::Permission::read_audit);
  return viewer;
}

std::string rfc3339(store::UnixMillis at) {
  std::tm t = utc(at);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", t.tm_year + 1900, t.tm_mon + 1,
                     t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec);
}

std::string display_time(store::UnixMillis at, Lang lang) {
  std::tm t = utc(at);
  if (lang == Lang::de) {
    return fmt::format("{:02}.{:02}.{:04}, {:02}:{:02}", t.tm_mday, t.tm_mon + 1, t.tm_year + 1900,
                       t.tm_hour, t.tm_min);
  }
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday,
                     t.tm_hour, t.tm_min);
}

const std::vector<std::string_view>& audit_actions() {
  static const std::vector<std::string_view> k_actions = {"user.create",
                                                          "user.update",
                                                          "user.password_reset",
                                                          "user.password_change",
                                                          "user.password_check_failed",
                                                          "session.sign_in",
                                                          "session.sign_in_failed",
                                                          "session.sign_out",
                                                          "token.create",
                                                          "token.revoke",
                                                          "catalog.put",
                                                          "pay_bands.put",
                                                          "employer.create",
                                                          "employer.put",
                                                          "plan.create",
                                                          "opening.create",
                                                          "opening.put",
                                                          "opening.publish",
                                                          "opening.publish_with_errors",
                                                          "opening.close",
                                                          "opening.comment",
                                                          "application.create",
                                                          "application.import",
                                                          "application.screen",
                                                          "application.unblind",
                                                          "application.export",
                                                          "application.withdraw",
                                                          "application.erase",
                                                          "application.retention"};
  return k_actions;
}

MsgId audit_action_title(std::string_view action) {
  static constexpr std::pair<std::string_view, MsgId> k_titles[] = {
      {"user.create", MsgId::audit_action_user_create},
      {"user.update", MsgId::audit_action_user_update},
      {"user.password_reset", MsgId::audit_action_user_password_reset},
      {"user.password_change", MsgId::audit_action_user_password_change},
      {"user.password_check_failed", MsgId::audit_action_user_password_check_failed},
      {"session.sign_in", MsgId::audit_action_session_sign_in},
      {"session.sign_in_failed", MsgId::audit_action_session_sign_in_failed},
      {"session.sign_out", MsgId::audit_action_session_sign_out},
      {"token.create", MsgId::audit_action_token_create},
      {"token.revoke", MsgId::audit_action_token_revoke},
      {"catalog.put", MsgId::audit_action_catalog_put},
      {"pay_bands.put", MsgId::audit_action_pay_bands_put},
      {"employer.create", MsgId::audit_action_employer_create},
      {"employer.put", MsgId::audit_action_employer_put},
      {"plan.create", MsgId::audit_action_plan_create},
      {"opening.create", MsgId::audit_action_opening_create},
      {"opening.put", MsgId::audit_action_opening_put},
      {"opening.publish", MsgId::audit_action_opening_publish},
      {"opening.publish_with_errors", MsgId::audit_action_opening_publish_with_errors},
      {"opening.close", MsgId::audit_action_opening_close},
      {"opening.comment", MsgId::audit_action_opening_comment},
      {"application.create", MsgId::audit_action_application_create},
      {"application.import", MsgId::audit_action_application_import},
      {"application.screen", MsgId::audit_action_application_screen},
      {"application.unblind", MsgId::audit_action_application_unblind},
      {"application.export", MsgId::audit_action_application_export},
      {"application.withdraw", MsgId::audit_action_application_withdraw},
      {"application.erase", MsgId::audit_action_application_erase},
      {"application.retention", MsgId::audit_action_application_retention},
  };
  for (const auto& [name, id] : k_titles) {
    if (name == action) return id;
  }
  return MsgId::audit_action_user_update;
}

std::string audit_target_title(std::string_view kind, Lang lang) {
  static constexpr std::pair<std::string_view, MsgId> k_titles[] = {
      {"user", MsgId::audit_target_user},
      {"session", MsgId::audit_target_session},
      {"token", MsgId::audit_target_token},
      {"catalog", MsgId::audit_target_catalog},
      {"employer", MsgId::audit_target_employer},
      {"plan", MsgId::audit_target_plan},
      {"pay_bands", MsgId::audit_target_pay_bands},
      {"opening", MsgId::audit_target_opening},
      {"application", MsgId::audit_target_application},
  };
  for (const auto& [name, id] : k_titles) {
    if (name == kind) return tr(id, lang);
  }
  return std::string(kind);
}

std::string audit_field_title(std::string_view field, Lang lang) {
  static constexpr std::pair<std::string_view, MsgId> k_titles[] = {
      {"login", MsgId::audit_field_login},
      {"display_name", MsgId::audit_field_display_name},
      {"role", MsgId::audit_field_role},
      {"password_hash", MsgId::audit_field_password_hash},
      {"must_change_password", MsgId::audit_field_must_change_password},
      {"disabled", MsgId::audit_field_disabled},
      {"name", MsgId::audit_field_name},
      {"user_id", MsgId::audit_field_user_id},
      {"revoked_at", MsgId::audit_field_revoked_at},
      {"source_name", MsgId::audit_field_source_name},
      {"version", MsgId::audit_field_version},
      {"series_id", MsgId::audit_field_series_id},
      {"yaml", MsgId::audit_field_yaml},
      {"employer_id", MsgId::web_of_employer},
      {"place", MsgId::web_of_place},
      {"headcount", MsgId::web_of_headcount},
      {"hiring_manager_id", MsgId::web_of_manager},
      {"employment_type", MsgId::web_of_employment_type},
      {"valid_through", MsgId::web_of_valid_through},
      {"languages", MsgId::web_of_languages},
      {"reference", MsgId::web_of_reference},
      {"status", MsgId::web_of_status},
      {"comment", MsgId::web_opening_comment_label},
      {"opening_id", MsgId::audit_target_opening},
      {"personal", MsgId::web_application_personal},
      {"profile", MsgId::web_apply_work},
      {"answers", MsgId::web_application_answers},
      {"verdict", MsgId::web_applications_col_verdict},
      {"screening", MsgId::web_application_criteria},
  };
  if (field == "sections") return ccteam::render(msg(MsgId::web_opening_posting, "de/en"), lang);
  for (const auto& [name, id] : k_titles) {
    if (name == field) return tr(id, lang);
  }
  return std::string(field);
}

json user_json(const store::StoredUser& user) {
  return json{{"id", user.id.to_string()},
              {"login", user.login},
              {"display_name", user.display_name},
              {"role", user.role},
              {"must_change_password", user.must_change_password},
              {"disabled", user.disabled},
              {"version", user.version},
              {"created_at", rfc3339(user.created_at)},
              {"updated_at", rfc3339(user.updated_at)}};
}

json token_json(const store::StoredApiToken& token) {
  return json{{"id", token.id.to_string()},
              {"user_id", token.user_id.to_string()},
              {"name", token.name},
              {"hint", token.hint},
              {"created_at", rfc3339(token.created_at)},
              {"last_used_at", optional_time(token.last_used_at)},
              {"revoked_at", optional_time(token.revoked_at)}};
}

json audit_json(const store::AuditEntry& entry) {
  return json{
      {"seq", entry.seq},
      {"at", rfc3339(entry.at)},
      {"actor",
       {{"kind", entry.actor_kind},
        {"user_id", entry.actor_user_id ? json(entry.actor_user_id->to_string()) : json(nullptr)}}},
      {"action", entry.action},
      {"target",
       {{"kind", entry.target_kind},
        {"id", entry.target_id ? json(entry.target_id->to_string()) : json(nullptr)}}},
      {"fields", entry.fields},
      {"request_id", entry.request_id}};
}

Result<store::AuditQuery> audit_query(const std::vector<QueryParam>& params) {
  store::AuditQuery out;
  for (const QueryParam& p : params) {
    if (p.value.empty()) continue;  // an empty filter field of the page's form
    if (p.name == "user") {
      auto id = store::Uuid::parse(p.value);
      if (!id) {
        return tl::unexpected(bad_query_parameter("user", p.value, msg(MsgId::hint_http_after)));
      }
      out.actor = *id;
    } else if (p.name == "action") {
      const auto& known = audit_actions();
      if (std::find(known.begin(), known.end(), p.value) == known.end()) {
        std::string names;
        for (auto name : known) names += (names.empty() ? "" : ", ") + std::string(name);
        Error error = bad_query_parameter("action", p.value, msg(MsgId::hint_known_keys, names));
        error.message = msg(MsgId::audit_bad_action, shorten(p.value), names);
        return tl::unexpected(error);
      }
      out.action = p.value;
    } else if (p.name == "from" || p.name == "to") {
      auto at = parse_instant(p.value, p.name == "to");
      if (!at) {
        Error error = bad_query_parameter(p.name, p.value, msg(MsgId::hint_full_date));
        error.message = msg(MsgId::audit_bad_time, shorten(p.value));
        return tl::unexpected(error);
      }
      (p.name == "from" ? out.from : out.to) = *at;
    } else if (p.name == "before" || p.name == "limit") {
      bool limit = p.name == "limit";
      auto value = limit ? whole_number(p.value, 1, 100) : whole_number(p.value, 1);
      if (!value) {
        return tl::unexpected(bad_query_parameter(
            p.name, p.value,
            limit ? msg(MsgId::hint_range, "1", "100") : msg(MsgId::hint_http_after)));
      }
      if (limit) {
        out.limit = static_cast<std::size_t>(*value);
      } else {
        out.before_seq = *value;
      }
    }
  }
  return out;
}

Result<std::vector<QueryParam>> read_audit_params(const Request& request) {
  return read_query(request, {"user", "action", "from", "to", "before", "limit"});
}

std::string audit_csv(const std::vector<store::AuditEntry>& entries) {
  std::string out =
      "seq,time,actor_kind,actor_user_id,action,target_kind,target_id,fields,request_id\r\n";
  for (const auto& e : entries) {
    std::string fields;
    for (const auto& f : e.fields) fields += (fields.empty() ? "" : "|") + f;
    out += fmt::format(
        "{},{},{},{},{},{},{},{},{}\r\n", e.seq, rfc3339(e.at), io::csv_field(e.actor_kind),
        e.actor_user_id ? e.actor_user_id->to_string() : std::string(), io::csv_field(e.action),
        io::csv_field(e.target_kind), e.target_id ? e.target_id->to_string() : std::string(),
        io::csv_field(fields), io::csv_field(e.request_id));
  }
  return out;
}

Result<nlohmann::json> json_body(const Request& request) {
  const std::string* type = request.header("content-type");
  if (!type || !type->starts_with("application/json")) {
    return tl::unexpected(Error::usage(msg(MsgId::http_unsupported_media, "application/json")));
  }
  // A key given twice would silently mean its last value ("role" twice: the second wins).
  std::optional<std::string> duplicate;
  std::vector<std::unordered_set<std::string>> keys;  // per open object
  auto watch = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& value) {
    using Event = nlohmann::json::parse_event_t;
    if (event == Event::object_start) keys.emplace_back();
    if (event == Event::object_end && !keys.empty()) keys.pop_back();
    if (event == Event::key && !keys.empty() && !duplicate) {
      std::string key = value.get<std::string>();
      if (!keys.back().insert(key).second) duplicate = std::move(key);
    }
    return true;
  };
  auto parsed = nlohmann::json::parse(request.body, watch, false);
  if (parsed.is_discarded()) {
    return tl::unexpected(Error::usage(msg(MsgId::http_bad_json_body, shorten(request.body, 40))));
  }
  if (!parsed.is_object()) return tl::unexpected(Error::usage(msg(MsgId::http_json_not_object)));
  if (duplicate) {
    return tl::unexpected(Error::usage(msg(MsgId::http_json_duplicate_key, shorten(*duplicate))));
  }
  return parsed;
}

Result<std::vector<QueryParam>> form_body(const Request& request) {
  const std::string* type = request.header("content-type");
  if (!type || !type->starts_with("application/x-www-form-urlencoded")) {
    return tl::unexpected(
        Error::usage(msg(MsgId::http_unsupported_media, "application/x-www-form-urlencoded")));
  }
  auto fields = parse_query(request.body);
  if (!fields) {
    return tl::unexpected(Error::usage(msg(MsgId::http_bad_form_body, shorten(request.body, 40))));
  }
  return std::move(*fields);
}

std::string form_value(const std::vector<QueryParam>& fields, std::string_view name) {
  for (const auto& field : fields) {
    if (field.name == name) return field.value;
  }
  return {};
}

}  // namespace ccteam::server
