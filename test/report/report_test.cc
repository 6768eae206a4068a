// The report model built from an evaluation, its chart geometry, and the
// .docx it renders to (parsed back with pugixml).
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "core/decimal.h"
#include "core/department.h"
#include "core/engine.h"
#include "format/evaluation_reader.h"
#include "format/rule_set_json.h"
#include "office/zip_archive.h"
#include "report/chart_layout.h"
#include "report/docx_renderer.h"
#include "report/report_builder.h"
#include "test/support/examples.h"

namespace jixiao::report {
namespace {

using test::example;

using jixiao::test::national;

struct Built {
  core::Evaluation e;
  core::ScoreCard card;
  Narrative narrative;
  office::TableText text;
  Document doc;
};

Built build(const std::string& file, Narrative narrative = {}) {
  Built b;
  b.e = example(file);
  b.card = core::score(b.e, national());
  b.narrative = std::move(narrative);
  b.doc = build_report({b.e, b.card, national(), b.narrative, b.text});
  return b;
}

std::vector<std::string> headings(const Document& doc, int level) {
  std::vector<std::string> out;
  for (const Block& block : doc.blocks) {
    if (const auto* h = std::get_if<Heading>(&block); h && h->level == level)
      out.push_back(h->text);
  }
  return out;
}

std::string all_text(const Document& doc) {
  std::string out;
  for (const Block& block : doc.blocks) {
    if (const auto* p = std::get_if<Paragraph>(&block)) {
      for (const Text& t : p->parts) out += t.text;
      out += '\n';
    }
  }
  return out;
}

const Table* table(const Document& doc, const std::string& caption) {
  for (const Block& block : doc.blocks) {
    if (const auto* t = std::get_if<Table>(&block); t && t->caption == caption) return t;
  }
  return nullptr;
}

TEST(Report, TheSevenChaptersInOrder) {
  const Built b = build("report-002.json");
  EXPECT_EQ(headings(b.doc, 1),
            (std::vector<std::string>{"基本情况", "绩效评价工作开展情况", "综合评价情况及评价结论",
                                      "绩效评价指标分析", "主要经验及做法、存在的问题及原因分析",
                                      "有关建议", "其他需要说明的问题"}));
  // Chapter 4 has one section per level-1 indicator.
  const auto h2 = headings(b.doc, 2);
  EXPECT_NE(std::find(h2.begin(), h2.end(), "产出指标情况"), h2.end());
  EXPECT_NE(std::find(h2.begin(), h2.end(), "满意度指标情况"), h2.end());
  const auto* title = std::get_if<TitlePage>(&b.doc.blocks.front());
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->subtitle, "项目支出绩效自评报告");
}

TEST(Report, FiguresComeFromTheData) {
  const Built b = build("report-000.json");
  const std::string text = all_text(b.doc);
  EXPECT_NE(text.find("项目全年预算资金480.00万元"), std::string::npos) << text;
  EXPECT_NE(text.find("实际支出240.00万元"), std::string::npos);
  EXPECT_NE(text.find("预算执行率为50%"), std::string::npos);
  EXPECT_NE(text.find("综合得分91.5分，评价等级为“优”"), std::string::npos);
  // Findings become the problems; suggestions follow from them.
  EXPECT_NE(text.find("预算执行率仅50%"), std::string::npos);
  EXPECT_NE(text.find("加快预算执行进度"), std::string::npos);
}

// The whole text of the report on `e`, scored by national-2020, with no
// narrative written.
std::string report_text_of(const core::Evaluation& e) {
  const core::ScoreCard card = core::score(e, national());
  const Narrative narrative;
  const office::TableText text;
  return all_text(build_report({e, card, national(), narrative, text}));
}

// Chapter 4 says what holds: a category that does not apply is not "all
// reached, full marks", and one whose not-applicable leaves are left out says
// so; its score rate is over its whole weight, as the score table's is.
TEST(Report, AnalysisOfNotApplicableIndicatorsClaimsNothing) {
  core::Evaluation e;
  e.title = "测试项目";
  const int output = e.add_indicator(test::indicator_row("产出指标", 20));
  e.add_indicator(test::indicator_row("企业数", 10, "≥100家", "100家"), output);
  e.add_indicator(test::indicator_row("培训人次", 10, "/", "/"), output);
  const int benefit = e.add_indicator(test::indicator_row("效益指标", 80));
  e.add_indicator(test::indicator_row("受益人数", 80, "≥90%", "不适用"), benefit);
  const std::string all = report_text_of(e);
  EXPECT_NE(all.find("该指标不适用，不计分（分值80分不计入，总分按适用指标折算）。"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("得分率50%。不适用的指标不计分，其余各项指标均达到年度指标值，得满分。"),
            std::string::npos)
      << all;
}

// More spent than budgeted is a problem of its own, with its suggestion.
TEST(Report, SpendingOverTheBudgetIsAProblem) {
  core::Evaluation e;
  e.title = "测试项目";
  e.budget = core::Budget{};
  e.budget->name = "预算执行率";
  e.budget->adjusted = 100;
  e.budget->executed = 105;
  e.budget->weight = 10;
  const int output = e.add_indicator(test::indicator_row("产出指标", 90));
  e.add_indicator(test::indicator_row("企业数", 90, "≥100家", "100家"), output);
  const std::string all = report_text_of(e);
  EXPECT_NE(all.find("全年执行数105超过预算数100"), std::string::npos) << all;
  EXPECT_NE(all.find("严格预算执行"), std::string::npos) << all;
}

TEST(Report, ScoreTableByCategoryWithRatesTotalAndGrade) {
  const Built b = build("report-002.json");
  const Table* t = table(b.doc, "表 综合评分情况");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 8u);  // header, 4 categories, execution, total, grade
  EXPECT_EQ(t->rows[1][0].text, "产出指标");
  EXPECT_EQ(t->rows[1][1].text, "40");
  EXPECT_EQ(t->rows[1][2].text, "39.55");
  EXPECT_EQ(t->rows[1][3].text, "98.88%");
  EXPECT_EQ(t->rows[5][0].text, "预算执行率");
  EXPECT_EQ(t->rows[6][2].text, "99.55");
  EXPECT_EQ(t->rows[7][1].text, "优");
  EXPECT_EQ(t->rows[7][1].col_span, 3);
  EXPECT_TRUE(t->rows[7][2].covered);
}

TEST(Report, IndicatorTableMergesCategoryCells) {
  const Built b = build("report-002.json");
  const Table* t = table(b.doc, "绩效评价指标体系及评分表");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->rows[1][0].text, "产出指标（40分）");
  EXPECT_EQ(t->rows[1][0].row_span, 3);  // three leaves under 产出指标
  EXPECT_TRUE(t->rows[2][0].covered);
  EXPECT_EQ(t->rows[1][2].text, "依据各类项目具体申报及评审情况，支持约100-200家企业");
  EXPECT_EQ(t->rows[1][6].text, "14.55");
  EXPECT_EQ(t->rows[1][7].text, "97/100×15=14.55");  // 计分说明
}

