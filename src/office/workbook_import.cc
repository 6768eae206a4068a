#include "office/workbook_import.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "core/decimal.h"
#include "core/engine.h"
#include "core/substring.h"
#include "core/text.h"
#include "core/units.h"
#include "core/value.h"
#include "format/file_bytes.h"
#include "office/table_layout.h"
#include "office/xlsx_reader.h"

namespace jixiao::office {

std::string SourceMap::qualify(const std::string& cell) const {
  if (cell.empty()) return {};
  return sheet + "!" + cell;
}

namespace {

using core::Evaluation;
using core::Indicator;

constexpr uint32_t kMaxScanColumns = 256;

using core::contains;

// A "(50分)" or "（50分）" at the end of a category name: the weight written in.
std::optional<double> split_written_weight(std::string& name) {
  std::string_view s = core::text::trim(name);
  size_t close_len = 0;
  if (s.size() >= 1 && s.back() == ')') close_len = 1;
  if (s.size() >= 3 && s.substr(s.size() - 3) == "）") close_len = 3;
  if (close_len == 0) return std::nullopt;
  size_t open = s.rfind('(');
  size_t open_len = 1;
  const size_t wide = s.rfind("（");
  if (wide != std::string_view::npos && (open == std::string_view::npos || wide > open)) {
    open = wide;
    open_len = 3;
  }
  if (open == std::string_view::npos || open == 0) return std::nullopt;
  std::string_view inside = s.substr(open + open_len, s.size() - close_len - open - open_len);
  inside = core::text::trim(inside);
  if (inside.size() >= 3 && inside.substr(inside.size() - 3) == "分") inside.remove_suffix(3);
  const core::Value v = core::parse_value(inside);
  if (v.kind != core::ValueKind::number || v.op != core::Op::none || !v.unit.empty() ||
      !v.label.empty()) {
    return std::nullopt;
  }
  name = std::string(core::text::trim(s.substr(0, open)));
  return v.number;
}

bool is_subtotal(std::string_view squashed) {
  return squashed == "小计" || squashed == "合计" || squashed == "小计得分";
}

// Rows holding these end the indicator block.
bool ends_indicator_block(std::string_view squashed) {
  if (auto f = field_for_label(squashed)) {
    return *f == Field::total || *f == Field::conclusion || *f == Field::overall_goal ||
           *f == Field::funds || *f == Field::expected;
  }
  if (funds_row_for_label(squashed) == FundsRow::total) return true;
  return contains(squashed, "填表人") || contains(squashed, "填报人") ||
         contains(squashed, "联系电话") || squashed.rfind("填表说明", 0) == 0 ||
         squashed.rfind("说明", 0) == 0 || squashed.rfind("注：", 0) == 0;
}

class SheetImporter {
 public:
  SheetImporter(const Sheet& sheet, std::string_view origin, ImportedEvaluation& out)
      : sheet_(sheet), origin_(origin), out_(out), e_(out.evaluation) {}

  // Reads the sheet. `found` is false when it holds no indicator block.
  Status run(bool& found) {
    squashed_.resize(sheet_.cells.size());
    for (size_t i = 0; i < sheet_.cells.size(); ++i) squashed_[i] = squash(sheet_.cells[i].text);
    for (size_t i = 0; i < sheet_.cells.size(); ++i) {
      if (i == 0 || sheet_.cells[i].row != sheet_.cells[i - 1].row) row_starts_.push_back(i);
    }
    found = find_indicator_header();
    if (!found) return Status();
    reset();
    Status s = find_funds();
    if (!s.ok()) return s;
    s = read_projects();
    if (!s.ok()) return s;
    s = read_fields();
    if (!s.ok()) return s;
    s = read_indicators();
    if (!s.ok()) return s;
    if (e_.title.empty()) {
      return fail_sheet(e_.scope == core::Scope::department_overall
                            ? "找不到部门（单位）名称（应有“部门（单位）名称”一栏）"
                            : "找不到项目名称（应有“项目名称”一栏）");
    }
    return Status();
  }

 private:
  // ---- cells -----------------------------------------------------------

  size_t index_of(const Cell* c) const { return static_cast<size_t>(c - sheet_.cells.data()); }

  // The squashed text at a position, merged ranges included.
  std::string_view text(uint32_t row, uint32_t col) const {
    const Cell* c = sheet_.value_at(row, col);
    return c == nullptr ? std::string_view() : std::string_view(squashed_[index_of(c)]);
  }
  // The cell's own text, "" for a merged continuation.
  std::string_view own_text(uint32_t row, uint32_t col) const {
    const Cell* c = sheet_.at(row, col);
    return c == nullptr ? std::string_view() : std::string_view(squashed_[index_of(c)]);
  }
  const Cell* cell(uint32_t row, uint32_t col) const { return sheet_.value_at(row, col); }

  std::string where(uint32_t row, uint32_t col) const {
    return sheet_.name + "!" + cell_name(row, col);
  }
  Status fail(uint32_t row, uint32_t col, const std::string& message) const {
    return Status::error(where(row, col) + "：" + message);
  }
  Status fail_sheet(const std::string& message) const {
    return Status::error("工作表「" + sheet_.name + "」：" + message);
  }

  // Columns holding a cell in rows [first, last], at most kMaxScanColumns.
  std::vector<uint32_t> columns_near(uint32_t first, uint32_t last) const {
    std::set<uint32_t> cols;
    for (size_t start : row_starts_) {
      const uint32_t r = sheet_.cells[start].row;
      if (r < first || r > last) continue;
      for (size_t i = start; i < sheet_.cells.size() && sheet_.cells[i].row == r; ++i) {
        cols.insert(sheet_.cells[i].col);
        if (cols.size() >= kMaxScanColumns) break;
      }
    }
    for (const MergedRange& m : sheet_.merged) {
      if (m.last_row < first || m.first_row > last) continue;
      cols.insert(m.first_col);
      if (cols.size() >= kMaxScanColumns) break;
    }
    return {cols.begin(), cols.end()};
  }

