#include "core/monitoring.h"

#include <algorithm>
#include <cmath>

#include "core/clauses.h"
#include "core/compare.h"
#include "core/decimal.h"
#include "core/quality_class.h"
#include "core/substring.h"
#include "core/text.h"
#include "core/units.h"
#include "core/word_answers.h"
#include "core/words.h"

namespace jixiao::core {
namespace {

// A length written in years ("≥10年", read as 120 months): a service life, not
// work done month by month.
bool written_in_years(const Value& v) {
  return v.unit == "月" && v.factor == 12;
}

std::string light_suffix(Light light) {
  return "，" + std::string(light_label(light)) + "灯";
}

LightResult lit(Light light, std::optional<double> ratio, std::string text) {
  return {LightStatus::lit, light, ratio, std::move(text) + light_suffix(light)};
}

LightResult not_lit(LightStatus status, std::string text) {
  return {status, std::nullopt, std::nullopt, std::move(text)};
}

bool month_ok(int month) {
  return month >= 1 && month <= 12;
}

LightResult month_error(int month) {
  return not_lit(LightStatus::error, "监控月份" + std::to_string(month) + "不在1至12之间");
}

// Percent at the precision shown (two decimals), for comparing with bands.
double shown_percent(double ratio) {
  return round_half_up(ratio * 100, 2);
}

bool below(double ratio, double band) {
  return shown_percent(ratio) < shown_percent(band);
}

std::string date_text(const Date& d);

// The text of a value for quoting: what was written when known, else the
// value as read (numbers in their canonical unit).
std::string written(std::string_view text, const Value& v) {
  if (!text.empty()) return std::string(text);
  switch (v.kind) {
    case ValueKind::number:
      return std::string(op_symbol(v.op == Op::range ? Op::none : v.op)) + format_number(v.number) +
             (v.op == Op::range ? (v.number < 0 ? "～" : "-") + format_number(v.upper)
                                : std::string()) +
             v.unit;
    case ValueKind::date:
      return date_text(v.date) + (v.op == Op::le ? "前" : "");
    default:
      return v.text;
  }
}

std::string date_text(const Date& d) {
  std::string s;
  if (d.year != 0) s += std::to_string(d.year) + "年";
  if (d.year == 0 && d.years_after > 0) s += "次年";
  if (d.month != 0) {
    s += std::to_string(d.month) + "月";
    if (d.day != 0) s += std::to_string(d.day) + "日";
  } else {
    s += "年底";
  }
  return s;
}

enum class Direction { higher, lower };

// What the light depends on, with the written texts for quoting.
struct Input {
  std::string_view name;
  const Value& target;
  std::string_view target_text;
  const Value& actual;
  std::string_view actual_text;
  ScoringKind kind;
  int month;
  int year = 0;                 // the year monitored, 0 when not known
  bool lower_category = false;  // under a lower-is-better category (成本指标)
  bool time_category = false;   // under a category of time (时效指标)
};

class Judge {
 public:
  Judge(const Input& in, const RuleSet& rules, const LightBands& bands)
      : in_(in), r_(rules), b_(bands) {}

  LightResult run() const;

 private:
  LightResult numeric() const;
  // A target of several figures ("≥100人次，≥5场"): each lit against the clause
  // of the actual that reports it, the worst light for all; not lit when one is
  // not. nullopt when the target is no such list.
  std::optional<LightResult> by_parts() const;
  // `level`: a figure that stands as it is (a rate, a score, one per another,
  // a length in years, a count per period), compared with the target as it is;
  // else a quantity done so far, against the plan to date.
  LightResult higher(double a, double t, double f, bool level = false) const;
  bool measured_as_it_stands(const Value& target, const Value& actual) const;
  LightResult lower(double a, double t, double f) const;
  LightResult deadline() const;
  LightResult words() const;
  // Green when met; else yellow until December, red then (or at once when
  // the target says something must not happen). `said` quotes the actual.
  LightResult yes_no_light(bool met, const std::string& said) const;
  Light light_of_tier(int level) const;
  std::string num(double x, double f) const {
    return format_number(x / f) + (in_.target.unit == "%" ? "%" : "");
  }

