#include "io/hiring/hiring_writers.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "ccteam/core/date.hpp"
#include "ccteam/core/messages.hpp"
#include "io/base/svg_chart.hpp"

namespace ccteam::io {

namespace {

using namespace ccteam::hiring;
using json = nlohmann::ordered_json;

json money_json(const std::optional<Money>& m) { return m ? json(to_major(*m)) : json(nullptr); }

// The Monte Carlo's figures of role 'r' in month 't', if it ran.
const MonthRisk* risk_of(const MonteCarloReport* risk, std::size_t r, std::size_t t) {
  if (risk == nullptr || r >= risk->roles.size() || t >= risk->roles[r].months.size()) {
    return nullptr;
  }
  return &risk->roles[r].months[t];
}

json estimate_json(const sim::Estimate& e) {
  if (!std::isfinite(e.mean)) return nullptr;
  return {{"mean", e.mean},
          {"half_width", std::isfinite(e.half_width) ? json(e.half_width) : json()}};
}

std::string number_cell(double v) { return std::isfinite(v) ? fmt::format("{:.6g}", v) : ""; }

// Every month row: (month index, role index), months in order, roles in the input's order.
template <class F>
void each_month_row(const HiringPlan& plan, F&& row) {
  const std::size_t months = plan.roles.empty() ? 0 : plan.roles.front().months.size();
  for (std::size_t t = 0; t < months; ++t) {
    for (std::size_t r = 0; r < plan.roles.size(); ++r) row(t, r);
  }
}

}  // namespace

std::string month_text(std::chrono::year_month start, int index) {
  std::chrono::year_month ym = start + std::chrono::months{index};
  return fmt::format("{:04}-{:02}", static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
}

json hiring_plan_to_json(const HiringPlan& plan, const MonteCarloReport* risk) {
  json out;
  out["format"] = "ccteam-hiring-plan/1";
  out["start"] = month_text(plan.start, 0);
  const std::size_t months = plan.roles.empty() ? 0 : plan.roles.front().months.size();
  out["months"] = months;
  out["currency"] = plan.cost ? json(std::string(plan.cost->currency.code())) : json(nullptr);
  out["hires"] = plan.hires;
  out["promotions"] = plan.promotions;
  out["cost"] = money_json(plan.cost);
  json roles = json::array();
  for (std::size_t r = 0; r < plan.roles.size(); ++r) {
    const RolePlan& role = plan.roles[r];
    json rows = json::array();
    for (std::size_t t = 0; t < role.months.size(); ++t) {
      const RoleMonth& m = role.months[t];
      json row{{"month", month_text(plan.start, static_cast<int>(t))},
               {"needed_fte", m.needed_fte},
               {"available_fte", m.available_fte},
               {"gap_fte", m.gap_fte},
               {"headcount", m.headcount},
               {"leavers", m.leavers},
               {"promoted_in", m.promoted_in},
               {"promoted_out", m.promoted_out},
               {"hires", m.hires},
               {"cost", money_json(m.hiring_cost)}};
      if (const MonthRisk* k = risk_of(risk, r, t)) {
        row["risk"] = {{"p_short", estimate_json(k->p_short)},
                       {"mean_available_fte", estimate_json(k->available_fte)},
                       {"safe_hires", k->safe_hires},
                       {"p_short_safe", estimate_json(k->p_short_safe)}};
      } else {
        row["risk"] = nullptr;
      }
      rows.push_back(std::move(row));
    }
    roles.push_back({{"role", role.role.str()},
                     {"lead_months", role.lead_months},
                     {"applicants_per_hire", role.applicants_per_hire},
                     {"months", std::move(rows)}});
  }
  out["roles"] = std::move(roles);
  json classes = json::array();
  for (const TrainingClass& c : plan.classes) {
    classes.push_back({{"role", plan.roles[c.role].role.str()},
                       {"month", month_text(plan.start, c.month)},
                       {"start", to_iso(c.start)},
                       {"class_end", to_iso(c.class_end)},
                       {"nesting_end", to_iso(c.nesting_end)},
                       {"size", c.size}});
  }
  out["classes"] = std::move(classes);
  json openings = json::array();
  for (const Opening& o : plan.openings) {
    openings.push_back({{"role", plan.roles[o.role].role.str()},
                        {"month", month_text(plan.start, o.month)},
                        {"publish_by", to_iso(o.publish_by)},
                        {"start", to_iso(o.start)},
                        {"headcount", o.headcount},
                        {"applicants", o.applicants},
                        {"applicants_per_week", o.applicants_per_week}});
  }
  out["openings"] = std::move(openings);
  if (risk != nullptr) {
    out["monte_carlo"] = {{"runs", risk->options.runs},
                          {"seed", risk->options.seed},
                          {"short_target", risk->options.short_target},
                          {"safety_rounds", risk->safety_rounds},
                          {"safe_hires", risk->safe_hires}};
  } else {
    out["monte_carlo"] = nullptr;
  }
  return out;
}

std::string hiring_plan_to_csv(const HiringPlan& plan, const MonteCarloReport* risk) {
  std::string out =
      "month,role,needed_fte,available_fte,gap_fte,headcount,leavers,promoted_in,promoted_out,"
      "hires,cost,p_short,p_short_half_width,safe_hires,p_short_safe\n";
  each_month_row(plan, [&](std::size_t t, std::size_t r) {
    const RoleMonth& m = plan.roles[r].months[t];
    out +=
        fmt::format("{},{},{},{},{},{},{},{},{},{},{}", month_text(plan.start, static_cast<int>(t)),
                    plan.roles[r].role.str(), number_cell(m.needed_fte),
                    number_cell(m.available_fte), number_cell(m.gap_fte), number_cell(m.headcount),
                    number_cell(m.leavers), m.promoted_in, m.promoted_out, m.hires,
                    m.hiring_cost ? fmt::format("{:.2f}", to_major(*m.hiring_cost)) : "");
    if (const MonthRisk* k = risk_of(risk, r, t)) {
      out += fmt::format(",{},{},{},{}\n", number_cell(k->p_short.mean),
                         number_cell(k->p_short.half_width), k->safe_hires,
                         number_cell(k->p_short_safe.mean));
    } else {
      out += ",,,,\n";
    }
  });
  return out;
}

std::vector<XlsxSheet> hiring_plan_to_sheets(const HiringPlan& plan, const MonteCarloReport* risk,
                                             Lang lang) {
  auto t = [lang](MsgId id) { return tr(id, lang); };
  auto num = [](double v) { return std::isfinite(v) ? XlsxCell{v} : XlsxCell{std::string()}; };
  auto count = [](int v) { return XlsxCell{static_cast<double>(v)}; };
  XlsxSheet months{
      t(MsgId::hiring_sheet_months),
      {t(MsgId::hiring_col_month), t(MsgId::hiring_col_role), t(MsgId::hiring_col_needed),
       t(MsgId::hiring_col_available), t(MsgId::hiring_col_gap), t(MsgId::hiring_col_headcount),
       t(MsgId::hiring_col_leavers), t(MsgId::hiring_col_promotions), t(MsgId::hiring_col_hires),
       t(MsgId::hiring_col_cost)},
      {}};
  if (risk != nullptr) {
    months.header.push_back(t(MsgId::hiring_col_p_short));
    months.header.push_back(t(MsgId::hiring_col_safe_hires));
  }
  each_month_row(plan, [&](std::size_t i, std::size_t r) {
    const RoleMonth& m = plan.roles[r].months[i];
    std::vector<XlsxCell> row{month_text(plan.start, static_cast<int>(i)),
                              plan.roles[r].role.str(),
                              num(m.needed_fte),
                              num(m.available_fte),
                              num(m.gap_fte),
                              num(m.headcount),
                              num(m.leavers),
                              count(m.promoted_in),
                              count(m.hires),
                              m.hiring_cost ? num(to_major(*m.hiring_cost)) : std::string()};
    if (const MonthRisk* k = risk_of(risk, r, i)) {
      row.push_back(num(k->p_short.mean));
      row.push_back(count(k->safe_hires));
    }
    months.rows.push_back(std::move(row));
  });
  XlsxSheet classes{
      t(MsgId::hiring_sheet_classes),
      {t(MsgId::hiring_col_role), t(MsgId::hiring_col_class_start), t(MsgId::hiring_col_class_end),
       t(MsgId::hiring_col_nesting_end), t(MsgId::hiring_col_size)},
      {}};
  for (const TrainingClass& c : plan.classes) {
    classes.rows.push_back({plan.roles[c.role].role.str(), to_iso(c.start), to_iso(c.class_end),
                            to_iso(c.nesting_end), count(c.size)});
  }
  XlsxSheet openings{t(MsgId::hiring_sheet_openings),
                     {t(MsgId::hiring_col_role), t(MsgId::hiring_col_publish_by),
                      t(MsgId::hiring_col_start), t(MsgId::hiring_col_openings),
                      t(MsgId::hiring_col_applicants), t(MsgId::hiring_col_applicants_week)},
                     {}};
  for (const Opening& o : plan.openings) {
    openings.rows.push_back({plan.roles[o.role].role.str(), to_iso(o.publish_by), to_iso(o.start),
                             count(o.headcount), num(o.applicants), num(o.applicants_per_week)});
  }
  return {std::move(months), std::move(classes), std::move(openings)};
}

std::string hiring_chart_svg(const HiringPlan& plan, Lang lang) {
  Chart chart;
  chart.title = tr(MsgId::hiring_chart_title, lang);
  chart.left_label = tr(MsgId::hiring_chart_fte, lang);
  chart.right_label = tr(MsgId::hiring_chart_hires, lang);
  chart.right_as_percent = false;
  ChartSeries hires{tr(MsgId::hiring_chart_hires, lang), {}, true, true, "#9ecae1"};
  ChartSeries needed{tr(MsgId::hiring_chart_needed, lang), {}, false, false, "#d62728"};
  ChartSeries available{tr(MsgId::hiring_chart_available, lang), {}, false, false, "#2ca02c"};
  const std::size_t months = plan.roles.empty() ? 0 : plan.roles.front().months.size();
  int most_hires = 0;
  for (std::size_t t = 0; t < months; ++t) {
    chart.x_labels.push_back(month_text(plan.start, static_cast<int>(t)));
    double need = 0, have = 0;
    int hired = 0;
    for (const RolePlan& role : plan.roles) {
      need += role.months[t].needed_fte;
      have += role.months[t].available_fte;
      hired += role.months[t].hires;
    }
    needed.values.push_back(need);
    available.values.push_back(have);
    hires.values.push_back(hired);
    most_hires = std::max(most_hires, hired);
  }
  // Ticks at fifths of the right axis: a multiple of 5 keeps them whole numbers.
  chart.right_max = std::max(5, (most_hires + 4) / 5 * 5);
  chart.series = {hires, needed, available};
  return render_svg(chart);
}

}  // namespace ccteam::io
