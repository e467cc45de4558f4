// ccteam hiring-plan INPUT.yaml [--plans PLAN.json ...] [--runs N] ...: from the FTE the staffing
// plans need to hires per month and role, training classes and openings to publish. Parses the
// options into an app::HiringRequest, calls the use case (app/hiring/hiring_plan.hpp) and
// renders the result.
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/hiring/hiring_plan.hpp"
#include "ccteam/posting/document.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/help_text.hpp"
#include "cli/option_checks.hpp"
#include "cli/option_names.hpp"
#include "io/base/files.hpp"
#include "io/base/number_text.hpp"
#include "io/base/table.hpp"
#include "io/base/xlsx_writer.hpp"
#include "io/hiring/hiring_writers.hpp"

namespace ccteam::cli {

namespace {

using namespace ccteam::hiring;

struct HiringArgs {
  app::HiringRequest request;
  std::string chart;  // SVG file; empty: none
};

constexpr OptionName k_hiring_options[] = {{"/runs", "--runs"},
                                           {"/short_target", "--short-target"}};

// "2026-01" (en) or "01.2026" (de): month 'index' of the plan.
std::string month_label(std::chrono::year_month start, int index, Lang lang) {
  std::string iso = io::month_text(start, index);
  return lang == Lang::de ? iso.substr(5, 2) + "." + iso.substr(0, 4) : iso;
}

std::string money_text(const std::optional<Money>& m, Lang lang) {
  return m ? format_money(*m, lang) : "-";
}

std::string months_table(const app::HiringResult& r, const catalog::Catalog& catalog, Lang lang) {
  const HiringPlan& plan = r.plan;
  const MonteCarloReport* risk = r.risk ? &*r.risk : nullptr;
  std::vector<std::string> header{
      tr(MsgId::hiring_col_month, lang),   tr(MsgId::hiring_col_role, lang),
      tr(MsgId::hiring_col_needed, lang),  tr(MsgId::hiring_col_available, lang),
      tr(MsgId::hiring_col_gap, lang),     tr(MsgId::hiring_col_headcount, lang),
      tr(MsgId::hiring_col_leavers, lang), tr(MsgId::hiring_col_promotions, lang),
      tr(MsgId::hiring_col_hires, lang),   tr(MsgId::hiring_col_cost, lang)};
  if (risk) {
    header.push_back(tr(MsgId::hiring_col_p_short, lang));
    header.push_back(tr(MsgId::hiring_col_safe_hires, lang));
  }
  io::TextTable table(std::move(header));
  const std::size_t months = static_cast<std::size_t>(r.input.months);
  for (std::size_t t = 0; t < months; ++t) {
    for (std::size_t k = 0; k < plan.roles.size(); ++k) {
      const RoleMonth& m = plan.roles[k].months[t];
      std::vector<std::string> row{month_label(plan.start, static_cast<int>(t), lang),
                                   catalog.title_of(plan.roles[k].role, lang),
                                   io::decimal_text(m.needed_fte, 2, lang),
                                   io::decimal_text(m.available_fte, 2, lang),
                                   io::decimal_text(m.gap_fte, 2, lang),
                                   io::decimal_text(m.headcount, 2, lang),
                                   io::decimal_text(m.leavers, 2, lang),
                                   std::to_string(m.promoted_in),
                                   std::to_string(m.hires),
                                   money_text(m.hiring_cost, lang)};
      if (risk) {
        const MonthRisk& mr = risk->roles[k].months[t];
        row.push_back(io::percent_text(mr.p_short.mean, lang));
        row.push_back(std::to_string(mr.safe_hires));
      }
      table.add_row(std::move(row));
    }
  }
  return table.render();
}

std::string classes_table(const HiringPlan& plan, const catalog::Catalog& catalog, Lang lang) {
  io::TextTable table({tr(MsgId::hiring_col_role, lang), tr(MsgId::hiring_col_class_start, lang),
                       tr(MsgId::hiring_col_class_end, lang),
                       tr(MsgId::hiring_col_nesting_end, lang), tr(MsgId::hiring_col_size, lang)});
  for (const TrainingClass& c : plan.classes) {
    table.add_row({catalog.title_of(plan.roles[c.role].role, lang),
                   posting::format_date(c.start, lang), posting::format_date(c.class_end, lang),
                   posting::format_date(c.nesting_end, lang), std::to_string(c.size)});
  }
  return tr(MsgId::hiring_classes_title, lang) + "\n" + table.render();
}

std::string openings_table(const HiringPlan& plan, const catalog::Catalog& catalog, Lang lang) {
  io::TextTable table({tr(MsgId::hiring_col_role, lang), tr(MsgId::hiring_col_publish_by, lang),
                       tr(MsgId::hiring_col_start, lang), tr(MsgId::hiring_col_openings, lang),
                       tr(MsgId::hiring_col_applicants, lang),
                       tr(MsgId::hiring_col_applicants_week, lang)});
  for (const Opening& o : plan.openings) {
    table.add_row({catalog.title_of(plan.roles[o.role].role, lang),
                   posting::format_date(o.publish_by, lang), posting::format_date(o.start, lang),
                   std::to_string(o.headcount), io::short_decimal_text(o.applicants, 1, lang),
                   io::short_decimal_text(o.applicants_per_week, 1, lang)});
  }
  return tr(MsgId::hiring_openings_title, lang) + "\n" + table.render();
}

std::string render_table(const app::HiringResult& r, const catalog::Catalog& catalog, Lang lang) {
  const HiringPlan& plan = r.plan;
  std::string text = months_table(r, catalog, lang) + "\n";
  text += render(msg(MsgId::hiring_summary, std::to_string(plan.hires),
                     std::to_string(plan.promotions), money_text(plan.cost, lang)),
                 lang) +
          "\n";
  int short_months = 0, role_months = 0;
  for (const RolePlan& role : plan.roles) {
    for (const RoleMonth& m : role.months) {
      ++role_months;
      if (m.gap_fte > 0) ++short_months;
    }
  }
  if (short_months > 0) {
    text += render(msg(MsgId::hiring_gap_note, std::to_string(short_months),
                       std::to_string(role_months)),
                   lang) +
            "\n";
  }
  if (r.risk) {
    text += render(msg(MsgId::hiring_monte_carlo_line, std::to_string(r.risk->options.runs),
                       std::to_string(r.risk->options.seed),
                       io::percent_text(r.risk->options.short_target, lang)),
                   lang) +
            "\n";
  }
  if (!plan.classes.empty()) text += "\n" + classes_table(plan, catalog, lang);
  if (!plan.openings.empty()) text += "\n" + openings_table(plan, catalog, lang);
  return text;
}

void run_hiring_plan(Context& ctx, const HiringArgs& args) {
  std::string format = ctx.format({"table", "json", "csv", "xlsx"});
  if (format.empty()) return;
  std::optional<std::string> xlsx_path;
  if (format == "xlsx" && !(xlsx_path = ctx.binary_output(format))) return;
  const catalog::Catalog* catalog = ctx.catalog();
  if (catalog == nullptr) return;
  auto result = app::make_hiring_plan(args.request, *catalog);
  if (!result) return ctx.fail(as_option(std::move(result).error(), k_hiring_options));
  for (const Error& warning : result->warnings) ctx.warn(warning);
  const app::HiringResult& r = result->value;
  const MonteCarloReport* risk = r.risk ? &*r.risk : nullptr;
  const Lang lang = ctx.lang();
  if (!args.chart.empty()) {
    if (auto written = io::write_file(args.chart, io::hiring_chart_svg(r.plan, lang)); !written) {
      return ctx.fail(written.error());
    }
  }
  if (format == "json") {
    ctx.print(io::hiring_plan_to_json(r.plan, risk).dump(2) + "\n");
  } else if (format == "csv") {
    ctx.print(io::hiring_plan_to_csv(r.plan, risk));
  } else if (format == "xlsx") {
    if (auto written = io::write_xlsx(*xlsx_path, io::hiring_plan_to_sheets(r.plan, risk, lang));
        !written) {
      return ctx.fail(written.error());
    }
  } else {
    ctx.print(render_table(r, *catalog, lang));
  }
}

}  // namespace

void add_hiring_plan_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  auto a = std::make_shared<HiringArgs>();
  app::HiringRequest& r = a->request;
  auto help = [lang](MsgId id, const auto&... values) { return help_text(id, lang, values...); };
  CLI::App* cmd = app.add_subcommand("hiring-plan", tr(MsgId::cmd_hiring_plan, lang));
  cmd->add_option(tr(MsgId::cli_ph_input, lang), r.input, tr(MsgId::hiring_opt_input, lang))
      ->required()
      ->option_text("FILE.yaml");
  cmd->add_option("--plans", r.plans, tr(MsgId::hiring_opt_plans, lang))
      ->option_text("PLAN.json ...");
  cmd->add_option("--runs", r.runs, help(MsgId::hiring_opt_runs, k_default_runs))
      ->option_text("N")
      ->check(in_range(0, k_max_runs, lang));
  cmd->add_option("--seed", r.seed, help(MsgId::hiring_opt_seed, k_default_seed))
      ->option_text("N")
      ->check(at_least(0, lang));  // an unsigned number: "-1" would wrap round
  cmd->add_option("--short-target", r.short_target,
                  help(MsgId::hiring_opt_short_target, k_default_short_target))
      ->option_text("SHARE")
      ->check(in_range(0, 1, lang, End::open, End::open));
  const staffing::CostOptions costing;
  cmd->add_option("--country", r.costing.country, help(MsgId::plan_opt_country, costing.country))
      ->option_text("CC")
      ->check(country_code(lang));
  cmd->add_option("--on-cost", r.costing.on_cost_factor,
                  help(MsgId::plan_opt_on_cost, costing.on_cost_factor))
      ->option_text("SHARE")
      ->check(at_least(0, lang));
  cmd->add_flag("--market-reference", r.costing.use_market_reference,
                tr(MsgId::plan_opt_market_reference, lang));
  cmd->add_option("--chart", a->chart, tr(MsgId::hiring_opt_chart, lang))
      ->option_text("FILE.svg")
      ->check(svg_file(lang));
  cmd->callback([&ctx, a] { run_hiring_plan(ctx, *a); });
}

}  // namespace ccteam::cli
