// ccteam metrics FILE [--by agent|team|queue|interval] [--interval 30m] [--format
// table|json|csv|xlsx] [--chart FILE.svg]: team performance from call records, under works-council
// rules (pseudonymised agents, minimum group size, per-agent rows only for one team). Parses
// options into an app::MetricsRequest, calls app::compute_metrics and renders the report.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/metrics/metrics.hpp"
#include "ccteam/core/date.hpp"
#include "ccteam/metrics/metrics.hpp"
#include "cli/app.hpp"
#include "cli/call_input.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/help_text.hpp"
#include "cli/option_checks.hpp"
#include "cli/option_names.hpp"
#include "cli/plan_options.hpp"
#include "cli/progress.hpp"
#include "io/base/files.hpp"
#include "io/base/number_text.hpp"
#include "io/base/svg_chart.hpp"
#include "io/base/table.hpp"
#include "io/base/xlsx_writer.hpp"
#include "io/metrics/metrics_text.hpp"
#include "io/metrics/metrics_writers.hpp"
#include "io/staffing/forecast_csv.hpp"
#include "io/staffing/plan_text.hpp"

namespace ccteam::cli {

namespace {

using namespace ccteam::metrics;

// The options as given: numbers bound straight to the request, texts in a grammar
// (io/metrics/metrics_text.hpp) kept until to_request.
struct MetricsArgs {
  app::MetricsRequest request;  // FILE, --min-group, --team, --retention-days, --states, ...
  CallInputArgs input;
  std::optional<std::string> by, interval, sl_definition, asa_definition;
  std::optional<double> sl_seconds, short_abandon;
  std::optional<int> repeat_days;
  bool real_ids = false;
  std::string key;
  std::string as_of;
  std::string chart;
};

Result<app::MetricsRequest> to_request(const MetricsArgs& a) {
  app::MetricsRequest r = a.request;
  MetricsOptions& o = r.options;
  if (a.by) {
    CCTEAM_TRY(o.by, io::parse_group_by(*a.by, "/options/by"));
  }
  if (a.interval) {
    CCTEAM_TRY(o.interval, io::parse_metrics_interval(*a.interval, "/options/interval"));
  }
  if (a.sl_definition) {
    CCTEAM_TRY(o.definitions.service_level,
               io::parse_sl_definition(*a.sl_definition, "/options/definitions/service_level"));
  }
  if (a.asa_definition) {
    CCTEAM_TRY(o.definitions.asa,
               io::parse_asa_definition(*a.asa_definition, "/options/definitions/asa"));
  }
  if (a.sl_seconds) o.service_target = Seconds{*a.sl_seconds};
  if (a.short_abandon) o.short_abandon = Seconds{*a.short_abandon};
  if (a.repeat_days) o.repeat_window = std::chrono::days{*a.repeat_days};
  o.pseudonymise = !a.real_ids;
  if (!a.key.empty()) {
    o.pseudonym_key = a.key;
  } else if (const char* env = std::getenv("CCTEAM_PSEUDONYM_KEY"); env && *env) {
    o.pseudonym_key = env;
  }
  if (!a.as_of.empty() && !a.request.retention_days) {
    return tl::unexpected(Error::usage(msg(MsgId::cli_as_of_needs_retention)));
  }
  if (a.request.retention_days && *a.request.retention_days >= 0 && !a.as_of.empty()) {
    auto d = parse_iso_date(a.as_of);
    if (!d) return tl::unexpected(io::unusable_value("/as_of", a.as_of));
    r.as_of = *d;
  }
  CCTEAM_TRY(r.calls, to_call_source(a.request.calls.file, a.input));
  return r;
}

std::string percent(const std::optional<double>& v, Lang lang) {
  return v ? io::percent_text(*v, lang) : std::string("-");
}
std::string secs(const std::optional<Seconds>& v) {
  return v ? fmt::format("{:.0f} s", v->count()) : std::string("-");
}

// A row's start as the reader writes it: "2026-03-02 08:00" / "02.03.2026 08:00", or the day
// alone for daily rows.
std::string row_label(const MetricsRow& row, const MetricsOptions& o, Lang lang) {
  if (!row.start) return row.key;
  if (o.interval >= k_day) {
    return date_text(Date{std::chrono::floor<std::chrono::days>(*row.start)}, lang);
  }
  return io::interval_start_text(*row.start, true, lang);
}

// The figures a row stands out in (metrics::flag_outliers names them), by the table's column
// headings in the reader's language.
std::string outlier_words(const std::vector<std::string>& names, Lang lang) {
  std::string out;
  for (const std::string& name : names) {
    std::string word = name;
    if (name == "offered") word = tr(MsgId::metrics_col_offered, lang);
    if (name == "abandon_share") word = tr(MsgId::metrics_col_abandoned, lang);
    if (name == "aht") word = "AHT";
    if (name == "service_level") word = "SL";
    out += (out.empty() ? "" : " ") + word;
  }
  return out;
}

std::string report_table(const MetricsReport& r, const io::ReadSummary& s, Lang lang,
                         bool with_states) {
  const MetricsOptions& o = r.options;
  std::vector<std::string> header = {"",
                                     tr(MsgId::metrics_col_offered, lang),
                                     tr(MsgId::metrics_col_answered, lang),
                                     tr(MsgId::metrics_col_abandoned, lang),
                                     tr(MsgId::metrics_col_short, lang),
                                     "SL",
                                     "ASA",
                                     "AHT",
                                     tr(MsgId::metrics_col_agents, lang),
                                     tr(MsgId::metrics_col_transfer, lang),
                                     tr(MsgId::metrics_col_escalation, lang),
                                     tr(MsgId::metrics_col_repeat, lang),
                                     tr(MsgId::metrics_col_conversion, lang),
                                     tr(MsgId::metrics_col_trend, lang),
                                     tr(MsgId::metrics_col_outliers, lang)};
  if (with_states) {
    header.push_back(tr(MsgId::metrics_col_occupancy, lang));
    header.push_back(tr(MsgId::metrics_col_adherence, lang));
  }
  io::TextTable table(header);
  bool any_suppressed = false;
  auto add = [&](const MetricsRow& row, std::string label) {
    const Figures& f = row.figures;
    any_suppressed = any_suppressed || row.suppressed || row.states_suppressed;
    if (row.suppressed || row.states_suppressed) label += " *";
    // Counts with digit groups in the reader's language ("31.125"; a year of records reaches
    // six digits).
    auto count = [&](auto n) { return io::count_text(static_cast<std::int64_t>(n)).get(lang); };
    std::vector<std::string> cells(
        {label, count(f.offered), count(f.answered), count(f.abandoned), count(f.short_abandoned),
         percent(f.service_level, lang), secs(f.asa), secs(f.aht), count(row.agents),
         percent(f.transfer_rate, lang), percent(f.escalation_rate, lang),
         percent(f.repeat_rate, lang), percent(f.conversion, lang),
         row.trend.offered_change ? fmt::format("{:+.0f} %", *row.trend.offered_change * 100) : "-",
         outlier_words(row.outliers, lang)});
    if (with_states) {
      cells.push_back(percent(row.occupancy, lang));
      cells.push_back(percent(row.adherence, lang));
    }
    table.add_row(cells);
  };
  for (const MetricsRow& row : r.rows) add(row, row_label(row, o, lang));
  add(r.total, tr(MsgId::metrics_total, lang));
  std::string out = table.render() + "\n";
  out += render(msg(MsgId::metrics_definitions, sl_definition_words(o.definitions.service_level),
                    fmt::format("{:g}", o.service_target.count()),
                    asa_definition_words(o.definitions.asa)),
                lang) +
         "\n";
  if (any_suppressed) {
    MsgId note = o.by == GroupBy::agent ? MsgId::metrics_suppressed_team_note
                                        : MsgId::metrics_suppressed_note;
    out += render(msg(note, o.min_group), lang) + "\n";
  }
  if (o.by == GroupBy::agent && o.pseudonymise)
    out += tr(MsgId::metrics_pseudonym_note, lang) + "\n";
  out += summary_text(s, lang);
  return out;
}

std::string report_chart(const MetricsReport& r, Lang lang) {
  io::Chart chart;
  chart.title = tr(MsgId::metrics_chart_title, lang);
  chart.left_label = tr(MsgId::metrics_col_offered, lang);
  chart.right_label = "SL";
  io::ChartSeries offered{tr(MsgId::metrics_col_offered, lang), {}, false, true, "#1f77b4"};
  io::ChartSeries sl{"SL", {}, true, false, "#d62728"};
  for (const MetricsRow& row : r.rows) {
    chart.x_labels.push_back(row_label(row, r.options, lang));
    offered.values.push_back(static_cast<double>(row.figures.offered));
    sl.values.push_back(row.figures.service_level.value_or(std::nan("")));
  }
  chart.series = {offered, sl};
  return io::render_svg(chart);
}

// Prints the errors and the summary line of the schedule or the agent-state log. False when the
// file was unusable.
bool note_states(Context& ctx, const std::string& file, const io::ReadSummary& s) {
  ctx.report(s.errors);
  if (s.skipped_total() > 0 || s.unusable)
    std::fputs((render(msg(MsgId::states_summary, file, io::count_text(s.rows),
                           io::count_text(s.records), io::count_text(s.skipped_total())),
                       ctx.lang()) +
                "\n")
                   .c_str(),
               stderr);
  return !s.unusable;
}

void run_metrics(Context& ctx, const MetricsArgs& args) {
  std::string format = ctx.format({"table", "json", "csv", "xlsx"});
  if (format.empty()) return;
  std::optional<std::string> xlsx_path;
  if (format == "xlsx" && !(xlsx_path = ctx.binary_output(format))) return;
  auto fail = [&ctx](const Error& e) { ctx.fail(as_option(e, metrics_option_names())); };
  if (!args.request.schedule.empty() && args.request.states.empty()) {
    return fail(Error::usage(msg(MsgId::metrics_schedule_needs_states)));
  }
  auto request = to_request(args);
  if (!request) return fail(request.error());
  auto run = [&] {
    Progress progress(tr(MsgId::metrics_progress_records, ctx.lang()));
    return app::compute_metrics(*request, ctx.environment(), [&] { progress.tick(); });
  }();
  if (!run) return fail(run.error());
  ctx.report(run->calls.errors);
  if (run->calls.unusable) return ctx.errors_reported();
  if (run->schedule && !note_states(ctx, request->schedule, *run->schedule)) {
    return ctx.errors_reported();
  }
  if (run->states && !note_states(ctx, request->states, *run->states)) {
    return ctx.errors_reported();
  }
  if (auto empty = app::nothing_counted(*run, *request)) return fail(*empty);
  const MetricsReport& report = run->report;
  const io::ReadSummary& summary = run->calls;
  Lang lang = ctx.lang();
  if (!args.chart.empty()) {
    if (auto written = io::write_file(args.chart, report_chart(report, lang)); !written) {
      return ctx.fail(written.error());
    }
  }
  if (format == "json") {
    ctx.print(io::metrics_to_json(report, summary, lang).dump(2) + "\n");
  } else if (format == "csv") {
    ctx.print(io::metrics_to_csv(report));
  } else if (format == "xlsx") {
    if (auto written = io::write_xlsx(*xlsx_path, {io::metrics_to_sheet(report, lang)}); !written) {
      return ctx.fail(written.error());
    }
  } else {
    ctx.print(report_table(report, summary, lang, !request->states.empty()));
  }
  // Skipped rows are warnings (reported above, counted in the summary); the exit code stays 0
  // because the figures were computed from every usable row (docs/call-records-format.md).
  if (format != "table" && summary.skipped_total() > 0)
    std::fputs(summary_text(summary, lang).c_str(), stderr);
}

}  // namespace

void add_metrics_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  auto a = std::make_shared<MetricsArgs>();
  app::MetricsRequest& r = a->request;
  const MetricsOptions defaults;
  auto help = [lang](MsgId id, const auto&... values) { return help_text(id, lang, values...); };
  CLI::App* cmd = app.add_subcommand("metrics", tr(MsgId::cmd_metrics, lang));
  cmd->add_option(tr(MsgId::cli_ph_file, lang), r.calls.file, tr(MsgId::arg_call_file, lang))
      ->required();
  cmd->add_option("--by", a->by, tr(MsgId::metrics_opt_by, lang))
      ->option_text("agent|team|queue|interval")
      ->check(one_of({"agent", "team", "queue", "interval"}, lang));
  cmd->add_option("--interval", a->interval,
                  help(MsgId::metrics_opt_interval, io::metrics_interval_text(defaults.interval)))
      ->option_text("15m|30m|60m|day|week");
  cmd->add_option("--sl-seconds", a->sl_seconds,
                  help(MsgId::metrics_opt_sl_seconds, defaults.service_target.count()))
      ->option_text("SECONDS")
      ->check(at_least(0, lang));
  cmd->add_option("--sl-definition", a->sl_definition,
                  help(MsgId::plan_opt_sl_definition,
                       io::sl_definition_text(defaults.definitions.service_level)))
      ->option_text("offered|answered|offered-minus-short");
  cmd->add_option(
         "--asa-definition", a->asa_definition,
         help(MsgId::plan_opt_asa_definition, io::asa_definition_text(defaults.definitions.asa)))
      ->option_text("answered|all");
  cmd->add_option("--short-abandon", a->short_abandon,
                  help(MsgId::metrics_opt_short_abandon, defaults.short_abandon.count()))
      ->option_text("SECONDS")
      ->check(at_least(0, lang));
  cmd->add_option("--repeat-days", a->repeat_days,
                  help(MsgId::metrics_opt_repeat_days, defaults.repeat_window.count()))
      ->option_text("N")
      ->check(at_least(1, lang));
  cmd->add_option("--min-group", r.options.min_group,
                  help(MsgId::metrics_opt_min_group, defaults.min_group))
      ->option_text("N")
      ->check(at_least(1, lang));
  cmd->add_option("--team", r.options.team_filter, tr(MsgId::metrics_opt_team, lang))
      ->option_text("TEAM");
  cmd->add_flag("--real-ids", a->real_ids, tr(MsgId::metrics_opt_real_ids, lang));
  cmd->add_option("--pseudonym-key", a->key, tr(MsgId::metrics_opt_key, lang))
      ->option_text("KEY")
      ->check(secret_key(lang));
  cmd->add_option("--retention-days", r.retention_days, tr(MsgId::metrics_opt_retention, lang))
      ->option_text("N")
      ->check(at_least(0, lang));
  cmd->add_option("--as-of", a->as_of, tr(MsgId::metrics_opt_as_of, lang))
      ->option_text("YYYY-MM-DD")
      ->check(iso_date(lang));
  cmd->add_option("--chart", a->chart, tr(MsgId::metrics_opt_chart, lang))
      ->option_text("FILE.svg")
      ->check(svg_file(lang));
  add_call_input_options(*cmd, a->input, lang);
  cmd->add_option("--states", r.states, tr(MsgId::metrics_opt_states, lang))
      ->option_text("STATES.csv");
  cmd->add_option("--schedule", r.schedule, tr(MsgId::metrics_opt_schedule, lang))
      ->option_text("SCHEDULE.csv");
  cmd->callback([&ctx, a] { run_metrics(ctx, *a); });
}

}  // namespace ccteam::cli
