#include "ccteam/sim/distribution.hpp"

#include <cmath>

namespace ccteam::sim {

double mean_of(const Distribution& d) {
  switch (d.kind) {
    case DistKind::none:
      return std::numeric_limits<double>::infinity();
    case DistKind::empirical: {
      double sum = 0;
      for (double v : d.values) sum += v;
      return d.values.empty() ? 0.0 : sum / static_cast<double>(d.values.size());
    }
    default:
      return d.mean_seconds;
  }
}

Sampler::Sampler(const Distribution& d) : m_kind(d.kind) {
  switch (d.kind) {
    case DistKind::none:
      break;
    case DistKind::exponential:
    case DistKind::constant:
      m_a = d.mean_seconds;
      break;
    case DistKind::lognormal: {
      double cv2 = (d.sd_seconds * d.sd_seconds) / (d.mean_seconds * d.mean_seconds);
      double sigma2 = std::log1p(cv2);
      m_a = std::log(d.mean_seconds) - sigma2 / 2;  // mu
      m_b = std::sqrt(sigma2);                      // sigma
      break;
    }
    case DistKind::gamma: {
      double shape = (d.mean_seconds / d.sd_seconds) * (d.mean_seconds / d.sd_seconds);
      double scale = d.sd_seconds * d.sd_seconds / d.mean_seconds;
      m_c = shape < 1 ? 1 / shape : 0;  // exponent of the U^(1/k) boost, 0: no boost
      double boosted = shape < 1 ? shape + 1 : shape;
      m_a = boosted - 1.0 / 3.0;     // d of Marsaglia & Tsang
      m_b = 1 / std::sqrt(9 * m_a);  // c of Marsaglia & Tsang
      m_d = scale;
      break;
    }
    case DistKind::empirical:
      m_values = d.values.data();
      m_count = d.values.size();
      if (m_count == 0) m_kind = DistKind::constant;  // validated away; never an empty draw
      break;
  }
}

double Sampler::sample_lognormal(Rng& rng) const { return std::exp(m_a + m_b * rng.normal()); }

double Sampler::sample_gamma(Rng& rng) const {
  const double d = m_a, c = m_b;
  double x = 0;
  for (;;) {
    double z = rng.normal();
    double v = 1 + c * z;
    if (v <= 0) continue;
    v = v * v * v;
    double u = rng.uniform_open0();
    if (std::log(u) < 0.5 * z * z + d - d * v + d * std::log(v)) {
      x = d * v;
      break;
    }
  }
  if (m_c > 0) x *= std::pow(rng.uniform_open0(), m_c);
  return x * m_d;
}

}  // namespace ccteam::sim
