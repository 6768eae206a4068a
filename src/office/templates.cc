#include "office/templates.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>

#include "core/decimal.h"
#include "core/panel.h"
#include "core/rule_set.h"
#include "core/text.h"
#include "format/file_bytes.h"
#include "office/table_layout.h"
#include "office/xlsx_writer.h"

namespace jixiao::office {

std::optional<TemplateKind> template_kind_from_text(std::string_view t) {
  if (t == "self-eval" || t == "self" || t == "自评表") return TemplateKind::self_evaluation;
  if (t == "department" || t == "部门整体") return TemplateKind::department;
  if (t == "goals" || t == "目标申报表") return TemplateKind::goals;
  if (t == "expert" || t == "专家评分表") return TemplateKind::expert;
  return std::nullopt;
}

namespace {

using core::Evaluation;
using core::Indicator;

// Adds a category with `leaves` empty rows under each of `children`.
void blank_category(Evaluation& e, std::string_view name, std::optional<double> weight,
                    std::initializer_list<std::string_view> children, int leaves) {
  Indicator cat;
  cat.name = std::string(name);
  cat.weight = weight;
  const int c = e.add_indicator(cat);
  for (std::string_view child : children) {
    Indicator sub;
    sub.name = std::string(child);
    const int s = e.add_indicator(sub, c);
    for (int i = 0; i < leaves; ++i) e.add_indicator(Indicator{}, s);
  }
}

Indicator figure_leaf(std::string_view code, std::string target) {
  Indicator n;
  n.name = std::string(figure_label(code));
  n.figure = std::string(code);
  n.target_text = std::move(target);
  n.target = core::parse_target(n.target_text);
  return n;
}

}  // namespace

Evaluation blank_framework(TemplateKind kind) {
  Evaluation e;
  switch (kind) {
    case TemplateKind::self_evaluation:
    case TemplateKind::goals:
      // 财预〔2020〕10号: 产出 50, 效益 30, 满意度 10, and 预算执行率 10.
      blank_category(e, "产出指标", 50, {"数量指标", "质量指标", "时效指标", "成本指标"}, 2);
      blank_category(e, "效益指标", 30,
                     {"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"}, 1);
      blank_category(e, "满意度指标", 10, {"服务对象满意度指标"}, 1);
      e.budget.emplace();
      e.budget->weight = 10;
      break;
    case TemplateKind::department: {
      e.scope = core::Scope::department_overall;
      e.department.emplace();
      Indicator in;
      in.name = "投入";
      const int i = e.add_indicator(in);
      Indicator goal;
      goal.name = "目标设定";
      const int g = e.add_indicator(goal, i);
      e.add_indicator(Indicator{}, g);
      Indicator alloc;
      alloc.name = "预算配置";
      const int a = e.add_indicator(alloc, i);
      e.add_indicator(figure_leaf("staff_control_rate", "≤100%"), a);
      e.add_indicator(figure_leaf("three_public_change_rate", "≤0%"), a);
      Indicator process;
      process.name = "过程";
      const int p = e.add_indicator(process);
      Indicator exec;
      exec.name = "预算执行";
      const int x = e.add_indicator(exec, p);
      e.add_indicator(figure_leaf("execution_rate", "≥100%"), x);
      e.add_indicator(figure_leaf("carryover_rate", "≤10%"), x);
      for (std::string_view name : {"预算管理", "资产管理"}) {
        Indicator sub;
        sub.name = std::string(name);
        e.add_indicator(Indicator{}, e.add_indicator(sub, p));
      }
      blank_category(e, "产出", std::nullopt, {"职责履行"}, 2);
      blank_category(e, "效果", std::nullopt, {"履职效益", "满意度"}, 1);
      break;
    }
    case TemplateKind::expert:
      // The evaluation framework (annex 2 of 财预〔2020〕10号), five experts.
      blank_category(e, "决策", std::nullopt, {"项目立项", "绩效目标", "资金投入"}, 1);
      blank_category(e, "过程", std::nullopt, {"资金管理", "组织实施"}, 1);
      blank_category(e, "产出", std::nullopt, {"产出数量", "产出质量", "产出时效", "产出成本"}, 1);
      blank_category(e, "效益", std::nullopt, {"项目效益"}, 2);
      e.kind = core::EvaluationKind::third_party;
      for (int k = 1; k <= 5; ++k) e.experts.push_back("专家" + std::to_string(k));
      break;
  }
  return e;
}

namespace {

constexpr unsigned kMinWidth = 8;

// A figure written so that reading it back gives the same value and the
// same printed decimals ("14.50" stays two decimals).
void write_figure(lxw_worksheet* ws, unsigned row, unsigned col, const core::Figure& f,
                  lxw_format* format) {
  char shortest[64];
  std::snprintf(shortest, sizeof shortest, "%.15g", f.value);
  if (core::decimals_of(shortest) == f.decimals) {
    write_number(ws, row, col, f.value, format);
  } else {
    char fixed[64];
    std::snprintf(fixed, sizeof fixed, "%.*f", std::clamp(f.decimals, 0, 10), f.value);
    write_text(ws, row, col, fixed, format);
  }
}

// A target split for goal tables: "≥100家" → {"≥", "100", "家"}; words → {"定性", words, ""}.
struct SplitTarget {
  std::string op, value, unit;
};
SplitTarget split_target(std::string_view t) {
  SplitTarget s;
  for (std::string_view op : {"≥", "≤", ">=", "<=", "＞", "＜", ">", "<", "=", "＝"}) {
    if (t.substr(0, op.size()) == op) {
      s.op = std::string(op);
      t.remove_prefix(op.size());
      break;
    }
  }
  size_t last_digit = std::string_view::npos;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] >= '0' && t[i] <= '9') last_digit = i;
  }
  if (last_digit == std::string_view::npos) {
    if (s.op.empty() && !t.empty()) s.op = "定性";
    s.value = std::string(t);
    return s;
  }
  s.value = std::string(t.substr(0, last_digit + 1));
  s.unit = std::string(t.substr(last_digit + 1));
  return s;
}

