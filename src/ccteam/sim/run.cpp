#include "ccteam/sim/run.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <thread>

#include "ccteam/staffing/plan.hpp"

namespace ccteam::sim {

std::vector<TierPay> price_tiers(const Scenario& scenario, const catalog::Catalog& catalog) {
  std::vector<TierPay> out;
  if (!scenario.cost) return out;
  const CostSettings& c = *scenario.cost;
  for (const Tier& tier : scenario.tiers) {
    TierPay pay;
    if (!tier.role) {
      pay.notes.push_back(msg(MsgId::sim_tier_no_role, tier.id));
      out.push_back(pay);
      continue;
    }
    // One full-time person in the plan's agent level, priced by the planner's rules.
    staffing::Plan plan;
    plan.options.paid_hours_per_fte = c.paid_hours_per_fte;
    plan.options.part_time_share = 0;
    plan.agents.role = *tier.role;
    plan.agents.headcount = 1;
    plan.team_leads.role = *tier.role;
    plan.managers.role = *tier.role;
    staffing::CostOptions options;
    options.country = c.country;
    options.on_cost_factor = c.on_cost_factor;
    options.use_market_reference = c.market_reference;
    staffing::LevelCost cost = staffing::cost_plan(plan, catalog, options).front();
    pay.annual_low = cost.low;
    pay.annual_high = cost.high;
    pay.notes = std::move(cost.notes);
    out.push_back(pay);
  }
  return out;
}

namespace {

// Every ratio is a ratio of totals over replications (RatioAccumulator): the steady-state
// figure a long run and Erlang's formulas give, not the mean of each replication's ratio.
struct MetricAcc {
  Accumulator offered;
  RatioAccumulator sl, asa, abandon, util, missed;
  // 'staffed': the plan puts somebody on the phone in this part of the day; without staff the
  // work finished there by people of the interval before is no utilisation of anybody's time.
  void add(const TierCounts& c, TierKind kind, bool staffed) {
    offered.add(c.offered);
    if (kind == TierKind::live) {
      sl.add(c.answered_in_target, c.offered);
      abandon.add(c.abandoned, c.offered);
    } else {
      missed.add(c.deadline_missed, c.deadline_due);
    }
    asa.add(c.wait_answered_seconds, c.answered);
    if (staffed) util.add(c.busy_seconds, c.on_phone_seconds);
  }
  TierMetrics estimate() const {
    return {offered.estimate(), sl.estimate(),   asa.estimate(),
            abandon.estimate(), util.estimate(), missed.estimate()};
  }
};

TierCounts& operator+=(TierCounts& a, const TierCounts& b) {
  a.offered += b.offered;
  a.answered += b.answered;
  a.answered_in_target += b.answered_in_target;
  a.abandoned += b.abandoned;
  a.wait_answered_seconds += b.wait_answered_seconds;
  a.busy_seconds += b.busy_seconds;
  a.on_phone_seconds += b.on_phone_seconds;
  a.deadline_due += b.deadline_due;
  a.deadline_missed += b.deadline_missed;
  return a;
}

// Staff cost of the horizon per tier at the low and high end, major units; nullopt per tier
// that is not priced.
struct StaffCost {
  std::string currency;
  double low = 0, high = 0;
  bool any = false;
  bool high_complete = true;  // every priced tier has a top to its band
  std::vector<std::string> priced;
  std::vector<Message> notes;
};

StaffCost staff_cost(const Scenario& s, const std::vector<TierPay>& pay) {
  StaffCost out;
  if (!s.cost || pay.size() != s.tiers.size()) return out;
  double hours_per_year = s.cost->paid_hours_per_fte * 52;
  for (std::size_t k = 0; k < s.tiers.size(); ++k) {
    const TierPay& p = pay[k];
    out.notes.insert(out.notes.end(), p.notes.begin(), p.notes.end());
    if (!p.annual_low) continue;
    std::string code(p.annual_low->currency.code());
    if (out.any && code != out.currency) continue;  // one currency per report
    double person_hours = 0;
    for (int staff : s.tiers[k].staff) person_hours += staff;
    person_hours *= s.interval.count() / 3600 / (1 - s.cost->shrinkage);
    out.low += person_hours * to_major(*p.annual_low) / hours_per_year;
    if (p.annual_high)
      out.high += person_hours * to_major(*p.annual_high) / hours_per_year;
    else
      out.high_complete = false;
    out.currency = code;
    out.any = true;
    out.priced.push_back(s.tiers[k].id);
  }
  return out;
}

class Folder {
 public:
  Folder(const Scenario& s, StaffCost cost) : m_s(s), m_cost(std::move(cost)) {
    m_intervals.resize(s.tiers.size() * static_cast<std::size_t>(s.intervals));
    m_horizon.resize(s.tiers.size());
    m_resolved.resize(s.tiers.size());
  }

