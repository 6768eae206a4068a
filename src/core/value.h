// A target (年度指标值) or an actual (实际完成值) as it is written in a table,
// read into operator, number and unit, a date, or words.
//
// Reading is independent of any rule set: it only says what was written.
// Whether words are a qualitative tier, a grade or yes/no, and which direction
// a bare number has, is decided when scoring (core/scoring.h), because those
// vocabularies belong to the rule set.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::core {

enum class Op : uint8_t { none, ge, gt, eq, le, lt, range };

// "≥", "≤", … for display; "" for none.
std::string_view op_symbol(Op op);

enum class ValueKind : uint8_t {
  empty,           // nothing written
  not_applicable,  // "/", "-", "—", "不适用", "N/A"
  number,          // operator + number + unit: "≥100家", "24小时内", "1,234.5", "100-200家"
  date,            // a calendar point or deadline: "2021年12月前", "9月前", "第三季度"
  text,            // words: "优", "达成预期指标", "是", or a description
  invalid,         // starts like a figure but cannot be read: "100:%", "365天*18小时"
};

// A calendar point; 0 means "not written" (a month of 0 is the end of the
// year, a day of 0 the end of the month).
struct Date {
  int year = 0;  // 0: the year evaluated, or the one after it (years_after)
  int month = 0;
  int day = 0;
  int years_after = 0;  // "次年3月前": 1, with year 0
  // Written as a span of months, not as a day: the span's first month (it
  // ends where the date does). "2024年10月": 10, some day of October;
  // "第四季度": 10; "下半年": 7; "2024年", "年内完成", "2024年11月前": 1. 0 for a
  // day: "2024年10月15日", "10月底", "年底", "年中". Only an actual's span
  // matters: it is done on some day of it, perhaps before a deadline within it.
  int span_from = 0;
  // The span's first day when it is not the 1st: a part of a month ("2024年6月
  // 中旬": 11, "下旬": 21) or a day named at a span's start ("9月5日至10月").
  int span_from_day = 0;
};

struct Value {
  ValueKind kind = ValueKind::empty;
  Op op = Op::none;        // for numbers and dates (le: "…前", "…内")
  double number = 0;       // in `unit`, after multipliers and conversion (万元 → 元)
  double factor = 1;       // what the written unit was multiplied by (万元 → 元: 1e4)
  double upper = 0;        // the upper bound of a range
  std::string unit;        // canonical unit, "" when none was written
  bool unit_known = true;  // false for a unit that converts to nothing else ("家")
  // A number read past words after a comma ("≥100人次，覆盖全县"), which a
  // target may ask for besides its figure (clauses.h: words_besides_figure).
  bool words_after = false;
  int decimals = 0;   // digits after the decimal point, as printed
  std::string label;  // words before the figure: "周报" in "周报不少于52篇"
  Date date;
  std::string text;  // normalized words, for kind text
};

// Reads `written`. Never fails: what cannot be read is kind invalid or text.
Value parse_value(std::string_view written);

// out = Value{}, keeping the storage of its strings (assigning Value{}
// would free it, and the next reading allocate it again).
void reset_value(Value& out);

// out = the figure `percent`%, printed with two decimals: a share computed from
// other figures (a department figure, a share of counts), as a table shows it.
// Keeps the storage of out's strings, as reset_value does.
void set_percent(double percent, Value& out);

// Like parse_value, reusing `out`'s storage (no allocation once warm).
void parse_value_into(std::string_view written, Value& out);

// parse_value_into with a memory of recent readings. Tables repeat the same
// targets and actuals ("≥90%", "优", "100%") thousands of times; a reader of
// many evaluations reads each distinct short text once. Same results as
// parse_value_into. Not thread-safe: one per reader.
class ValueReader {
 public:
  ValueReader();
  void read(std::string_view written, Value& out);

 private:
  struct Entry {
    std::string written;
    Value value;
    bool hit = false;  // read again since it was remembered
  };
  std::vector<uint64_t> hashes_;  // direct-mapped by hash; 0: empty (kept apart: probed first)
  std::vector<Entry> entries_;
  size_t misses_ = 0;  // since the table last grew
};

