#include "core/value.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <iterator>
#include <utility>
#include <vector>

#include "core/decimal.h"
#include "core/numerals.h"
#include "core/string_table.h"
#include "core/substring.h"
#include "core/text.h"
#include "core/units.h"

namespace jixiao::core {
namespace {

// A UTF-8 cursor over normalized text.
struct Cursor {
  std::string_view s;
  size_t i = 0;

  bool done() const { return i >= s.size(); }
  std::string_view rest() const { return s.substr(i); }
  bool eat(std::string_view word) {
    // A byte loop, not memcmp: the words are short and most differ in the
    // first byte, and the scanner tries many of them at each position.
    if (i > s.size() || s.size() - i < word.size()) return false;
    for (size_t k = 0; k < word.size(); ++k) {
      if (s[i + k] != word[k]) return false;
    }
    i += word.size();
    return true;
  }
  char32_t peek() const {
    size_t j = i;
    return done() ? 0 : text::next_code_point(s, j);
  }
  char32_t take() { return text::next_code_point(s, i); }
  bool peek_digit() const { return !done() && s[i] >= '0' && s[i] <= '9'; }
  void skip_spaces() {
    while (!done() && s[i] == ' ') ++i;
  }
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

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

// Punctuation that ends a label or marks prose: a label is a short run of words.
bool is_prose_mark(char32_t cp) {
  switch (cp) {
    case U',':
    case U'.':
    case U';':
    case U':':
    case U'(':
    case U')':
    case U'、':
    case U'。':
    case U'“':
    case U'”':
    case U'《':
    case U'》':
    case U'!':
    case U'?':
    case U'*':
    case U'+':
    case U'\'':
    case U'"':
    case U'[':
    case U']':
      return true;
    default:
      return false;
  }
}

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
    {"达到", Op::ge},
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

// Reads "1,234.5" at the cursor; false when no digit is there. The value is
// mantissa / 10^decimals, which is the correctly rounded double of what was
// printed (both are exact in a double for up to 15 significant digits).
bool read_number(Cursor& c, double& out, int& decimals) {
  static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const size_t start = c.i;
  bool negative = false;
  if (!c.done() && (c.s[c.i] == '-' || c.s[c.i] == '+')) {
    negative = c.s[c.i] == '-';
    ++c.i;
  }
  if (!c.peek_digit()) {
    c.i = start;
    return false;
  }
  double mantissa = 0;
  while (!c.done()) {
    const char ch = c.s[c.i];
    if (is_digit(ch)) {
      mantissa = mantissa * 10 + (ch - '0');
      ++c.i;
    } else if (ch == ',' && c.i + 3 < c.s.size() && is_digit(c.s[c.i + 1]) &&
               is_digit(c.s[c.i + 2]) && is_digit(c.s[c.i + 3]) &&
               (c.i + 4 >= c.s.size() || !is_digit(c.s[c.i + 4]))) {
      ++c.i;  // thousands separator
    } else {
      break;
    }
  }
  decimals = 0;
  if (!c.done() && c.s[c.i] == '.' && c.i + 1 < c.s.size() && is_digit(c.s[c.i + 1])) {
    ++c.i;
    while (c.peek_digit()) {
      if (decimals < 22) {
        mantissa = mantissa * 10 + (c.s[c.i] - '0');
        ++decimals;
      }
      ++c.i;
    }
  }
  const double value = mantissa / kPow10[decimals];
  out = negative ? -value : value;
  return true;
}

// Chinese or Arabic month/quarter numbers 1..12.
bool read_small_number(Cursor& c, int& out) {
  if (c.peek_digit()) {
    int v = 0;
    int digits = 0;
    while (c.peek_digit() && digits < 3) {
      v = v * 10 + (c.s[c.i] - '0');
      ++c.i;
      ++digits;
    }
    out = v;
    return true;
  }
  static constexpr std::string_view kDigits[] = {"一", "二", "三", "四", "五",
                                                 "六", "七", "八", "九"};
  int v = 0;
  if (c.eat("十")) v = 10;
  for (int d = 0; d < 9; ++d) {
    if (c.eat(kDigits[d])) {
      v += d + 1;
      break;
    }
  }
  if (v == 0) return false;
  out = v;
  return true;
}

// Sets `v` to the figure `number` written in `unit` (converted to its canonical unit).
void set_figure(Value& v, Op op, double number, int decimals, std::string_view unit) {
  const UnitReading reading = read_unit(unit);
  v.kind = ValueKind::number;
  v.op = op;
  v.number = number * reading.factor;
  v.factor = reading.factor;
  v.unit.assign(reading.canonical);
  v.unit_known = reading.known;
  v.decimals = decimals;
}

// Words after a date that say the work was done by then: "2024年5月已完成",
// "2024年11月完成验收", "2024年10月竣工" (not that it began: "2024年3月开工"
// stays unread).
void eat_deed_done(Cursor& c) {
  c.eat("已");
  for (std::string_view w : {"完成", "完工", "实施"}) c.eat(w);
  for (std::string_view w : {"竣工验收", "验收", "竣工", "建成", "办结", "交付使用", "交付",
                             "投入使用", "投用", "拨付到位", "到位", "上线"}) {
    if (c.eat(w)) break;
  }
}

bool try_date(std::string_view s, Value& v) {
  Cursor c{s};
  // "不晚于2024年10月", "≤2024年10月": by then, as "2024年10月前". After a sign
  // only with a year: "≤10月" may be a length of time, "≤10个月".
  bool by_then = c.eat("不晚于") || c.eat("不迟于");
  const bool by_sign = !by_then && (c.eat("≤") || c.eat("<="));
  by_then = by_then || by_sign;
  for (std::string_view w :
       {"延期至", "推迟至", "延迟至", "延后至", "延至", "截至", "截止", "已于", "已在", "于", "在"})
    c.eat(w);
  Date d;
  bool any = false;
  const size_t year_start = c.i;
  if (c.rest().size() >= 5 && is_digit(s[c.i]) && is_digit(s[c.i + 1]) && is_digit(s[c.i + 2]) &&
      is_digit(s[c.i + 3])) {
    const int year = (s[c.i] - '0') * 1000 + (s[c.i + 1] - '0') * 100 + (s[c.i + 2] - '0') * 10 +
                     (s[c.i + 3] - '0');
    c.i += 4;
    if (c.eat("年") || c.eat("-") || c.eat("/")) {
      d.year = year;
      any = true;
    } else {
      c.i = year_start;
    }
  } else if (c.rest().size() >= 6 && is_digit(s[c.i]) && is_digit(s[c.i + 1]) &&
             c.rest().substr(2).starts_with("年")) {
    // "24年10月": a year of this century by its last two digits, only before a
    // month ("10年" alone is a length of time).
    Cursor month{s, c.i + 5};
    int m = 0;
    if (read_small_number(month, m) && month.eat("月") && m >= 1 && m <= 12) {
      d.year = 2000 + (s[c.i] - '0') * 10 + (s[c.i + 1] - '0');
      any = true;
      c.i += 5;
    }
  }
  int n = 0;
  const auto at_year_end = [&] {
    const std::string_view rest = c.rest();
    return rest.starts_with("底") || rest.starts_with("末") || rest.starts_with("终") ||
           rest.starts_with("内");
  };
  if (d.year != 0) {
    c.eat("度");  // "2024年度内"
    // "2024年年底前": the year named, then its end as "年底".
    const size_t before = c.i;
    if (!(c.eat("年") && at_year_end())) c.i = before;
  } else {
    // "年底前", "年内完成", "本年度内": the end of the year evaluated.
    const size_t before = c.i;
    std::string_view year_word;
    for (std::string_view w : {"本年度", "本年", "当年", "年度", "年"}) {
      if (c.eat(w)) {
        year_word = w;
        break;
      }
    }
    // "次年3月前", "次年底": the year after the one evaluated (a project across two years).
    for (std::string_view w : {"次年度", "次年", "下一年度", "下一年", "下年度", "下年", "明年"}) {
      if (c.i == before && c.eat(w)) {
        year_word = w;
        d.years_after = 1;
        break;
      }
    }
    // "当年", "本年度" alone: within the year, as "年内"; before a month
    // ("当年12月31日前"), the year evaluated, as a month without a year.
    const bool this_year = year_word.size() > 3 && year_word != "年度";  // or the next
    // "当年完成", "本年度建成": the deed done within the year, as "年内完成".
    Cursor deed = c;
    eat_deed_done(deed);
    if (c.i != before && ((this_year && deed.done()) || at_year_end())) {
      d.month = 12;
      any = true;
      // "年内", "当年完成": some day of the year; "年底": its last.
      d.span_from = c.rest().starts_with("内") || deed.done() ? 1 : 0;
    } else if (!this_year) {
      c.i = before;
    }
  }
  // "2024年上半年", "年中": the end of June; "下半年", "全年": of December.
  if (d.month == 0) {
    if (c.eat("上半年") || c.eat("年中")) {
      d.month = 6;
      d.span_from = s.substr(0, c.i).ends_with("年中") ? 0 : 1;
      any = true;
    } else if (c.eat("下半年") || c.eat("全年")) {
      d.month = 12;
      d.span_from = s.substr(0, c.i).ends_with("全年") ? 1 : 7;
      any = true;
    } else if ((d.year != 0 && c.eat("初")) || c.eat("年初")) {
      // "2024年初", "年初": some day of the first quarter (before, "2024年初" was
      // a date of no month, and "2024年年初" the figure 2024 in a unit "年年初").
      d.month = 3;
      d.span_from = 1;
      any = true;
    }
  }
  const size_t month_start = c.i;
  if (d.month == 0) c.eat("第");
  // "2024年Q2": a quarter in letters, after a year (before, the figure 2 after
  // the label "2024年Q").
  const bool quarter_in_letters = d.month == 0 && d.year != 0 && (c.eat("Q") || c.eat("q"));
  if (d.month == 0) {
    if (read_small_number(c, n)) {
      if (quarter_in_letters && (n < 1 || n > 4)) return false;  // "2024年Q5" is no month
      if ((quarter_in_letters || c.eat("季度")) && n >= 1 && n <= 4) {
        d.month = n * 3;
        d.span_from = d.month - 2;
        any = true;
      } else if ((c.eat("月") ||
                  (d.year != 0 && (c.done() || c.peek() == U'-' || c.peek() == U'/'))) &&
                 n >= 1 && n <= 12) {
        d.month = n;
        d.span_from = n;  // until a day is read
        any = true;
        c.eat("份");  // "10月份"
        if (c.eat("-") || c.eat("/")) {
          if (!read_small_number(c, n) || n < 1 || n > 31) return false;
          d.day = n;
          d.span_from = 0;
        } else if (c.peek_digit() || c.peek() == U'十' || c.peek() == U'二' || c.peek() == U'三') {
          if (!read_small_number(c, n) || n < 1 || n > 31) return false;
          if (!c.eat("日") && !c.eat("号")) return false;
          d.day = n;
          d.span_from = 0;
        }
      } else {
        c.i = month_start;
      }
    } else {
      c.i = month_start;
    }
  }
  if (!any) return false;
  if ((d.month == 0 && d.year == 0) || (by_sign && d.year == 0)) return false;
  if (d.month == 0) d.span_from = 1;  // "2024年": some day of the year
  Op op = Op::none;
  const size_t before_end = c.i;
  // Parts of a month, each a span of its days: the first and the last (0 for
  // the month's end). 初 and 中 alone are 上旬 and 中旬 (before, "6月初" was
  // the 5th, so it missed "6月3日前", and "6月中" the figure 6 in a unit "月中").
  struct Part {
    std::string_view written;
    int first;
    int last;
  };
  static constexpr Part kParts[] = {{"上中旬", 1, 20}, {"中下旬", 11, 0}, {"上旬", 1, 10},
                                    {"中旬", 11, 20},  {"下旬", 21, 0},   {"初", 1, 10},
                                    {"中", 11, 20}};
  const Part* part = nullptr;
  if (c.eat("底") || c.eat("末") || c.eat("终")) {
    d.day = 0;
  } else if (d.month != 0 && d.day == 0) {
    for (const Part& p : kParts) {
      if (c.eat(p.written)) {
        part = &p;
        break;
      }
    }
  }
  if (c.i != before_end) d.span_from = 0;  // "10月底", "2024年底": that day
  if (part != nullptr) {
    // "6月中旬": some day of the 11th to the 20th.
    d.day = part->last;
    d.span_from = d.month;
    d.span_from_day = part->first;
  }
  c.eat("(含)");  // "2024年12月31日（含）前": the day itself included, as 前 has it
  for (std::string_view w : {"之前", "以前", "前", "止", "以内", "内"}) {
    if (c.eat(w)) {
      by_then = true;
      break;
    }
  }
  if (by_then) {
    op = Op::le;
    d.span_from = 1;  // "2024年11月前": some day up to then
    d.span_from_day = 0;
  }
  eat_deed_done(c);
  if (d.year == 0 && d.month == 0) return false;
  if (!c.done()) return false;
  // "2021年" alone is a year, "7月" a month, "9月前" a deadline.
  v.kind = ValueKind::date;
  v.op = op;
  v.date = d;
  return true;
}

// "2024年9月-12月", "2024年9-12月", "2024年9月至2024年12月", "9月5日至10月底":
// work done on some day between two dates of one year, read as a span ending
// at the second (Date::span_from), as "第四季度" is. The first must end in a
// year, a month, a day or a part of a month (or a year and a month's number before
// the second's 月), so that "2024-11-30" is not split at its dashes. Two dates
// that make no span of one year ("2024年9月-2025年3月", "2024年12月-9月", or
// one of them "by then", "2024年-2025年") are invalid: before, "2024年12月-9月"
// was read as the figure -9 (months) after the label "2024年12月".
bool try_date_span(std::string_view s, Value& v) {
  for (std::string_view sep : {"至", "到", "~", "～", "—", "-"}) {
    const size_t at = s.find(sep);
    if (at == std::string_view::npos || at == 0) continue;
    std::string_view first = s.substr(0, at);
    const std::string_view second = s.substr(at + sep.size());
    thread_local std::string with_month;
    if (is_digit(first.back()) && first.find("年") != std::string_view::npos &&
        second.ends_with("月")) {
      with_month.assign(first);  // "2024年9-12月": the first month's 月 left out
      with_month += "月";
      first = with_month;
    }
    bool dated = false;
    for (std::string_view end : {"年", "月", "日", "号", "旬", "季度", "底", "末", "初"}) {
      dated = dated || first.ends_with(end);
    }
    if (!dated) continue;
    Value from;
    Value to;
    if (!try_date(first, from) || !try_date(second, to)) return false;
    v.kind = ValueKind::invalid;
    if (from.op != Op::none || to.op != Op::none || from.date.month == 0 || to.date.month == 0 ||
        from.date.years_after != 0 || to.date.years_after != 0 ||
        (to.date.year != 0 && to.date.year != from.date.year)) {
      return true;
    }
    to.date.year = from.date.year;
    const std::optional<Date> start = span_start(from.date);
    const Date begin = start ? *start : from.date;
    // From a month's last day ("9月底至12月"), or not before the second date.
    if (begin.day == 0 || compare_dates(begin, to.date) >= 0) return true;
    to.date.span_from = begin.month;
    to.date.span_from_day = begin.day > 1 ? begin.day : 0;
    v.kind = ValueKind::date;
    v.op = Op::none;
    v.date = to.date;
    return true;
  }
  return false;
}

// "2024.6.28", "2024.06.30前": year, month and day between dots, as the date
// reader reads "2024-6-28". A figure has one dot at most, so two cannot be a
// number; "2024.6" alone is left a number.
bool read_dotted_date(std::string_view s, Value& v) {
  const auto digits = [&](size_t at) {
    size_t n = 0;
    while (at + n < s.size() && is_digit(s[at + n])) ++n;
    return n;
  };
  if (digits(0) != 4 || s.size() < 8 || s[4] != '.') return false;
  const size_t month = digits(5);
  if (month < 1 || month > 2 || 5 + month >= s.size() || s[5 + month] != '.') return false;
  const size_t day_at = 6 + month;
  const size_t day = digits(day_at);
  if (day < 1 || day > 2 || (day_at + day < s.size() && s[day_at + day] == '.')) return false;
  thread_local std::string dashed;
  dashed.assign(s);
  dashed[4] = '-';
  dashed[5 + month] = '-';
  return try_date(dashed, v);
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

// Whether a remark in brackets after a figure or a date says it is the plan:
// "100人(计划)", "2024年11月(预计)".
bool is_plan_remark(std::string_view remark) {
  // The words says_a_plan_slow reads as a plan alone (not kPlanWords: 任务 and
  // 年初 name no plan there).
  static constexpr std::string_view kPlanRemarks[] = {
      "计划", "预计", "计划数", "预计数", "计划值", "预计值", "目标", "目标值", "预期", "拟"};
  return std::find(std::begin(kPlanRemarks), std::end(kPlanRemarks), remark) !=
         std::end(kPlanRemarks);
}

// What follows a figure, less a remark in brackets at its end ("95%(抽样)",
// "12次(含线上)"; full-width brackets are normalised already), a remark after
// a comma ("3项，超额完成") and a closing stop ("95%。"): none says anything
// about the figure. `words_after`: whether words after a comma were dropped.
// `plan`: the remark, when it says the figure is the plan ("100人(计划)",
// "120人(预计)"), which read_figure puts before it as a label; before, such a
// figure was read as done.
std::string_view drop_remark(std::string_view rest, bool& words_after, std::string_view& plan) {
  for (std::string_view comma : {",", "，"}) {
    const size_t at = rest.find(comma);
    if (at != std::string_view::npos && text::only_remarks(rest.substr(at + comma.size()))) {
      rest = rest.substr(0, at);
      words_after = true;
    }
  }
  for (bool changed = true; changed && !rest.empty();) {
    changed = false;
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
        if (text::says_part_undone(remark)) break;
        if (is_plan_remark(remark)) plan = remark;
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
    if (!figure && !op) {
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
  if (digits == 4 && first >= 1990 && first <= 2100 && eat("年")) {
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

bool against_the_past(std::string_view label);

// Whether a label says its figure is a change, which may be below zero.
bool says_a_change(std::string_view label) {
  for (std::string_view change : {"变化", "增减", "变动", "差", "净"}) {
    if (contains(label, change)) return true;
  }
  return change_direction(label) != 0 || against_the_past(label);
}

// Tries "label op number [range] unit suffix"; sets kind number, invalid or text.
void read_figure(std::string_view s, Value& v) {
  Cursor c{s};
  Op op = Op::none;
  // A label: words before the figure ("周报不少于52篇", "预算执行率100%").
  size_t label_points = 0;
  bool found = false;
  while (!c.done()) {
    if (c.peek_digit()) {
      if (const size_t time = time_before_figure(s, c.i)) {
        c.i += time;
        label_points += 2;
        continue;
      }
    }
    Cursor probe = c;
    Op probe_op = Op::none;
    // 约 ("about") is no operator in 节约 ("saved").
    const bool saved = c.i >= 3 && s.substr(c.i - 3, 6) == "节约";
    if (!saved && eat_prefix_op(probe, probe_op)) {
      probe.skip_spaces();
      if (probe.peek_digit() || ((probe.peek() == '-' || probe.peek() == '+') &&
                                 probe.i + 1 < s.size() && is_digit(s[probe.i + 1]))) {
        v.label.assign(s.substr(0, c.i));
        op = probe_op;
        c = probe;
        found = true;
        break;
      }
    }
    if (c.peek_digit() ||
        ((c.peek() == '-' || c.peek() == '+') && c.i + 1 < s.size() && is_digit(s[c.i + 1]))) {
      v.label.assign(s.substr(0, c.i));
      found = true;
      break;
    }
    const char32_t cp = c.take();
    if (cp == U':') {  // "共计：520人次", "目标值：≥500人": a colon closes the label
      Cursor after = c;
      after.skip_spaces();
      if (after.peek_digit() || may_start_op(after.peek())) continue;
    }
    if (is_prose_mark(cp) || ++label_points > 12) break;
  }
  v.label.assign(text::trim(v.label));
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
  if (!plan.empty()) v.label.insert(0, plan);  // "100人(计划)" as "计划100人"
  Op suffix_op = Op::none;
  bool suffix_found = false;
  // Every suffix ends in 成, 右, 上, 下, 内, 前, 到, ↑ or ↓: other endings skip the search.
  const bool may_have_suffix = rest.size() >= 3 && [&] {
    const std::string_view last = rest.substr(rest.size() - 3);
    return last == "成" || last == "右" || last == "上" || last == "下" || last == "内" ||
           last == "前" || last == "到" || last == "↑" || last == "↓";
  }();
  for (int round = 0; round < (may_have_suffix ? 2 : 0); ++round) {  // "以内完成", "及以上"
    for (std::string_view w : {"完成", "左右"}) {
      if (rest.size() >= w.size() && rest.substr(rest.size() - w.size()) == w) {
        rest.remove_suffix(w.size());
      }
    }
    for (const auto& w : kSuffixOps) {
      if (rest.size() >= w.word.size() && rest.substr(rest.size() - w.word.size()) == w.word) {
        rest.remove_suffix(w.word.size());
        if (!suffix_found) suffix_op = w.op;
        suffix_found = true;
        break;
      }
    }
  }
  std::string_view unit = drop_deed_after_money(percent_remark(text::trim(rest), suffix_op));
  if (range && !lower_unit.empty() && lower_unit != unit) {
    // "90%-95家": bounds in two units cannot be one range.
    v.kind = ValueKind::invalid;
    v.text.assign(s);
    v.label.clear();
    return;
  }
  if (!unit_is_clean(unit) || (unit.size() > 8 && text::code_points(unit) > 8)) {
    // A figure followed by junk: short text is a mistyped figure, long text is prose.
    const bool short_text = text::code_points(s) <= 20 && text::code_points(v.label) <= 6;
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
  // "培训-120人": a dash between a label and a count, not a minus (before, -120,
  // scored 0): a count of things is never below zero. A change may be
  // ("较上年-5人", "增加-5人", "人数变化-5人").
  if (v.number < 0 && !v.label.empty() && counts_things(v.unit) && !says_a_change(v.label)) {
    v.number = -v.number;
  }
}

}  // namespace

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

namespace {

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
  // Letters, % and up to eight Chinese characters (U+4000–U+9FFF, lead bytes
  // E4–E9: no punctuation there), none of them one that starts a range (至,
  // 到) or a date (年, 月, 季) or says more (余, 多, 内, 半), and not ending in a
  // character a suffix ends in (成, 右, 上, 下, 内, 前).
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

// Verbs of change, each two characters (change_direction, read_level_reached).
constexpr std::string_view kRise[] = {"提高", "提升", "增长", "增加", "上升", "上涨",
                                      "增多", "扩大", "增强", "增幅", "新增"};
constexpr std::string_view kFall[] = {"下降", "降低", "减少", "缩短", "缩减",
                                      "压缩", "减低", "下调", "降幅", "减幅"};

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

// 余 or 多 after the word that follows a figure, moved before it, where the
// reader reads it as more than the figure ("100余万元", "100多家"): after a
// multiplier, with anything after ("1万余人次" as "1余万人次", "2.5万多元"), or
// after a unit of time, count or percentage at the cell's end or before the
// rest of a unit of time ("2个多月" as "2多个月", "1年多", "5%多", "3天多";
// before, "5次多" was read as 5 of something called 多 and "5%多" as 5%, both
// meeting "≤5"). Writes the text into `out`; false when there is none.
bool more_after_word(std::string_view s, std::string& out) {
  struct Word {
    std::string_view written;
    bool multiplier;  // anything may follow; a unit's 多 ends the cell or its time
  };
  static constexpr Word kWords[] = {{"万", true},  {"亿", true},  {"千", true},  {"百", true},
                                    {"%", false},  {"个", false}, {"年", false}, {"次", false},
                                    {"天", false}, {"周", false}, {"倍", false}, {"项", false},
                                    {"家", false}, {"人", false}};
  for (size_t i = 1; i < s.size(); ++i) {
    if (!is_digit(s[i - 1])) continue;
    const std::string_view rest = s.substr(i);
    for (const Word& word : kWords) {
      if (!rest.starts_with(word.written)) continue;
      const std::string_view after = rest.substr(word.written.size());
      for (std::string_view more : {"余", "多"}) {
        if (!after.starts_with(more)) continue;
        const std::string_view tail = after.substr(more.size());
        if (!word.multiplier && !(tail.empty() || tail == "月" || tail == "小时")) continue;
        size_t start = i;  // of the figure
        while (start > 0 && (is_digit(s[start - 1]) || s[start - 1] == '.')) --start;
        if (word.written == "年" && i - start >= 4) continue;  // "2024年多": a year
        out.assign(s.substr(0, i));
        out.append(more);
        out.append(word.written);
        out.append(tail);
        return true;
      }
    }
  }
  return false;
}

// "1万2千人" as "1.2万人", "2亿3千万元" as "2.3亿元", "3千5百元" as "3.5千元",
// "1万零500人" as "1.05万人": a figure written in parts of falling multipliers,
// as one figure in the first. Writes the text into `out` and returns true; false
// when there is none: one multiplier, a part as large as a multiplier before it
// ("1万12千"), or a last part without one except after 零 ("1万5" says 15000
// as often as 10005).
bool parts_of_multipliers(std::string_view s, std::string& out) {
  struct Multiplier {
    std::string_view written;
    int exponent;
  };
  static constexpr Multiplier kMultipliers[] = {
      {"千万", 7}, {"亿", 8}, {"万", 4}, {"千", 3}, {"百", 2}};
  constexpr std::string_view kZero = "零";
  constexpr size_t kPartDigits = 4;  // "1万2345"
  const auto power = [](int exponent) {
    long long p = 1;
    while (exponent-- > 0) p *= 10;
    return p;
  };
  for (size_t start = 0; start < s.size(); ++start) {
    if (!is_digit(s[start]) ||
        (start > 0 && (is_digit(s[start - 1]) || s[start - 1] == '.' || s[start - 1] == ','))) {
      continue;
    }
    long long total = 0;
    int first = -1;  // the first multiplier's exponent
    int last = 99;   // the last one's: each part must stay below it
    int parts = 0;
    size_t i = start;
    while (i < s.size()) {
      const bool zero = parts > 0 && s.substr(i).starts_with(kZero);
      size_t j = zero ? i + kZero.size() : i;
      const size_t digits_at = j;
      long long value = 0;
      while (j < s.size() && is_digit(s[j]) && j - digits_at < kPartDigits) {
        value = value * 10 + (s[j++] - '0');
      }
      if (j == digits_at || (j < s.size() && (is_digit(s[j]) || s[j] == '.'))) break;
      int exponent = 0;
      size_t after = j;
      for (const Multiplier& m : kMultipliers) {
        if (s.substr(j).starts_with(m.written)) {
          exponent = m.exponent;
          after = j + m.written.size();
          break;
        }
      }
      if ((after == j && !zero) || exponent >= last ||
          (parts > 0 && value * power(exponent) >= power(last))) {
        break;
      }
      total += value * power(exponent);
      if (parts++ == 0) first = exponent;
      last = exponent;
      i = after;
      if (exponent == 0) break;  // "1万零500": nothing follows a bare part
    }
    if (parts < 2) continue;
    // A multiplier after the parts scales them all ("3千5百万元" is 3.5千万元), but
    // not parts of ten thousands or more ("1千万2百万" would be read 1.00002千万万).
    if (first >= 4 &&
        std::any_of(std::begin(kMultipliers), std::end(kMultipliers), [&](const Multiplier& m) {
          return s.substr(i).starts_with(m.written.substr(0, 3));
        })) {
      return false;
    }
    const long long unit = power(first);
    out.assign(s.substr(0, start));
    out += std::to_string(total / unit);
    if (std::string fraction = std::to_string(total % unit); total % unit != 0) {
      fraction.insert(0, static_cast<size_t>(first) - fraction.size(), '0');
      while (fraction.back() == '0') fraction.pop_back();
      out += '.';
      out += fraction;
    }
    for (const Multiplier& m : kMultipliers) {
      if (m.exponent == first) out += m.written;
    }
    out += s.substr(i);
    return true;
  }
  return false;
}

// "100+家", "95%+": at least the figure, as "≥100家" ("+" with no figure after
// it; "100+20" is a sum, and stays unreadable). Writes the text with the
// operator in front into `out` and returns true; false when there is none.
bool plus_after_figure(std::string_view s, std::string& out) {
  const size_t plus = s.find('+');
  if (plus == 0 || plus == std::string_view::npos ||
      (plus + 1 < s.size() && (is_digit(s[plus + 1]) || s[plus + 1] == '.'))) {
    return false;
  }
  size_t end = plus;  // of the figure, less its % or multiplier ("1万+人")
  if (s[end - 1] == '%') --end;
  for (std::string_view multiplier : {"万", "亿", "千", "百"}) {
    if (s.substr(0, end).ends_with(multiplier)) end -= multiplier.size();
  }
  size_t start = end;
  while (start > 0 && (is_digit(s[start - 1]) || s[start - 1] == '.' || s[start - 1] == ',')) {
    --start;
  }
  if (start == end || !is_digit(s[start])) return false;
  out.assign(s.substr(0, start));
  out += "≥";
  out += s.substr(start, plus - start);
  out += s.substr(plus + 1);
  return true;
}

// "95%(含)以上" as "95%以上": 以上 includes its bound already (brackets are
// normalised to ASCII). False when there is no "(含)".
bool without_inclusive(std::string_view s, std::string& out) {
  constexpr std::string_view kInclusive = "(含)";
  const size_t at = s.find(kInclusive);
  if (at == std::string_view::npos) return false;
  out.assign(s.substr(0, at));
  out.append(s.substr(at + kInclusive.size()));
  return true;
}

// A sign of a bound at `at`, when one is there: its sense (-1 for an upper bound,
// ≤ or <, +1 for a lower, ≥ or >) and its length in `size`; 0 when none.
int bound_sign_at(std::string_view s, size_t at, size_t& size) {
  static constexpr std::pair<std::string_view, int> kSigns[] = {{"≤", -1}, {"<=", -1}, {"<", -1},
                                                                {"≥", 1},  {">=", 1},  {">", 1}};
  for (const auto& [sign, sense] : kSigns) {
    if (s.substr(at).starts_with(sign)) {
      size = sign.size();
      return sense;
    }
  }
  return 0;
}

// "95%≤x≤100%", "18℃≤T≤26℃", "100%≥合格率≥95%": a short name between two
// bounds of one sense, as the range "95%-100%" in `out` (a strict bound, "<",
// is read as the range's end, as "95%-100%" has it; before, unreadable). The
// figures on either side must start with a digit, the name have none. False
// for anything else.
bool bounds_around_name(std::string_view s, std::string& out) {
  constexpr size_t kLongestName = 24;  // bytes: eight characters
  size_t first_size = 0;
  size_t first = 1;  // the first sign, after a figure
  while (first < s.size() && bound_sign_at(s, first, first_size) == 0) ++first;
  if (first >= s.size() || !is_digit(s[s[0] == '-' ? 1 : 0])) return false;
  const int sense = bound_sign_at(s, first, first_size);
  const size_t name = first + first_size;
  size_t second = name;
  size_t second_size = 0;
  while (second < s.size() && second - name <= kLongestName &&
         bound_sign_at(s, second, second_size) == 0) {
    if (is_digit(s[second])) return false;
    ++second;
  }
  if (second == name || second >= s.size() || second - name > kLongestName ||
      bound_sign_at(s, second, second_size) != sense) {
    return false;
  }
  const std::string_view left = s.substr(0, first);
  const std::string_view right = s.substr(second + second_size);
  if (right.empty() || (!is_digit(right[0]) && right[0] != '-')) return false;
  out.assign(sense < 0 ? left : right);
  out += '-';
  out += sense < 0 ? right : left;
  return true;
}

// "[95%,100%]", "[18,26]℃", "(95%,100%]": an interval as mathematics writes
// it, as the range "95%-100%" in `out` (an open end is read as the range's end,
// as bounds_around_name reads "<"). A square bracket must open it, or a close
// one end it, or a unit must be written inside: "(1,234)" is how accounts write
// -1234. False for anything else.
bool interval_in_brackets(std::string_view s, std::string& out) {
  if (s.size() < 5 || (s[0] != '[' && s[0] != '(')) return false;
  size_t close = s.find_first_of("])", 1);
  if (close == std::string_view::npos) return false;
  const std::string_view inside = s.substr(1, close - 1);
  const size_t comma = inside.find(',');
  if (comma == std::string_view::npos || inside.find(',', comma + 1) != std::string_view::npos ||
      comma == 0 || comma + 1 == inside.size()) {
    return false;
  }
  const std::string_view lower = text::trim(inside.substr(0, comma));
  const std::string_view upper = text::trim(inside.substr(comma + 1));
  const auto figure = [](std::string_view f) {
    return !f.empty() && (is_digit(f[0]) || (f[0] == '-' && f.size() > 1 && is_digit(f[1])));
  };
  const bool unit_inside = !std::all_of(inside.begin(), inside.end(), [](char c) {
    return is_digit(c) || c == '.' || c == ',' || c == ' ' || c == '-';
  });
  if (!figure(lower) || !figure(upper) || (s[0] == '(' && s[close] == ')' && !unit_inside)) {
    return false;
  }
  out.assign(lower);
  out += '-';
  out += upper;
  out += s.substr(close + 1);
  return true;
}

// "介于95%与100%之间", "在18℃和26℃之间": between two figures, as the range
// "95%-100%" in `out` (before, unreadable; "在95%至100%之间" was read). False
// for anything else.
bool between_two_figures(std::string_view s, std::string& out) {
  constexpr std::string_view kBetween = "之间";
  if (!s.ends_with(kBetween)) return false;
  std::string_view inner = s.substr(0, s.size() - kBetween.size());
  for (std::string_view word : {"介于", "在"}) {
    if (inner.starts_with(word)) {
      inner.remove_prefix(word.size());
      break;
    }
  }
  for (std::string_view joiner : {"与", "和", "及"}) {
    const size_t at = inner.find(joiner);
    if (at == std::string_view::npos || at == 0 || at + joiner.size() == inner.size() ||
        !is_digit(inner[0]) || !is_digit(inner[at + joiner.size()])) {
      continue;
    }
    out.assign(inner.substr(0, at));
    out += '-';
    out += inner.substr(at + joiner.size());
    return true;
  }
  return false;
}

// "1 200人", "12 345.6万元": thousands grouped by spaces, as the national
// standard for numbers in print writes them (GB/T 15835), with the spaces left
// out in `out`. A group is three digits after one to three; "2024 120人" (a
// year first) and "1 20人" are no such figure. False when there is none.
bool spaced_thousands(std::string_view s, std::string& out) {
  if (s.find(' ') == std::string_view::npos) return false;
  const auto group_at = [&](size_t at) {  // three digits, then no digit
    return at + 3 <= s.size() && is_digit(s[at]) && is_digit(s[at + 1]) && is_digit(s[at + 2]) &&
           (at + 3 == s.size() || !is_digit(s[at + 3]));
  };
  std::string text;
  bool any = false;
  size_t run = 0;  // digits right before `i`
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' && run >= 1 && run <= 3 && group_at(i + 1) &&
        (i == run || (s[i - run - 1] != '.' && s[i - run - 1] != ','))) {
      any = true;  // the space left out; the group's digits count as the next run
      run = 0;
      continue;
    }
    run = is_digit(s[i]) ? run + 1 : 0;
    text += s[i];
  }
  if (any) out = std::move(text);
  return any;
}

// A figure's cell tidied for the reader, each rewrite on what the one before
// left: thousands grouped by spaces as one figure (spaced_thousands), an
// interval written as bounds around a name, in brackets or "between"
// two figures as the range "A-B" (bounds_around_name, interval_in_brackets,
// between_two_figures), a figure in parts as one (parts_of_multipliers), "+"
// after a figure as "≥" before it (plus_after_figure), less "(含)"
// (without_inclusive), 余/多 after the multiplier or the unit before it
// (more_after_word). Writes the tidied text into `out` and returns true, or
// returns false when there is nothing to tidy.
bool tidy_figure(std::string_view s, std::string& out) {
  std::string text;  // empty, and no allocation, while nothing is tidied
  bool tidied = false;
  for (bool (*rewrite)(std::string_view, std::string&) :
       {spaced_thousands, bounds_around_name, interval_in_brackets, between_two_figures,
        parts_of_multipliers, plus_after_figure, without_inclusive, more_after_word}) {
    std::string next;
    if (rewrite(tidied ? std::string_view(text) : s, next)) {
      text = std::move(next);
      tidied = true;
    }
  }
  if (tidied) out = std::move(text);
  return tidied;
}

// A half in a length of time, in digits in `out`: "半小时" as "0.5小时",
// "2个半小时" as "2.5个小时", "2天半" as "2.5天" (Chinese numerals, "两天半",
// are turned into digits first, and come back here). False when there is no
// such half ("上半年" is a date, "过半" and "半数" are no time).
bool halves_of_time(std::string_view s, std::string& out) {
  constexpr std::string_view kHalf = "半";
  static constexpr std::string_view kTimes[] = {"小时", "个月", "天", "日", "年", "月", "周"};
  const auto time_at = [&](std::string_view rest) {
    return std::any_of(std::begin(kTimes), std::end(kTimes),
                       [&](std::string_view t) { return rest.starts_with(t); });
  };
  if (s.starts_with(kHalf) && time_at(s.substr(kHalf.size()))) {  // "半小时", "半年内"
    out = "0.5";
    out += s.substr(kHalf.size());
    return true;
  }
  const size_t at = s.find(kHalf);
  if (at == 0 || at == std::string_view::npos) return false;
  // "2个半小时", "3个半月": digits, 个, the half, then the time.
  if (at >= 4 && s.substr(at - 3, 3) == "个" && is_digit(s[at - 4]) &&
      time_at(s.substr(at + kHalf.size()))) {
    out.assign(s.substr(0, at - 3));
    out += ".5个";
    out += s.substr(at + kHalf.size());
    if (out.find("个个") != std::string::npos) return false;
    return true;
  }
  // "2天半", "1年半": digits, the time, then the half.
  for (std::string_view unit : {"天", "日", "年", "周"}) {
    const size_t unit_at = at - std::min(at, unit.size());
    if (unit_at == 0 || s.substr(unit_at, unit.size()) != unit || !is_digit(s[unit_at - 1])) {
      continue;
    }
    out.assign(s.substr(0, unit_at));
    out += ".5";
    out += unit;
    out += s.substr(at + kHalf.size());
    return true;
  }
  return false;
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
    return true;
  };
  return std::any_of(std::begin(kRise), std::end(kRise), ends) ||
         std::any_of(std::begin(kFall), std::end(kFall), ends);
}

// Words of an amount set before the work: a budget, an estimate, a contract.
constexpr std::string_view kAmountsSetBefore[] = {"预算", "概算", "合同", "批复", "中标"};

// "计划500人，实际480人", "目标95%，实际完成96%": the plan, then what was done;
// the figure is the one after 实际 (or 实到: "应到120人，实到95人").
bool read_plan_then_actual(std::string_view s, Value& v) {
  std::string_view actually = "实际";
  size_t at = s.rfind(actually);
  if (at == std::string_view::npos) {
    actually = "实到";
    at = s.rfind(actually);
  }
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
  parse_value_with(std::string(s.substr(at + actually.size())), done, Reading::one_figure);
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

// parse_value_into; Reading::shortcuts allows read_unit_figure, which the tests
// check against the general way (parse_value does not take it).
void parse_value_with(std::string_view written, Value& v, Reading how) {
  thread_local std::string buffer;
  const std::string_view normalized = text::normalize_view(written, buffer);
  reset_value(v);
  const std::string_view s = normalized;
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
  // A date needs 年, 月, 季度 or a - or / after the year ("2021-12"): other
  // text skips the date reader.
  bool may_be_date = false;
  for (size_t i = 0; i < s.size() && !may_be_date; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '-' || c == '/') {
      may_be_date = true;
    } else if ((c == 0xE5 || c == 0xE6) && i + 2 < s.size()) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      const auto c2 = static_cast<unsigned char>(s[i + 2]);
      may_be_date = (c == 0xE6 && c1 == 0x9C && c2 == 0x88) ||  // 月
                    (c == 0xE5 && c1 == 0xB9 && c2 == 0xB4) ||  // 年
                    (c == 0xE5 && c1 == 0xAD && c2 == 0xA3);    // 季
    }
  }
  if (may_be_date && (try_date(s, v) || try_date_span(s, v))) return;
  // "完成时间：2024年12月": words before a colon name the date after it.
  if (const size_t colon = s.find(':');
      may_be_date && colon != std::string_view::npos && colon > 0 && colon <= 24 &&
      !text::has_digit(s.substr(0, colon)) && try_date(text::trim(s.substr(colon + 1)), v)) {
    return;
  }
  // "2024年5月（提前1个月）", "2024年5月（已验收）": a date with a remark in
  // brackets after it; not when the remark may take the date back ("（未完成）",
  // "（计划）").
  if (may_be_date && s.ends_with(")")) {
    const size_t open = s.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      const std::string_view remark = s.substr(open + 1, s.size() - open - 2);
      if (is_plan_remark(remark) && try_date(text::trim(s.substr(0, open)), v)) {
        // "2024年11月(计划)": the plan's date, labelled so (says_a_plan); a target
        // is a plan anyway. Before, no date that could be compared.
        v.label.assign(remark);
        return;
      }
      bool takes_back = remark.empty();
      for (std::string_view no : {"未", "不", "没", "无", "非", "计划", "预计", "拟", "将"}) {
        takes_back = takes_back || contains(remark, no);
      }
      // Another date in it ("（2024年6月验收）") may be the one that counts.
      for (size_t i = 0; i + 1 < remark.size() && !takes_back; ++i) {
        takes_back =
            remark[i] >= '0' && remark[i] <= '9' &&
            (remark.substr(i + 1).starts_with("月") || remark.substr(i + 1).starts_with("年"));
      }
      if (!takes_back && try_date(text::trim(s.substr(0, open)), v)) return;
      reset_value(v);
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

// A figure as counted per period: how many times a year it recurs (0: once,
// the year's own figure) and its unit without the period. The period is a
// label before the figure ("每月1次") or a unit after it ("1次/月"); "每年" and
// "/年" are the year's.
struct PerPeriod {
  int times = 0;
  std::string_view unit;
};

// Words of a period and how many times a year it comes: before a count
// ("每月2次", "月均接诉90件", per_period) or in an indicator's name
// ("每月巡查次数", times_a_year_by_name).
constexpr std::pair<std::string_view, int> kEveryPeriod[] = {
    {"每半年", 2}, {"每季度", 4}, {"每季", 4},  {"季均", 4}, {"每个月", 12},
    {"每月", 12},  {"月均", 12},  {"每周", 52}, {"周均", 52}};

PerPeriod per_period(const Value& v) {
  static constexpr std::pair<std::string_view, int> kUnits[] = {
      {"/半年", 2}, {"/季度", 4}, {"/季", 4}, {"/月", 12}, {"/周", 52}, {"/年度", 0}, {"/年", 0}};
  PerPeriod p{0, v.unit};
  if (!v.label.empty()) {
    // "每月2次", "培训每月2次", "每月巡查2次".
    for (const auto& [word, times] : kEveryPeriod) {
      const std::string_view label = v.label;
      if (label.ends_with(word) || label.starts_with(word)) p.times = times;
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

namespace {

// Say a change only against the past (change_direction).
constexpr std::string_view kAbove = "高于";
constexpr std::string_view kBelow = "低于";

// Whether `words` holds a character that begins a verb of change: most labels
// hold none, and are answered without a search for every verb.
bool may_say_change(std::string_view words) {
  static const std::vector<char32_t> firsts = [] {
    std::vector<char32_t> out;
    const auto add = [&](std::string_view verb) {
      size_t i = 0;
      const char32_t first = text::next_code_point(verb, i);
      if (std::find(out.begin(), out.end(), first) == out.end()) out.push_back(first);
    };
    std::for_each(std::begin(kRise), std::end(kRise), add);
    std::for_each(std::begin(kFall), std::end(kFall), add);
    add(kAbove);
    add(kBelow);
    return out;
  }();
  for (size_t i = 0; i < words.size();) {
    const char32_t c = text::next_code_point(words, i);
    if (std::find(firsts.begin(), firsts.end(), c) != firsts.end()) return true;
  }
  return false;
}

}  // namespace

int change_direction(std::string_view words) {
  if (words.size() < 6 || !may_say_change(words)) return 0;  // every verb is 6 bytes
  // Whether `verb` occurs, not negated in its clause ("不降低", "无明显提升"),
  // with what follows it as `fits` wants.
  const auto occurs = [&](std::string_view verb, auto fits) {
    for (size_t at = words.find(verb); at != std::string_view::npos;
         at = words.find(verb, at + verb.size())) {
      if (fits(words.substr(at + verb.size())) && !text::negated_before(words.substr(0, at))) {
        return true;
      }
    }
    return false;
  };
  // Before 至, 到 or 为 a verb says the level reached ("提升至96%"), not a change;
  // a change said to fall short ("提升不明显") says no direction for certain.
  const auto said = [&](std::string_view verb) {
    return occurs(verb, [](std::string_view after) {
      return !after.starts_with("至") && !after.starts_with("到") && !after.starts_with("为") &&
             !text::falls_short_after(after);
    });
  };
  // "高于上年", "低于去年同期": a comparison with the past is a change; with
  // anything else ("高于全省平均") it is not, as the two sides may not compare alike.
  const auto against_past = [&](std::string_view verb) {
    return occurs(verb, [](std::string_view after) {
      return after.starts_with("上年") || after.starts_with("去年") ||
             after.starts_with("上一年") || after.starts_with("同期") || after.starts_with("往年");
    });
  };
  const bool rise = std::any_of(std::begin(kRise), std::end(kRise), said) || against_past(kAbove);
  const bool fall = std::any_of(std::begin(kFall), std::end(kFall), said) || against_past(kBelow);
  return rise == fall ? 0 : rise ? 1 : -1;
}

namespace {

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

// "比上年", "较去年", "同比": a change measured from the past, not what was added.
bool against_the_past(std::string_view label) {
  for (std::string_view past : {"比上年", "较上年", "比去年", "较去年", "同比", "比上一年",
                                "较上一年", "与上年相比", "比上期", "较上期", "环比"}) {
    if (contains(label, past)) return true;
  }
  return false;
}

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
  // count copies of what is printed.
  const std::string_view measure_a = counted_measure(a);
  const std::string_view measure_b = counted_measure(b);
  if (!measure_a.empty() && !measure_b.empty()) return false;
  const auto group = [](std::string_view u) {
    if (u == "人" || u == "名" || u == "位") return 1;
    if (u == "份" || u == "册" || u == "本") return 2;
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

// `bare`'s number read in its unit per `per`, when that is `other`'s unit
// ("1200元" per 人 against "≥1000元/人"); false otherwise.
bool read_per(const Value& bare, std::string_view unit, std::string_view other,
              std::string_view per, double& number) {
  std::string written(unit);
  written += '/';
  written += per;
  const UnitReading reading = read_unit(written);
  if (reading.canonical != other) return false;
  number = bare.number * reading.factor;
  return true;
}

// A figure whose label says per what ("人均195元", "每平方米2950元", "户均1200元")
// against a target in that unit per it ("≤200元/人"), or the other way round:
// the labelled side is read in the unit per it (195元/人). Changes the labelled
// side's number in `t` or `a`; false when neither side is such a figure.
[[gnu::noinline]] bool per_unit_by_label(const Value& target, std::string_view target_unit,
                                         const Value& actual, std::string_view actual_unit,
                                         double& t, double& a) {
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
      if (contains(v.label, period)) return false;
    }
    for (const auto& [word, per] : kPerWords) {
      if (contains(v.label, word)) return read_per(v, unit, other, per, number);
    }
    return false;
  };
  return per_label(actual, actual_unit, target_unit, a) ||
         per_label(target, target_unit, actual_unit, t);
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
             read_per(bare, bare.unit, other.unit, per, number);
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

// A share of the target said done ("完成90%", "完成率90%") against a count or an
// amount ("100户", "≥5公里"): that share of it.
[[gnu::noinline]] bool share_done_of(std::string_view target_unit, const Value& actual,
                                     std::string_view actual_unit) {
  return actual_unit == "%" && !target_unit.empty() && target_unit != "%" &&
         actual.op == Op::none && contains(actual.label, "完成") && actual.number >= 0;
}

}  // namespace

bool is_band(const Value& target, std::string_view name) {
  if (target.op != Op::range) return false;
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

double range_upper(const Value& target, const Value& actual) {
  return target.unit.empty() && target.factor == 1 ? target.upper * actual.factor : target.upper;
}

bool says_a_plan_slow(const Value& actual) {
  const auto starts = [](std::string_view s, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return s.starts_with(w); });
  };
  std::string_view said;
  if (actual.kind == ValueKind::number || actual.kind == ValueKind::date) {
    said = actual.label;  // a date's only from a remark ("2024年11月(计划)")
    // 目标 alone ("目标120人"), not what it names ("目标人群120人").
    if (!starts(said, {"计划", "预计", "预期", "拟", "原定", "将于", "将在"}) && said != "目标" &&
        said != "目标为" && said != "目标值" && said != "目标数") {
      return false;
    }
  } else if (actual.kind == ValueKind::invalid || actual.kind == ValueKind::text) {
    // Words: only those of the future ("预计年底完成"), or of the plan with its
    // figure ("计划2025年3月完成"); "目标达成", "预期效果明显", "计划已完成" say
    // what was done.
    said = actual.text;
    if (!starts(said, {"预计", "拟", "将于", "将在"}) &&
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
  // "计划3个，完成3个": the plan, then what was done.
  for (std::string_view comma : {"，", ","}) {
    const size_t at = said.find(comma);
    if (at != std::string_view::npos &&
        starts(text::trim(said.substr(at + comma.size())), {"完成", "共完成", "累计完成"})) {
      return false;
    }
  }
  return true;
}

bool is_rate_of_money_done(std::string_view name) {
  for (std::string_view rate :
       {"执行率", "支出率", "拨付率", "到位率", "使用率", "兑付率", "发放率", "完成率"}) {
    if (name.ends_with(rate)) return true;
  }
  return false;
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
  const std::string normalized = text::normalize(actual_written);
  const size_t at = normalized.rfind("实际");
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
  const std::string normalized = text::normalize(actual_written);
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
  if (label.size() < kNegation + kWords || !(label.starts_with("不") || label.starts_with("未"))) {
    return false;
  }
  return contains(name, label.substr(kNegation, kWords)) &&
         !contains(name, label.substr(0, kNegation + kWords));
}

bool level_against_change(const Value& target, std::string_view target_written, const Value& actual,
                          std::string_view actual_written) {
  return target.unit == "%" && actual.unit == "%" && actual.label.empty() &&
         !target.label.empty() && change_direction(target.label) != 0 &&
         contains(target_written, "百分点") && !contains(actual_written, "百分点");
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

// How many times a year the period an indicator's name counts in comes
// ("每月巡查次数", "月均接诉量": 12), or 0 when it names none.
[[gnu::noinline, gnu::cold]] int times_a_year_by_name(std::string_view name) {
  for (const auto& [word, times] : kEveryPeriod) {
    if (contains(name, word)) return times;
  }
  return 0;
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
    if (target.op == Op::le || target.op == Op::lt) spent_against_ceiling(target, actual, t, a);
  } else if (a < 0 && !target.label.empty() && change_direction(target.label) == -1) {
    a = -a;  // "-6%" against "较上年下降5%": a change below zero is a fall of its size
  }
  const PerPeriod pt = periods ? per_period(target) : PerPeriod{0, target.unit};
  const PerPeriod pa = periods ? per_period(actual) : PerPeriod{0, actual.unit};
  if (pa.times != pt.times && pt.unit != "%" && pa.unit != "%") {
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
      a *= actual_times;
      t *= target_times == 0 ? 1 : target_times;
    }
  }
  if (same_text(pt.unit, pa.unit) || counts_the_same(pt.unit, pa.unit) ||
      one_of_alternatives(pt.unit, pa.unit) || one_of_alternatives(pa.unit, pt.unit)) {
    return true;
  }
  if (satisfaction_as_percent(target, pt.unit, actual, pa.unit, name)) return true;
  if ((!actual.label.empty() || !target.label.empty()) &&
      per_unit_by_label(target, pt.unit, actual, pa.unit, t, a)) {
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
    if (!months_against_days(target.op, pt.unit, pa.unit, t, a)) return false;
    out.display_factor = 24;  // shown in days: "实际25 ≤ 年度指标值28"
    return true;
  }
  if (percent_vs_fraction) return false;
  if (pa.unit.empty() && actual.factor == 1) a *= target.factor;
  if (pt.unit.empty() && target.factor == 1) t *= actual.factor;
  return true;
}

namespace {

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = year == 0 || (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0));
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// (month, day) with the unwritten parts as the latest possible: month 13 is the
// end of the year, day 32 the end of the month. The last day of a month is its
// end ("12月31日" is "12月底"), and the end of December the end of the year, so
// that "2024年12月" meets "2024年12月31日前" and "2024年" meets "2024年12月31日前".
std::pair<int, int> date_key(const Date& d) {
  int month = d.month >= 1 && d.month <= 12 ? d.month : 13;
  int day = d.day;
  if (month == 13 || day == 0 || day >= days_in_month(d.year, month)) {
    day = 32;
    if (month == 12) month = 13;
  }
  return {month, day};
}

}  // namespace

std::optional<bool> early_or_late(const Value& v) {
  if (v.kind != ValueKind::number || v.op != Op::none || v.number <= 0 ||
      (v.unit != "小时" && v.unit != "工作日" && v.unit != "月")) {
    return std::nullopt;
  }
  if (v.label == "提前") return true;
  for (std::string_view late : {"延迟", "推迟", "延期", "滞后", "逾期", "超期"}) {
    if (v.label == late) return false;
  }
  return std::nullopt;
}

std::optional<Date> unfinished_by(const Value& v) {
  if (v.kind != ValueKind::invalid && v.kind != ValueKind::text) return std::nullopt;
  std::string_view s = v.text;
  if (!drop_prefix(s, {"截至", "截止到", "截止"}) ||
      !drop_suffix(s, {"仍未完成", "尚未完成", "未完成", "未竣工", "未验收"}) || s.empty() ||
      s.size() > 40) {
    return std::nullopt;
  }
  const Value when = parse_value(s);
  if (when.kind == ValueKind::date && when.op == Op::none) return when.date;
  return std::nullopt;
}

std::optional<Date> year_month_of(const Value& v) {
  if (v.kind != ValueKind::number || v.op != Op::none || !v.unit.empty() || v.factor != 1 ||
      v.decimals > 2 || !v.label.empty()) {
    return std::nullopt;
  }
  if (v.decimals == 0) {
    // "20241030": a day written as eight digits, as some systems export it.
    if (v.number < 19900101 || v.number > 21001231) return std::nullopt;
    const auto digits = static_cast<int>(v.number);
    Date d;
    d.year = digits / 10000;
    d.month = digits / 100 % 100;
    d.day = digits % 100;
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return std::nullopt;
    return d;
  }
  const double year = std::floor(v.number);
  const int month = static_cast<int>(std::lround((v.number - year) * (v.decimals == 1 ? 10 : 100)));
  if (year < 1990 || year > 2100 || month < 1 || month > 12) return std::nullopt;
  Date d;
  d.year = static_cast<int>(year);
  d.month = month;
  d.span_from = month;  // some day of that month
  return d;
}

bool deadline_within_span(const Date& done, const Date& deadline) {
  if (done.span_from == 0 || compare_dates(done, deadline) <= 0) return false;
  const std::optional<Date> start = span_start(done);
  return start && compare_dates(*start, deadline) <= 0;
}

std::optional<Date> span_start(const Date& d) {
  if (d.span_from < 1 || d.span_from > 12) return std::nullopt;
  Date start = d;
  start.month = d.span_from;
  start.day = d.span_from_day > 0 ? d.span_from_day : 1;
  start.span_from = 0;
  start.span_from_day = 0;
  return start;
}

int compare_dates(const Date& a, const Date& b) {
  if (a.year != 0 && b.year != 0 && a.year != b.year) return a.year - b.year;
  if (a.year == 0 && b.year == 0 && a.years_after != b.years_after) {
    return a.years_after - b.years_after;
  }
  const auto [am, ad] = date_key(a);
  const auto [bm, bd] = date_key(b);
  if (am != bm) return am - bm;
  return ad - bd;
}

}  // namespace jixiao::core
