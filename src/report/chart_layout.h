// Geometry of the report's charts, computed by jixiao itself: bars, axes,
// grid lines and labels as positioned shapes (millimetres from the chart's
// top-left corner). Renderers turn the shapes into their own vector
// primitives (DrawingML shapes in docx; SVG would do the same).
#pragma once

#include <string>
#include <vector>

#include "report/report_model.h"

namespace jixiao::report {

struct ChartShape {
  enum Kind { bar, line, label } kind = bar;
  double x = 0, y = 0, w = 0, h = 0;  // a line runs from (x, y) to (x+w, y+h)
  std::string color;                  // RRGGBB
  std::string text;                   // label
  double font_pt = 9;
  bool bold = false;
  Align align = Align::center;
  bool dashed = false;
};

struct ChartGeometry {
  double width = 0, height = 0;  // mm
  std::vector<ChartShape> shapes;
};

// Vertical bars of the chart's ratios on a 0–100 % axis (values above 100 %
// are drawn at the top), a value label over each bar and the category label
// under it. Bars are coloured by grade band: ≥90 %, ≥80 %, ≥60 %, below.
ChartGeometry layout_bar_chart(const BarChart& chart, double width_mm, double height_mm);

}  // namespace jixiao::report
