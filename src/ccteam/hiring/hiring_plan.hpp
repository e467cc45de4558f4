#pragma once
// The hiring plan: from the FTE a staffing plan needs per role and month to the people to hire,
// promote and train, the openings to publish and what it costs. Pure: no I/O, no clock.
//
// The model (worked example and sources in docs/hiring-plan.md):
// - Time steps are calendar months, month 0 = 'start'. Each role's people are a tenured pool
//   (the headcount at the start and everyone promoted into the role; fully productive, regular
//   attrition, the only people promoted further) and one cohort per month of external hires
//   (early attrition in their first months, productivity by the ramp-up curve).
// - Within month t: hires of month t start on its first day, promotions move people from the
//   role below (its tenured pool) into the role, then a share of each group leaves (attrition).
//   FTE available in month t counts the people still there at the month's end, each at the
//   productivity of their tenure (a person is one FTE); leavers do not count for the month.
// - Attrition: a monthly rate per role; a yearly rate y is converted with 1 - (1 - y)^(1/12)
//   (compounding, not y / 12: the rate of a constant monthly hazard that gives y over twelve
//   months). An early rate may apply to hires in their first months (early attrition).
// - Training: a new hire is in class for 'class_weeks' (0 FTE), then nesting for
//   'nesting_weeks' (on the phone with close support, 'nesting_fte' of an FTE), then follows the
//   ramp-up curve (FTE fraction per month) until 1. Phases are counted in whole months of the
//   plan, rounded up (weeks / k_weeks_per_month): a month that is partly in class counts as in
//   class, so the plan never counts on a trainee too early. Dates of classes are exact.
// - Hiring rule (deterministic, greedy in month order, the role nearest the top of the ladder
//   first): the gap of month t (FTE needed minus FTE available, every hire counted as fully
//   productive) is filled first by promotions from the role below (round-half-up of
//   'internal_fill' times the seats, each seat one surviving FTE; at most the whole people of the
//   role below's tenured pool), then by external hires who start R months earlier (R = months
//   from class start to full productivity; the first month of the plan when that is before it),
//   sized so that the survivors close the gap. A class runs with at least 'class_min' trainees
//   (a smaller need is rounded up); 'classes_per_month' x 'class_max', the monthly budget and
//   k_max_headcount a month cap the hires. What the limits and the lead time leave open is the
//   gap.
// - Openings: external hires of a month are published 'time_to_fill' days before their start;
//   the applicants needed are hires x applicants per hire (1 / product of the funnel's pass
//   rates), spread over the time to fill (per week).
// - Cost of a hire: 'cost_per_hire' plus the pay of the weeks in class ('monthly_pay' per FTE
//   and month, on-costs included, x class_weeks / k_weeks_per_month).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ccteam/core/error.hpp"
#include "ccteam/core/ids.hpp"
#include "ccteam/core/money.hpp"

