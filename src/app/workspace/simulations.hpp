#pragma once
// Checking a saved staffing plan by simulation, as a background job: the use cases behind the
// plan page's "Check by simulation" and /api/v1/plans/{id}/simulations. The plan's JSON becomes
// the scenario (io::scenario_from_plan_json, the same mapping as `ccteam simulate --plan`), the
// replications run on a JobRunner's node (app::simulate) and the report is stored as the job's
// result in the JSON `ccteam simulate --format json` writes (docs/schemas/simulation.schema.json).
//
// Bounds, so that simulations cannot take the workspace down: replications 1..max_replications,
// replications x the plan's expected calls at most max_simulated_calls, one active (queued or
// running) simulation per user and active_per_organisation in all (the queue limit; the store
// counts them in the transaction that queues: Repository::enqueue_limited_job). A node runs one
// job at a time with SimulationLimits::threads threads (the cores minus one), so the server's
// request threads keep a core.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/workspace/jobs.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"
#include "store/repository.hpp"

namespace ccteam::app {

inline constexpr std::string_view k_simulate_plan_job = "plan.simulate";

struct SimulationLimits {
  int max_replications = 1000;
  std::int64_t max_simulated_calls = 5'000'000;  // replications x expected calls of the plan
  std::int64_t active_per_user = 1;
  std::int64_t active_per_organisation = 4;  // queued or running, all users together
  int threads = 1;                           // per simulation; default_simulation_threads()
};

// The cores minus one, at least 1 (std::thread::hardware_concurrency).
int default_simulation_threads();

// The largest model scenario a start takes (a calibrated one is a few kilobytes).
inline constexpr std::size_t k_max_model_bytes = 64u << 10;

// What a user asks for: how many replications (simulated days), the seed of the first and,
// optionally, the model: the text of a scenario file (a scenario-<weekday>.yaml from
// `ccteam calibrate`) whose handle-time shape and patience the check uses instead of the
// formulas' exponential ones (app::with_model); 'model_file' names it in errors and on the page.
struct SimulationStart {
  std::int64_t replications = 30;  // as given; start_plan_simulation checks the range
  std::uint64_t seed = 1;
  std::optional<std::string> model;
  std::string model_file;
};

// A simulation as pages and the API show it. 'state': "queued", "running", "done", "failed" or
// "cancelled" (a job stopped on request); 'report' the stored simulation JSON when done.
struct SimulationRun {
  store::StoredJob job;
  store::Uuid plan_id;
  int replications = 0;
  std::uint64_t seed = 1;
  std::optional<std::string>
      model_name;  // the model's name (else its file name) when one was given
  std::string state;
  std::optional<nlohmann::ordered_json> report;
};

// Queues the simulation of 'plan' for 'user' (its notes in 'lang'). Errors:
// Error::invalid_input at "/replications" (out of range; too many simulated calls, with the
// largest number of replications allowed as the hint), at "/model" (larger than
// k_max_model_bytes; the model's reader and app::with_model errors, with model_file:line:col),
// Error::throttled when the user has an active simulation or the organisation's queue is full, the
// plan's own (a stored plan that no longer reads as a scenario), and the store's.
Result<SimulationRun> start_plan_simulation(store::Repository& repository,
                                            const store::StoredPlan& plan,
                                            const SimulationStart& start,
                                            const SimulationLimits& limits,
                                            const std::optional<store::Uuid>& user, Lang lang);

// The simulation 'id' of 'organisation'; Error::not_found (simulation_not_found) for an id that
// is no simulation job of it.
Result<SimulationRun> find_simulation(store::Repository& repository,
                                      const store::Uuid& organisation, const store::Uuid& id);

// The newest simulations of the plan 'plan_id' (at most 'limit'), found among the
// organisation's newest 200 simulation jobs.
Result<std::vector<SimulationRun>> plan_simulations(store::Repository& repository,
                                                    const store::Uuid& organisation,
                                                    const store::Uuid& plan_id, std::size_t limit);

// Asks the simulation 'id' to stop (Repository::cancel_job): a queued one is cancelled at once,
// a running one after the replications under way. find_simulation's errors.
Result<SimulationRun> cancel_simulation(store::Repository& repository,
                                        const store::Uuid& organisation, const store::Uuid& id);

// The job handler of k_simulate_plan_job: reads the payload {"plan_id", "replications", "seed",
// "lang", and "model", "model_file" when a model was given}, builds the scenario from the stored
// plan (with the model), prices it with the organisation's stored
// catalog when the plan has costs, runs with 'threads' threads reporting progress per
// replication and stops when the control says so (error simulation_cancelled). Result: the
// simulation JSON.
JobHandler plan_simulation_handler(store::Repository& repository, int threads);

}  // namespace ccteam::app
