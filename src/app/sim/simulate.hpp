#pragma once
// Use cases of the team simulation (`ccteam simulate`, later the server's simulation page): the
// scenario from a scenario file, from a plan JSON, or from a plan made in memory, and the run.

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"
#include "ccteam/sim/run.hpp"
#include "ccteam/staffing/plan.hpp"
#include "io/sim/scenario_yaml.hpp"

namespace ccteam::app {

// A scenario file (docs/scenario-format.md); io::load_scenario's errors (file:line:col).
Checked<sim::Scenario> load_scenario(const std::string& path);

// A plan written by `ccteam plan --format json` ("-": standard input) as a scenario;
// io::load_plan_scenario's errors.
Checked<sim::Scenario> load_plan_scenario(const std::string& path);

// 'plan' (a plan's scenario) with the model of the scenario text 'model_text', e.g. a
// scenario-<weekday>.yaml from `ccteam calibrate` (io::apply_model_yaml: handle-time shape and
// patience from the model, the plan's day kept; 'model_file' names it in errors). The name
// becomes "<plan> (model: <model>)" (MsgId::sim_with_model) in 'lang'; model_name is the model's
// name, else model_file. Errors: the model's, at model_file:line:col.
Checked<io::ModelledScenario> with_model(sim::Scenario plan, std::string_view model_text,
                                         const std::string& model_file, Lang lang);

// The same with the model read from the file at 'path' (io::read_file's errors; at most
// io::k_max_yaml_bytes).
Checked<sim::Scenario> with_model_file(sim::Scenario plan, const std::string& path, Lang lang);

// The scenario of a plan made in memory (app::make_staffing_plan), priced with the default
// staffing::CostOptions: the plan written as `ccteam plan --format json` writes it and read back
// through the same mapping as load_plan_scenario, so both inputs give the same scenario. 'lang'
// is the language of the plan's notes.
Checked<sim::Scenario> scenario_from_plan(const staffing::Plan& plan,
                                          const catalog::Catalog& catalog, Lang lang);

// How to run: each field overrides the scenario's; empty: the scenario's, else 30 replications
// and seed 1 (sim::RunOptions).
struct SimulationRequest {
  std::optional<int> replications;  // 1..100000
  std::optional<std::uint64_t> seed;
  int threads = 0;                // 0: one per hardware thread
  std::string country;            // pay-band country for the cost; empty: the scenario's
  bool market_reference = false;  // cost roles without an own band from the market reference
};

// The scenario's settings overridden by the request.
sim::RunOptions run_options(const sim::Scenario& scenario, const SimulationRequest& request);

// Sets the request's pay-band country and market-reference choice on a scenario with a cost
// section.
void apply_cost_choices(sim::Scenario& scenario, const SimulationRequest& request);

// Whether the scenario needs the catalog (it has a cost section to price).
inline bool needs_catalog(const sim::Scenario& scenario) { return scenario.cost.has_value(); }

// Runs the replications of 'scenario' (a pure function of the scenario and options.seed).
// 'catalog' prices the tiers when the scenario has a cost section (required then). 'stop' may be
// set from another thread to stop after the replications under way (report.stopped); 'progress'
// is called with (done, total) after each replication.
sim::SimReport simulate(const sim::Scenario& scenario, const sim::RunOptions& options,
                        const catalog::Catalog* catalog, const std::atomic<bool>* stop,
                        const std::function<void(int, int)>& progress);

}  // namespace ccteam::app
