// Applications: the public application form of an open opening (phone first, no JavaScript
// needed), the applicant's private status page with withdrawal, and for the organisation the
// blind, screened list per opening, one application's page (unblinding, export, erasure) and
// their API. The form page is never kept by a cache (no-store: it carries a key per page load,
// so that a double submit makes one application); the private link's page is no-store,
// noindex and sends no Referer to other sites.
#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "app/workspace/application_import.hpp"
#include "app/workspace/applications.hpp"
#include "ccteam/core/iso_codes.hpp"
#include "ccteam/core/number_text.hpp"
#include "ccteam/qualify/language.hpp"
#include "io/base/error_json.hpp"
#include "io/base/xlsx_writer.hpp"
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

constexpr std::size_t k_form_body_limit = 64 * 1024;

// The body the public form may send: its fields and the documents its settings allow (each
// part's header lines too).
std::size_t apply_body_limit(const app::DocumentSettings& documents) {
  return k_form_body_limit + documents.max_per_application *
                                 (static_cast<std::size_t>(documents.limits.max_bytes) + 4096);
}

// A form's fields and files: an urlencoded body, or multipart/form-data when the form has a
// file field. Files come from the field 'file_field' only.
struct FormWithFiles {
  std::vector<QueryParam> fields;
  std::vector<app::UploadedDocument> files;
};

Result<FormWithFiles> form_with_files(const Request& request, std::string_view file_field) {
  const std::string* type = request.header("content-type");
  if (type && is_multipart_form(*type)) {
    CCTEAM_TRY(auto parts, parse_multipart(*type, request.body));
    FormWithFiles out;
    for (const FormPart& part : parts) {
      if (part.file_name) {
        if (part.name == file_field) out.files.push_back({*part.file_name, part.body});
      } else {
        out.fields.push_back({part.name, std::string(part.body)});
      }
    }
    return out;
  }
  CCTEAM_TRY(auto fields, form_body(request));
  return FormWithFiles{std::move(fields), {}};
}
constexpr std::size_t k_export_rows = 10000;

// The form field a pointer names: "/work/0/start" -> "work.0.start".
std::string field_of(std::string_view pointer) {
  std::string out(pointer.substr(pointer.empty() ? 0 : 1));
  std::replace(out.begin(), out.end(), '/', '.');
  return out;
}

// What the form page shows: what was typed, and the errors per field.
struct ApplyForm {
  app::ApplicationForm form;
  std::map<std::string, std::string> field_errors;
  std::vector<std::string> errors;
};

app::ApplicationForm read_apply_form(const std::vector<QueryParam>& fields) {
  app::ApplicationForm form;
  std::map<std::size_t, app::WorkEntry> work;
  std::map<std::size_t, app::EducationEntry> education;
  std::map<std::size_t, app::LanguageAnswer> languages;
  auto index_of = [](std::string_view rest, std::size_t& index, std::string& field) {
    auto dot = rest.find('.');
    if (dot == std::string_view::npos) return false;
    auto number = whole_number(rest.substr(0, dot), 0);
    if (!number || *number > 50) return false;
    index = static_cast<std::size_t>(*number);
    field = std::string(rest.substr(dot + 1));
    return true;
  };
  for (const QueryParam& p : fields) {
    std::string_view name = p.name;
    std::size_t index = 0;
    std::string field;
    if (name == "name") form.name = p.value;
    if (name == "email") form.email = p.value;
    if (name == "phone") form.phone = p.value;
    if (name == "city") form.city = p.value;
    if (name == "talent_pool") form.talent_pool = p.value == "on";
    if (name == "src") form.channel = channel_of(p.value);
    if (name == "form_key") form.idempotency_key = p.value;
    if (name == "homepage") form.honeypot = p.value;
    if (name.starts_with("answers.")) form.answers[std::string(name.substr(8, 20))] = p.value;
    if (name.starts_with("work.") && index_of(name.substr(5), index, field)) {
      app::WorkEntry& w = work[index];
      if (field == "employer") w.employer = p.value;
      if (field == "title") w.title = p.value;
      if (field == "start") w.start = p.value;
      if (field == "end") w.end = p.value;
      if (field == "duties") w.duties = p.value;
    }
    if (name.starts_with("education.") && index_of(name.substr(10), index, field)) {
      app::EducationEntry& e = education[index];
      if (field == "kind") e.kind = p.value;
      if (field == "field") e.field = p.value;
      if (field == "institution") e.institution = p.value;
      if (field == "finished") e.finished = p.value;
    }
    if (name.starts_with("languages.") && index_of(name.substr(10), index, field)) {
      app::LanguageAnswer& l = languages[index];
      if (field == "language") l.language = p.value;
      if (field == "level") l.level = p.value;
    }
  }
  // Entries left empty in every field are not entries.
  for (auto& [i, w] : work) {
    if (!(app::trimmed_text(w.employer) + app::trimmed_text(w.title) + app::trimmed_text(w.start) +
          app::trimmed_text(w.end) + app::trimmed_text(w.duties))
             .empty()) {
      form.work.push_back(std::move(w));
    }
  }
  for (auto& [i, e] : education) {
    if (!(e.kind + app::trimmed_text(e.field) + app::trimmed_text(e.institution) +
          app::trimmed_text(e.finished))
             .empty()) {
      form.education.push_back(std::move(e));
    }
  }
  for (auto& [i, l] : languages) {
    if (!(l.language + l.level).empty()) form.languages.push_back(std::move(l));
  }
  return form;
}

