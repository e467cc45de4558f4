#include "ccteam/staffing/plan.hpp"

#include <cmath>
#include <set>

namespace ccteam::staffing {

namespace {

// FTE and headcounts are rounded up, but not past a value that is whole up to rounding noise.
constexpr double k_round_slack = 1e-9;

int ceil_count(double x) { return static_cast<int>(std::ceil(x - k_round_slack)); }

tl::unexpected<Error> bad_option(std::string_view name, double value) {
  return tl::unexpected(
      Error{ErrorKind::invalid_input, msg(MsgId::staffing_bad_option, name, value), {}, {}});
}

std::optional<tl::unexpected<Error>> check_options(const PlanOptions& o) {
  auto in = [](double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; };
  if (!in(o.shrinkage, 0, 1) || o.shrinkage >= 1) return bad_option("shrinkage", o.shrinkage);
  if (!in(o.paid_hours_per_fte, 0, 168) || o.paid_hours_per_fte == 0) {
    return bad_option("hours per FTE", o.paid_hours_per_fte);
  }
  if (o.days_per_week < 1 || o.days_per_week > 7)
    return bad_option("days per week", o.days_per_week);
  if (!in(o.part_time_share, 0, 1)) return bad_option("part-time share", o.part_time_share);
  if (!in(o.part_time_fte, 0, 1) || o.part_time_fte == 0) {
    return bad_option("part-time FTE", o.part_time_fte);
  }
  if (o.team_lead_span < 1) return bad_option("team lead span", o.team_lead_span);
  if (o.manager_span < 1) return bad_option("manager span", o.manager_span);
  if (!in(o.escalation.share, 0, 1)) return bad_option("escalation share", o.escalation.share);
  if (!in(o.escalation.phone_share, 0, 1) || o.escalation.phone_share == 0) {
    return bad_option("team lead phone share", o.escalation.phone_share);
  }
  if (o.escalation.handle_time) {
    double s = o.escalation.handle_time->count();
    if (!std::isfinite(s) || s <= 0) return bad_option("escalation AHT", s);
  }
  return std::nullopt;
}

double distinct_days(const Forecast& forecast) {
  std::set<long> days;
  for (const ForecastInterval& i : forecast.intervals) {
    days.insert(static_cast<long>(
        std::chrono::floor<std::chrono::days>(i.start).time_since_epoch().count()));
  }
  return static_cast<double>(days.size());
}

Error at_interval(Error e, const ForecastInterval& i) {
  e.where.line = i.source_line;
  return e;
}

}  // namespace

Result<Plan> make_plan(const Forecast& forecast, const PlanOptions& options) {
  if (auto bad = check_options(options)) return *bad;
  auto targets = check_targets(options.targets, options.model);
  if (!targets) return tl::unexpected(targets.error());

  Plan plan;
  plan.options = options;
  plan.interval = forecast.interval;
  plan.forecast_days = distinct_days(forecast);
  plan.weeks =
      plan.forecast_days >= 7 ? plan.forecast_days / 7 : plan.forecast_days / options.days_per_week;
  const double interval_hours = forecast.interval.count() / 3600.0;
  double agent_hours = 0, lead_hours = 0;
  for (const ForecastInterval& i : forecast.intervals) {
    IntervalPlan ip;
    ip.start = i.start;
    ip.workload = forecast.workload(i);
    auto agents = solve_agents(ip.workload, options.targets, options.model);
    if (!agents) return tl::unexpected(at_interval(agents.error(), i));
    ip.agents = *agents;
    agent_hours += ip.agents.agents * interval_hours;
    if (i.calls_offered > 0) {
      ip.team_leads_on_duty = 1;
      if (options.escalation.share > 0) {
        Workload escalated{i.calls_offered * options.escalation.share, forecast.interval,
                           options.escalation.handle_time.value_or(i.handle_time)};
        auto leads = solve_agents(escalated, options.targets, options.model);
        if (!leads) return tl::unexpected(at_interval(leads.error(), i));
        ip.escalation = *leads;
        ip.team_leads_on_duty =
            std::max(1, ceil_count(leads->agents / options.escalation.phone_share));
      }
    }
    lead_hours += ip.team_leads_on_duty * interval_hours;
    plan.intervals.push_back(std::move(ip));
  }

  const double productive = options.paid_hours_per_fte * (1 - options.shrinkage);
  // Agents: FTE from the workload, rounded once to people (part-timers count as people).
  plan.agents.role = RoleId("agent");
  plan.agents.weekly_hours = agent_hours / plan.weeks;
  plan.agents.fte = plan.agents.weekly_hours / productive;
  const double fte_per_person =
      (1 - options.part_time_share) + options.part_time_share * options.part_time_fte;
  plan.agents.headcount = ceil_count(plan.agents.fte / fte_per_person);
  plan.agents.basis = "workload";

  // Team leads: span of control over people, or on-duty cover incl. escalations, whichever
  // needs more (team leads work full time).
  plan.team_leads.role = RoleId("team-lead");
  plan.team_leads.weekly_hours = lead_hours / plan.weeks;
  double cover_fte = plan.team_leads.weekly_hours / productive;
  int by_span = ceil_count(static_cast<double>(plan.agents.headcount) / options.team_lead_span);
  int by_cover = ceil_count(cover_fte);
  plan.team_leads.headcount = std::max(by_span, by_cover);
  plan.team_leads.basis = by_cover > by_span ? "cover" : "span";
  plan.team_leads.fte = plan.team_leads.headcount;

  plan.managers.role = RoleId("manager");
  plan.managers.headcount =
      ceil_count(static_cast<double>(plan.team_leads.headcount) / options.manager_span);
  plan.managers.fte = plan.managers.headcount;
  plan.managers.basis = "span";
  return plan;
}

namespace {

double annual_factor(catalog::PayPeriod period, double paid_hours_per_fte) {
  switch (period) {
    case catalog::PayPeriod::hour:
      return paid_hours_per_fte * 52;
    case catalog::PayPeriod::month:
      return 12;
    case catalog::PayPeriod::year:
      return 1;
  }
  return 1;
}

Money scaled(const Money& m, double factor) {
  return Money{static_cast<std::int64_t>(std::llround(static_cast<double>(m.minor) * factor)),
               m.currency};
}

// Paid FTE of the people in a level: part-time agents cost their share.
double paid_fte(const Plan& plan, const LevelPlan& level) {
  if (level.role.str() != "agent") return level.headcount;
  const PlanOptions& o = plan.options;
  return level.headcount * ((1 - o.part_time_share) + o.part_time_share * o.part_time_fte);
}

LevelCost price(const Plan& plan, const LevelPlan& level, const catalog::PayRange& range,
                const CostOptions& options) {
  LevelCost cost;
  cost.role = level.role;
  double factor = paid_fte(plan, level) *
                  annual_factor(range.period, plan.options.paid_hours_per_fte) *
                  (1 + options.on_cost_factor);
  cost.low = scaled(range.min, factor);
  if (range.max && !range.open_ended) {
    cost.high = scaled(*range.max, factor);
  } else {
    cost.note = msg(MsgId::staffing_band_open_ended, level.role.str());
  }
  return cost;
}

}  // namespace

std::vector<LevelCost> cost_plan(const Plan& plan, const catalog::Catalog& catalog,
                                 const CostOptions& options) {
  std::vector<LevelCost> out;
  for (const LevelPlan* level : {&plan.agents, &plan.team_leads, &plan.managers}) {
    const catalog::PayBand* band = nullptr;
    for (const catalog::PayBand* b : catalog.bands_for(level->role)) {
      if (b->country == options.country) {
        band = b;
        break;
      }
    }
    if (band != nullptr) {
      out.push_back(price(plan, *level, band->range, options));
      continue;
    }
    const catalog::Role* role = catalog.find(level->role);
    if (options.use_market_reference && role != nullptr && role->market_reference) {
      LevelCost cost = price(plan, *level, role->market_reference->range, options);
      cost.market_reference = true;
      if (!cost.note) {
        cost.note = msg(MsgId::staffing_market_reference_used, level->role.str(),
                        role->market_reference->source);
      }
      out.push_back(std::move(cost));
      continue;
    }
    LevelCost cost;
    cost.role = level->role;
    cost.note =
        role != nullptr && role->market_reference
            ? msg(MsgId::staffing_no_band_market_available, level->role.str(), options.country)
            : msg(MsgId::staffing_no_band, level->role.str(), options.country);
    out.push_back(std::move(cost));
  }
  return out;
}

}  // namespace ccteam::staffing
