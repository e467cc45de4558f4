#include "io/base/svg_chart.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace ccteam::io {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

TEST(SvgChart, BarsLinesAxesAndEscapedText) {
  Chart c;
  c.title = "Agents' & <service level>";
  c.x_labels = {"08:00", "08:30", "09:00"};
  c.left_label = "agents";
  c.right_label = "SL";
  c.series.push_back({"agents", {14, 19, 0}, false, true, "#1f77b4"});
  c.series.push_back({"SL", {0.888, 0.843, 1.0}, true, false, "#d62728"});
  std::string svg = render_svg(c);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
  // The apostrophe as &#39; (io/base/markup: one escaping for HTML and XML; was &apos; before).
  EXPECT_NE(svg.find("Agents&#39; &amp; &lt;service level&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("<service"), std::string::npos);
  // Three bars plus the background and two legend swatches.
  EXPECT_EQ(count(svg, "<rect"), 6u);
  EXPECT_EQ(count(svg, "<polyline"), 1u);
  // Left axis up to 20 (ticks of 5 for a maximum of 19): 0, 5, 10, 15, 20.
  EXPECT_NE(svg.find(">20</text>"), std::string::npos);
  EXPECT_NE(svg.find(">80 %</text>"), std::string::npos);
  // The 0-agent bar has zero height; the line's last point sits on the 100 % line (y = 40).
  EXPECT_NE(svg.find("height=\"0.0\""), std::string::npos);
  EXPECT_NE(svg.find(",40.0\""), std::string::npos);
}

// One agent at most (12 calls a day): ticks 0 and 1, not 0, 0.2, ..., 1 ("0.2" on a German
// page); fractional values keep fractional ticks.
TEST(SvgChart, CountsHaveWholeTicks) {
  Chart c;
  c.x_labels = {"08:00", "08:30"};
  c.series.push_back({"agents", {1, 0}, false, true, "#1f77b4"});
  std::string svg = render_svg(c);
  EXPECT_NE(svg.find(">1</text>"), std::string::npos);
  EXPECT_EQ(svg.find(">0.2</text>"), std::string::npos);
  Chart fractions;
  fractions.x_labels = {"a", "b"};
  fractions.series.push_back({"load", {0.9, 0.4}, false, false, "#000"});
  EXPECT_NE(render_svg(fractions).find(">0.2</text>"), std::string::npos);
}

TEST(SvgChart, GapsForNonFiniteValues) {
  Chart c;
  c.x_labels = {"a", "b", "c", "d"};
  c.series.push_back({"x", {1, 2, std::nan(""), 3}, false, false, "#000"});
  std::string svg = render_svg(c);
  EXPECT_EQ(count(svg, "<polyline"), 2u);
}

}  // namespace
}  // namespace ccteam::io
