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

// The length of a word at the start of `s` that says a deed was done in the
// main, preliminarily or nearly only ("基本完成", "基本完整", "初步建立", "大体完成",
// "接近完成", "即将完成"), 0 when there is none. Before, all but 基本 were read
// as done: "初步完成" met "完成" in full.
inline size_t in_the_main(std::string_view s) {
  for (std::string_view w :
       {std::string_view("基本"), std::string_view("初步"), std::string_view("大体"),
        std::string_view("接近"), std::string_view("即将")}) {
    if (s.starts_with(w)) return w.size();
  }
  return 0;
}

// Classifies normalized text (Value::text). Single-character words ("优",
// "是") match only the whole text; longer phrases also match inside a short
// text, the worst tier first, so "部分达成" is not read as "达成"; a phrase
// right after a negation (无明显提升, 效果不显著, 不太满意) does not count; the
// best tier's words after a leading 基本 ("基本达标") are the next tier.
WordClass classify_words(std::string_view text, const RuleSet& rules);

// Whether words classed `c`, of the best tier or of none, also say a part of the work
// is not done, still going on or excepted (text::says_part_not_done: "完成，部分在建",
// "完成（含部分在建）", "除个别项目外全部完成", or a clause of a cell with a date,
// "已完成（2024年12月），个别除外"); or, classed as the worst tier or a no, are a yes,
// the best tier's words or words of no tier with a remark of a part not done after them
// ("是（尚有2项未完成）", "已完成，部分未完成", "全部发放，个别未到位"):
// then neither their tier nor the evaluator's guess from them holds; the engine leaves
// the row to the evaluator with a word of why, and monitoring lights nothing.
bool part_not_done(const WordClass& c, std::string_view text, const RuleSet& rules);

// `actual`, or when its words end in a remark that says nothing of how well
// ("良好(经核实)", "良好，经核实", "基本完整(抽样)": classify_words finds nothing in
// the remark, and it says nothing is undone, text::only_remarks), the words
// without it, kept in `scratch`. What scoring and monitoring read as words
// (before, "良好(经核实)" against "优秀" was a tier's top, 10 of 10, not 良). A
// remark with words of its own ("完成，效果一般") or one that may take them back
// ("完成(未验收)") is kept. A grade with the score that earned it ("良好(85分)")
// is the grade alone.
const Value& words_without_remark_slow(const Value& actual, const RuleSet& rules, Value& scratch);
// Inline: every leaf asks, and most are figures or words with no bracket at
// their end and no comma (normalized text: the marks are ASCII).
inline const Value& words_without_remark(const Value& actual, const RuleSet& rules,
                                         Value& scratch) {
  if (actual.kind != ValueKind::text || actual.text.empty() ||
      (actual.text.back() != ')' && actual.text.find(',') == std::string::npos)) {
    return actual;
  }
  return words_without_remark_slow(actual, rules, scratch);
}

// Whether words of the partial tier meet a target that asks for no more: both
// are in the tier after the best ("基本实现" against "基本实现", "基本达到"
// against "基本完成"), and the actual is then scored in the best.
inline bool partial_as_asked(const WordClass& target, const WordClass& actual) {
  return target.type == WordClass::tier && target.level == 1 && actual.type == WordClass::tier &&
         actual.level == 1;
}

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

// Whether node `index` sits under a category of time (时效指标), whose leaves
// measure time whatever their names.
bool in_time_category(const Evaluation& e, int index);

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
// against "≥90%") understates it at most, and is scored as written. Against a
// figure to equal ("=5件", "0起") any bound overstates, but none at all ("≤0起").
bool bound_overstates(ScoringKind kind, const Value& target, const Value& actual);
// The same, with the leaf's words classified once (`words` is of target and actual).
ScoringKind infer_scoring_kind(std::string_view name, const Value& target, LeafWords& words,
                               const RuleSet& rules, bool lower_category = false);

}  // namespace jixiao::core