render::Context input(const ApplyForm& state, const std::string& name, const std::string& label,
                      const std::string& value, const std::string& type, bool optional_field,
                      Lang lang, const std::string& autocomplete = "off") {
  render::Context out;
  std::string id = "ap-" + name;
  std::replace(id.begin(), id.end(), '.', '-');
  out.text("id", id)
      .text("name", name)
      .text("label", label)
      .text("value", value)
      .text("type", type)
      .text("autocomplete", autocomplete)
      .flag("is_input", type != "textarea")
      .flag("is_textarea", type == "textarea");
  if (type == "month") out.text("placeholder", "2021-03").text("inputmode", "numeric");
  if (optional_field) out.text("optional", tr(MsgId::web_apply_optional, lang));
  if (auto it = state.field_errors.find(name); it != state.field_errors.end()) {
    out.text("error", it->second).text("error_id", id + "-error");
  }
  return out;
}

render::Context select(const ApplyForm& state, const std::string& name, const std::string& label,
                       std::vector<render::Context> options) {
  render::Context out;
  std::string id = "ap-" + name;
  std::replace(id.begin(), id.end(), '.', '-');
  out.text("id", id).text("name", name).text("label", label).flag("is_select", true);
  out.list("options", std::move(options));
  if (auto it = state.field_errors.find(name); it != state.field_errors.end()) {
    out.text("error", it->second).text("error_id", id + "-error");
  }
  return out;
}

std::string language_title(const std::string& code, Lang lang) {
  return qualify::language_name(code).get(lang);
}

// The opening as the public form needs it: open and published in 'lang'.
Result<app::Opening> open_opening(RouteContext& context, const std::string& id_text, Lang lang,
                                  std::shared_ptr<const CatalogSnapshot>& snapshot) {
  auto id = store::Uuid::parse(id_text);
  if (!id) return tl::unexpected(Error::not_found(msg(MsgId::opening_not_found, id_text)));
  CCTEAM_TRY(snapshot, context.catalogs.current());
  CCTEAM_TRY(app::Opening opening,
             app::find_opening(context.repository, context.organisation, snapshot->catalog(),
                               nullptr, *id, today_utc()));
  bool published = std::find(opening.languages.begin(), opening.languages.end(), lang) !=
                   opening.languages.end();
  if (opening.status == app::OpeningStatus::draft || !published || !opening.employer ||
      !opening.employer->profile) {
    return tl::unexpected(Error::not_found(msg(MsgId::opening_not_found, id_text)));
  }
  return opening;
}

std::string country_of(const app::Opening& opening) {
  const auto& locations = opening.employer->profile->locations;
  auto place = static_cast<std::size_t>(opening.stored.place);
  return place < locations.size() ? locations[place].country : "";
}

Response no_store(Response response) {
  response.set("Cache-Control", "no-store");
  return response;
}

