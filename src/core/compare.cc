#include "core/compare.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "core/changes.h"
#include "core/decimal.h"
#include "core/substring.h"
#include "core/text.h"
#include "core/units.h"

namespace jixiao::core {
namespace {

// A figure as counted per period: how many times a year it recurs (0: once,
// the year's own figure) and its unit without the period. The period is a
// label before the figure ("每月1次") or a unit after it ("1次/月"); "每年" and
// "/年" are the year's. The reader keeps a day's figure per hour ("8小时/天" is
// 1/3 小时/小时), so a day is 8,760 hours a year over 365 days.
struct PerPeriod {
  int times = 0;
  std::string_view unit;
  // The period is a day's or an hour's, said before the figure ("每天8小时"):
  // against a figure of no period ("≥8小时" for 服务时长) it is the figure as
  // written, as most such targets mean a day's too.
  bool daily_label = false;
};

constexpr int kHoursAYear = 8760;

// Words of a period and how many times a year it comes: before a count
// ("每月2次", "月均接诉90件", per_period) or in an indicator's name
// ("每月巡查次数", times_a_year_by_name).
constexpr std::pair<std::string_view, int> kEveryPeriod[] = {
    {"每半年", 2}, {"每季度", 4}, {"每季", 4},  {"季均", 4}, {"每个月", 12},
    {"每月", 12},  {"月均", 12},  {"每周", 52}, {"周均", 52}};

// Words of a day or an hour before a figure ("每天8小时", "日均接待90人次").
constexpr std::pair<std::string_view, int> kEveryDay[] = {
    {"每天", 365}, {"每日", 365}, {"日均", 365}, {"每小时", kHoursAYear}};

PerPeriod per_period(const Value& v) {
  static constexpr std::pair<std::string_view, int> kUnits[] = {
      {"/半年", 2}, {"/季度", 4},           {"/季", 4},   {"/月", 12},
      {"/周", 52},  {"/小时", kHoursAYear}, {"/年度", 0}, {"/年", 0}};
  PerPeriod p{0, v.unit};
  if (!v.label.empty()) {
    // "每月2次", "培训每月2次", "每月巡查2次".
    const std::string_view label = v.label;
    for (const auto& [word, times] : kEveryPeriod) {
      if (label.ends_with(word) || label.starts_with(word)) p.times = times;
    }
    for (const auto& [word, times] : kEveryDay) {
      if (p.times == 0 && (label.ends_with(word) || label.starts_with(word))) {
        p.times = times;
        p.daily_label = true;
      }
    }
  }
  for (const auto& [word, times] : kUnits) {
    if (p.unit.size() > word.size() && p.unit.ends_with(word)) {
      p.unit.remove_suffix(word.size());
      if (p.times == 0) p.times = times;
      break;
    }
  }
  return p;
}

// The change an actual says and the one its target (or else the indicator's
// name) asks for, each as change_direction gives it.
struct Change {
  int said = 0;
  int wanted = 0;
  // A rate's change against the rate's level ("提高2%" against "≥90%"), and any
  // change said against the past ("比上年增加10人" against "≥100人"). A count or
  // an amount said with a verb alone is what was added ("新增企业105家" against
  // "≥100家"), and compares as it is.
  bool against_level = false;
};

Change change_of(const Value& target, const Value& actual, std::string_view name) {
  Change c;
  c.said = change_direction(actual.label);
  if (c.said == 0) return c;
  c.wanted = change_direction(target.label);
  if (c.wanted == 0) c.wanted = change_direction(name);
  c.against_level = c.wanted == 0 && (actual.unit == "%" || against_the_past(actual.label));
  return c;
}

// "下降2%" against "提高5%": a change the other way is a change below zero,
// so `a` becomes −a. False for a rate's change against its level ("提高2%"
// against "≥90%"). Out of line: few actuals have a label, and comparable_numbers is
// on every numeric leaf's path.
[[gnu::noinline]] bool signed_change(const Value& target, const Value& actual,
                                     std::string_view name, double& a) {
  const Change c = change_of(target, actual, name);
  if (c.against_level) return false;
  if (c.said != 0 && c.said == -c.wanted) a = -a;
  return true;
}

// "次" against "次培训", "个" against "个村": a counting word counts what the
// other side names ("≥2次" against "开展2次培训", "≥10个村" against "12个"). The
// reader has already read "个月" as 月.
bool counts_the_same(std::string_view a, std::string_view b) {
  if ((!a.empty() && counted_measure(b) == a) || (!b.empty() && counted_measure(a) == b)) {
    return true;
  }
  // "520名" against "≥500人", "5000余名群众" against "≥5000人": 人, 名 and 位 all
  // count people, with a noun after them on one side at most ("名群众" against
  // "名老人" count two things); "5000册" against "≥5000份": 份, 册 and 本 all
  // count copies of what is printed; "开展宣传活动11场次" against "≥10次": 场 (and
  // 场次, read as 场) and 次 both count times an activity was held (before,
  // `unit_mismatch`); "10000棵" against "≥1万株": 株 and 棵 both count plants.
  const std::string_view measure_a = counted_measure(a);
  const std::string_view measure_b = counted_measure(b);
  if (!measure_a.empty() && !measure_b.empty()) return false;
  const auto group = [](std::string_view u) {
    if (u == "人" || u == "名" || u == "位") return 1;
    if (u == "份" || u == "册" || u == "本") return 2;
    if (u == "次" || u == "场") return 3;
    if (u == "株" || u == "棵") return 4;
    return 0;
  };
  const int group_a = group(measure_a.empty() ? a : measure_a);
  return group_a != 0 && group_a == group(measure_b.empty() ? b : measure_b);
}

// 满意度 surveyed as a score out of 100 is its percentage ("95分" against "≥85%").
[[gnu::noinline]] bool satisfaction_as_percent(const Value& target, std::string_view target_unit,
                                               const Value& actual, std::string_view actual_unit,
                                               std::string_view name) {
  // Above 10: a score of a 5- or 10-point survey ("4.5分（5分制）") is no percentage.
  const auto score_of_100 = [](std::string_view unit, const Value& v) {
    return unit == "分" && v.number > 10 && v.number <= 100;
  };
  return ((target_unit == "%" && score_of_100(actual_unit, actual)) ||
          (actual_unit == "%" && score_of_100(target_unit, target))) &&
         contains(name, "满意");
}

// Words that say per what ("人均195元", "亩均增收"), and the unit per which.
constexpr std::pair<std::string_view, std::string_view> kPerWords[] = {
    {"人均", "人"}, {"每人", "人"}, {"户均", "户"},         {"每户", "户"},
    {"亩均", "亩"}, {"每亩", "亩"}, {"每平方米", "平方米"}, {"每公里", "公里"}};

// `number`, a figure in `unit`, read in that unit per `per` when that is
// `other`'s unit ("1200元" per 人 against "≥1000元/人"); false otherwise. The
// figure may have been counted over the year already (per_period).
bool read_per(std::string_view unit, std::string_view other, std::string_view per, double& number) {
  std::string written(unit);
  written += '/';
  written += per;
  const UnitReading reading = read_unit(written);
  if (reading.canonical != other) return false;
  number *= reading.factor;
  return true;
}

// A figure whose label says per what ("人均195元", "每平方米2950元", "户均1200元")
// against a target in that unit per it ("≤200元/人"), or the other way round:
// the labelled side is read in the unit per it (195元/人). Changes the labelled
// side's number in `t` or `a`; false when neither side is such a figure.
// `periods_read`: both sides name a period, which per_period has taken off
// their units and counted over the year ("每人每月100元" against "≥100元/人/月",
// "每人每季度240元" against "≥100元/人/月").
[[gnu::noinline]] bool per_unit_by_label(const Value& target, std::string_view target_unit,
                                         const Value& actual, std::string_view actual_unit,
                                         bool periods_read, double& t, double& a) {
  // "每人每月200元": a period too, which the other side may not have. Not a year:
  // "每人每年1000元" is per person, as "1000元/人/年" is (per_period).
  static constexpr std::string_view kPeriods[] = {"每月", "每季", "每周", "每天",
                                                  "每日", "月均", "日均"};
  const auto per_label = [&](const Value& v, std::string_view unit, std::string_view other,
                             double& number) {
    if (v.label.empty() || unit.empty() || other.find('/') == std::string_view::npos) {
      return false;
    }
    for (std::string_view period : kPeriods) {
      if (!periods_read && contains(v.label, period)) return false;
    }
    for (const auto& [word, per] : kPerWords) {
      if (contains(v.label, word)) return read_per(unit, other, per, number);
    }
    return false;
  };
  return per_label(actual, actual_unit, target_unit, a) ||
         per_label(target, target_unit, actual_unit, t);
}

// "人均500元" against "≥25万元" (or "≤100万元") for 补贴资金: a figure per person,
// household, mu or square metre against one per nothing (by its unit or its
// label: "补贴资金≥25万元" is a whole too), where the indicator's name says no
// per (均, 每), standard, price, cost or fee either, is no part of that whole
// (before, 500元 against 25万元, 0.02 of 10 points, and within a ceiling of
// 100万元 full marks). Where the name may say per, the figure is read as before
// ("人均450元" against "≤500元" for 培训费).
bool per_figure_against_a_whole(const Value& target, const Value& actual, std::string_view name) {
  if (actual.label.empty() || target.unit.find('/') != std::string::npos ||
      actual.unit.find('/') != std::string::npos) {
    return false;
  }
  const auto per = [&](std::string_view words) {
    return std::any_of(std::begin(kPerWords), std::end(kPerWords),
                       [&](const auto& entry) { return contains(words, entry.first); });
  };
  if (!per(actual.label) || per(target.label) || per(name)) return false;
  for (std::string_view word : {"均", "每", "标准", "单价", "价格", "成本", "费"}) {
    if (contains(name, word)) return false;
  }
  return true;
}

// "120元/亩" against "≥100元" for 亩均增收, "450元/人" against "≤500元" for
// 人均培训费: the indicator's name says per what, so a figure without a label
// and without the "/" is in the unit per it. A labelled figure ("合计12万元")
// may be a total and is left alone.
bool per_unit_by_name(const Value& target, const Value& actual, std::string_view name,
                      Compared& c) {
  for (const auto& entry : kPerWords) {
    if (!contains(name, entry.first)) continue;
    const std::string_view per = entry.second;  // a lambda may not name a structured binding
    const auto per_name = [&](const Value& bare, const Value& other, double& number) {
      return bare.label.empty() && !bare.unit.empty() && bare.unit.find('/') == std::string::npos &&
             other.unit.find('/') != std::string::npos &&
             read_per(bare.unit, other.unit, per, number);
    };
    double t = target.number;
    double a = actual.number;
    if (!per_name(actual, target, a) && !per_name(target, actual, t)) return false;
    c.t = t;
    c.a = a;
    c.display_factor = target.factor;
    return true;
  }
  return false;
}

// What was saved or overspent ("节约20万元", "超支10万元") against a ceiling `t`
// in money ("≤500万元", whose op the caller has checked): the spending is the
// ceiling less or plus it (480万元, 510万元). Changes `a` (canonical, as `t`);
// other actuals and targets are left as they are.
[[gnu::noinline]] void spent_against_ceiling(const Value& target, const Value& actual, double t,
                                             double& a) {
  if (money_unit(target) != "元" || money_unit(actual) != "元" || actual.op != Op::none) {
    return;
  }
  const std::string_view label = actual.label;
  for (std::string_view under : {"节约", "节省", "结余", "节约资金", "节省资金", "结余资金"}) {
    if (label.ends_with(under)) {
      a = t - a;
      return;
    }
  }
  for (std::string_view over : {"超支", "超出预算", "超预算"}) {
    if (label.ends_with(over)) {
      a = t + a;
      return;
    }
  }
}

// Months against days ("≤1个月" against "25天", "≥3个月" against "100天"): a month
// is 28 to 31 days, so only an actual that meets the bound for any length of
// month compares, and then against the length it meets for certain (t or a in
// hours, as days are). Else false: the evaluator decides ("30天" against "≤1个月").
// A bound is needed: a bare target's direction is not known here.
[[gnu::noinline]] bool months_against_days(Op op, std::string_view target_unit,
                                           std::string_view actual_unit, double& t, double& a) {
  constexpr double kShortest = 28 * 24;  // hours
  constexpr double kLongest = 31 * 24;
  const bool at_most = op == Op::le || op == Op::lt;
  const bool at_least = op == Op::ge || op == Op::gt;
  if (target_unit == "月" && actual_unit == "小时") {
    const double bound = t * (at_most ? kShortest : kLongest);
    if ((at_most && a <= bound) || (at_least && a >= bound)) {
      t = bound;
      return true;
    }
  } else if (target_unit == "小时" && actual_unit == "月") {
    const double said = a * (at_most ? kLongest : kShortest);
    if ((at_most && said <= t) || (at_least && said >= t)) {
      a = said;
      return true;
    }
  }
  return false;
}

// Working days against days or hours ("≤5个工作日" against "3天"): a stretch of
// calendar time holds no more working days than days, so an actual that meets
// the bound in days meets it in working days (t and a then in working days).
// Else false: "6天" may hold 5 working days, and "3个工作日" against "≤5天" may
// span a weekend; the evaluator decides.
[[gnu::noinline]] bool working_days_against_days(Op op, std::string_view target_unit,
                                                 std::string_view actual_unit, double& t,
                                                 double& a) {
  constexpr double kDay = 24;  // hours
  const bool at_most = op == Op::le || op == Op::lt;
  const bool at_least = op == Op::ge || op == Op::gt;
  if (at_most && target_unit == "工作日" && actual_unit == "小时" && a / kDay <= t) {
    a /= kDay;
    return true;
  }
  if (at_least && target_unit == "小时" && actual_unit == "工作日" && a * kDay >= t) {
    t /= kDay;
    return true;
  }
  return false;
}

// People against person-times ("110人" against "≥100人次"): each person came at
// least once, so a count of people that meets a floor in person-times meets it
// (110 people are at least 110 person-times), and person-times that meet a
// ceiling in people ("90人次" against "≤100人") do too. Else false: "90人" may be
// 180 person-times, and "110人次" against "≥100人" fewer than 100 people; the
// evaluator decides. (Other units with 次, 户次 or 家次, already count what 户 or
// 家 does: counts_the_same.)
[[gnu::noinline]] bool people_against_visits(Op op, std::string_view target_unit,
                                             std::string_view actual_unit, double t, double a) {
  const auto people = [](std::string_view unit) {
    return unit == "人" || unit == "名" || unit == "位";
  };
  const bool at_least = op == Op::ge || op == Op::gt;
  const bool at_most = op == Op::le || op == Op::lt;
  const bool meets = op == Op::gt ? a > t : op == Op::lt ? a < t : at_least ? a >= t : a <= t;
  return meets && ((at_least && people(actual_unit) && target_unit == "人次") ||
                   (at_most && people(target_unit) && actual_unit == "人次"));
}

// A share of the target said done ("完成90%", "完成率90%", "达到计划的105%") against a
// count or an amount ("100户", "≥5公里"): that share of it.
[[gnu::noinline]] bool share_done_of(std::string_view target_unit, const Value& actual,
                                     std::string_view actual_unit) {
  if (actual_unit != "%" || target_unit.empty() || target_unit == "%" || actual.op != Op::none ||
      actual.number < 0) {
    return false;
  }
  // "达到计划的105%", "实现年度目标的98%": reached, of the plan or the target, says
  // done as 完成 does (before, unit_mismatch); "达到95%" alone does not say of what.
  const std::string_view label = actual.label;
  return contains(label, "完成") ||
         ((contains(label, "达到") || contains(label, "实现")) &&
          (contains(label, "计划") || contains(label, "目标") || contains(label, "任务")));
}

// How many times a year the period an indicator's name counts in comes
// ("每月巡查次数", "月均接诉量": 12), or 0 when it names none.
[[gnu::noinline, gnu::cold]] int times_a_year_by_name(std::string_view name) {
  for (const auto& [word, times] : kEveryPeriod) {
    if (contains(name, word)) return times;
  }
  return 0;
}

}  // namespace

bool is_band(const Value& target, std::string_view name) {
  if (target.op != Op::range) return false;
  // "±5%", "-5%~5%": a deviation allowed either way.
  if (target.number < 0 && target.upper > 0) return true;
  for (std::string_view unit : {"℃", "°C", "分贝", "dB"}) {
    if (target.unit == unit) return true;
  }
  // By the name only for a bare range (a humidity also in %): "温度监测点10-12个"
  // counts points.
  const auto said = [&](std::string_view condition) {
    return contains(name, condition) || contains(target.label, condition);
  };
  if (target.unit == "%") return said("湿度");
  if (!target.unit.empty()) return false;
  for (std::string_view condition : {"温度", "湿度", "pH", "PH", "酸碱", "噪声", "噪音"}) {
    if (said(condition)) return true;
  }
  return false;
}

std::optional<bool> inside_band(const Value& target, std::string_view target_written,
                                const Value& actual, std::string_view actual_written,
                                std::string_view name, const Compared& c) {
  constexpr double kEps = 1e-9;
  const double lower = c.t;
  const double upper = range_upper(target, actual);
  switch (actual.op) {
    case Op::le:
    case Op::lt:
      if (c.a < lower - kEps) return false;
      if (target.number < 0 && c.a >= 0 && c.a <= upper + kEps) return true;
      return std::nullopt;
    case Op::ge:
    case Op::gt:
      if (c.a > upper + kEps) return false;
      return std::nullopt;
    case Op::range: {
      Compared end = c;
      compare_upper_end(target, target_written, actual, actual_written, name, end);
      return c.a >= lower - kEps && end.a <= upper + kEps;
    }
    default:
      return c.a >= lower - kEps && c.a <= upper + kEps;
  }
}

double range_upper(const Value& target, const Value& actual) {
  return target.unit.empty() && target.factor == 1 ? target.upper * actual.factor : target.upper;
}

void compare_upper_end(const Value& target, std::string_view target_written, const Value& range,
                       std::string_view actual_written, std::string_view name, Compared& c) {
  Value upper = range;
  upper.op = Op::none;
  upper.number = range.upper;
  Compared u;
  if (compare_figures(target, target_written, upper, actual_written, name, u) == Mismatch::none) {
    c = u;
  }
}

bool bounds_a_deviation(const Value& target, std::string_view name) {
  if (target.kind != ValueKind::number || target.number <= 0) return false;
  if (target.op == Op::le || target.op == Op::lt) {
    for (std::string_view deviation : {"偏差", "差异", "误差"}) {
      if (contains(name, deviation) || contains(target.label, deviation)) return true;
    }
  } else if (target.op == Op::none) {
    // A bare figure is a ceiling for a rate of deviation (lower_is_better_names).
    for (std::string_view rate : {"偏差率", "差异率", "误差率"}) {
      if (contains(name, rate)) return true;
    }
  }
  return false;
}

bool is_rate_of_money_done(std::string_view name) {
  return drop_suffix(name, {"率"}) &&
         std::any_of(std::begin(kMoneyDeeds), std::end(kMoneyDeeds),
                     [&](std::string_view deed) { return name.ends_with(deed); });
}

std::optional<double> percent_of_plan(const Value& plan, const Value& done, std::string_view name) {
  if (plan.kind != ValueKind::number || done.kind != ValueKind::number || plan.op != Op::none ||
      done.op != Op::none || plan.unit != done.unit ||
      !(is_counting_word(plan.unit) || (plan.unit == "元" && is_rate_of_money_done(name))) ||
      plan.number <= 0 || done.number < 0) {
    return std::nullopt;
  }
  return done.number / plan.number * 100;
}

bool share_of_plan_done(const Value& target, const Value& actual, std::string_view actual_written,
                        std::string_view name, Compared& c) {
  if (target.unit != "%" || !name.ends_with("率") || actual.kind != ValueKind::number ||
      actual.op != Op::none ||
      !(is_counting_word(actual.unit) || (actual.unit == "元" && is_rate_of_money_done(name)))) {
    return false;
  }
  const std::string normalized = text::normalize_cell(actual_written);
  size_t marker = 0;
  const size_t at = text::actually_at(normalized, marker);
  if (at == std::string::npos) return false;
  std::string_view plan_text = text::trim(std::string_view(normalized).substr(0, at));
  while (drop_suffix(plan_text, {",", "，", ";", "；"})) plan_text = text::trim(plan_text);
  const std::optional<double> share = percent_of_plan(parse_value(plan_text), actual, name);
  if (!share) return false;
  c.t = target.number;
  c.a = round_half_up(*share, 2);
  c.display_factor = 1;
  return true;
}

bool score_on_its_scale(const Value& target, const Value& actual, std::string_view actual_written,
                        std::string_view name, Compared& c) {
  if (target.unit != "%" || actual.unit != "分" || actual.number < 0 || !contains(name, "满意")) {
    return false;
  }
  const std::string normalized = text::normalize_cell(actual_written);
  for (const auto& [said, scale] : {std::pair{std::string_view("5分制"), 5.0},
                                    {"满分5分", 5.0},
                                    {"10分制", 10.0},
                                    {"满分10分", 10.0},
                                    {"百分制", 100.0},
                                    {"满分100分", 100.0}}) {
    if (contains(normalized, said) && actual.number <= scale) {
      c.t = target.number;
      c.a = actual.number / scale * 100;
      c.display_factor = 1;
      return true;
    }
  }
  return false;
}

bool measures_the_opposite(std::string_view label, std::string_view name) {
  constexpr size_t kNegation = 3;  // 不 or 未
  constexpr size_t kWords = 6;     // the two characters after it
  const auto negation = [](std::string_view s) { return s == "不" || s == "未"; };
  if (label.size() >= kNegation + kWords && negation(label.substr(0, kNegation))) {
    return contains(name, label.substr(kNegation, kWords)) &&
           !contains(name, label.substr(0, kNegation + kWords));
  }
  // "合格率98%" for 不合格率: the name puts the negation before the label's words.
  if (label.size() < kWords) return false;
  const std::string_view words = label.substr(0, kWords);
  for (size_t at = name.find(words); at != std::string_view::npos; at = name.find(words, at + 1)) {
    if (at >= kNegation && negation(name.substr(at - kNegation, kNegation))) return true;
  }
  return false;
}

bool names_another_rate(std::string_view label, std::string_view name,
                        std::string_view target_label) {
  constexpr size_t kChar = 3;  // one character of the rates' words, in UTF-8
  constexpr std::string_view kSurveyed[] = {"满意度", "知晓度", "认可度"};
  const auto surveyed = [&](std::string_view s, bool at_end) {
    return std::any_of(std::begin(kSurveyed), std::end(kSurveyed), [&](std::string_view w) {
      return at_end ? s.ends_with(w) : contains(s, w);
    });
  };
  if (label.size() < 3 * kChar || !(label.ends_with("率") || surveyed(label, true))) return false;
  // What the indicator rates: its name, or else its target's label ("投诉率≤1%").
  const auto rates = [&](std::string_view s) { return contains(s, "率") || surveyed(s, false); };
  const std::string_view rated = rates(name) ? name : target_label;
  if (!rates(rated)) return false;
  // A rate of what went over a limit or a plan is none of what kept to it,
  // though they share a character ("超标率" for 达标率, "超期率" for 按期完成率,
  // "超额完成率" for 完成率): asked before the rates of done in general.
  if (const size_t over = label.find("超"); over != std::string_view::npos) {
    return !contains(rated, label.substr(over, 2 * kChar));
  }
  const std::string_view words = label.substr(label.size() - 3 * kChar, 2 * kChar);
  // Two whole characters of three bytes each, not the tail of "pH率" or "A级率".
  const auto lead = [](char c) { return (static_cast<unsigned char>(c) & 0xF0) == 0xE0; };
  if (!lead(words[0]) || !lead(words[kChar])) return false;
  if (words == "完成" || words == "达成" || words == "实现") return false;
  if (is_rate_of_money_done(label) && is_rate_of_money_done(rated)) return false;
  return !contains(rated, words.substr(0, kChar)) && !contains(rated, words.substr(kChar));
}

bool counts_started(std::string_view name) {
  return contains(name, "开工") || contains(name, "动工") || contains(name, "新建");
}

bool only_started(std::string_view label, std::string_view name) {
  if (!contains(label, "开工") && !contains(label, "动工")) return false;
  for (std::string_view finished : {"完工", "竣工", "建成", "完成", "交付"}) {
    if (contains(label, finished)) return false;
  }
  return !counts_started(name);
}

bool level_against_change(const Value& target, std::string_view target_written, const Value& actual,
                          std::string_view actual_written) {
  // A label that names the measure ("入学率88%") says a level as a bare figure
  // does (before, it was read as the change, and had full marks); one that says
  // a change or the past ("提高3%", "较上年3%") does not.
  return target.unit == "%" && actual.unit == "%" && change_direction(actual.label) == 0 &&
         !against_the_past(actual.label) && !target.label.empty() &&
         change_direction(target.label) != 0 && contains(target_written, "百分点") &&
         !contains(actual_written, "百分点");
}

bool change_against_level(const Value& target, const Value& actual, std::string_view name) {
  return change_of(target, actual, name).against_level;
}

bool counted_per_period(const Value& v) {
  return v.kind == ValueKind::number && per_period(v).times > 0;
}

Mismatch compare_figures_rare(const Value& target, const Value& actual,
                              std::string_view actual_written, std::string_view name, Compared& c) {
  if (score_on_its_scale(target, actual, actual_written, name, c)) return Mismatch::none;
  if (share_of_plan_done(target, actual, actual_written, name, c)) return Mismatch::none;
  if (amount_within_ceiling_per_unit(target, actual, c)) return Mismatch::none;
  if (per_unit_by_name(target, actual, name, c)) return Mismatch::none;
  if (total_against_period(target, actual)) return Mismatch::total_against_period;
  if (bare_fraction(target, actual) || bare_fraction(actual, target)) {
    return Mismatch::bare_fraction;
  }
  return change_against_level(target, actual, name) ? Mismatch::change_against_level
                                                    : Mismatch::units_differ;
}

bool amount_within_ceiling_per_unit(const Value& target, const Value& actual, Compared& c) {
  if ((target.op != Op::le && target.op != Op::lt) || actual.kind != ValueKind::number ||
      (actual.op != Op::none && actual.op != Op::le && actual.op != Op::lt) ||
      !actual.label.empty() || actual.unit.empty() || actual.number < 0) {
    return false;
  }
  const std::string_view unit = target.unit;
  const size_t slash = unit.find('/');
  if (slash == std::string_view::npos || unit.substr(0, slash) != actual.unit ||
      !counts_things(unit.substr(slash + 1)) || !is_per_unit(unit)) {
    return false;
  }
  const bool within =
      target.op == Op::lt ? actual.number < target.number : actual.number <= target.number;
  if (!within) return false;
  c.a = actual.number;
  c.t = target.number;
  c.display_factor = target.factor;
  return true;
}

bool bare_fraction(const Value& target, const Value& actual) {
  return target.unit == "%" && target.number > 1 && actual.unit.empty() && actual.factor == 1 &&
         actual.number != 0 && std::fabs(actual.number) <= 1;
}

bool total_against_period(const Value& target, const Value& actual) {
  const PerPeriod pt = per_period(target);
  const PerPeriod pa = per_period(actual);
  return pt.times > 0 && pa.times == 0 && pt.unit != "%" &&
         (same_text(pt.unit, pa.unit) || counts_the_same(pt.unit, pa.unit));
}

bool comparable_numbers(const Value& target, const Value& actual, Compared& out,
                        std::string_view name) {
  double& t = out.t;
  double& a = out.a;
  t = target.number;
  a = actual.number;
  out.display_factor = target.unit.empty() && actual.factor != 1 ? actual.factor : target.factor;
  // Most figures have neither a label nor a "/" where a period's would be: "/月" is
  // 4 bytes from the end, "/季度" 7.
  const auto may_have_period = [](const Value& v) {
    const size_t n = v.unit.size();
    return !v.label.empty() || (n > 4 && v.unit[n - 4] == '/') || (n > 7 && v.unit[n - 7] == '/');
  };
  const bool periods = may_have_period(target) || may_have_period(actual);
  if (!actual.label.empty()) {
    if (!signed_change(target, actual, name, a)) return false;
    if (per_figure_against_a_whole(target, actual, name)) return false;
    if (target.op == Op::le || target.op == Op::lt) spent_against_ceiling(target, actual, t, a);
  } else if (a < 0 && !target.label.empty() && change_direction(target.label) == -1) {
    a = -a;  // "-6%" against "较上年下降5%": a change below zero is a fall of its size
  }
  const PerPeriod pt = periods ? per_period(target) : PerPeriod{0, target.unit};
  const PerPeriod pa = periods ? per_period(actual) : PerPeriod{0, actual.unit};
  // "每天8小时" against "≥8小时": as written (PerPeriod::daily_label).
  const auto daily_against_none = [&] {
    return (pt.daily_label && pa.times == 0) || (pa.daily_label && pt.times == 0);
  };
  if (pa.times != pt.times && pt.unit != "%" && pa.unit != "%" && !daily_against_none()) {
    // "≥4次" against "每月4次" for 每月巡查次数: the name says the period of the
    // side that says none (before, 4 against 48 a year, over-achieved 1200%).
    int target_times = pt.times;
    int actual_times = pa.times;
    if (target_times == 0) {
      target_times = times_a_year_by_name(name);
    } else if (actual_times == 0) {
      actual_times = times_a_year_by_name(name);
    }
    if (actual_times != target_times) {
      if (actual_times == 0) return false;  // a yearly count cannot show every period's
      // Both over a year, rounded off the last bits that a day's figure read
      // per hour (100人次/天 as 100/24 an hour) leaves times 8,760.
      a = round_half_up(a * actual_times, 6);
      t = round_half_up(t * (target_times == 0 ? 1 : target_times), 6);
      // Shown over the year ("每季度2次" against "每月1次" is 8/12), but a day's
      // or an hour's target in its own period: "日均接待90人次" against
      // "≥100人次/天" is 90/100, not 32850/36500 (nor that per hour times 24).
      if (target_times == kHoursAYear) out.display_factor *= kHoursAYear;
    }
  }
  if (same_text(pt.unit, pa.unit) || counts_the_same(pt.unit, pa.unit) ||
      one_of_alternatives(pt.unit, pa.unit) || one_of_alternatives(pa.unit, pt.unit)) {
    return true;
  }
  if (satisfaction_as_percent(target, pt.unit, actual, pa.unit, name)) return true;
  if ((!actual.label.empty() || !target.label.empty()) &&
      per_unit_by_label(target, pt.unit, actual, pa.unit, pt.times != 0 && pa.times != 0, t, a)) {
    return true;
  }
  if (share_done_of(pt.unit, actual, pa.unit)) {
    a = t * actual.number / 100;  // "完成90%" against "100户": 90户
    return true;
  }
  // A bare number up to 1 against a percentage may be a fraction (0.95) or a
  // percentage (1%); a bare 0 is nothing in either reading ("0" against "≤5%").
  const bool percent_vs_fraction = bare_fraction(target, actual) || bare_fraction(actual, target);
  if (!pt.unit.empty() && !pa.unit.empty()) {
    if (working_days_against_days(target.op, pt.unit, pa.unit, t, a)) {
      out.display_factor = 1;  // both in working days
      return true;
    }
    if (people_against_visits(target.op, pt.unit, pa.unit, t, a)) return true;
    if (!months_against_days(target.op, pt.unit, pa.unit, t, a)) return false;
    out.display_factor = 24;  // shown in days: "实际25 ≤ 年度指标值28"
    return true;
  }
  if (percent_vs_fraction) return false;
  if (pa.unit.empty() && actual.factor == 1) a *= target.factor;
  if (pt.unit.empty() && target.factor == 1) t *= actual.factor;
  return true;
}

}  // namespace jixiao::core
