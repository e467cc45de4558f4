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

// The ratio of two totals over replications, R = sum(y) / sum(x) (calls answered within the
// target over calls offered, waiting seconds over calls answered, ...), with a 95 % interval by
// the delta method (Asmussen & Glynn 2007, Stochastic Simulation, section III.3):
//   s^2 = (S_yy - 2 R S_xy + R^2 S_xx) / (n - 1),  half-width = t(0.975, n-1) s / (xbar sqrt(n)),
// S the centred sums of squares and products over all n replications (one with x = 0 counts:
// it offered nothing). A ratio of totals is what a long run or Erlang's steady state measures
// (every call weighs the same); the mean of per-replication ratios weighs a replication with
// few calls like one with many and is biased for it. 'mean' is NaN while sum(x) is 0;
// 'half_width' is NaN with fewer than two replications of x > 0; 'n' counts those.
class RatioAccumulator {
 public:
  void add(double y, double x) {
    ++m_n;
    if (x > 0) ++m_defined;
    const double n = static_cast<double>(m_n);
    const double dx = x - m_mean_x;
    const double dy = y - m_mean_y;
    m_mean_x += dx / n;
    m_mean_y += dy / n;
    m_sxx += dx * (x - m_mean_x);
    m_syy += dy * (y - m_mean_y);
    m_sxy += dx * (y - m_mean_y);
  }
  Estimate estimate() const;

 private:
  std::int64_t m_n = 0, m_defined = 0;
  double m_mean_x = 0, m_mean_y = 0, m_sxx = 0, m_syy = 0, m_sxy = 0;
};

}  // namespace ccteam::sim
