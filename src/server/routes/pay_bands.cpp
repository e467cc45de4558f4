// The organisation's pay bands: the API (read, save from JSON, import a YAML file, export it)
// and the page (a table to read; for admins a form of one row per band and an import field).
// Every save goes through app::save_pay_bands: the catalog reader's checks and messages. The
// form works without JavaScript; a form with errors comes back with everything typed and each
// error next to its field.
#include <charconv>
#include <map>

#include <fmt/format.h>

#include "app/workspace/pay_bands.hpp"
#include "io/catalog/catalog_json.hpp"
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

// The largest body of a save: a pay-band file of some thousand bands (the configured
// limits.max_body_bytes applies first).
constexpr std::size_t k_pay_bands_body_limit = 1024 * 1024;
// Blank rows the form offers for new bands.
constexpr std::size_t k_blank_rows = 3;
// Rows a form may send (the catalog holds at most 1,000 roles; two countries each is plenty).
constexpr std::size_t k_max_form_rows = 1000;

constexpr std::array<std::string_view, 7> k_columns = {"role", "country", "currency",  "period",
                                                       "min",  "max",     "open_ended"};

MsgId column_label(std::string_view column) {
  if (column == "role") return MsgId::web_pay_bands_col_role;
  if (column == "country") return MsgId::web_pay_bands_col_country;
  if (column == "currency") return MsgId::web_pay_bands_col_currency;
  if (column == "period") return MsgId::web_pay_bands_col_period;
  if (column == "min") return MsgId::web_pay_bands_col_min;
  if (column == "max") return MsgId::web_pay_bands_col_max;
  return MsgId::web_pay_bands_col_open_ended;
}

MsgId period_label(std::string_view period) {
  if (period == "hour") return MsgId::web_pay_bands_period_hour;
  if (period == "month") return MsgId::web_pay_bands_period_month;
  return MsgId::web_pay_bands_period_year;
}

json state_json(const app::PayBands& bands) {
  json list = json::array();
  for (const catalog::PayBand& band : bands.bands) list.push_back(io::pay_band_to_json(band));
  return json{{"version", bands.version},
              {"updated_at", bands.version > 0 ? json(rfc3339(bands.updated_at)) : json(nullptr)},
              {"source_name", bands.version > 0 ? json(bands.source_name) : json(nullptr)},
              {"pay_bands", std::move(list)}};
}

// "/pay_bands/3/min" -> (3, "min"); nullopt for another pointer.
std::optional<std::pair<std::size_t, std::string>> band_field(std::string_view pointer) {
  constexpr std::string_view k_prefix = "/pay_bands/";
  if (!pointer.starts_with(k_prefix)) return std::nullopt;
  pointer.remove_prefix(k_prefix.size());
  std::size_t index = 0;
  auto [end, ec] = std::from_chars(pointer.data(), pointer.data() + pointer.size(), index);
  if (ec != std::errc{}) return std::nullopt;
  std::string_view rest(end, static_cast<std::size_t>(pointer.data() + pointer.size() - end));
  std::string field;
  if (rest.starts_with("/")) {
    rest.remove_prefix(1);
    field = std::string(rest.substr(0, rest.find('/')));
  }
  return std::pair{index, field};
}

// --- the page

struct PayBandForm {
  std::map<std::size_t, std::map<std::string, std::string>> rows;  // row -> column -> typed
  std::map<std::pair<std::size_t, std::string>, std::string> field_errors;
  std::vector<std::string> errors;
  std::string yaml;  // the import field as typed
  std::string yaml_error;
  std::string notice;
  // The version the refused form was made from: it stays in the form, so that saving it again
  // is refused (409) while another save has come in between, instead of overwriting it.
  std::optional<std::int64_t> version;
};

std::string error_text(const Error& raw, Lang lang) {
  Error e = shown_error(raw);
  std::string text = ccteam::render(e.message, lang);
  if (e.where.line > 0) text = fmt::format("{}:{}: {}", e.where.line, e.where.column, text);
  if (e.hint) text += ". " + ccteam::render(*e.hint, lang);
  return text;
}

