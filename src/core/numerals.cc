#include "core/numerals.h"

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

#include "core/text.h"

namespace jixiao::core {
namespace {

// Cells longer than this are prose, where a numeral is as likely a word.
constexpr size_t kLongestText = 120;  // bytes: 40 Chinese characters

struct Point {
  char32_t cp;
  size_t at;  // byte offset in the text
};

// The digits, with the capitals written in 大写 amounts ("壹佰万元").
int digit_of(char32_t cp) {
  switch (cp) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
    case U'壹':
      return 1;
    case U'二':
    case U'两':
    case U'贰':
    case U'貳':
      return 2;
    case U'三':
    case U'叁':
      return 3;
    case U'四':
    case U'肆':
      return 4;
    case U'五':
    case U'伍':
      return 5;
    case U'六':
    case U'陆':
    case U'陸':
      return 6;
    case U'七':
    case U'柒':
      return 7;
    case U'八':
    case U'捌':
      return 8;
    case U'九':
    case U'玖':
      return 9;
    default:
      return -1;
  }
}

// With the capitals of 大写 amounts (拾, 佰, 仟), as their digits above.
int scale_of(char32_t cp) {
  switch (cp) {
    case U'十':
    case U'拾':
      return 10;
    case U'百':
    case U'佰':
      return 100;
    case U'千':
    case U'仟':
      return 1000;
    default:
      return 0;
  }
}

bool is_numeral(char32_t cp) {
  return digit_of(cp) >= 0 || scale_of(cp) > 0;
}

// The integer numerals [begin, end) write, or -1: digits before their scales in
// falling order ("三千零五", "二十", "十二" with its leading 十), nothing else
// ("十四五", "百", "四五" are not numbers).
int integer_of(const std::vector<Point>& points, size_t begin, size_t end) {
  int total = 0;
  int digit = -1;  // the digit waiting for its scale, -1 none
  int last_scale = 10000;
  for (size_t i = begin; i < end; ++i) {
    const int d = digit_of(points[i].cp);
    if (d >= 0) {
      if (digit > 0) return -1;  // two digits in a row, "四五"
      digit = d;
      continue;
    }
    const int scale = scale_of(points[i].cp);
    const bool leading_ten = scale == 10 && i == begin;
    if (scale >= last_scale || (digit <= 0 && !leading_ten)) return -1;
    total += (digit < 0 ? 1 : digit) * scale;
    last_scale = scale;
    digit = -1;
  }
  return total + std::max(digit, 0);
}

// Characters before a lone 一 that make it part of a word: 统一, 唯一, 第一.
bool ends_word_with_one(char32_t before) {
  for (char32_t cp :
       {U'第', U'统', U'唯', U'同', U'逐', U'专', U'万', U'单', U'划', U'之', U'初'}) {
    if (before == cp) return true;
  }
  return false;
}

// Whether 余 or 多 stands at i, after a figure: "more than" it ("百余人").
bool more_than(const std::vector<Point>& points, size_t i) {
  return i < points.size() && (points[i].cp == U'余' || points[i].cp == U'多');
}

// Words before 百, 千 or 万 alone that make it a figure ("近百人", "上千户",
// "逾万人"), and the operator each means: 上, 过 and 破 become one ("上千户" →
// "≥1000户"); 近, 逾, 超 and 约 stay for the figure reader, which reads them
// ("近100人"); an empty view with no data for any other character. "数百人" (some
// hundreds) names no one figure, nor does 百 in a word ("百姓", "百日攻坚").
std::string_view sign_for_lone_scale(char32_t before) {
  switch (before) {
    case U'上':
      return "≥";
    case U'过':
    case U'破':
      return ">";
    case U'近':
    case U'逾':
    case U'超':
    case U'约':
      return "";
    default:
      return {};
  }
}

bool makes_lone_scale_a_figure(char32_t before) {
  return sign_for_lone_scale(before).data() != nullptr;
}

bool at(const std::vector<Point>& points, size_t i, std::u32string_view word) {
  if (i + word.size() > points.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (points[i + k].cp != word[k]) return false;
  }
  return true;
}

std::vector<Point> code_points(std::string_view text) {
  std::vector<Point> points;
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    points.push_back({text::next_code_point(text, i), start});
  }
  return points;
}

// The whole number numerals [begin, end) write, 万 in them counting ten thousands
// ("一万二千", "两万", "万" alone); -1 when they write none.
int whole_of(const std::vector<Point>& points, size_t begin, size_t end) {
  if (end == begin + 1 && points[begin].cp == U'万') return 10000;
  size_t ten_thousands = begin;
  while (ten_thousands < end && points[ten_thousands].cp != U'万') ++ten_thousands;
  if (ten_thousands == end) return integer_of(points, begin, end);
  const int high = integer_of(points, begin, ten_thousands);
  const int low = integer_of(points, ten_thousands + 1, end);
  return high > 0 && low >= 0 ? high * 10000 + low : -1;
}

}  // namespace

