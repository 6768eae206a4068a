// The `jixiao` command line.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"jixiao（绩效）：预算绩效评价的评分、核查与报告工具"};
  app.set_version_flag("--version", "jixiao 0.1.0");
  app.require_subcommand(1);

  jixiao::cli::ScoreOptions score;
  CLI::App* score_cmd =
      app.add_subcommand("score", "按规则集为评价文件评分，列出得分、等级与发现的问题");
  score_cmd
      ->add_option("files", score.files,
                   "评价文件（.json、每行一个评价的 .jsonl、Excel 自评表 .xlsx），或文件夹（批量）")
      ->required();
  score_cmd->add_option("--findings", score.findings,
                        "批量评分时把每个文件的问题（含单元格位置）写入此 Excel 文件");
  score_cmd->add_option("--rules", score.rules,
                        "规则集名称或规则集文件（默认：文件中的 rule_set，否则 national-2020）");
  score_cmd->add_flag("--json", score.json, "每个评价输出一行 JSON");

  std::string rules_name;
  CLI::App* rules_cmd =
      app.add_subcommand("rules", "列出内置规则集，或以 JSON 显示一个规则集的全部规则");
  rules_cmd->add_option("name", rules_name, "规则集名称或文件");

  jixiao::cli::TemplateOptions tmpl;
  CLI::App* template_cmd = app.add_subcommand(
      "template",
      "生成官方格式的 Excel "
      "模板：项目支出绩效自评表、部门整体支出绩效自评表、绩效目标申报表、专家评分表");
  template_cmd->add_option("kind", tmpl.kind, "模板种类：self-eval、department、goals、expert")
      ->required();
  template_cmd->add_option("--from", tmpl.from,
                           "按评价文件（.json 或 .xlsx）填好内容；省略则为空白模板");
  template_cmd->add_option("-o,--output", tmpl.output, "输出的 .xlsx 文件")->required();

  jixiao::cli::ReportOptions report;
  CLI::App* report_cmd = app.add_subcommand(
      "report", "生成 Word 文档：绩效评价报告、绩效自评表或专家评分汇总表（可另存 PDF）");
  report_cmd->add_option("file", report.input, "评价文件（.json、.jsonl 的第一个评价，或 .xlsx）")
      ->required();
  report_cmd
      ->add_option("-o,--output", report.output,
                   "输出文件：.docx；自评表和专家评分汇总表也可为 .xlsx")
      ->required();
  report_cmd->add_option(
      "--what", report.what,
      "文档种类：report（评价报告，默认）、self-eval（自评表）、panel（专家评分汇总表）");
  report_cmd->add_option("--text", report.text,
                         "报告文字文件（JSON，见 docs/office.md）；默认读取同名的 .report.json");
  report_cmd->add_option("--rules", report.rules, "规则集名称或规则集文件");
  report_cmd->add_flag("--pdf", report.pdf, "同时用 LibreOffice 生成 PDF");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (*score_cmd) return jixiao::cli::run_score(score);
  if (*rules_cmd) return jixiao::cli::run_rules(rules_name);
  if (*template_cmd) return jixiao::cli::run_template(tmpl);
  if (*report_cmd) return jixiao::cli::run_report(report);
  return 1;
}
