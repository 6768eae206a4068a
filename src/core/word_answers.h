// Words against words where the rule set's lists give no answer: what an
// actual in words says of its target's words. A thing that must not happen
// ("无安全事故" against "未发生"), a change asked for ("有所提升" against "提升10%"),
// a share of all ("应补尽补" against "98%"), a deed done at once, the answer to
// the question an indicator's name asks ("是否按时完成"), or the target's own
// words repeated, negated or said of the main part. The engine and monitoring
// ask these after the vocabulary (words.h) has had its say.
#pragma once

#include <optional>
#include <string_view>

#include "core/value.h"
#include "core/words.h"

namespace jixiao::core {

// Whether a target says that something must not happen: words that begin
// with a negation or 零/杜绝 ("无安全事故", "零事故", "不发生重大投诉"), or the
// number 0 without ≥ ("0起", "≤0"). Against it, an actual "无" means the target
// was met and "有" that it was missed.
bool target_says_none(const Value& target);

// Whether a target in words sets a ceiling on spending: a document's amount
// after ≤, 不超过 and the like, or inside 控制在/在 … 内 ("≤批复概算",
// "控制在预算内", "预算以内"). Spending gone over it cannot come back under.
bool target_sets_ceiling(const Value& target);

// An actual against a target in words that says something must not happen:
// a count ("0" or "2起" against "无安全事故") is met when it is 0; against
// "不X", "未X" or "没有X" is met and "X" missed ("未超预算", "超预算" against
// "不超预算"); "未发现…" or "没有发现…" meets such words ("未发现违规" against
// "无违规违纪"); and "无", "未发生" or "未出现" are under any upper bound
// ("≤0.5%", "≤3起", "0"), and so are they followed by what the indicator's `name`
// counts ("无投诉" for 投诉次数). nullopt when the target is not such words or
// bound, the actual is neither, or a lower bound ("≥1").
std::optional<bool> none_happened(const Value& target, const Value& actual,
                                  std::string_view name = {});

// Whether an actual meets a target that asks for a change ("有所提升",
// "逐步降低", or a figure such as "较上年提高5%"): a change said the same way
// ("提升10%", "有所提升") meets a target in words; one said the other way
// ("下降2%", "有所下降") or none ("持平", "保持不变", "未提升") misses any.
// Against a change that must not happen ("不降低"), one the other way or none
// meets it ("提高2%", "持平") and one that way misses it ("下降1%").
// nullopt when the target asks for no change, the actual says none, or only
// the size could tell: a rise in words against a figure, or against "明显提升"
// and other words that ask for much. Figures against figures are compared by
// comparable_numbers, not here.
std::optional<bool> change_met(const Value& target, const Value& actual);

// The share done, in percent, of an actual that states it ("完成90%", "90%",
// "完成率95%", "覆盖率98%", and "完成95%以上" as its bound) against a target
// that asks for all of it ("全部完成", "按计划完成", "完成", "全覆盖", "应补尽补",
// "足额发放"): scored as against 100%.
// nullopt for any other pair ("按期完成" is about time; "完成9户" is a count;
// "合格率95%" is not a share done).
std::optional<double> completed_percent(const Value& target, const Value& actual);

// A share that has the quality a target asks for: "合格率98%", "100%" or "98%合格"
// against "合格", "验收合格", "达标", "及时", "准确", "完好", "合规", … (the percentage,
// to be scored against 100). nullopt for other targets or a rate of something
// else ("覆盖率98%" against "合格").
std::optional<double> quality_percent(const Value& target, const Value& actual);

// Either of the two: a percentage scored against 100 where the target is words.
inline std::optional<double> percent_of_all(const Value& target, const Value& actual) {
  if (const std::optional<double> done = completed_percent(target, actual)) return done;
  return quality_percent(target, actual);
}

// Whether `name` is a rate of a quality a target may ask for: the two
// characters before its 率 are 合格, 合规, 达标, 及时, 按时, 准确, 完好, 完整,
// 规范 or 足额 ("验收合格率", "资金使用合规率", "资金拨付及时率"), whatever
// deed the words before them name.
bool rate_of_a_quality(std::string_view name);

// "已全部覆盖" for 覆盖率, "全部知晓" for 知晓率, "全额拨付" for 拨付率:
// words that say all of what the indicator's `name` measures (the two
// characters before its 率) was done, against a percentage that is not a
// ceiling: 100, to be scored against the target; for a rate of a quality,
// that quality said alone too ("合规" for 合规率, "均已完整" for 完整率).
// nullopt otherwise ("全部完成" for 覆盖率 says nothing of the coverage, the
// tier lists read it; "覆盖" for 覆盖率, "增长" for 增长率 say no share).
std::optional<double> all_of_measure(std::string_view name, const Value& target,
                                     const Value& actual);

// Words of a deed done at once ("即时办结", "当场办理", "随到随办": no time at
// all) or on the day ("当天办结", "当日答复": at most a day, also one working
// day) against a time that must not be exceeded ("≤3个工作日", "24小时内",
// "≤30分钟"): true when that bound is within the target. nullopt otherwise:
// other words, more after the deed, a negation ("当天未办结"), or a day
// against fewer hours ("当天办结" against "≤2小时"), which only the evaluator knows.
std::optional<bool> done_at_once(const Value& target, const Value& actual);

// The days that words of a deed done at once take (normalized text): 0 for
// "即时办结", "当场办理", "随到随办"; 1 for "当天办结", "当日答复", "均当日办结".
// nullopt for other words, more after the deed, or a negation ("当天未办结").
std::optional<int> days_of_a_deed_at_once(std::string_view said);

// The answer that words give to the question an indicator's `name` asks
// ("是否建立制度", "是否公开", "资金使用是否合规"), or else to the deed its
// `target` names ("建立", "制定", "出台"): true for the deed said done
// ("已建立并印发实施", "已在官网公开", "已建立长效管护机制": 已 and the first two
// characters of what is asked, no negation after) or, for a question, for
// the words asked alone ("合规"); false for it said not done ("未超预算",
// "不合规", "未建立长效管护机制"). nullopt for other names, targets or words.
// Asked where the target is a yes or a no.
std::optional<bool> answers_the_question(std::string_view name, const Value& target,
                                         const Value& actual);

// Whether a yes/no actual (`actual`, classified yes or no) meets its target;
// nullopt when the words cannot tell and the evaluator must. Against a target
// that is itself 是/否 (有/无, …) the two must agree; against a number or a
// description "是" means achieved; against a target that says something must
// not happen (target_says_none) "无" meets it, "有" misses it and "否" is unclear.
std::optional<bool> yes_no_met(const Value& target, WordClass target_class, const Value& actual,
                               WordClass actual_class);

// Whether an actual says its target's words of the main part only: "基本完整"
// against "完整", "已初步建立" against "建立" (the next tier, as 基本完成 is).
bool repeats_target_in_the_main(const Value& target, const Value& actual);

// Whether an actual says its target's words negated: "不健全" against "健全",
// "未规范" against "规范" (不, 未, 没有 or 尚未 before them; the target two
// characters or more, and not a whole, "全覆盖", of which "未全覆盖" says a
// part); the deed negated where the target asks when or how well it is done
// ("未公开" against "及时公开", "未改善" against "明显改善"); or the deed, then
// its quality negated ("管理不规范" against "规范管理"). Such an actual is the
// worst tier, as 未完成 is.
bool negates_target(const Value& target, const Value& actual);

// Whether an actual repeats its target word for word ("长期" against "长期",
// "逐步完善" against "逐步完善"), or says it as done ("已全覆盖" against "全覆盖",
// "已建立长效机制" against "长效机制", "困难群众基本生活得到保障" against
// "保障困难群众基本生活", "促进了地方经济发展" against "促进地方经济发展"):
// both words, the same after normalisation and a leading 已/已经/均已.
bool repeats_target(const Value& target, const Value& actual);

}  // namespace jixiao::core
