#include "core/value.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <iterator>
#include <utility>

#include "core/changes.h"
#include "core/dates.h"
#include "core/decimal.h"
#include "core/figure_reader.h"
#include "core/numerals.h"
#include "core/rewrites.h"
#include "core/string_table.h"
#include "core/substring.h"
#include "core/text.h"
#include "core/units.h"
#include "core/value_lexer.h"

namespace jixiao::core {
namespace {

bool is_not_applicable(std::string_view s) {
  // Every word is short and starts with one of these bytes (不, 无 are E4, E6).
  const auto first = static_cast<unsigned char>(s.front());
  if (s.size() > 12 || !(first == '/' || first == '-' || first == '\\' || first == 'N' ||
                         first == 'n' || first == 0xE4 || first == 0xE6)) {
    return false;
  }
  static constexpr std::string_view kWords[] = {
      "/",      "-",      "--",   "---", "//",  "\\",       "N/A",    "n/a",   "NA",
      "不适用", "不涉及", "无需", "-/-", "/ /", "不适用。", "无此项", "无该项"};
  for (std::string_view w : kWords) {
    if (s == w) return true;
  }
  return false;
}

// Whether words before a date may say it is a plan's: says_a_plan_slow decides,
// once the date is read with them as its label.
bool plan_words(std::string_view label) {
  return contains_any(label, {"计划", "预计", "预期", "拟", "将", "目标", "原定"});
}

// Whether words before a date say who or what did it then, as 于 or 在 at their
// end says ("项目于2024年11月完成", "本项目已于", "工程在", "均于", "最终于"), or
// until when ("至2025年1月完成", "直到", "实际"): up to six characters, no digit,
// nothing undone (text::undone_at: "未于", "开工于") and no start of the work
// (text::says_begun: "启动于", "招标于"), which a date of completion is not.
bool names_the_doer_then(std::string_view label) {
  constexpr size_t kLongest = 6 * 3;
  if (label.empty() || label.size() > kLongest || text::has_digit(label) ||
      text::undone_at(label) != std::string_view::npos) {
    return false;
  }
  if (text::says_begun(label)) return false;
  return label.ends_with("于") || label.ends_with("在") || label == "实际" || label == "至" ||
         label == "直到" || label == "到";
}

}  // namespace

void words_with_their_figure(Value& v) {
  // v.text is normalized: its brackets and commas are ASCII.
  const std::string_view text = v.text;
  std::string_view words, figure_text;
  if (text.ends_with(')')) {
    const size_t open = text.rfind('(');
    if (open == std::string_view::npos || open == 0) return;
    words = text::trim(text.substr(0, open));
    figure_text = text.substr(open + 1, text.size() - open - 2);
  } else {
    // "全覆盖，100%", "符合要求，≥95%": one comma, the figure after it.
    const size_t comma = text.find(',');
    if (comma == std::string_view::npos || text.find(',', comma + 1) != std::string_view::npos) {
      return;
    }
    words = text::trim(text.substr(0, comma));
    figure_text = text::trim(text.substr(comma + 1));
  }
  if (words.empty() || text::has_digit(words) || !text::has_digit(figure_text) ||
      figure_text.find('(') != std::string_view::npos) {
    return;
  }
  Value figure = parse_value(figure_text);
  if (figure.kind != ValueKind::number && figure.kind != ValueKind::date) return;
  as_target(figure);  // no bracket is left in it to read again
  v = std::move(figure);
}

std::string_view op_symbol(Op op) {
  switch (op) {
    case Op::ge:
      return "≥";
    case Op::gt:
      return ">";
    case Op::eq:
      return "=";
    case Op::le:
      return "≤";
    case Op::lt:
      return "<";
    case Op::range:
      return "~";
    case Op::none:
      return "";
  }
  return "";
}

namespace {

// "97", "100%", "72.46%": a plain figure, the commonest cell. Reads it
// without the general scanner; false leaves `v` to the general path.
bool read_plain_figure(std::string_view s, Value& v) {
  size_t i = 0;
  const size_t end = !s.empty() && s.back() == '%' ? s.size() - 1 : s.size();
  double mantissa = 0;
  int digits = 0;
  int decimals = 0;
  bool dot = false;
  for (; i < end; ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      mantissa = mantissa * 10 + (c - '0');
      ++digits;
      decimals += dot ? 1 : 0;
    } else if (c == '.' && !dot && digits > 0 && i + 1 < end) {
      dot = true;
    } else {
      return false;
    }
  }
  // 15 digits keep the mantissa exact; longer figures take the general path.
  if (digits == 0 || digits > 15) return false;
  v.kind = ValueKind::number;
  v.number = mantissa / pow10(decimals);
  v.decimals = decimals;
  if (end != s.size()) v.unit.assign("%");
  return true;
}

// "≥100家", "155家", "292.92万元", "≥4亿元": an operator sign, a number and a
// short unit of Chinese characters, letters or %, the commonest cells after
// plain figures. Gives what read_figure gives for them, without its label,
// range and suffix scans; false for anything that needs those (a unit that
// might be a suffix, a range, a date or prose), which then takes the general
// way. `v` has been reset by parse_value_into.
bool read_unit_figure(std::string_view s, Value& v) {
  Cursor c{s};
  Op op = Op::none;
  // The operators that may stand right before a digit, as eat_prefix_op reads them.
  if (c.eat("≥")) {
    op = Op::ge;
  } else if (c.eat("≤")) {
    op = Op::le;
  } else if (c.eat(">")) {
    op = Op::gt;
  } else if (c.eat("<")) {
    op = Op::lt;
  } else if (c.eat("=")) {
    op = Op::eq;
  }
  if (!c.peek_digit()) return false;
  double number = 0;
  int decimals = 0;
  read_number(c, number, decimals);
  if (!std::isfinite(number)) return false;
  const std::string_view unit = c.rest();
  // "1000余人", "100%到位": the general way reads them.
  if (unit.starts_with("余") || unit.starts_with("多") || (unit.size() > 1 && unit[0] == '%')) {
    return false;
  }
  // "10人未培训", "10个延期": words that say the figure is not done, which
  // read_figure refuses.
  if (undone_after_figure(unit)) return false;
  // "2024.6初", "2024.7已完成": a year and a month with words after them, which
  // the date reader (read_date) reads as a date.
  if (decimals > 0 && decimals <= 2 && is_calendar_year(number) && !unit.empty() &&
      static_cast<unsigned char>(unit[0]) >= 0x80) {
    return false;
  }
  // Letters, % and up to eight Chinese characters (U+4000–U+9FFF, lead bytes
  // E4–E9: no punctuation there), none of them one that starts a range (至,
  // 到) or a date (年, 月, 季) or says more (余, 多, 内, 半), and not ending in a
  // character a suffix ends in (成, 盖, 工, 右, 上, 下, 内, 前).
  size_t points = 0;
  for (size_t i = 0; i < unit.size(); ++points) {
    const auto b = static_cast<unsigned char>(unit[i]);
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '%') {
      ++i;
      continue;
    }
    if (b < 0xE4 || b > 0xE9 || i + 2 >= unit.size()) return false;
    const auto b1 = static_cast<unsigned char>(unit[i + 1]);
    const auto b2 = static_cast<unsigned char>(unit[i + 2]);
    if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
    const char32_t cp = ((b & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
    switch (cp) {
      case U'至':
      case U'到':
      case U'年':
      case U'月':
      case U'季':
      case U'余':
      case U'多':
      case U'内':
      case U'半':
        // A range, a date, more than the figure ("1万余人"), a time limit with
        // its deed ("24小时内办结") or a half ("2天半"): the general way.
        return false;
      case U'成':
      case U'盖':
      case U'工':
      case U'右':
      case U'上':
      case U'下':
      case U'前':
        if (i + 3 == unit.size()) return false;
        break;
      default:
        break;
    }
    i += 3;
  }
  if (points > 8) return false;
  // "1000元发放": as read_figure reads it.
  set_figure(v, op, number, decimals, drop_deed_after_money(unit));
  return true;
}

// How a reading may go: the shortcuts (read_unit_figure) are for the remembering
// reader; a bound or a margin is read as one figure, never split again.
enum class Reading { plain, shortcuts, one_figure };
void parse_value_with(std::string_view written, Value& v, Reading how);

constexpr size_t kLongestSplit = 64;  // bytes

// Where a lower and an upper bound written apart meet: "≥90%且≤100%",
// "≥90%，≤100%", "90%以上100%以下". Returns where the first ends and the second
// begins, or false.
bool find_two_bounds(std::string_view s, size_t& first_end, size_t& second_begin) {
  for (std::string_view joiner : {"且", "，", ",", "；", ";"}) {
    const size_t at = s.find(joiner);
    // "1,234": a comma before a digit groups thousands.
    if (at != std::string_view::npos && at > 0 && at + joiner.size() < s.size() &&
        !is_digit(s[at + joiner.size()])) {
      first_end = at;
      second_begin = at + joiner.size();
      return true;
    }
  }
  for (std::string_view word : {"以上", "以下"}) {
    const size_t at = s.find(word);
    if (at != std::string_view::npos && at + word.size() < s.size() &&
        is_digit(s[at + word.size()])) {
      first_end = second_begin = at + word.size();
      return true;
    }
  }
  return false;
}

// The range two bounds make, when one is a lower bound (≥, >, 以上) and the
// other an upper bound (≤, <, 以下) in one unit, the lower not above the upper.
bool read_two_bounds(std::string_view s, size_t first_end, size_t second_begin, Value& v) {
  Value a;
  Value b;
  parse_value_with(s.substr(0, first_end), a, Reading::one_figure);
  parse_value_with(s.substr(second_begin), b, Reading::one_figure);
  if (a.kind != ValueKind::number || b.kind != ValueKind::number) return false;
  const auto lower_bound = [](const Value& x) { return x.op == Op::ge || x.op == Op::gt; };
  const auto upper_bound = [](const Value& x) { return x.op == Op::le || x.op == Op::lt; };
  const Value* lower = lower_bound(a) ? &a : &b;
  const Value* upper = lower == &a ? &b : &a;
  if (!lower_bound(*lower) || !upper_bound(*upper) || lower->unit != upper->unit ||
      lower->factor != upper->factor || lower->number > upper->number) {
    return false;
  }
  v = *lower;
  v.op = Op::range;
  v.upper = upper->number;
  v.decimals = std::max(lower->decimals, upper->decimals);
  return true;
}

// "由85%提升至92%", "从80%提高到92%", "由5天缩短为3天": a change with both of
// its ends. The level reached is the figure, the one a target of a level asks
// for; it must be in the unit of the level left (or that one in none).
bool read_level_reached(std::string_view s, Value& v) {
  const auto ends = [&](std::string_view verb) {
    const size_t at = s.find(verb);
    if (at == std::string_view::npos || !text::has_digit(s.substr(0, at))) return false;
    std::string_view to = s.substr(at + verb.size());
    bool said = false;
    for (std::string_view w : {"至", "到", "为"}) {
      if (!said && to.starts_with(w)) {
        to.remove_prefix(w.size());
        said = true;
      }
    }
    if (!said) return false;
    std::string_view from = s.substr(0, at);
    for (std::string_view w : {"由", "从"}) {
      if (from.starts_with(w)) from.remove_prefix(w.size());
    }
    Value before;
    Value after;
    parse_value_with(std::string(from), before, Reading::one_figure);
    parse_value_with(std::string(to), after, Reading::one_figure);
    if (before.kind != ValueKind::number || after.kind != ValueKind::number ||
        before.op != Op::none || after.op != Op::none || !after.label.empty() ||
        (!before.unit.empty() && before.unit != after.unit)) {
      return false;
    }
    v = after;
    // "计划由85%提升至92%": the plan's level, labelled so for says_a_plan (before,
    // 92% done, full marks).
    if (says_a_plan_slow(before)) v.label = before.label;
    return true;
  };
  return std::any_of(std::begin(kRise), std::end(kRise), ends) ||
         std::any_of(std::begin(kFall), std::end(kFall), ends);
}

// Words of an amount set before the work: a budget, an estimate, a contract.
constexpr std::string_view kAmountsSetBefore[] = {"预算", "概算", "合同", "批复", "中标"};

// Words of "about" before a date, which read_date reads past ("约2024年11月").
constexpr std::string_view kAboutADate[] = {"大约", "约"};

// "计划500人，实际480人", "目标95%，实际完成96%": the plan, then what was done;
// the figure is the one after 实际 (or 实到: "应到120人，实到95人").
bool read_plan_then_actual(std::string_view s, Value& v) {
  size_t marker = 0;
  const size_t at = text::actually_at(s, marker);
  if (at == std::string_view::npos) return false;
  const std::string_view plan = s.substr(0, at);
  // "应培训120人，实际培训98人", "应发放1200户，实际发放1180户": what was due;
  // "报名120人，实际参训95人": who signed up, not who came.
  const bool due = (plan.starts_with("应") && !plan.starts_with("应急") &&
                    !plan.starts_with("应用") && !plan.starts_with("应对")) ||
                   plan.starts_with("报名");
  // "预算500万元，实际支出497.6万元", "合同价500万元，实际支付490万元": an amount
  // of money set beforehand is a plan too ("新签合同5份" is a count of contracts).
  const bool set_before =
      plan.find("元") != std::string_view::npos &&
      std::any_of(std::begin(kAmountsSetBefore), std::end(kAmountsSetBefore),
                  [&](auto w) { return plan.find(w) != std::string_view::npos; });
  const bool planned = due || set_before ||
                       std::any_of(std::begin(kPlanWords), std::end(kPlanWords),
                                   [&](auto w) { return plan.find(w) != std::string_view::npos; });
  if (!planned || !text::has_digit(plan)) return false;
  Value done;
  parse_value_with(std::string(s.substr(at + marker)), done, Reading::one_figure);
  if (done.kind != ValueKind::number || done.op != Op::none) return false;
  v = done;
  return true;
}

// "建成5G基站120个", "PM2.5年均浓度32微克/立方米", "改造G318国道15公里": a name
// that holds digits (5G, PM2.5, G318, 3A级, 4K) before the figure, whose
// digits made the cell unreadable. Read again with the names' digits left
// out ("建成G基站120个"), so the figure after them is the one read; what is
// left of a name stays in the label. A run of letters and digits is a name
// when more text follows it, no "/" stands before it ("μg/m3以下": a unit)
// and it is not a figure in a unit ("10km2以上").
bool read_past_names_with_digits(std::string_view s, Value& v) {
  const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  std::string masked;
  bool any = false;
  for (size_t i = 0; i < s.size();) {
    if (!letter(s[i]) && !is_digit(s[i])) {
      masked += s[i++];
      continue;
    }
    size_t end = i;
    while (end < s.size() && (letter(s[end]) || is_digit(s[end]) || s[end] == '.')) ++end;
    const std::string_view run = s.substr(i, end - i);
    const bool letters = std::any_of(run.begin(), run.end(), letter);
    const bool digits = std::any_of(run.begin(), run.end(), is_digit);
    bool name = letters && digits && end < s.size() && !(i > 0 && s[i - 1] == '/');
    if (name && is_digit(run.front())) {
      const size_t unit = run.find_first_not_of("0123456789.");
      name = !read_unit(run.substr(unit)).known;  // "10km" is a figure, "5G" a name
    }
    for (char c : run) {
      if (!name || letter(c)) masked += c;
    }
    any = any || name;
    i = end;
  }
  if (!any) return false;
  reset_value(v);
  read_figure(masked, v);
  return v.kind == ValueKind::number;
}

// "100%±5%", "100±5家": the range from the figure less the margin to the
// figure plus it. The margin's unit, when written, must be the figure's.
bool read_plus_minus(std::string_view s, size_t at, Value& v) {
  constexpr std::string_view kSign = "±";
  Value centre;
  Value margin;
  std::string first(s.substr(0, at));
  std::string_view second = s.substr(at + kSign.size());
  // "100±5家": the unit after the margin is the figure's too.
  const size_t digits_end = second.find_first_not_of("0123456789.");
  if (digits_end != std::string_view::npos && !first.empty() && is_digit(first.back())) {
    first += second.substr(digits_end);
  }
  parse_value_with(first, centre, Reading::one_figure);
  parse_value_with(second, margin, Reading::one_figure);
  if (centre.kind != ValueKind::number || margin.kind != ValueKind::number ||
      centre.op != Op::none || margin.op != Op::none || margin.number < 0 ||
      margin.number > centre.number || centre.unit != margin.unit ||
      centre.factor != margin.factor) {
    return false;
  }
  v = centre;
  v.op = Op::range;
  v.number = centre.number - margin.number;
  v.upper = centre.number + margin.number;
  v.decimals = std::max(centre.decimals, margin.decimals);
  return true;
}

// "±5%", "≤±5%", "偏差率控制在±5%以内", "上下浮动5%", "正负5%": a deviation
// allowed either way, the band from −5% to 5% (before, 5% and higher is
// better: 7% had full marks and −3% none). The mark ends the figure's label,
// or has only words of a ceiling after it ("上下浮动不超过5%"); those before it
// ("≤", "控制在") say the same and are dropped, the rest stays the label.
void read_either_way(Value& v) {
  if (v.number < 0 || (v.op != Op::none && v.op != Op::le && v.op != Op::lt)) return;
  static constexpr std::string_view kCeiling[] = {"不超过", "不超", "不大于", "控制在",
                                                  "在",     "≤",    "<",      "小于"};
  const auto without_ceiling = [](std::string_view words, bool before_mark) {
    for (bool cut = true; cut && !words.empty();) {
      cut = false;
      for (std::string_view w : kCeiling) {
        if (before_mark ? words.ends_with(w) : words.starts_with(w)) {
          words = before_mark ? words.substr(0, words.size() - w.size()) : words.substr(w.size());
          cut = true;
        }
      }
    }
    return words;
  };
  for (std::string_view mark : {"±", "正负", "上下浮动", "上下"}) {
    const size_t at = v.label.rfind(mark);
    if (at == std::string::npos) continue;
    if (!without_ceiling(std::string_view(v.label).substr(at + mark.size()), false).empty()) return;
    v.label.resize(without_ceiling(std::string_view(v.label).substr(0, at), true).size());
    v.op = Op::range;
    v.upper = v.number;
    v.number = -v.number;
    return;
  }
}

// parse_value_into; Reading::shortcuts allows read_unit_figure, which the tests
// check against the general way (parse_value does not take it).
// parse_value_with on a cell normalized, without what closes it and without
// its column's name.
void read_cell(std::string_view s, Value& v, Reading how) {
  reset_value(v);
  if (s.empty()) return;
  if (read_plain_figure(s, v)) return;
  // "【520人】", "\"520人\"": marks around the whole cell say nothing.
  for (const auto& [open, close] : {std::pair{std::string_view("【"), std::string_view("】")},
                                    {"\"", "\""},
                                    {"“", "”"},
                                    {"「", "」"},
                                    {"『", "』"}}) {
    if (s.size() > open.size() + close.size() && s.starts_with(open) && s.ends_with(close)) {
      const std::string inner(s.substr(open.size(), s.size() - open.size() - close.size()));
      if (inner.find(open) != std::string::npos || inner.find(close) != std::string::npos) break;
      parse_value_with(inner, v, how);
      return;
    }
  }
  if (how == Reading::shortcuts && read_unit_figure(s, v)) return;
  // "半小时", "2个半小时", "两天半": a half written out, in time.
  if (s.find("半") != std::string_view::npos) {
    if (std::string whole; halves_of_time(s, whole)) {
      parse_value_with(whole, v, how);
      return;
    }
  }
  if (is_not_applicable(s)) {
    v.kind = ValueKind::not_applicable;
    return;
  }
  if (read_dotted_date(s, v)) return;
  // A date needs 年, 月, 季度 or a - or / after the year ("2021-12"), or a dot
  // after it ("2024.6.28，无延期", with a remark): other text skips the date reader.
  std::string_view dotted = s;
  drop_prefix(dotted, kAboutADate);  // "约2024.6.28，无延期"
  bool may_be_date = dotted.size() > 8 && dotted[4] == '.' && dotted[0] >= '0' && dotted[0] <= '9';
  // Each part of a date with a label or a remark, dotted or not ("2024.11，已完成").
  const auto read_part = [&v](std::string_view part) {
    return read_dotted_date(part, v) || read_date(part, v) || read_dotted_month(part, v);
  };
  for (size_t i = 0; i < s.size() && !may_be_date; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '-' || c == '/') {
      may_be_date = true;
    } else if ((c == 'Q' || c == 'q') && i + 1 < s.size() && s[i + 1] >= '1' && s[i + 1] <= '4') {
      may_be_date = true;  // "Q4前", "2024Q4": a quarter
    } else if (c == '.' && i >= 4) {
      may_be_date = dotted_year_month_length(s.substr(i - 4)) > 0;  // "已于2024.5完成"
    } else if ((c == 0xE5 || c == 0xE6) && i + 2 < s.size()) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      const auto c2 = static_cast<unsigned char>(s[i + 2]);
      may_be_date = (c == 0xE6 && c1 == 0x9C && c2 == 0x88) ||  // 月
                    (c == 0xE5 && c1 == 0xB9 && c2 == 0xB4) ||  // 年
                    (c == 0xE5 && c1 == 0xAD && c2 == 0xA3);    // 季
    }
  }
  if (may_be_date && (read_date(s, v) || read_date_span(s, v))) return;
  // "完成时间：2024年12月": words before a colon name the date after it. Words
  // of a plan ("计划完成时间：2025年3月") stay its label, as below.
  if (const size_t colon = s.find(':');
      may_be_date && colon != std::string_view::npos && colon > 0 && colon <= 24 &&
      !text::has_digit(s.substr(0, colon)) && read_part(text::trim(s.substr(colon + 1)))) {
    if (!plan_words(s.substr(0, colon))) return;
    v.label.assign(text::trim(s.substr(0, colon)));
    if (says_a_plan_slow(v)) return;
    reset_value(v);
  }
  // "完成时间2024年12月前", "竣工日期2024年11月", "完成于2024年11月": words that name a
  // time, without a colon, before the date (before, unreadable). Words of a plan
  // ("计划2024年12月前完成", "预计2025年3月", "计划完成时间2025年3月", "将于2025年3月完成")
  // are the date's label: in a target's cell it is the deadline, in an actual's
  // a plan (says_a_plan), not the day it was done. Before, such a cell was
  // unreadable, and "计划2024.12" the figure 2024.12, which a late 2025.1 met.
  if (may_be_date) {
    const size_t digit = s.find_first_of("0123456789");
    const std::string_view label = s.substr(0, digit);
    const auto names_a_time = [label] {
      // "完成时间为2025年1月": 为 or 是 between the time's name and the date.
      if (std::string_view named = label;
          text::names_a_time(named) ||
          (drop_suffix(named, {"为", "是"}) && text::names_a_time(named))) {
        return true;
      }
      // "最迟2024年12月", "不晚于12月底": the latest the date may be, a deadline;
      // "实际于2024年11月完成", "实际为2024年11月": the day it was done.
      for (std::string_view end :
           {"完成于", "竣工于", "建成于", "验收于", "办结于", "最迟", "最迟于", "最晚", "最晚于",
            "不晚于", "不迟于", "实际于", "实际在", "实际为"}) {
        if (label.ends_with(end)) return true;
      }
      return false;
    };
    const auto read_when = [&](std::string_view when) {
      return read_part(when) || (read_date_span(when, v) && v.kind == ValueKind::date);
    };
    if (digit != std::string_view::npos && digit > 0 && digit <= 24 && read_when(s.substr(digit))) {
      if (text::says_only_in_part(label)) {
        // "基本已于…", "基本实际为…": done only in the main, which the date does not say.
      } else if (!plan_words(label) || contains(label, "按计划")) {
        // "按计划于2024年11月完成", "已按计划于": done as planned, not a plan.
        if (names_a_time() || names_the_doer_then(label)) return;
      } else {
        // "项目计划于2025年3月完成": who plans it is no part of the plan's words.
        size_t plan_at = label.size();
        for (std::string_view plan : {"计划", "预计", "拟", "将于", "将在", "原定"}) {
          plan_at = std::min(plan_at, label.find(plan));
        }
        const std::string_view planned =
            plan_at < label.size() && plan_at <= 4 * 3 ? label.substr(plan_at) : label;
        v.label.assign(planned);
        if (says_a_plan_slow(v)) return;
        // "计划已于2024年11月完成", "按计划于11月完成": done as planned, on that date.
        if (names_the_doer_then(label)) {
          v.label.clear();
          return;
        }
      }
    }
    reset_value(v);
    // A plan's date of no digits: "计划年底前完成", "预计第四季度完成" (before, words
    // whose 完成 had full marks in an actual's cell). With digits, the words before
    // them are the label above, and say whether it is a plan ("计划已于2024年11月完成"
    // is not).
    if (digit == std::string_view::npos) {
      for (std::string_view lead : {"计划于", "计划在", "计划", "预计于", "预计在", "预计", "拟于",
                                    "拟在", "拟", "将于", "将在", "原定于", "原定"}) {
        if (!s.starts_with(lead)) continue;
        if (read_date(s.substr(lead.size()), v)) {
          v.label.assign(lead);
          if (says_a_plan_slow(v)) return;
        }
        reset_value(v);
        break;
      }
    }
  }
  // "2024年5月（提前1个月）", "2024年5月（已验收）", "2024年11月，无逾期": a date
  // with a remark in brackets or after a comma; not when the remark may take
  // the date back ("（未完成）", "（计划）"), but "（未延期）" does not.
  if (may_be_date && s.ends_with(")")) {
    const size_t open = s.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      const std::string_view remark = s.substr(open + 1, s.size() - open - 2);
      if (is_plan_remark(remark) && read_part(text::trim(s.substr(0, open)))) {
        // "2024年11月(计划)": the plan's date, labelled so (says_a_plan); a target
        // is a plan anyway. Before, no date that could be compared.
        v.label.assign(remark);
        return;
      }
      if (text::remark_keeps_date(remark) && read_part(text::trim(s.substr(0, open)))) return;
      reset_value(v);
    }
  }
  if (may_be_date) {
    // After a comma, words without a figure: "2024年11月，已完成" (before, no
    // comparable date); not "截至2024年底，受益520人", a figure after its date.
    for (std::string_view comma : {",", "，"}) {
      const size_t at = s.find(comma);
      if (at == std::string_view::npos || at == 0) continue;
      const std::string_view remark = text::trim(s.substr(at + comma.size()));
      const std::string_view part = text::trim(s.substr(0, at));
      if (!text::has_digit(remark) && text::remark_keeps_date(remark) && read_part(part)) return;
      reset_value(v);
      std::string_view month = part;
      drop_prefix(month, kAboutADate);  // "约2024.11，计划完成" too
      if (!text::has_digit(remark) && dotted_year_month_length(month) == month.size()) {
        // "2024.11，计划完成": unreadable, as "2024年11月，计划完成" is (before, the
        // figure 2024.11 without its remark, which against "2024年12月前" was on time).
        v.kind = ValueKind::invalid;
        v.text.assign(s);
        return;
      }
    }
  }
  if (!text::has_digit(s)) {
    // A figure in Chinese numerals ("完成培训两期") reads as its Arabic spelling, when
    // that is a count or a known unit; else the text stays words ("一年来").
    std::string arabic;
    if (arabic_numerals(s, arabic)) {
      parse_value_with(arabic, v, how);
      // Only a counting word alone: with a noun after it the numerals are mostly
      // a slogan ("三个到位", "四个全覆盖"), not a count.
      // A score too ("九十五分以上"), but "十分" alone is "very".
      const bool score = v.unit == "分" && s != "十分";
      if (v.kind == ValueKind::number && (v.unit_known || is_counting_word(v.unit) || score)) {
        return;
      }
      reset_value(v);
    }
    v.kind = ValueKind::text;
    v.text.assign(s);
    return;
  }
  std::string tidied;
  read_figure(tidy_figure(s, tidied) ? std::string_view(tidied) : s, v);
  if (v.kind == ValueKind::number && !v.label.empty()) [[unlikely]]
    read_either_way(v);
  // "除2个项目外均已完成": the figure is the part left out, not what was done
  // (before, 2个项目 all done, 100% against a share); the clause reader finds it
  // undone (text::undone_at).
  if (v.label.ends_with("除") || v.label.ends_with("除了")) {
    if (text::exception_at(s) != std::string_view::npos) {
      reset_value(v);
      v.kind = ValueKind::invalid;
      v.text.assign(s);
      return;
    }
  }
  // Two bounds or a margin ("≥90%且≤100%", "100%±5%") read as one figure leave
  // words after it, which make it unreadable: only then are they looked for.
  // They fit in a short cell (longer text is prose), and a part is never split
  // again (a long run of commas would recurse as deep).
  if ((v.kind != ValueKind::invalid && v.kind != ValueKind::text) || how == Reading::one_figure ||
      s.size() > kLongestSplit) {
    return;
  }
  const std::string whole(s);  // each part is read on its own, which reuses the buffer `s` is in
  thread_local Value range;
  reset_value(range);
  size_t first_end = 0;
  size_t second_begin = 0;
  const size_t sign = whole.find("±");
  const bool read = sign != std::string::npos && sign > 0
                        ? read_plus_minus(whole, sign, range)
                        : (find_two_bounds(whole, first_end, second_begin) &&
                           read_two_bounds(whole, first_end, second_begin, range)) ||
                              read_level_reached(whole, range) ||
                              read_plan_then_actual(whole, range) ||
                              read_past_names_with_digits(whole, range);
  if (read) std::swap(v, range);
}

