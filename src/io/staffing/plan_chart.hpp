#pragma once
// The plan's chart: required agents (bars, left axis) and their service level (line, right
// axis) per interval, drawn by io/base/svg_chart. Shared by `ccteam plan --chart` and the
// workspace's plan pages, which draw it from the plan or from its stored JSON.

#include <string>
#include <vector>

#include "ccteam/core/lang.hpp"
#include "ccteam/staffing/plan.hpp"

namespace ccteam::io {

struct PlanChartPoint {
  std::string start;     // the interval's local start, "1999-02-01T07:30:00"
  double agents = 0;     // required (or given) agents
  double service_level;  // 0..1 at those agents; not finite: a gap in the line
};

// The chart as an SVG document, texts in 'lang'. The x labels are the times of day ("07:30")
// for a forecast of one day, else month, day and time ("02-01T07:30"). The title says whether
// the agents are required or given.
std::string plan_chart_svg(const std::vector<PlanChartPoint>& points, bool several_days, Lang lang,
                           staffing::Staffing staffing = staffing::Staffing::required);

}  // namespace ccteam::io