  std::vector<uint32_t> rows() const {
    std::vector<uint32_t> out;
    out.reserve(row_starts_.size());
    for (size_t start : row_starts_) out.push_back(sheet_.cells[start].row);
    return out;
  }

  bool row_blank(uint32_t row) const {
    for (uint32_t col : columns_near(row, row)) {
      if (!text(row, col).empty()) return false;
    }
    return true;
  }

  // The first non-empty cell right of `col` in `row` (past the merged range
  // `col` belongs to), within 64 columns.
  std::optional<uint32_t> right_of(uint32_t row, uint32_t col) const {
    uint32_t start = col + 1;
    if (const MergedRange* m = sheet_.merged_at(row, col)) start = m->last_col + 1;
    for (uint32_t c = start; c < std::min<uint32_t>(sheet_.cols, start + 64); ++c) {
      if (!text(row, c).empty() || (cell(row, c) && cell(row, c)->formula_without_value)) {
        return c;
      }
    }
    return std::nullopt;
  }

  // The display text of a cell, trimmed ("" when empty).
  std::string display(uint32_t row, uint32_t col) const {
    const Cell* c = cell(row, col);
    return c == nullptr ? std::string() : std::string(core::text::trim(c->text));
  }

  Status no_formula(uint32_t row, uint32_t col) const {
    const Cell* c = cell(row, col);
    if (c != nullptr && c->formula_without_value) {
      return fail(row, col,
                  "是公式，但文件中没有保存计算结果（请在 Excel 或 WPS 中打开并保存后再试）");
    }
    return Status();
  }

  Status text_value(uint32_t row, uint32_t col, std::string& out) const {
    Status s = no_formula(row, col);
    if (!s.ok()) return s;
    out = display(row, col);
    if (out.size() > format::kMaxTextBytes) return fail(row, col, "文本过长（超过 256 KiB）");
    return Status();
  }

  // A number: a numeric cell, or text holding one ("15分", "1,234.5").
  // Empty, "/" and "-" are absent. `unit`, if asked, receives the unit of money
  // the text is in (core::money_unit: "元" for "480万元" and "100万").
  Status number(uint32_t row, uint32_t col, std::string_view what, std::optional<core::Figure>& out,
                std::string* unit = nullptr) const {
    out.reset();
    Status s = no_formula(row, col);
    if (!s.ok()) return s;
    const Cell* c = cell(row, col);
    if (c == nullptr) return Status();
    if (c->type == CellType::number && !c->percent) {
      if (!(std::fabs(c->number) <= core::kLargestNumber)) {
        return fail(row, col, std::string(what) + core::kLargestNumberText);
      }
      out = core::Figure{c->number, core::decimals_of(c->text)};
      return Status();
    }
    const std::string written(core::text::trim(c->text));
    core::Value v = core::parse_value(written);
    if (v.kind == core::ValueKind::empty || v.kind == core::ValueKind::not_applicable) {
      return Status();
    }
    const bool plain = v.kind == core::ValueKind::number && v.op == core::Op::none &&
                       v.label.empty() && !c->percent;
    if (!plain || (unit == nullptr && !v.unit.empty() && v.unit != "分")) {
      return fail(row, col, std::string(what) + "应为数字，实际为「" + written + "」");
    }
    if (!(std::fabs(v.number) <= core::kLargestNumber)) {
      return fail(row, col, std::string(what) + core::kLargestNumberText);
    }
    if (unit != nullptr) *unit = core::money_unit(v);
    out = core::Figure{v.number, v.decimals};
    return Status();
  }

  // A stated score (number()), or "满分": the weight, which the row or block
  // must give.
  Status score(uint32_t row, uint32_t col, std::optional<double> weight,
               std::optional<core::Figure>& out) const {
    if (const Cell* c = cell(row, col);
        c != nullptr && c->type != CellType::number && core::says_full_marks(c->text)) {
      Status s = no_formula(row, col);
      if (!s.ok()) return s;
      out = core::full_marks(weight);
      if (!out) return fail(row, col, std::string("得分") + core::kFullMarksWithoutWeight);
      return Status();
    }
    return number(row, col, "得分", out);
  }

  Status plain_number(uint32_t row, uint32_t col, std::string_view what,
                      std::optional<double>& out) const {
    std::optional<core::Figure> f;
    Status s = number(row, col, what, f);
    out = f ? std::optional<double>(f->value) : std::nullopt;
    return s;
  }

  // Money in 万元: numbers in the block's unit, or text with its own unit.
  Status amount(uint32_t row, uint32_t col, std::string_view what, std::string_view block_unit,
                std::optional<double>& out) const {
    std::optional<core::Figure> f;
    std::string unit;
    Status s = number(row, col, what, f, &unit);
    out.reset();
    if (!s.ok() || !f) return s;
    double wan = 0;
    if (!unit.empty()) {
      // parse_value has already turned 万元 and 亿元 into 元.
      if (unit != "元") return fail(row, col, std::string(what) + "的单位应为元、万元或亿元");
      wan = f->value / 1e4;
    } else if (!core::to_wan_yuan(f->value, block_unit, wan)) {
      return fail(row, col, std::string(what) + "的单位应为元、万元或亿元");
    }
    out = wan;
    return Status();
  }

  // ---- the indicator header ----------------------------------------------

