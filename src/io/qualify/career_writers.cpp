#include "io/qualify/career_writers.hpp"

#include <optional>

#include "io/qualify/screening_json.hpp"

namespace ccteam::io {

std::string career_role_name(const catalog::Role& role, Lang lang) {
  return role.title.get(lang) + " (" + role.id.str() + ")";
}

std::string career_gap_text(const qualify::Readiness& r, std::size_t i,
                            std::size_t& experience_index, Lang lang) {
  const qualify::Criterion& c = r.gaps[i];
  if (c.kind == qualify::CriterionKind::experience && experience_index < r.months_missing.size()) {
    std::string kind = c.subject.substr(0, c.subject.find(">="));
    return render_text(
        msg(MsgId::career_gap_experience, r.months_missing[experience_index++], kind), lang);
  }
  return render(
      msg(MsgId::career_gap_other, render_text(c.title, lang), render_text(c.explanation, lang)),
      lang);
}

std::string career_gap_line(const qualify::Readiness& r, std::size_t i,
                            std::size_t& experience_index, Lang lang) {
  std::string text = career_gap_text(r, i, experience_index, lang);
  if (r.gaps[i].importance == catalog::Importance::preferred)
    text += " (" + tr(MsgId::term_preferred, lang) + ")";
  return text;
}

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
    nlohmann::ordered_json gaps = nlohmann::ordered_json::array();
    std::size_t experience_index = 0;
    for (std::size_t i = 0; i < r.gaps.size(); ++i) {
      nlohmann::ordered_json gap = criterion_to_json(r.gaps[i], lang);
      if (r.gaps[i].kind == qualify::CriterionKind::experience &&
          experience_index < r.months_missing.size()) {
        gap["months_missing"] = r.months_missing[experience_index];
      }
      gap["text"] = career_gap_text(r, i, experience_index, lang);
      gaps.push_back(std::move(gap));
    }
    item["gaps"] = std::move(gaps);
    item["experience_met_on"] = r.experience_met_on
                                    ? nlohmann::ordered_json(to_iso(*r.experience_met_on))
                                    : nlohmann::ordered_json(nullptr);
    nlohmann::ordered_json plan = nlohmann::ordered_json::array();
    for (const LocalizedText& step : r.plan) plan.push_back(step.get(lang));
    item["plan"] = std::move(plan);
    next.push_back(std::move(item));
  }
  out["next"] = std::move(next);
  return out;
}

XlsxSheet career_to_xlsx(const qualify::CareerPath& path, Lang lang) {
  auto t = [lang](MsgId id) { return tr(id, lang); };
  XlsxSheet sheet{t(MsgId::career_sheet_gaps),
                  {t(MsgId::career_col_role), t(MsgId::screen_col_verdict),
                   t(MsgId::career_col_gap), t(MsgId::career_col_months_missing),
                   t(MsgId::career_col_earliest), t(MsgId::career_col_plan)},
                  {}};
  for (const qualify::Readiness& r : path.next) {
    std::string plan;
    for (const LocalizedText& step : r.plan) plan += (plan.empty() ? "" : "; ") + step.get(lang);
    std::string earliest = r.experience_met_on ? to_iso(*r.experience_met_on) : "";
    auto row = [&](std::string gap, std::optional<int> months) {
      sheet.rows.push_back({XlsxCell{career_role_name(*r.role, lang)},
                            XlsxCell{t(qualify::label(r.evaluation.verdict))},
                            XlsxCell{std::move(gap)},
                            months ? XlsxCell{static_cast<double>(*months)} : XlsxCell{""},
                            XlsxCell{earliest}, XlsxCell{plan}});
    };
    std::size_t experience_index = 0;
    for (std::size_t i = 0; i < r.gaps.size(); ++i) {
      std::optional<int> months;
      if (r.gaps[i].kind == qualify::CriterionKind::experience &&
          experience_index < r.months_missing.size()) {
        months = r.months_missing[experience_index];
      }
      row(career_gap_line(r, i, experience_index, lang), months);
    }
    if (r.gaps.empty()) row("", std::nullopt);
  }
  return sheet;
}

}  // namespace ccteam::io
