#include "app/workspace/simulations.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>
#include <utility>
#include <variant>

#include "app/sim/simulate.hpp"
#include "app/workspace/seed.hpp"
#include "io/base/json_members.hpp"
#include "io/base/number_text.hpp"
#include "io/sim/plan_scenario.hpp"
#include "io/sim/sim_json.hpp"

namespace ccteam::app {

namespace {

using json = nlohmann::ordered_json;

Error at_replications(Message message, std::optional<Message> hint = std::nullopt) {
  SourcePos where;
  where.json_pointer = "/replications";
  return Error::invalid_input(std::move(message), std::move(where), std::move(hint));
}

// The plan's scenario; the file name in errors is the plan's id.
Result<sim::Scenario> plan_scenario(const store::StoredPlan& plan) {
  auto scenario = io::scenario_from_plan_json(plan.result, "plan " + plan.id.to_string());
  if (!scenario) {
    Errors errors = std::move(scenario).error();
    if (errors.empty()) return tl::unexpected(Error::internal(msg(MsgId::sim_bad_plan, "")));
    return tl::unexpected(std::move(errors.front()));
  }
  return std::move(*scenario);
}

// The model a payload holds, if any.
std::optional<std::string> model_of(const nlohmann::json& payload) {
  if (!io::json_member(payload, "model").is_string()) return std::nullopt;
  return io::json_text(payload, "model");
}

// The plan's scenario with the model the payload or start holds, if any; errors at "/model".
Result<io::ModelledScenario> modelled(sim::Scenario scenario,
                                      const std::optional<std::string>& model,
                                      const std::string& model_file, Lang lang) {
  if (!model) return io::ModelledScenario{std::move(scenario), {}};
  auto with = with_model(std::move(scenario), *model, model_file, lang);
  if (!with) {
    Errors errors = std::move(with).error();
    Error first = errors.empty() ? Error::internal(msg(MsgId::sim_bad_plan, "")) : errors.front();
    first.where.json_pointer = "/model";
    return tl::unexpected(std::move(first));
  }
  return std::move(*with);
}

// The calls one replication of 'scenario' is expected to simulate (tier 1's, rounded; at
// least 1).
std::int64_t expected_calls(const sim::Scenario& scenario) {
  double calls = 0;
  for (double c : scenario.calls_per_interval) calls += c;
  return std::max<std::int64_t>(std::llround(calls), 1);
}

// A simulation job as a run: its payload read back (payloads are written by
// start_plan_simulation, so one that does not read is an internal error).
Result<SimulationRun> run_of(store::StoredJob job) {
  nlohmann::json payload = nlohmann::json::parse(job.payload, nullptr, false);
  std::optional<store::Uuid> plan_id;
  if (payload.is_object() && payload.value("plan_id", nlohmann::json()).is_string()) {
    plan_id = store::Uuid::parse(payload["plan_id"].get<std::string>());
  }
  if (!plan_id || !payload["replications"].is_number_integer() ||
      !payload["seed"].is_number_unsigned()) {
    return tl::unexpected(Error::internal(
        msg(MsgId::simulation_bad_payload, job.id.to_string(), "plan_id, replications, seed")));
  }
  SimulationRun run;
  run.plan_id = *plan_id;
  run.replications = payload["replications"].get<int>();
  run.seed = payload["seed"].get<std::uint64_t>();
  if (model_of(payload)) run.model_name = io::json_text(payload, "model_name");
  run.state = job.state;
  if (job.state == "failed" && job.cancel_requested) run.state = "cancelled";
  if (job.state == "done" && job.result) {
    json report = json::parse(*job.result, nullptr, false);
    if (!report.is_discarded()) run.report = std::move(report);
  }
  run.job = std::move(job);
  return run;
}

}  // namespace

int default_simulation_threads() {
  unsigned cores = std::thread::hardware_concurrency();
  return cores > 1 ? static_cast<int>(cores - 1) : 1;
}

Result<SimulationRun> start_plan_simulation(store::Repository& repository,
                                            const store::StoredPlan& plan,
                                            const SimulationStart& start,
                                            const SimulationLimits& limits,
                                            const std::optional<store::Uuid>& user, Lang lang) {
  if (start.replications < 1 || start.replications > limits.max_replications) {
    return tl::unexpected(at_replications(
        msg(MsgId::yaml_out_of_range, start.replications, 1, limits.max_replications),
        msg(MsgId::hint_range, 1, limits.max_replications)));
  }
  if (start.model && start.model->size() > k_max_model_bytes) {
    SourcePos where;
    where.json_pointer = "/model";
    return tl::unexpected(
        Error::invalid_input(msg(MsgId::simulation_model_too_large,
                                 io::count_text(static_cast<std::int64_t>(start.model->size())),
                                 io::count_text(static_cast<std::int64_t>(k_max_model_bytes))),
                             std::move(where)));
  }
  CCTEAM_TRY(sim::Scenario plain, plan_scenario(plan));
  std::string model_file = start.model_file.empty() ? "model" : start.model_file;
  CCTEAM_TRY(io::ModelledScenario with, modelled(std::move(plain), start.model, model_file, lang));
  const sim::Scenario& scenario = with.scenario;
  std::int64_t per_replication = expected_calls(scenario);
  std::int64_t total = per_replication * start.replications;
  if (total > limits.max_simulated_calls) {
    std::int64_t most = std::max<std::int64_t>(limits.max_simulated_calls / per_replication, 0);
    return tl::unexpected(
        at_replications(msg(MsgId::simulation_too_large, io::count_text(start.replications),
                            io::count_text(per_replication), io::count_text(total),
                            io::count_text(limits.max_simulated_calls)),
                        msg(MsgId::hint_simulation_too_large, io::count_text(most))));
  }
  store::StoredJob job;
  job.organisation_id = plan.organisation_id;
  job.kind = std::string(k_simulate_plan_job);
  json job_payload{{"plan_id", plan.id.to_string()},
                   {"replications", start.replications},
                   {"seed", start.seed},
                   {"lang", lang == Lang::de ? "de" : "en"}};
  if (start.model) {
    job_payload["model"] = *start.model;
    job_payload["model_file"] = model_file;
    job_payload["model_name"] = with.model_name;
  }
  job.payload = job_payload.dump();
  job.created_by = user;
  // A simulation that failed (a bug, a node that died twice) is not worth a third run.
  job.max_attempts = 2;
  CCTEAM_TRY(auto queued,
             repository.enqueue_limited_job(
                 std::move(job), {limits.active_per_user, limits.active_per_organisation}));
  if (const auto* reached = std::get_if<store::JobLimitReached>(&queued)) {
    if (*reached == store::JobLimitReached::per_creator) {
      return tl::unexpected(Error::throttled(msg(MsgId::simulation_user_busy),
                                             msg(MsgId::hint_simulation_user_busy)));
    }
    return tl::unexpected(
        Error::throttled(msg(MsgId::simulation_queue_full, limits.active_per_organisation),
                         msg(MsgId::hint_simulation_queue_full)));
  }
  return run_of(std::get<store::StoredJob>(std::move(queued)));
}

Result<SimulationRun> find_simulation(store::Repository& repository,
                                      const store::Uuid& organisation, const store::Uuid& id) {
  CCTEAM_TRY(std::optional<store::StoredJob> job, repository.job(organisation, id));
  if (!job || job->kind != k_simulate_plan_job) {
    return tl::unexpected(Error::not_found(msg(MsgId::simulation_not_found, id.to_string())));
  }
  return run_of(std::move(*job));
}

Result<std::vector<SimulationRun>> plan_simulations(store::Repository& repository,
                                                    const store::Uuid& organisation,
                                                    const store::Uuid& plan_id, std::size_t limit) {
  store::JobQuery query;
  query.kind = std::string(k_simulate_plan_job);
  query.limit = 200;
  CCTEAM_TRY(std::vector<store::StoredJob> jobs, repository.jobs(organisation, query));
  std::vector<SimulationRun> out;
  for (store::StoredJob& job : jobs) {
    if (out.size() >= limit) break;
    auto run = run_of(std::move(job));
    if (run && run->plan_id == plan_id) out.push_back(std::move(*run));
  }
  return out;
}

Result<SimulationRun> cancel_simulation(store::Repository& repository,
                                        const store::Uuid& organisation, const store::Uuid& id) {
  CCTEAM_TRY(SimulationRun run, find_simulation(repository, organisation, id));
  CCTEAM_TRY(store::StoredJob job, repository.cancel_job(organisation, id));
  return run_of(std::move(job));
}

JobHandler plan_simulation_handler(store::Repository& repository, int threads) {
  return [&repository, threads](const store::StoredJob& job,
                                JobControl& control) -> Result<std::string> {
    CCTEAM_TRY(SimulationRun run, run_of(job));
    CCTEAM_TRY(std::optional<store::StoredPlan> plan,
               repository.plan(job.organisation_id, run.plan_id));
    if (!plan) {
      return tl::unexpected(
          Error::not_found(msg(MsgId::simulation_plan_gone, run.plan_id.to_string())));
    }
    nlohmann::json payload = nlohmann::json::parse(job.payload, nullptr, false);
    Lang lang = io::json_text(payload, "lang") == "de" ? Lang::de : Lang::en;
    std::string model_file = io::json_text(payload, "model_file");
    CCTEAM_TRY(sim::Scenario plain, plan_scenario(*plan));
    CCTEAM_TRY(io::ModelledScenario with,
               modelled(std::move(plain), model_of(payload),
                        model_file.empty() ? "model" : model_file, lang));
    const sim::Scenario& scenario = with.scenario;
    std::optional<catalog::Catalog> catalog;
    if (needs_catalog(scenario)) {
      CCTEAM_TRY(catalog, stored_catalog(repository, job.organisation_id));
    }
    sim::RunOptions options;
    options.replications = run.replications;
    options.seed = run.seed;
    options.threads = std::max(threads, 1);
    std::atomic<bool> stop{false};
    if (!control.report(0, run.replications)) {
      return tl::unexpected(Error::invalid_input(msg(MsgId::simulation_cancelled)));
    }
    sim::SimReport report =
        simulate(scenario, options, catalog ? &*catalog : nullptr, &stop, [&](int done, int total) {
          if (!control.report(done, total)) stop.store(true);
        });
    if (report.stopped) {
      return tl::unexpected(Error::invalid_input(msg(MsgId::simulation_cancelled)));
    }
    return io::simulation_to_json(scenario, report, run.seed, lang).dump();
  };
}

}  // namespace ccteam::app
