#include "io/staffing/plan_csv.hpp"

#include <cmath>

#include <fmt/format.h>

#include "io/staffing/forecast_csv.hpp"

namespace ccteam::io {

using namespace ccteam::staffing;

std::string plan_to_csv(const Plan& plan, const std::vector<IntervalCost>& view) {
  std::string out =
      "interval_start,calls_offered,aht_seconds,load_erlangs,agents,state,service_level,"
      "asa_seconds,occupancy,abandonment,team_leads_on_duty,managers_on_duty";
  const bool given = plan.staffing == Staffing::given;
  if (given) out += ",meets_targets";
  out += view.empty() ? "\n" : ",cost_at_plan,agents_cheapest,cost_cheapest\n";
  for (std::size_t k = 0; k < plan.intervals.size(); ++k) {
    const IntervalPlan& i = plan.intervals[k];
    const QueueMetrics& m = i.agents;
    out += fmt::format("{},{:g},{:g},{:.6g},{},{},{:.6g},{},{:.6g},{:.6g},{},{}",
                       io::format_local_time(i.start), i.workload.calls,
                       i.workload.handle_time.count(), m.offered_load_erlangs, m.agents,
                       m.state == QueueState::stable ? "stable" : "unstable", m.service_level,
                       std::isfinite(m.asa.count()) ? fmt::format("{:.6g}", m.asa.count()) : "",
                       m.occupancy, m.p_abandon, i.team_leads_on_duty, i.managers_on_duty);
    if (given) {
      out += i.workload.calls <= 0 ? "," : i.meets_targets ? ",true" : ",false";
    }
    if (!view.empty()) {
      out += fmt::format(",{},{},{}", to_major(view[k].at_targets.total),
                         view[k].cost_optimal.agents, to_major(view[k].cost_optimal.total));
    }
    out += "\n";
  }
  return out;
}

}  // namespace ccteam::io
