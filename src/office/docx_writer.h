// Writing Word documents (.docx, WordprocessingML) for Chinese official
// documents, with pugixml and libzip; no Word, no templates on disk.
//
// The styles part follows the usual layout of official documents (GB/T
// 9704): A4 with 3.7/3.5/2.8/2.6 cm margins; body 仿宋_GB2312 (仿宋) 三号 with
// a two-character first-line indent and 28 pt lines; headings numbered
// 一、 (黑体), （一） (楷体_GB2312), 1. (仿宋, bold); the title in 方正小标宋简体
// (宋体); tables in 仿宋 五号; page numbers "— 1 —" in the footer. Every run
// names its East Asian font (w:eastAsia), so Chinese text never falls back to
// a Latin font.
//
// Drawings are vector DrawingML shapes (rectangles, lines, text boxes) in a
// group, positioned in EMU: charts need no image library.
//
// Contract: the writer only appends; finish() returns the package bytes.
// Text may be any UTF-8; characters XML cannot hold are dropped. Not
// thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace jixiao::office {

inline constexpr long long kEmuPerCm = 360000;

enum class ParagraphStyle {
  body,      // indented body text
  plain,     // body font, no indent
  title,     // the document title
  subtitle,  // centred, under the title
  center,    // body font, centred
  caption,   // a table or figure caption, centred, bold
  note,      // small text under a table
  heading1,  // 一、
  heading2,  // （一）
  heading3,  // 1.
};

struct DocxRun {
  std::string text;
  bool bold = false;
  bool highlight = false;  // a placeholder to fill in (yellow)
};

enum class CellAlign { left, center, right };

struct DocxCell {
  std::string text;  // line breaks start new paragraphs in the cell
  int col_span = 1;
  int row_span = 1;
  bool header = false;  // bold and shaded
  CellAlign align = CellAlign::center;
  bool covered = false;  // inside another cell's span: not written
};

struct DocxTable {
  std::vector<int> widths;  // column widths in twips (1/20 pt)
  std::vector<std::vector<DocxCell>> rows;
  int header_rows = 1;        // repeated on each page
  int font_half_points = 21;  // 五号
};

// A shape of a drawing, in EMU from the drawing's top-left corner.
struct DocxShape {
  enum Kind { rect, line, label } kind = rect;
  long long x = 0, y = 0, cx = 0, cy = 0;  // a line runs from (x, y) to (x+cx, y+cy)
  std::string fill = "4472C4";             // rect fill, line and text colour (RRGGBB)
  std::string text;                        // kind label
  int font_half_points = 18;
  bool bold = false;
  CellAlign align = CellAlign::center;
  bool dashed = false;
};

struct DocxDrawing {
  long long cx = 0, cy = 0;  // size in EMU
  std::string name;          // alternative text
  std::vector<DocxShape> shapes;
};

class DocxWriter {
 public:
  DocxWriter();
  ~DocxWriter();
  DocxWriter(const DocxWriter&) = delete;
  DocxWriter& operator=(const DocxWriter&) = delete;

  void paragraph(ParagraphStyle style, const std::vector<DocxRun>& runs);
  void paragraph(ParagraphStyle style, std::string_view text);
  void table(const DocxTable& table);
  void drawing(const DocxDrawing& drawing);
  void page_break();

  // The package: document, styles, numbering, footer, settings, properties.
  Result<std::string> finish(std::string_view title);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jixiao::office
