// The evaluation writer against the reader: writing an evaluation and reading
// it back gives the same evaluation, field by field, for the examples, the
// benchmark's generated evaluations and random trees that use every field.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "bench/generate_evaluations.h"
#include "core/decimal.h"
#include "format/evaluation_reader.h"
#include "format/evaluation_writer.h"
#include "test/support/evaluation_compare.h"
#include "test/support/random.h"

namespace jixiao::format {
namespace {

using core::Evaluation;

// Writes `e`, reads the text back and compares.
void round_trip(const Evaluation& e, const std::string& where) {
  const std::string text = evaluation_to_json(e);
  EXPECT_EQ(text.find('\n'), std::string::npos) << "one line, for JSON Lines";
  Result<Evaluation> back = parse_evaluation(text, where);
  ASSERT_TRUE(back.ok()) << back.status().message() << "\n" << text;
  SCOPED_TRACE(where);
  jixiao::test::expect_same_evaluation(e, *back);
  EXPECT_EQ(evaluation_to_json(*back), text) << "writing again gives the same bytes";
}

TEST(EvaluationWriter, RoundTripsTheExamples) {
  int n = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(JIXIAO_SOURCE_DIR) + "/examples")) {
    EvaluationReader reader;
    ASSERT_TRUE(reader
                    .read_file(entry.path().string(),
                               [&](Evaluation& e, size_t) {
                                 round_trip(e, entry.path().string());
                                 ++n;
                                 return Status();
                               })
                    .ok());
  }
  EXPECT_EQ(n, 4);
}

TEST(EvaluationWriter, RoundTripsTheGeneratedSelfEvaluations) {
  std::string text;
  for (uint64_t i = 0; i < 300; ++i) {
    bench::append_evaluation(text, bench::kDefaultSeed, i);
    text += '\n';
  }
  EvaluationReader reader;
  int n = 0;
  ASSERT_TRUE(reader
                  .read_text(text, "generated", true,
                             [&](Evaluation& e, size_t line) {
                               round_trip(e, "generated line " + std::to_string(line));
                               ++n;
                               return Status();
                             })
                  .ok());
  EXPECT_EQ(n, 300);
}

// Random evaluations that use every field the format has.
class Generator : jixiao::test::Random {
 public:
  explicit Generator(unsigned seed) : Random(seed) {}

  Evaluation evaluation() {
    Evaluation e;
    e.title = text("评价\"对象\"\\\n");
    if (chance(0.8)) e.unit = text("单位");
    if (chance(0.9)) e.year = 1900 + static_cast<int>(below(300));
    e.kind = pick({core::EvaluationKind::self, core::EvaluationKind::department,
                   core::EvaluationKind::finance, core::EvaluationKind::third_party});
    e.scope = pick({core::Scope::project, core::Scope::department_overall});
    if (chance(0.3)) e.rule_set = pick<std::string>({"national-2020", "bureau-example"});
    if (chance(0.5)) e.overall_goal = text("目标\t");
    if (chance(0.7)) {
      core::Budget& b = e.budget.emplace();
      if (chance(0.5)) b.name = "预算执行率";
      b.initial = maybe_amount();
      b.adjusted = maybe_amount();
      b.executed = maybe_amount();
      b.received = maybe_amount();
      if (chance(0.8)) b.weight = 10;
      if (chance(0.5)) b.target_rate = "100%";
      if (chance(0.5)) b.stated_rate = "95.5%";
      b.stated_score = maybe_figure();
      for (int k = static_cast<int>(below(3)); k > 0; --k) {
        b.sources.push_back({pick({core::FundingSource::fiscal, core::FundingSource::carried_over,
                                   core::FundingSource::other}),
                             maybe_amount(), maybe_amount(), maybe_amount()});
      }
    }
    const int experts = chance(0.3) ? 1 + static_cast<int>(below(5)) : 0;
    for (int k = 0; k < experts; ++k) e.experts.push_back("专家" + std::to_string(k));
    if (chance(0.3))
      e.panel_method = pick({core::PanelMethod::mean, core::PanelMethod::trimmed_mean});
    for (int c = 1 + static_cast<int>(below(4)); c > 0; --c) subtree(e, -1, 1 + below(4), experts);
    e.stated_total = maybe_figure();
    if (chance(0.5)) e.stated_grade = pick<std::string>({"优", "良", "中", "差"});
    if (chance(0.3)) {
      core::DepartmentData& d = e.department.emplace();
      d.initial_budget = maybe_amount();
      d.final_expenditure = maybe_amount();
      d.staff_actual = maybe_amount();
      d.staff_quota = maybe_amount();
      d.basic = maybe_amount();
      for (int k = static_cast<int>(below(3)); k > 0; --k) {
        d.projects.push_back({text("项目"), maybe_amount(), chance(0.5) ? "良" : ""});
      }
    }
    return e;
  }

