#include "io/staffing/plan_json.hpp"

#include <array>
#include <cmath>

#include "ccteam/staffing/solve.hpp"
#include "io/staffing/forecast_csv.hpp"

namespace ccteam::io {

namespace {

using nlohmann::ordered_json;
using namespace ccteam::staffing;

ordered_json number_or_null(double v) {
  return std::isfinite(v) ? ordered_json(v) : ordered_json();
}

template <class T, class F>
ordered_json optional_json(const std::optional<T>& v, F f) {
  return v ? f(*v) : ordered_json();
}

ordered_json money_json(const std::optional<Money>& m) {
  return m ? ordered_json(to_major(*m)) : ordered_json();
}

// A note as a reader renders it in its own language: its code, its arguments (in 'lang') and
// its text in 'lang'.
ordered_json note_json(const Message& note, Lang lang) {
  ordered_json args = ordered_json::array();
  for (const MessageArg& a : note.args) args.push_back(a.in(lang));
  return ordered_json{{"code", std::string(msg_name(note.id))},
                      {"args", std::move(args)},
                      {"text", render(note, lang)}};
}

// The message of 'note' ({code, args, text}) when its code is one of 'ids'.
template <std::size_t N>
std::optional<Message> coded_note(const nlohmann::json& note, const std::array<MsgId, N>& ids) {
  if (!note.is_object()) return std::nullopt;
  const auto code = note.find("code");
  if (code == note.end() || !code->is_string()) return std::nullopt;
  for (MsgId id : ids) {
    if (code->get<std::string>() != msg_name(id)) continue;
    Message m{id, {}};
    if (const auto args = note.find("args"); args != note.end() && args->is_array()) {
      for (const auto& arg : *args) {
        m.args.emplace_back(arg.is_string() ? arg.get<std::string>() : std::string());
      }
    }
    return m;
  }
  return std::nullopt;
}

ordered_json level_json(const LevelPlan& level, const LevelCost* cost, Lang lang) {
  ordered_json out{{"role", level.role.str()},
                   {"weekly_hours", level.weekly_hours},
                   {"fte", level.fte},
                   {"headcount", level.headcount},
                   {"basis", level.basis}};
  if (cost == nullptr) {
    out["cost"] = ordered_json();
    return out;
  }
  std::string currency;
  if (cost->low) currency = std::string(cost->low->currency.code());
  ordered_json notes = ordered_json::array();
  for (const Message& note : cost->notes) notes.push_back(note_json(note, lang));
  out["cost"] =
      ordered_json{{"currency", currency.empty() ? ordered_json() : ordered_json(currency)},
                   {"annual_low", money_json(cost->low)},
                   {"annual_high", money_json(cost->high)},
                   {"market_reference", cost->market_reference},
                   {"notes", std::move(notes)}};
  return out;
}

ordered_json escalation_json(const Escalation& e) {
  return ordered_json{
      {"share", e.share},
      {"handle_seconds",
       optional_json(e.handle_time, [](Seconds s) { return ordered_json(s.count()); })},
      {"phone_share", e.phone_share},
      {"mode", e.mode == TierMode::live ? "live" : "deferred"},
      {"deadline_seconds",
       e.mode == TierMode::deferred ? ordered_json(e.deadline.count()) : ordered_json()}};
}

ordered_json cost_point_json(const CostPoint& p) {
  return ordered_json{{"agents", p.agents},
                      {"staff", to_major(p.staff)},
                      {"waiting", to_major(p.waiting)},
                      {"abandonment", to_major(p.abandonment)},
                      {"total", to_major(p.total)},
                      {"service_level", p.metrics.service_level},
                      {"mean_wait_seconds", number_or_null(p.metrics.asa.count())},
                      {"abandonment_share", p.metrics.p_abandon}};
}

// What given agents achieve over the whole forecast (staffing::StaffingTotals).
ordered_json totals_json(const StaffingTotals& t) {
  const QueueMetrics& f = t.figures;
  return ordered_json{{"calls_offered", t.calls},
                      {"open_intervals", t.open_intervals},
                      {"meeting_intervals", t.meeting_intervals},
                      {"unstable_intervals", t.unstable_intervals},
                      {"state", f.state == QueueState::stable ? "stable" : "unstable"},
                      {"service_level", f.service_level},
                      {"asa_seconds", number_or_null(f.asa.count())},
                      {"occupancy", f.occupancy},
                      {"p_wait", f.p_wait},
                      {"abandonment", f.p_abandon},
                      {"meets_targets", t.meets_targets}};
}

}  // namespace

ordered_json cost_view_to_json(const std::vector<IntervalCost>& view, const CostRates& rates,
                               const Targets& targets) {
  ordered_json intervals = ordered_json::array();
  for (const IntervalCost& c : view) {
    // Whether the cheapest count meets the targets (an interval without calls does).
    const bool met =
        !(c.at_targets.metrics.offered_load_erlangs > 0) || meets(c.cost_optimal.metrics, targets);
    intervals.push_back(ordered_json{{"start", format_local_time(c.start)},
                                     {"at_plan", cost_point_json(c.at_targets)},
                                     {"cheapest", cost_point_json(c.cost_optimal)},
                                     {"cheapest_meets_targets", met}});
  }
  return ordered_json{{"currency", std::string(rates.agent_hour.currency.code())},
                      {"agent_hour", to_major(rates.agent_hour)},
                      {"caller_waiting_minute", to_major(rates.caller_waiting_minute)},
                      {"abandoned_call", to_major(rates.abandoned_call)},
                      {"cheapest_missing_targets", cheapest_missing_targets(view, targets)},
                      {"intervals", std::move(intervals)}};
}

std::optional<Message> plan_note_of(const nlohmann::json& note) {
  return coded_note(note, staffing::k_plan_note_ids);
}

std::optional<Message> cost_note_of(const nlohmann::json& note) {
  return coded_note(note, staffing::k_cost_note_ids);
}

std::string_view to_string(SlDefinition d) {
  switch (d) {
    case SlDefinition::over_offered:
      return "over_offered";
    case SlDefinition::over_answered:
      return "over_answered";
    case SlDefinition::over_offered_minus_short_abandons:
      return "over_offered_minus_short_abandons";
  }
  return "over_offered";
}

std::string_view to_string(AsaDefinition d) {
  return d == AsaDefinition::over_all_callers ? "over_all_callers" : "over_answered";
}

ordered_json plan_to_json(const Plan& plan, const std::vector<LevelCost>& costs, Lang lang) {
  const PlanOptions& o = plan.options;
  const Targets& t = o.targets;
  ordered_json out;
  out["format"] = "ccteam-plan/1";
  const bool given = plan.staffing == Staffing::given;
  if (given) out["staffing"] = "given";
  out["model"] = o.model.patience ? "erlang_a" : "erlang_c";
  out["definitions"] = {{"service_level", to_string(o.model.definitions.service_level)},
                        {"asa", to_string(o.model.definitions.asa)}};
  out["targets"] = {
      {"service_level", optional_json(t.service_level,
                                      [](const ServiceLevelTarget& s) {
                                        return ordered_json{
                                            {"fraction", s.fraction},
                                            {"answer_seconds", s.answer_time.count()}};
                                      })},
      {"max_asa_seconds",
       optional_json(t.max_asa, [](Seconds s) { return ordered_json(s.count()); })},
      {"max_abandon", optional_json(t.max_abandon, [](double v) { return ordered_json(v); })},
      {"max_occupancy", optional_json(t.max_occupancy, [](double v) { return ordered_json(v); })},
      {"patience_seconds",
       optional_json(o.model.patience, [](Seconds s) { return ordered_json(s.count()); })}};
  out["assumptions"] = {{"shrinkage", o.shrinkage},
                        {"paid_hours_per_fte", o.paid_hours_per_fte},
                        {"days_per_week", o.days_per_week},
                        {"forecast_days", plan.forecast_days},
                        {"weeks", plan.weeks},
                        {"part_time_share", o.part_time_share},
                        {"part_time_fte", o.part_time_fte},
                        {"team_lead_span", o.team_lead_span},
                        {"manager_span", o.manager_span},
                        {"escalation", escalation_json(o.escalation)},
                        {"manager_escalation", escalation_json(o.manager_escalation)}};
  out["interval_seconds"] = plan.interval.count();
  ordered_json intervals = ordered_json::array();
  for (const IntervalPlan& i : plan.intervals) {
    const QueueMetrics& m = i.agents;
    auto& row = intervals.emplace_back(ordered_json{
        {"start", format_local_time(i.start)},
        {"calls_offered", i.workload.calls},
        {"aht_seconds", i.workload.handle_time.count()},
        {"load_erlangs", m.offered_load_erlangs},
        {"agents", m.agents},
        {"state", m.state == QueueState::stable ? "stable" : "unstable"},
        {"service_level", m.service_level},
        {"asa_seconds", number_or_null(m.asa.count())},
        {"occupancy", m.occupancy},
        {"p_wait", m.p_wait},
        {"abandonment", m.p_abandon},
        {"team_leads_on_duty", i.team_leads_on_duty},
        {"escalation_agents", i.escalation ? ordered_json(i.escalation->agents) : ordered_json()},
        {"escalated_calls", i.escalated_calls},
        {"deferred_lead_hours", i.deferred_lead_hours},
        {"managers_on_duty", i.managers_on_duty},
        {"deferred_manager_hours", i.deferred_manager_hours}});
    if (given)
      row["meets_targets"] = i.workload.calls > 0 ? ordered_json(i.meets_targets) : ordered_json();
  }
  out["intervals"] = std::move(intervals);
  if (plan.totals) out["totals"] = totals_json(*plan.totals);
  ordered_json levels = ordered_json::array();
  for (const LevelPlan* level : {&plan.agents, &plan.team_leads, &plan.managers}) {
    const LevelCost* cost = nullptr;
    for (const LevelCost& c : costs) {
      if (c.role == level->role) cost = &c;
    }
    levels.push_back(level_json(*level, cost, lang));
  }
  out["levels"] = std::move(levels);
  // Each note with its code and arguments (a reader renders it in its own language) and its
  // text in 'lang'.
  ordered_json notes = ordered_json::array();
  for (const Message& note : plan.notes) notes.push_back(note_json(note, lang));
  out["notes"] = std::move(notes);
  return out;
}

std::string basis_text(std::string_view basis, Lang lang) {
  if (basis == "workload") return tr(MsgId::plan_basis_workload, lang);
  if (basis == "given") return tr(MsgId::plan_basis_given, lang);
  if (basis == "cover") return tr(MsgId::plan_basis_cover, lang);
  if (basis == "span") return tr(MsgId::plan_basis_span, lang);
  return std::string(basis);
}

}  // namespace ccteam::io
