// `jixiao template KIND [--from FILE] -o OUT.xlsx`: the official tables as
// Excel templates, blank or filled from an evaluation.
#include <cstdio>

#include "app/evaluation_source.h"
#include "cli/commands.h"
#include "office/templates.h"

namespace jixiao::cli {

int run_template(const TemplateOptions& options) {
  const auto kind = office::template_kind_from_text(options.kind);
  if (!kind) {
    std::fprintf(stderr,
                 "错误：模板种类应为 self-eval、department、goals 或 expert，实际为「%s」\n",
                 options.kind.c_str());
    return 2;
  }
  std::optional<app::SourcedEvaluation> from;
  if (!options.from.empty()) {
    app::EvaluationSource source;
    Result<app::SourcedEvaluation> r = source.read_first(options.from);
    if (!r.ok()) {
      std::fprintf(stderr, "错误：%s\n", r.status().message().c_str());
      return 2;
    }
    from = std::move(*r);
  }
  Status s = office::write_template(*kind, from ? &from->evaluation : nullptr,
                                    from ? from->text : office::TableText(), options.output);
  if (!s.ok()) {
    std::fprintf(stderr, "错误：%s\n", s.message().c_str());
    return 2;
  }
  std::fprintf(stderr, "已生成 %s\n", options.output.c_str());
  return 0;
}

}  // namespace jixiao::cli
