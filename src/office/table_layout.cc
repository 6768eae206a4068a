#include "office/table_layout.h"

#include "core/department.h"
#include "core/substring.h"
#include "core/text.h"

namespace jixiao::office {

std::string squash(std::string_view text) {
  const std::string n = core::text::normalize(text);
  std::string out;
  out.reserve(n.size());
  for (size_t i = 0; i < n.size();) {
    const size_t start = i;
    const char32_t cp = core::text::next_code_point(n, i);
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0) {
      continue;
    }
    out.append(n, start, i - start);
  }
  return out;
}

std::string_view strip_note(std::string_view s) {
  if (!s.empty() && s.back() == ')') {
    const size_t open = s.rfind('(');
    if (open != std::string_view::npos && open > 0) return s.substr(0, open);
  }
  return s;
}

namespace {

using core::contains;

template <typename E>
struct Words {
  E value;
  std::string_view canonical;
  std::vector<std::string_view> synonyms;  // compared with the note stripped
};

const std::vector<Words<Column>>& columns() {
  static const std::vector<Words<Column>> kColumns = {
      {Column::level1, "一级指标", {}},
      {Column::level2, "二级指标", {}},
      {Column::level3, "三级指标", {"指标名称", "具体指标"}},
      {Column::level4, "四级指标", {}},
      {Column::weight, "分值", {"权重", "指标分值", "标准分值", "分值权重", "权重分", "满分"}},
      {Column::target,
       "年度指标值",
       {"指标值", "目标值", "年度目标值", "预期指标值", "计划指标值", "年度绩效指标值",
        "绩效指标值", "年度目标", "预期值", "计划值"}},
      {Column::actual,
       "实际完成值",
       {"全年实际值", "实际值", "完成值", "全年完成值", "实际完成", "实际完成情况",
        "年度实际完成值", "实际完成指标值"}},
      {Column::score, "得分", {"自评得分", "评价得分", "实际得分", "单位自评得分", "指标得分"}},
      {Column::note,
       "偏差原因分析及改进措施",
       {"偏差原因", "未完成原因", "未完成原因分析", "偏差原因分析", "原因分析及改进措施",
        "偏差原因及改进措施", "未完成原因和改进措施", "未完成原因分析及改进措施"}},
      {Column::checked_score, "核查分", {"核查得分", "复核得分", "复核分"}},
      {Column::deduction_reason, "扣分原因", {"扣分理由", "扣分说明"}},
      {Column::kind, "计分方式", {"评分方式", "计分方法"}},
      {Column::per_point, "每点扣分", {}},
      {Column::figure, "取数依据", {"计算依据", "计算指标"}},
      {Column::not_applicable, "不适用", {"是否适用"}},
      {Column::panel_mean, "专家平均分", {"平均分", "专家评分平均", "评分均值"}},
      {Column::op, "指标性质", {"运算符", "比较符", "指标方向", "符号"}},
      {Column::measure_unit, "度量单位", {"计量单位", "单位"}},
  };
  return kColumns;
}

template <typename E>
std::string_view title_of(const std::vector<Words<E>>& table, E value) {
  for (const auto& w : table) {
    if (w.value == value) return w.canonical;
  }
  return {};
}

template <typename E>
std::optional<E> lookup(const std::vector<Words<E>>& table, std::string_view squashed) {
  const std::string_view s = strip_note(squashed);
  for (const auto& w : table) {
    if (s == w.canonical) return w.value;
    for (std::string_view syn : w.synonyms) {
      if (s == syn) return w.value;
    }
  }
  return std::nullopt;
}

const std::vector<Words<FundsColumn>>& funds_columns() {
  static const std::vector<Words<FundsColumn>> kFunds = {
      {FundsColumn::initial, "年初预算数", {"年初预算", "年初预算金额"}},
      {FundsColumn::adjusted, "全年预算数", {"全年预算", "调整后预算数", "全年预算金额", "预算数"}},
      {FundsColumn::executed,
       "全年执行数",
       {"全年执行", "执行数", "实际支出", "全年支出数", "支出数"}},
      {FundsColumn::weight, "分值", {"权重"}},
      {FundsColumn::rate, "执行率", {"预算执行率", "资金执行率"}},
      {FundsColumn::score, "得分", {"自评得分"}},
  };
  return kFunds;
}

const std::vector<Words<FundsRow>>& funds_rows() {
  static const std::vector<Words<FundsRow>> kRows = {
      {FundsRow::total, "年度资金总额", {"资金总额", "合计", "年度资金合计", "项目资金总额"}},
      {FundsRow::fiscal,
       "其中：本年财政拨款",
       {"本年财政拨款", "财政拨款", "其中:本年财政拨款", "其中：财政拨款", "其中:财政拨款",
        "财政资金", "其中：财政资金"}},
      {FundsRow::carried_over, "上年结转资金", {"上年结转", "结转资金"}},
      {FundsRow::other, "其他资金", {"其它资金", "自有资金"}},
  };
  return kRows;
}

const std::vector<Words<Field>>& fields() {
  static const std::vector<Words<Field>> kFields = {
      {Field::title, "项目名称", {"项目全称"}},
      {Field::department, "主管部门", {"主管部门及代码", "主管单位"}},
      {Field::unit, "实施单位", {"预算单位", "项目单位", "项目实施单位", "填报单位"}},
      {Field::department_name, "部门（单位）名称", {"部门(单位)名称", "部门名称", "单位名称"}},
      {Field::year, "年度", {"预算年度", "评价年度", "项目年度"}},
      {Field::kind, "评价类型", {"评价方式"}},
      {Field::rule_set, "评分规则集", {"规则集"}},
      {Field::overall_goal, "年度总体目标", {"总体目标", "年度绩效目标", "年度目标完成情况"}},
      {Field::expected, "预期目标", {"年度预期目标"}},
      {Field::achieved, "实际完成情况", {"目标实际完成情况", "全年实际完成情况"}},
      {Field::total, "总分", {"合计", "总计", "自评总分", "评价总分", "综合得分"}},
      {Field::conclusion,
       "自评结论",
       {"评价等级", "绩效评价等级", "自评等级", "评价结论", "绩效自评结论", "等级", "评定等级"}},
      {Field::funds, "项目资金（万元）", {"项目资金", "年度资金", "预算资金", "资金情况"}},
  };
  return kFields;
}

}  // namespace

