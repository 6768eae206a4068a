#include "core/model.h"

#include <gtest/gtest.h>

#include "core/finding.h"

namespace jixiao::core {
namespace {

TEST(UnitTree, BuildsTheOrganisation) {
  UnitTree tree;
  ASSERT_TRUE(tree.add({"000", "某区财政局", UnitKind::finance_bureau, ""}).ok());
  ASSERT_TRUE(tree.add({"101", "某区教育委员会", UnitKind::department, "000"}).ok());
  ASSERT_TRUE(tree.add({"101001", "某区第一中学", UnitKind::budget_unit, "101"}).ok());
  EXPECT_TRUE(tree.is_within("101001", "000"));
  EXPECT_TRUE(tree.is_within("101001", "101001"));
  EXPECT_FALSE(tree.is_within("101", "101001"));
  ASSERT_EQ(tree.children("101").size(), 1u);
  EXPECT_EQ(tree.children("101")[0]->name, "某区第一中学");
}

TEST(UnitTree, RefusesBrokenTrees) {
  UnitTree tree;
  ASSERT_TRUE(tree.add({"000", "财政局", UnitKind::finance_bureau, ""}).ok());
  EXPECT_EQ(tree.add({"000", "重复", UnitKind::department, ""}).message(), "单位编码「000」已存在");
  EXPECT_EQ(tree.add({"102", "无上级", UnitKind::department, "999"}).message(),
            "上级单位「999」不存在");
  ASSERT_TRUE(tree.add({"201", "学校", UnitKind::budget_unit, "000"}).ok());
  EXPECT_FALSE(tree.add({"202", "学校下级", UnitKind::budget_unit, "201"}).ok());
  EXPECT_FALSE(tree.add({"", "无编码", UnitKind::department, ""}).ok());
}

Indicator named(const char* name) {
  Indicator n;
  n.name = name;
  return n;
}

TEST(Evaluation, TreesArePreOrderWithPaths) {
  Evaluation e;
  const int output = e.add_indicator(named("产出指标"));
  const int quantity = e.add_indicator(named("数量指标"), output);
  const int leaf = e.add_indicator(named("企业数"), quantity);
  const int benefit = e.add_indicator(named("效益指标"));
  EXPECT_EQ(e.indicators[leaf].level, 3);
  EXPECT_EQ(e.path(leaf), (std::vector<std::string>{"产出指标", "数量指标", "企业数"}));
  EXPECT_FALSE(e.is_leaf(output));
  EXPECT_TRUE(e.is_leaf(leaf));
  EXPECT_TRUE(e.is_leaf(benefit));
}

// append_path_text writes what path_text(path(i)) does, also where a name is
// empty (path_text writes no "/" before its first non-empty name) and after text
// already in the string.
TEST(Evaluation, PathTextWithoutTheVectorOfNames) {
  Evaluation e;
  const int output = e.add_indicator(named("产出指标"));
  const int blank = e.add_indicator(named(""), output);
  e.add_indicator(named("企业数"), blank);
  const int unnamed = e.add_indicator(named(""));
  e.add_indicator(named("满意度"), unnamed);
  for (int i = 0; i < static_cast<int>(e.indicators.size()); ++i) {
    std::string out = "前缀";
    e.append_path_text(i, out);
    EXPECT_EQ(out, "前缀" + path_text(e.path(i))) << i;
  }
  std::string out;
  e.append_path_text(2, out);
  EXPECT_EQ(out, "产出指标//企业数");  // an empty name in the middle keeps its place
  out.clear();
  e.append_path_text(4, out);
  EXPECT_EQ(out, "满意度");
}

TEST(Codes, RoundTripBetweenCodesAndLabels) {
  for (auto kind : {EvaluationKind::self, EvaluationKind::department, EvaluationKind::finance,
                    EvaluationKind::third_party}) {
    EXPECT_EQ(evaluation_kind_from_text(evaluation_kind_code(kind)), kind);
    EXPECT_EQ(evaluation_kind_from_text(evaluation_kind_label(kind)), kind);
  }
  EXPECT_EQ(scope_from_text("部门整体"), Scope::department_overall);
  EXPECT_EQ(scoring_kind_from_code("lower_is_better"), ScoringKind::lower_is_better);
  EXPECT_EQ(scoring_kind_from_code("反向指标"), ScoringKind::lower_is_better);
  EXPECT_FALSE(scoring_kind_from_code("sideways").has_value());
}

}  // namespace
}  // namespace jixiao::core
