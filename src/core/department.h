// Whole-department figures (部门整体, rules.md §5): rates computed from a
// department's budget data, and the grade distribution of its projects.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace jixiao::core {

struct RuleSet;

struct DepartmentFigure {
  std::string code;     // budget_final_variance
  std::string label;    // 预决算差异率
  double value = 0;     // a ratio: 0.05 is 5 %
  std::string formula;  // "(决算数1050−年初预算数1000)/年初预算数1000=5%"
};

// Every figure whose inputs are present, in the order of rules.md §5.
std::vector<DepartmentFigure> department_figures(const DepartmentData& data);

// The figure with `code`, or nullptr.
const DepartmentFigure* find_figure(const std::vector<DepartmentFigure>& figures,
                                    std::string_view code);

// Codes department_figures() may produce, for validating input.
bool is_department_figure_code(std::string_view code);

struct GradeDistribution {
  std::vector<std::string> labels;  // the rule set's grades, best first
  std::vector<int> counts;          // projects per grade
  int ungraded = 0;                 // projects with neither a total nor a known grade
};

// Counts the department's projects by the grade of their total (or their
// stated grade when no total is known).
GradeDistribution grade_distribution(const std::vector<DepartmentData::ProjectResult>& projects,
                                     const RuleSet& rules);

}  // namespace jixiao::core
