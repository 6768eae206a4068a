// Small readers of report wording shared by the table and sentence readers
// of audit/facts.cc: labels (合计, 评价等级), grades, heading markers, the
// words before a figure, money after a keyword. Internal to src/audit.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "audit/facts.h"
#include "audit/numbers.h"

namespace jixiao::audit {

inline bool starts(std::string_view s, std::string_view p) {
  return s.starts_with(p);
}

inline Stated stated(const Number& n, std::string_view quote) {
  return {n.value, n.decimals, std::string(quote)};
}

// A cell that holds one figure and nothing else but its unit ("57.58",
// "95.97%", "10分"); its unit in `unit` when given.
bool cell_number(std::string_view cell, Stated& out, std::string_view quote,
                 std::string* unit = nullptr);

// 合计, 总分, 综合得分… (squashed text).
bool is_total_label(std::string_view squashed);
// 评价等级, 评价档次, 自评结论… (squashed text).
bool is_grade_label(std::string_view squashed);
// 优 良 中 差 from words that state a grade ("优秀" → 优); "" otherwise.
std::string grade_of(std::string_view squashed);
// Whether a name is the budget execution's (预算执行率, 执行率得分).
inline bool is_execution_name(std::string_view s) {
  return has(s, "执行率");
}

// The words right before byte `at` in `text`, back to a clause break or a
// digit, at most `max_chars` characters.
std::string words_before(std::string_view text, size_t at, size_t max_chars);

bool preceded_by_any(std::string_view s, size_t at, std::initializer_list<std::string_view> ws);
bool followed_by_any(std::string_view s, size_t at, std::initializer_list<std::string_view> ws);

// Money (万元) right after a keyword, at most `gap` characters on; 亿元 read as 万元.
bool money_after(std::string_view s, size_t from, Number& n, int gap = 6);

}  // namespace jixiao::audit
