// The organisation's pages of applications: the blind, screened list of an opening's
// applications (/{lang}/openings/{id}/applications) with its filters and exports, and one
// application (/{lang}/applications/{id}) with its criteria and evidence, unblinding (audited),
// the export of everything held on the applicant and erasure.
#include <chrono>

#include <fmt/format.h>

#include "app/workspace/application_import.hpp"
#include "app/workspace/applications.hpp"
#include "ccteam/core/number_text.hpp"
#include "io/base/number_text.hpp"
#include "io/workspace/documents.hpp"
#include "server/http/multipart.hpp"
#include "server/pages/shell.hpp"
#include "server/render/template.hpp"
#include "server/responses.hpp"
#include "server/routes/account_shared.hpp"
#include "server/routes/page_shared.hpp"
#include "server/routes/routes.hpp"

namespace ccteam::server {

namespace {

using access::Permission;
using json = nlohmann::ordered_json;
using pages::lang_path;

std::string query_of(const app::ApplicationFilter& filter, const std::string& after) {
  std::string out;
  auto add = [&out](std::string_view name, const std::string& value) {
    if (value.empty()) return;
    out += out.empty() ? "?" : "&";
    out += std::string(name) + "=" + value;
  };
  add("verdict", filter.verdict);
  add("knockouts", filter.knockouts);
  add("channel", filter.channel);
  add("after", after);
  return out;
}

// The possible duplicates of an application as its page lists them: a link to each, which facts
// match (never their values: the page may be blind), which opening, when received, withdrawn.
std::vector<render::Context> duplicate_items(const app::ApplicationView& view, Lang lang) {
  std::vector<render::Context> out;
  for (const app::PossibleDuplicate& duplicate : view.duplicates) {
    std::string facts;
    if (duplicate.email) facts = tr(MsgId::web_application_duplicate_email, lang);
    if (duplicate.phone) {
      facts += (facts.empty() ? "" : ", ") + tr(MsgId::web_application_duplicate_phone, lang);
    }
    MsgId opening = duplicate.opening_id == view.stored.opening_id
                        ? MsgId::web_application_duplicate_same_opening
                        : MsgId::web_application_duplicate_other_opening;
    render::Context item;
    item.text("href", lang_path(lang, "/applications/" + duplicate.id.to_string()))
        .text("label", duplicate.label)
        .text("line",
              ccteam::render(msg(MsgId::web_application_duplicate_line, facts, tr(opening, lang),
                                 posting::format_date(app::utc_date(duplicate.created_at), lang)),
                             lang));
    if (duplicate.status == "withdrawn") {
      item.text("other_withdrawn", tr(MsgId::application_withdrawn, lang));
    }
    out.push_back(std::move(item));
  }
  return out;
}

// The e-mails to the applicant as the application's page lists them: what each was and how
// sending went (never its recipient or text: the page may be blind).
// What became of reading a document's text: "text read: 2,140 characters", "no text found (a
// scanned image?)", why it could not be read; "" while it waits (the section says so once) and
// for documents stored before texts were read.
std::string document_text_state(const store::StoredDocument& document, std::size_t index,
                                Lang lang) {
  if (document.text_status == "done") {
    return document.text_chars > 0 ? ccteam::render(msg(MsgId::web_application_document_text,
                                                        io::count_text(document.text_chars)),
                                                    lang)
                                   : tr(MsgId::web_application_document_no_text, lang);
  }
  // The reason is the reader's, in English: shown on English pages only.
  std::string reason;
  if (lang == Lang::en && !document.text_reason.empty()) reason = " (" + document.text_reason + ")";
  if (document.text_status == "unreadable") {
    return ccteam::render(msg(MsgId::document_extract_failed, index + 1, reason), lang);
  }
  if (document.text_status == "limit") {
    return ccteam::render(msg(MsgId::document_extract_limit, reason), lang);
  }
  return "";
}

std::vector<render::Context> mail_items(const app::ApplicationView& view, Lang lang) {
  std::vector<render::Context> out;
  for (const store::StoredMessage& message : view.messages) {
    render::Context item;
    item.text("kind", message.kind == app::k_acknowledgement_message
                          ? tr(MsgId::web_mail_kind_acknowledgement, lang)
                      : message.kind == app::k_art14_message ? tr(MsgId::web_mail_kind_art14, lang)
                                                             : message.kind);
    std::string state;
    if (message.state == "sent" && message.sent_at) {
      state = ccteam::render(msg(MsgId::web_mail_state_sent,
                                 posting::format_date(app::utc_date(*message.sent_at), lang)),
                             lang);
    } else if (message.state == "failed") {
      state = ccteam::render(msg(MsgId::web_mail_state_failed, message.attempts), lang);
    } else if (message.state == "unsent") {
      state = tr(MsgId::web_mail_state_unsent, lang);
    } else {
      state = tr(MsgId::web_mail_state_queued, lang);
    }
    item.text("state", state).text("state_class", message.state);
    if (message.state != "sent" && message.attempts > 0 && message.last_error) {
      item.text(
          "retry",
          ccteam::render(msg(MsgId::web_mail_retry, message.attempts, *message.last_error), lang));
    }
    out.push_back(std::move(item));
  }
  return out;
}

MsgId verdict_title(std::string_view verdict) {
  if (verdict == "meets") return MsgId::q_verdict_meets;
  if (verdict == "meets_by_substitution") return MsgId::q_verdict_substitution;
  if (verdict == "needs_review") return MsgId::q_verdict_review;
  if (verdict == "does_not_meet_minimum") return MsgId::q_verdict_not_minimum;
  return MsgId::web_applications_pending;
}

// Where an application came from, as the list and its page say: the link's source, the
// import's source, or the form.
std::string source_text(const store::StoredApplication& row, Lang lang) {
  if (row.source == "import") {
    return ccteam::render(msg(MsgId::web_applications_source_import, row.channel), lang);
  }
  return row.channel.empty() ? tr(MsgId::web_applications_source_form, lang) : row.channel;
}

MsgId legal_basis_title(std::string_view basis) {
  if (basis == "pre_contract") return MsgId::web_legal_basis_pre_contract;
  if (basis == "consent") return MsgId::web_legal_basis_consent;
  return MsgId::web_legal_basis_legitimate_interest;
}

// What the import form sent and what came of it, for the list page that shows it again.
struct ImportState {
  std::string legal_basis;
  std::string source;
  std::string lang;
  std::vector<std::string> errors;    // the import as a whole was refused
  std::string result;                 // "2 added, 0 already there, 1 not added"
  std::string unsent;                 // the art. 14 e-mails were not sent (no mail server)
  std::vector<std::string> problems;  // the records not added, with their places
};

// A record's problem as one line: "people.json:12 (/basics/email): message; hint".
std::string problem_line(const Error& error, Lang lang) {
  Error e = shown_error(error);
  std::string where = to_string(e.where);
  std::string text = ccteam::render(e.message, lang);
  if (e.hint) text += "; " + ccteam::render(*e.hint, lang);
  return where.empty() ? text : where + ": " + text;
}

Response list_page(RouteContext& context, const Request& request, const Caller& caller,
                   const std::string& id_text, const ImportState* import = nullptr) {
  Lang lang = caller.lang;
  std::string path = "/openings/" + id_text + "/applications";
  auto id = store::Uuid::parse(id_text);
  if (!id) return page_not_found(context, request, caller, path);
  auto snapshot = context.catalogs.current();
  if (!snapshot) return error_page(context, caller, snapshot.error(), path);
  auto opening = app::find_opening(context.repository, context.organisation, (*snapshot)->catalog(),
                                   &*caller.principal, *id, today_utc());
  if (!opening) return error_page(context, caller, opening.error(), path);
  app::ApplicationFilter filter;
  bool erased = false;
  if (auto query = parse_query(request.query)) {
    for (const QueryParam& p : *query) {
      if (p.name == "verdict") filter.verdict = shorten(p.value, 40);
      if (p.name == "knockouts") filter.knockouts = shorten(p.value, 20);
      if (p.name == "channel") filter.channel = shorten(p.value, 40);
      if (p.name == "after") filter.after = shorten(p.value, 80);
      if (p.name == "erased") erased = true;
    }
  }
  auto page_rows =
      app::list_applications(context.repository, context.organisation, (*snapshot)->catalog(),
                             *caller.principal, *id, filter, lang, today_utc());
  if (!page_rows) return error_page(context, caller, page_rows.error(), path);
  std::string title =
      ccteam::render(msg(MsgId::web_applications_title, opening->title(lang)), lang);
  render::Context page = pages::shell_context(title, lang, page_info(context, path, caller));
  std::vector<render::Context> rows;
  for (const app::ApplicationView& view : page_rows->rows) {
    const store::StoredApplication& row = view.stored;
    render::Context item;
    std::string verdict = row.verdict ? view.screening.value("verdict_text", "")
                                      : tr(MsgId::web_applications_pending, lang);
    item.text("label", view.revealed ? view.personal.value("name", view.label) : view.label)
        .text("href", lang_path(lang, "/applications/" + row.id.to_string()))
        .text("verdict", verdict)
        .text("verdict_class", row.verdict.value_or("pending"))
        .text("knockouts", std::to_string(row.knockouts_missed))
        .text("preferred", std::to_string(row.preferred_met))
        .text("source", source_text(row, lang))
        .text("received", posting::format_date(app::utc_date(row.created_at), lang))
        .text("status", row.status == "withdrawn" ? tr(MsgId::application_withdrawn, lang)
                                                  : std::string("–"));
    if (!view.duplicates.empty()) {
      item.text("duplicate", tr(MsgId::web_applications_duplicate_mark, lang));
    }
    rows.push_back(std::move(item));
  }
  std::vector<render::Context> verdicts;
  verdicts.push_back(option("", tr(MsgId::web_applications_any, lang), filter.verdict.empty()));
  for (std::string_view v :
       {"meets", "meets_by_substitution", "needs_review", "does_not_meet_minimum", "pending"}) {
    verdicts.push_back(option(std::string(v), tr(verdict_title(v), lang), filter.verdict == v));
  }
  std::vector<render::Context> knockouts;
  knockouts.push_back(option("", tr(MsgId::web_applications_any, lang), filter.knockouts.empty()));
  knockouts.push_back(
      option("met", tr(MsgId::web_applications_knockouts_met, lang), filter.knockouts == "met"));
  knockouts.push_back(option("missed", tr(MsgId::web_applications_knockouts_missed, lang),
                             filter.knockouts == "missed"));
  std::string api = "/api/v1/openings/" + id_text + "/applications";
  std::string filters = query_of(filter, "");
  page.text("heading", title)
      .text("back_href", lang_path(lang, "/openings/" + id_text))
      .text("back", opening->title(lang))
      .text("blind", tr(MsgId::web_applications_blind, lang))
      .text("action", lang_path(lang, path))
      .text("filter_verdict", tr(MsgId::web_applications_filter_verdict, lang))
      .list("verdicts", std::move(verdicts))
      .text("filter_knockouts", tr(MsgId::web_applications_filter_knockouts, lang))
      .list("knockout_options", std::move(knockouts))
      .text("filter_channel", tr(MsgId::web_applications_filter_source, lang))
      .text("channel", filter.channel)
      .text("filter_button", tr(MsgId::web_applications_filter_button, lang))
      .flag("has_rows", !rows.empty())
      .list("rows", std::move(rows))
      .text("empty", tr(MsgId::web_applications_empty, lang))
      .text("col_applicant", tr(MsgId::web_applications_col_applicant, lang))
      .text("col_verdict", tr(MsgId::web_applications_col_verdict, lang))
      .text("col_knockouts", tr(MsgId::web_applications_col_knockouts, lang))
      .text("col_preferred", tr(MsgId::web_applications_col_preferred, lang))
      .text("col_source", tr(MsgId::web_applications_col_source, lang))
      .text("col_received", tr(MsgId::web_applications_col_received, lang))
      .text("col_status", tr(MsgId::web_applications_col_status, lang))
      .text("csv_href", api + ".csv" + filters)
      .text("csv", tr(MsgId::web_applications_export_csv, lang))
      .text("xlsx_href", api + ".xlsx" + filters)
      .text("xlsx", tr(MsgId::web_applications_export_xlsx, lang));
  if (!page_rows->next.empty()) {
    page.text("next_href", lang_path(lang, path) + query_of(filter, page_rows->next))
        .text("next", tr(MsgId::web_applications_next, lang));
  }
  std::vector<render::Context> notices;
  if (erased) {
    render::Context notice;
    notice.text("text", tr(MsgId::web_application_erased, lang));
    notices.push_back(std::move(notice));
  }
  int status = 200;
  // What the last import did (its errors, result and the records not added), then the import
  // form for those who manage applications, while the opening takes them.
  ImportState shown;
  if (import != nullptr) shown = *import;
  if (!shown.errors.empty()) {
    page.flag("has_errors", true)
        .text("errors_heading", tr(MsgId::web_form_errors, lang))
        .list("errors", text_items(shown.errors));
    status = 422;
  }
  for (const std::string* text : {&shown.result, &shown.unsent}) {
    if (text->empty()) continue;
    render::Context notice;
    notice.text("text", *text);
    notices.push_back(std::move(notice));
  }
  if (!shown.problems.empty()) {
    page.text("import_problems_heading", tr(MsgId::web_applications_import_problems, lang))
        .list("import_problems", text_items(shown.problems));
  }
  if (caller.principal->can(Permission::manage_applications) &&
      opening->status != app::OpeningStatus::closed) {
    std::vector<render::Context> bases;
    for (std::string_view basis : {"legitimate_interest", "pre_contract", "consent"}) {
      bases.push_back(option(std::string(basis), tr(legal_basis_title(basis), lang),
                             shown.legal_basis == basis));
    }
    std::vector<render::Context> langs;
    for (Lang l :
         opening->languages.empty() ? std::vector<Lang>{Lang::de, Lang::en} : opening->languages) {
      std::string code(ccteam::to_string(l));
      langs.push_back(
          option(code, tr(l == Lang::de ? MsgId::posting_lang_de : MsgId::posting_lang_en, lang),
                 shown.lang == code));
    }
    page.text("import_heading", tr(MsgId::web_applications_import, lang))
        .text("import_hint", tr(MsgId::web_applications_import_hint, lang))
        .text("import_action", lang_path(lang, path + "/import"))
        .text("import_file", tr(MsgId::web_applications_import_file, lang))
        .text("import_basis", tr(MsgId::web_applications_import_basis, lang))
        .list("import_bases", std::move(bases))
        .text("import_source", tr(MsgId::web_applications_import_source, lang))
        .text("import_source_value", shown.source)
        .text("import_source_example", tr(MsgId::web_applications_import_source_example, lang))
        .text("import_lang", tr(MsgId::web_applications_import_lang, lang))
        .list("import_langs", std::move(langs))
        .text("import_button", tr(MsgId::web_applications_import_button, lang))
        .text("csrf", caller.principal->csrf_token);
  }
  if (!notices.empty()) page.list("notices", std::move(notices));
  return page_response(context.pages.workspace_page("applications", page), status);
}

// 'upload_error': a document the recruiter's upload form sent that was refused (422, shown at
// the upload field).
Response detail_page(RouteContext& context, const Request& request, const Caller& caller,
                     const std::string& id_text, const Error* upload_error = nullptr) {
  Lang lang = caller.lang;
  std::string path = "/applications/" + id_text;
  auto id = store::Uuid::parse(id_text);
  if (!id) return page_not_found(context, request, caller, path);
  auto view =
      app::find_application(context.repository, context.organisation, *caller.principal, *id, lang);
  if (!view) return error_page(context, caller, view.error(), path);
  const store::StoredApplication& row = view->stored;
  std::string opening_title;
  if (auto snapshot = context.catalogs.current()) {
    if (auto opening =
            app::find_opening(context.repository, context.organisation, (*snapshot)->catalog(),
                              &*caller.principal, row.opening_id, today_utc())) {
      opening_title = opening->title(lang);
    }
  }
  std::string title = ccteam::render(msg(MsgId::web_application_heading, view->label), lang);
  render::Context page = pages::shell_context(title, lang, page_info(context, path, caller));
  std::string opening_path = "/openings/" + row.opening_id.to_string();
  page.text("heading", title)
      .text("back_href", lang_path(lang, opening_path + "/applications"))
      .text("back", ccteam::render(msg(MsgId::web_applications_title, opening_title), lang))
      .text("received", posting::format_date(app::utc_date(row.created_at), lang))
      .text("col_received", tr(MsgId::web_applications_col_received, lang))
      .text("col_source", tr(MsgId::web_applications_col_source, lang))
      .text("source", source_text(row, lang))
      .text("verdict_label", tr(MsgId::web_applications_col_verdict, lang))
      .text("verdict", row.verdict ? view->screening.value("verdict_text", "")
                                   : tr(MsgId::web_applications_pending, lang))
      .text("verdict_class", row.verdict.value_or("pending"))
      .text("criteria_heading", tr(MsgId::web_application_criteria, lang))
      .text("answers_heading", tr(MsgId::web_application_answers, lang))
      .text("knockout_note", tr(MsgId::knockout_note, lang))
      .text("evidence_label", tr(MsgId::web_application_evidence, lang));
  if (row.status == "withdrawn") page.text("withdrawn", tr(MsgId::application_withdrawn, lang));
  if (row.source == "import") {
    page.text("imported", ccteam::render(msg(MsgId::web_application_imported, row.channel,
                                             legal_basis_title(row.legal_basis)),
                                         lang));
  }
  if (!view->duplicates.empty()) {
    page.flag("has_duplicates", true)
        .text("duplicates_heading", tr(MsgId::web_application_duplicates, lang))
        .list("duplicates", duplicate_items(*view, lang))
        .text("duplicates_note", tr(MsgId::web_application_duplicates_note, lang));
  }
  page.text("mail_heading", tr(MsgId::web_application_mail, lang))
      .text("mail_none", tr(MsgId::web_application_mail_none, lang))
      .flag("has_mail", !view->messages.empty())
      .list("mail", mail_items(*view, lang));
  if (view->screening.is_object()) {
    std::vector<render::Context> criteria;
    for (const json& c : view->screening["criteria"]) {
      render::Context item;
      std::vector<render::Context> evidence;
      if (c.contains("evidence")) {
        for (const json& e : c["evidence"]) {
          render::Context line;
          std::string where;
          if (e.contains("at") && e["at"].contains("pointer")) where = e["at"]["pointer"];
          if (e.value("from_cv", false)) {
            line.text("from_cv", e.value("place", ""));
            where.clear();
          }
          line.text("text", e.value("text", "")).text("where", where);
          evidence.push_back(std::move(line));
        }
      }
      item.text("title", c.value("title", ""))
          .text("outcome", c.value("outcome_text", ""))
          .text("outcome_class", c.value("outcome", ""))
          .text("explanation", c.value("explanation", ""))
          .flag("has_evidence", !evidence.empty())
          .list("evidence", std::move(evidence));
      criteria.push_back(std::move(item));
    }
    std::vector<render::Context> knockouts;
    for (const json& k : view->screening["knockouts"]) {
      render::Context item;
      item.text("title", k.value("title", ""))
          .text("answer", k.value("answer", ""))
          .text("outcome", k.value("outcome_text", ""))
          .text("outcome_class", k.value("outcome", ""));
      knockouts.push_back(std::move(item));
    }
    page.list("criteria", std::move(criteria))
        .flag("has_knockouts", !knockouts.empty())
        .list("knockouts", std::move(knockouts));
    if (view->screening.contains("catalog_revision")) {
      page.text("catalog", ccteam::render(msg(MsgId::web_application_catalog,
                                              view->screening.value("catalog_revision", 0),
                                              view->screening.value("country", "*")),
                                          lang));
    }
  }
  const app::Principal& who = *caller.principal;
  bool manage = who.can(Permission::manage_applications);
  std::string csrf = who.csrf_token;
  if (view->revealed) {
    std::vector<render::Context> personal;
    for (const auto& [key, value] : view->personal.items()) {
      MsgId name = key == "name"    ? MsgId::web_apply_name
                   : key == "email" ? MsgId::web_apply_email
                   : key == "phone" ? MsgId::web_apply_phone
                                    : MsgId::web_apply_city;
      render::Context item;
      item.text("label", tr(name, lang))
          .text("value", value.is_string() ? value.get<std::string>() : "");
      if (key == "email") item.text("href", "mailto:" + value.get<std::string>());
      personal.push_back(std::move(item));
    }
    page.text("personal_heading", tr(MsgId::web_application_personal, lang))
        .list("personal", std::move(personal))
        .flag("revealed", true);
    if (!row.privacy_version.empty()) {
      page.text("privacy",
                ccteam::render(msg(MsgId::web_application_privacy, row.privacy_version), lang));
    }
    if (row.talent_pool_until) {
      if (auto until = parse_iso_date(*row.talent_pool_until)) {
        page.text("pool",
                  ccteam::render(msg(MsgId::web_apply_in_pool, posting::format_date(*until, lang)),
                                 lang));
      }
    }
  } else if (manage) {
    page.text("unblind_action", lang_path(lang, path + "/unblind"))
        .text("unblind", tr(MsgId::web_application_unblind, lang))
        .text("unblind_note", tr(MsgId::web_application_unblind_note, lang));
  }
  // Documents: names and downloads only unblinded (a CV names the person).
  std::vector<render::Context> documents;
  bool text_pending = false;
  for (std::size_t i = 0; i < view->documents.size(); ++i) {
    const store::StoredDocument& document = view->documents[i];
    render::Context item;
    if (view->revealed) {
      auto type = io::document_type_of(document.content_type);
      item.text("name", document.file_name)
          .text("href", "/api/v1/applications/" + id_text + "/documents/" + document.id.to_string())
          .text("meta",
                ccteam::render(msg(MsgId::web_application_document_meta,
                                   type ? std::string(io::type_name(*type)) : document.content_type,
                                   file_size_text(document.size_bytes),
                                   posting::format_date(app::utc_date(document.created_at), lang)),
                               lang));
    } else {
      item.text("name", app::blind_document_label(document, i, lang));
    }
    if (document.added_by == "recruiter") {
      item.text("by", tr(MsgId::web_application_document_by_recruiter, lang));
    }
    if (document.text_status == "pending") text_pending = true;
    item.text("text_state", document_text_state(document, i, lang));
    documents.push_back(std::move(item));
  }
  page.text("documents_heading", tr(MsgId::web_application_documents, lang))
      .text("documents_none", tr(MsgId::web_application_documents_none, lang))
      .flag("has_documents", !documents.empty())
      .list("documents", std::move(documents));
  if (!view->revealed && !view->documents.empty()) {
    page.text("documents_blind", tr(MsgId::web_application_documents_blind_note, lang));
  }
  if (text_pending) page.text("text_pending", tr(MsgId::web_application_text_pending, lang));
  if (manage) {
    page.text("upload_action", lang_path(lang, path + "/documents"))
        .text("upload_label", tr(MsgId::web_application_document_upload, lang))
        .text("upload_submit", tr(MsgId::web_application_document_upload_submit, lang));
    if (upload_error) page.text("upload_error", field_error_text(*upload_error, lang));
  }
  if (manage) {
    page.text("export_href", "/api/v1/applications/" + id_text + "/export")
        .text("export", tr(MsgId::web_application_export, lang))
        .text("erase_action", lang_path(lang, path + "/erase"))
        .text("erase", tr(MsgId::web_application_erase, lang))
        .text("erase_note", tr(MsgId::web_application_erase_note, lang))
        .flag("manage", true);
  }
  page.text("csrf", csrf);
  return page_response(context.pages.workspace_page("application", page), upload_error ? 422 : 200);
}

}  // namespace

void add_application_pages(Router& router, RouteContext& context) {
  router.add({"GET", "/{lang}/openings/{id}/applications",
              Access::to(Permission::read_applications), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) {
                  return page_not_found(context, request, caller, "/openings");
                }
                return list_page(context, request, caller, params["id"]);
              }});
  router.add({"POST", "/{lang}/openings/{id}/applications/import",
              Access::to(Permission::manage_applications), app::k_max_import_bytes + 16384,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                auto lang = url_lang(params["lang"]);
                auto id = store::Uuid::parse(params["id"]);
                if (!lang || !id) return page_not_found(context, request, caller, "/openings");
                auto parts = multipart_form(request);
                if (!parts) return error_page(context, caller, parts.error(), "/openings");
                ImportState state;
                app::ApplicantImport import;
                for (const FormPart& part : *parts) {
                  if (part.name == "legal_basis") state.legal_basis = shorten(part.body, 40);
                  if (part.name == "source") state.source = std::string(part.body.substr(0, 1000));
                  if (part.name == "lang") state.lang = shorten(part.body, 20);
                  if (part.name == "file" && part.file_name) {
                    import.file = io::clean_file_name(*part.file_name);
                    import.format = app::import_format_of_file(import.file);
                    import.content = part.body;
                  }
                }
                import.legal_basis = state.legal_basis;
                import.source = state.source;
                import.lang = state.lang;
                auto imported = run_import(context, request, caller, *id, import);
                if (!imported) {
                  const Error& first = imported.error().front();
                  if (first.kind != ErrorKind::invalid_input && first.kind != ErrorKind::conflict) {
                    return error_page(context, caller, first, "/openings");
                  }
                  for (const Error& e : imported.error())
                    state.errors.push_back(problem_line(e, *lang));
                  return list_page(context, request, caller, id->to_string(), &state);
                }
                std::size_t existing = 0;
                for (const app::ImportedApplicant& a : imported->applicants) existing += a.existing;
                state.result = ccteam::render(
                    msg(MsgId::web_applications_import_result,
                        imported->applicants.size() - existing, existing, imported->rejected),
                    *lang);
                for (const Error& e : imported->problems)
                  state.problems.push_back(problem_line(e, *lang));
                // Without a mail server the art. 14 messages are only recorded: the recruiter
                // must inform the applicants another way, so the page says so at once.
                if (!context.mail.enabled && imported->applicants.size() > existing) {
                  state.unsent = tr(MsgId::web_mail_kind_art14, *lang) + " – " +
                                 tr(MsgId::web_mail_state_unsent, *lang);
                }
                return list_page(context, request, caller, id->to_string(), &state);
              }});
  router.add({"GET", "/{lang}/applications/{id}", Access::to(Permission::read_applications), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) {
                  return page_not_found(context, request, caller, "/openings");
                }
                return detail_page(context, request, caller, params["id"]);
              }});
  router.add({"POST", "/{lang}/applications/{id}/unblind",
              Access::to(Permission::manage_applications), 4096,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                auto lang = url_lang(params["lang"]);
                auto id = store::Uuid::parse(params["id"]);
                if (!lang || !id) return page_not_found(context, request, caller, "/openings");
                auto view = app::unblind_application(context.repository, context.organisation,
                                                     *caller.principal, *id, *lang,
                                                     caller.principal->actor(request.request_id));
                if (!view) return error_page(context, caller, view.error(), "/openings");
                return redirect(lang_path(*lang, "/applications/" + id->to_string()));
              }});
  router.add({"POST", "/{lang}/applications/{id}/documents",
              Access::to(Permission::manage_applications),
              static_cast<std::size_t>(context.documents.limits.max_bytes) + 8192,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                auto lang = url_lang(params["lang"]);
                auto id = store::Uuid::parse(params["id"]);
                if (!lang || !id) return page_not_found(context, request, caller, "/openings");
                auto parts = multipart_form(request);
                if (!parts) return error_page(context, caller, parts.error(), "/openings");
                std::string page = "/applications/" + id->to_string();
                for (const FormPart& part : *parts) {
                  if (part.name != "document" || !part.file_name) continue;
                  auto added = app::add_application_document(
                      context.repository, context.organisation, *caller.principal, *id,
                      {*part.file_name, part.body}, context.documents,
                      caller.principal->actor(request.request_id));
                  if (!added && added.error().kind == ErrorKind::invalid_input) {
                    return detail_page(context, request, caller, id->to_string(), &added.error());
                  }
                  if (!added) return error_page(context, caller, added.error(), page);
                }
                return redirect(lang_path(*lang, page));
              }});
  router.add(
      {"POST", "/{lang}/applications/{id}/erase", Access::to(Permission::manage_applications), 4096,
       [&context](const Request& request, const PathParams& params, const Caller& caller) {
         auto lang = url_lang(params["lang"]);
         auto id = store::Uuid::parse(params["id"]);
         if (!lang || !id) return page_not_found(context, request, caller, "/openings");
         auto fields = form_body(request);
         if (!fields) return error_page(context, caller, fields.error(), "/openings");
         auto view = app::find_application(context.repository, context.organisation,
                                           *caller.principal, *id, *lang);
         if (!view) return error_page(context, caller, view.error(), "/openings");
         if (form_value(*fields, "confirm") != "on") {
           return redirect(lang_path(*lang, "/applications/" + id->to_string()));
         }
         auto erased =
             app::erase_application(context.repository, context.organisation, *caller.principal,
                                    *id, caller.principal->actor(request.request_id));
         if (!erased) return error_page(context, caller, erased.error(), "/openings");
         return redirect(lang_path(
             *lang, "/openings/" + view->stored.opening_id.to_string() + "/applications?erased=1"));
       }});
}

}  // namespace ccteam::server
