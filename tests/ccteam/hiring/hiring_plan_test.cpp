// The hiring plan against the hand-worked example of docs/hiring-plan.md ("Worked example") and
// small cases whose values follow from the rules in a line or two.
#include "ccteam/hiring/hiring_plan.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace ccteam::hiring {
namespace {

using std::chrono::year_month_day;
using namespace std::chrono_literals;

Money eur(std::int64_t minor) { return Money{minor, *Currency::parse("EUR")}; }

// docs/hiring-plan.md, "Worked example": 12 months from January 2026, 18 agents (5 % monthly
// attrition, four-week classes of 2 to 4, two weeks nesting at half an FTE, a month at 0.75),
// 2 team leads (no attrition) filled half from the agents.
HiringInput worked_example() {
  HiringInput in;
  in.start = 2026y / std::chrono::January;
  in.months = 12;
  RoleInput lead;
  lead.role = RoleId("team-lead");
  lead.required_fte = {2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3};
  lead.headcount = 2;
  lead.promoted_from = 1;
  RoleInput agent;
  agent.role = RoleId("agent");
  agent.required_fte = {18, 18, 18, 18, 19, 19, 20, 20, 20, 20, 20, 20};
  agent.headcount = 18;
  agent.attrition.monthly_rate = 0.05;
  Training t;
  t.class_weeks = 4;
  t.nesting_weeks = 2;
  t.nesting_fte = 0.5;
  t.ramp_up = {0.75};
  t.class_min = 2;
  t.class_max = 4;
  t.classes_per_month = 1;
  agent.training = t;
  agent.time_to_fill_days = 35;
  agent.funnel = {{"screening", 0.5}, {"interview", 0.4}, {"offer", 0.8}};
  agent.cost_per_hire = eur(150000);
  agent.monthly_pay = eur(300000);
  in.roles = {lead, agent};
  return in;
}

TEST(HiringPlan, MonthlyFromYearlyCompounds) {
  // 1 - (1 - 0.36)^(1/12) = 1 - 0.64^(1/12) = 1 - 0.963492... (0.64^(1/12) = e^(ln 0.64 / 12)
  // = e^(-0.0371860)).
  EXPECT_NEAR(monthly_from_yearly(0.36), 0.0365079, 1e-6);
  EXPECT_NEAR(std::pow(1 - monthly_from_yearly(0.36), 12), 0.64, 1e-12);
  EXPECT_EQ(monthly_from_yearly(0), 0);
}

TEST(HiringPlan, ProductivityByMonthOfTenure) {
  const Training t = *worked_example().roles[1].training;
  // 4 weeks in class -> 1 month at 0; 2 weeks nesting -> 1 month at 0.5; ramp-up 0.75; then 1.
  EXPECT_EQ(productivity(t, 0), 0);
  EXPECT_EQ(productivity(t, 1), 0.5);
  EXPECT_EQ(productivity(t, 2), 0.75);
  EXPECT_EQ(productivity(t, 3), 1);
  EXPECT_EQ(months_to_full_productivity(t), 3);
  EXPECT_EQ(productivity(std::nullopt, 0), 1);
  // 5 weeks is more than a month (4.348 weeks): two months in class.
  Training five = t;
  five.class_weeks = 5;
  EXPECT_EQ(productivity(five, 1), 0);
  EXPECT_EQ(productivity(five, 2), 0.5);
}

TEST(HiringPlan, WorkedExampleHiresAndPromotions) {
  auto plan = make_hiring_plan(worked_example());
  ASSERT_TRUE(plan.has_value());
  const RolePlan& agents = plan->roles[1];
  const int hires[12] = {4, 3, 2, 3, 2, 0, 2, 2, 0, 0, 0, 0};
  for (std::size_t m = 0; m < 12; ++m) EXPECT_EQ(agents.months[m].hires, hires[m]) << m;
  const RolePlan& leads = plan->roles[0];
  for (std::size_t m = 0; m < 12; ++m) {
    EXPECT_EQ(leads.months[m].promoted_in, m == 6 ? 1 : 0) << m;
    EXPECT_EQ(agents.months[m].promoted_out, m == 6 ? 1 : 0) << m;
    EXPECT_EQ(leads.months[m].hires, 0) << m;
    EXPECT_NEAR(leads.months[m].available_fte, m < 6 ? 2 : 3, 1e-12) << m;
  }
  EXPECT_EQ(plan->hires, 18);
  EXPECT_EQ(plan->promotions, 1);
}

TEST(HiringPlan, WorkedExampleFte) {
  auto plan = make_hiring_plan(worked_example());
  ASSERT_TRUE(plan.has_value());
  const RolePlan& agents = plan->roles[1];
  // The table of docs/hiring-plan.md, to six decimals.
  const double available[12] = {17.100000, 18.050000, 19.358625, 20.750731, 22.106512, 22.953971,
                                21.895839, 22.110800, 22.336448, 22.055566, 21.360041, 20.292039};
  const double headcount[12] = {20.900000, 22.705000, 23.469750, 25.146262, 25.788949, 24.499502,
                                24.224527, 24.913300, 23.667635, 22.484254, 21.360041, 20.292039};
  const double leavers[12] = {1.100000, 1.195000, 1.235250, 1.323487, 1.357313, 1.289447,
                              1.274975, 1.311226, 1.245665, 1.183382, 1.124213, 1.068002};
  for (std::size_t m = 0; m < 12; ++m) {
    EXPECT_NEAR(agents.months[m].available_fte, available[m], 1e-6) << m;
    EXPECT_NEAR(agents.months[m].headcount, headcount[m], 1e-6) << m;
    EXPECT_NEAR(agents.months[m].leavers, leavers[m], 1e-6) << m;
    EXPECT_NEAR(agents.months[m].gap_fte, m == 0 ? 0.9 : 0.0, 1e-9) << m;
  }
}

TEST(HiringPlan, WorkedExampleClassesOpeningsCost) {
  auto plan = make_hiring_plan(worked_example());
  ASSERT_TRUE(plan.has_value());
  // One class in each of the 7 months with hires (at most 4 each); the first starts 2026-01-01,
  // ends 28 days later and nesting 14 days after that.
  ASSERT_EQ(plan->classes.size(), 7u);
  const TrainingClass& first = plan->classes.front();
  EXPECT_EQ(first.size, 4);
  EXPECT_EQ(first.start, year_month_day(2026y / 1 / 1));
  EXPECT_EQ(first.class_end, year_month_day(2026y / 1 / 29));
  EXPECT_EQ(first.nesting_end, year_month_day(2026y / 2 / 12));
  // Openings: 35 days before the start; 1 / (0.5 x 0.4 x 0.8) = 6.25 applicants per hire over
  // five weeks.
  ASSERT_EQ(plan->openings.size(), 7u);
  const Opening& o = plan->openings.front();
  EXPECT_EQ(o.publish_by, year_month_day(2025y / 11 / 27));
  EXPECT_EQ(o.headcount, 4);
  EXPECT_DOUBLE_EQ(o.applicants, 25);
  EXPECT_DOUBLE_EQ(o.applicants_per_week, 5);
  // A hire costs 1,500.00 + 3,000.00 x 4 / 4.348125 = 1,500.00 + 2,759.81 EUR; 18 hires.
  ASSERT_TRUE(plan->cost.has_value());
  EXPECT_EQ(plan->roles[1].months[0].hiring_cost->minor, 4 * 425981);
  EXPECT_EQ(plan->cost->minor, 18 * 425981);
}

TEST(HiringPlan, EarlyAttritionAppliesToNewHiresOnly) {
  HiringInput in;
  in.months = 2;
  RoleInput r;
  r.role = RoleId("agent");
  r.headcount = 10;
  r.required_fte = {0, 14};
  r.attrition = Attrition{0.1, 1, 0.5};
  in.roles = {r};
  auto plan = make_hiring_plan(in);
  ASSERT_TRUE(plan.has_value());
  // Month 1: the pool gives 10 x 0.9 x 0.9 = 8.1; the gap 5.9 is closed by hires who start in
  // month 1 and keep half (early rate): ceil(5.9 / 0.5) = 12 hires, 6 FTE, 14.1 available.
  EXPECT_EQ(plan->roles[0].months[1].hires, 12);
  EXPECT_NEAR(plan->roles[0].months[1].available_fte, 14.1, 1e-12);
  EXPECT_NEAR(plan->roles[0].months[1].leavers, 0.9 + 6, 1e-12);
}

TEST(HiringPlan, BudgetCapsHiresAndLeavesAGap) {
  HiringInput in;
  in.months = 1;
  in.budget_per_month = eur(250000);
  RoleInput r;
  r.role = RoleId("agent");
  r.required_fte = {5};
  r.cost_per_hire = eur(100000);
  in.roles = {r};
  auto plan = make_hiring_plan(in);
  ASSERT_TRUE(plan.has_value());
  // 5 needed, 2,500.00 buys two hires of 1,000.00: a gap of 3.
  EXPECT_EQ(plan->roles[0].months[0].hires, 2);
  EXPECT_NEAR(plan->roles[0].months[0].gap_fte, 3, 1e-12);
}

TEST(HiringPlan, AtMostTheLargestRoleStartsInAMonth) {
  HiringInput in;
  in.months = 1;
  RoleInput r;
  r.role = RoleId("agent");
  r.required_fte = {1'000'000};
  r.attrition.monthly_rate = 0.5;
  in.roles = {r};
  auto plan = make_hiring_plan(in);
  ASSERT_TRUE(plan.has_value());
  // ceil(1,000,000 / 0.5) = 2,000,000 hires would be needed; 100,000 start, 50,000 stay: a gap
  // of 950,000 FTE.
  EXPECT_EQ(plan->roles[0].months[0].hires, k_max_headcount);
  EXPECT_NEAR(plan->roles[0].months[0].gap_fte, 950'000, 1e-6);
}

TEST(HiringPlan, CheckInputNamesTheField) {
  HiringInput in = worked_example();
  in.roles[1].training->class_min = 5;
  in.roles[1].required_fte.pop_back();
  in.roles[0].promoted_from = 0;
  Errors errors = check_input(in);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].where.json_pointer, "/roles/0/internal_fill");
  EXPECT_EQ(errors[0].message.id, MsgId::hiring_no_feeder);
  EXPECT_EQ(errors[1].where.json_pointer, "/roles/1/required_fte");
  EXPECT_EQ(errors[1].message.id, MsgId::hiring_list_length);
  EXPECT_EQ(errors[2].where.json_pointer, "/roles/1/training/class_min");
  EXPECT_EQ(errors[2].message.id, MsgId::hiring_class_min_gt_max);
  EXPECT_FALSE(make_hiring_plan(in).has_value());
}

TEST(HiringPlan, PlanningOrderPutsTheTopFirst) {
  HiringInput in = worked_example();
  std::swap(in.roles[0], in.roles[1]);
  in.roles[0].promoted_from.reset();
  in.roles[1].promoted_from = 0;
  EXPECT_EQ(planning_order(in), (std::vector<std::size_t>{1, 0}));
}

}  // namespace
}  // namespace ccteam::hiring
