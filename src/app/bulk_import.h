// Importing a folder of evaluation files (workbooks and JSON): each file is
// read, scored and handed to a store callback; one bad file never stops or
// damages the others. The outcome of every file is kept for a summary
// (imported / imported with findings / refused) and a findings workbook
// listing every problem with its cell.
//
// The store is a callback so that the same walk serves `jixiao score DIR`
// today (no store, or printing) and `jixiao import --db DB DIR` once storage
// lands (one transaction per file inside the callback: a file is stored
// whole or not at all).
//
// Contract: import_folder never throws; a file that cannot be read, or whose
// store callback fails, is refused with its message. Not thread-safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/evaluation_source.h"
#include "core/engine.h"
#include "core/status.h"

namespace jixiao::app {

struct ScoredEvaluation {
  SourcedEvaluation evaluation;
  core::ScoreCard card;
  const core::RuleSet* rules = nullptr;
  std::vector<core::Finding> findings;  // worded (core::findings)
  std::vector<std::string> cells;       // per finding: "表!G14", or ""
};

enum class FileState { imported, imported_with_findings, refused };

struct FileOutcome {
  std::string path;
  FileState state = FileState::refused;
  std::string error;  // why it was refused
  struct Evaluation {
    std::string origin, title, grade;
    double total = 0;
    std::vector<core::Finding> findings;  // messages without the cell prefix
    std::vector<std::string> cells;       // per finding
  };
  std::vector<Evaluation> evaluations;
};

struct BulkSummary {
  std::vector<FileOutcome> files;
  size_t imported = 0, with_findings = 0, refused = 0, evaluations = 0;
};

struct BulkOptions {
  std::string rules;  // forced rule set, or empty
};

// Called with a file's evaluations once they all read and scored.
using Store =
    std::function<Status(const std::string& path, std::vector<ScoredEvaluation>& evaluations)>;
// Called after each file: files done, files in all, the file.
using Progress = std::function<void(size_t done, size_t total, const std::string& path)>;

// The files under `dir` that jixiao reads (workbooks, JSON), sorted; Excel's
// lock files (~$a.xlsx) and hidden files are left out.
std::vector<std::string> list_evaluation_files(const std::string& dir);

BulkSummary import_files(const std::vector<std::string>& files, const BulkOptions& options,
                         const Store& store, const Progress& progress);

// The findings workbook: 导入汇总 (one row per file) and 问题清单 (one row per problem).
Status write_findings_workbook(const BulkSummary& summary, const std::string& path);

// "已处理 12 个文件（15 个评价）：导入 8 个，导入但有问题 3 个，拒绝 1 个"
std::string summary_line(const BulkSummary& summary);

}  // namespace jixiao::app
