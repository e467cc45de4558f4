// Screening throughput: résumés read and evaluated against one role (team-lead) on one core,
// through the paths `ccteam screen` takes. Counters: "resumes/s" (per CPU second) and
// "peak_rss_MiB" (getrusage ru_maxrss, the whole process).
// - BM_ScreenNdjson: generated NDJSON résumés streamed (io::stream_json_resumes, which streams
//   line by line as io::stream_ndjson_resumes does for a .ndjson file). The count:
//   CCTEAM_BENCH_RESUMES if set, else 1,000,000 in an optimised build (scripts/bench) and 5,000
//   in the sanitizer build that scripts/test runs at smoke size. The résumés are generated here,
//   varied after tests/data/resumes/ (English and German titles with feminine and gendered
//   forms, partial dates, overlapping and open-ended jobs, German and US/UK education, fluency
//   words); one block of 10,000 lines is served again and again through a stream buffer, so the
//   benchmark's own memory does not grow with the count.
// - BM_ScreenFixtureNdjson: the same path on real-size résumés, the lines of the fixtures'
//   resumes/callcenter.ndjson (about 1 KB each, German and English) served again and again;
//   CCTEAM_BENCH_FIXTURE_RESUMES résumés (200,000 optimised, 2,000 sanitized).
// - BM_ScreenFixtureFiles: the fixtures' pretty-printed résumés (resumes/callcenter/*.json), each
//   read whole as `screen` reads a .json file (io::read_json_resumes: evidence at its line and
//   column), CCTEAM_BENCH_FIXTURE_RESUMES documents in turn (100,000 optimised, 1,000 sanitized).
// The fixtures are found at $CCTEAM_FIXTURES_DIR, else where CMake's CCTEAM_FIXTURES_DIR points;
// without them those two benchmarks are skipped, and say so.
// The history of the numbers is in docs/performance.md ("Screening").
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <istream>
#include <optional>
#include <streambuf>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "ccteam/qualify/evaluate.hpp"
#include "io/base/files.hpp"
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

