// Qualitative words and lower-is-better names, by the rule set's lists.
#include "core/words.h"

#include <gtest/gtest.h>

#include <string>

#include "core/word_answers.h"
#include "test/support/examples.h"
#include "test/support/random.h"

namespace jixiao::core {
namespace {

TEST(Words, PhrasesInsideAShortTextFindTheirTierWorstFirst) {
  const RuleSet& rules = test::national();
  const WordClass partly = classify_words("部分达成预期目标", rules);
  ASSERT_EQ(partly.type, WordClass::tier);
  const WordClass again = classify_words("部分达成预期目标", rules);  // now remembered
  EXPECT_EQ(again.type, partly.type);
  EXPECT_EQ(again.level, partly.level);
  EXPECT_EQ(classify_words(std::string(200, 'x') + "部分达成", rules).type, WordClass::none);
}

// A phrase after a negation in its clause does not count ("明显" in "无明显提升"),
// in the indexed search and in the plain one; words that only begin with a
// negating character (不断, 非常) and negations in another clause do not negate.
TEST(Words, NegatedPhrasesSayNothing) {
  RuleSet plain = test::national();
  plain.word_index = WordIndex{};  // not indexed: the lists are searched one by one
  for (const RuleSet* rules : {&test::national(), static_cast<const RuleSet*>(&plain)}) {
    for (const char* negated :
         {"无明显提升", "效果不显著", "不太满意", "没有按期全部完成", "不够有效", "不符合要求"}) {
      EXPECT_EQ(classify_words(negated, *rules).type, WordClass::none) << negated;
    }
    for (const char* met : {"非常明显", "不断改善，效果明显", "无，效果明显", "效果明显"}) {
      const WordClass c = classify_words(met, *rules);
      EXPECT_EQ(c.type, WordClass::tier) << met;
      EXPECT_EQ(c.level, 0) << met;
    }
    // The worst tier's own words keep their tier: "未完成" and "未能按时完成" are listed there.
    for (const char* listed : {"尚未完成", "未能按时完成"}) {
      const WordClass missed = classify_words(listed, *rules);
      EXPECT_EQ(missed.type, WordClass::tier) << listed;
      EXPECT_EQ(missed.level, static_cast<int>(rules->tiers.size()) - 1) << listed;
    }
  }
}

// Words in no list that repeat the target count as the best tier; other
// unlisted words, and a repeated target that is not words, do not.
TEST(Words, AnActualRepeatingItsTargetReachesIt) {
  const RuleSet& rules = test::national();
  const Value target = parse_value("长期");
  const Value same = parse_value("长期");
  const Value other = parse_value("短期");
  LeafWords repeated(target, same, rules);
  EXPECT_EQ(repeated.actual().type, WordClass::tier);
  EXPECT_EQ(repeated.actual().level, 0);
  EXPECT_EQ(repeated.target().type, WordClass::none);
  LeafWords differs(target, other, rules);
  EXPECT_EQ(differs.actual().type, WordClass::none);
  const Value number = parse_value("100家");
  LeafWords numbers(number, number, rules);
  EXPECT_EQ(numbers.actual().type, WordClass::none);
  EXPECT_EQ(infer_scoring_kind("可持续影响", target, same, rules), ScoringKind::qualitative_tiers);
  EXPECT_EQ(infer_scoring_kind("可持续影响", target, other, rules), ScoringKind::manual);
}

// A remembered answer belongs to the lists it was found with: the same text
// asked of two rule sets in turn gets each one's answer, and re-indexing
// edited lists forgets the old answers.
TEST(Words, RememberedPhrasesNeverCrossRuleSets) {
  RuleSet a = test::national();
  RuleSet b = test::national();
  for (auto& tier : b.tiers) tier.words.clear();
  b.tiers.back().words.push_back("稳步推进");
  index_words(b);
  a.tiers.front().words.push_back("稳步推进");
  index_words(a);
  for (int round = 0; round < 3; ++round) {
    const WordClass in_a = classify_words("工作稳步推进中", a);
    const WordClass in_b = classify_words("工作稳步推进中", b);
    EXPECT_EQ(in_a.type, WordClass::tier);
    EXPECT_EQ(in_a.level, 0);
    EXPECT_EQ(in_b.type, WordClass::tier);
    EXPECT_EQ(in_b.level, static_cast<int>(b.tiers.size()) - 1);
  }
  a.tiers.front().words.pop_back();
  index_words(a);
  EXPECT_EQ(classify_words("工作稳步推进中", a).type, WordClass::none);
}

// The indexed check (search for the last character, compare the names
// ending there) answers as a search for every name does, on names built
// from the listed names' pieces so that near misses are common.
TEST(Words, LowerIsBetterNamesAgreeWithAPlainSearch) {
  const RuleSet& rules = test::national();
  ASSERT_FALSE(rules.lower_is_better_names.empty());
  test::Random random(20261204);
  const char* pieces[] = {"控制", "率",   "调整", "差异",  "结转", "结余", "完成", "达标",
                          "比例", "及时", "预算", "（%）", "成本", "x",    "执行"};
  int lower = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string name;
    const unsigned n = 1 + random.below(7);
    for (unsigned k = 0; k < n; ++k) name += pieces[random.below(std::size(pieces))];
    // A listed name decides unless a rate of something else follows it.
    bool expected = false;
    for (const auto& listed : rules.lower_is_better_names) {
      for (size_t at = name.find(listed); at != std::string::npos && !expected;
           at = name.find(listed, at + 1)) {
        const std::string rest = name.substr(at + listed.size());
        expected = rest.find("率") == std::string::npos && rest.find("比例") == std::string::npos &&
                   rest.find("占比") == std::string::npos;
      }
    }
    ASSERT_EQ(is_lower_is_better_name(name, rules), expected) << name;
    lower += expected ? 1 : 0;
  }
  EXPECT_GT(lower, 500);
  EXPECT_TRUE(is_lower_is_better_name("在职人员控制率", rules));
  EXPECT_FALSE(is_lower_is_better_name("资金拨付及时率", rules));
  // A rate of something else after a listed name is what the indicator measures.
  EXPECT_TRUE(is_lower_is_better_name("单位能耗", rules));
  EXPECT_FALSE(is_lower_is_better_name("能耗达标率", rules));
  EXPECT_FALSE(is_lower_is_better_name("投诉件数办结率", rules));
  EXPECT_FALSE(is_lower_is_better_name("PM2.5浓度达标比例", rules));
}

}  // namespace
}  // namespace jixiao::core

