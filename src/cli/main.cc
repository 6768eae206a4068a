// The `jixiao` command line.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/commands.h"
#include "cli/usage.h"

int main(int argc, char** argv) {
  CLI::App app{"jixiao（绩效）：预算绩效评价的评分、核查、存储与报告工具"};
  app.set_version_flag("--version", "jixiao 0.1.0", "显示版本后退出");
  app.require_subcommand(1);

  jixiao::cli::ScoreOptions score;
  CLI::App* score_cmd =
      app.add_subcommand("score", "按规则集为评价文件评分，列出得分、等级与发现的问题");
  score_cmd
      ->add_option(
          "files", score.files,
          "评价文件（.json、每行一个评价的 .jsonl、Excel 自评表 .xlsx），或文件夹（批量）；"
          "- 表示标准输入（JSON 或每行一个评价）")
      ->required();
  score_cmd->add_option("--findings", score.findings,
                        "批量评分时把每个文件的问题（含单元格位置）写入此 Excel 文件");
  score_cmd->add_option("--rules", score.rules,
                        "规则集名称或规则集文件（默认：文件中的 rule_set，否则 national-2020）");
  score_cmd->add_flag("--json", score.json, "每个评价输出一行 JSON");
  score_cmd->footer(
      "多个文件同时评分，每个 CPU 核一个线程；输出顺序与所给文件顺序一致。\n"
      "环境变量 JIXIAO_THREADS 指定线程数（1–64）。");

  std::string rules_name;
  CLI::App* rules_cmd =
      app.add_subcommand("rules", "列出内置规则集，或以 JSON 显示一个规则集的全部规则");
  rules_cmd->add_option("name", rules_name, "规则集名称或文件");

  // Every one takes --db (a SQLite file or a postgresql:// URL) and --as.
  const auto database_options = [](CLI::App* cmd, jixiao::cli::DatabaseOptions& o) {
    cmd->add_option("--db", o.db,
                    "数据库：SQLite 文件路径，或 postgresql://用户@主机:端口/库名"
                    "（默认：环境变量 JIXIAO_DB，否则当前目录的 jixiao.db）");
    cmd->add_option("--as", o.actor,
                    "记入审计日志的操作人（默认：环境变量 JIXIAO_USER，否则操作系统用户）");
  };

  jixiao::cli::TemplateOptions tmpl;
  CLI::App* template_cmd = app.add_subcommand(
      "template",
      "生成官方格式的 Excel "
      "模板：项目支出绩效自评表、部门整体支出绩效自评表、绩效目标申报表、专家评分表");
  template_cmd->add_option("kind", tmpl.kind, "模板种类：self-eval、department、goals、expert")
      ->required();
  CLI::Option* template_from = template_cmd->add_option(
      "--from", tmpl.from, "按评价文件（.json 或 .xlsx）填好内容；省略则为空白模板");
  template_cmd->add_option("--id", tmpl.id, "按数据库中的评价（编号）填好内容，与 --db 一起用")
      ->excludes(template_from);
  database_options(template_cmd, tmpl.database);
  template_cmd->add_option("-o,--output", tmpl.output, "输出的 .xlsx 文件")->required();

  jixiao::cli::ReportOptions report;
  CLI::App* report_cmd = app.add_subcommand(
      "report", "生成 Word 文档：绩效评价报告、绩效自评表或专家评分汇总表（可另存 PDF）");
  CLI::Option* report_file = report_cmd->add_option(
      "file", report.input, "评价文件（.json、.jsonl 的第一个评价，或 .xlsx）");
  report_cmd->add_option("--id", report.id, "数据库中的评价（编号），与 --db 一起用；代替评价文件")
      ->excludes(report_file);
  database_options(report_cmd, report.database);
  report_cmd
      ->add_option(
          "-o,--output", report.output,
          "输出文件：.docx 或 .pdf（PDF 由 LibreOffice 转换）；自评表和专家评分汇总表也可为 .xlsx")
      ->required();
  report_cmd->add_option(
      "--what", report.what,
      "文档种类：report（评价报告，默认）、self-eval（自评表）、panel（专家评分汇总表）");
  report_cmd->add_option("--text", report.text,
                         "报告文字文件（JSON，见 docs/office.md）；默认读取同名的 .report.json");
  report_cmd->add_option("--rules", report.rules, "规则集名称或规则集文件");
  report_cmd->add_flag("--pdf", report.pdf, "同时用 LibreOffice 生成 PDF");

  jixiao::cli::AuditOptions audit;
  CLI::App* audit_cmd = app.add_subcommand(
      "audit", "复核评价报告：提取报告中的数字，按规则集重新计算，列出不一致与前后矛盾之处");
  audit_cmd->add_option("file", audit.file, "报告：.docx，或从 Word 导出的纯文本 .txt")->required();
  audit_cmd->add_option("--rules", audit.rules, "规则集名称或规则集文件（默认 national-2020）");
  audit_cmd->add_flag("--json", audit.json,
                      "以一个 JSON 对象输出（facts、findings、total、grade）");
  audit_cmd->add_option("--extract", audit.extract,
                        "把报告中的评价写成评价文件（可用 jixiao score 评分）");

  // ---- storage commands ------------------------------------------------------
  jixiao::cli::DatabaseOptions init;
  CLI::App* init_cmd =
      app.add_subcommand("init", "创建数据库（SQLite 文件不存在时新建）并建立表结构");
  database_options(init_cmd, init);

  jixiao::cli::DatabaseOptions migrate;
  CLI::App* migrate_cmd = app.add_subcommand("migrate", "把数据库的表结构升级到本程序的版本");
  database_options(migrate_cmd, migrate);

  jixiao::cli::ImportOptions import;
  CLI::App* import_cmd = app.add_subcommand(
      "import", "导入评价文件：每个文件一个事务，全部导入或全部不导入，最后列出汇总");
  database_options(import_cmd, import.database);
  import_cmd->add_option("--unit", import.unit, "所有评价都归属此单位编码（须已登记）");
  import_cmd->add_option("--findings", import.findings,
                         "把每个文件的导入结果和全部问题（含单元格位置）写入此 .xlsx 问题清单");
  import_cmd
      ->add_option(
          "files", import.files,
          "评价文件（.json；每行一个评价的 .jsonl；Excel 自评表 .xlsx），或包含它们的文件夹")
      ->required();

  jixiao::cli::ListOptions list;
  CLI::App* list_cmd = app.add_subcommand("list", "列出已入库的评价");
  database_options(list_cmd, list.database);
  list_cmd->add_flag("--json", list.json, "每个评价输出一行 JSON");
  list_cmd->add_option("--year", list.year, "只列出该年度");
  list_cmd->add_option("--unit", list.unit, "只列出该单位编码");

  jixiao::cli::ShowOptions show;
  CLI::App* show_cmd = app.add_subcommand("show", "显示一个评价的评分表");
  database_options(show_cmd, show.database);
  show_cmd->add_option("id", show.id, "评价编号")->required();
  show_cmd->add_flag("--json", show.json, "以 JSON 输出（含入库的结果与评价文件内容）");

  jixiao::cli::ExportOptions export_options;
  CLI::App* export_cmd = app.add_subcommand(
      "export", "导出评价为评价文件格式（每行一个评价），可再用 jixiao import 导入");
  database_options(export_cmd, export_options.database);
  export_cmd->add_option("ids", export_options.ids, "评价编号（默认：全部）");
  export_cmd->add_flag("--json", export_options.json,
                       "JSON Lines 评价文件（默认，也是目前唯一的格式）");
  export_cmd->add_option("-o,--output", export_options.output, "输出文件（默认：标准输出）");

  jixiao::cli::SaveOptions save;
  CLI::App* save_cmd = app.add_subcommand(
      "save", "用文件内容保存（替换）一个评价；--version 为读取时的版本，他人已保存时拒绝");
  database_options(save_cmd, save.database);
  save_cmd->add_option("id", save.id, "评价编号")->required();
  save_cmd->add_option("file", save.file, "评价文件（一个评价）")->required();
  save_cmd->add_option("--version", save.version, "读取时的版本（jixiao show 显示）")->required();

  CLI::App* unit_cmd = app.add_subcommand("unit", "单位（财政局、主管部门、预算单位）");
  unit_cmd->require_subcommand(1);
  jixiao::cli::UnitAddOptions unit_add;
  CLI::App* unit_add_cmd = unit_cmd->add_subcommand("add", "登记一个单位");
  database_options(unit_add_cmd, unit_add.database);
  unit_add_cmd->add_option("code", unit_add.code, "单位编码")->required();
  unit_add_cmd->add_option("name", unit_add.name, "单位名称")->required();
  unit_add_cmd->add_option("--kind", unit_add.kind, "finance_bureau|department|budget_unit")
      ->required();
  unit_add_cmd->add_option("--parent", unit_add.parent, "上级单位编码");
  jixiao::cli::DatabaseOptions unit_list;
  CLI::App* unit_list_cmd = unit_cmd->add_subcommand("list", "列出全部单位");
  database_options(unit_list_cmd, unit_list);

  CLI::App* user_cmd = app.add_subcommand("user", "用户");
  user_cmd->require_subcommand(1);
  jixiao::cli::UserAddOptions user_add;
  CLI::App* user_add_cmd =
      user_cmd->add_subcommand("add", "添加用户；密码从标准输入读取（不在命令行中出现）");
  database_options(user_add_cmd, user_add.database);
  user_add_cmd->add_option("name", user_add.name, "用户名")->required();
  user_add_cmd
      ->add_option("--role", user_add.role,
                   "角色：admin finance department unit expert third_party viewer")
      ->required();
  user_add_cmd->add_option("--unit", user_add.unit, "所属单位编码");

  CLI::App* year_cmd = app.add_subcommand("year", "预算年度");
  year_cmd->require_subcommand(1);
  jixiao::cli::YearOpenOptions year_open;
  CLI::App* year_open_cmd =
      year_cmd->add_subcommand("open", "开启一个年度，并复制上一年度的规则集、指标体系和指标库");
  database_options(year_open_cmd, year_open.database);
  year_open_cmd->add_option("year", year_open.year, "年度")->required();
  year_open_cmd->add_option("--from", year_open.from, "从该年度复制（默认：上一年度）");

  jixiao::cli::BackupOptions backup;
  CLI::App* backup_cmd = app.add_subcommand(
      "backup", "备份整个数据库（JSON Lines，可在 SQLite 与 PostgreSQL 之间恢复）");
  database_options(backup_cmd, backup.database);
  backup_cmd->add_option("-o,--output", backup.file, "备份文件（默认：标准输出）");

  jixiao::cli::BackupOptions restore;
  CLI::App* restore_cmd =
      app.add_subcommand("restore", "把备份恢复到一个新建的空数据库（一个事务，全部或全不）");
  database_options(restore_cmd, restore.database);
  restore_cmd->add_option("file", restore.file, "备份文件（- 为标准输入）")->required();

  jixiao::cli::LogOptions log_options;
  CLI::App* log_cmd = app.add_subcommand("log", "查询审计日志（每行一条 JSON）");
  database_options(log_cmd, log_options.database);
  log_cmd->add_option("--record", log_options.record,
                      "记录：表名或 表名:编号（如 evaluations:12）");
  log_cmd->add_option("--actor", log_options.actor, "操作人");
  log_cmd->add_option("--from", log_options.from, "起始时间（含），如 2024-06-01T00:00:00Z");
  log_cmd->add_option("--to", log_options.to, "截止时间（不含）");
  log_cmd->add_option("--limit", log_options.limit, "最多条数（默认 1000）");

  jixiao::cli::use_chinese_help(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return jixiao::cli::finish_parse_error(app, e);
  }
  const auto run_command = [&]() -> int {
    if (*score_cmd) return jixiao::cli::run_score(score);
    if (*rules_cmd) return jixiao::cli::run_rules(rules_name);
    if (*template_cmd) return jixiao::cli::run_template(tmpl);
    if (*report_cmd) return jixiao::cli::run_report(report);
    if (*audit_cmd) return jixiao::cli::run_audit(audit);

    if (*init_cmd) return jixiao::cli::run_init(init);
    if (*migrate_cmd) return jixiao::cli::run_migrate(migrate);
    if (*import_cmd) return jixiao::cli::run_import(import);
    if (*list_cmd) return jixiao::cli::run_list(list);
    if (*show_cmd) return jixiao::cli::run_show(show);
    if (*export_cmd) return jixiao::cli::run_export(export_options);
    if (*save_cmd) return jixiao::cli::run_save(save);
    if (*unit_add_cmd) return jixiao::cli::run_unit_add(unit_add);
    if (*unit_list_cmd) return jixiao::cli::run_unit_list(unit_list);
    if (*user_add_cmd) return jixiao::cli::run_user_add(user_add);
    if (*year_open_cmd) return jixiao::cli::run_year_open(year_open);
    if (*backup_cmd) return jixiao::cli::run_backup(backup);
    if (*restore_cmd) return jixiao::cli::run_restore(restore);
    if (*log_cmd) return jixiao::cli::run_log(log_options);
    return 1;
  };
  // The commands report every failure as a Status; an exception reaching
  // here is a bug, said as such rather than as an abort with an English trace.
  try {
    return run_command();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "内部错误（请报告此问题）：%s\n", e.what());
    return 1;
  }
}
