#pragma once
// The simulation model as data: a scenario (docs/scenario-format.md) after reading, with every
// per-interval value expanded to one value per interval. Pure: no I/O.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ccteam/core/error.hpp"
#include "ccteam/core/ids.hpp"
#include "ccteam/sim/distribution.hpp"

namespace ccteam::sim {

using Seconds = std::chrono::duration<double>;

inline constexpr int k_max_tiers = 10;
inline constexpr int k_max_intervals = 100'000;
inline constexpr int k_max_attempts = 10;  // calls of one journey, retrials included
// The ranges the readers of scenarios (YAML) and plans (JSON) accept, so that no count or time
// overflows the engine's arithmetic: durations, expected calls per interval, people on duty.
inline constexpr double k_max_seconds = 1e9;
inline constexpr double k_max_calls = 1e9;
inline constexpr long long k_max_staff = 1'000'000;
inline constexpr double k_max_paid_hours_per_fte = 168;  // hours in a week
inline constexpr double k_max_shrinkage = 0.95;

enum class TierKind : std::uint8_t {
  live,     // warm transfer: the caller waits on the line in this tier's queue
  deferred  // callback or ticket with a deadline: the caller is off the line
};
enum class DeadlineBasis : std::uint8_t { finish, start };
enum class Start : std::uint8_t {
  empty,     // the center opens empty at the start of interval 1 (a real day)
  warmed_up  // the center first runs 'warm_up' under interval 1's load; that time is not counted
};

struct Retrial {
  double probability = 0;   // that a caller who hung up calls again, 0..1
  Seconds mean_delay{600};  // exponential delay before the new call, > 0
};

struct Tier {
  std::string id;              // name in the report
  std::optional<RoleId> role;  // catalog role for the pay band
  TierKind kind = TierKind::live;
  std::vector<int> staff;                 // people on duty per interval (size = intervals), >= 0
  std::vector<double> off_phone_share;    // per interval (size = intervals), 0 <= s < 1
  std::vector<Distribution> handle_time;  // size 1 (all intervals) or one per interval
  double escalate = 0;                    // probability of going on to the next tier, 0..1
  Seconds service_level_target{20};       // answer-time target of the service level (live)
  Distribution patience;                  // live: none, exponential or lognormal
  std::optional<Retrial> retrial;         // live only
  std::optional<Seconds> deadline;        // deferred only (required there)
  DeadlineBasis deadline_basis = DeadlineBasis::finish;

  // People on the phone in interval i: staff x (1 - off_phone_share).
  double on_phone(int i) const {
    auto at = static_cast<std::size_t>(i);
    return staff[at] * (1 - off_phone_share[at]);
  }
  const Distribution& handle_time_at(int i) const {
    return handle_time.size() == 1 ? handle_time[0] : handle_time[static_cast<std::size_t>(i)];
  }
};

struct CostSettings {
  std::string country = "DE";
  double on_cost_factor = 0.21;
  double paid_hours_per_fte = 39;
  double shrinkage = 0.3;
  bool market_reference = false;
};

struct Scenario {
  std::string name;
  Seconds interval{1800};                  // > 0
  int intervals = 0;                       // 1..k_max_intervals
  std::optional<int> start_minute;         // clock time of interval 1 in minutes after midnight
  std::vector<double> calls_per_interval;  // size = intervals, >= 0 (expected calls to tier 1)
  Start start = Start::empty;
  Seconds warm_up{0};       // > 0 with Start::warmed_up
  std::vector<Tier> tiers;  // 1..k_max_tiers, in escalation order
  std::optional<CostSettings> cost;
  std::optional<int> replications;  // run defaults from the file; the command line overrides
  std::optional<std::uint64_t> seed;
};

// Probability that a call arriving at tier 1 reaches tier k (product of the escalations before).
double reach_probability(const Scenario& scenario, std::size_t tier);

// Offered load of tier k in interval i in Erlangs: calls x reach x mean handle time / interval.
double offered_load_erlangs(const Scenario& scenario, std::size_t tier, int interval);

// Cross-field checks the reader cannot make one key at a time. Each error carries the JSON
// pointer of the offending value (e.g. "/tiers/1/staff/3"); the reader turns it into
// file:line:col. Reports: list sizes that do not match 'intervals' (MsgId::sim_list_length),
// a first tier that is not live (sim_first_not_live), a live tier after a deferred one
// (sim_live_after_deferred), escalation from the last tier (sim_escalate_last), a deadline on
// a live tier or none on a deferred one (sim_deadline_live, sim_deadline_missing), patience or
// retrial on a deferred tier (sim_patience_deferred), nobody on the phone in a live tier in an
// interval where calls reach it, or a deferred tier nobody ever staffs (sim_zero_staff), and a
// live tier without patience whose offered load is at or above its people on the phone in an
// interval (sim_unstable: the queue grows without bound; the Erlang C condition a < N).
// Linear in tiers x intervals; at most k_max_errors of the last two kinds, then "... and N more"
// (more_errors).
Errors validate(const Scenario& scenario);

// "08:30" for interval i, or "#i" (1-based) when the scenario has no start time.
std::string interval_label(const Scenario& scenario, int interval);

}  // namespace ccteam::sim
