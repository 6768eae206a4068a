// Monitoring lights (绩效运行监控, rules.md §6): in-year progress of each
// indicator and of the budget, shown as a warning light (预警 红 黄 绿 蓝).
//
// Contract: every function is pure and never fails. What cannot be judged
// is a result with status unknown (or error for a caller's mistake such as
// month 13) and a Chinese reason; such a result carries no light, so nothing
// unreadable ever shows as green.
//
// At month m (1..12; a quarter is m = 3, 6, 9, 12) the report describes the
// state at the end of month m. Lights, with the default bands:
//
//   higher is better   v = actual_to_date / (t·m/12)
//                      red v < 60 %, yellow 60–80 %, green 80–120 %, blue ≥ 120 %
//   lower is better    green while actual ≤ t, else red (not pro-rated: a
//                      limit such as ≤15 起 or ≤5 % holds all year)
//   qualitative        the rule set's tiers, best first (达成 / 部分达成 /
//                      未达成) → green / yellow / red; a grade (优良中低差) by
//                      the tier band its share falls in (优 良 green, 中
//                      yellow, 低 差 red in the national set)
//   budget             v = execution_rate_to_date / (m/12)
//                      red v < 60 %, yellow 60–80 %, green ≥ 80 % (no blue)
//   project            the worst light: red > yellow > green > blue
//
// Choices where rules.md is silent [choice]:
// - A ratio is classified at the precision it is shown: as a percentage
//   rounded half-up to two decimals, so exactly 60 % is yellow, 80 % green,
//   120 % blue, and "59.996 %" (shown as 60 %) is yellow.
// - Direction: the target's operator decides (≥ > range: higher; ≤ <:
//   lower); a bare number is lower-is-better when the indicator's name (or
//   the target's label) is in the rule set's lower_is_better_names. "=" reads
//   as higher-is-better. A target of 0 written with "=" or no operator
//   ("0起", "=0") reads as lower-is-better: nothing may happen. An
//   Indicator's explicit kind (higher_is_better, lower_is_better, equal,
//   proportional_capped) overrides the inference.
// - Higher is better with t ≤ 0: no ratio (no division by zero); green while
//   actual ≥ t, else red.
// - A range target ("100-200家") uses its lower bound for v, and its upper
//   bound for blue: blue when actual ≥ 120 % of upper·m/12.
// - Levels are not pro-rated (v = actual / t): a rate or a score (a target in
//   % or 分) unless the name or the words before a figure say it is done so
//   far (完成, 执行, 到位, 覆盖, …); one per another ("1000元/人", "500吨/日",
//   "100人/期"; not per a period of the year, "100万元/年", nor a choice of
//   counting words, "台/套"); a length in years ("≥10年"); a count per period
//   ("每月1次"), which is a pace. A year's count against a target per period
//   ("7次" against "每月1次") is unknown: it cannot show every month's.
// - A deadline target (a date, "9月前", "第三季度"): its month is the due
//   month (no month: December); the year is not compared with m, since
//   monitoring is within the budget year. Done on or before the deadline
//   (core::compare_dates): green; done after it: red. Not done: green while
//   m is before the due month, red from the due month on (by the end of
//   month m a deadline within month m has passed). Done is a completion date
//   no later than month m, or words of the best tier or yes ("已完成", "是");
//   other words, an empty actual, a date after month m (a plan) and "截至…
//   未完成" mean not done. Early or late by a length of time ("提前2个月完成",
//   "延迟1个月"): green or red at once.
// - A target of several figures ("≥100人次，≥5场"): each part lit against the
//   clause that reports it, the worst light for all; unknown when a part is.
// - Yes/no words ("是", "否") as the actual: as the target wants (yes, unless
//   the target is a no word) → green; otherwise yellow before December and
//   red at m = 12, as a deadline at the year's end.
// - Unknown: an empty or unreadable target; an empty or unreadable actual
//   (except on a deadline); a plan where the actual belongs ("预计120人");
//   words that are no tier, grade or yes/no; a number against words or
//   against a date; units that do not convert ("家" vs "%"), or a bare
//   figure a thousand times a target written with 万 ("998000" vs
//   "≤100万元"). A not-applicable indicator ("不适用") has status not_applicable and
//   no light.
// - Bands are data (LightBands) with the rules.md defaults; a rule set may
//   later carry them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/rule_set.h"