namespace jixiao::core {
namespace {

TEST(Words, TargetsThatSayNothingMayHappen) {
  for (const char* t :
       {"无安全事故", "零事故", "杜绝违规", "不发生重大投诉", "0起", "0", "=0件", "≤0"}) {
    EXPECT_TRUE(target_says_none(parse_value(t))) << t;
  }
  for (const char* t : {"不断完善", "有效提升", "≥0", "1起", "0.5%", "≥95%", ""}) {
    EXPECT_FALSE(target_says_none(parse_value(t))) << t;
  }
}

TEST(Words, CountsAgainstTargetsThatSayNothingMayHappen) {
  const auto met = [](const char* target, const char* actual) {
    return none_happened(parse_value(target), parse_value(actual));
  };
  EXPECT_EQ(met("无安全事故", "0"), true);
  EXPECT_EQ(met("零事故", "0起"), true);
  EXPECT_EQ(met("杜绝重大投诉", "2起"), false);
  EXPECT_EQ(met("无安全事故", "≥1起"), std::nullopt);  // a lower bound says too little
  EXPECT_EQ(met("无安全事故", "无"), std::nullopt);    // words: yes_no_met reads them
  EXPECT_EQ(met("有效提升", "0"), std::nullopt);
  EXPECT_EQ(met("0起", "0"), std::nullopt);  // numbers against numbers: the equal rule
  const auto met_for = [](const char* name, const char* target, const char* actual) {
    return none_happened(parse_value(target), parse_value(actual), name);
  };
  EXPECT_EQ(met_for("投诉次数", "≤2次", "无投诉"), true);
  EXPECT_EQ(met_for("安全事故次数", "0起", "未发生安全事故"), true);
  EXPECT_EQ(met_for("违规次数", "0", "零"), true);
  EXPECT_EQ(met_for("投诉次数", "≤2次", "无变化"), std::nullopt);   // not what it counts
  EXPECT_EQ(met_for("数据差错率", "≤1%", "无数据"), std::nullopt);  // nothing measured
  EXPECT_EQ(met_for("投诉次数", "≥2次", "无投诉"), std::nullopt);   // a lower bound
}

}  // namespace
}  // namespace jixiao::core
