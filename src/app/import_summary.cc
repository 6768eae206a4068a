#include "app/import_summary.h"

#include <xlsxwriter.h>

#include "office/xlsx_writer.h"

namespace jixiao::app {

FileOutcome& ImportSummary::add(FileOutcome outcome) {
  if (outcome.state != FileState::refused) {
    bool findings = false;
    for (const EvaluationOutcome& e : outcome.evaluations) findings |= e.finding_count > 0;
    outcome.state = findings ? FileState::imported_with_findings : FileState::imported;
    evaluations += outcome.evaluations.size();
  }
  ++(outcome.state == FileState::refused                  ? refused
     : outcome.state == FileState::imported_with_findings ? with_findings
                                                          : imported);
  files.push_back(std::move(outcome));
  return files.back();
}

const char* state_word(FileState state, Activity activity) {
  const bool stored = activity == Activity::imported;
  switch (state) {
    case FileState::imported:
      return stored ? "导入" : "无问题";
    case FileState::imported_with_findings:
      return stored ? "导入（有问题）" : "有问题";
    case FileState::refused:
      break;
  }
  return "拒绝";
}

std::string summary_line(const ImportSummary& s, Activity activity) {
  const bool stored = activity == Activity::imported;
  return "已处理 " + std::to_string(s.files.size()) + " 个文件（" + std::to_string(s.evaluations) +
         " 个评价）：" + (stored ? "导入 " : "无问题 ") + std::to_string(s.imported) + " 个，" +
         (stored ? "导入但有问题 " : "有问题 ") + std::to_string(s.with_findings) + " 个，拒绝 " +
         std::to_string(s.refused) + " 个";
}

Status write_findings_workbook(const ImportSummary& summary, const std::string& path,
                               Activity activity) {
  office::XlsxBook book(path);
  const auto& f = book.formats();
  lxw_worksheet* files = book.add_sheet(activity == Activity::imported ? "导入汇总" : "评分汇总");
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
    const char* state = state_word(file.state, activity);
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
      office::write_number(files, fr, 5, static_cast<double>(ev.finding_count), f.fixed_number);
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