Response apply_page(RouteContext& context, const Request& request, const Caller& caller,
                    const app::Opening& opening, ApplyForm state, int status) {
  Lang lang = caller.lang;
  std::string id = opening.stored.id.to_string();
  std::string path = "/careers/" + id + "/apply";
  std::string title = ccteam::render(msg(MsgId::web_apply_title, opening.title(lang)), lang);
  pages::PageInfo info = page_info(context, path, caller);
  if (opening.languages.size() < 2) {
    info.translated = false;
    info.other_path = "/careers";
  }
  render::Context page = pages::shell_context(title, lang, info);
  const app::ApplicationForm& form = state.form;
  page.text("heading", title)
      .text("intro", tr(MsgId::web_apply_intro, lang))
      .text("back_href", lang_path(lang, "/careers/" + id))
      .text("back", opening.title(lang))
      .text("action", lang_path(lang, path))
      .text("form_key", form.idempotency_key.empty() ? app::new_form_key() : form.idempotency_key)
      .text("src", form.channel)
      .text("honeypot_label", tr(MsgId::web_apply_honeypot, lang))
      .text("submit", tr(MsgId::web_apply_submit, lang));
  if (!state.errors.empty()) {
    std::vector<render::Context> errors;
    page.flag("has_errors", true).text("errors_heading", tr(MsgId::web_apply_problems, lang));
    for (const std::string& e : state.errors) {
      render::Context item;
      item.text(".", e);
      errors.push_back(std::move(item));
    }
    page.list("errors", std::move(errors));
  }
  // Contact.
  std::vector<render::Context> contact;
  contact.push_back(input(state, "name", tr(MsgId::web_apply_name, lang), form.name, "text", false,
                          lang, "name"));
  contact.push_back(input(state, "email", tr(MsgId::web_apply_email, lang), form.email, "email",
                          false, lang, "email"));
  contact.push_back(input(state, "phone", tr(MsgId::web_apply_phone, lang), form.phone, "tel", true,
                          lang, "tel"));
  contact.push_back(input(state, "city", tr(MsgId::web_apply_city, lang), form.city, "text", true,
                          lang, "address-level2"));
  page.text("contact_heading", tr(MsgId::web_apply_contact, lang))
      .list("contact", std::move(contact));
  // Documents: the browser does not keep chosen files when the form comes back.
  if (context.documents.max_per_application > 0) {
    render::Context documents;
    documents.text("heading", tr(MsgId::web_apply_documents, lang))
        .text("hint", ccteam::render(msg(MsgId::web_apply_documents_hint,
                                         context.documents.max_per_application,
                                         file_size_text(context.documents.limits.max_bytes)),
                                     lang))
        .text("label", tr(MsgId::web_apply_documents_label, lang));
    // One line per document with a problem.
    std::vector<render::Context> problems;
    for (const auto& [field, text] : state.field_errors) {
      if (field != "documents" && !field.starts_with("documents.")) continue;
      render::Context line;
      line.text(".", text);
      problems.push_back(std::move(line));
    }
    bool has_problems = !problems.empty();
    if (has_problems) documents.flag("error", true).list("errors", std::move(problems));
    if (!form.documents.empty() || has_problems) {
      documents.text("again", tr(MsgId::web_apply_documents_again, lang));
    }
    page.child("documents", std::move(documents));
  }
  // Work: what was typed, and one empty block more (at least two).
  std::vector<render::Context> jobs;
  std::size_t job_count =
      std::min(app::k_max_work_entries, std::max<std::size_t>(2, form.work.size() + 1));
  for (std::size_t i = 0; i < job_count; ++i) {
    app::WorkEntry w = i < form.work.size() ? form.work[i] : app::WorkEntry{};
    std::string p = fmt::format("work.{}.", i);
    std::vector<render::Context> fields;
    fields.push_back(input(state, p + "title", tr(MsgId::web_apply_position, lang), w.title, "text",
                           false, lang));
    fields.push_back(input(state, p + "employer", tr(MsgId::web_apply_employer, lang), w.employer,
                           "text", true, lang));
    fields.push_back(
        input(state, p + "start", tr(MsgId::web_apply_from, lang), w.start, "month", false, lang));
    fields.push_back(
        input(state, p + "end", tr(MsgId::web_apply_to, lang), w.end, "month", true, lang));
    fields.push_back(input(state, p + "duties", tr(MsgId::web_apply_duties, lang), w.duties,
                           "textarea", true, lang));
    render::Context job;
    job.text("legend", ccteam::render(msg(MsgId::web_apply_job, i + 1), lang))
        .list("fields", std::move(fields));
    jobs.push_back(std::move(job));
  }
  page.text("work_heading", tr(MsgId::web_apply_work, lang))
      .text("work_hint", tr(MsgId::web_apply_work_hint, lang))
      .list("jobs", std::move(jobs));
  // Education.
  std::vector<render::Context> schools;
  std::size_t school_count =
      std::min(app::k_max_education_entries, std::max<std::size_t>(2, form.education.size() + 1));
  for (std::size_t i = 0; i < school_count; ++i) {
    app::EducationEntry e = i < form.education.size() ? form.education[i] : app::EducationEntry{};
    std::string p = fmt::format("education.{}.", i);
    std::vector<render::Context> kinds;
    kinds.push_back(option("", tr(MsgId::web_apply_kind_none, lang), e.kind.empty()));
    for (const app::EducationKind& kind : app::education_kinds()) {
      kinds.push_back(option(std::string(kind.value), kind.title.get(lang), e.kind == kind.value));
    }
    kinds.push_back(option("other", tr(MsgId::web_apply_kind_other, lang), e.kind == "other"));
    std::vector<render::Context> fields;
    fields.push_back(select(state, p + "kind", tr(MsgId::web_apply_kind, lang), std::move(kinds)));
    fields.push_back(
        input(state, p + "field", tr(MsgId::web_apply_field, lang), e.field, "text", true, lang));
    fields.push_back(input(state, p + "institution", tr(MsgId::web_apply_institution, lang),
                           e.institution, "text", true, lang));
    fields.push_back(input(state, p + "finished", tr(MsgId::web_apply_finished, lang), e.finished,
                           "month", true, lang));
    render::Context school;
    school.text("legend", ccteam::render(msg(MsgId::web_apply_school, i + 1), lang))
        .list("fields", std::move(fields));
    schools.push_back(std::move(school));
  }
  page.text("education_heading", tr(MsgId::web_apply_education, lang))
      .list("schools", std::move(schools));
  // Languages.
  std::vector<render::Context> languages;
  std::size_t language_count =
      std::min(app::k_max_language_entries, std::max<std::size_t>(3, form.languages.size() + 1));
  for (std::size_t i = 0; i < language_count; ++i) {
    app::LanguageAnswer l = i < form.languages.size() ? form.languages[i] : app::LanguageAnswer{};
    std::string p = fmt::format("languages.{}.", i);
    std::vector<render::Context> codes;
    codes.push_back(option("", tr(MsgId::web_apply_kind_none, lang), l.language.empty()));
    for (const std::string& code : app::form_languages()) {
      codes.push_back(option(code, language_title(code, lang), l.language == code));
    }
    std::vector<render::Context> levels;
    levels.push_back(option("", tr(MsgId::web_apply_kind_none, lang), l.level.empty()));
    for (const std::string& level : app::form_levels()) {
      levels.push_back(option(level,
                              level == "native" ? tr(MsgId::web_apply_level_native, lang) : level,
                              l.level == level));
    }
    std::vector<render::Context> fields;
    fields.push_back(select(state, p + "language",
                            tr(MsgId::web_apply_language, lang) + " " + std::to_string(i + 1),
                            std::move(codes)));
    fields.push_back(select(state, p + "level",
                            tr(MsgId::web_apply_level, lang) + " " + std::to_string(i + 1),
                            std::move(levels)));
    render::Context row;
    row.list("fields", std::move(fields));
    languages.push_back(std::move(row));
  }
  page.text("languages_heading", tr(MsgId::web_apply_languages, lang))
      .list("languages", std::move(languages));
  // The opening's questions.
  std::string country = country_of(opening);
  std::vector<render::Context> questions;
  for (const app::Question& q : opening.questions) {
    std::string name = "answers." + q.id;
    std::string value;
    if (auto it = form.answers.find(q.id); it != form.answers.end()) value = it->second;
    std::string text = app::question_text(q, lang, country);
    std::vector<render::Context> options;
    render::Context field;
    bool radio = false;
    switch (q.kind) {
      case app::QuestionKind::weekly_hours:
        field = input(state, name, text, value, "number", false, lang);
        field.text("inputmode", "numeric");
        break;
      case app::QuestionKind::start_date:
        field = input(state, name, text, value, "date", false, lang);
        break;
      case app::QuestionKind::language:
        options.push_back(option("", tr(MsgId::web_apply_kind_none, lang), value.empty()));
        for (const std::string& level : app::form_levels()) {
          options.push_back(
              option(level, level == "native" ? tr(MsgId::web_apply_level_native, lang) : level,
                     value == level));
        }
        field = select(state, name, text, std::move(options));
        break;
      case app::QuestionKind::choice:
        for (std::size_t c = 0; c < q.choices.size(); ++c) {
          const std::string& choice = q.choices[c].get(lang).empty()
                                          ? q.choices[c].get(lang == Lang::de ? Lang::en : Lang::de)
                                          : q.choices[c].get(lang);
          options.push_back(option(std::to_string(c), choice, value == std::to_string(c)));
        }
        field.text("name", name).text("legend", text).flag("is_radio", true);
        field.list("options", std::move(options));
        radio = true;
        break;
      case app::QuestionKind::shifts:
      case app::QuestionKind::weekends:
      case app::QuestionKind::work_permit:
      case app::QuestionKind::yes_no:
        options.push_back(option("yes", tr(MsgId::web_apply_yes, lang), value == "yes"));
        options.push_back(option("no", tr(MsgId::web_apply_no, lang), value == "no"));
        field.text("name", name).text("legend", text).flag("is_radio", true);
        field.list("options", std::move(options));
        radio = true;
        break;
    }
    if (radio) {
      std::string radio_id = "ap-answers-" + q.id;
      field.text("id", radio_id);
      if (auto it = state.field_errors.find(name); it != state.field_errors.end()) {
        field.text("error", it->second).text("error_id", radio_id + "-error");
      }
    }
    questions.push_back(std::move(field));
  }
  page.flag("has_questions", !questions.empty())
      .text("questions_heading", tr(MsgId::web_apply_questions, lang))
      .list("questions", std::move(questions));
  // Privacy and the talent pool.
  const posting::EmployerProfile& profile = *opening.employer->profile;
  page.text("privacy_heading", tr(MsgId::web_apply_privacy, lang));
  if (profile.privacy_notice) {
    const auto& notice = *profile.privacy_notice;
    std::string text = lang == Lang::de && !notice.de.empty() ? notice.de
                       : !notice.en.empty()                   ? notice.en
                                                              : notice.de;
    page.text("privacy_text", text)
        .text("privacy_seen",
              ccteam::render(msg(MsgId::web_apply_privacy_seen, notice.version), lang));
  }
  if (!profile.privacy_url.empty()) {
    page.text("privacy_href", profile.privacy_url)
        .text("privacy_link", tr(MsgId::web_careers_privacy, lang));
  }
  page.text("talent_pool",
            ccteam::render(msg(MsgId::web_apply_talent_pool, app::k_talent_pool_months), lang))
      .flag("talent_pool_checked", form.talent_pool);
  Response response = page_response(context.pages.workspace_page("apply", page), status);
  response.set("Content-Language", std::string(to_string(lang)));
  response.set("X-Robots-Tag", "noindex");
  (void)request;
  return no_store(std::move(response));
}

