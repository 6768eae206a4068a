#include "core/clauses.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/compare.h"
#include "core/dates.h"
#include "core/decimal.h"
#include "core/numerals.h"
#include "core/substring.h"
#include "core/text.h"
#include "core/units.h"
#include "core/words.h"

namespace jixiao::core {
namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}

// Where a figure's counting word is followed at once by another figure
// ("共培训3期120人次": before "120"), or npos. Not after a part of a date (年,
// 月, 日: "2024年10月") nor of a figure in parts ("1万2千人"), which are read
// whole before any cell is cut into clauses.
size_t next_figure_after_count(std::string_view clause) {
  for (size_t i = 1; i < clause.size(); ++i) {
    if (!digit(clause[i]) || digit(clause[i - 1]) || !text::has_digit(clause.substr(0, i))) {
      continue;
    }
    size_t start = i - 1;  // the code point before the digit
    while (start > 0 && (static_cast<unsigned char>(clause[start]) & 0xC0) == 0x80) --start;
    const std::string_view word = clause.substr(start, i - start);
    if (word != "年" && word != "月" && word != "日" && is_counting_word(word)) return i;
  }
  return std::string_view::npos;
}

// Where a whole ends and the part of it that is done begins, in one clause: after
// 中 ("10个项目中已完成8个", "10个中有8个完成", "12个中的9个合格") or at once with 已,
// 有 or a deed of completion ("50户已完成48户", "100人合格95人"). Returns the end of
// the whole and where the part begins, or {npos, npos}. The whole is a count of
// things, maybe naming what it counts ("10个项目"); the part begins with a figure,
// 已, 有 or a deed ("10所中学已完成8所" is a count of schools, no whole and its part).
std::pair<size_t, size_t> whole_then_part(std::string_view clause) {
  constexpr std::string_view kAmong = "中";
  const auto begins_a_part = [](std::string_view part) {
    return !part.empty() && (digit(part[0]) || part.starts_with("已") || part.starts_with("有") ||
                             drop_prefix(part, text::kDeedsDone));
  };
  // A figure before and after: from the first digit's next byte to the last digit.
  const size_t first_digit = clause.find_first_of("0123456789");
  const size_t last_digit = clause.find_last_of("0123456789");
  if (first_digit == std::string_view::npos) {
    return {std::string_view::npos, std::string_view::npos};
  }
  for (size_t at = first_digit + 1; at <= last_digit; ++at) {
    if ((static_cast<unsigned char>(clause[at]) & 0xC0) == 0x80) continue;  // inside a character
    const std::string_view before = clause.substr(0, at);
    std::string_view part = clause.substr(at);
    if (drop_prefix(part, {kAmong})) {
      drop_prefix(part, {"的", "之"});
    } else if (digit(part[0]) || digit(clause[at - 1])) {
      continue;  // the whole's figure itself, or figures side by side (push_clause's)
    }
    if (!begins_a_part(part)) continue;
    const Value whole = parse_value(text::trim(before));
    if (whole.kind != ValueKind::number || whole.op != Op::none ||
        !(counts_things(whole.unit) || !counted_measure(whole.unit).empty())) {
      continue;
    }
    return {at, clause.size() - part.size()};
  }
  return {std::string_view::npos, std::string_view::npos};
}

// Appends `clause`, split before a word of a total that follows a figure
// ("培训3期共150人次": "培训3期", "共150人次") and between two figures with
// nothing between them but a counting word ("共培训3期120人次"), as a comma
// would split it.
void push_clause(std::string_view clause, std::vector<std::string_view>& out) {
  // "5项（含2项在建）": a part not done, in brackets at the end, is a clause of
  // its own, as in "5项，其中2项在建".
  for (const auto& [open, close] :
       {std::pair{std::string_view("("), std::string_view(")")}, {"（", "）"}}) {
    const size_t at = clause.rfind(open);
    if (clause.ends_with(close) && at != std::string_view::npos && at > 0) {
      const std::string_view remark =
          clause.substr(at + open.size(), clause.size() - at - open.size() - close.size());
      if (text::remark_is_a_clause(remark) ||
          text::states_the_whole(remark, clause.substr(0, at))) {
        push_clause(clause.substr(0, at), out);
        out.push_back(remark);
        return;
      }
    }
  }
  if (const auto [whole_end, part] = whole_then_part(clause); part != std::string_view::npos) {
    out.push_back(clause.substr(0, whole_end));
    push_clause(clause.substr(part), out);
    return;
  }
  for (std::string_view total : {"共计", "合计", "累计", "共"}) {
    const size_t at = clause.find(total);
    if (at != std::string_view::npos && text::has_digit(clause.substr(0, at)) &&
        text::has_digit(clause.substr(at))) {
      out.push_back(clause.substr(0, at));
      out.push_back(clause.substr(at));
      return;
    }
  }
  for (size_t at = next_figure_after_count(clause); at != std::string_view::npos;
       at = next_figure_after_count(clause)) {
    out.push_back(clause.substr(0, at));
    clause.remove_prefix(at);
  }
  out.push_back(clause);
}

// The clauses of a cell: split at Chinese commas and stops, and at a "," that
// does not stand between digits ("1,234" is one figure); not inside brackets,
// whose remark push_clause reads whole ("100%（资金已拨付，项目未完工）").
std::vector<std::string_view> clauses_of(std::string_view s) {
  std::vector<std::string_view> out;
  size_t begin = 0;
  int depth = 0;  // of brackets
  for (size_t i = 0; i < s.size();) {
    size_t width = 0;
    for (std::string_view mark : {"，", "；", "、", "。", ";"}) {
      if (s.substr(i, mark.size()) == mark) width = mark.size();
    }
    if (s[i] == ',' && !(i > 0 && digit(s[i - 1]) && i + 1 < s.size() && digit(s[i + 1]))) {
      width = 1;
    }
    if (s[i] == '(' || s.substr(i).starts_with("（")) ++depth;
    if ((s[i] == ')' || s.substr(i).starts_with("）")) && depth > 0) --depth;
    if (width == 0 || depth > 0) {
      ++i;
      continue;
    }
    push_clause(s.substr(begin, i - begin), out);
    i += width;
    begin = i;
  }
  push_clause(s.substr(begin), out);
  return out;
}

// "其中贫困人口120人" after "受益520人": a part of the figure before it, counted
// again. Not when the clause says something is not done ("其中2个在建",
// "其中未完成2个"): then it is read as any clause is.
bool part_of_figure_before(std::string_view clause, const Value& v) {
  if (!clause.starts_with("其中") || !(v.unit_known || is_counting_word(v.unit))) return false;
  for (std::string_view undone : {"未", "不", "没", "尚", "待", "停", "缓", "在建"}) {
    if (contains(clause, undone)) return false;
  }
  return true;
}

// A share computed from counts, in `out` as a person would write it: 250 of
// 300 is 83.33%.
void set_share(double percent, Value& out) {
  set_percent(round_half_up(percent, 2), out);
}

// The two figures of "a/b" (one slash), each read by parse_value.
bool split_at_slash(std::string_view written, Value& before, Value& after) {
  const size_t slash = written.find('/');
  if (slash == std::string_view::npos || written.find('/', slash + 1) != std::string_view::npos) {
    return false;
  }
  before = parse_value(text::trim(written.substr(0, slash)));
  after = parse_value(text::trim(written.substr(slash + 1)));
  return before.kind == ValueKind::number && after.kind == ValueKind::number;
}

