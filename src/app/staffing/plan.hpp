#pragma once
// Use cases of staffing: a plan of agents, team leads and managers per interval from a forecast
// (`ccteam plan`, the planner options of `ccteam simulate`, later the server's plan page), and
// its cost and cost view. The defaults and ranges of every field are those of the domain structs
// (staffing::PlanOptions, staffing::DailyProfile, staffing::CostOptions); clients fill a
// PlanRequest and word errors by the JSON pointer they carry (where.json_pointer, relative to
// the request: "/options/shrinkage", "/forecast/profile/calls_per_day", "/cost_view/currency").

#include <optional>
#include <string>
#include <vector>

#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/staffing/cost_view.hpp"
#include "ccteam/staffing/plan.hpp"
#include "ccteam/staffing/profile.hpp"

namespace ccteam::app {

// A forecast CSV given as text (an upload): 'name' stands for the file in error positions.
struct ForecastText {
  std::string name = "forecast.csv";
  std::string text;
};

// Where the forecast comes from: forecast CSV files (docs/forecast-format.md), pooled, a CSV
// given as text, or one day's profile (in this order: the first that is given).
struct ForecastRequest {
  std::vector<std::string> files;                 // paths or "-"; empty: 'csv' or 'profile'
  std::optional<ForecastText> csv;                // used when 'files' is empty
  std::optional<staffing::Seconds> interval;      // interval length; empty: as the files say,
                                                  // the profile's default (30 min)
  std::optional<staffing::DailyProfile> profile;  // used when 'files' is empty
  // Agents on duty in every interval (0..staffing::k_max_agents): the plan evaluates them
  // instead of sizing (the reverse calculation). Empty: as the forecast's agents column says,
  // else sized. Given together with that column it is refused.
  std::optional<int> agents;
};

// A daily profile with the defaults of staffing::DailyProfile, dated 2000-01-03 (a Monday):
// the date written on the profile's intervals unless the request sets another.
staffing::DailyProfile daily_profile();

// The cost view (cost at the planned agents against the cheapest count per interval); on when
// any amount is given. Amounts are decimal texts in 'currency' ("12.50"), read once the currency
// is known.
struct CostViewRequest {
  std::optional<std::string> waiting_cost;     // per caller-waiting minute; default 0
  std::optional<std::string> abandon_cost;     // per abandoned call; default 0
  std::optional<std::string> agent_hour_cost;  // default: the middle of the agent pay band
  std::string currency;                        // ISO 4217; empty: the agent pay band's
  bool requested() const { return waiting_cost || abandon_cost || agent_hour_cost; }
};

struct PlanRequest {
  ForecastRequest forecast;
  staffing::PlanOptions options;  // targets, model, FTE assumptions, escalation tiers
  staffing::CostOptions costing;  // pay-band country, on-costs, market reference
  CostViewRequest cost_view;
};

// The forecast of the request: the files read (file:line:col errors of io::read_forecast_csv)
// and pooled (a file that does not fit the first is named), or the profile's forecast.
// With 'agents' every interval gets that many agents on duty.
// Errors: MsgId::plan_no_forecast (usage) when neither is given; MsgId::plan_agents_both (usage,
// at "/forecast/agents") when 'agents' is given and the forecast has an agents column;
// MsgId::staffing_agents_out_of_range (usage, at "/forecast/agents") for agents outside
// 0..staffing::k_max_agents; for the profile
// MsgId::plan_hours_order / plan_hours_grid (usage, at "/forecast/profile/close") when the hours
// are reversed or off the interval grid, and staffing::forecast_from_profile's errors at
// "/forecast/profile/...".
Checked<staffing::Forecast> load_forecast(const ForecastRequest& request);

// The plan of the request: load_forecast, then staffing::make_plan. The planner's errors name
// the option by pointer ("/options/escalation/deadline"); an error at a forecast line is given
// the file when there is one file; a daily profile's load out of range
// (MsgId::staffing_load_out_of_range) points at "/forecast/profile/calls_per_day".
Checked<staffing::Plan> make_staffing_plan(const PlanRequest& request);

// What the plan costs: each level priced from the catalog's pay bands (staffing::cost_plan),
// and, when request.cost_view.requested(), the rates and the cost view per interval.
struct PlanCosts {
  std::vector<staffing::LevelCost> levels;
  std::optional<staffing::CostRates> rates;  // set with the cost view
  std::vector<staffing::IntervalCost> view;  // one per plan interval when 'rates' is set
};

// Errors: MsgId::staffing_bad_option at "/costing/on_cost_factor" (usage) for negative
// on-costs; MsgId::unknown_currency at "/cost_view/currency" (usage, with a hint) for a text
// that is no ISO 4217 code; MsgId::plan_bad_argument at "/cost_view/waiting_cost",
// "/cost_view/abandon_cost" or "/cost_view/agent_hour_cost" (usage) for a text that is no
// amount; MsgId::plan_cost_no_agent_rate (usage) when no agent-hour rate is
// given or found in the currency; staffing::cost_view's errors at "/cost_view/...".
Result<PlanCosts> cost_staffing_plan(const staffing::Plan& plan, const PlanRequest& request,
                                     const catalog::Catalog& catalog);

// 'error' with 'prefix' put before its JSON pointer, when it has one ("/shrinkage" ->
// "/options/shrinkage"), also in the message's first argument when that names the field: a
// domain error located in the request.
Error located(Error error, std::string_view prefix);

}  // namespace ccteam::app
