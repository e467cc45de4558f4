#include "ccteam/hiring/hiring_plan.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace ccteam::hiring {

namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

// Below this an FTE difference is rounding noise, not a gap.
constexpr double k_epsilon = 1e-9;

int months_for_weeks(double weeks) {
  if (weeks <= 0) return 0;
  return static_cast<int>(std::ceil(weeks / k_weeks_per_month - k_epsilon));
}

// v[i] for an int index that is known to be in range.
template <class V>
auto& at(V& v, int i) {
  return v[static_cast<std::size_t>(i)];
}

std::string g(double v) { return fmt::format("{:g}", v); }

void check_range(Errors& errors, const std::string& pointer, double value, double min, double max) {
  if (value >= min && value <= max && std::isfinite(value)) return;
  errors.push_back(Error::invalid_input(msg(MsgId::yaml_out_of_range, g(value), g(min), g(max)),
                                        SourcePos{{}, 0, 0, pointer},
                                        msg(MsgId::hint_range, g(min), g(max))));
}

void check_currency(Errors& errors, const std::string& pointer, const std::optional<Money>& money,
                    std::optional<Currency>& currency) {
  if (!money) return;
  if (!currency) {
    currency = money->currency;
  } else if (!(money->currency == *currency)) {
    errors.push_back(
        Error::invalid_input(msg(MsgId::hiring_currency_mix, std::string(currency->code()),
                                 std::string(money->currency.code())),
                             SourcePos{{}, 0, 0, pointer}));
  }
  check_range(errors, pointer, to_major(*money), 0, std::numeric_limits<double>::max());
}

void check_training(Errors& errors, const std::string& at, const Training& t) {
  check_range(errors, at + "/class_weeks", t.class_weeks, 0.1, 104);
  check_range(errors, at + "/nesting_weeks", t.nesting_weeks, 0, 104);
  check_range(errors, at + "/nesting_fte", t.nesting_fte, 0.01, 1);
  for (std::size_t i = 0; i < t.ramp_up.size(); ++i)
    check_range(errors, json_pointer_append(at + "/ramp_up", i), t.ramp_up[i], 0.01, 1);
  check_range(errors, at + "/class_min", t.class_min, 1, k_max_headcount);
  check_range(errors, at + "/class_max", t.class_max, 1, k_max_headcount);
  check_range(errors, at + "/classes_per_month", t.classes_per_month, 1, 1000);
  if (t.ramp_up.size() > static_cast<std::size_t>(k_max_months))
    errors.push_back(
        Error::invalid_input(msg(MsgId::yaml_out_of_range, std::to_string(t.ramp_up.size()), "0",
                                 std::to_string(k_max_months)),
                             SourcePos{{}, 0, 0, at + "/ramp_up"}));
  if (t.class_min > t.class_max)
    errors.push_back(
        Error::invalid_input(msg(MsgId::hiring_class_min_gt_max, std::to_string(t.class_min),
                                 std::to_string(t.class_max)),
                             SourcePos{{}, 0, 0, at + "/class_min"}));
}

// The state of one role while its plan is made, in expected (fractional) people.
struct RoleState {
  std::vector<double> pool_open;  // tenured people at the start of each month, before moves
  std::vector<int> promoted_in, promoted_out, hires;
};

// Survival of a hire from its start through tenure month 'k' (inclusive).
double survival(const Attrition& a, int k) {
  double s = 1;
  for (int j = 0; j <= k; ++j) s *= 1 - attrition_rate(a, j);
  return s;
}

// The month's figures of role 'r' from its current state; 'ramped' counts every hire as fully
// productive (for sizing hires).
struct MonthFigures {
  double available = 0, headcount = 0, leavers = 0;
};

MonthFigures figures(const RoleInput& in, const RoleState& st, int t, bool ramped) {
  MonthFigures f;
  const double a = in.attrition.monthly_rate;
  const double pool = at(st.pool_open, t) + at(st.promoted_in, t) - at(st.promoted_out, t);
  f.available = pool * (1 - a);
  f.headcount = pool * (1 - a);
  f.leavers = pool * a;
  for (int s = 0; s <= t; ++s) {
    if (at(st.hires, s) == 0) continue;
    int k = t - s;
    double start_of_month = at(st.hires, s) * (k == 0 ? 1.0 : survival(in.attrition, k - 1));
    double rate = attrition_rate(in.attrition, k);
    double staying = start_of_month * (1 - rate);
    f.leavers += start_of_month * rate;
    f.headcount += staying;
    f.available += staying * (ramped ? 1.0 : productivity(in.training, k));
  }
  return f;
}

