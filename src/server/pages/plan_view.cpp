#include "server/pages/plan_view.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <set>

#include <fmt/format.h>

#include "app/staffing/plan_fields.hpp"
#include "ccteam/core/iso_codes.hpp"
#include "ccteam/core/messages.hpp"
#include "ccteam/core/money.hpp"
#include "io/base/json_members.hpp"
#include "io/base/number_text.hpp"
#include "io/staffing/forecast_csv.hpp"
#include "io/staffing/plan_chart.hpp"
#include "io/staffing/plan_json.hpp"

namespace ccteam::server::pages {

namespace {

using json = nlohmann::json;

MsgId section_title(app::PlanSection section) {
  switch (section) {
    case app::PlanSection::forecast:
      return MsgId::web_plan_sec_forecast;
    case app::PlanSection::targets:
      return MsgId::web_plan_sec_targets;
    case app::PlanSection::fte:
      return MsgId::web_plan_sec_fte;
    case app::PlanSection::team:
      return MsgId::web_plan_sec_team;
    case app::PlanSection::cost:
      break;
  }
  return MsgId::web_plan_sec_cost;
}

// "forecast-profile-calls_per_day" for "/forecast/profile/calls_per_day": an element id.
std::string field_id(std::string_view pointer) {
  std::string id;
  for (char c : pointer.substr(1)) id += c == '/' ? '-' : c;
  return id;
}

double number_or(const json& node, const char* key, double otherwise) {
  return io::json_number(node, key).value_or(otherwise);
}

using io::json_array;
using io::json_text;

// A start as the plan's JSON writes it, for people (io::interval_start_text).
std::string start_text(const std::string& start, bool several_days, Lang lang) {
  std::optional<staffing::LocalTime> t = io::parse_local_time(start);
  return t ? io::interval_start_text(*t, several_days, lang) : start;
}

std::string percent_or_dash(const json& node, const char* key, Lang lang) {
  auto it = node.find(key);
  if (it == node.end() || !it->is_number()) return "–";
  return io::percent_text(it->get<double>(), lang);
}

// An amount in major units of 'currency' for people ("12.345 €"); "–" when it does not read.
std::string money_text(const json& amount, const std::string& currency, Lang lang,
                       MinorUnits minor = MinorUnits::when_not_zero) {
  if (!amount.is_number()) return "–";
  auto code = Currency::parse(currency);
  if (!code) return "–";
  double scale = std::pow(10.0, code->minor_digits());
  return format_money(Money{std::llround(amount.get<double>() * scale), *code}, lang, minor);
}

std::string role_title(const std::string& id, const catalog::Catalog* catalog, Lang lang) {
  return catalog != nullptr ? catalog->title_of(RoleId(id), lang) : id;
}

std::string field_label(std::string_view pointer, Lang lang) {
  const app::PlanField* field = app::find_plan_field(pointer);
  return field != nullptr ? tr(field->label, lang) : std::string(pointer);
}

// A note of the plan (staffing::k_plan_note_ids) in the words of the form: its fields where the
// command line names its options.
Message web_plan_note(Message note, Lang lang) {
  std::vector<MessageArg>& args = note.args;
  if ((note.id == MsgId::plan_note_days_per_week || note.id == MsgId::plan_note_one_day_per_week) &&
      args.size() == 2) {
    note.id = args[0] == "1" ? MsgId::web_plan_note_one_day : MsgId::web_plan_note_days;
    args.emplace_back(field_label("/options/days_per_week", lang));
  } else if (note.id == MsgId::plan_warn_leads_over_span && args.size() == 4) {
    note.id = MsgId::web_plan_leads_over_span;
    args.emplace_back(field_label("/options/escalation/mode", lang));
    args.emplace_back(field_label("/options/escalation/deadline", lang));
  }
  return note;
}

// "0.21" or "0,21" (a factor as a plan's notes write it in either language) as "21 %".
std::string factor_percent_text(const std::string& factor, Lang lang) {
  std::string plain = factor;
  std::ranges::replace(plain, ',', '.');
  double value = 0;
  auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (ec != std::errc{} || end != plain.data() + plain.size()) return factor;
  return io::short_decimal_text(value * 100, 2, lang) + " %";
}

// A note of a level's cost (staffing::k_cost_note_ids) for the page: the role's title and the
// reference's country in the page's language (the stored arguments are in the plan's), what
// an admin can do instead of a catalog file to edit, the form's field instead of an option.
Message web_cost_note(Message note, const std::string& title, const catalog::Role* role,
                      Lang lang) {
  std::vector<MessageArg>& args = note.args;
  if (args.empty()) return note;
  args[0] = MessageArg(title);
  switch (note.id) {
    case MsgId::staffing_no_band:
      note.id = MsgId::web_plan_no_band_admin;
      break;
    case MsgId::staffing_no_band_market_available:
      note.id = MsgId::web_plan_no_band;
      break;
    case MsgId::staffing_band_open_ended:
      note.id = MsgId::web_plan_open_band;
      break;
    case MsgId::staffing_market_reference_open_ended:
      note.id = MsgId::web_plan_open_market_reference;
      break;
    case MsgId::staffing_market_reference_used:
      if (args.size() != 5) break;
      note.id = MsgId::web_plan_market_reference_used;
      if (role != nullptr && role->market_reference) {
        args[1] = MessageArg(role->market_reference->source.get(lang));
        args[2] = MessageArg(country_name(role->market_reference->country, lang));
      }
      args[4] = MessageArg(factor_percent_text(args[4].in(lang), lang));
      args.emplace_back(field_label("/costing/on_cost_factor", lang));
      break;
    default:
      break;
  }
  return note;
}

MsgId sl_definition_words(const std::string& name) {
  if (name == "over_answered") return MsgId::plan_sl_over_answered;
  if (name == "over_offered_minus_short_abandons") return MsgId::plan_sl_over_offered_minus_short;
  return MsgId::plan_sl_over_offered;
}

MsgId asa_definition_words(const std::string& name) {
  return name == "over_all_callers" ? MsgId::plan_asa_over_all_callers
                                    : MsgId::plan_asa_over_answered;
}

// The budget of a level: "low – high" in the band's currency, "*" for a market reference.
std::string budget_text(const json& cost, Lang lang) {
  if (!cost.is_object() || !cost.value("annual_low", json()).is_number()) return "–";
  std::string currency = json_text(cost, "currency");
  std::string text = money_text(cost["annual_low"], currency, lang);
  if (cost.value("annual_high", json()).is_number()) {
    text += " – " + money_text(cost["annual_high"], currency, lang);
  }
  if (cost.value("market_reference", false)) text += " *";
  return text;
}

bool several_days(const json& plan) {
  return number_or(plan.value("assumptions", json::object()), "forecast_days", 1) > 1;
}

render::Context column(MsgId title, Lang lang) {
  render::Context c;
  c.text("title", tr(title, lang));
  return c;
}

}  // namespace

render::Context plan_form_values(const app::PlanRequest& request,
                                 const std::map<std::string, std::string>& values,
                                 const std::map<std::string, std::string>& errors, Lang lang) {
  std::vector<render::Context> sections;
  std::optional<app::PlanSection> current;
  std::vector<render::Context> fields;
  auto close_section = [&]() {
    if (!current) return;
    render::Context section;
    section.text("heading", tr(section_title(*current), lang))
        .text("id", "plan-section-" + std::to_string(static_cast<int>(*current)))
        .list("fields", std::move(fields));
    sections.push_back(std::move(section));
    fields.clear();
  };
  for (const app::PlanField& field : app::plan_fields()) {
    if (!current || *current != field.section) {
      close_section();
      current = field.section;
    }
    std::string pointer(field.pointer);
    auto typed = values.find(pointer);
    std::string value = typed != values.end()
                            ? typed->second
                            : app::field_value(request, field, app::ValueStyle::form, lang);
    render::Context f;
    f.text("id", field_id(field.pointer))
        .text("name", pointer)
        .text("label", tr(field.label, lang))
        .text("value", value);
    if (auto error = errors.find(pointer); error != errors.end()) {
      f.text("error", error->second).text("error_id", field_id(field.pointer) + "-error");
    }
    switch (field.kind) {
      case app::FieldKind::choice: {
        std::vector<render::Context> options;
        for (const app::FieldChoice& choice : field.choices) {
          render::Context o;
          o.text("value", std::string(choice.value))
              .text("title", choice.title ? tr(*choice.title, lang) : std::string(choice.value))
              .flag("selected", choice.value == value);
          options.push_back(std::move(o));
        }
        f.flag("is_select", true).list("options", std::move(options));
        break;
      }
      case app::FieldKind::flag:
        f.flag("is_checkbox", true).flag("checked", !value.empty());
        break;
      case app::FieldKind::csv:
        f.flag("is_textarea", true);
        break;
      case app::FieldKind::number:
      case app::FieldKind::integer:
      case app::FieldKind::share:
        f.flag("is_number", true);
        break;
      case app::FieldKind::text:
        f.flag(field.pointer == "/forecast/profile/day" ? "is_date" : "is_text", true);
        break;
    }
    fields.push_back(std::move(f));
  }
  close_section();
  render::Context out;
  out.list("sections", std::move(sections));
  return out;
}

std::vector<std::string> plan_interval_labels(const json& plan, Lang lang) {
  const bool days = several_days(plan);
  std::vector<std::string> out;
  for (const json& interval : json_array(plan, "intervals")) {
    out.push_back(start_text(json_text(interval, "start"), days, lang));
  }
  return out;
}

std::vector<std::string> plan_note_texts(const json& plan, const std::string& country,
                                         const catalog::Catalog* catalog, Lang lang) {
  std::vector<Message> notes;
  // The plan's own notes (how a short forecast repeats, too many team leads for live
  // escalations), from their code and arguments.
  for (const json& note : json_array(plan, "notes")) {
    if (std::optional<Message> m = io::plan_note_of(note)) {
      notes.push_back(web_plan_note(std::move(*m), lang));
    }
  }
  std::vector<Message> cost_notes;
  for (const json& level : json_array(plan, "levels")) {
    const std::string title = role_title(json_text(level, "role"), catalog, lang);
    const json& cost = io::json_member(level, "cost");
    // The cost's notes from their codes; a plan saved before they had codes (its notes are
    // texts in the words of the command line) gets the notes the figures imply.
    const catalog::Role* role =
        catalog != nullptr ? catalog->find(RoleId(json_text(level, "role"))) : nullptr;
    bool coded = false;
    for (const json& stored : json_array(cost, "notes")) {
      if (std::optional<Message> m = io::cost_note_of(stored)) {
        cost_notes.push_back(web_cost_note(std::move(*m), title, role, lang));
        coded = true;
      }
    }
    if (coded) continue;
    if (!(cost.is_object() && cost.value("annual_low", json()).is_number())) {
      cost_notes.push_back(msg(MsgId::web_plan_no_band, title, country));
    } else if (!cost.value("annual_high", json()).is_number()) {
      cost_notes.push_back(msg(MsgId::web_plan_open_band, title));
    }
  }
  // A note that several levels share (the same text but for the role's title) is said once,
  // naming the levels: "Agent, Team lead: costed from the market reference ...".
  std::vector<Message> merged;
  for (Message& note : cost_notes) {
    auto same = std::ranges::find_if(merged, [&note](const Message& m) {
      return m.id == note.id && m.args.size() == note.args.size() && !m.args.empty() &&
             std::equal(m.args.begin() + 1, m.args.end(), note.args.begin() + 1,
                        [](const MessageArg& a, const MessageArg& b) {
                          return a.id == b.id && a.text == b.text && a.localized == b.localized;
                        });
    });
    if (same == merged.end()) {
      merged.push_back(std::move(note));
    } else {
      same->args.front() = MessageArg(same->args.front().text + ", " + note.args.front().text);
    }
  }
  std::vector<std::string> out;
  for (const Message& m : notes) out.push_back(ccteam::render(m, lang));
  for (const Message& m : merged) out.push_back(ccteam::render(m, lang));
  return out;
}

render::Context plan_result_values(const json& plan, const std::string& country,
                                   const catalog::Catalog* catalog, Lang lang) {
  const bool days = several_days(plan);
  const bool given = json_text(plan, "staffing") == "given";
  // Erlang C has no abandonment (callers wait for ever): "–", not 0 %.
  const bool erlang_a = json_text(plan, "model") == "erlang_a";
  render::Context out;
  // The chart and the table per interval.
  std::vector<io::PlanChartPoint> points;
  std::vector<render::Context> intervals;
  for (const json& i : json_array(plan, "intervals")) {
    std::string start = json_text(i, "start");
    double agents = number_or(i, "agents", 0);
    // Without calls there is no service level, wait or abandonment: "–" and a gap in the
    // chart's line, not the 100 % and 0 s the formulas give.
    const bool calls = number_or(i, "calls_offered", 0) > 0;
    points.push_back(
        {start, agents, calls ? number_or(i, "service_level", std::nan("")) : std::nan("")});
    render::Context row;
    auto asa = i.find("asa_seconds");
    const std::string dash = "–";
    row.text("start", start_text(start, days, lang))
        .text("calls", io::short_decimal_text(number_or(i, "calls_offered", 0), 1, lang,
                                              io::Grouping::thousands))
        .text("aht", io::short_decimal_text(number_or(i, "aht_seconds", 0), 1, lang,
                                            io::Grouping::thousands))
        .text("erlangs",
              io::decimal_text(number_or(i, "load_erlangs", 0), 2, lang, io::Grouping::thousands))
        .text("agents", fmt::format("{}", agents))
        .text("sl", calls ? percent_or_dash(i, "service_level", lang) : dash)
        .text("asa", !calls ? dash
                     : asa != i.end() && asa->is_number()
                         ? io::decimal_text(asa->get<double>(), 1, lang)
                         : tr(MsgId::plan_unstable, lang))
        .text("occupancy", percent_or_dash(i, "occupancy", lang))
        .text("abandon", calls && erlang_a ? percent_or_dash(i, "abandonment", lang) : dash)
        .text("leads", fmt::format("{}", number_or(i, "team_leads_on_duty", 0)))
        .text("managers", fmt::format("{}", number_or(i, "managers_on_duty", 0)));
    if (given) {
      auto meets = i.find("meets_targets");
      row.text("meets", meets != i.end() && meets->is_boolean()
                            ? tr(meets->get<bool>() ? MsgId::word_yes : MsgId::word_no, lang)
                            : std::string("–"));
    }
    intervals.push_back(std::move(row));
  }
  out.text("chart",
           io::plan_chart_svg(points, days, lang,
                              given ? staffing::Staffing::given : staffing::Staffing::required))
      .list("intervals", std::move(intervals));
  std::vector<render::Context> interval_columns;
  for (MsgId c :
       {MsgId::plan_col_start, MsgId::plan_col_calls, MsgId::plan_col_aht, MsgId::plan_col_erlangs,
        given ? MsgId::plan_col_agents_given : MsgId::plan_col_agents, MsgId::plan_col_sl,
        MsgId::plan_col_asa, MsgId::plan_col_occupancy, MsgId::plan_col_abandon,
        MsgId::plan_col_leads, MsgId::plan_col_managers}) {
    interval_columns.push_back(column(c, lang));
  }
  if (given) interval_columns.push_back(column(MsgId::plan_col_meets, lang));
  out.list("interval_columns", std::move(interval_columns)).flag("given", given);
  // Given agents: what they achieve over the whole forecast (as `ccteam plan --agents` says).
  std::vector<render::Context> given_lines;
  if (auto totals = plan.find("totals"); given && totals != plan.end() && totals->is_object()) {
    auto line = [](std::string text) {
      render::Context c;
      c.text(".", std::move(text));
      return c;
    };
    auto asa = totals->find("asa_seconds");
    given_lines.push_back(line(ccteam::render(
        msg(MsgId::plan_given_totals, percent_or_dash(*totals, "service_level", lang),
            asa != totals->end() && asa->is_number()
                ? io::decimal_text(asa->get<double>(), 1, lang) + " s"
                : std::string("–"),
            percent_or_dash(*totals, "occupancy", lang),
            erlang_a ? percent_or_dash(*totals, "abandonment", lang) : std::string("–")),
        lang)));
    auto count = [&](const char* key) { return fmt::format("{:g}", number_or(*totals, key, 0)); };
    bool met = totals->value("meets_targets", false);
    given_lines.push_back(
        line(ccteam::render(msg(met ? MsgId::plan_given_met : MsgId::plan_given_missed,
                                count("meeting_intervals"), count("open_intervals")),
                            lang)));
    if (number_or(*totals, "unstable_intervals", 0) > 0) {
      given_lines.push_back(
          line(ccteam::render(msg(MsgId::plan_given_unstable, count("unstable_intervals")), lang)));
    }
    given_lines.push_back(line(tr(MsgId::plan_given_note, lang)));
  }
  out.flag("has_given_lines", !given_lines.empty()).list("given_lines", std::move(given_lines));

  // Headcount, FTE and budget per level, with what the budget rests on.
  std::vector<render::Context> levels;
  for (const json& level : json_array(plan, "levels")) {
    std::string title = role_title(json_text(level, "role"), catalog, lang);
    json cost = level.value("cost", json());
    render::Context row;
    row.text("role", title)
        .text("weekly_hours", io::decimal_text(number_or(level, "weekly_hours", 0), 1, lang,
                                               io::Grouping::thousands))
        .text("fte", io::decimal_text(number_or(level, "fte", 0), 2, lang, io::Grouping::thousands))
        .text("headcount", io::short_decimal_text(number_or(level, "headcount", 0), 0, lang,
                                                  io::Grouping::thousands))
        .text("basis", io::basis_text(json_text(level, "basis"), lang))
        .text("budget", budget_text(cost, lang));
    levels.push_back(std::move(row));
  }
  std::vector<render::Context> notes;
  std::vector<std::string> texts = plan_note_texts(plan, country, catalog, lang);
  // What the budget column's "*" stands for.
  const bool market = std::ranges::any_of(json_array(plan, "levels"), [](const json& level) {
    const json& cost = io::json_member(level, "cost");
    return cost.is_object() && cost.value("market_reference", false);
  });
  if (market) texts.push_back(tr(MsgId::web_plan_market_note, lang));
  for (std::string& text : texts) {
    render::Context note;
    note.text(".", std::move(text));
    notes.push_back(std::move(note));
  }
  std::vector<render::Context> level_columns;
  for (MsgId c : {MsgId::plan_col_role, MsgId::plan_col_weekly_hours, MsgId::plan_col_fte,
                  MsgId::plan_col_headcount, MsgId::plan_col_basis, MsgId::web_plan_col_budget}) {
    level_columns.push_back(column(c, lang));
  }
  // The cells' labels when the table is shown as one card per level (phones).
  out.text("label_weekly_hours", tr(MsgId::plan_col_weekly_hours, lang))
      .text("label_fte", tr(MsgId::plan_col_fte, lang))
      .text("label_headcount", tr(MsgId::plan_col_headcount, lang))
      .text("label_basis", tr(MsgId::plan_col_basis, lang))
      .text("label_budget", tr(MsgId::web_plan_col_budget, lang));
  out.list("levels", std::move(levels))
      .list("level_columns", std::move(level_columns))
      .flag("has_notes", !notes.empty())
      .list("level_notes", std::move(notes));

  const json definitions = plan.value("definitions", json::object());
  out.text("definitions",
           ccteam::render(msg(MsgId::plan_definitions,
                              json_text(plan, "model") == "erlang_a" ? "Erlang A" : "Erlang C",
                              sl_definition_words(json_text(definitions, "service_level")),
                              asa_definition_words(json_text(definitions, "asa"))),
                          lang));

  // The cost view, when the plan has one.
  auto view = plan.find("cost_view");
  const bool has_view = view != plan.end() && view->is_object();
  out.flag("has_cost_view", has_view);
  if (has_view) {
    std::string currency = json_text(*view, "currency");
    std::vector<render::Context> rows;
    for (const json& i : json_array(*view, "intervals")) {
      json at_plan = i.value("at_plan", json::object());
      json cheapest = i.value("cheapest", json::object());
      render::Context row;
      row.text("start", start_text(json_text(i, "start"), days, lang))
          .text("agents", fmt::format("{}", number_or(at_plan, "agents", 0)))
          .text("cost",
                money_text(at_plan.value("total", json()), currency, lang, MinorUnits::always))
          .text("cheapest_agents", fmt::format("{}", number_or(cheapest, "agents", 0)))
          .text("cheapest_cost",
                money_text(cheapest.value("total", json()), currency, lang, MinorUnits::always))
          .text("cheapest_sl", percent_or_dash(cheapest, "service_level", lang));
      // A cheapest count that misses the targets is marked (strong), and its service level has
      // two decimals: 79.96 % would show as 80.0 % beside a note that it misses 80 %.
      if (i.value("cheapest_meets_targets", true) == false) {
        const double sl = number_or(cheapest, "service_level", 0);
        row.flag("cheapest_missed", true)
            .text("cheapest_sl", io::decimal_text(sl * 100, 2, lang) + " %");
      }
      rows.push_back(std::move(row));
    }
    std::vector<render::Context> view_columns;
    for (MsgId c : {MsgId::plan_col_start, MsgId::plan_col_agents, MsgId::plan_col_cost_at_plan,
                    MsgId::plan_col_agents_cheapest, MsgId::plan_col_cost_cheapest,
                    MsgId::plan_col_sl_cheapest}) {
      view_columns.push_back(column(c, lang));
    }
    out.list("cost_view", std::move(rows)).list("cost_view_columns", std::move(view_columns));
    // Where the cheapest number misses the targets it saves agents by losing callers: say so
    // (as `ccteam plan --cost-view` does).
    const double missing = number_or(*view, "cheapest_missing_targets", 0);
    if (missing > 0) {
      const auto open = std::ranges::count_if(json_array(plan, "intervals"), [](const json& i) {
        return number_or(i, "calls_offered", 0) > 0;
      });
      out.text(
          "cost_view_note",
          ccteam::render(msg(MsgId::web_plan_cost_cheapest_below_target,
                             fmt::format("{:g}", missing), fmt::format("{}", open),
                             money_text(view->value("abandoned_call", json()), currency, lang)),
                         lang));
    }
  }
  out.text("result_heading", tr(MsgId::web_plan_result, lang))
      .text("levels_heading", tr(MsgId::web_plan_levels, lang))
      .text("intervals_heading", tr(MsgId::web_plan_intervals, lang))
      .text("cost_view_heading",
            tr(given ? MsgId::web_plan_cost_view_given : MsgId::web_plan_cost_view, lang));
  return out;
}

render::Context plan_compare_values(const std::vector<ComparedPlan>& plans,
                                    const catalog::Catalog* catalog, Lang lang) {
  render::Context out;
  std::vector<render::Context> heads;
  for (const ComparedPlan& p : plans) {
    render::Context h;
    h.text("name", p.name).text("href", p.href);
    heads.push_back(std::move(h));
  }
  out.list("plans", std::move(heads));
  if (plans.empty()) return out;
  // A figure of each plan as 'text' writes it, and its difference to the first plan's (when
  // both are in the same unit: a budget in another currency gets none).
  struct Figure {
    double value;
    std::string unit;  // a budget's currency; empty for counts
  };
  using Text = std::function<std::string(double, const std::string&)>;
  auto cells = [&plans](const auto& value_of, const Text& text_of) {
    std::vector<render::Context> out_cells;
    std::optional<Figure> first;
    for (std::size_t k = 0; k < plans.size(); ++k) {
      std::optional<Figure> v = value_of(plans[k].result);
      std::string text = v ? text_of(v->value, v->unit) : "–";
      if (k == 0) first = v;
      if (k > 0 && v && first && v->unit == first->unit) {
        // The difference of the figures as shown (two decimals at most), so that it is the
        // difference a reader works out from the cells: 2.84 - 2.00 is +0.84, not +0.83.
        auto shown = [](double x) { return std::round(x * 100) / 100; };
        double d = shown(v->value) - shown(first->value);
        if (std::abs(d) < 0.005) d = 0;
        std::string diff = text_of(std::abs(d), v->unit);
        text += d > 0 ? " (+" + diff + ")" : d < 0 ? " (−" + diff + ")" : " (±0)";
      }
      render::Context c;
      c.text("text", text);
      out_cells.push_back(std::move(c));
    }
    return out_cells;
  };
  const Text count = [lang](double v, const std::string&) {
    return io::short_decimal_text(v, 0, lang, io::Grouping::thousands);
  };
  const Text fte = [lang](double v, const std::string&) {
    return io::decimal_text(v, 2, lang, io::Grouping::thousands);
  };
  const Text money = [lang](double v, const std::string& currency) {
    return money_text(json(v), currency, lang);
  };
  // Levels in the first plan's order.
  std::vector<render::Context> level_rows;
  for (const json& level : json_array(plans.front().result, "levels")) {
    std::string role = json_text(level, "role");
    std::string title = role_title(role, catalog, lang);
    auto level_value = [role](const char* key) {
      return [role, key](const json& plan) -> std::optional<Figure> {
        for (const json& l : json_array(plan, "levels")) {
          if (json_text(l, "role") != role) continue;
          if (std::string_view(key) == "annual_low") {
            json cost = l.value("cost", json());
            if (cost.is_object() && cost.value("annual_low", json()).is_number()) {
              return Figure{cost["annual_low"].get<double>(), json_text(cost, "currency")};
            }
            return std::nullopt;
          }
          auto v = l.find(key);
          if (v != l.end() && v->is_number()) return Figure{v->get<double>(), ""};
        }
        return std::nullopt;
      };
    };
    struct Row {
      MsgId what;
      const char* key;
      const Text& text_of;
    };
    for (const Row& r :
         {Row{MsgId::plan_col_headcount, "headcount", count}, Row{MsgId::plan_col_fte, "fte", fte},
          Row{MsgId::web_plan_compare_budget, "annual_low", money}}) {
      render::Context row;
      row.text("title", title + ": " + tr(r.what, lang))
          .list("cells", cells(level_value(r.key), r.text_of));
      level_rows.push_back(std::move(row));
    }
  }
  out.list("level_rows", std::move(level_rows));
  // Agents per interval over the intervals of every plan, in time order, each with the service
  // level it gives ("–" without calls).
  std::vector<std::map<std::string, double>> agents(plans.size());
  std::vector<std::map<std::string, std::string>> service_levels(plans.size());
  std::set<std::string> starts;
  for (std::size_t k = 0; k < plans.size(); ++k) {
    for (const json& i : json_array(plans[k].result, "intervals")) {
      std::string start = json_text(i, "start");
      agents[k][start] = number_or(i, "agents", 0);
      service_levels[k][start] =
          tr(MsgId::plan_col_sl, lang) + " " +
          (number_or(i, "calls_offered", 0) > 0 ? percent_or_dash(i, "service_level", lang) : "–");
      starts.insert(std::move(start));
    }
  }
  bool days = false;
  for (const ComparedPlan& p : plans) days = days || several_days(p.result);
  std::vector<render::Context> interval_rows;
  for (const std::string& start : starts) {
    std::size_t k = 0;
    auto agents_at = [&](const json&) -> std::optional<Figure> {
      const auto& of_plan = agents[k++];
      auto found = of_plan.find(start);
      if (found == of_plan.end()) return std::nullopt;
      return Figure{found->second, ""};
    };
    std::vector<render::Context> row_cells = cells(agents_at, count);
    for (std::size_t p = 0; p < row_cells.size(); ++p) {
      auto sl = service_levels[p].find(start);
      if (sl != service_levels[p].end()) row_cells[p].text("sl", sl->second);
    }
    render::Context row;
    row.text("start", start_text(start, days, lang)).list("cells", std::move(row_cells));
    interval_rows.push_back(std::move(row));
  }
  out.list("interval_rows", std::move(interval_rows));
  return out;
}

}  // namespace ccteam::server::pages
