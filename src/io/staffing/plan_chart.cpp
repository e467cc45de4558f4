#include "io/staffing/plan_chart.hpp"

#include "ccteam/core/messages.hpp"
#include "io/base/svg_chart.hpp"

namespace ccteam::io {

std::string plan_chart_svg(const std::vector<PlanChartPoint>& points, bool several_days, Lang lang,
                           staffing::Staffing staffing) {
  Chart chart;
  chart.title = tr(staffing == staffing::Staffing::given ? MsgId::plan_chart_title_given
                                                         : MsgId::plan_chart_title,
                   lang);
  chart.left_label = tr(MsgId::plan_chart_agents, lang);
  chart.right_label = tr(MsgId::plan_chart_sl, lang);
  ChartSeries agents{tr(MsgId::plan_chart_agents, lang), {}, false, true, "#1f77b4"};
  ChartSeries sl{tr(MsgId::plan_chart_sl, lang), {}, true, false, "#d62728"};
  for (const PlanChartPoint& p : points) {
    std::string label = several_days ? p.start.substr(5, 11) : p.start.substr(11, 5);
    chart.x_labels.push_back(std::move(label));
    agents.values.push_back(p.agents);
    sl.values.push_back(p.service_level);
  }
  chart.series = {agents, sl};
  return render_svg(chart);
}

}  // namespace ccteam::io