// Each error next to its row's field ('rows' maps the index in the saved list to the form
// row) and in the list on top.
void add_errors(PayBandForm& form, const Errors& errors, const std::vector<std::size_t>& rows,
                Lang lang) {
  for (const Error& e : errors) {
    std::string text = error_text(e, lang);
    auto field = band_field(e.where.json_pointer);
    if (field && field->first < rows.size()) {
      std::size_t row = rows[field->first];
      // An error about the whole band (its range) is shown at the field to correct.
      std::string column = field->second;
      if (column.empty()) column = e.message.id == MsgId::catalog_pay_min_gt_max ? "max" : "role";
      if (std::find(k_columns.begin(), k_columns.end(), column) == k_columns.end()) {
        column = "role";
      }
      form.field_errors.emplace(std::pair{row, column}, text);
      form.errors.push_back(ccteam::render(msg(MsgId::web_pay_bands_row, row + 1), lang) + ", " +
                            tr(column_label(column), lang) + ": " + text);
    } else {
      form.errors.push_back(text);
    }
  }
}

render::Context band_row(const PayBandForm& form, std::size_t row,
                         const std::map<std::string, std::string>& typed,
                         const catalog::Catalog* catalog, Lang lang) {
  auto value = [&typed](std::string_view column) {
    auto it = typed.find(std::string(column));
    return it == typed.end() ? std::string() : it->second;
  };
  std::string row_label = ccteam::render(msg(MsgId::web_pay_bands_row, row + 1), lang);
  render::Context out;
  std::vector<render::Context> cells;
  for (std::string_view column : k_columns) {
    render::Context cell;
    std::string name = fmt::format("{}.{}", column, row);
    std::string id = fmt::format("band-{}-{}", row, column);
    cell.text("name", name)
        .text("id", id)
        .text("label", row_label + ": " + tr(column_label(column), lang))
        .text("column", tr(column_label(column), lang))
        .text("value", value(column))
        .flag("is_role", column == "role")
        .flag("is_period", column == "period")
        .flag("is_code", column == "country" || column == "currency")
        .text("maxlength", column == "country" ? "2" : "3")
        .flag("is_amount", column == "min" || column == "max")
        .flag("is_check", column == "open_ended")
        .flag("checked", value(column) == "on" || value(column) == "true");
    if (auto it = form.field_errors.find(std::pair{row, std::string(column)});
        it != form.field_errors.end()) {
      cell.text("error", it->second).text("error_id", id + "-error");
    }
    std::vector<render::Context> options;
    if (column == "role") {
      std::string chosen = value(column);
      render::Context none;
      none.text("value", "").text("title", tr(MsgId::web_pay_bands_none_role, lang));
      none.flag("selected", chosen.empty());
      options.push_back(std::move(none));
      bool found = chosen.empty();
      if (catalog != nullptr) {
        for (const catalog::Role* role : catalog->by_rank()) {
          render::Context option;
          option.text("value", role->id.str())
              .text("title", role->title.get(lang))
              .flag("selected", role->id.str() == chosen);
          found = found || role->id.str() == chosen;
          options.push_back(std::move(option));
        }
      }
      if (!found) {  // a role the catalog no longer has: kept, and its error says so
        render::Context option;
        option.text("value", chosen).text("title", chosen).flag("selected", true);
        options.push_back(std::move(option));
      }
    }
    if (column == "period") {
      std::string chosen = value(column).empty() ? "month" : value(column);
      for (std::string_view period : {"hour", "month", "year"}) {
        render::Context option;
        option.text("value", std::string(period))
            .text("title", tr(period_label(period), lang))
            .flag("selected", period == chosen);
        options.push_back(std::move(option));
      }
    }
    cell.list("options", std::move(options));
    cells.push_back(std::move(cell));
  }
  out.text("row_label", row_label).list("cells", std::move(cells));
  return out;
}

