#include "io/qualify/screening_writers.hpp"

#include <fmt/format.h>

#include "io/base/error_json.hpp"
#include "io/qualify/screening_json.hpp"

namespace ccteam::io {

namespace {

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Evidence of one criterion as one line (the file as the reader named it: "#3" when blind).
std::string evidence_line(const qualify::Criterion& c, Lang lang) {
  std::string out;
  for (const qualify::Evidence& ev : c.evidence) {
    if (ev.text.empty()) continue;
    out += (out.empty() ? "" : "; ") + evidence_text(ev, lang);
  }
  return out;
}

}  // namespace

nlohmann::ordered_json screening_to_json(const ScreeningSummary& summary,
                                         const std::vector<Screened>& applicants,
                                         const Errors& rejected, Lang lang) {
  nlohmann::ordered_json out;
  out["role"] = summary.role;
  out["as_of"] = to_iso(summary.as_of);
  out["country"] = summary.country;
  out["blind"] = summary.blind;
  out["summary"] = {{"read", summary.read},
                    {"evaluated", summary.evaluated},
                    {"rejected", summary.rejected},
                    {"not_shown", summary.not_shown}};
  out["notice"] = tr(MsgId::screen_human_decides, lang);
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Screened& s : applicants) {
    list.push_back(evaluation_to_json(s.evaluation, lang, summary.blind ? nullptr : &s.person));
  }
  out["applicants"] = std::move(list);
  nlohmann::ordered_json errors = nlohmann::ordered_json::array();
  for (const Error& e : rejected) errors.push_back(error_to_json(e, lang));
  out["rejected"] = std::move(errors);
  return out;
}

std::string screening_to_csv(const std::vector<Screened>& applicants, Lang lang) {
  std::string out = "id,verdict,preferred_met,kind,subject,importance,outcome,explanation\n";
  for (const Screened& s : applicants) {
    for (const qualify::Criterion& c : s.evaluation.criteria) {
      out += fmt::format("{},{},{},{},{},{},{},{}\n", csv_cell(s.evaluation.person_id),
                         qualify::to_string(s.evaluation.verdict), s.evaluation.preferred_met,
                         qualify::to_string(c.kind), csv_cell(c.subject),
                         catalog::to_string(c.importance), qualify::to_string(c.outcome),
                         csv_cell(render_text(c.explanation, lang)));
    }
  }
  return out;
}

std::vector<XlsxSheet> screening_to_xlsx(const ScreeningSummary& run,
                                         const std::vector<Screened>& applicants_list,
                                         const Errors& rejected_errors, Lang lang) {
  auto t = [lang](MsgId id) { return tr(id, lang); };
  auto number = [](std::size_t n) { return XlsxCell{static_cast<double>(n)}; };
  const bool reveal = !run.blind;
  XlsxSheet summary{t(MsgId::screen_sheet_summary), {}, {}};
  summary.rows = {
      {XlsxCell{t(MsgId::screen_row_role)}, XlsxCell{run.role}},
      {XlsxCell{t(MsgId::screen_row_as_of)}, XlsxCell{to_iso(run.as_of)}},
      {XlsxCell{t(MsgId::screen_row_country)}, XlsxCell{run.country}},
      {XlsxCell{t(MsgId::screen_row_read)}, number(run.read)},
      {XlsxCell{t(MsgId::screen_row_evaluated)}, number(run.evaluated)},
      {XlsxCell{t(MsgId::screen_row_rejected)}, number(run.rejected)},
      {XlsxCell{t(MsgId::screen_row_blind)},
       XlsxCell{t(reveal ? MsgId::word_no : MsgId::word_yes)}},
  };
  if (run.not_shown > 0) {
    summary.rows.push_back(
        {XlsxCell{render(msg(MsgId::screen_more_not_shown, run.not_shown), lang)}});
  }
  summary.rows.push_back({XlsxCell{t(MsgId::screen_human_decides)}});
  XlsxSheet applicants{
      t(MsgId::screen_sheet_applicants),
      {t(MsgId::screen_col_id), t(MsgId::screen_col_verdict), t(MsgId::screen_col_preferred)},
      {}};
  if (reveal) {
    applicants.header.push_back(t(MsgId::screen_col_name));
    applicants.header.push_back(t(MsgId::screen_col_source));
  }
  XlsxSheet criteria{t(MsgId::screen_sheet_criteria),
                     {t(MsgId::screen_col_id), t(MsgId::screen_col_criterion),
                      t(MsgId::screen_col_importance), t(MsgId::screen_col_outcome),
                      t(MsgId::screen_col_explanation), t(MsgId::screen_col_evidence)},
                     {}};
  for (const Screened& s : applicants_list) {
    const qualify::Evaluation& e = s.evaluation;
    std::vector<XlsxCell> row = {XlsxCell{e.person_id}, XlsxCell{t(qualify::label(e.verdict))},
                                 number(static_cast<std::size_t>(e.preferred_met))};
    if (reveal) {
      row.emplace_back(s.person.personal.name);
      row.emplace_back(to_string(s.person.pos));
    }
    applicants.rows.push_back(std::move(row));
    for (const qualify::Criterion& c : e.criteria) {
      criteria.rows.push_back(
          {XlsxCell{e.person_id}, XlsxCell{render_text(c.title, lang)},
           XlsxCell{t(catalog::label(c.importance))}, XlsxCell{t(qualify::label(c))},
           XlsxCell{render_text(c.explanation, lang)}, XlsxCell{evidence_line(c, lang)}});
    }
  }
  XlsxSheet rejected{t(MsgId::screen_sheet_rejected),
                     {t(MsgId::screen_col_where), t(MsgId::screen_col_error)},
                     {}};
  for (const Error& e : rejected_errors) {
    rejected.rows.push_back({XlsxCell{to_string(e.where)}, XlsxCell{render(e.message, lang)}});
  }
  return {std::move(summary), std::move(applicants), std::move(criteria), std::move(rejected)};
}

}  // namespace ccteam::io
