#pragma once
// Use case of the hiring plan (`ccteam hiring-plan`, later a workspace page): from the input
// file (io/hiring/hiring_yaml.hpp) and the staffing plans it draws on to the deterministic
// hiring plan (ccteam/hiring/hiring_plan.hpp) and, when asked, its Monte Carlo over attrition
// (ccteam/hiring/monte_carlo.hpp). docs/hiring-plan.md explains the model and the input.
//
// What the use case adds to the file, from the catalog and the staffing plans:
// - FTE needed: a role without 'required_fte' takes the FTE of its level in the staffing plans,
//   one plan for every month (grown by 'growth_per_month' a month when the file gives it) or
//   one plan per month, in order.
// - Promotions: a role is filled from the planned role whose catalog next_roles names it (the
//   first such role in the file's order).
// - Training pay: a trained role without 'monthly_pay' is paid the middle of its pay band in
//   the costing country (the bottom of an open-ended band), annualised as `ccteam plan` does
//   (staffing::periods_per_year with the first plan's paid hours per FTE, else the planner's
//   default), / 12, x (1 + on-cost factor).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/outcome.hpp"
#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/hiring/hiring_plan.hpp"
#include "ccteam/hiring/monte_carlo.hpp"
#include "ccteam/staffing/plan.hpp"

namespace ccteam::app {

struct HiringRequest {
  std::string input;                  // the input file (YAML), "-" for standard input
  std::vector<std::string> plans;     // staffing plan JSONs (`ccteam plan --format json`)
  int runs = hiring::k_default_runs;  // Monte Carlo runs, 0..hiring::k_max_runs; 0: none
  std::uint64_t seed = hiring::k_default_seed;
  double short_target = hiring::k_default_short_target;  // (0, 1)
  staffing::CostOptions costing;  // pay-band country, on-costs, market reference
};

struct HiringResult {
  hiring::HiringInput input;                     // as planned: FTE, promotions and pay filled in
  std::optional<Currency> currency;              // of every amount; empty when nothing is costed
  hiring::HiringPlan plan;                       // the deterministic plan
  std::optional<hiring::MonteCarloReport> risk;  // with request.runs > 0
};

// The hiring plan of the request. Errors: the reader's (file:line:col) for the input file, the
// plan reader's (io::load_plan_levels) for each plan; at the role's id in the input file
// MsgId::hiring_unknown_role (not in the catalog), hiring_no_demand (no 'required_fte' and no
// staffing plan), hiring_two_demands (both), hiring_plan_no_role (a plan without the role's
// level, naming the plan); MsgId::hiring_plan_count (usage) when the number of plans is neither
// 1 nor the plan's months; hiring_currency_mix when a pay band's currency is not the file's;
// ErrorKind::usage for runs or short_target out of range (at "/runs", "/short_target").
// Warnings: hiring_no_band (a trained role without pay: its training pay is not costed),
// hiring_no_feeder (an 'internal_fill' that no planned role can fill).
Checked<Outcome<HiringResult>> make_hiring_plan(const HiringRequest& request,
                                                const catalog::Catalog& catalog);

}  // namespace ccteam::app
