// A target (年度指标值) or an actual (实际完成值) as it is written in a table,
// read into operator, number and unit, a date, or words.
//
// Reading is independent of any rule set: it only says what was written.
// Whether words are a qualitative tier, a grade or yes/no, and which direction
// a bare number has, is decided when scoring (engine.h, words.h), because those
// vocabularies belong to the rule set. How two figures compare is compare.h's,
// how two dates compare dates.h's.
//
// The reading runs as a pipeline, a file for each stage: the shortcuts for the
// commonest cells and the order of the stages (value.cc), dates (dates.cc),
// rare written forms rewritten into common ones (rewrites.cc, numerals.cc),
// the general reader of a figure (figure_reader.cc) over the shared lexer
// (value_lexer.cc), and the readers of two figures in one cell (value.cc).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.h"
#include "core/text.h"

namespace jixiao::core {

enum class Op : uint8_t { none, ge, gt, eq, le, lt, range };

// "≥", "≤", … for display; "" for none.
std::string_view op_symbol(Op op);

enum class ValueKind : uint8_t {
  empty,           // nothing written
  not_applicable,  // "/", "-", "—", "不适用", "N/A"
  number,          // operator + number + unit: "≥100家", "24小时内", "1,234.5", "100-200家"
  date,            // a calendar point or deadline: "2021年12月前", "9月前", "第三季度"
  text,            // words: "优", "达成预期指标", "是", or a description
  invalid,         // starts like a figure but cannot be read: "100:%", "365天*18小时"
};

struct Value {
  ValueKind kind = ValueKind::empty;
  Op op = Op::none;        // for numbers and dates (le: "…前", "…内")
  double number = 0;       // in `unit`, after multipliers and conversion (万元 → 元)
  double factor = 1;       // what the written unit was multiplied by (万元 → 元: 1e4)
  double upper = 0;        // the upper bound of a range
  std::string unit;        // canonical unit, "" when none was written
  bool unit_known = true;  // false for a unit that converts to nothing else ("家")
  // A number read past words after a comma ("≥100人次，覆盖全县"), which a
  // target may ask for besides its figure (clauses.h: words_besides_figure).
  bool words_after = false;
  // A figure or a date written after the target's column's name ("目标值：120人",
  // "年度指标值：95%≤x≤100%"; text::without_field_label), which is left out of
  // the reading: in an actual's cell it is a plan's (says_a_plan).
  bool after_target_column = false;
  // Words after a count said all of it was done ("120户均已完成", "10个村全覆盖",
  // "5个项目全部完工"): against a share, 100% (actual_for_target).
  bool all_done = false;
  // The figure was said to be approached ("接近100%", "近95%", "将近500人",
  // "基本达到95%"): op lt, since an actual so written fell a little short of
  // it; a target so written aims at the figure (as_target).
  bool near = false;
  int decimals = 0;   // digits after the decimal point, as printed
  std::string label;  // words before the figure: "周报" in "周报不少于52篇"
  Date date;
  std::string text;  // normalized words, for kind text
};

// Reads `written`. Never fails: what cannot be read is kind invalid or text.
Value parse_value(std::string_view written);

// `v`, as parse_value read it, as a target (年度指标值) means it: a figure said
// to be approached ("接近100%", "近95%") is the figure aimed at, op none, whose
// direction is the indicator's (infer_scoring_kind), not a ceiling that 90%
// meets. Targets and actuals share one reader, and only the caller knows
// which it reads: every reader of a target reads it with parse_target,
// parse_target_into or ValueReader::read_target, which call this. Words with
// the figure or date they mean in a bracket or after a comma ("全覆盖（100%）",
// "按标准发放（每人每月300元）", "符合要求，≥95%") are that figure
// (words_with_their_figure).
void words_with_their_figure(Value& v);
inline void as_target(Value& v) {
  if (v.near && v.op == Op::lt) v.op = Op::none;
  if (v.kind == ValueKind::text) [[unlikely]] {
    words_with_their_figure(v);
  }
}

// out = Value{}, keeping the storage of its strings (assigning Value{}
// would free it, and the next reading allocate it again).
void reset_value(Value& out);

// out = the figure `percent`%, printed with two decimals: a share computed from
// other figures (a department figure, a share of counts), as a table shows it.
// Keeps the storage of out's strings, as reset_value does.
void set_percent(double percent, Value& out);

// Like parse_value, reusing `out`'s storage (no allocation once warm).
void parse_value_into(std::string_view written, Value& out);

// parse_value and parse_value_into for a target (as_target).
inline Value parse_target(std::string_view written) {
  Value v = parse_value(written);
  as_target(v);
  return v;
}
inline void parse_target_into(std::string_view written, Value& out) {
  parse_value_into(written, out);
  as_target(out);
}

// parse_value_into with a memory of recent readings. Tables repeat the same
// targets and actuals ("≥90%", "优", "100%") thousands of times; a reader of
// many evaluations reads each distinct short text once. Same results as
// parse_value_into. Not thread-safe: one per reader.
class ValueReader {
 public:
  ValueReader();
  void read(std::string_view written, Value& out);
  // read for a target (as_target).
  void read_target(std::string_view written, Value& out) {
    read(written, out);
    as_target(out);
  }

