#include "io/qualify/career_writers.hpp"

#include "io/qualify/screening_json.hpp"

namespace ccteam::io {

std::string career_role_name(const catalog::Role& role, Lang lang) {
  return role.title.get(lang) + " (" + role.id.str() + ")";
}

std::string career_gap_line(const qualify::Gap& g, Lang lang) {
  const qualify::Criterion& c = g.criterion;
  std::string text;
  if (c.kind == qualify::CriterionKind::experience && g.months_missing) {
    std::string kind = c.subject.substr(0, c.subject.find(">="));
    text = render_text(msg(MsgId::career_gap_experience, *g.months_missing, kind), lang);
  } else {
    text = render(
        msg(MsgId::career_gap_other, render_text(c.title, lang), render_text(c.explanation, lang)),
        lang);
  }
  if (c.importance == catalog::Importance::preferred) {
    text += " (" + tr(MsgId::term_preferred, lang) + ")";
  }
  return text;
}

std::string career_action(const qualify::Gap& g, Lang lang) { return render_text(g.action, lang); }

nlohmann::ordered_json career_to_json(const qualify::CareerPath& path, const std::string& person_id,
                                      const Date& as_of, Lang lang) {
  nlohmann::ordered_json out;
  out["id"] = person_id;
  out["as_of"] = to_iso(as_of);
  out["from"] = path.from->id.str();
  nlohmann::ordered_json next = nlohmann::ordered_json::array();
  for (const qualify::Readiness& r : path.next) {
    nlohmann::ordered_json item;
    item["role"] = r.role->id.str();
    item["verdict"] = qualify::to_string(r.evaluation.verdict);
    item["verdict_text"] = tr(qualify::label(r.evaluation.verdict), lang);
    nlohmann::ordered_json met = nlohmann::ordered_json::array();
    for (const qualify::Criterion& c : r.met) met.push_back(criterion_to_json(c, lang));
    item["met"] = std::move(met);
    nlohmann::ordered_json gaps = nlohmann::ordered_json::array();
    nlohmann::ordered_json plan = nlohmann::ordered_json::array();
    for (const qualify::Gap& g : r.gaps) {
      nlohmann::ordered_json gap = criterion_to_json(g.criterion, lang);
      if (g.months_missing) gap["months_missing"] = *g.months_missing;
      if (g.met_on) gap["met_on"] = to_iso(*g.met_on);
      gap["text"] = career_gap_line(g, lang);
      gap["action"] = career_action(g, lang);
      plan.push_back(gap["action"]);
      gaps.push_back(std::move(gap));
    }
    item["gaps"] = std::move(gaps);
    item["experience_met_on"] = r.experience_met_on
                                    ? nlohmann::ordered_json(to_iso(*r.experience_met_on))
                                    : nlohmann::ordered_json(nullptr);
    item["plan"] = std::move(plan);
    next.push_back(std::move(item));
  }
  out["next"] = std::move(next);
  return out;
}

std::vector<XlsxSheet> career_to_xlsx(const qualify::CareerPath& path, Lang lang) {
  auto t = [lang](MsgId id) { return tr(id, lang); };
  XlsxSheet gaps{t(MsgId::career_sheet_gaps),
                 {t(MsgId::career_col_role), t(MsgId::screen_col_verdict), t(MsgId::career_col_gap),
                  t(MsgId::career_col_months_missing), t(MsgId::career_col_earliest),
                  t(MsgId::career_col_plan)},
                 {}};
  XlsxSheet met{
      t(MsgId::career_sheet_met),
      {t(MsgId::career_col_role), t(MsgId::screen_col_criterion), t(MsgId::screen_col_explanation)},
      {}};
  for (const qualify::Readiness& r : path.next) {
    const std::string role = career_role_name(*r.role, lang);
    const std::string verdict = t(qualify::label(r.evaluation.verdict));
    for (const qualify::Gap& g : r.gaps) {
      gaps.rows.push_back(
          {XlsxCell{role}, XlsxCell{verdict}, XlsxCell{career_gap_line(g, lang)},
           g.months_missing ? XlsxCell{static_cast<double>(*g.months_missing)} : XlsxCell{""},
           XlsxCell{g.met_on ? to_iso(*g.met_on) : ""}, XlsxCell{career_action(g, lang)}});
    }
    if (r.gaps.empty()) {
      gaps.rows.push_back({XlsxCell{role}, XlsxCell{verdict}, XlsxCell{""}, XlsxCell{""},
                           XlsxCell{""}, XlsxCell{""}});
    }
    for (const qualify::Criterion& c : r.met) {
      met.rows.push_back({XlsxCell{role}, XlsxCell{render_text(c.title, lang)},
                          XlsxCell{render_text(c.explanation, lang)}});
    }
  }
  return {std::move(gaps), std::move(met)};
}

}  // namespace ccteam::io
