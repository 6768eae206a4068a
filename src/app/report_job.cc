#include "app/report_job.h"

#include "app/rule_sets.h"

#include <filesystem>

#include "app/pdf_export.h"
#include "core/engine.h"
#include "format/file_bytes.h"
#include "format/file_output.h"
#include "office/templates.h"
#include "report/docx_renderer.h"
#include "report/report_builder.h"

namespace jixiao::app {

namespace fs = std::filesystem;

std::optional<DocumentKind> document_kind_from_text(std::string_view t) {
  if (t == "report" || t == "报告") return DocumentKind::report;
  if (t == "self-eval" || t == "自评表") return DocumentKind::self_evaluation;
  if (t == "panel" || t == "专家评分汇总表") return DocumentKind::panel;
  return std::nullopt;
}

Result<std::string> report_bytes(const SourcedEvaluation& e, const core::RuleSet& rules,
                                 const report::Narrative& narrative, DocumentKind kind) {
  const core::ScoreCard card = core::score(e.evaluation, rules);
  const report::ReportInput in{e.evaluation, card, rules, narrative, e.text};
  report::Document doc;
  switch (kind) {
    case DocumentKind::report:
      doc = report::build_report(in);
      break;
    case DocumentKind::self_evaluation:
      doc = report::build_self_evaluation_table(in);
      break;
    case DocumentKind::panel:
      doc = report::build_panel_summary(in);
      if (doc.blocks.empty()) {
        return Status::error("评价「" + e.evaluation.title +
                             "」没有专家评分，无法生成专家评分汇总表");
      }
      break;
  }
  return report::render_docx(doc);
}

Status make_report(const ReportRequest& r) {
  EvaluationFiles source;
  Result<SourcedEvaluation> e = source.read_first(r.input);
  if (!e.ok()) return e.status();
  RuleSets rule_sets;
  Result<const core::RuleSet*> rules = rule_sets.for_evaluation(r.rules, e->evaluation, r.input);
  if (!rules.ok()) return rules.status();
  report::Narrative narrative;
  std::string narrative_path = r.narrative;
  if (narrative_path.empty()) {
    const std::string sidecar = report::narrative_path_for(r.input);
    std::error_code ec;
    if (fs::exists(sidecar, ec)) narrative_path = sidecar;
  }
  if (!narrative_path.empty()) {
    Result<report::Narrative> n = report::read_narrative(narrative_path);
    if (!n.ok()) return n.status();
    narrative = std::move(*n);
  }
  return write_document(*e, **rules, narrative, r.kind, r.output, r.pdf);
}

namespace {

constexpr size_t kMaxPdfBytes = size_t{1} << 30;  // LibreOffice's PDF of one document

// `output` as PDF: the .docx written into a temporary folder of its own,
// converted there by LibreOffice, and only the PDF kept, at `output`.
Status write_pdf(const std::string& docx_bytes, const std::string& output) {
  Status s = format::check_writable(output);  // before LibreOffice's seconds, not after
  if (!s.ok()) return s;
  Result<std::string> folder = format::make_temporary_folder("jixiao-pdf-");
  if (!folder.ok()) return folder.status();
  const fs::path dir(*folder);
  std::error_code ec;
  const std::string stem = fs::path(output).stem().string();
  const std::string docx = (dir / (stem + ".docx")).string();
  s = format::write_file(docx, docx_bytes);
  if (s.ok()) s = convert_to_pdf({docx}, dir.string());
  if (s.ok()) {
    Result<format::FileBytes> pdf =
        format::FileBytes::open((dir / (stem + ".pdf")).string(), kMaxPdfBytes);
    s = pdf.ok() ? format::write_file(output, pdf->text()) : pdf.status();
  }
  fs::remove_all(dir, ec);
  return s;
}

}  // namespace

Status write_document(const SourcedEvaluation& e, const core::RuleSet& rules,
                      const report::Narrative& narrative, DocumentKind kind,
                      const std::string& output, bool pdf) {
  const std::string extension = format::lower_extension(output);
  if (extension != "docx" && extension != "xlsx" && extension != "pdf") {
    return Status::error("文件 " + output +
                         "：输出文件应以 .docx 或 .pdf 结尾（自评表和专家评分汇总表也可为 .xlsx）");
  }
  if (extension == "pdf") {
    Result<std::string> bytes = report_bytes(e, rules, narrative, kind);
    return bytes.ok() ? write_pdf(*bytes, output) : bytes.status();
  }
  if (extension == "xlsx") {
    if (kind == DocumentKind::report) {
      return Status::error("评价报告只能生成 .docx；自评表和专家评分汇总表可生成 .xlsx");
    }
    if (kind == DocumentKind::panel && e.evaluation.experts.empty()) {
      return Status::error("评价「" + e.evaluation.title +
                           "」没有专家评分，无法生成专家评分汇总表");
    }
    const office::TemplateKind table = kind == DocumentKind::panel ? office::TemplateKind::expert
                                       : e.evaluation.scope == core::Scope::department_overall
                                           ? office::TemplateKind::department
                                           : office::TemplateKind::self_evaluation;
    Status s = office::write_template(table, &e.evaluation, e.text, output);
    if (!s.ok()) return s;
  } else {
    Result<std::string> bytes = report_bytes(e, rules, narrative, kind);
    if (!bytes.ok()) return bytes.status();
    Status written = format::write_file(output, *bytes);
    if (!written.ok()) return written;
  }
  if (!pdf) return Status();
  fs::path dir = fs::path(output).parent_path();
  if (dir.empty()) dir = ".";
  return convert_to_pdf({output}, dir.string());
}

}  // namespace jixiao::app