  void add(const ReplicationCounts& r) {
    std::size_t tiers = m_s.tiers.size();
    for (std::size_t k = 0; k < tiers; ++k) {
      const Tier& tier = m_s.tiers[k];
      TierCounts sum;
      for (int i = 0; i < m_s.intervals; ++i) {
        const auto at = static_cast<std::size_t>(i);
        const bool staffed = at >= tier.staff.size() || tier.staff[at] > 0;
        m_intervals[k * static_cast<std::size_t>(m_s.intervals) + at].add(r.at(k, i), tier.kind,
                                                                          staffed);
        sum += r.at(k, i);
      }
      m_horizon[k].add(sum, tier.kind, true);
    }
    const JourneyCounts& j = r.journeys;
    m_journeys.add(j.journeys);
    m_wait.add(j.total_wait_seconds, j.journeys);
    m_transfers.add(j.transfers, j.journeys);
    m_attempts.add(j.attempts, j.journeys);
    m_abandoned.add(j.abandoned, j.journeys);
    m_unfinished.add(j.unfinished, j.journeys + j.unfinished);
    for (std::size_t k = 0; k < tiers; ++k) m_resolved[k].add(j.resolved_at[k], j.journeys);
    double resolved = 0;
    for (double x : j.resolved_at) resolved += x;
    if (m_cost.any) {
      m_cost_low.add(m_cost.low, resolved);
      if (m_cost.high_complete) m_cost_high.add(m_cost.high, resolved);
    }
    m_drain.add(r.drain_seconds);
    m_events += r.events;
    m_calls += r.calls;
    ++m_done;
  }

  SimReport report() const {
    SimReport out;
    out.replications_done = m_done;
    out.start = m_s.start;
    out.warm_up = m_s.warm_up;
    for (std::size_t k = 0; k < m_s.tiers.size(); ++k) {
      TierReport t;
      t.id = m_s.tiers[k].id;
      t.kind = m_s.tiers[k].kind;
      for (int i = 0; i < m_s.intervals; ++i)
        t.intervals.push_back(
            m_intervals[k * static_cast<std::size_t>(m_s.intervals) + static_cast<std::size_t>(i)]
                .estimate());
      t.horizon = m_horizon[k].estimate();
      out.tiers.push_back(std::move(t));
    }
    out.journeys.journeys = m_journeys.estimate();
    out.journeys.total_wait_seconds = m_wait.estimate();
    out.journeys.transfers = m_transfers.estimate();
    out.journeys.attempts = m_attempts.estimate();
    out.journeys.abandoned = m_abandoned.estimate();
    out.journeys.unfinished = m_unfinished.estimate();
    for (const auto& r : m_resolved) out.journeys.resolved_at.push_back(r.estimate());
    if (m_s.cost && (m_cost.any || !m_cost.notes.empty())) {
      CostReport c;
      c.currency = m_cost.currency;
      c.per_call_low = m_cost_low.estimate();
      c.per_call_high = m_cost_high.estimate();
      c.tiers_priced = m_cost.priced;
      c.notes = m_cost.notes;
      out.cost = std::move(c);
    }
    out.events = m_events;
    out.calls = m_calls;
    out.drain_seconds = m_drain.estimate();
    return out;
  }

 private:
  const Scenario& m_s;
  StaffCost m_cost;
  std::vector<MetricAcc> m_intervals, m_horizon;
  Accumulator m_journeys;
  RatioAccumulator m_wait, m_transfers, m_attempts, m_abandoned, m_unfinished;
  std::vector<RatioAccumulator> m_resolved;
  RatioAccumulator m_cost_low, m_cost_high;
  Accumulator m_drain;
  std::uint64_t m_events = 0, m_calls = 0;
  int m_done = 0;
};

}  // namespace

SimReport run(const Model& model, const RunOptions& options, const std::vector<TierPay>& pay,
              const std::atomic<bool>* stop, const std::function<void(int, int)>& progress) {
  const Scenario& s = model.scenario();
  Folder folder(s, staff_cost(s, pay));
  const int total = std::max(options.replications, 0);
  int threads = options.threads > 0
                    ? options.threads
                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::min(threads, std::max(total, 1));

  std::atomic<int> next{0};
  std::mutex mutex;
  std::map<int, ReplicationCounts> pending;  // finished, waiting for their turn to be folded
  int fold_next = 0, done = 0;
  bool stopped = false;

  auto work = [&] {
    for (;;) {
      int r = next.fetch_add(1);
      if (r >= total) return;
      if (stop != nullptr && stop->load()) return;
      ReplicationCounts counts = simulate(model, options.seed, static_cast<std::uint64_t>(r), stop);
      std::lock_guard lock(mutex);
      if (!counts.complete) {
        stopped = true;
        return;
      }
      pending.emplace(r, std::move(counts));
      while (!pending.empty() && pending.begin()->first == fold_next) {
        folder.add(pending.begin()->second);
        pending.erase(pending.begin());
        ++fold_next;
      }
      ++done;
      if (progress) progress(done, total);
    }
  };
  {
    std::vector<std::jthread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
  }
  // Replications finished after a gap (an earlier one was stopped) are still complete: fold
  // them in order so the report uses every complete replication.
  for (auto& [r, counts] : pending) folder.add(counts);
  SimReport report = folder.report();
  report.replications_requested = total;
  report.stopped = stopped || (stop != nullptr && stop->load() && report.replications_done < total);
  return report;
}

}  // namespace ccteam::sim
