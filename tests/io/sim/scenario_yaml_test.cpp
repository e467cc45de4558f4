#include "io/sim/scenario_yaml.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "io/base/files.hpp"
#include "support/paths.hpp"

namespace ccteam::io {
namespace {

using namespace ccteam::sim;

std::string slurp(const std::filesystem::path& p) { return *read_file(p.string()); }

TEST(ScenarioYaml, ReadsTheDocumentedExample) {
  // The example in docs/scenario-format.md is the test file, byte for byte.
  std::string doc = slurp(std::filesystem::path(CCTEAM_SOURCE_DIR) / "docs" / "scenario-format.md");
  std::string file = slurp(test::data_path("scenarios/doc-example.yaml"));
  std::string body = file.substr(file.find('\n') + 1);
  EXPECT_NE(doc.find("```yaml\n" + body + "```"), std::string::npos);

  auto s = read_scenario_yaml(file, "doc-example.yaml");
  ASSERT_TRUE(s) << render(s.error().front(), Lang::en);
  EXPECT_EQ(s->intervals, 20);
  EXPECT_EQ(s->start_minute, 8 * 60);
  ASSERT_EQ(s->tiers.size(), 3u);
  const Tier& agents = s->tiers[0];
  EXPECT_EQ(agents.staff[3], 20);
  EXPECT_EQ(agents.handle_time.size(), 1u);
  EXPECT_EQ(agents.handle_time[0].kind, DistKind::lognormal);
  EXPECT_EQ(agents.patience.kind, DistKind::exponential);
  ASSERT_TRUE(agents.retrial);
  EXPECT_DOUBLE_EQ(agents.retrial->probability, 0.4);
  EXPECT_DOUBLE_EQ(s->tiers[1].on_phone(0), 1.2);
  EXPECT_EQ(s->tiers[2].kind, TierKind::deferred);
  EXPECT_EQ(s->tiers[2].deadline->count(), 14400);
  EXPECT_EQ(s->tiers[2].handle_time[0].values.size(), 5u);
  ASSERT_TRUE(s->cost);
  EXPECT_EQ(s->cost->country, "DE");
  EXPECT_EQ(s->replications, 30);
  EXPECT_EQ(s->seed, 1u);
}

TEST(ScenarioYaml, ReadsTheArticleTeamScenario) {
  auto s = load_scenario(test::repo_data_path("scenarios/article-team.yaml").string());
  ASSERT_TRUE(s) << render(s.error().front(), Lang::en);
  EXPECT_EQ(s->intervals, 24);
  EXPECT_EQ(s->tiers.size(), 3u);
}

TEST(ScenarioYaml, ConstantValuesNeedIntervals) {
  auto s = load_scenario(test::data_path("scenarios/constant.yaml").string());
  ASSERT_TRUE(s);
  EXPECT_EQ(s->intervals, 4);
  EXPECT_EQ(s->calls_per_interval, std::vector<double>(4, 100.0));
  EXPECT_EQ(s->start, Start::warmed_up);
  EXPECT_EQ(s->warm_up.count(), 3600);

  auto none = read_scenario_yaml(
      "format: ccteam-scenario/1\ninterval_seconds: 1800\narrivals: {calls_per_interval: 1}\n"
      "tiers: [{id: a, kind: live, staff: 1, handle_time: {distribution: constant, "
      "mean_seconds: 60}}]\n",
      "x.yaml");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().front().message.id, MsgId::sim_intervals_needed);
}

TEST(ScenarioYaml, PerIntervalHandleTimes) {
  auto s = read_scenario_yaml(
      "format: ccteam-scenario/1\ninterval_seconds: 900\narrivals: {calls_per_interval: [1, 2]}\n"
      "tiers: [{id: a, kind: live, staff: 1, handle_time: {distribution: gamma, "
      "mean_seconds: [60, 90], sd_seconds: 30}}]\n",
      "x.yaml");
  ASSERT_TRUE(s) << render(s.error().front(), Lang::en);
  ASSERT_EQ(s->tiers[0].handle_time.size(), 2u);
  EXPECT_EQ(s->tiers[0].handle_time[1].mean_seconds, 90);
  EXPECT_EQ(s->tiers[0].handle_time[1].sd_seconds, 30);
}

// Each file in tests/data/scenarios/invalid/ has one defect; its first line says where
// ("# LINE:COL") and a fragment of the English message.
TEST(ScenarioYaml, InvalidFilesGiveErrorsWithPositions) {
  int files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(test::data_path("scenarios/invalid"))) {
    ++files;
    std::string text = slurp(entry.path());
    std::string first = text.substr(0, text.find('\n'));
    int line = 0, col = 0, used = 0;
    ASSERT_EQ(std::sscanf(first.c_str(), "# %d:%d %n", &line, &col, &used), 2) << entry.path();
    std::string fragment = first.substr(static_cast<std::size_t>(used));
    auto s = read_scenario_yaml(text, entry.path().filename().string());
    ASSERT_FALSE(s) << entry.path();
    bool found = false;
    std::string all;
    for (const Error& e : s.error()) {
      std::string rendered = render(e, Lang::en);
      all += rendered + "\n";
      found = found || (e.where.line == line && e.where.column == col &&
                        rendered.find(fragment) != std::string::npos);
    }
    EXPECT_TRUE(found) << entry.path().filename() << ":\n" << all;
  }
  EXPECT_GE(files, 10);
}