// Report 004 publishes only category scores: 产出 (40, 36.58) has unweighted
// indicators below it, so its points stand on a 小计 row closing its cell.
TEST(Report, ACategoryScoredAsAWholeGetsASubtotalRow) {
  const Built b = build("report-004.json");
  const Table* t = table(b.doc, "绩效评价指标体系及评分表");
  ASSERT_NE(t, nullptr);
  const auto column = [&](const std::string& header) {
    for (size_t c = 0; c < t->rows[0].size(); ++c) {
      if (t->rows[0][c].text == header) return c;
    }
    ADD_FAILURE() << "no column " << header;
    return size_t{0};
  };
  const size_t weight = column("分值");
  const size_t score = column("得分");
  int subtotals = 0;
  for (const auto& row : t->rows) {
    for (size_t c = 0; c < weight; ++c) {
      if (row[c].text != "小计") continue;
      ++subtotals;
      EXPECT_EQ(row[weight].text, "40");
      EXPECT_EQ(row[score].text, "36.58");
      EXPECT_TRUE(row[0].covered);  // inside 产出's merged cell
    }
  }
  EXPECT_EQ(subtotals, 1);  // 决策, 过程, 效益 are leaves: their own rows carry their points
  // A table whose indicators carry the weights needs none.
  const Built weighted = build("report-002.json");
  const Table* w = table(weighted.doc, "绩效评价指标体系及评分表");
  ASSERT_NE(w, nullptr);
  for (const auto& row : w->rows) {
    for (const auto& cell : row) EXPECT_NE(cell.text, "小计");
  }
}

// A department indicator fed by a computed figure shows that figure as its actual.
TEST(Report, DepartmentFiguresFillTheActualColumn) {
  const Built b = build("department-overall.json");
  const Table* t = table(b.doc, "绩效评价指标体系及评分表");
  ASSERT_NE(t, nullptr);
  const core::DepartmentFigure* f =
      core::find_figure(b.card.department_figures, "budget_final_variance");
  ASSERT_NE(f, nullptr);
  bool found = false;
  for (const auto& row : t->rows) {
    for (size_t c = 0; c + 3 < row.size(); ++c) {
      if (row[c].text != "预决算差异率") continue;
      found = true;
      EXPECT_EQ(row[c + 2].text, core::format_percent(f->value));
      EXPECT_FALSE(row[c + 2].text.empty());
    }
  }
  EXPECT_TRUE(found);
}

