// Templates: official layout, formats and protection; a template filled in
// (by jixiao from an evaluation, or by openpyxl as a unit would) and read
// back gives the same evaluation.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/engine.h"
#include "format/evaluation_reader.h"
#include "format/rule_set_json.h"
#include "office/templates.h"
#include "office/workbook_import.h"
#include "office/xlsx_reader.h"
#include "test/support/evaluation_compare.h"
#include "test/support/examples.h"
#include "test/support/file_text.h"
#include "test/support/temp_path.h"

namespace jixiao::office {
namespace {

std::string temp(const std::string& name) {
  return test::temp_path(name);
}

ImportedEvaluation read_back(const std::string& path) {
  WorkbookImporter importer;
  ImportedEvaluation out;
  Status s = importer.read_file(path, [&](ImportedEvaluation& e, size_t) {
    out = e;
    return Status();
  });
  EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

using jixiao::test::national;

std::string part(const std::string& xlsx, const std::string& name) {
  const std::string bytes = test::file_text(xlsx);
  ZipReader zip;
  EXPECT_TRUE(zip.open(bytes).ok());
  std::string out;
  EXPECT_TRUE(zip.read(name, out).ok()) << name;
  return out;
}

class TemplateRoundTrip : public ::testing::TestWithParam<std::pair<const char*, TemplateKind>> {};

TEST_P(TemplateRoundTrip, FilledFromAnEvaluationReadsBackTheSame) {
  const auto [file, kind] = GetParam();
  core::Evaluation original = test::example(file);
  // The official funds block has no place for a written execution target
  // (docs/office.md); report 000's "100:%" would otherwise be lost silently.
  if (original.budget) original.budget->target_rate.clear();
  TableText text;
  text.overall_result = "按计划完成";
  const std::string out = temp(std::string(file) + ".xlsx");
  ASSERT_TRUE(write_template(kind, &original, text, out).ok());
  const ImportedEvaluation back = read_back(out);
  jixiao::test::expect_same_evaluation(back.evaluation, original, jixiao::test::kOfficialTable);
  EXPECT_EQ(back.text.overall_result, kind == TemplateKind::goals ? "" : "按计划完成");
  const core::ScoreCard a = core::score(original, national());
  const core::ScoreCard b = core::score(back.evaluation, national());
  EXPECT_EQ(a.total, b.total);
  EXPECT_EQ(a.grade, b.grade);
  const auto fa = core::findings(original, a, national());
  const auto fb = core::findings(back.evaluation, b, national());
  ASSERT_EQ(fa.size(), fb.size());
  for (size_t i = 0; i < fa.size(); ++i) EXPECT_EQ(fa[i].code, fb[i].code);
}

INSTANTIATE_TEST_SUITE_P(
    Examples, TemplateRoundTrip,
    ::testing::Values(std::pair{"report-002.json", TemplateKind::self_evaluation},
                      std::pair{"report-000.json", TemplateKind::self_evaluation},
                      std::pair{"department-overall.json", TemplateKind::department}));

TEST(Templates, GoalsSplitTheTargetAndReadItBack) {
  core::Evaluation e = test::example("report-002.json");
  // A goals table has no actuals or scores.
  for (auto& n : e.indicators) {
    n.actual_text.clear();
    n.actual = core::Value{};
    n.stated_score.reset();
  }
  e.budget.reset();
  e.stated_total.reset();
  e.stated_grade.clear();
  const std::string out = temp("goals.xlsx");
  ASSERT_TRUE(write_template(TemplateKind::goals, &e, {}, out).ok());
  const std::string sheet = part(out, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("≥,&gt;,=,≤,&lt;,定性"), std::string::npos);  // the 指标性质 dropdown
  jixiao::test::expect_same_evaluation(read_back(out).evaluation, e, jixiao::test::kOfficialTable);
}

TEST(Templates, ExpertSheetCarriesEveryExpertsScores) {
  core::Evaluation e = test::example("report-002.json");
  e.experts = {"张三", "李四", "王五", "赵六", "钱七"};
  for (size_t i = 0; i < e.indicators.size(); ++i) {
    if (!e.is_leaf(static_cast<int>(i))) continue;
    const double w = *e.indicators[i].weight;
    e.indicators[i].expert_scores = {w, w - 1, w - 0.5, w, w - 2};
  }
  // 王五 recused from the first leaf: "/" in the sheet, and back.
  for (size_t i = 0; i < e.indicators.size(); ++i) {
    if (e.is_leaf(static_cast<int>(i))) {
      e.indicators[i].expert_scores[2].reset();
      break;
    }
  }
  // An expert sheet holds the indicators and the experts' scores only.
  e.budget.reset();
  e.stated_total.reset();
  e.stated_grade.clear();
  e.overall_goal.clear();
  for (auto& n : e.indicators) n.stated_score.reset();
  const std::string out = temp("expert.xlsx");
  ASSERT_TRUE(write_template(TemplateKind::expert, &e, {}, out).ok());
  const ImportedEvaluation back = read_back(out);
  jixiao::test::expect_same_evaluation(back.evaluation, e, jixiao::test::kOfficialTable);
  EXPECT_EQ(back.evaluation.experts[1], "李四");
}

// A workbook replaces its file whole, and one that cannot be written names
// the file and leaves nothing (no part file beside it).
TEST(Templates, WorkbooksReplaceTheFileWholeOrNotAtAll) {
  namespace fs = std::filesystem;
  const fs::path dir = test::unique_temp_path("xlsx-out");
  fs::create_directories(dir);
  const std::string out = (dir / "t.xlsx").string();
  std::ofstream(out) << "an older file";
  ASSERT_TRUE(write_template(TemplateKind::self_evaluation, nullptr, {}, out).ok());
  EXPECT_EQ(test::file_text(out).substr(0, 2), "PK");
  const std::string blocked = (dir / "blocked.xlsx").string();
  fs::create_directories(blocked);
  const Status s = write_template(TemplateKind::self_evaluation, nullptr, {}, blocked);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(blocked), std::string::npos) << s.message();
  EXPECT_TRUE(fs::is_directory(blocked));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 2);
  fs::remove_all(dir);
}

TEST(Templates, OfficialLookFormatsDropdownsAndLockedCells) {
  const std::string out = temp("blank-self.xlsx");
  ASSERT_TRUE(write_template(TemplateKind::self_evaluation, nullptr, {}, out).ok());
  const std::string sheet = part(out, "xl/worksheets/sheet1.xml");
  const std::string styles = part(out, "xl/styles.xml");
  EXPECT_NE(sheet.find("<sheetProtection"), std::string::npos);
  EXPECT_NE(sheet.find("<mergeCell ref=\"A1:H1\""), std::string::npos);  // the title
  EXPECT_NE(sheet.find("type=\"list\""), std::string::npos);             // tiers, grades
  EXPECT_NE(sheet.find("达成年度指标,部分达成年度指标并具有一定效果"), std::string::npos);
  EXPECT_NE(sheet.find("type=\"decimal\""), std::string::npos);  // a score within its weight
  EXPECT_NE(styles.find("#,##0.00"), std::string::npos);         // 万元, 2 decimals
  EXPECT_NE(styles.find("0.00%"), std::string::npos);
  EXPECT_NE(styles.find("locked=\"0\""), std::string::npos);  // input cells stay editable
  EXPECT_NE(styles.find("黑体"), std::string::npos);
  // The blank framework: 产出 50, 效益 30, 满意度 10, with empty rows.
  Workbook wb;
  XlsxReader reader;
  ASSERT_TRUE(reader.read(test::file_text(out), wb).ok());
  bool output = false;
  for (const Cell& c : wb.sheets[0].cells) output |= c.text == "产出指标（50分）";
  EXPECT_TRUE(output);
}

TEST(Templates, BlankTemplateFilledWithOpenpyxlReadsBack) {
  const std::string blank = temp("blank-for-openpyxl.xlsx");
  const std::string filled = temp("filled-by-openpyxl.xlsx");
  ASSERT_TRUE(write_template(TemplateKind::self_evaluation, nullptr, {}, blank).ok());
  const std::string command = "/usr/bin/python3 " + std::string(JIXIAO_SOURCE_DIR) +
                              "/test/office/fixtures/fill_template.py " + blank + " " + filled;
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  const core::Evaluation e = read_back(filled).evaluation;
  EXPECT_EQ(e.title, "2024年社区体育设施更新项目");
  EXPECT_EQ(e.unit, "某区体育局");
  ASSERT_TRUE(e.budget);
  EXPECT_EQ(e.budget->adjusted, 180);
  EXPECT_EQ(e.budget->stated_rate, "95%");  // 0.95 typed into a percentage cell
  // Rows left empty are not indicators; the filled ones sit under their categories.
  std::vector<std::string> leaves;
  for (size_t i = 0; i < e.indicators.size(); ++i) {
    if (e.is_leaf(static_cast<int>(i)) && e.indicators[i].level == 3) {
      leaves.push_back(core::path_text(e.path(static_cast<int>(i))));
    }
  }
  ASSERT_GE(leaves.size(), 6u);
  EXPECT_EQ(leaves[0], "产出指标/数量指标/更新健身路径");
  EXPECT_EQ(leaves[1], "产出指标/质量指标/验收合格率");
  const core::ScoreCard card = core::score(e, national());
  EXPECT_EQ(card.execution.score, 9.5);
  EXPECT_EQ(e.stated_total->value, 98.75);
  EXPECT_EQ(e.stated_grade, "优");
  // 验收合格率 95/100×15 = 14.25, with its note; the total agrees with the table.
  bool quality = false;
  for (size_t i = 0; i < e.indicators.size(); ++i) {
    if (e.indicators[i].name == "验收合格率") {
      quality = true;
      EXPECT_EQ(card.nodes[i].score, 14.25);
      EXPECT_EQ(e.indicators[i].note, "1处返工");
    }
  }
  EXPECT_TRUE(quality);
  EXPECT_EQ(card.total, 98.75);
}

}  // namespace
}  // namespace jixiao::office