// Advances the tenured pool of 'st' from month t to t + 1.
void close_month(const RoleInput& in, RoleState& st, int t) {
  double start = at(st.pool_open, t) + at(st.promoted_in, t) - at(st.promoted_out, t);
  if (t + 1 < static_cast<int>(st.pool_open.size()))
    at(st.pool_open, t + 1) = start * (1 - in.attrition.monthly_rate);
}

// The tenured pool of every month from the headcount and the moves recorded so far.
void project_pool(const RoleInput& in, RoleState& st) {
  for (int t = 0; t < static_cast<int>(st.pool_open.size()); ++t) close_month(in, st, t);
}

long long ceil_people(double x) {
  if (x <= k_epsilon) return 0;
  return static_cast<long long>(std::ceil(x - k_epsilon));
}

// Cost of one external hire: recruiting plus pay in class.
std::optional<Money> unit_cost(const RoleInput& in) {
  std::optional<Money> out;
  if (in.cost_per_hire) out = *in.cost_per_hire;
  if (in.monthly_pay && in.training) {
    double pay =
        static_cast<double>(in.monthly_pay->minor) * in.training->class_weeks / k_weeks_per_month;
    Money m{static_cast<std::int64_t>(std::llround(pay)), in.monthly_pay->currency};
    if (out)
      out->minor += m.minor;
    else
      out = m;
  }
  return out;
}

year_month_day first_day(std::chrono::year_month start, int month) {
  return year_month_day{(start + std::chrono::months{month}) / 1};
}

year_month_day plus_days(year_month_day d, long long n) {
  return year_month_day{sys_days{d} + days{n}};
}

}  // namespace

double monthly_from_yearly(double yearly_rate) {
  return 1.0 - std::pow(1.0 - yearly_rate, 1.0 / 12.0);
}

double attrition_rate(const Attrition& attrition, int month_of_tenure) {
  return month_of_tenure < attrition.early_months ? attrition.early_monthly_rate
                                                  : attrition.monthly_rate;
}

double productivity(const std::optional<Training>& training, int month_of_tenure) {
  if (!training) return 1;
  int in_class = months_for_weeks(training->class_weeks);
  int nesting = months_for_weeks(training->nesting_weeks);
  if (month_of_tenure < in_class) return 0;
  if (month_of_tenure < in_class + nesting) return training->nesting_fte;
  auto ramp = static_cast<std::size_t>(month_of_tenure - in_class - nesting);
  return ramp < training->ramp_up.size() ? training->ramp_up[ramp] : 1.0;
}

int months_to_full_productivity(const std::optional<Training>& training) {
  if (!training) return 0;
  int m = 0;
  while (productivity(training, m) < 1.0 - k_epsilon) ++m;
  return m;
}

