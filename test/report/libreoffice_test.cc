// Every kind of generated .docx opens in real LibreOffice: converted to PDF
// in one headless run (fresh profile), its text layer (pdftotext) holds the
// expected Chinese and figures, the fonts are embedded CJK fonts (pdffonts),
// and the page with the chart renders to pixels that are not blank
// (pdftoppm). Kept to one LibreOffice start because CI builds twice.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/pdf_export.h"
#include "app/report_job.h"
#include "core/engine.h"
#include "format/rule_set_json.h"
#include "test/support/temp_path.h"

namespace jixiao::app {
namespace {

namespace fs = std::filesystem;

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  pclose(pipe);
  return out;
}

// pdftotext spreads justified Chinese with spaces: compare without them.
std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\f') out += c;
  }
  return out;
}

void write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

SourcedEvaluation example(const std::string& name) {
  EvaluationFiles source;
  Result<SourcedEvaluation> e =
      source.read_first(std::string(JIXIAO_SOURCE_DIR) + "/examples/" + name);
  EXPECT_TRUE(e.ok()) << e.status().message();
  return std::move(*e);
}

TEST(LibreOffice, GeneratedDocumentsOpenAndShowChinese) {
  ASSERT_FALSE(find_soffice().empty()) << "LibreOffice is installed by scripts/setup.sh";
  const fs::path dir = jixiao::test::temp_path("libreoffice");
  fs::create_directories(dir);
  const core::RuleSet rules = *format::load_rule_set("national-2020");

  report::Narrative narrative;
  narrative.background = "围绕区域高精尖产业发展规划，优化调整产业政策。";
  narrative.evaluator = "某会计师事务所";
  const SourcedEvaluation r000 = example("report-000.json");
  write((dir / "report.docx").string(),
        *report_bytes(r000, rules, narrative, DocumentKind::report));

  const SourcedEvaluation department = example("department-overall.json");
  write((dir / "table.docx").string(),
        *report_bytes(department, rules, {}, DocumentKind::self_evaluation));

  SourcedEvaluation panel = example("report-002.json");
  panel.evaluation.experts = {"张三", "李四", "王五", "赵六", "钱七"};
  for (size_t i = 0; i < panel.evaluation.indicators.size(); ++i) {
    auto& n = panel.evaluation.indicators[i];
    if (panel.evaluation.is_leaf(static_cast<int>(i)))
      n.expert_scores = {*n.weight, *n.weight - 1, *n.weight, *n.weight, *n.weight - 0.5};
  }
  write((dir / "panel.docx").string(), *report_bytes(panel, rules, {}, DocumentKind::panel));

  const std::vector<std::string> files = {
      (dir / "report.docx").string(), (dir / "table.docx").string(), (dir / "panel.docx").string()};
  const Status converted = convert_to_pdf(files, dir.string(), 240);
  ASSERT_TRUE(converted.ok()) << converted.message();

  const std::string report = squeeze(run("pdftotext " + (dir / "report.pdf").string() + " -"));
  EXPECT_NE(report.find("2022年石景山区优化升级区域高精尖产业发展政策课题项目"), std::string::npos);
  EXPECT_NE(report.find("项目支出绩效自评报告"), std::string::npos);
  EXPECT_NE(report.find("一、基本情况"), std::string::npos);  // numbered headings
  EXPECT_NE(report.find("（一）项目概况"), std::string::npos);
  EXPECT_NE(report.find("七、其他需要说明的问题"), std::string::npos);
  EXPECT_NE(report.find("围绕区域高精尖产业发展规划"), std::string::npos);
  EXPECT_NE(report.find("480.00万元"), std::string::npos);
  EXPECT_NE(report.find("综合得分91.5分"), std::string::npos);
  EXPECT_NE(report.find("95.97%"), std::string::npos);  // 产出 57.58/60 in the score table
  EXPECT_NE(report.find("图各一级指标得分率"), std::string::npos);
  EXPECT_NE(report.find("【待补充：主要经验及做法】"), std::string::npos);

  const std::string table = squeeze(run("pdftotext " + (dir / "table.pdf").string() + " -"));
  EXPECT_NE(table.find("部门整体支出绩效自评表"), std::string::npos);
  EXPECT_NE(table.find("在职人员控制率"), std::string::npos);
  const std::string panel_text = squeeze(run("pdftotext " + (dir / "panel.pdf").string() + " -"));
  EXPECT_NE(panel_text.find("评价人员（专家）评分汇总表"), std::string::npos);
  EXPECT_NE(panel_text.find("钱七"), std::string::npos);
  EXPECT_NE(panel_text.find("14.7"), std::string::npos);  // (15+14+15+15+14.5)/5

  // The fonts: an embedded CJK font carries the Chinese.
  const std::string fonts = run("pdffonts " + (dir / "report.pdf").string());
  EXPECT_NE(fonts.find("CJK"), std::string::npos) << fonts;

  // The page with the chart, rendered: dark pixels (bars, text) on it.
  int chart_page = 0;
  const std::string pages = run("pdftotext -layout " + (dir / "report.pdf").string() + " -");
  {
    int page = 1;
    for (size_t i = 0, found = pages.find("各一级指标得分率");
         i < found && found != std::string::npos; ++i) {
      if (pages[i] == '\f') ++page;
    }
    chart_page = page;
  }
  const std::string pgm = (dir / "page").string();
  run("pdftoppm -gray -r 40 -f " + std::to_string(chart_page) + " -l " +
      std::to_string(chart_page) + " " + (dir / "report.pdf").string() + " " + pgm);
  std::string image;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".pgm") image = entry.path().string();
  }
  ASSERT_FALSE(image.empty());
  std::ifstream in(image, std::ios::binary);
  std::string magic;
  int w = 0, h = 0, max = 0;
  in >> magic >> w >> h >> max;
  in.get();
  std::string pixels((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_EQ(magic, "P5");
  ASSERT_EQ(pixels.size(), static_cast<size_t>(w * h));
  size_t dark = 0;
  for (char p : pixels) dark += static_cast<unsigned char>(p) < 128;
  EXPECT_GT(dark, pixels.size() / 100) << "the chart page is nearly blank";
  fs::remove_all(dir);
}

// -o 报告.pdf: a PDF, made by LibreOffice from the .docx in a folder of its
// own, with nothing else left beside it or in the temp folder.
TEST(LibreOffice, AnOutputEndingInPdfIsAPdf) {
  ASSERT_FALSE(find_soffice().empty()) << "LibreOffice is installed by scripts/setup.sh";
  const fs::path dir = jixiao::test::temp_path("pdf-output");
  fs::create_directories(dir);
  const core::RuleSet rules = *format::load_rule_set("national-2020");
  const std::string output = (dir / "评价报告.PDF").string();
  const auto pdf_folders = [] {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(fs::temp_directory_path())) {
      const std::string name = entry.path().filename().string();
      if (name.rfind("jixiao-pdf-", 0) == 0) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
  };
  const std::vector<std::string> folders_before = pdf_folders();
  const Status s =
      write_document(example("report-004.json"), rules, {}, DocumentKind::report, output, false);
  ASSERT_TRUE(s.ok()) << s.message();
  const std::string text = squeeze(run("pdftotext '" + output + "' -"));
  EXPECT_NE(text.find("北京12345企业服务平台项目"), std::string::npos) << text;
  EXPECT_NE(text.find("综合得分80.16分"), std::string::npos) << text;
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(dir)) left.push_back(entry.path().string());
  EXPECT_EQ(left, std::vector<std::string>{output});
  EXPECT_EQ(pdf_folders(), folders_before);  // its temporary folder is gone
  fs::remove_all(dir);
}

TEST(LibreOffice, MissingLibreOfficeIsAClearError) {
  const char* old = std::getenv("PATH");
  const std::string saved = old ? old : "";
  setenv("PATH", "/nonexistent", 1);
  const Status s = convert_to_pdf({"a.docx"}, "/tmp");
  setenv("PATH", saved.c_str(), 1);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("未找到 LibreOffice"), std::string::npos);
}

}  // namespace
}  // namespace jixiao::app
