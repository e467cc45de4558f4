#pragma once
// Queueing formulas of call-center staffing: Erlang B, Erlang C (M/M/N) and Erlang A (M/M/N+M).
// Pure functions, no I/O, no global state; safe to call from any thread.
//
// Model and notation (Gans, Koole & Mandelbaum 2003, "Telephone Call Centers: Tutorial, Review,
// and Research Prospects", Manufacturing & Service Operations Management 5(2):79-141, section 4):
//   calls arrive as a Poisson process, handle times are exponential with mean AHT, N agents
//   serve one queue first come first served; the offered load is a = calls x AHT / interval, in
//   Erlangs. Erlang A adds exponential patience with mean 'patience' (rate theta = 1/patience):
//   a waiting caller hangs up when the patience runs out (Garnett, Mandelbaum & Reiman 2002,
//   "Designing a Call Center with Impatient Customers", MSOM 4(3):208-227).
//
// Numerical method. No factorial or power is ever formed:
//   - Erlang B by the recursion B(0) = 1, B(n) = a B(n-1) / (n + a B(n-1)), equivalently
//     1/B(n) = 1 + (n/a) / B(n-1) (Cooper 1981, Introduction to Queueing Theory, 2nd ed., 5.4);
//     every step stays in [0, 1], so it is stable for any n and a (O(n) per value).
//   - Erlang C from B: C = N B / (N - a (1 - B)) (Cooper 1981, eq. 5.4.8).
//   - Erlang A as the exact birth-death chain of M/M/N+M: states below N from 1/B(N) (kept as a
//     logarithm, so N = 100,000 agents at 1 Erlang does not overflow), queue states from the
//     ratios lambda / (N mu + j theta), summed in log-scaled form around the largest term until
//     the remaining terms are below 1e-18 of the total. Waiting-time probabilities use the
//     fact that a caller who finds j callers waiting is answered by time t with probability
//     N mu / (N mu + (j+1) theta) x I_y(j+1, N mu/theta + 1), y = 1 - exp(-theta t), where I is
//     the regularised incomplete beta function (the caller's residual wait is a sum of
//     exponentials with rates N mu + k theta; exp(-theta T) is then Beta distributed); I is
//     advanced in j by its recurrence I_y(m+1, b) = I_y(m, b) - y^m (1-y)^b / (m B(m, b))
//     (Abramowitz & Stegun 26.5.16), with the subtracted term kept as a logarithm.
//
// Limits: 0 <= agents <= k_max_agents, 0 <= offered load <= k_max_load_erlangs; AHT, interval
// and patience finite and positive. Results never contain NaN: an Erlang C queue with a >= N is
// reported as QueueState::unstable (no finite wait exists), never as a finite or negative wait.

#include <chrono>
#include <cstdint>
#include <optional>

#include "ccteam/core/error.hpp"

namespace ccteam::staffing {

// A length of time in seconds, possibly fractional.
using Seconds = std::chrono::duration<double>;

inline constexpr int k_max_agents = 100'000;
inline constexpr double k_max_load_erlangs = 100'000.0;

// The calls of one interval: how many arrive and how long each keeps an agent busy.
struct Workload {
  double calls = 0;        // calls offered in the interval (an expectation, need not be whole)
  Seconds interval{0};     // length of the interval (900 s, 1800 s, 3600 s)
  Seconds handle_time{0};  // AHT: talk + hold + after-call work, per call
};

// Offered load a = calls x AHT / interval, in Erlangs (agent-seconds of work per second).
double offered_load_erlangs(const Workload& workload);

// Which calls a service level counts. They agree when no caller abandons (Erlang C).
enum class SlDefinition : std::uint8_t {
  over_offered,                      // answered within t / all offered calls
  over_answered,                     // answered within t / answered calls
  over_offered_minus_short_abandons  // answered within t / (offered - abandoned within t)
};
// Which callers an ASA averages over. They agree when no caller abandons (Erlang C).
enum class AsaDefinition : std::uint8_t {
  over_answered,    // mean wait of answered calls (the usual ACD report)
  over_all_callers  // mean time in queue of every caller, abandoned ones included
};

struct Definitions {
  SlDefinition service_level = SlDefinition::over_offered;
  AsaDefinition asa = AsaDefinition::over_answered;
};

enum class QueueState : std::uint8_t {
  stable,   // the queue settles; every field below is a finite steady-state value
  unstable  // Erlang C with a >= N: the queue grows without bound; no finite wait exists
};

// Steady-state performance of N agents on one queue.
struct QueueMetrics {
  QueueState state = QueueState::stable;
  int agents = 0;
  double offered_load_erlangs = 0;
  double p_wait = 0;     // probability that an arriving call waits at all, 0..1
  double p_abandon = 0;  // probability that a caller hangs up before being answered (0 in C)
  double p_abandon_within_target = 0;  // ... and does so within the target time ("short")
  double service_level = 1;            // share answered within the target time, per 'definitions'
  Seconds asa{0};           // average speed of answer, per 'definitions'; +inf when unstable
  double occupancy = 0;     // busy share of agent time = carried load / N, 0..1
  Definitions definitions;  // the definitions the values follow
};

// Erlang B: probability that a call finds all 'agents' busy in M/M/N/N (no queue), 0..1.
// Fails (ErrorKind::invalid_input) for agents < 0, agents > k_max_agents, or a load that is
// negative, not finite or above k_max_load_erlangs.
Result<double> erlang_b(int agents, double load_erlangs);

// Erlang C (M/M/N, no abandonment) with target answer time 'target':
//   p_wait = C(N, a), service level = 1 - C exp(-(N - a) t / AHT), ASA = C AHT / (N - a),
//   occupancy = a / N (Gans, Koole & Mandelbaum 2003, eqs. 4-5). With a >= N the result is
//   QueueState::unstable with p_wait 1, service level 0, ASA +inf and occupancy 1. With a = 0
//   nothing waits (service level 1, ASA 0; occupancy 0, also with 0 agents).
// Fails (invalid_input) on the limits above and on a negative or non-finite target.
Result<QueueMetrics> erlang_c(int agents, const Workload& workload, Seconds target,
                              Definitions definitions = {});

// Erlang A (M/M/N+M, exponential patience with mean 'patience'), exact birth-death chain:
//   p_abandon = theta E[queue] / lambda, occupancy = a (1 - p_abandon) / N, ASA over answered =
//   E[wait; answered] / P(answered), over all callers = E[queue] / lambda (Little's law),
//   service level per 'definitions' (Mandelbaum & Zeltyn 2007, "Service Engineering in Action:
//   the Palm/Erlang-A Queue", for the measures). Always stable (patience bounds the queue);
//   N = 0 answers nobody. Fails (invalid_input) on the limits above or a patience that is not
//   finite and positive; fails with ErrorKind::internal when the queue is so overloaded and
//   patient that more than 50 million queue states carry weight.
Result<QueueMetrics> erlang_a(int agents, const Workload& workload, Seconds patience,
                              Seconds target, Definitions definitions = {});

}  // namespace ccteam::staffing