void add_form_errors(ApplyForm& state, const Errors& errors, Lang lang) {
  for (const Error& e : errors) {
    std::string text = field_error_text(e, lang);
    state.errors.push_back(text);
    std::string field = field_of(e.where.json_pointer);
    if (!field.empty() && !state.field_errors.contains(field)) state.field_errors[field] = text;
  }
}

std::string status_path(Lang lang, const std::string& token) {
  return lang_path(lang, "/application/" + token);
}

Response post_apply(RouteContext& context, const Request& request, const Caller& caller,
                    const std::string& id_text) {
  Lang lang = caller.lang;
  std::shared_ptr<const CatalogSnapshot> snapshot;
  auto opening = open_opening(context, id_text, lang, snapshot);
  if (!opening) {
    if (opening.error().kind == ErrorKind::not_found) {
      return page_not_found(context, request, caller, "/careers");
    }
    return error_page(context, caller, opening.error(), "/careers");
  }
  auto body = form_with_files(request, "documents");
  if (!body) return error_page(context, caller, body.error(), "/careers");
  ApplyForm state;
  state.form = read_apply_form(body->fields);
  state.form.documents = std::move(body->files);
  app::MailSettings mail = context.mail;
  mail.public_url = context.public_url.get();
  auto submitted = app::submit_application(
      context.repository, context.organisation, snapshot->catalog(), opening->stored.id, state.form,
      lang, caller.client_address, context.accounts.derived_key("application-link"), today_utc(),
      context.max_applications_per_address, mail, context.documents);
  if (!submitted) {
    const Error& first = submitted.error().front();
    if (first.kind == ErrorKind::invalid_input || first.kind == ErrorKind::throttled ||
        first.kind == ErrorKind::conflict) {
      add_form_errors(state, submitted.error(), lang);
      int status = first.kind == ErrorKind::throttled  ? 429
                   : first.kind == ErrorKind::conflict ? 409
                                                       : 422;
      return apply_page(context, request, caller, *opening, std::move(state), status);
    }
    return error_page(context, caller, first, "/careers");
  }
  if (submitted->dropped) {
    // A bot filled the hidden field: the same thank-you page, nothing stored.
    return redirect(lang_path(lang, "/careers/" + id_text + "/apply/sent"));
  }
  return redirect(status_path(lang, submitted->token) + "?sent=1");
}

