// ccteam metrics FILE [--by agent|team|queue|interval] [--interval 30m] [--format
// table|json|csv|xlsx] [--chart FILE.svg]: team performance from call records, under works-council
// rules (pseudonymised agents, minimum group size, per-agent rows only for one team).
#include <cmath>
#include <cstdlib>
#include <random>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "ccteam/core/date.hpp"
#include "ccteam/metrics/agent_states.hpp"
#include "ccteam/metrics/metrics.hpp"
#include "cli/app.hpp"
#include "cli/call_input.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/option_checks.hpp"
#include "cli/plan_options.hpp"
#include "io/metrics/agent_states_csv.hpp"
#include "io/base/files.hpp"
#include "io/staffing/forecast_csv.hpp"
#include "io/base/number_text.hpp"
#include "io/staffing/plan_json.hpp"
#include "io/base/svg_chart.hpp"
#include "io/base/table.hpp"
#include "io/base/xlsx_writer.hpp"

namespace ccteam::cli {

namespace {

using namespace ccteam::metrics;
using nlohmann::ordered_json;

struct MetricsArgs {
  CallInputArgs input;
  std::string by = "interval";
  std::string interval = "30m";
  double sl_seconds = 20;
  std::string sl_definition = "offered";
  std::string asa_definition = "answered";
  double short_abandon = 5;
  int repeat_days = 7;
  int min_group = 5;
  std::string team;
  bool real_ids = false;
  std::string key;
  std::optional<int> retention_days;
  std::string as_of;
  std::string chart;
  std::string states;    // agent-state log (docs/agent-states-format.md)
  std::string schedule;  // schedule for adherence
};

Error usage(std::string_view option, std::string_view value) {
  return Error{ErrorKind::usage, msg(MsgId::metrics_bad_argument, option, value), {}, {}};
}

std::string random_key() {
  std::random_device device;
  std::string key;
  for (int i = 0; i < 4; ++i) key += fmt::format("{:08x}", device());
  return key;
}

Result<MetricsOptions> to_options(const MetricsArgs& a) {
  MetricsOptions o;
  if (a.by == "agent") {
    o.by = GroupBy::agent;
  } else if (a.by == "team") {
    o.by = GroupBy::team;
  } else if (a.by == "queue") {
    o.by = GroupBy::queue;
  } else if (a.by == "interval") {
    o.by = GroupBy::interval;
  } else {
    return tl::unexpected(usage("--by", a.by));
  }
  if (a.interval == "15m" || a.interval == "15") {
    o.interval = std::chrono::minutes{15};
  } else if (a.interval == "30m" || a.interval == "30") {
    o.interval = std::chrono::minutes{30};
  } else if (a.interval == "60m" || a.interval == "60" || a.interval == "1h") {
    o.interval = std::chrono::minutes{60};
  } else if (a.interval == "day") {
    o.interval = k_day;
  } else if (a.interval == "week") {
    o.interval = k_week;
  } else {
    return tl::unexpected(
        Error{ErrorKind::usage,
              msg(MsgId::metrics_interval_choices, a.interval, "15m, 30m, 60m, day, week"),
              {},
              {}});
  }
  auto definitions = parse_definitions(a.sl_definition, a.asa_definition);
  if (!definitions) return tl::unexpected(definitions.error());
  o.definitions = *definitions;
  o.service_target = Seconds{a.sl_seconds};
  o.short_abandon = Seconds{a.short_abandon};
  o.repeat_window = std::chrono::days{a.repeat_days};
  o.min_group = a.min_group;
  o.team_filter = a.team;
  o.pseudonymise = !a.real_ids;
  if (!a.key.empty()) {
    o.pseudonym_key = a.key;
  } else if (const char* env = std::getenv("CCTEAM_PSEUDONYM_KEY"); env && *env) {
    o.pseudonym_key = env;
  } else {
    o.pseudonym_key = random_key();
  }
  if (a.retention_days) {
    if (*a.retention_days < 0) return tl::unexpected(usage("--retention-days", "negative"));
    std::chrono::sys_days today =
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    if (!a.as_of.empty()) {
      auto d = parse_iso_date(a.as_of);
      if (!d) return tl::unexpected(usage("--as-of", a.as_of));
      today = std::chrono::sys_days{*d};
    }
    o.retention_cutoff =
        LocalTime{(today - std::chrono::days{*a.retention_days}).time_since_epoch()};
  }
  if (auto ok = check_options(o); !ok) return tl::unexpected(ok.error());
  return o;
}

std::string percent(const std::optional<double>& v, Lang lang) {
  return v ? io::percent_text(*v, lang) : std::string("-");
}
std::string secs(const std::optional<Seconds>& v) {
  return v ? fmt::format("{:.0f} s", v->count()) : std::string("-");
}
std::optional<double> count_of(const std::optional<Seconds>& v) {
  return v ? std::optional<double>(v->count()) : std::nullopt;
}

std::string row_label(const MetricsRow& row, const MetricsOptions& o) {
  if (!row.start) return row.key;
  std::string t = io::format_local_time(*row.start);
  return o.interval >= k_day ? t.substr(0, 10) : t.substr(0, 16);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : " ") + s;
  return out;
}

ordered_json opt_json(const std::optional<double>& v) {
  return v ? ordered_json(*v) : ordered_json();
}

ordered_json row_json(const MetricsRow& row, const MetricsOptions& o) {
  const Figures& f = row.figures;
  ordered_json j;
  if (row.start)
    j["start"] = io::format_local_time(*row.start);
  else if (o.by != GroupBy::interval)
    j["key"] = row.key;
  j["agents"] = row.agents;
  j["suppressed"] = row.suppressed;
  j["offered"] = f.offered;
  j["answered"] = f.answered;
  j["abandoned"] = f.abandoned;
  j["short_abandoned"] = f.short_abandoned;
  j["outbound"] = f.outbound;
  j["abandon_share"] = opt_json(f.abandon_share);
  j["service_level"] = opt_json(f.service_level);
  j["asa_seconds"] = opt_json(count_of(f.asa));
  j["aht_seconds"] = opt_json(count_of(f.aht));
  j["talk_seconds"] = opt_json(count_of(f.talk));
  j["hold_seconds"] = opt_json(count_of(f.hold));
  j["wrap_seconds"] = opt_json(count_of(f.wrap));
  j["transfer_rate"] = opt_json(f.transfer_rate);
  j["escalation_rate"] = opt_json(f.escalation_rate);
  j["repeat_rate"] = opt_json(f.repeat_rate);
  j["conversion"] = opt_json(f.conversion);
  j["quality"] = opt_json(f.quality);
  j["satisfaction"] = opt_json(f.satisfaction);
  j["trend"] = {{"offered_change", opt_json(row.trend.offered_change)},
                {"aht_change", opt_json(row.trend.aht_change)},
                {"service_level_change", opt_json(row.trend.service_level_change)}};
  j["outliers"] = row.outliers;
  j["occupancy"] = opt_json(row.occupancy);
  j["adherence"] = opt_json(row.adherence);
  j["states_suppressed"] = row.states_suppressed;
  return j;
}

std::string by_name(GroupBy by) {
  switch (by) {
    case GroupBy::agent:
      return "agent";
    case GroupBy::team:
      return "team";
    case GroupBy::queue:
      return "queue";
    case GroupBy::interval:
      break;
  }
  return "interval";
}

ordered_json report_json(const MetricsReport& r, const io::ReadSummary& s, Lang lang) {
  const MetricsOptions& o = r.options;
  ordered_json out;
  out["format"] = "ccteam-metrics/1";
  out["by"] = by_name(o.by);
  out["interval_seconds"] = o.interval.count();
  out["definitions"] = {{"service_level", io::to_string(o.definitions.service_level)},
                        {"asa", io::to_string(o.definitions.asa)},
                        {"service_target_seconds", o.service_target.count()},
                        {"short_abandon_seconds", o.short_abandon.count()},
                        {"repeat_window_days", o.repeat_window.count()}};
  out["works_council"] = {
      {"pseudonymised", o.pseudonymise},
      {"min_group", o.min_group},
      {"team", o.team_filter.empty() ? ordered_json() : ordered_json(o.team_filter)}};
  ordered_json skipped = ordered_json::array();
  for (const auto& [reason, count] : s.skipped)
    skipped.push_back({{"reason", msg_name(reason)},
                       {"text", render(Message{reason, {"...", "...", "..."}}, lang)},
                       {"rows", count}});
  out["input"] = {{"rows", s.rows},
                  {"records", s.records},
                  {"counted", r.records},
                  {"filtered_out", r.filtered_out},
                  {"beyond_retention", r.beyond_retention},
                  {"skipped", std::move(skipped)}};
  ordered_json rows = ordered_json::array();
  for (const MetricsRow& row : r.rows) rows.push_back(row_json(row, o));
  out["rows"] = std::move(rows);
  out["total"] = row_json(r.total, o);
  return out;
}

std::string report_csv(const MetricsReport& r) {
  const MetricsOptions& o = r.options;
  std::string out =
      "group,start,agents,suppressed,offered,answered,abandoned,short_abandoned,abandon_share,"
      "service_level,asa_seconds,aht_seconds,talk_seconds,hold_seconds,wrap_seconds,"
      "transfer_rate,escalation_rate,repeat_rate,conversion,quality,satisfaction,"
      "offered_change,aht_change,service_level_change,outliers,occupancy,adherence\n";
  auto num = [](const std::optional<double>& v) {
    return v ? fmt::format("{:.6g}", *v) : std::string();
  };
  auto cell = [](const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string q = "\"";
    for (char c : text) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  auto line = [&](const MetricsRow& row, const std::string& group) {
    const Figures& f = row.figures;
    out += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
        cell(group), row.start ? io::format_local_time(*row.start) : "", row.agents,
        row.suppressed ? "yes" : "no", f.offered, f.answered, f.abandoned, f.short_abandoned,
        num(f.abandon_share), num(f.service_level), num(count_of(f.asa)), num(count_of(f.aht)),
        num(count_of(f.talk)), num(count_of(f.hold)), num(count_of(f.wrap)), num(f.transfer_rate),
        num(f.escalation_rate), num(f.repeat_rate), num(f.conversion), num(f.quality),
        num(f.satisfaction), num(row.trend.offered_change), num(row.trend.aht_change),
        num(row.trend.service_level_change), join(row.outliers), num(row.occupancy),
        num(row.adherence));
  };
  for (const MetricsRow& row : r.rows) line(row, o.by == GroupBy::interval ? "" : row.key);
  line(r.total, "total");
  return out;
}

// One sheet with the CSV's columns (the same machine names), counts and shares as numbers
// (shares 0..1, seconds as seconds), an empty cell where a figure does not exist.
io::XlsxSheet report_sheet(const MetricsReport& r) {
  const MetricsOptions& o = r.options;
  io::XlsxSheet sheet{"metrics",
                      {"group",           "start",          "agents",       "suppressed",
                       "offered",         "answered",       "abandoned",    "short_abandoned",
                       "abandon_share",   "service_level",  "asa_seconds",  "aht_seconds",
                       "talk_seconds",    "hold_seconds",   "wrap_seconds", "transfer_rate",
                       "escalation_rate", "repeat_rate",    "conversion",   "quality",
                       "satisfaction",    "offered_change", "aht_change",   "service_level_change",
                       "outliers",        "occupancy",      "adherence"},
                      {}};
  auto num = [](const std::optional<double>& v) -> io::XlsxCell {
    return v ? io::XlsxCell{*v} : io::XlsxCell{std::string()};
  };
  auto count = [](auto v) { return io::XlsxCell{static_cast<double>(v)}; };
  auto add = [&](const MetricsRow& row, const std::string& group) {
    const Figures& f = row.figures;
    sheet.rows.push_back({group,
                          row.start ? io::format_local_time(*row.start) : std::string(),
                          count(row.agents),
                          std::string(row.suppressed ? "yes" : "no"),
                          count(f.offered),
                          count(f.answered),
                          count(f.abandoned),
                          count(f.short_abandoned),
                          num(f.abandon_share),
                          num(f.service_level),
                          num(count_of(f.asa)),
                          num(count_of(f.aht)),
                          num(count_of(f.talk)),
                          num(count_of(f.hold)),
                          num(count_of(f.wrap)),
                          num(f.transfer_rate),
                          num(f.escalation_rate),
                          num(f.repeat_rate),
                          num(f.conversion),
                          num(f.quality),
                          num(f.satisfaction),
                          num(row.trend.offered_change),
                          num(row.trend.aht_change),
                          num(row.trend.service_level_change),
                          join(row.outliers),
                          num(row.occupancy),
                          num(row.adherence)});
  };
  for (const MetricsRow& row : r.rows) add(row, o.by == GroupBy::interval ? "" : row.key);
  add(r.total, "total");
  return sheet;
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
    std::vector<std::string> cells(
        {label, std::to_string(f.offered), std::to_string(f.answered), std::to_string(f.abandoned),
         std::to_string(f.short_abandoned), percent(f.service_level, lang), secs(f.asa),
         secs(f.aht), std::to_string(row.agents), percent(f.transfer_rate, lang),
         percent(f.escalation_rate, lang), percent(f.repeat_rate, lang),
         percent(f.conversion, lang),
         row.trend.offered_change ? fmt::format("{:+.0f} %", *row.trend.offered_change * 100) : "-",
         join(row.outliers)});
    if (with_states) {
      cells.push_back(percent(row.occupancy, lang));
      cells.push_back(percent(row.adherence, lang));
    }
    table.add_row(cells);
  };
  for (const MetricsRow& row : r.rows) add(row, row_label(row, o));
  add(r.total, tr(MsgId::metrics_total, lang));
  std::string out = table.render() + "\n";
  out += render(msg(MsgId::metrics_definitions, sl_definition_words(o.definitions.service_level),
                    fmt::format("{:g}", o.service_target.count()),
                    asa_definition_words(o.definitions.asa)),
                lang) +
         "\n";
  if (any_suppressed) out += render(msg(MsgId::metrics_suppressed_note, o.min_group), lang) + "\n";
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
    chart.x_labels.push_back(row_label(row, r.options));
    offered.values.push_back(static_cast<double>(row.figures.offered));
    sl.values.push_back(row.figures.service_level.value_or(std::nan("")));
  }
  chart.series = {offered, sl};
  return io::render_svg(chart);
}

