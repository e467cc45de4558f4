#pragma once
// Confidence intervals over independent replications.
//
// A 95 % interval for the mean of n replication values is mean ± t(0.975, n-1) s / sqrt(n),
// with s the sample standard deviation and t the Student t quantile (Law 2015, Simulation
// Modeling and Analysis, 5th ed., section 4.5). Values are accumulated in replication order
// with Welford's update (Welford 1962, Technometrics 4(3)), so a run gives the same digits
// whatever the number of threads.

#include <cmath>
#include <cstdint>
#include <limits>

namespace ccteam::sim {

// Student t quantile t(0.975, df) for df >= 1: exact table values for df <= 30 (Abramowitz &
// Stegun 1964, table 26.10), then the Cornish-Fisher expansion of A&S 26.7.5 (error < 1e-6).
double t_quantile_975(std::int64_t df);

// A mean with the half-width of its 95 % confidence interval. 'half_width' is NaN with fewer
// than two values; 'mean' is NaN with none (the metric was never defined, e.g. a service level
// in an interval without calls).
struct Estimate {
  double mean = std::numeric_limits<double>::quiet_NaN();
  double half_width = std::numeric_limits<double>::quiet_NaN();
  std::int64_t n = 0;  // replications in which the metric was defined
};

class Accumulator {
 public:
  void add(double x) {
    ++m_n;
    double delta = x - m_mean;
    m_mean += delta / static_cast<double>(m_n);
    m_m2 += delta * (x - m_mean);
  }
  Estimate estimate() const;

 private:
  std::int64_t m_n = 0;
  double m_mean = 0;
  double m_m2 = 0;
};

}  // namespace ccteam::sim
