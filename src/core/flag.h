// Flags: findings as the engine records them while scoring — which check
// fired, where, and the numbers its message quotes — with no text.
//
// Scoring runs over millions of rows a second; making a Chinese sentence for
// every problem would cost more than the scoring itself. So score_into()
// appends Flags, and describe() (engine.h) words a Flag into a Finding
// (finding.h) only when it is shown or stored. The wording of every flag lives
// in one file, core/finding_text.cc.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/finding.h"

namespace jixiao::core {

// One entry per distinct message. The Finding code (docs/rules.md) follows
// from the kind: several kinds share a code where a check has several
// wordings (missing_value for a target, an actual or a time).
enum class FlagKind : uint8_t {
  // leaves
  target_missing,        // missing_value
  actual_missing,        // missing_value
  actual_time_missing,   // missing_value
  actual_is_plan,        // missing_value: "预计120人", "计划2025年3月完成"
  actual_of_past_year,   // missing_value: "上年120人"
  target_not_number,     // unparseable_value
  target_unreadable,     // unparseable_value
  target_not_time,       // unparseable_value
  actual_not_number,     // unparseable_value
  actual_unreadable,     // unparseable_value
  actual_not_time,       // unparseable_value
  units_differ,          // unit_mismatch
  change_against_level,  // unit_mismatch: "提高2%" against "≥90%"
  opposite_measure,      // unit_mismatch: "不满意率1%" for 满意度
  another_rate,          // unit_mismatch: "满意率99.5%" for 投诉率
  only_started,          // manual_score_required: "开工10个" for 完工项目数
  level_against_change,  // unit_mismatch: "88%" against "较上年提高2个百分点"
  levels_either_way,     // manual_score_required: "由93%提高到96%" against "较上年提高2%"
  bare_off_scale,        // unit_mismatch: "998000" against "≤100万元"; n = {a/t}
  total_against_period,  // unit_mismatch: "12次" against "每月1次"
  bare_fraction,         // unit_mismatch: "0.965" against "≥90%"; n = {as a percentage,
                         // 1 when the target is the bare one ("≥0.9" against "96%")}
  tier_out_of_band,      // out_of_band: n = {low, high, stated, tier level}
  words_need_evaluator,  // manual_score_required
  bound_overstates,  // manual_score_required: "未达到90%" against "≥90%"; n = {actual's Op}
  outside_band,      // manual_score_required: "28℃" against "18℃-26℃"
  undone_before_deadline,  // manual_score_required: "截至2024年5月未完成" against "2024年6月前"
  deadline_within_span,  // manual_score_required: "2024年10月" against "2024年10月15日前"
  survey_tier_unclear,  // manual_score_required: "非常满意60%，满意30%，基本满意8%" for 满意度
  figures_differ,  // manual_score_required: "完成3个，在建1个" against "3个"
  dates_differ,  // manual_score_required: "2024年11月完成，2025年1月验收" against "2024年12月前"
  part_undone,  // manual_score_required: "100%，部分未达标" against "100%"
  part_missed,  // manual_score_required: "120人次，4场" against "≥100人次，≥5场"; n = {part}
  part_unreported,  // manual_score_required: "120人次" against "≥100人次，≥5场"; n = {part}
  words_part_missed,  // manual_score_required: "未覆盖全县" against "≥100人次，覆盖全县"
  words_part_unreported,  // manual_score_required: "120人次" against "≥100人次，覆盖全县"
  manual_score_missing,   // manual_score_required
  children_unweighted,    // manual_score_required (a category)
  not_applicable,         // not_applicable: n = {weight}
  manual_without_reason,       // missing_reason
  over_achievement,            // over_achievement: n = {achievement, flag threshold}
  over_without_note,           // missing_deviation_note: n = {threshold}
  short_without_note,          // missing_deviation_note (a leaf without weight)
  score_below_weight_no_note,  // missing_deviation_note: n = {score, weight}
  // weights
  children_weights_differ,  // weight_sum_mismatch: n = {sum, weight}
  top_weights_differ,  // weight_sum_mismatch: n = {sum, total, execution weight, without execution}
  category_unweighted,  // weight_sum_mismatch: a level-1 node with no weight of its own or its
                        // children's
  // stated figures
  stated_above_weight,          // score_exceeds_weight: n = {stated, weight}
  stated_negative,              // score_exceeds_weight: n = {stated}
  stated_differs,               // stated_score_differs: n = {stated, computed}
  stated_on_not_applicable,     // stated_score_differs: n = {stated}
  children_stated_sum_differs,  // total_mismatch: n = {children's sum, stated}
  total_differs_from_parts,     // total_mismatch: n = {stated total, parts' sum}
  total_differs_from_rules,     // total_mismatch: n = {stated total}
  grade_differs,                // grade_mismatch: n = {basis total, 1 when the total was stated}
  total_capped,                 // total_capped: n = {cap}
  spending_lags,                // completion_outruns_spending: n = {indicator score rate}
  // the budget row (node = kBudgetRow)
  budget_target_unreadable,  // unparseable_value
  budget_rate_unreadable,    // unparseable_value
  budget_amounts_missing,    // missing_value
  execution_rate_differs,    // execution_rate_mismatch
  spent_over_budget,         // execution_over_budget (a warning)
  // expert panels
  panel_too_small,            // panel_too_small: n = {members, required}
  expert_count_differs,       // expert_count_mismatch: n = {scores, members}
  expert_score_out_of_range,  // expert_score_out_of_range: n = {expert index, score, weight}
  experts_disagree,           // expert_disagreement: n = {high, low, weight}
};

// Where a flag points, besides an indicator index.
inline constexpr int kWholeEvaluation = -1;
inline constexpr int kBudgetRow = -2;

struct Flag {
  FlagKind kind = FlagKind::target_missing;
  Severity severity = Severity::error;
  int node = kWholeEvaluation;  // index in Evaluation::indicators, or one of the above
  double n[4] = {0, 0, 0, 0};   // the numbers the message quotes (per kind, above)
};

// The stable Finding code of a kind ("weight_sum_mismatch").
std::string_view flag_code(FlagKind kind);

}  // namespace jixiao::core
