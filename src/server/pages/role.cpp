#include "server/pages/role.hpp"

#include <fmt/format.h>

#include "ccteam/core/iso_codes.hpp"
#include "ccteam/qualify/language.hpp"
#include "io/catalog/role_text.hpp"
#include "server/pages/shell.hpp"

namespace ccteam::server::pages {

namespace {

using namespace ccteam::catalog;

// "a, b, c" (or with 'sep').
std::string join(const std::vector<std::string>& items, std::string_view sep = ", ") {
  return fmt::format("{}", fmt::join(items, sep));
}

// "Germany" for "DE"; "*" (any country without its own entry) as "any other country".
std::string country_text(const std::string& code, Lang lang) {
  if (code == "*") return tr(MsgId::any_other_country, lang);
  return country_name(code, lang);
}

std::string basis_text(const Basis& basis, Lang lang) {
  std::string source =
      basis.is_article() ? tr(MsgId::source_article, lang) : basis.source.get(lang);
  return ccteam::render(msg(basis.tunable ? MsgId::web_basis_tunable : MsgId::web_basis, source),
                        lang);
}

std::string market_where(const MarketReference& market, Lang lang) {
  std::string country = country_text(market.country, lang);
  if (!market.year) return country;
  return ccteam::render(msg(MsgId::web_market_where, country, *market.year), lang);
}

// A link to a role by id, with the role's title (or its id when the catalog lacks it).
render::Context role_link(const RoleId& id, const Catalog& catalog, Lang lang) {
  const Role* role = catalog.find(id);
  render::Context out;
  out.text("href", role_href(lang, id))
      .text("title", role ? role->title.get(lang) : id.str())
      .text("level", role ? level_text(*role, lang) : "");
  return out;
}

std::vector<render::Context> skills(const Role& role, Importance importance, Lang lang) {
  std::vector<render::Context> out;
  for (const Skill& skill : role.skills) {
    if (skill.importance != importance) continue;
    out.push_back(render::Context()
                      .text("name", skill.name.get(lang))
                      .text("description", skill.description.get(lang)));
  }
  return out;
}

std::vector<render::Context> education(const Role& role, Lang lang) {
  std::vector<render::Context> out;
  for (const MinimumEducation& m : role.minimum_education) {
    std::vector<std::string> routes;
    for (const std::string& id : m.credentials) {
      for (const Credential& c : role.credentials) {
        if (c.id == id) routes.push_back(c.name.get(lang));
      }
    }
    render::Context item;
    item.text("line",
              ccteam::render(msg(MsgId::web_education_minimum, country_text(m.country, lang),
                                 io::isced_text(m.isced, lang)),
                             lang))
        .text("description", m.description.get(lang))
        .text("basis", basis_text(m.basis, lang));
    item.text("routes",
              routes.empty() ? "" : tr(MsgId::label_usual_route, lang) + ": " + join(routes));
    out.push_back(std::move(item));
  }
  for (const PreferredEducation& p : role.preferred_education) {
    std::string line =
        ccteam::render(msg(MsgId::web_education_preferred, io::isced_text(p.isced, lang)), lang);
    render::Context item;
    std::string fields;
    if (!p.fields.get(lang).empty()) {
      fields = tr(MsgId::label_fields, lang) + ": " + join(p.fields.get(lang));
    }
    item.text("line", line)
        .text("description", fields)
        .text("routes", "")
        .text("basis", basis_text(p.basis, lang));
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<render::Context> experience(const Role& role, Lang lang) {
  std::vector<render::Context> out;
  for (const ExperienceRequirement& e : role.experience) {
    render::Context item;
    item.text("line",
              ccteam::render(msg(MsgId::web_experience_line, tr(label(e.kind), lang),
                                 io::duration_text(e.months, lang), tr(label(e.importance), lang)),
                             lang))
        .text("basis", basis_text(e.basis, lang));
    item.text("description", e.note ? e.note->get(lang) : "");
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<render::Context> substitutions(const Role& role, Lang lang) {
  std::vector<render::Context> out;
  for (const Substitution& s : role.substitutions) {
    render::Context item;
    item.text("line", ccteam::render(io::substitution_text(s, lang), lang))
        .text("description", s.description.get(lang))
        .text("basis", basis_text(s.basis, lang));
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<render::Context> languages(const Role& role, Lang lang) {
  std::vector<render::Context> out;
  for (const LanguageRequirement& l : role.languages) {
    render::Context item;
    item.text(
        "line",
        ccteam::render(msg(MsgId::web_language_line, qualify::language_name(l.language).get(lang),
                           std::string(to_string(l.level)), tr(label(l.importance), lang)),
                       lang));
    std::vector<std::string> notes;
    if (!l.countries.empty()) {
      std::vector<std::string> names;
      for (const std::string& c : l.countries) names.push_back(country_text(c, lang));
      notes.push_back(ccteam::render(msg(MsgId::in_countries, join(names)), lang));
    }
    if (l.note) notes.push_back(l.note->get(lang));
    item.text("description", join(notes, "; "));
    out.push_back(std::move(item));
  }
  return out;
}

void add_pay(render::Context& page, const Role& role, const Catalog& catalog, Lang lang) {
  page.text("pay_heading", tr(MsgId::sec_pay, lang));
  std::vector<render::Context> bands;
  for (const PayBand* band : catalog.bands_for(role.id)) {
    bands.push_back(render::Context()
                        .text("country", country_text(band->country, lang))
                        .text("range", io::pay_range_text(band->range, lang)));
  }
  page.text("own_heading", tr(MsgId::web_pay_own_heading, lang))
      .flag("has_bands", !bands.empty())
      .list("bands", std::move(bands));
  if (catalog.bands_for(role.id).empty()) {
    page.text("no_bands", tr(MsgId::web_pay_no_own_bands, lang));
    if (role.market_reference) {
      const MarketReference& m = *role.market_reference;
      render::Context market;
      market.text("heading", tr(MsgId::web_pay_market_heading, lang))
          .text("note", tr(MsgId::web_pay_market_note, lang))
          .text("where", market_where(m, lang))
          .text("range", io::pay_range_text(m.range, lang))
          .text("source", ccteam::render(msg(MsgId::web_market_source, m.source.get(lang)), lang));
      market.text("remark", m.note ? m.note->get(lang) : "");
      page.child("market", std::move(market));
    }
  }
}

}  // namespace

std::string role_href(Lang lang, const RoleId& id) { return lang_path(lang, "/roles/" + id.str()); }

std::string level_text(const Role& role, Lang lang) {
  return ccteam::render(msg(MsgId::role_level_line, tr(label(role.level), lang), role.rank), lang);
}

std::vector<std::string> pay_lines(const Role& role, const Catalog& catalog, Lang lang) {
  std::vector<std::string> out;
  for (const PayBand* band : catalog.bands_for(role.id)) {
    out.push_back(ccteam::render(msg(MsgId::web_pay_band_line, country_text(band->country, lang),
                                     io::pay_range_text(band->range, lang)),
                                 lang));
  }
  if (out.empty() && role.market_reference) {
    out.push_back(
        ccteam::render(msg(MsgId::web_pay_market_line, market_where(*role.market_reference, lang),
                           io::pay_range_text(role.market_reference->range, lang)),
                       lang));
  }
  return out;
}

namespace {

// Sets list 'name' and the flag "has_<name>" (whether it has items) for the template.
void set_list(render::Context& page, const std::string& name, std::vector<render::Context> items) {
  page.flag("has_" + name, !items.empty()).list(name, std::move(items));
}

}  // namespace

void add_role(render::Context& page, const Role& role, const Catalog& catalog, Lang lang) {
  page.text("heading", role.title.get(lang))
      .text("breadcrumb_label", tr(MsgId::web_breadcrumb_label, lang))
      .text("ladder_href", lang_path(lang, "/roles"))
      .text("ladder_text", tr(MsgId::ladder_title, lang))
      .text("level_label", tr(MsgId::web_label_level, lang))
      .text("level", level_text(role, lang))
      .text("description", role.description.get(lang))
      .text("reports_to_label", tr(MsgId::web_label_reports_to, lang))
      .text("escalates_to_label", tr(MsgId::web_label_escalates_to, lang));
  if (role.reports_to) page.child("reports_to", role_link(role.reports_to->id, catalog, lang));
  if (role.escalates_to) {
    page.child("escalates_to", role_link(role.escalates_to->id, catalog, lang));
  }

  std::vector<render::Context> responsibilities;
  for (const Responsibility& r : role.responsibilities) {
    responsibilities.push_back(render::Context()
                                   .text("title", r.title.get(lang))
                                   .text("description", r.description.get(lang)));
  }
  page.text("responsibilities_heading", tr(MsgId::sec_responsibilities, lang))
      .list("responsibilities", std::move(responsibilities))
      .text("skills_heading", tr(MsgId::sec_skills, lang))
      .text("required_heading", tr(MsgId::web_skills_required, lang))
      .text("preferred_heading", tr(MsgId::web_skills_preferred, lang))
      .text("qualifications_heading", tr(MsgId::web_qualifications, lang))
      .text("education_heading", tr(MsgId::sec_education, lang))
      .text("experience_heading", tr(MsgId::sec_experience, lang))
      .text("substitutions_heading", tr(MsgId::sec_substitutions, lang))
      .text("languages_heading", tr(MsgId::sec_languages, lang))
      .text("summary_heading", tr(MsgId::sec_job_summary, lang))
      .text("summary", role.job_summary.get(lang));
  set_list(page, "required_skills", skills(role, Importance::required, lang));
  set_list(page, "preferred_skills", skills(role, Importance::preferred, lang));
  set_list(page, "education", education(role, lang));
  set_list(page, "experience", experience(role, lang));
  set_list(page, "substitutions", substitutions(role, lang));
  set_list(page, "languages", languages(role, lang));
  add_pay(page, role, catalog, lang);

  std::vector<render::Context> next;
  for (const RoleRef& ref : role.next_roles) next.push_back(role_link(ref.id, catalog, lang));
  page.text("next_heading", tr(MsgId::web_next_roles_heading, lang))
      .text("no_next", tr(MsgId::web_no_next_roles, lang));
  set_list(page, "next", std::move(next));
}

std::string Pages::role(const Role& role, const Catalog& catalog, Lang lang,
                        const PageInfo& info) const {
  render::Context context = shell_context(role.title.get(lang), lang, info);
  add_role(context, role, catalog, lang);
  return page("role", context);
}

}  // namespace ccteam::server::pages
