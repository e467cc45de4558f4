#include "app/sim/simulate.hpp"

#include "io/sim/plan_scenario.hpp"
#include "io/sim/scenario_yaml.hpp"
#include "io/staffing/plan_json.hpp"

namespace ccteam::app {

Checked<sim::Scenario> load_scenario(const std::string& path) { return io::load_scenario(path); }

Checked<sim::Scenario> load_plan_scenario(const std::string& path) {
  return io::load_plan_scenario(path);
}

Checked<sim::Scenario> scenario_from_plan(const staffing::Plan& plan,
                                          const catalog::Catalog& catalog, Lang lang) {
  auto costs = staffing::cost_plan(plan, catalog, staffing::CostOptions{});
  std::string text = io::plan_to_json(plan, costs, lang).dump(2) + "\n";
  return io::scenario_from_plan_json(text, "ccteam plan");
}

sim::RunOptions run_options(const sim::Scenario& scenario, const SimulationRequest& request) {
  sim::RunOptions options;
  options.replications =
      request.replications.value_or(scenario.replications.value_or(options.replications));
  options.seed = request.seed.value_or(scenario.seed.value_or(options.seed));
  options.threads = request.threads;
  return options;
}

void apply_country(sim::Scenario& scenario, const SimulationRequest& request) {
  if (!request.country.empty() && scenario.cost) scenario.cost->country = request.country;
}

sim::SimReport simulate(const sim::Scenario& scenario, const sim::RunOptions& options,
                        const catalog::Catalog* catalog, const std::atomic<bool>* stop,
                        const std::function<void(int, int)>& progress) {
  std::vector<sim::TierPay> pay;
  if (scenario.cost && catalog != nullptr) pay = sim::price_tiers(scenario, *catalog);
  sim::Model model(scenario);
  return sim::run(model, options, pay, stop, progress);
}

}  // namespace ccteam::app