// What a unit counts: "个" for "个项目" ("10个项目" is a whole of what "8个"
// counts), else the unit itself.
std::string_view counted(std::string_view unit) {
  const std::string_view measure = counted_measure(unit);
  return measure.empty() ? unit : measure;
}

// "完成10个中的8个", "覆盖12个乡镇中的11个": a part of a whole, 中的 between them,
// the whole labelled with a deed done (text::kDeedsDone) or nothing. Against a
// percentage the share (80%, 91.67%); against anything else the part, in the
// whole's unit and with its label ("完成8个"). False for anything else: "其中的",
// two measures, a part above the whole, a bound.
bool part_of_a_whole(const Value& target, std::string_view written, Value& out) {
  constexpr std::string_view kOf = "中的";
  const size_t of = written.find(kOf);
  if (of == std::string_view::npos ||
      written.find(kOf, of + kOf.size()) != std::string_view::npos) {
    return false;
  }
  const std::string_view before = text::trim(written.substr(0, of));
  if (before.ends_with("其")) return false;
  const Value whole = parse_value(before);
  const Value part = parse_value(text::trim(written.substr(of + kOf.size())));
  if (whole.kind != ValueKind::number || part.kind != ValueKind::number || whole.op != Op::none ||
      part.op != Op::none || !part.label.empty() || whole.number <= 0 || part.number < 0 ||
      part.number > whole.number || !is_counting_word(counted(whole.unit)) ||
      (!part.unit.empty() && counted(part.unit) != counted(whole.unit))) {
    return false;
  }
  if (!whole.label.empty() && std::find(std::begin(text::kDeedsDone), std::end(text::kDeedsDone),
                                        whole.label) == std::end(text::kDeedsDone)) {
    return false;
  }
  if (target.unit == "%") {
    set_share(part.number / whole.number * 100, out);
  } else {
    out = whole;
    out.number = part.number;
    out.decimals = part.decimals;
  }
  return true;
}

// "12/12" or "49/50" against a percentage: a count of a count, 100% or 98%;
// "480/500万元" and "480万元/500万元" alike (a part without a unit is in the
// whole's). The part no more than the whole. The part may be labelled with
// what was done (text::kDeedsDone: "拨付480/500万元", "合格48/50批次"; before,
// unreadable) or with the indicator `name`, whole or less its 率 or 度
// ("验收合格12/12" for 验收合格率), after a word of a sum or none ("共计285/300"),
// the whole not.
bool share_as_fraction(std::string_view written, std::string_view name, Value& out) {
  Value part;
  Value whole;
  if (!split_at_slash(written, part, whole)) return false;
  const auto plain = [](const Value& v) { return v.op == Op::none && v.unit != "%"; };
  std::string_view done = part.label;
  // "共计285/300", "累计完成48/50": a word of the whole's sum says nothing more.
  drop_prefix(done, {"共计", "合计", "累计", "总计", "共"});
  drop_prefix(done, {"实际", "已"});
  std::string_view measure = name;
  const bool labelled_done = done.empty() ||
                             std::find(std::begin(text::kDeedsDone), std::end(text::kDeedsDone),
                                       done) != std::end(text::kDeedsDone) ||
                             (drop_prefix(measure, {std::string_view(part.label)}) &&
                              (measure.empty() || measure == "率" || measure == "度"));
  if (!plain(part) || !plain(whole) || !labelled_done || !whole.label.empty()) return false;
  const bool bare_part = part.unit.empty() && part.factor == 1;
  if (!bare_part && part.unit != whole.unit) return false;
  const double part_number = bare_part ? part.number * whole.factor : part.number;
  if (whole.number <= 0 || part_number < 0 || part_number > whole.number) return false;
  set_share(part_number / whole.number * 100, out);
  return true;
}

// Whether a figure's label ends with the rate an indicator's name ends with:
// "满意度" or "满意率" in "满意度98%" for 服务对象满意度; not "基本满意".
bool label_names_the_rate(std::string_view label, std::string_view name) {
  const auto rate_stem = [](std::string_view s) -> std::string_view {
    if (s.size() < 9 || !(s.ends_with("度") || s.ends_with("率"))) return {};
    return s.substr(s.size() - 9, 6);
  };
  const std::string_view stem = rate_stem(name);
  return !stem.empty() && rate_stem(label) == stem;
}

// "96%/100%", "480人/500人": the actual over the target as the table wrote it,
// the figure after the slash being the target's own. The one before is the actual.
// Two bare figures ("8/10" against "10个", "480/500" against "500万元") are both
// in the target's unit, when the second is the target's figure as written.
bool actual_over_target(std::string_view written, const Value& target, std::string_view name,
                        Value& out) {
  Value done;
  Value wanted;
  if (!split_at_slash(written, done, wanted) || wanted.op != Op::none) return false;
  const auto bare = [](const Value& v) {
    return v.unit.empty() && v.factor == 1 && v.label.empty() && v.op == Op::none;
  };
  if (bare(done) && bare(wanted) && !target.unit.empty()) {
    done.number *= target.factor;
    wanted.number *= target.factor;
    done.unit = wanted.unit = target.unit;
    done.factor = wanted.factor = target.factor;
    done.unit_known = wanted.unit_known = target.unit_known;
  }
  if (wanted.unit.empty() || wanted.unit != target.unit) return false;
  Compared c;
  if (!comparable_numbers(target, done, c, name) ||
      std::fabs(wanted.number - target.number) > 1e-9 * std::max(1.0, std::fabs(target.number))) {
    return false;
  }
  out = done;
  return true;
}

// "4期/120人次" against "≥100人次": two figures of different measures over a slash,
// as a comma would part them; the one of the target's measure, when the other is not.
bool one_measure_of_two(std::string_view written, const Value& target, std::string_view name,
                        Value& out) {
  Value before;
  Value after;
  if (!split_at_slash(written, before, after) || before.unit.empty() || after.unit.empty() ||
      before.unit == after.unit) {
    return false;
  }
  Compared c;
  const bool first = comparable_numbers(target, before, c, name);
  const bool second = comparable_numbers(target, after, c, name);
  if (first == second) return false;
  out = first ? before : after;
  return true;
}

// Words that label a figure of the year before ("上年88%").
constexpr std::string_view kPastWords[] = {"上年", "去年", "上一年", "前一年", "前年"};

// "88%→92%", "88%->92%": what is before the last arrow and after it, trimmed.
bool split_at_arrow(std::string_view written, std::string_view& from, std::string_view& to) {
  for (std::string_view arrow : {"→", "->"}) {
    if (const size_t at = written.rfind(arrow); at != std::string_view::npos) {
      from = text::trim(written.substr(0, at));
      to = text::trim(written.substr(at + arrow.size()));
      return true;
    }
  }
  return false;
}

// "88%→92%", "88%->92%": from one figure to another; the last is where it stands.
bool figure_after_arrow(std::string_view written, const Value& target, std::string_view name,
                        Value& out) {
  std::string_view from, to;
  if (!split_at_arrow(written, from, to)) return false;
  const Value before = parse_value(from);
  const Value after = parse_value(to);
  Compared c;
  if (before.kind != ValueKind::number || after.kind != ValueKind::number ||
      !comparable_numbers(target, before, c, name) || !comparable_numbers(target, after, c, name)) {
    return false;
  }
  out = after;
  return true;
}

