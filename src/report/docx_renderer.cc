#include "report/docx_renderer.h"

#include <cmath>
#include <numeric>

#include "office/docx_writer.h"
#include "report/chart_layout.h"

namespace jixiao::report {

namespace {

using office::DocxWriter;
using office::ParagraphStyle;

// The text width of an A4 page with the official margins, in twips.
constexpr int kTextWidth = 11906 - 1588 - 1474;
constexpr long long kEmuPerMm = 36000;

office::CellAlign cell_align(Align a) {
  return a == Align::left    ? office::CellAlign::left
         : a == Align::right ? office::CellAlign::right
                             : office::CellAlign::center;
}

ParagraphStyle paragraph_style(Paragraph::Kind k) {
  switch (k) {
    case Paragraph::Kind::body:
      return ParagraphStyle::body;
    case Paragraph::Kind::plain:
      return ParagraphStyle::plain;
    case Paragraph::Kind::center:
      return ParagraphStyle::center;
    case Paragraph::Kind::note:
      return ParagraphStyle::note;
  }
  return ParagraphStyle::body;
}

void render_table(DocxWriter& w, const Table& t) {
  if (!t.caption.empty()) w.paragraph(ParagraphStyle::caption, t.caption);
  office::DocxTable dt;
  const double total = std::accumulate(t.widths.begin(), t.widths.end(), 0.0);
  for (double width : t.widths) {
    dt.widths.push_back(
        static_cast<int>(std::lround(kTextWidth * width / (total > 0 ? total : 1))));
  }
  dt.header_rows = t.header_rows;
  dt.rows.reserve(t.rows.size());
  for (const auto& row : t.rows) {
    auto& out = dt.rows.emplace_back();
    out.reserve(row.size());
    for (const Cell& c : row) {
      office::DocxCell dc;
      dc.text = c.text;
      dc.col_span = c.col_span;
      dc.row_span = c.row_span;
      dc.header = c.header;
      dc.align = cell_align(c.align);
      dc.covered = c.covered;
      out.push_back(std::move(dc));
    }
  }
  // Wide tables use a smaller font (小五).
  if (t.widths.size() > 8) dt.font_half_points = 18;
  w.table(dt);
  if (!t.note.empty()) w.paragraph(ParagraphStyle::note, t.note);
}

void render_chart(DocxWriter& w, const BarChart& chart) {
  const double width_mm = 150, height_mm = 80;
  const ChartGeometry g = layout_bar_chart(chart, width_mm, height_mm);
  office::DocxDrawing d;
  d.cx = static_cast<long long>(g.width * kEmuPerMm);
  d.cy = static_cast<long long>(g.height * kEmuPerMm);
  d.name = chart.caption;
  for (const ChartShape& s : g.shapes) {
    office::DocxShape ds;
    ds.kind = s.kind == ChartShape::bar    ? office::DocxShape::rect
              : s.kind == ChartShape::line ? office::DocxShape::line
                                           : office::DocxShape::label;
    ds.x = static_cast<long long>(s.x * kEmuPerMm);
    ds.y = static_cast<long long>(s.y * kEmuPerMm);
    ds.cx = static_cast<long long>(s.w * kEmuPerMm);
    ds.cy = static_cast<long long>(s.h * kEmuPerMm);
    ds.fill = s.color;
    ds.text = s.text;
    ds.font_half_points = static_cast<int>(std::lround(s.font_pt * 2));
    ds.bold = s.bold;
    ds.align = cell_align(s.align);
    ds.dashed = s.dashed;
    d.shapes.push_back(std::move(ds));
  }
  w.drawing(d);
  w.paragraph(ParagraphStyle::caption, chart.caption);
}

void render_title_page(DocxWriter& w, const TitlePage& tp) {
  for (int i = 0; i < 3; ++i) w.paragraph(ParagraphStyle::plain, "");
  w.paragraph(ParagraphStyle::title, tp.title);
  w.paragraph(ParagraphStyle::title, tp.subtitle);
  for (int i = 0; i < 4; ++i) w.paragraph(ParagraphStyle::plain, "");
  for (const auto& [label, value] : tp.fields) {
    w.paragraph(ParagraphStyle::plain,
                {{"　　　　" + label + "：", true}, {value.text, false, value.placeholder}});
  }
  w.paragraph(ParagraphStyle::plain, "");
  if (!tp.date.empty())
    w.paragraph(ParagraphStyle::subtitle, tp.date);
  else
    w.paragraph(ParagraphStyle::subtitle, {{"【待补充：报告日期】", false, true}});
}

}  // namespace

Result<std::string> render_docx(const Document& document) {
  DocxWriter w;
  for (const Block& block : document.blocks) {
    if (const auto* h = std::get_if<Heading>(&block)) {
      w.paragraph(h->level == 1   ? ParagraphStyle::heading1
                  : h->level == 2 ? ParagraphStyle::heading2
                                  : ParagraphStyle::heading3,
                  h->text);
    } else if (const auto* p = std::get_if<Paragraph>(&block)) {
      std::vector<office::DocxRun> runs;
      for (const Text& t : p->parts) runs.push_back({t.text, t.bold, t.placeholder});
      w.paragraph(paragraph_style(p->kind), runs);
    } else if (const auto* t = std::get_if<Table>(&block)) {
      render_table(w, *t);
    } else if (const auto* c = std::get_if<BarChart>(&block)) {
      render_chart(w, *c);
    } else if (const auto* tp = std::get_if<TitlePage>(&block)) {
      render_title_page(w, *tp);
    } else if (std::holds_alternative<PageBreak>(block)) {
      w.page_break();
    }
  }
  return w.finish(document.title);
}

}  // namespace jixiao::report