Errors check_input(const HiringInput& input) {
  Errors errors;
  check_range(errors, "/months", input.months, 1, k_max_months);
  if (input.roles.empty())
    errors.push_back(
        Error::invalid_input(msg(MsgId::sim_empty_list), SourcePos{{}, 0, 0, "/roles"}));
  std::optional<Currency> currency;
  check_currency(errors, "/budget_per_month", input.budget_per_month, currency);
  for (std::size_t i = 0; i < input.roles.size(); ++i) {
    const RoleInput& r = input.roles[i];
    std::string at = json_pointer_append("/roles", i);
    for (std::size_t j = 0; j < i; ++j) {
      if (input.roles[j].role == r.role)
        errors.push_back(Error::invalid_input(msg(MsgId::hiring_duplicate_role, r.role.str()),
                                              SourcePos{{}, 0, 0, at + "/role"}));
    }
    if (r.required_fte.size() != static_cast<std::size_t>(std::max(input.months, 0))) {
      errors.push_back(
          Error::invalid_input(msg(MsgId::hiring_list_length, std::to_string(r.required_fte.size()),
                                   std::to_string(input.months)),
                               SourcePos{{}, 0, 0, at + "/required_fte"}));
    }
    for (std::size_t m = 0; m < r.required_fte.size(); ++m)
      check_range(errors, json_pointer_append(at + "/required_fte", m), r.required_fte[m], 0,
                  k_max_fte);
    check_range(errors, at + "/headcount", r.headcount, 0, k_max_headcount);
    check_range(errors, at + "/attrition/monthly", r.attrition.monthly_rate, 0, 0.99);
    check_range(errors, at + "/attrition/early_months", r.attrition.early_months, 0, k_max_months);
    check_range(errors, at + "/attrition/early_monthly", r.attrition.early_monthly_rate, 0, 0.99);
    check_range(errors, at + "/internal_fill", r.internal_fill, 0, 1);
    check_range(errors, at + "/time_to_fill_days", r.time_to_fill_days, 0, 730);
    for (std::size_t s = 0; s < r.funnel.size(); ++s)
      check_range(errors, json_pointer_append(at + "/funnel", s) + "/pass_rate",
                  r.funnel[s].pass_rate, 0.001, 1);
    if (r.training) check_training(errors, at + "/training", *r.training);
    check_currency(errors, at + "/cost_per_hire", r.cost_per_hire, currency);
    check_currency(errors, at + "/monthly_pay", r.monthly_pay, currency);
    if (r.promoted_from) {
      // Follow the chain down: it must stay inside the list and never come back.
      std::optional<std::size_t> below = r.promoted_from;
      std::size_t steps = 0;
      while (below && *below < input.roles.size() && *below != i && steps <= input.roles.size()) {
        below = input.roles[*below].promoted_from;
        ++steps;
      }
      if (below && (*below >= input.roles.size() || *below == i || steps > input.roles.size()))
        errors.push_back(Error::invalid_input(msg(MsgId::hiring_no_feeder, r.role.str()),
                                              SourcePos{{}, 0, 0, at + "/internal_fill"}));
    }
  }
  return errors;
}

std::vector<std::size_t> planning_order(const HiringInput& input) {
  // Depth of each role above the bottom of its chain: the role promoted from nobody is 0.
  std::vector<std::size_t> depth(input.roles.size(), 0);
  for (std::size_t i = 0; i < input.roles.size(); ++i) {
    std::optional<std::size_t> below = input.roles[i].promoted_from;
    while (below) {
      ++depth[i];
      below = input.roles[*below].promoted_from;
    }
  }
  std::vector<std::size_t> order(input.roles.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return depth[x] > depth[y]; });
  return order;
}