void parse_value_with(std::string_view written, Value& v, Reading how) {
  thread_local std::string buffer;
  thread_local std::string lines;
  std::string_view column;
  read_cell(text::without_field_label(text::without_closing(text::lines_as_clauses(
                                          text::normalize_view(written, buffer), lines)),
                                      &column),
            v, how);
  // "年度指标值：95%≤x≤100%" is the range; "目标值：120人" in an actual's cell
  // the plan's figure (says_a_plan), as "目标120人" is.
  v.after_target_column =
      !column.empty() && (v.kind == ValueKind::number || v.kind == ValueKind::date);
}

}  // namespace

void set_percent(double percent, Value& out) {
  reset_value(out);
  out.kind = ValueKind::number;
  out.number = percent;
  out.unit = "%";
  out.decimals = 2;
}

void reset_value(Value& v) {
  v.kind = ValueKind::empty;
  v.op = Op::none;
  v.number = 0;
  v.factor = 1;
  v.upper = 0;
  v.unit.clear();
  v.unit_known = true;
  v.words_after = false;
  v.after_target_column = false;
  v.all_done = false;
  v.near = false;
  v.decimals = 0;
  v.label.clear();
  v.date = Date{};
  v.text.clear();
}

void parse_value_into(std::string_view written, Value& v) {
  parse_value_with(written, v, Reading::plain);
}