Response error_page(RouteContext& context, const Caller& caller, const Error& error) {
  return server::error_page(context, caller, error, "/pay-bands");
}

Response pay_bands_page(RouteContext& context, const Caller& caller, PayBandForm form, int status) {
  Lang lang = caller.lang;
  auto stored = app::find_pay_bands(context.repository, context.organisation);
  if (!stored) return error_page(context, caller, stored.error());
  auto snapshot = context.catalogs.current();
  const catalog::Catalog* catalog = snapshot ? &(*snapshot)->catalog() : nullptr;
  const bool can_write = caller.principal->can(Permission::write_pay_bands);
  std::string title = tr(MsgId::web_pay_bands_title, lang);
  render::Context page =
      pages::shell_context(title, lang, page_info(context, "/pay-bands", caller));

  // What is stored, for everyone.
  std::vector<render::Context> bands;
  for (const catalog::PayBand& band : stored->bands) {
    const catalog::Role* role = catalog ? catalog->find(band.role.id) : nullptr;
    render::Context row;
    row.text("role", role ? role->title.get(lang) : band.role.id.str())
        .text("country", band.country)
        .text("currency", std::string(band.range.min.currency.code()))
        .text("period", tr(period_label(to_string(band.range.period)), lang))
        .text("min", format_money(band.range.min, lang))
        .text("max", band.range.max ? format_money(*band.range.max, lang) : "–")
        .text("open_ended", band.range.open_ended ? tr(MsgId::word_yes, lang) : "–");
    bands.push_back(std::move(row));
  }
  // The form's rows: as typed when it came back, else the stored bands and blank rows.
  if (form.rows.empty()) {
    std::size_t row = 0;
    for (const app::PayBandInput& input : app::pay_band_inputs(stored->bands, lang)) {
      form.rows[row++] = {{"role", input.role},
                          {"country", input.country},
                          {"currency", input.currency},
                          {"period", input.period},
                          {"min", input.min},
                          {"max", input.max},
                          {"open_ended", input.open_ended ? "on" : ""}};
    }
    for (std::size_t i = 0; i < k_blank_rows; ++i) form.rows[row++] = {};
  }
  std::vector<render::Context> rows;
  for (const auto& [row, typed] : form.rows) {
    rows.push_back(band_row(form, row, typed, catalog, lang));
  }
  std::vector<render::Context> columns;
  for (std::string_view column : k_columns) {
    render::Context item;
    item.text("title", tr(column_label(column), lang));
    columns.push_back(std::move(item));
  }
  std::vector<render::Context> errors;
  for (const std::string& e : form.errors) {
    render::Context item;
    item.text(".", e);
    errors.push_back(std::move(item));
  }
  std::vector<render::Context> notices;
  if (!form.notice.empty()) {
    render::Context notice;
    notice.text("text", form.notice);
    notices.push_back(std::move(notice));
  }
  for (std::string_view column : k_columns) {
    page.text("col_" + std::string(column), tr(column_label(column), lang));
  }
  page.text("heading", title)
      .flag("has_errors", !form.errors.empty())
      .text("errors_heading", tr(MsgId::web_form_errors, lang))
      .list("errors", std::move(errors))
      .list("notices", std::move(notices))
      .text("intro", tr(MsgId::web_pay_bands_intro, lang))
      .text("meta", stored->version > 0
                        ? ccteam::render(msg(MsgId::web_pay_bands_meta, stored->version,
                                             display_time(stored->updated_at, lang)),
                                         lang)
                        : std::string())
      .flag("has_bands", !bands.empty())
      .list("bands", std::move(bands))
      .text("empty", tr(MsgId::web_pay_bands_empty, lang))
      .list("columns", std::move(columns))
      .flag("can_write", can_write)
      .text("read_only", tr(MsgId::web_pay_bands_read_only, lang))
      .text("action", lang_path(lang, "/pay-bands"))
      .text("csrf", caller.principal->csrf_token)
      .text("version", fmt::format("{}", form.version.value_or(stored->version)))
      .list("rows", std::move(rows))
      .text("blank_hint", tr(MsgId::web_pay_bands_blank_hint, lang))
      .text("save", tr(MsgId::web_pay_bands_save, lang))
      .text("import_heading", tr(MsgId::web_pay_bands_import, lang))
      .text("import_hint", tr(MsgId::web_pay_bands_import_hint, lang))
      .text("import_label", tr(MsgId::web_pay_bands_import_field, lang))
      .text("file_label", tr(MsgId::web_pay_bands_import_file, lang))
      .text("yaml", form.yaml)
      .text("import", tr(MsgId::web_pay_bands_import_button, lang))
      .text("export_href", "/api/v1/pay-bands.yaml")
      .text("export", tr(MsgId::web_pay_bands_export, lang));
  if (!form.yaml_error.empty()) page.text("yaml_error", form.yaml_error);
  return page_response(context.pages.workspace_page("pay_bands", page), status);
}