namespace jixiao::core {

// Declared best first; a larger value is a worse light.
enum class Light : uint8_t { blue, green, yellow, red };

std::string_view light_code(Light light);   // "blue", "green", "yellow", "red"
std::string_view light_label(Light light);  // 蓝 绿 黄 红
// Reads a code, a label or a label with 灯 ("红灯"); nullopt otherwise.
std::optional<Light> light_from_text(std::string_view text);
// The worse of two lights (red > yellow > green > blue).
Light worse_light(Light a, Light b);

enum class LightStatus : uint8_t {
  lit,             // `light` holds the light
  unknown,         // the inputs cannot be judged; `explanation` says why
  not_applicable,  // the indicator does not apply; no light
  error,           // the caller's input is wrong (a month outside 1..12, a negative rate)
};

std::string_view light_status_code(LightStatus status);  // "lit", "unknown", …

struct LightResult {
  LightStatus status = LightStatus::unknown;
  std::optional<Light> light;   // set exactly when status == lit
  std::optional<double> ratio;  // v (0.9 is 90 %) when one was computed; for
                                // lower-is-better, actual/t
  std::string explanation;      // Chinese, quoting the numbers:
                                // "进度比 = 45/(100×6/12) = 90%，绿灯"
};

// The thresholds of the lights, as shares of the plan to date.
struct LightBands {
  double indicator_yellow = 0.6;  // below: red
  double indicator_green = 0.8;   // below: yellow
  double indicator_blue = 1.2;    // at or above: blue
  double budget_yellow = 0.6;     // below: red
  double budget_green = 0.8;      // below: yellow; at or above: green
};

// The light of one indicator at month `month` from its target and its actual
// to date. `name` is the indicator's name (for lower-is-better names).
LightResult indicator_light(std::string_view name, const Value& target, const Value& actual_to_date,
                            int month, const RuleSet& rules, const LightBands& bands = {});

// As above for a node of an indicator tree: node.actual is the actual to
// date; node.kind, when explicit, sets the direction; node.not_applicable
// gives status not_applicable.
LightResult indicator_light(const Indicator& node, int month, const RuleSet& rules,
                            const LightBands& bands = {});

// The budget's light from the execution rate to date (0.3 is 30 %).
LightResult budget_light(double execution_rate_to_date, int month, const LightBands& bands = {});

// As above with the rate computed from a budget's amounts to date: executed /
// adjusted (or initial when no adjusted budget is given), or executed /
// received under the rule set's executed_over_received formula. Unknown when
// an amount is missing or the denominator is not positive.
LightResult budget_light(const Budget& budget, int month, const RuleSet& rules,
                         const LightBands& bands = {});

// A project's light: the worst of the lit lights. Lights that are unknown or
// in error are counted in the explanation ("另有1项无法判断"), never dropped
// silently; not-applicable ones are left out. When nothing is lit the status
// is not_applicable if every light is, else unknown. The result has no ratio.
LightResult project_light(const std::vector<LightResult>& lights);

struct MonitoringCard {
  int month = 0;
  std::vector<LightResult> nodes;     // nodes[i] belongs to Evaluation::indicators[i];
                                      // a category shows the worst light below it
  std::optional<LightResult> budget;  // when the evaluation has a budget
  LightResult project;                // the worst of the leaves and the budget
};

// Every light of an evaluation whose actuals are the actuals to date. With an
// invalid month every result is an error.
MonitoringCard monitor(const Evaluation& evaluation, int month, const RuleSet& rules,
                       const LightBands& bands = {});

}  // namespace jixiao::core
