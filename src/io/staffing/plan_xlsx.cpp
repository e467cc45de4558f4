#include "io/staffing/plan_xlsx.hpp"

#include <initializer_list>

#include "io/base/json_members.hpp"
#include "io/staffing/plan_json.hpp"

namespace ccteam::io {

namespace {

using json = nlohmann::json;

// A cell of the number member 'key' (empty when missing) or of the text member 'key'.
XlsxCell number(const json& object, const char* key) {
  if (auto value = json_number(object, key)) return *value;
  return std::string();
}
XlsxCell text(const json& object, const char* key) { return json_text(object, key); }

std::vector<std::string> headers(std::initializer_list<MsgId> ids, Lang lang) {
  std::vector<std::string> out;
  for (MsgId id : ids) out.push_back(tr(id, lang));
  return out;
}

}  // namespace

std::vector<XlsxSheet> plan_xlsx_sheets(
    const nlohmann::json& plan, Lang lang,
    const std::function<std::string(const std::string&)>& role_title,
    const std::optional<std::vector<std::string>>& note_texts) {
  std::vector<XlsxSheet> sheets;
  XlsxSheet intervals{
      tr(MsgId::plan_sheet_intervals, lang),
      headers({MsgId::plan_col_start, MsgId::plan_col_calls, MsgId::plan_col_aht,
               MsgId::plan_col_erlangs, MsgId::plan_col_agents, MsgId::plan_col_queue,
               MsgId::plan_col_sl, MsgId::plan_col_asa, MsgId::plan_col_occupancy,
               MsgId::plan_col_abandon, MsgId::plan_col_leads, MsgId::plan_col_managers},
              lang),
      {}};
  for (const json& i : json_array(plan, "intervals")) {
    if (!i.is_object()) continue;
    std::string state = json_text(i, "state");
    if (state == "unstable") state = tr(MsgId::plan_unstable, lang);
    if (state == "stable") state = tr(MsgId::plan_stable, lang);
    intervals.rows.push_back(
        {text(i, "start"), number(i, "calls_offered"), number(i, "aht_seconds"),
         number(i, "load_erlangs"), number(i, "agents"), state, number(i, "service_level"),
         number(i, "asa_seconds"), number(i, "occupancy"), number(i, "abandonment"),
         number(i, "team_leads_on_duty"), number(i, "managers_on_duty")});
  }
  sheets.push_back(std::move(intervals));

  XlsxSheet levels{
      tr(MsgId::plan_sheet_levels, lang),
      headers({MsgId::plan_col_role, MsgId::plan_col_weekly_hours, MsgId::plan_col_fte,
               MsgId::plan_col_headcount, MsgId::plan_col_basis, MsgId::plan_col_cost_low,
               MsgId::plan_col_cost_high, MsgId::plan_col_currency},
              lang),
      {}};
  for (const json& l : json_array(plan, "levels")) {
    if (!l.is_object()) continue;
    std::string id = json_text(l, "role");
    std::string title = role_title ? role_title(id) : std::string();
    const json& cost = json_member(l, "cost");
    levels.rows.push_back({title.empty() ? id : title, number(l, "weekly_hours"), number(l, "fte"),
                           number(l, "headcount"), basis_text(json_text(l, "basis"), lang),
                           number(cost, "annual_low"), number(cost, "annual_high"),
                           text(cost, "currency")});
  }
  // The plan's notes under the levels, in 'lang' (how a short forecast repeats, warnings), then
  // the notes of the levels' costs (no pay band, a market reference and what it adds).
  std::vector<std::string> notes;
  if (note_texts) {
    notes = *note_texts;
  } else {
    for (const json& note : json_array(plan, "notes")) {
      if (std::optional<Message> m = plan_note_of(note)) notes.push_back(render(*m, lang));
    }
    for (const json& l : json_array(plan, "levels")) {
      for (const json& note : json_array(json_member(l, "cost"), "notes")) {
        if (std::optional<Message> m = cost_note_of(note)) notes.push_back(render(*m, lang));
      }
    }
  }
  if (!notes.empty()) {
    levels.rows.emplace_back();  // a blank row, then the heading
    levels.rows.push_back({tr(MsgId::plan_notes, lang)});
  }
  for (std::string& text : notes) levels.rows.push_back({std::move(text)});
  sheets.push_back(std::move(levels));

  const json& view = json_member(plan, "cost_view");
  const json& view_intervals = json_array(view, "intervals");
  if (!view_intervals.empty()) {
    XlsxSheet costs{tr(MsgId::plan_sheet_cost_view, lang),
                    headers({MsgId::plan_col_start, MsgId::plan_col_agents,
                             MsgId::plan_col_cost_at_plan, MsgId::plan_col_agents_cheapest,
                             MsgId::plan_col_cost_cheapest, MsgId::plan_col_sl_cheapest},
                            lang),
                    {}};
    for (const json& c : view_intervals) {
      if (!c.is_object()) continue;
      const json& at_plan = json_member(c, "at_plan");
      const json& cheapest = json_member(c, "cheapest");
      costs.rows.push_back({text(c, "start"), number(at_plan, "agents"), number(at_plan, "total"),
                            number(cheapest, "agents"), number(cheapest, "total"),
                            number(cheapest, "service_level")});
    }
    sheets.push_back(std::move(costs));
  }
  return sheets;
}

}  // namespace ccteam::io