  bool find_indicator_header() {
    for (uint32_t r : rows()) {
      std::map<uint32_t, Column> found;
      bool level = false, value = false;
      for (uint32_t col : columns_near(r, r)) {
        auto c = column_for_header(text(r, col));
        if (!c) continue;
        found[col] = *c;
        level |= *c == Column::level2 || *c == Column::level3;
        value |= *c == Column::weight || *c == Column::target || *c == Column::actual ||
                 *c == Column::score;
      }
      if (!level || !value) continue;
      header_row_ = r;
      header_end_ = r;
      // A second header row under merged group headers ("指标值" over 年度指标值).
      std::map<uint32_t, Column> below;
      bool numbers_below = false;
      for (uint32_t col : columns_near(r + 1, r + 1)) {
        const Cell* c = sheet_.at(r + 1, col);
        if (c == nullptr) continue;
        if (c->type == CellType::number) numbers_below = true;
        if (auto bc = column_for_header(squashed_[index_of(c)])) below[col] = *bc;
      }
      if (!below.empty() && !numbers_below) {
        for (const auto& [col, c] : below) found[col] = c;
        header_end_ = r + 1;
      }
      for (const auto& [col, c] : found) {
        if (c == Column::expert) {
          experts_.push_back(
              {col, expert_from_header(text(header_end_, col).empty() ? text(r, col)
                                                                      : text(header_end_, col))});
        } else if (c == Column::panel_mean) {
          continue;
        } else if (cols_[static_cast<size_t>(c)] < 0) {
          cols_[static_cast<size_t>(c)] = static_cast<long>(col);
        }
      }
      for (int k = 0; k < kLevelColumns; ++k) {
        const long col = cols_[static_cast<size_t>(Column::level1) + static_cast<size_t>(k)];
        if (col >= 0) levels_.push_back(static_cast<uint32_t>(col));
      }
      std::sort(levels_.begin(), levels_.end());
      return true;
    }
    return false;
  }

  long col(Column c) const { return cols_[static_cast<size_t>(c)]; }

  void reset() {
    e_ = Evaluation();
    out_.text = TableText();
    SourceMap& m = out_.source;
    m = SourceMap();
    m.sheet = sheet_.name;
    m.weight_col = static_cast<int>(col(Column::weight));
    m.target_col = static_cast<int>(col(Column::target));
    m.actual_col = static_cast<int>(col(Column::actual));
    m.score_col = static_cast<int>(col(Column::score));
    m.note_col = static_cast<int>(col(Column::note));
    m.expert_col = experts_.empty() ? -1 : static_cast<int>(experts_.front().col);
    for (const auto& ex : experts_) e_.experts.push_back(ex.name);
  }

  // ---- the funds block -----------------------------------------------------

  Status find_funds() {
    for (uint32_t r : rows()) {
      std::map<FundsColumn, uint32_t> found;
      int money = 0;
      // A header row holds no figures (a label/value block like 年初预算数 | 3200 is not one).
      bool figures = false;
      for (uint32_t c : columns_near(r, r)) {
        const Cell* own = sheet_.at(r, c);
        figures |= own != nullptr && own->type == CellType::number;
      }
      if (figures) continue;
      for (uint32_t c : columns_near(r, r)) {
        auto fc = funds_column_for_header(text(r, c));
        if (!fc || found.count(*fc)) continue;
        found[*fc] = c;
        money += *fc == FundsColumn::initial || *fc == FundsColumn::adjusted ||
                 *fc == FundsColumn::executed;
      }
      if (money < 2 && !(money == 1 && found.count(FundsColumn::rate))) continue;
      // A funds header has funds rows (年度资金总额, 财政拨款, ...) under it.
      bool rows_below = false;
      for (uint32_t b = r + 1; b < r + 4 && !rows_below; ++b) {
        for (uint32_t c : columns_near(b, b)) {
          if (funds_row_for_label(own_text(b, c))) rows_below = true;
        }
      }
      if (!rows_below) continue;
      funds_row_ = r;
      return read_funds(r, found);
    }
    return Status();
  }

  std::string funds_unit(uint32_t header) const {
    std::string unit = "万元";
    bool seen_yuan = false;
    for (uint32_t r = header >= 2 ? header - 2 : 0; r <= header; ++r) {
      for (uint32_t c : columns_near(r, r)) {
        const std::string_view t = text(r, c);
        if (contains(t, "万元")) return "万元";
        if (contains(t, "亿元")) unit = "亿元";
        if (contains(t, "(元)") || contains(t, "单位:元") || contains(t, "单位：元")) {
          seen_yuan = true;
        }
      }
    }
    return seen_yuan ? "元" : unit;
  }

  Status read_funds(uint32_t header, const std::map<FundsColumn, uint32_t>& cols) {
    const std::string unit = funds_unit(header);
    core::Budget& b = e_.budget.emplace();
    b.name = "预算执行率";
    bool total_seen = false;
    funds_last_ = header;
    auto at = [&](FundsColumn c) -> std::optional<uint32_t> {
      auto it = cols.find(c);
      return it == cols.end() ? std::nullopt : std::optional<uint32_t>(it->second);
    };
    std::optional<double> sum_initial, sum_adjusted, sum_executed;
    for (uint32_t r = header + 1; r < std::min(sheet_.rows, header + 10); ++r) {
      std::optional<FundsRow> kind;
      for (uint32_t c : columns_near(r, r)) {
        if (std::any_of(cols.begin(), cols.end(), [&](const auto& p) { return p.second == c; })) {
          continue;
        }
        if ((kind = funds_row_for_label(own_text(r, c).empty() ? text(r, c) : own_text(r, c)))) {
          break;
        }
      }
      if (!kind) {
        if (row_blank(r)) continue;
        break;
      }
      funds_last_ = r;
      std::optional<double> initial, adjusted, executed;
      const std::string label(funds_row_title(*kind));
      for (auto [fc, target, what] : {std::tuple{FundsColumn::initial, &initial, "年初预算数"},
                                      std::tuple{FundsColumn::adjusted, &adjusted, "全年预算数"},
                                      std::tuple{FundsColumn::executed, &executed, "全年执行数"}}) {
        if (auto c = at(fc)) {
          Status s = amount(r, *c, what, unit, *target);
          if (!s.ok()) return s;
        }
      }
      if (*kind == FundsRow::total) {
        total_seen = true;
        b.initial = initial;
        b.adjusted = adjusted;
        b.executed = executed;
        if (auto c = at(FundsColumn::executed)) out_.source.budget_executed_cell = cell_name(r, *c);
        if (auto c = at(FundsColumn::weight)) {
          Status s = plain_number(r, *c, "分值", b.weight);
          if (!s.ok()) return s;
        }
        if (auto c = at(FundsColumn::score)) {
          Status s = score(r, *c, b.weight, b.stated_score);
          if (!s.ok()) return s;
          out_.source.budget_score_cell = cell_name(r, *c);
        }
        if (auto c = at(FundsColumn::rate)) {
          Status s = rate_text(r, *c, b.stated_rate);
          if (!s.ok()) return s;
          out_.source.budget_rate_cell = cell_name(r, *c);
        }
      } else {
        core::FundingLine& line = b.sources.emplace_back();
        line.source = *kind == FundsRow::fiscal         ? core::FundingSource::fiscal
                      : *kind == FundsRow::carried_over ? core::FundingSource::carried_over
                                                        : core::FundingSource::other;
        line.initial = initial;
        line.adjusted = adjusted;
        line.executed = executed;
        auto add = [](std::optional<double>& sum, const std::optional<double>& v) {
          if (v) sum = sum.value_or(0) + *v;
        };
        add(sum_initial, initial);
        add(sum_adjusted, adjusted);
        add(sum_executed, executed);
      }
    }
    if (!total_seen) {
      b.initial = sum_initial;
      b.adjusted = sum_adjusted;
      b.executed = sum_executed;
    }
    return Status();
  }

