// ccteam plan [FORECAST.csv] --sl 80/20 ...: agents per interval, FTE, team leads, managers and
// their cost. Parses options, calls staffing::make_plan and cost_plan, renders the result.
#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "ccteam/staffing/cost_view.hpp"
#include "ccteam/staffing/plan.hpp"
#include "ccteam/staffing/profile.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "io/files.hpp"
#include "io/forecast_csv.hpp"
#include "io/plan_json.hpp"
#include "io/svg_chart.hpp"
#include "io/table.hpp"

namespace ccteam::cli {

namespace {

using namespace ccteam::staffing;

struct PlanArgs {
  std::vector<std::string> forecasts;  // paths or "-"; several are pooled; none: --calls/--hours
  std::string sl;                      // "80/20"
  std::optional<double> asa_seconds, max_abandon, max_occupancy, patience_seconds;
  std::string sl_definition = "offered";
  std::string asa_definition = "answered";
  double shrinkage = 0.30, hours_per_fte = 39, part_time_share = 0, part_time_fte = 0.5;
  int days_per_week = 5, span = 12, manager_span = 6;
  double escalation_share = 0, lead_phone_share = 0.5;
  std::optional<double> escalation_aht;
  std::string escalation_mode = "live";
  double escalation_deadline_hours = 4;
  double manager_escalation_share = 0, manager_phone_share = 0.25;
  std::optional<double> manager_escalation_aht;
  std::string manager_escalation_mode = "deferred";
  double manager_escalation_deadline_hours = 8;
  // Cost view: on when a waiting cost is given.
  std::optional<std::string> waiting_cost, abandon_cost, agent_hour_cost;
  std::string currency;
  std::optional<int> interval_minutes;
  std::string calls;  // "1200/day"
  std::string hours = "08:00-20:00";
  double aht_seconds = 180;
  std::string date = "2000-01-03";
  std::string country = "DE";
  double on_cost = 0.21;
  bool market_reference = false;
  std::string chart;  // SVG file; empty: none
};

std::optional<double> number(std::string_view s) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<std::chrono::minutes> clock_time(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  auto h = number(s.substr(0, 2)), m = number(s.substr(3, 2));
  if (!h || !m || *h < 0 || *h > 24 || *m < 0 || *m > 59) return std::nullopt;
  return std::chrono::minutes{static_cast<int>(*h) * 60 + static_cast<int>(*m)};
}

Error usage(std::string_view option, std::string_view value) {
  return Error{ErrorKind::usage, msg(MsgId::plan_bad_argument, option, value), {}, {}};
}

Result<PlanOptions> to_options(const PlanArgs& a) {
  PlanOptions o;
  if (!a.sl.empty()) {
    auto slash = a.sl.find('/');
    auto pct = number(std::string_view(a.sl).substr(0, slash));
    auto sec = slash == std::string::npos ? std::nullopt
                                          : number(std::string_view(a.sl).substr(slash + 1));
    if (!pct || !sec) return tl::unexpected(usage("--sl", a.sl));
    o.targets.service_level = ServiceLevelTarget{*pct / 100, Seconds{*sec}};
  }
  if (a.asa_seconds) o.targets.max_asa = Seconds{*a.asa_seconds};
  if (a.max_abandon) o.targets.max_abandon = *a.max_abandon;
  if (a.max_occupancy) o.targets.max_occupancy = *a.max_occupancy;
  if (a.patience_seconds) o.model.patience = Seconds{*a.patience_seconds};
  if (a.sl_definition == "offered") {
    o.model.definitions.service_level = SlDefinition::over_offered;
  } else if (a.sl_definition == "answered") {
    o.model.definitions.service_level = SlDefinition::over_answered;
  } else if (a.sl_definition == "offered-minus-short") {
    o.model.definitions.service_level = SlDefinition::over_offered_minus_short_abandons;
  } else {
    return tl::unexpected(usage("--sl-definition", a.sl_definition));
  }
  if (a.asa_definition == "answered") {
    o.model.definitions.asa = AsaDefinition::over_answered;
  } else if (a.asa_definition == "all") {
    o.model.definitions.asa = AsaDefinition::over_all_callers;
  } else {
    return tl::unexpected(usage("--asa-definition", a.asa_definition));
  }
  o.shrinkage = a.shrinkage;
  o.paid_hours_per_fte = a.hours_per_fte;
  o.days_per_week = a.days_per_week;
  o.part_time_share = a.part_time_share;
  o.part_time_fte = a.part_time_fte;
  o.team_lead_span = a.span;
  o.manager_span = a.manager_span;
  o.escalation.share = a.escalation_share;
  o.escalation.phone_share = a.lead_phone_share;
  if (a.escalation_aht) o.escalation.handle_time = Seconds{*a.escalation_aht};
  auto mode = [](const std::string& text) -> std::optional<TierMode> {
    if (text == "live") return TierMode::live;
    if (text == "deferred") return TierMode::deferred;
    return std::nullopt;
  };
  auto lead_mode = mode(a.escalation_mode);
  if (!lead_mode) return tl::unexpected(usage("--escalation-mode", a.escalation_mode));
  o.escalation.mode = *lead_mode;
  o.escalation.deadline = Seconds{a.escalation_deadline_hours * 3600};
  o.manager_escalation.share = a.manager_escalation_share;
  o.manager_escalation.phone_share = a.manager_phone_share;
  if (a.manager_escalation_aht)
    o.manager_escalation.handle_time = Seconds{*a.manager_escalation_aht};
  auto manager_mode = mode(a.manager_escalation_mode);
  if (!manager_mode) {
    return tl::unexpected(usage("--manager-escalation-mode", a.manager_escalation_mode));
  }
  o.manager_escalation.mode = *manager_mode;
  o.manager_escalation.deadline = Seconds{a.manager_escalation_deadline_hours * 3600};
  return o;
}

std::optional<Seconds> interval_of(const PlanArgs& a) {
  if (!a.interval_minutes) return std::nullopt;
  return Seconds{*a.interval_minutes * 60.0};
}

Checked<Forecast> load_forecast(const PlanArgs& a) {
  if (!a.forecasts.empty()) {
    std::vector<Forecast> all;
    for (const std::string& path : a.forecasts) {
      auto f = io::read_forecast_csv(path, interval_of(a));
      if (!f) return f;
      all.push_back(std::move(*f));
    }
    auto pooled = pool_forecasts(all);
    if (!pooled) return tl::unexpected(Errors{pooled.error()});
    return *pooled;
  }
  auto fail_usage = [](Error e) { return tl::unexpected(Errors{std::move(e)}); };
  if (a.calls.empty()) {
    return fail_usage(Error{ErrorKind::usage, msg(MsgId::plan_no_forecast), {}, {}});
  }
  DailyProfile p;
  auto slash = a.calls.find('/');
  auto calls = number(std::string_view(a.calls).substr(0, slash));
  if (!calls || slash == std::string::npos || a.calls.substr(slash) != "/day") {
    return fail_usage(usage("--calls", a.calls));
  }
  p.calls_per_day = *calls;
  auto dash = a.hours.find('-');
  auto open = clock_time(std::string_view(a.hours).substr(0, dash));
  auto close = dash == std::string::npos ? std::nullopt
                                         : clock_time(std::string_view(a.hours).substr(dash + 1));
  if (!open || !close) return fail_usage(usage("--hours", a.hours));
  p.open = *open;
  p.close = *close;
  p.handle_time = Seconds{a.aht_seconds};
  p.interval = interval_of(a).value_or(Seconds{1800});
  auto day =
      io::parse_forecast_csv("interval_start,calls_offered,aht_seconds\n" + a.date + "T00:00,0,1\n",
                             "--date", Seconds{1800});
  if (!day) return fail_usage(usage("--date", a.date));
  p.day = std::chrono::floor<std::chrono::days>(day->intervals.front().start);
  auto f = forecast_from_profile(p);
  if (!f) return tl::unexpected(Errors{f.error()});
  return *f;
}

// The cost view's rates: amounts in the agent band's currency (or --currency), the agent-hour
// from the band's middle unless given.
Result<std::optional<CostRates>> cost_rates(const PlanArgs& a, const PlanOptions& plan,
                                            const catalog::Catalog& catalog) {
  if (!a.waiting_cost && !a.abandon_cost && !a.agent_hour_cost) return std::nullopt;
  const CostOptions costing{a.country, a.on_cost, a.market_reference};
  std::optional<Money> band_hour = agent_hour_cost(catalog, plan, costing);
  std::optional<Currency> currency;
  if (!a.currency.empty()) {
    auto c = Currency::parse(a.currency);
    if (!c) return tl::unexpected(usage("--currency", a.currency));
    currency = *c;
  } else if (band_hour) {
    currency = band_hour->currency;
  }
  if (!currency || (!a.agent_hour_cost && !band_hour)) {
    return tl::unexpected(Error{ErrorKind::usage,
                                msg(MsgId::plan_cost_no_agent_rate, a.country),
                                {},
                                msg(MsgId::hint_plan_cost_no_agent_rate)});
  }
  auto amount = [&](const std::optional<std::string>& text,
                    std::string_view option) -> Result<Money> {
    if (!text) return Money{0, *currency};
    auto m = money_from_decimal(*text, *currency);
    if (!m) return tl::unexpected(usage(option, *text));
    return *m;
  };
  auto waiting = amount(a.waiting_cost, "--waiting-cost");
  if (!waiting) return tl::unexpected(waiting.error());
  auto abandon = amount(a.abandon_cost, "--abandon-cost");
  if (!abandon) return tl::unexpected(abandon.error());
  Result<Money> hour = band_hour && !a.agent_hour_cost
                           ? Result<Money>(*band_hour)
                           : amount(a.agent_hour_cost, "--agent-hour-cost");
  if (!hour) return tl::unexpected(hour.error());
  if (!(hour->currency == *currency)) {
    return tl::unexpected(Error{ErrorKind::usage,
                                msg(MsgId::plan_cost_no_agent_rate, a.country),
                                {},
                                msg(MsgId::hint_plan_cost_no_agent_rate)});
  }
  return CostRates{*hour, *waiting, *abandon};
}

// "84.3 %" in English, "84,3 %" in German.
std::string percent(double v, Lang lang) {
  std::string text = fmt::format("{:.1f} %", v * 100);
  if (lang == Lang::de) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

std::string seconds_text(Seconds s, Lang lang) {
  return std::isfinite(s.count()) ? fmt::format("{:.1f}", s.count())
                                  : tr(MsgId::plan_unstable, lang);
}

std::string cost_text(const LevelCost& c, Lang lang) {
  if (!c.low) return "-";
  std::string text = format_money(*c.low, lang);
  if (c.high) text += " - " + format_money(*c.high, lang);
  return text + (c.market_reference ? " *" : "");
}

std::string definitions_line(const Plan& plan, Lang lang) {
  const auto& d = plan.options.model.definitions;
  return render(msg(MsgId::plan_definitions, plan.options.model.patience ? "Erlang A" : "Erlang C",
                    io::to_string(d.service_level), io::to_string(d.asa)),
                lang);
}

std::string render_cost_view(const std::vector<IntervalCost>& view, const CostRates& rates,
                             Lang lang) {
  io::TextTable table(
      {tr(MsgId::plan_col_start, lang), tr(MsgId::plan_col_agents, lang),
       tr(MsgId::plan_col_cost_at_plan, lang), tr(MsgId::plan_col_agents_cheapest, lang),
       tr(MsgId::plan_col_cost_cheapest, lang), tr(MsgId::plan_col_sl_cheapest, lang)});
  for (const IntervalCost& c : view) {
    table.add_row({io::format_local_time(c.start), std::to_string(c.at_targets.agents),
                   format_money(c.at_targets.total, lang), std::to_string(c.cost_optimal.agents),
                   format_money(c.cost_optimal.total, lang),
                   percent(c.cost_optimal.metrics.service_level, lang)});
  }
  return render(msg(MsgId::plan_cost_view_title, format_money(rates.agent_hour, lang),
                    format_money(rates.caller_waiting_minute, lang),
                    format_money(rates.abandoned_call, lang)),
                lang) +
         "\n" + table.render();
}

std::string render_table(const Plan& plan, const std::vector<LevelCost>& costs, Lang lang) {
  io::TextTable intervals({tr(MsgId::plan_col_start, lang), tr(MsgId::plan_col_calls, lang),
                           tr(MsgId::plan_col_aht, lang), tr(MsgId::plan_col_erlangs, lang),
                           tr(MsgId::plan_col_agents, lang), tr(MsgId::plan_col_sl, lang),
                           tr(MsgId::plan_col_asa, lang), tr(MsgId::plan_col_occupancy, lang),
                           tr(MsgId::plan_col_abandon, lang), tr(MsgId::plan_col_leads, lang),
                           tr(MsgId::plan_col_managers, lang)});
  for (const IntervalPlan& i : plan.intervals) {
    const QueueMetrics& m = i.agents;
    intervals.add_row({io::format_local_time(i.start), fmt::format("{:g}", i.workload.calls),
                       fmt::format("{:g}", i.workload.handle_time.count()),
                       fmt::format("{:.2f}", m.offered_load_erlangs), std::to_string(m.agents),
                       percent(m.service_level, lang), seconds_text(m.asa, lang),
                       percent(m.occupancy, lang), percent(m.p_abandon, lang),
                       std::to_string(i.team_leads_on_duty), std::to_string(i.managers_on_duty)});
  }
  io::TextTable levels({tr(MsgId::plan_col_role, lang), tr(MsgId::plan_col_weekly_hours, lang),
                        tr(MsgId::plan_col_fte, lang), tr(MsgId::plan_col_headcount, lang),
                        tr(MsgId::plan_col_basis, lang), tr(MsgId::plan_col_cost, lang)});
  std::string notes;
  for (const LevelPlan* level : {&plan.agents, &plan.team_leads, &plan.managers}) {
    std::string cost = "-";
    for (const LevelCost& c : costs) {
      if (c.role != level->role) continue;
      cost = cost_text(c, lang);
      if (c.note) notes += "  " + render(*c.note, lang) + "\n";
    }
    levels.add_row({level->role.str(), fmt::format("{:.1f}", level->weekly_hours),
                    fmt::format("{:.2f}", level->fte), std::to_string(level->headcount),
                    level->basis, cost});
  }
  return intervals.render() + "\n" + levels.render() + "\n" + definitions_line(plan, lang) + "\n" +
         (notes.empty() ? "" : tr(MsgId::plan_notes, lang) + "\n" + notes);
}

// Required agents (bars, left axis) and service level (line, right axis) per interval.
std::string render_chart(const Plan& plan, Lang lang) {
  io::Chart chart;
  chart.title = tr(MsgId::plan_chart_title, lang);
  chart.left_label = tr(MsgId::plan_chart_agents, lang);
  chart.right_label = tr(MsgId::plan_chart_sl, lang);
  io::ChartSeries agents{tr(MsgId::plan_chart_agents, lang), {}, false, true, "#1f77b4"};
  io::ChartSeries sl{tr(MsgId::plan_chart_sl, lang), {}, true, false, "#d62728"};
  for (const IntervalPlan& i : plan.intervals) {
    std::string start = io::format_local_time(i.start);
    chart.x_labels.push_back(plan.forecast_days > 1 ? start.substr(5, 11) : start.substr(11, 5));
    agents.values.push_back(i.agents.agents);
    sl.values.push_back(i.agents.service_level);
  }
  chart.series = {agents, sl};
  return io::render_svg(chart);
}

// One row per interval; with the cost view, its columns are added (amounts in major units).
std::string render_csv(const Plan& plan, const std::vector<IntervalCost>& view) {
  std::string out =
      "interval_start,calls_offered,aht_seconds,load_erlangs,agents,state,service_level,"
      "asa_seconds,occupancy,abandonment,team_leads_on_duty,managers_on_duty";
  out += view.empty() ? "\n" : ",cost_at_plan,agents_cheapest,cost_cheapest\n";
  for (std::size_t k = 0; k < plan.intervals.size(); ++k) {
    const IntervalPlan& i = plan.intervals[k];
    const QueueMetrics& m = i.agents;
    out += fmt::format("{},{:g},{:g},{:.6g},{},{},{:.6g},{},{:.6g},{:.6g},{},{}",
                       io::format_local_time(i.start), i.workload.calls,
                       i.workload.handle_time.count(), m.offered_load_erlangs, m.agents,
                       m.state == QueueState::stable ? "stable" : "unstable", m.service_level,
                       std::isfinite(m.asa.count()) ? fmt::format("{:.6g}", m.asa.count()) : "",
                       m.occupancy, m.p_abandon, i.team_leads_on_duty, i.managers_on_duty);
    if (!view.empty()) {
      out += fmt::format(",{},{},{}", to_major(view[k].at_targets.total),
                         view[k].cost_optimal.agents, to_major(view[k].cost_optimal.total));
    }
    out += "\n";
  }
  return out;
}

void run_plan(Context& ctx, const PlanArgs& args) {
  std::string format = ctx.format({"table", "json", "csv"});
  if (format.empty()) return;
  auto options = to_options(args);
  if (!options) {
    ctx.report(options.error());
    ctx.exit_code = k_exit_unusable;
    return;
  }
  auto forecast = load_forecast(args);
  if (!forecast) {
    ctx.report(forecast.error());
    ctx.exit_code = k_exit_unusable;
    return;
  }
  auto plan = make_plan(*forecast, *options);
  if (!plan) {
    Error e = plan.error();
    if (e.where.line > 0 && e.where.file.empty() && args.forecasts.size() == 1) {
      e.where.file = args.forecasts.front();
    }
    ctx.report(e);
    ctx.exit_code = k_exit_unusable;
    return;
  }
  std::vector<LevelCost> costs;
  if (const catalog::Catalog* catalog = ctx.catalog()) {
    costs =
        cost_plan(*plan, *catalog, CostOptions{args.country, args.on_cost, args.market_reference});
  } else {
    ctx.exit_code = k_exit_unusable;
    return;
  }
  auto rates = cost_rates(args, plan->options, *ctx.catalog());
  if (!rates) {
    ctx.report(rates.error());
    ctx.exit_code = k_exit_unusable;
    return;
  }
  std::vector<IntervalCost> view;
  if (*rates) {
    auto computed = cost_view(*plan, **rates);
    if (!computed) {
      ctx.report(computed.error());
      ctx.exit_code = k_exit_unusable;
      return;
    }
    view = std::move(*computed);
  }
  if (!args.chart.empty()) {
    if (auto written = io::write_file(args.chart, render_chart(*plan, ctx.lang())); !written) {
      ctx.report(written.error());
      ctx.exit_code = k_exit_unusable;
      return;
    }
  }
  if (format == "json") {
    auto json = io::plan_to_json(*plan, costs, ctx.lang());
    if (*rates) json["cost_view"] = io::cost_view_to_json(view, **rates);
    ctx.print(json.dump(2) + "\n");
  } else if (format == "csv") {
    ctx.print(render_csv(*plan, view));
  } else {
    std::string text = render_table(*plan, costs, ctx.lang());
    if (*rates) text += "\n" + render_cost_view(view, **rates, ctx.lang());
    ctx.print(text);
  }
}

}  // namespace

void add_plan_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  auto a = std::make_shared<PlanArgs>();
  CLI::App* plan = app.add_subcommand("plan", tr(MsgId::cmd_plan, lang));
  plan->add_option("FORECAST", a->forecasts, tr(MsgId::plan_opt_forecast, lang));
  plan->add_option("--sl", a->sl, tr(MsgId::plan_opt_sl, lang))->option_text("PCT/SECONDS");
  plan->add_option("--asa", a->asa_seconds, tr(MsgId::plan_opt_asa, lang))->option_text("SECONDS");
  plan->add_option("--max-abandon", a->max_abandon, tr(MsgId::plan_opt_max_abandon, lang))
      ->option_text("SHARE");
  plan->add_option("--max-occupancy", a->max_occupancy, tr(MsgId::plan_opt_max_occupancy, lang))
      ->option_text("SHARE");
  plan->add_option("--patience", a->patience_seconds, tr(MsgId::plan_opt_patience, lang))
      ->option_text("SECONDS");
  plan->add_option("--sl-definition", a->sl_definition, tr(MsgId::plan_opt_sl_definition, lang))
      ->option_text("offered|answered|offered-minus-short");
  plan->add_option("--asa-definition", a->asa_definition, tr(MsgId::plan_opt_asa_definition, lang))
      ->option_text("answered|all");
  plan->add_option("--shrinkage", a->shrinkage, tr(MsgId::plan_opt_shrinkage, lang))
      ->option_text("SHARE");
  plan->add_option("--hours-per-fte", a->hours_per_fte, tr(MsgId::plan_opt_hours_per_fte, lang))
      ->option_text("HOURS");
  plan->add_option("--days-per-week", a->days_per_week, tr(MsgId::plan_opt_days_per_week, lang))
      ->option_text("1..7");
  plan->add_option("--part-time-share", a->part_time_share,
                   tr(MsgId::plan_opt_part_time_share, lang))
      ->option_text("SHARE");
  plan->add_option("--part-time-fte", a->part_time_fte, tr(MsgId::plan_opt_part_time_fte, lang))
      ->option_text("FTE");
  plan->add_option("--span", a->span, tr(MsgId::plan_opt_span, lang))->option_text("AGENTS");
  plan->add_option("--manager-span", a->manager_span, tr(MsgId::plan_opt_manager_span, lang))
      ->option_text("TEAM_LEADS");
  plan->add_option("--escalation-share", a->escalation_share,
                   tr(MsgId::plan_opt_escalation_share, lang))
      ->option_text("SHARE");
  plan->add_option("--escalation-aht", a->escalation_aht, tr(MsgId::plan_opt_escalation_aht, lang))
      ->option_text("SECONDS");
  plan->add_option("--lead-phone-share", a->lead_phone_share,
                   tr(MsgId::plan_opt_lead_phone_share, lang))
      ->option_text("SHARE");
  plan->add_option("--escalation-mode", a->escalation_mode,
                   tr(MsgId::plan_opt_escalation_mode, lang))
      ->option_text("live|deferred");
  plan->add_option("--escalation-deadline-hours", a->escalation_deadline_hours,
                   tr(MsgId::plan_opt_escalation_deadline, lang))
      ->option_text("HOURS");
  plan->add_option("--manager-escalation-share", a->manager_escalation_share,
                   tr(MsgId::plan_opt_manager_escalation_share, lang))
      ->option_text("SHARE");
  plan->add_option("--manager-escalation-mode", a->manager_escalation_mode,
                   tr(MsgId::plan_opt_manager_escalation_mode, lang))
      ->option_text("deferred|live");
  plan->add_option("--manager-escalation-deadline-hours", a->manager_escalation_deadline_hours,
                   tr(MsgId::plan_opt_manager_escalation_deadline, lang))
      ->option_text("HOURS");
  plan->add_option("--manager-escalation-aht", a->manager_escalation_aht,
                   tr(MsgId::plan_opt_manager_escalation_aht, lang))
      ->option_text("SECONDS");
  plan->add_option("--manager-phone-share", a->manager_phone_share,
                   tr(MsgId::plan_opt_manager_phone_share, lang))
      ->option_text("SHARE");
  plan->add_option("--waiting-cost", a->waiting_cost, tr(MsgId::plan_opt_waiting_cost, lang))
      ->option_text("AMOUNT/MIN");
  plan->add_option("--abandon-cost", a->abandon_cost, tr(MsgId::plan_opt_abandon_cost, lang))
      ->option_text("AMOUNT");
  plan->add_option("--agent-hour-cost", a->agent_hour_cost,
                   tr(MsgId::plan_opt_agent_hour_cost, lang))
      ->option_text("AMOUNT");
  plan->add_option("--currency", a->currency, tr(MsgId::plan_opt_currency, lang))
      ->option_text("CODE");
  plan->add_option("--interval", a->interval_minutes, tr(MsgId::plan_opt_interval, lang))
      ->option_text("15|30|60");
  plan->add_option("--calls", a->calls, tr(MsgId::plan_opt_calls, lang))->option_text("N/day");
  plan->add_option("--hours", a->hours, tr(MsgId::plan_opt_hours, lang))
      ->option_text("HH:MM-HH:MM");
  plan->add_option("--aht", a->aht_seconds, tr(MsgId::plan_opt_aht, lang))->option_text("SECONDS");
  plan->add_option("--date", a->date, tr(MsgId::plan_opt_date, lang))->option_text("YYYY-MM-DD");
  plan->add_option("--country", a->country, tr(MsgId::plan_opt_country, lang))->option_text("CC");
  plan->add_option("--on-cost", a->on_cost, tr(MsgId::plan_opt_on_cost, lang))
      ->option_text("SHARE");
  plan->add_flag("--market-reference", a->market_reference,
                 tr(MsgId::plan_opt_market_reference, lang));
  plan->add_option("--chart", a->chart, tr(MsgId::plan_opt_chart, lang))->option_text("FILE.svg");
  plan->callback([&ctx, a] { run_plan(ctx, *a); });
}

}  // namespace ccteam::cli