// What a part of a whole has that a rate counts: "满意" in "满意285人" for 满意度.
constexpr std::string_view kQualities[] = {"满意", "合格", "达标", "通过",
                                           "完好", "知晓", "及时", "完成"};

// The deed a rate names, the two characters before 率: "办结" for 办结率, "完工"
// for 项目完工率. Empty for a name that is no rate.
std::string_view rate_deed(std::string_view name) {
  constexpr size_t kDeed = 6;
  if (!drop_suffix(name, {"率"}) || name.size() < kDeed) return {};
  return name.substr(name.size() - kDeed);
}

// "调查300人，满意285人" or "抽检50批次，合格49批次" against a percentage whose
// indicator names what the part has (满意度, 合格率): the part over the whole.
// `whole` and `part` are the cell's two figure clauses, in that order.
bool share_of_counts(std::string_view whole_clause, const Value& whole,
                     std::string_view part_clause, const Value& part, std::string_view name,
                     Value& out) {
  if (counted(whole.unit) != counted(part.unit) || whole.number <= 0 || part.number < 0 ||
      part.number > whole.number || !is_counting_word(counted(whole.unit))) {
    return false;
  }
  // What was due may name the deed too: "应参保1000人，已参保980人" for 参保率.
  const auto due = [](std::string_view clause) {
    return clause.starts_with("应") && !clause.starts_with("应急");
  };
  const auto counts_it = [&](std::string_view quality) {
    return !quality.empty() && contains(name, quality) && contains(part_clause, quality) &&
           (!contains(whole_clause, quality) || (due(whole_clause) && !due(part_clause)));
  };
  // "应到100人，实到95人" for 到课率, "应出勤30人，实际出勤28人" for 出勤率: what
  // was due and what was done, one deed (before, unit_mismatch).
  const auto due_and_done = [&] {
    std::string_view due_deed = whole.label;
    std::string_view done_deed = part.label;
    return !due_deed.starts_with("应急") && drop_prefix(due_deed, {"应"}) &&
           drop_prefix(done_deed, {"实际", "实"}) && !due_deed.empty() && due_deed == done_deed;
  };
  // "受理100件，办结98件" for 办结率: the deed the rate names, as a quality.
  if (std::none_of(std::begin(kQualities), std::end(kQualities), counts_it) &&
      !counts_it(rate_deed(name)) && !due_and_done()) {
    return false;
  }
  set_share(part.number / whole.number * 100, out);
  return true;
}

// "计划3个，完成3个" or "计划100户，实际完成98户" against a percentage for a rate
// (完成率): what was done over what was planned, in one counting unit. The deed
// may be the one the rate names: "计划10个，完工8个" for 完工率.
bool share_of_plan(const Value& plan, std::string_view done_clause, const Value& done,
                   std::string_view name, Value& out) {
  if (!name.ends_with("率")) return false;
  std::string_view said = done_clause;
  const bool actual_said = drop_prefix(said, {"实际"});
  drop_prefix(said, {"已", "共", "累计"});
  const std::string_view deed = rate_deed(name);
  const bool deed_named = !deed.empty() && said.starts_with(deed);
  if (!actual_said && !said.starts_with("完成") && !deed_named) return false;
  const std::optional<double> share = percent_of_plan(plan, done, name);
  if (!share) return false;
  set_share(*share, out);
  return true;
}

// "支出480万元，预算500万元" or "下达资金500万元，已拨付480万元" against a
// percentage for a rate of money done (预算执行率, 资金拨付率): the amount done
// over the amount set, in either order. `set` and `done` are the cell's two
// figure clauses.
bool share_of_budget(const Value& set, const Value& done, std::string_view name, Value& out) {
  // Words that set an amount ("预算500万元", "应到位500万元"; not "应急资金"), and
  // what is done with it (kMoneyDeeds).
  static constexpr std::string_view kSetting[] = {"预算", "批复", "下达", "安排",
                                                  "年初", "计划", "应"};
  const auto sets_an_amount = [](std::string_view label) {
    return !label.starts_with("应急") && drop_prefix(label, kSetting);
  };
  const bool done_said = std::any_of(std::begin(kMoneyDeeds), std::end(kMoneyDeeds),
                                     [&](auto deed) { return contains(done.label, deed); });
  if (!sets_an_amount(set.label) || !done_said || sets_an_amount(done.label)) return false;
  const std::optional<double> share = percent_of_plan(set, done, name);
  if (!share) return false;
  set_share(*share, out);
  return true;
}

// How a survey's tier, named by a figure's label ("非常满意60%", "满意占35%"),
// counts toward a satisfaction rate.
enum class Satisfaction { satisfied, dissatisfied, either, none };

Satisfaction satisfaction_of(std::string_view label) {
  drop_prefix(label, {"其中"});
  drop_suffix(label, {"的占比", "占比", "的占", "占", "的"});
  for (std::string_view w : {"非常满意", "很满意", "十分满意", "满意", "比较满意", "较满意"}) {
    if (label == w) return Satisfaction::satisfied;
  }
  for (std::string_view w : {"不满意", "非常不满意", "很不满意", "较不满意", "比较不满意"}) {
    if (label == w) return Satisfaction::dissatisfied;
  }
  // Counted as satisfied by some surveys and not by others.
  for (std::string_view w : {"基本满意", "一般"}) {
    if (label == w) return Satisfaction::either;
  }
  return Satisfaction::none;
}

// "调查500人，非常满意300人，满意150人" or "非常满意300人，满意150人，不满意50人"
// for 满意度: two or more survey tiers counted in one counting word, the
// satisfied ones over the whole surveyed (the last count before the tiers,
// "收回480份" after "发放问卷500份", or their sum after them, "共500人") or,
// with none written, over all the tiers when the dissatisfied are among them.
// False with a tier counted either way (基本满意), or a figure of anything else.
bool share_of_survey_counts(std::string_view written, Value& out) {
  std::optional<double> whole;
  double satisfied = 0;
  double dissatisfied = 0;
  int tiers = 0;
  std::string_view unit;
  for (std::string_view clause : clauses_of(written)) {
    const Value v = parse_value(text::trim(clause));
    if (v.kind != ValueKind::number || v.op != Op::none || v.number < 0 ||
        !is_counting_word(v.unit) || (!unit.empty() && v.unit != unit)) {
      return false;
    }
    unit = v.unit;
    switch (satisfaction_of(v.label)) {
      case Satisfaction::satisfied:
        satisfied += v.number;
        break;
      case Satisfaction::dissatisfied:
        dissatisfied += v.number;
        break;
      case Satisfaction::either:
        return false;
      case Satisfaction::none: {
        // The whole is written before the tiers, or after them as their sum.
        std::string_view label = v.label;
        if (tiers > 0 && (whole || !drop_prefix(label, {"共", "合计", "总计"}))) return false;
        whole = v.number;
        continue;
      }
    }
    ++tiers;
  }
  if (tiers < 2) return false;  // one tier is share_of_counts'
  const double of = whole ? *whole : (dissatisfied > 0 ? satisfied + dissatisfied : 0);
  if (of <= 0 || satisfied + dissatisfied > of + 1e-9) return false;
  set_share(satisfied / of * 100, out);
  return true;
}

