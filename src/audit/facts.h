// The facts of a report: every figure the audit can recompute, as printed
// (value and decimals) and with the sentence or table row it comes from.
//
// extract_facts() reads a Document (audit/document.h) the way a reviewer
// does: tables are recognised by their header words (the score table by
// 评价内容|标准分值|评价得分|得分率 and the like, the indicator table by
// 一级指标…|年度指标值|实际完成值|分值|得分 in any order, with extra columns and
// any depth, the funds table by 年初预算数|全年预算数|全年执行数); sentences by
// their words (预算, 实际支出, 执行率, 得分…分, 等级, 其中, 合计, 占…%,
// 预决算差异率, 结转结余率, 不少于…). What is not recognised is left out:
// extraction never fails and never guesses a number it cannot place.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audit/document.h"
#include "core/value.h"

namespace jixiao::audit {

// A figure as printed, with where it was printed.
struct Stated {
  double value = 0;
  int decimals = 0;
  std::string quote;  // the sentence or the table row
};

// A row of the score table, or a category the text states.
struct CategoryFact {
  std::string name;
  std::optional<Stated> weight;
  std::optional<Stated> score;
  std::optional<Stated> rate;  // 得分率, in %
  std::string quote;
  bool execution = false;  // the 预算执行率 row, not an indicator category
};

// A row of an indicator table: the names from level 1 down (empty cells
// inherit the row above, as merged cells do), and what the row states.
struct IndicatorFact {
  std::vector<std::string> path;
  std::string target;
  std::string actual;
  std::optional<Stated> weight;
  std::optional<Stated> score;
  std::string note;
  std::string quote;
  bool category = false;   // a row stating a category's weight or score only
  bool execution = false;  // a 预算执行率 row (see extract_facts: the budget row or a leaf)
  bool explicit_parent = false;  // the row itself names a level above its leaf
};

// A stated total with the parts it should equal: a sum (合计, 基本支出 =
// 人员经费 + 公用经费, 预算 = 财政拨款 + 其他资金) or, with `difference`, the
// first part less the others (结转 = 预算 − 支出).
struct SumFact {
  std::string label;
  Stated total;
  std::vector<std::pair<std::string, Stated>> parts;
  bool difference = false;
  std::string unit;  // "万元", "分", …
};

// "人员经费600万元，占基本支出的75%": part / whole as a stated share.
struct ShareFact {
  std::string part_name;
  std::string whole_name;
  Stated part;
  Stated whole;
  Stated share;  // in %
};

// A target written in the text ("提交周报不少于52篇") and an amount achieved
// ("共提交双周报26篇"), matched by the words before the figure and its unit.
struct TextTarget {
  std::string noun;
  core::Op op = core::Op::ge;
  double value = 0;
  std::string unit;
  std::string quote;
};
struct TextActual {
  std::string before;  // the words before the figure in its clause
  double value = 0;
  std::string unit;
  std::string quote;
};

// A sentence saying targets or outputs were reached.
struct Claim {
  std::string quote;
};

// A value written so that it cannot be read ("100:%").
struct UnreadableValue {
  std::string value;
  std::string quote;
};

struct GradeStatement {
  std::string grade;  // 优 良 中 差 (the national labels; 优秀 → 优)
  std::string quote;
};

struct Facts {
  std::string title;
  int year = 0;
  bool self_evaluation = false;  // 自评 report
  bool department = false;       // 部门整体 report

  // Money (万元); every statement, first first.
  std::vector<Stated> budget;          // 全年预算数 / 预算资金 / 预算
  std::vector<Stated> initial_budget;  // 年初预算数
  std::vector<Stated> executed;        // 全年执行数 / 实际支出
  std::vector<Stated> received;        // 实际到位资金
  std::vector<Stated> execution_rate;  // 预算执行率, in %
  std::optional<Stated> carryover;     // 结转(结余)资金 of a project

  // The score table (评价内容 | 标准分值 | 评价得分 | 得分率).
  std::vector<CategoryFact> score_table;
  std::optional<CategoryFact> score_table_total;  // 综合得分 / 合计
  std::optional<GradeStatement> table_grade;      // 评价档次 / 评价等级

  // The text's total, grade and categories.
  std::vector<Stated> text_total;
  std::vector<GradeStatement> text_grade;
  std::vector<CategoryFact> text_categories;

  // Indicator tables.
  std::vector<IndicatorFact> indicators;
  std::optional<CategoryFact> indicator_total;  // the 总分 / 合计 row
  std::optional<IndicatorFact> execution_row;   // 预算执行率 / 执行率得分 row
  bool note_column = false;  // the indicator table has 偏差原因分析及改进措施

  // Arithmetic stated in text and tables.
  std::vector<SumFact> sums;
  std::vector<ShareFact> shares;

  // Whole-department figures (部门整体).
  std::vector<Stated> final_expenditure;   // 决算数 / 决算支出
  std::vector<Stated> difference_rate;     // 预决算差异率, in %
  std::vector<Stated> carryover_total;     // 结转结余总额
  std::vector<Stated> expenditure_budget;  // 支出预算数 (结转结余率's denominator)
  std::vector<Stated> carryover_rate;      // 结转结余率, in %
  std::optional<Stated> project_count;     // 项目 … 个
  std::vector<std::pair<std::string, Stated>> grade_counts;  // 优 5 个, …

  // Claims against figures.
  std::vector<TextTarget> targets;
  std::vector<TextActual> actuals;
  std::vector<Claim> claims;
  std::vector<UnreadableValue> unreadable;

  // Leaf indicator rows (target or actual given), the execution row left out.
  int indicator_count() const;
};

Facts extract_facts(const Document& doc);

// "投入指标" → "投入", "项目决策" → "决策", "项目管理指标" → "管理": the
// core word of a category name, to compare the text's labels with the table's.
std::string category_core(std::string_view name);

}  // namespace jixiao::audit
