// Evaluations from any file jixiao reads: JSON, JSON Lines, or a workbook
// (.xlsx). One entry point for the commands that take "FILE" (report,
// template --from, import, bulk scoring), so that they all accept the same
// files.
//
// Contract: errors are Status values naming the file (and sheet, cell or
// field). Not thread-safe: use one EvaluationSource per thread.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/model.h"
#include "core/rule_set.h"
#include "core/status.h"
#include "format/evaluation_reader.h"
#include "office/workbook_import.h"

namespace jixiao::app {

// An evaluation and where it came from.
struct SourcedEvaluation {
  core::Evaluation evaluation;
  office::SourceMap source;  // empty sheet for JSON
  office::TableText text;    // text a workbook held beyond the Evaluation
  std::string origin;        // "a.json", "a.jsonl:3", "a.xlsx", "a.xlsx:2"
};

class EvaluationFiles {
 public:
  // Calls `sink` for every evaluation in the file, in order; stops at the
  // first error. The SourcedEvaluation is overwritten by the next one.
  using Sink = std::function<Status(SourcedEvaluation& evaluation)>;
  Status read(const std::string& path, const Sink& sink);

  // The first evaluation of a file (the others are ignored).
  Result<SourcedEvaluation> read_first(const std::string& path);

 private:
  format::EvaluationReader json_;
  office::WorkbookImporter workbook_;
  SourcedEvaluation current_;
};

}  // namespace jixiao::app
