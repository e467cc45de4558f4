#pragma once
// One replication of the tiered call-center model: a discrete-event simulation over a
// future-event list. Pure: no I/O, no clock; the result is a function of (model, seed,
// replication).
//
// Model (docs/scenario-format.md): Poisson arrivals at tier 1 with a rate constant within each
// interval; each tier is a pool of identical people serving its queue first come, first served;
// after handling, a call goes on to the next tier with the tier's escalation probability
// (a warm transfer into a live queue, or a callback/ticket into a deferred work list) or ends
// resolved; a caller waiting in a live queue hangs up when the patience drawn on entering it
// runs out, and may call again later (retrial, back at tier 1). People on the phone per
// interval = staff x (1 - off-phone share): the whole part all interval, the fraction as one
// more person for that fraction at the start of the interval. Staff going down never cuts a
// call off. After the last interval no call arrives; the last interval's staff stays until the
// system is empty (the drain; at most k_max_drain after the horizon, the rest is "unfinished").
//
// Future-event list: the one pending arrival is held apart (there is always exactly one, so
// keeping it out of the heap saves a push and a pop per call); every other event sits in a
// binary min-heap of 16-byte events in one vector that is reused, so the
// hot path allocates nothing once the heap and the call pool have grown to the day's peak;
// events are dispatched by a switch on their kind (no virtual calls). Abandonment events of
// callers who were answered first stay in the heap and are recognised as stale when popped
// (the call's serial number and deadline no longer match), which is cheaper than deleting.
//
// Thread safety: a Model is read-only after construction and may be shared by any number of
// threads each running its own replications.

#include <atomic>
#include <cstdint>
#include <vector>

#include "ccteam/sim/distribution.hpp"
#include "ccteam/sim/scenario.hpp"

namespace ccteam::sim {

inline constexpr double k_max_drain_seconds = 30 * 24 * 3600.0;

// What happened in one tier in one interval of one replication. Calls count in the interval in
// which they entered the tier's queue (those entering during the drain count in the last one).
struct TierCounts {
  double offered = 0;                // calls (live) or items (deferred) that entered the tier
  double answered = 0;               // ... whose handling started
  double answered_in_target = 0;     // ... within service_level_target (live)
  double abandoned = 0;              // callers who hung up in the queue (live)
  double wait_answered_seconds = 0;  // total wait of the answered ones
  double busy_seconds = 0;           // person-seconds handling calls within the interval
  double on_phone_seconds = 0;       // person-seconds on the phone within the interval,
                                     // including people finishing a call past their time
  double deadline_due = 0;           // deferred items checked against their deadline
  double deadline_missed = 0;        // ... that missed it
};

// Customer journeys that began (first call) within the horizon.
struct JourneyCounts {
  double journeys = 0;
  std::vector<double> resolved_at;  // per tier: journeys that ended resolved there
  double abandoned = 0;             // gave up (hung up without a further retrial)
  double unfinished = 0;            // still in the system when the drain limit was reached
  double total_wait_seconds = 0;    // sum over journeys of the waits in live queues
  double transfers = 0;             // sum over journeys of escalations
  double attempts = 0;              // sum over journeys of calls (1 + retrials)
};

struct ReplicationCounts {
  int intervals = 0;
  std::vector<TierCounts> tiers;  // tier-major: tiers[k * intervals + i]
  JourneyCounts journeys;
  std::uint64_t events = 0;  // events processed (warm-up and drain included)
  std::uint64_t calls = 0;   // calls that arrived (warm-up included, retrials included)
  double drain_seconds = 0;  // time after the horizon until the system was empty
  bool complete = false;     // false when stopped early; such counts are not used

  TierCounts& at(std::size_t tier, int interval) { return tiers[index(tier, interval)]; }
  const TierCounts& at(std::size_t tier, int interval) const {
    return tiers[index(tier, interval)];
  }
  std::size_t index(std::size_t tier, int interval) const {
    return tier * static_cast<std::size_t>(intervals) + static_cast<std::size_t>(interval);
  }
};

// A scenario prepared for simulation (samplers built once). The scenario must be valid
// (validate() returned no errors).
class Model {
 public:
  explicit Model(Scenario scenario);
  const Scenario& scenario() const { return m_scenario; }

 private:
  friend class Engine;
  Scenario m_scenario;
  std::vector<std::vector<Sampler>> m_handle;  // per tier: one sampler or one per interval
  std::vector<Sampler> m_patience;             // per tier
};

// Runs replication 'replication' of 'model' with random streams derived from 'seed'. Polls
// 'stop' (may be null) every few thousand events and returns with complete = false when it is
// set.
ReplicationCounts simulate(const Model& model, std::uint64_t seed, std::uint64_t replication,
                           const std::atomic<bool>* stop = nullptr);

}  // namespace ccteam::sim
