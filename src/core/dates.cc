#include "core/dates.h"

#include <cmath>
#include <string>
#include <utility>

#include "core/substring.h"
#include "core/text.h"
#include "core/value.h"
#include "core/value_lexer.h"

namespace jixiao::core {
namespace {

// Words after a date that say the work was done by then: "2024年5月已完成",
// "2024年11月完成验收", "2024年10月竣工" (not that it began: "2024年3月开工"
// stays unread).
// Also said whole or smoothly ("2024年11月已全部完成", "顺利完成"), as passed
// ("2024年11月28日通过验收", "验收合格", "发放完毕") and as two deeds joined
// ("完工并投入使用", "建成投用"); before, those dates were unreadable.
void eat_deed_done(Cursor& c) {
  for (std::string_view w : text::kAlready) {
    if (c.eat(w)) break;
  }
  for (std::string_view w : {"全部", "全面", "顺利", "如期", "按期", "按时"}) {
    if (c.eat(w)) break;
  }
  for (int deed = 0; deed < 2; ++deed) {
    const size_t start = c.i;
    if (deed == 1 && !c.eat("并")) c.eat("、");
    const size_t words = c.i;
    // "2024年12月正式运行", "开始投入使用": put to use, so done (before, unreadable).
    // Not what begins otherwise ("开始实施", "开始发放"): 开始 only before a use.
    if (text::begins_use(c.rest())) {
      c.eat("开始");
      c.eat("使用");
    } else if (!c.eat("正式")) {
      for (std::string_view w : {"完成", "完工", "实施"}) c.eat(w);
    }
    for (std::string_view w :
         {"通过竣工验收", "竣工验收", "通过验收", "验收",     "竣工", "建成", "办结", "交付使用",
          "交付",         "投入使用", "投入运行", "投入运营", "投用", "投运", "启用", "运行",
          "运营",         "拨付到位", "发放到位", "拨付",     "发放", "到位", "上线"}) {
      if (c.eat(w)) break;
    }
    if (c.i == words) {  // no deed: a joiner alone ("完成并") is not passed over
      c.i = start;
      break;
    }
    for (std::string_view w : {"完毕", "合格"}) {
      if (c.eat(w)) break;
    }
  }
}

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

bool read_date(std::string_view s, Value& v) {
  Cursor c{s};
  // "不晚于2024年10月", "≤2024年10月", "不超过2024年10月": by then, as
  // "2024年10月前". After a sign only with a year: "≤10月" may be a length of
  // time, "≤10个月".
  bool by_then = c.eat("不晚于") || c.eat("不迟于");
  bool by_sign = false;
  if (std::string_view rest = c.rest(); !by_then && text::drop_inclusive_bound(rest) < 0) {
    c.i = s.size() - rest.size();
    by_sign = true;
  }
  by_then = by_then || by_sign;
  // "约2024年11月", "大约11月底": about a date is the date, as about a figure is
  // the figure (before, unreadable).
  if (!c.eat("大约")) c.eat("约");
  for (std::string_view w :
       {"延期至", "推迟至", "延迟至", "延后至", "延至", "截至", "截止", "已于", "已在", "于", "在"})
    c.eat(w);
  Date d;
  bool any = false;
  bool year_by_mark = false;
  const size_t year_start = c.i;
  // "2024.12前", "已于2024.5完成", "延期至2025.3": a year and a month with a dot
  // between them, when words before or after them say it is a date (alone,
  // "2024.12" is left a figure, and "2000.5以内" bounds one).
  const auto dotted_month_follows = [&] {
    const std::string_view from_year = s.substr(year_start);
    const size_t length = dotted_year_month_length(from_year);
    if (length == 0) return false;
    const std::string_view after = from_year.substr(length);
    if (after.empty()) return year_start > 0 && !by_sign;
    return static_cast<unsigned char>(after[0]) >= 0x80 && !after.starts_with("以内") &&
           !after.starts_with("内");
  };
  if (c.rest().size() >= 5 && is_digit(s[c.i]) && is_digit(s[c.i + 1]) && is_digit(s[c.i + 2]) &&
      is_digit(s[c.i + 3])) {
    const int year = (s[c.i] - '0') * 1000 + (s[c.i + 1] - '0') * 100 + (s[c.i + 2] - '0') * 10 +
                     (s[c.i + 3] - '0');
    c.i += 4;
    // "2024Q4": a quarter in letters right after the year (read below).
    const bool quarter_follows = c.rest().size() >= 2 &&
                                 (c.rest()[0] == 'Q' || c.rest()[0] == 'q') && c.rest()[1] >= '1' &&
                                 c.rest()[1] <= '4';
    if (quarter_follows) {
      d.year = year;
      any = true;
    } else if (c.eat("年") || c.eat("-") || c.eat("/") || (dotted_month_follows() && c.eat("."))) {
      d.year = year;
      any = true;
      // "2024-12", "2024/12", "2024.12": the figure after the mark is a month.
      year_by_mark = !s.substr(0, c.i).ends_with("年");
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
  // "2024年Q2", "2024Q2": a quarter in letters, after a year (before, the figure 2
  // after the label "2024年Q"), or first in the cell ("Q4前", "Q3": of the year
  // evaluated; before, the figure 4).
  const bool quarter_in_letters =
      d.month == 0 && (d.year != 0 || c.i == year_start) && (c.eat("Q") || c.eat("q"));
  if (d.month == 0) {
    if (read_small_number(c, n)) {
      if (quarter_in_letters && (n < 1 || n > 4)) return false;  // "2024年Q5" is no month
      if ((quarter_in_letters || c.eat("季度")) && n >= 1 && n <= 4) {
        d.month = n * 3;
        d.span_from = d.month - 2;
        any = true;
      } else if ((c.eat("月") || year_by_mark ||
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
bool read_date_span(std::string_view s, Value& v) {
  for (std::string_view sep : {"至", "到", "~", "～", "—", "-"}) {
    const size_t at = s.find(sep);
    if (at == std::string_view::npos || at == 0) continue;
    std::string_view first = s.substr(0, at);
    const std::string_view second = s.substr(at + sep.size());
    // "2024年9", "2024.9", "2024-09": a year and a month before the second date.
    Value from;
    const bool year_month = is_digit(first.back()) &&
                            (read_date(first, from) || read_dotted_month(first, from)) &&
                            from.date.year != 0 && from.date.month != 0 && from.date.day == 0;
    thread_local std::string with_month;
    if (year_month && second.ends_with("月")) {
      // "2024年9-12月", "2024.9-12月", "2024-09至12月": the first month's 月 left out.
      with_month.assign(first);
      with_month += "月";
      first = with_month;
    }
    bool dated = year_month;
    for (std::string_view end : {"年", "月", "日", "号", "旬", "季度", "底", "末", "初"}) {
      dated = dated || first.ends_with(end);
    }
    if (!dated) continue;
    Value to;
    if (!(read_date(first, from) || read_dotted_month(first, from)) ||
        !(read_date(second, to) || read_dotted_month(second, to))) {
      return false;
    }
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
// reader reads "2024-6-28", also after the words it reads before a date
// ("于2024.11.8完成", "截至2024.6.30"; before, unreadable where "于2024年11月8日完成"
// was read). A figure has one dot at most, so two cannot be a number; "2024.6"
// alone is left a number.
bool read_dotted_date(std::string_view s, Value& v) {
  const auto digits = [&](size_t at) {
    size_t n = 0;
    while (at + n < s.size() && is_digit(s[at + n])) ++n;
    return n;
  };
  // Those words are a few characters ("不晚于", "≤截至"); read_date says which.
  const size_t year = s.find_first_of("0123456789");
  if (year == std::string_view::npos || year > 12) return false;
  if (digits(year) != 4 || s.size() < year + 8 || s[year + 4] != '.') return false;
  const size_t month = digits(year + 5);
  if (month < 1 || month > 2 || year + 5 + month >= s.size() || s[year + 5 + month] != '.') {
    return false;
  }
  const size_t day_at = year + 6 + month;
  const size_t day = digits(day_at);
  if (day < 1 || day > 2 || (day_at + day < s.size() && s[day_at + day] == '.')) return false;
  thread_local std::string dashed;
  dashed.assign(s);
  dashed[year + 4] = '-';
  dashed[year + 5 + month] = '-';
  return read_date(dashed, v);
}

size_t dotted_year_month_length(std::string_view s) {
  if (s.size() < 6 || s[4] != '.' || !is_digit(s[5])) return 0;
  int year = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (!is_digit(s[i])) return 0;
    year = year * 10 + (s[i] - '0');
  }
  const size_t length = s.size() > 6 && is_digit(s[6]) ? 7 : 6;
  const int month = length == 7 ? (s[5] - '0') * 10 + (s[6] - '0') : s[5] - '0';
  if (!is_calendar_year(year) || month < 1 || month > 12) return 0;
  if (s.size() > length && (is_digit(s[length]) || s[length] == '.')) return 0;
  return length;
}

bool read_dotted_month(std::string_view s, Value& v) {
  if (dotted_year_month_length(s) != s.size()) return false;
  thread_local std::string dashed;
  dashed.assign(s);
  dashed[4] = '-';
  return read_date(dashed, v);
}

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
  return year_month_of(when);  // "截至2024.12未完成"
}

std::optional<Date> year_month_of(const Value& v) {
  if (v.kind != ValueKind::number || v.op != Op::none || !v.unit.empty() || v.factor != 1 ||
      v.decimals > 2 || !v.label.empty()) {
    return std::nullopt;
  }
  if (v.decimals == 0) {
    // "20241030": a day written as eight digits, as some systems export it.
    if (!is_calendar_year(std::floor(v.number / 10000))) return std::nullopt;
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
  if (!is_calendar_year(year) || month < 1 || month > 12) return std::nullopt;
  Date d;
  d.year = static_cast<int>(year);
  d.month = month;
  d.span_from = month;  // some day of that month
  return d;
}

std::optional<Date> date_named(const Value& v) {
  return v.kind == ValueKind::date ? std::optional<Date>(v.date) : year_month_of(v);
}

const Value& target_as_month(const Value& target, const Value& actual, std::string_view name,
                             Value& as_month) {
  if (target.kind != ValueKind::number || target.decimals == 0 ||
      (target.op != Op::none && target.op != Op::le)) {
    return target;
  }
  as_month = target;
  as_month.op = Op::none;
  const std::optional<Date> month = year_month_of(as_month);
  if (!month ||
      (actual.kind != ValueKind::date && !(text::names_a_time(name) && year_month_of(actual)))) {
    return target;
  }
  as_month.kind = ValueKind::date;
  as_month.op = target.op;
  as_month.number = 0;
  as_month.date = *month;
  if (target.op == Op::le) as_month.date.span_from = 1;  // "≤2024.10": some day up to then
  return as_month;
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
