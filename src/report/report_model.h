// The report as a format-neutral model: what the document says, built once
// from an evaluation (report_builder.h), then rendered to docx
// (docx_renderer.h) or, later, HTML or Markdown. Nothing here knows a file
// format; tables are grids with spans, charts are data (chart_layout.h
// computes their geometry for renderers that draw).
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace jixiao::report {

// A piece of text; a placeholder is text the user must supply ("【待补充：项目背景】").
struct Text {
  std::string text;
  bool placeholder = false;
  bool bold = false;
};

struct Paragraph {
  enum class Kind { body, plain, center, note } kind = Kind::body;
  std::vector<Text> parts;
};

// Numbered by the renderer: level 1 一、, level 2 （一）, level 3 1.
struct Heading {
  int level = 1;
  std::string text;
};

enum class Align { left, center, right };

struct Cell {
  std::string text;
  int col_span = 1;
  int row_span = 1;
  bool header = false;
  Align align = Align::center;
  bool covered = false;  // inside another cell's span
};

// A grid: every row has one Cell per column; spanned positions are covered.
struct Table {
  std::string caption;
  std::vector<double> widths;  // relative column widths
  std::vector<std::vector<Cell>> rows;
  int header_rows = 1;
  std::string note;  // under the table
};

// Bars of ratios (a score rate per category), drawn by the renderer.
struct BarChart {
  std::string caption;
  std::vector<std::string> labels;
  std::vector<double> values;  // ratios, 0.95 is 95 %
};

struct TitlePage {
  std::string title;
  std::string subtitle;
  std::vector<std::pair<std::string, Text>> fields;  // 项目名称: …
  std::string date;
};

struct PageBreak {};

using Block = std::variant<TitlePage, Heading, Paragraph, Table, BarChart, PageBreak>;

struct Document {
  std::string title;  // metadata
  std::vector<Block> blocks;
};

// Builds a Table grid: place() a cell with spans; covered positions are filled in.
class TableBuilder {
 public:
  explicit TableBuilder(std::vector<double> widths) { table_.widths = std::move(widths); }
  // Starts a new row; returns its index.
  int row();
  // Puts a cell at (current row, col). Rows below are created as needed.
  void place(int col, Cell cell);
  void cell(int col, std::string text, bool header = false, int col_span = 1, int row_span = 1,
            Align align = Align::center);
  Table take(std::string caption, int header_rows = 1);
  int current() const { return cursor_; }

 private:
  void ensure(int rows);
  Table table_;
  int cursor_ = -1;
};

}  // namespace jixiao::report
