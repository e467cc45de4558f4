// ccteam plan [FORECAST.csv] --sl 80/20 ...: agents per interval, FTE, team leads, managers and
// their cost. Parses options, calls staffing::make_plan and cost_plan, renders the result.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "ccteam/staffing/cost_view.hpp"
#include "ccteam/staffing/plan.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/option_checks.hpp"
#include "cli/plan_options.hpp"
#include "io/base/files.hpp"
#include "io/staffing/forecast_csv.hpp"
#include "io/base/number_text.hpp"
#include "io/staffing/plan_json.hpp"
#include "io/base/svg_chart.hpp"
#include "io/base/table.hpp"

namespace ccteam::cli {

namespace {

using namespace ccteam::staffing;

// The planner's options (shared with `simulate`) and this command's cost view and chart.
struct PlanCommandArgs {
  PlanArgs plan;
  // Cost view: on when a waiting cost is given.
  std::optional<std::string> waiting_cost, abandon_cost, agent_hour_cost;
  std::string currency;
  std::string country = "DE";
  double on_cost = 0.21;
  bool market_reference = false;
  std::string chart;  // SVG file; empty: none
};

// The cost view's rates: amounts in the agent band's currency (or --currency), the agent-hour
// from the band's middle unless given.
Result<std::optional<CostRates>> cost_rates(const PlanCommandArgs& a, const PlanOptions& plan,
                                            const catalog::Catalog& catalog) {
  if (!a.waiting_cost && !a.abandon_cost && !a.agent_hour_cost) return std::nullopt;
  const CostOptions costing{a.country, a.on_cost, a.market_reference};
  std::optional<Money> band_hour = agent_hour_cost(catalog, plan, costing);
  std::optional<Currency> currency;
  if (!a.currency.empty()) {
    auto c = Currency::parse(a.currency);
    if (!c) return tl::unexpected(bad_argument("--currency", a.currency));
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
    if (!m) return tl::unexpected(bad_argument(option, *text));
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

std::string seconds_text(Seconds s, Lang lang) {
  return std::isfinite(s.count()) ? io::decimal_text(s.count(), 1, lang)
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
                    sl_definition_words(d.service_level), asa_definition_words(d.asa)),
                lang);
}

// Which rule set a level's headcount, in the reader's words (plan.hpp: LevelPlan::basis).
std::string basis_text(const std::string& basis, Lang lang) {
  if (basis == "workload") return tr(MsgId::plan_basis_workload, lang);
  if (basis == "cover") return tr(MsgId::plan_basis_cover, lang);
  if (basis == "span") return tr(MsgId::plan_basis_span, lang);
  return basis;
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
                   io::percent_text(c.cost_optimal.metrics.service_level, lang)});
  }
  return render(msg(MsgId::plan_cost_view_title, format_money(rates.agent_hour, lang),
                    format_money(rates.caller_waiting_minute, lang),
                    format_money(rates.abandoned_call, lang)),
                lang) +
         "\n" + table.render();
}

// The role's title in the reader's language; its id when the catalog does not have it.
std::string role_title(const RoleId& id, const catalog::Catalog& catalog, Lang lang) {
  const catalog::Role* role = catalog.find(id);
  return role ? role->title.get(lang) : id.str();
}

