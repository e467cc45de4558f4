// Checking a saved plan by simulation as a background job, on a real SQLite store: the bounds
// of a start, the run on a node with its progress and report, and a cancel.
#include "app/workspace/simulations.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/sim/simulate.hpp"
#include "app/staffing/plan_fields.hpp"
#include "app/workspace/plans.hpp"
#include "app/workspace/seed.hpp"
#include "io/sim/plan_scenario.hpp"
#include "io/sim/sim_json.hpp"
#include "store/sqlite/sqlite_repository.hpp"
#include "store/temp_dir.hpp"
#include "support/errors.hpp"
#include "support/paths.hpp"

namespace ccteam::app {
namespace {

// A start without a model.
SimulationStart runs(int replications, std::uint64_t seed) {
  SimulationStart out;
  out.replications = replications;
  out.seed = seed;
  return out;
}

class Simulations : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::open_sqlite_repository(m_dir.file("ws.db"));
    ASSERT_TRUE(opened.has_value()) << render(opened.error(), Lang::en);
    m_repository = std::move(*opened);
    m_organisation = *m_repository->default_organisation();
    Environment env{Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{5}},
                    test::repo_data_path("catalog").string(),
                    test::repo_data_path("posting").string()};
    auto seeded = seed_catalog(*m_repository, m_organisation, env);
    ASSERT_TRUE(seeded.has_value()) << test::all_errors(seeded.error());
    auto catalog = stored_catalog(*m_repository, m_organisation);
    ASSERT_TRUE(catalog.has_value());
    // 1,200 calls a day over 08:00-10:00: the profile's intervals add up to 1,200 calls.
    auto request = plan_request_from_json(nlohmann::json::parse(
        R"({"forecast": {"profile": {"calls_per_day": 1200, "hours": "08:00-10:00"}}})"));
    ASSERT_TRUE(request.has_value()) << test::all_errors(request.error());
    auto saved = save_plan(*m_repository, m_organisation, "Morning", *request, *catalog,
                           std::nullopt, store::Actor::system());
    ASSERT_TRUE(saved.has_value()) << test::all_errors(saved.error());
    m_plan = *saved;
  }

  // The report app::simulate gives for 'scenario' on one thread, as the simulation JSON.
  std::string simulated(const sim::Scenario& scenario, int replications, std::uint64_t seed) {
    sim::RunOptions options;
    options.replications = replications;
    options.seed = seed;
    options.threads = 1;
    auto catalog = stored_catalog(*m_repository, m_organisation);
    sim::SimReport report =
        simulate(scenario, options, needs_catalog(scenario) ? &*catalog : nullptr, nullptr, {});
    return io::simulation_to_json(scenario, report, seed, Lang::en).dump();
  }

  test::TempDir m_dir;
  std::unique_ptr<store::Repository> m_repository;
  store::Uuid m_organisation;
  store::StoredPlan m_plan;
  const store::Uuid m_ann = store::new_uuid_v7(11);
  const store::Uuid m_ben = store::new_uuid_v7(12);
};

TEST_F(Simulations, AStartIsBoundedByReplicationsCallsAndTheQueue) {
  SimulationLimits limits;
  limits.max_replications = 1000;
  limits.max_simulated_calls = 30'000;  // 25 days of 1,200 calls
  limits.active_per_user = 1;
  limits.active_per_organisation = 1;
  for (int replications : {0, 1001}) {
    auto refused = start_plan_simulation(*m_repository, m_plan, runs(replications, 1), limits,
                                         m_ann, Lang::en);
    ASSERT_FALSE(refused.has_value()) << replications;
    EXPECT_EQ(refused.error().where.json_pointer, "/replications");
    EXPECT_EQ(refused.error().kind, ErrorKind::invalid_input);
  }
  auto too_many =
      start_plan_simulation(*m_repository, m_plan, runs(26, 1), limits, m_ann, Lang::en);
  ASSERT_FALSE(too_many.has_value());
  EXPECT_EQ(render(too_many.error().message, Lang::en),
            "26 replications of about 1,200 calls each are 31,200 simulated calls, more than the "
            "limit of 30,000");
  ASSERT_TRUE(too_many.error().hint.has_value());
  EXPECT_EQ(render(*too_many.error().hint, Lang::de), "höchstens 25 Wiederholungen wählen");
  auto started = start_plan_simulation(*m_repository, m_plan, runs(25, 7), limits, m_ann, Lang::de);
  ASSERT_TRUE(started.has_value()) << render(started.error(), Lang::en);
  EXPECT_EQ(started->state, "queued");
  EXPECT_EQ(started->plan_id, m_plan.id);
  EXPECT_EQ(started->replications, 25);
  EXPECT_EQ(started->seed, 7u);
  EXPECT_EQ(started->job.created_by, m_ann);
  auto mine = start_plan_simulation(*m_repository, m_plan, runs(5, 1), limits, m_ann, Lang::en);
  ASSERT_FALSE(mine.has_value());
  EXPECT_EQ(mine.error().kind, ErrorKind::throttled);
  EXPECT_EQ(mine.error().message.id, MsgId::simulation_user_busy);
  auto full = start_plan_simulation(*m_repository, m_plan, runs(5, 1), limits, m_ben, Lang::en);
  ASSERT_FALSE(full.has_value());
  EXPECT_EQ(full.error().message.id, MsgId::simulation_queue_full);
  // Cancelled, it no longer counts.
  auto cancelled = cancel_simulation(*m_repository, m_organisation, started->job.id);
  ASSERT_TRUE(cancelled.has_value());
  EXPECT_EQ(cancelled->state, "cancelled");
  EXPECT_TRUE(start_plan_simulation(*m_repository, m_plan, runs(5, 1), limits, m_ben, Lang::en));
  EXPECT_EQ(find_simulation(*m_repository, m_organisation, store::new_uuid_v7(3)).error().kind,
            ErrorKind::not_found);
}

