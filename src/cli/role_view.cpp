#include "cli/role_view.hpp"

#include <fmt/format.h>

#include "ccteam/core/iso_codes.hpp"
#include "ccteam/qualify/language.hpp"
#include "io/base/table.hpp"
#include "io/catalog/role_text.hpp"

namespace ccteam::cli {

namespace {

using namespace ccteam::catalog;

constexpr std::size_t k_width = 96;

// "German" / "Deutsch" for "de" (qualify/language: ICU's names).
std::string language_name(const std::string& code, Lang lang) {
  return qualify::language_name(code).get(lang);
}

std::string join(const std::vector<std::string>& items, std::string_view sep = ", ") {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

std::string duration(int months, Lang lang) { return io::duration_text(months, lang); }

std::string basis_note(const Basis& basis, Lang lang) {
  std::string source =
      basis.is_article() ? tr(MsgId::source_article, lang) : basis.source.get(lang);
  std::string out = "[" + tr(MsgId::label_source, lang) + ": " + source;
  if (basis.tunable) out += "; " + tr(MsgId::label_tunable, lang);
  return out + "]";
}

std::string isced(IscedLevel level, Lang lang) { return io::isced_text(level, lang); }

void section(std::string& out, MsgId title, Lang lang) { out += "\n" + tr(title, lang) + "\n"; }

void bullet(std::string& out, const std::string& text) {
  std::string wrapped = io::wrap(text, k_width - 4, "    ");
  out += "  - " + wrapped.substr(4);
}

// A role by its title in 'lang' (its id when the catalog has no such role).
std::string role_ref_list(const std::vector<RoleRef>& refs, const Catalog& catalog, Lang lang) {
  std::vector<std::string> names;
  for (const RoleRef& ref : refs) names.push_back(catalog.title_of(ref.id, lang));
  return join(names);
}

}  // namespace

std::string format_pay_range(const PayRange& range, Lang lang) {
  return io::pay_range_text(range, lang);
}

std::string roles_table(const Catalog& catalog, Lang lang) {
  io::TextTable table({tr(MsgId::col_id, lang), tr(MsgId::col_level, lang),
                       tr(MsgId::col_title, lang), tr(MsgId::col_reports_to, lang),
                       tr(MsgId::col_next_roles, lang), tr(MsgId::col_market_pay, lang)});
  for (const Role* role : catalog.by_rank()) {
    std::string pay;
    if (role->market_reference) {
      pay = format_pay_range(role->market_reference->range, lang) + " (" +
            role->market_reference->country + ")";
    }
    table.add_row(
        {role->id.str(),
         render(msg(MsgId::role_level_line, tr(label(role->level), lang), role->rank), lang),
         role->title.get(lang),
         role->reports_to ? catalog.title_of(role->reports_to->id, lang) : "-",
         role->next_roles.empty() ? "-" : role_ref_list(role->next_roles, catalog, lang), pay});
  }
  return table.render();
}

std::string role_page(const Role& role, const Catalog& catalog, Lang lang) {
  std::string out = role.title.get(lang) + " (" + role.id.str() + ")\n";
  out += render(msg(MsgId::role_level_line, tr(label(role.level), lang), role.rank), lang);
  if (role.reports_to)
    out += " · " + tr(MsgId::label_reports_to, lang) + ": " +
           catalog.title_of(role.reports_to->id, lang);
  if (role.escalates_to) {
    out += " · " + tr(MsgId::label_escalates_to, lang) + ": " +
           catalog.title_of(role.escalates_to->id, lang);
  }
  if (!role.next_roles.empty()) {
    out += " · " + tr(MsgId::label_next_roles, lang) + ": " +
           role_ref_list(role.next_roles, catalog, lang);
  }
  out += "\n";

  section(out, MsgId::sec_description, lang);
  out += io::wrap(role.description.get(lang), k_width - 2, "  ");

  section(out, MsgId::sec_responsibilities, lang);
  for (const Responsibility& r : role.responsibilities) {
    bullet(out, r.title.get(lang) + ": " + r.description.get(lang));
  }

  section(out, MsgId::sec_skills, lang);
  for (const Skill& s : role.skills) {
    bullet(out, s.name.get(lang) + " (" + tr(label(s.importance), lang) +
                    "): " + s.description.get(lang));
  }

  if (!role.languages.empty()) {
    section(out, MsgId::sec_languages, lang);
    for (const LanguageRequirement& l : role.languages) {
      std::string line = language_name(l.language, lang) + " " + std::string(to_string(l.level)) +
                         " (" + tr(label(l.importance), lang) + ")";
      if (!l.countries.empty()) {
        std::vector<std::string> names;
        for (const std::string& c : l.countries) names.push_back(country_name(c, lang));
        line += "; " + render(msg(MsgId::in_countries, join(names)), lang);
      }
      if (l.note) line += ": " + l.note->get(lang);
      bullet(out, line);
    }
  }

  section(out, MsgId::sec_education, lang);
  for (const MinimumEducation& m : role.minimum_education) {
    std::string line = tr(MsgId::label_minimum, lang) + ", " + country_name(m.country, lang) +
                       ": " + isced(m.isced, lang) + ". " + m.description.get(lang);
    if (!m.credentials.empty()) {
      std::vector<std::string> names;
      for (const std::string& id : m.credentials) {
        for (const Credential& c : role.credentials) {
          if (c.id == id) names.push_back(c.name.get(lang));
        }
      }
      line += " " + tr(MsgId::label_usual_route, lang) + ": " + join(names) + ".";
    }
    bullet(out, line + " " + basis_note(m.basis, lang));
  }
  for (const PreferredEducation& p : role.preferred_education) {
    std::string line = tr(MsgId::label_preferred_education, lang) + ": " + isced(p.isced, lang);
    if (!p.fields.get(lang).empty()) {
      line += "; " + tr(MsgId::label_fields, lang) + ": " + join(p.fields.get(lang));
    }
    bullet(out, line + " " + basis_note(p.basis, lang));
  }

  if (!role.experience.empty()) {
    section(out, MsgId::sec_experience, lang);
    for (const ExperienceRequirement& e : role.experience) {
      std::string line = tr(label(e.kind), lang) + ": " + duration(e.months, lang) + " (" +
                         tr(label(e.importance), lang) + ")";
      if (e.note) line += ". " + e.note->get(lang);
      bullet(out, line + " " + basis_note(e.basis, lang));
    }
  }

  if (!role.substitutions.empty()) {
    section(out, MsgId::sec_substitutions, lang);
    for (const Substitution& s : role.substitutions) {
      std::string line = render(io::substitution_text(s, lang), lang);
      bullet(out, line + ". " + s.description.get(lang) + " " + basis_note(s.basis, lang));
    }
  }

  section(out, MsgId::sec_pay, lang);
  if (role.market_reference) {
    const MarketReference& m = *role.market_reference;
    std::string line =
        tr(MsgId::label_market_reference, lang) + " (" + country_name(m.country, lang);
    if (m.year) line += ", " + std::to_string(*m.year);
    line += "): " + format_pay_range(m.range, lang) + ". " + tr(MsgId::label_source, lang) + ": " +
            m.source.get(lang);
    if (m.note) line += ". " + m.note->get(lang);
    bullet(out, line);
  }
  auto bands = catalog.bands_for(role.id);
  if (bands.empty()) {
    bullet(out, tr(MsgId::label_own_bands, lang) + ": " + tr(MsgId::no_own_bands, lang));
  }
  for (const PayBand* band : bands) {
    bullet(out, tr(MsgId::label_own_band, lang) + ", " + country_name(band->country, lang) + ": " +
                    format_pay_range(band->range, lang));
  }

  section(out, MsgId::sec_codes, lang);
  const OccupationCodes& codes = role.occupation_codes;
  if (!codes.isco08.empty()) bullet(out, "ISCO-08: " + codes.isco08);
  if (!codes.esco.empty()) bullet(out, "ESCO: " + codes.esco);
  if (!codes.onet_soc.empty()) bullet(out, "O*NET-SOC: " + codes.onet_soc);
  if (!codes.kldb2010.empty()) bullet(out, "KldB 2010: " + codes.kldb2010);

  if (!role.kpis.empty()) {
    section(out, MsgId::sec_kpis, lang);
    for (const Kpi& k : role.kpis) {
      std::string line = k.name.get(lang);
      if (k.target) {
        std::string value = fmt::format("{:g}", *k.target);
        if (k.unit == KpiUnit::percent) value += " %";
        line += " – " + render(msg(MsgId::kpi_target, value), lang);
      }
      bullet(out, line + ": " + k.description.get(lang));
    }
  }

  section(out, MsgId::sec_job_summary, lang);
  out += io::wrap(role.job_summary.get(lang), k_width - 2, "  ");
  return out;
}

namespace {

void tree_node(std::string& out, const LadderNode& node, const std::string& prefix, bool root,
               bool last, Lang lang) {
  const Role& role = *node.role;
  std::string branch = root ? "" : (last ? "└─ " : "├─ ");
  out += prefix + branch + role.title.get(lang) + " (" + role.id.str() + ", " +
         render(msg(MsgId::role_level_line, tr(label(role.level), lang), role.rank), lang) + ")\n";
  std::string child_prefix = root ? prefix : prefix + (last ? "   " : "│  ");
  for (std::size_t i = 0; i < node.next.size(); ++i) {
    tree_node(out, node.next[i], child_prefix, false, i + 1 == node.next.size(), lang);
  }
}

}  // namespace

std::string ladder_tree(const std::vector<LadderNode>& ladder, Lang lang) {
  std::string out = tr(MsgId::ladder_title, lang) + "\n\n";
  for (const LadderNode& root : ladder) tree_node(out, root, "", true, true, lang);
  return out;
}

}  // namespace ccteam::cli
