// The account API: who am I, my password, users (admin), API tokens, the audit log (admin).
// docs/api/openapi.yaml describes every route; the access policy of each is in the table below.
#include <charconv>

#include <fmt/format.h>

#include "server/responses.hpp"
#include "server/routes/account_shared.hpp"
#include "server/routes/routes.hpp"

namespace ccteam::server {

namespace {

using json = nlohmann::ordered_json;
using access::Permission;

constexpr std::size_t k_small_body = 4096;

Response fail(const Error& error, const Caller& caller, const Request& request) {
  return problem(error, caller.lang, request);
}

// A field of a JSON body, named by its pointer in the error.
Error bad_field(std::string_view name, MsgId what) {
  return Error{ErrorKind::invalid_input, msg(what), SourcePos{"", 0, 0, "/" + std::string(name)},
               std::nullopt};
}

// The string field 'name': nullopt when absent (and not required); Error when of another type.
Result<std::optional<std::string>> string_field(const nlohmann::json& body, std::string_view name,
                                                bool required, MsgId what) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) return tl::unexpected(bad_field(name, what));
    return std::optional<std::string>();
  }
  if (!it->is_string()) return tl::unexpected(bad_field(name, what));
  return std::optional<std::string>(it->get<std::string>());
}

Result<std::int64_t> version_field(const nlohmann::json& body) {
  auto it = body.find("version");
  if (it == body.end() || !it->is_number_integer() || it->get<std::int64_t>() < 1) {
    return tl::unexpected(Error{ErrorKind::invalid_input,
                                msg(MsgId::hint_range, "1", "9223372036854775807"),
                                SourcePos{"", 0, 0, "/version"}, std::nullopt});
  }
  return it->get<std::int64_t>();
}

// An error of a field the use case checked, with the pointer of the field it is about.
Error at_field(Error error, std::string_view name) {
  if (error.kind == ErrorKind::invalid_input && error.where.json_pointer.empty()) {
    error.where.json_pointer = "/" + std::string(name);
  }
  return error;
}

Result<store::Uuid> path_uuid(const PathParams& params, std::string_view name) {
  auto id = store::Uuid::parse(params[name]);
  if (!id) {
    return tl::unexpected(
        Error::not_found(msg(MsgId::http_not_found, shorten(std::string(params[name])))));
  }
  return *id;
}

Response me(const Caller& caller) {
  const app::Principal& who = *caller.principal;
  json permissions = json::array();
  for (auto [permission, name] : {std::pair{Permission::own_account, "own_account"},
                                  std::pair{Permission::manage_users, "manage_users"},
                                  std::pair{Permission::read_audit, "read_audit"},
                                  std::pair{Permission::read_operations, "read_operations"},
                                  std::pair{Permission::read_plans, "read_plans"},
                                  std::pair{Permission::write_plans, "write_plans"},
                                  std::pair{Permission::read_pay_bands, "read_pay_bands"},
                                  std::pair{Permission::write_pay_bands, "write_pay_bands"},
                                  std::pair{Permission::read_employers, "read_employers"},
                                  std::pair{Permission::write_employers, "write_employers"},
                                  std::pair{Permission::read_openings, "read_openings"},
                                  std::pair{Permission::write_openings, "write_openings"},
                                  std::pair{Permission::comment_openings, "comment_openings"}}) {
    if (who.can(permission)) permissions.push_back(name);
  }
  json body{{"user", user_json(who.user)},
            {"permissions", permissions},
            {"via", who.via == app::Principal::Via::session ? "session" : "api_token"}};
  if (who.via == app::Principal::Via::session) body["csrf_token"] = who.csrf_token;
  return json_response(body);
}

}  // namespace

