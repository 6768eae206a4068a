// A bureau's own rule set file, with the slips one makes writing it: each is
// refused with the field named, instead of scoring with a band no total can
// reach or a share above the weight. Cases: a change to national-2020 (a JSON
// pointer and its new value, or absent to delete it) and the message.
#include "format/rule_set_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace jixiao::format {
namespace {

struct Slip {
  const char* pointer;
  const char* value;  // JSON; nullptr deletes the field
  const char* message;
};

constexpr Slip kSlips[] = {
    {"/title", nullptr, "规则集 mine.json：缺少字段 title"},
    {"/grades/0/label", nullptr, "规则集 mine.json：缺少字段 grades[0].label"},
    {"/total", "\"100\"", "规则集 mine.json：字段 total 应为数字"},
    {"/total", "0", "规则集 mine.json：字段 total 应在1至10000之间"},
    {"/total", "1e300", "规则集 mine.json：字段 total 应在1至10000之间"},
    {"/decimals", "9", "规则集 mine.json：字段 decimals 应在0至6之间"},
    {"/decimals", "1e16", "规则集 mine.json：字段 decimals 应在0至6之间"},
    {"/decimals", "2.5", "规则集 mine.json：字段 decimals 应为整数"},
    {"/grades", "[]", "规则集 mine.json：字段 grades 至少需要一个等级"},
    {"/grades/0/min", "50000", "规则集 mine.json：字段 grades[0].min 应在0至10000之间"},
    {"/grades/3/min", "-1", "规则集 mine.json：字段 grades[3].min 应在0至10000之间"},
    {"/grades/1/min", "95", "规则集 mine.json：字段 grades[1].min 应按从高到低排列"},
    {"/grades/0/words", "\"优秀\"", "规则集 mine.json：字段 grades[0].words 应为字符串数组"},
    {"/execution/self_weight", "120",
     "规则集 mine.json：字段 execution.self_weight 应在0至100之间"},
    {"/execution/total_caps", R"([{"rate_below": 60, "cap": 59}])",
     "规则集 mine.json：字段 execution.total_caps[0].rate_below 应在0至1之间"},
    {"/execution/total_caps", R"([{"rate_below": 0.6, "cap": -59}])",
     "规则集 mine.json：字段 execution.total_caps[0].cap 应在0至10000之间"},
    {"/over_achievement/flag_at", "120",
     "规则集 mine.json：字段 over_achievement.flag_at 应在1至100之间"},
    {"/over_achievement/note_required_at", "0.3",
     "规则集 mine.json：字段 over_achievement.note_required_at 应在1至100之间"},
    {"/qualitative_grades/0/share", "100",
     "规则集 mine.json：字段 qualitative_grades[0].share 应在0至1之间"},
    {"/qualitative_tiers/0/max", "1.5",
     "规则集 mine.json：字段 qualitative_tiers[0].min 应满足 0 ≤ min ≤ max ≤ 1"},
    {"/checks/tolerance", "-0.01", "规则集 mine.json：字段 checks.tolerance 应在0至1之间"},
    {"/checks/panel_min_size", "0", "规则集 mine.json：字段 checks.panel_min_size 应在1至1000之间"},
    {"/panel/method", "\"median\"",
     "规则集 mine.json：字段 panel.method 应为 mean 或 trimmed_mean"},
};

TEST(RuleSetJson, SlipsAreRefusedNamingTheField) {
  const nlohmann::json national = nlohmann::json::parse(builtin_rule_set_json("national-2020"));
  ASSERT_TRUE(rule_set_from_json(national.dump(), "mine.json").ok());
  for (const Slip& slip : kSlips) {
    SCOPED_TRACE(std::string(slip.pointer) + " = " + (slip.value ? slip.value : "(absent)"));
    nlohmann::json doc = national;
    const nlohmann::json::json_pointer at(slip.pointer);
    if (slip.value == nullptr) {
      doc[at.parent_pointer()].erase(at.back());
    } else {
      doc[at] = nlohmann::json::parse(slip.value);
    }
    Result<core::RuleSet> r = rule_set_from_json(doc.dump(), "mine.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().message(), slip.message);
  }
}

// Not JSON a rule set can hold: refused, never thrown (1e999 overflowed a
// double inside the JSON library, which threw past every handler).
TEST(RuleSetJson, UnreadableJsonIsRefused) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"extends":"national-2020","total":1e999})",
       "规则集 mine.json 不是有效的 JSON（数值超出范围）"},
      {R"({"extends":"national-2020",)", "规则集 mine.json 不是有效的 JSON（第 28 字节附近）"},
      {"[1]", "规则集 mine.json 应为 JSON 对象"},
      {R"({"extends":"nowhere"})", "规则集 mine.json：extends 指向的规则集「nowhere」不存在"},
  };
  for (const auto& [text, message] : cases) {
    Result<core::RuleSet> r = rule_set_from_json(text, "mine.json");
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.status().message(), message);
  }
}