// The applicant's page behind the private link.
Response status_page(RouteContext& context, const Request& request, const Caller& caller,
                     const std::string& token, bool sent) {
  Lang lang = caller.lang;
  auto found = app::application_by_link(context.repository, token);
  if (!found) return error_page(context, caller, found.error(), "/careers");
  if (!*found) return page_not_found(context, request, caller, "/careers");
  const store::StoredApplication& application = **found;
  std::string opening_title;
  if (auto snapshot = context.catalogs.current()) {
    if (auto opening = app::find_opening(context.repository, application.organisation_id,
                                         (*snapshot)->catalog(), nullptr, application.opening_id,
                                         today_utc())) {
      opening_title = opening->title(lang);
    }
  }
  std::string title = tr(sent ? MsgId::web_apply_done_title : MsgId::web_apply_status_title, lang);
  pages::PageInfo info = page_info(context, "/application/" + token, caller);
  render::Context page = pages::shell_context(title, lang, info);
  page.text("heading", title);
  if (sent) {
    page.text("done_text", ccteam::render(msg(MsgId::web_apply_done_text, opening_title), lang))
        .text("private_link", tr(MsgId::web_apply_private_link, lang))
        .text("link", context.public_url.get() + status_path(lang, token));
  }
  page.text("opening", opening_title);
  // The documents that arrived, so that the applicant knows (their own data: names shown).
  if (auto documents = app::applicant_documents(context.repository, application);
      documents && !documents->empty()) {
    std::vector<render::Context> items;
    for (const store::StoredDocument& document : *documents) {
      auto type = io::document_type_of(document.content_type);
      render::Context item;
      item.text("name", document.file_name)
          .text("meta", std::string(type ? io::type_name(*type) : "") + ", " +
                            file_size_text(document.size_bytes).get(lang));
      items.push_back(std::move(item));
    }
    page.text("documents_heading", tr(MsgId::web_apply_status_documents, lang))
        .list("documents", std::move(items));
  }
  std::string received = posting::format_date(app::utc_date(application.created_at), lang);
  if (application.status == "withdrawn" && application.withdrawn_at) {
    page.text(
        "state",
        ccteam::render(msg(MsgId::web_apply_status_withdrawn,
                           posting::format_date(app::utc_date(*application.withdrawn_at), lang)),
                       lang));
  } else {
    page.text("state", ccteam::render(msg(MsgId::web_apply_status_received, received), lang))
        .flag("can_withdraw", true)
        .text("withdraw_action", status_path(lang, token) + "/withdraw")
        .text("withdraw", tr(MsgId::web_apply_withdraw, lang))
        .text("withdraw_confirm", tr(MsgId::web_apply_withdraw_confirm, lang))
        .text("withdraw_note", tr(MsgId::web_apply_withdraw_note, lang));
    if (application.talent_pool_until) {
      if (auto until = parse_iso_date(*application.talent_pool_until)) {
        page.text("pool",
                  ccteam::render(msg(MsgId::web_apply_in_pool, posting::format_date(*until, lang)),
                                 lang));
      }
    }
  }
  Response response = page_response(context.pages.workspace_page("application_status", page));
  // No Referer to other sites (the address holds the private token); same-origin requests keep
  // their Origin, which the withdrawal form needs.
  response.set("Referrer-Policy", "same-origin");
  response.set("X-Robots-Tag", "noindex");
  return no_store(std::move(response));
}

// --- the organisation's side

// 'with_messages': the e-mails to the applicant (one application's JSON, not the list's rows).
// 'with_messages': the e-mails to the applicant and the documents (one application's JSON, not
// the list's rows).
json application_json(const app::ApplicationView& view, Lang lang, bool with_messages = false) {
  const store::StoredApplication& row = view.stored;
  json out{{"id", row.id.to_string()},
           {"label", view.label},
           {"opening_id", row.opening_id.to_string()},
           {"status", row.status},
           {"source", row.source},
           {"channel", row.channel},
           {"legal_basis", row.legal_basis.empty() ? json(nullptr) : json(row.legal_basis)},
           {"received_at", rfc3339(row.created_at)},
           {"verdict", row.verdict ? json(*row.verdict) : json(nullptr)},
           {"knockouts_missed", row.knockouts_missed},
           {"preferred_met", row.preferred_met},
           {"screening", view.screening.is_object() ? view.screening : json(nullptr)},
           {"revealed", view.revealed}};
  if (view.revealed) out["personal"] = view.personal;
  // Possible duplicates: which facts match, never their values (the view may be blind).
  json duplicates = json::array();
  for (const app::PossibleDuplicate& duplicate : view.duplicates) {
    json match = json::array();
    if (duplicate.email) match.push_back("email");
    if (duplicate.phone) match.push_back("phone");
    duplicates.push_back(json{{"id", duplicate.id.to_string()},
                              {"label", duplicate.label},
                              {"opening_id", duplicate.opening_id.to_string()},
                              {"status", duplicate.status},
                              {"received_at", rfc3339(duplicate.created_at)},
                              {"match", std::move(match)}});
  }
  out["duplicates"] = std::move(duplicates);
  // The e-mails to the applicant: their recipient, subject and text only when unblinded.
  if (with_messages) {
    json messages = json::array();
    for (const store::StoredMessage& message : view.messages) {
      messages.push_back(app::message_json(message, view.revealed));
    }
    out["messages"] = std::move(messages);
    json documents = json::array();
    for (std::size_t i = 0; i < view.documents.size(); ++i) {
      documents.push_back(app::document_json(view.documents[i], i, view.revealed, lang));
    }
    out["documents"] = std::move(documents);
  }
  return out;
}

