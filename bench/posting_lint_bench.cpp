// How fast the linter checks postings: 10,000 postings per iteration (our own rendered
// postings, Markdown and HTML, both languages), reported as postings per second.
#include <benchmark/benchmark.h>

#include <chrono>

#include "ccteam/lint/linter.hpp"
#include "io/catalog/catalog_yaml.hpp"
#include "io/posting/employer_yaml.hpp"
#include "io/posting/posting_data_yaml.hpp"
#include "io/posting/posting_text.hpp"
#include "io/posting/posting_writers.hpp"

namespace {

void BM_Lint10000Postings(benchmark::State& state) {
  using namespace std::chrono;
  std::string data = std::string(CCTEAM_SOURCE_DIR) + "/data";
  auto catalog = ccteam::io::load_catalog({data + "/catalog"});
  auto rules = ccteam::io::load_lint_rules(data + "/posting");
  if (!catalog || !rules) {
    state.SkipWithError("cannot load the default data");
    return;
  }
  std::vector<std::string> postings;
  for (const char* name : {"/examples/employer-de.yaml", "/examples/employer-us.yaml"}) {
    auto profile = ccteam::io::load_employer(data + name);
    if (!profile) continue;
    for (const auto& role : catalog->roles) {
      for (ccteam::Lang lang : ccteam::k_all_langs) {
        auto doc = ccteam::posting::build_posting(role, *catalog, *profile, lang);
        if (!doc) continue;
        postings.push_back(ccteam::io::posting_to_markdown(*doc));
        postings.push_back(ccteam::io::posting_to_html(*doc));
      }
    }
  }
  ccteam::lint::LintOptions options;
  options.today = 2026y / December / 1;
#if defined(__SANITIZE_ADDRESS__)
  constexpr int k_postings = 500;  // the sanitizer build (scripts/test) runs a smoke size only
#else
  constexpr int k_postings = 10'000;
#endif
  for (auto _ : state) {
    std::size_t findings = 0;
    for (int i = 0; i < k_postings; ++i) {
      const std::string& raw = postings[static_cast<std::size_t>(i) % postings.size()];
      auto result = ccteam::lint::lint_posting(ccteam::io::read_posting_text(raw), *rules, options);
      findings += result.findings.size();
    }
    benchmark::DoNotOptimize(findings);
  }
  state.counters["postings_per_second"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * k_postings, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Lint10000Postings)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