namespace {
// The table starts small, for the many readers that read one evaluation, and
// grows while it keeps missing: a large file with many distinct texts
// ("642台", "292.92万元") would otherwise evict its common ones ("≥90%", "优")
// again and again. 8192 entries are about 1.5 MB; 16384 missed less but ran
// no faster (the table outgrows the caches).
constexpr size_t kFirstRemembered = 512;  // powers of two
constexpr size_t kMostRemembered = 8192;
constexpr size_t kLongestRemembered = 64;  // bytes; longer text is prose that rarely repeats

}  // namespace

ValueReader::ValueReader() : hashes_(kFirstRemembered, 0), entries_(kFirstRemembered) {}

void ValueReader::read(std::string_view written, Value& out) {
  if (written.size() > kLongestRemembered) {
    parse_value_with(written, out, Reading::shortcuts);
    return;
  }
  const uint64_t hash = StringTable::hash(written) | 1;  // never 0, the empty mark
  size_t slot = hash & (hashes_.size() - 1);
  if (hashes_[slot] == hash && entries_[slot].written == written) {
    entries_[slot].hit = true;
    out = entries_[slot].value;
    return;
  }
  if (++misses_ > 2 * hashes_.size() && hashes_.size() < kMostRemembered) {
    // Start over four times larger: what was remembered is read again once.
    const size_t size = hashes_.size() * 4;
    hashes_.assign(size, 0);
    entries_.clear();
    entries_.resize(size);
    misses_ = 0;
    slot = hash & (size - 1);
  }
  Entry& e = entries_[slot];
  if (e.hit) {
    // A second chance for a text read again since it came in: a run of
    // texts seen once ("642台") would otherwise push out "≥90%" and "优".
    e.hit = false;
    parse_value_with(written, out, Reading::shortcuts);
    return;
  }
  parse_value_with(written, e.value, Reading::shortcuts);
  e.written.assign(written);
  hashes_[slot] = hash;
  out = e.value;
}