app::ApplicationFilter filter_of(const std::vector<QueryParam>& params) {
  app::ApplicationFilter filter;
  for (const QueryParam& p : params) {
    if (p.name == "verdict") filter.verdict = shorten(p.value, 40);
    if (p.name == "knockouts") filter.knockouts = shorten(p.value, 20);
    if (p.name == "channel") filter.channel = channel_of(p.value);
    if (p.name == "after") filter.after = shorten(p.value, 80);
    if (p.name == "limit") {
      if (auto n = whole_number(p.value, 1); n && *n <= 200)
        filter.limit = static_cast<std::size_t>(*n);
    }
  }
  return filter;
}

Result<store::Uuid> path_id(const PathParams& params, MsgId not_found) {
  auto id = store::Uuid::parse(params["id"]);
  if (!id) return tl::unexpected(Error::not_found(msg(not_found, shorten(params["id"], 40))));
  return *id;
}

// Every application of a list (all pages), for the exports.
Result<std::vector<app::ApplicationView>> all_rows(RouteContext& context, const Caller& caller,
                                                   const store::Uuid& opening,
                                                   app::ApplicationFilter filter, Lang lang) {
  CCTEAM_TRY(auto snapshot, context.catalogs.current());
  std::vector<app::ApplicationView> rows;
  filter.limit = 200;
  while (rows.size() < k_export_rows) {
    CCTEAM_TRY(auto page,
               app::list_applications(context.repository, context.organisation, snapshot->catalog(),
                                      *caller.principal, opening, filter, lang, today_utc()));
    for (auto& row : page.rows) rows.push_back(std::move(row));
    if (page.next.empty()) break;
    filter.after = page.next;
  }
  return rows;
}

Response download(std::string body, std::string_view type, const std::string& name) {
  Response response;
  response.body = std::move(body);
  response.set("Content-Type", std::string(type));
  response.set("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return response;
}

std::vector<io::XlsxSheet> applications_xlsx(const std::vector<app::ApplicationView>& rows,
                                             Lang lang) {
  io::XlsxSheet sheet;
  sheet.name = tr(MsgId::web_applications_col_applicant, lang);
  sheet.header = {tr(MsgId::web_applications_col_applicant, lang),
                  tr(MsgId::web_applications_col_verdict, lang),
                  tr(MsgId::web_applications_col_knockouts, lang),
                  tr(MsgId::web_applications_col_preferred, lang),
                  tr(MsgId::web_applications_col_source, lang),
                  tr(MsgId::web_applications_col_received, lang),
                  tr(MsgId::web_applications_col_status, lang),
                  tr(MsgId::web_application_criteria, lang)};
  for (const app::ApplicationView& row : rows) {
    std::string criteria;
    if (row.screening.is_object()) {
      for (const json& c : row.screening["criteria"]) {
        if (!criteria.empty()) criteria += "\n";
        criteria += c.value("title", "") + ": " + c.value("outcome_text", "");
      }
      for (const json& k : row.screening["knockouts"]) {
        if (!criteria.empty()) criteria += "\n";
        criteria += k.value("title", "") + ": " + k.value("answer", "");
      }
    }
    std::string verdict = row.screening.is_object() ? row.screening.value("verdict_text", "")
                                                    : tr(MsgId::web_applications_pending, lang);
    sheet.rows.push_back(
        {io::XlsxCell(row.label), io::XlsxCell(verdict),
         io::XlsxCell(static_cast<double>(row.stored.knockouts_missed)),
         io::XlsxCell(static_cast<double>(row.stored.preferred_met)),
         io::XlsxCell(row.stored.channel.empty() ? row.stored.source : row.stored.channel),
         io::XlsxCell(to_iso(app::utc_date(row.stored.created_at))),
         io::XlsxCell(row.stored.status), io::XlsxCell(criteria)});
  }
  return {sheet};
}

}  // namespace

Checked<app::ImportedApplicants> run_import(RouteContext& context, const Request& request,
                                            const Caller& caller, const store::Uuid& opening,
                                            const app::ApplicantImport& import) {
  auto snapshot = context.catalogs.current();
  if (!snapshot) return tl::unexpected(Errors{snapshot.error()});
  app::MailSettings mail = context.mail;
  mail.public_url = context.public_url.get();
  return app::import_applicants(context.repository, context.organisation, (*snapshot)->catalog(),
                                *caller.principal, opening, import,
                                context.accounts.derived_key("application-link"), today_utc(), mail,
                                caller.principal->actor(request.request_id));
}

