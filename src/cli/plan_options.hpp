#pragma once
// The planner's options, shared by `ccteam plan` and `ccteam simulate`: the forecast (CSV files
// or --calls/--hours/--aht/--date), the targets (--sl, --asa, --max-abandon, --max-occupancy,
// --patience and the metric definitions), the FTE assumptions and the escalation tiers. The
// command registers them with add_plan_options, then turns them into staffing::PlanOptions and a
// staffing::Forecast. Errors are usage errors (exit 2) naming the option and the value given.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"
#include "ccteam/staffing/plan.hpp"

namespace ccteam::cli {

struct PlanArgs {
  std::vector<std::string> forecasts;  // paths or "-"; several are pooled; none: --calls/--hours
  std::string sl;                      // "80/20"
  std::optional<double> asa_seconds, max_abandon, max_occupancy, patience_seconds;
  std::string sl_definition = "offered";
  std::string asa_definition = "answered";
  double shrinkage = 0.30, hours_per_fte = 39, part_time_share = 0, part_time_fte = 0.5;
  int days_per_week = 5, span = 12, manager_span = 6;
  double escalation_share = 0, lead_phone_share = 0.5;
  std::optional<double> escalation_aht;
  std::string escalation_mode = "live";
  double escalation_deadline_hours = 4;
  double manager_escalation_share = 0, manager_phone_share = 0.25;
  std::optional<double> manager_escalation_aht;
  std::string manager_escalation_mode = "deferred";
  double manager_escalation_deadline_hours = 8;
  std::optional<int> interval_minutes;
  std::string calls;  // "1200/day"
  std::string hours = "08:00-20:00";
  double aht_seconds = 180;
  std::string date = "2000-01-03";
};

// Registers the options above on 'cmd' (FORECAST as positional arguments), bound to 'args', which
// must outlive the command. Returns the registered options (to tell whether any was given).
std::vector<CLI::Option*> add_plan_options(CLI::App& cmd, PlanArgs& args, Lang lang);

// The targets, model and FTE assumptions. Error: MsgId::plan_bad_argument naming the option.
Result<staffing::PlanOptions> to_options(const PlanArgs& args);

// The metric definitions from --sl-definition (offered|answered|offered-minus-short) and
// --asa-definition (answered|all); shared with `ccteam metrics`. Error: MsgId::plan_bad_argument.
Result<staffing::Definitions> parse_definitions(std::string_view sl_definition,
                                                std::string_view asa_definition);

// The forecast: the CSV files pooled, or the daily profile from --calls/--hours/--aht/--date.
// Errors: the CSV reader's (file:line:col), MsgId::plan_no_forecast when neither is given,
// MsgId::plan_bad_argument for a malformed --calls, --hours or --date.
Checked<staffing::Forecast> load_forecast(const PlanArgs& args);

// A usage error for a malformed option value (MsgId::plan_bad_argument).
Error bad_argument(std::string_view option, std::string_view value);

// The same with an example of a good value or the list of values allowed
// (MsgId::plan_bad_argument_expected): "--calls: cannot read '100'; expected e.g. 1200/day".
Error bad_argument(std::string_view option, std::string_view value, std::string_view expected);

// How a definition reads in a sentence ("over offered calls" / "über angebotene Anrufe"), for
// the line under a plan's or the metrics' table.
MsgId sl_definition_words(staffing::SlDefinition definition);
MsgId asa_definition_words(staffing::AsaDefinition definition);

// A decimal number filling all of 's'; nullopt otherwise.
std::optional<double> parse_number(std::string_view s);

}  // namespace ccteam::cli
