#include "audit/wording.h"

#include <algorithm>
#include <vector>

#include "core/text.h"
#include "office/table_layout.h"

namespace jixiao::audit {

// A cell that holds one figure and nothing else but its unit ("57.58",
// "95.97%", "10分").
bool cell_number(std::string_view cell, Stated& out, std::string_view quote, std::string* unit) {
  const std::string s = office::squash(cell);
  if (s.empty()) return false;
  const std::vector<Number> nums = numbers_in(s);
  if (nums.size() != 1 || nums[0].begin != 0) return false;
  if (nums[0].end != s.size()) return false;
  out = stated(nums[0], quote);
  if (unit) *unit = nums[0].unit;
  return true;
}

bool is_total_label(std::string_view squashed) {
  for (std::string_view w : {"综合得分", "合计", "总计", "总分", "得分合计", "总得分", "自评总分",
                             "评价总分", "综合评分", "小计"}) {
    if (squashed == w) return true;
  }
  return false;
}

bool is_grade_label(std::string_view squashed) {
  for (std::string_view w : {"评价档次", "评价等级", "等级", "绩效等级", "评价结论", "自评结论",
                             "绩效评价等级", "自评等级", "评定等级", "绩效评定等级", "档次"}) {
    if (squashed == w) return true;
  }
  return false;
}

// 优 良 中 差 from words that state a grade ("优秀" → 优); "" otherwise.
std::string grade_of(std::string_view squashed) {
  std::string_view s = squashed;
  for (std::string_view q : {"“", "\"", "「", "『"}) {
    if (starts(s, q)) s.remove_prefix(q.size());
  }
  if (starts(s, "优")) return "优";
  if (starts(s, "良")) return "良";
  if (starts(s, "中")) return "中";
  if (starts(s, "差") || starts(s, "不合格")) return "差";
  return "";
}

// The words right before byte `at` in `text`, back to a clause break or a
// digit, at most `max_chars` characters.
std::string words_before(std::string_view text, size_t at, size_t max_chars) {
  std::vector<size_t> starts_at;
  size_t i = 0;
  while (i < at) {
    starts_at.push_back(i);
    core::text::next_code_point(text, i);
  }
  size_t begin = at;
  size_t count = 0;
  for (size_t k = starts_at.size(); k-- > 0 && count < max_chars;) {
    size_t j = starts_at[k];
    const char32_t cp = core::text::next_code_point(text, j);
    if ((cp >= '0' && cp <= '9') || cp == U'，' || cp == U'。' || cp == U'；' || cp == U'：' ||
        cp == U'、' || cp == ',' || cp == ';' || cp == ':' || cp == '|' || cp == ' ' ||
        cp == U'（' || cp == U'）' || cp == '(' || cp == ')' || cp == '.' || cp == U'．') {
      break;
    }
    begin = starts_at[k];
    ++count;
  }
  return std::string(text.substr(begin, at - begin));
}

bool preceded_by_any(std::string_view s, size_t at, std::initializer_list<std::string_view> ws) {
  for (std::string_view w : ws) {
    if (at >= w.size() && s.substr(at - w.size(), w.size()) == w) return true;
  }
  return false;
}

bool followed_by_any(std::string_view s, size_t at, std::initializer_list<std::string_view> ws) {
  for (std::string_view w : ws) {
    if (s.substr(at).starts_with(w)) return true;
  }
  return false;
}

// Money after a keyword; 亿元 as 万元.
bool money_after(std::string_view s, size_t from, Number& n, int gap) {
  if (number_after(s, from, "万元", gap, n)) return true;
  if (number_after(s, from, "亿元", gap, n)) {
    n.value *= 10000;
    n.decimals = std::max(0, n.decimals - 4);
    return true;
  }
  return false;
}

}  // namespace jixiao::audit
