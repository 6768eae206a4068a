// The wording of every flag the engine raises: one place for the Chinese
// messages, so that they read alike and can be reviewed together. Messages
// quote what the user wrote (「…」) and the numbers both ways.
#include <cmath>
#include <string>

#include "core/checks.h"
#include "core/clauses.h"
#include "core/concat.h"
#include "core/decimal.h"
#include "core/engine.h"
#include "core/text.h"

namespace jixiao::core {
namespace {

std::string num(double v) {
  return format_number(v);
}

void join(std::string& parts, double w) {
  if (!parts.empty()) parts += '+';
  parts += format_number(w);
}

// "45+45=90", or "90" alone when there is one part or none: "合计90=90" and
// "合计=0" say nothing more.
std::string sum_text(const std::string& parts, double sum) {
  if (parts.find('+') == std::string::npos) return num(sum);
  return parts + "=" + num(sum);
}

// "5+57.58+14.22+14.7": the parts of the stated total, as the check added them.
std::string stated_parts(const Evaluation& e, const ScoreCard& card) {
  const StatedScores& stated = card.stated;
  std::string parts;
  if (card.execution.weight > 0 && e.budget && e.budget->stated_score) {
    join(parts, e.budget->stated_score->value);
  }
  for (int i = 0; i < static_cast<int>(e.indicators.size()); ++i) {
    if (e.indicators[i].parent == -1 && stated.own(i)) join(parts, *stated.own(i));
  }
  return parts;
}

// A part of what a target asks for (`asks`: "含多项") missed or not reported:
// the evaluator scores the row.
std::string part_message(std::string_view target, std::string_view actual, std::string_view asks,
                         std::string_view part, bool missed) {
  return concat("年度指标值「", target, "」", asks, "，实际完成值「", actual,
                missed ? "」未达到其中「" : "」未写明其中「", part,
                missed ? "」，需由评价人给分" : "」的完成情况，需由评价人给分");
}

std::string leaf_message(const Evaluation& e, const ScoreCard& card, const RuleSet& r,
                         const Flag& f) {
  const Indicator& ind = e.indicators[f.node];
  // Quoted where they are shown: 「…」.
  const std::string_view t = ind.target_text;
  const std::string_view a = ind.actual_text;
  switch (f.kind) {
    case FlagKind::target_missing:
      return "未填写年度指标值，无法计分";
    case FlagKind::actual_missing:
      return "未填写实际完成值，无法计分";
    case FlagKind::actual_time_missing:
      return "未填写实际完成时间，无法计分";
    case FlagKind::actual_is_plan:
      return concat("实际完成值「", a, "」是计划或预计的数，不是实际完成情况，请填写实际完成值");
    case FlagKind::actual_of_past_year:
      return concat("实际完成值「", a, "」是上年的数，不是本年实际完成情况，请填写本年实际完成值");
    case FlagKind::target_not_number:
      return concat("年度指标值「", t, "」不是可计算的数值");
    case FlagKind::target_unreadable:
      return concat("年度指标值「", t, "」无法识别");
    case FlagKind::target_not_time:
      return concat("年度指标值「", t, "」不是可比较的时间");
    case FlagKind::actual_not_number:
      return concat("实际完成值「", a, "」无法识别为数值，年度指标值为「", t, "」");
    case FlagKind::actual_unreadable:
      return concat("实际完成值「", a, "」无法识别");
    case FlagKind::actual_not_time:
      return concat("实际完成值「", a, "」不是可比较的时间");
    case FlagKind::units_differ:
      return concat("年度指标值「", t, "」与实际完成值「", a, "」的单位不一致，无法比较");
    case FlagKind::change_against_level:
      return concat("实际完成值「", a, "」是增减变化，年度指标值「", t,
                    "」是应达到的水平，无法比较，请填写实际达到的水平");
    case FlagKind::level_against_change:
      return concat("年度指标值「", t, "」是增减的百分点，实际完成值「", a,
                    "」是达到的水平，无法比较，请填写增减的百分点");
    case FlagKind::outside_band:
      return concat("实际完成值「", a, "」在年度指标值「", t,
                    "」的范围之外，高于或低于范围均未达到，需由评价人给分");
    case FlagKind::part_missed:
    case FlagKind::part_unreported: {
      std::vector<TargetPart> parts;
      const auto part = static_cast<size_t>(f.n[0]);
      const std::string_view which =
          target_parts(ind.target.text, parts) && part < parts.size() ? parts[part].written : t;
      return part_message(t, a, "含多项", which, f.kind == FlagKind::part_missed);
    }
    case FlagKind::words_part_missed:
    case FlagKind::words_part_unreported: {
      const std::string target = text::normalize_cell(ind.target_text);
      return part_message(t, a, "除数值外还有文字要求", words_besides_figure(target, ind.target),
                          f.kind == FlagKind::words_part_missed);
    }
    case FlagKind::undone_before_deadline:
      return concat("实际完成值「", a, "」只说明到所写时间尚未完成，早于年度指标值「", t,
                    "」的期限，看不出是否按期完成，需由评价人给分");
    case FlagKind::deadline_within_span:
      return concat("实际完成值「", a, "」是一段时间而不是某一天，年度指标值「", t,
                    "」的期限落在这段时间之内，看不出是否按期完成，需由评价人给分");
    case FlagKind::figures_differ:
      return concat("实际完成值「", a, "」写了几个与年度指标值「", t,
                    "」单位相同而大小不同的数，看不出哪个是实际完成值，需由评价人给分");
    case FlagKind::levels_either_way:
      return concat("年度指标值「", t, "」是增减的百分比，实际完成值「", a,
                    "」写的是前后两个百分数，看不出所要求的增减是百分点还是百分比，需由评价人给分");
    case FlagKind::dates_differ:
      return concat("实际完成值「", a, "」写了几个日期，有的按时、有的晚于年度指标值「", t,
                    "」，看不出哪个是完成时间，需由评价人给分");
    case FlagKind::part_undone:
      return concat("实际完成值「", a, "」写明有未完成或未达标的部分，看不出是否达到年度指标值「",
                    t, "」，需由评价人给分");
    case FlagKind::only_started:
      return concat("实际完成值「", a, "」只说开了工，看不出是否已完成、是否达到年度指标值「", t,
                    "」，需由评价人给分");
    case FlagKind::survey_tier_unclear:
      return concat("实际完成值「", a,
                    "」分档列出满意程度，其中基本满意（或一般）一档有的调查计入满意度、有的不计入，"
                    "需由评价人按调查口径给分");
    case FlagKind::total_against_period:
      return concat("年度指标值「", t, "」是每个周期应达到的次数或数量，实际完成值「", a,
                    "」是全年合计，看不出是否每个周期都做到，需由评价人给分");
    case FlagKind::bare_fraction:
      if (f.n[1] != 0) {  // the target is the bare fraction: "≥0.95" against "96%"
        return concat("年度指标值「", t, "」未写单位，实际完成值「", a,
                      "」是百分数：年度指标值可能是小数（即", num(f.n[0]),
                      "%），也可能是百分数，请写成百分数");
      }
      return concat("实际完成值「", a, "」未写单位，年度指标值「", t, "」是百分数：「", a,
                    "」可能是小数（即", num(f.n[0]), "%），也可能是百分数（", a,
                    "%），请写成百分数");
    case FlagKind::bare_off_scale:
      return concat("实际完成值「", a, "」未写单位，按年度指标值「", t, "」的单位读是其",
                    num(std::round(f.n[0])), "倍，可能未换算单位，请写明单位");
    case FlagKind::opposite_measure:
      return concat("实际完成值「", a, "」计的是与本指标相反的量，与年度指标值「", t,
                    "」无法比较，请填写本指标所计的值");
    case FlagKind::another_rate:
      return concat("实际完成值「", a, "」标明的是另一个比率，不是本指标所计的率，与年度指标值「",
                    t, "」无法比较，请填写本指标所计的值");
    case FlagKind::tier_out_of_band: {
      const int level = static_cast<int>(f.n[3]);
      const std::string label =
          level >= 0 && level < static_cast<int>(r.tiers.size()) ? r.tiers[level].label : "";
      return concat("实际完成情况属「", label, "」档，得分应在", num(f.n[0]), "至", num(f.n[1]),
                    "分之间，填报得分", num(f.n[2]), "超出该档");
    }
    case FlagKind::words_need_evaluator:
      if (text::says_no_data(a)) {
        return concat("实际完成值「", a,
                      "」说明尚无实际数据，无法判断完成程度；请填写实际完成值，或由评价人给分");
      }
      return concat("无法根据「", a, "」自动判断完成程度，需由评价人按档次给分");
    case FlagKind::bound_overstates: {
      const auto op = static_cast<Op>(static_cast<int>(f.n[0]));
      // "接近90%", "基本达到95%", "近0起": a little short of it, or about it.
      const std::string_view side = op == Op::lt && ind.actual.near ? "接近"
                                    : op == Op::lt                  ? "低于"
                                    : op == Op::le                  ? "不高于"
                                    : op == Op::gt                  ? "高于"
                                                                    : "不低于";
      return concat("实际完成值「", a, "」只说明实际值", side,
                    "该数，按该数计分会高估完成程度，需由评价人给分");
    }
    case FlagKind::manual_score_missing:
      if (f.n[0] != 0) {  // words against a figure (1) or a date (2)
        return concat("年度指标值「", t, "」是文字要求，实际完成值「", a, "」是",
                      f.n[0] == 1 ? "数值" : "日期", "，无法自动比较，需由评价人给分");
      }
      return "该指标需由评价人给分，但未填写得分";
    case FlagKind::children_unweighted:
      return "下级指标未列分值，本级也未填写得分，无法计分";
    case FlagKind::not_applicable:
      return concat("该指标不适用，分值", num(f.n[0]), "分不计入，总分按适用指标折算");
    case FlagKind::manual_without_reason:
      return "评价人打分未写明理由";
    case FlagKind::over_achievement:
      return concat("实际完成值「", a, "」为年度指标值「", t, "」的", format_percent(f.n[0], 0),
                    "，达到或超过", format_percent(f.n[1], 0), "，目标可能设定偏低");
    case FlagKind::over_without_note:
      return concat("实际完成值超过年度指标值的", format_percent(f.n[0], 0),
                    "，按规则须说明偏差原因");
    case FlagKind::short_without_note:
      return concat("实际完成值「", a, "」未达到年度指标值「", t, "」，未说明偏差原因");
    case FlagKind::score_below_weight_no_note:
      return concat("得分", num(f.n[0]), "低于分值", num(f.n[1]), "，未填写偏差原因分析及改进措施");
    case FlagKind::children_weights_differ:
      return weight_sum_message(e, f);
    case FlagKind::category_unweighted:
      return "一级指标未列分值，下级指标也未全部列出分值：总分不含此项，无法核对分值合计";
    case FlagKind::stated_above_weight:
      return concat("填报得分", num(f.n[0]), "超过分值", num(f.n[1]));
    case FlagKind::stated_negative:
      return concat("填报得分", num(f.n[0]), "为负数");
    case FlagKind::stated_differs:
      return concat("填报得分", num(f.n[0]), "，按规则应得", num(f.n[1]), "分（",
                    explain(e, card, f.node, r), "）");
    case FlagKind::stated_on_not_applicable:
      return concat("指标不适用，却填报得分", num(f.n[0]));
    case FlagKind::children_stated_sum_differs:
      return concat("下级指标填报得分合计", num(f.n[0]), "，与本级填报得分", num(f.n[1]), "不符");
    case FlagKind::expert_count_differs:
      return concat("专家评分有", num(f.n[0]), "个，专家名单有", num(f.n[1]), "人");
    case FlagKind::expert_score_out_of_range: {
      const auto k = static_cast<size_t>(f.n[0]);
      const std::string who =
          k < e.experts.size() ? e.experts[k] : "第" + std::to_string(k + 1) + "位专家";
      return concat(who, "评分", num(f.n[1]), "不在0至分值", num(f.n[2]), "之间");
    }
    case FlagKind::experts_disagree:
      return concat("专家评分分歧较大：最高", num(f.n[0]), "分，最低", num(f.n[1]), "分，相差",
                    num(f.n[0] - f.n[1]), "分，超过分值", num(f.n[2]), "的",
                    format_percent(r.expert_range_share, 0));
    default:
      return "";
  }
}

std::string budget_message(const Evaluation& e, const ScoreCard& card, const Flag& f) {
  const ExecutionResult& ex = card.execution;
  const std::string target_rate = e.budget ? e.budget->target_rate : "";
  const std::string stated_rate = e.budget ? e.budget->stated_rate : "";
  switch (f.kind) {
    case FlagKind::budget_target_unreadable:
      return "预算执行率目标" + text::quoted(target_rate) + "无法识别";
    case FlagKind::budget_rate_unreadable:
      return "填报执行率" + text::quoted(stated_rate) + "无法识别";
    case FlagKind::budget_amounts_missing:
      if (ex.negative) {
        return "全年执行数或预算数为负数（执行数" + num(ex.numerator) + "，预算数" +
               num(ex.denominator) + "），无法计算预算执行率";
      }
      return ex.zero_budget ? "预算数为0，无法计算预算执行率"
                            : "未填写全年执行数或预算数，无法计算预算执行率";
    case FlagKind::spent_over_budget:
      return "全年执行数" + num(ex.numerator) + "超过预算数" + num(ex.denominator) + "，执行率" +
             format_percent(ex.rate) + "：请核实是否超预算支出，或执行数、预算数填报有误";
    case FlagKind::execution_rate_differs:
      return "填报执行率" + stated_rate + "，按执行数" + num(ex.numerator) + "/预算数" +
             num(ex.denominator) + "计算应为" + format_percent(ex.rate);
    case FlagKind::stated_above_weight:
      return "填报得分" + num(f.n[0]) + "超过分值" + num(f.n[1]);
    case FlagKind::stated_differs:
      return "填报得分" + num(f.n[0]) + "，按规则应得" + num(f.n[1]) + "分（" +
             explain_execution(card) + "）";
    default:
      return "";
  }
}

std::string evaluation_message(const Evaluation& e, const ScoreCard& card, const RuleSet& r,
                               const Flag& f) {
  switch (f.kind) {
    case FlagKind::top_weights_differ:
      return weight_sum_message(e, f);
    case FlagKind::total_differs_from_parts:
      return "填报总分" + num(f.n[0]) + "与各项填报得分合计" +
             sum_text(stated_parts(e, card), f.n[1]) + "不符";
    case FlagKind::total_differs_from_rules:
      return "填报总分" + num(f.n[0]) + "，按规则计算应为" + num(card.total) + "（" +
             explain_total(card, r) + "）";
    case FlagKind::grade_differs: {
      const GradeBand* band = r.grade_for(f.n[0]);
      return "评价等级填报为「" + e.stated_grade + "」，" + (f.n[1] != 0 ? "填报总分" : "总分") +
             num(f.n[0]) + "按" + r.name + "等级标准应为「" + (band ? band->label : "") + "」";
    }
    case FlagKind::total_capped:
      return "预算执行率" + format_percent(card.execution.rate) + "，按规则总分不得超过" +
             num(f.n[0]) + "分";
    case FlagKind::spending_lags:
      return "绩效指标得分率" + format_percent(f.n[0]) + "，而预算执行率仅" +
             format_percent(card.execution.rate) + "，完成情况明显好于资金使用，需核实";
    case FlagKind::panel_too_small:
      return "评价工作组仅有" + num(f.n[0]) + "名专家，少于规定的" + num(f.n[1]) + "名";
    default:
      return "";
  }
}

}  // namespace

std::string_view flag_code(FlagKind kind) {
  switch (kind) {
    case FlagKind::target_missing:
    case FlagKind::actual_missing:
    case FlagKind::actual_time_missing:
    case FlagKind::actual_is_plan:
    case FlagKind::actual_of_past_year:
    case FlagKind::budget_amounts_missing:
      return "missing_value";
    case FlagKind::target_not_number:
    case FlagKind::target_unreadable:
    case FlagKind::target_not_time:
    case FlagKind::actual_not_number:
    case FlagKind::actual_unreadable:
    case FlagKind::actual_not_time:
    case FlagKind::budget_target_unreadable:
    case FlagKind::budget_rate_unreadable:
      return "unparseable_value";
    case FlagKind::units_differ:
    case FlagKind::change_against_level:
    case FlagKind::opposite_measure:
    case FlagKind::another_rate:
    case FlagKind::level_against_change:
    case FlagKind::bare_off_scale:
    case FlagKind::bare_fraction:
    case FlagKind::total_against_period:
      return "unit_mismatch";
    case FlagKind::tier_out_of_band:
      return "out_of_band";
    case FlagKind::words_need_evaluator:
    case FlagKind::bound_overstates:
    case FlagKind::outside_band:
    case FlagKind::undone_before_deadline:
    case FlagKind::deadline_within_span:
    case FlagKind::survey_tier_unclear:
    case FlagKind::figures_differ:
    case FlagKind::dates_differ:
    case FlagKind::levels_either_way:
    case FlagKind::part_undone:
    case FlagKind::only_started:
    case FlagKind::part_missed:
    case FlagKind::part_unreported:
    case FlagKind::words_part_missed:
    case FlagKind::words_part_unreported:
    case FlagKind::manual_score_missing:
    case FlagKind::children_unweighted:
      return "manual_score_required";
    case FlagKind::not_applicable:
      return "not_applicable";
    case FlagKind::manual_without_reason:
      return "missing_reason";
    case FlagKind::over_achievement:
      return "over_achievement";
    case FlagKind::over_without_note:
    case FlagKind::short_without_note:
    case FlagKind::score_below_weight_no_note:
      return "missing_deviation_note";
    case FlagKind::children_weights_differ:
    case FlagKind::top_weights_differ:
    case FlagKind::category_unweighted:
      return "weight_sum_mismatch";
    case FlagKind::stated_above_weight:
    case FlagKind::stated_negative:
      return "score_exceeds_weight";
    case FlagKind::stated_differs:
    case FlagKind::stated_on_not_applicable:
      return "stated_score_differs";
    case FlagKind::children_stated_sum_differs:
    case FlagKind::total_differs_from_parts:
    case FlagKind::total_differs_from_rules:
      return "total_mismatch";
    case FlagKind::grade_differs:
      return "grade_mismatch";
    case FlagKind::total_capped:
      return "total_capped";
    case FlagKind::spending_lags:
      return "completion_outruns_spending";
    case FlagKind::execution_rate_differs:
      return "execution_rate_mismatch";
    case FlagKind::spent_over_budget:
      return "execution_over_budget";
    case FlagKind::panel_too_small:
      return "panel_too_small";
    case FlagKind::expert_count_differs:
      return "expert_count_mismatch";
    case FlagKind::expert_score_out_of_range:
      return "expert_score_out_of_range";
    case FlagKind::experts_disagree:
      return "expert_disagreement";
  }
  return "";
}

std::string weight_sum_message(const Evaluation& e, const Flag& f) {
  const std::vector<std::optional<double>> weights = effective_weights(e);
  std::string parts;
  if (f.kind == FlagKind::children_weights_differ) {
    const int n = static_cast<int>(e.indicators.size());
    for (int c = f.node + 1; c < n && e.indicators[c].level > e.indicators[f.node].level; ++c) {
      if (e.indicators[c].parent == f.node) join(parts, weights[c].value_or(0));
    }
    return "下级指标分值合计" + sum_text(parts, f.n[0]) + "，与本级分值" + num(f.n[1]) + "不符";
  }
  for (int i = 0; i < static_cast<int>(e.indicators.size()); ++i) {
    if (e.indicators[i].parent == -1) join(parts, weights[i].value_or(0));
  }
  const double execution_weight = f.n[2];
  if (execution_weight > 0) join(parts, execution_weight);
  std::string expected = num(f.n[1]);
  if (!std::isnan(f.n[3])) expected += "（不含预算执行率时为" + num(f.n[3]) + "）";
  return std::string("一级指标") + (execution_weight > 0 ? "及预算执行率" : "") + "分值合计" +
         sum_text(parts, f.n[0]) + "，应为" + expected;
}

std::string finding_message(const Evaluation& e, const ScoreCard& card, const RuleSet& r,
                            const Flag& f) {
  if (f.node >= 0 && f.node < static_cast<int>(e.indicators.size())) {
    return leaf_message(e, card, r, f);
  }
  if (f.node == kBudgetRow) return budget_message(e, card, f);
  return evaluation_message(e, card, r, f);
}

Finding describe(const Evaluation& e, const ScoreCard& card, const RuleSet& r, const Flag& f) {
  Finding out;
  out.code = flag_code(f.kind);
  out.severity = f.severity;
  if (f.node >= 0 && f.node < static_cast<int>(e.indicators.size())) {
    out.path = e.path(f.node);
  } else if (f.node == kBudgetRow) {
    out.path = {card.execution.name};
  }
  out.message = finding_message(e, card, r, f);
  return out;
}

std::vector<Finding> findings(const Evaluation& e, const ScoreCard& card, const RuleSet& r) {
  std::vector<Finding> out;
  out.reserve(card.flags.size());
  for (const Flag& f : card.flags) out.push_back(describe(e, card, r, f));
  return out;
}

}  // namespace jixiao::core