  const Input& in_;
  const RuleSet& r_;
  const LightBands& b_;
};

LightResult Judge::run() const {
  const Value& t = in_.target;
  const Value& a = in_.actual;
  if (!month_ok(in_.month)) return month_error(in_.month);
  if (t.kind == ValueKind::not_applicable || a.kind == ValueKind::not_applicable) {
    return not_lit(LightStatus::not_applicable, "指标不适用，不亮灯");
  }
  switch (t.kind) {
    case ValueKind::empty:
      return not_lit(LightStatus::unknown, "未填写年度指标值，无法判断进度");
    case ValueKind::invalid:
      if (std::optional<LightResult> light = by_parts()) return *std::move(light);
      return not_lit(
          LightStatus::unknown,
          "年度指标值" + text::quoted(written(in_.target_text, t)) + "无法识别，无法判断进度");
    default:
      break;
  }
  if (says_a_plan(a)) {
    return not_lit(LightStatus::unknown, "实际完成值" + text::quoted(written(in_.actual_text, a)) +
                                             "是计划或预计的数，不是实际完成情况，无法判断进度");
  }
  if (says_past_year(a)) {
    return not_lit(LightStatus::unknown, "实际完成值" + text::quoted(written(in_.actual_text, a)) +
                                             "是上年的数，不是本年实际完成情况，无法判断进度");
  }
  // Against a deadline, "截至2024年6月未完成" is read there as not done yet, and
  // "2024年5月基本完成" as done in the main by its date.
  if (a.kind == ValueKind::invalid &&
      !(t.kind == ValueKind::date &&
        (unfinished_by(a) || date_done_in_the_main(written(in_.actual_text, a))))) {
    return not_lit(LightStatus::unknown, "实际完成值" + text::quoted(written(in_.actual_text, a)) +
                                             "无法识别，无法判断进度");
  }
  switch (t.kind) {
    case ValueKind::date:
      return deadline();
    case ValueKind::text:
      return words();
    default:
      return numeric();
  }
}

std::optional<LightResult> Judge::by_parts() const {
  std::vector<TargetPart> parts;
  if (!target_parts(in_.target.text, parts)) return std::nullopt;
  std::optional<Light> worst;
  std::string said = "年度指标值" + text::quoted(written(in_.target_text, in_.target)) +
                     "含多项，按最差的一项亮灯（";
  for (size_t i = 0; i < parts.size(); ++i) {
    Value reported;
    const Input part{in_.name,          parts[i].value,
                     parts[i].written,  actual_for_part(parts, i, in_.actual, in_.name, reported),
                     in_.actual_text,   ScoringKind::automatic,
                     in_.month,         in_.year,
                     in_.lower_category};
    const LightResult r = Judge(part, r_, b_).run();
    if (r.status != LightStatus::lit || !r.light) {
      return not_lit(r.status, "年度指标值" + text::quoted(written(in_.target_text, in_.target)) +
                                   "含多项，其中" + text::quoted(parts[i].written) + "：" +
                                   r.explanation);
    }
    worst = worst ? worse_light(*worst, *r.light) : *r.light;
    if (i > 0) said += "；";
    said += text::quoted(parts[i].written) + "：" + r.explanation;
  }
  return lit(*worst, std::nullopt, said + "）");
}

LightResult Judge::numeric() const {
  const Value& target = in_.target;
  const Value& actual = in_.actual;
  const std::string m = std::to_string(in_.month);
  if (actual.kind == ValueKind::empty) {
    return not_lit(LightStatus::unknown, "未填写截至第" + m + "月的实际完成值，无法判断进度");
  }
  if (actual.kind == ValueKind::text) return words();
  if (actual.kind != ValueKind::number) {
    return not_lit(LightStatus::unknown, "实际完成值" +
                                             text::quoted(written(in_.actual_text, actual)) +
                                             "不是数值，无法与年度指标值比较");
  }
  Compared c;
  if (const Mismatch why =
          compare_figures(target, in_.target_text, actual, in_.actual_text, in_.name, c);
      why != Mismatch::none) {
    const std::string target_said = text::quoted(written(in_.target_text, target));
    const std::string actual_said = text::quoted(written(in_.actual_text, actual));
    switch (why) {
      case Mismatch::opposite_measure:
        return not_lit(LightStatus::unknown,
                       "实际完成值" + actual_said + "计的是与本指标相反的量，无法与年度指标值比较");
      case Mismatch::only_started:
        return not_lit(LightStatus::unknown,
                       "实际完成值" + actual_said + "只说开了工，看不出是否已完成，无法判断进度");
      case Mismatch::another_rate:
        return not_lit(LightStatus::unknown,
                       "实际完成值" + actual_said +
                           "标明的是另一个比率，不是本指标所计的率，无法与年度指标值比较");
      case Mismatch::level_against_change:
        return not_lit(LightStatus::unknown, "年度指标值" + target_said +
                                                 "是增减的百分点，实际完成值" + actual_said +
                                                 "是达到的水平，无法比较");
      case Mismatch::levels_either_way:
        return not_lit(LightStatus::unknown,
                       "年度指标值" + target_said + "是增减的百分比，实际完成值" + actual_said +
                           "写的是前后两个百分数，看不出所要求的是百分点还是百分比，无法判断进度");
      case Mismatch::bare_off_scale:
        return not_lit(LightStatus::unknown, "实际完成值" + actual_said + "未写单位，按年度指标值" +
                                                 target_said + "的单位读相差千倍以上，请写明单位");
      case Mismatch::bare_fraction:
        if (in_.target.unit.empty()) {  // "≥0.95" against "96%"
          return not_lit(LightStatus::unknown,
                         "年度指标值" + target_said + "未写单位，实际完成值" + actual_said +
                             "是百分数，看不出年度指标值是小数还是百分数，请写成百分数");
        }
        return not_lit(LightStatus::unknown,
                       "实际完成值" + actual_said + "未写单位，年度指标值" + target_said +
                           "是百分数，看不出实际完成值是小数还是百分数，请写成百分数");
      case Mismatch::total_against_period:
        return not_lit(LightStatus::unknown, "年度指标值" + target_said +
                                                 "是每个周期应达到的数，实际完成值" + actual_said +
                                                 "是合计，看不出是否每个周期都做到");
      case Mismatch::change_against_level:
        return not_lit(LightStatus::unknown, "实际完成值" + actual_said + "是增减变化，年度指标值" +
                                                 target_said + "是应达到的水平，无法比较");
      default:
        return not_lit(LightStatus::unknown, "年度指标值" + target_said + "与实际完成值" +
                                                 actual_said + "的单位不一致，无法比较");
    }
  }

  // The engine's direction; an equal target of 0 (also a bare "0起") means nothing may happen.
  const ScoringKind kind =
      in_.kind == ScoringKind::automatic
          ? infer_scoring_kind(in_.name, target, actual, r_, in_.lower_category)
          : in_.kind;
  const bool zero_means_none = c.t == 0 && kind == ScoringKind::equal;
  const Direction dir = kind == ScoringKind::lower_is_better || zero_means_none ? Direction::lower
                                                                                : Direction::higher;
  // "3-7天" against "≤5天": the upper end, as the engine reads it.
  if (dir == Direction::lower && actual.op == Op::range) [[unlikely]] {
    compare_upper_end(target, in_.target_text, actual, in_.actual_text, in_.name, c);
  }
  LightResult light = dir == Direction::lower ? lower(c.a, c.t, c.display_factor)
                                              : higher(c.a, c.t, c.display_factor,
                                                       measured_as_it_stands(target, actual) ||
                                                           counted_per_period(actual));
  // "未达到90%": a light the bound already fails is sure, a better one is not.
  const bool sure = light.light == Light::red || light.light == Light::yellow;
  // "100%（部分延期）" for 项目按时完成率: on time by the figure, late by the words
  // (before, lit by the figure alone), as the scorer leaves it to the evaluator; a
  // figure behind says what the words do.
  if (light.status == LightStatus::lit && !sure && text::may_have_clauses(in_.actual_text) &&
      (in_.time_category || names_time(in_.name)) && says_late(in_.actual_text)) [[unlikely]] {
    return not_lit(LightStatus::unknown,
                   "实际完成值" + text::quoted(in_.actual_text) + "写明有延误，无法判断是否按时");
  }
  if (light.status == LightStatus::lit && !sure && !is_band(target, in_.name) &&
      bound_overstates(
          dir == Direction::lower ? ScoringKind::lower_is_better : ScoringKind::higher_is_better,
          target, actual)) {
    return not_lit(LightStatus::unknown, "实际完成值" +
                                             text::quoted(written(in_.actual_text, actual)) +
                                             "只说明实际值在该数不利的一侧（按该数计：" +
                                             light.explanation + "），实际进度无法判断");
  }
  return light;
}

// Whether a figure is a rate, a score, one per another or a length in years,
// measured as it stands (满意度 88%, 合格率 96%, 增长率 4%, 95分, 1000元/人,
// 10年), which the months do not add up to: a share of the plan to date would
// show 88% of ≥90% in June as 196%. A share of an annual total done so far
// (完成率, 执行率, 覆盖率, 资金到位率, "完成45%") grows with the months and is
// pro-rated like any quantity.
bool Judge::measured_as_it_stands(const Value& target, const Value& actual) const {
  // One per another ("1000元/人", "3000元/亩", "500吨/日"; not "万元/年") is a
  // standard, a unit cost or a capacity, and years ("使用年限≥10年") a length:
  // no month adds to them.
  const std::string_view unit = target.unit;
  if (is_per_unit(unit) || written_in_years(target)) return true;
  if (unit != "%" && unit != "分") return false;
  // "验收合格率", "资金拨付及时率": the share of what was done so far that has
  // the quality, a level whatever deed the name names (before, pro-rated by its
  // 验收 or 拨付, and 98% in June was 206%, blue).
  if (rate_of_a_quality(in_.name)) return true;
  static constexpr std::string_view kDoneSoFar[] = {
      "完成", "执行", "进度", "到位", "发放", "拨付", "支付", "支出",    "兑现",
      "覆盖", "建成", "实施", "开工", "竣工", "落实", "验收", "资金使用"};
  for (std::string_view said : {std::string_view(in_.name), std::string_view(target.label),
                                std::string_view(actual.label)}) {
    for (std::string_view w : kDoneSoFar) {
      if (said.find(w) != std::string_view::npos) return false;
    }
  }
  return true;
}

LightResult Judge::higher(double a, double t, double f, bool level) const {
  const std::string m = std::to_string(in_.month);
  if (is_band(in_.target, in_.name)) {
    // A condition ("18℃-26℃") holds or not as it stands: no share of the year.
    const double upper = range_upper(in_.target, in_.actual);
    const std::string said = "年度指标值为范围" + num(t, f) + "至" + num(upper, f) + "，截至第" +
                             m + "月实际完成值" +
                             text::quoted(written(in_.actual_text, in_.actual));
    const std::optional<bool> inside = inside_band(in_.target, in_.target_text, in_.actual,
                                                   in_.actual_text, in_.name, Compared{t, a, f});
    if (!inside)
      return not_lit(LightStatus::unknown, said + "只说明实际值的一侧，无法判断是否在范围之内");
    return lit(*inside ? Light::green : Light::red, std::nullopt,
               said + (*inside ? "在范围之内" : "在范围之外"));
  }
  if (t <= 0) {
    const bool met = a >= t;
    return lit(met ? Light::green : Light::red, std::nullopt,
               "年度指标值为" + num(t, f) + "，不计算进度比；截至第" + m + "月实际完成" +
                   num(a, f) + (met ? " ≥ " : " < ") + num(t, f));
  }
  const double share_of_year = level ? 1.0 : in_.month / 12.0;
  const double v = a / (t * share_of_year);
  std::string text =
      level ? std::string(counted_per_period(in_.actual) ? "按周期计的数按当前频次比较"
                          : is_per_unit(in_.target.unit) ? "按单位计的数按当前水平比较"
                          : written_in_years(in_.target) ? "年限按当前水平比较"
                                                         : "比率类指标按当前水平比较") +
                  "，不按月份折算：" + num(a, f) + "/" + num(t, f) + " = " + format_percent(v)
            : "进度比 = " + num(a, f) + "/(" + num(t, f) + "×" + m + "/12) = " + format_percent(v);
  if (below(v, b_.indicator_yellow)) return lit(Light::red, v, std::move(text));
  if (below(v, b_.indicator_green)) return lit(Light::yellow, v, std::move(text));
  if (in_.target.op == Op::range && in_.target.upper > 0) {
    const double upper = range_upper(in_.target, in_.actual);
    const double over = a / (upper * share_of_year);
    if (!below(over, b_.indicator_blue)) {
      return lit(Light::blue, v,
                 text + "；按上限计 " + num(a, f) + "/" +
                     (level ? num(upper, f) : "(" + num(upper, f) + "×" + m + "/12)") + " = " +
                     format_percent(over));
    }
    return lit(Light::green, v, std::move(text));
  }
  if (below(v, b_.indicator_blue)) return lit(Light::green, v, std::move(text));
  return lit(Light::blue, v, std::move(text));
}

LightResult Judge::lower(double a, double t, double f) const {
  const bool met = a <= t;
  std::optional<double> ratio;
  if (t > 0) ratio = a / t;
  return lit(met ? Light::green : Light::red, ratio,
             "反向指标：截至第" + std::to_string(in_.month) + "月实际" + num(a, f) +
                 (met ? " ≤ " : " > ") + "年度指标值" + num(t, f));
}

LightResult Judge::deadline() const {
  const Value& target = in_.target;
  const Value& actual = in_.actual;
  // Due in a later year ("次年3月前", "2025年3月前" in 2024): not within the
  // year monitored; in an earlier one: overdue from its first month.
  const Date& limit_date = target.date;
  const bool later = limit_date.years_after > 0 || (in_.year != 0 && limit_date.year > in_.year);
  const bool earlier = in_.year != 0 && limit_date.year != 0 && limit_date.year < in_.year;
  const int due = later ? 13 : earlier ? 0 : limit_date.month != 0 ? limit_date.month : 12;
  const std::string limit = "完成时限" + date_text(target.date);
  const std::string m = std::to_string(in_.month);
  bool done = false;
  const std::string actual_said = text::quoted(written(in_.actual_text, actual));
  std::optional<Date> done_on = date_named(actual);  // "2024.12"
  // "2024年5月基本完成", "基本完成（2024年9月）", "2024.5基本完成" (a figure in
  // the unit 基本完成): done in the main only, by a date; in time, the middle
  // tier once due, as the words alone are.
  bool in_the_main = false;
  if (!done_on) {
    done_on = date_done_in_the_main(written(in_.actual_text, actual));
    in_the_main = done_on.has_value();
  }
  if (!done_on) {
    // "提前2个月完成" is done; "延迟1个月" is done late.
    if (const std::optional<bool> on_time = early_or_late(actual)) {
      return lit(*on_time ? Light::green : Light::red, std::nullopt,
                 limit + "，实际完成情况" + actual_said + (*on_time ? "，提前完成" : "，晚于时限"));
    }
  }
  // "2024年11月完成，2025年1月验收": dates of done on both sides of the time
  // limit, of which the scorer cannot tell the one that counts; all late is late.
  if (!done_on && (actual.kind == ValueKind::text || actual.kind == ValueKind::invalid)) {
    if (const std::vector<Date> dates = dates_of_done(actual.text); !dates.empty()) {
      const auto on_time = [&](const Date& d) { return compare_dates(d, target.date) <= 0; };
      const std::string said = limit + "，实际完成情况" + actual_said;
      if (std::none_of(dates.begin(), dates.end(), on_time)) {
        return lit(Light::red, std::nullopt, said + "，晚于时限");
      }
      if (!std::all_of(dates.begin(), dates.end(), on_time)) {
        return not_lit(LightStatus::unknown,
                       said + "写了几个日期，有的按时、有的晚于时限，无法判断是否按时");
      }
    }
  }
  // "已完成80%", "完成进度60%", "80%": a share of the work done so far; all of
  // it is done, less is not done yet (before, "不是完成时间或完成情况" and no light).
  std::string share_said;
  if (actual.kind == ValueKind::number && actual.unit == "%" && actual.op == Op::none &&
      (actual.label.empty() || contains_any(actual.label, {"完成", "进度"}))) {
    if (actual.number >= 100) {
      return lit(Light::green, std::nullopt, limit + "，实际完成情况" + actual_said);
    }
    share_said = "完成" + format_number(actual.number) + "%，";
  }
  // "截至2024年6月未完成": not done yet, as an empty cell.
  const bool not_yet = !share_said.empty() || (!done_on && unfinished_by(actual).has_value());
  switch (done_on ? ValueKind::date : not_yet ? ValueKind::empty : actual.kind) {
    case ValueKind::date: {
      // A completion date after the report month, or in a later year, is a
      // plan, not a completion.
      const Date& on = *done_on;
      const bool next_year = on.years_after > 0 || (in_.year != 0 && on.year > in_.year);
      if (!next_year && (on.month == 0 || on.month <= in_.month)) {
        // "2024年10月" against "2024年10月15日前": done on a day of October,
        // before the 15th or after (the scorer leaves it to the evaluator).
        if (deadline_within_span(on, target.date)) {
          return not_lit(LightStatus::unknown,
                         limit + "，实际完成时间" + actual_said +
                             "是一段时间而不是某一天，时限落在这段时间之内，无法判断是否按时");
        }
        const bool on_time = compare_dates(on, target.date) <= 0;
        if (in_the_main) {
          // Done in the main in time: the rest may still be done before the
          // deadline; once due, the middle tier's light, as the scorer's tier.
          const std::string said = limit + "，实际完成情况" + actual_said + "，只是基本完成";
          if (!on_time) return lit(Light::red, std::nullopt, said + "，且晚于时限");
          if (in_.month < due) {
            return lit(Light::green, std::nullopt, said + "，尚未全部完成，但未到期");
          }
          return lit(light_of_tier(1), std::nullopt, said + "，未超过时限，但到期时尚未全部完成");
        }
        return lit(
            on_time ? Light::green : Light::red, std::nullopt,
            limit + "，已于" + date_text(on) + "完成" + (on_time ? "，未超过时限" : "，晚于时限"));
      }
      break;
    }
    case ValueKind::text: {
      const WordClass c = classify_words(actual.text, r_);
      done = (c.type == WordClass::tier && c.level == 0) || c.type == WordClass::yes;
      if (done) return lit(Light::green, std::nullopt, limit + "，实际完成情况" + actual_said);
      // "基本完成" once due: the middle tier's light, as the scorer gives the
      // middle tier (before, red as not done).
      if (c.type == WordClass::tier && c.level == 1 && r_.tiers.size() > 2 && in_.month >= due) {
        return lit(light_of_tier(1), std::nullopt,
                   limit + "，第" + m + "月实际完成情况" + actual_said + "，属" +
                       text::quoted(r_.tiers[1].label) + "档，已到期");
      }
      break;
    }
    case ValueKind::empty:
      break;
    default:
      return not_lit(LightStatus::unknown,
                     "年度指标值为时限" + text::quoted(written(in_.target_text, target)) +
                         "，实际完成值" + actual_said + "不是完成时间或完成情况，无法判断进度");
  }
  if (in_.month < due) {
    return lit(Light::green, std::nullopt,
               limit + "，第" + m + "月" + share_said + "尚未完成，但未到期");
  }
  return lit(Light::red, std::nullopt, limit + "，第" + m + "月" + share_said + "仍未完成，已到期");
}

LightResult Judge::yes_no_light(bool met, const std::string& said) const {
  if (met) return lit(Light::green, std::nullopt, said + "，符合年度指标值");
  // What must not happen has happened, or spending has gone over its ceiling
  // ("超预算" against "控制在预算内"): the rest of the year cannot undo it.
  if (target_says_none(in_.target) || target_sets_ceiling(in_.target)) {
    return lit(Light::red, std::nullopt, said + "，不符合年度指标值，年内已无法达成");
  }
  const bool year_end = in_.month == 12;
  return lit(year_end ? Light::red : Light::yellow, std::nullopt,
             said + "，尚不符合年度指标值" + (year_end ? "，已到年底" : "，年底前仍可完成"));
}

Light Judge::light_of_tier(int level) const {
  if (level <= 0) return Light::green;
  if (level == 1) return Light::yellow;
  return Light::red;
}

LightResult Judge::words() const {
  const Value& actual = in_.actual;
  const std::string actual_text = written(in_.actual_text, actual);
  if (actual.kind == ValueKind::empty) {
    return not_lit(LightStatus::unknown,
                   "未填写截至第" + std::to_string(in_.month) + "月的实际完成情况，无法判断进度");
  }
  // "完成45%" against "全部完成": progress as against 100%.
  if (const std::optional<double> done = completed_percent(in_.target, actual)) {
    return higher(std::max(0.0, *done), 100, 1);
  }
  // "合格率98%" against "合格": a rate as it stands, as against 100%.
  if (const std::optional<double> share = quality_percent(in_.target, actual)) {
    return higher(std::max(0.0, *share), 100, 1, true);
  }
  if (in_.target.kind == ValueKind::number) {
    // "已全部覆盖" for 覆盖率: all of it, lit as "100%" would be.
    if (const std::optional<double> all = all_of_measure(in_.name, in_.target, actual)) {
      return higher(*all, in_.target.number, 1, measured_as_it_stands(in_.target, actual));
    }
    // "当天办结" against "≤3个工作日": within the limit.
    const ScoringKind kind =
        in_.kind == ScoringKind::automatic
            ? infer_scoring_kind(in_.name, in_.target, actual, r_, in_.lower_category)
            : in_.kind;
    if (kind == ScoringKind::lower_is_better) {
      if (const std::optional<bool> met = done_at_once(in_.target, actual)) {
        return yes_no_light(*met, "实际完成情况" + text::quoted(actual_text));
      }
    }
  }
  // "下降2%" or "持平" so far against "有所提升": behind until the year ends;
  // likewise "Ⅳ类" against "Ⅲ类及以上".
  std::optional<bool> changed = change_met(in_.target, actual);
  if (!changed) changed = quality_class_met(in_.target, actual);
  if (changed) {
    return yes_no_light(*changed, "实际完成情况" + text::quoted(actual_text));
  }
  // A count against "无安全事故": none so far is on course; one is a miss the rest
  // of the year cannot undo.
  if (const std::optional<bool> none = none_happened(in_.target, actual, in_.name)) {
    return yes_no_light(*none, "实际完成情况" + text::quoted(actual_text));
  }
  if (actual.kind != ValueKind::text) {
    return not_lit(LightStatus::unknown,
                   "年度指标值" + text::quoted(written(in_.target_text, in_.target)) +
                       "为定性描述，实际完成值" + text::quoted(actual_text) + "无法与之比较");
  }
  // The engine's reading: a tier, a grade, yes/no, or the target's own words repeated.
  LeafWords words(in_.target, actual, r_);
  const WordClass c = words.actual();
  const std::string said = "实际完成情况" + text::quoted(actual_text);
  // "问卷500份，满意300份，基本满意100份" against "≥90%", "完成（含2个在建）" against
  // "100%": figures that overrule the words, as the engine reads them, light nothing;
  // nor do words of done with a part still going on ("完成，部分在建").
  if (((c.type == WordClass::tier || c.type == WordClass::grade) &&
       figures_overrule_words(in_.target, actual.text, in_.name, r_)) ||
      part_not_done(c, actual.text, r_)) {
    return not_lit(LightStatus::unknown, "无法根据" + text::quoted(actual_text) + "判断完成进度");
  }
  switch (c.type) {
    case WordClass::tier:
      return lit(light_of_tier(c.level), std::nullopt,
                 said + "属" + text::quoted(r_.tiers[c.level].label) + "档");
    case WordClass::grade: {
      const WordClass want = words.target();
      if (want.type == WordClass::grade && c.level <= want.level) {
        return lit(Light::green, std::nullopt,
                   said + "达到年度指标值" + text::quoted(written(in_.target_text, in_.target)));
      }
      const double share = r_.grade_levels[c.level].share;
      // The tier whose band holds the share (tiers are best first).
      int level = static_cast<int>(r_.tiers.size());
      for (int i = 0; i < static_cast<int>(r_.tiers.size()); ++i) {
        if (share >= r_.tiers[i].min_share - 1e-9) {
          level = i;
          break;
        }
      }
      if (r_.tiers.empty()) level = share >= 0.8 ? 0 : share >= 0.6 ? 1 : 2;
      return lit(light_of_tier(level), std::nullopt,
                 said + "为" + text::quoted(r_.grade_levels[c.level].label) + "级（" +
                     format_percent(share, 0) + "）");
    }
    case WordClass::yes:
    case WordClass::no: {
      const std::optional<bool> met = yes_no_met(in_.target, words.target(), actual, c);
      if (!met) break;
      return yes_no_light(*met, said);
    }
    case WordClass::none:
      // "已建立并印发实施" for 是否建立制度 against "是", "已建立长效管护机制" against
      // "建立", as the engine reads them.
      if (const WordClass t = words.target();
          t.type != WordClass::tier && t.type != WordClass::grade) {
        if (const std::optional<bool> answer = answers_the_question(in_.name, in_.target, actual)) {
          return yes_no_light(*answer == (t.type != WordClass::no), said);
        }
      }
      break;
  }
  if (text::says_no_data(actual.text)) {
    return not_lit(LightStatus::unknown,
                   text::quoted(actual_text) + "说明尚无实际数据，无法判断完成进度");
  }
  return not_lit(LightStatus::unknown, "无法根据" + text::quoted(actual_text) + "判断完成进度");
}

}  // namespace

std::string_view light_code(Light light) {
  switch (light) {
    case Light::blue:
      return "blue";
    case Light::green:
      return "green";
    case Light::yellow:
      return "yellow";
    case Light::red:
      return "red";
  }
  return "red";
}

std::string_view light_label(Light light) {
  switch (light) {
    case Light::blue:
      return "蓝";
    case Light::green:
      return "绿";
    case Light::yellow:
      return "黄";
    case Light::red:
      return "红";
  }
  return "红";
}

std::optional<Light> light_from_text(std::string_view text) {
  for (Light l : {Light::blue, Light::green, Light::yellow, Light::red}) {
    const std::string_view label = light_label(l);
    if (text == light_code(l) || text == label) return l;
    if (text.size() == label.size() + std::string_view("灯").size() &&
        text.substr(0, label.size()) == label && text.substr(label.size()) == "灯") {
      return l;
    }
  }
  return std::nullopt;
}

Light worse_light(Light a, Light b) {
  return a > b ? a : b;
}

std::string_view light_status_code(LightStatus status) {
  switch (status) {
    case LightStatus::lit:
      return "lit";
    case LightStatus::unknown:
      return "unknown";
    case LightStatus::not_applicable:
      return "not_applicable";
    case LightStatus::error:
      return "error";
  }
  return "unknown";
}

LightResult indicator_light(std::string_view name, const Value& target, const Value& actual_to_date,
                            int month, const RuleSet& rules, const LightBands& bands) {
  std::string scratch;
  name = text::measure_name(name, scratch);
  Value remarkless;
  Value reported;
  Value as_month;
  const Value& t = target_as_month(target, actual_to_date, name, as_month);
  std::string digits;
  Value counted;
  const Value& actual = words_without_remark(
      actual_with_counts_in_digits(t, actual_to_date, actual_to_date.text, digits, counted)
          ? counted
          : actual_to_date,
      rules, remarkless);
  const Input in{
      name, t, {}, actual_for_target(t, actual, name, reported), {}, ScoringKind::automatic, month};
  return Judge(in, rules, bands).run();
}

namespace {

// indicator_light of a node in an evaluation of `year` (0: not known), under a
// lower-is-better category or not.
LightResult node_light(const Indicator& node, int month, int year, bool lower_category,
                       bool time_category, const RuleSet& rules, const LightBands& bands) {
  if (!month_ok(month)) return month_error(month);
  if (node.not_applicable) return not_lit(LightStatus::not_applicable, "指标不适用，不亮灯");
  Value remarkless;
  Value reported;
  std::string scratch;
  const std::string_view name = text::measure_name(node.name, scratch);
  Value as_month;
  const Value& target = target_as_month(node.target, node.actual, name, as_month);
  // Read as the engine reads them (LeafScorer::as_read); the text so read is what
  // the light's explanation quotes.
  std::string digits;
  Value counted;
  const bool in_digits =
      actual_with_counts_in_digits(target, node.actual, node.actual_text, digits, counted);
  const Value& actual = in_digits ? counted : node.actual;
  const Input in{
      name,
      target,
      node.target_text,
      actual_for_target(target, words_without_remark(actual, rules, remarkless), name, reported),
      in_digits ? std::string_view(digits) : std::string_view(node.actual_text),
      node.kind,
      month,
      year,
      lower_category,
      time_category};
  return Judge(in, rules, bands).run();
}

}  // namespace

LightResult indicator_light(const Indicator& node, int month, const RuleSet& rules,
                            const LightBands& bands) {
  return node_light(node, month, 0, false, false, rules, bands);
}

LightResult budget_light(double rate, int month, const LightBands& bands) {
  if (!month_ok(month)) return month_error(month);
  if (!std::isfinite(rate) || rate < 0) {
    return not_lit(LightStatus::error, "执行率" + format_number(rate) + "无效");
  }
  const double v = rate * 12 / month;
  std::string text = "执行进度比 = " + format_percent(rate) + "/(" + std::to_string(month) +
                     "/12) = " + format_percent(v);
  if (below(v, bands.budget_yellow)) return lit(Light::red, v, std::move(text));
  if (below(v, bands.budget_green)) return lit(Light::yellow, v, std::move(text));
  return lit(Light::green, v, std::move(text));
}

LightResult budget_light(const Budget& b, int month, const RuleSet& rules,
                         const LightBands& bands) {
  if (!month_ok(month)) return month_error(month);
  std::optional<double> den = b.adjusted ? b.adjusted : b.initial;
  std::string den_label = b.adjusted ? "全年预算数" : "年初预算数";
  if (rules.execution_formula == ExecutionFormula::executed_over_received && b.received) {
    den = b.received;
    den_label = "实际到位资金";
  }
  const std::string m = std::to_string(month);
  if (!b.executed) {
    return not_lit(LightStatus::unknown, "未填写截至第" + m + "月的执行数，无法判断预算执行进度");
  }
  if (!den) {
    return not_lit(LightStatus::unknown, "未填写预算数，无法计算执行率");
  }
  if (*den <= 0) {
    return not_lit(LightStatus::unknown,
                   den_label + "为" + format_number(*den) + "，无法计算执行率");
  }
  const double rate = *b.executed / *den;
  LightResult r = budget_light(rate, month, bands);
  r.explanation = "执行率 = " + format_number(*b.executed) + "/" + format_number(*den) + " = " +
                  format_percent(rate) + "；" + r.explanation;
  return r;
}

LightResult project_light(const std::vector<LightResult>& lights) {
  int counts[4] = {0, 0, 0, 0};
  int unknown = 0;
  int not_applicable = 0;
  std::optional<Light> worst;
  for (const LightResult& l : lights) {
    if (l.status == LightStatus::lit && l.light) {
      ++counts[static_cast<int>(*l.light)];
      worst = worst ? worse_light(*worst, *l.light) : *l.light;
    } else if (l.status == LightStatus::not_applicable) {
      ++not_applicable;
    } else {
      ++unknown;
    }
  }
  if (!worst) {
    if (lights.empty()) return not_lit(LightStatus::unknown, "没有可判断的指标");
    if (unknown == 0) return not_lit(LightStatus::not_applicable, "各项均不适用，不亮灯");
    return not_lit(LightStatus::unknown, std::to_string(unknown) + "项均无法判断，不亮灯");
  }
  std::string text;
  for (Light l : {Light::red, Light::yellow, Light::green, Light::blue}) {
    const int n = counts[static_cast<int>(l)];
    if (n == 0) continue;
    text +=
        (text.empty() ? "" : "、") + std::string(light_label(l)) + "灯" + std::to_string(n) + "项";
  }
  text = "共" + text + "，取最差：" + std::string(light_label(*worst)) + "灯";
  if (unknown > 0) text += "；另有" + std::to_string(unknown) + "项无法判断";
  return {LightStatus::lit, worst, std::nullopt, std::move(text)};
}

MonitoringCard monitor(const Evaluation& e, int month, const RuleSet& rules,
                       const LightBands& bands) {
  MonitoringCard card;
  card.month = month;
  const int n = static_cast<int>(e.indicators.size());
  if (!month_ok(month)) {
    card.nodes.assign(n, month_error(month));
    if (e.budget) card.budget = month_error(month);
    card.project = month_error(month);
    return card;
  }
  card.nodes.resize(n);
  // A node does not apply when it or an ancestor is marked so.
  std::vector<bool> off(n, false);
  for (int i = 0; i < n; ++i) {
    const Indicator& node = e.indicators[i];
    off[i] = node.not_applicable || (node.parent >= 0 && node.parent < i && off[node.parent]);
  }
  std::vector<LightResult> all;
  for (int i = 0; i < n; ++i) {
    if (!e.is_leaf(i)) continue;
    card.nodes[i] = off[i] ? not_lit(LightStatus::not_applicable, "指标不适用，不亮灯")
                           : node_light(e.indicators[i], month, e.year,
                                        in_lower_is_better_category(e, i, rules),
                                        in_time_category(e, i), rules, bands);
    all.push_back(card.nodes[i]);
  }
  // A category: the worst of the leaves below it (pre-order: they follow it).
  for (int i = 0; i < n; ++i) {
    if (e.is_leaf(i)) continue;
    std::vector<LightResult> below_i;
    for (int k = i + 1; k < n; ++k) {
      int p = e.indicators[k].parent;
      while (p != -1 && p != i) p = e.indicators[p].parent;
      if (p != i) break;
      if (e.is_leaf(k)) below_i.push_back(card.nodes[k]);
    }
    card.nodes[i] = off[i] ? not_lit(LightStatus::not_applicable, "指标不适用，不亮灯")
                           : project_light(below_i);
  }
  if (e.budget) {
    card.budget = budget_light(*e.budget, month, rules, bands);
    all.push_back(*card.budget);
  }
  card.project = project_light(all);
  return card;
}

}  // namespace jixiao::core