void add_account_api(Router& router, RouteContext& context) {
  app::Accounts& accounts = context.accounts;

  router.add({"GET", "/api/v1/me", Access::own_account_setup(), 0,
              [](const Request& request, const PathParams&, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return fail(query.error(), caller, request);
                }
                return me(caller);
              }});

  router.add({"PUT", "/api/v1/me/password", Access::own_account_setup(), k_small_body,
              [&accounts](const Request& request, const PathParams&, const Caller& caller) {
                auto body = json_body(request);
                if (!body) return fail(body.error(), caller, request);
                auto current =
                    string_field(*body, "current_password", true, MsgId::password_current_wrong);
                if (!current) return fail(current.error(), caller, request);
                auto next = string_field(*body, "new_password", true, MsgId::password_too_short);
                if (!next) return fail(next.error(), caller, request);
                auto changed = accounts.change_password(*caller.principal, **current, **next,
                                                        **next, request.request_id);
                if (!changed) {
                  bool about_current = changed.error().message.id == MsgId::password_current_wrong;
                  return fail(at_field(changed.error(),
                                       about_current ? "current_password" : "new_password"),
                              caller, request);
                }
                return json_response(json{{"user", user_json(*changed)}});
              }});

  router.add({"GET", "/api/v1/users", Access::to(Permission::manage_users), 0,
              [&accounts](const Request& request, const PathParams&, const Caller& caller) {
                auto query = read_query(request, {"limit", "after"});
                if (!query) return fail(query.error(), caller, request);
                std::size_t limit = 50;
                std::optional<std::string> after;
                for (const auto& p : *query) {
                  if (p.name == "after") after = p.value;
                  if (p.name == "limit") {
                    auto value = whole_number(p.value, 1, 100);
                    if (!value) {
                      return fail(
                          bad_query_parameter("limit", p.value, msg(MsgId::hint_range, "1", "100")),
                          caller, request);
                    }
                    limit = static_cast<std::size_t>(*value);
                  }
                }
                auto users = accounts.users(after, limit + 1);
                if (!users) return fail(users.error(), caller, request);
                json body{{"items", json::array()}, {"next", nullptr}};
                for (std::size_t i = 0; i < users->size() && i < limit; ++i) {
                  body["items"].push_back(user_json((*users)[i]));
                }
                if (users->size() > limit) {
                  body["next"] = fmt::format("/api/v1/users?limit={}&after={}", limit,
                                             (*users)[limit - 1].login);
                }
                return json_response(body);
              }});

  router.add({"POST", "/api/v1/users", Access::to(Permission::manage_users), k_small_body,
              [&accounts](const Request& request, const PathParams&, const Caller& caller) {
                auto body = json_body(request);
                if (!body) return fail(body.error(), caller, request);
                auto login = string_field(*body, "login", true, MsgId::user_login_invalid);
                if (!login) return fail(login.error(), caller, request);
                auto name = string_field(*body, "display_name", true, MsgId::user_name_invalid);
                if (!name) return fail(name.error(), caller, request);
                auto role = string_field(*body, "role", true, MsgId::user_role_invalid);
                if (!role) return fail(role.error(), caller, request);
                auto added = accounts.add_user(**login, **name, **role,
                                               caller.principal->actor(request.request_id));
                if (!added) {
                  MsgId id = added.error().message.id;
                  std::string_view field = id == MsgId::user_name_invalid   ? "display_name"
                                           : id == MsgId::user_role_invalid ? "role"
                                                                            : "login";
                  return fail(at_field(added.error(), field), caller, request);
                }
                Response response =
                    json_response(json{{"user", user_json(added->user)},
                                       {"one_time_password", added->one_time_password}},
                                  201);
                response.set("Location", "/api/v1/users/" + added->user.id.to_string());
                return response;
              }});

  router.add({"GET", "/api/v1/users/{id}", Access::to(Permission::manage_users), 0,
              [&accounts](const Request& request, const PathParams& params, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return fail(query.error(), caller, request);
                }
                auto id = path_uuid(params, "id");
                if (!id) return fail(id.error(), caller, request);
                auto user = accounts.user(*id);
                if (!user) return fail(user.error(), caller, request);
                return json_response(user_json(*user));
              }});

  router.add({"PATCH", "/api/v1/users/{id}", Access::to(Permission::manage_users), k_small_body,
              [&accounts](const Request& request, const PathParams& params, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return fail(query.error(), caller, request);
                }
                auto id = path_uuid(params, "id");
                if (!id) return fail(id.error(), caller, request);
                auto body = json_body(request);
                if (!body) return fail(body.error(), caller, request);
                auto version = version_field(*body);
                if (!version) return fail(version.error(), caller, request);
                auto name = string_field(*body, "display_name", false, MsgId::user_name_invalid);
                if (!name) return fail(name.error(), caller, request);
                auto role = string_field(*body, "role", false, MsgId::user_role_invalid);
                if (!role) return fail(role.error(), caller, request);
                std::optional<bool> disabled;
                if (auto it = body->find("disabled"); it != body->end() && !it->is_null()) {
                  if (!it->is_boolean()) {
                    return fail(Error{ErrorKind::invalid_input,
                                      msg(MsgId::resume_wrong_type, "disabled", MsgId::type_bool),
                                      SourcePos{"", 0, 0, "/disabled"}, std::nullopt},
                                caller, request);
                  }
                  disabled = it->get<bool>();
                }
                auto updated = accounts.update_user(*id, *version, *name, *role, disabled,
                                                    caller.principal->actor(request.request_id));
                if (!updated) {
                  MsgId what = updated.error().message.id;
                  std::string_view field = what == MsgId::user_name_invalid   ? "display_name"
                                           : what == MsgId::user_role_invalid ? "role"
                                                                              : "";
                  return fail(field.empty() ? updated.error() : at_field(updated.error(), field),
                              caller, request);
                }
                return json_response(user_json(*updated));
              }});

  router.add({"POST", "/api/v1/users/{id}/password-reset", Access::to(Permission::manage_users),
              k_small_body,
              [&accounts](const Request& request, const PathParams& params, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return fail(query.error(), caller, request);
                }
                auto id = path_uuid(params, "id");
                if (!id) return fail(id.error(), caller, request);
                auto body = json_body(request);
                if (!body) return fail(body.error(), caller, request);
                auto version = version_field(*body);
                if (!version) return fail(version.error(), caller, request);
                auto reset = accounts.reset_password(*id, *version,
                                                     caller.principal->actor(request.request_id));
                if (!reset) return fail(reset.error(), caller, request);
                return json_response(json{{"user", user_json(reset->user)},
                                          {"one_time_password", reset->one_time_password}});
              }});

  router.add({"GET", "/api/v1/tokens", Access::to(Permission::own_account), 0,
              [&accounts](const Request& request, const PathParams&, const Caller& caller) {
                auto query = read_query(request, {});
                if (!query) return fail(query.error(), caller, request);
                auto tokens = accounts.tokens(*caller.principal);
                if (!tokens) return fail(tokens.error(), caller, request);
                json items = json::array();
                for (const auto& token : *tokens) items.push_back(token_json(token));
                return json_response(json{{"items", items}});
              }});

  router.add({"POST", "/api/v1/tokens", Access::to(Permission::own_account), k_small_body,
              [&accounts](const Request& request, const PathParams&, const Caller& caller) {
                auto body = json_body(request);
                if (!body) return fail(body.error(), caller, request);
                auto name = string_field(*body, "name", true, MsgId::token_name_invalid);
                if (!name) return fail(name.error(), caller, request);
                auto made = accounts.create_token(*caller.principal, **name, request.request_id);
                if (!made) return fail(at_field(made.error(), "name"), caller, request);
                return json_response(
                    json{{"token", token_json(made->token)}, {"secret", made->secret}}, 201);
              }});

  router.add({"DELETE", "/api/v1/tokens/{id}", Access::to(Permission::own_account), 0,
              [&accounts](const Request& request, const PathParams& params, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return fail(query.error(), caller, request);
                }
                auto id = path_uuid(params, "id");
                if (!id) return fail(id.error(), caller, request);
                auto revoked = accounts.revoke_token(*caller.principal, *id, request.request_id);
                if (!revoked) return fail(revoked.error(), caller, request);
                return json_response(token_json(*revoked));
              }});

  auto audit_route = [&accounts](bool csv) {
    return [&accounts, csv](const Request& request, const PathParams&, const Caller& caller) {
      auto params = read_audit_params(request);
      if (!params) return fail(params.error(), caller, request);
      auto query = audit_query(*params);
      if (!query) return fail(query.error(), caller, request);
      if (csv) query->limit = 100000;  // the export is every entry of the filter
      std::size_t limit = query->limit;
      if (!csv) query->limit = limit + 1;
      auto entries = accounts.audit(*query);
      if (!entries) return fail(entries.error(), caller, request);
      Response response;
      if (csv) {
        response.body = audit_csv(*entries);
        response.set("Content-Type", "text/csv; charset=utf-8");
        response.set("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        return response;
      }
      json body{{"items", json::array()}, {"next", nullptr}};
      for (std::size_t i = 0; i < entries->size() && i < limit; ++i) {
        body["items"].push_back(audit_json((*entries)[i]));
      }
      if (entries->size() > limit) {
        std::string next =
            fmt::format("/api/v1/audit?limit={}&before={}", limit, (*entries)[limit - 1].seq);
        for (const auto& p : *params) {
          if (p.name != "limit" && p.name != "before" && !p.value.empty()) {
            next += "&" + p.name + "=" + p.value;
          }
        }
        body["next"] = next;
      }
      return json_response(body);
    };
  };
  router.add({"GET", "/api/v1/audit", Access::to(Permission::read_audit), 0, audit_route(false)});
  router.add(
      {"GET", "/api/v1/audit.csv", Access::to(Permission::read_audit), 0, audit_route(true)});
}

}  // namespace ccteam::server