TEST(Report, PlaceholdersUntilTheNarrativeSuppliesText) {
  const Built bare = build("report-002.json");
  const std::string text = all_text(bare.doc);
  EXPECT_NE(text.find("【待补充：项目背景】"), std::string::npos);
  EXPECT_NE(text.find("【待补充：主要经验及做法】"), std::string::npos);
  Narrative n;
  n.background = "为促进高新技术产业发展，区政府出台引导资金政策。\n第二段。";
  n.experience = "加强宣传。";
  n.analysis["产出指标"] = "产出指标分析文字。";
  const Built told = build("report-002.json", n);
  const std::string t2 = all_text(told.doc);
  EXPECT_EQ(t2.find("【待补充：项目背景】"), std::string::npos);
  EXPECT_NE(t2.find("为促进高新技术产业发展"), std::string::npos);
  EXPECT_NE(t2.find("第二段。"), std::string::npos);
  EXPECT_NE(t2.find("产出指标分析文字。"), std::string::npos);
  EXPECT_EQ(t2.find("【待补充：主要经验及做法】"), std::string::npos);
}

TEST(Report, ChartOfScoreRates) {
  const Built b = build("report-002.json");
  const BarChart* chart = nullptr;
  for (const Block& block : b.doc.blocks) {
    if (const auto* c = std::get_if<BarChart>(&block)) chart = c;
  }
  ASSERT_NE(chart, nullptr);
  EXPECT_EQ(chart->labels, (std::vector<std::string>{"产出指标", "成本指标", "效益指标",
                                                     "满意度指标", "预算执行率"}));
  EXPECT_DOUBLE_EQ(chart->values[0], 39.55 / 40);
  const ChartGeometry g = layout_bar_chart(*chart, 150, 80);
  std::vector<const ChartShape*> bars;
  std::vector<std::string> labels;
  for (const auto& s : g.shapes) {
    if (s.kind == ChartShape::bar) bars.push_back(&s);
    if (s.kind == ChartShape::label) labels.push_back(s.text);
  }
  ASSERT_EQ(bars.size(), 5u);
  // Heights are proportional to the rates and bars stand on the same axis.
  EXPECT_NEAR(bars[0]->h / bars[1]->h, 39.55 / 40, 1e-9);
  EXPECT_NEAR(bars[0]->y + bars[0]->h, bars[1]->y + bars[1]->h, 1e-9);
  EXPECT_LT(bars[0]->x + bars[0]->w, bars[1]->x);
  EXPECT_NE(std::find(labels.begin(), labels.end(), "98.88%"), labels.end());
  EXPECT_NE(std::find(labels.begin(), labels.end(), "满意度指标"), labels.end());
  EXPECT_NE(std::find(labels.begin(), labels.end(), "100%"), labels.end());  // the axis
}

TEST(Report, PanelSummaryWithMeansAndDisagreement) {
  core::Evaluation e = example("report-002.json");
  e.experts = {"甲", "乙", "丙", "丁", "戊"};
  for (size_t i = 0; i < e.indicators.size(); ++i) {
    if (e.is_leaf(static_cast<int>(i))) {
      const double w = *e.indicators[i].weight;
      e.indicators[i].expert_scores = {w, w, w - 1, w, i == 2 ? 0.0 : w};
    }
  }
  const core::ScoreCard card = core::score(e, national());
  const Narrative n;
  const office::TableText text;
  const Document doc = build_panel_summary({e, card, national(), n, text});
  ASSERT_EQ(doc.blocks.size(), 2u);
  const auto* t = std::get_if<Table>(&doc.blocks[1]);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->rows[0][3].text, "甲");
  EXPECT_EQ(t->rows[0][8].text, "平均分");
  EXPECT_EQ(t->rows[1][0].text, "产出指标");
  EXPECT_EQ(t->rows[1][0].row_span, 3);
  EXPECT_EQ(t->rows[1][8].text, "11.8※");  // (15+15+14+15+0)/5, wide
  // The report carries the summary as annex 2.
  const Document report = build_report({e, card, national(), n, text});
  EXPECT_NE(all_text(report).find("附件2"), std::string::npos);
}

std::string docx_part(const std::string& bytes, const std::string& name) {
  office::ZipReader zip;
  EXPECT_TRUE(zip.open(bytes).ok());
  std::string out;
  EXPECT_TRUE(zip.read(name, out).ok()) << name;
  return out;
}

