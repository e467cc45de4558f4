#pragma once
// Distributions of times (handle times, patience) as the scenario describes them, and their
// samplers. Every sample is in seconds and is >= 0.
//
// - exponential(mean): inversion, -mean ln U.
// - lognormal(mean, sd) of the time itself: sigma^2 = ln(1 + sd^2/mean^2),
//   mu = ln(mean) - sigma^2/2, sample exp(mu + sigma Z) with Z standard normal (Rng::normal).
// - gamma(mean, sd): shape k = (mean/sd)^2, scale = sd^2/mean, sampled by Marsaglia & Tsang
//   2000 ("A Simple Method for Generating Gamma Variables", ACM TOMS 26(3):363-372); for k < 1
//   a Gamma(k + 1) sample times U^(1/k) (same paper, section 6).
// - constant(mean): always 'mean'.
// - empirical(values): one of the values, each with probability 1/n.
// - none (patience only): +infinity, the caller never hangs up.

#include <cstdint>
#include <limits>
#include <vector>

#include "ccteam/sim/random.hpp"

namespace ccteam::sim {

enum class DistKind : std::uint8_t { none, exponential, lognormal, gamma, constant, empirical };

// A distribution as written in a scenario.
struct Distribution {
  DistKind kind = DistKind::none;
  double mean_seconds = 0;     // > 0 except for none and empirical
  double sd_seconds = 0;       // > 0 for lognormal and gamma, else unused
  std::vector<double> values;  // empirical: the sample, each >= 0, at least one
};

// Mean of the distribution in seconds (+inf for none).
double mean_of(const Distribution& d);

// Precomputed parameters for fast sampling. Holds a pointer into Distribution::values for
// empirical distributions: the Distribution must outlive the sampler.
class Sampler {
 public:
  Sampler() = default;
  explicit Sampler(const Distribution& d);

  double operator()(Rng& rng) const {
    switch (m_kind) {
      case DistKind::exponential:
        return rng.exponential(m_a);
      case DistKind::constant:
        return m_a;
      case DistKind::none:
        return std::numeric_limits<double>::infinity();
      case DistKind::lognormal:
        return sample_lognormal(rng);
      case DistKind::gamma:
        return sample_gamma(rng);
      case DistKind::empirical:
        return m_values[rng.below(m_count)];
    }
    return m_a;
  }
  DistKind kind() const { return m_kind; }

 private:
  double sample_lognormal(Rng& rng) const;
  double sample_gamma(Rng& rng) const;

  DistKind m_kind = DistKind::none;
  double m_a = 0, m_b = 0, m_c = 0, m_d = 0;
  const double* m_values = nullptr;
  std::uint64_t m_count = 0;
};

}  // namespace ccteam::sim
