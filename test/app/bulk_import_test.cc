// Bulk import of a folder: every file read and scored, bad files refused
// without stopping the rest, a failing store refuses only its file, and the
// findings workbook lists every problem with its cell.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/bulk_import.h"
#include "office/xlsx_reader.h"
#include "test/support/file_text.h"
#include "test/support/temp_path.h"

namespace jixiao::app {
namespace {

namespace fs = std::filesystem;

fs::path make_folder() {
  const fs::path dir = jixiao::test::temp_path("bulk");
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  const fs::path src(JIXIAO_SOURCE_DIR);
  fs::copy_file(src / "test/office/fixtures/official.xlsx", dir / "a-official.xlsx");
  fs::copy_file(src / "test/office/fixtures/two_sheets.xlsx", dir / "sub/b-two.xlsx");
  fs::copy_file(src / "test/office/fixtures/bad_weight.xlsx", dir / "c-bad.xlsx");
  fs::copy_file(src / "examples/report-002.json", dir / "d-report.json");
  std::ofstream(dir / "e-encrypted.xlsx", std::ios::binary)
      << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(512, '\0');
  std::ofstream(dir / "~$a-official.xlsx") << "lock file";  // Excel's, left out
  std::ofstream(dir / "notes.txt") << "not an evaluation";
  return dir;
}

// Extensions in any case, as Windows folders have them; a report's text
// (X.report.json) is not an evaluation.
TEST(BulkImport, FilesAreFoundByExtensionInAnyCase) {
  const fs::path dir = jixiao::test::temp_path("extensions");
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* name : {"a.JSON", "b.Jsonl", "c.NDJSON", "d.XLSX", "e.report.json",
                           "f.Report.JSON", "g.json.txt", "report.json"}) {
    std::ofstream(dir / name) << "{}";
  }
  std::vector<std::string> names;
  for (const std::string& f : list_evaluation_files(dir.string())) {
    names.push_back(fs::path(f).filename().string());
  }
  EXPECT_EQ(names,
            (std::vector<std::string>{"a.JSON", "b.Jsonl", "c.NDJSON", "d.XLSX", "report.json"}));
}

TEST(BulkImport, OneBadFileNeverStopsTheRest) {
  const fs::path dir = make_folder();
  const auto files = list_evaluation_files(dir.string());
  ASSERT_EQ(files.size(), 5u);
  std::vector<std::string> stored;
  size_t last_done = 0;
  const ImportSummary s = import_files(
      files, {},
      [&](const std::string& path, std::vector<ScoredEvaluation>& evaluations) {
        for (auto& e : evaluations) stored.push_back(e.evaluation.evaluation.title);
        if (path.find("d-report") != std::string::npos) return Status::error("数据库写入失败");
        return Status();
      },
      [&](size_t done, size_t total, const std::string&) {
        EXPECT_EQ(total, 5u);
        EXPECT_EQ(done, last_done + 1);
        last_done = done;
      });
  EXPECT_EQ(last_done, 5u);
  EXPECT_EQ(s.refused, 3u);  // bad weight, encrypted, and the store's failure
  EXPECT_EQ(s.imported + s.with_findings, 2u);
  EXPECT_EQ(s.evaluations, 3u);                                    // official + two sheets
  EXPECT_EQ(s.files[0].state, FileState::imported_with_findings);  // over-achievement
  EXPECT_EQ(s.files[1].state, FileState::refused);
  EXPECT_NE(s.files[1].error.find("c-bad.xlsx：项目支出绩效自评表!F3"), std::string::npos);
  EXPECT_NE(s.files[2].error.find("数据库写入失败"), std::string::npos);
  EXPECT_NE(s.files[3].error.find("加密"), std::string::npos);
  EXPECT_EQ(s.files[4].evaluations.size(), 2u);
  EXPECT_EQ(stored.size(), 4u);  // the store saw the JSON file before failing
  EXPECT_EQ(summary_line(s, Activity::scored),
            "已处理 5 个文件（3 个评价）：无问题 0 个，有问题 2 个，拒绝 3 个");
  EXPECT_EQ(summary_line(s, Activity::imported),
            "已处理 5 个文件（3 个评价）：导入 0 个，导入但有问题 2 个，拒绝 3 个");
  fs::remove_all(dir);
}

TEST(BulkImport, FindingsWorkbookListsProblemsWithCells) {
  const fs::path dir = make_folder();
  const ImportSummary s = import_files(list_evaluation_files(dir.string()), {}, nullptr, nullptr);
  const std::string out = (dir / "findings.xlsx").string();
  ASSERT_TRUE(write_findings_workbook(s, out, Activity::scored).ok());
  const std::string bytes = test::file_text(out);
  office::Workbook wb;
  office::XlsxReader reader;
  ASSERT_TRUE(reader.read(bytes, wb).ok());
  ASSERT_EQ(wb.sheets.size(), 2u);
  EXPECT_EQ(wb.sheets[0].name, "评分汇总");  // nothing was stored: no "导入"
  bool scored_with_findings = false;
  for (uint32_t r = 1; r < wb.sheets[0].rows; ++r) {
    EXPECT_EQ(wb.sheets[0].text_at(r, 1).find("导入"), std::string_view::npos);
    scored_with_findings |= wb.sheets[0].text_at(r, 1) == "有问题";
  }
  EXPECT_TRUE(scored_with_findings);
  const office::Sheet& problems = wb.sheets[1];
  EXPECT_EQ(problems.text_at(0, 2), "位置");
  bool located = false, refused = false;
  for (uint32_t r = 1; r < problems.rows; ++r) {
    located |= problems.text_at(r, 2) == "项目支出绩效自评表!E17" &&
               problems.text_at(r, 4) == "over_achievement";
    refused |= problems.text_at(r, 4) == "file_refused" &&
               problems.text_at(r, 0).find("e-encrypted.xlsx") != std::string_view::npos;
  }
  EXPECT_TRUE(located);
  EXPECT_TRUE(refused);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace jixiao::app