TEST_F(Simulations, ANodeRunsItWithProgressAndStoresWhatSimulateWrites) {
  SimulationLimits limits;
  auto started = start_plan_simulation(*m_repository, m_plan, runs(6, 3), limits, m_ann, Lang::en);
  ASSERT_TRUE(started.has_value()) << render(started.error(), Lang::en);
  JobRunner node(*m_repository, "node-test");
  node.handle(std::string(k_simulate_plan_job), plan_simulation_handler(*m_repository, 2));
  auto ran = node.run_due();
  ASSERT_TRUE(ran.has_value());
  EXPECT_EQ(*ran, 1);
  auto done = find_simulation(*m_repository, m_organisation, started->job.id);
  ASSERT_TRUE(done.has_value());
  ASSERT_EQ(done->state, "done") << done->job.error.value_or("");
  EXPECT_EQ(done->job.progress_done, 6);
  EXPECT_EQ(done->job.progress_total, 6);
  ASSERT_TRUE(done->report.has_value());
  // The same report as `ccteam simulate --plan` of the plan's JSON with 6 replications, seed 3
  // (the engine is a pure function of scenario and seed, whatever the threads).
  auto scenario = io::scenario_from_plan_json(m_plan.result, "plan.json");
  ASSERT_TRUE(scenario.has_value());
  EXPECT_EQ(done->report->dump(), simulated(*scenario, 6, 3));
  EXPECT_EQ((*done->report)["replications"]["done"], 6);
  auto listed = plan_simulations(*m_repository, m_organisation, m_plan.id, 5);
  ASSERT_TRUE(listed.has_value());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().job.id, started->job.id);
}

