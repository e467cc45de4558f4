#pragma once
// Calibration: the inputs of a staffing plan and of a simulation, estimated from call records.
// Pure and streaming: records come in one at a time; memory grows with the number of distinct
// whole-second waits and handle times and with days x intervals x agents, never with records.
//
//   - Arrival profile: mean calls offered per weekday and interval of the day = calls offered
//     in that cell / number of such weekdays between the first and the last record's date
//     (days without calls count as zero).
//   - Handle time: talk + hold + wrap of handled calls with a known talk time. Calls shorter
//     than 'short_call' (default 10 s), and calls of 0 s whatever it is, are kept apart (share
//     and mean): Brown et al. (2005, JASA 100:36-50, section 6) find an excess of very short
//     calls and otherwise near-lognormal service times. The rest is fitted as lognormal by maximum
//     likelihood (mu, sigma = mean and standard deviation of ln t); 'ks_distance' is the
//     Kolmogorov-Smirnov distance between their empirical distribution and the fit.
//   - Patience from censored waits: an abandoned caller's wait is a patience observation, an
//     answered caller's wait only a lower bound (right-censored). Kaplan-Meier product-limit
//     estimate of the patience survival function (Kaplan & Meier 1958, JASA 53:457-481), and
//     the exponential estimate mean patience = total wait of all callers / abandons, the MLE for
//     exponential patience under censoring (Brown et al. 2005, section 5: P(abandon) / E[wait]
//     estimates the abandonment rate theta).
//   - Active agents per interval: the agents who were handling a call at some time in the
//     interval (talk time from the answer on), as a mean over the days of that weekday. An upper
//     bound of the staff: an agent who took one call and then did other work counts fully.
//   - Staff per interval (effective staff): the records have no agent schedules (Brown et al.
//     2005 note the same of this bank's data), so the staff is fitted: the whole
//     number N in 1..ceil(active agents) whose Erlang A abandonment probability (M/M/N+M,
//     staffing::erlang_a; Mandelbaum & Zeltyn 2007) with the interval's mean calls, the mean
//     handle time of all handled calls and the exponential mean patience comes closest to the
//     share of the interval's offered calls that abandoned in the records. Abandonment, not
//     the service level, is fitted, so the service level stays an independent check.

#include <array>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "ccteam/metrics/call_record.hpp"

namespace ccteam::metrics {

struct CalibrationOptions {
  std::chrono::seconds interval{1800};  // 900, 1800 or 3600 (divides a day)
  Seconds short_call{10};
  Seconds service_target{20};
};

struct HandleTimeFit {
  long calls = 0;        // handled calls with a known handle time
  long short_calls = 0;  // of which shorter than short_call
  double short_share = 0;
  Seconds short_mean{0};
  long fitted = 0;           // calls in the lognormal fit
  double mu = 0, sigma = 0;  // of ln(seconds)
  Seconds mean{0}, sd{0};    // of the fitted lognormal: exp(mu + sigma^2/2), ...
  double ks_distance = 0;
  Seconds all_mean{0}, all_sd{0};  // moments of every handled call, short ones included
};

struct SurvivalPoint {
  Seconds time{0};
  double survival = 1;  // P(patience > time)
  long at_risk = 0;
  long abandoned = 0;  // events at this time
};

struct PatienceEstimate {
  long answered = 0, abandoned = 0;
  Seconds total_wait{0};
  std::optional<Seconds> exponential_mean;  // absent without abandons
  std::optional<Seconds> km_median;         // absent when survival stays above 0.5
  std::vector<SurvivalPoint> kaplan_meier;  // one point per distinct abandon time
};

struct WeekdayProfile {
  int days = 0;                       // how many such weekdays the records span
  std::vector<double> calls;          // mean calls offered per interval of the day
  std::vector<double> aht;            // seconds; the weekday's mean where fewer than 5 handled
                                      // (the mean of all handled calls where the weekday has none)
  std::vector<double> agents;         // mean distinct agents active per interval
  std::vector<double> abandon_share;  // abandoned / offered per interval (0 without calls)
  std::vector<int> staff;             // effective staff per interval (0 without calls)
  long offered = 0, answered_within_target = 0;  // for the observed service level
  std::optional<double> service_level() const {
    if (offered == 0) return std::nullopt;
    return static_cast<double>(answered_within_target) / static_cast<double>(offered);
  }
};

struct Calibration {
  CalibrationOptions options;
  std::optional<std::chrono::sys_days> first_day, last_day;  // wall-clock dates
  std::array<WeekdayProfile, 7> weekdays;  // index: std::chrono::weekday::c_encoding() (0 = Sunday)
  HandleTimeFit handle_time;
  PatienceEstimate patience;
  long records = 0;
};

class Calibrator {
 public:
  explicit Calibrator(CalibrationOptions options);  // interval must divide a day
  ~Calibrator();
  Calibrator(const Calibrator&) = delete;
  Calibrator& operator=(const Calibrator&) = delete;

  void add(const CallRecord& record);
  Calibration finish() const;

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

// The effective staff of one interval (see the header comment): the N in
// 1..max(1, ceil(active_agents)) whose Erlang A P(abandon) is closest to 'abandon_share'
// (the smaller N on a tie); 0 without calls. 'calls' per 'interval', 'handle_time' the mean
// handle time, 'patience' the mean of exponential patience (finite, positive).
int fit_staff(double calls, Seconds interval, Seconds handle_time, Seconds patience,
              double abandon_share, double active_agents);

// Kaplan-Meier estimate from (time, event) counts: events[t] abandons and censored[t] answered
// callers at whole-second time t. Ties: events before censorings at the same time (the usual
// convention). Exposed for tests.
std::vector<SurvivalPoint> kaplan_meier(const std::map<long, std::pair<long, long>>& at_time);

}  // namespace ccteam::metrics
