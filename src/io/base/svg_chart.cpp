#include "io/base/svg_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "io/base/markup.hpp"

namespace ccteam::io {

namespace {

constexpr double k_left = 60, k_right = 60, k_top = 40, k_bottom = 60;

// A round step for about five ticks up to 'max'.
double tick_step(double max) {
  if (max <= 0) return 1;
  double raw = max / 5;
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (raw <= m * power) return m * power;
  }
  return 10 * power;
}

}  // namespace

std::string render_svg(const Chart& c) {
  const double w = c.width, h = c.height;
  const double plot_w = w - k_left - k_right, plot_h = h - k_top - k_bottom;
  const std::size_t n = std::max<std::size_t>(c.x_labels.size(), 1);
  double left_max = 0;
  bool left_whole = true;  // counts (agents): no ticks between whole numbers
  for (const ChartSeries& s : c.series) {
    if (s.right_axis) continue;
    for (double v : s.values) {
      if (!std::isfinite(v)) continue;
      left_max = std::max(left_max, v);
      left_whole = left_whole && v == std::floor(v);
    }
  }
  const double step = left_whole ? std::max(1.0, tick_step(left_max)) : tick_step(left_max);
  left_max = std::max(step, std::ceil(left_max / step) * step);
  const double slot = plot_w / static_cast<double>(n);
  auto x_at = [&](std::size_t i) { return k_left + slot * (static_cast<double>(i) + 0.5); };
  auto y_left = [&](double v) { return k_top + plot_h * (1 - v / left_max); };
  auto y_right = [&](double v) { return k_top + plot_h * (1 - v / c.right_max); };

  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" font-size=\"12\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"{2}\" y=\"22\" font-size=\"15\">{3}</text>\n",
      c.width, c.height, k_left, escape_markup(c.title));
  // Grid and left ticks.
  for (double v = 0; v <= left_max + step / 2; v += step) {
    out += fmt::format(
        "<line x1=\"{0}\" x2=\"{1}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"#ddd\"/>"
        "<text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5:g}</text>\n",
        k_left, w - k_right, y_left(v), k_left - 6, y_left(v) + 4, v);
  }
  out += fmt::format(
      "<text transform=\"translate(16,{0:.1f}) rotate(-90)\" text-anchor=\"middle\">{1}</text>\n",
      k_top + plot_h / 2, escape_markup(c.left_label));
  if (!c.right_label.empty()) {
    for (int i = 0; i <= 5; ++i) {
      double v = c.right_max * i / 5;
      out +=
          fmt::format("<text x=\"{0}\" y=\"{1:.1f}\">{2}</text>\n", w - k_right + 6, y_right(v) + 4,
                      c.right_as_percent ? fmt::format("{:g} %", v * 100) : fmt::format("{:g}", v));
    }
    out += fmt::format(
        "<text transform=\"translate({0},{1:.1f}) rotate(90)\" text-anchor=\"middle\">{2}</text>\n",
        w - 12, k_top + plot_h / 2, escape_markup(c.right_label));
  }
  // X labels, thinned to about 12.
  const std::size_t every = std::max<std::size_t>(1, (n + 11) / 12);
  for (std::size_t i = 0; i < c.x_labels.size(); i += every) {
    out += fmt::format("<text x=\"{0:.1f}\" y=\"{1:.1f}\" text-anchor=\"middle\">{2}</text>\n",
                       x_at(i), k_top + plot_h + 18, escape_markup(c.x_labels[i]));
  }
  // Series.
  for (const ChartSeries& s : c.series) {
    auto y = [&](double v) { return s.right_axis ? y_right(v) : y_left(v); };
    if (s.bars) {
      for (std::size_t i = 0; i < s.values.size() && i < n; ++i) {
        if (!std::isfinite(s.values[i])) continue;
        double top = y(s.values[i]);
        out += fmt::format(
            "<rect x=\"{0:.1f}\" y=\"{1:.1f}\" width=\"{2:.1f}\" height=\"{3:.1f}\" "
            "fill=\"{4}\" opacity=\"0.7\"/>\n",
            x_at(i) - slot * 0.4, top, slot * 0.8, k_top + plot_h - top, escape_markup(s.color));
      }
    } else {
      std::string points;
      for (std::size_t i = 0; i < s.values.size() && i < n; ++i) {
        if (!std::isfinite(s.values[i])) {
          if (!points.empty()) {
            out += fmt::format(
                "<polyline fill=\"none\" stroke=\"{0}\" stroke-width=\"2\" points=\"{1}\"/>\n",
                escape_markup(s.color), points);
          }
          points.clear();
          continue;
        }
        points +=
            fmt::format("{}{:.1f},{:.1f}", points.empty() ? "" : " ", x_at(i), y(s.values[i]));
      }
      if (!points.empty()) {
        out += fmt::format(
            "<polyline fill=\"none\" stroke=\"{0}\" stroke-width=\"2\" points=\"{1}\"/>\n",
            escape_markup(s.color), points);
      }
    }
  }
  // Legend.
  double lx = k_left;
  for (const ChartSeries& s : c.series) {
    out += fmt::format(
        "<rect x=\"{0:.1f}\" y=\"{1:.1f}\" width=\"12\" height=\"12\" fill=\"{2}\"/>"
        "<text x=\"{3:.1f}\" y=\"{4:.1f}\">{5}</text>\n",
        lx, h - 22, escape_markup(s.color), lx + 16, h - 12, escape_markup(s.name));
    lx += 30 + 7.0 * static_cast<double>(s.name.size());
  }
  out += "</svg>\n";
  return out;
}

}  // namespace ccteam::io