class TemplateWriter {
 public:
  TemplateWriter(TemplateKind kind, const Evaluation& e, bool filled, const TableText& text,
                 XlsxBook& book)
      : kind_(kind), e_(e), filled_(filled), text_(text), book_(book), f_(book.formats()) {}

  void write() {
    plan_columns();
    ws_ = book_.add_sheet(sheet_name());
    if (ws_ == nullptr) return;
    for (unsigned c = 0; c < columns_.size(); ++c) set_width(ws_, c, width(columns_[c]));
    title();
    header_fields();
    if (kind_ == TemplateKind::department) department_data();
    if (e_.budget && kind_ != TemplateKind::expert) funds();
    if (kind_ != TemplateKind::expert) overall_goal();
    indicators();
    footer();
    if (kind_ == TemplateKind::department) projects();
    notes();
    protect(ws_);
  }

 private:
  std::string_view sheet_name() const {
    switch (kind_) {
      case TemplateKind::self_evaluation:
        return kSelfEvaluationSheet;
      case TemplateKind::department:
        return kDepartmentSheet;
      case TemplateKind::goals:
        return kGoalsSheet;
      case TemplateKind::expert:
        return kExpertSheet;
    }
    return kSelfEvaluationSheet;
  }

  unsigned last_col() const {
    return std::max<unsigned>(kMinWidth, static_cast<unsigned>(columns_.size())) - 1;
  }

  // ---- columns ---------------------------------------------------------------

  void plan_columns() {
    levels_ = 3;
    for (const Indicator& n : e_.indicators) levels_ = std::max(levels_, n.level);
    levels_ = std::min(levels_, kLevelColumns);
    for (int k = 0; k < levels_; ++k) {
      add(static_cast<Column>(static_cast<int>(Column::level1) + k));
    }
    auto any = [&](auto pred) {
      return std::any_of(e_.indicators.begin(), e_.indicators.end(), pred);
    };
    switch (kind_) {
      case TemplateKind::goals:
        add(Column::op);
        add(Column::target, "指标值");
        add(Column::measure_unit);
        add(Column::weight);
        break;
      case TemplateKind::expert:
        add(Column::target);
        add(Column::actual);
        add(Column::weight);
        break;
      default:
        add(Column::target);
        add(Column::actual);
        add(Column::weight);
        add(Column::score);
        add(Column::note);
    }
    const bool department = kind_ == TemplateKind::department;
    if (any([](const Indicator& n) { return n.checked_score.has_value(); }))
      add(Column::checked_score);
    if (any([](const Indicator& n) { return !n.deduction_reason.empty(); }))
      add(Column::deduction_reason);
    if (department ||
        any([](const Indicator& n) { return n.kind != core::ScoringKind::automatic; })) {
      add(Column::kind);
    }
    if (department || any([](const Indicator& n) { return n.per_point != 0; }))
      add(Column::per_point);
    if (department || any([](const Indicator& n) { return !n.figure.empty(); }))
      add(Column::figure);
    if (any([](const Indicator& n) { return n.not_applicable; })) add(Column::not_applicable);
    for (const std::string& expert : e_.experts) {
      columns_.push_back({Column::expert, expert_header(expert)});
    }
    if (!e_.experts.empty() && kind_ == TemplateKind::expert) add(Column::panel_mean);
  }

