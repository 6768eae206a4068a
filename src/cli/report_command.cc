// `jixiao report FILE -o OUT.docx [--what report|self-eval|panel] [--text F] [--pdf]`.
#include <cstdio>

#include "app/report_job.h"
#include "cli/commands.h"

namespace jixiao::cli {

int run_report(const ReportOptions& options) {
  const auto kind = app::document_kind_from_text(options.what);
  if (!kind) {
    std::fprintf(stderr, "错误：--what 应为 report、self-eval 或 panel，实际为「%s」\n",
                 options.what.c_str());
    return 2;
  }
  app::ReportRequest request;
  request.input = options.input;
  request.output = options.output;
  request.kind = *kind;
  request.narrative = options.text;
  request.rules = options.rules;
  request.pdf = options.pdf;
  Status s = app::make_report(request);
  if (!s.ok()) {
    std::fprintf(stderr, "错误：%s\n", s.message().c_str());
    return 2;
  }
  std::fprintf(stderr, "已生成 %s%s\n", options.output.c_str(), options.pdf ? "（及 PDF）" : "");
  return 0;
}

}  // namespace jixiao::cli
