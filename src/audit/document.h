// A report as the audit reads it: paragraphs and tables in document order,
// each with the line it starts on, so that a finding can quote the sentence
// or the table row it comes from.
//
// Both readers produce this one shape: audit/text_reader.h (the plain text
// Word exports: a table cell per line with a leading tab) and
// audit/docx_reader.h (.docx). Cells keep their text with inner paragraph
// breaks as '\n'; a cell merged into the one above (vMerge) is empty, as
// Word's text export writes it.
#pragma once

#include <string>
#include <vector>

namespace jixiao::audit {

struct Row {
  std::vector<std::string> cells;
  int line = 0;  // 1-based line of the row's first cell in the text form
};

struct Block {
  bool is_table = false;
  std::string text;       // a paragraph's text (is_table false)
  std::vector<Row> rows;  // a table's rows (is_table true)
  int line = 0;
};

struct Document {
  std::vector<Block> blocks;
};

// "投入指标 | 10 | 5 | 50%": a row as findings quote it (empty cells left out).
std::string row_text(const Row& row);

}  // namespace jixiao::audit
