#include "io/metrics/metrics_writers.hpp"

#include <fmt/format.h>

#include "io/base/number_text.hpp"
#include "io/metrics/metrics_text.hpp"
#include "io/staffing/forecast_csv.hpp"
#include "io/staffing/plan_json.hpp"

namespace ccteam::io {

namespace {

using namespace ccteam::metrics;
using nlohmann::ordered_json;

std::optional<double> count_of(const std::optional<Seconds>& v) {
  return v ? std::optional<double>(v->count()) : std::nullopt;
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

ordered_json report_json(const MetricsReport& r, const io::ReadSummary& s, Lang lang) {
  const MetricsOptions& o = r.options;
  ordered_json out;
  out["format"] = "ccteam-metrics/1";
  out["by"] = std::string(group_by_text(o.by));
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

}  // namespace

ordered_json metrics_to_json(const MetricsReport& report, const ReadSummary& summary, Lang lang) {
  return report_json(report, summary, lang);
}

std::string metrics_to_csv(const MetricsReport& report) { return report_csv(report); }

XlsxSheet metrics_to_sheet(const MetricsReport& r, Lang lang) {
  const MetricsOptions& o = r.options;
  // The CSV's columns, in the same order, named for people in their language.
  constexpr MsgId k_columns[] = {MsgId::metrics_sheet_group,
                                 MsgId::metrics_sheet_start,
                                 MsgId::metrics_col_agents,
                                 MsgId::metrics_sheet_suppressed,
                                 MsgId::metrics_col_offered,
                                 MsgId::metrics_col_answered,
                                 MsgId::metrics_col_abandoned,
                                 MsgId::metrics_sheet_short_abandoned,
                                 MsgId::metrics_sheet_abandon_share,
                                 MsgId::metrics_sheet_service_level,
                                 MsgId::metrics_sheet_asa_seconds,
                                 MsgId::metrics_sheet_aht_seconds,
                                 MsgId::metrics_sheet_talk_seconds,
                                 MsgId::metrics_sheet_hold_seconds,
                                 MsgId::metrics_sheet_wrap_seconds,
                                 MsgId::metrics_sheet_transfer_rate,
                                 MsgId::metrics_sheet_escalation_rate,
                                 MsgId::metrics_sheet_repeat_rate,
                                 MsgId::metrics_col_conversion,
                                 MsgId::metrics_sheet_quality,
                                 MsgId::metrics_sheet_satisfaction,
                                 MsgId::metrics_sheet_offered_change,
                                 MsgId::metrics_sheet_aht_change,
                                 MsgId::metrics_sheet_service_level_change,
                                 MsgId::metrics_col_outliers,
                                 MsgId::metrics_col_occupancy,
                                 MsgId::metrics_col_adherence};
  io::XlsxSheet sheet{"metrics", {}, {}};
  for (MsgId column : k_columns) sheet.header.push_back(tr(column, lang));
  auto num = [](const std::optional<double>& v) -> io::XlsxCell {
    return v ? io::XlsxCell{*v} : io::XlsxCell{std::string()};
  };
  auto count = [](auto v) { return io::XlsxCell{static_cast<double>(v)}; };
  auto add = [&](const MetricsRow& row, const std::string& group) {
    const Figures& f = row.figures;
    sheet.rows.push_back({group,
                          row.start ? io::format_local_time(*row.start) : std::string(),
                          count(row.agents),
                          tr(row.suppressed ? MsgId::word_yes : MsgId::word_no, lang),
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
  add(r.total, tr(MsgId::metrics_total, lang));
  return sheet;
}

}  // namespace ccteam::io