  // 执行率 as written: a percentage cell shows "50%"; a bare ratio 0.5 or a
  // bare 50 are read as the percentage they mean.
  Status rate_text(uint32_t row, uint32_t col, std::string& out) const {
    Status s = no_formula(row, col);
    if (!s.ok()) return s;
    const Cell* c = cell(row, col);
    out.clear();
    if (c == nullptr) return Status();
    if (c->type == CellType::number && !c->percent) {
      out = c->number <= 1.5 ? core::format_percent(c->number, 4) : c->text + "%";
    } else {
      out = std::string(core::text::trim(c->text));
    }
    return Status();
  }

  bool in_funds(uint32_t row) const {
    return funds_row_ >= 0 && row >= static_cast<uint32_t>(funds_row_) && row <= funds_last_;
  }

  // ---- a department's project results ---------------------------------------

  Status read_projects() {
    for (uint32_t r : rows()) {
      std::optional<uint32_t> title_col, total_col, grade_col;
      for (uint32_t c : columns_near(r, r)) {
        const std::string_view t = strip_note(own_text(r, c));
        if (t == "项目名称") title_col = c;
        if (t == "总分" || t == "得分" || t == "自评得分" || t == "评价得分") total_col = c;
        if (t == "评价等级" || t == "等级") grade_col = c;
      }
      if (!title_col || !(total_col || grade_col) || r == header_row_) continue;
      projects_row_ = r;
      projects_last_ = r;
      core::DepartmentData& d = e_.department ? *e_.department : e_.department.emplace();
      for (uint32_t pr = r + 1; pr < sheet_.rows; ++pr) {
        const std::string name = display(pr, *title_col);
        if (name.empty()) break;
        projects_last_ = pr;
        auto& p = d.projects.emplace_back();
        p.title = name;
        if (total_col) {
          Status s = plain_number(pr, *total_col, "总分", p.total);
          if (!s.ok()) return s;
        }
        if (grade_col) {
          Status s = text_value(pr, *grade_col, p.grade);
          if (!s.ok()) return s;
        }
      }
      return Status();
    }
    return Status();
  }

  bool in_projects(uint32_t row) const {
    return projects_row_ >= 0 && row >= static_cast<uint32_t>(projects_row_) &&
           row <= projects_last_;
  }

  // ---- single fields, the overall goal, the department data -----------------

