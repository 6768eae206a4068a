// `jixiao audit FILE [--rules R] [--json] [--extract OUT.json]`.
#include <cstdio>
#include <filesystem>

#include "app/rule_sets.h"
#include "audit/audit.h"
#include "cli/commands.h"
#include "format/evaluation_writer.h"
#include "format/file_output.h"

namespace jixiao::cli {

int run_audit(const AuditOptions& options) {
  app::RuleSets rule_sets;
  Result<const core::RuleSet*> rules = rule_sets.get(0, options.rules, "");
  if (!rules.ok()) {
    std::fprintf(stderr, "错误：%s\n", rules.status().message().c_str());
    return 2;
  }
  Result<audit::Audit> a = audit::audit_file(options.file, **rules);
  if (!a.ok()) {
    std::fprintf(stderr, "错误：%s\n", a.status().message().c_str());
    return 2;
  }
  if (!options.extract.empty()) {
    core::Evaluation e = a->extracted.evaluation;
    if (!options.rules.empty()) e.rule_set = options.rules;
    // The evaluation file needs a title; a report without one is named by its file.
    if (e.title.empty()) e.title = std::filesystem::path(options.file).stem().string();
    const Status written =
        format::write_file(options.extract, format::evaluation_to_json(e) + "\n");
    if (!written.ok()) {
      std::fprintf(stderr, "错误：%s\n", written.message().c_str());
      return 2;
    }
  }
  const std::string text = options.json ? audit::audit_json(*a, options.file) + "\n"
                                        : audit::audit_text(*a, options.file);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

}  // namespace jixiao::cli