Response post_pay_bands(RouteContext& context, const Request& request, const Caller& caller) {
  Lang lang = caller.lang;
  auto fields = form_body(request);
  if (!fields) return error_page(context, caller, fields.error());
  std::string version_text = form_value(*fields, "version");
  auto version = whole_number(version_text, 0);
  if (!version) {
    return error_page(
        context, caller,
        bad_query_parameter("version", version_text, msg(MsgId::hint_pay_bands_body)));
  }
  store::Actor actor = caller.principal->actor(request.request_id);
  PayBandForm form;
  form.version = *version;
  if (form_value(*fields, "action") == "import") {
    form.yaml = form_value(*fields, "yaml");
    auto saved = app::save_pay_bands(context.repository, context.organisation, "upload", form.yaml,
                                     *version, actor);
    if (saved) {
      return redirect(lang_path(lang, fmt::format("/pay-bands?saved={}", saved->version)));
    }
    for (const Error& e : saved.error()) form.errors.push_back(error_text(e, lang));
    form.yaml_error = form.errors.front();
    return pay_bands_page(context, caller, std::move(form), status_of(saved.error().front()));
  }
  std::vector<std::pair<std::string, std::string>> values;
  for (const QueryParam& p : *fields) {
    auto dot = p.name.rfind('.');
    if (dot == std::string::npos) continue;
    std::size_t row = 0;
    auto [end, ec] = std::from_chars(p.name.data() + dot + 1, p.name.data() + p.name.size(), row);
    if (ec != std::errc{} || end != p.name.data() + p.name.size() || row >= k_max_form_rows) {
      continue;
    }
    form.rows[row][p.name.substr(0, dot)] = p.value;
    values.emplace_back(p.name, p.value);
  }
  std::vector<app::PayBandInput> inputs = app::pay_bands_from_form(values, lang);
  std::vector<std::size_t> rows;
  for (const app::PayBandInput& input : inputs) rows.push_back(input.row);
  auto saved = app::save_pay_bands(context.repository, context.organisation, "form",
                                   app::pay_bands_yaml(inputs), *version, actor);
  if (saved) return redirect(lang_path(lang, fmt::format("/pay-bands?saved={}", saved->version)));
  // Positions in the YAML made from the form mean nothing to its user: the row and field do.
  add_errors(form, without_positions(saved.error()), rows, lang);
  return pay_bands_page(context, caller, std::move(form), status_of(saved.error().front()));
}

Response not_found(RouteContext& context, const Request& request, const Caller& caller) {
  return page_not_found(context, request, caller, "/pay-bands");
}

}  // namespace

