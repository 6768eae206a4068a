// What happened to each file of an import: the same summary for
// `jixiao import --db` (stored, one transaction per file) and for
// `jixiao score DIR/` (read and scored only), so that both print the same
// lines and write the same findings workbook.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/status.h"

namespace jixiao::app {

enum class FileState { imported, imported_with_findings, refused };

struct EvaluationOutcome {
  std::string origin;  // "a.jsonl:3", "表.xlsx"
  std::string title;
  std::string grade;
  double total = 0;
  int64_t id = 0;  // the stored evaluation's id; 0 when nothing was stored
  size_t finding_count = 0;
  // The findings themselves and their cells ("表!G14", or "" for JSON), when
  // the caller asked to keep them (a findings workbook needs them).
  std::vector<core::Finding> findings;
  std::vector<std::string> cells;
};

struct FileOutcome {
  std::string path;
  FileState state = FileState::refused;
  std::string error;  // why it was refused, naming the file and field (or sheet and cell)
  std::vector<EvaluationOutcome> evaluations;
  bool imported() const { return state != FileState::refused; }
};

struct ImportSummary {
  std::vector<FileOutcome> files;
  size_t imported = 0;       // files imported without findings
  size_t with_findings = 0;  // files imported whose evaluations have findings
  size_t refused = 0;        // files refused: nothing of them was kept
  size_t evaluations = 0;
  size_t indicator_rows = 0;    // stored
  size_t units_created = 0;     // registered by the import
  size_t projects_created = 0;  // created by the import
  std::vector<int64_t> ids;     // of the stored evaluations, in order
  size_t refused_files() const { return refused; }

  // Adds a file's outcome, setting its state from its evaluations' findings
  // unless it was refused, and counts it.
  FileOutcome& add(FileOutcome outcome);
};

// What was done to the files that were not refused, for the words used:
// stored (`jixiao import`) or only scored (`jixiao score DIR/`), where saying
// "导入" would tell the user something was stored.
enum class Activity { imported, scored };

// The words for a file's state: "导入" / "导入（有问题）" / "拒绝", or
// "无问题" / "有问题" / "拒绝".
const char* state_word(FileState state, Activity activity);

// Imported: "已处理 12 个文件（15 个评价）：导入 8 个，导入但有问题 3 个，拒绝 1 个".
// Scored: "已处理 12 个文件（15 个评价）：无问题 8 个，有问题 3 个，拒绝 1 个".
std::string summary_line(const ImportSummary& summary, Activity activity);

// The findings workbook: 导入汇总 or 评分汇总 (one row per evaluation, or per
// refused file) and 问题清单 (one row per problem, with its cell). Needs the
// findings kept in the outcomes.
Status write_findings_workbook(const ImportSummary& summary, const std::string& path,
                               Activity activity);

}  // namespace jixiao::app
