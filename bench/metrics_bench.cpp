// Metrics speed: generated call records in the Anonymous Bank TSV and in our CSV, parsed and
// summed per 30-minute interval (io/metrics/call_records + metrics/metrics), streaming. Aim (issue
// 7): at least 2 million records per second on one core, in constant memory.
//
// The record count is the benchmark's argument: CCTEAM_BENCH_RECORDS if set, else 10 million
// in an optimised build (scripts/bench) and 50,000 in the sanitizer build that scripts/test
// runs at smoke size. The records are one block of 10,000 generated rows (24 agents, six
// queues, four weeks, 12 % abandoned), fed to the parser again and again with the clock
// advanced per block, so memory stays constant whatever the count. Counters: "records/s" and
// "peak_rss_MiB" (getrusage, the whole process).
// Measured 2026-11-29, 10 million records, scripts/bench's build (g++ 12 -O2), 2 shared cores
// at load average ~7; the rate counter is per CPU second.
//   before, our CSV parsed by libcsv: 1.19 M records/s (5.99 s CPU), peak RSS 8.9 MiB;
//           Anonymous Bank TSV: 2.35 M records/s (4.25 s CPU), peak RSS 8.4 MiB;
//   after, our CSV split by io/base/csv_splitter (fields as views, no copy per field) and agents
//           counted in bit sets: 2.73-3.02 M records/s (2.36-2.61 s CPU), peak RSS 8.4-8.6 MiB;
//           Anonymous Bank TSV: 2.70-2.89 M records/s (3.46-3.71 s CPU), peak RSS 7.9-8.0 MiB
//           (four runs; the load of other builds moves the CPU time by about 10 %).
// Profiles and the reasoning: docs/call-records-format.md, section "Speed".
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include <fmt/format.h>

#include "bench_support.hpp"
#include "ccteam/metrics/metrics.hpp"
#include "io/metrics/call_records.hpp"

namespace {

using namespace ccteam;

constexpr long k_block = 10'000;

long record_count() {
  return ccteam::bench::input_count("CCTEAM_BENCH_RECORDS", 50'000, 10'000'000);
}

std::string hms(long s) { return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60); }

// One block of k_block rows; 'csv' selects the format. Deterministic (a fixed LCG).
std::string block(bool csv) {
  static const char* k_types[] = {"PS", "PS", "PS", "NW", "NE", "TT"};
  std::uint64_t x = 42;
  auto next = [&](std::uint64_t n) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return (x >> 33) % n;
  };
  std::string out;
  for (long i = 0; i < k_block; ++i) {
    int day = 1 + static_cast<int>(next(28));
    long entry = 7 * 3600 + static_cast<long>(next(16 * 3600));
    long q = entry + 5 + static_cast<long>(next(10));
    long wait = static_cast<long>(next(120));
    bool hang = next(100) < 12;
    long service = 20 + static_cast<long>(next(400));
    std::string agent = fmt::format("AGENT{:02}", 1 + next(24));
    std::string customer = next(3) == 0 ? "0" : std::to_string(100000 + next(50000));
    const char* type = k_types[next(6)];
    if (csv) {
      std::string t0 = fmt::format("2026-02-{:02}T", day);
      out += hang ? fmt::format("{},{},{},{}{}+02:00,,{}{}+02:00,abandoned\n", i, customer, type,
                                t0, hms(q), t0, hms(q + wait))
                  : fmt::format("{},{},{},{}{}+02:00,{}{}+02:00,{}{}+02:00,answered,{}\n", i,
                                customer, type, t0, hms(q), t0, hms(q + wait), t0,
                                hms(q + wait + service), agent);
    } else {
      out += fmt::format(
          "AA0101\t{}\t{}\t2\t{}\t9902{:02}\t{}\t{}\t5\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\r\n", i,
          customer, type, day, hms(entry), hms(q), hms(q), hms(q + wait), wait,
          hang ? "HANG" : "AGENT", hang ? "0:00:00" : hms(q + wait),
          hang ? "0:00:00" : hms(q + wait + service), hang ? 0 : service,
          hang ? "NO_SERVER" : agent);
    }
  }
  return out;
}

void read_and_sum(benchmark::State& state, bool csv) {
  const long records = state.range(0);
  const std::string rows = block(csv);
  const std::string header =
      csv ? "call_id,customer_id,queue,offered,answered,ended,outcome,agent\n"
          : "vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\t"
            "q_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver\r\n";
  long counted = 0;
  for (auto _ : state) {
    metrics::MetricsOptions options;
    options.min_group = 1;
    metrics::MetricsBuilder builder(options);
    auto sink = [&](const metrics::CallRecord& r) { builder.add(r); };
    auto parser = csv ? io::make_call_csv_parser("bench.csv", sink)
                      : io::make_anonymous_bank_parser("bench.tsv", sink);
    parser->feed(header);
    for (long fed = 0; fed < records; fed += k_block) parser->feed(rows);
    parser->finish();
    metrics::MetricsReport report = builder.finish();
    counted = report.records;
    benchmark::DoNotOptimize(report.total.figures.offered);
  }
  state.counters["records/s"] = benchmark::Counter(static_cast<double>(counted),
                                                   benchmark::Counter::kIsIterationInvariantRate);
  state.counters["peak_rss_MiB"] = ccteam::bench::peak_rss_mib();
}

void BM_MetricsFromBankTsv(benchmark::State& state) { read_and_sum(state, false); }
void BM_MetricsFromCsv(benchmark::State& state) { read_and_sum(state, true); }

}  // namespace

BENCHMARK(BM_MetricsFromBankTsv)->Arg(record_count())->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MetricsFromCsv)->Arg(record_count())->Unit(benchmark::kMillisecond);