// Whether the indicator's `name` says the word of undone at `at` in `clause`
// itself, by its first two characters ("开工" for 开工率, "不合" for 不合格批次,
// "未培" for 未培训人数): the clause counts what the indicator does.
bool name_says_undone(std::string_view name, std::string_view clause, size_t at) {
  constexpr size_t kTwoCharacters = 6;
  // Two whole characters: "未" alone, at the clause's end, is in many names.
  const std::string_view words = clause.substr(at, kTwoCharacters);
  if (words.size() != kTwoCharacters) return false;
  return contains(name, words) || ((words == "开工" || words == "动工") && counts_started(name));
}

// Whether a clause says a part is not done ("尚有2项未完成") in words the
// indicator's name does not say ("计划10个，开工8个" for 开工率 counts starts).
bool says_undone_for(std::string_view clause, std::string_view name) {
  const size_t at = text::undone_at(clause);
  return at != std::string_view::npos && !name_says_undone(name, clause, at);
}

// What words of undone after a figure say of it.
enum class WordsAfter {
  undone,    // a part not done: the clause is for the evaluator
  named,     // what the indicator counts ("2批不合格" for 不合格批次): the figure
  opposite,  // the opposite's share or count ("2%不合格", "5人不合格" for 合格率)
};

// A clause whose words of undone, from `at`, follow a figure: when
// `name` says them too ("10人未培训" for 未培训人数), the figure, in `figure`,
// counts what the indicator does; when they say its opposite ("2%不合格" for
// 合格率, "5人不满意" for 满意度), the figure counts the opposite.
[[gnu::cold]] WordsAfter words_after_figure(std::string_view clause, size_t at,
                                            std::string_view name, Value& figure) {
  constexpr size_t kTwoCharacters = 6;
  const std::string_view words = clause.substr(at);
  if (at == 0 || words.size() < kTwoCharacters) return WordsAfter::undone;
  figure = parse_value(text::trim(clause.substr(0, at)));
  if (figure.kind != ValueKind::number || figure.unit.empty()) return WordsAfter::undone;
  // What the name counts, with its bound ("≥10个已开工" for 开工项目数, as "10个已开工").
  if (name_says_undone(name, clause, at)) return WordsAfter::named;
  if (figure.op != Op::none) return WordsAfter::undone;
  return measures_the_opposite(words, name) ? WordsAfter::opposite : WordsAfter::undone;
}

// A count of the opposite beside the cell's other figure clause, `other`,
// against a percentage for a rate that `name` names by its quality (培训合格率):
// the whole less the opposite over the whole ("培训120人，不合格5人": 115 of
// 120), or the quality's own count over it and the opposite's together
// ("合格115人，不合格5人": 115 of 120).
bool share_without_opposite(std::string_view other_clause, const Value& other,
                            const Value& opposite, std::string_view name, Value& out) {
  if (other.unit != opposite.unit || !is_counting_word(other.unit) || other.number <= 0 ||
      opposite.number < 0) {
    return false;
  }
  const bool quality_counted =
      std::any_of(std::begin(kQualities), std::end(kQualities),
                  [&](auto q) { return contains(name, q) && contains(other_clause, q); });
  const double whole = quality_counted ? other.number + opposite.number : other.number;
  if (opposite.number > whole) return false;
  set_share((whole - opposite.number) / whole * 100, out);
  return true;
}

// What figure_for_target found: the figure, none, figures that differ, or a
// clause saying a part is not done.
enum class Reading { found, none, differ, undone, another_rate };

// The figures in the bracket that ends `written` after words that only remark
// ("90%" of "完成(90%)", "培训80人" of "良好(培训80人)"); empty for anything
// else: a figure before the bracket ("100人(实际到场85人)"), words that may
// take it back ("未完成(90%)"), no figure inside ("完成(已验收)").
std::string_view figures_after_words(std::string_view written) {
  const size_t open = written.find('(');
  if (open == std::string_view::npos || open == 0 || !written.ends_with(")")) return {};
  const std::string_view words = text::trim(written.substr(0, open));
  const std::string_view inside = written.substr(open + 1, written.size() - open - 2);
  if (text::has_digit(words) || !text::only_remarks(words) || !text::has_digit(inside) ||
      inside.find('(') != std::string_view::npos) {
    return {};
  }
  return text::trim(inside);
}

