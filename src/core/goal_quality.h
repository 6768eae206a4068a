// Goal quality (目标审核, rules.md §9): the faults reviewers find in declared
// goals (绩效目标), checked when a goal is declared.
//
// Contract: check_goal_quality() is pure and deterministic and never fails; it
// reads the overall goal (Evaluation::overall_goal) and the indicator tree
// with its targets, and ignores actuals, scores and the budget's amounts.
// Findings come in the order of the table below, nodes in tree order within a
// check. Names are compared after text::normalize (full-width and traditional
// forms folded) with white space removed.
//
//   code                       severity  path      when
//   no_indicators              error     —         the tree is empty (no other
//                                                  check of the tree runs)
//   missing_value              error     leaf      a leaf has no target (the
//                                                  engine's code)
//   unparseable_value          error     leaf      a target cannot be read
//                                                  ("100:%"; the engine's code)
//   several_figures            warning   leaf      a target of several figures
//                                                  ("≥100人次，≥5场"): scored part
//                                                  by part, clearer split; or of
//                                                  a figure and words it asks for
//                                                  besides ("≥100人次，覆盖全县")
//   weight_sum_mismatch        error     node / —  a parent's weight ≠ the sum of
//                                                  its children's; the level-1
//                                                  weights ≠ the rule set's total
//   no_quantity_indicator      warning   node / —  see "Quantity" below
//   no_satisfaction_indicator  warning   —         no node named …满意…
//   no_cost_indicator          error     —         require_cost and no node named
//                                                  …成本…
//   unmeasurable_indicator     warning   leaf      a leaf under 效益 or 满意 (any
//                                                  node of its path) whose target
//                                                  is neither a number nor a date
//   no_time_limit              warning   leaf      a leaf under 时效 whose target is
//                                                  neither a date ("2021年12月底前")
//                                                  nor a duration ("30个工作日内")
//                                                  nor a deed done at once ("当天办结");
//                                                  a rate such as "及时率100%" names
//                                                  no time limit and is flagged
//   target_without_unit        warning   leaf      a number with no unit and no
//                                                  multiplier ("100"), unless the
//                                                  name says it is dimensionless
//                                                  (…指数, …系数)
//   approximate_target         warning   leaf      a figure given only roughly
//                                                  ("接近100%", "约95%", "95%左右",
//                                                  "基本达到95%"): scored as the
//                                                  figure, but no bound is set
//   duplicate_indicator        error     node      the same name twice under one
//                                                  parent
//                              warning   leaf      the same name and target under
//                                                  different parents
//   no_overall_goal            warning   —         the overall goal is empty
//   goal_repeats_indicators    warning   —         see "Overall goal" below
//
// Choices where rules.md is silent [choice]:
// - Leaves that do not apply (Indicator::not_applicable, or a target "不适用")
//   are skipped by every leaf check and do not count as quantitative.
// - Quantity: a quantitative leaf has a numeric target. Every category of
//   level 2 or below named …数量… (and a level-2 leaf so named) needs a
//   quantitative leaf below it (or to be one). A level-1 node named …产出… with no 数量 node below
//   it is flagged when it has sub-categories (a project's 产出 should have a 数量 category), or
//   when its leaves (a flat 产出, or any 产出 of a whole-department evaluation, whose 产出 is
//   职责履行) include no quantitative one. With neither a 产出 nor a 数量 node the whole tree is
//   flagged.
// - Weight total: checked only when every level-1 node has a weight. The
//   level-1 weights plus the execution weight (the budget's, or the rule
//   set's self_execution_weight for a self-evaluation with a budget) must equal
//   the rule set's total. A declared self-evaluation goal often has no budget
//   row: for kind self without a budget, total − self_execution_weight (90 of
//   100) is accepted too.
// - Duplicates are reported on the later node, naming the first.
// - Overall goal: the text is split into clauses at ，,；;。、：: and line
//   breaks; enumeration marks ("1.", "（2）", "三、") and a trailing 等 are
//   dropped. A clause repeats an indicator when it equals a node's name, or is
//   a node's name followed only by its target or by a bare figure
//   ("培训人数100人次"). Flagged when at least one clause repeats and the
//   share of repeating clauses is more than `repeat_share` (default: more than
//   half), i.e. the goal lists indicators instead of describing a result.
#pragma once

#include <vector>

#include "core/finding.h"
#include "core/model.h"
#include "core/rule_set.h"

namespace jixiao::core {

struct GoalQualityOptions {
  // The framework has a 成本 category (财预〔2021〕101号, report 002): a goal
  // without a 成本 indicator is an error.
  bool require_cost = false;
  // goal_repeats_indicators when more than this share of the overall goal's
  // clauses repeat indicator names.
  double repeat_share = 0.5;
};

std::vector<Finding> check_goal_quality(const Evaluation& goal, const RuleSet& rules,
                                        const GoalQualityOptions& options = {});

}  // namespace jixiao::core