namespace ccteam::hiring {

// Weeks in a mean Gregorian month: 365.2425 days / 12 / 7 = 4.348.
inline constexpr double k_weeks_per_month = 365.2425 / 12.0 / 7.0;
// Longest plan in months, most people in one role (and most hires into a role starting in one
// month), and other limits of the input.
inline constexpr int k_max_months = 120;
inline constexpr int k_max_headcount = 100'000;
inline constexpr double k_max_fte = 1'000'000;
// What every default below is, written once (docs/hiring-plan.md gives the reasons).
inline constexpr double k_default_internal_fill = 0.5;
inline constexpr int k_default_time_to_fill_days = 45;
inline constexpr double k_default_nesting_fte = 0.5;

// The monthly attrition rate with the same yearly loss as 'yearly_rate' (0 <= y < 1):
// 1 - (1 - y)^(1/12). A constant monthly hazard m leaves (1 - m)^12 of the people after a year.
double monthly_from_yearly(double yearly_rate);

struct Attrition {
  double monthly_rate = 0;        // share of the role's people who leave in a month, [0, 1)
  int early_months = 0;           // months of tenure in which new hires leave at the early rate
  double early_monthly_rate = 0;  // [0, 1); used only when early_months > 0
};

struct Training {
  double class_weeks = 4;                      // in class: counts 0 FTE; > 0
  double nesting_weeks = 0;                    // nesting: counts nesting_fte; >= 0
  double nesting_fte = k_default_nesting_fte;  // (0, 1]
  std::vector<double> ramp_up;  // FTE fraction per month after nesting, each in (0, 1]; then 1
  int class_min = 1;            // fewest trainees a class runs with, >= 1
  int class_max = 15;           // most trainees per class, >= class_min
  int classes_per_month = 1;    // classes that can start in one month, >= 1
};

// One step of the recruiting funnel and the share of candidates who pass it.
struct FunnelStage {
  std::string stage;     // an id: "screening", "interview"
  double pass_rate = 1;  // (0, 1]
};

struct RoleInput {
  RoleId role;
  std::vector<double> required_fte;  // FTE needed per month, one per month, each >= 0
  int headcount = 0;                 // people in the role at the start of month 0
  Attrition attrition;
  double internal_fill = k_default_internal_fill;  // share of seats filled by promotion, [0, 1]
  std::optional<std::size_t> promoted_from;        // index in HiringInput::roles of the role below
  std::optional<Training> training;                // none: a hire counts fully from the first day
  int time_to_fill_days = k_default_time_to_fill_days;  // publish to start, days, >= 0
  std::vector<FunnelStage> funnel;                      // empty: one applicant per hire
  std::optional<Money> cost_per_hire;                   // recruiting cost of one external hire
  std::optional<Money> monthly_pay;  // per FTE and month with on-costs (training pay)
};

struct HiringInput {
  std::chrono::year_month start{std::chrono::year{2026}, std::chrono::January};
  int months = 12;                        // 1..k_max_months
  std::vector<RoleInput> roles;           // at least one
  std::optional<Money> budget_per_month;  // cap on the hiring and training cost started a month
};

// One role in one month. FTE and people other than hires and promotions are expected values.
struct RoleMonth {
  double needed_fte = 0;
  double available_fte = 0;          // at the month's end, with training and ramp-up
  double gap_fte = 0;                // max(0, needed - available)
  double headcount = 0;              // people at the month's end
  double leavers = 0;                // people who leave during the month
  int promoted_in = 0;               // people promoted into the role on the month's first day
  int promoted_out = 0;              // people promoted from the role to the role above
  int hires = 0;                     // external hires starting on the month's first day
  std::optional<Money> hiring_cost;  // of the month's hires; empty without any cost given
};

struct RolePlan {
  RoleId role;
  std::vector<RoleMonth> months;
  int lead_months = 0;  // R: months from class start to full productivity
  double applicants_per_hire = 1;
};

struct TrainingClass {
  std::size_t role = 0;  // index into HiringPlan::roles
  int month = 0;
  std::chrono::year_month_day start, class_end, nesting_end;
  int size = 0;
};

struct Opening {
  std::size_t role = 0;
  int month = 0;                           // the month the hires start
  std::chrono::year_month_day publish_by;  // start minus the time to fill
  std::chrono::year_month_day start;
  int headcount = 0;
  double applicants = 0;           // hires x applicants per hire
  double applicants_per_week = 0;  // spread over the time to fill (at least one week)
};

struct HiringPlan {
  std::chrono::year_month start;
  std::vector<RolePlan> roles;  // in the input's order
  std::vector<TrainingClass> classes;
  std::vector<Opening> openings;
  int hires = 0, promotions = 0;
  std::optional<Money> cost;  // total hiring and training cost; empty without any cost given
};

// Checks the input: months and lengths of required_fte, ranges above, class_min <= class_max,
// promoted_from inside the list, not the role itself and without a cycle, one currency for every
// amount. Every problem is an Error (ErrorKind::invalid_input) whose where.json_pointer names the
// field as the YAML format does ("/roles/0/training/class_min"); empty when the input is sound.
Errors check_input(const HiringInput& input);

// The deterministic plan (rules above). Errors: those of check_input.
Checked<HiringPlan> make_hiring_plan(const HiringInput& input);

// The roles in planning order: every role before the role it is promoted from (the top of the
// ladder first). Requires a checked input.
std::vector<std::size_t> planning_order(const HiringInput& input);

// The FTE a hire counts for in the m-th month since its start (m = 0 is the first month),
// without attrition: 0 in class, nesting_fte in nesting, then the ramp-up curve, then 1; always
// 1 without training.
double productivity(const std::optional<Training>& training, int month_of_tenure);

// R: months from the start of a hire to full productivity (0 without training).
int months_to_full_productivity(const std::optional<Training>& training);

// The monthly attrition rate of a person of the given tenure in months (early or regular).
double attrition_rate(const Attrition& attrition, int month_of_tenure);

}  // namespace ccteam::hiring
