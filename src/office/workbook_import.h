// Importing the official tables from Excel workbooks: the 项目支出绩效自评表,
// the 部门整体支出绩效自评表, the 绩效目标申报表 and the 专家评分表 (the
// layouts jixiao's templates write, and the variants real files have).
//
// Headers and blocks are found by their text, never by position: columns in
// any order and with other words (全年实际值 for 实际完成值), the funds block
// above or below the indicators, title rows, blank rows, category names in
// merged cells with their weight written in ("产出指标(50分)"), amounts in 元.
// Each sheet holding an indicator block is one evaluation, the same
// core::Evaluation the JSON reader produces for the same content.
//
// Contract: never crashes on any bytes. A problem that makes a sheet
// unusable ends the read with a Status naming the file, the sheet and the
// cell ("文件 a.xlsx：项目支出绩效自评表!E14：分值应为数字，实际为「abc」").
// Not thread-safe; one WorkbookImporter per thread.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/model.h"
#include "core/status.h"
#include "format/evaluation_reader.h"

namespace jixiao::office {

inline constexpr size_t kMaxWorkbookBytes = size_t{64} << 20;

// Where an imported evaluation's figures sit, to name cells in messages.
struct SourceMap {
  std::string sheet;
  // Per indicator (aligned with Evaluation::indicators): the 0-based row of
  // the row it was read from (a category: its first row), or -1.
  std::vector<long> rows;
  // Per indicator: the column holding its name.
  std::vector<int> name_cols;
  // Columns of the indicator block, -1 when absent.
  int weight_col = -1, target_col = -1, actual_col = -1, score_col = -1, note_col = -1,
      expert_col = -1;
  // Single cells ("" when absent): "G30".
  std::string total_cell, grade_cell, budget_rate_cell, budget_score_cell, budget_executed_cell;

  // "项目支出绩效自评表!G14" for a cell name, "" when the cell is unknown.
  std::string qualify(const std::string& cell) const;
};

// Text found in the table that the Evaluation has no field for; the report
// uses it.
struct TableText {
  std::string overall_result;  // 年度总体目标: 实际完成情况
  std::string conclusion;      // 自评结论 when it is more than a grade
  std::string department;      // 主管部门 when 实施单位 was used as the unit
};

struct ImportedEvaluation {
  core::Evaluation evaluation;
  SourceMap source;
  TableText text;
};

class WorkbookImporter {
 public:
  WorkbookImporter();
  ~WorkbookImporter();
  WorkbookImporter(const WorkbookImporter&) = delete;
  WorkbookImporter& operator=(const WorkbookImporter&) = delete;

  // Calls `sink` for each evaluation sheet, in workbook order, with the
  // sheet's 1-based number among the evaluation sheets when there are
  // several, else 0. `sink` may modify what it is given; it is overwritten
  // by the next sheet. Stops at the first error.
  using Sink = std::function<Status(ImportedEvaluation& imported, size_t number)>;
  Status read_file(const std::string& path, const Sink& sink);
  Status read_bytes(std::string_view bytes, std::string_view origin, const Sink& sink);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The signature of format::EvaluationReader::read_file, for callers that
// take files of either kind. When `located` is given, it holds the sheet's
// source map while `sink` runs (for locate_findings).
Status read_workbook_evaluations(const std::string& path,
                                 const format::EvaluationReader::Sink& sink,
                                 SourceMap* located = nullptr);

// Whether a path names a workbook jixiao reads (.xlsx, .xlsm), or one it
// refuses with a clear message (.xls, .et, .ods).
bool is_workbook_path(std::string_view path);

// Prefixes each finding's message with the cell it concerns
// ("项目支出绩效自评表!G14："), when the source map knows it.
void locate_findings(const SourceMap& source, const core::Evaluation& evaluation,
                     std::vector<core::Finding>& findings);
// The cell a finding concerns ("项目支出绩效自评表!G14"), or "".
std::string finding_cell(const SourceMap& source, const core::Evaluation& evaluation,
                         const core::Finding& finding);

}  // namespace jixiao::office