// Reads --schedule and --states and adds occupancy and adherence to 'report'. False (errors
// reported) when either file is unusable.
bool add_states(Context& ctx, const MetricsArgs& args, const MetricsOptions& options,
                MetricsReport& report) {
  Lang lang = ctx.lang();
  auto note = [&](const std::string& file, const io::ReadSummary& s) {
    ctx.report(s.errors);
    if (s.skipped_total() > 0 || s.unusable)
      std::fputs(
          (render(msg(MsgId::states_summary, file, s.rows, s.records, s.skipped_total()), lang) +
           "\n")
              .c_str(),
          stderr);
    return !s.unusable;
  };
  std::vector<ScheduleBlock> blocks;
  if (!args.schedule.empty() && !note(args.schedule, io::read_schedule(args.schedule, blocks)))
    return false;
  StateBuilder builder(options, std::move(blocks));
  if (!note(args.states,
            io::read_agent_states(args.states, [&](const StateSpan& s) { builder.add(s); })))
    return false;
  attach_states(report, builder.finish());
  return true;
}

void run_metrics(Context& ctx, const MetricsArgs& args) {
  std::string format = ctx.format({"table", "json", "csv", "xlsx"});
  if (format.empty()) return;
  std::optional<std::string> xlsx_path;
  if (format == "xlsx" && !(xlsx_path = ctx.binary_output(format))) return;
  if (!args.schedule.empty() && args.states.empty()) {
    ctx.fail(Error{ErrorKind::usage, msg(MsgId::metrics_schedule_needs_states), {}, {}});
    return;
  }
  auto options = to_options(args);
  if (!options) {
    ctx.fail(options.error());
    return;
  }
  MetricsBuilder builder(*options);
  io::ReadSummary summary =
      read_calls(ctx, args.input, [&](const CallRecord& r) { builder.add(r); });
  if (summary.unusable) {
    ctx.errors_reported();
    return;
  }
  MetricsReport report = builder.finish();
  if (!args.states.empty() && !add_states(ctx, args, *options, report)) {
    ctx.errors_reported();
    return;
  }
  if (report.records == 0 && args.states.empty()) {
    ctx.fail(Error{ErrorKind::invalid_input,
                     msg(MsgId::metrics_no_records_why, summary.rows, summary.skipped_total(),
                         report.beyond_retention, report.filtered_out),
                     SourcePos{args.input.file, 0, 0, ""},
                     {}});
    return;
  }
  Lang lang = ctx.lang();
  if (!args.chart.empty()) {
    if (auto written = io::write_file(args.chart, report_chart(report, lang)); !written) {
      ctx.fail(written.error());
      return;
    }
  }
  if (format == "json") {
    ctx.print(report_json(report, summary, lang).dump(2) + "\n");
  } else if (format == "csv") {
    ctx.print(report_csv(report));
  } else if (format == "xlsx") {
    if (auto written = io::write_xlsx(*xlsx_path, {report_sheet(report)}); !written) {
      ctx.fail(written.error());
      return;
    }
  } else {
    ctx.print(report_table(report, summary, lang, !args.states.empty()));
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
  CLI::App* cmd = app.add_subcommand("metrics", tr(MsgId::cmd_metrics, lang));
  cmd->add_option("FILE", a->input.file, tr(MsgId::arg_call_file, lang))->required();
  cmd->add_option("--by", a->by, tr(MsgId::metrics_opt_by, lang))
      ->option_text("agent|team|queue|interval");
  cmd->add_option("--interval", a->interval, tr(MsgId::metrics_opt_interval, lang))
      ->option_text("15m|30m|60m|day|week");
  cmd->add_option("--sl-seconds", a->sl_seconds, tr(MsgId::metrics_opt_sl_seconds, lang))
      ->option_text("SECONDS");
  cmd->add_option("--sl-definition", a->sl_definition, tr(MsgId::plan_opt_sl_definition, lang))
      ->option_text("offered|answered|offered-minus-short");
  cmd->add_option("--asa-definition", a->asa_definition, tr(MsgId::plan_opt_asa_definition, lang))
      ->option_text("answered|all");
  cmd->add_option("--short-abandon", a->short_abandon, tr(MsgId::metrics_opt_short_abandon, lang))
      ->option_text("SECONDS");
  cmd->add_option("--repeat-days", a->repeat_days, tr(MsgId::metrics_opt_repeat_days, lang))
      ->option_text("N");
  cmd->add_option("--min-group", a->min_group, tr(MsgId::metrics_opt_min_group, lang))
      ->option_text("N");
  cmd->add_option("--team", a->team, tr(MsgId::metrics_opt_team, lang))->option_text("TEAM");
  cmd->add_flag("--real-ids", a->real_ids, tr(MsgId::metrics_opt_real_ids, lang));
  cmd->add_option("--pseudonym-key", a->key, tr(MsgId::metrics_opt_key, lang))->option_text("KEY");
  cmd->add_option("--retention-days", a->retention_days, tr(MsgId::metrics_opt_retention, lang))
      ->option_text("N");
  cmd->add_option("--as-of", a->as_of, tr(MsgId::metrics_opt_as_of, lang))
      ->option_text("YYYY-MM-DD");
  cmd->add_option("--chart", a->chart, tr(MsgId::metrics_opt_chart, lang))
      ->option_text("FILE.svg")
      ->check(svg_file(lang));
  cmd->add_option("--utc-offset", a->input.utc_offset, tr(MsgId::metrics_opt_utc_offset, lang))
      ->option_text("+HH:MM");
  cmd->add_option("--input-format", a->input.input_format,
                  tr(MsgId::metrics_opt_input_format, lang))
      ->option_text("bank|csv");
  cmd->add_option("--states", a->states, tr(MsgId::metrics_opt_states, lang))
      ->option_text("STATES.csv");
  cmd->add_option("--schedule", a->schedule, tr(MsgId::metrics_opt_schedule, lang))
      ->option_text("SCHEDULE.csv");
  cmd->callback([&ctx, a] { run_metrics(ctx, *a); });
}

}  // namespace ccteam::cli
