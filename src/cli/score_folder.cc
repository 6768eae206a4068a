// `jixiao score DIR/ [--findings OUT.xlsx]`: bulk scoring of a folder of
// workbooks and JSON files (app/bulk_import.h), with a progress bar on a
// terminal, a summary at the end and, on request, the findings workbook.
// `jixiao import --db DB DIR/` stores the same files (app/import.h) with the
// same summary and findings workbook.
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "app/bulk_import.h"
#include "cli/commands.h"
#include "core/decimal.h"
#include "format/file_output.h"
#include "format/json_writer.h"
#include "format/scorecard_json.h"
#include "office/workbook_import.h"

namespace jixiao::cli {

namespace {

void draw_progress(size_t done, size_t total, const std::string& path) {
  constexpr int kWidth = 30;
  const int filled = total ? static_cast<int>(kWidth * done / total) : kWidth;
  std::string bar(static_cast<size_t>(filled), '#');
  bar.resize(kWidth, '.');
  std::string name = std::filesystem::path(path).filename().string();
  if (name.size() > 40) name = name.substr(0, 37) + "...";
  std::fprintf(stderr, "\r[%s] %zu/%zu %-40s", bar.c_str(), done, total, name.c_str());
  if (done == total) std::fprintf(stderr, "\r%*s\r", kWidth + 60, "");
  std::fflush(stderr);
}

}  // namespace

bool has_folder(const ScoreOptions& options) {
  std::error_code ec;
  for (const auto& f : options.files) {
    if (std::filesystem::is_directory(f, ec)) return true;
  }
  return false;
}

bool bulk_inputs(const std::vector<std::string>& paths, const std::string& findings,
                 std::vector<std::string>& files) {
  std::vector<std::string> empty;
  files = app::expand_folders(paths, &empty);
  for (const std::string& folder : empty) {
    std::fprintf(stderr, "错误：文件夹 %s 中没有评价文件（.json、.jsonl、.ndjson、.xlsx）\n",
                 folder.c_str());
  }
  Status writable = findings.empty() ? Status() : format::check_writable(findings);
  if (!writable.ok()) std::fprintf(stderr, "错误：%s\n", writable.message().c_str());
  return empty.empty() && writable.ok();
}

int run_score_folder(const ScoreOptions& options) {
  std::vector<std::string> files;
  if (!bulk_inputs(options.files, options.findings, files)) return 2;
  std::string out;
  const app::Store print = [&](const std::string&, std::vector<app::ScoredEvaluation>& scored) {
    if (!options.json) return Status();
    for (app::ScoredEvaluation& s : scored) {
      const format::FindingLocator locate = [&](const core::Finding& f) {
        return office::finding_cell(s.evaluation.source, s.evaluation.evaluation, f);
      };
      format::JsonWriter w(out);
      format::write_scorecard_json(w, s.evaluation.evaluation, s.card, *s.rules,
                                   s.evaluation.origin, &locate);
      out += '\n';
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    out.clear();
    return Status();
  };
  const bool tty = isatty(STDERR_FILENO) != 0;
  app::BulkOptions bulk;
  bulk.rules = options.rules;
  const app::ImportSummary summary =
      app::import_files(files, bulk, print, tty ? app::Progress(draw_progress) : app::Progress());
  std::fflush(stdout);
  FILE* report = options.json ? stderr : stdout;
  for (const app::FileOutcome& f : summary.files) {
    if (f.state == app::FileState::refused) {
      std::fprintf(report, "拒绝  %s\n", f.error.c_str());
    } else if (!options.json) {
      for (const auto& e : f.evaluations) {
        std::fprintf(report, "%s  %s  总分 %s %s  问题 %zu 项\n",
                     app::state_word(e.finding_count > 0 ? app::FileState::imported_with_findings
                                                         : app::FileState::imported,
                                     app::Activity::scored),
                     e.origin.c_str(), core::format_number(e.total).c_str(), e.grade.c_str(),
                     e.finding_count);
      }
    }
  }
  std::fprintf(report, "%s\n", app::summary_line(summary, app::Activity::scored).c_str());
  if (!options.findings.empty()) {
    Status s = app::write_findings_workbook(summary, options.findings, app::Activity::scored);
    if (!s.ok()) {
      std::fprintf(stderr, "错误：%s\n", s.message().c_str());
      return 2;
    }
    std::fprintf(report, "问题清单已写入 %s\n", options.findings.c_str());
  }
  return summary.refused_files() > 0 ? 2 : 0;
}

}  // namespace jixiao::cli
