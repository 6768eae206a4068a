#include "report/chart_layout.h"

#include <algorithm>

#include "core/decimal.h"

namespace jixiao::report {

namespace {
std::string bar_color(double v) {
  if (v >= 0.9) return "2E75B6";
  if (v >= 0.8) return "5B9BD5";
  if (v >= 0.6) return "ED7D31";
  return "C00000";
}
}  // namespace

ChartGeometry layout_bar_chart(const BarChart& chart, double width, double height) {
  ChartGeometry g;
  g.width = width;
  g.height = height;
  const double left = 16, right = 4, top = 8, bottom = 16;
  const double pw = width - left - right;
  const double ph = height - top - bottom;
  // Grid lines and their labels every 20 %.
  for (int step = 0; step <= 5; ++step) {
    const double v = step * 0.2;
    const double y = top + ph * (1 - v);
    ChartShape grid;
    grid.kind = ChartShape::line;
    grid.x = left;
    grid.y = y;
    grid.w = pw;
    grid.h = 0;
    grid.color = step == 0 ? "000000" : "BFBFBF";
    grid.dashed = step != 0;
    g.shapes.push_back(grid);
    ChartShape tick;
    tick.kind = ChartShape::label;
    tick.x = 0;
    tick.y = y - 2.5;
    tick.w = left - 1.5;
    tick.h = 5;
    tick.text = std::to_string(step * 20) + "%";
    tick.color = "404040";
    tick.align = Align::right;
    tick.font_pt = 8;
    g.shapes.push_back(tick);
  }
  ChartShape axis;
  axis.kind = ChartShape::line;
  axis.x = left;
  axis.y = top;
  axis.w = 0;
  axis.h = ph;
  axis.color = "000000";
  g.shapes.push_back(axis);
  const size_t n = std::min(chart.labels.size(), chart.values.size());
  if (n == 0) return g;
  const double slot = pw / static_cast<double>(n);
  const double bw = std::min(slot * 0.55, 22.0);
  for (size_t i = 0; i < n; ++i) {
    const double v = std::clamp(chart.values[i], 0.0, 1.0);
    const double x = left + slot * static_cast<double>(i) + (slot - bw) / 2;
    const double bh = std::max(ph * v, 0.3);  // a zero still shows as a sliver
    ChartShape bar;
    bar.kind = ChartShape::bar;
    bar.x = x;
    bar.y = top + ph - bh;
    bar.w = bw;
    bar.h = bh;
    bar.color = bar_color(chart.values[i]);
    g.shapes.push_back(bar);
    ChartShape value;
    value.kind = ChartShape::label;
    value.x = x - 5;
    value.y = top + ph - bh - 5.5;
    value.w = bw + 10;
    value.h = 5;
    value.text = core::format_percent(chart.values[i], 2);
    value.color = "000000";
    value.bold = true;
    g.shapes.push_back(value);
    ChartShape name;
    name.kind = ChartShape::label;
    name.x = left + slot * static_cast<double>(i);
    name.y = top + ph + 1.5;
    name.w = slot;
    name.h = bottom - 2;
    name.text = chart.labels[i];
    name.color = "000000";
    g.shapes.push_back(name);
  }
  return g;
}

}  // namespace jixiao::report
