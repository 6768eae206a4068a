// The words of the official tables (rules.md §10): column headers, block
// labels and row labels, with the other words real files use for them.
// The template writer writes the canonical words; the importer accepts every
// synonym, so both sides share this one vocabulary.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace jixiao::office {

// Text as a label is compared: full-width forms and traditional characters
// normalized (core::text::normalize), every space and line break removed.
std::string squash(std::string_view text);
// `squashed` without a trailing parenthesised note: "分值(分)" → "分值".
std::string_view strip_note(std::string_view squashed);

// Columns of the indicator block.
enum class Column : uint8_t {
  level1,
  level2,
  level3,
  level4,
  weight,
  target,
  actual,
  score,
  note,
  checked_score,
  deduction_reason,
  kind,
  per_point,
  figure,
  not_applicable,
  expert,        // one column per expert: "专家：张三"
  panel_mean,    // the panel's mean, computed: ignored on import
  op,            // 指标性质 (≥ ≤ = > < 定性) of goal tables that split the target
  measure_unit,  // 度量单位, likewise
};
inline constexpr size_t kColumnCount = 19;
inline constexpr int kLevelColumns = 4;

// The canonical header of a column ("年度指标值").
std::string_view column_title(Column column);
// The column a squashed header names, if any.
std::optional<Column> column_for_header(std::string_view squashed);
// The expert's name in an expert column header ("专家：张三" → "张三").
std::string expert_from_header(std::string_view squashed);
// The header of an expert's column.
std::string expert_header(std::string_view expert);

// Columns of the funds block (资金, 万元).
enum class FundsColumn : uint8_t { initial, adjusted, executed, weight, rate, score };
std::string_view funds_column_title(FundsColumn column);
std::optional<FundsColumn> funds_column_for_header(std::string_view squashed);

// Rows of the funds block: the total, then the sources.
enum class FundsRow : uint8_t { total, fiscal, carried_over, other };
std::string_view funds_row_title(FundsRow row);
std::optional<FundsRow> funds_row_for_label(std::string_view squashed);

// Labels of single fields, written in a cell with the value to its right.
enum class Field : uint8_t {
  title,            // 项目名称
  department,       // 主管部门
  unit,             // 实施单位
  department_name,  // 部门（单位）名称, of a whole-department table
  year,
  kind,      // 评价类型
  rule_set,  // 评分规则集
  overall_goal,
  expected,    // 预期目标
  achieved,    // 实际完成情况
  total,       // 总分
  conclusion,  // 自评结论 / 评价等级
  funds,       // 项目资金（万元）: the funds block's label
};
std::string_view field_title(Field field);
std::optional<Field> field_for_label(std::string_view squashed);

// The whole-department data (DepartmentData), label by label.
struct DepartmentField {
  std::optional<double> core::DepartmentData::*member;
  std::string_view label;  // canonical
  bool money;              // 万元 (else a count of people)
};
const std::vector<DepartmentField>& department_fields();
const DepartmentField* department_field_for_label(std::string_view squashed);

// Department figure codes and their labels ("staff_control_rate", "在职人员控制率").
std::string_view figure_label(std::string_view code);
std::string_view figure_code_for(std::string_view squashed_label_or_code);

// Scoring kinds by code or Chinese label.
std::optional<core::ScoringKind> scoring_kind_for(std::string_view squashed);

// Sheet names of the templates.
inline constexpr std::string_view kSelfEvaluationSheet = "项目支出绩效自评表";
inline constexpr std::string_view kDepartmentSheet = "部门整体支出绩效自评表";
inline constexpr std::string_view kGoalsSheet = "项目支出绩效目标申报表";
inline constexpr std::string_view kExpertSheet = "专家评分表";
inline constexpr std::string_view kProjectsTitle = "所属项目绩效评价结果";

}  // namespace jixiao::office