void add_applications(Router& router, RouteContext& context) {
  // --- public
  router.add({"GET", "/{lang}/careers/{id}/apply", Access::anyone(), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                auto lang = url_lang(params["lang"]);
                if (!lang) return page_not_found(context, request, caller, "/careers");
                std::shared_ptr<const CatalogSnapshot> snapshot;
                auto opening = open_opening(context, params["id"], *lang, snapshot);
                if (!opening) {
                  if (opening.error().kind == ErrorKind::not_found) {
                    return page_not_found(context, request, caller, "/careers");
                  }
                  return error_page(context, caller, opening.error(), "/careers");
                }
                ApplyForm state;
                if (auto query = parse_query(request.query)) {
                  for (const QueryParam& p : *query) {
                    if (p.name == "src") state.form.channel = channel_of(p.value);
                  }
                }
                if (!opening->is_public()) {
                  state.errors.push_back(tr(MsgId::web_careers_closed, *lang));
                  return apply_page(context, request, caller, *opening, std::move(state), 409);
                }
                return apply_page(context, request, caller, *opening, std::move(state), 200);
              }});
  router.add({"POST", "/{lang}/careers/{id}/apply", Access::anyone(),
              apply_body_limit(context.documents),
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) {
                  return page_not_found(context, request, caller, "/careers");
                }
                return post_apply(context, request, caller, params["id"]);
              }});
  router.add(
      {"GET", "/{lang}/careers/{id}/apply/sent", Access::anyone(), 0,
       [&context](const Request& request, const PathParams& params, const Caller& caller) {
         auto lang = url_lang(params["lang"]);
         if (!lang) return page_not_found(context, request, caller, "/careers");
         std::string title = tr(MsgId::web_apply_done_title, *lang);
         render::Context page = pages::shell_context(
             title, *lang, page_info(context, "/careers/" + params["id"] + "/apply/sent", caller));
         page.text("heading", title)
             .text("done_text", ccteam::render(msg(MsgId::web_apply_done_text, ""), *lang));
         return no_store(page_response(context.pages.workspace_page("application_status", page)));
       }});
  router.add({"GET", "/{lang}/application/{token}", Access::anyone(), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) {
                  return page_not_found(context, request, caller, "/careers");
                }
                bool sent = request.query.find("sent=1") != std::string::npos;
                return status_page(context, request, caller, params["token"], sent);
              }});
  router.add({"POST", "/{lang}/application/{token}/withdraw", Access::anyone(), 4096,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                auto lang = url_lang(params["lang"]);
                if (!lang) return page_not_found(context, request, caller, "/careers");
                auto withdrawn = app::withdraw_by_link(context.repository, params["token"]);
                if (!withdrawn) {
                  if (withdrawn.error().kind == ErrorKind::not_found) {
                    return page_not_found(context, request, caller, "/careers");
                  }
                  return error_page(context, caller, withdrawn.error(), "/careers");
                }
                return no_store(redirect(status_path(*lang, params["token"])));
              }});

  // --- the organisation's API
  router.add(
      {"GET", "/api/v1/openings/{id}/applications", Access::to(Permission::read_applications), 0,
       [&context](const Request& request, const PathParams& params, const Caller& caller) {
         auto id = path_id(params, MsgId::opening_not_found);
         if (!id) return problem(id.error(), caller.lang, request);
         auto query = parse_query(request.query);
         auto snapshot = context.catalogs.current();
         if (!snapshot) return problem(snapshot.error(), caller.lang, request);
         auto page = app::list_applications(
             context.repository, context.organisation, (*snapshot)->catalog(), *caller.principal,
             *id, filter_of(query ? *query : std::vector<QueryParam>{}), caller.lang, today_utc());
         if (!page) return problem(page.error(), caller.lang, request);
         json rows = json::array();
         for (const auto& row : page->rows) rows.push_back(application_json(row, caller.lang));
         return json_response(
             json{{"applications", std::move(rows)},
                  {"next", page->next.empty() ? json(nullptr) : json(page->next)}});
       }});
  // A recruiter adds applicants from a file: the body is the file (JSON Resume: one, an array
  // or NDJSON; or a person CSV, by Content-Type); ?legal_basis=, ?source=, ?lang= (of the art. 14
  // e-mail), ?name= (the file's name in positions).
  router.add({"POST", "/api/v1/openings/{id}/applications/import",
              Access::to(Permission::manage_applications), app::k_max_import_bytes,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                auto id = path_id(params, MsgId::opening_not_found);
                if (!id) return problem(id.error(), caller.lang, request);
                const std::string* type = request.header("content-type");
                auto format = type ? app::import_format_of_media_type(*type) : std::nullopt;
                if (!format) {
                  return problem(
                      415,
                      Errors{Error::usage(msg(MsgId::http_unsupported_media,
                                              "application/json, application/x-ndjson, text/csv"))},
                      caller.lang, request);
                }
                app::ApplicantImport import;
                import.format = *format;
                import.content = request.body;
                if (auto query = parse_query(request.query)) {
                  for (const QueryParam& p : *query) {
                    if (p.name == "legal_basis") import.legal_basis = shorten(p.value, 40);
                    if (p.name == "source") import.source = p.value.substr(0, 1000);
                    if (p.name == "lang") import.lang = shorten(p.value, 20);
                    if (p.name == "name") import.file = io::clean_file_name(p.value);
                  }
                }
                auto imported = run_import(context, request, caller, *id, import);
                if (!imported) {
                  const Error& first = imported.error().front();
                  return problem(status_of(first), imported.error(), caller.lang, request);
                }
                json added = json::array();
                std::size_t existing = 0;
                for (const app::ImportedApplicant& a : imported->applicants) {
                  if (a.existing) ++existing;
                  added.push_back(json{{"id", a.application.id.to_string()},
                                       {"label", app::blind_label(a.application.id)},
                                       {"existing", a.existing}});
                }
                json problems = json::array();
                for (const Error& e : imported->problems) {
                  problems.push_back(io::error_to_json(e, caller.lang));
                }
                std::size_t new_ones = imported->applicants.size() - existing;
                return json_response(json{{"read", imported->read},
                                          {"added", new_ones},
                                          {"existing", existing},
                                          {"rejected", imported->rejected},
                                          {"applications", std::move(added)},
                                          {"problems", std::move(problems)}},
                                     new_ones > 0 ? 201 : 200);
              }});
  for (const char* format : {"csv", "xlsx"}) {
    std::string route = std::string("/api/v1/openings/{id}/applications.") + format;
    bool csv = std::string_view(format) == "csv";
    router.add(
        {"GET", route, Access::to(Permission::read_applications), 0,
         [&context, csv](const Request& request, const PathParams& params, const Caller& caller) {
           auto id = path_id(params, MsgId::opening_not_found);
           if (!id) return problem(id.error(), caller.lang, request);
           auto query = parse_query(request.query);
           auto rows = all_rows(context, caller, *id,
                                filter_of(query ? *query : std::vector<QueryParam>{}), caller.lang);
           if (!rows) return problem(rows.error(), caller.lang, request);
           std::string name = "applications-" + id->to_string();
           if (csv) {
             return download(app::applications_to_csv(*rows, caller.lang),
                             "text/csv; charset=utf-8", name + ".csv");
           }
           auto workbook = xlsx_bytes(applications_xlsx(*rows, caller.lang));
           if (!workbook) return problem(workbook.error(), caller.lang, request);
           return download(std::move(*workbook),
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           name + ".xlsx");
         }});
  }
  router.add({"GET", "/api/v1/applications/{id}", Access::to(Permission::read_applications), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                auto id = path_id(params, MsgId::application_not_found);
                if (!id) return problem(id.error(), caller.lang, request);
                auto view = app::find_application(context.repository, context.organisation,
                                                  *caller.principal, *id, caller.lang);
                if (!view) return problem(view.error(), caller.lang, request);
                return json_response(application_json(*view, caller.lang, true));
              }});
  router.add({"POST", "/api/v1/applications/{id}/unblind",
              Access::to(Permission::manage_applications), 4096,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                auto id = path_id(params, MsgId::application_not_found);
                if (!id) return problem(id.error(), caller.lang, request);
                auto view = app::unblind_application(context.repository, context.organisation,
                                                     *caller.principal, *id, caller.lang,
                                                     caller.principal->actor(request.request_id));
                if (!view) return problem(view.error(), caller.lang, request);
                return json_response(application_json(*view, caller.lang, true));
              }});
  router.add(
      {"GET", "/api/v1/applications/{id}/export", Access::to(Permission::manage_applications), 0,
       [&context](const Request& request, const PathParams& params, const Caller& caller) {
         auto id = path_id(params, MsgId::application_not_found);
         if (!id) return problem(id.error(), caller.lang, request);
         auto exported =
             app::export_application(context.repository, context.organisation, *caller.principal,
                                     *id, caller.principal->actor(request.request_id));
         if (!exported) return problem(exported.error(), caller.lang, request);
         Response response = json_response(*exported);
         response.set("Content-Disposition",
                      "attachment; filename=\"application-" + id->to_string() + ".json\"");
         return response;
       }});
  router.add({"DELETE", "/api/v1/applications/{id}", Access::to(Permission::manage_applications), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                auto id = path_id(params, MsgId::application_not_found);
                if (!id) return problem(id.error(), caller.lang, request);
                auto erased = app::erase_application(context.repository, context.organisation,
                                                     *caller.principal, *id,
                                                     caller.principal->actor(request.request_id));
                if (!erased) return problem(erased.error(), caller.lang, request);
                Response response;
                response.status = 204;
                return response;
              }});
  // A document: its content for those who see the application unblinded, as an attachment
  // (never rendered here: a sandboxing policy and nosniff besides).
  router.add(
      {"GET", "/api/v1/applications/{id}/documents/{document}",
       Access::to(Permission::read_applications), 0,
       [&context](const Request& request, const PathParams& params, const Caller& caller) {
         auto id = path_id(params, MsgId::application_not_found);
         if (!id) return problem(id.error(), caller.lang, request);
         auto document_id = store::Uuid::parse(params["document"]);
         if (!document_id) {
           return problem(
               Error::not_found(msg(MsgId::document_not_found, shorten(params["document"], 40))),
               caller.lang, request);
         }
         auto document = app::open_document(context.repository, context.organisation,
                                            *caller.principal, *id, *document_id);
         if (!document) return problem(document.error(), caller.lang, request);
         Response response;
         response.body = std::move(document->bytes);
         response.set("Content-Type", document->content_type);
         response.set("Content-Disposition", io::attachment_disposition(document->file_name));
         response.set("Content-Security-Policy", "sandbox; default-src 'none'");
         response.set("Cache-Control", "no-store");
         return response;
       }});
  // A recruiter adds a document: the body is the file itself, ?name= its file name.
  router.add(
      {"POST", "/api/v1/applications/{id}/documents", Access::to(Permission::manage_applications),
       static_cast<std::size_t>(context.documents.limits.max_bytes) + 1,
       [&context](const Request& request, const PathParams& params, const Caller& caller) {
         auto id = path_id(params, MsgId::application_not_found);
         if (!id) return problem(id.error(), caller.lang, request);
         std::string name;
         if (auto query = parse_query(request.query)) {
           for (const QueryParam& p : *query) {
             if (p.name == "name") name = p.value;
           }
         }
         auto added = app::add_application_document(
             context.repository, context.organisation, *caller.principal, *id, {name, request.body},
             context.documents, caller.principal->actor(request.request_id));
         if (!added) return problem(added.error(), caller.lang, request);
         auto view = app::find_application(context.repository, context.organisation,
                                           *caller.principal, *id, caller.lang);
         if (!view) return problem(view.error(), caller.lang, request);
         Response response = json_response(application_json(*view, caller.lang, true));
         response.status = 201;
         return response;
       }});
  add_application_pages(router, context);
}

}  // namespace ccteam::server