  Status read_fields() {
    std::string title, department, unit, department_name, kind, year_text;
    bool department_title = false;
    for (size_t i = 0; i < sheet_.cells.size(); ++i) {
      const Cell& c = sheet_.cells[i];
      const std::string_view t = squashed_[i];
      if (t.empty() || in_funds(c.row) || in_projects(c.row)) continue;
      if (c.row >= header_row_ && c.row <= header_end_) continue;
      // The title row: "2023年度项目支出绩效自评表".
      const bool year_line = contains(t, "年度") && t.size() < 40 && !field_for_label(t);
      if ((contains(t, "自评表") || contains(t, "评价表") || contains(t, "申报表") ||
           contains(t, "评分表") || contains(t, "汇总表") || year_line) &&
          c.row < header_row_) {
        department_title |= contains(t, "部门整体");
        if (year_text.empty() || year_line) year_text = t;
        continue;
      }
      if (const DepartmentField* df = department_field_for_label(t)) {
        // Label/value pairs sit side by side: the value is the next cell.
        const MergedRange* lm = sheet_.merged_at(c.row, c.col);
        const uint32_t next = lm ? lm->last_col + 1 : c.col + 1;
        if (!text(c.row, next).empty() ||
            (cell(c.row, next) && cell(c.row, next)->formula_without_value)) {
          const std::optional<uint32_t> vc = next;
          core::DepartmentData& d = e_.department ? *e_.department : e_.department.emplace();
          if (df->money) {
            std::optional<double> v;
            Status s = amount(c.row, *vc, df->label, contains(t, "(元)") ? "元" : "万元", v);
            if (!s.ok()) return s;
            d.*(df->member) = v;
          } else {
            Status s = plain_number(c.row, *vc, df->label, d.*(df->member));
            if (!s.ok()) return s;
          }
        }
        continue;
      }
      auto f = field_for_label(t);
      if (!f) continue;
      // Totals and conclusions belong below the indicator header.
      if ((*f == Field::total || *f == Field::conclusion) && c.row < header_row_) continue;
      Status s = field(*f, c, title, department, unit, department_name, kind, year_text);
      if (!s.ok()) return s;
    }
    const bool department_scope = department_title || e_.department.has_value() ||
                                  (!department_name.empty() && title.empty());
    if (department_scope) {
      e_.scope = core::Scope::department_overall;
      e_.title = !title.empty() ? title : department_name;
      e_.unit = !department_name.empty() ? department_name : unit;
      if (!e_.department) e_.department.emplace();
    } else {
      e_.title = title;
      e_.unit = !unit.empty() ? unit : (!department.empty() ? department : department_name);
      if (!unit.empty()) out_.text.department = department;
    }
    if (!kind.empty()) {
      auto k = core::evaluation_kind_from_text(kind);
      if (!k)
        return fail_sheet("评价类型应为单位自评、部门评价、财政评价或第三方评价，实际为「" + kind +
                          "」");
      e_.kind = *k;
    }
    // The year: the 年度 field, else the title row, else the project name.
    for (const std::string& source : {year_text, e_.title}) {
      if (e_.year != 0) break;
      const std::string s = core::text::normalize(source);
      for (size_t i = 0; i + 4 <= s.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i])) ||
            (i > 0 && std::isdigit(static_cast<unsigned char>(s[i - 1]))))
          continue;
        if (i + 4 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 4]))) continue;
        const int y = std::stoi(s.substr(i, 4));
        if (y >= 1900 && y <= 2200) {
          e_.year = y;
          break;
        }
      }
    }
    return Status();
  }

  Status field(Field f, const Cell& c, std::string& title, std::string& department,
               std::string& unit, std::string& department_name, std::string& kind,
               std::string& year_text) {
    const std::optional<uint32_t> vc = right_of(c.row, c.col);
    switch (f) {
      case Field::title:
        return vc ? text_value(c.row, *vc, title) : Status();
      case Field::department:
        return vc ? text_value(c.row, *vc, department) : Status();
      case Field::unit:
        return vc ? text_value(c.row, *vc, unit) : Status();
      case Field::department_name:
        return vc ? text_value(c.row, *vc, department_name) : Status();
      case Field::kind:
        return vc ? text_value(c.row, *vc, kind) : Status();
      case Field::rule_set:
        return vc ? text_value(c.row, *vc, e_.rule_set) : Status();
      case Field::year: {
        if (!vc) return Status();
        std::string y;
        Status s = text_value(c.row, *vc, y);
        if (!s.ok()) return s;
        if (!y.empty()) year_text = y;
        const std::string n = core::text::normalize(y);
        const core::Value v = core::parse_value(n);
        if (v.kind == core::ValueKind::number && v.number >= 1900 && v.number <= 2200) {
          e_.year = static_cast<int>(v.number);
        } else if (v.kind == core::ValueKind::date && v.date.year >= 1900 && v.date.year <= 2200) {
          e_.year = v.date.year;
        } else if (!y.empty() && y.find("年") == std::string::npos) {
          return fail(c.row, *vc, "年度应为年份（如 2024），实际为「" + y + "」");
        }
        return Status();
      }
      case Field::overall_goal:
        // The goal text sits right of the label unless 预期目标 heads its own
        // column (then that header's text wins, read when it is reached).
        if (vc && !field_for_label(text(c.row, *vc)) && e_.overall_goal.empty()) {
          return text_value(c.row, *vc, e_.overall_goal);
        }
        return Status();
      case Field::expected:
      case Field::achieved: {
        // The text is below the header, or right of it.
        std::optional<uint32_t> below_row;
        const MergedRange* m = sheet_.merged_at(c.row, c.col);
        const uint32_t next = m ? m->last_row + 1 : c.row + 1;
        if (next < sheet_.rows && !text(next, c.col).empty()) below_row = next;
        std::string& target = f == Field::expected ? e_.overall_goal : out_.text.overall_result;
        if (below_row) return text_value(*below_row, c.col, target);
        return vc ? text_value(c.row, *vc, target) : Status();
      }
      case Field::total: {
        if (c.row <= header_end_) return Status();
        const long sc = col(Column::score);
        std::optional<uint32_t> at;
        if (sc >= 0 && static_cast<uint32_t>(sc) > c.col) {
          // The 得分 column holds the total; 分值 100 beside it is not one.
          if (!text(c.row, static_cast<uint32_t>(sc)).empty()) at = static_cast<uint32_t>(sc);
        } else {
          // No 得分 column: the last figure of the row, but not the 分值 sum.
          for (uint32_t cc : columns_near(c.row, c.row)) {
            if (cc > c.col && static_cast<long>(cc) != col(Column::weight) &&
                !text(c.row, cc).empty()) {
              at = cc;
            }
          }
        }
        if (!at) return Status();
        out_.source.total_cell = cell_name(c.row, *at);
        return number(c.row, *at, "总分", e_.stated_total);
      }
      case Field::conclusion: {
        if (!vc) return Status();
        std::string t;
        Status s = text_value(c.row, *vc, t);
        if (!s.ok()) return s;
        out_.source.grade_cell = cell_name(c.row, *vc);
        const std::string g = squash(t);
        static const std::pair<std::string_view, std::string_view> kGrades[] = {
            {"优", "优"},   {"优秀", "优"}, {"良", "良"}, {"良好", "良"}, {"中", "中"},
            {"中等", "中"}, {"一般", "中"}, {"差", "差"}, {"较差", "差"}};
        for (const auto& [word, grade] : kGrades) {
          if (g == word) {
            e_.stated_grade = std::string(grade);
            return Status();
          }
        }
        out_.text.conclusion = t;
        return Status();
      }
      case Field::funds:
        return Status();
    }
    return Status();
  }

  // ---- the indicator block ------------------------------------------------

  struct Node {
    Indicator data;
    int parent = -1;
    std::vector<int> children;
    long row = -1;
    int name_col = -1;
    bool leaf = false;
  };

  int child_named(int parent, const std::string& name) {
    const std::vector<int>& siblings = parent < 0 ? roots_ : nodes_[parent].children;
    for (int i : siblings) {
      if (nodes_[i].data.name == name && !nodes_[i].leaf) return i;
    }
    return -1;
  }

  int add_node(int parent, const std::string& name, uint32_t row, uint32_t name_col, bool leaf) {
    if (nodes_.size() >= format::kMaxIndicators) return -1;
    const int index = static_cast<int>(nodes_.size());
    Node& n = nodes_.emplace_back();
    n.data.name = name;
    n.parent = parent;
    n.row = row;
    n.name_col = static_cast<int>(name_col);
    n.leaf = leaf;
    (parent < 0 ? roots_ : nodes_[parent].children).push_back(index);
    return index;
  }

  // The budget-execution row some tables put among the indicators
  // ("执行率得分" under the last category, report 002).
  bool is_execution_row(const std::vector<std::string>& path, bool own_level1) const {
    if (e_.scope == core::Scope::department_overall) return false;
    const std::string leaf = squash(path.back());
    if (!contains(leaf, "执行率")) return false;
    const std::string first = squash(path.front());
    return !own_level1 || path.size() == 1 || contains(first, "预算") || contains(first, "资金") ||
           contains(first, "执行率");
  }

  Status read_indicators() {
    std::vector<std::string> carried(levels_.size());
    std::vector<uint32_t> carried_cols(levels_.size());
    for (uint32_t r : rows()) {
      if (r <= header_end_ || in_funds(r) || in_projects(r)) continue;
      // A footer or another block ends the indicators.
      // Left of the values any block word counts; among them only the
      // total and the conclusion labels do (a note may start with 说明).
      bool end = false;
      for (uint32_t c : columns_near(r, r)) {
        const std::string_view t = own_text(r, c);
        if (t.empty()) continue;
        if (c <= levels_.back()
                ? ends_indicator_block(t)
                : (field_for_label(t) == Field::total || field_for_label(t) == Field::conclusion)) {
          end = true;
          break;
        }
      }
      if (end) break;
      // Names by level; the deepest one written in this row is the row's node.
      int deepest = -1;
      std::vector<std::string> names(levels_.size());
      for (size_t k = 0; k < levels_.size(); ++k) {
        const uint32_t c = levels_[k];
        const MergedRange* m = sheet_.merged_at(r, c);
        const bool continuation = m != nullptr && m->first_row != r;
        const Cell* own = sheet_.at(r, c);
        if (own != nullptr && !continuation && !squashed_[index_of(own)].empty()) {
          deepest = static_cast<int>(k);
          names[k] = std::string(core::text::trim(own->text));
          // A new name here starts new categories below it.
          for (size_t j = k + 1; j < levels_.size(); ++j) carried[j].clear();
        } else if (continuation) {
          names[k] = display(r, c);
        } else {
          names[k] = carried[k];
        }
      }
      const bool has_values =
          std::any_of(std::begin(kValueColumns), std::end(kValueColumns), [&](Column vc) {
            const long c = col(vc);
            return c >= 0 && (!text(r, static_cast<uint32_t>(c)).empty() ||
                              (cell(r, static_cast<uint32_t>(c)) &&
                               cell(r, static_cast<uint32_t>(c))->formula_without_value));
          });
      if (deepest < 0) {
        if (has_values) {
          return fail(r, levels_.empty() ? 0 : levels_.back(), "这一行有数值，但缺少指标名称");
        }
        continue;
      }
      for (size_t k = 0; k < levels_.size(); ++k) {
        carried[k] = names[k];
        carried_cols[k] = levels_[k];
      }
      // The path: written names from level 1 down to the deepest (empty
      // intermediate levels are skipped, as in tables without 二级指标).
      std::vector<std::string> path;
      std::vector<uint32_t> path_cols;
      for (int k = 0; k <= deepest; ++k) {
        if (names[k].empty()) continue;
        path.push_back(names[k]);
        path_cols.push_back(levels_[k]);
      }
      bool subtotal = is_subtotal(squash(path.back()));
      if (subtotal) {
        path.pop_back();
        path_cols.pop_back();
        if (path.empty()) continue;
      }
      const Cell* level1_cell = sheet_.at(r, levels_.front());
      const bool own_level1 = level1_cell != nullptr && !squashed_[index_of(level1_cell)].empty();
      if (!subtotal && is_execution_row(path, own_level1)) {
        Status s = execution_row(r);
        if (!s.ok()) return s;
        continue;
      }
      // Categories along the path; written weights come off their names.
      const bool category_row = subtotal || (!has_target_or_actual(r) &&
                                             static_cast<size_t>(deepest) + 1 < levels_.size() &&
                                             path.size() < levels_.size());
      // A category row with nothing in it (a template's unused heading) adds
      // nothing: the categories a leaf needs are made by the leaf's row.
      if (category_row && !has_values) continue;
      const size_t categories = category_row ? path.size() : path.size() - 1;
      int parent = -1;
      for (size_t k = 0; k < categories; ++k) {
        std::string name = path[k];
        const std::optional<double> written = split_written_weight(name);
        int index = child_named(parent, name);
        if (index < 0) {
          index = add_node(parent, name, r, path_cols[k], false);
          if (index < 0) return fail(r, path_cols[k], "指标超过 10000 个");
        }
        if (written) nodes_[index].data.weight = written;
        parent = index;
      }
      if (parent >= 0 && depth(parent) >= format::kMaxLevels) {
        return fail(r, path_cols.back(), "指标层级超过 8 级");
      }
      if (category_row) {
        Status s = row_values(r, nodes_[parent].data, /*category=*/true);
        if (!s.ok()) return s;
        continue;
      }
      std::string name = path.back();
      const int leaf = add_node(parent, name, r, path_cols.back(), true);
      if (leaf < 0) return fail(r, path_cols.back(), "指标超过 10000 个");
      if (depth(leaf) > format::kMaxLevels) return fail(r, path_cols.back(), "指标层级超过 8 级");
      Status s = row_values(r, nodes_[leaf].data, /*category=*/false);
      if (!s.ok()) return s;
    }
    flatten();
    return Status();
  }

  int depth(int index) const {
    int d = 0;
    for (int i = index; i >= 0; i = nodes_[i].parent) ++d;
    return d;
  }

  bool has_target_or_actual(uint32_t r) const {
    for (Column c : {Column::target, Column::actual}) {
      const long cc = col(c);
      if (cc >= 0 && !text(r, static_cast<uint32_t>(cc)).empty()) return true;
    }
    return false;
  }

  Status execution_row(uint32_t r) {
    core::Budget& b = e_.budget ? *e_.budget : e_.budget.emplace();
    if (b.name.empty()) b.name = "预算执行率";
    if (const long c = col(Column::weight); c >= 0 && !b.weight) {
      Status s = plain_number(r, static_cast<uint32_t>(c), "分值", b.weight);
      if (!s.ok()) return s;
    }
    if (const long c = col(Column::score); c >= 0 && !b.stated_score) {
      Status s = score(r, static_cast<uint32_t>(c), b.weight, b.stated_score);
      if (!s.ok()) return s;
      out_.source.budget_score_cell = cell_name(r, static_cast<uint32_t>(c));
    }
    if (const long c = col(Column::target); c >= 0 && b.target_rate.empty()) {
      Status s = rate_text(r, static_cast<uint32_t>(c), b.target_rate);
      if (!s.ok()) return s;
    }
    if (const long c = col(Column::actual); c >= 0 && b.stated_rate.empty()) {
      Status s = rate_text(r, static_cast<uint32_t>(c), b.stated_rate);
      if (!s.ok()) return s;
      out_.source.budget_rate_cell = cell_name(r, static_cast<uint32_t>(c));
    }
    return Status();
  }

  Status row_values(uint32_t r, Indicator& n, bool category) {
    auto at = [&](Column c) -> std::optional<uint32_t> {
      const long cc = col(c);
      return cc < 0 ? std::nullopt : std::optional<uint32_t>(static_cast<uint32_t>(cc));
    };
    if (auto c = at(Column::weight)) {
      std::optional<double> w;
      Status s = plain_number(r, *c, "分值", w);
      if (!s.ok()) return s;
      if (w && *w < 0) return fail(r, *c, "分值不能为负数");
      if (w) n.weight = w;
    }
    if (auto c = at(Column::score)) {
      std::optional<core::Figure> f;
      Status s = score(r, *c, n.weight, f);
      if (!s.ok()) return s;
      if (f) n.stated_score = f;
    }
    if (category) return Status();
    for (auto [column, out] :
         {std::pair{Column::target, &n.target_text}, std::pair{Column::actual, &n.actual_text},
          std::pair{Column::note, &n.note},
          std::pair{Column::deduction_reason, &n.deduction_reason}}) {
      if (auto c = at(column)) {
        Status s = text_value(r, *c, *out);
        if (!s.ok()) return s;
      }
    }
    // Goal tables may split the target: 指标性质 | 指标值 | 度量单位.
    if (auto oc = at(Column::op)) {
      std::string op, unit;
      Status s = text_value(r, *oc, op);
      if (s.ok() && at(Column::measure_unit)) s = text_value(r, *at(Column::measure_unit), unit);
      if (!s.ok()) return s;
      if (op == "定性") op.clear();
      if (!n.target_text.empty()) n.target_text = op + n.target_text + unit;
    }
    if (auto c = at(Column::checked_score)) {
      Status s = plain_number(r, *c, "核查分", n.checked_score);
      if (!s.ok()) return s;
    }
    if (auto c = at(Column::per_point)) {
      std::optional<double> p;
      Status s = plain_number(r, *c, "每点扣分", p);
      if (!s.ok()) return s;
      n.per_point = p.value_or(0);
    }
    if (auto c = at(Column::kind)) {
      const std::string k = squash(display(r, *c));
      if (!k.empty()) {
        auto kind = scoring_kind_for(k);
        if (!kind) {
          return fail(r, *c,
                      "不是可用的计分方式「" + display(r, *c) + "」（可用：" +
                          core::settable_scoring_kinds_text() + "）");
        }
        n.kind = *kind;
      }
    }
    if (auto c = at(Column::figure)) {
      const std::string f = squash(display(r, *c));
      if (!f.empty()) {
        const std::string_view code = figure_code_for(f);
        if (code.empty()) return fail(r, *c, "不是已知的部门整体指标「" + display(r, *c) + "」");
        n.figure = std::string(code);
      }
    }
    if (auto c = at(Column::not_applicable)) {
      const std::string t = squash(display(r, *c));
      n.not_applicable = t == "是" || t == "不适用" || t == "TRUE" || t == "√" || t == "Y";
    }
    size_t filled = 0;
    for (const auto& ex : experts_) filled += !text(r, ex.col).empty();
    if (filled > 0) {
      for (const auto& ex : experts_) {
        // "/" or "回避": the expert recused from this indicator.
        const std::string t = squash(display(r, ex.col));
        if (t == "/" || t == "回避") {
          n.expert_scores.emplace_back();
          continue;
        }
        std::optional<double> v;
        Status s = plain_number(r, ex.col, "专家评分", v);
        if (!s.ok()) return s;
        if (!v) return fail(r, ex.col, "缺少专家「" + ex.name + "」的评分（回避的请填写 /）");
        n.expert_scores.push_back(*v);
      }
    }
    core::parse_target_into(n.target_text, n.target);
    core::parse_value_into(n.actual_text, n.actual);
    return Status();
  }

  void flatten() {
    e_.indicators.clear();
    out_.source.rows.clear();
    out_.source.name_cols.clear();
    std::vector<std::pair<int, int>> stack;  // node, parent index in e_
    for (auto it = roots_.rbegin(); it != roots_.rend(); ++it) stack.push_back({*it, -1});
    while (!stack.empty()) {
      auto [node, parent] = stack.back();
      stack.pop_back();
      Node& n = nodes_[node];
      const int index = e_.add_indicator(std::move(n.data), parent);
      out_.source.rows.push_back(n.row);
      out_.source.name_cols.push_back(n.name_col);
      for (auto it = n.children.rbegin(); it != n.children.rend(); ++it) {
        stack.push_back({*it, index});
      }
    }
  }

  static constexpr Column kValueColumns[] = {Column::weight, Column::target, Column::actual,
                                             Column::score};

  struct ExpertColumn {
    uint32_t col;
    std::string name;
  };

  const Sheet& sheet_;
  std::string_view origin_;
  ImportedEvaluation& out_;
  Evaluation& e_;
  std::vector<std::string> squashed_;
  std::vector<size_t> row_starts_;
  uint32_t header_row_ = 0, header_end_ = 0;
  std::array<long, kColumnCount> cols_ = [] {
    std::array<long, kColumnCount> a{};
    a.fill(-1);
    return a;
  }();
  std::vector<uint32_t> levels_;
  std::vector<ExpertColumn> experts_;
  long funds_row_ = -1;
  uint32_t funds_last_ = 0;
  long projects_row_ = -1;
  uint32_t projects_last_ = 0;
  std::vector<Node> nodes_;
  std::vector<int> roots_;
};

}  // namespace

