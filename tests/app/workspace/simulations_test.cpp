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
#include "support/paths.hpp"

namespace ccteam::app {
namespace {

std::string render_all(const Errors& errors) {
  std::string out;
  for (const Error& error : errors) out += render(error, Lang::en) + "\n";
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
    ASSERT_TRUE(seeded.has_value()) << render_all(seeded.error());
    auto catalog = stored_catalog(*m_repository, m_organisation);
    ASSERT_TRUE(catalog.has_value());
    // 1,200 calls a day over 08:00-10:00: the profile's intervals add up to 1,200 calls.
    auto request = plan_request_from_json(nlohmann::json::parse(
        R"({"forecast": {"profile": {"calls_per_day": 1200, "hours": "08:00-10:00"}}})"));
    ASSERT_TRUE(request.has_value()) << render_all(request.error());
    auto saved = save_plan(*m_repository, m_organisation, "Morning", *request, *catalog,
                           std::nullopt, store::Actor::system());
    ASSERT_TRUE(saved.has_value()) << render_all(saved.error());
    m_plan = *saved;
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
    auto refused =
        start_plan_simulation(*m_repository, m_plan, {replications, 1}, limits, m_ann, Lang::en);
    ASSERT_FALSE(refused.has_value()) << replications;
    EXPECT_EQ(refused.error().where.json_pointer, "/replications");
    EXPECT_EQ(refused.error().kind, ErrorKind::invalid_input);
  }
  auto too_many = start_plan_simulation(*m_repository, m_plan, {26, 1}, limits, m_ann, Lang::en);
  ASSERT_FALSE(too_many.has_value());
  EXPECT_EQ(render(too_many.error().message, Lang::en),
            "26 replications of about 1,200 calls each are 31,200 simulated calls, more than the "
            "limit of 30,000");
  ASSERT_TRUE(too_many.error().hint.has_value());
  EXPECT_EQ(render(*too_many.error().hint, Lang::de), "höchstens 25 Wiederholungen wählen");
  auto started = start_plan_simulation(*m_repository, m_plan, {25, 7}, limits, m_ann, Lang::de);
  ASSERT_TRUE(started.has_value()) << render(started.error(), Lang::en);
  EXPECT_EQ(started->state, "queued");
  EXPECT_EQ(started->plan_id, m_plan.id);
  EXPECT_EQ(started->replications, 25);
  EXPECT_EQ(started->seed, 7u);
  EXPECT_EQ(started->job.created_by, m_ann);
  auto mine = start_plan_simulation(*m_repository, m_plan, {5, 1}, limits, m_ann, Lang::en);
  ASSERT_FALSE(mine.has_value());
  EXPECT_EQ(mine.error().kind, ErrorKind::throttled);
  EXPECT_EQ(mine.error().message.id, MsgId::simulation_user_busy);
  auto full = start_plan_simulation(*m_repository, m_plan, {5, 1}, limits, m_ben, Lang::en);
  ASSERT_FALSE(full.has_value());
  EXPECT_EQ(full.error().message.id, MsgId::simulation_queue_full);
  // Cancelled, it no longer counts.
  auto cancelled = cancel_simulation(*m_repository, m_organisation, started->job.id);
  ASSERT_TRUE(cancelled.has_value());
  EXPECT_EQ(cancelled->state, "cancelled");
  EXPECT_TRUE(start_plan_simulation(*m_repository, m_plan, {5, 1}, limits, m_ben, Lang::en));
  EXPECT_EQ(find_simulation(*m_repository, m_organisation, store::new_uuid_v7(3)).error().kind,
            ErrorKind::not_found);
}

TEST_F(Simulations, ANodeRunsItWithProgressAndStoresWhatSimulateWrites) {
  SimulationLimits limits;
  auto started = start_plan_simulation(*m_repository, m_plan, {6, 3}, limits, m_ann, Lang::en);
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
  sim::RunOptions options;
  options.replications = 6;
  options.seed = 3;
  options.threads = 1;
  auto catalog = stored_catalog(*m_repository, m_organisation);
  sim::SimReport report =
      simulate(*scenario, options, needs_catalog(*scenario) ? &*catalog : nullptr, nullptr, {});
  nlohmann::ordered_json expected = io::simulation_to_json(*scenario, report, 3, Lang::en);
  EXPECT_EQ(done->report->dump(), expected.dump());
  EXPECT_EQ((*done->report)["replications"]["done"], 6);
  auto listed = plan_simulations(*m_repository, m_organisation, m_plan.id, 5);
  ASSERT_TRUE(listed.has_value());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().job.id, started->job.id);
}

TEST_F(Simulations, ACancelStopsARunningSimulationAfterTheReplicationsUnderWay) {
  SimulationLimits limits;
  auto started = start_plan_simulation(*m_repository, m_plan, {400, 1}, limits, m_ann, Lang::en);
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

}  // namespace
}  // namespace ccteam::app
