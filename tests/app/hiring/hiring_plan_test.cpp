// The hiring plan's use case (src/app/hiring/hiring_plan.cpp), called as the CLI calls it.
#include "app/hiring/hiring_plan.hpp"

#include <cmath>
#include <fstream>

#include <gtest/gtest.h>

#include "app/catalog/catalog.hpp"
#include "support/paths.hpp"

namespace ccteam::app {
namespace {

using namespace std::chrono_literals;

Environment test_environment() {
  return Environment{Date{2026y / std::chrono::December / 5},
                     test::repo_data_path("catalog").string(),
                     test::repo_data_path("posting").string()};
}

const catalog::Catalog& default_catalog() {
  static const catalog::Catalog c = *load_catalog({}, test_environment());
  return c;
}

// A file in the temporary folder with 'text', removed at the end of the test.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& text)
      : m_path(std::filesystem::temp_directory_path() / ("ccteam-hiring-app-" + name)) {
    std::ofstream(m_path) << text;
  }
  ~TempFile() { std::filesystem::remove(m_path); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  std::string path() const { return m_path.string(); }

 private:
  std::filesystem::path m_path;
};

// The levels of a staffing plan as `ccteam plan --format json` writes them (the rest of the
// plan is not read).
std::string plan_json(double agents_fte, double leads_fte) {
  return R"({"format": "ccteam-plan/1", "assumptions": {"paid_hours_per_fte": 39},
    "levels": [{"role": "agent", "fte": )" +
         std::to_string(agents_fte) + R"(}, {"role": "team-lead", "fte": )" +
         std::to_string(leads_fte) + R"(}, {"role": "manager", "fte": 1}]})";
}

const std::string k_from_plan = R"(start: 2026-01
months: 3
growth_per_month: 0.02
roles:
  - role: team-lead
    headcount: 1
    attrition: {monthly: 0}
  - role: agent
    headcount: 10
    attrition: {monthly: 0.05}
)";

HiringRequest request_for(const std::string& input, std::vector<std::string> plans = {}) {
  HiringRequest r;
  r.input = input;
  r.plans = std::move(plans);
  r.runs = 0;
  return r;
}

// The worked example of docs/hiring-plan.md: 18 hires, 1 promotion (an agent to team lead in
// July), EUR 4,259.81 a hire.
TEST(HiringPlanUseCase, ShippedExampleIsTheWorkedExample) {
  auto r = make_hiring_plan(request_for(test::repo_data_path("examples/hiring-plan.yaml").string()),
                            default_catalog());
  ASSERT_TRUE(r) << render(r.error().front(), Lang::en);
  EXPECT_TRUE(r->warnings.empty());
  const HiringResult& h = r->value;
  ASSERT_EQ(h.input.roles.size(), 2u);
  EXPECT_FALSE(h.input.roles[1].promoted_from);
  EXPECT_EQ(h.input.roles[0].promoted_from, 1u);  // team leads from the agents
  EXPECT_EQ(h.plan.hires, 18);
  EXPECT_EQ(h.plan.promotions, 1);
  ASSERT_TRUE(h.plan.cost);
  EXPECT_EQ(h.plan.cost->minor, 7'667'658);
  EXPECT_EQ(h.plan.roles[0].months[6].promoted_in, 1);
  EXPECT_FALSE(h.risk);
}

TEST(HiringPlanUseCase, MonteCarloOnlyWhenRunsAreGiven) {
  HiringRequest request = request_for(test::repo_data_path("examples/hiring-plan.yaml").string());
  request.runs = 200;
  auto r = make_hiring_plan(request, default_catalog());
  ASSERT_TRUE(r) << render(r.error().front(), Lang::en);
  ASSERT_TRUE(r->value.risk);
  EXPECT_EQ(r->value.risk->options.runs, 200);
  EXPECT_EQ(r->value.risk->roles.size(), 2u);
}

// One plan for every month, grown by 2 % a month: FTE x 1.02^t.
TEST(HiringPlanUseCase, FteFromOnePlanGrowByTheMonth) {
  TempFile input("grow.yaml", k_from_plan);
  TempFile plan("grow.json", plan_json(9.5, 1.25));
  auto r = make_hiring_plan(request_for(input.path(), {plan.path()}), default_catalog());
  ASSERT_TRUE(r) << render(r.error().front(), Lang::en);
  const auto& agents = r->value.input.roles[1].required_fte;
  ASSERT_EQ(agents.size(), 3u);
  EXPECT_DOUBLE_EQ(agents[0], 9.5);
  EXPECT_DOUBLE_EQ(agents[1], 9.5 * 1.02);
  EXPECT_DOUBLE_EQ(agents[2], 9.5 * 1.02 * 1.02);
  EXPECT_DOUBLE_EQ(r->value.input.roles[0].required_fte[2], 1.25 * 1.02 * 1.02);
  EXPECT_DOUBLE_EQ(r->value.plan.roles[1].months[1].needed_fte, 9.5 * 1.02);
}

// One plan per month: each month its own plan's FTE, and no growth on top.
TEST(HiringPlanUseCase, OnePlanPerMonth) {
  TempFile input("per-month.yaml", k_from_plan);
  TempFile a("m1.json", plan_json(9, 1)), b("m2.json", plan_json(10, 1)),
      c("m3.json", plan_json(12, 2));
  auto r = make_hiring_plan(request_for(input.path(), {a.path(), b.path(), c.path()}),
                            default_catalog());
  ASSERT_TRUE(r) << render(r.error().front(), Lang::en);
  EXPECT_EQ(r->value.input.roles[1].required_fte, (std::vector<double>{9, 10, 12}));
  EXPECT_EQ(r->value.input.roles[0].required_fte, (std::vector<double>{1, 1, 2}));
  auto two = make_hiring_plan(request_for(input.path(), {a.path(), b.path()}), default_catalog());
  ASSERT_FALSE(two);
  EXPECT_EQ(two.error().front().message.id, MsgId::hiring_plan_count);
  EXPECT_EQ(two.error().front().kind, ErrorKind::usage);
}

TEST(HiringPlanUseCase, DemandFromTheFileOrThePlanNotBoth) {
  TempFile plan("both.json", plan_json(9, 1));
  auto both = make_hiring_plan(
      request_for(test::repo_data_path("examples/hiring-plan.yaml").string(), {plan.path()}),
      default_catalog());
  ASSERT_FALSE(both);
  ASSERT_EQ(both.error().size(), 2u);
  EXPECT_EQ(both.error()[0].message.id, MsgId::hiring_two_demands);
  EXPECT_EQ(both.error()[0].where.line, 7);  // "- role: team-lead"
  EXPECT_EQ(both.error()[0].where.column, 11);
  TempFile input("none.yaml", k_from_plan);
  auto none = make_hiring_plan(request_for(input.path()), default_catalog());
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().front().message.id, MsgId::hiring_no_demand);
  EXPECT_EQ(none.error().front().where.file, input.path());
  EXPECT_EQ(none.error().front().where.line, 5);
}

TEST(HiringPlanUseCase, RoleNotInTheCatalogOrThePlan) {
  TempFile input("unknown.yaml",
                 "start: 2026-01\nmonths: 1\nroles:\n  - role: astronaut\n"
                 "    headcount: 1\n    required_fte: 1\n");
  auto unknown = make_hiring_plan(request_for(input.path()), default_catalog());
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().front().message.id, MsgId::hiring_unknown_role);
  EXPECT_EQ(unknown.error().front().where.line, 4);
  EXPECT_EQ(unknown.error().front().where.column, 11);
  // A plan with the agents' level only: the team leads have no FTE in it.
  TempFile input2("no-level.yaml", k_from_plan);
  TempFile plan("no-level.json",
                R"({"format": "ccteam-plan/1", "levels": [{"role": "agent", "fte": 9}]})");
  auto missing = make_hiring_plan(request_for(input2.path(), {plan.path()}), default_catalog());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().front().message.id, MsgId::hiring_plan_no_role);
  EXPECT_EQ(missing.error().front().where.line, 5);
}

