#include "audit/tables.h"

#include <algorithm>
#include <map>
#include <optional>

#include "audit/numbers.h"
#include "audit/wording.h"
#include "core/text.h"
#include "office/table_layout.h"

namespace jixiao::audit {
namespace {

using office::Column;

struct Columns {
  int header_row = -1;
  std::vector<std::optional<Column>> cols;  // per header cell
  int rate = -1;                            // 得分率 (score tables)
  int count(Column c) const {
    return static_cast<int>(std::count(cols.begin(), cols.end(), std::optional<Column>(c)));
  }
  int index(Column c) const {
    for (size_t i = 0; i < cols.size(); ++i) {
      if (cols[i] == c) return static_cast<int>(i);
    }
    return -1;
  }
  bool has(Column c) const { return index(c) >= 0; }
  int levels() const {
    return count(Column::level1) + count(Column::level2) + count(Column::level3) +
           count(Column::level4);
  }
  bool is_level(int i) const {
    return cols[i] && (*cols[i] == Column::level1 || *cols[i] == Column::level2 ||
                       *cols[i] == Column::level3 || *cols[i] == Column::level4);
  }
};

Columns header_of(const Row& row, int index) {
  Columns c;
  c.header_row = index;
  for (size_t i = 0; i < row.cells.size(); ++i) {
    const std::string s = office::squash(row.cells[i]);
    if (s.find("得分率") != std::string::npos) {
      c.rate = static_cast<int>(i);
      c.cols.push_back(std::nullopt);
      continue;
    }
    std::optional<Column> col = office::column_for_header(s);
    // The first weight or score column wins; a second is not ours to read.
    if (col &&
        (*col == Column::weight || *col == Column::score || *col == Column::target ||
         *col == Column::actual) &&
        c.has(*col)) {
      col.reset();
    }
    c.cols.push_back(col);
  }
  return c;
}

enum class TableKind { indicators, score, funds, other };

// What kind of header `row` is, if any; `cols` gets its columns.
std::optional<TableKind> header_kind(const Row& row, Columns& cols) {
  Columns c = header_of(row, 0);
  // Indicator rows: levels with a target or an actual, or two levels of
  // names with weights and scores (a score table by level 2 and below).
  if (c.levels() > 0 && (c.has(Column::target) || c.has(Column::actual))) {
    cols = c;
    return TableKind::indicators;
  }
  if (c.levels() >= 2 && c.has(Column::weight) && c.has(Column::score)) {
    cols = c;
    return TableKind::indicators;
  }
  int funds = 0;
  for (const std::string& cell : row.cells) {
    const auto f = office::funds_column_for_header(office::squash(cell));
    if (f && (*f == office::FundsColumn::initial || *f == office::FundsColumn::adjusted ||
              *f == office::FundsColumn::executed)) {
      ++funds;
    }
  }
  if (funds >= 2) {
    cols = c;
    return TableKind::funds;
  }
  if (c.has(Column::weight) && c.has(Column::score) && !c.has(Column::target) &&
      !c.has(Column::actual)) {
    cols = c;
    return TableKind::score;
  }
  return std::nullopt;
}

// A table cut at its header rows: the official self-evaluation table is one
// table holding the funds block, the goal and the indicator block, each with
// a header of its own. Each piece starts at its header (row 0 of the piece);
// rows before the first header are a piece of kind other.
struct Piece {
  TableKind kind = TableKind::other;
  Columns cols;
  Block rows;
};

std::vector<Piece> pieces(const Block& t) {
  std::vector<Piece> out;
  for (const Row& row : t.rows) {
    Columns cols;
    const std::optional<TableKind> kind = header_kind(row, cols);
    if (kind || out.empty()) {
      Piece p;
      p.kind = kind.value_or(TableKind::other);
      p.cols = cols;
      p.cols.header_row = 0;
      p.rows.is_table = true;
      p.rows.line = row.line;
      out.push_back(std::move(p));
    }
    out.back().rows.rows.push_back(row);
  }
  return out;
}

// The cells of `row` laid on the header's columns: a row as wide as the
// header maps one to one; a narrower row (merged cells) keeps its last cells
// on the header's value columns and its first ones on the columns before.
std::vector<int> lay_out(const Row& row, const Columns& c) {
  const int h = static_cast<int>(c.cols.size());
  const int n = static_cast<int>(row.cells.size());
  std::vector<int> at(n, -1);
  if (n >= h) {
    for (int i = 0; i < h; ++i) at[i] = i;
    return at;
  }
  int last_level = -1;
  for (int i = 0; i < h; ++i) {
    if (c.is_level(i)) last_level = i;
  }
  const int right = h - last_level - 1;
  const int keep = std::min(n, right);
  for (int k = 0; k < keep; ++k) at[n - 1 - k] = h - 1 - k;
  for (int i = 0; i < n - keep; ++i) at[i] = i;
  return at;
}

// "产出指标（50分）" → "产出指标", with the weight.
std::string name_and_weight(std::string_view cell, std::optional<Stated>& weight,
                            std::string_view quote) {
  std::string s = office::squash(cell);
  for (std::string_view open : {"（", "("}) {
    const size_t p = s.rfind(open);
    if (p == std::string::npos || p == 0) continue;
    const std::string inner = s.substr(p + open.size());
    const std::vector<Number> nums = numbers_in(inner);
    if (nums.size() == 1 && nums[0].begin == 0 && nums[0].unit == "分") {
      weight = stated(nums[0], quote);
      s.resize(p);
    }
    break;
  }
  return s;
}

void read_indicator_table(const Block& t, const Columns& c, Facts& out) {
  // The rows go to a table of their own first: a report often repeats its
  // indicator table (the body and 附件1), and a repeat adds nothing.
  Facts f;
  f.execution_row = out.execution_row;
  f.indicator_total = out.indicator_total;
  if (c.has(Column::note)) out.note_column = true;
  std::vector<int> level_cols;  // a header may repeat a level's title: one name per column
  for (int i = 0; i < static_cast<int>(c.cols.size()); ++i) {
    if (c.is_level(i)) level_cols.push_back(i);
  }
  std::vector<std::string> path(level_cols.size());  // the open names, by level column
  for (size_t r = c.header_row + 1; r < t.rows.size(); ++r) {
    const Row& row = t.rows[r];
    const std::string quote = row_text(row);
    // A total row: "总分 | 100 | 99.55", "合计 | 100 | 91.5".
    std::string first;
    for (const std::string& cell : row.cells) {
      first = office::squash(cell);
      if (!first.empty()) break;
    }
    if (is_grade_label(first)) {
      for (const std::string& cell : row.cells) {
        const std::string g = grade_of(office::squash(cell));
        if (!g.empty() && office::squash(cell) != first) {
          out.table_grade = GradeStatement{g, quote};
          break;
        }
      }
      continue;
    }
    const std::vector<int> at = lay_out(row, c);
    // A 小计 under a category (in a level column right of the first) is that
    // category's row, read below; elsewhere a total label ends the table.
    bool subtotal_row = false;
    for (size_t i = 0; i < row.cells.size(); ++i) {
      subtotal_row |= at[i] >= 0 && c.is_level(at[i]) && at[i] != level_cols.front() &&
                      office::squash(row.cells[i]) == "小计";
    }
    if (is_total_label(first) && !subtotal_row) {
      std::vector<Stated> nums;
      for (const std::string& cell : row.cells) {
        Stated s;
        if (cell_number(cell, s, quote)) nums.push_back(s);
      }
      CategoryFact total;
      total.name = first;
      total.quote = quote;
      if (nums.size() >= 2) {
        total.weight = nums[nums.size() - 2];
        total.score = nums.back();
      } else if (nums.size() == 1) {
        total.score = nums[0];
      }
      if (total.score) f.indicator_total = total;
      continue;
    }
    IndicatorFact ind;
    ind.quote = quote;
    std::vector<std::string> names(level_cols.size());
    std::vector<std::optional<Stated>> level_weights(level_cols.size());
    for (size_t i = 0; i < row.cells.size(); ++i) {
      const int col = at[i];
      if (col < 0) continue;
      const std::string& cell = row.cells[i];
      for (size_t k = 0; k < level_cols.size(); ++k) {
        if (level_cols[k] == col) names[k] = name_and_weight(cell, level_weights[k], quote);
      }
      if (!c.cols[col]) continue;
      switch (*c.cols[col]) {
        case Column::target:
          ind.target = std::string(core::text::trim(cell));
          break;
        case Column::actual:
          ind.actual = std::string(core::text::trim(cell));
          break;
        case Column::weight: {
          Stated s;
          if (cell_number(cell, s, quote)) ind.weight = s;
          break;
        }
        case Column::score: {
          Stated s;
          if (cell_number(cell, s, quote)) ind.score = s;
          break;
        }
        case Column::note:
          ind.note = std::string(core::text::trim(cell));
          break;
        default:
          break;
      }
    }
    int deepest = -1;
    for (size_t k = 0; k < names.size(); ++k) {
      if (!names[k].empty()) deepest = static_cast<int>(k);
    }
    if (deepest < 0) continue;  // a row without names: not an indicator
    // "产出 | 小计 | | 40 | 36.58": the weight and score of the category named
    // to its left (jixiao's own tables write one when only the category is
    // scored; real tables to show a sum).
    int subtotal = -1;
    for (int k = 1; k <= deepest && subtotal < 0; ++k) {
      if (is_total_label(names[k])) subtotal = k;
    }
    if (subtotal > 0) {
      IndicatorFact cat;
      for (int k = 0; k < subtotal; ++k) {
        if (!names[k].empty()) {
          path[k] = names[k];
          for (size_t j = k + 1; j < path.size(); ++j) path[j].clear();
        }
        if (!path[k].empty()) cat.path.push_back(path[k]);
      }
      if (cat.path.empty()) continue;
      cat.weight = ind.weight;
      cat.score = ind.score;
      cat.quote = quote;
      cat.category = true;
      f.indicators.push_back(std::move(cat));
      continue;
    }
    const std::string& leaf = names[deepest];
    ind.execution =
        is_execution_name(leaf) || (is_execution_name(ind.target) && is_execution_name(ind.actual));
    for (int k = 0; k < deepest; ++k) {
      if (!names[k].empty()) ind.explicit_parent = true;
    }
    for (int k = 0; k <= deepest; ++k) {
      if (!names[k].empty()) {
        path[k] = names[k];
        for (size_t j = k + 1; j < path.size(); ++j) path[j].clear();
      }
    }
    for (int k = 0; k <= deepest; ++k) {
      if (!path[k].empty()) ind.path.push_back(path[k]);
    }
    // Weights printed in category cells ("产出指标（50分）") are rows of their own.
    for (int k = 0; k < deepest; ++k) {
      if (level_weights[k] && !names[k].empty()) {
        IndicatorFact cat;
        for (int j = 0; j <= k; ++j) {
          if (!path[j].empty()) cat.path.push_back(path[j]);
        }
        cat.weight = level_weights[k];
        cat.quote = quote;
        cat.category = true;
        f.indicators.push_back(cat);
      }
    }
    ind.category =
        ind.target.empty() && ind.actual.empty() && deepest + 1 < int(names.size()) && deepest == 0;
    f.indicators.push_back(std::move(ind));
  }
  for (const IndicatorFact& row : f.indicators) {
    if (row.category) continue;
    for (const IndicatorFact& seen : out.indicators) {
      if (!seen.category && seen.path == row.path) return;  // a repeat
    }
  }
  for (IndicatorFact& row : f.indicators) out.indicators.push_back(std::move(row));
  out.execution_row = f.execution_row;
  out.indicator_total = f.indicator_total;
}

void read_score_table(const Block& t, const Columns& c, Facts& f) {
  const int weight = c.index(Column::weight);
  const int score = c.index(Column::score);
  const int h = static_cast<int>(c.cols.size());
  // The name column: the first that is no 序号 column.
  size_t name_col = 0;
  if (!t.rows.empty()) {
    const Row& head = t.rows[c.header_row];
    while (name_col + 1 < head.cells.size()) {
      const std::string s = office::squash(head.cells[name_col]);
      if (s != "序号" && s != "编号") break;
      ++name_col;
    }
  }
  for (size_t r = c.header_row + 1; r < t.rows.size(); ++r) {
    const Row& row = t.rows[r];
    if (row.cells.size() <= name_col) continue;
    const std::string quote = row_text(row);
    std::string name = office::squash(row.cells[name_col]);
    // A total or grade row may span the 序号 column.
    const std::string first = office::squash(row.cells[0]);
    if (name.empty() || is_total_label(first) || is_grade_label(first)) name = first;
    if (name.empty()) continue;
    if (is_grade_label(name)) {
      for (size_t i = 1; i < row.cells.size(); ++i) {
        const std::string g = grade_of(office::squash(row.cells[i]));
        if (!g.empty()) {
          f.table_grade = GradeStatement{g, quote};
          break;
        }
      }
      continue;
    }
    CategoryFact cat;
    cat.name = name;
    cat.quote = quote;
    const int n = static_cast<int>(row.cells.size());
    const int shift = n < h ? h - n : 0;  // merged cells: keep the last ones on the last columns
    const auto cell_at = [&](int col) -> const std::string* {
      const int i = col < 0 ? -1 : (col == 0 ? 0 : col - shift);
      return i >= 1 && i < n ? &row.cells[i] : nullptr;
    };
    Stated s;
    if (const std::string* cell = cell_at(weight); cell && cell_number(*cell, s, quote)) {
      cat.weight = s;
    }
    if (const std::string* cell = cell_at(score); cell && cell_number(*cell, s, quote)) {
      cat.score = s;
    }
    std::string unit;
    if (const std::string* cell = cell_at(c.rate); cell && cell_number(*cell, s, quote, &unit)) {
      if (unit == "%") cat.rate = s;
    }
    if (is_total_label(name)) {
      f.score_table_total = cat;
    } else if (cat.weight || cat.score) {
      if (is_execution_name(name)) {
        cat.execution = true;
        IndicatorFact x;
        x.path = {name};
        x.weight = cat.weight;
        x.score = cat.score;
        x.quote = quote;
        if (!f.execution_row) f.execution_row = x;
      }
      f.score_table.push_back(std::move(cat));
    }
  }
}

void read_funds_table(const Block& t, const Columns& header, Facts& f) {
  const Row& head = t.rows[header.header_row];
  std::vector<std::optional<office::FundsColumn>> cols;
  for (const std::string& cell : head.cells) {
    cols.push_back(office::funds_column_for_header(office::squash(cell)));
  }
  const int h = static_cast<int>(cols.size());
  struct Line {
    office::FundsRow kind;
    std::map<office::FundsColumn, Stated> values;
    std::string quote;
  };
  std::vector<Line> lines;
  for (size_t r = header.header_row + 1; r < t.rows.size(); ++r) {
    const Row& row = t.rows[r];
    const int n = static_cast<int>(row.cells.size());
    std::optional<office::FundsRow> kind;
    for (const std::string& cell : row.cells) {
      kind = office::funds_row_for_label(office::squash(cell));
      if (kind) break;
    }
    if (!kind) continue;
    Line line{*kind, {}, row_text(row)};
    const int shift = n < h ? h - n : 0;
    for (int col = 0; col < h; ++col) {
      const int i = col - shift;
      if (!cols[col] || i < 0 || i >= n) continue;
      Stated s;
      if (cell_number(row.cells[i], s, line.quote)) line.values[*cols[col]] = s;
    }
    lines.push_back(std::move(line));
  }
  using FC = office::FundsColumn;
  for (const Line& line : lines) {
    if (line.kind != office::FundsRow::total) continue;
    const auto get = [&](FC c) -> const Stated* {
      auto it = line.values.find(c);
      return it == line.values.end() ? nullptr : &it->second;
    };
    if (const Stated* s = get(FC::initial)) f.initial_budget.push_back(*s);
    if (const Stated* s = get(FC::adjusted)) f.budget.push_back(*s);
    if (const Stated* s = get(FC::executed)) f.executed.push_back(*s);
    if (const Stated* s = get(FC::rate)) f.execution_rate.push_back(*s);
    if (get(FC::weight) || get(FC::score)) {
      IndicatorFact x;
      x.path = {"预算执行率"};
      if (const Stated* s = get(FC::weight)) x.weight = *s;
      if (const Stated* s = get(FC::score)) x.score = *s;
      x.quote = line.quote;
      f.execution_row = x;
    }
    // The total row against its sources, column by column.
    for (FC c : {FC::initial, FC::adjusted, FC::executed}) {
      const Stated* total = get(c);
      if (!total) continue;
      SumFact sum;
      sum.label = std::string(office::funds_row_title(office::FundsRow::total));
      sum.total = *total;
      sum.unit = "万元";
      for (const Line& part : lines) {
        if (part.kind == office::FundsRow::total) continue;
        auto it = part.values.find(c);
        if (it != part.values.end()) {
          sum.parts.emplace_back(std::string(office::funds_row_title(part.kind)), it->second);
        }
      }
      if (!sum.parts.empty()) f.sums.push_back(std::move(sum));
    }
  }
}

// Other tables: a 合计 column or a 合计 row against the figures it adds up.
void read_other_table(const Block& t, Facts& f) {
  // A 合计 column: the cells to its right in the same header row are its parts.
  for (size_t r = 0; r + 1 < t.rows.size() && r < 3; ++r) {
    const Row& head = t.rows[r];
    for (size_t k = 0; k < head.cells.size(); ++k) {
      const std::string s = office::squash(head.cells[k]);
      if (!(has(s, "合计") || has(s, "总计") || s == "小计")) continue;
      if (k + 2 >= head.cells.size()) continue;
      for (size_t d = r + 1; d < t.rows.size(); ++d) {
        const Row& row = t.rows[d];
        // Align the data row with the header row from the right.
        const long off = static_cast<long>(row.cells.size()) - static_cast<long>(head.cells.size());
        const long ti = static_cast<long>(k) + off;
        if (ti < 0 || ti >= static_cast<long>(row.cells.size())) continue;
        Stated total;
        const std::string quote = row_text(row);
        if (!cell_number(row.cells[ti], total, quote)) continue;
        SumFact sum;
        sum.label = s;
        sum.total = total;
        bool ok = true;
        for (size_t p = k + 1; p < head.cells.size(); ++p) {
          const long pi = static_cast<long>(p) + off;
          if (pi < 0 || pi >= static_cast<long>(row.cells.size())) continue;
          const std::string cell = office::squash(row.cells[pi]);
          Stated part;
          if (cell_number(cell, part, quote)) {
            sum.parts.emplace_back(office::squash(head.cells[p]), part);
          } else if (!(cell.empty() || cell == "-" || cell == "—" || cell == "/")) {
            ok = false;
          }
        }
        if (ok && sum.parts.size() >= 2) f.sums.push_back(std::move(sum));
      }
    }
  }
}

}  // namespace

void read_table(const Block& table, Facts& f, const std::function<void(const Row&)>& other_row) {
  for (const Piece& p : pieces(table)) {
    switch (p.kind) {
      case TableKind::indicators:
        read_indicator_table(p.rows, p.cols, f);
        break;
      case TableKind::score:
        read_score_table(p.rows, p.cols, f);
        break;
      case TableKind::funds:
        read_funds_table(p.rows, p.cols, f);
        break;
      case TableKind::other:
        read_other_table(p.rows, f);
        for (const Row& r : p.rows.rows) other_row(r);
        break;
    }
  }
}

}  // namespace jixiao::audit