std::string_view column_title(Column column) {
  if (column == Column::expert) return "专家评分";
  return title_of(columns(), column);
}

std::optional<Column> column_for_header(std::string_view squashed) {
  if (auto c = lookup(columns(), squashed)) return c;
  const std::string_view s = strip_note(squashed);
  // Long headers vary the most: match the note column by its first words.
  if (s.starts_with("偏差原因") || s.starts_with("未完成原因") || s.starts_with("偏差分析")) {
    return Column::note;
  }
  if (squashed.starts_with("专家") && !contains(squashed, "平均") && !contains(squashed, "汇总") &&
      !contains(squashed, "意见")) {
    return Column::expert;
  }
  return std::nullopt;
}

std::string expert_from_header(std::string_view s) {
  // "专家：张三", "专家:张三", "专家(张三)", "专家评分(张三)", "专家1".
  for (std::string_view sep : {"：", ":"}) {
    const size_t at = s.find(sep);
    if (at != std::string_view::npos) return std::string(s.substr(at + sep.size()));
  }
  const size_t open = s.find('(');
  if (open != std::string_view::npos && !s.empty() && s.back() == ')') {
    return std::string(s.substr(open + 1, s.size() - open - 2));
  }
  return std::string(s);
}

std::string expert_header(std::string_view expert) {
  return "专家：" + std::string(expert);
}

