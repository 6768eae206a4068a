#include "core/rewrites.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "core/text.h"
#include "core/value_lexer.h"

namespace jixiao::core {
namespace {

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
        // What ends the figure: its unit's last word, before a remark ("5次多(经核实)").
        const std::string_view ends = text::trim(tail.substr(0, tail.find_first_of("(,;")));
        if (!word.multiplier && !(ends.empty() || ends == "月" || ends == "小时")) continue;
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
// figures on either side must start with a digit, the name have none. A label of
// words before it ("室内温度18℃≤T≤26℃", the indicator's name) stays before the range
// ("室内温度18℃-26℃"; before, unreadable). False for anything else.
bool bounds_around_name(std::string_view s, std::string& out) {
  constexpr size_t kLongestName = 24;  // bytes: eight characters
  size_t label = 0;                    // ideographs before the first figure
  for (size_t i = 0; i < s.size() && i <= kLongestName;) {
    const char32_t cp = text::next_code_point(s, i);
    if (cp < 0x4E00 || cp > 0x9FFF) break;
    label = i;
  }
  if (label > kLongestName) return false;
  if (label > 0) {
    if (!bounds_around_name(s.substr(label), out)) return false;
    out.insert(0, s.substr(0, label));
    return true;
  }
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

// "1小时30分钟" as "90分钟", "2天12小时" as "60小时", "1年6个月" (or "1年零6个月")
// as "18个月": a length of time in two parts, whole numbers of a unit and of the
// next smaller one, as one figure in the smaller (exact, where a decimal of the
// larger would be rounded: 1小时20分钟). A year's part must be 个月 ("2024年6月" is
// a date). False when there is none.
bool parts_of_time(std::string_view s, std::string& out) {
  struct Parts {
    std::string_view large;
    std::string_view small;  // what `out` writes
    std::initializer_list<std::string_view> small_written;
    int per_large;
  };
  static const Parts kParts[] = {{"小时", "分钟", {"分钟", "分"}, 60},
                                 {"天", "小时", {"小时", "个小时"}, 24},
                                 {"年", "个月", {"个月"}, 12}};
  constexpr size_t kMostDigits = 4;
  for (const Parts& p : kParts) {
    for (size_t at = s.find(p.large); at != std::string_view::npos; at = s.find(p.large, at + 1)) {
      size_t begin = at;
      while (begin > 0 && is_digit(s[begin - 1])) --begin;
      // Whole numbers only: "1.5小时30分钟" is no one length.
      if (begin == at || at - begin > kMostDigits || (begin > 0 && s[begin - 1] == '.')) {
        continue;
      }
      size_t i = at + p.large.size();
      if (s.substr(i).starts_with("零")) i += std::string_view("零").size();
      const size_t digits_at = i;
      while (i < s.size() && is_digit(s[i])) ++i;
      if (i == digits_at || i - digits_at > kMostDigits || (i < s.size() && s[i] == '.')) continue;
      for (std::string_view small : p.small_written) {
        if (!s.substr(i).starts_with(small)) continue;
        const long large = std::stol(std::string(s.substr(begin, at - begin)));
        const long part = std::stol(std::string(s.substr(digits_at, i - digits_at)));
        if (part >= p.per_large) return false;  // "1小时90分钟" is no such writing
        out.assign(s.substr(0, begin));
        out += std::to_string(large * p.per_large + part);
        out += p.small;
        out += s.substr(i + small.size());
        return true;
      }
    }
  }
  return false;
}

}  // namespace

// A figure's cell tidied for the reader, each rewrite on what the one before
// left: thousands grouped by spaces as one figure (spaced_thousands), an
// interval written as bounds around a name, in brackets or "between"
// two figures as the range "A-B" (bounds_around_name, interval_in_brackets,
// between_two_figures), a figure in parts as one (parts_of_multipliers), "+"
// after a figure as "≥" before it (plus_after_figure), a length of time in two
// parts as one (parts_of_time), less "(含)"
// (without_inclusive), 余/多 after the multiplier or the unit before it
// (more_after_word). Writes the tidied text into `out` and returns true, or
// returns false when there is nothing to tidy.
bool tidy_figure(std::string_view s, std::string& out) {
  std::string text;  // empty, and no allocation, while nothing is tidied
  bool tidied = false;
  for (bool (*rewrite)(std::string_view, std::string&) :
       {spaced_thousands, bounds_around_name, interval_in_brackets, between_two_figures,
        parts_of_multipliers, plus_after_figure, parts_of_time, without_inclusive,
        more_after_word}) {
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

}  // namespace jixiao::core
