// `jixiao report FILE|--db DB --id ID -o OUT.docx [--what report|self-eval|panel]
// [--text F] [--rules R] [--pdf]`.
#include <cstdio>

#include "app/evaluations.h"
#include "app/report_job.h"
#include "app/rule_sets.h"
#include "cli/commands.h"
#include "cli/session.h"
#include "report/narrative.h"

namespace jixiao::cli {
namespace {

// The document for stored evaluation `options.id`, scored with the rule set
// it was stored with (or --rules).
Status report_stored(const ReportOptions& options, app::DocumentKind kind) {
  Result<std::unique_ptr<Session>> session = open_session(options.database);
  if (!session.ok()) return session.status();
  app::Context& ctx = *(*session)->ctx;
  Result<storage::StoredEvaluation> stored = app::show_evaluation(ctx, options.id);
  if (!stored.ok()) return stored.status();
  app::RuleSets rule_sets(ctx.connection);
  const std::string& name = options.rules.empty() ? stored->results.scored_with : options.rules;
  Result<const core::RuleSet*> rules = rule_sets.get(stored->evaluation.year, name, "");
  if (!rules.ok()) return rules.status();
  report::Narrative narrative;
  if (!options.text.empty()) {
    Result<report::Narrative> n = report::read_narrative(options.text);
    if (!n.ok()) return n.status();
    narrative = std::move(*n);
  }
  app::SourcedEvaluation e;
  e.evaluation = std::move(stored->evaluation);
  e.origin = "评价 #" + std::to_string(options.id);
  return app::write_document(e, **rules, narrative, kind, options.output, options.pdf);
}

}  // namespace

int run_report(const ReportOptions& options) {
  const auto kind = app::document_kind_from_text(options.what);
  if (!kind) {
    std::fprintf(stderr, "错误：--what 应为 report、self-eval 或 panel，实际为「%s」\n",
                 options.what.c_str());
    return 2;
  }
  if (options.input.empty() && options.id == 0) {
    std::fprintf(stderr, "错误：请给出评价文件，或用 --db 与 --id 指定数据库中的评价\n");
    return 2;
  }
  Status s;
  if (options.id != 0) {
    s = report_stored(options, *kind);
  } else {
    app::ReportRequest request;
    request.input = options.input;
    request.output = options.output;
    request.kind = *kind;
    request.narrative = options.text;
    request.rules = options.rules;
    request.pdf = options.pdf;
    s = app::make_report(request);
  }
  if (!s.ok()) return fail(s);
  std::fprintf(stderr, "已生成 %s%s\n", options.output.c_str(), options.pdf ? "（及 PDF）" : "");
  return 0;
}

}  // namespace jixiao::cli
