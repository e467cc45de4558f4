#include "server/pages/shell.hpp"

#include <fmt/format.h>

namespace ccteam::server::pages {

namespace {

// The templates Pages renders; load() checks that each is there.
constexpr std::string_view k_page_templates[] = {
    "ladder",    "role",    "error",        "shell_start", "shell_end",       "form_messages",
    "sign_in",   "account", "users",        "user",        "audit",           "plans",
    "plan_form", "plan",    "plan_compare", "plan_result", "employers",       "employer",
    "openings",  "opening", "careers",      "career",      "opening_findings"};

Lang other(Lang lang) { return lang == Lang::de ? Lang::en : Lang::de; }

}  // namespace

std::string lang_path(Lang lang, std::string_view path) {
  return "/" + std::string(to_string(lang)) + std::string(path);
}

render::Context shell_context(const std::string& title, Lang lang, const PageInfo& info) {
  render::Context out;
  out.text("lang", std::string(to_string(lang)))
      .text("page_title",
            ccteam::render(msg(MsgId::web_page_title, title, tr(MsgId::web_product_name, lang)),
                           lang))
      .text("product", tr(MsgId::web_product_name, lang))
      .text("home_href", lang_path(lang, k_nav[0].path))
      .text("skip_text", tr(MsgId::web_skip_to_content, lang))
      .text("nav_label", tr(MsgId::web_nav_label, lang))
      .text("asset_version", info.asset_version)
      .text("other_lang", std::string(to_string(other(lang))))
      .text("other_lang_name", tr(MsgId::web_other_language, lang))
      .flag("translated", info.translated)
      .text("other_href",
            lang_path(other(lang),
                      info.translated || info.other_path.empty() ? info.path : info.other_path));
  std::vector<render::Context> nav;
  for (const NavItem& item : k_nav) {
    render::Context entry;
    entry.text("href", lang_path(lang, item.path))
        .text("label", tr(item.label, lang))
        .flag("current", info.path.starts_with(item.path));
    nav.push_back(std::move(entry));
  }
  if (info.viewer) {
    struct Extra {
      MsgId label;
      std::string_view path;
      bool shown;
    };
    for (const Extra& item :
         {Extra{MsgId::web_nav_plans, "/plans", true},
          Extra{MsgId::web_nav_pay_bands, "/pay-bands", true},
          Extra{MsgId::web_nav_employers, "/employers", true},
          Extra{MsgId::web_nav_openings, "/openings", true},
          Extra{MsgId::web_nav_account, "/account", true},
          Extra{MsgId::web_nav_users, "/admin/users", info.viewer->can_manage_users},
          Extra{MsgId::web_nav_audit, "/admin/audit", info.viewer->can_read_audit}}) {
      if (!item.shown) continue;
      render::Context entry;
      entry.text("href", lang_path(lang, item.path))
          .text("label", tr(item.label, lang))
          .flag("current", info.path.starts_with(item.path));
      nav.push_back(std::move(entry));
    }
    render::Context viewer;
    viewer.text("sign_out_action", lang_path(lang, "/sign-out"))
        .text("csrf", info.viewer->csrf_token)
        .text("sign_out_text", tr(MsgId::web_sign_out_button, lang))
        .text("signed_in_as", ccteam::render(msg(MsgId::web_signed_in_as, info.viewer->display_name,
                                                 info.viewer->role_title),
                                             lang));
    out.child("viewer", std::move(viewer));
    // Every form of a signed-in page posts the CSRF token ({{csrf}} at the top level too).
    out.text("csrf", info.viewer->csrf_token);
  } else {
    out.text("sign_in_href", lang_path(lang, "/sign-in"))
        .text("sign_in_text", tr(MsgId::web_nav_sign_in, lang))
        .flag("sign_in_current", info.path.starts_with("/sign-in"));
  }
  out.list("nav", std::move(nav));
  if (!info.catalog_name.empty()) {
    out.text("footer",
             ccteam::render(msg(MsgId::web_footer, info.catalog_name, info.catalog_version), lang));
  }
  return out;
}

Result<Pages> Pages::load(const std::string& web_dir) {
  CCTEAM_TRY(render::Templates templates, render::Templates::load(web_dir + "/templates"));
  for (std::string_view name : k_page_templates) {
    if (!templates.has(name)) {
      return tl::unexpected(Error::not_found(msg(
          MsgId::web_template_unknown, web_dir + "/templates/" + std::string(name) + ".mustache")));
    }
  }
  Pages out;
  out.m_templates = std::move(templates);
  return out;
}

std::string Pages::page(std::string_view name, const render::Context& context) const {
  auto html = m_templates.render(name, context);
  if (html) return std::move(*html);
  return "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>500</title><p>" +
         render::escape_html(ccteam::render(html.error(), Lang::en)) + "</p></html>\n";
}

std::string Pages::workspace_page(std::string_view name, const render::Context& context) const {
  return page(name, context);
}

std::string Pages::error(int status, const Message& what, Lang lang, const PageInfo& info,
                         const std::optional<BackLink>& back) const {
  std::string code = fmt::format_int(status).str();
  render::Context context =
      shell_context(ccteam::render(msg(MsgId::web_error_title, code), lang), lang, info);
  context.text("heading", ccteam::render(msg(MsgId::web_error_heading, code), lang))
      .text("what", render_sentence(what, lang))
      .text("back_href", lang_path(lang, back ? back->path : k_nav[0].path))
      .text("back_text", tr(back ? back->text : MsgId::web_error_back, lang));
  return page("error", context);
}

}  // namespace ccteam::server::pages
