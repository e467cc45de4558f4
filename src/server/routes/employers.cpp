// Employer profiles: the API (list, read, add and save from JSON or YAML, export the YAML) and
// the pages (a list; one form per profile, in sections, with an import field). Every save goes
// through app::save_employer: the employer reader's and the profile checks' messages, each
// beside its field. The form works without JavaScript; a refused form comes back as typed.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <map>

#include <fmt/format.h>

#include "app/workspace/employers.hpp"
#include "io/base/error_json.hpp"
#include "io/base/json_yaml.hpp"
#include "io/posting/employer_yaml.hpp"
#include "server/pages/shell.hpp"
#include "server/responses.hpp"
#include "server/routes/account_shared.hpp"
#include "server/routes/page_shared.hpp"
#include "server/routes/routes.hpp"

namespace ccteam::server {

namespace {

using json = nlohmann::ordered_json;
using access::Permission;
using app::EmployerFieldKind;
using pages::lang_path;

// The largest save: a profile is a few KiB; the YAML reader refuses more than 16 MiB anyway.
constexpr std::size_t k_employer_body_limit = 512 * 1024;
// The deepest nesting a profile has is 4 (/profile/positions/0/pay); a body nested deeper is no
// profile, and is refused before it is converted (recursively) to YAML.
constexpr std::size_t k_max_json_depth = 8;
// Profiles listed (an organisation has a handful; the list is not paged yet).
constexpr std::size_t k_max_listed = 500;
// Blank rows the form offers after the stored ones.
constexpr std::size_t k_blank_locations = 1;
constexpr std::size_t k_blank_benefits = 2;
constexpr std::size_t k_blank_positions = 1;

json issues_json(const std::vector<posting::ProfileIssue>& issues, Lang lang) {
  json out = json::array();
  for (const posting::ProfileIssue& issue : issues) {
    json item = io::error_to_json(issue.error, lang);
    item["severity"] = std::string(posting::to_string(issue.severity));
    out.push_back(std::move(item));
  }
  return out;
}

json employer_json(const app::Employer& employer, const std::vector<posting::ProfileIssue>& issues,
                   Lang lang) {
  json out{{"id", employer.stored.id.to_string()},
           {"name", employer.stored.name},
           {"version", employer.stored.version},
           {"updated_at", rfc3339(employer.stored.updated_at)}};
  out["profile"] = employer.profile ? io::employer_to_json(*employer.profile) : json(nullptr);
  out["warnings"] = issues_json(issues, lang);
  return out;
}

// Every issue of a stored profile (an error too: the minimum wage or the catalog may have changed
// since it was saved).
std::vector<posting::ProfileIssue> warnings_of(RouteContext& context,
                                               const app::Employer& employer) {
  if (!employer.profile) return {};
  auto snapshot = context.catalogs.current();
  if (!snapshot) return {};
  return app::profile_issues(*employer.profile, (*snapshot)->catalog(), context.profile_rules);
}

Result<store::Uuid> employer_id(const PathParams& params) {
  auto id = store::Uuid::parse(params["id"]);
  if (!id) {
    return tl::unexpected(
        Error::not_found(msg(MsgId::employer_not_found, shorten(std::string(params["id"])))));
  }
  return *id;
}

// The stored profile the path's {id} names. Error::not_found for an id that is no UUID or that
// the organisation does not have.
Result<app::Employer> stored_employer(RouteContext& context, const PathParams& params) {
  CCTEAM_TRY(store::Uuid id, employer_id(params));
  return app::find_employer(context.repository, context.organisation, id);
}

// A body of the API: JSON {"version": N, "profile": {...}} (version only when saving over a
// stored profile) or a YAML file with ?version=N. Returns the YAML text, its source name and the
// version.
struct EmployerBody {
  std::string yaml;
  std::string source_name;
  std::int64_t version = 0;
  bool from_json = false;
};

Checked<EmployerBody> employer_body(const Request& request, bool needs_version) {
  auto query = read_query(request, {"version"});
  if (!query) return tl::unexpected(Errors{query.error()});
  const std::string* type = request.header("content-type");
  EmployerBody out;
  if (type != nullptr && is_yaml_content_type(*type)) {
    std::optional<std::int64_t> version;
    for (const QueryParam& p : *query) {
      version = whole_number(p.value, 0);
      if (!version) {
        return tl::unexpected(
            Errors{bad_query_parameter("version", p.value, msg(MsgId::hint_employer_body))});
      }
    }
    if (!version && needs_version) {
      Error e = Error::usage(msg(MsgId::term_required), msg(MsgId::hint_employer_body));
      e.where.json_pointer = "/query/version";
      return tl::unexpected(Errors{e});
    }
    out.yaml = request.body;
    out.source_name = "upload.yaml";
    out.version = version.value_or(0);
    return out;
  }
  if (!query->empty()) {
    return tl::unexpected(Errors{
        bad_query_parameter("version", query->front().value, msg(MsgId::hint_employer_body))});
  }
  auto body = json_body(request);
  auto shape_error = [] {
    return tl::unexpected(
        Errors{Error::usage(msg(MsgId::employer_body), msg(MsgId::hint_employer_body))});
  };
  if (!body) {
    if (body.error().kind == ErrorKind::usage) return shape_error();
    return tl::unexpected(Errors{body.error()});
  }
  if (!body->is_object()) return shape_error();
  if (auto deep = nested_deeper_than(*body, k_max_json_depth)) {
    Error e = Error::usage(msg(MsgId::json_too_deep, shorten(*deep), k_max_json_depth),
                           msg(MsgId::hint_json_too_deep));
    e.where.json_pointer = shorten(*deep, 200);
    return tl::unexpected(Errors{e});
  }
  for (const auto& [key, value] : body->items()) {
    if (key != "version" && key != "profile") {
      Error e = Error::usage(msg(MsgId::yaml_unknown_key, key), msg(MsgId::hint_employer_body));
      e.where.json_pointer = "/" + key;
      return tl::unexpected(Errors{e});
    }
  }
  auto profile = body->find("profile");
  if (profile == body->end() || !profile->is_object()) {
    Error e = Error::usage(msg(MsgId::plan_field_type, "/profile", "object"),
                           msg(MsgId::hint_employer_body));
    e.where.json_pointer = "/profile";
    return tl::unexpected(Errors{e});
  }
  auto version = body->find("version");
  if (needs_version && (version == body->end() || !version->is_number_integer())) {
    Error e = Error::usage(msg(MsgId::plan_field_type, "/version", "integer"),
                           msg(MsgId::hint_employer_body));
    e.where.json_pointer = "/version";
    return tl::unexpected(Errors{e});
  }
  if (version != body->end() && version->is_number_integer()) {
    out.version = version->get<std::int64_t>();
  }
  out.yaml = app::canonical_employer_yaml(io::json_to_yaml(json(*profile)));
  out.source_name = "profile";
  out.from_json = true;
  return out;
}

// Errors of a save from JSON point into the body: "/profile/...".
Errors in_profile(Errors errors) {
  for (Error& e : errors) {
    if (!e.where.json_pointer.empty() || e.where.line > 0) {
      e.where.json_pointer = "/profile" + e.where.json_pointer;
    }
  }
  return without_positions(std::move(errors));
}

Response save_api(RouteContext& context, const Request& request, const Caller& caller,
                  const std::optional<store::Uuid>& id) {
  auto body = employer_body(request, id.has_value());
  if (!body) return problem(status_of(body.error().front()), body.error(), caller.lang, request);
  auto snapshot = context.catalogs.current();
  if (!snapshot) return problem(snapshot.error(), caller.lang, request);
  auto saved =
      app::save_employer(context.repository, context.organisation, (*snapshot)->catalog(),
                         context.profile_rules, id, body->source_name, std::move(body->yaml),
                         body->version, caller.principal->actor(request.request_id));
  if (!saved) {
    Errors errors = body->from_json ? in_profile(saved.error()) : saved.error();
    return problem(status_of(saved.error().front()), errors, caller.lang, request);
  }
  return json_response(employer_json(saved->employer, saved->warnings, caller.lang),
                       id ? 200 : 201);
}

// --- the pages

struct EmployerForm {
  std::map<std::string, std::string> values;  // field name -> as typed or stored
  std::map<std::string, std::string> field_errors;
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  std::string yaml;  // the import field as typed
  std::string yaml_error;
  std::string notice;
  std::int64_t version = 0;
};

std::string field_id(std::string_view name) {
  std::string id = "ef-" + std::string(name);
  std::replace(id.begin(), id.end(), '.', '-');
  return id;
}

std::string field_label(const app::EmployerField& field, Lang lang) {
  std::string label = tr(field.label, lang);
  if (field.in == Lang::en) return ccteam::render(msg(MsgId::web_ef_in_en, label), lang);
  if (field.in == Lang::de) return ccteam::render(msg(MsgId::web_ef_in_de, label), lang);
  return label;
}

render::Context field_context(const EmployerForm& form, const app::EmployerField& field,
                              const std::string& name, const std::string& prefix,
                              const catalog::Catalog* catalog, Lang lang) {
  auto it = form.values.find(name);
  std::string value = it == form.values.end() ? std::string() : it->second;
  std::string id = field_id(name);
  std::string label = field_label(field, lang);
  render::Context out;
  out.text("name", name).text("id", id).text("label", label).text("value", value);
  out.text("aria_label", prefix.empty() ? label : prefix + ": " + label);
  const EmployerFieldKind kind = field.kind;
  const bool select = kind == EmployerFieldKind::choice || kind == EmployerFieldKind::role;
  out.flag("is_select", select)
      .flag("is_check", kind == EmployerFieldKind::flag)
      .flag("checked", value == "on")
      .flag("is_long", kind == EmployerFieldKind::long_text)
      .flag("is_input",
            !select && kind != EmployerFieldKind::flag && kind != EmployerFieldKind::long_text);
  std::string type = "text";
  if (kind == EmployerFieldKind::url) type = "url";
  if (kind == EmployerFieldKind::email) type = "email";
  if (kind == EmployerFieldKind::date) type = "date";
  out.text("type", type);
  if (kind == EmployerFieldKind::integer) out.text("inputmode", "numeric");
  if (kind == EmployerFieldKind::number || kind == EmployerFieldKind::amount) {
    out.text("inputmode", "decimal");
  }
  if (auto error = form.field_errors.find(name); error != form.field_errors.end()) {
    out.text("error", error->second).text("error_id", id + "-error");
  }
  std::vector<render::Context> options;
  if (select) {
    render::Context none;
    none.text("value", "")
        .text("title", tr(MsgId::web_ef_choose, lang))
        .flag("selected", value.empty());
    options.push_back(std::move(none));
    bool found = value.empty();
    auto add = [&](const std::string& option_value, const std::string& title) {
      render::Context option;
      option.text("value", option_value)
          .text("title", title)
          .flag("selected", option_value == value);
      found = found || option_value == value;
      options.push_back(std::move(option));
    };
    if (kind == EmployerFieldKind::role) {
      if (catalog != nullptr) {
        for (const catalog::Role* role : catalog->by_rank()) {
          add(role->id.str(), role->title.get(lang));
        }
      }
    } else {
      std::string_view key = field.key;
      for (const auto& [option_value, title] : app::employer_field_choices(key)) {
        add(option_value, tr(title, lang));
      }
    }
    if (!found) add(value, value);  // kept as typed; its error says what is wrong
  }
  out.list("options", std::move(options));
  return out;
}

MsgId row_label(std::string_view list) {
  if (list == "benefits") return MsgId::web_employer_row_benefit;
  if (list == "positions") return MsgId::web_employer_row_position;
  return MsgId::web_employer_row_place;
}

// The label a form field is named by in the list on top: "Place 2, City" for a row's field.
std::string field_title(const std::string& name, Lang lang) {
  const app::EmployerField* field = app::employer_form_field_spec(name);
  if (field == nullptr) return {};
  std::string label = field_label(*field, lang);
  auto first = name.find('.');
  auto second = name.find('.', first + 1);
  std::size_t row = 0;
  if (first != std::string::npos && second != std::string::npos &&
      std::from_chars(name.data() + first + 1, name.data() + second, row).ec == std::errc{}) {
    std::string_view list(name.data(), first);
    label = ccteam::render(msg(row_label(list), row + 1), lang) + ", " + label;
  }
  return label;
}

// Each error (of a form: 'input' maps its pointers to the form's rows) beside its field and in
// the list on top, named by the field's label; an error repeated at the same field once. A key
// the form left empty is "required" at its field: the reader's wording ("missing required key
// 'headcount'. add 'headcount:' to this map") speaks of the file the form is made into.
std::vector<std::string> place_errors(EmployerForm& form, const Errors& errors,
                                      const app::EmployerFormInput* input, Lang lang) {
  std::vector<std::string> listed;
  for (const Error& raw : errors) {
    Error e = raw;
    if (input != nullptr && e.message.id == MsgId::yaml_missing_key && !e.message.args.empty()) {
      e.where.json_pointer += "/" + e.message.args[0].in(Lang::en);
      e.message = msg(MsgId::term_required);
      e.hint.reset();
    }
    std::string text = field_error_text(e, lang);
    std::string field =
        input != nullptr ? app::employer_form_field(e.where.json_pointer, *input) : std::string();
    if (!field.empty()) {
      if (auto [it, added] = form.field_errors.try_emplace(field, text);
          !added && it->second != text) {
        it->second += " " + text;
      } else if (!added) {
        continue;  // the same error again (one per place of work of the same country)
      }
      std::string title = field_title(field, lang);
      if (!title.empty()) text = ccteam::render(msg(MsgId::web_employer_field, title, text), lang);
    }
    listed.push_back(text);
  }
  return listed;
}

void add_errors(EmployerForm& form, const Errors& errors, const app::EmployerFormInput* input,
                Lang lang) {
  for (std::string& text : place_errors(form, errors, input, lang)) {
    form.errors.push_back(std::move(text));
  }
}

std::size_t rows_of(const EmployerForm& form, std::string_view list) {
  std::size_t stored = app::employer_form_rows(form.values, list);
  if (list == "locations") return stored + k_blank_locations;
  if (list == "benefits") return stored + k_blank_benefits;
  return stored + k_blank_positions;
}

Response error_page(RouteContext& context, const Caller& caller, const Error& error) {
  return server::error_page(context, caller, error, "/employers");
}

Response not_found(RouteContext& context, const Request& request, const Caller& caller) {
  return page_not_found(context, request, caller, "/employers");
}

// The form page of a new profile ('employer' nullopt) or of a stored one.
Response employer_page(RouteContext& context, const Caller& caller,
                       const std::optional<app::Employer>& employer, EmployerForm form,
                       int status) {
  Lang lang = caller.lang;
  auto snapshot = context.catalogs.current();
  const catalog::Catalog* catalog = snapshot ? &(*snapshot)->catalog() : nullptr;
  const bool can_write = caller.principal->can(Permission::write_employers);
  std::string path = employer ? "/employers/" + employer->stored.id.to_string() : "/employers/new";
  std::string title = employer ? employer->stored.name : tr(MsgId::web_employers_new, lang);
  render::Context page = pages::shell_context(title, lang, page_info(context, path, caller));

  // New blank rows: checked "gross" and the month as the pay period, as most postings have.
  std::map<std::string_view, std::size_t> rows_per_list;
  for (std::string_view list : {"locations", "benefits", "positions"}) {
    rows_per_list[list] = rows_of(form, list);
  }
  std::size_t stored_positions = rows_per_list["positions"] - k_blank_positions;
  for (std::size_t row = stored_positions; row < rows_per_list["positions"]; ++row) {
    form.values.try_emplace(fmt::format("positions.{}.pay.gross", row), "on");
    form.values.try_emplace(fmt::format("positions.{}.pay.period", row), "month");
  }

  std::vector<render::Context> sections;
  for (const app::EmployerSection& section : app::employer_form_sections()) {
    render::Context item;
    item.text("title", tr(section.title, lang));
    std::vector<render::Context> groups;
    for (const app::EmployerFieldGroup& group : section.groups) {
      if (group.list.empty()) {
        render::Context plain;
        std::vector<render::Context> fields;
        for (const app::EmployerField& field : group.fields) {
          fields.push_back(field_context(form, field, std::string(field.key), "", catalog, lang));
        }
        plain.flag("is_row", false).list("fields", std::move(fields));
        groups.push_back(std::move(plain));
        continue;
      }
      std::size_t rows = rows_per_list[group.list];
      for (std::size_t row = 0; row < rows; ++row) {
        render::Context row_group;
        std::string label = ccteam::render(msg(row_label(group.list), row + 1), lang);
        std::vector<render::Context> fields;
        for (const app::EmployerField& field : group.fields) {
          fields.push_back(field_context(form, field,
                                         fmt::format("{}.{}.{}", group.list, row, field.key), label,
                                         catalog, lang));
        }
        row_group.flag("is_row", true).text("legend", label).list("fields", std::move(fields));
        groups.push_back(std::move(row_group));
      }
    }
    item.list("groups", std::move(groups));
    sections.push_back(std::move(item));
  }

  std::vector<render::Context> notices;
  if (!form.notice.empty()) {
    render::Context notice;
    notice.text("text", form.notice);
    notices.push_back(std::move(notice));
  }
  page.text("heading", title)
      .text("back_href", lang_path(lang, "/employers"))
      .text("back", tr(MsgId::web_employers_title, lang))
      .flag("has_errors", !form.errors.empty())
      .text("errors_heading", tr(MsgId::web_form_errors, lang))
      .list("errors", text_items(form.errors))
      .list("notices", std::move(notices))
      .flag("has_warnings", !form.warnings.empty())
      .text("warnings_heading", tr(MsgId::web_employer_warnings, lang))
      .list("warnings", text_items(form.warnings))
      .text("meta", employer
                        ? ccteam::render(msg(MsgId::web_employer_meta, employer->stored.version,
                                             display_time(employer->stored.updated_at, lang)),
                                         lang)
                        : std::string())
      .flag("can_write", can_write)
      .text("read_only", tr(MsgId::web_employer_read_only, lang))
      .text("action", lang_path(lang, path))
      .text("csrf", caller.principal->csrf_token)
      .text("version", fmt::format("{}", form.version))
      .list("sections", std::move(sections))
      .text("blank_hint", tr(MsgId::web_employer_blank_hint, lang))
      .text("save", tr(employer ? MsgId::web_employer_save : MsgId::web_employer_add, lang))
      .text("import_heading", tr(MsgId::web_employer_import, lang))
      .text("import_hint", tr(MsgId::web_employer_import_hint, lang))
      .text("import_label", tr(MsgId::web_employer_import_field, lang))
      .text("file_label", tr(MsgId::web_employer_import_file, lang))
      .text("yaml", form.yaml)
      .text("import", tr(MsgId::web_employer_import_button, lang));
  if (employer) {
    page.text("export_href",
              fmt::format("/api/v1/employers/{}/profile.yaml", employer->stored.id.to_string()))
        .text("export", tr(MsgId::web_employer_export, lang));
  }
  if (!form.yaml_error.empty()) page.text("yaml_error", form.yaml_error);
  return page_response(context.pages.workspace_page("employer", page), status);
}

// The issues of a stored profile as the form shows them: named by their field, without the
// stored file's positions (the form's user never saw that file).
std::vector<std::string> warning_texts(const std::vector<posting::ProfileIssue>& issues,
                                       EmployerForm& form, Lang lang) {
  Errors errors;
  for (const posting::ProfileIssue& issue : issues) errors.push_back(issue.error);
  app::EmployerFormInput rows = app::employer_form_identity(form.values);
  std::map<std::string, std::string> kept = form.field_errors;
  std::vector<std::string> out =
      place_errors(form, without_positions(std::move(errors)), &rows, lang);
  form.field_errors = std::move(kept);  // warnings are listed on top, not marked as errors
  return out;
}

// What a new profile's form starts with: the format's usual choices and today's date.
EmployerForm new_form() {
  EmployerForm form;
  Date today = today_utc();
  form.values = {
      {"remote.policy", "on_site"},
      {"employment.type", "full_time"},
      {"employment.contract", "permanent"},
      {"address_form", "sie"},
      {"posting_date", to_iso(today)},
      {"valid_through", to_iso(Date{std::chrono::sys_days(today) + std::chrono::days(56)})}};
  return form;
}

Response post_employer(RouteContext& context, const Request& request, const Caller& caller,
                       const std::optional<app::Employer>& employer) {
  Lang lang = caller.lang;
  auto fields = form_body(request);
  if (!fields) return error_page(context, caller, fields.error());
  std::int64_t expected = 0;
  if (employer) {
    std::string version_text = form_value(*fields, "version");
    auto version = whole_number(version_text, 0);
    if (!version) {
      return error_page(
          context, caller,
          bad_query_parameter("version", version_text, msg(MsgId::hint_employer_body)));
    }
    expected = *version;
  }
  auto snapshot = context.catalogs.current();
  if (!snapshot) return error_page(context, caller, snapshot.error());
  store::Actor actor = caller.principal->actor(request.request_id);
  std::optional<store::Uuid> id;
  if (employer) id = employer->stored.id;
  EmployerForm form;
  form.version = expected;
  auto done = [&](const app::SavedEmployer& saved) {
    return redirect(
        lang_path(lang, fmt::format("/employers/{}?saved={}", saved.employer.stored.id.to_string(),
                                    saved.employer.stored.version)));
  };
  if (form_value(*fields, "action") == "import") {
    form.yaml = form_value(*fields, "yaml");
    auto saved =
        app::save_employer(context.repository, context.organisation, (*snapshot)->catalog(),
                           context.profile_rules, id, "employer.yaml", form.yaml, expected, actor);
    if (saved) return done(*saved);
    add_errors(form, saved.error(), nullptr, lang);
    form.yaml_error = form.errors.front();
    if (employer && employer->profile) {
      form.values = app::employer_form_values(*employer->profile, lang);
    } else if (!employer) {
      form.values = new_form().values;
    }
    return employer_page(context, caller, employer, std::move(form),
                         status_of(saved.error().front()));
  }
  std::vector<std::pair<std::string, std::string>> values;
  for (const QueryParam& p : *fields) {
    if (p.name == "csrf_token" || p.name == "version" || p.name == "action") continue;
    values.emplace_back(p.name, p.value);
    form.values[p.name] = p.value;
  }
  app::EmployerFormInput input = app::employer_from_form(values, lang);
  if (!input.errors.empty()) {
    add_errors(form, input.errors, nullptr, lang);
    return employer_page(context, caller, employer, std::move(form), 422);
  }
  auto saved = app::save_employer(
      context.repository, context.organisation, (*snapshot)->catalog(), context.profile_rules, id,
      "form", app::canonical_employer_yaml(io::json_to_yaml(input.profile)), expected, actor);
  if (saved) return done(*saved);
  // Positions in the YAML made from the form mean nothing to its user: the field does.
  add_errors(form, without_positions(saved.error()), &input, lang);
  return employer_page(context, caller, employer, std::move(form),
                       status_of(saved.error().front()));
}

Response list_page(RouteContext& context, const Caller& caller) {
  Lang lang = caller.lang;
  auto employers = app::list_employers(context.repository, context.organisation, k_max_listed);
  if (!employers) return error_page(context, caller, employers.error());
  std::string title = tr(MsgId::web_employers_title, lang);
  render::Context page =
      pages::shell_context(title, lang, page_info(context, "/employers", caller));
  std::vector<render::Context> rows;
  for (const app::Employer& employer : *employers) {
    render::Context row;
    std::string places;
    std::size_t positions = 0;
    if (employer.profile) {
      for (const posting::Location& location : employer.profile->locations) {
        if (!places.empty()) places += ", ";
        places += location.city;
      }
      for (const posting::Position& position : employer.profile->positions) {
        positions += static_cast<std::size_t>(position.openings);
      }
    }
    row.text("name", employer.stored.name)
        .text("href", lang_path(lang, "/employers/" + employer.stored.id.to_string()))
        .text("places", places.empty() ? "–" : places)
        .text("positions", employer.profile ? fmt::format("{}", positions) : "–")
        .text("saved", display_time(employer.stored.updated_at, lang));
    rows.push_back(std::move(row));
  }
  page.text("heading", title)
      .text("intro", tr(MsgId::web_employers_intro, lang))
      .flag("has_employers", !rows.empty())
      .list("employers", std::move(rows))
      .text("empty", tr(MsgId::web_employers_empty, lang))
      .text("col_name", tr(MsgId::web_employers_col_name, lang))
      .text("col_places", tr(MsgId::web_employers_col_places, lang))
      .text("col_positions", tr(MsgId::web_employers_col_positions, lang))
      .text("col_saved", tr(MsgId::web_employers_col_saved, lang))
      .flag("can_write", caller.principal->can(Permission::write_employers))
      .text("new_href", lang_path(lang, "/employers/new"))
      .text("new", tr(MsgId::web_employers_new, lang));
  return page_response(context.pages.workspace_page("employers", page));
}

}  // namespace

void add_employers(Router& router, RouteContext& context) {
  router.add({"GET", "/api/v1/employers", Access::to(Permission::read_employers), 0,
              [&context](const Request& request, const PathParams&, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return problem(query.error(), caller.lang, request);
                }
                auto employers =
                    app::list_employers(context.repository, context.organisation, k_max_listed);
                if (!employers) return problem(employers.error(), caller.lang, request);
                json list = json::array();
                for (const app::Employer& employer : *employers) {
                  list.push_back({{"id", employer.stored.id.to_string()},
                                  {"name", employer.stored.name},
                                  {"version", employer.stored.version},
                                  {"updated_at", rfc3339(employer.stored.updated_at)}});
                }
                return json_response(json{{"employers", std::move(list)}});
              }});
  router.add({"POST", "/api/v1/employers", Access::to(Permission::write_employers),
              k_employer_body_limit,
              [&context](const Request& request, const PathParams&, const Caller& caller) {
                return save_api(context, request, caller, std::nullopt);
              }});
  router.add({"GET", "/api/v1/employers/{id}", Access::to(Permission::read_employers), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return problem(query.error(), caller.lang, request);
                }
                auto employer = stored_employer(context, params);
                if (!employer) return problem(employer.error(), caller.lang, request);
                return json_response(
                    employer_json(*employer, warnings_of(context, *employer), caller.lang));
              }});
  router.add({"PUT", "/api/v1/employers/{id}", Access::to(Permission::write_employers),
              k_employer_body_limit,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                auto id = employer_id(params);
                if (!id) return problem(id.error(), caller.lang, request);
                return save_api(context, request, caller, *id);
              }});
  router.add({"GET", "/api/v1/employers/{id}/profile.yaml", Access::to(Permission::read_employers),
              0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return problem(query.error(), caller.lang, request);
                }
                auto id = employer_id(params);
                if (!id) return problem(id.error(), caller.lang, request);
                auto employer = context.repository.employer(context.organisation, *id);
                if (!employer) return problem(employer.error(), caller.lang, request);
                if (!*employer) {
                  return problem(Error::not_found(msg(MsgId::employer_not_found, id->to_string())),
                                 caller.lang, request);
                }
                Response response;
                response.body = (*employer)->yaml;
                response.set("Content-Type", "application/yaml; charset=utf-8");
                response.set("Content-Disposition",
                             fmt::format("attachment; filename=\"employer-{}-v{}.yaml\"",
                                         id->to_string(), (*employer)->version));
                return response;
              }});

  router.add({"GET", "/{lang}/employers", Access::to(Permission::read_employers), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                return list_page(context, caller);
              }});
  router.add({"GET", "/{lang}/employers/new", Access::to(Permission::write_employers), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                return employer_page(context, caller, std::nullopt, new_form(), 200);
              }});
  router.add({"POST", "/{lang}/employers/new", Access::to(Permission::write_employers),
              k_employer_body_limit,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                return post_employer(context, request, caller, std::nullopt);
              }});
  router.add({"GET", "/{lang}/employers/{id}", Access::to(Permission::read_employers), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                auto employer = stored_employer(context, params);
                if (!employer) return error_page(context, caller, employer.error());
                EmployerForm form;
                form.version = employer->stored.version;
                if (employer->profile) {
                  form.values = app::employer_form_values(*employer->profile, caller.lang);
                  form.warnings = warning_texts(warnings_of(context, *employer), form, caller.lang);
                } else {
                  form.yaml = employer->stored.yaml;
                  add_errors(form, employer->read_errors, nullptr, caller.lang);
                  form.yaml_error = form.errors.front();
                }
                if (auto query = parse_query(request.query); query) {
                  for (const QueryParam& p : *query) {
                    auto saved = whole_number(p.value, 0);
                    if (p.name == "saved" && saved) {
                      form.notice =
                          ccteam::render(msg(MsgId::web_employer_saved, *saved), caller.lang);
                    }
                  }
                }
                return employer_page(context, caller, *employer, std::move(form), 200);
              }});
  router.add({"POST", "/{lang}/employers/{id}", Access::to(Permission::write_employers),
              k_employer_body_limit,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                auto employer = stored_employer(context, params);
                if (!employer) return error_page(context, caller, employer.error());
                return post_employer(context, request, caller, *employer);
              }});
}

}  // namespace ccteam::server