std::string render_table(const Plan& plan, const std::vector<LevelCost>& costs,
                         const catalog::Catalog& catalog, Lang lang) {
  io::TextTable intervals({tr(MsgId::plan_col_start, lang), tr(MsgId::plan_col_calls, lang),
                           tr(MsgId::plan_col_aht, lang), tr(MsgId::plan_col_erlangs, lang),
                           tr(MsgId::plan_col_agents, lang), tr(MsgId::plan_col_sl, lang),
                           tr(MsgId::plan_col_asa, lang), tr(MsgId::plan_col_occupancy, lang),
                           tr(MsgId::plan_col_abandon, lang), tr(MsgId::plan_col_leads, lang),
                           tr(MsgId::plan_col_managers, lang)});
  for (const IntervalPlan& i : plan.intervals) {
    const QueueMetrics& m = i.agents;
    intervals.add_row({io::format_local_time(i.start),
                       io::short_decimal_text(i.workload.calls, 1, lang),
                       io::short_decimal_text(i.workload.handle_time.count(), 1, lang),
                       io::decimal_text(m.offered_load_erlangs, 2, lang), std::to_string(m.agents),
                       io::percent_text(m.service_level, lang), seconds_text(m.asa, lang),
                       io::percent_text(m.occupancy, lang), io::percent_text(m.p_abandon, lang),
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
    levels.add_row({role_title(level->role, catalog, lang),
                    io::decimal_text(level->weekly_hours, 1, lang),
                    io::decimal_text(level->fte, 2, lang), std::to_string(level->headcount),
                    basis_text(level->basis, lang), cost});
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

void run_plan(Context& ctx, const PlanCommandArgs& args) {
  std::string format = ctx.format({"table", "json", "csv"});
  if (format.empty()) return;
  auto options = to_options(args.plan);
  if (!options) {
    ctx.fail(options.error());
    return;
  }
  auto forecast = load_forecast(args.plan);
  if (!forecast) {
    ctx.fail(forecast.error());
    return;
  }
  auto plan = make_plan(*forecast, *options);
  if (!plan) {
    Error e = plan.error();
    if (e.where.line > 0 && e.where.file.empty() && args.plan.forecasts.size() == 1) {
      e.where.file = args.plan.forecasts.front();
    }
    ctx.fail(e);
    return;
  }
  std::vector<LevelCost> costs;
  if (const catalog::Catalog* catalog = ctx.catalog()) {
    costs =
        cost_plan(*plan, *catalog, CostOptions{args.country, args.on_cost, args.market_reference});
  } else {
    ctx.errors_reported();
    return;
  }
  auto rates = cost_rates(args, plan->options, *ctx.catalog());
  if (!rates) {
    ctx.fail(rates.error());
    return;
  }
  std::vector<IntervalCost> view;
  if (*rates) {
    auto computed = cost_view(*plan, **rates);
    if (!computed) {
      ctx.fail(computed.error());
      return;
    }
    view = std::move(*computed);
  }
  if (!args.chart.empty()) {
    if (auto written = io::write_file(args.chart, render_chart(*plan, ctx.lang())); !written) {
      ctx.fail(written.error());
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
    std::string text = render_table(*plan, costs, *ctx.catalog(), ctx.lang());
    if (*rates) text += "\n" + render_cost_view(view, **rates, ctx.lang());
    ctx.print(text);
  }
}

}  // namespace

void add_plan_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  auto a = std::make_shared<PlanCommandArgs>();
  CLI::App* plan = app.add_subcommand("plan", tr(MsgId::cmd_plan, lang));
  add_plan_options(*plan, a->plan, lang);
  plan->add_option("--waiting-cost", a->waiting_cost, tr(MsgId::plan_opt_waiting_cost, lang))
      ->option_text("AMOUNT/MIN");
  plan->add_option("--abandon-cost", a->abandon_cost, tr(MsgId::plan_opt_abandon_cost, lang))
      ->option_text("AMOUNT");
  plan->add_option("--agent-hour-cost", a->agent_hour_cost,
                   tr(MsgId::plan_opt_agent_hour_cost, lang))
      ->option_text("AMOUNT");
  plan->add_option("--currency", a->currency, tr(MsgId::plan_opt_currency, lang))
      ->option_text("CODE");
  plan->add_option("--country", a->country, tr(MsgId::plan_opt_country, lang))->option_text("CC");
  plan->add_option("--on-cost", a->on_cost, tr(MsgId::plan_opt_on_cost, lang))
      ->option_text("SHARE");
  plan->add_flag("--market-reference", a->market_reference,
                 tr(MsgId::plan_opt_market_reference, lang));
  plan->add_option("--chart", a->chart, tr(MsgId::plan_opt_chart, lang))
      ->option_text("FILE.svg")
      ->check(svg_file(lang));
  plan->callback([&ctx, a] { run_plan(ctx, *a); });
}

}  // namespace ccteam::cli
