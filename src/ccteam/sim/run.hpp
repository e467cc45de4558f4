#pragma once
// Independent replications of a scenario on all cores, summarised with 95 % confidence
// intervals (stats.hpp), and the cost per resolved call from the catalog's pay bands.
//
// Each replication uses its own random streams (seed, replication number), so the result does
// not depend on the number of threads or on which thread ran which replication; replications
// are folded into the estimates in their order.

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/money.hpp"
#include "ccteam/sim/engine.hpp"
#include "ccteam/sim/stats.hpp"

namespace ccteam::sim {

struct RunOptions {
  int replications = 30;  // 1..100000
  std::uint64_t seed = 1;
  int threads = 0;  // 0: one per hardware thread
};

// One tier in one interval (or the whole horizon), each with its 95 % confidence half-width.
// 'offered' is a mean over replications; every ratio is a ratio of totals over replications
// (RatioAccumulator: total answered within target / total offered, ...), which is what a
// steady state and Erlang's formulas give.
struct TierMetrics {
  Estimate offered;          // calls (live) or items (deferred) entering the tier
  Estimate service_level;    // live: answered within target / offered (0..1)
  Estimate asa_seconds;      // live: mean wait of answered calls; deferred: mean time to start
  Estimate abandonment;      // live: hung up in the queue / offered (0..1)
  Estimate utilisation;      // busy time / time on the phone (0..1); not defined in an
                             // interval without staff (calls run over from the one before)
  Estimate deadline_missed;  // deferred: share of items that missed the deadline (0..1)
};

struct TierReport {
  std::string id;
  TierKind kind = TierKind::live;
  std::vector<TierMetrics> intervals;  // one per interval
  TierMetrics horizon;                 // all intervals together
};

struct JourneyReport {
  Estimate journeys;                  // customers per replication (first call within the horizon)
  Estimate total_wait_seconds;        // mean over customers of their waits in live queues
  Estimate transfers;                 // mean escalations per customer
  Estimate attempts;                  // mean calls per customer (1 + retrials)
  std::vector<Estimate> resolved_at;  // per tier: share of customers resolved there (0..1)
  Estimate abandoned;                 // share of customers who gave up
  Estimate unfinished;                // share still in the system at the drain limit
};

// The annual cost of one full-time person of a tier (low and high end of the band, employer
// on-costs included), priced by staffing::cost_plan's rules; empty with a note when the tier
// has no role or the role no usable band.
struct TierPay {
  std::optional<Money> annual_low, annual_high;
  std::vector<Message> notes;  // why it is not priced, or how (staffing::LevelCost::notes)
};

struct CostReport {
  std::string currency;    // ISO 4217 code of the bands
  Estimate per_call_low;   // staff cost / resolved customers, major units of 'currency'
  Estimate per_call_high;  // not defined when a priced tier's band has no top
  std::vector<std::string> tiers_priced;  // ids of the tiers included
  std::vector<Message> notes;             // why a tier is left out
};

struct SimReport {
  int replications_requested = 0;
  int replications_done = 0;  // complete replications the estimates use
  bool stopped = false;       // stopped early (the stop flag was set)
  Start start = Start::empty;
  Seconds warm_up{0};
  std::vector<TierReport> tiers;
  JourneyReport journeys;
  std::optional<CostReport> cost;
  std::uint64_t events = 0;  // over all complete replications
  std::uint64_t calls = 0;   // arrivals and retrials over all complete replications
  Estimate drain_seconds;    // time after the last interval until the center was empty
};

// Prices each tier's role with staffing::cost_plan's rules (band of the scenario's cost
// country, hourly/monthly bands annualised, market reference only when asked). One entry per
// tier; empty when the scenario has no cost settings.
std::vector<TierPay> price_tiers(const Scenario& scenario, const catalog::Catalog& catalog);

// Runs options.replications replications on options.threads threads. 'stop' (may be null) is
// polled; once set, running replications end early and are dropped, and the report covers the
// complete ones (stopped = true). 'progress' (may be empty) is called after each replication
// with (done, requested), from a worker thread, one call at a time. 'pay' is price_tiers'
// result, or empty for no cost.
SimReport run(const Model& model, const RunOptions& options, const std::vector<TierPay>& pay = {},
              const std::atomic<bool>* stop = nullptr,
              const std::function<void(int, int)>& progress = {});

}  // namespace ccteam::sim