TEST_F(Simulations, ACancelStopsARunningSimulationAfterTheReplicationsUnderWay) {
  SimulationLimits limits;
  auto started =
      start_plan_simulation(*m_repository, m_plan, runs(400, 1), limits, m_ann, Lang::en);
  ASSERT_TRUE(started.has_value());
  auto claimed = m_repository->claim_job("node-x", {std::string(k_simulate_plan_job)}, 0,
                                         store::unix_millis_now() + 600'000);
  ASSERT_TRUE(claimed && *claimed);
  // A control that cancels the job once two replications are done, as a user would.
  struct CancelAfterTwo final : JobControl {
    store::Repository& repository;
    store::Uuid organisation, id;
    int reports = 0;
    CancelAfterTwo(store::Repository& r, store::Uuid o, store::Uuid i)
        : repository(r), organisation(o), id(i) {}
    bool report(std::int64_t done, std::int64_t) override {
      ++reports;
      if (done == 2) {
        EXPECT_TRUE(repository.cancel_job(organisation, id).has_value());
      }
      auto job = *repository.job(organisation, id);
      return !job->cancel_requested;
    }
  } control(*m_repository, m_organisation, started->job.id);
  auto handler = plan_simulation_handler(*m_repository, 1);
  auto result = handler(**claimed, control);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(render(result.error().message, Lang::en), "cancelled");
  EXPECT_LT(control.reports, 10);  // stopped after replication 2, not after 400
}

// A scenario as `ccteam calibrate` writes it (scenario-mon.yaml): lognormal handle times with a
// coefficient of variation of 0.5 and callers who hang up after 60 s on average.
constexpr std::string_view k_calibrated = R"yaml(format: ccteam-scenario/1
name: "calls.csv (mon, mean of 4 days)"
interval_seconds: 900
arrivals:
  calls_per_interval: [10, 50, 20]
tiers:
  - id: agents
    role: agent
    kind: live
    staff: [3, 9, 4]
    handle_time: {distribution: lognormal, mean_seconds: 300, sd_seconds: 150}
    patience: {distribution: exponential, mean_seconds: 60}
)yaml";

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST_F(Simulations, ACalibratedScenarioIsTheModelOfTheCheck) {
  SimulationLimits limits;
  SimulationStart wanted{4, 5, std::string(k_calibrated), "scenario-mon.yaml"};
  auto started = start_plan_simulation(*m_repository, m_plan, wanted, limits, m_ann, Lang::en);
  ASSERT_TRUE(started.has_value()) << render(started.error(), Lang::en);
  EXPECT_EQ(started->model_name, "calls.csv (mon, mean of 4 days)");
  JobRunner node(*m_repository, "node-test");
  node.handle(std::string(k_simulate_plan_job), plan_simulation_handler(*m_repository, 2));
  ASSERT_TRUE(node.run_due().has_value());
  auto done = find_simulation(*m_repository, m_organisation, started->job.id);
  ASSERT_TRUE(done.has_value());
  ASSERT_EQ(done->state, "done") << done->job.error.value_or("");
  ASSERT_TRUE(done->report.has_value());
  // The report of the plan's scenario with the model, as `ccteam simulate --plan --model` runs it.
  auto scenario = io::scenario_from_plan_json(m_plan.result, "plan.json");
  ASSERT_TRUE(scenario.has_value());
  auto modelled = with_model(*scenario, k_calibrated, "scenario-mon.yaml", Lang::en);
  ASSERT_TRUE(modelled.has_value()) << test::all_errors(modelled.error());
  const sim::Tier& agents = modelled->scenario.tiers[0];
  EXPECT_EQ(agents.handle_time[0].kind, sim::DistKind::lognormal);
  EXPECT_DOUBLE_EQ(agents.handle_time[0].sd_seconds, agents.handle_time[0].mean_seconds / 2);
  EXPECT_DOUBLE_EQ(agents.patience.mean_seconds, 60);
  EXPECT_EQ(done->report->dump(), simulated(modelled->scenario, 4, 5));
  EXPECT_NE(done->report->dump().find("(model: calls.csv (mon, mean of 4 days))"),
            std::string::npos);
}

TEST_F(Simulations, AModelThatDoesNotReadIsAnErrorAtItsLine) {
  SimulationLimits limits;
  auto start = [&](std::string model) {
    SimulationStart wanted{4, 1, std::move(model), "scenario-mon.yaml"};
    return start_plan_simulation(*m_repository, m_plan, wanted, limits, m_ann, Lang::en);
  };
  auto no_sd = start(replaced(std::string(k_calibrated), ", sd_seconds: 150", ""));
  ASSERT_FALSE(no_sd.has_value());
  EXPECT_EQ(no_sd.error().where.json_pointer, "/model");
  EXPECT_EQ(no_sd.error().where.file, "scenario-mon.yaml");
  EXPECT_EQ(no_sd.error().where.line, 11);
  // No tier of the model is the plan's 'agents': the error points at the model's tiers.
  auto no_tier =
      start(replaced(replaced(std::string(k_calibrated), "id: agents", "id: first-level"),
                     "    role: agent\n", ""));
  ASSERT_FALSE(no_tier.has_value());
  EXPECT_EQ(no_tier.error().message.id, MsgId::sim_model_no_tier);
  EXPECT_EQ(no_tier.error().where.json_pointer, "/model");
  EXPECT_EQ(no_tier.error().where.line, 7);
  auto huge = start(std::string(k_calibrated) + "#" + std::string(k_max_model_bytes, 'x'));
  ASSERT_FALSE(huge.has_value());
  EXPECT_EQ(huge.error().message.id, MsgId::simulation_model_too_large);
  // Nothing was queued by the refused starts.
  auto listed = plan_simulations(*m_repository, m_organisation, m_plan.id, 5);
  ASSERT_TRUE(listed.has_value());
  EXPECT_TRUE(listed->empty());
}

}  // namespace
}  // namespace ccteam::app