Checked<HiringPlan> make_hiring_plan(const HiringInput& input) {
  if (Errors errors = check_input(input); !errors.empty()) return tl::unexpected(errors);
  const int months = input.months;
  const auto n = static_cast<std::size_t>(months);
  std::vector<RoleState> states(input.roles.size());
  for (std::size_t r = 0; r < input.roles.size(); ++r) {
    RoleState& st = states[r];
    st.pool_open.assign(n, 0);
    st.pool_open[0] = input.roles[r].headcount;
    st.promoted_in.assign(n, 0);
    st.promoted_out.assign(n, 0);
    st.hires.assign(n, 0);
    project_pool(input.roles[r], st);
  }
  std::vector<std::optional<Money>> unit(input.roles.size());
  for (std::size_t r = 0; r < input.roles.size(); ++r) unit[r] = unit_cost(input.roles[r]);
  std::vector<std::int64_t> budget_left(n, std::numeric_limits<std::int64_t>::max());
  if (input.budget_per_month) budget_left.assign(n, input.budget_per_month->minor);

  for (std::size_t r : planning_order(input)) {
    const RoleInput& in = input.roles[r];
    RoleState& st = states[r];
    const int lead = months_to_full_productivity(in.training);
    const double keep = 1 - in.attrition.monthly_rate;
    for (int t = 0; t < months; ++t) {
      double gap = at(in.required_fte, t) - figures(in, st, t, true).available;
      if (gap > k_epsilon && in.promoted_from && in.internal_fill > 0) {
        RoleState& below = states[*in.promoted_from];
        project_pool(input.roles[*in.promoted_from], below);
        long long seats = ceil_people(gap / keep);
        auto wanted =
            static_cast<long long>(std::floor(in.internal_fill * static_cast<double>(seats) + 0.5));
        auto there =
            static_cast<long long>(std::floor(at(below.pool_open, t) + at(below.promoted_in, t) -
                                              at(below.promoted_out, t) + k_epsilon));
        int p = static_cast<int>(std::clamp(wanted, 0LL, std::max(there, 0LL)));
        at(st.promoted_in, t) += p;
        at(below.promoted_out, t) += p;
        gap -= p * keep;
      }
      if (gap > k_epsilon) {
        const int s = std::max(0, t - lead);
        double survive = survival(in.attrition, t - s);
        // At most k_max_headcount people start in a role a month (a need that takes more is
        // no plan for people; what is left shows as the gap).
        long long h =
            std::min<long long>(ceil_people(gap / survive), k_max_headcount - at(st.hires, s));
        if (in.training) {
          const Training& tr = *in.training;
          long long room =
              static_cast<long long>(tr.classes_per_month) * tr.class_max - at(st.hires, s);
          if (at(st.hires, s) == 0) h = std::max<long long>(h, tr.class_min);
          h = std::min(h, room);
          if (at(st.hires, s) == 0 && h < tr.class_min) h = 0;
        }
        if (unit[r] && unit[r]->minor > 0)
          h = std::min<long long>(h, at(budget_left, s) / unit[r]->minor);
        if (h > 0) {
          at(st.hires, s) += static_cast<int>(h);
          if (unit[r]) at(budget_left, s) -= h * unit[r]->minor;
        }
      }
      close_month(in, st, t);
    }
  }
  HiringPlan plan;
  plan.start = input.start;
  std::optional<Currency> currency;
  std::int64_t total_cost = 0;
  for (std::size_t r = 0; r < input.roles.size(); ++r) {
    const RoleInput& in = input.roles[r];
    RoleState& st = states[r];
    project_pool(in, st);
    RolePlan rp;
    rp.role = in.role;
    rp.lead_months = months_to_full_productivity(in.training);
    for (const FunnelStage& stage : in.funnel) rp.applicants_per_hire /= stage.pass_rate;
    for (int t = 0; t < months; ++t) {
      MonthFigures f = figures(in, st, t, false);
      RoleMonth m;
      m.needed_fte = at(in.required_fte, t);
      m.available_fte = f.available;
      m.gap_fte = std::max(0.0, m.needed_fte - m.available_fte);
      if (m.gap_fte < 1e-9) m.gap_fte = 0;
      m.headcount = f.headcount;
      m.leavers = f.leavers;
      m.promoted_in = at(st.promoted_in, t);
      m.promoted_out = at(st.promoted_out, t);
      m.hires = at(st.hires, t);
      if (unit[r]) {
        m.hiring_cost = Money{unit[r]->minor * m.hires, unit[r]->currency};
        currency = unit[r]->currency;
        total_cost += m.hiring_cost->minor;
      }
      plan.hires += m.hires;
      plan.promotions += m.promoted_in;
      if (m.hires > 0) {
        year_month_day start = first_day(input.start, t);
        if (in.training) {
          const Training& tr = *in.training;
          int classes = (m.hires + tr.class_max - 1) / tr.class_max;
          year_month_day end = plus_days(start, std::llround(tr.class_weeks * 7));
          year_month_day nesting_end = plus_days(end, std::llround(tr.nesting_weeks * 7));
          for (int c = 0; c < classes; ++c) {
            int size = m.hires / classes + (c < m.hires % classes ? 1 : 0);
            plan.classes.push_back(TrainingClass{r, t, start, end, nesting_end, size});
          }
        }
        Opening o;
        o.role = r;
        o.month = t;
        o.start = start;
        o.publish_by = plus_days(start, -in.time_to_fill_days);
        o.headcount = m.hires;
        o.applicants = m.hires * rp.applicants_per_hire;
        o.applicants_per_week = o.applicants / std::max(1.0, in.time_to_fill_days / 7.0);
        plan.openings.push_back(o);
      }
      rp.months.push_back(m);
    }
    plan.roles.push_back(std::move(rp));
  }
  if (currency) plan.cost = Money{total_cost, *currency};
  return plan;
}

}  // namespace ccteam::hiring
