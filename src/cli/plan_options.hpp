#pragma once
// The planner's options, shared by `ccteam plan` and `ccteam simulate`: the forecast (CSV files
// or --calls/--hours/--aht/--date), the targets (--sl, --asa, --max-abandon, --max-occupancy,
// --patience and the metric definitions), the FTE assumptions and the escalation tiers. The
// command registers them with add_plan_options, then turns them into an app::PlanRequest with
// to_request. Defaults are the request's (the domain structs'); help texts show them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/staffing/plan.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"

namespace ccteam::cli {

// The options as given. Numbers that need no reading are bound straight to 'request'; texts in a
// grammar (io/staffing/plan_text.hpp) and values in other units are kept until to_request.
struct PlanArgs {
  app::PlanRequest request;  // FORECAST files, shrinkage, spans, shares
  std::string sl;            // "80/20"
  std::optional<double> asa_seconds, max_abandon, max_occupancy, patience_seconds;
  std::optional<std::string> sl_definition, asa_definition;
  std::optional<double> escalation_aht, manager_escalation_aht;         // seconds
  std::optional<std::string> escalation_mode, manager_escalation_mode;  // live|deferred
  std::optional<double> escalation_deadline_hours, manager_escalation_deadline_hours;
  std::optional<int> interval_minutes;
  std::string calls;                 // "1200/day"
  std::optional<std::string> hours;  // "08:00-20:00"
  std::optional<double> aht_seconds;
  std::optional<std::string> date;  // "2026-01-05"
};

// Registers the options above on 'cmd' (FORECAST as positional arguments), bound to 'args', which
// must outlive the command. Returns the registered options (to tell whether any was given).
std::vector<CLI::Option*> add_plan_options(CLI::App& cmd, PlanArgs& args, Lang lang);

// The request the options describe. Errors (usage) name the option and the value given:
// MsgId::plan_bad_argument_expected for a text that does not read (--sl, --sl-definition,
// --asa-definition, --escalation-mode, --manager-escalation-mode; --calls, --hours and --date
// only when no FORECAST is given and --calls is); MsgId::cli_profile_with_forecast for --calls,
// --hours, --aht or --date next to a FORECAST file (they would be ignored).
Result<app::PlanRequest> to_request(const PlanArgs& args);

// How a definition reads in a sentence ("over offered calls" / "über angebotene Anrufe"), for
// the line under a plan's or the metrics' table.
MsgId sl_definition_words(staffing::SlDefinition definition);
MsgId asa_definition_words(staffing::AsaDefinition definition);

}  // namespace ccteam::cli
