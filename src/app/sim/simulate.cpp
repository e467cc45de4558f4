#include "app/sim/simulate.hpp"

#include "io/base/files.hpp"
#include "io/base/yaml_reader.hpp"
#include "io/sim/plan_scenario.hpp"
#include "io/sim/scenario_yaml.hpp"
#include "io/staffing/plan_json.hpp"

namespace ccteam::app {

Checked<sim::Scenario> load_scenario(const std::string& path) { return io::load_scenario(path); }

Checked<io::ModelledScenario> with_model(sim::Scenario plan, std::string_view model_text,
                                         const std::string& model_file, Lang lang) {
  CCTEAM_TRY(io::ModelledScenario modelled,
             io::apply_model_yaml(std::move(plan), model_text, model_file));
  if (modelled.model_name.empty()) modelled.model_name = model_file;
  modelled.scenario.name =
      render(msg(MsgId::sim_with_model, modelled.scenario.name, modelled.model_name), lang);
  return modelled;
}

Checked<sim::Scenario> with_model_file(sim::Scenario plan, const std::string& path, Lang lang) {
  auto text = io::read_file(path, io::k_max_yaml_bytes);
  if (!text) return tl::unexpected(Errors{text.error()});
  CCTEAM_TRY(io::ModelledScenario modelled,
             with_model(std::move(plan), *text, path == "-" ? std::string() : path, lang));
  return std::move(modelled.scenario);
}

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

void apply_cost_choices(sim::Scenario& scenario, const SimulationRequest& request) {
  if (!scenario.cost) return;
  if (!request.country.empty()) scenario.cost->country = request.country;
  if (request.market_reference) scenario.cost->market_reference = true;
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