// The largest magnitude a number field of an evaluation (a weight, a score,
// an amount) may have when read from a file: 10^15, beyond any real budget
// in 元. Past it, sums and printed explanations stop meaning anything (1e300
// prints as 301 digits, and a few of them add up to infinity); readers refuse it.
inline constexpr double kLargestNumber = 1e15;
// kLargestNumber as a message says it.
inline constexpr const char* kLargestNumberText = "数值超出范围（绝对值不能超过10的15次方）";

// The unit of a number read as an amount of money: its own unit (万元 and 亿元
// have become 元), or 元 when it carries only a magnitude ("100万", "1亿",
// whose number is already multiplied out), or "" for a bare number, which is
// in the unit of the table it stands in.
std::string_view money_unit(const Value& amount);

// Words that say a figure is the plan, not what was done ("计划500人",
// "目标95%", "原定3期"): read_plan_then_actual and figure_for_target skip it.
inline constexpr std::string_view kPlanWords[] = {"计划", "目标", "预期", "预计",
                                                  "任务", "原定", "年初"};

// Whether an actual says what is planned or expected, not what was done: a
// figure labelled so ("预计120人", "计划培训120人", "目标120人", "拟于12月完成"), or
// words of the future ("预计年底完成", "将于2025年3月完成") or of the plan with its
// figure ("计划2025年3月完成"). Not a rate or a deed done ("计划完成率98%",
// "计划已完成", "目标达成", "目标120人，实际98人"), nor a plan followed by what
// was done ("计划3个，完成3个").
bool says_a_plan_slow(const Value& actual);
// Inline: every figure with a label and every actual in words asks, and few
// begin with one of the characters (计 预 拟 目 原 将) that a plan's words do.
inline bool says_a_plan(const Value& actual) {
  // Words say it in their text; a figure or a date in its label (a date's only
  // from a remark, "2024年11月(计划)"), which is empty for any other kind.
  const std::string& s = actual.kind >= ValueKind::text ? actual.text : actual.label;
  if (s.size() < 3) return false;
  const uint32_t first = static_cast<uint32_t>(static_cast<unsigned char>(s[0])) << 16 |
                         static_cast<uint32_t>(static_cast<unsigned char>(s[1])) << 8 |
                         static_cast<unsigned char>(s[2]);
  switch (first) {
    case 0xE8AEA1:  // 计
    case 0xE9A284:  // 预
    case 0xE68B9F:  // 拟
    case 0xE79BAE:  // 目
    case 0xE58E9F:  // 原
    case 0xE5B086:  // 将
      return says_a_plan_slow(actual);
    default:
      return false;
  }
}

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
// "未完成率" for 完成率). Not when the name has the negation too ("不动产登记"
// for 不动产登记数量).
bool measures_the_opposite(std::string_view label, std::string_view name);

// A 满意度 (`name` holds 满意) surveyed on a scale the actual names
// ("4.5分（5分制）", "4.6分(满分5分)", "9.2分（10分制）") against a percentage: the
// score's share of the scale, in `c` (4.5 of 5 is 90%). False otherwise.
bool score_on_its_scale(const Value& target, const Value& actual, std::string_view actual_written,
                        std::string_view name, Compared& c);

// Why a target and an actual, both figures, cannot be compared.
enum class Mismatch : uint8_t {
  none,                  // compared
  opposite_measure,      // "不满意率1%" for 满意度
  level_against_change,  // "88%" against "较上年提高2个百分点"
  change_against_level,  // "提高2%" against "≥90%" for 满意度
  bare_off_scale,        // "998000" against "≤100万元": in 元, most likely
  total_against_period,  // "12次" against "每月1次": a year's count, not each month's
  bare_fraction,         // "0.965" against "≥90%", or "96%" against "≥0.9": a fraction
                         // (96.5%, 90%) or a percentage
  units_differ,          // "100个" against "≥100家"
};

// Whether an indicator's `name` is a rate of money spent, paid or received over
// the amount set for it (预算执行率, 资金拨付率, 资金到位率, 投资完成率: a name ending
// in 执行率, 支出率, 拨付率, 到位率, 使用率, 兑付率, 发放率 or 完成率).
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

