// The scored evaluation as JSON: paths of leaves and findings, and what the
// writer keeps from one evaluation to the next.
#include "format/scorecard_json.h"

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "test/support/examples.h"

namespace jixiao::format {
namespace {

nlohmann::json written(const core::Evaluation& e) {
  std::string out;
  JsonWriter w(out);
  write_scorecard_json(w, e, core::score(e, test::national()), test::national(), "a.json");
  return nlohmann::json::parse(out);
}

// Three levels, a level-1 leaf, names that need escaping, and findings on a
// leaf and on a category: each path names every level, in order.
TEST(ScorecardJson, PathsNameEveryLevel) {
  core::Evaluation e;
  e.title = "路径";
  const int output = e.add_indicator(test::indicator_row("产出\"指标\"", 60));
  const int quantity = e.add_indicator(test::indicator_row("数量指标", 30), output);
  e.add_indicator(test::indicator_row("企业数", 20, "≥100家", "100家"), quantity);
  e.add_indicator(test::indicator_row("培训人次", 10, "≥50人次", "40人次"), quantity);
  const int quality =
      e.add_indicator(test::indicator_row("质量指标", 25), output);  // children give 20: flagged
  e.add_indicator(test::indicator_row("合格率", 20, "100%", "100%"), quality);
  e.add_indicator(test::indicator_row("满意度", 40, "≥90%", "95%"));

  const nlohmann::json doc = written(e);
  const auto& leaves = doc["indicators"];
  ASSERT_EQ(leaves.size(), 4u);
  EXPECT_EQ(leaves[0]["path"], nlohmann::json({"产出\"指标\"", "数量指标", "企业数"}));
  EXPECT_EQ(leaves[1]["path"], nlohmann::json({"产出\"指标\"", "数量指标", "培训人次"}));
  EXPECT_EQ(leaves[2]["path"], nlohmann::json({"产出\"指标\"", "质量指标", "合格率"}));
  EXPECT_EQ(leaves[3]["path"], nlohmann::json({"满意度"}));
  bool category_flagged = false;
  for (const auto& f : doc["findings"]) {
    if (f["code"] == "weight_sum_mismatch" && f["path"].size() == 2) {
      EXPECT_EQ(f["path"], nlohmann::json({"产出\"指标\"", "质量指标"}));
      category_flagged = true;
    }
  }
  EXPECT_TRUE(category_flagged) << doc["findings"].dump();
}

// The writer keeps its working strings per thread. After an evaluation of
// thousands of nodes with long names (which it lets go of), a small one is
// written exactly as when it comes first.
TEST(ScorecardJson, AfterALargeEvaluationASmallOneIsTheSame) {
  core::Evaluation small;
  small.title = "小";
  const int c = small.add_indicator(test::indicator_row("产出指标", 50));
  small.add_indicator(test::indicator_row("数量", 50, "≥10个", "9个"), c);
  const nlohmann::json before = written(small);

  core::Evaluation large;
  large.title = "大";
  const std::string long_name(70 * 1024, 'x');  // above what the writer keeps
  for (int k = 0; k < 1100; ++k) {
    const bool is_long = k < 2;
    const int category = large.add_indicator(
        test::indicator_row((is_long ? long_name : "类") + std::to_string(k), 0.05));
    for (int j = 0; j < (is_long ? 10 : 1); ++j) {
      large.add_indicator(
          test::indicator_row("指标" + std::to_string(j), 0.05 / (is_long ? 10 : 1), "≥1", "1"),
          category);
    }
  }
  const nlohmann::json big = written(large);
  ASSERT_EQ(big["indicators"].size(), 1118u);
  EXPECT_EQ(big["indicators"][19]["path"][0], long_name + "1");
  EXPECT_EQ(big["indicators"][1117]["path"], nlohmann::json({"类1099", "指标0"}));

  EXPECT_EQ(written(small), before);
}

}  // namespace
}  // namespace jixiao::format
