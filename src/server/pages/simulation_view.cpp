#include "server/pages/simulation_view.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "io/base/json_members.hpp"
#include "io/base/number_text.hpp"

namespace ccteam::server::pages {

namespace {

using json = nlohmann::json;

using io::json_member;
using io::json_text;

double number_of(const json& object, const char* key) {
  return io::json_number(object, key).value_or(0.0);
}
LocalizedText count_of(const json& object, const char* key) {
  return io::count_text(static_cast<std::int64_t>(number_of(object, key)));
}

render::Context dot(std::string text) {
  render::Context c;
  c.text(".", std::move(text));
  return c;
}

// The mean (or "–" where it was never defined), with "± half-width" when there is one.
std::string estimate_text(const json& estimate, bool percent, int digits, Lang lang) {
  const json& mean = json_member(estimate, "mean");
  if (!mean.is_number()) return "–";
  const json& half = json_member(estimate, "half_width");
  double m = mean.get<double>();
  if (percent) {
    if (!half.is_number()) return io::percent_text(m, lang);
    return io::decimal_text(m * 100, 1, lang) + " ± " + io::percent_text(half.get<double>(), lang);
  }
  if (!half.is_number()) return io::decimal_text(m, digits, lang);
  return io::decimal_text(m, digits, lang) + " ± " +
         io::decimal_text(half.get<double>(), digits, lang);
}

std::vector<render::Context> metric_cells(const json& metrics, bool live, Lang lang) {
  const json none = json::object();
  auto at = [&](const char* key) -> const json& {
    const json& found = json_member(metrics, key);
    return found.is_object() ? found : none;
  };
  std::vector<render::Context> cells;
  cells.push_back(dot(estimate_text(at("offered"), false, 1, lang)));
  if (live) {
    cells.push_back(dot(estimate_text(at("service_level"), true, 1, lang)));
    cells.push_back(dot(estimate_text(at("asa_seconds"), false, 1, lang)));
    cells.push_back(dot(estimate_text(at("abandonment"), true, 1, lang)));
  } else {
    cells.push_back(dot(estimate_text(at("start_seconds"), false, 0, lang)));
    cells.push_back(dot(estimate_text(at("deadline_missed"), true, 1, lang)));
  }
  cells.push_back(dot(estimate_text(at("utilisation"), true, 1, lang)));
  return cells;
}

}  // namespace

render::Context simulation_report_values(const nlohmann::json& report, Lang lang,
                                         const std::vector<std::string>& interval_labels) {
  render::Context out;
  if (!report.is_object()) return out;
  const json& replications = json_member(report, "replications");
  out.text("summary", ccteam::render(msg(MsgId::sim_summary, count_of(replications, "done"),
                                         count_of(report, "seed"), count_of(report, "calls"),
                                         count_of(report, "events")),
                                     lang));
  if (json_text(report, "start") == "warmed-up") {
    out.text("start_note",
             ccteam::render(msg(MsgId::sim_start_warm,
                                fmt::format("{:g}", number_of(report, "warm_up_seconds"))),
                            lang));
  } else {
    out.text("start_note", tr(MsgId::sim_start_empty, lang));
  }
  if (json_member(replications, "stopped") == json(true)) {
    out.text("stopped_note", ccteam::render(msg(MsgId::sim_stopped, count_of(replications, "done"),
                                                count_of(replications, "requested")),
                                            lang));
  }
  std::vector<render::Context> tiers;
  const json& all_tiers = json_member(report, "tiers");
  int index = 0;
  for (const json& tier : all_tiers.is_array() ? all_tiers : json::array()) {
    if (!tier.is_object()) continue;
    bool live = json_text(tier, "kind") != "deferred";
    render::Context t;
    t.text("index", std::to_string(++index));
    t.text("title", ccteam::render(msg(MsgId::sim_tier_title, json_text(tier, "id"),
                                       live ? MsgId::sim_kind_live : MsgId::sim_kind_deferred),
                                   lang));
    std::vector<render::Context> columns;
    std::vector<MsgId> ids{MsgId::sim_col_interval, MsgId::sim_col_offered};
    if (live) {
      ids.insert(ids.end(), {MsgId::sim_col_sl, MsgId::sim_col_asa, MsgId::sim_col_abandon});
    } else {
      ids.insert(ids.end(), {MsgId::sim_col_wait, MsgId::sim_col_missed});
    }
    ids.push_back(MsgId::sim_col_utilisation);
    for (MsgId id : ids) columns.push_back(dot(tr(id, lang)));
    std::vector<render::Context> rows;
    // The whole period first: with a week of half hours it would come after 336 rows.
    render::Context day;
    day.text("label", tr(MsgId::sim_all, lang));
    const json& horizon = json_member(tier, "horizon");
    day.list("cells", metric_cells(horizon.is_object() ? horizon : json::object(), live, lang));
    rows.push_back(std::move(day));
    const json& intervals = io::json_array(tier, "intervals");
    const bool own_labels = interval_labels.size() == intervals.size();
    for (std::size_t i = 0; i < intervals.size(); ++i) {
      const json& interval = intervals[i];
      if (!interval.is_object()) continue;
      render::Context row;
      row.text("label", own_labels ? interval_labels[i] : json_text(interval, "interval"));
      row.list("cells", metric_cells(interval, live, lang));
      rows.push_back(std::move(row));
    }
    t.list("columns", std::move(columns));
    t.list("rows", std::move(rows));
    tiers.push_back(std::move(t));
  }
  out.list("tiers", std::move(tiers));
  std::vector<render::Context> cost_lines;
  const json& cost = json_member(report, "cost");
  if (cost.is_object()) {
    std::string priced;
    const json& tiers_priced = json_member(cost, "tiers_priced");
    for (const json& id : tiers_priced.is_array() ? tiers_priced : json::array()) {
      if (id.is_string()) priced += (priced.empty() ? "" : ", ") + id.get<std::string>();
    }
    if (!priced.empty()) {
      cost_lines.push_back(dot(ccteam::render(
          msg(MsgId::sim_cost_line, json_text(cost, "currency"),
              estimate_text(json_member(cost, "per_resolved_call_low"), false, 2, lang),
              estimate_text(json_member(cost, "per_resolved_call_high"), false, 2, lang), priced),
          lang)));
    }
    const json& notes = json_member(cost, "notes");
    for (const json& note : notes.is_array() ? notes : json::array()) {
      if (note.is_string()) cost_lines.push_back(dot(note.get<std::string>()));
    }
  }
  out.list("cost_lines", std::move(cost_lines));
  return out;
}

}  // namespace ccteam::server::pages
