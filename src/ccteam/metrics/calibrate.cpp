#include "ccteam/metrics/calibrate.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "ccteam/staffing/erlang.hpp"

namespace ccteam::metrics {

namespace {

using namespace std::chrono;

struct Cell {
  long offered = 0;
  long handled = 0;
  double handle_s = 0;
  long within = 0;
  long abandoned = 0;
};

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

}  // namespace

std::vector<SurvivalPoint> kaplan_meier(const std::map<long, std::pair<long, long>>& at_time) {
  long at_risk = 0;
  for (const auto& [t, counts] : at_time) at_risk += counts.first + counts.second;
  std::vector<SurvivalPoint> out;
  double survival = 1;
  for (const auto& [t, counts] : at_time) {
    auto [events, censored] = counts;
    if (events > 0 && at_risk > 0) {
      survival *= 1.0 - static_cast<double>(events) / static_cast<double>(at_risk);
      out.push_back(SurvivalPoint{Seconds{static_cast<double>(t)}, survival, at_risk, events});
    }
    at_risk -= events + censored;
  }
  return out;
}

struct Calibrator::State {
  CalibrationOptions options;
  long slots = 48;
  std::map<long, Cell> cells;                              // key: local day number * slots + slot
  std::map<long, std::unordered_set<std::string>> active;  // same key
  std::map<long, long> handle_hist;                        // whole seconds -> calls
  double sum_all = 0, sum_all2 = 0;
  long n_all = 0;
  long n_short = 0;
  double sum_short = 0;
  double sum_ln = 0, sum_ln2 = 0;
  long n_ln = 0;
  std::map<long, std::pair<long, long>> waits;  // whole seconds -> (abandoned, answered)
  double total_wait = 0;
  long records = 0;
  std::optional<long> first_day, last_day;
};

Calibrator::Calibrator(CalibrationOptions options) : m_state(std::make_unique<State>()) {
  m_state->options = options;
  m_state->slots = std::max<long>(1, 86'400 / std::max<long>(1, options.interval.count()));
}

Calibrator::~Calibrator() = default;

void Calibrator::add(const CallRecord& r) {
  State& s = *m_state;
  ++s.records;
  const long interval = s.options.interval.count();
  long local = r.local_offered().time_since_epoch().count();
  long day = local >= 0 ? local / 86'400 : -((-local + 86'399) / 86'400);
  long slot = (local - day * 86'400) / interval;
  if (!s.first_day || day < *s.first_day) s.first_day = day;
  if (!s.last_day || day > *s.last_day) s.last_day = day;
  Cell& cell = s.cells[day * s.slots + slot];
  bool answered = r.outcome == Outcome::answered;
  if (r.direction == Direction::inbound) {
    ++cell.offered;
    if (answered && r.wait <= s.options.service_target) ++cell.within;
    if (r.outcome == Outcome::abandoned) ++cell.abandoned;
    auto& w = s.waits[static_cast<long>(std::floor(r.wait.count()))];
    (answered ? w.second : w.first) += 1;
    s.total_wait += r.wait.count();
  }
  auto handle = r.handle();
  if (!answered || !handle) return;
  double h = handle->count();
  ++cell.handled;
  cell.handle_s += h;
  ++s.n_all;
  s.sum_all += h;
  s.sum_all2 += h * h;
  // A call of 0 s has no logarithm: it is a short call whatever the threshold (with
  // --short-call 0 the fit was mu = -inf, written as null).
  if (h <= 0 || h < s.options.short_call.count()) {
    ++s.n_short;
    s.sum_short += h;
  } else {
    double l = std::log(h);
    ++s.n_ln;
    s.sum_ln += l;
    s.sum_ln2 += l * l;
    ++s.handle_hist[static_cast<long>(std::floor(h))];
  }
  if (r.agent.empty()) return;
  double begin = static_cast<double>(local) + r.wait.count();
  double end = begin + h;
  const auto interval_s = static_cast<double>(interval);
  long first = static_cast<long>(std::floor(begin / interval_s));
  long last = std::max(first, static_cast<long>(std::ceil(end / interval_s)) - 1);
  for (long b = first; b <= last && b - first < 96; ++b) {
    long bucket_start = b * interval;
    long d = bucket_start >= 0 ? bucket_start / 86'400 : -((-bucket_start + 86'399) / 86'400);
    long sl = (bucket_start - d * 86'400) / interval;
    s.active[d * s.slots + sl].insert(r.agent);
  }
}

int fit_staff(double calls, Seconds interval, Seconds handle_time, Seconds patience,
              double abandon_share, double active_agents) {
  if (calls <= 0) return 0;
  const int upper = std::max(1, static_cast<int>(std::ceil(active_agents - 1e-9)));
  staffing::Workload load{calls, interval, handle_time};
  int best = upper;
  double best_gap = 2;
  for (int n = 1; n <= upper; ++n) {
    auto q = staffing::erlang_a(n, load, patience, Seconds{0});
    if (!q) break;
    double gap = std::abs(q->p_abandon - abandon_share);
    if (gap < best_gap) {
      best_gap = gap;
      best = n;
    }
    if (q->p_abandon < abandon_share) break;  // p_abandon falls with n: no closer n follows
  }
  return best;
}

namespace {

void fit_all_staff(Calibration& c) {
  const Seconds interval{static_cast<double>(c.options.interval.count())};
  const Seconds handle = c.handle_time.all_mean;
  const auto patience = c.patience.exponential_mean;
  for (WeekdayProfile& w : c.weekdays) {
    for (std::size_t i = 0; i < w.calls.size(); ++i) {
      if (w.calls[i] <= 0) continue;
      // Without abandons or a handle time there is nothing to fit: every active agent counts.
      w.staff[i] =
          patience && handle.count() > 0
              ? fit_staff(w.calls[i], interval, handle, *patience, w.abandon_share[i], w.agents[i])
              : std::max(1, static_cast<int>(std::ceil(w.agents[i] - 1e-9)));
    }
  }
}

}  // namespace

Calibration Calibrator::finish() const {
  const State& s = *m_state;
  Calibration c;
  c.options = s.options;
  c.records = s.records;
  const auto slots = static_cast<std::size_t>(s.slots);
  for (WeekdayProfile& w : c.weekdays) {
    w.calls.assign(slots, 0);
    w.aht.assign(slots, 0);
    w.agents.assign(slots, 0);
    w.abandon_share.assign(slots, 0);
    w.staff.assign(slots, 0);
  }
  if (s.first_day) {
    c.first_day = sys_days{days{*s.first_day}};
    c.last_day = sys_days{days{*s.last_day}};
    for (long d = *s.first_day; d <= *s.last_day; ++d)
      ++c.weekdays[weekday{sys_days{days{d}}}.c_encoding()].days;
  }
  auto weekday_of = [&](long key) {
    long d = key >= 0 ? key / s.slots : -((-key + s.slots - 1) / s.slots);
    return std::pair{weekday{sys_days{days{d}}}.c_encoding(),
                     static_cast<std::size_t>(key - d * s.slots)};
  };
  std::array<std::vector<Cell>, 7> sums;
  for (auto& v : sums) v.assign(slots, Cell{});
  for (const auto& [key, cell] : s.cells) {
    auto [wd, slot] = weekday_of(key);
    Cell& t = sums[wd][slot];
    t.offered += cell.offered;
    t.handled += cell.handled;
    t.handle_s += cell.handle_s;
    t.within += cell.within;
    t.abandoned += cell.abandoned;
  }
  for (const auto& [key, agents] : s.active) {
    auto [wd, slot] = weekday_of(key);
    c.weekdays[wd].agents[slot] += static_cast<double>(agents.size());
  }
  double overall_aht = s.n_all > 0 ? s.sum_all / static_cast<double>(s.n_all) : 0;
  for (unsigned wd = 0; wd < 7; ++wd) {
    WeekdayProfile& w = c.weekdays[wd];
    long handled = 0;
    double handle_s = 0;
    for (const Cell& t : sums[wd]) {
      handled += t.handled;
      handle_s += t.handle_s;
      w.offered += t.offered;
      w.answered_within_target += t.within;
    }
    double day_aht = handled > 0 ? handle_s / static_cast<double>(handled) : overall_aht;
    for (std::size_t i = 0; i < slots; ++i) {
      const Cell& t = sums[wd][i];
      double days_n = std::max(1, w.days);
      w.calls[i] = static_cast<double>(t.offered) / days_n;
      w.agents[i] /= days_n;
      w.aht[i] = t.handled >= 5 ? t.handle_s / static_cast<double>(t.handled) : day_aht;
      w.abandon_share[i] =
          t.offered > 0 ? static_cast<double>(t.abandoned) / static_cast<double>(t.offered) : 0;
    }
  }

  HandleTimeFit& f = c.handle_time;
  f.calls = s.n_all;
  f.short_calls = s.n_short;
  f.fitted = s.n_ln;
  if (s.n_all > 0) {
    double n = static_cast<double>(s.n_all);
    f.short_share = static_cast<double>(s.n_short) / n;
    f.all_mean = Seconds{s.sum_all / n};
    f.all_sd =
        Seconds{std::sqrt(std::max(0.0, s.sum_all2 / n - (s.sum_all / n) * (s.sum_all / n)))};
  }
  if (s.n_short > 0) f.short_mean = Seconds{s.sum_short / static_cast<double>(s.n_short)};
  if (s.n_ln > 0) {
    double n = static_cast<double>(s.n_ln);
    f.mu = s.sum_ln / n;
    f.sigma = std::sqrt(std::max(0.0, s.sum_ln2 / n - f.mu * f.mu));
    f.mean = Seconds{std::exp(f.mu + f.sigma * f.sigma / 2)};
    f.sd = Seconds{f.mean.count() * std::sqrt(std::max(0.0, std::exp(f.sigma * f.sigma) - 1))};
    if (f.sigma > 0) {
      long below = 0;
      double d = 0;
      for (const auto& [t, count] : s.handle_hist) {
        double before = static_cast<double>(below) / n;
        below += count;
        double after = static_cast<double>(below) / n;
        // The empirical CDF jumps at whole second t; the fit is compared on both sides.
        double fit_lo =
            normal_cdf((std::log(std::max(static_cast<double>(t), 1e-9)) - f.mu) / f.sigma);
        double fit_hi = normal_cdf((std::log(static_cast<double>(t) + 1) - f.mu) / f.sigma);
        d = std::max({d, std::abs(before - fit_lo), std::abs(after - fit_hi)});
      }
      f.ks_distance = d;
    }
  }

  PatienceEstimate& p = c.patience;
  for (const auto& [t, counts] : s.waits) {
    p.abandoned += counts.first;
    p.answered += counts.second;
  }
  p.total_wait = Seconds{s.total_wait};
  if (p.abandoned > 0)
    p.exponential_mean = Seconds{s.total_wait / static_cast<double>(p.abandoned)};
  p.kaplan_meier = kaplan_meier(s.waits);
  for (const SurvivalPoint& point : p.kaplan_meier) {
    if (point.survival <= 0.5) {
      p.km_median = point.time;
      break;
    }
  }
  fit_all_staff(c);
  return c;
}

}  // namespace ccteam::metrics
