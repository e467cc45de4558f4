// The account pages: sign in and out, one's own account (password, API tokens), the users of
// the workspace and the audit log (admins). Forms work without JavaScript; every unsafe form
// carries the session's CSRF token (checked before the route runs, server/auth.hpp). A form
// with errors is shown again with what was typed (never a password) and the errors on top.
#include <charconv>

#include <fmt/format.h>

#include "server/pages/shell.hpp"
#include "server/responses.hpp"
#include "server/routes/account_shared.hpp"
#include "server/routes/page_shared.hpp"
#include "server/routes/routes.hpp"

namespace ccteam::server {

namespace {

using access::Permission;
using pages::lang_path;

constexpr std::size_t k_form_body = 8192;

struct Notice {
  std::string text;
  std::string secret;  // a one-time password or a new token, shown once
};

// What a form page shows above the form.
struct FormState {
  std::vector<std::string> errors;
  std::vector<Notice> notices;
};

render::Context form_page(const std::string& title, Lang lang, const pages::PageInfo& info,
                          const FormState& state) {
  render::Context out = pages::shell_context(title, lang, info);
  out.text("heading", title)
      .flag("has_errors", !state.errors.empty())
      .text("errors_heading", tr(MsgId::web_form_errors, lang));
  std::vector<render::Context> errors;
  for (const auto& e : state.errors) {
    render::Context item;
    item.text(".", e);
    errors.push_back(std::move(item));
  }
  out.list("errors", std::move(errors));
  std::vector<render::Context> notices;
  for (const auto& n : state.notices) {
    render::Context item;
    item.text("text", n.text);
    if (!n.secret.empty()) item.text("secret", n.secret);
    notices.push_back(std::move(item));
  }
  out.list("notices", std::move(notices));
  return out;
}

std::string error_text(const Error& shown, Lang lang) {
  Error error = shown_error(shown);
  std::string text = ccteam::render(error.message, lang);
  if (error.hint) text += ". " + ccteam::render(*error.hint, lang);
  return text;
}

Response not_found_page(RouteContext& context, const Request& request, const Caller& caller) {
  return page_response(context.pages.error(404, msg(MsgId::http_not_found, shorten(request.path)),
                                           caller.lang, page_info(context, "/roles", caller)),
                       404);
}

std::vector<render::Context> role_options(const std::string& selected, Lang lang) {
  std::vector<render::Context> out;
  for (access::WorkspaceRole role : access::k_workspace_roles) {
    render::Context option;
    std::string value(access::to_string(role));
    option.text("value", value)
        .text("title", tr(access::role_title(role), lang))
        .flag("selected", value == selected);
    out.push_back(std::move(option));
  }
  return out;
}

std::string role_title_of(const std::string& role, Lang lang) {
  auto parsed = access::parse_workspace_role(role);
  return parsed ? tr(access::role_title(*parsed), lang) : role;
}

int status_for(const Error& error) {
  switch (error.kind) {
    case ErrorKind::unauthenticated:
      return 401;
    case ErrorKind::throttled:
      return 429;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::unavailable:
      return 503;
    case ErrorKind::io:
    case ErrorKind::internal:
      return 500;
    default:
      return 422;
  }
}

// --- sign-in

Response sign_in_page(RouteContext& context, const Caller& caller, const std::string& login,
                      const std::string& next, const FormState& state, int status) {
  Lang lang = caller.lang;
  pages::PageInfo info = page_info(context, "/sign-in", caller);
  render::Context page = form_page(tr(MsgId::web_sign_in_title, lang), lang, info, state);
  page.text("intro", tr(MsgId::web_sign_in_intro, lang))
      .text("action", lang_path(lang, "/sign-in"))
      .text("csrf", caller.principal ? caller.principal->csrf_token : std::string())
      .text("next", next)
      .text("login", login)
      .text("label_login", tr(MsgId::web_label_login, lang))
      .text("label_password", tr(MsgId::web_label_password, lang))
      .text("button", tr(MsgId::web_sign_in_button, lang));
  return page_response(context.pages.workspace_page("sign_in", page), status);
}

// --- account

struct AccountForm {
  std::string token_name;
};

Response account_page(RouteContext& context, const Caller& caller, const app::Principal& who,
                      const FormState& state, const AccountForm& form, int status = 200) {
  Lang lang = caller.lang;
  pages::PageInfo info = page_info(context, "/account", caller);
  FormState shown = state;
  if (who.user.must_change_password) {
    shown.notices.insert(shown.notices.begin(), {tr(MsgId::web_must_change_password, lang), {}});
  }
  render::Context page = form_page(tr(MsgId::web_account_title, lang), lang, info, shown);
  page.text("signed_in_as", ccteam::render(msg(MsgId::web_signed_in_as,
                                               who.user.display_name + ", " + who.user.login,
                                               tr(access::role_title(who.role), lang)),
                                           lang))
      .text("login", who.user.login)
      .text("csrf", who.csrf_token)
      .text("password_heading", tr(MsgId::web_password_heading, lang))
      .text("password_action", lang_path(lang, "/account/password"))
      .text("label_current", tr(MsgId::web_label_current_password, lang))
      .text("label_new",
            ccteam::render(msg(MsgId::web_label_new_password, access::k_min_password_chars), lang))
      .text("label_repeat", tr(MsgId::web_label_repeat_password, lang))
      .text("min_chars", fmt::format("{}", access::k_min_password_chars))
      .text("save_password", tr(MsgId::web_save_password, lang))
      .flag("show_tokens", !who.user.must_change_password);
  if (!who.user.must_change_password) {
    auto tokens = context.accounts.tokens(who);
    std::vector<render::Context> rows;
    if (tokens) {
      for (const auto& token : *tokens) {
        if (token.user_id != who.user.id) continue;  // an admin's page lists their own
        render::Context row;
        row.text("name", token.name)
            .text("hint", token.hint)
            .text("created", display_time(token.created_at, lang))
            .text("last_used", token.last_used_at ? display_time(*token.last_used_at, lang)
                                                  : tr(MsgId::web_never, lang))
            .flag("active", !token.revoked_at)
            .text("revoked", tr(MsgId::audit_action_token_revoke, lang))
            .text("csrf", who.csrf_token)
            .text("revoke", tr(MsgId::web_revoke, lang))
            .text("revoke_label", tr(MsgId::web_revoke, lang) + ": " + token.name)
            .text("revoke_action",
                  lang_path(lang, "/account/tokens/" + token.id.to_string() + "/revoke"));
        rows.push_back(std::move(row));
      }
    }
    page.text("tokens_heading", tr(MsgId::web_tokens_heading, lang))
        .text("tokens_intro", tr(MsgId::web_tokens_intro, lang))
        .flag("has_tokens", !rows.empty())
        .text("col_name", tr(MsgId::web_col_name, lang))
        .text("col_created", tr(MsgId::web_col_created, lang))
        .text("col_last_used", tr(MsgId::web_col_last_used, lang))
        .text("revoke", tr(MsgId::web_revoke, lang))
        .text("no_tokens", tr(MsgId::web_no_tokens, lang))
        .text("token_action", lang_path(lang, "/account/tokens"))
        .text("label_token_name", tr(MsgId::web_label_token_name, lang))
        .text("token_name", form.token_name)
        .text("create_token", tr(MsgId::web_create_token, lang));
    page.list("tokens", std::move(rows));
  }
  return page_response(context.pages.workspace_page("account", page), status);
}

// --- users

struct NewUserForm {
  std::string login;
  std::string display_name;
  std::string role = "recruiter";
};

Response users_page(RouteContext& context, const Caller& caller, const FormState& state,
                    const NewUserForm& form, int status = 200) {
  Lang lang = caller.lang;
  pages::PageInfo info = page_info(context, "/admin/users", caller);
  render::Context page = form_page(tr(MsgId::web_users_title, lang), lang, info, state);
  auto users = context.accounts.users(std::nullopt, 1000);
  if (!users) {
    int failed = status_for(users.error());
    return page_response(
        context.pages.error(failed, shown_error(users.error()).message, lang, info), failed);
  }
  std::vector<render::Context> rows;
  for (const auto& user : *users) {
    render::Context row;
    row.text("href", lang_path(lang, "/admin/users/" + user.id.to_string()))
        .text("login", user.login)
        .text("name", user.display_name)
        .text("role", role_title_of(user.role, lang))
        .text("status",
              tr(user.disabled ? MsgId::user_status_disabled : MsgId::user_status_active, lang));
    rows.push_back(std::move(row));
  }
  page.list("users", std::move(rows));
  page.text("intro", tr(MsgId::web_users_intro, lang))
      .text("col_login", tr(MsgId::web_col_login, lang))
      .text("col_name", tr(MsgId::web_col_name, lang))
      .text("col_role", tr(MsgId::web_col_user_role, lang))
      .text("col_status", tr(MsgId::web_col_status, lang))
      .text("add_heading", tr(MsgId::web_add_user_heading, lang))
      .text("add_action", lang_path(lang, "/admin/users"))
      .text("csrf", caller.principal->csrf_token)
      .text("label_login", tr(MsgId::web_label_login, lang))
      .text("label_name", tr(MsgId::web_label_display_name, lang))
      .text("label_role", tr(MsgId::web_label_role, lang))
      .text("login", form.login)
      .text("display_name", form.display_name)
      .text("add_button", tr(MsgId::web_add_user_button, lang));
  page.list("roles", role_options(form.role, lang));
  return page_response(context.pages.workspace_page("users", page), status);
}

struct UserForm {
  std::string display_name;
  std::string role;
  bool disabled = false;
  std::int64_t version = 0;
};

Response user_page(RouteContext& context, const Caller& caller, const store::StoredUser& user,
                   const UserForm& form, const FormState& state, int status = 200) {
  Lang lang = caller.lang;
  std::string path = "/admin/users/" + user.id.to_string();
  pages::PageInfo info = page_info(context, path, caller);
  render::Context page = form_page(
      ccteam::render(msg(MsgId::web_edit_user_title, user.login), lang), lang, info, state);
  page.text("save_action", lang_path(lang, path))
      .text("reset_action", lang_path(lang, path + "/password-reset"))
      .text("csrf", caller.principal->csrf_token)
      .text("version", fmt::format("{}", form.version))
      .text("label_name", tr(MsgId::web_label_display_name, lang))
      .text("display_name", form.display_name)
      .text("label_role", tr(MsgId::web_label_role, lang))
      .text("label_disabled", tr(MsgId::web_label_disabled, lang))
      .flag("disabled", form.disabled)
      .text("save", tr(MsgId::web_save, lang))
      .text("reset_heading", tr(MsgId::web_reset_password_heading, lang))
      .text("reset_intro", tr(MsgId::web_reset_password_intro, lang))
      .text("reset_button", tr(MsgId::web_reset_password_button, lang))
      .text("back_href", lang_path(lang, "/admin/users"))
      .text("back_text", tr(MsgId::web_users_title, lang));
  page.list("roles", role_options(form.role, lang));
  return page_response(context.pages.workspace_page("user", page), status);
}

UserForm form_of(const store::StoredUser& user) {
  return {user.display_name, user.role, user.disabled, user.version};
}

// --- audit

Response audit_page(RouteContext& context, const Request& request, const Caller& caller) {
  Lang lang = caller.lang;
  pages::PageInfo info = page_info(context, "/admin/audit", caller);
  FormState state;
  auto params = read_audit_params(request);
  store::AuditQuery query;
  std::vector<QueryParam> shown;
  if (!params) {
    state.errors.push_back(error_text(params.error(), lang));
  } else {
    shown = *params;
    auto parsed = audit_query(*params);
    if (parsed) {
      query = *parsed;
    } else {
      state.errors.push_back(error_text(parsed.error(), lang));
    }
  }
  std::size_t limit = query.limit;
  query.limit = limit + 1;
  auto entries = state.errors.empty() ? context.accounts.audit(query)
                                      : Result<std::vector<store::AuditEntry>>();
  if (!entries) {
    int failed = status_for(entries.error());
    return page_response(
        context.pages.error(failed, shown_error(entries.error()).message, lang, info), failed);
  }
  auto users = context.accounts.users(std::nullopt, 1000);
  std::map<std::string, std::string> logins;
  if (users) {
    for (const auto& u : *users) logins[u.id.to_string()] = u.login;
  }
  render::Context page = form_page(tr(MsgId::web_audit_title, lang), lang, info, state);
  std::string selected_user = form_value(shown, "user");
  std::string selected_action = form_value(shown, "action");
  std::vector<render::Context> user_options;
  if (users) {
    for (const auto& u : *users) {
      render::Context option;
      option.text("value", u.id.to_string())
          .text("title", u.login)
          .flag("selected", u.id.to_string() == selected_user);
      user_options.push_back(std::move(option));
    }
  }
  std::vector<render::Context> action_options;
  for (std::string_view action : audit_actions()) {
    render::Context option;
    option.text("value", std::string(action))
        .text("title", tr(audit_action_title(action), lang))
        .flag("selected", action == selected_action);
    action_options.push_back(std::move(option));
  }
  std::vector<render::Context> rows;
  for (std::size_t i = 0; i < entries->size() && i < limit; ++i) {
    const store::AuditEntry& e = (*entries)[i];
    std::string actor;
    if (e.actor_user_id) {
      auto it = logins.find(e.actor_user_id->to_string());
      actor = it != logins.end() ? it->second : e.actor_user_id->to_string();
    } else {
      actor = tr(e.actor_kind == "cli" ? MsgId::audit_actor_cli : MsgId::audit_actor_system, lang);
    }
    std::string target = audit_target_title(e.target_kind, lang);
    if (e.target_id) {
      auto it = logins.find(e.target_id->to_string());
      target += " " + (it != logins.end() && e.target_kind == "user" ? it->second
                                                                     : e.target_id->to_string());
    }
    std::string fields;
    for (const auto& f : e.fields) {
      fields += (fields.empty() ? "" : ", ") + audit_field_title(f, lang);
    }
    render::Context row;
    row.text("iso", rfc3339(e.at))
        .text("time", display_time(e.at, lang))
        .text("actor", actor)
        .text("action", tr(audit_action_title(e.action), lang))
        .text("target", target)
        .text("fields", fields);
    rows.push_back(std::move(row));
  }
  std::string filters;
  for (const auto& p : shown) {
    if (p.name == "before" || p.value.empty()) continue;
    filters += "&" + p.name + "=" + p.value;
  }
  if (entries->size() > limit) {
    page.text("older_href", fmt::format("{}?before={}{}", lang_path(lang, "/admin/audit"),
                                        (*entries)[limit - 1].seq, filters));
  }
  page.text("intro", tr(MsgId::web_audit_intro, lang))
      .text("action", lang_path(lang, "/admin/audit"))
      .text("label_user", tr(MsgId::web_filter_user, lang))
      .text("label_action", tr(MsgId::web_filter_action, lang))
      .text("label_from", tr(MsgId::web_filter_from, lang))
      .text("label_to", tr(MsgId::web_filter_to, lang))
      .text("from", form_value(shown, "from"))
      .text("to", form_value(shown, "to"))
      .text("any", tr(MsgId::web_any, lang))
      .text("filter", tr(MsgId::web_filter_button, lang))
      .text("csv_href", "/api/v1/audit.csv" + (filters.empty() ? "" : "?" + filters.substr(1)))
      .text("csv_text", tr(MsgId::web_export_csv, lang))
      .flag("has_entries", !rows.empty())
      .text("col_time", tr(MsgId::web_col_time, lang))
      .text("col_actor", tr(MsgId::web_col_actor, lang))
      .text("col_action", tr(MsgId::web_col_action, lang))
      .text("col_target", tr(MsgId::web_col_target, lang))
      .text("col_fields", tr(MsgId::web_col_fields, lang))
      .text("empty", tr(MsgId::web_audit_empty, lang))
      .text("older_text", tr(MsgId::web_older_entries, lang));
  page.list("users", std::move(user_options));
  page.list("actions", std::move(action_options));
  page.list("entries", std::move(rows));
  return page_response(context.pages.workspace_page("audit", page),
                       state.errors.empty() ? 200 : 400);
}

// A handler of /{lang}/...: 404 for another language, else 'handle'.
template <class Handle>
RouteHandler localized(RouteContext& context, Handle handle) {
  return [&context, handle](const Request& request, const PathParams& params,
                            const Caller& caller) -> Response {
    if (!url_lang(params["lang"])) return not_found_page(context, request, caller);
    return handle(request, params, caller);
  };
}

std::optional<std::int64_t> parse_version(const std::string& text) { return whole_number(text, 1); }

}  // namespace

void add_account_pages(Router& router, RouteContext& context) {
  app::Accounts& accounts = context.accounts;

  router.add({"GET", "/{lang}/sign-in", Access::anyone(), 0,
              localized(context, [&context](const Request& request, const PathParams&,
                                            const Caller& caller) {
                auto params = parse_query(request.query);
                std::string next;
                FormState state;
                if (params) {
                  next = local_next(form_value(*params, "next"), "");
                  if (form_value(*params, "signed_out") == "1") {
                    state.notices.push_back({tr(MsgId::web_signed_out, caller.lang), {}});
                  }
                }
                return sign_in_page(context, caller, "", next, state, 200);
              })});

  router.add(
      {"POST", "/{lang}/sign-in", Access::anyone(), k_form_body,
       localized(context, [&context, &accounts](const Request& request, const PathParams&,
                                                const Caller& caller) {
         auto form = form_body(request);
         if (!form) {
           return sign_in_page(context, caller, "", "",
                               {{error_text(form.error(), caller.lang)}, {}}, 400);
         }
         std::string login = form_value(*form, "login");
         std::string next = local_next(form_value(*form, "next"), "");
         auto signed_in = accounts.sign_in(login, form_value(*form, "password"),
                                           caller.client_address, request.request_id);
         if (!signed_in) {
           Response response = sign_in_page(context, caller, login.substr(0, 64), next,
                                            {{error_text(signed_in.error(), caller.lang)}, {}},
                                            status_for(signed_in.error()));
           if (signed_in.error().kind == ErrorKind::throttled) {
             // Throttled: the window; busy hashing: a moment.
             bool busy = signed_in.error().message.id == MsgId::auth_busy;
             response.set("Retry-After",
                          busy ? "5" : fmt::format("{}", access::k_failure_window_ms / 1000));
           }
           return response;
         }
         std::string fallback =
             lang_path(caller.lang, signed_in->user.must_change_password ? "/account" : "/roles");
         Response response =
             redirect(signed_in->user.must_change_password ? fallback : local_next(next, fallback));
         set_session_cookie(response, context.auth, signed_in->session_token,
                            access::k_session_absolute_ms / 1000);
         response.set("Cache-Control", "no-store");
         return response;
       })});

  router.add({"POST", "/{lang}/sign-out", Access::own_account_setup(), k_form_body,
              localized(context, [&context, &accounts](const Request& request, const PathParams&,
                                                       const Caller& caller) {
                if (auto ended = accounts.sign_out(*caller.principal, request.request_id); !ended) {
                  int status = status_for(ended.error());
                  return page_response(
                      context.pages.error(status, shown_error(ended.error()).message, caller.lang,
                                          page_info(context, "/roles", caller)),
                      status);
                }
                Response response = redirect(lang_path(caller.lang, "/sign-in?signed_out=1"));
                clear_session_cookie(response, context.auth);
                return response;
              })});

  router.add(
      {"GET", "/{lang}/account", Access::own_account_setup(), 0,
       localized(context, [&context](const Request&, const PathParams&, const Caller& caller) {
         return account_page(context, caller, *caller.principal, {}, {});
       })});

  router.add({"POST", "/{lang}/account/password", Access::own_account_setup(), k_form_body,
              localized(context, [&context, &accounts](const Request& request, const PathParams&,
                                                       const Caller& caller) {
                auto form = form_body(request);
                if (!form) {
                  return account_page(context, caller, *caller.principal,
                                      {{error_text(form.error(), caller.lang)}, {}}, {}, 400);
                }
                auto changed = accounts.change_password(
                    *caller.principal, form_value(*form, "current_password"),
                    form_value(*form, "new_password"), form_value(*form, "repeat_password"),
                    request.request_id);
                if (!changed) {
                  return account_page(context, caller, *caller.principal,
                                      {{error_text(changed.error(), caller.lang)}, {}}, {},
                                      status_for(changed.error()));
                }
                app::Principal updated = *caller.principal;
                updated.user = *changed;
                return account_page(context, caller, updated,
                                    {{}, {{tr(MsgId::web_password_changed, caller.lang), {}}}}, {});
              })});

  router.add({"POST", "/{lang}/account/tokens", Access::to(Permission::own_account), k_form_body,
              localized(context, [&context, &accounts](const Request& request, const PathParams&,
                                                       const Caller& caller) {
                auto form = form_body(request);
                if (!form) {
                  return account_page(context, caller, *caller.principal,
                                      {{error_text(form.error(), caller.lang)}, {}}, {}, 400);
                }
                std::string name = form_value(*form, "name");
                auto made = accounts.create_token(*caller.principal, name, request.request_id);
                if (!made) {
                  return account_page(context, caller, *caller.principal,
                                      {{error_text(made.error(), caller.lang)}, {}},
                                      {name.substr(0, 100)}, status_for(made.error()));
                }
                return account_page(
                    context, caller, *caller.principal,
                    {{},
                     {{ccteam::render(msg(MsgId::web_token_created, made->token.name), caller.lang),
                       made->secret}}},
                    {}, 201);
              })});

  router.add(
      {"POST", "/{lang}/account/tokens/{id}/revoke", Access::to(Permission::own_account),
       k_form_body,
       localized(context, [&context, &accounts](const Request& request, const PathParams& params,
                                                const Caller& caller) {
         auto id = store::Uuid::parse(params["id"]);
         if (!id) return not_found_page(context, request, caller);
         auto revoked = accounts.revoke_token(*caller.principal, *id, request.request_id);
         if (!revoked) {
           return account_page(context, caller, *caller.principal,
                               {{error_text(revoked.error(), caller.lang)}, {}}, {},
                               status_for(revoked.error()));
         }
         return account_page(
             context, caller, *caller.principal,
             {{},
              {{ccteam::render(msg(MsgId::web_token_revoked, revoked->name), caller.lang), {}}}},
             {});
       })});

  router.add(
      {"GET", "/{lang}/admin/users", Access::to(Permission::manage_users), 0,
       localized(context, [&context](const Request&, const PathParams&, const Caller& caller) {
         return users_page(context, caller, {}, {});
       })});

  router.add({"POST", "/{lang}/admin/users", Access::to(Permission::manage_users), k_form_body,
              localized(context, [&context, &accounts](const Request& request, const PathParams&,
                                                       const Caller& caller) {
                auto form = form_body(request);
                if (!form) {
                  return users_page(context, caller, {{error_text(form.error(), caller.lang)}, {}},
                                    {}, 400);
                }
                NewUserForm typed{form_value(*form, "login").substr(0, 64),
                                  form_value(*form, "display_name").substr(0, 400),
                                  form_value(*form, "role")};
                auto added = accounts.add_user(typed.login, typed.display_name, typed.role,
                                               caller.principal->actor(request.request_id));
                if (!added) {
                  return users_page(context, caller, {{error_text(added.error(), caller.lang)}, {}},
                                    typed, status_for(added.error()));
                }
                return users_page(
                    context, caller,
                    {{},
                     {{ccteam::render(msg(MsgId::web_user_added, added->user.login), caller.lang),
                       added->one_time_password}}},
                    {}, 201);
              })});

  router.add(
      {"GET", "/{lang}/admin/users/{id}", Access::to(Permission::manage_users), 0,
       localized(context, [&context, &accounts](const Request& request, const PathParams& params,
                                                const Caller& caller) {
         auto id = store::Uuid::parse(params["id"]);
         if (!id) return not_found_page(context, request, caller);
         auto user = accounts.user(*id);
         if (!user) return not_found_page(context, request, caller);
         return user_page(context, caller, *user, form_of(*user), {});
       })});

  router.add(
      {"POST", "/{lang}/admin/users/{id}", Access::to(Permission::manage_users), k_form_body,
       localized(context, [&context, &accounts](const Request& request, const PathParams& params,
                                                const Caller& caller) {
         auto id = store::Uuid::parse(params["id"]);
         if (!id) return not_found_page(context, request, caller);
         auto current = accounts.user(*id);
         if (!current) return not_found_page(context, request, caller);
         auto form = form_body(request);
         if (!form) {
           return user_page(context, caller, *current, form_of(*current),
                            {{error_text(form.error(), caller.lang)}, {}}, 400);
         }
         UserForm typed{form_value(*form, "display_name").substr(0, 400), form_value(*form, "role"),
                        form_value(*form, "disabled") == "yes",
                        parse_version(form_value(*form, "version")).value_or(0)};
         auto updated =
             accounts.update_user(*id, typed.version, typed.display_name, typed.role,
                                  typed.disabled, caller.principal->actor(request.request_id));
         if (!updated) {
           // What was typed stays; a conflict brings the current version, so that saving again
           // (after checking) overwrites.
           FormState state{{error_text(updated.error(), caller.lang)}, {}};
           if (updated.error().kind == ErrorKind::conflict) {
             typed.version = current->version;
             state.notices.push_back({tr(MsgId::web_input_kept, caller.lang), {}});
           }
           return user_page(context, caller, *current, typed, state, status_for(updated.error()));
         }
         return user_page(context, caller, *updated, form_of(*updated),
                          {{}, {{tr(MsgId::web_saved, caller.lang), {}}}});
       })});

  router.add(
      {"POST", "/{lang}/admin/users/{id}/password-reset", Access::to(Permission::manage_users),
       k_form_body,
       localized(context, [&context, &accounts](const Request& request, const PathParams& params,
                                                const Caller& caller) {
         auto id = store::Uuid::parse(params["id"]);
         if (!id) return not_found_page(context, request, caller);
         auto current = accounts.user(*id);
         if (!current) return not_found_page(context, request, caller);
         auto form = form_body(request);
         std::int64_t version = form ? parse_version(form_value(*form, "version")).value_or(0) : 0;
         auto reset =
             accounts.reset_password(*id, version, caller.principal->actor(request.request_id));
         if (!reset) {
           return user_page(context, caller, *current, form_of(*current),
                            {{error_text(reset.error(), caller.lang)}, {}},
                            status_for(reset.error()));
         }
         return user_page(
             context, caller, reset->user, form_of(reset->user),
             {{},
              {{ccteam::render(msg(MsgId::web_password_reset_done, reset->user.login), caller.lang),
                reset->one_time_password}}});
       })});

  router.add({"GET", "/{lang}/admin/audit", Access::to(Permission::read_audit), 0,
              localized(context, [&context](const Request& request, const PathParams&,
                                            const Caller& caller) {
                return audit_page(context, request, caller);
              })});
}

}  // namespace ccteam::server
