#pragma once
// The staffing and budget plan: agents per interval, FTE with shrinkage, team leads by span of
// control, on-duty cover and live escalations, managers by span of control, and what the team
// costs from the catalog's pay bands. Pure: no I/O.
//
// Rules and their sources:
// - Agents per interval: whole numbers, the fewest meeting the targets (solve.hpp); or, where
//   the forecast gives them (ForecastInterval::agents), those agents, evaluated with the same
//   model, definitions and answer time (the reverse calculation, solve.hpp's evaluate). Erlang C
//   with a load at or above the agents is QueueState::unstable (so are 0 agents with calls);
//   Erlang A is always stable. The levels above and the costs follow from the agents either way.
// - FTE = required agent-hours per week / paid hours per FTE per week / (1 - shrinkage), summed
//   over the whole forecast and rounded once, at the end (to people). Shrinkage (absence, breaks,
//   training: time paid but not available for calls) divides, N / (1 - s), because it is a share
//   of paid time, not of productive time (Cleveland 2012, Call Center Management on Fast
//   Forward, 3rd ed., ch. 6; Koole 2013, Call Center Optimization, ch. 9).
// - Team leads: span of control counts people, not FTE (part-timers need leading too). Default
//   1 team lead per 12 agents: industry surveys put the span at 8 to 12 agents per supervisor,
//   up to about 17 in large centers (Cleveland 2012, ch. 10; ICMI benchmark surveys). At least
//   one team lead is on duty in every open interval (one with calls), and enough of them to
//   answer the live escalations: the escalated calls form their own queue, sized with the same
//   model and targets, and a team lead spends 'phone_share' of on-duty time on that queue.
// - Managers: by span of control, default 1 per 6 team leads; they do not work a live queue
//   unless asked. A further escalation share from the team leads to the managers may be given;
//   managers then also need enough on-duty time for it (deferred by default).
// - Escalation tiers are live (a warm transfer into a queue: Erlang C or A with the plan's
//   targets on the escalated calls) or deferred (callbacks or tickets that must be done within a
//   deadline). A deferred tier is sized as a fluid: the work that arrives in an interval is
//   spread evenly over the open intervals from its arrival up to its deadline (so every item is
//   done in time when the work is divisible), and each interval gets the people whose time on
//   escalations covers the work spread onto it. Work that would run past the forecast's last
//   day wraps round to its first (the forecast stands for a repeating day or week). Randomness
//   within an interval is not in this rule; `ccteam simulate` checks the deadlines with it.
//
// Week: a forecast of 7 or more days is a sample of the calendar (weekly hours = hours /
// days x 7); a shorter one is a typical day repeated 'days_per_week' times a week.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/money.hpp"
#include "ccteam/staffing/forecast.hpp"
#include "ccteam/staffing/solve.hpp"

