#include "core/department.h"

#include <optional>

#include "core/decimal.h"
#include "core/rule_set.h"

namespace jixiao::core {
namespace {

struct Builder {
  std::vector<DepartmentFigure> figures;

  // value = numerator / denominator, written as "num_label n/den_label d=r".
  void ratio(const char* code, const char* label, const std::optional<double>& num,
             const char* num_label, const std::optional<double>& den, const char* den_label) {
    if (!num || !den || *den == 0) return;
    const double value = *num / *den;
    figures.push_back({code, label, value,
                       std::string(num_label) + format_number(*num) + "/" + den_label +
                           format_number(*den) + "=" + format_percent(value)});
  }

  // value = (now − before) / before.
  void change(const char* code, const char* label, const std::optional<double>& now,
              const char* now_label, const std::optional<double>& before,
              const char* before_label) {
    if (!now || !before || *before == 0) return;
    const double value = (*now - *before) / *before;
    figures.push_back({code, label, value,
                       "(" + std::string(now_label) + format_number(*now) + "−" + before_label +
                           format_number(*before) + ")/" + before_label + format_number(*before) +
                           "=" + format_percent(value)});
  }
};

constexpr const char* kCodes[] = {
    "execution_rate",
    "budget_final_variance",
    "carryover_rate",
    "carryover_change_rate",
    "budget_adjustment_rate",
    "staff_control_rate",
    "three_public_change_rate",
    "operating_control_rate",
    "three_public_control_rate",
    "procurement_execution_rate",
    "personnel_share",
    "operating_share",
};

}  // namespace

std::vector<DepartmentFigure> department_figures(const DepartmentData& d) {
  Builder b;
  const std::optional<double> budget = d.adjusted_budget ? d.adjusted_budget : d.initial_budget;
  b.ratio("execution_rate", "预算执行率", d.final_expenditure, "决算支出", budget, "预算数");
  b.change("budget_final_variance", "预决算差异率", d.final_expenditure, "决算数", d.initial_budget,
           "年初预算数");
  b.ratio("carryover_rate", "结转结余率", d.carryover, "结转结余总额", budget, "支出预算数");
  b.change("carryover_change_rate", "结转结余变动率", d.carryover, "本年结转结余",
           d.carryover_previous, "上年结转结余");
  std::optional<double> adjustment = d.budget_adjustment;
  if (!adjustment && d.adjusted_budget && d.initial_budget) {
    adjustment = *d.adjusted_budget - *d.initial_budget;
  }
  b.ratio("budget_adjustment_rate", "预算调整率", adjustment, "预算调整数", d.initial_budget,
          "年初预算数");
  b.ratio("staff_control_rate", "在职人员控制率", d.staff_actual, "在职人数", d.staff_quota,
          "编制数");
  b.change("three_public_change_rate", "三公经费变动率", d.three_public, "本年三公经费",
           d.three_public_previous, "上年三公经费");
  b.ratio("operating_control_rate", "公用经费控制率", d.operating_actual, "实际公用经费",
          d.operating_budget, "预算公用经费");
  b.ratio("three_public_control_rate", "三公经费控制率", d.three_public, "实际三公经费",
          d.three_public_budget, "预算三公经费");
  b.ratio("procurement_execution_rate", "政府采购执行率", d.procurement_actual, "实际政府采购",
          d.procurement_budget, "政府采购预算");
  std::optional<double> basic = d.basic;
  if (!basic && d.personnel && d.operating) basic = *d.personnel + *d.operating;
  b.ratio("personnel_share", "人员经费占比", d.personnel, "人员经费", basic, "基本支出");
  b.ratio("operating_share", "公用经费占比", d.operating, "公用经费", basic, "基本支出");
  return b.figures;
}

const DepartmentFigure* find_figure(const std::vector<DepartmentFigure>& figures,
                                    std::string_view code) {
  for (const auto& f : figures) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

bool is_department_figure_code(std::string_view code) {
  for (const char* c : kCodes) {
    if (code == c) return true;
  }
  return false;
}

GradeDistribution grade_distribution(const std::vector<DepartmentData::ProjectResult>& projects,
                                     const RuleSet& rules) {
  GradeDistribution out;
  for (const auto& g : rules.grades) out.labels.push_back(g.label);
  out.counts.assign(out.labels.size(), 0);
  for (const auto& p : projects) {
    const GradeBand* band = nullptr;
    if (p.total) {
      band = rules.grade_for(round_half_up(*p.total));
    } else {
      // A grade as the project's report states it: "优" or "优秀".
      for (const GradeBand& b : rules.grades) {
        if (b.is_called(p.grade)) band = &b;
      }
    }
    if (band != nullptr) {
      ++out.counts[static_cast<size_t>(band - rules.grades.data())];
    } else {
      ++out.ungraded;
    }
  }
  return out;
}

}  // namespace jixiao::core
