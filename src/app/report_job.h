// Producing documents from an evaluation file: the 绩效评价报告, the
// self-evaluation table and the 专家评分汇总表, as .docx (or, for the
// tables, .xlsx), optionally converted to PDF.
//
// report_bytes() is the thin interface the storage-backed commands will use:
// an evaluation in, the document's bytes out. make_report() is the file
// round: read (JSON or xlsx), score, build, write.
#pragma once

#include <string>

#include "app/evaluation_source.h"
#include "core/rule_set.h"
#include "core/status.h"
#include "report/narrative.h"

namespace jixiao::app {

enum class DocumentKind { report, self_evaluation, panel };

// "report", "self-eval", "panel".
std::optional<DocumentKind> document_kind_from_text(std::string_view text);

// The .docx bytes of a document for a scored evaluation.
Result<std::string> report_bytes(const SourcedEvaluation& evaluation, const core::RuleSet& rules,
                                 const report::Narrative& narrative, DocumentKind kind);

struct ReportRequest {
  std::string input;   // evaluation file (the first evaluation in it)
  std::string output;  // .docx, .pdf (through LibreOffice), or .xlsx for the tables
  DocumentKind kind = DocumentKind::report;
  std::string narrative;  // text file; empty: INPUT.report.json when it exists
  std::string rules;      // rule set name or file; empty: the evaluation's own
  bool pdf = false;       // also OUTPUT.pdf through LibreOffice
};

Status make_report(const ReportRequest& request);

// The document for an evaluation already read (from a file or the database)
// with its rule set, written to `output` by its extension: .docx, .pdf (the
// .docx converted by LibreOffice; no .docx is left), or .xlsx for the tables.
// With `pdf`, a .docx or .xlsx output is also converted, beside it.
Status write_document(const SourcedEvaluation& evaluation, const core::RuleSet& rules,
                      const report::Narrative& narrative, DocumentKind kind,
                      const std::string& output, bool pdf);

}  // namespace jixiao::app
