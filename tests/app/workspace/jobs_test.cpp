// Background jobs as the server runs them: handlers by kind, results and retries, the hourly
// maintenance job queued once however many nodes queue it, and what it prunes.
#include "app/workspace/jobs.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/sqlite/sqlite_repository.hpp"
#include "store/temp_dir.hpp"

namespace ccteam::app {
namespace {

struct Fixture {
  test::TempDir dir;
  store::UnixMillis now = 1'764'920'000'000;  // 2025-12-05T07:33:20Z
  std::unique_ptr<store::SqliteRepository> repository;
  store::Uuid organisation;

  Fixture() {
    auto opened =
        store::SqliteRepository::open(dir.file("ws.db"), {.clock = [this] { return now; }});
    EXPECT_TRUE(opened.has_value());
    repository = std::move(*opened);
    organisation = *repository->default_organisation();
  }

  JobRunner runner(const std::string& node) {
    return JobRunner(*repository, node,
                     {.retry_after = std::chrono::seconds{30}, .clock = [this] { return now; }});
  }
};

TEST(Jobs, RunsDueJobsOfItsKindsAndStoresTheirResults) {
  Fixture f;
  JobRunner node = f.runner("node-a");
  std::vector<std::string> seen;
  node.handle("plan.simulate",
              [&seen](const store::StoredJob& job, JobControl&) -> Result<std::string> {
                seen.push_back(job.payload);
                return std::string(R"({"ok":true})");
              });
  auto first = node.enqueue(f.organisation, "plan.simulate", R"({"plan":1})");
  auto later =
      node.enqueue(f.organisation, "plan.simulate", R"({"plan":2})", std::nullopt, f.now + 60'000);
  auto foreign = node.enqueue(f.organisation, "mail.send", "{}");
  ASSERT_TRUE(first && later && foreign);
  EXPECT_EQ(*node.run_due(), 1);  // the later one is not due, mail.send is not this node's
  EXPECT_EQ(seen, std::vector<std::string>{R"({"plan":1})"});
  auto stored = *f.repository->job(f.organisation, first->id);
  EXPECT_EQ(stored->state, "done");
  EXPECT_EQ(stored->result, R"({"ok":true})");
  EXPECT_EQ(stored->claimed_by, "node-a");
  EXPECT_EQ((*f.repository->job(f.organisation, foreign->id))->state, "queued");
  f.now += 60'000;
  EXPECT_EQ(*node.run_due(), 1);
  EXPECT_EQ(seen.size(), 2u);
  EXPECT_EQ(*node.run_due(), 0);
}

TEST(Jobs, AFailingHandlerIsRetriedAfterTheDelayThenFails) {
  Fixture f;
  JobRunner node = f.runner("node-a");
  int calls = 0;
  node.handle("plan.simulate",
              [&calls](const store::StoredJob&, JobControl&) -> Result<std::string> {
                ++calls;
                return tl::unexpected(Error::invalid_input(msg(MsgId::job_unknown_kind, "x")));
              });
  auto job = node.enqueue(f.organisation, "plan.simulate", "{}", std::nullopt, 0, 2);
  ASSERT_TRUE(job.has_value());
  EXPECT_EQ(*node.run_due(), 1);
  auto retry = *f.repository->job(f.organisation, job->id);
  EXPECT_EQ(retry->state, "queued");
  EXPECT_EQ(retry->run_after, f.now + 30'000);
  EXPECT_EQ(retry->error, "there is no job kind x");
  EXPECT_EQ(*node.run_due(), 0);  // not before 30 s
  f.now += 30'000;
  EXPECT_EQ(*node.run_due(), 1);
  EXPECT_EQ((*f.repository->job(f.organisation, job->id))->state, "failed");
  EXPECT_EQ(calls, 2);
}

TEST(Jobs, TheHourlyMaintenanceJobRunsOnceForAllNodesAndPrunes) {
  Fixture f;
  // 2025-12-05T07:33:20Z is in hour 490255 since 1970 (1,764,920,000,000 ms / 3,600,000).
  EXPECT_EQ(prune_dedupe_key(f.now), "hour-490255");
  EXPECT_EQ(prune_dedupe_key(f.now + 26 * 60'000), "hour-490255");  // 07:59:20
  EXPECT_EQ(prune_dedupe_key(f.now + 27 * 60'000), "hour-490256");  // 08:00:20
  JobRunner a = f.runner("node-a");
  JobRunner b = f.runner("node-b");
  for (JobRunner* node : {&a, &b}) {
    node->handle(std::string(k_prune_job), prune_handler(*f.repository, [&f] { return f.now; }));
  }
  // An expired session and an old failure to prune.
  store::StoredUser user;
  user.login = "anna";
  user.display_name = "Anna";
  user.role = "admin";
  user.password_hash = "hash";
  auto anna = f.repository->add_user(f.organisation, user, store::Actor::cli());
  ASSERT_TRUE(anna.has_value());
  store::StoredSession session;
  session.id = store::new_uuid_v7(f.now);
  session.organisation_id = f.organisation;
  session.user_id = anna->id;
  session.token_hash.fill(1);
  session.created_at = session.last_seen_at = f.now;
  session.expires_at = f.now + 1000;
  ASSERT_TRUE(f.repository->add_session(session, store::Actor::cli()));
  f.now += 20 * 60'000;  // the session expired; a failure from now - 20 min is past the window
  auto a_job = a.enqueue(f.organisation, std::string(k_prune_job), "{}", prune_dedupe_key(f.now));
  auto b_job = b.enqueue(f.organisation, std::string(k_prune_job), "{}", prune_dedupe_key(f.now));
  ASSERT_TRUE(a_job && b_job);
  EXPECT_EQ(a_job->id, b_job->id);
  EXPECT_EQ(*a.run_due() + *b.run_due(), 1);
  auto done = *f.repository->job(f.organisation, a_job->id);
  EXPECT_EQ(done->state, "done");
  auto result = nlohmann::json::parse(*done->result);
  EXPECT_EQ(result["sessions"], 1);
  EXPECT_EQ(result["jobs"], 0);  // none finished 30 days ago
  EXPECT_FALSE(f.repository->session_by_token(session.token_hash)->has_value());
}

}  // namespace
}  // namespace ccteam::app