Reading read_figure_for(const Value& target, std::string_view written, std::string_view name,
                        Value& out) {
  const auto found_if = [](bool yes) { return yes ? Reading::found : Reading::none; };
  // "四分之三", "完成三分之二" against a percentage: the share "3/4" is
  // (share_as_fraction; before, the evaluator's).
  if (std::string digits; target.kind == ValueKind::number && target.unit == "%" &&
                          !text::has_digit(written) && fraction_in_words(written, digits)) {
    return read_figure_for(target, digits, name, out);
  }
  if (target.kind != ValueKind::number || (target.unit.empty() && target.factor == 1) ||
      !text::has_digit(written) || written.size() > 400) {
    return Reading::none;
  }
  const bool percent = target.unit == "%";
  if (part_of_a_whole(target, text::trim(written), out) ||
      (percent && share_as_fraction(text::trim(written), name, out)) ||
      actual_over_target(text::trim(written), target, name, out) ||
      one_measure_of_two(text::trim(written), target, name, out) ||
      figure_after_arrow(text::trim(written), target, name, out)) {
    return Reading::found;
  }
  // "完成（90%）", "良好（培训80人）": words that only remark, and the figures in
  // the bracket after them, which are read as the cell (before, full marks by
  // the words' tier).
  if (const std::string_view inside = figures_after_words(text::trim(written)); !inside.empty()) {
    const Reading bracket = read_figure_for(target, inside, name, out);
    if (bracket != Reading::none) return bracket;
  }
  int found = 0;
  double first = 0;  // the first figure found, in the target's canonical unit
  std::string unbracketed;
  // Figures of another measure, for a share of counts ("调查300人，满意285人").
  // Copied: a clause may be `unbracketed`, which the next clause overwrites.
  int others = 0;
  std::optional<Value> plan;
  bool differ = false;
  int named = 0;  // clauses labelled with the rate the indicator names
  Value named_figure;
  // Shares of a survey's tiers ("非常满意60%，满意35%"), for a satisfaction rate.
  const bool survey = percent && contains(name, "满意");
  double satisfied = 0;
  bool tiers_only = true;  // every figure found is labelled with a tier that counts one way
  std::string other_clauses[3];
  Value other_figures[3];
  // A clause that bounds every case on the side the target bounds ("最长28天" against
  // "≤30天", "最少100人" against "≥80人"), and whether it meets the target.
  int bounding = 0;
  bool bound_meets = false;
  Value bound_figure;
  const bool ceiling = target.op == Op::le || target.op == Op::lt;
  const bool floor = target.op == Op::ge || target.op == Op::gt;
  bool opposite = false;                // a clause was the share of the opposite ("2%不合格")
  std::optional<Value> opposite_count;  // a clause counted the opposite ("不合格5人")
  bool rest_later = false;              // a clause said when the rest is to be done
  bool another = false;                 // a clause was a figure of another rate
  // A clause of words without a figure said something not done ("93%，未达标"),
  // and whether the first figure falls short of the target anyway.
  bool said_undone = false;
  bool first_short = false;
  const auto note_opposite = [&](const Value& v) {
    if (v.unit == "%") {
      opposite = true;
    } else if (!opposite_count) {
      opposite_count = v;
    }
  };
  for (std::string_view clause : clauses_of(written)) {
    clause = text::trim(clause);
    // "满意（含基本满意）率96%": a remark in brackets inside the clause says nothing
    // of the figure.
    if (const size_t open = clause.find('('); open != std::string_view::npos && open > 0) {
      const size_t close = clause.find(')', open);
      // Not one that says a part is not done: "100%（部分未达标）（经核实）".
      if (close != std::string_view::npos && close + 1 < clause.size() &&
          !text::has_digit(clause.substr(open, close - open)) &&
          !text::remark_is_a_clause(clause.substr(open + 1, close - open - 1))) {
        unbracketed.assign(clause.substr(0, open));
        unbracketed += clause.substr(close + 1);
        clause = unbracketed;
      }
    }
    if (std::any_of(std::begin(kPlanWords), std::end(kPlanWords),
                    [&](auto w) { return clause.starts_with(w); })) {
      if (!plan) plan = parse_value(clause);  // "计划3个，完成3个": the whole of a 完成率
      continue;
    }
    // "上年88%，本年92%": the year before is what this year is measured against.
    if (std::any_of(std::begin(kPastWords), std::end(kPastWords),
                    [&](auto w) { return clause.starts_with(w); })) {
      continue;
    }
    // "已完成95%，剩余部分2025年1月完成", "已完成95%，其余正在施工": when the rest
    // is to be done, or that it is not done yet, leaves the share done to be read
    // (below: not one that says all was done).
    if (std::string_view rest = clause;
        percent && drop_prefix(rest, {"剩余部分", "其余部分", "余下部分", "剩余", "其余", "余下",
                                      "剩下的", "剩下"})) {
      drop_prefix(rest, {"预计", "计划", "将于", "拟于", "于"});
      if (parse_value(rest).kind == ValueKind::date ||
          (!text::has_digit(rest) && text::undone_at(rest) != std::string_view::npos)) {
        rest_later = true;
        continue;
      }
    }
    Value v = parse_value(clause);
    if (v.kind != ValueKind::number || (v.unit.empty() && v.factor == 1)) {
      if (text::only_remarks(clause)) continue;
      // "2024年12月完成，完成率100%": when it was done says nothing of the figure
      // (before, the cell was unreadable, or scored by its 完成).
      if (v.kind == ValueKind::date && text::undone_at(clause) == std::string_view::npos) {
        continue;
      }

      // Words that could say the figure fell short ("3项，未完成") leave it to the
      // evaluator, unless they are what the indicator counts or its opposite.
      const size_t undone = text::undone_at(clause);
      if (undone == std::string_view::npos) return said_undone ? Reading::undone : Reading::none;
      const WordsAfter after = words_after_figure(clause, undone, name, v);
      if (after == WordsAfter::undone) {
        // "90人，部分未到位": a part, which the figure may or may not count.
        if (text::has_digit(clause) ||
            contains_any(clause, {"部分", "个别", "少数", "一些", "少量", "尚有", "仍有", "还有",
                                  "其中", "含"})) {
          return Reading::undone;
        }
        said_undone = true;
        continue;
      }
      if (after == WordsAfter::opposite) {
        note_opposite(v);
        continue;
      }
    }
    if (found > 0 && part_of_figure_before(clause, v)) continue;
    // "满意率92.5%，不满意率1%": a rate of the opposite says the same once more.
    if (measures_the_opposite(v.label, name)) {
      note_opposite(v);
      continue;
    }
    // "98%，故障率2%" for 设备完好率: a rate the indicator does not name is a remark.
    if (names_another_rate(v.label, name, target.label)) {
      another = true;
      continue;
    }
    Compared c;
    if (!comparable_numbers(target, v, c, name)) {  // another measure ("150人次")
      // "100%，尚有2项未完成": a part not done, counted in another measure, says
      // the figure may fall short (before, 100% had full marks).
      if (says_undone_for(clause, name)) return Reading::undone;
      if (others < 3) {
        other_clauses[others].assign(clause);
        other_figures[others] = v;
      }
      ++others;
      continue;
    }
    // Two clauses may say one thing twice: "支出480万元，节约20万元" against "≤500万元".
    if (found > 0 && std::fabs(c.a - first) > 1e-9 * std::max(1.0, std::fabs(first))) {
      differ = true;
    }
    if (label_names_the_rate(v.label, name) && named++ == 0) named_figure = v;
    if ((ceiling && (v.op == Op::le || v.op == Op::lt)) ||
        (floor && (v.op == Op::ge || v.op == Op::gt))) {
      if (bounding++ == 0) {
        bound_figure = v;
        bound_meets = ceiling ? (target.op == Op::lt ? c.a < c.t : c.a <= c.t)
                              : (target.op == Op::gt ? c.a > c.t : c.a >= c.t);
      }
    }
    if (survey) {
      const Satisfaction tier = satisfaction_of(v.label);
      if (tier == Satisfaction::satisfied) satisfied += c.a;
      tiers_only =
          tiers_only && (tier == Satisfaction::satisfied || tier == Satisfaction::dissatisfied);
    }
    if (found++ == 0) {
      first = c.a;
      out = v;
      // A bare target's direction is the indicator's (lower for 故障率): not known here.
      first_short = v.op == Op::none && ((ceiling && c.a > c.t) || (floor && c.a < c.t));
    }
  }
  // "93%，未达标" against "≥95%", "未完成，3项" against "≥5项": words that say it
  // is not done, of no part, beside the one figure, which falls short of a target
  // with its bound written, say what the figure does: the figure is read (before,
  // the evaluator's). Beside a figure that meets the target ("96%，未达标"), or
  // beside more, they take it back.
  if (said_undone && (found != 1 || others > 0 || differ || !first_short || opposite ||
                      opposite_count || rest_later || plan)) {
    return Reading::undone;
  }
  // "培训120人，不合格5人" for 培训合格人数: the five may or may not be in the 120.
  if (opposite_count && !percent) return Reading::undone;
  // "100%，剩余部分2025年1月完成": all done, and a rest still to do.
  if (rest_later && found > 0 && out.number >= 100) return Reading::undone;
  // "满意度98%，基本满意2%": of figures that differ, the one labelled with the
  // rate the indicator names; else the cell stays for the evaluator.
  if (differ) {
    if (named == 1) {
      out = named_figure;
      return Reading::found;
    }
    // "最长28天，平均20天" against "≤30天": every case within a bound that meets the
    // target meets it (before, the evaluator's). One that misses it ("平均20天，最长
    // 35天") says a part fell short: the evaluator knows how many cases did.
    if (bounding == 1) {
      if (!bound_meets) return Reading::undone;
      out = bound_figure;
      return Reading::found;
    }
    // "非常满意60%，满意35%" for 满意度: the satisfied tiers together, 95%. Not with
    // a tier that surveys count either way ("基本满意5%"): the evaluator knows which.
    if (survey && tiers_only && satisfied > 0 && satisfied <= 100 + 1e-9) {
      set_share(satisfied, out);
      return Reading::found;
    }
    return Reading::differ;
  }
  if (found == 0 && survey && share_of_survey_counts(written, out)) return Reading::found;
  if (found == 0 && percent && others == 2) {
    // The whole first ("调查300人，满意285人") or last ("完成3个，共3个").
    return found_if(share_of_counts(other_clauses[0], other_figures[0], other_clauses[1],
                                    other_figures[1], name, out) ||
                    share_of_counts(other_clauses[1], other_figures[1], other_clauses[0],
                                    other_figures[0], name, out) ||
                    share_of_budget(other_figures[0], other_figures[1], name, out) ||
                    share_of_budget(other_figures[1], other_figures[0], name, out));
  }
  // "发放问卷500份，收回480份，满意456份": of three counts, the part after the
  // whole it is of, the one just before it (95%).
  if (found == 0 && percent && others == 3) {
    return found_if(share_of_counts(other_clauses[1], other_figures[1], other_clauses[2],
                                    other_figures[2], name, out));
  }
  if (found == 0 && percent && others == 1 && opposite_count) {
    return found_if(
        share_without_opposite(other_clauses[0], other_figures[0], *opposite_count, name, out));
  }
  if (found == 0 && percent && others == 1 && plan) {
    return found_if(share_of_plan(*plan, other_clauses[0], other_figures[0], name, out));
  }
  // "5%不满意" alone for 满意度: the opposite's share, not the figure asked for.
  if (found == 0 && opposite) return Reading::undone;
  // "达标，优良率90%" for 覆盖率: no figure of the indicator's, one of another rate.
  if (found == 0 && another) return Reading::another_rate;
  return found_if(found > 0);
}