void add_pay_bands(Router& router, RouteContext& context) {
  router.add({"GET", "/api/v1/pay-bands", Access::to(Permission::read_pay_bands), 0,
              [&context](const Request& request, const PathParams&, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return problem(query.error(), caller.lang, request);
                }
                auto bands = app::find_pay_bands(context.repository, context.organisation);
                if (!bands) return problem(bands.error(), caller.lang, request);
                return json_response(state_json(*bands));
              }});

  router.add(
      {"PUT", "/api/v1/pay-bands", Access::to(Permission::write_pay_bands), k_pay_bands_body_limit,
       [&context](const Request& request, const PathParams&, const Caller& caller) {
         auto query = read_query(request, {"version"});
         if (!query) return problem(query.error(), caller.lang, request);
         store::Actor actor = caller.principal->actor(request.request_id);
         const std::string* type = request.header("content-type");
         if (type != nullptr && is_yaml_content_type(*type)) {
           std::optional<std::int64_t> version;
           for (const QueryParam& p : *query) {
             version = whole_number(p.value, 0);
             if (!version) {
               return problem(
                   bad_query_parameter("version", p.value, msg(MsgId::hint_pay_bands_body)),
                   caller.lang, request);
             }
           }
           if (!version) {
             Error e = Error::usage(msg(MsgId::term_required), msg(MsgId::hint_pay_bands_body));
             e.where.json_pointer = "/query/version";
             return problem(e, caller.lang, request);
           }
           auto saved = app::save_pay_bands(context.repository, context.organisation, "upload",
                                            request.body, *version, actor);
           if (!saved) {
             return problem(status_of(saved.error().front()), saved.error(), caller.lang, request);
           }
           return json_response(state_json(*saved));
         }
         if (!query->empty()) {
           return problem(bad_query_parameter("version", query->front().value,
                                              msg(MsgId::hint_pay_bands_body)),
                          caller.lang, request);
         }
         auto body = json_body(request);
         if (!body) {
           Error e = Error::usage(msg(MsgId::pay_bands_body), msg(MsgId::hint_pay_bands_body));
           return problem(body.error().kind == ErrorKind::usage ? e : body.error(), caller.lang,
                          request);
         }
         auto read = app::pay_bands_from_json(*body);
         if (!read) {
           return problem(status_of(read.error().front()), read.error(), caller.lang, request);
         }
         auto saved = app::save_pay_bands(context.repository, context.organisation, "api",
                                          app::pay_bands_yaml(read->second), read->first, actor);
         if (!saved) {
           return problem(status_of(saved.error().front()), without_positions(saved.error()),
                          caller.lang, request);
         }
         return json_response(state_json(*saved));
       }});

  router.add({"GET", "/api/v1/pay-bands.yaml", Access::to(Permission::read_pay_bands), 0,
              [&context](const Request& request, const PathParams&, const Caller& caller) {
                if (auto query = read_query(request, {}); !query) {
                  return problem(query.error(), caller.lang, request);
                }
                auto bands = app::find_pay_bands(context.repository, context.organisation);
                if (!bands) return problem(bands.error(), caller.lang, request);
                Response response;
                response.body = bands->version > 0 ? bands->yaml : app::pay_bands_yaml({});
                response.set("Content-Type", "application/yaml; charset=utf-8");
                response.set(
                    "Content-Disposition",
                    fmt::format("attachment; filename=\"pay-bands-v{}.yaml\"", bands->version));
                return response;
              }});

  router.add({"GET", "/{lang}/pay-bands", Access::to(Permission::read_pay_bands), 0,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                PayBandForm form;
                if (auto query = parse_query(request.query); query) {
                  for (const QueryParam& p : *query) {
                    auto saved = whole_number(p.value, 0);
                    if (p.name == "saved" && saved) {
                      form.notice =
                          ccteam::render(msg(MsgId::web_pay_bands_saved, *saved), caller.lang);
                    }
                  }
                }
                return pay_bands_page(context, caller, std::move(form), 200);
              }});
  router.add({"POST", "/{lang}/pay-bands", Access::to(Permission::write_pay_bands),
              k_pay_bands_body_limit,
              [&context](const Request& request, const PathParams& params, const Caller& caller) {
                if (!url_lang(params["lang"])) return not_found(context, request, caller);
                return post_pay_bands(context, request, caller);
              }});
}

}  // namespace ccteam::server
