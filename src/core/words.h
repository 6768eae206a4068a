// Qualitative words: which tier, grade or yes/no a written value stands for,
// by the rule set's vocabulary.
#pragma once

#include <optional>
#include <string_view>

#include "core/rule_set.h"
#include "core/value.h"

namespace jixiao::core {

struct WordClass {
  enum Type { none, tier, grade, yes, no } type = none;
  int level = -1;  // tier or grade index, best first
  // The grade of the whole text where a grade list has it, whatever `type`
  // won ("良好": a tier, and 良); -1 for none.
  int grade_level = -1;
};

// Classifies normalized text (Value::text). Single-character words ("优",
// "是") match only the whole text; longer phrases also match inside a short
// text, the worst tier first, so "部分达成" is not read as "达成"; a phrase
// right after a negation (无明显提升, 效果不显著, 不太满意) does not count; the
// best tier's words after a leading 基本 ("基本达标") are the next tier.
WordClass classify_words(std::string_view text, const RuleSet& rules);

// Whether words of the partial tier meet a target that asks for no more: both
// are in the tier after the best ("基本实现" against "基本实现", "基本达到"
// against "基本完成"), and the actual is then scored in the best.
inline bool partial_as_asked(const WordClass& target, const WordClass& actual) {
  return target.type == WordClass::tier && target.level == 1 && actual.type == WordClass::tier &&
         actual.level == 1;
}

// Whether a target says that something must not happen: words that begin
// with a negation or 零/杜绝 ("无安全事故", "零事故", "不发生重大投诉"), or the
// number 0 without ≥ ("0起", "≤0"). Against it, an actual "无" means the target
// was met and "有" that it was missed.
bool target_says_none(const Value& target);

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
// against "合格", "验收合格", "达标", "及时", "准确" or "完好" (the percentage,
// to be scored against 100). nullopt for other targets or a rate of something
// else ("覆盖率98%" against "合格").
std::optional<double> quality_percent(const Value& target, const Value& actual);

// Either of the two: a percentage scored against 100 where the target is words.
inline std::optional<double> percent_of_all(const Value& target, const Value& actual) {
  if (const std::optional<double> done = completed_percent(target, actual)) return done;
  return quality_percent(target, actual);
}

// "已全部覆盖" for 覆盖率, "全部知晓" for 知晓率, "全额拨付" for 拨付率:
// words that say all of what the indicator's `name` measures (the two
// characters before its 率) was done, against a percentage that is not a
// ceiling: 100, to be scored against the target. nullopt otherwise ("全部完成"
// for 覆盖率 says nothing of the coverage; the tier lists read it).
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
// against "完整" (the next tier, as 基本完成 is).
bool repeats_target_in_the_main(const Value& target, const Value& actual);

// Whether an actual says its target's words negated: "不健全" against "健全",
// "未规范" against "规范" (不, 未, 没有 or 尚未 before them; the target two
// characters or more, and not a whole, "全覆盖", of which "未全覆盖" says a
// part). Such an actual is the worst tier, as 未完成 is.
bool negates_target(const Value& target, const Value& actual);

// Whether an actual repeats its target word for word ("长期" against "长期",
// "逐步完善" against "逐步完善"), or says it as done ("已全覆盖" against "全覆盖",
// "已建立长效机制" against "长效机制", "困难群众基本生活得到保障" against
// "保障困难群众基本生活", "促进了地方经济发展" against "促进地方经济发展"):
// both words, the same after normalisation and a leading 已/已经/均已.
bool repeats_target(const Value& target, const Value& actual);

// The words of one target and actual, each classified at most once however
// many rules ask (the engine asks up to four times per qualitative leaf).
// Values that are not text classify as none. An actual whose words are in no
// list but repeat the target's says the target was reached: the best tier.
// Holds references: the values and the rule set must outlive it.
class LeafWords {
 public:
  LeafWords(const Value& target, const Value& actual, const RuleSet& rules)
      : target_(target), actual_(actual), rules_(rules) {}
  WordClass target();
  WordClass actual();
  const Value& actual_value() const { return actual_; }

 private:
  WordClass get(const Value& v, WordClass& cls, bool& done);
  const Value& target_;
  const Value& actual_;
  const RuleSet& rules_;
  WordClass target_class_;
  // The actual's words as classified, before they are read against the target.
  WordClass actual_words_;
  WordClass actual_class_;
  bool target_done_ = false;
  bool actual_words_done_ = false;
  bool actual_done_ = false;
};

// Builds rules.word_index from the rule set's word lists (see WordIndex).
void index_words(RuleSet& rules);

// True when an indicator named `name` is lower-is-better by the rule set's list
// (控制率, 差异率, …).
bool is_lower_is_better_name(std::string_view name, const RuleSet& rules);

// Whether node `index` sits under a category of rules.lower_is_better_categories
// (a leaf of 成本指标), where a bare target is a ceiling.
bool in_lower_is_better_category(const Evaluation& e, int index, const RuleSet& rules);

// The scoring kind a leaf gets when its input does not name one: from the
// target's operator (≥ higher, ≤ lower, = equal; a bare number by the
// indicator's name, or ≤ in a lower-is-better category), a date (deadline), or
// the words of the target, else of the actual (tiers, grades, yes/no); words
// that say nothing are `manual`.
ScoringKind infer_scoring_kind(std::string_view name, const Value& target, const Value& actual,
                               const RuleSet& rules, bool lower_category = false);

// Whether an actual written as a bound (its Op: "未达到90%", "不足85%", "超过30天")
// lies on the side of it that scores worse under `kind`: its figure overstates
// the actual, so the evaluator decides (the engine) or only a light the figure
// already fails is sure (monitoring). A bound on the other side ("95%以上"
// against "≥90%") understates it at most, and is scored as written.
bool bound_overstates(ScoringKind kind, Op target_op, Op actual_op);
// The same, with the leaf's words classified once (`words` is of target and actual).
ScoringKind infer_scoring_kind(std::string_view name, const Value& target, LeafWords& words,
                               const RuleSet& rules, bool lower_category = false);

}  // namespace jixiao::core