// An input stream of 'count' NDJSON résumés: a block of lines (at most k_block) served again and
// again, so the benchmark's own memory stays constant whatever the count and peak RSS shows what
// the reading and evaluating take. 'line(i)' gives line i of the block, newline included.
class RepeatedLines : public std::streambuf {
 public:
  template <class Line>
  RepeatedLines(long count, long block_lines, const Line& line) : m_remaining(count) {
    m_lines = std::min(count, block_lines);
    for (long i = 0; i < m_lines; ++i) m_block += line(i);
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (m_remaining <= 0) return traits_type::eof();
    long lines = std::min(m_remaining, m_lines);
    m_remaining -= lines;
    // Serve the first 'lines' lines of the block.
    std::size_t end = m_block.size();
    if (lines < m_lines) {
      end = 0;
      for (long l = 0; l < lines; ++l) end = m_block.find('\n', end) + 1;
    }
    char* begin = m_block.data();
    setg(begin, begin, begin + end);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string m_block;
  long m_lines = 0;
  long m_remaining;
};

struct Screening {
  std::optional<ccteam::catalog::Catalog> catalog;
  const ccteam::catalog::Role* role = nullptr;
};

// The default catalog and its team-lead role into 'out'; skips 'state' when it does not load.
void load_team_lead(benchmark::State& state, Screening& out) {
  auto catalog = ccteam::io::load_catalog({std::string(CCTEAM_SOURCE_DIR) + "/data/catalog"});
  if (!catalog) {
    state.SkipWithError("default catalog does not load");
    return;
  }
  out.catalog.emplace(std::move(*catalog));
  out.role = out.catalog->find(ccteam::RoleId("team-lead"));
}

const ccteam::qualify::EvaluationOptions k_options{
    ccteam::Date{std::chrono::year(2025), std::chrono::month(12), std::chrono::day(31)}, "DE"};

// Streams 'count' résumés of 'lines' (NDJSON) through the path `ccteam screen` takes for NDJSON
// (io::stream_json_resumes detects NDJSON from the first line and goes on as
// stream_ndjson_resumes does for a file), evaluating each; reports the counters.
template <class Line>
void screen_ndjson(benchmark::State& state, long count, long block_lines, const Line& line) {
  Screening s;
  load_team_lead(state, s);
  if (s.role == nullptr) return;
  ccteam::qualify::Evaluator evaluator(*s.catalog);
  std::size_t evaluated = 0;
  std::size_t rejected = 0;
  for (auto _ : state) {
    state.PauseTiming();
    RepeatedLines lines(count, block_lines, line);
    std::istream in(&lines);
    state.ResumeTiming();
    std::size_t next_id = 1;
    auto streamed = ccteam::io::stream_json_resumes(
        in, "applicants/2026-11/export-all.ndjson", next_id, [&](auto result) {
          if (!result) {
            ++rejected;
            return;
          }
          auto e = evaluator.evaluate(*result, *s.role, k_options);
          benchmark::DoNotOptimize(e);
          ++evaluated;
        });
    if (!streamed) state.SkipWithError("the stream could not be read");
  }
  if (rejected > 0 || evaluated != static_cast<std::size_t>(count * state.iterations())) {
    state.SkipWithError("some résumés were rejected or lost");
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(evaluated));
  state.counters["resumes"] = static_cast<double>(count);
  state.counters["resumes/s"] =
      benchmark::Counter(static_cast<double>(evaluated), benchmark::Counter::kIsRate);
  state.counters["peak_rss_MiB"] = ccteam::bench::peak_rss_mib();
}

// The fixtures folder (../shared/fixtures): $CCTEAM_FIXTURES_DIR, else CMake's.
std::filesystem::path fixtures_dir() {
  if (const char* dir = std::getenv("CCTEAM_FIXTURES_DIR"); dir && *dir) return dir;
  return CCTEAM_FIXTURES_DIR;
}

long fixture_count(long optimised) {
  return ccteam::bench::input_count("CCTEAM_BENCH_FIXTURE_RESUMES", optimised / 100, optimised);
}

void BM_ScreenNdjson(benchmark::State& state) {
  screen_ndjson(state, resume_count(), k_block, generated_resume);
}
BENCHMARK(BM_ScreenNdjson)->Unit(benchmark::kMillisecond);

void BM_ScreenFixtureNdjson(benchmark::State& state) {
  auto content = ccteam::io::read_file((fixtures_dir() / "resumes/callcenter.ndjson").string());
  if (!content) {
    state.SkipWithError("no fixtures (resumes/callcenter.ndjson); set CCTEAM_FIXTURES_DIR");
    return;
  }
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < content->size();) {
    std::size_t end = content->find('\n', start);
    if (end == std::string::npos) end = content->size();
    if (end > start) lines.push_back(content->substr(start, end - start) + "\n");
    start = end + 1;
  }
  // Whole copies of the fixture's lines in a block of up to k_block lines.
  const long block = std::max<long>(1, k_block / static_cast<long>(lines.size())) *
                     static_cast<long>(lines.size());
  screen_ndjson(state, fixture_count(200'000), block,
                [&](long i) { return lines[static_cast<std::size_t>(i) % lines.size()]; });
}
BENCHMARK(BM_ScreenFixtureNdjson)->Unit(benchmark::kMillisecond);

void BM_ScreenFixtureFiles(benchmark::State& state) {
  std::vector<std::string> documents;
  std::error_code ec;
  for (const auto& entry :
       std::filesystem::directory_iterator(fixtures_dir() / "resumes/callcenter", ec)) {
    if (entry.path().extension() != ".json") continue;
    if (auto content = ccteam::io::read_file(entry.path().string())) documents.push_back(*content);
  }
  if (documents.empty()) {
    state.SkipWithError("no fixtures (resumes/callcenter/*.json); set CCTEAM_FIXTURES_DIR");
    return;
  }
  std::ranges::sort(documents);  // the same order on every machine
  Screening s;
  load_team_lead(state, s);
  if (s.role == nullptr) return;
  ccteam::qualify::Evaluator evaluator(*s.catalog);
  const long count = fixture_count(100'000);
  std::size_t evaluated = 0;
  std::size_t rejected = 0;
  for (auto _ : state) {
    std::size_t next_id = 1;
    for (long i = 0; i < count; ++i) {
      ccteam::io::read_json_resumes(documents[static_cast<std::size_t>(i) % documents.size()],
                                    "applicants/2026-11/cv.json", next_id, [&](auto result) {
                                      if (!result) {
                                        ++rejected;
                                        return;
                                      }
                                      auto e = evaluator.evaluate(*result, *s.role, k_options);
                                      benchmark::DoNotOptimize(e);
                                      ++evaluated;
                                    });
    }
  }
  if (rejected > 0 || evaluated != static_cast<std::size_t>(count * state.iterations())) {
    state.SkipWithError("some résumés were rejected or lost");
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(evaluated));
  state.counters["resumes"] = static_cast<double>(count);
  state.counters["resumes/s"] =
      benchmark::Counter(static_cast<double>(evaluated), benchmark::Counter::kIsRate);
  state.counters["peak_rss_MiB"] = ccteam::bench::peak_rss_mib();
}
BENCHMARK(BM_ScreenFixtureFiles)->Unit(benchmark::kMillisecond);

}  // namespace
