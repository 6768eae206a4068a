// Importing evaluations into the database (`jixiao import`): evaluation
// files and workbooks, or whole folders of them.
//
// Contract: each source (file) is imported in its own write transaction:
// all of its evaluations, with the units and projects they create and their
// audit entries, or nothing of it. A refused file does not stop the others.
// Every evaluation is scored on the way in (core::score) and stored with its
// results. Units named by an evaluation that are not registered yet are
// registered as budget units (code = the name as written), unless --unit
// names the unit for every evaluation.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/evaluation_source.h"
#include "app/import_summary.h"
#include "core/model.h"

namespace jixiao::app {

// Where evaluations come from: a file jixiao reads (JSON, JSON Lines, a
// workbook), or, in tests, a list. One source is imported in one transaction.
class EvaluationSource {
 public:
  virtual ~EvaluationSource() = default;
  // The file the evaluations come from, for messages.
  virtual const std::string& name() const = 0;
  // Calls `sink` for each evaluation in order (with its origin, "a.jsonl:3",
  // and for a workbook the cells it came from); stops at the first error from
  // reading or from `sink`. The evaluation is overwritten by the next one.
  using Sink = std::function<Status(SourcedEvaluation& evaluation)>;
  virtual Status read(const Sink& sink) = 0;
};

// The source for the file `path`: .json, .jsonl/.ndjson or .xlsx.
std::unique_ptr<EvaluationSource> open_evaluation_source(const std::string& path);

struct ImportOptions {
  std::string unit_code;       // when set, every evaluation belongs to this (registered) unit
  bool keep_findings = false;  // keep every finding with its cell in the summary (for a workbook)
};

// Told about progress (the CLI draws a bar on a terminal).
class ImportObserver {
 public:
  virtual ~ImportObserver() = default;
  virtual void on_evaluation(size_t evaluations_in_this_file) { (void)evaluations_in_this_file; }
  virtual void on_file(const FileOutcome& outcome, size_t files_done) {
    (void)outcome;
    (void)files_done;
  }
};

ImportSummary import_evaluations(Context& ctx,
                                 const std::vector<std::unique_ptr<EvaluationSource>>& sources,
                                 const ImportOptions& options, ImportObserver* observer = nullptr);

}  // namespace jixiao::app