// A cell as written, as the clauses are read from it: normalized (full-width
// digits are digits), without what closes it and says nothing ("…不合格5人。",
// "（详见附件）") and without its column's name ("完成情况："), as parse_value
// reads a cell. In `scratch` when it must be rewritten.
std::string_view cell_text(std::string_view written, std::string& scratch) {
  thread_local std::string lines;
  return text::without_field_label(
      text::without_closing(text::lines_as_clauses(text::normalize_view(written, scratch), lines)));
}

}  // namespace

bool date_beside_words(std::string_view written, Value& out) {
  constexpr size_t kLongest = 200;
  if (written.size() > kLongest) return false;
  std::string scratch;
  const std::string_view cell = cell_text(written, scratch);
  // "已完成（2025年1月）": the bracket after the words is a clause of its own.
  std::vector<std::string_view> clauses;
  if (const size_t open = cell.find('('); open != std::string_view::npos && open > 0 &&
                                          cell.ends_with(")") &&
                                          !text::has_digit(cell.substr(0, open))) {
    clauses = {text::trim(cell.substr(0, open)), cell.substr(open + 1, cell.size() - open - 2)};
  } else {
    clauses = clauses_of(cell);
  }
  int dates = 0;
  for (std::string_view clause : clauses) {
    clause = text::trim(clause);
    if (clause.empty()) continue;
    const bool digits = text::has_digit(clause);
    if (text::says_only_in_part(clause)) return false;
    // "2024年3月启动，2025年1月完成": when the work began says nothing of when it
    // was done (before, full marks by 完成's tier, late or not).
    if (digits && text::says_begun(clause)) continue;
    // Words beside the date: of done, or remarks that keep it ("资金不足" does not,
    // as after a date alone); not done in full ("基本完成"), nor planned ("原定").
    if (!digits) {
      if (text::undone_at(clause) != std::string_view::npos || !text::remark_keeps_date(clause) ||
          contains(clause, "原定")) {
        return false;
      }
      continue;
    }
    if (text::undone_at(clause) != std::string_view::npos) return false;
    Value v = parse_value(clause);
    // "2025.1": a year and month, as the deadline's reader reads a figure so written.
    const bool date = v.kind == ValueKind::date || year_month_of(v).has_value();
    if (!date || says_a_plan(v) || dates++ > 0) return false;
    out = std::move(v);
  }
  return dates == 1 && clauses.size() > 1;
}

std::optional<Date> date_done_in_the_main(std::string_view written) {
  constexpr size_t kLongest = 200;
  // Most cells against a date are a figure ("2024.12"): ruled out before they
  // are normalized.
  if (written.size() > kLongest || !contains_any(written, {"基本", "初步", "大体", "大體"})) {
    return std::nullopt;
  }
  std::string scratch;
  const std::string_view cell = cell_text(written, scratch);  // "２０２４年５月" has digits
  if (!text::has_digit(cell)) return std::nullopt;
  for (std::string_view main : {"基本", "初步", "大体"}) {
    const size_t at = cell.find(main);
    if (at == std::string_view::npos) continue;
    std::string rest(cell.substr(0, at));
    rest += cell.substr(at + main.size());
    // Said twice, or with a part ("基本完成，部分在建"): no date of the main alone.
    if (text::says_only_in_part(rest) || text::says_undone(rest)) return std::nullopt;
    Value v = parse_value(rest);
    if (!date_named(v) || says_a_plan(v)) {
      if (!date_beside_words(rest, v)) return std::nullopt;
    }
    return date_named(v);  // "2024.5基本完成": a year and month
  }
  return std::nullopt;
}

namespace {

// A level as an actual states it: a figure alone, without a sign or words.
bool is_level(const Value& v) {
  return v.kind == ValueKind::number && v.op == Op::none && v.label.empty();
}

// The two levels an actual states, before and reached; false when it states
// no two. `s` is normalized (ASCII commas and brackets).
bool two_levels(std::string_view s, Value& from, Value& to) {
  static constexpr std::string_view kNow[] = {"本年度", "本年", "今年", "当年", "全年"};
  static constexpr std::string_view kIs[] = {"为", "是", ":"};
  // "93%→96%"
  if (std::string_view before, after; split_at_arrow(s, before, after)) {
    drop_prefix(before, {"由", "从"});
    from = parse_value(before);
    to = parse_value(after);
    return is_level(from) && is_level(to);
  }
  // "由93%提高到96%", "从100人增加至105人": the level before runs to the verb.
  if (s.starts_with("由") || s.starts_with("从")) {
    const std::string_view rest = s.substr(std::string_view("由").size());
    size_t verb = std::string_view::npos;
    for (std::span<const std::string_view> verbs :
         {std::span<const std::string_view>(kRise), std::span<const std::string_view>(kFall)}) {
      for (std::string_view v : verbs) verb = std::min(verb, rest.find(v));
    }
    if (verb == std::string_view::npos) return false;
    constexpr size_t kVerb = 6;  // each verb is two characters
    std::string_view after = rest.substr(verb + kVerb);
    if (!drop_prefix(after, {"到", "至", "为"})) return false;
    from = parse_value(text::trim(rest.substr(0, verb)));
    to = parse_value(text::trim(after));
    return is_level(from) && is_level(to);
  }
  // "上年93%,本年96%", "本年96%,上年为93%", "105人(上年100人)": one part said of
  // the year before, the other of this year or of none.
  std::string_view parts[2];
  if (s.ends_with(')') && s.find('(') != std::string_view::npos) {
    const size_t open = s.rfind('(');
    parts[0] = s.substr(0, open);
    parts[1] = s.substr(open + 1, s.size() - open - 2);
  } else {
    const size_t comma = s.find_first_of(",;");
    if (comma == std::string_view::npos ||
        s.find_first_of(",;", comma + 1) != std::string_view::npos) {
      return false;
    }
    parts[0] = s.substr(0, comma);
    parts[1] = s.substr(comma + 1);
  }
  int before = -1;
  for (int i = 0; i < 2; ++i) {
    parts[i] = text::trim(parts[i]);
    const std::string_view part = parts[i];
    if (drop_prefix(parts[i], kPastWords)) {
      // Of the year before ("上年", "去年同期", "上年度"), not two years before.
      if (before >= 0 || part.starts_with("前年")) return false;
      drop_prefix(parts[i], {"同期", "度"});
      before = i;
    } else {
      drop_prefix(parts[i], kNow);
    }
    if (parts[i].size() != part.size()) drop_prefix(parts[i], kIs);
  }
  if (before < 0) return false;
  from = parse_value(text::trim(parts[before]));
  to = parse_value(text::trim(parts[1 - before]));
  return is_level(from) && is_level(to);
}

}  // namespace