TEST(ReportDocx, OfficialStylesNumberingPageAndFooter) {
  const Built b = build("report-002.json");
  const Result<std::string> bytes = render_docx(b.doc);
  ASSERT_TRUE(bytes.ok());
  const std::string styles = docx_part(*bytes, "word/styles.xml");
  EXPECT_NE(styles.find("w:eastAsia=\"仿宋_GB2312\""), std::string::npos);
  EXPECT_NE(styles.find("w:eastAsia=\"黑体\""), std::string::npos);
  const std::string numbering = docx_part(*bytes, "word/numbering.xml");
  EXPECT_NE(numbering.find("chineseCounting"), std::string::npos);
  EXPECT_NE(numbering.find("（%2）"), std::string::npos);
  EXPECT_NE(docx_part(*bytes, "word/footer1.xml").find("PAGE"), std::string::npos);
  pugi::xml_document doc;
  const std::string xml = docx_part(*bytes, "word/document.xml");
  ASSERT_TRUE(doc.load_string(xml.c_str()));
  const pugi::xml_node body = doc.child("w:document").child("w:body");
  const pugi::xml_node size = body.child("w:sectPr").child("w:pgSz");
  EXPECT_EQ(size.attribute("w:w").as_int(), 11906);  // A4
  EXPECT_EQ(size.attribute("w:h").as_int(), 16838);
  int headings1 = 0, restarts = 0, continues = 0, tables = 0;
  for (pugi::xml_node n = body.first_child(); n; n = n.next_sibling()) {
    if (std::string(n.child("w:pPr").child("w:pStyle").attribute("w:val").value()) == "Heading1")
      ++headings1;
    if (std::string(n.name()) == "w:tbl") ++tables;
  }
  for (const auto& x : doc.select_nodes("//w:vMerge")) {
    (std::string(x.node().attribute("w:val").value()) == "restart" ? restarts : continues)++;
  }
  EXPECT_EQ(headings1, 7);
  EXPECT_GE(tables, 3);
  EXPECT_GT(restarts, 0);
  EXPECT_GT(continues, 0);
  // The chart: a group of vector shapes, five bars among them.
  const auto groups = doc.select_nodes("//wpg:wgp");
  ASSERT_EQ(groups.size(), 1u);
  int bars = 0;
  for (const auto& g : doc.select_nodes("//wpg:wgp/wps:wsp/wps:spPr/a:solidFill/..")) {
    if (std::string(g.node().child("a:prstGeom").attribute("prst").value()) == "rect") ++bars;
  }
  EXPECT_EQ(bars, 5);
  EXPECT_NE(xml.find("98.88%"), std::string::npos);
}

TEST(ReportDocx, TextThatXmlCannotHoldIsDropped) {
  Document doc;
  Paragraph p;
  const char raw[] = "控制\x01字符\xff与\xe4\xb8";  // a control character, stray bytes
  p.parts.push_back({std::string(raw, sizeof raw - 1)});
  doc.blocks.push_back(p);
  const Result<std::string> bytes = render_docx(doc);
  ASSERT_TRUE(bytes.ok());
  pugi::xml_document parsed;
  ASSERT_TRUE(parsed.load_string(docx_part(*bytes, "word/document.xml").c_str()));
  EXPECT_NE(docx_part(*bytes, "word/document.xml").find("控制字符与"), std::string::npos);
}

TEST(Narrative, FieldsArraysAndErrors) {
  Result<Narrative> n = parse_narrative(
      R"({"background": ["第一段", "第二段"], "analysis": {"产出指标": "好"}, "evaluator": "某事务所"})",
      "a.report.json");
  ASSERT_TRUE(n.ok()) << n.status().message();
  EXPECT_EQ(n->background, "第一段\n第二段");
  EXPECT_EQ(n->analysis.at("产出指标"), "好");
  EXPECT_EQ(n->evaluator, "某事务所");
  const Result<Narrative> unknown = parse_narrative(R"({"backgroud": "x"})", "a.report.json");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("字段 backgroud 是未知字段"), std::string::npos);
  const Result<Narrative> broken = parse_narrative("{", "a.report.json");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().message(), "文件 a.report.json：不是有效的 JSON");
  // Written in Notepad on Chinese Windows: GBK ("背景" is B1 B3 BE B0), named as such.
  const Result<Narrative> gbk =
      parse_narrative("{\"background\": \"\xB1\xB3\xBE\xB0\"}", "a.report.json");
  ASSERT_FALSE(gbk.ok());
  EXPECT_EQ(
      gbk.status().message(),
      "文件 a.report.json：不是有效的 UTF-8 编码：看来是 GBK（GB18030）编码，请在编辑器中另存为 "
      "UTF-8 编码");
  EXPECT_FALSE(parse_narrative(R"({"background": 5})", "a.report.json").ok());
  EXPECT_EQ(narrative_path_for("dir/a.xlsx"), "dir/a.report.json");
}

}  // namespace
}  // namespace jixiao::report