  void add(Column c, std::string title = {}) {
    columns_.push_back({c, title.empty() ? std::string(column_title(c)) : std::move(title)});
  }

  static double width(const std::pair<Column, std::string>& c) {
    switch (c.first) {
      case Column::level1:
      case Column::level2:
        return 14;
      case Column::level3:
      case Column::level4:
        return 26;
      case Column::target:
      case Column::actual:
        return 14;
      case Column::note:
      case Column::deduction_reason:
        return 30;
      case Column::op:
      case Column::measure_unit:
      case Column::weight:
      case Column::score:
        return 8;
      default:
        return 11;
    }
  }

  int col_of(Column c) const {
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (columns_[i].first == c) return static_cast<int>(i);
    }
    return -1;
  }

  // ---- blocks ---------------------------------------------------------------

  void title() {
    std::string name;
    switch (kind_) {
      case TemplateKind::self_evaluation:
        name = "项目支出绩效自评表";
        break;
      case TemplateKind::department:
        name = "部门整体支出绩效自评表";
        break;
      case TemplateKind::goals:
        name = "项目支出绩效目标申报表";
        break;
      case TemplateKind::expert:
        name = "评价人员（专家）评分表";
        break;
    }
    worksheet_set_row(ws_, row_, 30, nullptr);
    merge_text(ws_, row_, 0, row_, last_col(), name, f_.title);
    ++row_;
    const std::string year = e_.year ? "（" + std::to_string(e_.year) + "年度）" : "（    年度）";
    merge_text(ws_, row_, 0, row_, last_col(), year, f_.subtitle);
    row_ += 1;
  }

  lxw_format* input() const { return filled_ ? f_.fixed : f_.text; }

  // "label | value" over the width, or two pairs side by side.
  void pair_row(std::string_view a, std::string_view av, std::string_view b = {},
                std::string_view bv = {}) {
    const unsigned last = last_col();
    write_text(ws_, row_, 0, a, f_.label);
    if (b.empty()) {
      merge_text(ws_, row_, 1, row_, last, av, input());
    } else {
      const unsigned mid = (last + 1) / 2;
      merge_text(ws_, row_, 1, row_, mid - 1, av, input());
      write_text(ws_, row_, mid, b, f_.label);
      merge_text(ws_, row_, mid + 1, row_, last, bv, input());
    }
    ++row_;
  }

  void header_fields() {
    if (kind_ == TemplateKind::department) {
      pair_row(field_title(Field::department_name), e_.unit.empty() ? e_.title : e_.unit);
      if (!e_.title.empty() && e_.title != e_.unit) pair_row(field_title(Field::title), e_.title);
    } else {
      pair_row(field_title(Field::title), e_.title);
      pair_row(field_title(Field::department), text_.department, field_title(Field::unit), e_.unit);
    }
    const bool kind = e_.kind != core::EvaluationKind::self;
    if (kind || !e_.rule_set.empty()) {
      pair_row(field_title(Field::kind), kind ? core::evaluation_kind_label(e_.kind) : "",
               field_title(Field::rule_set), e_.rule_set);
    }
  }

  void department_data() {
    const auto& fields = department_fields();
    const unsigned per_row = (last_col()) / 2;  // label + value pairs after column A
    const unsigned rows = static_cast<unsigned>((fields.size() + per_row - 1) / per_row);
    merge_text(ws_, row_, 0, row_ + rows - 1, 0, "部门基础数据（万元）", f_.label);
    for (size_t i = 0; i < fields.size(); ++i) {
      const unsigned r = row_ + static_cast<unsigned>(i / per_row);
      const unsigned c = 1 + static_cast<unsigned>(i % per_row) * 2;
      const DepartmentField& df = fields[i];
      write_text(ws_, r, c, df.money ? std::string(df.label) : std::string(df.label) + "（人）",
                 f_.label);
      const std::optional<double> v =
          e_.department ? (*e_.department).*(df.member) : std::optional<double>();
      write_optional(ws_, r, c + 1, v, df.money ? f_.money : f_.number);
    }
    row_ += rows;
  }

  void funds() {
    const core::Budget& b = *e_.budget;
    const unsigned first = row_;
    // Header: 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
    write_text(ws_, row_, 1, "", f_.label);
    const FundsColumn cols[] = {FundsColumn::initial, FundsColumn::adjusted, FundsColumn::executed,
                                FundsColumn::weight,  FundsColumn::rate,     FundsColumn::score};
    for (unsigned i = 0; i < 6; ++i)
      write_text(ws_, row_, 2 + i, funds_column_title(cols[i]), f_.header);
    ++row_;
    auto money = [&](unsigned r, unsigned c, const std::optional<double>& v) {
      write_optional(ws_, r, c, v, f_.money);
    };
    write_text(ws_, row_, 1, funds_row_title(FundsRow::total), f_.label);
    money(row_, 2, b.initial);
    money(row_, 3, b.adjusted);
    money(row_, 4, b.executed);
    write_optional(ws_, row_, 5, b.weight, f_.fixed_number);
    if (!b.stated_rate.empty()) {
      write_text(ws_, row_, 6, b.stated_rate, f_.number);
    } else {
      write_text(ws_, row_, 6, "", f_.percent);
    }
    if (b.stated_score) {
      write_figure(ws_, row_, 7, *b.stated_score, f_.number);
    } else {
      write_text(ws_, row_, 7, "", f_.number);
    }
    if (b.weight) decimal_range(ws_, row_, 7, *b.weight);
    ++row_;
    for (FundsRow kind : {FundsRow::fiscal, FundsRow::carried_over, FundsRow::other}) {
      const core::FundingSource source = kind == FundsRow::fiscal ? core::FundingSource::fiscal
                                         : kind == FundsRow::carried_over
                                             ? core::FundingSource::carried_over
                                             : core::FundingSource::other;
      const core::FundingLine* line = nullptr;
      for (const auto& l : b.sources) {
        if (l.source == source) line = &l;
      }
      write_text(ws_, row_, 1, funds_row_title(kind), f_.label);
      money(row_, 2, line ? line->initial : std::nullopt);
      money(row_, 3, line ? line->adjusted : std::nullopt);
      money(row_, 4, line ? line->executed : std::nullopt);
      merge_text(ws_, row_, 5, row_, 7, "—", f_.fixed_number);
      ++row_;
    }
    merge_text(ws_, first, 0, row_ - 1, 0, std::string(field_title(Field::funds)), f_.label);
  }

  void overall_goal() {
    const unsigned last = last_col();
    const unsigned mid = (last + 2) / 2;
    merge_text(ws_, row_, 0, row_ + 1, 0, field_title(Field::overall_goal), f_.label);
    const bool goals = kind_ == TemplateKind::goals;
    merge_text(ws_, row_, 1, row_, goals ? last : mid - 1, field_title(Field::expected), f_.header);
    if (!goals) merge_text(ws_, row_, mid, row_, last, field_title(Field::achieved), f_.header);
    ++row_;
    worksheet_set_row(ws_, row_, 60, nullptr);
    merge_text(ws_, row_, 1, row_, goals ? last : mid - 1, e_.overall_goal, input());
    if (!goals) merge_text(ws_, row_, mid, row_, last, text_.overall_result, f_.text);
    ++row_;
  }

  // ---- the indicator block ----------------------------------------------------

  bool declared_fixed(Column c) const {
    // In a filled template the declared goals are fixed; the results are input.
    if (!filled_ || kind_ == TemplateKind::goals) return false;
    return c == Column::target || c == Column::weight || c == Column::kind ||
           c == Column::per_point || c == Column::figure ||
           (kind_ == TemplateKind::expert && c == Column::actual);
  }

  void indicators() {
    for (unsigned c = 0; c < columns_.size(); ++c) {
      write_text(ws_, row_, c, columns_[c].second, f_.header);
    }
    worksheet_set_row(ws_, row_, 28, nullptr);
    ++row_;
    first_data_ = row_;
    const size_t n = e_.indicators.size();
    std::vector<unsigned> first(n), last(n);
    // Rows: one per leaf, plus a 小计 row after a category that states a score.
    for (size_t i = 0; i < n; ++i) {
      first[i] = row_;
      const bool leaf = e_.is_leaf(static_cast<int>(i));
      if (leaf) {
        leaf_row(static_cast<int>(i), row_);
        ++row_;
      }
      // Close the categories whose subtree ends here, innermost first: every
      // ancestor at or below the next node's level.
      const int next_level = i + 1 < n ? e_.indicators[i + 1].level : 0;
      for (int k = static_cast<int>(i); k >= 0 && e_.indicators[k].level >= next_level;
           k = e_.indicators[k].parent) {
        if (e_.is_leaf(k)) continue;
        if (e_.indicators[k].stated_score && e_.indicators[k].level < levels_) {
          subtotal_row(k, row_);
          ++row_;
        }
        last[k] = row_ - 1;
        category_cell(k, first[k], last[k]);
      }
    }
    const int actual = col_of(Column::actual);
    if (actual >= 0 && kind_ != TemplateKind::goals && row_ > first_data_) {
      dropdown(ws_, first_data_, static_cast<unsigned>(actual), row_ - 1,
               {"达成年度指标", "部分达成年度指标并具有一定效果", "未达成年度指标且效果较差", "优",
                "良", "中", "低", "差", "是", "否"},
               false, "数值请直接填写（如 97家、95%）；定性指标可从列表中选择");
    }
    const int op = col_of(Column::op);
    if (op >= 0 && row_ > first_data_) {
      dropdown(ws_, first_data_, static_cast<unsigned>(op), row_ - 1,
               {"≥", ">", "=", "≤", "<", "定性"}, true, "选择指标性质：≥ > = ≤ < 或定性");
    }
    const int kindc = col_of(Column::kind);
    if (kindc >= 0 && row_ > first_data_) {
      std::vector<std::string> kinds;
      using K = core::ScoringKind;
      for (K k : {K::higher_is_better, K::lower_is_better, K::equal, K::qualitative_tiers,
                  K::qualitative_grades, K::yes_no, K::deadline, K::proportional_capped,
                  K::linear_deduction, K::manual}) {
        kinds.emplace_back(core::scoring_kind_label(k));
      }
      dropdown(ws_, first_data_, static_cast<unsigned>(kindc), row_ - 1, kinds, true,
               "留空则按年度指标值自动确定计分方式");
    }
    const int figure = col_of(Column::figure);
    if (figure >= 0 && row_ > first_data_) {
      std::vector<std::string> labels;
      for (std::string_view code :
           {"execution_rate", "budget_final_variance", "carryover_rate", "carryover_change_rate",
            "budget_adjustment_rate", "staff_control_rate", "three_public_change_rate",
            "operating_control_rate", "three_public_control_rate", "procurement_execution_rate",
            "personnel_share", "operating_share"}) {
        labels.emplace_back(figure_label(code));
      }
      dropdown(ws_, first_data_, static_cast<unsigned>(figure), row_ - 1, labels, true,
               "由部门基础数据计算实际完成值");
    }
  }

  std::string category_name(int k) const {
    const Indicator& n = e_.indicators[k];
    if (!n.weight) return n.name;
    return n.name + "（" + core::format_number(*n.weight) + "分）";
  }

  void category_cell(int k, unsigned first, unsigned last) {
    const unsigned c = static_cast<unsigned>(e_.indicators[k].level - 1);
    if (static_cast<int>(c) >= levels_) return;
    merge_text(ws_, first, c, std::max(first, last), c, category_name(k), f_.fixed);
  }

  void subtotal_row(int k, unsigned r) {
    const Indicator& n = e_.indicators[k];
    const unsigned c = static_cast<unsigned>(n.level);
    for (unsigned cc = c; cc < columns_.size(); ++cc) write_text(ws_, r, cc, "", f_.fixed);
    write_text(ws_, r, c, "小计", f_.fixed);
    if (const int s = col_of(Column::score); s >= 0 && n.stated_score) {
      write_figure(ws_, r, static_cast<unsigned>(s), *n.stated_score, f_.number);
    }
  }

  void leaf_row(int i, unsigned r) {
    const Indicator& n = e_.indicators[i];
    const int level_col = std::min(n.level, levels_) - 1;
    for (unsigned c = 0; c < columns_.size(); ++c) {
      const Column column = columns_[c].first;
      const bool fixed = declared_fixed(column);
      lxw_format* text = fixed ? f_.fixed : f_.text;
      lxw_format* number = fixed ? f_.fixed_number : f_.number;
      switch (column) {
        case Column::level1:
        case Column::level2:
        case Column::level3:
        case Column::level4: {
          const int k = static_cast<int>(column) - static_cast<int>(Column::level1);
          if (k == level_col) {
            write_text(ws_, r, c, n.name, filled_ && !n.name.empty() ? f_.fixed : f_.text);
          } else if (k > level_col) {
            write_text(ws_, r, c, "", f_.text);
          }
          break;  // ancestors are merged category cells
        }
        case Column::weight:
          write_optional(ws_, r, c, n.weight, number);
          break;
        case Column::target:
          if (kind_ == TemplateKind::goals) {
            write_text(ws_, r, c, split_target(n.target_text).value, text);
          } else {
            write_text(ws_, r, c, n.target_text, text);
          }
          break;
        case Column::op:
          write_text(ws_, r, c, split_target(n.target_text).op, text);
          break;
        case Column::measure_unit:
          write_text(ws_, r, c, split_target(n.target_text).unit, text);
          break;
        case Column::actual:
          write_text(ws_, r, c, n.actual_text, text);
          break;
        case Column::score:
          if (n.stated_score)
            write_figure(ws_, r, c, *n.stated_score, number);
          else
            write_text(ws_, r, c, "", number);
          if (n.weight) decimal_range(ws_, r, c, *n.weight);
          break;
        case Column::note:
          write_text(ws_, r, c, n.note, text);
          break;
        case Column::checked_score:
          write_optional(ws_, r, c, n.checked_score, number);
          break;
        case Column::deduction_reason:
          write_text(ws_, r, c, n.deduction_reason, text);
          break;
        case Column::kind:
          write_text(ws_, r, c,
                     n.kind == core::ScoringKind::automatic ? std::string_view()
                                                            : core::scoring_kind_label(n.kind),
                     text);
          break;
        case Column::per_point:
          write_optional(ws_, r, c, n.per_point != 0 ? std::optional(n.per_point) : std::nullopt,
                         number);
          break;
        case Column::figure:
          write_text(ws_, r, c, n.figure.empty() ? std::string_view() : figure_label(n.figure),
                     text);
          break;
        case Column::not_applicable:
          write_text(ws_, r, c, n.not_applicable ? "是" : "", text);
          break;
        case Column::expert: {
          const size_t x = expert_index(c);
          if (x < n.expert_scores.size() && n.expert_scores[x]) {
            write_number(ws_, r, c, *n.expert_scores[x], f_.number);
          } else {
            // Blank to fill in, or "/" for an expert who recused.
            write_text(ws_, r, c, x < n.expert_scores.size() ? "/" : "", f_.number);
          }
          if (n.weight) expert_score_range(ws_, r, c, *n.weight);
          break;
        }
        case Column::panel_mean:
          if (!n.expert_scores.empty()) {
            write_number(ws_, r, c,
                         core::round_half_up(core::panel_score(
                             n.expert_scores, e_.panel_method.value_or(core::PanelMethod::mean))),
                         f_.fixed_number);
          } else {
            write_text(ws_, r, c, "", f_.fixed_number);
          }
          break;
      }
    }
  }

  size_t expert_index(unsigned c) const {
    size_t x = 0;
    for (unsigned i = 0; i < c; ++i) x += columns_[i].first == Column::expert;
    return x;
  }

  void footer() {
    const unsigned last = last_col();
    const int score = col_of(Column::score);
    const int weight = col_of(Column::weight);
    // Goals are not scored, and an expert sheet's total is the panel's.
    if (kind_ == TemplateKind::goals || kind_ == TemplateKind::expert) return;
    const unsigned label_end = static_cast<unsigned>(std::max(0, (weight >= 0 ? weight : 1) - 1));
    merge_text(ws_, row_, 0, row_, label_end, field_title(Field::total), f_.label);
    double total_weight = e_.budget && e_.budget->weight ? *e_.budget->weight : 0;
    for (int i : core_categories()) total_weight += e_.indicators[i].weight.value_or(0);
    for (unsigned c = label_end + 1; c <= last; ++c) write_text(ws_, row_, c, "", f_.fixed);
    if (weight >= 0 && total_weight > 0) {
      write_number(ws_, row_, static_cast<unsigned>(weight), total_weight, f_.fixed_number);
    }
    if (score >= 0) {
      if (e_.stated_total)
        write_figure(ws_, row_, static_cast<unsigned>(score), *e_.stated_total, f_.number);
      else
        write_text(ws_, row_, static_cast<unsigned>(score), "", f_.number);
    }
    ++row_;
    if (kind_ == TemplateKind::expert) return;
    write_text(ws_, row_, 0, field_title(Field::conclusion), f_.label);
    merge_text(ws_, row_, 1, row_, last, e_.stated_grade, f_.text);
    dropdown(ws_, row_, 1, row_, {"优", "良", "中", "差"}, false, "评价等级：优、良、中、差");
    ++row_;
  }

  std::vector<int> core_categories() const {
    std::vector<int> out;
    for (size_t i = 0; i < e_.indicators.size(); ++i) {
      if (e_.indicators[i].parent < 0) out.push_back(static_cast<int>(i));
    }
    return out;
  }

  void projects() {
    ++row_;
    const unsigned last = last_col();
    merge_text(ws_, row_, 0, row_, last, kProjectsTitle, f_.label);
    ++row_;
    merge_text(ws_, row_, 0, row_, 4, "项目名称", f_.header);
    merge_text(ws_, row_, 5, row_, 6, "总分", f_.header);
    merge_text(ws_, row_, 7, row_, last, "评价等级", f_.header);
    ++row_;
    std::vector<core::DepartmentData::ProjectResult> list;
    if (e_.department) list = e_.department->projects;
    const size_t rows = std::max<size_t>(list.size(), filled_ ? 0 : 5);
    for (size_t i = 0; i < rows; ++i) {
      const auto* p = i < list.size() ? &list[i] : nullptr;
      merge_text(ws_, row_, 0, row_, 4, p ? p->title : "", f_.text);
      if (p && p->total) {
        worksheet_merge_range(ws_, row_, 5, row_, 6, "", f_.number);
        write_number(ws_, row_, 5, *p->total, f_.number);
      } else {
        merge_text(ws_, row_, 5, row_, 6, "", f_.number);
      }
      merge_text(ws_, row_, 7, row_, last, p ? p->grade : "", f_.text);
      ++row_;
    }
  }

  void notes() {
    ++row_;
    const unsigned last = last_col();
    std::string note;
    switch (kind_) {
      case TemplateKind::goals:
        note =
            "填表说明：指标性质选择 ≥、>、=、≤、< 或“定性”；指标值填写数字或定性描述；度量单位如 "
            "家、%、万元。";
        break;
      case TemplateKind::expert:
        note =
            "填表说明：每位专家在本人一列填写各三级指标得分（0 "
            "至分值之间），专家平均分由系统计算。";
        break;
      default:
        note =
            "填表说明：金额单位为万元，保留两位小数；执行率填写百分比；得分不得超过分值；"
            "得分低于分值的指标须填写偏差原因分析及改进措施。灰色底纹单元格为表头，不可修改。";
    }
    worksheet_set_row(ws_, row_, 30, nullptr);
    merge_text(ws_, row_, 0, row_, last, note, f_.note);
    ++row_;
  }

  TemplateKind kind_;
  const Evaluation& e_;
  bool filled_;
  const TableText& text_;
  XlsxBook& book_;
  const XlsxBook::Formats& f_;
  lxw_worksheet* ws_ = nullptr;
  unsigned row_ = 0;
  int levels_ = 3;
  std::vector<std::pair<Column, std::string>> columns_;
  unsigned first_data_ = 0;
};

}  // namespace

Status write_template(TemplateKind kind, const core::Evaluation* evaluation, const TableText& text,
                      const std::string& path) {
  if (format::lower_extension(path) != "xlsx") {
    return Status::error("文件 " + path + "：模板是 Excel 工作簿，文件名应以 .xlsx 结尾");
  }
  const core::Evaluation blank = evaluation ? core::Evaluation() : blank_framework(kind);
  const core::Evaluation& e = evaluation ? *evaluation : blank;
  XlsxBook book(path);
  TemplateWriter writer(kind, e, evaluation != nullptr, text, book);
  writer.write();
  return book.close();
}

}  // namespace jixiao::office