LevelsChange change_between_levels(const Value& target, std::string_view target_written,
                                   std::string_view actual_written, Compared& c) {
  const int wanted = change_direction(target.label);
  constexpr size_t kLongest = 120;
  if (wanted == 0 || target.kind != ValueKind::number || actual_written.size() > kLongest) {
    return LevelsChange::none;
  }
  std::string scratch;
  Value from, to;
  if (!two_levels(text::trim(cell_text(actual_written, scratch)), from, to) ||
      from.unit != to.unit) {
    return LevelsChange::none;
  }
  double change = to.number - from.number;
  if (target.unit == "%") {
    if (contains(target_written, "百分点")) {
      if (from.unit != "%") return LevelsChange::none;
    } else {
      // "增长5%" of amounts: the rise over the level before; of percentages it
      // may mean points or a share, which the evaluator tells.
      if (from.unit == "%") return LevelsChange::either_way;
      if (from.number <= 0) return LevelsChange::none;
      change = change / from.number * 100;
    }
  } else if (target.unit != from.unit) {
    return LevelsChange::none;
  }
  c.t = target.number;
  c.a = change * wanted;
  c.display_factor = target.factor;
  return LevelsChange::found;
}

std::vector<Date> dates_of_done(std::string_view written) {
  constexpr size_t kLongest = 200;
  if (written.size() > kLongest) return {};
  std::string scratch;
  std::vector<Date> dates;
  for (std::string_view clause : clauses_of(cell_text(written, scratch))) {
    clause = text::trim(clause);
    if (clause.empty()) continue;
    if (text::says_begun(clause)) continue;
    const Value v = parse_value(clause);
    if (v.kind != ValueKind::date || says_a_plan(v) ||
        text::undone_at(clause) != std::string_view::npos) {
      return {};
    }
    dates.push_back(v.date);
  }
  if (dates.size() < 2) dates.clear();
  return dates;
}

bool says_undone_besides_start(std::string_view written) {
  std::string scratch;
  const std::string_view cell = cell_text(written, scratch);
  const std::vector<std::string_view> clauses = clauses_of(cell);
  if (clauses.size() < 2) return text::says_undone(cell);
  return std::any_of(clauses.begin(), clauses.end(), [](std::string_view clause) {
    return !text::says_begun(clause) && text::says_undone(clause);
  });
}

bool names_time(std::string_view name) {
  // Each word holds 时 (E6 97 B6), 期 (E6 9C 9F) or 度 (E5 BA A6): one pass over the
  // bytes rules out most names, which every numeric leaf asks of.
  bool may = false;
  for (size_t i = 0; !may && i + 2 < name.size(); ++i) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(name[i + k]); };
    may = (b(0) == 0xE6 && ((b(1) == 0x97 && b(2) == 0xB6) || (b(1) == 0x9C && b(2) == 0x9F))) ||
          (b(0) == 0xE5 && b(1) == 0xBA && b(2) == 0xA6);
  }
  return may &&
         contains_any(name, {"及时", "按时", "按期", "如期", "准时", "时效", "进度", "时限"});
}

bool says_late(std::string_view written) {
  // Every word below holds one of these, in simplified or traditional writing:
  // most cells are ruled out before they are normalized.
  if (!contains_any(written, {"延", "逾", "滞", "滯", "推", "误", "誤", "迟", "遲", "拖", "超",
                              "未", "不"})) {
    return false;
  }
  std::string scratch;
  const std::string_view cell = cell_text(written, scratch);  // "不及時" is "不及时"
  // "100%（不及时）": the manner asked for, negated; not a lapse denied
  // ("无不及时情况", "未发现不及时").
  for (std::string_view late : {"不及时", "未及时", "未按时", "未按期", "未如期"}) {
    const size_t at = cell.find(late);
    if (at != std::string_view::npos && !text::denies_what_follows(cell.substr(0, at))) {
      return true;
    }
  }
  return contains_any(cell, {"延期", "逾期", "滞后", "推迟", "延误", "延迟", "拖延", "超期"}) &&
         says_undone_besides_start(written);
}

bool figure_for_target(const Value& target, std::string_view written, std::string_view name,
                       Value& out) {
  return read_figure_for(target, written, name, out) == Reading::found;
}

ClauseTrouble clause_trouble(const Value& target, std::string_view written, std::string_view name) {
  std::string normalized;
  Value scratch;
  switch (read_figure_for(target, cell_text(written, normalized), name, scratch)) {
    case Reading::differ:
      return ClauseTrouble::figures_differ;
    case Reading::undone:
      return ClauseTrouble::part_undone;
    case Reading::another_rate:
      return ClauseTrouble::another_rate;
    case Reading::found:
    case Reading::none:
      break;
  }
  return ClauseTrouble::none;
}

bool figures_overrule_words(const Value& target, std::string_view written, std::string_view name,
                            const RuleSet& rules) {
  if (target.kind != ValueKind::number || !text::has_digit(written)) return false;
  for (std::string_view clause : clauses_of(written)) {
    // "合格（合格率90%）" for 覆盖率: a bracket is a clause here too.
    if (const size_t open = clause.find('(');
        open != std::string_view::npos && open > 0 && clause.ends_with(")")) {
      clause = clause.substr(open + 1, clause.size() - open - 2);
    }
    const Value v = parse_value(text::trim(clause));
    if (v.kind == ValueKind::number && !v.label.empty()) {
      const WordClass c = classify_words(v.label, rules);
      if (c.type == WordClass::tier || c.type == WordClass::grade) return true;
      // "达标，优良率90%" for 覆盖率: a figure of another rate, which words of a
      // tier do not make the indicator's (before, full marks by 达标).
      if (v.unit == "%" && names_another_rate(v.label, name, target.label)) return true;
    }
  }
  return clause_trouble(target, written, name) != ClauseTrouble::none;
}

bool survey_tier_counted_either_way(const Value& target, std::string_view written,
                                    std::string_view name) {
  if (target.kind != ValueKind::number || target.unit != "%" || !contains(name, "满意") ||
      written.size() > 400) {
    return false;
  }
  std::string normalized;
  written = cell_text(written, normalized);
  bool either = false;
  bool satisfied = false;
  for (std::string_view clause : clauses_of(written)) {
    const Value v = parse_value(text::trim(clause));
    if (v.kind != ValueKind::number || (v.unit != "%" && !is_counting_word(v.unit))) continue;
    const Satisfaction tier = satisfaction_of(v.label);
    either = either || tier == Satisfaction::either;
    satisfied = satisfied || tier == Satisfaction::satisfied;
  }
  return either && satisfied;
}

