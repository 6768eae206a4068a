// The office commands as a user runs them: score FILE.xlsx and a folder,
// template, report (with and without --pdf's LibreOffice).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "test/support/examples.h"
#include "test/support/process.h"
#include "test/support/temp_path.h"

namespace {

namespace fs = std::filesystem;

using jixiao::test::CommandRun;

CommandRun run(const std::string& args, const std::string& env = "") {
  return jixiao::test::jixiao_line(args, env);
}

std::string temp(const std::string& name) {
  return jixiao::test::temp_path(name);
}

TEST(OfficeCommands, ScoreAWorkbookLikeTheJsonForm) {
  const CommandRun xlsx = run("score --json test/office/fixtures/official.xlsx");
  ASSERT_EQ(xlsx.exit_code, 0) << xlsx.err;
  const auto doc = nlohmann::json::parse(xlsx.out);
  EXPECT_EQ(doc["total"], 99.55);
  EXPECT_EQ(doc["grade"], "优");
  ASSERT_EQ(doc["findings"].size(), 1u);
  EXPECT_EQ(doc["findings"][0]["code"], "over_achievement");
  EXPECT_EQ(doc["findings"][0]["message"].get<std::string>().rfind("项目支出绩效自评表!E17：", 0),
            0u);
  const CommandRun table = run("score test/office/fixtures/official.xlsx");
  EXPECT_NE(table.out.find("总分 99.55  等级 优"), std::string::npos) << table.out;
}

TEST(OfficeCommands, ScoreRefusesABadWorkbookNamingTheCell) {
  const CommandRun r = run("score test/office/fixtures/bad_weight.xlsx");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("项目支出绩效自评表!F3：分值应为数字"), std::string::npos) << r.err;
}

TEST(OfficeCommands, ScoreAFolderWithSummaryAndFindingsWorkbook) {
  const std::string findings = temp("findings.xlsx");
  const CommandRun r = run("score test/office/fixtures --findings " + findings);
  EXPECT_EQ(r.exit_code, 2) << r.err;  // four fixtures are meant to be refused
  EXPECT_NE(r.out.find("已处理 10 个文件（7 个评价）"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("拒绝 4 个"), std::string::npos) << r.out;
  // Scored, not stored: no "导入"; each evaluation's line says whether it has findings.
  EXPECT_NE(r.out.find("：无问题 0 个，有问题 6 个，拒绝 4 个"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("导入但有问题"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("有问题  test/office/fixtures/official.xlsx"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("问题清单已写入"), std::string::npos);
  EXPECT_TRUE(fs::exists(findings));
  EXPECT_EQ(r.err.find("\r["), std::string::npos);  // no progress bar without a terminal
}

// Checked before any work: a folder without evaluation files (most likely
// the wrong one) and a findings workbook that cannot be written. Nothing is
// scored or written, and libxlsxwriter's English "[ERROR]" never shows.
TEST(OfficeCommands, AnEmptyFolderOrAnUnwritableFindingsPathIsRefusedFirst) {
  const std::string empty = temp("empty-folder");
  fs::create_directories(empty);
  std::ofstream(empty + "/notes.txt") << "不是评价文件";
  CommandRun r = run("score test/office/fixtures " + empty);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "错误：文件夹 " + empty + " 中没有评价文件（.json、.jsonl、.ndjson、.xlsx）\n");

  const std::string nowhere = temp("no-such-folder") + "/findings.xlsx";
  r = run("score test/office/fixtures --findings " + nowhere);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "错误：文件 " + nowhere + "：无法写入（文件夹不存在、没有权限或磁盘已满）\n");

  // The same check guards every workbook written (template, report tables).
  r = run("template self-eval -o " + nowhere);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "错误：文件 " + nowhere + "：无法写入（文件夹不存在、没有权限或磁盘已满）\n");
  EXPECT_FALSE(fs::exists(temp("no-such-folder")));
}

TEST(OfficeCommands, TemplateThenScore) {
  const std::string out = temp("r002.xlsx");
  CommandRun r = run("template self-eval --from examples/report-002.json -o " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run("score --json " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["total"], 99.55);
  r = run("template budget -o " + out);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("self-eval、department、goals 或 expert"), std::string::npos);
}

TEST(OfficeCommands, ReportDocxAndTables) {
  const std::string docx = temp("report.docx");
  CommandRun r = run("report examples/report-004.json -o " + docx);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(fs::file_size(docx), 5000u);
  r = run("report examples/department-overall.json --what self-eval -o " + temp("table.xlsx"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run("score --json " + temp("table.xlsx"));
  EXPECT_EQ(nlohmann::json::parse(r.out)["total"], 94.07);
  r = run("report examples/report-002.json --what panel -o " + temp("panel.docx"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("没有专家评分"), std::string::npos) << r.err;
}

// The output's extension chooses the format: one that names none of them is
// refused before anything is written (a .docx named out.txt, or a workbook
// named g.docx, surprised whoever opened it).
TEST(OfficeCommands, OutputsMustEndInAFormatTheyAre) {
  CommandRun r = run("report examples/report-004.json -o " + temp("report.txt"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "错误：文件 " + temp("report.txt") +
                       "：输出文件应以 .docx 或 .pdf 结尾（自评表和专家评分汇总表也可为 .xlsx）\n");
  r = run("template goals -o " + temp("goals.docx"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "错误：文件 " + temp("goals.docx") + "：模板是 Excel 工作簿，文件名应以 .xlsx 结尾\n");
  EXPECT_FALSE(fs::exists(temp("report.txt")));
  EXPECT_FALSE(fs::exists(temp("goals.docx")));
  // Any case: 自评表.XLSX is a workbook.
  r = run("template self-eval -o " + temp("upper.XLSX"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// A TMPDIR naming no folder aborted the command with an English exception
// trace; it is a clear error now, and nothing is written.
TEST(OfficeCommands, AMissingTemporaryFolderIsAClearError) {
  const std::string pdf = temp("report.pdf");
  const CommandRun r =
      run("report examples/report-004.json -o " + pdf, "TMPDIR=/nonexistent/jixiao-tmp");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "错误：无法创建临时文件夹（环境变量 TMPDIR=/nonexistent/jixiao-tmp 不存在或不可写）\n");
  EXPECT_FALSE(fs::exists(pdf));
}

TEST(OfficeCommands, ReportNarrativeErrorsNameTheField) {
  const std::string text = temp("text.json");
  std::ofstream(text) << R"({"backgrond": "x"})";
  const CommandRun r =
      run("report examples/report-002.json --text " + text + " -o " + temp("x.docx"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("字段 backgrond 是未知字段"), std::string::npos) << r.err;
}

TEST(OfficeCommands, PdfWithoutLibreOfficeSaysWhatToInstall) {
  const CommandRun r =
      run("report examples/report-002.json --pdf -o " + temp("nopdf.docx"), "PATH=/nonexistent");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("libreoffice-writer-nogui"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(temp("nopdf.docx")));  // the .docx is still written
}

}  // namespace