struct WorkbookImporter::Impl {
  XlsxReader reader;
  Workbook workbook;
  std::vector<ImportedEvaluation> found;
};

WorkbookImporter::WorkbookImporter() : impl_(std::make_unique<Impl>()) {}
WorkbookImporter::~WorkbookImporter() = default;

Status WorkbookImporter::read_file(const std::string& path, const Sink& sink) {
  const std::string ext = format::lower_extension(path);
  if (ext == "xls" || ext == "et" || ext == "ods") {
    return Status::error("文件 " + path + "：不支持 ." + ext +
                         " 格式，请在 Excel 或 WPS 中另存为 Excel 工作簿（.xlsx）后再试");
  }
  Result<format::FileBytes> bytes = format::FileBytes::open(path, kMaxWorkbookBytes);
  if (!bytes.ok()) return bytes.status();
  return read_bytes(bytes->text(), path, sink);
}

Status WorkbookImporter::read_bytes(std::string_view bytes, std::string_view origin,
                                    const Sink& sink) {
  const std::string prefix = "文件 " + std::string(origin) + "：";
  Status s = impl_->reader.read(bytes, impl_->workbook);
  if (!s.ok()) return s.within(prefix);
  // Every visible sheet with an indicator block is an evaluation; hidden
  // sheets count only when no visible one has one.
  std::vector<ImportedEvaluation>& found = impl_->found;
  found.clear();
  for (bool hidden : {false, true}) {
    if (hidden && !found.empty()) break;
    for (const Sheet& sheet : impl_->workbook.sheets) {
      if (sheet.hidden != hidden) continue;
      ImportedEvaluation imported;
      SheetImporter importer(sheet, origin, imported);
      bool has_indicators = false;
      Status rs = importer.run(has_indicators);
      if (!rs.ok()) return rs.within(prefix);
      if (has_indicators) found.push_back(std::move(imported));
    }
  }
  if (found.empty()) {
    return Status::error(prefix +
                         "找不到指标表（应有“一级指标”“二级指标”“三级指标”“分值”等表头的工作表）");
  }
  for (size_t i = 0; i < found.size(); ++i) {
    Status ss = sink(found[i], found.size() > 1 ? i + 1 : 0);
    if (!ss.ok()) return ss;
  }
  return Status();
}

