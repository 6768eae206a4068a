// Importing evaluations, on both backends: what is stored equals what the
// engine computes, one transaction per file, refusals that change nothing.
#include <gtest/gtest.h>

#include <fstream>

#include "app/evaluations.h"
#include "app/import.h"
#include "app/units.h"
#include "app/years.h"
#include "core/engine.h"
#include "format/evaluation_reader.h"
#include "format/evaluation_writer.h"
#include "format/rule_set_json.h"
#include "storage/evaluations.h"
#include "test/app/test_sources.h"
#include "test/storage/backends.h"

namespace jixiao::test {
namespace {

class Import : public BackendTest {};

std::vector<std::unique_ptr<app::EvaluationSource>> files(const std::vector<std::string>& paths) {
  std::vector<std::unique_ptr<app::EvaluationSource>> out;
  for (const auto& p : paths) out.push_back(app::open_evaluation_source(p));
  return out;
}

TEST_P(Import, StoresTheExamplesWithTheEngineResultsAndExportsThemUnchanged) {
  const std::vector<Example> ex = examples();
  ASSERT_EQ(ex.size(), 4u);
  std::vector<std::string> paths;
  for (const auto& e : ex) paths.push_back(e.path);
  const app::ImportSummary summary = import_all(*ctx_, files(paths));
  ASSERT_EQ(summary.refused_files(), 0u) << summary.files[0].error;
  ASSERT_EQ(summary.ids.size(), ex.size());
  const core::RuleSet rules = *format::load_rule_set("national-2020");
  size_t nodes = 0;
  for (size_t k = 0; k < ex.size(); ++k) {
    const core::Evaluation& original = ex[k].evaluation;
    nodes += original.indicators.size();
    Result<storage::StoredEvaluation> stored = app::show_evaluation(*ctx_, summary.ids[k]);
    ASSERT_TRUE(stored.ok()) << stored.status().message();
    // The input comes back as it was read.
    EXPECT_EQ(format::evaluation_to_json(stored->evaluation), format::evaluation_to_json(original))
        << ex[k].path;
    // The results are the engine's.
    const core::ScoreCard card = core::score(original, rules);
    const storage::EvaluationResults& r = stored->results;
    EXPECT_EQ(r.total, card.total) << ex[k].path;
    EXPECT_EQ(r.grade, card.grade);
    EXPECT_EQ(stored->header.total, card.total);
    const std::vector<core::Finding> found = core::findings(original, card, rules);
    EXPECT_EQ(r.findings.size(), found.size());
    for (size_t f = 0; f < r.findings.size() && f < found.size(); ++f) {
      EXPECT_EQ(r.findings[f].code, found[f].code);
      EXPECT_EQ(r.findings[f].message, found[f].message);
    }
    ASSERT_EQ(r.nodes.size(), card.nodes.size());
    for (size_t i = 0; i < card.nodes.size(); ++i) {
      EXPECT_EQ(r.nodes[i].scored, card.nodes[i].scored);
      if (card.nodes[i].scored) {
        EXPECT_EQ(r.nodes[i].score, card.nodes[i].score);
      }
    }
    if (card.execution.present && card.execution.rate_known) {
      EXPECT_EQ(r.execution_rate, card.execution.rate);
    }
    EXPECT_EQ(r.figures.size(), card.department_figures.size());
  }
  EXPECT_EQ(summary.indicator_rows, nodes);
  EXPECT_EQ(rows(*db_.connection, "evaluation_indicators"), static_cast<int64_t>(nodes));
  // The published totals, as `jixiao score` reproduces them.
  Result<std::vector<storage::EvaluationHeader>> list = app::list_evaluations(*ctx_, {});
  ASSERT_TRUE(list.ok());
  std::vector<double> totals;
  for (const auto& h : *list) totals.push_back(h.total);
  EXPECT_EQ(totals, (std::vector<double>{94.07, 91.5, 99.55, 80.16}));

  // Export writes the evaluation-file format; reading it gives the same evaluations.
  std::vector<std::string> lines;
  ASSERT_TRUE(app::export_evaluations(*ctx_, {}, [&](std::string_view line) {
                lines.emplace_back(line);
                return Status();
              }).ok());
  ASSERT_EQ(lines.size(), ex.size());
  for (size_t k = 0; k < ex.size(); ++k) {
    Result<core::Evaluation> back = format::parse_evaluation(lines[k]);
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(format::evaluation_to_json(*back), format::evaluation_to_json(ex[k].evaluation));
  }
}

TEST_P(Import, AFailureInTheMiddleOfAFileLeavesNothingOfIt) {
  std::vector<std::unique_ptr<app::EvaluationSource>> sources;
  sources.push_back(std::make_unique<ListSource>(
      "good.jsonl", std::vector<core::Evaluation>{small_evaluation("甲项目", "甲单位", 2024)}));
  // Two evaluations (with a new unit, new projects and a new year) are
  // stored, then the source breaks.
  sources.push_back(std::make_unique<ListSource>(
      "broken.jsonl",
      std::vector<core::Evaluation>{small_evaluation("乙项目", "乙单位", 2025, 5),
                                    small_evaluation("丙项目", "乙单位", 2025, 4)},
      "第 3 行：字段 indicators[0].weight 应为数字"));
  sources.push_back(std::make_unique<ListSource>(
      "after.jsonl", std::vector<core::Evaluation>{small_evaluation("丁项目", "甲单位", 2024)}));
  const app::ImportSummary summary = import_all(*ctx_, std::move(sources));
  ASSERT_EQ(summary.files.size(), 3u);
  EXPECT_TRUE(summary.files[0].imported());
  EXPECT_FALSE(summary.files[1].imported());
  EXPECT_EQ(summary.files[1].evaluations.size(), 0u);
  EXPECT_NE(summary.files[1].error.find("broken.jsonl"), std::string::npos);
  EXPECT_NE(summary.files[1].error.find("indicators[0].weight"), std::string::npos);
  EXPECT_TRUE(summary.files[2].imported()) << "a refused file does not stop the next";
  EXPECT_EQ(summary.evaluations, 2u);
  EXPECT_EQ(summary.units_created, 1u);

  storage::Connection& c = *db_.connection;
  EXPECT_EQ(rows(c, "evaluations"), 2);
  EXPECT_EQ(rows(c, "evaluation_indicators"), 2 * 4);  // two evaluations of 1 + 3 nodes
  EXPECT_EQ(rows(c, "units"), 1) << "乙单位 was created by the refused file only";
  EXPECT_EQ(rows(c, "projects"), 2);
  EXPECT_EQ(rows(c, "budget_years"), 1) << "2025 was opened by the refused file only";
  // Audit: unit, 2 projects, 2 evaluations of the good files; nothing of the refused one.
  EXPECT_EQ(rows(c, "audit_log"), 5);
  Result<std::vector<storage::EvaluationHeader>> list = app::list_evaluations(*ctx_, {});
  ASSERT_TRUE(list.ok());
  for (const auto& h : *list) EXPECT_EQ(h.unit_name, "甲单位");
}

TEST_P(Import, ABadLineInARealFileRefusesTheWholeFile) {
  const std::string path = temp_path("three.jsonl");
  {
    std::ofstream out(path);
    out << format::evaluation_to_json(small_evaluation("一", "单位甲", 2024)) << "\n"
        << format::evaluation_to_json(small_evaluation("二", "单位甲", 2024)) << "\n"
        << R"({"title":"三","year":2024,"unit":"单位甲","indicators":[{"name":"甲","weight":"十五"}]})"
        << "\n";
  }
  const app::ImportSummary summary = import_all(*ctx_, files({path}));
  ASSERT_EQ(summary.refused_files(), 1u);
  EXPECT_NE(summary.files[0].error.find("three.jsonl 第 3 行"), std::string::npos)
      << summary.files[0].error;
  EXPECT_NE(summary.files[0].error.find("indicators[0].weight"), std::string::npos);
  EXPECT_EQ(rows(*db_.connection, "evaluations"), 0);
  EXPECT_EQ(rows(*db_.connection, "units"), 0);
  EXPECT_EQ(rows(*db_.connection, "audit_log"), 0);
}

TEST_P(Import, TheSameEvaluationIsNotStoredTwice) {
  const auto source = [](std::string name, std::vector<core::Evaluation> evaluations) {
    std::vector<std::unique_ptr<app::EvaluationSource>> out;
    out.push_back(std::make_unique<ListSource>(std::move(name), std::move(evaluations)));
    return out;
  };
  const core::Evaluation first = small_evaluation("甲项目", "甲单位", 2024);
  ASSERT_EQ(import_all(*ctx_, source("a.jsonl", {first})).refused_files(), 0u);
  storage::Connection& c = *db_.connection;
  const int64_t audited = rows(c, "audit_log");

  // The same file again: refused, naming the stored evaluation and how to replace it.
  core::Evaluation again = small_evaluation("乙项目", "甲单位", 2024);
  app::ImportSummary summary = import_all(*ctx_, source("a.jsonl", {again, first}));
  ASSERT_EQ(summary.refused_files(), 1u);
  const std::string& error = summary.files[0].error;
  EXPECT_NE(error.find("a.jsonl:2"), std::string::npos) << error;
  EXPECT_NE(error.find("「甲项目」（甲单位，2024年度，单位自评）已导入，编号 "), std::string::npos)
      << error;
  EXPECT_NE(error.find("jixiao save "), std::string::npos) << error;
  EXPECT_EQ(rows(c, "evaluations"), 1) << "nothing of the refused file, 乙项目 included";
  EXPECT_EQ(rows(c, "projects"), 1);
  EXPECT_EQ(rows(c, "audit_log"), audited);

  // Twice in one file: refused too.
  summary = import_all(*ctx_, source("b.jsonl", {again, again}));
  ASSERT_EQ(summary.refused_files(), 1u);
  EXPECT_NE(summary.files[0].error.find("b.jsonl:2"), std::string::npos) << summary.files[0].error;
  EXPECT_NE(summary.files[0].error.find("出现了两次"), std::string::npos) << summary.files[0].error;
  EXPECT_EQ(rows(c, "evaluations"), 1);

  // Another kind of evaluation of the same project, the same title in another
  // year or unit: other evaluations, stored.
  core::Evaluation third_party = first;
  third_party.kind = core::EvaluationKind::third_party;
  core::Evaluation next_year = first;
  next_year.year = 2025;
  core::Evaluation other_unit = small_evaluation("甲项目", "乙单位", 2024);
  summary = import_all(*ctx_, source("c.jsonl", {third_party, next_year, other_unit}));
  EXPECT_EQ(summary.refused_files(), 0u) << summary.files[0].error;
  EXPECT_EQ(rows(c, "evaluations"), 4);
}

TEST_P(Import, AnExpertsRecusalIsStoredInItsPlace) {
  core::Evaluation e = small_evaluation("专家评分项目", "甲单位", 2024);
  e.kind = core::EvaluationKind::third_party;
  e.experts = {"甲", "乙", "丙"};
  e.indicators[1].expert_scores = {std::nullopt, 25, 28};  // 甲 recused
  e.indicators[2].expert_scores = {27, std::nullopt, std::nullopt};
  e.indicators[3].expert_scores = {29, 30, std::nullopt};  // the last one recused
  std::vector<std::unique_ptr<app::EvaluationSource>> sources;
  sources.push_back(std::make_unique<ListSource>("p.jsonl", std::vector<core::Evaluation>{e}));
  const app::ImportSummary summary = import_all(*ctx_, std::move(sources));
  ASSERT_EQ(summary.ids.size(), 1u) << summary.files[0].error;
  Result<std::optional<storage::StoredEvaluation>> back =
      storage::load_evaluation(*db_.connection, summary.ids[0]);
  ASSERT_TRUE(back.ok() && *back) << back.status().message();
  for (int i = 1; i <= 3; ++i) {
    EXPECT_EQ((*back)->evaluation.indicators[i].expert_scores, e.indicators[i].expert_scores) << i;
  }
  // The stored score is the mean of the scores given: (25+28)/2.
  EXPECT_DOUBLE_EQ((*back)->results.nodes[1].score.value_or(-1), 26.5);
}

TEST_P(Import, AnEvaluationWithoutAYearIsRefused) {
  core::Evaluation e = small_evaluation("无年度", "单位", 2024);
  e.year = 0;
  std::vector<std::unique_ptr<app::EvaluationSource>> sources;
  sources.push_back(std::make_unique<ListSource>("a.json", std::vector<core::Evaluation>{e}));
  const app::ImportSummary summary = import_all(*ctx_, std::move(sources));
  ASSERT_EQ(summary.refused_files(), 1u);
  EXPECT_NE(summary.files[0].error.find("a.json:1"), std::string::npos) << summary.files[0].error;
  EXPECT_NE(summary.files[0].error.find("year"), std::string::npos);
}

TEST_P(Import, TheUnitOptionPutsEveryEvaluationUnderARegisteredUnit) {
  std::vector<std::unique_ptr<app::EvaluationSource>> sources;
  sources.push_back(std::make_unique<ListSource>(
      "a.jsonl", std::vector<core::Evaluation>{small_evaluation("一", "写的单位", 2024)}));
  app::ImportSummary summary = import_all(*ctx_, std::move(sources), {.unit_code = "B01"});
  ASSERT_EQ(summary.refused_files(), 1u);
  EXPECT_NE(summary.files[0].error.find("单位编码「B01」不存在"), std::string::npos)
      << summary.files[0].error;

  ASSERT_TRUE(app::add_unit(*ctx_, {"B01", "某预算单位", core::UnitKind::budget_unit, ""}).ok());
  sources.clear();
  sources.push_back(std::make_unique<ListSource>(
      "a.jsonl", std::vector<core::Evaluation>{small_evaluation("一", "写的单位", 2024),
                                               small_evaluation("二", "别的写法", 2024)}));
  summary = import_all(*ctx_, std::move(sources), {.unit_code = "B01"});
  ASSERT_EQ(summary.refused_files(), 0u) << summary.files[0].error;
  EXPECT_EQ(summary.units_created, 0u);
  Result<std::vector<storage::EvaluationHeader>> list = app::list_evaluations(*ctx_, {});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  for (const auto& h : *list) EXPECT_EQ(h.unit_code, "B01");
  // The unit as written is kept with the evaluation.
  EXPECT_EQ(app::show_evaluation(*ctx_, (*list)[1].id)->evaluation.unit, "别的写法");
}

TEST_P(Import, AYearsOwnRuleSetScoresItsEvaluations) {
  // 80.16 is 良 nationally and 优 under the bureau's bands (80/70/60).
  const std::vector<Example> ex = examples();
  const auto it = std::find_if(
      ex.begin(), ex.end(), [](const Example& e) { return e.path.ends_with("report-004.json"); });
  ASSERT_NE(it, ex.end());
  core::Evaluation e = it->evaluation;
  e.rule_set = "local";
  std::string json(format::builtin_rule_set_json("bureau-example"));
  json.replace(json.find("\"bureau-example\""), 16, "\"local\"");
  Result<int64_t> added = app::add_rule_set(*ctx_, e.year, json);
  ASSERT_TRUE(added.ok()) << added.status().message();
  std::vector<std::unique_ptr<app::EvaluationSource>> sources;
  sources.push_back(std::make_unique<ListSource>("a.json", std::vector<core::Evaluation>{e}));
  const app::ImportSummary summary = import_all(*ctx_, std::move(sources));
  ASSERT_EQ(summary.refused_files(), 0u) << summary.files[0].error;
  Result<storage::StoredEvaluation> stored = app::show_evaluation(*ctx_, summary.ids[0]);
  EXPECT_EQ(stored->results.scored_with, "local");
  EXPECT_EQ(stored->results.grade, "优");
  EXPECT_EQ(stored->results.total, 80.16);
}

JIXIAO_BACKENDS(Import);

}  // namespace
}  // namespace jixiao::test
