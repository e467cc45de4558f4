#include "cli/option_names.hpp"

#include <array>
#include <utility>

namespace ccteam::cli {

namespace {

constexpr std::array k_plan = std::to_array<OptionName>({
    {"/forecast/interval", "--interval"},
    {"/forecast/agents", "--agents"},
    {"/forecast/profile/calls_per_day", "--calls"},
    {"/forecast/profile/handle_time", "--aht"},
    {"/forecast/profile/interval", "--interval"},
    {"/forecast/profile/open", "--hours"},
    {"/forecast/profile/close", "--hours"},
    {"/forecast/profile/day", "--date"},
    {"/options/targets/service_level", "--sl"},
    {"/options/targets/max_asa", "--asa"},
    {"/options/targets/max_abandon", "--max-abandon"},
    {"/options/targets/max_occupancy", "--max-occupancy"},
    {"/options/model/patience", "--patience"},
    {"/options/model/definitions/service_level", "--sl-definition"},
    {"/options/model/definitions/asa", "--asa-definition"},
    {"/options/shrinkage", "--shrinkage"},
    {"/options/paid_hours_per_fte", "--hours-per-fte"},
    {"/options/days_per_week", "--days-per-week"},
    {"/options/part_time_share", "--part-time-share"},
    {"/options/part_time_fte", "--part-time-fte"},
    {"/options/team_lead_span", "--span"},
    {"/options/manager_span", "--manager-span"},
    {"/options/escalation/share", "--escalation-share"},
    {"/options/escalation/handle_time", "--escalation-aht"},
    {"/options/escalation/phone_share", "--lead-phone-share"},
    {"/options/escalation/mode", "--escalation-mode"},
    {"/options/escalation/deadline", "--escalation-deadline-hours"},
    {"/options/manager_escalation/share", "--manager-escalation-share"},
    {"/options/manager_escalation/handle_time", "--manager-escalation-aht"},
    {"/options/manager_escalation/phone_share", "--manager-phone-share"},
    {"/options/manager_escalation/mode", "--manager-escalation-mode"},
    {"/options/manager_escalation/deadline", "--manager-escalation-deadline-hours"},
    {"/costing/country", "--country"},
    {"/costing/on_cost_factor", "--on-cost"},
    {"/cost_view/currency", "--currency"},
    {"/cost_view/waiting_cost", "--waiting-cost"},
    {"/cost_view/abandon_cost", "--abandon-cost"},
    {"/cost_view/agent_hour_cost", "--agent-hour-cost"},
    {"/cost_view/rates/agent_hour", "--agent-hour-cost"},
    {"/cost_view/rates/caller_waiting_minute", "--waiting-cost"},
    {"/cost_view/rates/abandoned_call", "--abandon-cost"},
});

constexpr std::array k_metrics = std::to_array<OptionName>({
    {"/calls/format", "--input-format"},
    {"/calls/utc_offset", "--utc-offset"},
    {"/options/by", "--by"},
    {"/options/interval", "--interval"},
    {"/options/definitions/service_level", "--sl-definition"},
    {"/options/definitions/asa", "--asa-definition"},
    {"/options/service_target", "--sl-seconds"},
    {"/options/short_abandon", "--short-abandon"},
    {"/options/repeat_window", "--repeat-days"},
    {"/options/min_group", "--min-group"},
    {"/retention_days", "--retention-days"},
    {"/as_of", "--as-of"},
});

constexpr std::array k_calibrate = std::to_array<OptionName>({
    {"/calls/format", "--input-format"},
    {"/calls/utc_offset", "--utc-offset"},
    {"/options/interval", "--interval"},
    {"/options/short_call", "--short-call"},
    {"/options/service_target", "--sl-seconds"},
});

const OptionName* find(std::string_view pointer, std::span<const OptionName> names) {
  const OptionName* best = nullptr;
  for (const OptionName& n : names) {
    bool below = pointer.size() > n.pointer.size() && pointer.starts_with(n.pointer) &&
                 pointer[n.pointer.size()] == '/';
    if (pointer != n.pointer && !below) continue;
    if (best == nullptr || n.pointer.size() > best->pointer.size()) best = &n;
  }
  return best;
}

}  // namespace

std::span<const OptionName> plan_option_names() { return k_plan; }
std::span<const OptionName> metrics_option_names() { return k_metrics; }
std::span<const OptionName> calibrate_option_names() { return k_calibrate; }

Error as_option(Error error, std::span<const OptionName> names) {
  std::string& pointer = error.where.json_pointer;
  if (pointer.empty() || !error.where.file.empty()) return error;
  const OptionName* name = find(pointer, names);
  if (name == nullptr) return error;
  std::vector<MessageArg>& args = error.message.args;
  if (!args.empty() && args.front() == pointer)
    args.front() = MessageArg(std::string(name->option));
  pointer.clear();
  return error;
}

Errors as_option(Errors errors, std::span<const OptionName> names) {
  for (Error& e : errors) e = as_option(std::move(e), names);
  return errors;
}

}  // namespace ccteam::cli
