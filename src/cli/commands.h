// Subcommands of the `jixiao` command. Each returns the process exit code:
// 0 done, 2 unusable input (the message on standard error names the file and
// the field), 1 an internal failure.
#pragma once

#include <string>
#include <vector>

namespace jixiao::cli {

struct ScoreOptions {
  std::vector<std::string> files;
  std::string rules;  // name or path; empty: each file's own, else the default
  bool json = false;
  std::string findings;  // folders: the findings workbook to write
};
int run_score(const ScoreOptions& options);
// Folders given to `score`: the bulk walk (cli/score_folder.cc).
bool has_folder(const ScoreOptions& options);
int run_score_folder(const ScoreOptions& options);

// `jixiao template KIND [--from FILE] -o OUT.xlsx`.
struct TemplateOptions {
  std::string kind;  // self-eval, department, goals, expert
  std::string from;  // an evaluation file (JSON or xlsx); empty: blank
  std::string output;
};
int run_template(const TemplateOptions& options);

// `jixiao report FILE -o OUT.docx [--what KIND] [--text FILE] [--rules R] [--pdf]`.
struct ReportOptions {
  std::string input;
  std::string output;
  std::string what = "report";  // report, self-eval, panel
  std::string text;             // narrative file
  std::string rules;
  bool pdf = false;
};
int run_report(const ReportOptions& options);

// Lists the embedded rule sets, or prints one (resolved) as JSON.
int run_rules(const std::string& name);

}  // namespace jixiao::cli
