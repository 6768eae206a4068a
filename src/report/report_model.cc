#include "report/report_model.h"

#include <algorithm>

namespace jixiao::report {

void TableBuilder::ensure(int rows) {
  while (static_cast<int>(table_.rows.size()) < rows) {
    table_.rows.emplace_back(table_.widths.size());
  }
}

int TableBuilder::row() {
  // The next row may already exist, created by a span above.
  ++cursor_;
  ensure(cursor_ + 1);
  return cursor_;
}

void TableBuilder::place(int col, Cell cell) {
  const int r = current();
  const int cols = static_cast<int>(table_.widths.size());
  if (r < 0 || col < 0 || col >= cols) return;
  cell.col_span = std::clamp(cell.col_span, 1, cols - col);
  cell.row_span = std::max(1, cell.row_span);
  ensure(r + cell.row_span);
  for (int rr = r; rr < r + cell.row_span; ++rr) {
    for (int cc = col; cc < col + cell.col_span; ++cc) {
      Cell& target = table_.rows[rr][cc];
      target = Cell{};
      target.covered = true;
    }
  }
  table_.rows[r][col] = std::move(cell);
}

void TableBuilder::cell(int col, std::string text, bool header, int col_span, int row_span,
                        Align align) {
  Cell c;
  c.text = std::move(text);
  c.header = header;
  c.col_span = col_span;
  c.row_span = row_span;
  c.align = align;
  place(col, std::move(c));
}

Table TableBuilder::take(std::string caption, int header_rows) {
  table_.caption = std::move(caption);
  table_.header_rows = header_rows;
  Table out = std::move(table_);
  table_ = Table{};
  table_.widths = out.widths;
  cursor_ = -1;
  return out;
}

}  // namespace jixiao::report
