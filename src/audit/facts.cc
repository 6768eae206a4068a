#include "audit/facts.h"

#include <algorithm>
#include <array>
#include <map>

#include "audit/numbers.h"
#include "core/text.h"
#include "office/table_layout.h"

namespace jixiao::audit {
namespace {

using office::Column;

// ---- small helpers ----------------------------------------------------------

bool starts(std::string_view s, std::string_view p) {
  return s.starts_with(p);
}

Stated stated(const Number& n, std::string_view quote) {
  return {n.value, n.decimals, std::string(quote)};
}

// A cell that holds one figure and nothing else but its unit ("57.58",
// "95.97%", "10分").
bool cell_number(std::string_view cell, Stated& out, std::string_view quote,
                 std::string* unit = nullptr) {
  const std::string s = office::squash(cell);
  if (s.empty()) return false;
  const std::vector<Number> nums = numbers_in(s);
  if (nums.size() != 1 || nums[0].begin != 0) return false;
  if (nums[0].end != s.size()) return false;
  out = stated(nums[0], quote);
  if (unit) *unit = nums[0].unit;
  return true;
}

bool is_total_label(std::string_view squashed) {
  for (std::string_view w : {"综合得分", "合计", "总计", "总分", "得分合计", "总得分", "自评总分",
                             "评价总分", "综合评分", "小计"}) {
    if (squashed == w) return true;
  }
  return false;
}

bool is_grade_label(std::string_view squashed) {
  for (std::string_view w : {"评价档次", "评价等级", "等级", "绩效等级", "评价结论", "自评结论",
                             "绩效评价等级", "自评等级", "评定等级", "绩效评定等级", "档次"}) {
    if (squashed == w) return true;
  }
  return false;
}

// 优 良 中 差 from words that state a grade ("优秀" → 优); "" otherwise.
std::string grade_of(std::string_view squashed) {
  std::string_view s = squashed;
  for (std::string_view q : {"“", "\"", "「", "『"}) {
    if (starts(s, q)) s.remove_prefix(q.size());
  }
  if (starts(s, "优")) return "优";
  if (starts(s, "良")) return "良";
  if (starts(s, "中")) return "中";
  if (starts(s, "差") || starts(s, "不合格")) return "差";
  return "";
}

// Strips a heading marker: "（一）", "(1)", "一、", "1.", "1．", "1、", "①".
std::string_view strip_marker(std::string_view s) {
  s = core::text::trim(s);
  if (starts(s, "（") || starts(s, "(")) {
    const size_t close = s.find(starts(s, "（") ? "）" : ")");
    if (close != std::string_view::npos && close <= 12) {
      s.remove_prefix(close + (starts(s, "（") ? 3 : 1));
      return core::text::trim(s);
    }
  }
  const size_t dun = s.find("、");
  if (dun != std::string_view::npos && dun > 0 && dun <= 9) {
    bool numeral = true;
    for (size_t i = 0; i < dun;) {
      const char32_t cp = core::text::next_code_point(s, i);
      if (!(cp >= '0' && cp <= '9') &&
          std::u32string_view(U"一二三四五六七八九十").find(cp) == std::u32string_view::npos) {
        numeral = false;
      }
    }
    if (numeral) return core::text::trim(s.substr(dun + 3));
  }
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i > 0 && i < s.size()) {
    if (s[i] == '.') return core::text::trim(s.substr(i + 1));
    if (s.substr(i).starts_with("．")) return core::text::trim(s.substr(i + 3));
  }
  for (std::string_view c : {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨"}) {
    if (starts(s, c)) return core::text::trim(s.substr(c.size()));
  }
  return s;
}

// The words right before byte `at` in `text`, back to a clause break or a
// digit, at most `max_chars` characters.
std::string words_before(std::string_view text, size_t at, size_t max_chars) {
  std::vector<size_t> starts_at;
  size_t i = 0;
  while (i < at) {
    starts_at.push_back(i);
    core::text::next_code_point(text, i);
  }
  size_t begin = at;
  size_t count = 0;
  for (size_t k = starts_at.size(); k-- > 0 && count < max_chars;) {
    size_t j = starts_at[k];
    const char32_t cp = core::text::next_code_point(text, j);
    if ((cp >= '0' && cp <= '9') || cp == U'，' || cp == U'。' || cp == U'；' || cp == U'：' ||
        cp == U'、' || cp == ',' || cp == ';' || cp == ':' || cp == '|' || cp == ' ' ||
        cp == U'（' || cp == U'）' || cp == '(' || cp == ')' || cp == '.' || cp == U'．') {
      break;
    }
    begin = starts_at[k];
    ++count;
  }
  return std::string(text.substr(begin, at - begin));
}

// ---- tables -----------------------------------------------------------------

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

bool is_execution_name(std::string_view s) {
  return has(s, "执行率");
}

void read_indicator_table(const Block& t, const Columns& c, Facts& out) {
  // The rows go to a table of their own first: a report often repeats its
  // indicator table (the body and 附件1), and a repeat adds nothing.
  Facts f;
  f.execution_row = out.execution_row;
  f.indicator_total = out.indicator_total;
  if (c.has(Column::note)) out.note_column = true;
  std::vector<std::string> path(4);  // by level column order
  std::vector<int> level_cols;
  for (int i = 0; i < static_cast<int>(c.cols.size()); ++i) {
    if (c.is_level(i)) level_cols.push_back(i);
  }
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
    if (is_total_label(first)) {
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
    const std::vector<int> at = lay_out(row, c);
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

// ---- sentences ---------------------------------------------------------------

bool preceded_by_any(std::string_view s, size_t at, std::initializer_list<std::string_view> ws) {
  for (std::string_view w : ws) {
    if (at >= w.size() && s.substr(at - w.size(), w.size()) == w) return true;
  }
  return false;
}

bool followed_by_any(std::string_view s, size_t at, std::initializer_list<std::string_view> ws) {
  for (std::string_view w : ws) {
    if (s.substr(at).starts_with(w)) return true;
  }
  return false;
}

// Money after a keyword; 亿元 as 万元.
bool money_after(std::string_view s, size_t from, Number& n, int gap = 6) {
  if (number_after(s, from, "万元", gap, n)) return true;
  if (number_after(s, from, "亿元", gap, n)) {
    n.value *= 10000;
    n.decimals = std::max(0, n.decimals - 4);
    return true;
  }
  return false;
}

class SentenceReader {
 public:
  explicit SentenceReader(Facts& f) : f_(f) {}

  void read(std::string_view s, const std::string& quote) {
    if (list_may_follow_ && starts(s, "其中") && f_.text_categories.empty()) {
      category_list(s.substr(std::string_view("其中").size()), quote);
    }
    if (!starts(s, "其中")) list_may_follow_ = false;
    // Each reader needs its unit in the sentence: most sentences hold none,
    // and the keyword searches are the audit's main cost.
    const bool money_words = has(s, "万元") || has(s, "亿元");
    const bool percent = has(s, "%") || has(s, "％");
    if (money_words) money(s, quote);
    if (percent) rates(s, quote);
    if (percent || has(s, "个") || has(s, "项")) department(s, quote);
    if (has(s, "分")) {
      totals(s, quote);
      sentence_category(s, quote);
    }
    if (has(s, "优") || has(s, "良") || has(s, "中") || has(s, "差")) grades(s, quote);
    if (money_words) {
      named_amounts(s, quote);
      sums_and_shares(s, quote);
    }
    targets(s, quote);
    if (has(s, "完成") || has(s, "达到") || has(s, "实现") || has(s, "超出")) claims(s, quote);
  }

  void finish();

  std::string previous_sentence;

 private:
  static bool other_subject(std::string_view before) {
    for (std::string_view w : {"三公", "公用经费", "人员经费", "政府采购", "基本支出"}) {
      if (has(before, w)) return true;
    }
    return false;
  }

  void money(std::string_view s, const std::string& quote) {
    // Longest keywords first; a position used by one is not read again.
    struct K {
      std::string_view word;
      std::vector<Stated>* list;
      std::initializer_list<std::string_view> not_after;
    };
    std::vector<std::pair<size_t, size_t>> used;
    const auto taken = [&](size_t at) {
      for (auto [b, e] : used) {
        if (at >= b && at < e) return true;
      }
      return false;
    };
    const K keys[] = {
        {"年初预算数", &f_.initial_budget, {}},
        {"年初预算资金", &f_.initial_budget, {}},
        {"年初预算", &f_.initial_budget, {}},
        {"全年预算数", &f_.budget, {}},
        {"调整后预算数", &f_.budget, {}},
        {"调整后预算", &f_.budget, {}},
        {"支出预算数", &f_.expenditure_budget, {}},
        {"预算资金",
         &f_.budget,
         {"基本支出", "人员", "公用", "三公", "采购", "年初", "追加", "调增", "调减"}},
        {"预算金额",
         &f_.budget,
         {"基本支出", "人员", "公用", "三公", "采购", "年初", "追加", "调增", "调减"}},
        {"预算数",
         &f_.budget,
         {"基本支出", "人员", "公用", "三公", "采购", "年初", "支出", "追加", "调增", "调减",
          "调整"}},
        {"预算",
         &f_.budget,
         {"基本支出", "人员", "公用", "三公", "采购", "年初", "经费", "追加", "调增", "调减",
          "调整"}},
        {"全年执行数", &f_.executed, {}},
        {"累计支出", &f_.executed, {}},
        {"实际使用资金", &f_.executed, {}},
        {"年度资金总额", &f_.budget, {}},
        {"实际执行数", &f_.executed, {}},
        {"实际支出", &f_.executed, {"预计", "三公经费", "公用经费", "人员经费", "采购"}},
        {"执行金额", &f_.executed, {}},
        {"实际到位资金", &f_.received, {}},
        {"到位资金", &f_.received, {"实际"}},
        {"决算支出数", &f_.final_expenditure, {}},
        {"决算支出", &f_.final_expenditure, {}},
        {"决算数", &f_.final_expenditure, {}},
        {"结转结余总额", &f_.carryover_total, {}},
    };
    for (const K& k : keys) {
      for (size_t at = s.find(k.word); at != std::string_view::npos;
           at = s.find(k.word, at + k.word.size())) {
        if (taken(at) || preceded_by_any(s, at, k.not_after)) continue;
        // Money of a part of the spending ("“三公”经费预算18.00万元，实际支出15.30万元").
        if ((k.list == &f_.budget || k.list == &f_.executed) && other_subject(s.substr(0, at))) {
          continue;
        }
        // "2023年初批复预算资金100.00万元": the initial budget, however it is worded.
        std::vector<Stated>* list = k.list;
        if (list == &f_.budget && has(s.substr(0, at), "年初") && !has(s.substr(0, at), "全年") &&
            !has(s.substr(0, at), "调整后")) {
          const std::string_view before = s.substr(0, at);
          const size_t initial = before.rfind("年初");
          const size_t comma = before.rfind("，");
          if (comma == std::string_view::npos || comma < initial) list = &f_.initial_budget;
        }
        const size_t after = at + k.word.size();
        if (followed_by_any(s, after, {"执行率", "调整", "完成率", "差异率", "绩效"})) continue;
        Number n;
        if (!money_after(s, after, n)) continue;
        used.emplace_back(at, n.end);
        list->push_back(stated(n, quote));
      }
    }
    // A project's carryover: 结转资金, 结余资金, 结余（结转）.
    for (std::string_view w :
         {"结转资金", "结余资金", "结转结余资金", "结余（结转）", "结转（结余）"}) {
      const size_t at = s.find(w);
      if (at == std::string_view::npos || taken(at) || f_.carryover) continue;
      if (preceded_by_any(s, at, {"上年", "上年度", "以前年度"})) continue;  // a funding source
      Number n;
      if (money_after(s, at + w.size(), n, 3)) f_.carryover = stated(n, quote);
    }
  }

  void rates(std::string_view s, const std::string& quote) {
    for (size_t at = s.find("执行率"); at != std::string_view::npos;
         at = s.find("执行率", at + 1)) {
      if (preceded_by_any(s, at, {"采购", "三公经费", "公用经费"})) continue;
      const size_t after = at + std::string_view("执行率").size();
      if (followed_by_any(s, after, {"得分", "分值"})) continue;
      Number n;
      if (!number_after(s, after, "%", 4, n)) continue;
      // A target ("预算执行率（100%）", "执行率目标不低于90%") is no rate achieved.
      const std::string_view between = s.substr(after, n.begin - after);
      if (has(between, "（") || has(between, "(") || has(between, "目标") ||
          has(between, "不低于") || has(between, "≥")) {
        continue;
      }
      f_.execution_rate.push_back(stated(n, quote));
    }
  }

  void department(std::string_view s, const std::string& quote) {
    const auto rate = [&](std::string_view word, std::vector<Stated>& list) {
      for (size_t at = s.find(word); at != std::string_view::npos;
           at = s.find(word, at + word.size())) {
        const size_t after = at + word.size();
        if (followed_by_any(s, after, {"得分", "分值"})) continue;
        // The first percentage after the name in its clause ("…=5%").
        Number n;
        size_t from = after;
        bool found = false;
        for (const Number& x : numbers_in(s.substr(after))) {
          const std::string_view between = s.substr(from, after + x.begin - from);
          if (has(between, "，") || has(between, "。") || has(between, "；")) break;
          if (x.unit == "%") {
            n = x;
            found = true;
            break;
          }
        }
        if (found) list.push_back({n.value, n.decimals, quote});
      }
    };
    rate("预决算差异率", f_.difference_rate);
    rate("结转结余率", f_.carryover_rate);
    grade_counts(s, quote);
  }

  void grade_counts(std::string_view s, const std::string& quote) {
    if (!has(s, "项目") && !has(s, "个")) return;
    std::vector<std::pair<std::string, Stated>> counts;
    size_t first_grade = std::string_view::npos;
    for (std::string_view g : {"优", "良", "中", "差"}) {
      for (size_t at = s.find(g); at != std::string_view::npos; at = s.find(g, at + g.size())) {
        // The grade must stand alone: after a delimiter, not inside a word.
        if (!(at == 0 ||
              preceded_by_any(s, at, {"、", "，", "：", "“", "（", "其中", "为", "\"", "；"}))) {
          continue;
        }
        if (g == "中" && preceded_by_any(s, at, {"其"})) continue;
        size_t after = at + g.size();
        for (std::string_view skip : {"”", "\"", "等级", "级", "档", "秀", "好"}) {
          if (s.substr(after).starts_with(skip)) after += skip.size();
        }
        for (std::string_view skip : {"的项目", "项目", "的", "等"}) {
          if (s.substr(after).starts_with(skip)) after += skip.size();
        }
        Number n;
        if ((number_after(s, after, "个", 1, n) || number_after(s, after, "项", 1, n))) {
          counts.emplace_back(std::string(g), stated(n, quote));
          first_grade = std::min(first_grade, at);
          break;
        }
      }
    }
    if (counts.size() < 2) return;
    f_.grade_counts = counts;
    // The number of projects: a count of 个/项 before the first grade, next to 项目.
    for (const Number& n : numbers_in(s.substr(0, first_grade))) {
      if (n.unit != "个" && n.unit != "项") continue;
      const std::string before = words_before(s, n.begin, 12);
      if (has(before, "项目") || s.substr(n.end).starts_with("项目") || has(before, "评价")) {
        f_.project_count = stated(n, quote);
      }
    }
  }

  void totals(std::string_view s, const std::string& quote) {
    // A category's own sentence ("该指标分值10分，评价得分7.18分") is not the total.
    if (starts(s, "该指标") || starts(s, "该项") || starts(s, "其中")) return;
    // The framework's full marks ("指标体系由…构成，总分100分") are not a result.
    for (std::string_view w : {"构成", "满分", "分值", "权重", "指标体系", "不一致", "不符"}) {
      if (has(s, w)) return;
    }
    for (std::string_view w : {"综合得分", "总得分", "自评总分", "评价总分", "总分", "自评打分",
                               "自评得分", "评价得分", "综合评分", "得分", "打分"}) {
      for (size_t at = s.find(w); at != std::string_view::npos; at = s.find(w, at + w.size())) {
        size_t after = at + w.size();
        if (followed_by_any(s, after, {"率"})) continue;
        for (std::string_view colon : {"：", ":"}) {
          if (s.substr(after).starts_with(colon)) after += colon.size();
        }
        Number n;
        if (!number_after(s, after, "分", 3, n)) continue;
        // The words before in the clause must not name a category.
        const std::string before = words_before(s, at, 12);
        if (has(before, "指标") || has(before, "决策") || has(before, "过程") ||
            has(before, "产出") || has(before, "效益") || has(before, "满意度") ||
            has(before, "管理") || has(before, "投入")) {
          continue;
        }
        f_.text_total.push_back(stated(n, quote));
        // "…得分91.5分，其中，项目决策5分、项目过程57.58分、…"
        const size_t other = s.find("其中", n.end);
        if (other != std::string_view::npos && f_.text_categories.empty()) {
          category_list(s.substr(other + std::string_view("其中").size()), quote);
        } else {
          list_may_follow_ = true;  // "…得分97.7分。其中，项目决策15分，…"
        }
        return;
      }
    }
  }

  // "项目决策指标满分10分，实际得分8.5分，得分率85%": a category's figures in
  // one sentence, the category named before its weight.
  void sentence_category(std::string_view s, const std::string& quote) {
    for (std::string_view w : {"分值", "满分", "权重"}) {
      const size_t at = s.find(w);
      if (at == std::string_view::npos) continue;
      Number weight;
      if (!number_after(s, at + w.size(), "分", 3, weight)) continue;
      std::string name = words_before(s, at, 12);
      for (std::string_view tail : {"的", "为"}) {
        if (name.ends_with(tail)) name.resize(name.size() - tail.size());
      }
      if (name.empty() || starts(name, "该") || starts(name, "本")) return;
      static constexpr std::string_view kCores[] = {"决策",   "过程", "管理", "产出", "效益",
                                                    "满意度", "投入", "效果", "成本"};
      const std::string core_name = category_core(name);
      bool known = name.ends_with("指标");
      for (std::string_view c : kCores) known |= core_name == c;
      if (!known) return;
      for (const CategoryFact& seen : f_.text_categories) {
        if (category_core(seen.name) == core_name) return;
      }
      CategoryFact c;
      c.name = name;
      c.quote = quote;
      c.weight = stated(weight, quote);
      Number n;
      for (size_t g = s.find("得分", weight.end); g != std::string_view::npos;
           g = s.find("得分", g + 1)) {
        if (followed_by_any(s, g + std::string_view("得分").size(), {"率"})) continue;
        if (number_after(s, g + std::string_view("得分").size(), "分", 3, n)) {
          c.score = stated(n, quote);
          break;
        }
      }
      if (!c.score) return;
      const size_t r = s.find("得分率");
      if (r != std::string_view::npos &&
          number_after(s, r + std::string_view("得分率").size(), "%", 3, n)) {
        c.rate = stated(n, quote);
      }
      f_.text_categories.push_back(std::move(c));
      return;
    }
  }

  // "项目决策5分、项目过程57.58分、…": at least two named scores.
  void category_list(std::string_view s, const std::string& quote) {
    std::vector<CategoryFact> cats;
    for (const Number& n : numbers_in(s)) {
      if (n.unit != "分") continue;
      std::string name = words_before(s, n.begin, 12);
      for (std::string_view tail : {"得分为", "得分", "为"}) {
        if (name.ends_with(tail)) name.resize(name.size() - tail.size());
      }
      if (name.empty()) continue;
      CategoryFact c;
      c.name = name;
      c.score = stated(n, quote);
      c.quote = quote;
      c.execution = is_execution_name(name);
      cats.push_back(std::move(c));
    }
    if (cats.size() >= 2) f_.text_categories = std::move(cats);
  }

  void grades(std::string_view s, const std::string& quote) {
    // The rule set's bands ("优（90分及以上），良（80分及以上）…") state no grade.
    if (has(s, "及以上") || has(s, "分以上") || has(s, "≥")) return;
    for (std::string_view w : {"评价等级", "绩效等级", "等级", "评定结论", "评价结论", "整体评价",
                               "评定为", "评价为", "结论为", "结果为", "评为", "档次"}) {
      const size_t at = s.find(w);
      if (at == std::string_view::npos) continue;
      size_t i = at + w.size();
      // Up to four characters of 为 是 ： “ before the grade.
      for (int k = 0; k < 4 && i < s.size(); ++k) {
        const std::string g = grade_of(s.substr(i));
        if (!g.empty()) {
          // The grade must stand alone: after it (and 秀/好, a closing quote)
          // only punctuation, the end, or 等/级/档 — not "优化", "中国",
          // "“中”的2个项目" (other projects' grade).
          std::string_view rest = s.substr(i);
          for (std::string_view q : {"“", "\"", "「"}) {
            if (rest.starts_with(q)) rest.remove_prefix(q.size());
          }
          size_t j = 0;
          core::text::next_code_point(rest, j);
          std::string_view after = rest.substr(j);
          for (std::string_view t : {"秀", "好"}) {
            if (after.starts_with(t)) after.remove_prefix(t.size());
          }
          for (std::string_view q : {"”", "\"", "」"}) {
            if (after.starts_with(q)) after.remove_prefix(q.size());
          }
          bool alone = after.empty();
          for (std::string_view ok : {"。", "，", "；", "、", "）", ")", ",", ";", ".", " ", "！",
                                      "等级。", "等级，", "等次", "档", "级"}) {
            alone |= after.starts_with(ok);
          }
          if (after.starts_with("等级的")) alone = false;
          if (!alone) break;
          f_.text_grade.push_back({g, quote});
          return;
        }
        size_t j = i;
        const char32_t cp = core::text::next_code_point(s, j);
        if (cp != U'为' && cp != U'是' && cp != U'：' && cp != ':' && cp != U'“' && cp != '"' &&
            cp != ' ' && cp != U'「') {
          break;
        }
        i = j;
      }
    }
  }

  void named_amounts(std::string_view s, const std::string& quote) {
    for (const Number& n : numbers_in(s)) {
      if (n.unit != "万元") continue;
      std::string name = words_before(s, n.begin, 8);
      for (std::string_view tail : {"共计", "合计", "总计", "为", "共", "达"}) {
        if (name.ends_with(tail)) name.resize(name.size() - tail.size());
      }
      if (core::text::code_points(name) < 2) continue;
      named_.push_back({name, stated(n, quote)});
    }
  }

  const Stated* find_named(std::string_view name) const {
    for (const auto& [n, v] : named_) {
      if (n.ends_with(name)) return &v;
    }
    return nullptr;
  }

  // "全年预算数3,612.80万元，其中财政拨款3,412.80万元、其他资金200.00万元": a
  // whole and its parts in one sentence, when the parts are a known split
  // (funding sources; 人员经费 + 公用经费; 基本支出 + 项目支出), so that a
  // partial list ("其中人员经费200万元") is never taken for a whole one.
  void decomposition(std::string_view s, const std::string& quote) {
    const size_t at = s.find("其中");
    if (at == std::string_view::npos) return;
    Number whole;
    bool have_whole = false;
    for (const Number& n : numbers_in(s.substr(0, at))) {
      if (n.unit == "万元") {
        whole = n;
        have_whole = true;
      }
    }
    if (!have_whole) return;
    // The parts: amounts after 其中 up to the end of the sentence.
    std::vector<std::pair<std::string, Stated>> parts;
    const std::string_view rest = s.substr(at);
    for (const Number& n : numbers_in(rest)) {
      if (n.unit != "万元") continue;
      parts.emplace_back(words_before(rest, n.begin, 10), stated(n, quote));
    }
    if (parts.size() < 2) return;
    const auto is_any = [](const std::string& name, std::initializer_list<std::string_view> ws) {
      for (std::string_view w : ws) {
        if (name.ends_with(w)) return true;
      }
      return false;
    };
    bool sources = true, basic = true, spending = true;
    for (const auto& [name, v] : parts) {
      sources &= is_any(name, {"财政拨款", "财政资金", "其他资金", "上年结转资金", "上年结转",
                               "结转资金", "自筹资金", "单位自筹", "社会资金", "其它资金"});
      basic &= is_any(name, {"人员经费", "公用经费"});
      spending &= is_any(name, {"基本支出", "项目支出"});
    }
    if (!(sources || (basic && parts.size() == 2) || (spending && parts.size() == 2))) return;
    SumFact sum;
    sum.label = words_before(s, whole.begin, 10);
    if (sum.label.empty()) sum.label = "合计";
    sum.total = stated(whole, quote);
    sum.unit = "万元";
    sum.parts = std::move(parts);
    f_.sums.push_back(std::move(sum));
  }

  void sums_and_shares(std::string_view s, const std::string& quote) {
    decomposition(s, quote);
    // "…合计拟安排资金11559.274万元": the amounts before it in its sentence,
    // or in the sentence before when 合计 opens its own.
    for (std::string_view w : {"合计", "共计", "总计"}) {
      const size_t at = s.find(w);
      if (at == std::string_view::npos) continue;
      Number total;
      if (!money_after(s, at + w.size(), total, 8)) continue;
      std::string_view source = s.substr(0, at);
      std::string source_quote = quote;
      std::vector<Number> parts;
      for (const Number& n : numbers_in(source)) {
        if (n.unit == "万元") parts.push_back(n);
      }
      if (parts.empty() && core::text::trim(source).size() <= 3 * 4) {
        source = previous_sentence;
        for (const Number& n : numbers_in(source)) {
          if (n.unit == "万元") parts.push_back(n);
        }
        source_quote = std::string(previous_sentence) + std::string(s);
      }
      if (parts.size() < 2) continue;
      SumFact sum;
      sum.label = words_before(s, total.begin, 10);
      if (sum.label.empty()) sum.label = std::string(w);
      sum.total = stated(total, source_quote);
      sum.unit = "万元";
      for (const Number& p : parts) {
        sum.parts.emplace_back(words_before(source, p.begin, 10), stated(p, source_quote));
      }
      f_.sums.push_back(std::move(sum));
      break;
    }
    // "人员经费600万元，占基本支出的75%".
    for (size_t at = s.find("占"); at != std::string_view::npos; at = s.find("占", at + 3)) {
      Number part;
      bool have_part = false;
      for (const Number& n : numbers_in(s.substr(0, at))) {
        if (n.unit == "万元") {
          part = n;
          have_part = true;
        }
      }
      if (!have_part) continue;
      // "人员经费占基本支出的75%": the part is the one named right before 占.
      const std::string subject = words_before(s, at, 8);
      // The whole's name: up to 的, 比, 为 or a figure.
      std::string whole;
      size_t i = at + 3;
      while (i < s.size()) {
        size_t j = i;
        const char32_t cp = core::text::next_code_point(s, j);
        if (cp == U'的' || cp == U'比' || cp == U'为' || cp == U'，' || cp == U'。' ||
            (cp >= '0' && cp <= '9') || whole.size() > 30) {
          break;
        }
        whole.append(s.substr(i, j - i));
        i = j;
      }
      Number share;
      if (whole.empty() || !number_after(s, i, "%", 6, share)) continue;
      ShareFact fact{words_before(s, part.begin, 8), whole, stated(part, quote), Stated{},
                     stated(share, quote)};
      if (core::text::code_points(subject) >= 2) {
        fact.part_name = subject;
        fact.part = Stated{};
        fact.part.decimals = -1;  // looked up by name in finish()
        fact.part.quote = quote;
      }
      pending_shares_.push_back(std::move(fact));
    }
  }

  void targets(std::string_view s, const std::string& quote) {
    struct Op {
      std::string_view word;
      core::Op op;
    };
    static const Op kOps[] = {{"不少于", core::Op::ge}, {"不低于", core::Op::ge},
                              {"不超过", core::Op::le}, {"不高于", core::Op::le},
                              {"≥", core::Op::ge},      {"≤", core::Op::le}};
    bool any = false;
    for (const Op& op : kOps) {
      for (size_t at = s.find(op.word); at != std::string_view::npos;
           at = s.find(op.word, at + op.word.size())) {
        any = true;
        Number n;
        if (!number_after(s, at + op.word.size(), "", 1, n) || n.unit.empty()) continue;
        std::string noun = words_before(s, at, 16);
        if (core::text::code_points(noun) < 2) continue;
        f_.targets.push_back({noun, op.op, n.value, n.unit, std::string(s)});
      }
    }
    if (any || has(s, "目标") || has(s, "计划")) return;
    for (const Number& n : numbers_in(s)) {
      if (n.unit.empty() || n.unit == "万元" || n.unit == "%" || n.unit == "分" || n.unit == "年" ||
          n.unit == "月" || n.unit == "日") {
        continue;
      }
      std::string before = words_before(s, n.begin, 12);
      if (before.empty()) continue;
      f_.actuals.push_back({before, n.value, n.unit, quote});
    }
  }

  void claims(std::string_view s, const std::string& quote) {
    static constexpr std::string_view kClaims[] = {
        "达到计划产出", "超出计划产出", "达到了计划产出", "达到预期目标", "达到了预期目标",
        "全部完成",     "均已完成",     "均达到",         "全面完成",     "均已实现",
        "达到绩效目标", "完成了全部",   "全部达到",       "已全部完成",   "均完成"};
    for (std::string_view c : kClaims) {
      const size_t at = s.find(c);
      if (at == std::string_view::npos) continue;
      if (preceded_by_any(s, at, {"未", "没有", "不", "未能", "尚未", "基本"})) continue;
      if (has(s, "未达到") || has(s, "未完成") || has(s, "未全部")) continue;
      // Claims about timeliness, quality, cost or satisfaction say nothing of amounts.
      const std::string_view head = s.substr(0, at);
      if (has(head, "时效") || has(head, "质量") || has(head, "成本") || has(head, "满意") ||
          has(head, "进度") || has(head, "及时")) {
        continue;
      }
      f_.claims.push_back({quote});
      return;
    }
  }

  Facts& f_;
  bool list_may_follow_ = false;  // a total was just stated without its parts
  std::vector<std::pair<std::string, Stated>> named_;
  std::vector<ShareFact> pending_shares_;
};

void SentenceReader::finish() {
  // With no adjustment stated, the year's budget is the initial one.
  if (f_.budget.empty()) f_.budget = f_.initial_budget;
  for (ShareFact& share : pending_shares_) {
    if (share.part.decimals < 0) {
      const Stated* part = find_named(share.part_name);
      if (!part) continue;
      const std::string quote = share.part.quote;
      share.part = *part;
      share.part.quote = quote;
    }
    const Stated* whole = find_named(share.whole_name);
    if (!whole && (has(share.whole_name, "预算") || has(share.whole_name, "总额")) &&
        !f_.budget.empty()) {
      whole = &f_.budget.front();
    }
    if (!whole) continue;
    share.whole = *whole;
    f_.shares.push_back(share);
  }
  // 基本支出 = 人员经费 + 公用经费, wherever the three are stated, unless a
  // sentence already listed them.
  const Stated* basic = find_named("基本支出");
  const Stated* personnel = find_named("人员经费");
  const Stated* operating = find_named("公用经费");
  bool listed = false;
  for (const SumFact& s : f_.sums) listed |= s.label.ends_with("基本支出");
  if (basic && personnel && operating && !listed) {
    SumFact sum;
    sum.label = "基本支出";
    sum.total = *basic;
    sum.total.quote = personnel->quote;  // where the parts are
    sum.unit = "万元";
    sum.parts = {{"人员经费", *personnel}, {"公用经费", *operating}};
    f_.sums.push_back(std::move(sum));
  }
  // A project's carryover: budget − spending.
  if (f_.carryover && !f_.budget.empty() && !f_.executed.empty() && !f_.department) {
    SumFact sum;
    sum.label = "结转资金";
    sum.total = *f_.carryover;
    sum.unit = "万元";
    sum.difference = true;
    sum.parts = {{"预算资金", f_.budget.front()}, {"实际支出", f_.executed.front()}};
    f_.sums.push_back(std::move(sum));
  }
}

// A paragraph that opens with a category's heading and states its score:
// "（一）决策指标。该指标分值10分，评价得分7.18分"; or a heading paragraph
// followed by "该指标分值50分，评价得分45分，得分率90%。".
bool heading_category(std::string_view heading, std::string_view body, const std::string& quote,
                      Facts& f) {
  std::string name(strip_marker(heading));
  for (std::string_view tail : {"。", "情况", "：", ":"}) {
    if (name.ends_with(tail)) name.resize(name.size() - tail.size());
  }
  if (name.empty() || core::text::code_points(name) > 12) return false;
  if (!(starts(body, "该指标") || starts(body, "该项") || starts(body, "本指标"))) return false;
  CategoryFact c;
  c.name = name;
  c.quote = quote;
  Number n;
  for (std::string_view w : {"分值", "满分", "权重"}) {
    const size_t at = body.find(w);
    if (at != std::string_view::npos && number_after(body, at + w.size(), "分", 3, n)) {
      c.weight = stated(n, quote);
      break;
    }
  }
  for (std::string_view w : {"评价得分", "得分"}) {
    for (size_t at = body.find(w); at != std::string_view::npos; at = body.find(w, at + 1)) {
      if (followed_by_any(body, at + w.size(), {"率"})) continue;
      if (number_after(body, at + w.size(), "分", 3, n)) {
        c.score = stated(n, quote);
        break;
      }
    }
    if (c.score) break;
  }
  if (!c.score) return false;
  for (const CategoryFact& seen : f.text_categories) {
    if (category_core(seen.name) == category_core(c.name)) return true;  // stated before
  }
  for (size_t at = body.find("得分率"); at != std::string_view::npos; at = std::string_view::npos) {
    if (number_after(body, at + std::string_view("得分率").size(), "%", 3, n)) {
      c.rate = stated(n, quote);
    }
  }
  f.text_categories.push_back(std::move(c));
  return true;
}

bool looks_like_heading(std::string_view p) {
  p = core::text::trim(p);
  if (p.empty() || core::text::code_points(p) > 24) return false;
  if (has(p, "，")) return false;
  return !p.ends_with("。") || strip_marker(p) != p;
}

int year_of(std::string_view s) {
  for (const Number& n : numbers_in(s)) {
    if (n.unit == "年" && n.decimals == 0 && n.value >= 1990 && n.value <= 2100) {
      return static_cast<int>(n.value);
    }
  }
  return 0;
}

}  // namespace

std::string category_core(std::string_view name) {
  std::string s = office::squash(name);
  for (std::string_view head : {"项目", "部门"}) {
    if (starts(s, head) && s.size() > head.size()) s = s.substr(head.size());
  }
  for (std::string_view tail : {"情况", "指标", "方面"}) {
    if (s.ends_with(tail) && s.size() > tail.size()) s.resize(s.size() - tail.size());
  }
  return s;
}

int Facts::indicator_count() const {
  int n = 0;
  for (const IndicatorFact& i : indicators) {
    if (!i.category && (!i.target.empty() || !i.actual.empty())) ++n;
  }
  return n;
}

Facts extract_facts(const Document& doc) {
  Facts f;
  // The title: the first paragraphs up to the one naming the report.
  for (const Block& b : doc.blocks) {
    if (b.is_table) break;
    const std::string_view t = core::text::trim(b.text);
    if (t.empty()) {
      if (!f.title.empty()) break;
      continue;
    }
    if (t.size() > 200) break;
    f.title += t;
    if (has(t, "报告") || has(t, "自评表") || f.title.size() > 150) break;
  }
  // No title line: the project named in quotes at the start ("对“北京12345企业服务平台”项目…").
  for (size_t i = 0; f.title.empty() && i < doc.blocks.size() && i < 5; ++i) {
    const std::string& t = doc.blocks[i].text;
    const size_t open = t.find("“");
    const size_t close = open == std::string::npos ? open : t.find("”", open);
    if (close == std::string::npos) continue;
    const std::string name = t.substr(open + 3, close - open - 3);
    const size_t chars = core::text::code_points(name);
    if (chars >= 4 && chars <= 40) f.title = name;
  }
  std::string all;
  for (const Block& b : doc.blocks) {
    if (!b.is_table) all += b.text, all += '\n';
  }
  f.self_evaluation =
      has(f.title, "自评") || has(all, "自评打分") || has(all, "自评得分") || has(all, "自评总分");
  f.department = has(f.title, "部门整体") || has(all, "部门整体支出");

  SentenceReader reader(f);
  std::string project_title;  // from a 项目名称 row
  std::string heading;        // the last heading-like paragraph
  for (const Block& b : doc.blocks) {
    if (b.is_table) {
      for (const Piece& p : pieces(b)) {
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
            for (const Row& r : p.rows.rows) {
              const std::string q = row_text(r);
              reader.read(q, q);
              // The official table names its project in a field row.
              if (r.cells.size() >= 2 && project_title.empty()) {
                const std::string label = office::squash(r.cells[0]);
                if (label == "项目名称" || label == "部门（单位）名称" || label == "部门名称") {
                  project_title = std::string(core::text::trim(r.cells[1]));
                }
              }
            }
            break;
        }
      }
      continue;
    }
    std::string_view text = core::text::trim(b.text);
    // Bookmarks in text exported from Word: "[bookmark: _Toc169183181]".
    while (starts(text, "[bookmark:")) {
      const size_t close = text.find(']');
      if (close == std::string_view::npos) break;
      text = core::text::trim(text.substr(close + 1));
    }
    if (text.empty()) continue;
    const std::vector<std::string_view> parts = sentences(text);
    bool category = false;
    if (parts.size() >= 2 && looks_like_heading(parts[0])) {
      category = heading_category(parts[0], text.substr(parts[1].data() - text.data()),
                                  std::string(text), f);
    } else if (!heading.empty()) {
      category = heading_category(heading, text, std::string(text), f);
    }
    for (std::string_view s : parts) {
      if (!category) reader.read(s, std::string(s));
      reader.previous_sentence = std::string(s);
    }
    heading = looks_like_heading(text) ? std::string(text) : std::string();
  }
  reader.finish();
  if (!project_title.empty() && (f.title.empty() || has(f.title, "自评表"))) {
    f.title = project_title;
  }
  // The budget year: the title's, else the one the money is stated for.
  f.year = year_of(f.title);
  for (const std::vector<Stated>* money : {&f.budget, &f.executed, &f.initial_budget}) {
    if (f.year == 0 && !money->empty()) f.year = year_of(money->front().quote);
  }
  if (f.year == 0) f.year = year_of(all.substr(0, std::min<size_t>(all.size(), 4000)));
  // A 预算执行率 row of the indicator table is the budget row of its own when
  // the score table lists the execution apart, or, with no score table, when
  // the row names no category above it (report 002); otherwise it is a leaf
  // of the category it stands in (a 过程 indicator of the evaluation framework).
  bool score_table_execution = false;
  for (const CategoryFact& c : f.score_table) score_table_execution |= c.execution;
  for (auto it = f.indicators.begin(); it != f.indicators.end(); ++it) {
    if (!it->execution) continue;
    const bool budget_row =
        score_table_execution || (f.score_table.empty() && !it->explicit_parent);
    if (!budget_row) continue;
    IndicatorFact x = *it;
    x.path = {x.path.empty() ? std::string("预算执行率") : x.path.back()};
    f.execution_row = x;
    f.indicators.erase(it);
    break;
  }
  for (const IndicatorFact& i : f.indicators) {
    for (const std::string* v : {&i.target, &i.actual}) {
      if (core::parse_value(*v).kind == core::ValueKind::invalid) {
        f.unreadable.push_back({*v, i.quote});
      }
    }
  }
  if (f.execution_row) {
    for (const std::string* v : {&f.execution_row->target, &f.execution_row->actual}) {
      if (v->empty()) continue;
      if (core::parse_value(*v).kind == core::ValueKind::invalid) {
        f.unreadable.push_back({*v, f.execution_row->quote});
      } else if (v == &f.execution_row->actual) {
        // The execution rate the table states.
        const std::vector<Number> nums = numbers_in(*v);
        if (nums.size() == 1 && nums[0].unit == "%") {
          f.execution_rate.push_back(stated(nums[0], f.execution_row->quote));
        }
      }
    }
  }
  return f;
}

}  // namespace jixiao::audit
