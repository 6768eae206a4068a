// `jixiao template KIND [--from FILE | --db DB --id ID] -o OUT.xlsx`: the
// official tables as Excel templates, blank or filled from an evaluation
// file or a stored evaluation.
#include <cstdio>

#include "app/evaluation_source.h"
#include "app/evaluations.h"
#include "cli/commands.h"
#include "cli/session.h"
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
  if (options.id != 0) {
    Result<std::unique_ptr<Session>> session = open_session(options.database);
    if (!session.ok()) return fail(session.status());
    Result<storage::StoredEvaluation> stored = app::show_evaluation(*(*session)->ctx, options.id);
    if (!stored.ok()) return fail(stored.status());
    from.emplace();
    from->evaluation = std::move(stored->evaluation);
    from->origin = "评价 #" + std::to_string(options.id);
  } else if (!options.from.empty()) {
    app::EvaluationFiles source;
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