// comparable_numbers after the checks that need the label, the indicator's
// `name` or the written texts: the one reading of two figures that scoring
// and monitoring share, each wording the Mismatch its own way. `c` holds the
// comparison when it returns none. Inline: every numeric leaf asks, and most
// figures have no label.
inline Mismatch compare_figures(const Value& target, std::string_view target_written,
                                const Value& actual, std::string_view actual_written,
                                std::string_view name, Compared& c) {
  if (!actual.label.empty() && measures_the_opposite(actual.label, name)) {
    return Mismatch::opposite_measure;
  }
  if (!target.label.empty() &&
      level_against_change(target, target_written, actual, actual_written)) {
    return Mismatch::level_against_change;
  }
  if (comparable_numbers(target, actual, c, name)) {
    // A bare figure is in the target's unit as written; a thousand times the
    // target written with 万 or 亿 was most likely written in the unit itself.
    if (actual.unit.empty() && actual.factor == 1 && target.factor != 1 && c.t > 0 &&
        c.a >= 1000 * c.t) [[unlikely]] {
      return Mismatch::bare_off_scale;
    }
    return Mismatch::none;
  }
  return compare_figures_rare(target, actual, actual_written, name, c);
}

// Whether a range target is a band of conditions, met inside it and missed
// on either side ("18℃-26℃", "pH值6-9", "55-65分贝", or a bare range for an
// indicator `name` of 温度, 湿度, pH, 噪声, and one in % of 湿度): a
// temperature above the band is no over-achievement. Other ranges are
// higher-is-better ("80-100人", "温度监测点10-12个").
bool is_band(const Value& target, std::string_view name);

// A range's upper bound in the canonical unit of comparable_numbers' `t`
// for `actual` (a bare range takes the actual's unit, as its lower bound does).
double range_upper(const Value& target, const Value& actual);

// Which way a phrase says something changed: 1 for a rise (提高, 提升, 增长,
// 增加, 上升, 新增, 高于上年, …), -1 for a fall (下降, 降低, 减少, 缩短, 低于去年
// 同期, …; 高于 and 低于 only against the past), 0 for neither,
// for both ("成本降低、效率提高"), for a change said not to happen ("不降低"),
// or for the level it reached ("提升至96%", "下降到5%").
int change_direction(std::string_view words);

// Compares two dates; missing parts compare as the latest possible (end of the
// year, end of the month), and a missing year on either side ignores years.
// Returns <0, 0, >0.
int compare_dates(const Date& a, const Date& b);

// The first day of the span `d` was written as (Date::span_from and
// span_from_day): October 1st for "2024年10月", "第四季度", June 11th for
// "6月中旬", September 1st for "2024年9月-12月"; nullopt when `d` names a day.
std::optional<Date> span_start(const Date& d);

// Whether `done`, written as a span, holds `deadline`: it ends after the
// deadline and begins by it ("2024年10月" against "2024年10月15日前"), so the
// work may have been done on either side. Both dates with their years read
// alike (a date without its year is in the year evaluated).
bool deadline_within_span(const Date& done, const Date& deadline);

// The month a figure names when a date is wanted: "2024.12" (or "2024.1") is
// read as a number, since alone it may be one, but against a deadline it is
// December (January) 2024. A number with one or two decimals, a year from 1990
// to 2100 and a month from 1 to 12 as written; or eight digits that name a day
// ("20241030"); nullopt for anything else.
std::optional<Date> year_month_of(const Value& v);

// Against a deadline, an actual that says by how long it was early or late:
// true for "提前2个月完成", "提前10天"; false for "延迟1个月", "推迟10天完成",
// "延期2个月", "滞后3个月", "逾期15天", "超期5天". A length of time with such a
// word before it; nullopt otherwise.
std::optional<bool> early_or_late(const Value& v);

// Against a deadline, the date by which an actual says the work was still not
// done: "截至2024年12月未完成", "截止2024年10月底尚未完成". nullopt otherwise.
std::optional<Date> unfinished_by(const Value& v);

}  // namespace jixiao::core
