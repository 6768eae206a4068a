// Two figures compared: a target and its actual put into one unit, or the
// reason they cannot be (units that differ, a change against a level, a
// year's count against a count per period, …). Scoring and monitoring both
// ask compare_figures, so the two never read a pair differently.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/changes.h"
#include "core/value.h"

namespace jixiao::core {

// A target and an actual in one unit (comparable_numbers).
struct Compared {
  double t = 0;               // the target, in the canonical unit
  double a = 0;               // the actual, likewise
  double display_factor = 1;  // what to divide both by to show them in the target's written unit
};

// Puts the numbers of a target and an actual into one unit (`out`). A bare number is read in the
// other side's unit ("≥1000万元" against "980"). An actual said per period
// ("每月1次") counts over the year against a yearly target ("≥12次"), as two
// periods do ("每月1次" against "每季度1次"). Returns false when the units
// cannot be compared ("家" against "个", "≥90%" against "0.95", or "10次"
// against "每月1次", which does not tell whether every month had one), which
// callers report rather than guess. A 满意度 (`name` holds 满意) surveyed as a
// score out of 100 is its percentage: "95分" against "≥85%" is 95 against 85.
//
// A change said the other way from the target's is below zero: "下降2%" against
// "较上年提高5%" is −2. The target's direction is its label's, or else that of
// the indicator's `name` ("收入增长率": "下降2%" against "≥5%" is −2). A rate's
// change against its level ("提高2%" against "≥90%" for 满意度) cannot be
// compared; a count said with a verb is what was added ("新增企业105家"
// against "≥100家" is 105).
bool comparable_numbers(const Value& target, const Value& actual, Compared& out,
                        std::string_view name = {});

// Whether `actual` says a rate's change ("提高2%") and neither its target's
// label nor the indicator's `name` asks for one ("≥90%" for 满意度):
// comparable_numbers refuses such a pair.
bool change_against_level(const Value& target, const Value& actual, std::string_view name);

// Whether `actual` is a level ("88%") and its target a change in percentage
// points ("较上年提高2个百分点"): the written texts tell, since 百分点 and %
// read alike. A change written as a level reached ("由85%提高到88%") is a
// level too. comparable_numbers cannot tell them apart; scoring and
// monitoring refuse such a pair.
bool level_against_change(const Value& target, std::string_view target_written, const Value& actual,
                          std::string_view actual_written);

// Whether a figure's label names the opposite of what the indicator `name`
// measures: 不 or 未 before the name's own words ("不满意率" for 群众满意度,
// "未完成率" for 完成率), or the name's words without the 不 or 未 the name puts
// before them ("合格率" for 不合格率, "完成" for 未完成项目数). Not when the name
// has the negation too ("不动产登记" for 不动产登记数量).
bool measures_the_opposite(std::string_view label, std::string_view name);

// Whether a figure's label names a rate other than the one the indicator
// `name` names ("满意率99.5%" for 投诉率, "故障率2%" for 设备完好率), or, for a
// name that names none, the target's label (`target_label` 投诉率 in "投诉率≤1%"
// for 服务质量): the label ends in 率 (or 满意度, 知晓度, 认可度), the name or
// the target's label names a rate too, and the two characters before the
// label's 率 share none with it (or, for a rate of going over a limit or a
// plan, 超标率, 超期率, 超额完成率, 超 and the character after it are not in
// it: 达标率, 完成率). Not a label of the rate done in general
// (完成率, 达成率, 实现率), nor one rate of money done for another (执行率 for
// 资金拨付率), which tables write alike.
bool names_another_rate(std::string_view label, std::string_view name,
                        std::string_view target_label);

// Whether an indicator's `name` counts work started (开工项目数, 动工面积,
// 新建项目数): a figure said to have started is its figure.
bool counts_started(std::string_view name);

// Whether a figure's label says the work has only started (开工, 动工: "开工10个"
// for 完工项目数 or 改造户数, "开工率100%" for 项目完工率), as "10个已开工" does
// after the figure. Not when the label says it finished too ("开工并完工10个"),
// nor for a `name` that counts_started.
bool only_started(std::string_view label, std::string_view name);

// A 满意度 (`name` holds 满意) surveyed on a scale the actual names
// ("4.5分（5分制）", "4.6分(满分5分)", "9.2分（10分制）") against a percentage: the
// score's share of the scale, in `c` (4.5 of 5 is 90%). False otherwise.
bool score_on_its_scale(const Value& target, const Value& actual, std::string_view actual_written,
                        std::string_view name, Compared& c);

// Why a target and an actual, both figures, cannot be compared.
enum class Mismatch : uint8_t {
  none,                  // compared
  opposite_measure,      // "不满意率1%" for 满意度
  another_rate,          // "满意率99.5%" for 投诉率
  only_started,          // "开工10个" for 完工项目数
  level_against_change,  // "88%" against "较上年提高2个百分点"
  levels_either_way,     // "由93%提高到96%" against "较上年提高2%": 3 points, or 3.2%?
  change_against_level,  // "提高2%" against "≥90%" for 满意度
  bare_off_scale,        // "998000" against "≤100万元": in 元, most likely
  total_against_period,  // "12次" against "每月1次": a year's count, not each month's
  bare_fraction,         // "0.965" against "≥90%", or "96%" against "≥0.9": a fraction
                         // (96.5%, 90%) or a percentage
  units_differ,          // "100个" against "≥100家"
};

// What is done with money set for a purpose: spent, paid out, received, used.
inline constexpr std::string_view kMoneyDeeds[] = {"执行", "支出", "支付", "拨付", "到位",
                                                   "使用", "兑付", "发放", "完成"};

// Whether an indicator's `name` is a rate of money spent, paid or received over
// the amount set for it (预算执行率, 资金拨付率, 资金到位率, 投资完成率: a name ending
// in one of kMoneyDeeds and 率).
bool is_rate_of_money_done(std::string_view name);

// What was done over what was planned, in percent: both counts in one counting
// word ("计划100户" and "完成98户": 98), or both amounts of money for a rate of
// money done (`name`: is_rate_of_money_done; "预算500万元" and "支出480万元": 96),
// with no bound. nullopt otherwise.
std::optional<double> percent_of_plan(const Value& plan, const Value& done, std::string_view name);

// "计划100户，实际完成98户" (read as 98户: read_plan_then_actual) against a
// percentage for a rate (项目完成率 ≥95%): what was done over what was planned,
// in one counting unit, as `c` (a = 98, t = 95). False for anything else.
bool share_of_plan_done(const Value& target, const Value& actual, std::string_view actual_written,
                        std::string_view name, Compared& c);

// Whether `actual` is a year's count ("12次") of what `target` counts per
// period ("每月1次", "1次/季度"): the total cannot show that every period had
// its share, so the two are not compared.
bool total_against_period(const Value& target, const Value& actual);

// Whether `actual` is a bare number up to 1 ("0.965") against a percentage
// above 1 ("≥90%"): a fraction (96.5%) or a percentage (0.965%), which only
// the table's author knows; comparable_numbers compares neither.
bool bare_fraction(const Value& target, const Value& actual);

// Whether a figure is counted per period: "每月1次", "1次/季度" (comparable_numbers
// counts it over the year: 12次, 4次).
bool counted_per_period(const Value& v);

// "450元" against "≤500元/人": an amount without the "/人" of a ceiling per
// one of something counted whole. Per person or for all of them (no more per
// person, there being one at least), it is within the ceiling: compared in
// `c`. False when it exceeds the ceiling (a total may), for an actual given
// as a lower bound, and for a ceiling per a measure ("元/平方米": an area may
// be less than one).
bool amount_within_ceiling_per_unit(const Value& target, const Value& actual, Compared& c);

// compare_figures where comparable_numbers cannot compare: a score on its own
// scale, a share of the plan done, an amount within a ceiling per unit, or
// why not. Out of line, so that the common path of compare_figures stays
// small enough to be inlined where it is asked.
Mismatch compare_figures_rare(const Value& target, const Value& actual,
                              std::string_view actual_written, std::string_view name, Compared& c);

// Whether a target is a ceiling (≤, <) above zero on a deviation, one the
// indicator `name` or the target's label names (偏差, 差异, 误差: 预算执行偏差率,
// 预决算差异率), or a bare figure for a rate of deviation (偏差率, 差异率, 误差率,
// which rule sets read as lower-is-better): it bounds the deviation's size
// either way, so "-7%" against "≤5%" is 7%, over it (compare_figures reads it so).
bool bounds_a_deviation(const Value& target, std::string_view name);

// Against a change ("较上年提高2个百分点", "较上年增加10人", "较上年增长5%"), an
// actual that states the level before and the level reached ("由93%提高到96%",
// "从100人增加至105人", "93%→96%", "上年93%，本年96%", "105人（上年100人）"):
// the change between them, into `c` as the change the target asks for (below
// zero when the other way). In 百分点 the levels' difference, in % of amounts the
// difference over the level before, in the target's own unit the difference.
// none when the actual states no two such levels, or states them in another
// unit; either_way when they are percentages against a change in %, which may
// mean points or a share of the level before (the evaluator's). In clauses.cc,
// which reads the cell as the clauses of an actual are read.
enum class LevelsChange : uint8_t { none, found, either_way };
LevelsChange change_between_levels(const Value& target, std::string_view target_written,
                                   std::string_view actual_written, Compared& c);
// The same as compare_figures says it: none when found, levels_either_way, or
// nullopt when the actual states no two levels.
inline std::optional<Mismatch> levels_mismatch(const Value& target, std::string_view target_written,
                                               std::string_view actual_written, Compared& c) {
  switch (change_between_levels(target, target_written, actual_written, c)) {
    case LevelsChange::found:
      return Mismatch::none;
    case LevelsChange::either_way:
      return Mismatch::levels_either_way;
    case LevelsChange::none:
      break;
  }
  return std::nullopt;
}

// comparable_numbers after the checks that need the label, the indicator's
// `name` or the written texts: the one reading of two figures that scoring
// and monitoring share, each wording the Mismatch its own way. `c` holds the
// comparison when it returns none. Inline: every numeric leaf asks, and most
// figures have no label.
inline Mismatch compare_figures(const Value& target, std::string_view target_written,
                                const Value& actual, std::string_view actual_written,
                                std::string_view name, Compared& c) {
  if (!actual.label.empty()) [[unlikely]] {
    if (measures_the_opposite(actual.label, name)) return Mismatch::opposite_measure;
    if (names_another_rate(actual.label, name, target.label)) return Mismatch::another_rate;
    if (only_started(actual.label, name)) return Mismatch::only_started;
  }
  if (!target.label.empty()) [[unlikely]] {
    // "由93%提高到96%" against "较上年提高2个百分点": the change the two levels make
    // (before, the level reached was read against the change).
    if (change_direction(actual.label) == 0) {
      if (const std::optional<Mismatch> m =
              levels_mismatch(target, target_written, actual_written, c)) {
        return *m;
      }
    }
    if (level_against_change(target, target_written, actual, actual_written)) {
      return Mismatch::level_against_change;
    }
  }
  if (comparable_numbers(target, actual, c, name)) {
    // A bare figure is in the target's unit as written; a thousand times the
    // target written with 万 or 亿 was most likely written in the unit itself.
    if (actual.unit.empty() && actual.factor == 1 && target.factor != 1 && c.t > 0 &&
        c.a >= 1000 * c.t) [[unlikely]] {
      return Mismatch::bare_off_scale;
    }
    // "-7%" against "≤5%" for 预算执行偏差率 (before, under the ceiling: full marks).
    if (c.a < 0 && bounds_a_deviation(target, name)) [[unlikely]]
      c.a = -c.a;
    return Mismatch::none;
  }
  return compare_figures_rare(target, actual, actual_written, name, c);
}

// Whether a range target is a band of conditions, met inside it and missed
// on either side ("18℃-26℃", "pH值6-9", "55-65分贝", or a bare range for an
// indicator `name` of 温度, 湿度, pH, 噪声, and one in % of 湿度), or a deviation
// allowed either way, a range from below zero to above it ("±5%", "-5%~5%"):
// a temperature above the band is no over-achievement. Other ranges are
// higher-is-better ("80-100人", "温度监测点10-12个").
bool is_band(const Value& target, std::string_view name);

// Whether an actual, compared in `c` (its figure, the lower end of a range),
// is inside a band target (is_band): a figure or a range with both its ends
// (before, "20-28℃" was inside "18℃-26℃" by its 20); a bound when it tells
// ("5%以内" against "±5%" bounds a deviation's size within the band; "≤15℃"
// against "18℃-26℃" is below it, "≥30℃" above it). nullopt when the bound
// tells too little ("≥20℃", "≤7%" against "±5%").
std::optional<bool> inside_band(const Value& target, std::string_view target_written,
                                const Value& actual, std::string_view actual_written,
                                std::string_view name, const Compared& c);

// A range's upper bound in the canonical unit of comparable_numbers' `t`
// for `actual` (a bare range takes the actual's unit, as its lower bound does).
double range_upper(const Value& target, const Value& actual);

// For an actual range ("3-7天"), whose figure as read is its lower end: `c`
// becomes the comparison of its upper end (7天), the worse end under a
// ceiling, which the engine and monitoring read in its place (before, "3-7天"
// met "≤5天"). `c` is left as it is when the upper end does not compare.
[[gnu::cold, gnu::noinline]] void compare_upper_end(const Value& target,
                                                    std::string_view target_written,
                                                    const Value& range,
                                                    std::string_view actual_written,
                                                    std::string_view name, Compared& c);

}  // namespace jixiao::core