bool has_chinese_numerals(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = text::next_code_point(text, i);
    if (is_numeral(cp) || cp == U'万') return true;
  }
  return false;
}

bool arabic_counts(std::string_view text, std::string_view unit, std::string& out) {
  if (unit.empty() || text.size() > kLongestText || text::has_digit(unit)) return false;
  const std::vector<Point> points = code_points(text);
  const auto byte_at = [&](size_t i) { return i < points.size() ? points[i].at : text.size(); };
  std::string converted;
  size_t copied = 0;  // bytes of `text` in `converted`
  for (size_t i = 1; i < points.size(); ++i) {
    if (!is_numeral(points[i - 1].cp) && points[i - 1].cp != U'万') continue;
    if (!text.substr(points[i].at).starts_with(unit)) continue;
    size_t begin = i;
    while (begin > 0 && (is_numeral(points[begin - 1].cp) || points[begin - 1].cp == U'万')) {
      --begin;
    }
    const char32_t before = begin > 0 ? points[begin - 1].cp : 0;
    // "48万元": 万 after Arabic digits is their multiplier, which the figure reader
    // reads; 万 with no numeral before it ("万人次") is no one count.
    if ((before >= U'0' && before <= U'9') || before == U'.' || points[begin].cp == U'万') {
      continue;
    }
    const int whole = whole_of(points, begin, i);
    if (whole < 0) continue;
    const bool lone_one = i == begin + 1 && points[begin].cp == U'一';
    size_t after_unit = i;
    while (after_unit < points.size() && points[after_unit].at < points[i].at + unit.size()) {
      ++after_unit;
    }
    const char32_t next = after_unit < points.size() ? points[after_unit].cp : 0;
    // "第二期" names one of many, "数十人" no one figure, "统一" and "一次性" are words,
    // and "一个不少", "一户不落" say none was left out.
    if (before == U'第' ||
        ((before == U'数' || before == U'几') && scale_of(points[begin].cp) == 10) ||
        (lone_one && ends_word_with_one(before)) || next == U'性' ||
        (lone_one && (next == U'不' || next == U'都' || next == U'也' || next == U'没'))) {
      continue;
    }
    converted.append(text.substr(copied, points[begin].at - copied));
    converted += std::to_string(whole);
    copied = byte_at(i);
  }
  if (copied == 0) return false;
  converted.append(text.substr(copied));
  out = std::move(converted);
  return true;
}

bool fraction_in_words(std::string_view text, std::string& out) {
  if (text.size() > kLongestText || text.find("分之") == std::string_view::npos) return false;
  const std::vector<Point> points = code_points(text);
  for (size_t k = 1; k + 2 < points.size(); ++k) {
    if (!at(points, k, U"分之")) continue;
    size_t begin = k;
    while (begin > 0 && is_numeral(points[begin - 1].cp)) --begin;
    size_t end = k + 2;
    while (end < points.size() && is_numeral(points[end].cp)) ++end;
    if (begin == k || end == k + 2) return false;
    // "百分之九十": a percentage, arabic_numerals's.
    if (k == begin + 1 && scale_of(points[begin].cp) == 100) return false;
    const int whole = whole_of(points, begin, k);
    const int part = whole_of(points, k + 2, end);
    if (whole <= 0 || part < 0) return false;
    const size_t after = end < points.size() ? points[end].at : text.size();
    out.assign(text.substr(0, points[begin].at));
    out += std::to_string(part) + "/" + std::to_string(whole);
    out.append(text.substr(after));
    return true;
  }
  return false;
}