namespace ccteam::staffing {

// How an upper tier takes its escalations.
enum class TierMode {
  live,      // warm transfer into the tier's queue, sized with Erlang C / A and the targets
  deferred,  // callback or ticket, done within 'deadline' of its arrival
};

// Escalations from one tier to the next (agents -> team leads, team leads -> managers).
struct Escalation {
  double share = 0;                    // share of the lower tier's calls escalated, 0..1
  std::optional<Seconds> handle_time;  // the tier's handle time per escalation; empty: the
                                       // lower tier's handle time
  double phone_share = 0.5;            // share of the tier's on-duty time for escalations, (0, 1]
  TierMode mode = TierMode::live;
  Seconds deadline{4 * 3600.0};  // deferred only: time from arrival to done, >= one interval
};

struct PlanOptions {
  Targets targets;
  QueueModel model;
  double shrinkage = 0.30;         // 0 <= s < 1
  double paid_hours_per_fte = 39;  // paid hours per FTE per week (38 to 40 in Germany)
  int days_per_week = 5;           // for forecasts shorter than a week, 1..7
  double part_time_share = 0;      // share of agents who work part time, 0..1
  double part_time_fte = 0.5;      // FTE of one part-time agent, 0 < f <= 1
  int team_lead_span = 12;         // agents (people) per team lead
  int manager_span = 6;            // team leads per manager
  Escalation escalation;           // agents -> team leads; live by default
  // Team leads -> managers: the share of the escalations reaching team leads that go on to a
  // manager. Default none (managers by span of control only); deferred, one working day.
  Escalation manager_escalation{0, std::nullopt, 0.25, TierMode::deferred, Seconds{8 * 3600.0}};
};

// Where a plan's agents come from.
enum class Staffing : std::uint8_t {
  required,  // sized: the fewest agents meeting the targets in each interval
  given,     // given by the forecast (ForecastInterval::agents) and evaluated
};

struct IntervalPlan {
  LocalTime start;
  Workload workload;
  QueueMetrics agents;                     // agents.agents = agents required (or given)
  bool meets_targets = true;               // the agents meet every target (always when sized)
  int team_leads_on_duty = 0;              // max(1 when open, escalation need)
  std::optional<QueueMetrics> escalation;  // the team leads' live queue, when set and live
  double escalated_calls = 0;              // escalations reaching team leads in the interval
  double deferred_lead_hours = 0;          // deferred mode: team-lead hours of escalation work done
                                           // in this interval (after spreading to deadlines)
  int managers_on_duty = 0;                // managers needed on duty for their escalations
  double deferred_manager_hours = 0;       // as deferred_lead_hours, for managers
};

// One level of the team. 'fte' is exact; 'headcount' is the one rounding (people, up).
struct LevelPlan {
  RoleId role;
  double weekly_hours = 0;  // hours on duty per week: agents' workload; team leads and
                            // managers: the on-duty hours their FTE give (fte x paid hours x
                            // (1 - shrinkage)), cover or span
  double fte = 0;           // paid FTE, shrinkage included, not rounded (headcount is)
  int headcount = 0;        // people
  std::string basis;        // which rule set the headcount: "workload", "given" (the
                            // agents given, not sized), "span", "cover" (on-duty hours,
                            // escalations included)
};

// What given agents achieve over a whole forecast, each interval weighted by its calls as its
// report would be (an ACD's daily report adds up the intervals' counts the same way).
struct StaffingTotals {
  double calls = 0;            // calls offered in all intervals
  int open_intervals = 0;      // intervals with calls
  int meeting_intervals = 0;   // intervals with calls whose agents meet every target
  int unstable_intervals = 0;  // Erlang C intervals with a load at or above their agents
  // The whole forecast as one QueueMetrics (agents: the most on duty in any interval):
  //   service level = sum of calls_i x weight_i x SL_i / sum of calls_i x weight_i, where the
  //     weight is 1 for SlDefinition::over_offered, 1 - P(abandon) for over_answered and
  //     1 - P(abandon within target) for over_offered_minus_short_abandons; an unstable
  //     interval counts with SL 0;
  //   ASA likewise with weight 1 - P(abandon) (over_answered) or 1 (over_all_callers); +inf and
  //     state unstable when any interval with calls is unstable;
  //   abandonment = abandoned / offered calls; occupancy = busy agent-time / agent-time;
  //   p_wait = calls that wait / offered calls.
  // No calls at all: service level 1, ASA 0, as erlang_c gives for no load.
  QueueMetrics figures;
  bool meets_targets = true;  // 'figures' meet every target (meets() in solve.hpp)
};

// The totals of the intervals of a plan (any plan; `plan` shows them for given agents).
StaffingTotals staffing_totals(const std::vector<IntervalPlan>& intervals, const Targets& targets,
                               const Definitions& definitions);

struct Plan {
  Seconds interval{1800};
  Staffing staffing = Staffing::required;  // given when any interval's agents are given
  std::optional<StaffingTotals> totals;    // set when the agents are given
  std::vector<IntervalPlan> intervals;
  double forecast_days = 0;
  double weeks = 0;  // how many weeks the forecast stands for
  LevelPlan agents, team_leads, managers;
  PlanOptions options;
  // What a reader must know to read the plan right (MsgId::plan_note_days_per_week, or
  // plan_note_one_day_per_week for a forecast of one day: a forecast shorter than a week
  // repeats on options.days_per_week days; args: the forecast's days, the days per week) and
  // warnings
  // (MsgId::plan_warn_leads_over_span: live escalations need more than twice the team leads the
  // span of control needs).
  std::vector<Message> notes;
};

// Every id Plan::notes may hold (readers of a stored plan's notes know these).
inline constexpr std::array k_plan_note_ids{MsgId::plan_note_days_per_week,
                                            MsgId::plan_note_one_day_per_week,
                                            MsgId::plan_warn_leads_over_span};

// Checks the options (ranges above) and the targets (check_targets), then sizes every interval
// (or evaluates the agents the forecast gives; the targets then say whether they are met) and
// the three levels. Errors name the interval (its start) for workload errors; the option's
// name for bad options (MsgId::staffing_bad_option; a deferred deadline shorter than one
// interval is one).
Result<Plan> make_plan(const Forecast& forecast, const PlanOptions& options);

// Annual cost of one level: low and high end of the band x paid FTE x (1 + on-cost factor).
struct LevelCost {
  RoleId role;
  std::optional<Money> low, high;  // empty when not costed
  bool market_reference = false;   // priced from the article's market reference (asked for)
  // Why it is not costed (MsgId::staffing_no_band, staffing_no_band_market_available: args the
  // role's title, the country); that a market reference is used (staffing_market_reference_used:
  // the title, the reference's source, its country, its currency, the on-cost factor added to
  // it); that the band or the reference has no top (staffing_band_open_ended,
  // staffing_market_reference_open_ended: the title).
  std::vector<Message> notes;
};

// Every id LevelCost::notes may hold (readers of a stored plan's cost notes know these).
inline constexpr std::array k_cost_note_ids{
    MsgId::staffing_no_band, MsgId::staffing_no_band_market_available,
    MsgId::staffing_market_reference_used, MsgId::staffing_band_open_ended,
    MsgId::staffing_market_reference_open_ended};

struct CostOptions {
  std::string country = "DE";         // ISO 3166-1 alpha-2 of the pay band
  double on_cost_factor = 0.21;       // employer on-costs as a share of gross pay (DE: ~21 %
                                      // social insurance, Destatis labour cost survey)
  bool use_market_reference = false;  // price roles without own bands from the market reference
};

// Prices each level from catalog.bands_for(role) in 'country' (a band for another country is
// not used). Hourly bands are annualised with the plan's paid hours x 52 weeks, monthly ones x 12.
// A role without an own band is costed from its market reference only when asked, and says so;
// an open-ended band (no top) has no high end and says that it needs one.
// How many pay periods make a year: hour -> paid hours per FTE per week x 52, month -> 12, year
// -> 1.
double periods_per_year(catalog::PayPeriod period, double paid_hours_per_fte);

std::vector<LevelCost> cost_plan(const Plan& plan, const catalog::Catalog& catalog,
                                 const CostOptions& options);

}  // namespace ccteam::staffing
