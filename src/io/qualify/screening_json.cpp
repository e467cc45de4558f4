#include "io/qualify/screening_json.hpp"

#include <algorithm>

namespace ccteam::io {

using nlohmann::ordered_json;

namespace {

ordered_json pos_to_json(const SourcePos& pos) {
  ordered_json out = ordered_json::object();
  if (pos.line > 0) out["line"] = pos.line;
  if (pos.line > 0 && pos.column > 0) out["column"] = pos.column;
  if (!pos.json_pointer.empty()) out["pointer"] = pos.json_pointer;
  return out;
}

// JSON Resume's personal summary (qualify::Person::summary).
bool from_summary(const qualify::Evidence& e) {
  return qualify::is_summary_pointer(e.where.json_pointer);
}

}  // namespace

Message cv_evidence_place(const qualify::Evidence& e) {
  std::string_view index = e.where.json_pointer;
  index.remove_prefix(std::min(index.size(), std::string_view("/documents/").size()));
  std::size_t number = 0;
  for (char c : index) {
    if (c < '0' || c > '9') break;
    number = number * 10 + static_cast<std::size_t>(c - '0');
  }
  return msg(MsgId::evidence_from_cv, number + 1, e.where.line);
}

std::string evidence_text(const qualify::Evidence& e, Lang lang) {
  std::string out = "\"" + e.text + "\" " + to_string(e.where);
  if (from_summary(e)) out += " (" + tr(MsgId::q_from_summary, lang) + ")";
  if (qualify::is_document_pointer(e.where.json_pointer)) {
    out += " (" + render(cv_evidence_place(e), lang) + ")";
  }
  return out;
}

std::string render_text(const Message& message, Lang lang) {
  Message localized = message;
  for (MessageArg& arg : localized.args) {
    if (arg.id != MsgId::count_ || arg.localized) continue;
    if (auto kind = catalog::parse_experience_kind(arg.text))
      arg = MessageArg(catalog::label(*kind));
  }
  return render(localized, lang);
}

ordered_json criterion_to_json(const qualify::Criterion& c, Lang lang) {
  ordered_json out;
  out["kind"] = qualify::to_string(c.kind);
  out["subject"] = c.subject;
  out["importance"] = catalog::to_string(c.importance);
  out["title"] = render_text(c.title, lang);
  out["outcome"] = qualify::to_string(c.outcome);
  out["outcome_text"] = tr(qualify::label(c), lang);
  out["explanation"] = render_text(c.explanation, lang);
  ordered_json evidence = ordered_json::array();
  for (const qualify::Evidence& e : c.evidence) {
    ordered_json item;
    item["text"] = e.text;
    item["rule"] = e.rule;
    item["at"] = pos_to_json(e.where);
    if (from_summary(e)) item["from_summary"] = true;
    if (qualify::is_document_pointer(e.where.json_pointer)) {
      item["from_cv"] = true;
      item["place"] = render(cv_evidence_place(e), lang);
    }
    evidence.push_back(std::move(item));
  }
  out["evidence"] = std::move(evidence);
  if (!c.substitution.empty()) out["substitution"] = c.substitution;
  return out;
}

ordered_json evaluation_to_json(const qualify::Evaluation& e, Lang lang,
                                const qualify::Person* reveal) {
  ordered_json out;
  out["id"] = e.person_id;
  out["role"] = e.role.str();
  out["verdict"] = qualify::to_string(e.verdict);
  out["verdict_text"] = tr(qualify::label(e.verdict), lang);
  out["preferred_met"] = e.preferred_met;
  ordered_json criteria = ordered_json::array();
  for (const qualify::Criterion& c : e.criteria) criteria.push_back(criterion_to_json(c, lang));
  out["criteria"] = std::move(criteria);
  if (reveal != nullptr) {
    out["personal"] = {{"name", reveal->personal.name},
                       {"email", reveal->personal.email},
                       {"phone", reveal->personal.phone},
                       {"city", reveal->personal.city},
                       {"country", reveal->personal.country_code}};
    out["source"] = {{"file", reveal->pos.file},
                     {"line", reveal->pos.line},
                     {"pointer", reveal->pos.json_pointer}};
  }
  return out;
}

}  // namespace ccteam::io