bool arabic_numerals(std::string_view text, std::string& out) {
  if (text.size() > kLongestText) return false;
  // Most words ("优", "达成预期指标") hold no numeral: they are passed over first.
  bool any = false;
  for (size_t i = 0; i < text.size() && !any;) {
    const char32_t cp = text::next_code_point(text, i);
    any = is_numeral(cp) || cp == U'万';
  }
  if (!any) return false;
  const std::vector<Point> points = code_points(text);
  // The one run of numerals, its decimals after 点 ("九十五点五"), and whether
  // 百分之 stands before it.
  size_t begin = points.size();
  size_t end = points.size();    // the integer's end
  size_t after = points.size();  // the decimals' end
  bool percent = false;
  for (size_t i = 0; i < points.size();) {
    const bool per_hundred = at(points, i, U"百分之");
    const size_t run = per_hundred ? i + 3 : i;
    // "万余人": more than ten thousand, with no numeral before 万 (after one, as
    // in "两万余人", 万 is the multiplier of that number).
    if (begin == points.size() && run < points.size() && points[run].cp == U'万' &&
        (more_than(points, run + 1) ||
         (!per_hundred && run > 0 && makes_lone_scale_a_figure(points[run - 1].cp)))) {
      begin = run;
      end = after = i = run + 1;
      continue;
    }
    if (run >= points.size() || !is_numeral(points[run].cp)) {
      ++i;
      continue;
    }
    // "九成五": one digit right after 成 is the tenths' hundredths (read below).
    if (begin != points.size() && !percent && run == after + 1 && points[after].cp == U'成' &&
        digit_of(points[run].cp) > 0 &&
        (run + 1 == points.size() || !is_numeral(points[run + 1].cp))) {
      i = run + 1;
      continue;
    }
    if (begin != points.size()) return false;  // a second number: "一事一议", "三分之一"
    begin = run;
    percent = per_hundred;
    // 万 inside the run ("一万二千") counts ten thousands; after it, the unit's
    // multiplier ("四百八十万元").
    for (end = run;
         end < points.size() && (is_numeral(points[end].cp) ||
                                 (points[end].cp == U'万' && end > run && end + 1 < points.size() &&
                                  digit_of(points[end + 1].cp) >= 0));) {
      ++end;
    }
    after = end;
    if (after + 1 < points.size() && points[after].cp == U'点' &&
        digit_of(points[after + 1].cp) >= 0) {
      for (++after; after < points.size() && digit_of(points[after].cp) >= 0;) ++after;
    }
    i = after;
  }
  if (begin == points.size()) return false;
  const size_t head = percent ? begin - 3 : begin;
  const char32_t before = head > 0 ? points[head - 1].cp : 0;
  // "百余人", "千多家": more than a hundred, a thousand; "近百人", "上千户", "逾万人":
  // near, at least, over it.
  const bool lone_scale =
      end == begin + 1 && (scale_of(points[begin].cp) > 10 || points[begin].cp == U'万');
  const bool qualified = lone_scale && !percent && makes_lone_scale_a_figure(before);
  int whole = lone_scale && (more_than(points, end) || qualified)
                  ? (points[begin].cp == U'万' ? 10000 : scale_of(points[begin].cp))
                  : whole_of(points, begin, end);
  if (percent && whole < 0 && end == begin + 1 && points[begin].cp == U'百') whole = 100;
  if (whole < 0) return false;
  std::string digits = std::to_string(whole);
  if (after != end) {
    digits += '.';
    for (size_t i = end + 1; i < after; ++i) {
      digits += static_cast<char>('0' + digit_of(points[i].cp));
    }
  }
  const auto byte_at = [&](size_t i) { return i < points.size() ? points[i].at : text.size(); };
  std::string_view rest = text.substr(byte_at(after));
  // "数十人", "几十家", "好几十次": some tens, no one figure.
  if ((before == U'数' || before == U'几') && scale_of(points[begin].cp) == 10) return false;
  // An ordinal names one of many ("第一批"), except a place in a ranking ("第一名").
  const bool ranked = before == U'第' && (rest.starts_with("名") || rest.starts_with("位"));
  if (!ranked && (end == begin + 1 && points[begin].cp == U'一' ? ends_word_with_one(before)
                                                                : before == U'第')) {
    return false;
  }
  if (!percent) {
    // "九成", "九成以上": tenths; "九成五": and a hundredth's five (95%); "一成不变"
    // is a word.
    if (rest.starts_with("成")) {
      std::string_view tail = rest.substr(std::string_view("成").size());
      int hundredths = 0;
      static constexpr std::string_view kDigits[] = {"一", "二", "三", "四", "五",
                                                     "六", "七", "八", "九"};
      for (int d = 0; d < 9; ++d) {
        if (tail.starts_with(kDigits[d])) {
          hundredths = d + 1;
          tail.remove_prefix(kDigits[d].size());
          break;
        }
      }
      if (!(tail.empty() || tail.starts_with("以上") || tail.starts_with("以下") ||
            tail.starts_with("左右"))) {
        return false;
      }
      digits = std::to_string(whole * 10 + hundredths);
      if (after != end) return false;  // "九点五成" is not written
      percent = true;
      rest = tail;
    } else if (rest.empty() || (after + 1 < points.size() && points[after + 1].cp == U'性')) {
      return false;  // a count needs its counting word; "一次性" is a word
    }
  }
  // "壹佰万元整": 整 closes a 大写 amount.
  if (rest.ends_with("元整")) rest.remove_suffix(std::string_view("整").size());
  const std::string_view sign = qualified ? sign_for_lone_scale(before) : std::string_view();
  out.assign(text.substr(0, byte_at(sign.empty() ? head : head - 1)));
  out += sign;
  out += digits;
  if (percent) out += '%';
  out += rest;
  return true;
}

}  // namespace jixiao::core
