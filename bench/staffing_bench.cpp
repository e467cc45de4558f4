// Staffing speed: one year of 15-minute intervals (365 x 96 = 35,040) solved for the agents
// each needs. Aim: the whole year in under 50 ms on one core. The counter
// "intervals/s" is the rate; "agents" the agent-intervals of the year (a checksum).
// Measured 2026-11-29 with `scripts/bench --benchmark_filter=YearOfQuarterHours` (g++ 12 -O2,
// 2 shared cores, load average ~10): Erlang C 5.7 ms CPU (8.7 ms wall) per year, 6.1M
// intervals/s; Erlang A with abandonment 372 ms CPU, 94k intervals/s.
#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "ccteam/staffing/profile.hpp"
#include "ccteam/staffing/solve.hpp"

namespace {

using namespace ccteam::staffing;

// A year of a 24-hour service line: the default intraday curve (profile.hpp), peaking at about
// 120 calls per quarter hour, a seasonal swing of +-20 %, quieter weekends, AHT 240-300 s.
std::vector<Workload> year_of_quarter_hours() {
  std::vector<Workload> year;
  year.reserve(365 * 96);
  for (int day = 0; day < 365; ++day) {
    double season = 1 + 0.2 * std::sin(2 * std::numbers::pi * day / 365.0);
    double weekday = day % 7 >= 5 ? 0.6 : 1.0;
    for (int q = 0; q < 96; ++q) {
      double hour = (q + 0.5) / 4;
      double shape = hour < 7 || hour > 22 ? 0.1 : default_intraday_weight(hour) / 1.8;
      double calls = std::round(120 * shape * season * weekday);
      year.push_back(Workload{calls, Seconds{900}, Seconds{240 + 60 * ((day + q) % 2)}});
    }
  }
  return year;
}

void solve_year(benchmark::State& state, const QueueModel& model, const Targets& targets) {
  const std::vector<Workload> year = year_of_quarter_hours();
  long agent_intervals = 0;
  for (auto _ : state) {
    agent_intervals = 0;
    for (const Workload& w : year) {
      auto m = solve_agents(w, targets, model);
      if (!m) {
        state.SkipWithError("solve failed");
        return;
      }
      agent_intervals += m->agents;
    }
    benchmark::DoNotOptimize(agent_intervals);
  }
  state.counters["intervals/s"] = benchmark::Counter(static_cast<double>(year.size()),
                                                     benchmark::Counter::kIsIterationInvariantRate);
  state.counters["agents"] = static_cast<double>(agent_intervals);
}

void BM_YearOfQuarterHoursErlangC(benchmark::State& state) {
  Targets targets;
  targets.service_level = ServiceLevelTarget{0.8, Seconds{20}};
  targets.max_occupancy = 0.9;
  solve_year(state, QueueModel{}, targets);
}
BENCHMARK(BM_YearOfQuarterHoursErlangC)->Unit(benchmark::kMillisecond);

void BM_YearOfQuarterHoursErlangA(benchmark::State& state) {
  Targets targets;
  targets.service_level = ServiceLevelTarget{0.8, Seconds{20}};
  targets.max_abandon = 0.05;
  solve_year(state, QueueModel{Seconds{120}, {}}, targets);
}
BENCHMARK(BM_YearOfQuarterHoursErlangA)->Unit(benchmark::kMillisecond);

}  // namespace
