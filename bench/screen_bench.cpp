// Screening throughput: NDJSON résumés streamed, read and evaluated against one role (team-lead)
// on one core, through the path `ccteam screen` takes for NDJSON (io::stream_json_resumes, which
// streams line by line as io::stream_ndjson_resumes does for a .ndjson file). Counters:
// "resumes/s" (per CPU second) and "peak_rss_MiB" (getrusage ru_maxrss, the whole process).
// The résumé count: CCTEAM_BENCH_RESUMES if set, else 1,000,000 in an optimised build
// (scripts/bench) and 5,000 in the sanitizer build that scripts/test runs at smoke size. The
// résumés are generated here, varied after tests/data/resumes/ (English and German titles with
// feminine and gendered forms, partial dates, overlapping and open-ended jobs, German and US/UK
// education, fluency words); one block of 10,000 lines is served again and again through a
// stream buffer, so the benchmark's own memory does not grow with the count.
// The history of its numbers is in docs/performance.md ("Screening").
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <istream>
#include <streambuf>
#include <string>

#include "bench_support.hpp"
#include "ccteam/qualify/evaluate.hpp"
#include "io/catalog/catalog_yaml.hpp"
#include "io/qualify/resume_json.hpp"

namespace {

constexpr long k_block = 10'000;

long resume_count() { return ccteam::bench::input_count("CCTEAM_BENCH_RESUMES", 5'000, 1'000'000); }

// Varied after tests/data/resumes/ (agent-de.json, career-tl.json, batch.ndjson): English and
// German titles with feminine and gendered forms, partial dates, overlapping and open-ended
// jobs, German and US/UK education, CEFR levels and fluency words.
constexpr std::array<const char*, 10> k_titles = {
    "Kundenberaterin Inbound",  "Customer Service Representative",
    "Teamleiter Kundenservice", "Shift Supervisor",
    "Sales Associate",          "Call Centre Agent",
    "Operations Manager",       "Werkstudent Telefonservice",
    "Kundenbetreuerin Inbound", "Leiter Contact Center"};
constexpr std::array<const char*, 6> k_education = {
    "Abitur", "High School Diploma", "Ausbildung", "Bachelor", "GED", "Realschulabschluss"};
constexpr std::array<const char*, 5> k_fluency = {"Muttersprache", "fließend", "native", "B2",
                                                  "business fluent"};
constexpr std::array<const char*, 3> k_language = {"German", "Deutsch", "English"};

// One NDJSON line per résumé, 'i' choosing the variant.
std::string generated_resume(long i) {
  auto pick = [i](const auto& list) {
    return std::string(list[static_cast<std::size_t>(i) % list.size()]);
  };
  const int start = 2005 + static_cast<int>(i % 15);
  std::string out = "{\"basics\":{\"name\":\"Person " + std::to_string(i) + "\",\"email\":\"p" +
                    std::to_string(i) +
                    "@example.org\",\"location\":{\"city\":\"Berlin\",\"countryCode\":\"DE\"}},"
                    "\"work\":[";
  out += "{\"position\":\"" + pick(k_titles) + "\",\"name\":\"Example GmbH\",\"startDate\":\"" +
         std::to_string(start) + "-0" + std::to_string(1 + i % 9) + "\",\"endDate\":\"" +
         std::to_string(start + 3) +
         "\",\"summary\":\"Inbound calls, complaints and Reklamationen\"},";
  out += "{\"position\":\"" +
         std::string(k_titles[static_cast<std::size_t>(i + 3) % k_titles.size()]) +
         "\",\"startDate\":\"" + std::to_string(start + 2) +
         "-06\",\"highlights\":[\"Coaching von Mitarbeiter*innen in München\",\"Workforce "
         "planning\"]}],";
  out += "\"education\":[{\"studyType\":\"" + pick(k_education) +
         "\",\"area\":\"Business\",\"endDate\":\"2004\"}],";
  out += "\"languages\":[{\"language\":\"" + pick(k_language) + "\",\"fluency\":\"" +
         pick(k_fluency) + "\"}],";
  out += "\"skills\":[{\"name\":\"CRM\",\"keywords\":[\"Salesforce\",\"Zendesk\"]}]}\n";
  return out;
}

// An input stream of 'count' NDJSON résumés: one generated block of k_block lines served again
// and again, so the benchmark's own memory stays constant whatever the count and peak RSS shows
// what the reading and evaluating take.
class GeneratedResumes : public std::streambuf {
 public:
  explicit GeneratedResumes(long count) : remaining_(count) {
    for (long i = 0; i < std::min(count, k_block); ++i) block_ += generated_resume(i);
    lines_ = std::min(count, k_block);
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (remaining_ <= 0) return traits_type::eof();
    long lines = std::min(remaining_, lines_);
    remaining_ -= lines;
    // Serve the first 'lines' lines of the block.
    std::size_t end = block_.size();
    if (lines < lines_) {
      end = 0;
      for (long l = 0; l < lines; ++l) end = block_.find('\n', end) + 1;
    }
    char* begin = block_.data();
    setg(begin, begin, begin + end);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string block_;
  long lines_ = 0;
  long remaining_;
};

void BM_ScreenNdjson(benchmark::State& state) {
  auto catalog = ccteam::io::load_catalog({std::string(CCTEAM_SOURCE_DIR) + "/data/catalog"});
  if (!catalog) {
    state.SkipWithError("default catalog does not load");
    return;
  }
  const ccteam::catalog::Role& role = *catalog->find(ccteam::RoleId("team-lead"));
  ccteam::qualify::Evaluator evaluator(*catalog);
  const ccteam::qualify::EvaluationOptions options{
      ccteam::Date{std::chrono::year(2025), std::chrono::month(12), std::chrono::day(31)}, "DE"};
  const long count = resume_count();
  std::size_t evaluated = 0;
  std::size_t rejected = 0;
  for (auto _ : state) {
    state.PauseTiming();
    GeneratedResumes generated(count);
    std::istream in(&generated);
    state.ResumeTiming();
    std::size_t next_id = 1;
    // The path `ccteam screen` takes for NDJSON: streamed line by line (io::stream_json_resumes
    // detects NDJSON from the first line and goes on as stream_ndjson_resumes does for a file).
    auto streamed = ccteam::io::stream_json_resumes(
        in, "applicants/2026-11/export-all.ndjson", next_id, [&](auto result) {
          if (!result) {
            ++rejected;
            return;
          }
          auto e = evaluator.evaluate(*result, role, options);
          benchmark::DoNotOptimize(e);
          ++evaluated;
        });
    if (!streamed) state.SkipWithError("the generated stream could not be read");
  }
  if (rejected > 0 || evaluated != static_cast<std::size_t>(count * state.iterations())) {
    state.SkipWithError("some generated résumés were rejected or lost");
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(evaluated));
  state.counters["resumes"] = static_cast<double>(count);
  state.counters["resumes/s"] =
      benchmark::Counter(static_cast<double>(evaluated), benchmark::Counter::kIsRate);
  state.counters["peak_rss_MiB"] = ccteam::bench::peak_rss_mib();
}
BENCHMARK(BM_ScreenNdjson)->Unit(benchmark::kMillisecond);

}  // namespace