std::string_view funds_column_title(FundsColumn column) {
  return title_of(funds_columns(), column);
}
std::optional<FundsColumn> funds_column_for_header(std::string_view squashed) {
  return lookup(funds_columns(), squashed);
}
std::string_view funds_row_title(FundsRow row) {
  return title_of(funds_rows(), row);
}
std::optional<FundsRow> funds_row_for_label(std::string_view squashed) {
  return lookup(funds_rows(), squashed);
}
std::string_view field_title(Field field) {
  return title_of(fields(), field);
}
std::optional<Field> field_for_label(std::string_view squashed) {
  std::string_view s = squashed;
  // "项目名称：" — a colon after a label.
  for (std::string_view colon : {"：", ":"}) {
    if (s.size() >= colon.size() && s.substr(s.size() - colon.size()) == colon) {
      s.remove_suffix(colon.size());
    }
  }
  return lookup(fields(), s);
}

const std::vector<DepartmentField>& department_fields() {
  using D = core::DepartmentData;
  static const std::vector<DepartmentField> kFields = {
      {&D::initial_budget, "年初预算数", true},
      {&D::adjusted_budget, "全年预算数", true},
      {&D::final_expenditure, "决算支出数", true},
      {&D::budget_adjustment, "预算调整数", true},
      {&D::carryover, "本年结转结余总额", true},
      {&D::carryover_previous, "上年结转结余", true},
      {&D::staff_actual, "在职人数", false},
      {&D::staff_quota, "编制数", false},
      {&D::three_public, "本年三公经费", true},
      {&D::three_public_previous, "上年三公经费", true},
      {&D::three_public_budget, "三公经费预算数", true},
      {&D::operating_budget, "公用经费预算数", true},
      {&D::operating_actual, "公用经费实际支出", true},
      {&D::procurement_budget, "政府采购预算数", true},
      {&D::procurement_actual, "政府采购实际支出", true},
      {&D::personnel, "人员经费", true},
      {&D::operating, "公用经费", true},
      {&D::basic, "基本支出", true},
  };
  return kFields;
}

const DepartmentField* department_field_for_label(std::string_view squashed) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kSynonyms = {
      {"决算支出", "决算支出数"},
      {"决算数", "决算支出数"},
      {"全年执行数", "决算支出数"},
      {"结转结余总额", "本年结转结余总额"},
      {"年末结转结余", "本年结转结余总额"},
      {"实有人数", "在职人数"},
      {"编制人数", "编制数"},
      {"三公经费", "本年三公经费"},
      {"三公经费支出", "本年三公经费"},
      {"上年结转结余总额", "上年结转结余"},
      {"政府采购支出", "政府采购实际支出"},
  };
  std::string_view s = strip_note(squashed);
  for (const auto& [from, to] : kSynonyms) {
    if (s == from) s = to;
  }
  for (const auto& f : department_fields()) {
    if (s == f.label) return &f;
  }
  return nullptr;
}

namespace {
// Every figure with its label: the figures of data where every input is set.
const std::vector<core::DepartmentFigure>& all_figures() {
  static const std::vector<core::DepartmentFigure> kAll = [] {
    core::DepartmentData d;
    for (const auto& f : department_fields()) d.*(f.member) = 1;
    return core::department_figures(d);
  }();
  return kAll;
}
}  // namespace

std::string_view figure_label(std::string_view code) {
  for (const auto& f : all_figures()) {
    if (f.code == code) return f.label;
  }
  return {};
}

std::string_view figure_code_for(std::string_view s) {
  for (const auto& f : all_figures()) {
    if (s == f.code || s == f.label) return f.code;
  }
  return {};
}

std::optional<core::ScoringKind> scoring_kind_for(std::string_view s) {
  for (core::ScoringKind k : core::settable_scoring_kinds()) {
    if (s == core::scoring_kind_code(k) || s == squash(core::scoring_kind_label(k))) return k;
  }
  return std::nullopt;
}

}  // namespace jixiao::office
