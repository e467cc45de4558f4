#include "ccteam/staffing/plan.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <utility>

#include "ccteam/core/iso_codes.hpp"
#include "ccteam/core/number_text.hpp"

namespace ccteam::staffing {

namespace {

// FTE and headcounts are rounded up, but not past a value that is whole up to rounding noise.
constexpr double k_round_slack = 1e-9;

int ceil_count(double x) { return static_cast<int>(std::ceil(x - k_round_slack)); }

// The option at 'pointer' (a JSON pointer into PlanOptions) is out of range.
tl::unexpected<Error> bad_option(std::string pointer, double value) {
  return tl::unexpected(Error::invalid_input(msg(MsgId::staffing_bad_option, pointer, value),
                                             SourcePos{{}, 0, 0, pointer}));
}

// A deferred tier's deadline shorter than one interval: in hours as options give deadlines, the
// interval in minutes.
tl::unexpected<Error> deadline_below_interval(std::string pointer, Seconds deadline,
                                              Seconds interval) {
  auto g = [](double v) { return significant_text(v, 3); };
  Error e = Error::invalid_input(msg(MsgId::staffing_deadline_below_interval, pointer,
                                     g(deadline.count() / 3600), g(interval.count() / 60)),
                                 SourcePos{{}, 0, 0, pointer});
  e.hint = msg(MsgId::hint_staffing_deadline_below_interval, g(interval.count() / 3600));
  return tl::unexpected(std::move(e));
}

std::optional<tl::unexpected<Error>> check_options(const PlanOptions& o) {
  auto in = [](double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; };
  if (!in(o.shrinkage, 0, 1) || o.shrinkage >= 1) return bad_option("/shrinkage", o.shrinkage);
  if (!in(o.paid_hours_per_fte, 0, 168) || o.paid_hours_per_fte == 0) {
    return bad_option("/paid_hours_per_fte", o.paid_hours_per_fte);
  }
  if (o.days_per_week < 1 || o.days_per_week > 7)
    return bad_option("/days_per_week", o.days_per_week);
  if (!in(o.part_time_share, 0, 1)) return bad_option("/part_time_share", o.part_time_share);
  if (!in(o.part_time_fte, 0, 1) || o.part_time_fte == 0) {
    return bad_option("/part_time_fte", o.part_time_fte);
  }
  if (o.team_lead_span < 1) return bad_option("/team_lead_span", o.team_lead_span);
  if (o.manager_span < 1) return bad_option("/manager_span", o.manager_span);
  for (const auto& [name, e] : {std::pair{"/escalation", &o.escalation},
                                std::pair{"/manager_escalation", &o.manager_escalation}}) {
    const std::string label(name);
    if (!in(e->share, 0, 1)) return bad_option(label + "/share", e->share);
    if (!in(e->phone_share, 0, 1) || e->phone_share == 0) {
      return bad_option(label + "/phone_share", e->phone_share);
    }
    if (e->handle_time) {
      double s = e->handle_time->count();
      if (!std::isfinite(s) || s <= 0) return bad_option(label + "/handle_time", s);
    }
    double d = e->deadline.count();
    if (e->mode == TierMode::deferred && (!std::isfinite(d) || d <= 0)) {
      return bad_option(label + "/deadline", d);
    }
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

// What one upper tier needs per interval to take its escalations.
struct TierNeed {
  std::vector<int> on_duty;                       // people on duty for escalations
  std::vector<std::optional<QueueMetrics>> live;  // live mode: the tier's queue
  std::vector<double> deferred_hours;             // deferred mode: work hours done there
};

bool is_open(const ForecastInterval& i) { return i.calls_offered > 0; }

// The open intervals that deferred work arriving in interval 'from' may be done in: from its
// arrival up to its deadline, wrapping round from the forecast's end to its start in whole days
// (the forecast stands for a repeating day or week). Never empty: 'from' is open.
std::vector<std::size_t> deadline_window(const Forecast& f, std::size_t from, Seconds deadline) {
  constexpr double k_day = 86400;
  const double length = f.interval.count();
  const double span = static_cast<double>(f.intervals.size()) * length;
  const double period = std::ceil(span / k_day - k_round_slack) * k_day;
  const auto steps = static_cast<std::size_t>(
      std::min(std::ceil(deadline.count() / length - k_round_slack), period / length));
  std::vector<std::size_t> window;
  for (std::size_t m = 0; m < std::max<std::size_t>(steps, 1); ++m) {
    double at = std::fmod(static_cast<double>(from + m) * length, period);
    auto index = static_cast<std::size_t>(std::llround(at / length));
    if (index < f.intervals.size() && is_open(f.intervals[index])) window.push_back(index);
  }
  return window;
}

// Sizes a tier for 'calls[i]' escalations arriving in interval i, each taking the escalation's
// handle time (or 'lower_aht[i]', the lower tier's).
Result<TierNeed> size_tier(const Forecast& f, const std::vector<double>& calls,
                           const std::vector<Seconds>& lower_aht, const Escalation& e,
                           const PlanOptions& o) {
  const std::size_t n = f.intervals.size();
  const double interval_hours = f.interval.count() / 3600.0;
  TierNeed need{std::vector<int>(n, 0), std::vector<std::optional<QueueMetrics>>(n),
                std::vector<double>(n, 0)};
  for (std::size_t i = 0; i < n; ++i) {
    if (calls[i] <= 0) continue;
    const Seconds aht = e.handle_time.value_or(lower_aht[i]);
    if (e.mode == TierMode::live) {
      auto queue = solve_agents(Workload{calls[i], f.interval, aht}, o.targets, o.model);
      if (!queue) return tl::unexpected(at_interval(queue.error(), f.intervals[i]));
      need.live[i] = *queue;
      need.on_duty[i] = ceil_count(queue->agents / e.phone_share);
      continue;
    }
    const std::vector<std::size_t> window = deadline_window(f, i, e.deadline);
    const double hours = calls[i] * aht.count() / 3600;
    for (std::size_t j : window)
      need.deferred_hours[j] += hours / static_cast<double>(window.size());
  }
  if (e.mode == TierMode::deferred) {
    for (std::size_t j = 0; j < n; ++j) {
      need.on_duty[j] = ceil_count(need.deferred_hours[j] / (interval_hours * e.phone_share));
    }
  }
  return need;
}

// A level above the agents: people by the span of control over the level below, or by the
// on-duty hours a week its cover needs, whichever needs more (full time). The FTE is exact, as
// the agents' is (3.4 FTE by the span are 4 people); the hours/week are the on-duty hours those
// FTE give. 'productive': on-duty hours a week of one FTE.
LevelPlan size_level(RoleId role, double cover_hours_per_week, int people_below, int span,
                     double productive) {
  const double cover_fte = cover_hours_per_week / productive;
  const double span_fte = static_cast<double>(people_below) / static_cast<double>(span);
  const int by_span = ceil_count(span_fte);
  const int by_cover = ceil_count(cover_fte);
  LevelPlan level;
  level.role = std::move(role);
  level.headcount = std::max(by_span, by_cover);
  level.basis = by_cover > by_span ? "cover" : "span";
  level.fte = std::max(cover_fte, span_fte);
  level.weekly_hours = level.fte * productive;
  return level;
}

}  // namespace

Result<Plan> make_plan(const Forecast& forecast, const PlanOptions& options) {
  if (auto bad = check_options(options)) return *bad;
  auto targets = check_targets(options.targets, options.model);
  if (!targets) return tl::unexpected(targets.error());
  // A deferred tier's work is spread over whole intervals: a deadline shorter than one interval
  // cannot be planned this way (such escalations are a live queue).
  if (options.escalation.mode == TierMode::deferred &&
      options.escalation.deadline < forecast.interval) {
    return deadline_below_interval("/escalation/deadline", options.escalation.deadline,
                                   forecast.interval);
  }
  if (options.manager_escalation.share > 0 &&
      options.manager_escalation.mode == TierMode::deferred &&
      options.manager_escalation.deadline < forecast.interval) {
    return deadline_below_interval("/manager_escalation/deadline",
                                   options.manager_escalation.deadline, forecast.interval);
  }

  Plan plan;
  plan.options = options;
  plan.interval = forecast.interval;
  plan.forecast_days = distinct_days(forecast);
  plan.weeks =
      plan.forecast_days >= 7 ? plan.forecast_days / 7 : plan.forecast_days / options.days_per_week;
  const double interval_hours = forecast.interval.count() / 3600.0;
  const std::size_t n = forecast.intervals.size();
  double agent_hours = 0, lead_hours = 0, manager_hours = 0;
  std::vector<double> to_leads(n), to_managers(n);
  std::vector<Seconds> agent_aht(n), lead_aht(n);
  for (std::size_t k = 0; k < n; ++k) {
    const ForecastInterval& i = forecast.intervals[k];
    IntervalPlan ip;
    ip.start = i.start;
    ip.workload = forecast.workload(i);
    auto agents = i.agents ? evaluate(*i.agents, ip.workload, options.targets, options.model)
                           : solve_agents(ip.workload, options.targets, options.model);
    if (!agents) return tl::unexpected(at_interval(agents.error(), i));
    ip.agents = *agents;
    ip.meets_targets = !i.agents || meets(ip.agents, options.targets);
    if (i.agents) plan.staffing = Staffing::given;
    agent_hours += ip.agents.agents * interval_hours;
    // Manager escalations arrive with the call they come from (same interval).
    to_leads[k] = i.calls_offered * options.escalation.share;
    to_managers[k] = to_leads[k] * options.manager_escalation.share;
    agent_aht[k] = i.handle_time;
    lead_aht[k] = options.escalation.handle_time.value_or(i.handle_time);
    ip.escalated_calls = to_leads[k];
    plan.intervals.push_back(std::move(ip));
  }
  auto leads = size_tier(forecast, to_leads, agent_aht, options.escalation, options);
  if (!leads) return tl::unexpected(leads.error());
  auto managers = size_tier(forecast, to_managers, lead_aht, options.manager_escalation, options);
  if (!managers) return tl::unexpected(managers.error());
  // A live escalation of a call late in one interval reaches the next one (after the call's
  // handling): someone stays on duty for it there, even when no call arrives.
  auto runs_over = [&](const std::vector<double>& escalated, const Escalation& e, std::size_t k) {
    return e.mode == TierMode::live && k > 0 && escalated[k - 1] > 0 &&
           forecast.intervals[k].start - forecast.intervals[k - 1].start == forecast.interval;
  };
  for (std::size_t k = 0; k < n; ++k) {
    IntervalPlan& ip = plan.intervals[k];
    ip.escalation = leads->live[k];
    ip.deferred_lead_hours = leads->deferred_hours[k];
    const bool lead_cover =
        is_open(forecast.intervals[k]) || runs_over(to_leads, options.escalation, k);
    ip.team_leads_on_duty = std::max(lead_cover ? 1 : 0, leads->on_duty[k]);
    ip.managers_on_duty = std::max(runs_over(to_managers, options.manager_escalation, k) ? 1 : 0,
                                   managers->on_duty[k]);
    ip.deferred_manager_hours = managers->deferred_hours[k];
    lead_hours += ip.team_leads_on_duty * interval_hours;
    manager_hours += ip.managers_on_duty * interval_hours;
  }

  const double productive = options.paid_hours_per_fte * (1 - options.shrinkage);
  // Agents: FTE from the workload, rounded once to people (part-timers count as people).
  plan.agents.role = RoleId("agent");
  plan.agents.weekly_hours = agent_hours / plan.weeks;
  plan.agents.fte = plan.agents.weekly_hours / productive;
  const double fte_per_person =
      (1 - options.part_time_share) + options.part_time_share * options.part_time_fte;
  plan.agents.headcount = ceil_count(plan.agents.fte / fte_per_person);
  plan.agents.basis = plan.staffing == Staffing::given ? "given" : "workload";
  if (plan.staffing == Staffing::given) {
    plan.totals = staffing_totals(plan.intervals, options.targets, options.model.definitions);
  }

  // Team leads: span of control over people, or on-duty cover incl. escalations, whichever
  // needs more (team leads work full time).
  plan.team_leads = size_level(RoleId("team-lead"), lead_hours / plan.weeks, plan.agents.headcount,
                               options.team_lead_span, productive);
  if (plan.forecast_days < 7) {
    const int days = static_cast<int>(std::lround(plan.forecast_days));
    plan.notes.push_back(
        msg(days == 1 ? MsgId::plan_note_one_day_per_week : MsgId::plan_note_days_per_week, days,
            options.days_per_week));
  }
  // Live escalations keep a team lead free wherever one may arrive: with few escalations spread
  // over the day that is far more team leads than the span needs (10 % of a night's calls).
  const int leads_by_span = ceil_count(static_cast<double>(plan.agents.headcount) /
                                       static_cast<double>(options.team_lead_span));
  if (options.escalation.mode == TierMode::live && options.escalation.share > 0 &&
      plan.team_leads.headcount > 2 * leads_by_span) {
    plan.notes.push_back(msg(MsgId::plan_warn_leads_over_span, plan.team_leads.headcount,
                             plan.agents.headcount, options.team_lead_span, leads_by_span));
  }
  // Managers: span of control over team leads, or the on-duty time their escalations need.
  plan.managers = size_level(RoleId("manager"), manager_hours / plan.weeks,
                             plan.team_leads.headcount, options.manager_span, productive);
  return plan;
}

StaffingTotals staffing_totals(const std::vector<IntervalPlan>& intervals, const Targets& targets,
                               const Definitions& definitions) {
  StaffingTotals t;
  QueueMetrics& f = t.figures;
  f.definitions = definitions;
  double sl_weight = 0, sl_sum = 0, asa_weight = 0, asa_sum = 0, abandoned = 0, waited = 0;
  double agent_time = 0, busy_time = 0;
  for (const IntervalPlan& i : intervals) {
    const QueueMetrics& m = i.agents;
    const double calls = i.workload.calls;
    f.agents = std::max(f.agents, m.agents);
    f.offered_load_erlangs = std::max(f.offered_load_erlangs, m.offered_load_erlangs);
    agent_time += m.agents;
    busy_time += m.occupancy * m.agents;
    if (calls <= 0) continue;
    t.calls += calls;
    ++t.open_intervals;
    if (i.meets_targets) ++t.meeting_intervals;
    abandoned += calls * m.p_abandon;
    waited += calls * m.p_wait;
    double w = 1;
    if (definitions.service_level == SlDefinition::over_answered) w = 1 - m.p_abandon;
    if (definitions.service_level == SlDefinition::over_offered_minus_short_abandons) {
      w = 1 - m.p_abandon_within_target;
    }
    sl_weight += calls * w;
    sl_sum += calls * w * m.service_level;
    if (m.state == QueueState::unstable) {
      ++t.unstable_intervals;
      f.state = QueueState::unstable;
      continue;
    }
    const double answered = definitions.asa == AsaDefinition::over_answered ? 1 - m.p_abandon : 1;
    asa_weight += calls * answered;
    asa_sum += calls * answered * m.asa.count();
  }
  if (t.calls > 0) {
    f.p_abandon = abandoned / t.calls;
    f.p_wait = waited / t.calls;
  }
  f.service_level = sl_weight > 0 ? sl_sum / sl_weight : (t.calls > 0 ? 0 : 1);
  f.asa = Seconds{asa_weight > 0 ? asa_sum / asa_weight : 0};
  if (f.state == QueueState::unstable) f.asa = Seconds{std::numeric_limits<double>::infinity()};
  f.occupancy = agent_time > 0 ? busy_time / agent_time : 0;
  t.meets_targets = meets(f, targets);
  return t;
}

namespace {

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

// 'name': the role as notes name it (its title; its id when the catalog has no such role).
LevelCost price(const Plan& plan, const LevelPlan& level, const catalog::PayRange& range,
                const CostOptions& options, const MessageArg& name) {
  LevelCost cost;
  cost.role = level.role;
  double factor = paid_fte(plan, level) *
                  periods_per_year(range.period, plan.options.paid_hours_per_fte) *
                  (1 + options.on_cost_factor);
  cost.low = scaled(range.min, factor);
  if (range.max && !range.open_ended) {
    cost.high = scaled(*range.max, factor);
  } else {
    cost.notes.push_back(Message{MsgId::staffing_band_open_ended, {name}});
  }
  return cost;
}

}  // namespace

double periods_per_year(catalog::PayPeriod period, double paid_hours_per_fte) {
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

std::vector<LevelCost> cost_plan(const Plan& plan, const catalog::Catalog& catalog,
                                 const CostOptions& options) {
  std::vector<LevelCost> out;
  for (const LevelPlan* level : {&plan.agents, &plan.team_leads, &plan.managers}) {
    const catalog::Role* role = catalog.find(level->role);
    const MessageArg name =
        role != nullptr ? MessageArg(role->title) : MessageArg(level->role.str());
    const catalog::PayBand* band = nullptr;
    for (const catalog::PayBand* b : catalog.bands_for(level->role)) {
      if (b->country == options.country) {
        band = b;
        break;
      }
    }
    if (band != nullptr) {
      out.push_back(price(plan, *level, band->range, options, name));
      continue;
    }
    if (options.use_market_reference && role != nullptr && role->market_reference) {
      const catalog::MarketReference& reference = *role->market_reference;
      LevelCost cost = price(plan, *level, reference.range, options, name);
      cost.market_reference = true;
      for (Message& note : cost.notes) {  // a reference is no band: nobody can give it a max
        if (note.id == MsgId::staffing_band_open_ended) {
          note.id = MsgId::staffing_market_reference_open_ended;
        }
      }
      // The reference is another country's gross pay: say whose, in which currency, and that
      // the on-cost factor added is the one given (its default is Germany's).
      cost.notes.insert(
          cost.notes.begin(),
          Message{MsgId::staffing_market_reference_used,
                  {name, MessageArg(reference.source),
                   MessageArg(LocalizedText{country_name(reference.country, Lang::en),
                                            country_name(reference.country, Lang::de)}),
                   MessageArg(std::string(reference.range.min.currency.code())),
                   MessageArg(significant_text(options.on_cost_factor, 3))}});
      out.push_back(std::move(cost));
      continue;
    }
    LevelCost cost;
    cost.role = level->role;
    cost.notes.push_back(Message{role != nullptr && role->market_reference
                                     ? MsgId::staffing_no_band_market_available
                                     : MsgId::staffing_no_band,
                                 {name, MessageArg(options.country)}});
    out.push_back(std::move(cost));
  }
  return out;
}

}  // namespace ccteam::staffing
