#include "core/figure_reader.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <span>
#include <utility>

#include "core/changes.h"
#include "core/dates.h"
#include "core/substring.h"
#include "core/text.h"
#include "core/units.h"
#include "core/value_lexer.h"

namespace jixiao::core {
namespace {

struct OpWord {
  std::string_view word;
  Op op;
};

// Longest first where one is a prefix of another.
constexpr OpWord kPrefixOps[] = {
    {"≥", Op::ge},
    {">=", Op::ge},
    {"=>", Op::ge},
    {"≤", Op::le},
    {"<=", Op::le},
    {"=<", Op::le},
    {"==", Op::eq},
    {">", Op::gt},
    {"<", Op::lt},
    {"=", Op::eq},
    {"不少于", Op::ge},
    {"不低于", Op::ge},
    {"不小于", Op::ge},
    {"至少", Op::ge},
    {"大于等于", Op::ge},
    {"大于或等于", Op::ge},
    // "已达100%", "覆盖率达98%": reached the figure, no bound (before, 已达 was a
    // label, which a target in words such as 达标 does not read past).
    {"已达到", Op::none},
    {"已达", Op::none},
    {"达到", Op::none},
    {"达", Op::none},
    {"不超过", Op::le},
    {"不高于", Op::le},
    {"不多于", Op::le},
    {"不大于", Op::le},
    {"至多", Op::le},
    {"小于等于", Op::le},
    {"小于或等于", Op::le},
    {"控制在", Op::le},
    {"大于", Op::gt},
    {"高于", Op::gt},
    {"超过", Op::gt},
    {"超出", Op::gt},
    {"多于", Op::gt},
    // "超5%", "逾100人", "突破100万人": more than it (before, read as the figure
    // after a label, so "超5%" met "≤5%"); a digit must follow ("超额", "超支",
    // "逾期" are words).
    {"超", Op::gt},
    {"逾", Op::gt},
    {"突破", Op::gt},
    {"不止", Op::gt},
    {"不下", Op::ge},
    {"最高", Op::le},
    {"最低", Op::ge},
    {"小于", Op::lt},
    {"低于", Op::lt},
    {"少于", Op::lt},
    {"等于", Op::eq},
    {"约", Op::none},
    {"大约", Op::none},
    {"≈", Op::none},
    {"最多", Op::le},
    {"最少", Op::ge},
    // Times at their worst and best: "最长36小时" is every one within 36
    // hours; "最快2小时", "最短3个工作日" only the best (before, the figure, so
    // "最快2小时" met "24小时内").
    {"最长", Op::le},
    {"最慢", Op::le},
    {"最迟", Op::le},
    {"最短", Op::ge},
    {"最快", Op::ge},
    // Below the figure, said in words ("未达到90%", "不足85%", "接近90%", "近95%").
    {"未达到", Op::lt},
    {"没有达到", Op::lt},
    {"没达到", Op::lt},
    {"未达", Op::lt},
    {"不足", Op::lt},
    {"不到", Op::lt},
    {"接近", Op::lt},
    {"将近", Op::lt},
    {"近", Op::lt},
    {"未超过", Op::le},
};

constexpr OpWord kSuffixOps[] = {
    {"及以上", Op::ge},
    {"或以上", Op::ge},
    {"以上", Op::ge},
    {"及以下", Op::le},
    {"或以下", Op::le},
    {"以下", Op::le},
    {"以内", Op::le},
    {"之内", Op::le},
    {"内", Op::le},
    {"之前", Op::le},
    {"以前", Op::le},
    {"前", Op::le},
    {"左右", Op::none},
    {"不到", Op::lt},  // "5%不到": less than it, as "不到5%"
    // "95%↑", "3天↓": at least or at most the figure (before, a unit "%↑" that
    // matched no other).
    {"↑", Op::ge},
    {"↓", Op::le},
};

// Words after a figure that say it was done ("3项已完成", "12个村全覆盖",
// "5个全部完成", "3天以内完成"): they restate the deed, and the unit is the
// figure's (before, only 完成 was left out, and "12个村全覆盖" was in a unit
// "个村全覆盖" that met no target's "个村"). Each stands before the words it
// ends with, and ends in 成, 盖 or 工, as may_have_suffix in read_figure knows.
// Those with 全 or 均 say all of it was done (Value::all_done).
constexpr std::string_view kDoneAfterFigure[] = {
    "已全部完成", "全部完成", "均已完成", "已完成",     "完成",     "已全部覆盖", "全部覆盖",
    "已全覆盖",   "全覆盖",   "均已覆盖", "已全部完工", "全部完工", "均已完工"};

// "台(套)" and "台(套)以上" as "台/套" and "台/套以上" in `out`: a choice of
// counting words in brackets (alternative_in_brackets), with a suffix operator
// after it kept for the suffix reader. False for anything else after the bracket.
bool alternatives_with_suffix(std::string_view rest, std::string& out) {
  const size_t close = rest.rfind(')');
  if (close == std::string_view::npos) return false;
  const std::string_view after = rest.substr(close + 1);
  if (!after.empty() && std::none_of(std::begin(kSuffixOps), std::end(kSuffixOps),
                                     [&](const OpWord& w) { return w.word == after; })) {
    return false;
  }
  if (!alternative_in_brackets(rest.substr(0, close + 1), out)) return false;
  out.append(after);
  return true;
}

// Whether an operator word may start with `cp`: the first characters of
// kPrefixOps. Lets the label scanner skip the word list at most positions.
bool may_start_op(char32_t cp) {
  switch (cp) {
    case U'≥':
    case U'≤':
    case U'>':
    case U'<':
    case U'=':
    case U'≈':
    case U'不':
    case U'至':
    case U'大':
    case U'达':
    case U'已':
    case U'控':
    case U'高':
    case U'超':
    case U'多':
    case U'小':
    case U'低':
    case U'少':
    case U'等':
    case U'约':
    case U'最':
    case U'未':
    case U'没':
    case U'接':
    case U'将':
    case U'近':
    case U'逾':
    case U'突':
      return true;
    default:
      return false;
  }
}

bool eat_prefix_op(Cursor& c, Op& op) {
  if (!may_start_op(c.peek())) return false;
  for (const auto& w : kPrefixOps) {
    if (c.eat(w.word)) {
      op = w.op;
      return true;
    }
  }
  return false;
}

// Unit characters: words, %, / (元/人), ² and a few symbols; no digits or
// punctuation (those make the figure unreadable).
bool unit_is_clean(std::string_view unit) {
  // "元/(人·天)": what the amount is per, in brackets (read_unit reads it).
  if (const size_t open = unit.find("/("); open != std::string_view::npos && unit.ends_with(")")) {
    const std::string_view per = unit.substr(open + 2, unit.size() - open - 3);
    return !per.empty() && unit_is_clean(unit.substr(0, open + 1)) && unit_is_clean(per);
  }
  // "m2", "km2", "m3": a square or cubic metre typed without its ².
  if (unit.ends_with("m2") || unit.ends_with("m3")) {
    unit.remove_suffix(1);
  }
  for (size_t i = 0; i < unit.size();) {
    const char32_t cp = text::next_code_point(unit, i);
    if (cp < 0x80) {
      const bool ok =
          (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '%' || cp == '/';
      if (!ok) return false;
    } else if (is_prose_mark(cp)) {
      return false;
    }
  }
  return true;
}

// What follows a figure, less a remark in brackets at its end ("95%(抽样)",
// "12次(含线上)"; full-width brackets are normalised already), a remark after
// a comma ("3项，超额完成") and a closing stop ("95%。"): none says anything
// about the figure. `words_after`: whether words after a comma were dropped.
// `plan`: the remark, when it says the figure is the plan ("100人(计划)",
// "120人(预计)") or the year before's ("96%(上年)"), which read_figure puts
// before it as a label; before, such a figure was read as done.
std::string_view drop_remark(std::string_view rest, bool& words_after, std::string_view& plan) {
  for (bool changed = true; changed && !rest.empty();) {
    changed = false;
    // After the remark in brackets that closes a remark after a comma is gone
    // ("10个，无延期（经核实）"), the one after the comma is looked at again.
    for (std::string_view comma : {",", "，"}) {
      const size_t at = rest.find(comma);
      if (at != std::string_view::npos && text::only_remarks(rest.substr(at + comma.size()))) {
        // "3项，超额完成(预计)": the plan's remark closes the whole cell (before, it
        // went with the words, and the figure was read as done).
        if (const std::string_view closing = closing_plan_remark(rest); !closing.empty()) {
          plan = closing;
        }
        rest = rest.substr(0, at);
        words_after = true;
        changed = true;
      }
    }
    rest = text::trim(rest);
    for (std::string_view stop : {"。", ".", ";", "；", ",", "，"}) {
      if (rest.ends_with(stop)) {
        rest.remove_suffix(stop.size());
        changed = true;
      }
    }
    if (rest.ends_with(")")) {
      const size_t open = rest.rfind('(');
      // "80元/(人·天)": the brackets hold what the amount is per, no remark.
      if (open != std::string_view::npos && (open == 0 || rest[open - 1] != '/')) {
        const std::string_view remark = rest.substr(open + 1, rest.size() - open - 2);
        // "5项(含2项在建)": a part not done is kept, and makes the figure
        // unreadable alone (clauses_of reads it as a clause); before, 5项.
        // "8个(共10个)": the whole of the part is a second figure, as after a comma.
        if (text::remark_is_a_clause(remark) ||
            text::states_the_whole(remark, rest.substr(0, open))) {
          break;
        }
        // "96%(上年)": the year before's, as "上年96%" is.
        if (is_plan_remark(remark) || names_past_year(remark)) plan = remark;
        rest = rest.substr(0, open);
        changed = true;
      }
    }
  }
  return rest;
}

// A time limit followed by what is done within it ("24小时内办结", "2小时内
// 到达现场", "10个工作日内拨付"): the deed says nothing more of the figure, and
// is left out. Not when it may (a figure or a negation in it, or long words).
std::string_view drop_deed_in_time(std::string_view rest) {
  constexpr std::string_view kWithin = "内";  // or 以内, 之内
  const size_t within = rest.find(kWithin);
  if (within == std::string_view::npos) return rest;
  const std::string_view deed = rest.substr(within + kWithin.size());
  size_t at = within;  // where the unit ends
  if (at >= 3 && (rest.substr(at - 3, 3) == "以" || rest.substr(at - 3, 3) == "之")) at -= 3;
  if (deed.empty() || at == 0) return rest;
  const std::string_view canonical = read_unit(rest.substr(0, at)).canonical;
  if (canonical != "小时" && canonical != "工作日" && canonical != "月") return rest;
  size_t points = 0;
  for (size_t i = 0; i < deed.size(); ++points) {
    const char32_t cp = text::next_code_point(deed, i);
    if (cp < 0x4E00 || cp > 0x9FFF || cp == U'未' || cp == U'不' || cp == U'没' || cp == U'无' ||
        points >= 6) {
      return rest;
    }
  }
  return rest.substr(0, within + kWithin.size());
}

// A percentage followed by words ("100%到位", "98%合格"): the words restate
// what the figure measures; the unit is %.
// Not when the words hold a figure or begin as an operator does ("90%以上100%以下"):
// those say something about the figure, and are read or refused as such.
// A bound said between the % and the words ("90%以上群众满意") is the
// figure's: written to `bound` when it has none yet.
std::string_view percent_remark(std::string_view unit, Op& bound) {
  if (unit.size() > 1 && unit[0] == '%' && static_cast<unsigned char>(unit[1]) >= 0xE4) {
    std::string_view words = unit.substr(1);
    const bool figure = std::any_of(words.begin(), words.end(), [](char c) { return is_digit(c); });
    Op said = Op::none;
    for (const auto& [word, op] : {std::pair{std::string_view("及以上"), Op::ge},
                                   {"或以上", Op::ge},
                                   {"以上", Op::ge},
                                   {"及以下", Op::le},
                                   {"或以下", Op::le},
                                   {"以下", Op::le},
                                   {"以内", Op::le}}) {
      if (words.size() > word.size() && words.starts_with(word)) {
        words.remove_prefix(word.size());
        said = op;
        break;
      }
    }
    const bool op = words.starts_with("以") || words.starts_with("及") || words.starts_with("或");
    // A clause after a comma is no restatement: drop_remark kept it, as it may take
    // the figure back ("95%以上，但存在不足"; before, dropped here, and full marks).
    const bool clause = words.find(',') != std::string_view::npos ||
                        words.find(';') != std::string_view::npos || contains(words, "，") ||
                        contains(words, "；");
    if (!figure && !op && !clause) {
      if (bound == Op::none) bound = said;
      return unit.substr(0, 1);
    }
  }
  return unit;
}

// A place in a ranking ("前3名", "第1名", "全省排名前10"): the smaller the
// better, so that "第1名" meets "前3名". Read as at most the figure.
bool is_rank(std::string_view label, std::string_view unit) {
  const bool place_word = unit == "名" || unit == "位";
  const bool ranking =
      contains(label, "排名") || contains(label, "名次") || contains(label, "位次");
  return (label.ends_with("前") && (place_word || (unit.empty() && ranking))) ||
         (label.ends_with("第") && place_word);
}

// The length of a time written before a figure, at `at`: a year, a month, a
// span of months or a day ("2024年完成培训3期", "截至2024年底，受益520人",
// "1-12月累计受益520人", "较2023年提高5%"), with 度, 底, 末 or 份 and a comma
// after it. Such a time says when the figure was reached and belongs to its
// label. 0 when there is none, or when the time is a limit or a start (前,
// 内, 后, 以来: "2025年前完成3期" states a deadline too), or no figure follows.
size_t time_before_figure(std::string_view s, size_t at) {
  size_t k = at;
  // Reads up to `most` digits at k into `out`; returns how many.
  const auto number = [&](size_t most, int& out) {
    size_t n = 0;
    out = 0;
    for (; k < s.size() && n < most && is_digit(s[k]); ++k, ++n) out = out * 10 + (s[k] - '0');
    return n;
  };
  const auto eat = [&](std::string_view w) {
    if (s.substr(k, w.size()) != w) return false;
    k += w.size();
    return true;
  };
  int first = 0;
  const size_t digits = number(4, first);
  bool month = false;
  if (digits == 4 && is_calendar_year(first) && eat("年")) {
    eat("度");
    const size_t year_end = k;
    int m = 0;
    if (number(2, m) > 0 && m >= 1 && m <= 12 && eat("月")) {
      month = true;
    } else {
      k = year_end;
    }
  } else if (digits >= 1 && digits <= 2 && first >= 1 && first <= 12) {
    int last = first;
    if (eat("-") || eat("~") || eat("至")) {
      if (number(2, last) == 0 || last < first || last > 12) return 0;
    }
    if (!eat("月")) return 0;
    month = true;
  } else {
    return 0;
  }
  if (month) {
    const size_t month_end = k;
    int day = 0;
    if (number(2, day) == 0 || day < 1 || day > 31 || !(eat("日") || eat("号"))) k = month_end;
    eat("份");
  }
  if (!(eat("底") || eat("末"))) eat("年底");
  for (std::string_view limit : {"前", "内", "后", "以", "之", "起", "开始"}) {
    if (s.substr(k, limit.size()) == limit) return 0;
  }
  if (!eat("，")) eat(",");
  if (s.find_first_of("0123456789", k) == std::string_view::npos) return 0;
  return k - at;
}

// Whether a label says its figure is a change, which may be below zero.
bool says_a_change(std::string_view label) {
  for (std::string_view change : {"变化", "增减", "变动", "差", "净"}) {
    if (contains(label, change)) return true;
  }
  return change_direction(label) != 0 || against_the_past(label);
}

}  // namespace

// Characters of `s`, each figure's digits, commas and point counted as one: how long a
// cell is in words, which the digits of its figures do not change ("预算500万元" and
// "预算5000000元" are as long).
size_t words_and_figures(std::string_view s) {
  const auto digit_at = [s](size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    const size_t at = i;
    const char32_t cp = text::next_code_point(s, i);
    const bool inside_figure =
        at > 0 && digit_at(at - 1) && (digit_at(at) || ((cp == '.' || cp == ',') && digit_at(i)));
    const bool after_mark = at > 1 && (s[at - 1] == '.' || s[at - 1] == ',') && digit_at(at - 2);
    if (!inside_figure && !(after_mark && digit_at(at))) ++n;
  }
  return n;
}

bool names_past_year(std::string_view words) {
  static constexpr std::string_view kPastYear[] = {
      "上年", "去年", "上一年", "前一年", "上年度", "上一年度", "上年同期", "去年同期", "上年全年"};
  return std::find(std::begin(kPastYear), std::end(kPastYear), words) != std::end(kPastYear);
}

// Whether a remark in brackets after a figure or a date says it is the plan:
// "100人(计划)", "2024年11月(预计)".
bool is_plan_remark(std::string_view remark) {
  // The words says_a_plan_slow reads as a plan alone (not kPlanWords: 任务 and
  // 年初 name no plan there).
  static constexpr std::string_view kPlanRemarks[] = {
      "计划", "预计", "计划数", "预计数", "计划值", "预计值", "目标", "目标值", "预期", "拟"};
  const auto listed = [](std::span<const std::string_view> words, std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
  };
  // An estimate, "（暂估）", "（预估数）".
  std::string_view estimate = remark;
  if (estimate.ends_with("数")) estimate.remove_suffix(std::string_view("数").size());
  return listed(kPlanRemarks, remark) || listed(kEstimateWords, estimate);
}

std::string_view closing_plan_remark(std::string_view s) {
  if (!s.ends_with(")")) return {};
  const size_t open = s.rfind('(');
  if (open == std::string_view::npos) return {};
  const std::string_view remark = s.substr(open + 1, s.size() - open - 2);
  return is_plan_remark(remark) ? remark : std::string_view();
}

bool undone_after_figure(std::string_view words) {
  constexpr size_t kTwoCharacters = 6;  // most units are no longer, and skip the search
  return words.size() > kTwoCharacters && text::says_undone(words);
}

// Money followed by what is done with it ("按每人1000元标准发放", "1000元/人发放"):
// the deed says nothing of the figure, which stays in its unit. Only after a
// unit of money, so that no other unit loses its last characters.
std::string_view drop_deed_after_money(std::string_view unit) {
  if (unit.size() < 6 || !contains(unit, "元")) return unit;
  std::string_view kept = unit;
  drop_suffix(kept, {"发放", "补助", "补贴", "拨付", "支付", "兑付", "兑现"});
  drop_suffix(kept, {"的标准", "标准"});
  return kept.ends_with("元") || contains(kept, "元/") ? kept : unit;
}

// Tries "label op number [range] unit suffix"; sets kind number, invalid or text.
void read_figure(std::string_view s, Value& v) {
  Cursor c{s};
  Op op = Op::none;
  // A label: words before the figure ("周报不少于52篇", "预算执行率100%").
  size_t label_points = 0;
  size_t label_begin = 0;  // past a time the figure is counted to ("截至2024年底，")
  bool found = false;
  bool near = false;  // the operator said the figure was approached (Value::near)
  while (!c.done()) {
    if (c.peek_digit()) {
      if (const size_t time = time_before_figure(s, c.i)) {
        // "截至2024年底，100%", "截至12月底，受益520人": the time the figure is
        // counted to says when, not what, as 全年 does (before, "截至2024年底，100%"
        // against 达标 was the evaluator's). Other times stay in the label: a
        // year's may say the figure is the year before's ("2023年88%").
        const std::string_view before = text::trim(s.substr(0, c.i));
        if (before == "截至" || before == "截止" || before == "截止到" || before == "到") {
          label_begin = c.i + time;
        }
        c.i += time;
        label_points += 2;
        continue;
      }
    }
    Cursor probe = c;
    Op probe_op = Op::none;
    // 约 ("about") is no operator in 节约 ("saved"), 签约 ("signed"), ….
    const bool word = s.substr(c.i).starts_with("约") && !text::about_a_figure(s.substr(0, c.i));
    if (!word && eat_prefix_op(probe, probe_op)) {
      const std::string_view said = s.substr(c.i, probe.i - c.i);
      probe.skip_spaces();
      if (probe.peek_digit() || ((probe.peek() == '-' || probe.peek() == '+') &&
                                 probe.i + 1 < s.size() && is_digit(s[probe.i + 1]))) {
        near = said == "接近" || said == "将近" || said == "近";
        v.label.assign(s.substr(label_begin, c.i - label_begin));
        op = probe_op;
        c = probe;
        found = true;
        break;
      }
    }
    if (c.peek_digit() ||
        ((c.peek() == '-' || c.peek() == '+') && c.i + 1 < s.size() && is_digit(s[c.i + 1]))) {
      v.label.assign(s.substr(label_begin, c.i - label_begin));
      found = true;
      break;
    }
    const char32_t cp = c.take();
    if (cp == U':') {  // "共计：520人次", "计划数：≥500人": a colon closes the label
      Cursor after = c;
      after.skip_spaces();
      if (after.peek_digit() || may_start_op(after.peek())) continue;
    }
    if (is_prose_mark(cp) || ++label_points > 12) break;
  }
  v.label.assign(text::trim(v.label));
  // "计划数：120人", "满意率：95%": the colon closes the label and is none of it
  // (before, "计划数:" was no plan's label). The target's column before a figure
  // ("目标值：120人") never comes here: text::without_field_label takes it off.
  if (v.label.ends_with(':')) {
    v.label.pop_back();
    v.label.assign(text::trim(v.label));
  }
  // "全年88%", "全年不满意率1%", "目前已完成95%": words of the period evaluated
  // before the label say when, not what (before, "全年88%" against "较上年提高2个百分点"
  // was no level, and "全年不满意率1%" no opposite).
  if (!v.label.empty()) {
    std::string_view label = v.label;
    bool dropped = false;
    while (drop_prefix(label, {"截至目前", "全年", "年度", "本年度", "本年", "当年", "年内", "目前",
                               "累计", "约"})) {  // "全年累计95%" too
      dropped = true;
    }
    if (dropped) {
      drop_prefix(label, {",", "，"});  // "截至目前，98%"
      v.label.assign(text::trim(label));
    }
    // "实际完成95%", "实际550元": the word for what was done, alone, says the
    // figure is the actual, as its column does (before, "实际100%" against 达标
    // was the evaluator's, and "实际550元" for 人均餐费 no amount per person).
    // Not a deed it names ("实际到位480万元").
    for (std::string_view actual :
         {"实际完成值", "实际完成", "实际值", "实际达到", "实际为", "实际"}) {
      if (v.label == actual) v.label.clear();
    }
    // "基本达到95%", "基本实现100%覆盖", "基本完成95%": nearly the figure, as
    // "接近95%" is (before, the figure itself, and full marks where "基本全覆盖"
    // in words is the middle tier).
    for (std::string_view nearly : {"基本", "基本上", "基本实现", "基本完成", "基本达成"}) {
      if (v.label == nearly && op == Op::none) {
        v.label.clear();
        op = Op::lt;
        near = true;
      }
    }
  }
  if (!found) {
    v.kind = ValueKind::text;
    v.text.assign(s);
    v.label.clear();
    return;
  }
  const char written_sign = c.peek() == '-' || c.peek() == '+' ? static_cast<char>(c.peek()) : 0;
  double number = 0;
  int decimals = 0;
  read_number(c, number, decimals);
  if (!std::isfinite(number)) {  // thousands of digits
    v.kind = ValueKind::invalid;
    v.text.assign(s);
    v.label.clear();
    return;
  }
  // "同比-3%", "较上年+5人": a sign after words of the past is the verb of a
  // change ("同比下降3%"), which change_of reads (before, "同比+3%" was a fall
  // of 3 against "较上年下降5%", "同比-3%" below zero and scored 0).
  if (written_sign != 0 && op == Op::none && against_the_past(v.label) &&
      change_direction(v.label) == 0) {
    v.label += written_sign == '-' ? "下降" : "增长";
    number = std::fabs(number);
  }
  // "1000余人次", "100多家": more than the figure.
  if ((c.eat("余") || c.eat("多")) && op == Op::none) op = Op::ge;
  double upper = 0;
  bool range = false;
  // The unit of the lower bound when it is written on both ("90%-95%", "100家至200家"); it
  // must then be the upper bound's (checked below).
  std::string_view lower_unit;
  {
    Cursor probe = c;
    const size_t unit_start = probe.i;
    for (int points = 0; points < 4 && !probe.done() && !probe.peek_digit(); ++points) {
      const char32_t cp = probe.peek();
      if (cp == '-' || cp == '~' || cp == U'至' || cp == U'到' || cp == ' ' || is_prose_mark(cp)) {
        break;
      }
      probe.take();
    }
    lower_unit = s.substr(unit_start, probe.i - unit_start);
    probe.skip_spaces();
    if (probe.eat("-") || probe.eat("~") || probe.eat("至") || probe.eat("到")) {
      probe.skip_spaces();
      int upper_decimals = 0;
      if (probe.peek_digit() && read_number(probe, upper, upper_decimals) && std::isfinite(upper)) {
        if (upper < number) {
          // "100-95%", "100%≤x≤95%": a range upside down; before, it was read as
          // one and every actual fell inside or below it.
          v.kind = ValueKind::invalid;
          v.text.assign(s);
          v.label.clear();
          return;
        }
        range = true;
        decimals = std::max(decimals, upper_decimals);
        c = probe;
      }
    }
  }
  c.skip_spaces();
  std::string alternatives;  // "台(套)" read as "台/套"
  bool words_after = false;
  std::string_view plan;
  std::string_view rest = alternatives_with_suffix(text::trim(c.rest()), alternatives)
                              ? std::string_view(alternatives)
                              : drop_deed_in_time(drop_remark(c.rest(), words_after, plan));
  // "100人(计划)" as "计划100人"; "合格率100%(计划)" as "计划100%", not "计划合格率"
  // (a rate of carrying out a plan, read as done: before, full marks), and
  // "合格率96%(上年)" as "上年96%".
  if (!plan.empty()) v.label.assign(plan);
  // "10人未培训", "90%未到位", "10人不合格", "3项未完成": the cell is read as
  // "3项，未完成" is (clauses: the evaluator's, "写明有未完成或未达标的部分").
  // Before, full marks. Asked before the suffixes go, which would take 完成 from
  // "3项未完成" and leave "项未".
  if (undone_after_figure(rest)) [[unlikely]] {
    v.kind = ValueKind::invalid;
    v.text.assign(s);
    v.label.clear();
    return;
  }
  Op suffix_op = Op::none;
  bool suffix_found = false;
  bool all_done = false;  // words after the figure said all of it was done
  // Every suffix ends in 成, 盖, 工, 右, 上, 下, 内, 前, 到, ↑ or ↓: other endings skip the search.
  const bool may_have_suffix = rest.size() >= 3 && [&] {
    const std::string_view last = rest.substr(rest.size() - 3);
    return last == "成" || last == "盖" || last == "工" || last == "右" || last == "上" ||
           last == "下" || last == "内" || last == "前" || last == "到" || last == "↑" ||
           last == "↓";
  }();
  for (int round = 0; round < (may_have_suffix ? 2 : 0); ++round) {  // "以内完成", "及以上"
    for (std::string_view w : kDoneAfterFigure) {
      if (!rest.ends_with(w)) continue;
      const std::string_view before = rest.substr(0, rest.size() - w.size());
      // Coverage after a counting word alone ("四个全覆盖", "4个全覆盖") is a
      // slogan's, of no count: kept, as a noun after the numerals is.
      if (!(w.ends_with("盖") && is_counting_word(text::trim(before)))) {
        rest = before;
        all_done = all_done || contains(w, "全") || contains(w, "均");
      }
      break;
    }
    if (rest.ends_with("左右")) rest.remove_suffix(std::string_view("左右").size());
    for (const auto& w : kSuffixOps) {
      if (rest.size() >= w.word.size() && rest.substr(rest.size() - w.word.size()) == w.word) {
        rest.remove_suffix(w.word.size());
        if (!suffix_found) suffix_op = w.op;
        suffix_found = true;
        break;
      }
    }
  }
  rest = text::trim(rest);
  std::string_view unit = drop_deed_after_money(percent_remark(rest, suffix_op));
  if (range && !lower_unit.empty() && lower_unit != unit) {
    // "90%-95家": bounds in two units cannot be one range.
    v.kind = ValueKind::invalid;
    v.text.assign(s);
    v.label.clear();
    return;
  }
  if (!unit_is_clean(unit) || (unit.size() > 8 && text::code_points(unit) > 8)) {
    // A figure followed by junk: short text is a mistyped figure, long text is prose.
    const bool short_text = words_and_figures(s) <= 20 && text::code_points(v.label) <= 6;
    v.kind = short_text && !unit_is_clean(unit) ? ValueKind::invalid : ValueKind::text;
    v.text.assign(s);
    v.label.clear();
    return;
  }
  if (!range && op == Op::none && suffix_op == Op::none && is_rank(v.label, unit)) op = Op::le;
  if (unit.empty()) {
    // "¥480,000", "人民币480000": a sign of money before a bare figure is its unit.
    for (std::string_view sign : {"¥", "￥", "RMB", "CNY", "人民币"}) {
      if (std::string_view(v.label).ends_with(sign)) {
        v.label.resize(v.label.size() - sign.size());
        v.label.assign(text::trim(v.label));
        unit = "元";
        break;
      }
    }
  }
  set_figure(v, range ? Op::range : (op != Op::none ? op : suffix_op), number, decimals, unit);
  v.upper = upper * v.factor;
  v.words_after = words_after;
  v.near = near && v.op == Op::lt;
  v.all_done = all_done && !range && (counts_things(v.unit) || !counted_measure(v.unit).empty());
  // "培训-120人": a dash between a label and a count, not a minus (before, -120,
  // scored 0): a count of things is never below zero. A change may be
  // ("较上年-5人", "增加-5人", "人数变化-5人").
  if (v.number < 0 && !v.label.empty() && counts_things(v.unit) && !says_a_change(v.label)) {
    v.number = -v.number;
  }
}

}  // namespace jixiao::core
