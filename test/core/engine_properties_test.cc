// Properties of the engine over generated evaluations: scores stay within
// their weights, parents add up their children, the total adds up the parts,
// and scoring is deterministic whatever the input.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/decimal.h"
#include "core/engine.h"
#include "format/rule_set_json.h"
#include "test/support/examples.h"
#include "test/support/random.h"

namespace jixiao::core {
namespace {

using jixiao::test::national;

class Generator : jixiao::test::Random {
 public:
  explicit Generator(unsigned seed) : Random(seed) {}

  Evaluation evaluation() {
    Evaluation e;
    e.title = "generated";
    e.kind = pick({EvaluationKind::self, EvaluationKind::third_party});
    if (chance(0.7)) {
      Budget& b = e.budget.emplace();
      b.adjusted = uniform(1, 1000);
      b.executed = *b.adjusted * uniform(0, 1.2);
      b.weight = 10;
    }
    const int categories = 1 + static_cast<int>(below(5));
    for (int c = 0; c < categories; ++c) subtree(e, -1, 1 + static_cast<int>(below(3)));
    return e;
  }

 private:
  void subtree(Evaluation& e, int parent, int depth) {
    Indicator node;
    node.name = "n" + std::to_string(e.indicators.size());
    const int index = e.add_indicator(node, parent);
    if (depth == 1) {
      leaf(e.indicators[index]);
      return;
    }
    const int children = 1 + static_cast<int>(below(4));
    for (int c = 0; c < children; ++c) subtree(e, index, depth - 1);
  }

  void leaf(Indicator& n) {
    n.weight = std::round(uniform(0, 20) * 2) / 2;
    static const char* kTargets[] = {
        "≥100家",   "≤50万元", "=0件",     "100%", "≥90%",      "达成年度指标",       "优",
        "是",       "9月前",   "24小时内", "/",    "100-200人", "在职人员控制率100%", "≥0",
        "形成报告", ""};
    static const char* kActuals[] = {"97家", "130家",  "45万元",   "120万元", "0件",  "3件",
                                     "96%",  "≥90%",   "基本达到", "良",      "否",   "7月",
                                     "12月", "30小时", "/",        "150人",   "103%", "0",
                                     "-5",   "100:%",  "",         "完成"};
    n.target_text = kTargets[below(std::size(kTargets))];
    n.actual_text = kActuals[below(std::size(kActuals))];
    n.target = parse_target(n.target_text);
    n.actual = parse_value(n.actual_text);
    if (chance(0.3)) n.stated_score = Figure{round_half_up(uniform(0, *n.weight)), 2};
    if (chance(0.2)) n.note = "说明";
    if (chance(0.05)) n.not_applicable = true;
  }
};

TEST(EngineProperties, HoldOverGeneratedTrees) {
  const RuleSet& rules = national();
  ScoreCard reused;
  for (unsigned seed = 1; seed <= 2000; ++seed) {
    Generator gen(seed);
    const Evaluation e = gen.evaluation();
    const ScoreCard card = score(e, rules);
    SCOPED_TRACE("seed " + std::to_string(seed));
    const int n = static_cast<int>(e.indicators.size());
    ASSERT_EQ(card.nodes.size(), e.indicators.size());

    for (int i = 0; i < n; ++i) {
      const NodeResult& node = card.nodes[i];
      if (!node.scored) continue;
      // 0 ≤ score ≤ weight for every computed score (stated scores are kept
      // as stated and flagged when above the weight).
      EXPECT_GE(node.score, 0) << i;
      EXPECT_LE(node.score, node.weight + 1e-9) << i;
      EXPECT_EQ(node.score, round_half_up(node.score, 2)) << "rounded once, to 2 places";
      if (e.is_leaf(i)) {
        EXPECT_FALSE(explain(e, card, i, rules).empty()) << i;
      }
    }
    // A parent whose children all carry weights is the sum of their scores.
    for (int i = 0; i < n; ++i) {
      if (e.is_leaf(i) || card.nodes[i].why.reason != Reason::sum) continue;
      double sum = 0;
      for (int c = i + 1; c < n && e.indicators[c].level > e.indicators[i].level; ++c) {
        if (e.indicators[c].parent == i && card.nodes[c].scored) sum += card.nodes[c].score;
      }
      EXPECT_NEAR(card.nodes[i].score, sum, 1e-6) << i;
    }
    // The total is the sum of the parts (before rescaling and caps).
    double parts = card.execution.score;
    for (int i : categories(e)) parts += card.nodes[i].scored ? card.nodes[i].score : 0;
    EXPECT_NEAR(card.raw_total, parts, 1e-6);
    if (!card.rescaled && !card.cap) {
      EXPECT_EQ(card.total, card.raw_total);
    }
    if (card.rescaled) {
      EXPECT_LE(card.applicable_weight, card.weight);
    }
    EXPECT_GE(card.execution.score, 0);
    EXPECT_LE(card.execution.score, card.execution.weight + 1e-9);
    EXPECT_FALSE(card.grade.empty());
    // Every flag is worded and points at a real node.
    for (const Finding& f : findings(e, card, rules)) {
      EXPECT_FALSE(f.message.empty()) << f.code;
      EXPECT_FALSE(f.code.empty());
      EXPECT_LE(f.path.size(), 4u) << f.code;
    }
    // Deterministic, and reusing a ScoreCard gives the same result.
    score_into(e, rules, reused);
    EXPECT_EQ(reused.total, card.total);
    EXPECT_EQ(reused.flags.size(), card.flags.size());
  }
}

}  // namespace
}  // namespace jixiao::core