bool is_workbook_path(std::string_view path) {
  const std::string ext = format::lower_extension(path);
  return ext == "xlsx" || ext == "xlsm" || ext == "xls" || ext == "et" || ext == "ods";
}

Status read_workbook_evaluations(const std::string& path,
                                 const format::EvaluationReader::Sink& sink, SourceMap* located) {
  WorkbookImporter importer;
  return importer.read_file(path, [&](ImportedEvaluation& imported, size_t number) {
    if (located != nullptr) *located = imported.source;
    return sink(imported.evaluation, number);
  });
}

std::string finding_cell(const SourceMap& source, const core::Evaluation& e,
                         const core::Finding& f) {
  if (source.sheet.empty()) return {};
  const std::string& code = f.code;
  if (f.path.empty()) {
    if (code == "grade_mismatch") return source.qualify(source.grade_cell);
    if (code == "total_mismatch" || code == "total_capped" || code == "weight_sum_mismatch") {
      return source.qualify(source.total_cell);
    }
    return {};
  }
  // The budget row's findings have its name as the path.
  if (e.budget && f.path.size() == 1 && f.path[0] == e.budget->name) {
    bool indicator = false;
    for (int i : core::categories(e)) indicator |= e.indicators[i].name == f.path[0];
    if (!indicator) {
      if (code == "execution_rate_mismatch") return source.qualify(source.budget_rate_cell);
      if (code == "missing_value" || code == "execution_over_budget") {
        return source.qualify(source.budget_executed_cell);
      }
      return source.qualify(source.budget_score_cell.empty() ? source.budget_rate_cell
                                                             : source.budget_score_cell);
    }
  }
  // The indicator the path names.
  int index = -1;
  for (size_t i = 0; i < e.indicators.size() && index < 0; ++i) {
    if (e.indicators[i].name != f.path.back() ||
        static_cast<size_t>(e.indicators[i].level) != f.path.size()) {
      continue;
    }
    if (e.path(static_cast<int>(i)) == f.path) index = static_cast<int>(i);
  }
  if (index < 0 || static_cast<size_t>(index) >= source.rows.size() || source.rows[index] < 0) {
    return {};
  }
  const auto row = static_cast<uint32_t>(source.rows[index]);
  int column = source.name_cols[index];
  auto use = [&](int c) {
    if (c >= 0) column = c;
  };
  if (code == "score_exceeds_weight" || code == "stated_score_differs" || code == "out_of_band" ||
      code == "manual_score_required" || code == "total_mismatch") {
    use(source.score_col);
  } else if (code == "missing_deviation_note" || code == "missing_reason") {
    use(source.note_col);
  } else if (code == "unparseable_value" || code == "missing_value" || code == "unit_mismatch" ||
             code == "over_achievement") {
    // The message quotes which one; the actual is the usual culprit.
    use(f.message.find("年度指标值") != std::string::npos &&
                f.message.find("实际完成值") == std::string::npos
            ? source.target_col
            : source.actual_col);
  } else if (code == "weight_sum_mismatch") {
    use(source.weight_col);
  } else if (code.rfind("expert", 0) == 0) {
    use(source.expert_col);
  }
  if (column < 0) return {};
  return source.qualify(cell_name(row, static_cast<uint32_t>(column)));
}

void locate_findings(const SourceMap& source, const core::Evaluation& evaluation,
                     std::vector<core::Finding>& findings) {
  for (core::Finding& f : findings) {
    const std::string cell = finding_cell(source, evaluation, f);
    if (!cell.empty()) f.message = cell + "：" + f.message;
  }
}

}  // namespace jixiao::office
