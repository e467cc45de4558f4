#pragma once
// Building blocks of erlang.cpp shared with the solvers (solve.cpp), which walk the agent count
// upwards and carry Erlang B along instead of recomputing it. Inputs are not checked here: the
// public functions in erlang.hpp and solve.hpp check them first.

#include "ccteam/staffing/erlang.hpp"

namespace ccteam::staffing::detail {

// B(agents, a) by the recursion B(n) = a B(n-1) / (n + a B(n-1)), B(0) = 1.
double erlang_b_recursion(int agents, double a);

// B(n+1) from B(n).
inline double erlang_b_next(int n_plus_1, double a, double b_n) {
  return a * b_n / (n_plus_1 + a * b_n);
}

// Erlang C and Erlang A given b = B(agents, a); see erlang.hpp for the definitions.
QueueMetrics erlang_c_given_b(int agents, double a, double b, Seconds aht, Seconds target,
                              Definitions definitions);
Result<QueueMetrics> erlang_a_given_b(int agents, double a, double b, Seconds aht, Seconds patience,
                                      Seconds target, Definitions definitions);

}  // namespace ccteam::staffing::detail
