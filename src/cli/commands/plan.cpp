// ccteam plan [FORECAST.csv] --sl 80/20 ...: agents per interval, FTE, team leads, managers and
// their cost; with --agents N (or an agents column in the forecast) what those agents achieve.
// Parses options into an app::PlanRequest, calls the staffing use cases (app/staffing/plan.hpp) and
// renders the result.
#include <algorithm>
#include <cmath>

#include <CLI/CLI.hpp>

#include "app/staffing/plan.hpp"
#include "ccteam/staffing/erlang.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/help_text.hpp"
#include "cli/option_checks.hpp"
#include "cli/option_names.hpp"
#include "cli/plan_options.hpp"
#include "io/base/files.hpp"
#include "io/base/number_text.hpp"
#include "io/base/table.hpp"
#include "io/base/xlsx_writer.hpp"
#include "io/staffing/forecast_csv.hpp"
#include "io/staffing/plan_chart.hpp"
#include "io/staffing/plan_csv.hpp"
#include "io/staffing/plan_json.hpp"
#include "io/staffing/plan_xlsx.hpp"

namespace ccteam::cli {

namespace {

using namespace ccteam::staffing;

// The planner's options (shared with `simulate`; the cost view's and costing's in the request)
// and this command's chart.
struct PlanCommandArgs {
  PlanArgs plan;
  std::string chart;  // SVG file; empty: none
};

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

// Says when the cheapest count misses the targets somewhere (it then saves agents by losing
// callers); empty otherwise.
std::string cheapest_note(const std::vector<IntervalCost>& view, const CostRates& rates,
                          const Targets& targets, Lang lang) {
  const int missing = cheapest_missing_targets(view, targets);
  if (missing == 0) return "";
  return render(msg(MsgId::plan_cost_cheapest_below_target, missing, open_intervals(view),
                    format_money(rates.abandoned_call, lang)),
                lang) +
         "\n";
}

std::string render_cost_view(const std::vector<IntervalCost>& view, const CostRates& rates,
                             const Targets& targets, bool several_days, Lang lang) {
  io::TextTable table(
      {tr(MsgId::plan_col_start, lang), tr(MsgId::plan_col_agents, lang),
       tr(MsgId::plan_col_cost_at_plan, lang), tr(MsgId::plan_col_agents_cheapest, lang),
       tr(MsgId::plan_col_cost_cheapest, lang), tr(MsgId::plan_col_sl_cheapest, lang)});
  for (const IntervalCost& c : view) {
    table.add_row({io::interval_start_text(c.start, several_days, lang),
                   std::to_string(c.at_targets.agents),
                   format_money(c.at_targets.total, lang, MinorUnits::always),
                   std::to_string(c.cost_optimal.agents),
                   format_money(c.cost_optimal.total, lang, MinorUnits::always),
                   io::percent_text(c.cost_optimal.metrics.service_level, lang)});
  }
  return render(msg(MsgId::plan_cost_view_title, format_money(rates.agent_hour, lang),
                    format_money(rates.caller_waiting_minute, lang),
                    format_money(rates.abandoned_call, lang)),
                lang) +
         "\n" + table.render() + cheapest_note(view, rates, targets, lang);
}

// A share of an interval's metrics; "unstable" when its queue grows without bound.
std::string share_text(const QueueMetrics& m, double share, Lang lang) {
  return m.state == QueueState::unstable ? tr(MsgId::plan_unstable, lang)
                                         : io::percent_text(share, lang);
}

// Given agents: whether they meet the targets in an interval with calls ("-" without calls).
std::string meets_text(const IntervalPlan& i, Lang lang) {
  if (i.workload.calls <= 0) return "-";
  return tr(i.meets_targets ? MsgId::word_yes : MsgId::word_no, lang);
}

// What given agents achieve over the whole forecast, and which figures follow from them.
// Erlang C ('erlang_a' false) has no abandonment: "-".
std::string given_summary(const StaffingTotals& t, bool erlang_a, Lang lang) {
  const QueueMetrics& f = t.figures;
  std::string out = render(msg(MsgId::plan_given_totals, io::percent_text(f.service_level, lang),
                               std::isfinite(f.asa.count()) ? seconds_text(f.asa, lang) + " s"
                                                            : seconds_text(f.asa, lang),
                               io::percent_text(f.occupancy, lang),
                               erlang_a ? io::percent_text(f.p_abandon, lang) : "-"),
                           lang) +
                    "\n" +
                    render(msg(t.meets_targets ? MsgId::plan_given_met : MsgId::plan_given_missed,
                               t.meeting_intervals, t.open_intervals),
                           lang) +
                    "\n";
  if (t.unstable_intervals > 0) {
    out += render(msg(MsgId::plan_given_unstable, t.unstable_intervals), lang) + "\n";
  }
  return out + tr(MsgId::plan_given_note, lang) + "\n";
}

std::string render_table(const Plan& plan, const std::vector<LevelCost>& costs,
                         const catalog::Catalog& catalog, Lang lang) {
  const bool given = plan.staffing == Staffing::given;
  std::vector<std::string> columns{
      tr(MsgId::plan_col_start, lang),
      tr(MsgId::plan_col_calls, lang),
      tr(MsgId::plan_col_aht, lang),
      tr(MsgId::plan_col_erlangs, lang),
      tr(given ? MsgId::plan_col_agents_given : MsgId::plan_col_agents, lang),
      tr(MsgId::plan_col_sl, lang),
      tr(MsgId::plan_col_asa, lang),
      tr(MsgId::plan_col_occupancy, lang),
      tr(MsgId::plan_col_abandon, lang)};
  if (given) columns.push_back(tr(MsgId::plan_col_meets, lang));
  columns.push_back(tr(MsgId::plan_col_leads, lang));
  columns.push_back(tr(MsgId::plan_col_managers, lang));
  io::TextTable intervals(columns);
  for (const IntervalPlan& i : plan.intervals) {
    const QueueMetrics& m = i.agents;
    // Without calls there is no service level, wait or abandonment to speak of: "-", not the
    // 100 % and 0 s the formulas give; occupancy 0 % is what it is. Erlang C
    // has no abandonment at all (callers wait for ever): "-" too.
    const bool calls = i.workload.calls > 0;
    const bool abandons = calls && plan.options.model.patience.has_value();
    std::vector<std::string> row{
        io::interval_start_text(i.start, plan.forecast_days > 1, lang),
        io::short_decimal_text(i.workload.calls, 1, lang, io::Grouping::thousands),
        io::short_decimal_text(i.workload.handle_time.count(), 1, lang),
        io::decimal_text(m.offered_load_erlangs, 2, lang, io::Grouping::thousands),
        std::to_string(m.agents),
        calls ? share_text(m, m.service_level, lang) : "-",
        calls ? seconds_text(m.asa, lang) : "-",
        share_text(m, m.occupancy, lang),
        abandons ? io::percent_text(m.p_abandon, lang) : "-"};
    if (given) row.push_back(meets_text(i, lang));
    row.push_back(std::to_string(i.team_leads_on_duty));
    row.push_back(std::to_string(i.managers_on_duty));
    intervals.add_row(std::move(row));
  }
  io::TextTable levels({tr(MsgId::plan_col_role, lang), tr(MsgId::plan_col_weekly_hours, lang),
                        tr(MsgId::plan_col_fte, lang), tr(MsgId::plan_col_headcount, lang),
                        tr(MsgId::plan_col_basis, lang), tr(MsgId::plan_col_cost, lang)});
  std::string notes;
  for (const Message& note : plan.notes) notes += "  " + render(note, lang) + "\n";
  if (std::ranges::any_of(costs, &LevelCost::market_reference)) {
    notes += "  " + tr(MsgId::web_plan_market_note, lang) + "\n";  // what the "*" means
  }
  for (const LevelPlan* level : {&plan.agents, &plan.team_leads, &plan.managers}) {
    std::string cost = "-";
    for (const LevelCost& c : costs) {
      if (c.role != level->role) continue;
      cost = cost_text(c, lang);
      for (const Message& note : c.notes) notes += "  " + render(note, lang) + "\n";
    }
    levels.add_row({catalog.title_of(level->role, lang),
                    io::decimal_text(level->weekly_hours, 1, lang, io::Grouping::thousands),
                    io::decimal_text(level->fte, 2, lang, io::Grouping::thousands),
                    io::short_decimal_text(level->headcount, 0, lang, io::Grouping::thousands),
                    io::basis_text(level->basis, lang), cost});
  }
  return intervals.render() + "\n" +
         (plan.totals
              ? given_summary(*plan.totals, plan.options.model.patience.has_value(), lang) + "\n"
              : "") +
         levels.render() + "\n" + definitions_line(plan, lang) + "\n" +
         (notes.empty() ? "" : tr(MsgId::plan_notes, lang) + "\n" + notes);
}

// Required (or given) agents (bars, left axis) and service level (line, right axis) per interval.
std::string render_chart(const Plan& plan, Lang lang) {
  std::vector<io::PlanChartPoint> points;
  for (const IntervalPlan& i : plan.intervals) {
    points.push_back({io::format_local_time(i.start), static_cast<double>(i.agents.agents),
                      i.agents.service_level});
  }
  return io::plan_chart_svg(points, plan.forecast_days > 1, lang, plan.staffing);
}

void run_plan(Context& ctx, const PlanCommandArgs& args) {
  std::string format = ctx.format({"table", "json", "csv", "xlsx"});
  if (format.empty()) return;
  std::optional<std::string> xlsx_path;
  if (format == "xlsx" && !(xlsx_path = ctx.binary_output(format))) return;
  auto fail = [&ctx](auto error) { ctx.fail(as_option(std::move(error), plan_option_names())); };
  auto request = to_request(args.plan);
  if (!request) return fail(request.error());
  auto plan = app::make_staffing_plan(*request);
  if (!plan) return fail(plan.error());
  const catalog::Catalog* catalog = ctx.catalog();
  if (catalog == nullptr) return ctx.errors_reported();
  auto costs = app::cost_staffing_plan(*plan, *request, *catalog);
  if (!costs) return fail(costs.error());
  if (!args.chart.empty()) {
    if (auto written = io::write_file(args.chart, render_chart(*plan, ctx.lang())); !written) {
      return ctx.fail(written.error());
    }
  }
  if (format == "json" || format == "xlsx") {
    auto json = io::plan_to_json(*plan, costs->levels, ctx.lang());
    if (costs->rates)
      json["cost_view"] = io::cost_view_to_json(costs->view, *costs->rates, plan->options.targets);
    if (format == "json") {
      ctx.print(json.dump(2) + "\n");
    } else {
      auto title = [&](const std::string& id) { return catalog->title_of(RoleId(id), ctx.lang()); };
      // The workbook is drawn from the JSON a saved plan keeps (io/staffing/plan_xlsx.hpp).
      const nlohmann::json plan_json(json);
      if (auto written =
              io::write_xlsx(*xlsx_path, io::plan_xlsx_sheets(plan_json, ctx.lang(), title));
          !written) {
        return ctx.fail(written.error());
      }
    }
  } else if (format == "csv") {
    ctx.print(io::plan_to_csv(*plan, costs->view));
  } else {
    std::string text = render_table(*plan, costs->levels, *catalog, ctx.lang());
    if (costs->rates) {
      text += "\n" + render_cost_view(costs->view, *costs->rates, plan->options.targets,
                                      plan->forecast_days > 1, ctx.lang());
    }
    ctx.print(text);
  }
}

}  // namespace

void add_plan_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  auto a = std::make_shared<PlanCommandArgs>();
  CLI::App* plan = app.add_subcommand("plan", tr(MsgId::cmd_plan, lang));
  add_plan_options(*plan, a->plan, lang);
  app::PlanRequest& r = a->plan.request;
  const staffing::CostOptions costing;
  auto help = [lang](MsgId id, const auto&... values) { return help_text(id, lang, values...); };
  plan->add_option("--agents", r.forecast.agents, tr(MsgId::plan_opt_agents, lang))
      ->option_text("N")
      ->check(in_range(0, staffing::k_max_agents, lang));
  plan->add_option("--waiting-cost", r.cost_view.waiting_cost,
                   tr(MsgId::plan_opt_waiting_cost, lang))
      ->option_text("AMOUNT/MIN")
      ->check(at_least(0, lang));
  plan->add_option("--abandon-cost", r.cost_view.abandon_cost,
                   tr(MsgId::plan_opt_abandon_cost, lang))
      ->option_text("AMOUNT")
      ->check(at_least(0, lang));
  plan->add_option("--agent-hour-cost", r.cost_view.agent_hour_cost,
                   tr(MsgId::plan_opt_agent_hour_cost, lang))
      ->option_text("AMOUNT")
      ->check(above(0, lang));
  plan->add_option("--currency", r.cost_view.currency, tr(MsgId::plan_opt_currency, lang))
      ->option_text("CODE")
      ->check(currency_code(lang));
  plan->add_option("--country", r.costing.country, help(MsgId::plan_opt_country, costing.country))
      ->option_text("CC")
      ->check(country_code(lang));
  plan->add_option("--on-cost", r.costing.on_cost_factor,
                   help(MsgId::plan_opt_on_cost, costing.on_cost_factor))
      ->option_text("SHARE")
      ->check(at_least(0, lang));
  plan->add_flag("--market-reference", r.costing.use_market_reference,
                 tr(MsgId::plan_opt_market_reference, lang));
  plan->add_option("--chart", a->chart, tr(MsgId::plan_opt_chart, lang))
      ->option_text("FILE.svg")
      ->check(svg_file(lang));
  plan->callback([&ctx, a] { run_plan(ctx, *a); });
}

}  // namespace ccteam::cli
