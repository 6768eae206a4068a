#include "audit/text_reader.h"

#include <vector>

namespace jixiao::audit {
namespace {

struct Line {
  std::string_view text;
  int number = 0;
};

bool blank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\r' && c != '\t' && c != '\f' && c != '\v') return false;
  }
  return true;
}

bool is_cell(std::string_view s) {
  return !s.empty() && s[0] == '\t';
}

std::string_view cell_text(std::string_view s) {
  s.remove_prefix(1);  // the leading tab
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  return s;
}

std::string_view paragraph_text(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  return s;
}

// Whether, from line `i` on (a line without a tab inside a table, after one
// blank line), the table goes on: a cell line follows within a few lines, and
// the line before it is no lead-in ("…如下："). A cell of several paragraphs
// is exported as paragraphs separated by blank lines; a paragraph after a
// table is followed by more text, or introduces the next table.
bool table_resumes(const std::vector<Line>& lines, size_t i) {
  constexpr size_t kLookahead = 4;
  for (size_t k = i; k < lines.size() && k < i + kLookahead; ++k) {
    if (blank(lines[k].text) && k > i && blank(lines[k - 1].text)) return false;
    if (is_cell(lines[k].text)) {
      const std::string_view before = paragraph_text(lines[k - 1].text);
      return !(before.ends_with("：") || before.ends_with(":") || before.ends_with("如下"));
    }
  }
  return false;
}

}  // namespace

Document read_text(std::string_view text) {
  std::vector<Line> lines;
  int number = 1;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back({text.substr(start, end - start), number++});
    start = end + 1;
  }

  Document doc;
  Block* table = nullptr;  // the table being read, if any
  Row* row = nullptr;      // its open row
  int blanks = 0;          // blank lines since the last cell
  const auto close_table = [&] {
    table = nullptr;
    row = nullptr;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (is_cell(l.text)) {
      if (table == nullptr) {
        doc.blocks.push_back({true, {}, {}, l.number});
        table = &doc.blocks.back();
      }
      if (row == nullptr) {
        table->rows.push_back({{}, l.number});
        row = &table->rows.back();
      }
      row->cells.emplace_back(cell_text(l.text));
      blanks = 0;
      continue;
    }
    if (blank(l.text)) {
      if (table != nullptr) {
        row = nullptr;
        if (++blanks >= 2) close_table();
      }
      continue;
    }
    if (table != nullptr) {
      if (blanks == 0 && row != nullptr && !row->cells.empty()) {
        row->cells.back() += '\n';
        row->cells.back() += paragraph_text(l.text);
        continue;
      }
      if (blanks == 1 && table_resumes(lines, i)) {
        // A paragraph of the last cell read.
        // The row goes on after it.
        row = &table->rows.back();
        if (!row->cells.empty()) {
          row->cells.back() += '\n';
          row->cells.back() += paragraph_text(l.text);
        }
        blanks = 0;
        continue;
      }
      close_table();
    }
    doc.blocks.push_back({false, std::string(paragraph_text(l.text)), {}, l.number});
  }
  // Tables without a single cell of text are layout, not content.
  std::erase_if(doc.blocks, [](const Block& b) {
    if (!b.is_table) return false;
    for (const Row& r : b.rows) {
      for (const std::string& c : r.cells) {
        if (!blank(c)) return false;
      }
    }
    return true;
  });
  return doc;
}

}  // namespace jixiao::audit
