#pragma once
// Helpers shared by the benchmarks that report input sizes and memory.

#include <sys/resource.h>

#include <cstdlib>

namespace ccteam::bench {

// The input size of a benchmark: the environment variable 'env' when set and not empty,
// else 'sanitized' in an AddressSanitizer build (scripts/test's smoke run) and 'optimised'
// otherwise (scripts/bench).
inline long input_count(const char* env, long sanitized, long optimised) {
  if (const char* value = std::getenv(env); value && *value) return std::atol(value);
#if defined(__SANITIZE_ADDRESS__)
  (void)optimised;
  return sanitized;
#else
  (void)sanitized;
  return optimised;
#endif
}

// Peak resident memory of the whole process so far in MiB (getrusage ru_maxrss, which Linux
// gives in KiB).
inline double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace ccteam::bench
