// How fast the default catalog loads: every ccteam command pays this once at start.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "io/base/files.hpp"
#include "io/catalog/catalog_yaml.hpp"

namespace {

void BM_LoadDefaultCatalog(benchmark::State& state) {
  std::string dir = std::string(CCTEAM_SOURCE_DIR) + "/data/catalog";
  std::string text = *ccteam::io::read_file(dir + "/roles.yaml");
  for (auto _ : state) {
    ccteam::catalog::Catalog catalog;
    auto errors = ccteam::io::read_catalog_yaml(text, "roles.yaml", catalog);
    auto invalid = ccteam::catalog::validate_catalog(catalog);
    benchmark::DoNotOptimize(catalog);
    benchmark::DoNotOptimize(invalid);
    if (!errors.empty()) state.SkipWithError("default catalog has errors");
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_LoadDefaultCatalog)->Unit(benchmark::kMillisecond);

}  // namespace
