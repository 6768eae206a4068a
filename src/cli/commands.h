// Subcommands of the `jixiao` command. Each returns the process exit code:
// 0 done, 2 unusable input (the message on standard error names the file and
// the field), 1 an internal failure.
#pragma once

#include <cstdint>
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
// The files of `paths` (folders expanded) for `score` and `import`, checked
// before any work: false, with the reasons on standard error, when a folder
// holds no evaluation file or the findings workbook could not be written.
bool bulk_inputs(const std::vector<std::string>& paths, const std::string& findings,
                 std::vector<std::string>& files);

// --db and --as, taken by every command that works on a database.
struct DatabaseOptions {
  std::string db;     // empty: the default
  std::string actor;  // --as; empty: $JIXIAO_USER, else the operating-system user
};

// `jixiao template KIND [--from FILE | --db DB --id ID] -o OUT.xlsx`.
struct TemplateOptions {
  std::string kind;  // self-eval, department, goals, expert
  std::string from;  // an evaluation file (JSON or xlsx); empty: blank
  DatabaseOptions database;
  int64_t id = 0;  // a stored evaluation to fill the template with
  std::string output;
};
int run_template(const TemplateOptions& options);

// `jixiao report FILE|--db DB --id ID -o OUT.docx [--what KIND] [--text FILE] [--rules R] [--pdf]`.
struct ReportOptions {
  std::string input;
  DatabaseOptions database;
  int64_t id = 0;  // a stored evaluation instead of FILE
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

// ---- storage commands (src/cli/storage_commands.cc) ----------------------
// Every one opens the database named by --db (a SQLite file path, or a
// postgresql:// URL; default $JIXIAO_DB, else ./jixiao.db), applies pending
// migrations, and does its work in one transaction per user action.

namespace jixiao::cli {

int run_init(const DatabaseOptions& options);
int run_migrate(const DatabaseOptions& options);

struct ImportOptions {
  DatabaseOptions database;
  std::string unit;
  std::string findings;            // a findings workbook to write, or empty
  std::vector<std::string> files;  // files and folders
};
int run_import(const ImportOptions& options);

struct ListOptions {
  DatabaseOptions database;
  bool json = false;
  int year = 0;  // 0: every year
  std::string unit;
};
int run_list(const ListOptions& options);

struct ShowOptions {
  DatabaseOptions database;
  long long id = 0;
  bool json = false;
};
int run_show(const ShowOptions& options);

struct ExportOptions {
  DatabaseOptions database;
  std::vector<long long> ids;
  bool json = true;
  std::string output;  // empty or "-": standard output
};
int run_export(const ExportOptions& options);

struct SaveOptions {
  DatabaseOptions database;
  long long id = 0;
  long long version = 0;
  std::string file;
};
int run_save(const SaveOptions& options);

struct UnitAddOptions {
  DatabaseOptions database;
  std::string code;
  std::string name;
  std::string kind;
  std::string parent;
};
int run_unit_add(const UnitAddOptions& options);
int run_unit_list(const DatabaseOptions& options);

struct UserAddOptions {
  DatabaseOptions database;
  std::string name;
  std::string role;
  std::string unit;
};
int run_user_add(const UserAddOptions& options);  // password from standard input

struct YearOpenOptions {
  DatabaseOptions database;
  int year = 0;
  int from = 0;  // 0: year − 1
};
int run_year_open(const YearOpenOptions& options);

struct BackupOptions {
  DatabaseOptions database;
  std::string file;  // backup: output (empty or "-": stdout); restore: input ("-": stdin)
};
int run_backup(const BackupOptions& options);
int run_restore(const BackupOptions& options);

struct LogOptions {
  DatabaseOptions database;
  std::string record;  // TYPE or TYPE:ID (evaluations:12)
  std::string actor;
  std::string from;
  std::string to;
  int limit = 1000;
};
int run_log(const LogOptions& options);

}  // namespace jixiao::cli

// ---- report audit (src/cli/audit_command.cc) -------------------------------

namespace jixiao::cli {

// `jixiao audit FILE [--rules NAME|FILE] [--json] [--extract OUT.json]`: the
// report's facts and every figure that disagrees. Exit 0 when the report was
// read (with or without findings), 2 when it cannot be read.
struct AuditOptions {
  std::string file;
  std::string rules;  // empty: national-2020
  bool json = false;
  std::string extract;  // write the evaluation found here
};
int run_audit(const AuditOptions& options);

}  // namespace jixiao::cli