 private:
  struct Entry {
    std::string written;
    Value value;
    bool hit = false;  // read again since it was remembered
  };
  std::vector<uint64_t> hashes_;  // direct-mapped by hash; 0: empty (kept apart: probed first)
  std::vector<Entry> entries_;
  size_t misses_ = 0;  // since the table last grew
};

// The largest magnitude a number field of an evaluation (a weight, a score,
// an amount) may have when read from a file: 10^15, beyond any real budget
// in 元. Past it, sums and printed explanations stop meaning anything (1e300
// prints as 301 digits, and a few of them add up to infinity); readers refuse it.
inline constexpr double kLargestNumber = 1e15;
// kLargestNumber as a message says it.
inline constexpr const char* kLargestNumberText = "数值超出范围（绝对值不能超过10的15次方）";

// The unit of a number read as an amount of money: its own unit (万元 and 亿元
// have become 元), or 元 when it carries only a magnitude ("100万", "1亿",
// whose number is already multiplied out), or "" for a bare number, which is
// in the unit of the table it stands in.
std::string_view money_unit(const Value& amount);

// Words that say a figure is the plan, not what was done ("计划500人",
// "目标95%", "原定3期"): read_plan_then_actual and figure_for_target skip it.
inline constexpr std::string_view kPlanWords[] = {"计划", "目标", "预期", "预计",
                                                  "任务", "原定", "年初"};

// Words that say a figure is estimated, not measured ("预估96%", "96%（暂估）"),
// which says_a_plan reads as a plan's.
inline constexpr std::string_view kEstimateWords[] = {"预估", "估计", "估算", "暂估"};

// Whether an actual says what is planned or expected, not what was done: a
// figure labelled so ("预计120人", "计划培训120人", "目标120人", "拟于12月完成"), or
// words of the future ("预计年底完成", "将于2025年3月完成") or of the plan with its
// figure ("计划2025年3月完成"), or an estimate ("预估96%", "96%（暂估）"). Not a
// rate or a deed done ("计划完成率98%",
// "计划已完成", "目标达成", "目标120人，实际98人"), nor a plan followed by what
// was done ("计划3个，完成3个").
bool says_a_plan_slow(const Value& actual);
// Inline: every figure with a label and every actual in words asks, and few
// begin with one of the characters (计 预 拟 目 原 将 估 暂) that a plan's or an
// estimate's words do,
// or that words of when before them do (目前, 全年, 当前: "目前预计年底完成").
inline bool says_a_plan(const Value& actual) {
  if (actual.after_target_column) return true;
  // Words say it in their text; a figure or a date in its label (a date's only
  // from a remark, "2024年11月(计划)"), which is empty for any other kind.
  const std::string& s = actual.kind >= ValueKind::text ? actual.text : actual.label;
  // Words whose last remark says so: "120人次，6场（预计）".
  if (actual.kind >= ValueKind::text && s.ends_with(')')) return says_a_plan_slow(actual);
  switch (text::first_three_bytes(s)) {
    case 0xE8AEA1:  // 计
    case 0xE9A284:  // 预
    case 0xE68B9F:  // 拟
    case 0xE79BAE:  // 目
    case 0xE58E9F:  // 原
    case 0xE5B086:  // 将
    case 0xE585A8:  // 全, of 全年 before a plan's words ("全年预计…")
    case 0xE5BD93:  // 当, of 当前 likewise
    case 0xE4BCB0:  // 估, of 估计
    case 0xE69A82:  // 暂, of 暂估
      return says_a_plan_slow(actual);
    default:
      return false;
  }
}

// Whether an actual is a figure of the year before, labelled so alone ("上年120人",
// "去年同期95%", "上年度10个"): no figure of the year evaluated. Not a change
// against it ("较上年增长10人"), which reads as a change.
bool says_past_year_slow(const Value& actual);
// Inline: every leaf asks, few figures have a label, and every such label begins
// with 上, 去 or 前.
inline bool says_past_year(const Value& actual) {
  if (actual.kind != ValueKind::number || actual.label.empty()) return false;
  const std::string_view label = actual.label;
  return (label.starts_with("上") || label.starts_with("去") || label.starts_with("前")) &&
         says_past_year_slow(actual);
}

}  // namespace jixiao::core
