// `jixiao audit`: a report in, its facts and every disagreement out.
//
// A report is a .docx or the plain text Word exports (audit/document.h). Its
// facts are extracted (audit/facts.h), recomputed (audit/checks.h), and the
// evaluation they describe is scored by the core engine, whose findings are
// added with the row they concern as quote. A finding is listed once per
// code and quote: the audit's own come first, the engine's only where they
// add something.
//
// Bounds: a report file may hold at most kMaxReportBytes; a .docx's document
// part at most audit/docx_reader.h's kMaxDocumentXml once inflated.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "audit/checks.h"
#include "audit/document.h"
#include "audit/extract.h"
#include "audit/facts.h"
#include "core/engine.h"
#include "core/rule_set.h"
#include "core/status.h"

namespace jixiao::audit {

inline constexpr size_t kMaxReportBytes = size_t{64} << 20;

struct Audit {
  Facts facts;
  Extracted extracted;   // the evaluation the report describes
  core::ScoreCard card;  // extracted.evaluation scored with the rule set
  std::vector<AuditFinding> findings;
};

// The Document in `bytes`: a .docx when they start like a zip (or an OLE
// file, refused as encrypted or .doc), else the exported text. Errors are
// Chinese and name `name`.
Result<Document> read_report(std::string_view bytes, const std::string& name);

// Extracts, checks and scores. Never fails.
Audit audit_document(const Document& doc, const core::RuleSet& rules);

// read_report + audit_document of the file at `path`.
Result<Audit> audit_file(const std::string& path, const core::RuleSet& rules);

// One JSON object: {"file", "facts", "findings": [{code, severity, quote,
// message}], "total", "grade", "computed_total", "computed_grade"}.
std::string audit_json(const Audit& audit, const std::string& file);

// The readable Chinese listing: the facts, then the findings with quotes.
std::string audit_text(const Audit& audit, const std::string& file);

}  // namespace jixiao::audit
