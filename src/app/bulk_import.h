// Reading and scoring every evaluation file of a folder without a database
// (`jixiao score DIR/`): each file is read and scored, then handed to a
// callback (which prints it); one bad file never stops the others. The
// outcome of every file goes into the same summary as a database import
// (app/import_summary.h), for the same summary lines and findings workbook.
//
// Contract: import_files never throws; a file that cannot be read, or whose
// callback fails, is refused with its message. Files are read and scored on
// app::worker_threads() threads; `store` and `progress` are called on the
// calling thread, file by file in the order given. Not thread-safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/evaluation_source.h"
#include "app/import_summary.h"
#include "core/engine.h"

namespace jixiao::app {

struct ScoredEvaluation {
  SourcedEvaluation evaluation;
  core::ScoreCard card;
  const core::RuleSet* rules = nullptr;
  std::vector<core::Finding> findings;  // worded (core::findings)
  std::vector<std::string> cells;       // per finding: "表!G14", or ""
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
// lock files (~$a.xlsx), hidden files and report text files (*.report.json)
// are left out.
std::vector<std::string> list_evaluation_files(const std::string& dir);

// `paths` with every folder replaced by list_evaluation_files of it. The
// folders that hold no such file are added to `empty` when it is given: a
// folder without evaluations is most likely the wrong folder.
std::vector<std::string> expand_folders(const std::vector<std::string>& paths,
                                        std::vector<std::string>* empty = nullptr);

// The outcome of a scored evaluation for the summary (findings and cells
// included).
EvaluationOutcome outcome_of(const ScoredEvaluation& scored);

ImportSummary import_files(const std::vector<std::string>& files, const BulkOptions& options,
                           const Store& store, const Progress& progress);

}  // namespace jixiao::app
