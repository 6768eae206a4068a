#include "app/bulk_import.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>

#include "core/decimal.h"
#include "office/workbook_import.h"
#include "office/xlsx_writer.h"

namespace jixiao::app {

namespace fs = std::filesystem;

std::vector<std::string> list_evaluation_files(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (name.rfind("~$", 0) == 0 || !it->is_regular_file(ec)) continue;
    const std::string path = it->path().string();
    const bool json = path.size() > 5 &&
                      (path.substr(path.size() - 5) == ".json" || format::is_json_lines_path(path));
    if ((json && path.find(".report.json") == std::string::npos) ||
        office::is_workbook_path(path)) {
      out.push_back(path);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

Status import_one(const std::string& path, EvaluationSource& source, RuleSets& rule_sets,
                  const BulkOptions& options, std::vector<ScoredEvaluation>& scored) {
  scored.clear();
  return source.read(path, [&](SourcedEvaluation& e) -> Status {
    Result<const core::RuleSet*> rules = rule_sets.get(options.rules, e.evaluation, path);
    if (!rules.ok()) return rules.status();
    ScoredEvaluation& s = scored.emplace_back();
    s.evaluation = std::move(e);
    s.rules = *rules;
    core::score_into(s.evaluation.evaluation, *s.rules, s.card);
    s.findings = core::findings(s.evaluation.evaluation, s.card, *s.rules);
    for (const core::Finding& f : s.findings) {
      s.cells.push_back(office::finding_cell(s.evaluation.source, s.evaluation.evaluation, f));
    }
    return Status();
  });
}

}  // namespace

BulkSummary import_files(const std::vector<std::string>& files, const BulkOptions& options,
                         const Store& store, const Progress& progress) {
  BulkSummary summary;
  EvaluationSource source;
  RuleSets rule_sets;
  std::vector<ScoredEvaluation> scored;
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string& path = files[i];
    FileOutcome& outcome = summary.files.emplace_back();
    outcome.path = path;
    Status s;
    try {
      s = import_one(path, source, rule_sets, options, scored);
      if (s.ok() && store) s = store(path, scored);
    } catch (const std::exception& e) {
      // Nothing in the readers throws on input; this guards the store and memory.
      s = Status::error("文件 " + path + "：处理失败（" + e.what() + "）");
    }
    if (!s.ok()) {
      outcome.state = FileState::refused;
      outcome.error = s.message();
      ++summary.refused;
    } else {
      bool findings = false;
      for (const ScoredEvaluation& se : scored) {
        auto& ev = outcome.evaluations.emplace_back();
        ev.origin = se.evaluation.origin;
        ev.title = se.evaluation.evaluation.title;
        ev.total = se.card.total;
        ev.grade = se.card.grade;
        ev.findings = se.findings;
        ev.cells = se.cells;
        findings |= !se.findings.empty();
      }
      summary.evaluations += scored.size();
      outcome.state = findings ? FileState::imported_with_findings : FileState::imported;
      ++(findings ? summary.with_findings : summary.imported);
    }
    if (progress) progress(i + 1, files.size(), path);
  }
  return summary;
}

std::string summary_line(const BulkSummary& s) {
  return "已处理 " + std::to_string(s.files.size()) + " 个文件（" + std::to_string(s.evaluations) +
         " 个评价）：导入 " + std::to_string(s.imported) + " 个，导入但有问题 " +
         std::to_string(s.with_findings) + " 个，拒绝 " + std::to_string(s.refused) + " 个";
}

Status write_findings_workbook(const BulkSummary& summary, const std::string& path) {
  office::XlsxBook book(path);
  const auto& f = book.formats();
  lxw_worksheet* files = book.add_sheet("导入汇总");
  lxw_worksheet* problems = book.add_sheet("问题清单");
  if (files == nullptr || problems == nullptr) return book.close();
  const char* file_headers[] = {"文件", "状态", "评价", "总分", "等级", "问题数", "说明"};
  const double file_widths[] = {40, 14, 40, 8, 6, 8, 60};
  for (unsigned c = 0; c < 7; ++c) {
    office::write_text(files, 0, c, file_headers[c], f.header);
    office::set_width(files, c, file_widths[c]);
  }
  const char* problem_headers[] = {"文件", "评价", "位置", "级别", "问题代码", "指标", "说明"};
  const double problem_widths[] = {36, 30, 26, 6, 24, 36, 70};
  for (unsigned c = 0; c < 7; ++c) {
    office::write_text(problems, 0, c, problem_headers[c], f.header);
    office::set_width(problems, c, problem_widths[c]);
  }
  unsigned fr = 1, pr = 1;
  for (const FileOutcome& file : summary.files) {
    const char* state = file.state == FileState::refused                  ? "拒绝"
                        : file.state == FileState::imported_with_findings ? "导入（有问题）"
                                                                          : "导入";
    if (file.state == FileState::refused) {
      office::write_text(files, fr, 0, file.path, f.fixed);
      office::write_text(files, fr, 1, state, f.fixed);
      for (unsigned c = 2; c < 6; ++c) office::write_text(files, fr, c, "", f.fixed);
      office::write_text(files, fr, 6, file.error, f.fixed);
      ++fr;
      office::write_text(problems, pr, 0, file.path, f.fixed);
      office::write_text(problems, pr, 1, "", f.fixed);
      office::write_text(problems, pr, 2, "", f.fixed);
      office::write_text(problems, pr, 3, "错误", f.fixed);
      office::write_text(problems, pr, 4, "file_refused", f.fixed);
      office::write_text(problems, pr, 5, "", f.fixed);
      office::write_text(problems, pr, 6, file.error, f.fixed);
      ++pr;
      continue;
    }
    for (const auto& ev : file.evaluations) {
      office::write_text(files, fr, 0, ev.origin, f.fixed);
      office::write_text(files, fr, 1, state, f.fixed);
      office::write_text(files, fr, 2, ev.title, f.fixed);
      office::write_number(files, fr, 3, ev.total, f.fixed_number);
      office::write_text(files, fr, 4, ev.grade, f.fixed);
      office::write_number(files, fr, 5, static_cast<double>(ev.findings.size()), f.fixed_number);
      office::write_text(files, fr, 6, "", f.fixed);
      ++fr;
      for (size_t k = 0; k < ev.findings.size(); ++k) {
        const core::Finding& finding = ev.findings[k];
        office::write_text(problems, pr, 0, ev.origin, f.fixed);
        office::write_text(problems, pr, 1, ev.title, f.fixed);
        office::write_text(problems, pr, 2, k < ev.cells.size() ? ev.cells[k] : "", f.fixed);
        office::write_text(problems, pr, 3, core::severity_label(finding.severity), f.fixed);
        office::write_text(problems, pr, 4, finding.code, f.fixed);
        office::write_text(problems, pr, 5, core::path_text(finding.path), f.fixed);
        office::write_text(problems, pr, 6, finding.message, f.fixed);
        ++pr;
      }
    }
  }
  for (lxw_worksheet* ws : {files, problems}) {
    worksheet_freeze_panes(ws, 1, 0);
  }
  worksheet_autofilter(files, 0, 0, fr > 1 ? fr - 1 : 1, 6);
  worksheet_autofilter(problems, 0, 0, pr > 1 ? pr - 1 : 1, 6);
  return book.close();
}

}  // namespace jixiao::app
