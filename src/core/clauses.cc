#include "core/clauses.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <vector>

#include "core/substring.h"
#include "core/text.h"
#include "core/units.h"

namespace jixiao::core {
namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}

// The clauses of a cell: split at Chinese commas and stops, and at a "," that
// does not stand between digits ("1,234" is one figure).
std::vector<std::string_view> clauses_of(std::string_view s) {
  std::vector<std::string_view> out;
  size_t begin = 0;
  for (size_t i = 0; i < s.size();) {
    size_t width = 0;
    for (std::string_view mark : {"，", "；", "、", "。", ";"}) {
      if (s.substr(i, mark.size()) == mark) width = mark.size();
    }
    if (s[i] == ',' && !(i > 0 && digit(s[i - 1]) && i + 1 < s.size() && digit(s[i + 1]))) {
      width = 1;
    }
    if (width == 0) {
      ++i;
      continue;
    }
    out.push_back(s.substr(begin, i - begin));
    i += width;
    begin = i;
  }
  out.push_back(s.substr(begin));
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

}  // namespace

bool figure_for_target(const Value& target, std::string_view written, std::string_view name,
                       Value& out) {
  if (target.kind != ValueKind::number || (target.unit.empty() && target.factor == 1) ||
      !text::has_digit(written) || written.size() > 400) {
    return false;
  }
  int found = 0;
  double first = 0;  // the first figure found, in the target's canonical unit
  std::string unbracketed;
  for (std::string_view clause : clauses_of(written)) {
    clause = text::trim(clause);
    // "满意（含基本满意）率96%": a remark in brackets inside the clause says nothing
    // of the figure.
    if (const size_t open = clause.find('('); open != std::string_view::npos && open > 0) {
      const size_t close = clause.find(')', open);
      if (close != std::string_view::npos && close + 1 < clause.size() &&
          !text::has_digit(clause.substr(open, close - open))) {
        unbracketed.assign(clause.substr(0, open));
        unbracketed += clause.substr(close + 1);
        clause = unbracketed;
      }
    }
    if (std::any_of(std::begin(kPlanWords), std::end(kPlanWords),
                    [&](auto w) { return clause.starts_with(w); })) {
      continue;
    }
    const Value v = parse_value(clause);
    if (v.kind != ValueKind::number || (v.unit.empty() && v.factor == 1)) {
      // Words that could say the figure fell short ("3项，未完成") leave it to the evaluator.
      if (!text::only_remarks(clause)) return false;
      continue;
    }
    if (found > 0 && part_of_figure_before(clause, v)) continue;
    Compared c;
    if (!comparable_numbers(target, v, c, name)) continue;  // another measure ("150人次")
    // Two clauses may say one thing twice: "支出480万元，节约20万元" against "≤500万元".
    if (found > 0 && std::fabs(c.a - first) > 1e-9 * std::max(1.0, std::fabs(first))) {
      return false;
    }
    if (found++ == 0) {
      first = c.a;
      out = v;
    }
  }
  return found > 0;
}

}  // namespace jixiao::core