TEST(HiringPlanUseCase, PlanThatIsNotJsonIsLocated) {
  TempFile input("bad-plan.yaml", k_from_plan);
  TempFile plan("bad-plan.json", "{\"format\": \"ccteam-plan/1\",\n  \"levels\": [,]}");
  auto r = make_hiring_plan(request_for(input.path(), {plan.path()}), default_catalog());
  ASSERT_FALSE(r);
  const Error& e = r.error().front();
  EXPECT_EQ(e.message.id, MsgId::sim_bad_plan);
  EXPECT_EQ(e.where.file, plan.path());
  EXPECT_EQ(e.where.line, 2);
  TempFile no_fte("no-fte.json", R"({"format": "ccteam-plan/1", "levels": [{"role": "agent"}]})");
  auto missing = make_hiring_plan(request_for(input.path(), {no_fte.path()}), default_catalog());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().front().where.json_pointer, "/levels/0/fte");
}

// FTE from a plan that grow out of the model's range (at most 1,000,000): 600,000 x 1.9 =
// 1,140,000 in month 1. The error is at the agents' entry in the input file (line 8, where
// "role: agent" is) and names the month.
TEST(HiringPlanUseCase, FteOutOfRangeFromAPlanIsAtTheRolesLine) {
  std::string text = k_from_plan;
  text.replace(text.find("0.02"), 4, "0.9");
  TempFile input("too-many.yaml", text);
  TempFile plan("too-many.json", plan_json(600'000, 1));
  auto r = make_hiring_plan(request_for(input.path(), {plan.path()}), default_catalog());
  ASSERT_FALSE(r);
  const Error& e = r.error().front();
  EXPECT_EQ(e.message.id, MsgId::yaml_out_of_range);
  EXPECT_EQ(e.where.file, input.path());
  EXPECT_EQ(e.where.line, 8);
  EXPECT_EQ(e.where.column, 11);
  EXPECT_EQ(e.where.json_pointer, "/roles/1/required_fte/1");
}

// The default catalog has no own pay bands: training pay is not costed, and it says so; with
// the market reference (USD 32,000..35,000 a year) the pay is 33,500 / 12 x 1.21 = 3,377.92.
TEST(HiringPlanUseCase, TrainingPayFromThePayBand) {
  const std::string text = R"(start: 2026-01
months: 2
roles:
  - role: agent
    headcount: 5
    required_fte: 6
    training: {class_weeks: 4, class_max: 5}
)";
  TempFile input("pay.yaml", text);
  auto none = make_hiring_plan(request_for(input.path()), default_catalog());
  ASSERT_TRUE(none) << render(none.error().front(), Lang::en);
  ASSERT_EQ(none->warnings.size(), 1u);
  EXPECT_EQ(none->warnings.front().message.id, MsgId::hiring_no_band);
  EXPECT_FALSE(none->value.plan.cost);
  HiringRequest market = request_for(input.path());
  market.costing.use_market_reference = true;
  auto priced = make_hiring_plan(market, default_catalog());
  ASSERT_TRUE(priced) << render(priced.error().front(), Lang::en);
  EXPECT_TRUE(priced->warnings.empty());
  ASSERT_TRUE(priced->value.input.roles[0].monthly_pay);
  EXPECT_EQ(priced->value.input.roles[0].monthly_pay->minor, 337'792);
  EXPECT_EQ(priced->value.input.roles[0].monthly_pay->currency.code(), "USD");
  // A file in euros with a band in dollars: one currency only.
  TempFile euros("euros.yaml", "currency: EUR\n" + text);
  auto mixed = make_hiring_plan(
      [&] {
        HiringRequest r = request_for(euros.path());
        r.costing.use_market_reference = true;
        return r;
      }(),
      default_catalog());
  ASSERT_FALSE(mixed);
  EXPECT_EQ(mixed.error().front().message.id, MsgId::hiring_currency_mix);
}

TEST(HiringPlanUseCase, InternalFillWithoutARoleBelowIsAWarning) {
  TempFile input("feeder.yaml",
                 "start: 2026-01\nmonths: 1\nroles:\n  - role: team-lead\n"
                 "    headcount: 1\n    required_fte: 2\n    internal_fill: 0.5\n");
  auto r = make_hiring_plan(request_for(input.path()), default_catalog());
  ASSERT_TRUE(r) << render(r.error().front(), Lang::en);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings.front().message.id, MsgId::hiring_no_feeder);
  EXPECT_EQ(r->value.plan.roles[0].months[0].hires, 1);
}

TEST(HiringPlanUseCase, RunsAndTargetOutOfRange) {
  HiringRequest r = request_for(test::repo_data_path("examples/hiring-plan.yaml").string());
  r.runs = -1;
  auto runs = make_hiring_plan(r, default_catalog());
  ASSERT_FALSE(runs);
  EXPECT_EQ(runs.error().front().where.json_pointer, "/runs");
  r.runs = 0;
  r.short_target = 1;
  auto target = make_hiring_plan(r, default_catalog());
  ASSERT_FALSE(target);
  EXPECT_EQ(target.error().front().where.json_pointer, "/short_target");
}

}  // namespace
}  // namespace ccteam::app
