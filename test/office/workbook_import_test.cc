// Importing the official tables from workbooks in the layouts real files have
// (test/office/fixtures/make_layouts.py writes them; README there says what
// each one exercises). Each import must equal what the JSON form gives.
#include <gtest/gtest.h>

#include "core/engine.h"
#include "format/evaluation_reader.h"
#include "format/rule_set_json.h"
#include "office/workbook_import.h"
#include "test/support/evaluation_compare.h"
#include "test/support/examples.h"

namespace jixiao::office {
namespace {

std::string fixture(const std::string& name) {
  return std::string(JIXIAO_SOURCE_DIR) + "/test/office/fixtures/" + name;
}

std::vector<ImportedEvaluation> import(const std::string& path) {
  WorkbookImporter importer;
  std::vector<ImportedEvaluation> out;
  Status s = importer.read_file(path, [&](ImportedEvaluation& e, size_t) {
    out.push_back(e);
    return Status();
  });
  EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

std::string import_error(const std::string& path) {
  WorkbookImporter importer;
  Status s = importer.read_file(path, [](ImportedEvaluation&, size_t) { return Status(); });
  EXPECT_FALSE(s.ok());
  return s.message();
}

using jixiao::test::national;

std::vector<std::string> finding_codes(const core::Evaluation& e, const core::ScoreCard& card) {
  std::vector<std::string> codes;
  for (const auto& f : core::findings(e, card, national())) codes.push_back(f.code);
  return codes;
}

TEST(WorkbookImport, OfficialLayoutEqualsTheJsonForm) {
  const auto imported = import(fixture("official.xlsx"));
  ASSERT_EQ(imported.size(), 1u);
  const core::Evaluation expected = *format::parse_evaluation(R"({
    "title": "2024年朝阳区高新技术产业发展引导资金项目", "unit": "朝阳区发改委", "year": 2024,
    "overall_goal": "构建高精尖产业结构，支持约100-200家企业",
    "budget": {"initial": 11559.274, "adjusted": 11559.274, "executed": 11559.274, "weight": 10,
               "stated_rate": "100%", "stated_score": 10,
               "sources": [{"source": "fiscal", "initial": 11559.274, "adjusted": 11559.274, "executed": 11559.274},
                           {"source": "carried_over", "initial": 20, "adjusted": 20, "executed": 12},
                           {"source": "other"}]},
    "indicators": [
      {"name": "产出指标", "children": [
        {"name": "数量指标", "children": [{"name": "支持企业数", "weight": 15, "target": "100家", "actual": "97家", "stated_score": 14.55, "note": "部分企业未通过评审"}]},
        {"name": "质量指标", "children": [{"name": "评审合规性", "weight": 15, "target": "优", "actual": "优", "stated_score": 15}]},
        {"name": "时效指标", "children": [{"name": "资金按期拨付", "weight": 10, "target": "优", "actual": "优", "stated_score": 10}]}]},
      {"name": "成本指标", "children": [
        {"name": "经济成本指标", "children": [{"name": "单个项目最高支持金额", "weight": 10, "target": "≤1000万元", "actual": "≤1000万元", "stated_score": 10}]}]},
      {"name": "效益指标", "children": [
        {"name": "经济效益指标", "children": [{"name": "研发投入强度", "weight": 15, "target": "≥4%", "actual": "7.8%", "stated_score": 15}]},
        {"name": "社会效益指标", "children": [{"name": "发挥产业资金引导作用", "weight": 15, "target": "优", "actual": "优", "stated_score": 15}]}]},
      {"name": "满意度指标", "children": [
        {"name": "服务对象满意度指标", "children": [{"name": "服务对象满意度", "weight": 10, "target": "≥90%", "actual": "92%", "stated_score": 10}]}]}],
    "stated_total": 99.55, "stated_grade": "优"})");
  const core::Evaluation& e = imported[0].evaluation;
  jixiao::test::expect_same_evaluation(e, expected, jixiao::test::kOfficialTable);
  EXPECT_EQ(imported[0].text.department, "北京市朝阳区科委");
  EXPECT_EQ(imported[0].text.overall_result, "支持企业97家");
  ASSERT_EQ(e.budget->sources.size(), 3u);
  // 上年结转资金 is written "20万", "12万" in the 万元 block: 20 and 12 万元.
  EXPECT_EQ(e.budget->sources[1].source, core::FundingSource::carried_over);
  EXPECT_DOUBLE_EQ(e.budget->sources[1].initial.value_or(-1), 20);
  EXPECT_DOUBLE_EQ(e.budget->sources[1].executed.value_or(-1), 12);
  const core::ScoreCard a = core::score(e, national());
  const core::ScoreCard b = core::score(expected, national());
  EXPECT_EQ(a.total, 99.55);
  EXPECT_EQ(a.total, b.total);
  EXPECT_EQ(finding_codes(e, a), finding_codes(expected, b));
}

TEST(WorkbookImport, FindingsNameSheetAndCell) {
  auto imported = import(fixture("official.xlsx"));
  ASSERT_EQ(imported.size(), 1u);
  const core::ScoreCard card = core::score(imported[0].evaluation, national());
  std::vector<core::Finding> findings = core::findings(imported[0].evaluation, card, national());
  locate_findings(imported[0].source, imported[0].evaluation, findings);
  ASSERT_EQ(findings.size(), 1u);
  // 研发投入强度 sits in row 17; its 实际完成值 is column E.
  EXPECT_EQ(findings[0].message.rfind("项目支出绩效自评表!E17：", 0), 0u) << findings[0].message;
}

TEST(WorkbookImport, VariantLayoutIsFoundByText) {
  // 分值 before 指标值, 全年实际值, 未完成原因, weights in merged category
  // names, funds block below in 元, blank rows, title rows.
  const auto imported = import(fixture("variant.xlsx"));
  ASSERT_EQ(imported.size(), 1u);
  const core::Evaluation& e = imported[0].evaluation;
  EXPECT_EQ(e.title, "城市社区养老服务补助项目");
  EXPECT_EQ(e.unit, "某市民政局");
  EXPECT_EQ(e.year, 2023);
  ASSERT_TRUE(e.budget);
  EXPECT_NEAR(*e.budget->initial, 500, 1e-9);  // 5,000,000 元 in 万元
  EXPECT_NEAR(*e.budget->adjusted, 480, 1e-9);
  EXPECT_NEAR(*e.budget->executed, 432, 1e-9);
  EXPECT_EQ(e.budget->stated_rate, "90%");
  EXPECT_EQ(e.budget->stated_score->value, 9);
  ASSERT_EQ(core::categories(e).size(), 3u);
  const core::Indicator& output = e.indicators[0];
  EXPECT_EQ(output.name, "产出指标");
  EXPECT_EQ(output.weight, 50);  // written in as 产出指标（50分）
  // 新建社区养老服务站 and 服务老年人人次 share the merged 数量指标.
  EXPECT_EQ(e.indicators[1].name, "数量指标");
  EXPECT_EQ(e.indicators[2].name, "新建社区养老服务站");
  EXPECT_EQ(e.indicators[2].weight, 20);
  EXPECT_EQ(e.indicators[2].target_text, "≥12个");
  EXPECT_EQ(e.indicators[2].actual_text, "10个");
  EXPECT_EQ(e.indicators[2].note, "2个站点选址调整，明年一季度建成");
  EXPECT_EQ(e.indicators[3].name, "服务老年人人次");
  EXPECT_EQ(e.indicators[3].parent, 1);
  EXPECT_EQ(e.stated_total->value, 78.67);
  EXPECT_EQ(e.stated_grade, "中");
  const core::ScoreCard card = core::score(e, national());
  EXPECT_EQ(card.nodes[2].score, 16.67);  // 10/12×20
  EXPECT_EQ(card.execution.score, 9);
  // The stated total leaves out the execution score: a finding at its cell.
  auto located = core::findings(e, card, national());
  locate_findings(imported[0].source, e, located);
  bool total = false;
  for (const auto& f : located) {
    if (f.code == "total_mismatch") {
      total = true;
      EXPECT_NE(f.message.find("自评表!G15"), std::string::npos) << f.message;
    }
  }
  EXPECT_TRUE(total);
}

TEST(WorkbookImport, Report002TableWithTheExecutionRowInside) {
  const auto imported = import(fixture("report002.xlsx"));
  ASSERT_EQ(imported.size(), 1u);
  const core::Evaluation& e = imported[0].evaluation;
  const core::Evaluation expected = *format::parse_evaluation(
      R"({"title": "2024年朝阳区高新技术产业发展引导资金项目", "year": 2024,
        "budget": {"weight": 10, "stated_score": 10, "target_rate": "100%", "stated_rate": "100%"},
        "indicators": [
          {"name": "产出指标", "children": [
            {"name": "数量指标", "children": [{"name": "支持企业数", "weight": 15, "target": "100家", "actual": "97家", "stated_score": 14.55}]},
            {"name": "质量指标", "children": [{"name": "评审合规", "weight": 15, "target": "优", "actual": "优", "stated_score": 15}]},
            {"name": "时效指标", "children": [{"name": "按期拨付", "weight": 10, "target": "优", "actual": "优", "stated_score": 10}]}]},
          {"name": "成本指标", "children": [{"name": "经济成本指标", "children": [{"name": "单个项目最高支持金额", "weight": 10, "target": "≤1000万元", "actual": "≤1000万元", "stated_score": 10}]}]},
          {"name": "效益指标", "children": [
            {"name": "经济效益指标", "children": [{"name": "研发投入强度", "weight": 15, "target": "≥4%", "actual": "7.8%", "stated_score": 15}]},
            {"name": "社会效益指标", "children": [{"name": "发挥产业资金引导作用", "weight": 15, "target": "优", "actual": "优", "stated_score": 15}]}]},
          {"name": "满意度指标", "children": [{"name": "服务对象满意度指标", "children": [{"name": "服务对象满意度", "weight": 10, "target": "≥90%", "actual": "＞90%", "stated_score": 10}]}]}],
        "stated_total": 99.55})");
  jixiao::test::expect_same_evaluation(e, expected, jixiao::test::kOfficialTable);
  EXPECT_EQ(e.budget->target_rate, "100%");
  EXPECT_EQ(core::score(e, national()).total, 99.55);
}

TEST(WorkbookImport, TwoRowHeaderAndSeveralSheets) {
  const auto imported = import(fixture("two_sheets.xlsx"));
  ASSERT_EQ(imported.size(), 2u);  // the cover sheet and the hidden sheet are not evaluations
  EXPECT_EQ(imported[0].evaluation.title, "项目甲绩效自评");
  EXPECT_EQ(imported[1].evaluation.title, "项目乙绩效自评");
  EXPECT_EQ(imported[0].source.sheet, "项目甲");
  for (const auto& i : imported) {
    const core::Evaluation& e = i.evaluation;
    EXPECT_EQ(e.year, 2023);
    ASSERT_EQ(e.indicators.size(), 3u);
    EXPECT_EQ(e.indicators[2].name, "验收合格率");
    EXPECT_EQ(e.indicators[2].target_text, "100%");
    EXPECT_EQ(e.indicators[2].weight, 10);
  }
  EXPECT_EQ(imported[0].evaluation.indicators[2].actual_text, "95%");
  EXPECT_EQ(imported[0].evaluation.indicators[2].note, "整改中");
  EXPECT_EQ(imported[1].evaluation.stated_total->value, 8);
}

TEST(WorkbookImport, DepartmentTableWithFiguresAndLabelValuePairs) {
  const auto imported = import(fixture("department.xlsx"));
  ASSERT_EQ(imported.size(), 1u);
  const core::Evaluation& e = imported[0].evaluation;
  EXPECT_EQ(e.scope, core::Scope::department_overall);
  EXPECT_EQ(e.title, "某区投资促进服务中心");
  ASSERT_TRUE(e.department);
  EXPECT_EQ(e.department->initial_budget, 3200);
  EXPECT_EQ(e.department->final_expenditure, 3180.5);
  EXPECT_EQ(e.department->staff_quota, 50);  // 编制人数
  EXPECT_EQ(e.indicators[2].figure, "staff_control_rate");
  EXPECT_EQ(e.indicators[2].kind, core::ScoringKind::linear_deduction);
  EXPECT_EQ(e.indicators[5].figure, "execution_rate");
  EXPECT_EQ(e.indicators[5].kind, core::ScoringKind::proportional_capped);
  const core::ScoreCard card = core::score(e, national());
  EXPECT_EQ(card.nodes[2].score, 9);     // 102%: 2 points over, 0.5 each
  EXPECT_EQ(card.nodes[5].score, 9.49);  // 3180.5/3350
}

TEST(WorkbookImport, CellErrorsNameFileSheetAndCell) {
  const std::string weight = import_error(fixture("bad_weight.xlsx"));
  EXPECT_NE(weight.find("bad_weight.xlsx"), std::string::npos) << weight;
  EXPECT_NE(weight.find("项目支出绩效自评表!F3：分值应为数字，实际为「十分」"), std::string::npos)
      << weight;
  const std::string huge = import_error(fixture("huge_number.xlsx"));
  EXPECT_NE(huge.find("项目支出绩效自评表!F3：分值数值超出范围（绝对值不能超过10的15次方）"),
            std::string::npos)
      << huge;
  const std::string formula = import_error(fixture("formula.xlsx"));
  EXPECT_NE(formula.find("项目支出绩效自评表!G3"), std::string::npos) << formula;
  EXPECT_NE(formula.find("没有保存计算结果"), std::string::npos) << formula;
}

// A score cell that says 满分 is the row's weight; without a weight it cannot
// be known, and the cell is named.
TEST(WorkbookImport, FullMarksInWordsAreTheWeight) {
  const auto imported = import(fixture("full_marks.xlsx"));
  ASSERT_EQ(imported.size(), 1u);
  const core::Indicator& leaf = imported[0].evaluation.indicators.back();
  ASSERT_TRUE(leaf.stated_score.has_value());
  EXPECT_EQ(leaf.stated_score->value, 7.5);
  EXPECT_EQ(leaf.stated_score->decimals, 1);
  const std::string error = import_error(fixture("full_marks_no_weight.xlsx"));
  EXPECT_NE(error.find("项目支出绩效自评表!G3：得分写为「满分」，但没有分值"), std::string::npos)
      << error;
}

TEST(WorkbookImport, RefusesOtherFormatsByName) {
  const std::string m = import_error("/tmp/某单位自评表.xls");
  EXPECT_NE(m.find("另存为"), std::string::npos) << m;
  EXPECT_TRUE(is_workbook_path("A.XLSX"));
  EXPECT_FALSE(is_workbook_path("a.json"));
}

TEST(WorkbookImport, ScoreCommandSinkSignature) {
  // read_workbook_evaluations has EvaluationReader::read_file's sink.
  SourceMap located;
  int calls = 0;
  Status s = read_workbook_evaluations(
      fixture("two_sheets.xlsx"),
      [&](core::Evaluation& e, size_t number) {
        ++calls;
        EXPECT_EQ(number, static_cast<size_t>(calls));
        EXPECT_EQ(located.sheet, calls == 1 ? "项目甲" : "项目乙");
        EXPECT_FALSE(e.title.empty());
        return Status();
      },
      &located);
  EXPECT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace jixiao::office
