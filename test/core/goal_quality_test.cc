// Goal quality checks (rules.md §9): each fault found, and not found where the
// goal is sound.
#include "core/goal_quality.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "format/rule_set_json.h"
#include "test/support/examples.h"

namespace jixiao::core {
namespace {

using jixiao::test::national;

Indicator node(const std::string& name, std::optional<double> weight = std::nullopt,
               const std::string& target = "") {
  Indicator ind;
  ind.name = name;
  ind.weight = weight;
  ind.target_text = target;
  ind.target = parse_target(target);
  return ind;
}

// A sound self-evaluation goal: 产出 50, 效益 30, 满意度 10 (90 without the
// budget row).
Evaluation sound_goal() {
  Evaluation e;
  e.title = "中小企业管理培训项目";
  e.kind = EvaluationKind::self;
  e.overall_goal = "完成100家中小企业管理培训，提升企业经营管理水平，培训对象满意度达到90%以上。";
  const int output = e.add_indicator(node("产出指标", 50));
  const int quantity = e.add_indicator(node("数量指标", 20), output);
  e.add_indicator(node("培训企业数量", 20, "≥100家"), quantity);
  const int quality = e.add_indicator(node("质量指标", 15), output);
  e.add_indicator(node("培训合格率", 15, "≥95%"), quality);
  const int timing = e.add_indicator(node("时效指标", 15), output);
  e.add_indicator(node("培训完成时间", 15, "2021年12月底前"), timing);
  const int effect = e.add_indicator(node("效益指标", 30));
  const int social = e.add_indicator(node("社会效益指标", 30), effect);
  e.add_indicator(node("企业管理水平提升率", 30, "≥10%"), social);
  const int satisfaction = e.add_indicator(node("满意度指标", 10));
  const int served = e.add_indicator(node("服务对象满意度指标", 10), satisfaction);
  e.add_indicator(node("培训对象满意度", 10, "≥90%"), served);
  return e;
}

int find(const Evaluation& e, const std::string& name) {
  for (int i = 0; i < static_cast<int>(e.indicators.size()); ++i) {
    if (e.indicators[i].name == name) return i;
  }
  ADD_FAILURE() << "no indicator " << name;
  return 0;
}

// Appends `ind` as the last child of `parent`, keeping the tree in pre-order.
void insert_child(Evaluation& e, int parent, Indicator ind) {
  int at = parent + 1;
  auto below = [&](int k) {
    for (int p = k; p != -1; p = e.indicators[p].parent) {
      if (p == parent) return true;
    }
    return false;
  };
  while (at < static_cast<int>(e.indicators.size()) && below(at)) ++at;
  for (auto& other : e.indicators) {
    if (other.parent >= at) ++other.parent;
  }
  ind.parent = parent;
  ind.level = e.indicators[parent].level + 1;
  e.indicators.insert(e.indicators.begin() + at, std::move(ind));
}

void set_target(Evaluation& e, const std::string& name, const std::string& target) {
  Indicator& ind = e.indicators[find(e, name)];
  ind.target_text = target;
  ind.target = parse_target(target);
}

std::string dump(const std::vector<Finding>& findings) {
  std::string s;
  for (const auto& f : findings) {
    s += "\n  " + f.code + " [";
    for (const auto& p : f.path) s += p + "/";
    s += "] " + f.message;
  }
  return s;
}

std::vector<Finding> with_code(const std::vector<Finding>& findings, const std::string& code) {
  std::vector<Finding> out;
  std::copy_if(findings.begin(), findings.end(), std::back_inserter(out),
               [&](const Finding& f) { return f.code == code; });
  return out;
}

std::vector<Finding> check(const Evaluation& e, const GoalQualityOptions& options = {}) {
  return check_goal_quality(e, national(), options);
}

using Path = std::vector<std::string>;

TEST(GoalQuality, SoundGoalHasNoFindings) {
  const auto findings = check(sound_goal());
  EXPECT_TRUE(findings.empty()) << dump(findings);
}

TEST(GoalQuality, EmptyTree) {
  Evaluation e;
  e.overall_goal = "完成培训";
  const auto findings = check(e);
  ASSERT_EQ(findings.size(), 1u) << dump(findings);
  EXPECT_EQ(findings[0].code, "no_indicators");
  EXPECT_EQ(findings[0].severity, Severity::error);
  e.overall_goal.clear();
  const auto both = check(e);
  ASSERT_EQ(both.size(), 2u) << dump(both);
  EXPECT_EQ(both[1].code, "no_overall_goal");
}

TEST(GoalQuality, MissingAndUnreadableTargets) {
  Evaluation e = sound_goal();
  set_target(e, "培训合格率", "");
  set_target(e, "企业管理水平提升率", "100:%");
  const auto findings = check(e);
  const auto missing = with_code(findings, "missing_value");
  ASSERT_EQ(missing.size(), 1u) << dump(findings);
  EXPECT_EQ(missing[0].path, (Path{"产出指标", "质量指标", "培训合格率"}));
  EXPECT_EQ(missing[0].severity, Severity::error);
  const auto unreadable = with_code(findings, "unparseable_value");
  ASSERT_EQ(unreadable.size(), 1u) << dump(findings);
  EXPECT_NE(unreadable[0].message.find("100:%"), std::string::npos);
  // Neither is reported again as unmeasurable or without a unit.
  EXPECT_TRUE(with_code(findings, "unmeasurable_indicator").empty()) << dump(findings);
  EXPECT_TRUE(with_code(findings, "target_without_unit").empty()) << dump(findings);
}

// A target of several figures is scored part by part: advice, not an error.
TEST(GoalQuality, ATargetOfSeveralFiguresIsAdvisedToSplit) {
  Evaluation e = sound_goal();
  set_target(e, "培训合格率", "≥100人次，≥5场");
  const auto findings = check(e);
  const auto several = with_code(findings, "several_figures");
  ASSERT_EQ(several.size(), 1u) << dump(findings);
  EXPECT_EQ(several[0].severity, Severity::warning);
  EXPECT_NE(several[0].message.find("含2项数值"), std::string::npos) << several[0].message;
  EXPECT_TRUE(with_code(findings, "unparseable_value").empty()) << dump(findings);
}

// So is a target of a figure and words a reviewer cannot count ("覆盖全县");
// words that only say how it is counted ("详见附件") ask for nothing more.
TEST(GoalQuality, ATargetOfAFigureAndWordsIsAdvisedToSplit) {
  Evaluation e = sound_goal();
  set_target(e, "培训合格率", "≥100人次，覆盖全县");
  auto several = with_code(check(e), "several_figures");
  ASSERT_EQ(several.size(), 1u);
  EXPECT_NE(several[0].message.find("还要求「覆盖全县」"), std::string::npos) << several[0].message;
  set_target(e, "培训合格率", "≥100人次，详见附件");
  EXPECT_TRUE(with_code(check(e), "several_figures").empty());
}

TEST(GoalQuality, WeightsOfChildren) {
  Evaluation e = sound_goal();
  e.indicators[find(e, "培训企业数量")].weight = 19;
  const auto findings = with_code(check(e), "weight_sum_mismatch");
  ASSERT_EQ(findings.size(), 1u) << dump(findings);
  EXPECT_EQ(findings[0].severity, Severity::error);
  EXPECT_EQ(findings[0].path, (Path{"产出指标", "数量指标"}));
  EXPECT_EQ(findings[0].message, "下级指标分值合计19，与本级分值20不符");
  // A parent whose children have no weights is not compared.
  Evaluation partial = sound_goal();
  partial.indicators[find(partial, "培训企业数量")].weight.reset();
  EXPECT_TRUE(with_code(check(partial), "weight_sum_mismatch").empty());
}

TEST(GoalQuality, WeightTotal) {
  // 90 without a budget row is a self-evaluation goal without 预算执行率.
  Evaluation e = sound_goal();
  EXPECT_TRUE(with_code(check(e), "weight_sum_mismatch").empty());
  // With a budget, the rule set's execution weight (10) completes 100.
  e.budget = Budget{};
  EXPECT_TRUE(with_code(check(e), "weight_sum_mismatch").empty());
  e.budget->weight = 20;
  const auto over = with_code(check(e), "weight_sum_mismatch");
  ASSERT_EQ(over.size(), 1u) << dump(over);
  EXPECT_TRUE(over[0].path.empty());
  EXPECT_EQ(over[0].message, "一级指标及预算执行率分值合计50+30+10+20=110，应为100");
  // A third-party evaluation has no budget row to leave out.
  Evaluation third = sound_goal();
  third.kind = EvaluationKind::third_party;
  EXPECT_EQ(with_code(check(third), "weight_sum_mismatch").size(), 1u);
  // 95 is neither 100 nor 90.
  Evaluation flat;
  flat.overall_goal = "完成培训";
  flat.add_indicator(node("产出指标", 55, "≥100家"));
  flat.add_indicator(node("效益指标", 30, "≥10%"));
  flat.add_indicator(node("满意度指标", 10, "≥90%"));
  const auto ninety_five = with_code(check(flat), "weight_sum_mismatch");
  ASSERT_EQ(ninety_five.size(), 1u);
  EXPECT_NE(ninety_five[0].message.find("55+30+10=95"), std::string::npos)
      << ninety_five[0].message;
  flat.indicators[0].weight = 60;
  EXPECT_TRUE(with_code(check(flat), "weight_sum_mismatch").empty());
  // Without weights (a declaration form) nothing is compared.
  for (auto& ind : flat.indicators) ind.weight.reset();
  EXPECT_TRUE(with_code(check(flat), "weight_sum_mismatch").empty());
}

TEST(GoalQuality, QuantityCategoryWithoutANumber) {
  Evaluation e = sound_goal();
  set_target(e, "培训企业数量", "较多");
  const auto findings = with_code(check(e), "no_quantity_indicator");
  ASSERT_EQ(findings.size(), 1u) << dump(findings);
  EXPECT_EQ(findings[0].path, (Path{"产出指标", "数量指标"}));
  EXPECT_EQ(findings[0].severity, Severity::warning);
  // One number among the quantities is enough.
  insert_child(e, find(e, "数量指标"), node("培训课时", 0, "≥40课时"));
  EXPECT_TRUE(with_code(check(e), "no_quantity_indicator").empty()) << dump(check(e));
}

TEST(GoalQuality, OutputWithoutQuantityCategory) {
  Evaluation e;
  e.overall_goal = "完成项目建设";
  const int output = e.add_indicator(node("产出指标"));
  const int quality = e.add_indicator(node("质量指标"), output);
  e.add_indicator(node("验收合格率", std::nullopt, "100%"), quality);
  const int timing = e.add_indicator(node("时效指标"), output);
  e.add_indicator(node("完成时间", std::nullopt, "12月前"), timing);
  e.add_indicator(node("满意度指标", std::nullopt, "≥90%"));
  const auto findings = with_code(check(e), "no_quantity_indicator");
  ASSERT_EQ(findings.size(), 1u) << dump(findings);
  EXPECT_EQ(findings[0].path, (Path{"产出指标"}));
  // A flat 产出 with a number passes; with words only it does not.
  Evaluation flat;
  flat.overall_goal = "完成项目建设";
  const int out = flat.add_indicator(node("产出指标"));
  flat.add_indicator(node("建设道路", std::nullopt, "≥10公里"), out);
  flat.add_indicator(node("满意度", std::nullopt, "≥90%"));
  EXPECT_TRUE(with_code(check(flat), "no_quantity_indicator").empty());
  set_target(flat, "建设道路", "按计划完成");
  EXPECT_EQ(with_code(check(flat), "no_quantity_indicator").size(), 1u);
  // No 产出 and no 数量 anywhere.
  Evaluation none;
  none.overall_goal = "提升服务水平";
  none.add_indicator(node("服务对象满意度", std::nullopt, "≥90%"));
  const auto whole = with_code(check(none), "no_quantity_indicator");
  ASSERT_EQ(whole.size(), 1u);
  EXPECT_TRUE(whole[0].path.empty());
}

TEST(GoalQuality, DepartmentOutputNeedsANumberNotACategory) {
  Evaluation e;
  e.scope = Scope::department_overall;
  e.overall_goal = "履行职责，完成年度重点工作";
  const int output = e.add_indicator(node("产出"));
  const int duty = e.add_indicator(node("职责履行"), output);
  e.add_indicator(node("重点工作完成率", std::nullopt, "100%"), duty);
  const int effect = e.add_indicator(node("效果"));
  const int satisfaction = e.add_indicator(node("满意度"), effect);
  e.add_indicator(node("社会公众满意度", std::nullopt, "≥90%"), satisfaction);
  EXPECT_TRUE(with_code(check(e), "no_quantity_indicator").empty()) << dump(check(e));
  set_target(e, "重点工作完成率", "全面完成");
  EXPECT_EQ(with_code(check(e), "no_quantity_indicator").size(), 1u);
  // The same tree as a project lacks a 数量 category.
  set_target(e, "重点工作完成率", "100%");
  e.scope = Scope::project;
  EXPECT_EQ(with_code(check(e), "no_quantity_indicator").size(), 1u);
}

TEST(GoalQuality, UnmeasurableBenefitAndSatisfaction) {
  Evaluation e = sound_goal();
  set_target(e, "企业管理水平提升率", "明显提升");
  set_target(e, "培训对象满意度", "满意");
  const auto findings = with_code(check(e), "unmeasurable_indicator");
  ASSERT_EQ(findings.size(), 2u) << dump(findings);
  EXPECT_EQ(findings[0].path, (Path{"效益指标", "社会效益指标", "企业管理水平提升率"}));
  EXPECT_NE(findings[0].message.find("明显提升"), std::string::npos);
  EXPECT_EQ(findings[1].path, (Path{"满意度指标", "服务对象满意度指标", "培训对象满意度"}));
  // Words under 产出 are another matter; a date under 效益 is measurable.
  Evaluation output = sound_goal();
  set_target(output, "培训合格率", "合格");
  set_target(output, "企业管理水平提升率", "2022年6月前");
  EXPECT_TRUE(with_code(check(output), "unmeasurable_indicator").empty()) << dump(check(output));
  // A leaf named …满意度 outside a 满意度 category is checked too.
  Evaluation named;
  named.overall_goal = "完成培训";
  named.add_indicator(node("学员满意度", std::nullopt, "较高"));
  EXPECT_EQ(with_code(check(named), "unmeasurable_indicator").size(), 1u);
}

TEST(GoalQuality, Satisfaction) {
  Evaluation e = sound_goal();
  EXPECT_TRUE(with_code(check(e), "no_satisfaction_indicator").empty());
  e.indicators.resize(find(e, "满意度指标"));
  const auto findings = with_code(check(e), "no_satisfaction_indicator");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(findings[0].path.empty());
  EXPECT_EQ(findings[0].severity, Severity::warning);
}

TEST(GoalQuality, CostOnlyWhenTheFrameworkHasOne) {
  Evaluation e = sound_goal();
  EXPECT_TRUE(with_code(check(e), "no_cost_indicator").empty());
  GoalQualityOptions cost;
  cost.require_cost = true;
  const auto findings = with_code(check(e, cost), "no_cost_indicator");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, Severity::error);
  const int costs = e.add_indicator(node("成本指标"));
  const int economic = e.add_indicator(node("经济成本指标"), costs);
  e.add_indicator(node("人均培训成本", std::nullopt, "≤2000元"), economic);
  EXPECT_TRUE(with_code(check(e, cost), "no_cost_indicator").empty()) << dump(check(e, cost));
}

TEST(GoalQuality, TimeLimits) {
  for (const char* target : {"及时", "按时完成", "100%", "≥95%", "≥3", "当天未办结"}) {
    Evaluation e = sound_goal();
    set_target(e, "培训完成时间", target);
    const auto findings = with_code(check(e), "no_time_limit");
    ASSERT_EQ(findings.size(), 1u) << target << dump(check(e));
    EXPECT_EQ(findings[0].path, (Path{"产出指标", "时效指标", "培训完成时间"}));
  }
  for (const char* target : {"2021年12月底前", "9月前", "第三季度", "30个工作日内", "3天内",
                             "≤24小时", "6个月内", "1年内", "当天办结", "即时办结"}) {
    Evaluation e = sound_goal();
    set_target(e, "培训完成时间", target);
    EXPECT_TRUE(with_code(check(e), "no_time_limit").empty()) << target << dump(check(e));
  }
}

TEST(GoalQuality, TargetsWithoutUnit) {
  Evaluation e = sound_goal();
  set_target(e, "培训企业数量", "100");
  const auto findings = with_code(check(e), "target_without_unit");
  ASSERT_EQ(findings.size(), 1u) << dump(findings);
  EXPECT_EQ(findings[0].path, (Path{"产出指标", "数量指标", "培训企业数量"}));
  EXPECT_NE(findings[0].message.find("「100」"), std::string::npos);
  for (const char* target : {"≥100家", "100%", "5万", "≥1000万元", "1,000人次"}) {
    Evaluation ok = sound_goal();
    set_target(ok, "培训企业数量", target);
    EXPECT_TRUE(with_code(check(ok), "target_without_unit").empty()) << target;
  }
  // Dimensionless by name.
  Evaluation index = sound_goal();
  index.indicators[find(index, "企业管理水平提升率")].name = "空气质量指数";
  set_target(index, "空气质量指数", "≤100");
  EXPECT_TRUE(with_code(check(index), "target_without_unit").empty());
}

TEST(GoalQuality, ApproximateTargets) {
  for (const char* target : {"接近100%", "近95%", "将近500家", "约95%", "大约500家", "约为500家",
                             "95%左右", "≈95%", "基本达到95%", "基本实现100%"}) {
    Evaluation e = sound_goal();
    set_target(e, "培训合格率", target);
    const auto findings = with_code(check(e), "approximate_target");
    ASSERT_EQ(findings.size(), 1u) << target << dump(check(e));
    EXPECT_EQ(findings[0].severity, Severity::warning);
    EXPECT_EQ(findings[0].path, (Path{"产出指标", "质量指标", "培训合格率"}));
    EXPECT_NE(findings[0].message.find(std::string("「") + target + "」"), std::string::npos);
  }
  // Bounds, a saving of a figure, words and dates are no rough figures.
  for (const char* target : {"≥95%", "100%", "≤5%", "节约10万元", "90%-95%", "2024年12月前",
                             "签约100户", "预约500人次", "基本达到预期", "约束性指标"}) {
    Evaluation e = sound_goal();
    set_target(e, "培训合格率", target);
    EXPECT_TRUE(with_code(check(e), "approximate_target").empty()) << target;
  }
}

TEST(GoalQuality, DuplicateUnderOneParent) {
  Evaluation e = sound_goal();
  // Differs only by a space.
  insert_child(e, find(e, "数量指标"), node("培训企业 数量", 0, "≥50家"));
  const auto findings = with_code(check(e), "duplicate_indicator");
  ASSERT_EQ(findings.size(), 1u) << dump(check(e));
  EXPECT_EQ(findings[0].severity, Severity::error);
  EXPECT_EQ(findings[0].path, (Path{"产出指标", "数量指标", "培训企业 数量"}));
  EXPECT_NE(findings[0].message.find("产出指标/数量指标/培训企业数量"), std::string::npos)
      << findings[0].message;
}

// A row's number and a unit in brackets do not make a name another (text::measure_name).
TEST(GoalQuality, DuplicateNumberedOrWithItsUnit) {
  for (const char* name : {"3.培训企业数量", "培训企业数量（家）", "（三）培训企业数量(家)"}) {
    Evaluation e = sound_goal();
    insert_child(e, find(e, "数量指标"), node(name, 0, "≥50家"));
    const auto findings = with_code(check(e), "duplicate_indicator");
    ASSERT_EQ(findings.size(), 1u) << name << dump(check(e));
    EXPECT_EQ(findings[0].path, (Path{"产出指标", "数量指标", name}));
  }
}

TEST(GoalQuality, DuplicateNameAndTargetElsewhere) {
  Evaluation e;
  e.overall_goal = "完成培训";
  const int a = e.add_indicator(node("产出指标"));
  const int qa = e.add_indicator(node("数量指标"), a);
  e.add_indicator(node("培训人数", std::nullopt, "≥100人"), qa);
  const int qb = e.add_indicator(node("质量指标"), a);
  e.add_indicator(node("培训人数", std::nullopt, "≥100人"), qb);
  e.add_indicator(node("满意度", std::nullopt, "≥90%"));
  const auto findings = with_code(check(e), "duplicate_indicator");
  ASSERT_EQ(findings.size(), 1u) << dump(check(e));
  EXPECT_EQ(findings[0].severity, Severity::warning);
  EXPECT_EQ(findings[0].path, (Path{"产出指标", "质量指标", "培训人数"}));
  // The same name with another target is not a duplicate.
  set_target(e, "培训人数", "≥100人");
  e.indicators[4].target_text = "≥200人";
  e.indicators[4].target = parse_target("≥200人");
  EXPECT_TRUE(with_code(check(e), "duplicate_indicator").empty()) << dump(check(e));
}

TEST(GoalQuality, OverallGoalMissing) {
  for (const char* goal : {"", "   ", "。"}) {
    Evaluation e = sound_goal();
    e.overall_goal = goal;
    const auto findings = with_code(check(e), "no_overall_goal");
    EXPECT_EQ(findings.size(), 1u) << "[" << goal << "]";
  }
}

TEST(GoalQuality, OverallGoalRepeatingIndicators) {
  const char* repeating[] = {
      "培训企业数量、培训合格率、培训对象满意度",
      "1.培训企业数量≥100家；2.培训合格率≥95%；3.提升企业管理水平",
      "一、培训企业数量；二、培训合格率",
      "（1）培训企业数量100家；（2）培训合格率",  // a name with a bare figure repeats
      "培训企业数量，培训合格率，培训对象满意度等。",
  };
  for (const char* goal : repeating) {
    Evaluation e = sound_goal();
    e.overall_goal = goal;
    const auto findings = with_code(check(e), "goal_repeats_indicators");
    ASSERT_EQ(findings.size(), 1u) << goal;
    EXPECT_TRUE(findings[0].path.empty());
    EXPECT_NE(findings[0].message.find("培训企业数量"), std::string::npos) << findings[0].message;
  }
  const char* describing[] = {
      // exactly half repeats: not "most"
      "培训企业数量，提升企业经营管理水平",
      "培训企业数量大幅增加，企业管理水平明显提升",
      "完成培训企业数量统计，提升企业经营管理水平，增强企业竞争力",
      "完成1.5万人次培训，提升企业管理水平",
  };
  for (const char* goal : describing) {
    Evaluation e = sound_goal();
    e.overall_goal = goal;
    EXPECT_TRUE(with_code(check(e), "goal_repeats_indicators").empty()) << goal;
  }
  // A name followed by its own (worded) target repeats it too.
  Evaluation worded = sound_goal();
  set_target(worded, "企业管理水平提升率", "明显提升");
  worded.overall_goal = "企业管理水平提升率明显提升，培训企业数量≥100家";
  EXPECT_EQ(with_code(check(worded), "goal_repeats_indicators").size(), 1u);
  worded.overall_goal = "企业管理水平提升率逐年提高，培训企业数量≥100家";
  EXPECT_TRUE(with_code(check(worded), "goal_repeats_indicators").empty());
  // The share is a parameter.
  Evaluation e = sound_goal();
  e.overall_goal = "培训企业数量，提升企业经营管理水平";
  GoalQualityOptions strict;
  strict.repeat_share = 0.3;
  EXPECT_EQ(with_code(check(e, strict), "goal_repeats_indicators").size(), 1u);
}

TEST(GoalQuality, NotApplicableLeavesAreSkipped) {
  Evaluation e = sound_goal();
  set_target(e, "培训完成时间", "不适用");
  set_target(e, "企业管理水平提升率", "/");
  EXPECT_TRUE(check(e).empty()) << dump(check(e));
  // A category that does not apply takes its leaves with it.
  Evaluation flagged = sound_goal();
  set_target(flagged, "培训企业数量", "100");
  EXPECT_EQ(with_code(check(flagged), "target_without_unit").size(), 1u);
  flagged.indicators[find(flagged, "数量指标")].not_applicable = true;
  EXPECT_TRUE(check(flagged).empty()) << dump(check(flagged));
}

TEST(GoalQuality, OrderIsStableAndDeterministic) {
  Evaluation e = sound_goal();
  set_target(e, "培训企业数量", "100");             // target_without_unit
  set_target(e, "培训完成时间", "及时");            // no_time_limit
  set_target(e, "企业管理水平提升率", "有所提高");  // unmeasurable_indicator
  e.indicators[find(e, "培训合格率")].weight = 10;  // weight_sum_mismatch
  e.overall_goal = "培训企业数量、培训合格率";      // goal_repeats_indicators
  const auto first = check(e);
  const auto second = check(e);
  std::vector<std::string> codes;
  for (const auto& f : first) codes.push_back(f.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"weight_sum_mismatch", "unmeasurable_indicator",
                                             "no_time_limit", "target_without_unit",
                                             "goal_repeats_indicators"}))
      << dump(first);
  ASSERT_EQ(first.size(), second.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].code, second[i].code);
    EXPECT_EQ(first[i].message, second[i].message);
    EXPECT_EQ(first[i].path, second[i].path);
  }
}

}  // namespace
}  // namespace jixiao::core
