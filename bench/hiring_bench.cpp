// Hiring plan speed: a 36-month plan of a growing call center (agents, team leads, managers;
// agents with early attrition, four-week classes, nesting and ramp-up) made deterministically,
// and with its Monte Carlo over attrition at 10,000 runs including the safe plan's rounds.
// Aim: the Monte Carlo under 0.5 s on one core. The Monte Carlo's runs are 10,000 in the bench
// preset, 200 at smoke size (scripts/test, sanitizers), or CCTEAM_BENCH_HIRING_RUNS.
// OnePass36Months is one pass of the runs over the plan (a safety round costs one more).
// Counters: "runs" (a check of the size), "hires" (hires of the safe plan, a checksum) and
// "rounds" (safety rounds made).
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdlib>

#include "bench_support.hpp"
#include "ccteam/hiring/hiring_plan.hpp"
#include "ccteam/hiring/monte_carlo.hpp"

namespace {

using namespace ccteam;
using namespace ccteam::hiring;

constexpr int k_months = 36;

// FTE growing by 'growth' a month from 'first'.
std::vector<double> growing(double first, double growth) {
  std::vector<double> out;
  for (int t = 0; t < k_months; ++t) out.push_back(first * std::pow(1 + growth, t));
  return out;
}

HiringInput call_center() {
  auto eur = *Currency::parse("EUR");
  HiringInput in;
  in.start = std::chrono::year{2027} / std::chrono::January;
  in.months = k_months;
  RoleInput manager;
  manager.role = RoleId("manager");
  manager.required_fte = growing(3, 0.01);
  manager.headcount = 3;
  manager.attrition.monthly_rate = monthly_from_yearly(0.10);
  RoleInput lead;
  lead.role = RoleId("team-lead");
  lead.required_fte = growing(15, 0.01);
  lead.headcount = 15;
  lead.attrition.monthly_rate = monthly_from_yearly(0.15);
  lead.promoted_from = 2;
  manager.promoted_from = 1;
  RoleInput agent;
  agent.role = RoleId("agent");
  agent.required_fte = growing(150, 0.01);
  agent.headcount = 150;
  agent.attrition = Attrition{monthly_from_yearly(0.40), 3, 0.08};
  Training training;
  training.class_weeks = 4;
  training.nesting_weeks = 2;
  training.ramp_up = {0.75};
  training.class_min = 4;
  training.class_max = 15;
  training.classes_per_month = 2;
  agent.training = training;
  agent.funnel = {{"screening", 0.5}, {"interview", 0.4}, {"offer", 0.8}};
  agent.cost_per_hire = Money{150'000, eur};
  agent.monthly_pay = Money{300'000, eur};
  in.roles = {manager, lead, agent};
  return in;
}

void Deterministic36Months(benchmark::State& state) {
  const HiringInput in = call_center();
  int hires = 0;
  for (auto _ : state) {
    auto plan = make_hiring_plan(in);
    if (!plan) std::abort();
    hires = plan->hires;
    benchmark::DoNotOptimize(plan->roles.data());
  }
  state.counters["hires"] = hires;
}

void MonteCarlo36Months(benchmark::State& state) {
  const HiringInput in = call_center();
  auto plan = make_hiring_plan(in);
  if (!plan) std::abort();
  MonteCarloOptions options;
  options.runs =
      static_cast<int>(ccteam::bench::input_count("CCTEAM_BENCH_HIRING_RUNS", 200, k_default_runs));
  int safe_hires = 0;
  int rounds = 0;
  for (auto _ : state) {
    auto report = monte_carlo(in, *plan, options);
    if (!report) std::abort();
    safe_hires = report->safe_hires;
    rounds = report->safety_rounds;
    benchmark::DoNotOptimize(report->roles.data());
  }
  state.counters["runs"] = options.runs;
  state.counters["hires"] = safe_hires;
  state.counters["rounds"] = rounds;
}

// One pass of the runs over the deterministic plan (what each safety round costs).
void OnePass36Months(benchmark::State& state) {
  const HiringInput in = call_center();
  auto plan = make_hiring_plan(in);
  if (!plan) std::abort();
  MonteCarloOptions options;
  options.runs =
      static_cast<int>(ccteam::bench::input_count("CCTEAM_BENCH_HIRING_RUNS", 200, k_default_runs));
  for (auto _ : state) {
    auto risks = simulate_attrition(in, *plan, options);
    benchmark::DoNotOptimize(risks.data());
  }
  state.counters["runs"] = options.runs;
}

BENCHMARK(Deterministic36Months)->Unit(benchmark::kMicrosecond);
BENCHMARK(OnePass36Months)->Unit(benchmark::kMillisecond);
BENCHMARK(MonteCarlo36Months)->Unit(benchmark::kMillisecond);

}  // namespace
