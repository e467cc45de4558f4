// Openings: the API (list, read, add, save, set the status, comments, downloads of the posting)
// and the pages (a list; one page per opening with its form, its status, its posting in each
// language and the comments). Every save goes through app::save_opening; what a reader may see
// is app::can_see_opening's and app::sees_internal_fields'. The pages work without JavaScript.
#include <algorithm>
#include <chrono>
#include <map>

#include <fmt/format.h>

#include "app/workspace/applications.hpp"
#include "app/workspace/openings.hpp"
#include "ccteam/qualify/language.hpp"
#include "io/base/error_json.hpp"
#include "io/posting/posting_writers.hpp"
#include "server/pages/shell.hpp"
#include "server/responses.hpp"
#include "server/routes/account_shared.hpp"
#include "server/routes/page_shared.hpp"
#include "server/routes/routes.hpp"

namespace ccteam::server {

namespace {

using json = nlohmann::ordered_json;
using access::Permission;
using pages::lang_path;

constexpr std::size_t k_opening_body_limit = 256 * 1024;
constexpr std::size_t k_max_listed = 1000;
constexpr std::size_t k_max_managers = 500;

Error forbidden(const Caller& caller) {
  return Error::forbidden(
      msg(MsgId::auth_forbidden, std::string(access::to_string(caller.principal->role))));
}

Result<store::Uuid> opening_id(const PathParams& params) {
  auto id = store::Uuid::parse(params["id"]);
  if (!id) {
    return tl::unexpected(
        Error::not_found(msg(MsgId::opening_not_found, shorten(std::string(params["id"])))));
  }
  return *id;
}

Result<const catalog::Catalog*> current_catalog(RouteContext& context,
                                                std::shared_ptr<const CatalogSnapshot>& keep) {
  CCTEAM_TRY(keep, context.catalogs.current());
  return &keep->catalog();
}

std::string status_title(const app::Opening& opening, Lang lang) {
  if (opening.expired) return tr(MsgId::web_opening_status_expired, lang);
  switch (opening.status) {
    case app::OpeningStatus::draft:
      return tr(MsgId::web_opening_status_draft, lang);
    case app::OpeningStatus::open:
      return tr(MsgId::web_opening_status_open, lang);
    case app::OpeningStatus::closed:
      return tr(MsgId::web_opening_status_closed, lang);
  }
  return {};
}

json opening_json(const app::Opening& opening, bool internal) {
  const store::StoredOpening& row = opening.stored;
  json out{
      {"id", row.id.to_string()},
      {"version", row.version},
      {"status", std::string(app::to_string(opening.status))},
      {"closed_for_applications", !opening.is_public()},
      {"expired", opening.expired},
      {"employer_id", row.employer_id.to_string()},
      {"employer", opening.employer ? opening.employer->stored.name : std::string()},
      {"role", row.role},
      {"title", {{"en", opening.title(Lang::en)}, {"de", opening.title(Lang::de)}}},
      {"place", row.place},
      {"place_name", opening.place_name()},
      {"headcount", row.headcount},
      {"employment_type", row.employment_type.empty() ? json(nullptr) : json(row.employment_type)},
      {"valid_through", row.valid_through},
      {"languages", json::array()},
      {"reference", row.reference}};
  for (Lang lang : opening.languages) out["languages"].push_back(std::string(to_string(lang)));
  json sections = json::object();
  for (const auto& [lang, texts] : opening.sections) {
    for (const auto& [id, text] : texts) sections[lang][id] = text;
  }
  out["sections"] = sections;
  out["questions"] = app::questions_to_json(opening.questions);
  out["published_at"] = row.published_at ? json(rfc3339(*row.published_at)) : json(nullptr);
  out["updated_at"] = rfc3339(row.updated_at);
  if (internal) {
    out["hiring_manager_id"] =
        row.hiring_manager_id ? json(row.hiring_manager_id->to_string()) : json(nullptr);
  }
  return out;
}

// The JSON body of a save: the fields of an opening and, when saving over one, its version.
struct OpeningBody {
  app::OpeningRequest request;
  std::int64_t version = 0;
};

Checked<OpeningBody> opening_body(const Request& request, bool needs_version) {
  auto body = json_body(request);
  auto shape_error = [](std::string pointer, std::string_view type) {
    Error e = Error::usage(msg(MsgId::plan_field_type, pointer, std::string(type)),
                           msg(MsgId::hint_opening_body));
    e.where.json_pointer = std::move(pointer);
    return e;
  };
  if (!body) {
    Error e = body.error();
    if (e.kind == ErrorKind::usage) e.hint = msg(MsgId::hint_opening_body);
    return tl::unexpected(Errors{e});
  }
  OpeningBody out;
  Errors errors;
  auto text = [&](const char* key, std::string& target) {
    auto it = body->find(key);
    if (it == body->end() || it->is_null()) return;
    if (!it->is_string()) {
      errors.push_back(shape_error(std::string("/") + key, "string"));
      return;
    }
    target = it->get<std::string>();
  };
  auto integer = [&](const char* key, std::int64_t& target) {
    auto it = body->find(key);
    if (it == body->end()) return;
    if (!it->is_number_integer()) {
      errors.push_back(shape_error(std::string("/") + key, "integer"));
      return;
    }
    target = it->get<std::int64_t>();
  };
  for (const auto& [key, value] : body->items()) {
    static constexpr std::string_view k_known[] = {
        "version",           "employer_id",     "role",          "place",     "headcount",
        "hiring_manager_id", "employment_type", "valid_through", "languages", "reference",
        "sections",          "questions"};
    if (std::find(std::begin(k_known), std::end(k_known), key) == std::end(k_known)) {
      Error e =
          Error::usage(msg(MsgId::yaml_unknown_key, shorten(key)), msg(MsgId::hint_opening_body));
      e.where.json_pointer = "/" + shorten(key, 40);
      errors.push_back(e);
    }
  }
  text("employer_id", out.request.employer_id);
  text("role", out.request.role);
  integer("place", out.request.place);
  integer("headcount", out.request.headcount);
  text("hiring_manager_id", out.request.hiring_manager_id);
  text("employment_type", out.request.employment_type);
  text("valid_through", out.request.valid_through);
  text("reference", out.request.reference);
  if (auto it = body->find("languages"); it != body->end()) {
    if (!it->is_array()) {
      errors.push_back(shape_error("/languages", "array"));
    } else {
      for (std::size_t i = 0; i < it->size() && i < 10; ++i) {
        if (!(*it)[i].is_string()) {
          errors.push_back(shape_error(fmt::format("/languages/{}", i), "string"));
          continue;
        }
        out.request.languages.push_back((*it)[i].get<std::string>());
      }
    }
  } else {
    out.request.languages = {"de", "en"};
  }
  if (auto it = body->find("sections"); it != body->end() && !it->is_null()) {
    if (!it->is_object()) {
      errors.push_back(shape_error("/sections", "object"));
    } else {
      for (const auto& [lang, texts] : it->items()) {
        if (!texts.is_object()) {
          errors.push_back(shape_error("/sections/" + shorten(lang, 20), "object"));
          continue;
        }
        for (const auto& [id, value] : texts.items()) {
          if (!value.is_string()) {
            errors.push_back(
                shape_error("/sections/" + shorten(lang, 20) + "/" + shorten(id, 40), "string"));
            continue;
          }
          out.request.sections[lang][id] = value.get<std::string>();
        }
      }
    }
  }
  if (auto it = body->find("questions"); it != body->end() && !it->is_null()) {
    auto questions = app::questions_from_json(*it);
    if (!questions) {
      for (Error& e : questions.error()) errors.push_back(std::move(e));
    } else {
      out.request.questions = std::move(*questions);
    }
  }
  auto version = body->find("version");
  if (needs_version && (version == body->end() || !version->is_number_integer())) {
    errors.push_back(shape_error("/version", "integer"));
  } else if (version != body->end() && version->is_number_integer()) {
    out.version = version->get<std::int64_t>();
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return out;
}

Response save_api(RouteContext& context, const Request& request, const Caller& caller,
                  const std::optional<store::Uuid>& id) {
  auto body = opening_body(request, id.has_value());
  if (!body) return problem(status_of(body.error().front()), body.error(), caller.lang, request);
  std::shared_ptr<const CatalogSnapshot> snapshot;
  auto catalog = current_catalog(context, snapshot);
  if (!catalog) return problem(catalog.error(), caller.lang, request);
  if (id) {
    // A hiring manager's draft of someone else is not found for a writer either? Writers see all.
    auto existing = app::find_opening(context.repository, context.organisation, **catalog,
                                      &*caller.principal, *id, today_utc());
    if (!existing) return problem(existing.error(), caller.lang, request);
  }
  auto saved =
      app::save_opening(context.repository, context.organisation, **catalog, body->request, id,
                        body->version, today_utc(), caller.principal->actor(request.request_id));
  if (!saved) return problem(status_of(saved.error().front()), saved.error(), caller.lang, request);
  return json_response(opening_json(*saved, true), id ? 200 : 201);
}

// The posting of an opening in one format, as `ccteam posting render` writes it.
Response posting_download(RouteContext& context, const Request& request, const Caller& caller,
                          const PathParams& params) {
  auto query = read_query(request, {"lang", "format"});
  if (!query) return problem(query.error(), caller.lang, request);
  Lang lang = caller.lang;
  std::string format = "markdown";
  for (const QueryParam& p : *query) {
    if (p.name == "lang") {
      auto parsed = parse_lang(p.value);
      if (!parsed) {
        return problem(bad_query_parameter("lang", p.value, msg(MsgId::hint_opening_languages)),
                       caller.lang, request);
      }
      lang = *parsed;
    } else {
      format = p.value;
    }
  }
  static constexpr std::pair<std::string_view, std::string_view> k_formats[] = {
      {"markdown", "text/markdown; charset=utf-8"},
      {"html", "text/html; charset=utf-8"},
      {"text", "text/plain; charset=utf-8"},
      {"jsonld", "application/ld+json"}};
  const auto* kind = std::find_if(std::begin(k_formats), std::end(k_formats),
                                  [&](const auto& f) { return f.first == format; });
  if (kind == std::end(k_formats)) {
    Error e = Error::usage(
        msg(MsgId::cli_bad_format, shorten(format), "'markdown', 'html', 'text', 'jsonld'"));
    e.where.json_pointer = "/query/format";
    return problem(e, caller.lang, request);
  }
  auto id = opening_id(params);
  if (!id) return problem(id.error(), caller.lang, request);
  std::shared_ptr<const CatalogSnapshot> snapshot;
  auto catalog = current_catalog(context, snapshot);
  if (!catalog) return problem(catalog.error(), caller.lang, request);
  auto opening = app::find_opening(context.repository, context.organisation, **catalog,
                                   &*caller.principal, *id, today_utc());
  if (!opening) return problem(opening.error(), caller.lang, request);
  auto posting = app::opening_posting(*opening, **catalog, lang, today_utc());
  if (!posting) return problem(posting.error(), caller.lang, request);
  Response response;
  const posting::PostingDocument& doc = posting->document;
  std::string extension = "md";
  if (kind->first == "markdown") {
    response.body = io::posting_to_markdown(doc);
  } else if (kind->first == "html") {
    response.body = io::posting_to_html(doc);
    extension = "html";
  } else if (kind->first == "text") {
    response.body = io::posting_to_text(doc);
    extension = "txt";
  } else {
    response.body = io::posting_to_jsonld(doc).dump(2) + "\n";
    extension = "jsonld";
  }
  response.set("Content-Type", std::string(kind->second));
  response.set("Content-Disposition",
               fmt::format("attachment; filename=\"opening-{}-{}.{}\"", opening->stored.role,
                           to_string(lang), extension));
  return response;
}

// --- the pages

struct OpeningForm {
  app::OpeningRequest request;
  std::map<std::string, std::string> field_errors;  // field name -> text
  std::vector<std::string> errors;
  std::vector<std::string> notices;
  std::int64_t version = 0;
};

Response not_found(RouteContext& context, const Request& request, const Caller& caller) {
  return page_not_found(context, request, caller, "/openings");
}

Response error_page(RouteContext& context, const Caller& caller, const Error& error) {
  return server::error_page(context, caller, error, "/openings");
}

// The form field an error's pointer names: "/sections/de/about" -> "sections.de.about".
std::string field_of(std::string_view pointer) {
  if (pointer.empty()) return {};
  std::string out(pointer.substr(1));
  std::replace(out.begin(), out.end(), '/', '.');
  if (out.starts_with("languages.")) return "languages";
  if (out == "employer_id" || out == "place") return "where";
  return out;
}

void add_errors(OpeningForm& form, const Errors& errors, Lang lang) {
  for (const Error& e : errors) {
    std::string text = field_error_text(e, lang);
    std::string field = field_of(e.where.json_pointer);
    if (!field.empty()) {
      auto [it, added] = form.field_errors.try_emplace(field, text);
      if (!added && it->second != text) it->second += " " + text;
    }
    form.errors.push_back(std::move(text));
  }
}

render::Context field(const OpeningForm& form, const std::string& name, const std::string& label) {
  render::Context out;
  out.text("name", name).text("id", "of-" + name).text("label", label);
  if (auto it = form.field_errors.find(name); it != form.field_errors.end()) {
    out.text("error", it->second).text("error_id", "of-" + name + "-error");
  }
  return out;
}

// The questions part of the opening form: the fixed kinds (asked when filled in or ticked) and
// k_max_own_questions own ones (texts per language; answers one per line, accepted ones marked
// with '*'; none: a yes/no question).
render::Context questions_context(const std::vector<app::Question>& questions, Lang lang) {
  auto find = [&](app::QuestionKind kind) -> const app::Question* {
    for (const app::Question& q : questions) {
      if (q.kind == kind) return &q;
    }
    return nullptr;
  };
  render::Context out;
  out.text("heading", tr(MsgId::web_questions_heading, lang))
      .text("intro", tr(MsgId::web_questions_intro, lang))
      .text("hours_label", tr(MsgId::web_questions_weekly_hours, lang))
      .text("shifts_label", tr(MsgId::web_questions_shifts, lang))
      .text("weekends_label", tr(MsgId::web_questions_weekends, lang))
      .text("start_label", tr(MsgId::web_questions_start, lang))
      .text("language_label", tr(MsgId::web_questions_language, lang))
      .text("permit_label", tr(MsgId::web_questions_permit, lang));
  if (const auto* q = find(app::QuestionKind::weekly_hours)) {
    out.text("hours", std::to_string(q->min_hours));
  }
  out.flag("shifts", find(app::QuestionKind::shifts) != nullptr)
      .flag("weekends", find(app::QuestionKind::weekends) != nullptr)
      .flag("permit", find(app::QuestionKind::work_permit) != nullptr);
  if (const auto* q = find(app::QuestionKind::start_date)) out.text("start", q->latest_start);
  const app::Question* language = find(app::QuestionKind::language);
  std::vector<render::Context> codes;
  codes.push_back(option("", "–", language == nullptr));
  for (const std::string& code : app::form_languages()) {
    codes.push_back(option(code, qualify::language_name(code).get(lang),
                           language != nullptr && language->language == code));
  }
  std::vector<render::Context> levels;
  for (const std::string& level : app::form_levels()) {
    if (level == "native") continue;
    levels.push_back(
        option(level, level, language != nullptr ? language->level == level : level == "B2"));
  }
  out.list("language_codes", std::move(codes)).list("levels", std::move(levels));
  std::vector<render::Context> own;
  std::vector<std::string> expected(app::k_max_own_questions);  // each own question's answer
  std::size_t index = 0;
  for (const app::Question& q : questions) {
    if (app::is_own_question(q.kind)) own.emplace_back();
    if (!app::is_own_question(q.kind) || own.size() > app::k_max_own_questions) continue;
    render::Context& item = own.back();
    std::string choices_de, choices_en;
    for (std::size_t c = 0; c < q.choices.size(); ++c) {
      bool accepted = std::find(q.accepted.begin(), q.accepted.end(), c) != q.accepted.end();
      choices_de += (accepted ? "*" : "") + q.choices[c].de + "\n";
      choices_en += (accepted ? "*" : "") + q.choices[c].en + "\n";
    }
    item.text("text_de", q.text.de)
        .text("text_en", q.text.en)
        .text("choices_de", choices_de)
        .text("choices_en", choices_en)
        .text("expected", q.expected);
    expected[own.size() - 1] = q.expected;
  }
  own.resize(app::k_max_own_questions);
  for (render::Context& item : own) {
    const std::string& answer = expected[index];
    std::string n = std::to_string(++index);
    std::vector<render::Context> answers;
    answers.push_back(option("", tr(MsgId::web_questions_any, lang), answer.empty()));
    answers.push_back(option("yes", tr(MsgId::web_apply_yes, lang), answer == "yes"));
    answers.push_back(option("no", tr(MsgId::web_apply_no, lang), answer == "no"));
    item.text("n", n)
        .text("legend", ccteam::render(msg(MsgId::web_questions_own, n), lang))
        .text("text_de_label",
              ccteam::render(msg(MsgId::web_questions_text, MsgId::posting_lang_de), lang))
        .text("text_en_label",
              ccteam::render(msg(MsgId::web_questions_text, MsgId::posting_lang_en), lang))
        .text("choices_de_label", tr(MsgId::web_questions_choices, lang) + " (" +
                                      tr(MsgId::posting_lang_de, lang) + ")")
        .text("choices_en_label", tr(MsgId::web_questions_choices, lang) + " (" +
                                      tr(MsgId::posting_lang_en, lang) + ")")
        .text("expected_label", tr(MsgId::web_questions_expected, lang))
        .list("answers", std::move(answers));
  }
  out.list("own", std::move(own));
  return out;
}

// The questions as the opening form sends them (questions_context's fields).
std::vector<app::Question> questions_of_form(const std::vector<QueryParam>& fields) {
  std::vector<app::Question> out;
  auto value = [&](const std::string& name) { return app::trimmed_text(form_value(fields, name)); };
  if (std::string hours = value("q.hours"); !hours.empty()) {
    app::Question q;
    q.kind = app::QuestionKind::weekly_hours;
    q.min_hours = whole_number(hours, 0).value_or(-1);
    out.push_back(std::move(q));
  }
  for (auto [name, kind] : {std::pair{"q.shifts", app::QuestionKind::shifts},
                            std::pair{"q.weekends", app::QuestionKind::weekends}}) {
    if (value(name) == "on") out.push_back(app::Question{.kind = kind});
  }
  if (std::string start = value("q.start"); !start.empty()) {
    out.push_back(app::Question{.kind = app::QuestionKind::start_date, .latest_start = start});
  }
  if (std::string code = value("q.language"); !code.empty()) {
    out.push_back(app::Question{
        .kind = app::QuestionKind::language, .language = code, .level = value("q.level")});
  }
  if (value("q.permit") == "on")
    out.push_back(app::Question{.kind = app::QuestionKind::work_permit});
  for (std::size_t i = 1; i <= app::k_max_own_questions; ++i) {
    std::string p = "q.own" + std::to_string(i) + ".";
    app::Question q;
    q.text = LocalizedText{value(p + "text_en"), value(p + "text_de")};
    if (q.text.de.empty() && q.text.en.empty()) continue;
    auto lines = [](const std::string& text) {
      std::vector<std::string> found;
      std::size_t start = 0;
      while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = app::trimmed_text(std::string_view(text).substr(start, end - start));
        if (!line.empty()) found.push_back(line);
        start = end + 1;
      }
      return found;
    };
    auto de = lines(value(p + "choices_de"));
    auto en = lines(value(p + "choices_en"));
    if (de.empty() && en.empty()) {
      q.kind = app::QuestionKind::yes_no;
      q.expected = value(p + "expected");
    } else {
      q.kind = app::QuestionKind::choice;
      for (std::size_t c = 0; c < std::max(de.size(), en.size()); ++c) {
        std::string d = c < de.size() ? de[c] : std::string();
        std::string e = c < en.size() ? en[c] : std::string();
        bool accepted = d.starts_with('*') || e.starts_with('*');
        if (d.starts_with('*')) d = app::trimmed_text(d.substr(1));
        if (e.starts_with('*')) e = app::trimmed_text(e.substr(1));
        if (accepted) q.accepted.push_back(c);
        q.choices.push_back(LocalizedText{e, d});
      }
    }
    out.push_back(std::move(q));
  }
  return out;
}

// The form of an opening: where (employer and place in one choice, so that it works without
// JavaScript), role, headcount, hiring manager, employment type, valid through, languages,
// reference. Without 'internal' (a hiring manager reading somebody else's opening) the hiring
// manager is left out, as the API leaves it out.
render::Context form_context(RouteContext& context, const OpeningForm& form,
                             const catalog::Catalog* catalog, bool internal, Lang lang) {
  const app::OpeningRequest& r = form.request;
  render::Context out;
  std::vector<render::Context> fields;

  std::string where_value =
      r.employer_id.empty() ? std::string() : fmt::format("{}/{}", r.employer_id, r.place);
  render::Context where = field(form, "where", tr(MsgId::web_of_place, lang));
  std::vector<render::Context> places;
  places.push_back(option("", tr(MsgId::web_ef_choose, lang), where_value.empty()));
  bool found = where_value.empty();
  if (auto employers = app::list_employers(context.repository, context.organisation, 500)) {
    for (const app::Employer& employer : *employers) {
      if (!employer.profile) continue;
      for (std::size_t i = 0; i < employer.profile->locations.size(); ++i) {
        const posting::Location& l = employer.profile->locations[i];
        std::string value = fmt::format("{}/{}", employer.stored.id.to_string(), i);
        found = found || value == where_value;
        places.push_back(option(value,
                                fmt::format("{} – {}, {}", employer.stored.name, l.city, l.country),
                                value == where_value));
      }
    }
  }
  if (!found) places.push_back(option(where_value, where_value, true));
  where.flag("is_select", true).list("options", std::move(places));
  fields.push_back(std::move(where));

  render::Context role = field(form, "role", tr(MsgId::web_of_role, lang));
  std::vector<render::Context> roles;
  roles.push_back(option("", tr(MsgId::web_ef_choose, lang), r.role.empty()));
  if (catalog != nullptr) {
    for (const catalog::Role* item : catalog->by_rank()) {
      roles.push_back(option(item->id.str(), item->title.get(lang), item->id.str() == r.role));
    }
  }
  role.flag("is_select", true).list("options", std::move(roles));
  fields.push_back(std::move(role));

  render::Context headcount = field(form, "headcount", tr(MsgId::web_of_headcount, lang));
  headcount.flag("is_input", true)
      .text("type", "text")
      .text("inputmode", "numeric")
      .text("value", fmt::format("{}", r.headcount));
  fields.push_back(std::move(headcount));

  if (internal) {
    render::Context manager = field(form, "hiring_manager_id", tr(MsgId::web_of_manager, lang));
    std::vector<render::Context> managers;
    managers.push_back(option("", tr(MsgId::web_of_no_manager, lang), r.hiring_manager_id.empty()));
    if (auto users = context.repository.users(context.organisation, std::nullopt, k_max_managers)) {
      for (const store::StoredUser& user : *users) {
        if (user.role != "hiring_manager" || user.disabled) continue;
        std::string id = user.id.to_string();
        managers.push_back(option(id, user.display_name, id == r.hiring_manager_id));
      }
    }
    manager.flag("is_select", true).list("options", std::move(managers));
    fields.push_back(std::move(manager));
  }

  render::Context type = field(form, "employment_type", tr(MsgId::web_of_employment_type, lang));
  std::vector<render::Context> types;
  types.push_back(option("", tr(MsgId::web_of_profile_default, lang), r.employment_type.empty()));
  for (std::string_view name : posting::all_employment_types()) {
    auto parsed = posting::parse_employment_type(name);
    MsgId title = MsgId::posting_type_full_time;
    if (parsed == posting::EmploymentType::part_time) title = MsgId::posting_type_part_time;
    if (parsed == posting::EmploymentType::temporary) title = MsgId::posting_type_temporary;
    if (parsed == posting::EmploymentType::contractor) title = MsgId::posting_type_contractor;
    if (parsed == posting::EmploymentType::intern) title = MsgId::posting_type_intern;
    if (parsed == posting::EmploymentType::apprenticeship) {
      title = MsgId::posting_type_apprenticeship;
    }
    types.push_back(option(std::string(name), tr(title, lang), name == r.employment_type));
  }
  type.flag("is_select", true).list("options", std::move(types));
  fields.push_back(std::move(type));

  render::Context valid = field(form, "valid_through", tr(MsgId::web_of_valid_through, lang));
  valid.flag("is_input", true).text("type", "date").text("value", r.valid_through);
  fields.push_back(std::move(valid));

  render::Context reference = field(form, "reference", tr(MsgId::web_of_reference, lang));
  reference.flag("is_input", true).text("type", "text").text("value", r.reference);
  fields.push_back(std::move(reference));

  std::vector<render::Context> languages;
  for (Lang l : {Lang::de, Lang::en}) {
    std::string code(to_string(l));
    render::Context item;
    item.text("value", code)
        .text("id", "of-languages-" + code)
        .text("title", tr(l == Lang::de ? MsgId::posting_lang_de : MsgId::posting_lang_en, lang))
        .flag("checked",
              std::find(r.languages.begin(), r.languages.end(), code) != r.languages.end());
    languages.push_back(std::move(item));
  }
  out.list("fields", std::move(fields))
      .text("languages_label", tr(MsgId::web_of_languages, lang))
      .list("languages", std::move(languages))
      .child("questions", questions_context(r.questions, lang));
  if (auto it = form.field_errors.find("languages"); it != form.field_errors.end()) {
    out.text("languages_error", it->second);
  }
  return out;
}

// The linter's findings of one posting as the editor shows them: severity, where (line of the
// section's text and the section's heading), why and how to fix it, and the laws checked.
render::Context findings_context(const app::PostingCheck& check,
                                 const std::vector<app::SectionDefault>& sections, Lang lang) {
  std::vector<render::Context> items;
  for (const app::SectionFinding& found : check.findings) {
    std::string section = found.section;
    for (const app::SectionDefault& s : sections) {
      if (s.id == found.section) section = s.heading;
    }
    render::Context item;
    item.text("severity", std::string(posting::to_string(found.finding.severity)))
        .text("severity_label", tr(posting::severity_word(found.finding.severity), lang))
        .text("why", ccteam::render(found.finding.why, lang))
        .text("fix", ccteam::render(found.finding.fix, lang))
        .text("rule", found.finding.rule);
    if (!found.section.empty()) {
      item.text(
          "where",
          ccteam::render(msg(MsgId::web_opening_finding_at, found.section_line, section), lang));
    }
    if (const std::string& source = found.finding.source.get(lang); !source.empty()) {
      item.text("source", source);
    }
    items.push_back(std::move(item));
  }
  std::string places;
  for (const std::string& place : check.jurisdictions) {
    places += (places.empty() ? "" : ", ") + place;
  }
  render::Context out;
  out.flag("has_findings", !items.empty())
      .list("findings", std::move(items))
      .text("no_findings", tr(MsgId::web_opening_no_findings, lang))
      .text("jurisdictions",
            ccteam::render(msg(MsgId::web_opening_jurisdictions, places.empty() ? "–" : places),
                           lang));
  return out;
}

Response opening_page(RouteContext& context, const Caller& caller,
                      const std::optional<app::Opening>& opening, OpeningForm form, int status) {
  Lang lang = caller.lang;
  std::shared_ptr<const CatalogSnapshot> snapshot;
  auto catalog = current_catalog(context, snapshot);
  const catalog::Catalog* roles = catalog ? *catalog : nullptr;
  const app::Principal& who = *caller.principal;
  const bool can_write = who.can(Permission::write_openings);
  std::string path =
      opening ? "/openings/" + opening->stored.id.to_string() : std::string("/openings/new");
  std::string title = opening ? opening->title(lang) : tr(MsgId::web_openings_new, lang);
  render::Context page = pages::shell_context(title, lang, page_info(context, path, caller));
  std::vector<render::Context> errors = text_items(form.errors);
  std::vector<render::Context> notices;
  for (const std::string& text : form.notices) {
    render::Context notice;
    notice.text("text", text);
    notices.push_back(std::move(notice));
  }
  page.text("heading", title)
      .text("back_href", lang_path(lang, "/openings"))
      .text("back", tr(MsgId::web_openings_title, lang))
      .flag("has_errors", !form.errors.empty())
      .text("errors_heading", tr(MsgId::web_form_errors, lang))
      .list("errors", std::move(errors))
      .list("notices", std::move(notices))
      .flag("can_write", can_write)
      .text("read_only", tr(MsgId::web_opening_read_only, lang))
      .text("action", lang_path(lang, path))
      .text("version", fmt::format("{}", form.version))
      .child("form",
             form_context(context, form, roles,
                          !opening || app::sees_internal_fields(who, opening->stored), lang))
      .text("save", tr(opening ? MsgId::web_opening_save : MsgId::web_opening_create, lang));
  if (opening) {
    const store::StoredOpening& row = opening->stored;
    std::string base = "/openings/" + row.id.to_string();
    page.text("meta", ccteam::render(msg(MsgId::web_opening_meta, row.version,
                                         display_time(row.updated_at, lang)),
                                     lang))
        .text("status_label", tr(MsgId::web_of_status, lang))
        .text("status", status_title(*opening, lang))
        .text("status_action", lang_path(lang, base + "/status"))
        .flag("can_publish",
              can_write && (opening->status != app::OpeningStatus::open || opening->expired))
        .flag("can_close", can_write && opening->status == app::OpeningStatus::open)
        .text("publish", tr(MsgId::web_opening_publish, lang))
        .text("close", tr(MsgId::web_opening_close, lang))
        .text("confirm_errors", tr(MsgId::web_opening_confirm_errors, lang));
    if (opening->is_public()) {
      page.text("public_href",
                lang_path(opening->languages.empty() ? lang : opening->languages.front(),
                          "/careers/" + row.id.to_string()))
          .text("public_link", tr(MsgId::web_opening_public_link, lang));
    }
    if (who.can(Permission::read_applications) && app::can_see_applications(who, row)) {
      std::int64_t count = 0;
      if (auto counts = context.repository.application_counts(context.organisation)) {
        for (const auto& [opening_id, n] : *counts) {
          if (opening_id == row.id) count = n;
        }
      }
      page.text("applications_href", lang_path(lang, base + "/applications"))
          .text("applications_link",
                ccteam::render(msg(MsgId::web_applications_link, count), lang));
    }
    std::vector<render::Context> postings;
    app::OpeningCheck check;
    if (roles != nullptr) {
      check = app::check_opening_postings(*opening, *roles, context.posting_rules, today_utc(),
                                          &form.request.sections);
    }
    page.flag("has_error_findings", check.errors > 0);
    for (Lang posting_lang : opening->languages) {
      std::string name =
          tr(posting_lang == Lang::de ? MsgId::posting_lang_de : MsgId::posting_lang_en, lang);
      std::string code(to_string(posting_lang));
      std::vector<app::SectionDefault> defaults;
      if (roles != nullptr) {
        if (auto made = app::default_sections(*opening, *roles, posting_lang, today_utc())) {
          defaults = std::move(*made);
        }
      }
      std::vector<render::Context> sections;
      const auto typed = form.request.sections.find(code);
      for (const app::SectionDefault& section : defaults) {
        std::string text = section.markdown;
        if (typed != form.request.sections.end()) {
          if (auto it = typed->second.find(section.id); it != typed->second.end()) {
            text = it->second;
          }
        }
        std::string name_attr = "sections." + code + "." + section.id;
        render::Context field;
        field.text("id", "of-sections-" + code + "-" + section.id)
            .text("name", name_attr)
            .text("label", section.heading)
            .text("text", text)
            .text("rows",
                  fmt::format("{}", std::clamp<std::size_t>(static_cast<std::size_t>(std::count(
                                                                text.begin(), text.end(), '\n')) +
                                                                2,
                                                            3, 16)));
        if (auto it = form.field_errors.find("sections." + code + "." + section.id);
            it != form.field_errors.end()) {
          field.text("error", it->second)
              .text("error_id", "of-sections-" + code + "-" + section.id + "-error");
        }
        sections.push_back(std::move(field));
      }
      render::Context item;
      item.text("lang", code)
          .text("posting_lang", code)
          .list("sections", std::move(sections))
          .text("intro", tr(MsgId::web_opening_posting_intro, lang))
          .text("check", tr(MsgId::web_opening_check, lang))
          .text("check_action", lang_path(lang, base + "/check?posting=" + code))
          .text("findings_heading", tr(MsgId::web_opening_findings, lang));
      if (auto found = check.by_lang.find(posting_lang); found != check.by_lang.end()) {
        item.child("result", findings_context(found->second, defaults, lang));
      }
      item.text("heading", ccteam::render(msg(MsgId::web_opening_posting, name), lang))
          .text("preview_href", lang_path(posting_lang, base + "/preview"))
          .text("preview", ccteam::render(msg(MsgId::web_opening_preview, name), lang))
          .text("downloads", tr(MsgId::web_opening_downloads, lang));
      std::vector<render::Context> formats;
      for (auto [format, label] : {std::pair{"markdown", "Markdown"}, std::pair{"html", "HTML"},
                                   std::pair{"text", "Text"}, std::pair{"jsonld", "JSON-LD"}}) {
        render::Context link;
        link.text("href", fmt::format("/api/v1/openings/{}/posting?lang={}&format={}",
                                      row.id.to_string(), to_string(posting_lang), format))
            .text("label", label);
        formats.push_back(std::move(link));
      }
      item.list("formats", std::move(formats));
      postings.push_back(std::move(item));
    }
    page.list("postings", std::move(postings));
    if (app::sees_internal_fields(who, row)) {
      std::vector<render::Context> comments;
      if (auto stored = app::opening_comments(context.repository, context.organisation, row.id)) {
        for (const store::StoredOpeningComment& c : *stored) {
          render::Context item;
          item.text("author", c.author_name.empty() ? "–" : c.author_name)
              .text("time", display_time(c.created_at, lang))
              .text("text", c.text);
          comments.push_back(std::move(item));
        }
      }
      render::Context box;
      box.text("heading", tr(MsgId::web_opening_comments, lang))
          .flag("has_comments", !comments.empty())
          .list("comments", std::move(comments))
          .text("empty", tr(MsgId::web_opening_comments_empty, lang))
          .flag("can_comment", who.can(Permission::comment_openings))
          .text("action", lang_path(lang, base + "/comments"))
          .text("label", tr(MsgId::web_opening_comment_label, lang))
          .text("add", tr(MsgId::web_opening_comment_add, lang));
      page.child("comments", std::move(box));
    }
  }
  return page_response(context.pages.workspace_page("opening", page), status);
}

OpeningForm new_form() {
  OpeningForm form;
  form.request.languages = {"de", "en"};
  form.request.valid_through =
      to_iso(Date{std::chrono::sys_days(today_utc()) + std::chrono::days(56)});
  return form;
}

// The request a form posts.
OpeningForm read_form(const std::vector<QueryParam>& fields, const app::OpeningRequest& base) {
  // The form has the questions part: what it sends replaces the questions.
  bool has_questions = !form_value(fields, "q.present").empty();
  OpeningForm form;
  form.request = base;
  form.request.languages.clear();
  for (const QueryParam& p : fields) {
    if (p.name == "where") {
      auto slash = p.value.find('/');
      form.request.employer_id = p.value.substr(0, slash);
      form.request.place = slash == std::string::npos
                               ? 0
                               : whole_number(p.value.substr(slash + 1), 0, 1000).value_or(-1);
    } else if (p.name == "role") {
      form.request.role = p.value;
    } else if (p.name == "headcount") {
      form.request.headcount = whole_number(p.value, -1000000, 1000000).value_or(0);
    } else if (p.name == "hiring_manager_id") {
      form.request.hiring_manager_id = p.value;
    } else if (p.name == "employment_type") {
      form.request.employment_type = p.value;
    } else if (p.name == "valid_through") {
      form.request.valid_through = p.value;
    } else if (p.name == "reference") {
      form.request.reference = p.value;
    } else if (p.name == "languages") {
      form.request.languages.push_back(p.value);
    } else if (p.name.starts_with("sections.")) {
      auto dot = p.name.find('.', 9);
      if (dot != std::string::npos) {
        form.request.sections[p.name.substr(9, dot - 9)][p.name.substr(dot + 1)] = p.value;
      }
    }
  }
  if (has_questions) form.request.questions = questions_of_form(fields);
  return form;
}

Response post_opening(RouteContext& context, const Request& request, const Caller& caller,
                      const std::optional<app::Opening>& opening) {
  Lang lang = caller.lang;
  auto fields = form_body(request);
  if (!fields) return error_page(context, caller, fields.error());
  std::int64_t expected = 0;
  if (opening) {
    std::string version_text = form_value(*fields, "version");
    auto version = whole_number(version_text, 0);
    if (!version) {
      return error_page(
          context, caller,
          bad_query_parameter("version", version_text, msg(MsgId::hint_opening_body)));
    }
    expected = *version;
  }
  std::shared_ptr<const CatalogSnapshot> snapshot;
  auto catalog = current_catalog(context, snapshot);
  if (!catalog) return error_page(context, caller, catalog.error());
  OpeningForm form =
      read_form(*fields, opening ? app::request_of(*opening) : app::OpeningRequest{});
  form.version = expected;
  if (opening && form_value(*fields, "action") == "check") {
    // The check button (the page without JavaScript): the findings of what was typed, unsaved.
    return opening_page(context, caller, opening, std::move(form), 200);
  }
  std::optional<store::Uuid> id;
  if (opening) id = opening->stored.id;
  auto saved =
      app::save_opening(context.repository, context.organisation, **catalog, form.request, id,
                        expected, today_utc(), caller.principal->actor(request.request_id));
  if (saved) {
    return redirect(lang_path(
        lang,
        fmt::format("/openings/{}?saved={}", saved->stored.id.to_string(), saved->stored.version)));
  }
  add_errors(form, saved.error(), lang);
  return opening_page(context, caller, opening, std::move(form), status_of(saved.error().front()));
}

// A valid-through date as the page's language writes it ("31.01.2027", "January 31, 2027").
std::string valid_through_text(const std::string& iso, Lang lang) {
  auto date = parse_iso_date(iso);
  return date ? posting::format_date(*date, lang) : iso;
}

Response list_page(RouteContext& context, const Caller& caller) {
  Lang lang = caller.lang;
  std::shared_ptr<const CatalogSnapshot> snapshot;
  auto catalog = current_catalog(context, snapshot);
  if (!catalog) return error_page(context, caller, catalog.error());
  auto openings = app::list_openings(context.repository, context.organisation, **catalog,
                                     *caller.principal, today_utc(), k_max_listed);
  if (!openings) return error_page(context, caller, openings.error());
  std::string title = tr(MsgId::web_openings_title, lang);
  render::Context page = pages::shell_context(title, lang, page_info(context, "/openings", caller));
  std::vector<render::Context> rows;
  // Newest first: the list is read oldest first (by id).
  for (auto it = openings->rbegin(); it != openings->rend(); ++it) {
    const app::Opening& opening = *it;
    render::Context row;
    std::string place = opening.place_name();
    row.text("title", opening.title(lang))
        .text("href", lang_path(lang, "/openings/" + opening.stored.id.to_string()))
        .text("employer", opening.employer ? opening.employer->stored.name : "–")
        .text("place", place.empty() ? "–" : place)
        .text("status", status_title(opening, lang))
        .text("valid_through", valid_through_text(opening.stored.valid_through, lang))
        .text("reference", opening.stored.reference.empty() ? "–" : opening.stored.reference);
    rows.push_back(std::move(row));
  }
  page.text("heading", title)
      .text("intro", tr(MsgId::web_openings_intro, lang))
      .flag("has_openings", !rows.empty())
      .list("openings", std::move(rows))
      .text("empty", tr(MsgId::web_openings_empty, lang))
      .text("col_title", tr(MsgId::web_openings_col_title, lang))
      .text("col_employer", tr(MsgId::web_openings_col_employer, lang))
      .text("col_place", tr(MsgId::web_openings_col_place, lang))
      .text("col_status", tr(MsgId::web_openings_col_status, lang))
      .text("col_valid_through", tr(MsgId::web_openings_col_valid_through, lang))
      .text("col_reference", tr(MsgId::web_openings_col_reference, lang))
      .flag("can_write", caller.principal->can(Permission::write_openings))
      .text("new_href", lang_path(lang, "/openings/new"))
      .text("new", tr(MsgId::web_openings_new, lang));
  return page_response(context.pages.workspace_page("openings", page));
}

// The opening the path's {id} names, if the caller may see it.
// 'keep' holds the catalog the opening's role points into.
Result<app::Opening> visible_opening(RouteContext& context, const PathParams& params,
                                     const Caller& caller,
                                     std::shared_ptr<const CatalogSnapshot>& keep) {
  CCTEAM_TRY(store::Uuid id, opening_id(params));
  CCTEAM_TRY(const catalog::Catalog* catalog, current_catalog(context, keep));
  return app::find_opening(context.repository, context.organisation, *catalog, &*caller.principal,
                           id, today_utc());
}

Response status_change(RouteContext& context, const Request& request, const Caller& caller,
                       const store::Uuid& id, const std::string& status_text, std::int64_t version,
                       bool confirmed, bool page) {
  Lang lang = caller.lang;
  auto fail = [&](const Errors& errors) {
    return page ? error_page(context, caller, errors.front())
                : problem(status_of(errors.front()), errors, lang, request);
  };
  auto status = app::parse_opening_status(status_text);
  if (!status) {
    Error e = Error::invalid_input(msg(MsgId::opening_bad_status, shorten(status_text)), {},
                                   msg(MsgId::hint_opening_status));
    e.where.json_pointer = "/status";
    return fail(Errors{e});
  }
  std::shared_ptr<const CatalogSnapshot> snapshot;
  auto catalog = current_catalog(context, snapshot);
  if (!catalog) return fail(Errors{catalog.error()});
  int error_findings = 0;
  if (*status == app::OpeningStatus::open) {
    auto opening = app::find_opening(context.repository, context.organisation, **catalog,
                                     &*caller.principal, id, today_utc());
    if (!opening) return fail(Errors{opening.error()});
    error_findings =
        app::check_opening_postings(*opening, **catalog, context.posting_rules, today_utc()).errors;
  }
  auto changed = app::set_opening_status(context.repository, context.organisation, **catalog, id,
                                         *status, version, error_findings, confirmed, today_utc(),
                                         caller.principal->actor(request.request_id));
  if (!changed) {
    if (!page) return fail(changed.error());
    auto opening = app::find_opening(context.repository, context.organisation, **catalog,
                                     &*caller.principal, id, today_utc());
    if (!opening) return error_page(context, caller, opening.error());
    OpeningForm form;
    form.request = app::request_of(*opening);
    form.version = opening->stored.version;
    add_errors(form, changed.error(), lang);
    return opening_page(context, caller, *opening, std::move(form),
                        status_of(changed.error().front()));
  }
  if (!page) return json_response(opening_json(*changed, true));
  return redirect(lang_path(
      lang, fmt::format("/openings/{}?saved={}", id.to_string(), changed->stored.version)));
}

// The findings of the posting in 'posting_lang' with the texts typed in the form (the editor's
// check as one types, htmx): the findings list alone, never kept.
Response check_fragment(RouteContext& context, const app::Opening& opening,
                        const catalog::Catalog& catalog, Lang posting_lang,
                        const std::vector<QueryParam>& fields, Lang lang) {
  std::string prefix = "sections." + std::string(to_string(posting_lang)) + ".";
  std::map<std::string, std::string> texts;
  for (const QueryParam& p : fields) {
    if (!p.name.starts_with(prefix)) continue;
    std::string text;
    for (char c : p.value) {
      if (c != '\r') text += c;
    }
    texts[p.name.substr(prefix.size())] = std::move(text);
  }
  Date today = today_utc();
  std::vector<app::SectionDefault> defaults;
  if (auto made = app::default_sections(opening, catalog, posting_lang, today)) {
    defaults = std::move(*made);
  }
  auto posting = app::opening_posting(opening, catalog, posting_lang, today, &texts);
  render::Context fragment;
  if (!posting) {
    fragment.flag("has_findings", false)
        .text("no_findings", field_error_text(posting.error(), lang));
  } else {
    fragment = findings_context(
        app::check_posting_document(posting->document, context.posting_rules, today), defaults,
        lang);
  }
  return page_response(context.pages.workspace_page("opening_findings", fragment));
}

}  // namespace

void add_openings(Router& router, RouteContext& context) {
  router.add({"GET", "/api/v1/openings", Access::to(Permission::read_openings), 0,
              [&context](const Request& request, const PathParams&, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return problem(query.error(), caller.lang, request);
                }
                std::shared_ptr<const CatalogSnapshot> snapshot;
                auto catalog = current_catalog(context, snapshot);
                if (!catalog) return problem(catalog.error(), caller.lang, request);
                auto openings =
                    app::list_openings(context.repository, context.organisation, **catalog,
                                       *caller.principal, today_utc(), k_max_listed);
                if (!openings) return problem(openings.error(), caller.lang, request);
                json list = json::array();
                for (const app::Opening& opening : *openings) {
                  list.push_back(opening_json(
                      opening, app::sees_internal_fields(*caller.principal, opening.stored)));
                }
                return json_response(json{{"openings", std::move(list)}});
              }});
  router.add({"POST", "/api/v1/openings", Access::to(Permission::write_openings),
              k_opening_body_limit,
              [&context](const Request& request, const PathParams&, const Caller& caller) {
                return save_api(context, request, caller, std::nullopt);
              }});
  router.add({"GET", "/api/v1/openings/{id}", Access::to(Permission::read_openings), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return problem(query.error(), caller.lang, request);
                }
                std::shared_ptr<const CatalogSnapshot> snapshot;
                auto opening = visible_opening(context, params, caller, snapshot);
                if (!opening) return problem(opening.error(), caller.lang, request);
                return json_response(opening_json(
                    *opening, app::sees_internal_fields(*caller.principal, opening->stored)));
              }});
  router.add({"PUT", "/api/v1/openings/{id}", Access::to(Permission::write_openings),
              k_opening_body_limit,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                auto id = opening_id(params);
                if (!id) return problem(id.error(), caller.lang, request);
                return save_api(context, request, caller, *id);
              }});
  router.add({"POST", "/api/v1/openings/{id}/status", Access::to(Permission::write_openings), 4096,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                auto id = opening_id(params);
                if (!id) return problem(id.error(), caller.lang, request);
                auto body = json_body(request);
                if (!body) return problem(body.error(), caller.lang, request);
                auto status = body->find("status");
                auto version = body->find("version");
                auto confirm = body->find("confirm");
                if (status == body->end() || !status->is_string() || version == body->end() ||
                    !version->is_number_integer() ||
                    (confirm != body->end() && !confirm->is_boolean())) {
                  Error e = Error::usage(msg(MsgId::opening_body), msg(MsgId::hint_opening_body));
                  return problem(e, caller.lang, request);
                }
                return status_change(context, request, caller, *id, status->get<std::string>(),
                                     version->get<std::int64_t>(),
                                     confirm != body->end() && confirm->get<bool>(), false);
              }});
  router.add(
      {"GET", "/api/v1/openings/{id}/comments", Access::to(Permission::read_openings), 0,
       [&context](const Request& request, const PathParams& params, const Caller& caller) {
         if (auto query = read_query(request, {}); !query) {
           return problem(query.error(), caller.lang, request);
         }
         std::shared_ptr<const CatalogSnapshot> snapshot;
         auto opening = visible_opening(context, params, caller, snapshot);
         if (!opening) return problem(opening.error(), caller.lang, request);
         if (!app::sees_internal_fields(*caller.principal, opening->stored)) {
           return problem(forbidden(caller), caller.lang, request);
         }
         auto comments =
             app::opening_comments(context.repository, context.organisation, opening->stored.id);
         if (!comments) return problem(comments.error(), caller.lang, request);
         json list = json::array();
         for (const store::StoredOpeningComment& c : *comments) {
           list.push_back({{"id", c.id.to_string()},
                           {"author", c.author_name},
                           {"author_id",
                            c.author_user_id ? json(c.author_user_id->to_string()) : json(nullptr)},
                           {"text", c.text},
                           {"created_at", rfc3339(c.created_at)}});
         }
         return json_response(json{{"comments", std::move(list)}});
       }});
  router.add({"POST", "/api/v1/openings/{id}/comments", Access::to(Permission::comment_openings),
              16384,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                std::shared_ptr<const CatalogSnapshot> snapshot;
                auto opening = visible_opening(context, params, caller, snapshot);
                if (!opening) return problem(opening.error(), caller.lang, request);
                if (!app::sees_internal_fields(*caller.principal, opening->stored)) {
                  return problem(forbidden(caller), caller.lang, request);
                }
                auto body = json_body(request);
                if (!body) return problem(body.error(), caller.lang, request);
                auto text = body->find("text");
                if (text == body->end() || !text->is_string()) {
                  Error e = Error::usage(msg(MsgId::plan_field_type, "/text", "string"),
                                         msg(MsgId::hint_opening_body));
                  e.where.json_pointer = "/text";
                  return problem(e, caller.lang, request);
                }
                auto added = app::add_opening_comment(context.repository, context.organisation,
                                                      opening->stored.id, text->get<std::string>(),
                                                      caller.principal->actor(request.request_id));
                if (!added) return problem(added.error(), caller.lang, request);
                return json_response(json{{"id", added->id.to_string()},
                                          {"author", added->author_name},
                                          {"text", added->text},
                                          {"created_at", rfc3339(added->created_at)}},
                                     201);
              }});
  router.add({"GET", "/api/v1/openings/{id}/posting", Access::to(Permission::read_openings), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                return posting_download(context, request, caller, params);
              }});

  router.add({"GET", "/{lang}/openings", Access::to(Permission::read_openings), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                return list_page(context, caller);
              }});
  router.add({"GET", "/{lang}/openings/new", Access::to(Permission::write_openings), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                return opening_page(context, caller, std::nullopt, new_form(), 200);
              }});
  router.add({"POST", "/{lang}/openings/new", Access::to(Permission::write_openings),
              k_opening_body_limit,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                return post_opening(context, request, caller, std::nullopt);
              }});
  router.add({"GET", "/{lang}/openings/{id}", Access::to(Permission::read_openings), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                std::shared_ptr<const CatalogSnapshot> snapshot;
                auto opening = visible_opening(context, params, caller, snapshot);
                if (!opening) return error_page(context, caller, opening.error());
                OpeningForm form;
                form.request = app::request_of(*opening);
                form.version = opening->stored.version;
                if (auto query = parse_query(request.query); query) {
                  for (const QueryParam& p : *query) {
                    auto saved = whole_number(p.value, 0);
                    if (p.name == "saved" && saved) {
                      form.notices.push_back(
                          ccteam::render(msg(MsgId::web_opening_saved, *saved), caller.lang));
                    }
                  }
                }
                if (opening->expired) {
                  form.notices.push_back(tr(MsgId::web_careers_closed, caller.lang));
                }
                return opening_page(context, caller, *opening, std::move(form), 200);
              }});
  router.add({"POST", "/{lang}/openings/{id}", Access::to(Permission::write_openings),
              k_opening_body_limit,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                std::shared_ptr<const CatalogSnapshot> snapshot;
                auto opening = visible_opening(context, params, caller, snapshot);
                if (!opening) return error_page(context, caller, opening.error());
                return post_opening(context, request, caller, *opening);
              }});
  router.add({"POST", "/{lang}/openings/{id}/status", Access::to(Permission::write_openings), 4096,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                std::shared_ptr<const CatalogSnapshot> snapshot;
                auto opening = visible_opening(context, params, caller, snapshot);
                if (!opening) return error_page(context, caller, opening.error());
                auto fields = form_body(request);
                if (!fields) return error_page(context, caller, fields.error());
                auto version = whole_number(form_value(*fields, "version"), 0).value_or(-1);
                return status_change(context, request, caller, opening->stored.id,
                                     form_value(*fields, "status"), version,
                                     form_value(*fields, "confirm") == "on", true);
              }});
  router.add({"POST", "/{lang}/openings/{id}/check", Access::to(Permission::write_openings),
              k_opening_body_limit,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                auto lang = url_lang(params["lang"]);
                if (!lang) return not_found(context, request, caller);
                std::shared_ptr<const CatalogSnapshot> snapshot;
                auto opening = visible_opening(context, params, caller, snapshot);
                if (!opening) return error_page(context, caller, opening.error());
                auto query = read_query(request, {"posting"});
                auto fields = form_body(request);
                if (!query || !fields) {
                  return error_page(context, caller, !query ? query.error() : fields.error());
                }
                Lang posting_lang = *lang;
                for (const QueryParam& p : *query) {
                  if (auto parsed = parse_lang(p.value)) posting_lang = *parsed;
                }
                return check_fragment(context, *opening, snapshot->catalog(), posting_lang, *fields,
                                      *lang);
              }});
  router.add(
      {"POST", "/{lang}/openings/{id}/comments", Access::to(Permission::comment_openings), 16384,
       [&context](const Request& request, const PathParams& params, const Caller& caller) {
         if (!url_lang(params["lang"])) return not_found(context, request, caller);
         std::shared_ptr<const CatalogSnapshot> snapshot;
         auto opening = visible_opening(context, params, caller, snapshot);
         if (!opening) return error_page(context, caller, opening.error());
         if (!app::sees_internal_fields(*caller.principal, opening->stored)) {
           return error_page(context, caller, forbidden(caller));
         }
         auto fields = form_body(request);
         if (!fields) return error_page(context, caller, fields.error());
         auto added = app::add_opening_comment(context.repository, context.organisation,
                                               opening->stored.id, form_value(*fields, "text"),
                                               caller.principal->actor(request.request_id));
         if (!added) {
           OpeningForm form;
           form.request = app::request_of(*opening);
           form.version = opening->stored.version;
           add_errors(form, Errors{added.error()}, caller.lang);
           return opening_page(context, caller, *opening, std::move(form),
                               status_of(added.error()));
         }
         return redirect(
             lang_path(caller.lang, "/openings/" + opening->stored.id.to_string() + "#comments"));
       }});
}

}  // namespace ccteam::server