Value parse_value(std::string_view written) {
  Value v;
  parse_value_into(written, v);
  return v;
}

std::string_view money_unit(const Value& amount) {
  if (!amount.unit.empty()) return amount.unit;
  return amount.factor != 1 ? std::string_view("元") : std::string_view();
}

bool says_past_year_slow(const Value& actual) {
  return names_past_year(actual.label);
}

bool says_a_plan_slow(const Value& actual) {
  const auto starts = [](std::string_view s, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return s.starts_with(w); });
  };
  const auto estimated = [](std::string_view s) {
    return std::any_of(std::begin(kEstimateWords), std::end(kEstimateWords),
                       [&](std::string_view w) { return s.starts_with(w); });
  };
  std::string_view said;
  if (actual.kind == ValueKind::number || actual.kind == ValueKind::date) {
    said = actual.label;  // a date's only from a remark ("2024年11月(计划)")
    // read_figure drops words of when from a figure's label already.
    // 目标 alone ("目标120人"), not what it names ("目标人群120人").
    // An estimate is no figure measured yet: "预估96%", "估计120人", "暂估500万元".
    if (!starts(said, {"计划", "预计", "预期", "拟", "原定", "将于", "将在"}) && !estimated(said) &&
        said != "目标" && said != "目标为" && said != "目标值" && said != "目标数") {
      return false;
    }
  } else if (actual.kind == ValueKind::invalid || actual.kind == ValueKind::text) {
    // A last remark of a plan says it of the whole cell: "120人次，6场（预计）",
    // "2批次不合格（预计）" (before, full marks; "100人（预计）" alone was a plan's
    // figure already).
    if (!closing_plan_remark(actual.text).empty()) return true;
    // Words: only those of the future ("预计年底完成"), or of the plan with its
    // figure ("计划2025年3月完成"); "目标达成", "预期效果明显", "计划已完成" say
    // what was done.
    said = actual.text;
    drop_prefix(said, text::kScopeLeads);  // "目前预计年底完成"
    if (!starts(said, {"预计", "拟", "将于", "将在"}) && !estimated(said) &&
        !(starts(said, {"计划", "原定"}) && text::has_digit(said))) {
      return false;
    }
  } else {
    return false;
  }
  // Words that begin alike and name something else: family planning, life
  // expectancy, drawing up a plan.
  if (starts(said, {"计划生育", "计划内", "预期寿命", "拟定", "拟订"})) return false;
  for (std::string_view done : {"率", "实际", "已", "实现", "达到", "达成"}) {
    if (contains(said, done)) return false;
  }
  // "计划3个，完成3个", "计划10个，开工8个": the plan, then what was done, a
  // figure not planned; not "计划10个，预计12月完成".
  for (std::string_view comma : {"，", ","}) {
    const size_t at = said.find(comma);
    if (at == std::string_view::npos) continue;
    const std::string_view then = text::trim(said.substr(at + comma.size()));
    if (starts(then, {"完成", "共完成", "累计完成"}) ||
        (text::has_digit(then) &&
         !starts(then, {"计划", "预计", "预期", "拟", "原定", "将于", "将在", "目标"}))) {
      return false;
    }
  }
  return true;
}

}  // namespace jixiao::core