bool target_parts(std::string_view written, std::vector<TargetPart>& out) {
  out.clear();
  if (!text::has_digit(written) || written.size() > 400) return false;
  // "≥100人且合格率≥95%", "≥100人并且≥5场": figures joined by 且 as by a comma
  // (before, unreadable); one measure twice ("≥90%且≤95%") is a range, read so.
  std::vector<std::string_view> clauses;
  for (std::string_view clause : clauses_of(written)) {
    for (size_t at = clause.find("且"); at != std::string_view::npos; at = clause.find("且")) {
      std::string_view before = clause.substr(0, at);
      if (before.ends_with("并")) before.remove_suffix(std::string_view("并").size());
      if (!text::trim(before).empty()) clauses.push_back(before);  // "，且≥5场"
      clause.remove_prefix(at + std::string_view("且").size());
    }
    clauses.push_back(clause);
  }
  for (std::string_view clause : clauses) {
    clause = text::trim(clause);
    if (out.size() == kMaxTargetParts) return false;
    TargetPart& part = out.emplace_back();
    part.written = clause;
    part.value = parse_target(clause);
    const Value& v = part.value;
    if (v.kind != ValueKind::number || (v.unit.empty() && v.factor == 1)) return false;
    for (size_t i = 0; i + 1 < out.size(); ++i) {
      Compared c;
      if (comparable_numbers(out[i].value, v, c)) return false;
    }
  }
  return out.size() >= 2;
}

const Value& actual_for_part(std::span<const TargetPart> parts, size_t i, const Value& actual,
                             std::string_view name, Value& scratch) {
  const Value& done = actual_for_target(parts[i].value, actual, name, scratch);
  if (i > 0 && done.kind == ValueKind::number && done.unit.empty()) {
    reset_value(scratch);
    return scratch;
  }
  return done;
}

std::string_view words_besides_figure(std::string_view written, const Value& target) {
  if (target.kind != ValueKind::number) return {};
  written = text::without_closing(written);  // "≥100人次，覆盖全县（详见附件）"
  size_t at = std::string_view::npos;
  size_t comma_size = 0;
  for (std::string_view comma : {"，", ","}) {
    const size_t found = written.find(comma);
    if (found < at) {
      at = found;
      comma_size = comma.size();
    }
  }
  if (at == std::string_view::npos) return {};
  // Its closing stops are gone already (without_closing).
  std::string_view words = text::trim(written.substr(at + comma_size));
  // Only words parse_value read past: none with a figure or a negation.
  if (!text::only_remarks(words)) return {};
  static constexpr std::string_view kHowCounted[] = {
      "详见", "附件", "据实", "按实", "实际", "考核", "扣分", "计分", "评分", "得分", "抽样",
      "左右", "累计", "全年", "年度", "以上", "以下", "含", "包括", "约", "暂定", "备注", "说明",
      // or hedge it, or restate a bound
      "力争", "原则上", "视情况", "按需", "除外", "具体", "根据", "合理", "范围内"};
  for (std::string_view how : kHowCounted) {
    if (contains(words, how)) return {};
  }
  // "100%，应发尽发", "100%，全覆盖": the figure already asks for all of it.
  if (target.unit == "%" && target.number >= 100 &&
      (contains(words, "全") || contains(words, "尽") || contains(words, "足额"))) {
    return {};
  }
  drop_prefix(words, {"并且", "并", "且", "同时", "确保", "要求", "做到", "实现"});
  return text::trim(words);
}

std::optional<bool> reports_words(std::string_view actual_written, std::string_view words) {
  if (words.empty()) return true;
  const size_t at = actual_written.find(words);
  if (at == std::string_view::npos) return std::nullopt;
  if (text::negated_before(actual_written.substr(0, at))) return false;
  // "覆盖全县，但部分村覆盖不足", "覆盖全县，但尚有2个村未覆盖": said, and taken
  // back in a clause after it; "覆盖全县，无安全事故" says something else.
  for (std::string_view clause : clauses_of(actual_written.substr(at + words.size()))) {
    clause = text::trim(clause);
    if (text::falls_short_after(clause)) return false;
    if (drop_prefix(clause, {"但是", "但", "然而", "其中", "部分"}) &&
        text::negated_before(clause)) {
      return false;
    }
  }
  return true;
}

const Value& without_name_as_label(const Value& figure, std::string_view name, Value& scratch) {
  constexpr size_t kShortestMeasure = 6;  // bytes: two characters ("满意度" in 群众满意度)
  const std::string_view label = figure.label;
  // The end of the name, not after a word that turns it ("合格率98%" for 不合格率).
  const bool names_it =
      label == name || (label.size() >= kShortestMeasure && name.ends_with(label) &&
                        !measures_the_opposite(label, name));
  if (!names_it) return figure;
  if (&figure != &scratch) scratch = figure;
  scratch.label.clear();
  return scratch;
}

bool actual_with_counts_in_digits(const Value& target, const Value& actual,
                                  std::string_view written, std::string& digits, Value& out) {
  if (actual.kind == ValueKind::empty || actual.kind == ValueKind::not_applicable) return false;
  // The units to look for: the target's, each of its parts' ("≥100人次，≥5场"), and
  // each side of a slash ("≥10台（套）" counts in 台/套).
  thread_local std::vector<TargetPart> parts;
  thread_local std::vector<std::string_view> units;
  units.clear();
  const auto add = [](std::string_view unit) {
    if (unit.empty()) return;
    units.push_back(unit);
    if (const size_t slash = unit.find('/'); slash != std::string_view::npos) {
      units.push_back(unit.substr(0, slash));
      units.push_back(unit.substr(slash + 1));
    }
  };
  // Against a share ("100%" for 完工率), counts in any counting word of things may
  // make it ("计划十个，完工八个" as "计划10个，完工8个", 8 of 10).
  const bool share = target.kind == ValueKind::number && target.unit == "%";
  if (share) {
    for (std::string_view unit : counting_words_of_things()) units.push_back(unit);
  } else if (target.kind == ValueKind::number) {
    add(target.unit);
  } else if (target.kind == ValueKind::invalid && target_parts(target.text, parts)) {
    for (const TargetPart& part : parts) add(part.value.unit);
  }
  // Chinese numerals are no ASCII: a cell of ASCII alone is passed over unread.
  if (units.empty() || std::all_of(written.begin(), written.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return false;
  }
  std::string cell = text::normalize_cell(written);  // "六場" is "六场"
  if (!has_chinese_numerals(cell)) return false;
  bool any = false;
  std::string next;
  for (std::string_view unit : units) {
    if (!unit.empty() && contains(cell, unit) && arabic_counts(cell, unit, next)) {
      cell.swap(next);
      any = true;
    }
  }
  if (!any) return false;
  Value read;
  parse_value_into(cell, read);
  // Against a share, a count alone is no share: "实现三个全覆盖" stays words, which
  // say it is met, where "实现3个全覆盖" is a count in 个 against a share; but all of
  // a count done is ("五个项目全部完工").
  if (share && read.kind != ValueKind::text && read.kind != ValueKind::invalid && !read.all_done) {
    return false;
  }
  digits = std::move(cell);
  out = std::move(read);
  return true;
}

}  // namespace jixiao::core
