#include "audit/numbers.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/text.h"

namespace jixiao::audit {
namespace {

// Units as written after a figure, longest first.
constexpr std::string_view kUnits[] = {"万元", "亿元", "元", "%",  "％", "分",   "家",  "篇", "个",
                                       "条",   "次",   "人", "项", "件", "期",   "场",  "份", "户",
                                       "天",   "小时", "年", "月", "日", "万人", "人次"};

bool digit_at(std::string_view s, size_t i, int& d, size_t& len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c >= '0' && c <= '9') {
    d = c - '0';
    len = 1;
    return true;
  }
  // Full-width digits: EF BC 90..99.
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
    const auto c2 = static_cast<unsigned char>(s[i + 2]);
    if (c2 >= 0x90 && c2 <= 0x99) {
      d = c2 - 0x90;
      len = 3;
      return true;
    }
  }
  return false;
}

bool is_break(char32_t cp) {
  return cp == U'，' || cp == U'。' || cp == U'；' || cp == U'：' || cp == U',' || cp == U';' ||
         cp == U':' || cp == U'、' || cp == U'\n';
}

}  // namespace

std::vector<Number> numbers_in(std::string_view s) {
  std::vector<Number> out;
  size_t i = 0;
  while (i < s.size()) {
    int d = 0;
    size_t len = 0;
    if (!digit_at(s, i, d, len)) {
      ++i;
      continue;
    }
    // An ASCII letter right before makes it part of a code ("S1", "A3").
    const bool in_code = i > 0 && std::isalpha(static_cast<unsigned char>(s[i - 1])) != 0;
    Number n;
    n.begin = i;
    std::string ascii;  // the numeral in ASCII, for strtod
    int decimals = 0;
    bool after_dot = false;
    while (i < s.size()) {
      if (digit_at(s, i, d, len)) {
        ascii += static_cast<char>('0' + d);
        if (after_dot) ++decimals;
        i += len;
        continue;
      }
      // A thousands separator between digits; a decimal point before a digit.
      int d2 = 0;
      size_t len2 = 0;
      if (!after_dot && s[i] == ',' && i + 3 < s.size() && digit_at(s, i + 1, d2, len2)) {
        ++i;
        continue;
      }
      if (!after_dot && s[i] == '.' && i + 1 < s.size() && digit_at(s, i + 1, d2, len2)) {
        after_dot = true;
        ascii += '.';
        ++i;
        continue;
      }
      break;
    }
    if (ascii.size() > 40) ascii.resize(40);  // absurdly long digit runs: a prefix will do
    const double value = std::strtod(ascii.c_str(), nullptr);
    n.value = value;
    n.decimals = decimals;
    n.end = i;
    // The unit, after at most one space ("93.2 分").
    size_t u_at = i;
    if (u_at < s.size() && s[u_at] == ' ') ++u_at;
    for (std::string_view u : kUnits) {
      if (s.substr(u_at).starts_with(u)) {
        n.unit = u == "％" ? "%" : std::string(u);
        n.end = u_at + u.size();
        break;
      }
    }
    if (!in_code) out.push_back(std::move(n));
  }
  return out;
}

bool number_after(std::string_view text, size_t from, std::string_view unit, int max_gap,
                  Number& out) {
  size_t i = from;
  int gap = 0;
  while (i < text.size()) {
    int d = 0;
    size_t len = 0;
    if (digit_at(text, i, d, len)) break;
    if (++gap > max_gap) return false;
    const char32_t cp = core::text::next_code_point(text, i);
    if (is_break(cp)) return false;
  }
  if (i >= text.size()) return false;
  // Read the number starting here.
  const std::vector<Number> nums = numbers_in(text.substr(i, 64));
  if (nums.empty() || nums.front().begin != 0) return false;
  Number n = nums.front();
  if (!unit.empty() && n.unit != unit) return false;
  n.begin += i;
  n.end += i;
  out = n;
  return true;
}

std::vector<std::string_view> sentences(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  size_t i = 0;
  while (i < text.size()) {
    const char32_t cp = core::text::next_code_point(text, i);
    if (cp == U'。' || cp == U'；' || cp == U'！' || cp == U'？' || cp == U'\n' || cp == U';') {
      std::string_view piece = core::text::trim(text.substr(start, i - start));
      if (!piece.empty() && piece != "\n") out.push_back(piece);
      start = i;
    }
  }
  std::string_view piece = core::text::trim(text.substr(start));
  if (!piece.empty()) out.push_back(piece);
  return out;
}

std::string show(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals < 0 ? 0 : (decimals > 6 ? 6 : decimals), value);
  return buf;
}

}  // namespace jixiao::audit
