// A cell that reports several figures, one a clause ("培训3期，150人次",
// "发放问卷200份，满意率95%", "已完成，共2期"), is read by the one that measures
// what its target does. This is the one reading of a cell that needs its
// target, so it is not part of parse_value: scoring and monitoring ask it
// where a target meets its actual.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/changes.h"
#include "core/rule_set.h"
#include "core/text.h"
#include "core/value.h"

namespace jixiao::core {

// The figure of a cell of several clauses that measures what `target` does:
// the only clause read as a figure with a unit that comparable_numbers
// compares with the target's (`name` as there). Writes it to `out` and returns
// true; false leaves the cell to the evaluator. In particular:
// - not a figure: a clause of the plan ("计划3期") or of the year before
//   ("上年88%，本年92%"), or a part of the figure before it ("520人，其中贫困人口120人");
// - clauses that compare to the same figure are one ("支出480万元，节约20万元"
//   against "≤500万元"); of clauses that compare and differ, the one labelled
//   with the rate `name` ends with ("满意度98%，基本满意2%"), else false;
// - false when a clause of words could say the figure fell short ("3项，未完成":
//   text::only_remarks);
// - against a percentage, a count of a count ("285/300") and two clauses of
//   counts, the whole and the part with what `name` measures ("调查300人，满意285人"
//   for 满意度), are the part's share (95%);
// - the actual over the target as written ("85%/90%" against "≥90%") is the
//   actual, and of two figures joined by an arrow ("88%→92%") the last;
// - against a percentage for a satisfaction rate (`name` holds 满意), the shares
//   of a survey's tiers ("非常满意60%，满意35%，不满意5%") are the satisfied
//   tiers' sum (95%), and so are their counts over the whole surveyed
//   ("调查500人，满意450人，比较满意30人": 96%).
bool figure_for_target(const Value& target, std::string_view written, std::string_view name,
                       Value& out);

// Why figure_for_target left a cell to the evaluator, where the cell says why.
enum class ClauseTrouble : uint8_t {
  none,            // no reason the cell tells
  figures_differ,  // two clauses compare with `target` and differ, with none
                   // labelled as the figure ("支出48万元，结余5万元" against "≤50万元",
                   // "完成3个，在建1个" against "3个")
  part_undone,  // a clause says a part is not done, in words or in another
                // measure ("100%，部分未达标", "100%（尚有2项未完成）" against "100%")
  another_rate,  // the only figure of the target's unit is labelled with a rate the
                 // indicator does not name ("达标，优良率90%" for 覆盖率)
};
ClauseTrouble clause_trouble(const Value& target, std::string_view written, std::string_view name);

// Whether figure_for_target left a cell to the evaluator because it lists the
// shares of a survey's tiers with one that surveys count either way
// ("非常满意60%，满意30%，基本满意8%": 基本满意 or 一般) against a percentage for a
// satisfaction rate.
bool survey_tier_counted_either_way(const Value& target, std::string_view written,
                                    std::string_view name);

// Whether the figures of `written` overrule its words against a figure
// `target`, so that the cell is not scored (nor lit) by the tier or grade of
// its words: a clause is a figure labelled with such words ("满意300份",
// "基本满意100份": they count, they do not judge), or a clause says a part is
// not done (clause_trouble: "完成（含2个在建）").
bool figures_overrule_words(const Value& target, std::string_view written, std::string_view name,
                            const RuleSet& rules);

// `figure` without its label when the label only names the indicator `name`
// ("道路硬化100%" for 道路硬化, "满意度95%" for 群众满意度): a copy in `scratch`, or
// `figure` itself (which may be `scratch`) when its label says more or nothing.
const Value& without_name_as_label(const Value& figure, std::string_view name, Value& scratch);

// "已完成（2025年1月）", "达标，2025年1月", "全部完成；2024年11月验收": words of
// done and the date it was done, in a clause or bracket of its own, with a clause
// of when the work began left out ("2024年3月启动，2025年1月完成"): the date, into
// `out`, and true. False when a clause says something not done, done only in
// part ("部分完成（2024年11月）", "基本完成，2024年11月"), which the words' tier
// scores, or planned ("2024年11月，计划完成"), or may take the date back as a
// remark after a date alone may (text::remark_keeps_date: "资金不足"), or when
// there is no one such date. Against a date target the date decides (before, the
// words' tier had full marks for a late date).
bool date_beside_words(std::string_view written, Value& out);

// A date and words that say the work was done in the main only, 基本, 初步 or
// 大体, once, before the deed or anywhere else ("2024年5月基本完成",
// "已于2024年5月基本完成", "基本已于2024年5月完成", "基本完成（2025年1月）"):
// the date of done the cell holds without that word, alone or beside words
// (date_beside_words; "2024.5" as a year and month). nullopt for any other
// cell, and for one that says a part undone or is a plan. The scorer and the
// monitoring lights read such a cell alike.
std::optional<Date> date_done_in_the_main(std::string_view written);

// The dates of two or more clauses that each say when something was done
// ("2024年11月完成，2025年1月验收", "2024年11月建成，2025年2月正式运行"), in
// their order; empty when fewer, when a clause says when work began (left out)
// or is a plan, or when a clause has no date or says something undone.
// Against a deadline, each date may decide: the evaluator's when they disagree
// (before, full marks by 完成's tier).
std::vector<Date> dates_of_done(std::string_view written);

// Whether an indicator's name says it measures time: 及时, 按时, 按期, 如期, 准时,
// 时效, 进度 or 时限 (资金拨付及时率, 项目按时完成率, 工程进度).
bool names_time(std::string_view name);

// Whether a cell as written says, beside what it reports, that something was
// late: 延期, 逾期, 滞后, 推迟, 延误, 延迟, 拖延 or 超期, or 不及时, 未及时, 未按时,
// 未按期, 未如期, not denied ("100%（部分延期）", "98%，进度滞后", "100%（不及时）";
// not "100%，无延期", "100%，无不及时情况"). Against a measure of time, the figure
// says on time and the words late, which the evaluator weighs.
bool says_late(std::string_view written);

// text::says_undone of a cell as written (read as cell_text reads it), less a
// clause of when the work began beside another ("2024年10月开工，2024年12月完工"
// says nothing undone; "2024年10月开工" alone does, as before).
bool says_undone_besides_start(std::string_view written);

// `actual`, or when it is words or unreadable and figure_for_target finds the
// figure in its text, that figure, kept in `scratch`; against a date, the date
// beside words of done (date_beside_words); without a label that
// only names the indicator (without_name_as_label); against a share, a count all
// of which was done (Value::all_done: "120户均已完成") is 100%. A plan
// (says_a_plan: "预计120户均已完成", "预计100人合格95人") stays `actual`, which
// says so: its figure is none done. What scoring and monitoring compare with a
// target.
// Inline: most actuals are figures without a label, and every leaf asks.
inline const Value& actual_for_target(const Value& target, const Value& actual,
                                      std::string_view name, Value& scratch) {
  // Before, the plan's figure, read from its text or as all done, lost the
  // words that said it was a plan, and had full marks.
  if (says_a_plan(actual) || says_past_year(actual)) [[unlikely]] {
    return actual;
  }
  // "120户均已完成", "10个村全覆盖" against a share: all of the count, 100%.
  if (actual.all_done && target.kind == ValueKind::number && target.unit == "%") [[unlikely]] {
    set_percent(100, scratch);
    return scratch;
  }
  const bool words = actual.kind == ValueKind::text || actual.kind == ValueKind::invalid;
  if (words && target.kind == ValueKind::date && text::has_digit(actual.text)) [[unlikely]] {
    if (date_beside_words(actual.text, scratch)) return scratch;
  }
  const Value& figure = words && target.kind == ValueKind::number &&
                                figure_for_target(target, actual.text, name, scratch)
                            ? scratch
                            : actual;
  if (figure.label.empty() || figure.kind != ValueKind::number) return figure;
  // "增长3%" for 收入增长 against "≥上年": against words, a change said is what
  // they ask about, though the name says it too (without it, a bare 3%).
  if (target.kind == ValueKind::text && change_direction(figure.label) != 0) return figure;
  return without_name_as_label(figure, name, scratch);
}

// An actual whose counts are written in Chinese numerals before the target's
// unit ("计划三期，完成二期", "开展二次培训", "50户（其中五户施工中）" against "≥3期",
// "≥2次", "≥50户"; a part's unit for a target of several, either side of a slash
// for "台/套"; any counting word of things against a share, "计划十个，完工八个"
// against "100%", unless the digits then read as a count alone, "实现3个全覆盖"):
// its text `written` with those counts in Arabic digits (arabic_counts) into
// `digits`, and that text read into `out`; true. False, `out` untouched, for any
// other actual or a target that is no figure with a unit. Before, such words were
// read by their words: "计划三期，完成二期" had full marks for its 完成.
bool actual_with_counts_in_digits(const Value& target, const Value& actual,
                                  std::string_view written, std::string& digits, Value& out);

// One figure of a target that asks for several.
struct TargetPart {
  std::string_view written;  // the clause, a view of the text it was read from
  Value value;
};

// The most figures one target may ask for; a longer list is for the evaluator.
inline constexpr size_t kMaxTargetParts = 6;

// The figures of a target that asks for several at once, one a clause
// ("≥100人次，≥5场", "培训≥3期，参训≥150人次"): two to kMaxTargetParts
// clauses, each a figure with a unit, no two of one measure (comparable with
// each other: "≥100万元，≤120万元" is one figure twice). Writes them to `out`
// (views of `written`) and returns true; false otherwise, `out` then unspecified.
bool target_parts(std::string_view written, std::vector<TargetPart>& out);

// What the actual reports for part `i` of such a target: actual_for_target of the
// part, except that a figure of no unit ("120" against "≥100人次，≥5场"), which would
// take the unit of whatever it is compared with, reports the first part alone, the
// target's main figure, and nothing (`scratch`, emptied) for the others. Before, "120"
// met both parts, as 120人次 and as 120场.
const Value& actual_for_part(std::span<const TargetPart> parts, size_t i, const Value& actual,
                             std::string_view name, Value& scratch);

// What a target of one figure asks for besides it, in words after a comma
// ("≥100人次，覆盖全县": "覆盖全县"; "≥5个，且质量合格": "质量合格", less the
// joining word), which parse_value reads past as a remark. "" when nothing
// follows the figure, or what follows only says how it is counted or scored
// ("≥5个，详见附件", "≤30天，超期扣分", "≥10万元，据实结算"), hedges it
// ("力争全覆盖", "原则上…") or restates its bound ("控制在合理范围"), or restates a
// figure of all ("100%，应发尽发"). `written` is the whole target as written.
std::string_view words_besides_figure(std::string_view written, const Value& target);

// Whether an actual as written reports `words` (words_besides_figure's) done:
// true when it says them ("120人次，已覆盖全县"), false when it says them
// negated or falling short ("未覆盖全县", "覆盖全县，但进度滞后"), nullopt when it does not say
// ("120人次").
std::optional<bool> reports_words(std::string_view actual_written, std::string_view words);

}  // namespace jixiao::core