// "staff: 8" for a day the load outruns is one scalar, one place to fix: one error, at it
// (before: four errors, three of them at the tier's line; locating the first error changed the
// parsed tree). A list gives one error per unstable interval, each at its own value.
TEST(ScenarioYaml, UnstableStaffIsReportedWhereItIsWritten) {
  const std::string head =
      "format: ccteam-scenario/1\n"
      "interval_seconds: 1800\n"
      "intervals: 4\n"
      "arrivals: {calls_per_interval: 200}\n"
      "tiers:\n"
      "  - id: agents\n"
      "    kind: live\n";
  const std::string handle = "    handle_time: {distribution: exponential, mean_seconds: 180}\n";
  auto scalar = read_scenario_yaml(head + "    staff: 8\n" + handle, "s.yaml");
  ASSERT_FALSE(scalar);
  ASSERT_EQ(scalar.error().size(), 1u);
  const Error& e = scalar.error().front();
  EXPECT_EQ(e.where.line, 8);
  EXPECT_EQ(e.where.column, 12);
  EXPECT_EQ(e.where.json_pointer, "/tiers/0/staff");
  EXPECT_EQ(e.message.id, MsgId::sim_unstable);

  // 200 calls x 180 s / 1800 s = 20 Erlangs: 8 and 20 are unstable, 21 and 30 are not.
  auto list = read_scenario_yaml(head + "    staff: [8, 21, 20, 30]\n" + handle, "l.yaml");
  ASSERT_FALSE(list);
  ASSERT_EQ(list.error().size(), 2u);
  EXPECT_EQ(list.error()[0].where.json_pointer, "/tiers/0/staff/0");
  EXPECT_EQ(list.error()[0].where.column, 13);
  EXPECT_EQ(list.error()[1].where.json_pointer, "/tiers/0/staff/2");
  EXPECT_EQ(list.error()[1].where.line, 8);
  EXPECT_EQ(list.error()[1].where.column, 20);
}

TEST(ScenarioYaml, PatienceMayBeEmpirical) {
  // A measured patience curve as values, each equally likely (the quantiles of a Kaplan-Meier
  // curve, for example).
  auto s = read_scenario_yaml(
      "format: ccteam-scenario/1\ninterval_seconds: 1800\nintervals: 1\n"
      "arrivals: {calls_per_interval: 10}\ntiers:\n  - id: agents\n    kind: live\n"
      "    staff: 2\n    handle_time: {distribution: exponential, mean_seconds: 180}\n"
      "    patience: {distribution: empirical, seconds: [10, 60, 300]}\n",
      "p.yaml");
  ASSERT_TRUE(s) << render(s.error().front(), Lang::en);
  EXPECT_EQ(s->tiers[0].patience.kind, DistKind::empirical);
  EXPECT_EQ(s->tiers[0].patience.values, (std::vector<double>{10, 60, 300}));
}

TEST(ScenarioYaml, ManyBadValuesGiveFiftyErrorsAndACount) {
  // 100,000 intervals with -1 calls each, one per line: value i on line 5 + i, column 7.
  std::string text =
      "format: ccteam-scenario/1\ninterval_seconds: 1800\narrivals:\n  calls_per_interval:\n";
  for (int i = 0; i < 100'000; ++i) text += "    - -1\n";
  text +=
      "tiers: [{id: a, kind: live, staff: 1, handle_time: {distribution: constant, "
      "mean_seconds: 60}}]\n";
  auto s = read_scenario_yaml(text, "neg.yaml");
  ASSERT_FALSE(s);
  const Errors& errors = s.error();
  ASSERT_EQ(errors.size(), 51u);
  EXPECT_EQ(render(errors[0], Lang::en),
            "neg.yaml:5:7 (/arrivals/calls_per_interval/0): error: -1 is outside the allowed "
            "range 0 to 1e+09\n  hint: use a value from 0 to 1e+09");
  EXPECT_EQ(to_string(errors[49].where), "neg.yaml:54:7 (/arrivals/calls_per_interval/49)");
  EXPECT_EQ(render(errors[50].message, Lang::en), "... and 99,950 more");
  EXPECT_EQ(render(errors[50].message, Lang::de), "... und 99.950 weitere");
}

}  // namespace
}  // namespace ccteam::io