// What a bureau may change stays accepted: its own bands, caps and thresholds.
TEST(RuleSetJson, ABureausOwnChoicesAreAccepted) {
  nlohmann::json doc = nlohmann::json::parse(builtin_rule_set_json("national-2020"));
  doc["grades"][0]["min"] = 100;
  doc["execution"]["total_caps"] = nlohmann::json::parse(R"([{"rate_below": 0.5, "cap": 0}])");
  doc["over_achievement"]["flag_at"] = 1;
  doc["checks"]["tolerance"] = 0;
  Result<core::RuleSet> r = rule_set_from_json(doc.dump(), "mine.json");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->grades[0].min, 100);
}

// A band's other words (优秀 for 优) are optional, as in rule sets written
// before they were added, and kept when the rule set is written back.
TEST(RuleSetJson, GradeWordsAreOptionalAndKept) {
  nlohmann::json doc = nlohmann::json::parse(builtin_rule_set_json("national-2020"));
  Result<core::RuleSet> with = rule_set_from_json(doc.dump(), "mine.json");
  ASSERT_TRUE(with.ok()) << with.status().message();
  EXPECT_TRUE(with->grades[0].is_called("优秀"));
  EXPECT_FALSE(with->grades[0].is_called("良好"));
  Result<core::RuleSet> again = rule_set_from_json(rule_set_to_json(*with), "again.json");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->grades[1].words, with->grades[1].words);

  for (auto& band : doc["grades"]) band.erase("words");
  Result<core::RuleSet> without = rule_set_from_json(doc.dump(), "mine.json");
  ASSERT_TRUE(without.ok()) << without.status().message();
  EXPECT_TRUE(without->grades[0].is_called("优"));
  EXPECT_FALSE(without->grades[0].is_called("优秀"));
  EXPECT_EQ(nlohmann::json::parse(rule_set_to_json(*without))["grades"][0].count("words"), 0u);
}

// Lower-is-better categories are optional too, and kept.
TEST(RuleSetJson, LowerIsBetterCategoriesAreOptionalAndKept) {
  nlohmann::json doc = nlohmann::json::parse(builtin_rule_set_json("national-2020"));
  Result<core::RuleSet> with = rule_set_from_json(doc.dump(), "mine.json");
  ASSERT_TRUE(with.ok()) << with.status().message();
  EXPECT_EQ(with->lower_is_better_categories, std::vector<std::string>{"成本"});
  Result<core::RuleSet> again = rule_set_from_json(rule_set_to_json(*with), "again.json");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->lower_is_better_categories, with->lower_is_better_categories);
  doc.erase("lower_is_better_categories");
  Result<core::RuleSet> without = rule_set_from_json(doc.dump(), "mine.json");
  ASSERT_TRUE(without.ok()) << without.status().message();
  EXPECT_TRUE(without->lower_is_better_categories.empty());
  doc["lower_is_better_categories"] = "成本指标";
  Result<core::RuleSet> slip = rule_set_from_json(doc.dump(), "mine.json");
  ASSERT_FALSE(slip.ok());
  EXPECT_EQ(slip.status().message(),
            "规则集 mine.json：字段 lower_is_better_categories 应为字符串数组");
}

// A name that is neither built in nor a file is refused with the names there
// are, and a slip of one of them is pointed out.
TEST(RuleSetJson, AnUnknownNameListsTheBuiltInOnesAndSuggestsTheNearest) {
  const Result<core::RuleSet> slip = load_rule_set("national2020");
  ASSERT_FALSE(slip.ok());
  EXPECT_EQ(slip.status().message(),
            "找不到规则集「national2020」：既不是内置规则集（national-2020、bureau-example），"
            "也不是存在的文件。是不是 national-2020？");
  const Result<core::RuleSet> far = load_rule_set("省级规则");
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.status().message().find("是不是"), std::string::npos) << far.status().message();
}

}  // namespace
}  // namespace jixiao::format
