#pragma once
// A small SVG chart writer for the planner and later charts: bars and lines over labelled
// x positions, with a left axis (from 0 to the largest left value) and an optional right axis
// (0 to 'right_max', e.g. 1 for shares shown as percent). Self-contained SVG 1.1, no scripts;
// every text is escaped by io/base/markup.

#include <string>
#include <vector>

namespace ccteam::io {

struct ChartSeries {
  std::string name;
  std::vector<double> values;  // one per x label; non-finite values leave a gap
  bool right_axis = false;     // scaled to the right axis
  bool bars = false;           // bars instead of a line
  std::string color = "#1f77b4";
};

struct Chart {
  std::string title;
  std::vector<std::string> x_labels;  // every n-th is printed so that they do not overlap
  std::string left_label;
  std::string right_label;  // empty: no right axis
  double right_max = 1;
  bool right_as_percent = true;  // right ticks as "80 %"
  std::vector<ChartSeries> series;
  int width = 960;
  int height = 420;
};

// The chart as an SVG document (UTF-8, ends in '\n').
std::string render_svg(const Chart& chart);

}  // namespace ccteam::io
