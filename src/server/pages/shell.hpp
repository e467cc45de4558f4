#pragma once
// The HTML pages of the workspace, as pure functions of (data, language, page info) -> HTML.
//
// Every page is a template of web/templates/ inside the shell: <html lang>, a skip link, a
// header with the product name, the navigation (k_nav), the language switch, the main landmark
// and a footer. Pages hold no inline script or style and no event-handler attribute, so they
// run under the Content-Security-Policy "default-src 'none'; script-src 'self'; style-src
// 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'". They
// load /static/app.css and /static/htmx.min.js (deferred), each with ?v=<asset version>.
// Every text comes from the message tables; every value from the catalog or a user is escaped
// by the template engine.
//
// URLs: /{lang}/roles (the ladder), /{lang}/roles/{id} (a role), with lang "en" or "de".
//
// A Pages object is immutable after load() and may be shared by threads.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"
#include "server/render/template.hpp"

namespace ccteam::server::pages {

// What a page needs to know about the request that is not its data.
struct PageInfo {
  // The current path without the language prefix, starting with '/': "/roles/agent". The
  // language switch links to the same path in the other language ("/de/roles/agent").
  std::string path = "/roles";
  // A page that exists in one language only (a posting published in one) links the switch to
  // 'other_path' instead and names no alternate in the other language.
  bool translated = true;
  std::string other_path;
  // Appended to the URLs of static files (?v=...) so that browsers fetch them anew after an
  // upgrade; the server sends the files with a long cache lifetime.
  std::string asset_version = "0";
  // The catalog named in the footer; empty to leave the footer line out.
  std::string catalog_name;
  std::string catalog_version;
  // The signed-in user, for the navigation and the sign-out form; nullopt: a sign-in link.
  struct Viewer {
    std::string display_name;
    std::string role_title;
    std::string csrf_token;
    bool can_manage_users = false;
    bool can_read_audit = false;
  };
  std::optional<Viewer> viewer;
};

// One entry of the main navigation: its text and its path without the language prefix.
struct NavItem {
  MsgId label;
  std::string_view path;
};

// The main navigation, in order. A page whose PageInfo::path starts with an item's path marks
// that item as the current page (aria-current="page").
inline constexpr NavItem k_nav[] = {
    {MsgId::ladder_title, "/roles"},
    {MsgId::web_careers_title, "/careers"},
};

// "/en/roles" for ("/roles", en): a path with its language prefix.
std::string lang_path(Lang lang, std::string_view path);

// The shell's values (language, titles, navigation, language switch, footer) for a page
// titled 'title'; the page template adds its own values to it.
render::Context shell_context(const std::string& title, Lang lang, const PageInfo& info);

// Where an error page leads back to: a page path (without the language prefix) and its link text.
struct BackLink {
  std::string_view path;
  MsgId text;
};

class Pages {
 public:
  // The templates of 'web_dir'/templates (see render::Templates::load for the errors), checked
  // to contain every page this class renders: Error::not_found (web_template_unknown) names a
  // missing one.
  static Result<Pages> load(const std::string& web_dir);

  // The career ladder: the tree from the entry roles to their next roles with links, and a
  // table of every role with level, title, reports-to title and pay (own bands, else the
  // market reference, labelled). Path /{lang}/roles.
  std::string ladder(const catalog::Catalog& catalog, Lang lang, const PageInfo& info) const;

  // One role: title, level, summary, responsibilities, skills (required / preferred),
  // qualifications (education, experience, experience in place of education), languages
  // (CEFR), pay (own bands from catalog.bands_for, else the market reference with its source),
  // reporting and escalation, and links to the next roles. Path /{lang}/roles/{id}.
  std::string role(const catalog::Role& role, const catalog::Catalog& catalog, Lang lang,
                   const PageInfo& info) const;

  // A page of the workspace ("sign_in", "account", "users", "user", "audit", "plans",
  // "plan_form", "plan", "plan_compare") with 'context' (shell_context plus the page's values;
  // see the templates).
  std::string workspace_page(std::string_view name, const render::Context& context) const;

  // An error page for HTTP 'status' saying 'what' (as a sentence: render_sentence), with a link
  // to 'back' (none: the ladder).
  std::string error(int status, const Message& what, Lang lang, const PageInfo& info,
                    const std::optional<BackLink>& back = std::nullopt) const;

 private:
  // 'name' rendered with 'context'; a failure of the engine becomes a plain error page (the
  // templates were checked at load, so this only happens on a bug).
  std::string page(std::string_view name, const render::Context& context) const;

  render::Templates m_templates;
};

}  // namespace ccteam::server::pages