 private:
  void subtree(Evaluation& e, int parent, unsigned depth, int experts) {
    core::Indicator n;
    n.name = text("指标");
    if (chance(0.8)) n.weight = std::round(uniform(0, 30) * 2) / 2;
    const int index = e.add_indicator(n, parent);
    if (depth > 1) {
      for (int c = 1 + static_cast<int>(below(3)); c > 0; --c)
        subtree(e, index, depth - 1, experts);
      if (chance(0.3)) e.indicators[index].stated_score = maybe_figure();
      return;
    }
    core::Indicator& leaf = e.indicators[index];
    static const char* kTargets[] = {"≥100家", "≤50万元", "=0件", "100%",    "达成年度指标", "优",
                                     "9月前",  "",        "/",    "1,234.5", "100:%"};
    leaf.target_text = kTargets[below(std::size(kTargets))];
    leaf.actual_text = kTargets[below(std::size(kTargets))];
    leaf.target = core::parse_target(leaf.target_text);
    leaf.actual = core::parse_value(leaf.actual_text);
    leaf.stated_score = maybe_figure();
    if (chance(0.3)) leaf.checked_score = core::round_half_up(uniform(0, 20));
    if (chance(0.2)) leaf.deduction_reason = text("扣分");
    if (chance(0.3)) {
      leaf.kind = pick({core::ScoringKind::higher_is_better, core::ScoringKind::lower_is_better,
                        core::ScoringKind::qualitative_tiers, core::ScoringKind::linear_deduction,
                        core::ScoringKind::manual});
    }
    if (chance(0.1)) leaf.per_point = 0.5;
    if (chance(0.3)) leaf.note = text("说明\r\n");
    if (chance(0.05)) leaf.not_applicable = true;
    if (chance(0.05)) leaf.figure = "execution_rate";
    for (int k = 0; k < experts && chance(0.7); ++k) {
      // Now and then an expert recuses (null in the file).
      leaf.expert_scores.push_back(
          chance(0.1) ? std::nullopt
                      : std::optional<double>(core::round_half_up(uniform(0, 20), 1)));
    }
  }

  std::optional<core::Figure> maybe_figure() {
    if (!chance(0.5)) return std::nullopt;
    const int decimals = static_cast<int>(below(3));
    return core::Figure{core::round_half_up(uniform(0, 100), decimals), decimals};
  }
  std::optional<double> maybe_amount() {
    if (!chance(0.6)) return std::nullopt;
    return chance(0.5) ? uniform(0, 1e6) : core::round_half_up(uniform(0, 1e4), 2);
  }
  std::string text(const std::string& base) {
    return base + std::to_string(below(1000)) + (chance(0.1) ? "\x01\xe2\x80\x94" : "");
  }
};

// Found by the round trip: amounts of earlier funding lines were lost when
// the list of lines grew while the budget was read.
TEST(EvaluationReaderBudget, EveryFundingLineKeepsItsAmounts) {
  Result<Evaluation> e = parse_evaluation(
      R"({"title":"t","indicators":[],"budget":{"sources":[{"source":"fiscal","executed":"3万元"},
         {"source":"other","executed":2},{"source":"carried_over","initial":1}],"unit":"元"}})");
  ASSERT_TRUE(e.ok()) << e.status().message();
  ASSERT_EQ(e->budget->sources.size(), 3u);
  EXPECT_EQ(e->budget->sources[0].executed, 3);     // 万元 as written
  EXPECT_EQ(e->budget->sources[1].executed, 2e-4);  // 元, the budget's unit
  EXPECT_EQ(e->budget->sources[2].initial, 1e-4);
  std::string many = R"({"title":"t","indicators":[],"budget":{"sources":[)";
  for (int i = 0; i < 17; ++i) many += std::string(i ? "," : "") + R"({"source":"fiscal"})";
  Result<Evaluation> refused = parse_evaluation(many + "]}}");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("资金来源行过多"), std::string::npos);
}

TEST(EvaluationWriter, RoundTripsRandomTreesUsingEveryField) {
  for (unsigned seed = 1; seed <= 500; ++seed) {
    Generator gen(seed);
    round_trip(gen.evaluation(), "seed " + std::to_string(seed));
    if (HasFailure()) break;
  }
}

}  // namespace
}  // namespace jixiao::format
