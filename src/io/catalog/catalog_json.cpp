#include "io/catalog/catalog_json.hpp"

namespace ccteam::io {

namespace {

using json = nlohmann::ordered_json;
using namespace ccteam::catalog;

json text(const LocalizedText& t) { return json{{"en", t.en}, {"de", t.de}}; }

json list(const LocalizedList& l) { return json{{"en", l.en}, {"de", l.de}}; }

json basis(const Basis& b) { return json{{"source", text(b.source)}, {"tunable", b.tunable}}; }

json range(const PayRange& r) {
  json out{{"currency", std::string(r.min.currency.code())},
           {"period", std::string(to_string(r.period))},
           {"min", to_major(r.min)},
           {"max", r.max ? json(to_major(*r.max)) : json(nullptr)},
           {"open_ended", r.open_ended}};
  return out;
}

json ref(const std::optional<RoleRef>& r) { return r ? json(r->id.str()) : json(nullptr); }

}  // namespace

json pay_band_to_json(const PayBand& band) {
  json out{{"role", band.role.id.str()}, {"country", band.country}};
  out.update(range(band.range));
  return out;
}

json role_to_json(const Role& role, const Catalog& catalog) {
  json out;
  out["id"] = role.id.str();
  out["level"] = std::string(to_string(role.level));
  out["rank"] = role.rank;
  out["title"] = text(role.title);
  out["posting_title"] = role.posting_title ? text(*role.posting_title) : json(nullptr);
  out["description"] = text(role.description);
  out["job_summary"] = text(role.job_summary);
  out["reports_to"] = ref(role.reports_to);
  out["escalates_to"] = ref(role.escalates_to);
  out["next_roles"] = json::array();
  for (const RoleRef& next : role.next_roles) out["next_roles"].push_back(next.id.str());

  out["responsibilities"] = json::array();
  for (const Responsibility& r : role.responsibilities) {
    out["responsibilities"].push_back(
        {{"id", r.id}, {"title", text(r.title)}, {"description", text(r.description)}});
  }
  out["skills"] = json::array();
  for (const Skill& s : role.skills) {
    out["skills"].push_back({{"id", s.id},
                             {"importance", std::string(to_string(s.importance))},
                             {"name", text(s.name)},
                             {"description", text(s.description)},
                             {"synonyms", list(s.synonyms)}});
  }
  out["languages"] = json::array();
  for (const LanguageRequirement& l : role.languages) {
    out["languages"].push_back({{"language", l.language},
                                {"level", std::string(to_string(l.level))},
                                {"importance", std::string(to_string(l.importance))},
                                {"countries", l.countries},
                                {"note", l.note ? text(*l.note) : json(nullptr)}});
  }
  out["credentials"] = json::array();
  for (const Credential& c : role.credentials) {
    out["credentials"].push_back({{"id", c.id},
                                  {"name", text(c.name)},
                                  {"country", c.country},
                                  {"isced", to_int(c.isced)},
                                  {"dqr", c.dqr ? json(*c.dqr) : json(nullptr)}});
  }
  json education{{"minimum", json::array()}, {"preferred", json::array()}};
  for (const MinimumEducation& m : role.minimum_education) {
    education["minimum"].push_back({{"country", m.country},
                                    {"isced", to_int(m.isced)},
                                    {"description", text(m.description)},
                                    {"credentials", m.credentials},
                                    {"basis", basis(m.basis)}});
  }
  for (const PreferredEducation& p : role.preferred_education) {
    education["preferred"].push_back({{"isced", to_int(p.isced)},
                                      {"fields", list(p.fields)},
                                      {"importance", std::string(to_string(p.importance))},
                                      {"basis", basis(p.basis)}});
  }
  out["education"] = education;
  out["experience"] = json::array();
  for (const ExperienceRequirement& e : role.experience) {
    out["experience"].push_back({{"kind", std::string(to_string(e.kind))},
                                 {"months", e.months},
                                 {"importance", std::string(to_string(e.importance))},
                                 {"note", e.note ? text(*e.note) : json(nullptr)},
                                 {"basis", basis(e.basis)}});
  }
  out["substitutions"] = json::array();
  for (const Substitution& s : role.substitutions) {
    json kinds = json::array();
    for (ExperienceKind k : s.kinds) kinds.push_back(std::string(to_string(k)));
    json part = nullptr;
    if (s.part) {
      json part_kinds = json::array();
      for (ExperienceKind k : s.part->kinds) part_kinds.push_back(std::string(to_string(k)));
      part = {{"months", s.part->months}, {"kinds", part_kinds}};
    }
    out["substitutions"].push_back({{"id", s.id},
                                    {"months", s.months},
                                    {"kinds", kinds},
                                    {"part", part},
                                    {"replaces_isced", to_int(s.replaces_isced)},
                                    {"description", text(s.description)},
                                    {"basis", basis(s.basis)}});
  }
  json pay{{"market_reference", nullptr}, {"bands", json::array()}};
  if (role.market_reference) {
    const MarketReference& m = *role.market_reference;
    json market = range(m.range);
    market["source"] = text(m.source);
    market["country"] = m.country;
    market["year"] = m.year ? json(*m.year) : json(nullptr);
    market["note"] = m.note ? text(*m.note) : json(nullptr);
    pay["market_reference"] = market;
  }
  for (const PayBand* band : catalog.bands_for(role.id)) {
    json b = range(band->range);
    b["country"] = band->country;
    pay["bands"].push_back(b);
  }
  out["pay"] = pay;
  out["occupation_codes"] = {{"esco", role.occupation_codes.esco},
                             {"isco08", role.occupation_codes.isco08},
                             {"onet_soc", role.occupation_codes.onet_soc},
                             {"kldb2010", role.occupation_codes.kldb2010}};
  out["kpis"] = json::array();
  for (const Kpi& k : role.kpis) {
    out["kpis"].push_back({{"id", k.id},
                           {"name", text(k.name)},
                           {"description", text(k.description)},
                           {"unit", std::string(to_string(k.unit))},
                           {"direction", std::string(to_string(k.direction))},
                           {"target", k.target ? json(*k.target) : json(nullptr)}});
  }
  return out;
}

json roles_to_json(const Catalog& catalog) {
  json out{{"catalog", {{"name", catalog.name}, {"version", catalog.version}}},
           {"roles", json::array()}};
  for (const Role* role : catalog.by_rank()) out["roles"].push_back(role_to_json(*role, catalog));
  return out;
}

namespace {

json ladder_node(const LadderNode& node) {
  json out{{"id", node.role->id.str()},
           {"rank", node.role->rank},
           {"level", std::string(to_string(node.role->level))},
           {"title", text(node.role->title)},
           {"next", json::array()}};
  for (const LadderNode& next : node.next) out["next"].push_back(ladder_node(next));
  return out;
}

}  // namespace

json ladder_to_json(const std::vector<LadderNode>& ladder) {
  json out{{"ladders", json::array()}};
  for (const LadderNode& root : ladder) out["ladders"].push_back(ladder_node(root));
  return out;
}

}  // namespace ccteam::io
