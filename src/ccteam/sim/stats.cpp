#include "ccteam/sim/stats.hpp"

#include <algorithm>

namespace ccteam::sim {

double t_quantile_975(std::int64_t df) {
  static constexpr double k_table[] = {12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912,
                                       2.364624,  2.306004, 2.262157, 2.228139, 2.200985, 2.178813,
                                       2.160369,  2.144787, 2.131450, 2.119905, 2.109816, 2.100922,
                                       2.093024,  2.085963, 2.079614, 2.073873, 2.068658, 2.063899,
                                       2.059539,  2.055529, 2.051831, 2.048407, 2.045230, 2.042272};
  if (df < 1) return std::numeric_limits<double>::quiet_NaN();
  if (df <= 30) return k_table[df - 1];
  const double z = 1.959963984540054;  // standard normal 0.975 quantile
  const double v = static_cast<double>(df);
  const double z2 = z * z;
  const double g1 = (z2 + 1) * z / 4;
  const double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
  const double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
  const double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
  return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
}

Estimate Accumulator::estimate() const {
  Estimate e;
  e.n = m_n;
  if (m_n == 0) return e;
  e.mean = m_mean;
  if (m_n < 2) return e;
  double sd = std::sqrt(m_m2 / static_cast<double>(m_n - 1));
  e.half_width = t_quantile_975(m_n - 1) * sd / std::sqrt(static_cast<double>(m_n));
  return e;
}

Estimate RatioAccumulator::estimate() const {
  Estimate e;
  e.n = m_defined;
  if (m_defined == 0 || m_mean_x <= 0) return e;
  const double ratio = m_mean_y / m_mean_x;
  e.mean = ratio;
  if (m_defined < 2) return e;
  // The centred sums can cancel to a tiny negative number when every replication has the
  // same ratio.
  const double s2 = std::max(
      0.0, (m_syy - 2 * ratio * m_sxy + ratio * ratio * m_sxx) / static_cast<double>(m_n - 1));
  e.half_width =
      t_quantile_975(m_n - 1) * std::sqrt(s2) / (m_mean_x * std::sqrt(static_cast<double>(m_n)));
  return e;
}

}  // namespace ccteam::sim
