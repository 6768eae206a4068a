// Turns a scored evaluation into report models (report_model.h), once, for
// every renderer:
// - the 绩效评价报告 with the seven chapters of rules.md §10 and annexes,
// - the 项目支出绩效自评表 (or 部门整体支出绩效自评表) as a document table,
// - the 评价人员（专家）评分汇总表.
//
// Figures come from the evaluation and its ScoreCard; text the data cannot
// supply comes from the Narrative, else it is a marked placeholder
// (【待补充：项目背景】). Pure functions: no I/O, deterministic.
#pragma once

#include "core/engine.h"
#include "core/model.h"
#include "core/rule_set.h"
#include "office/workbook_import.h"
#include "report/narrative.h"
#include "report/report_model.h"

namespace jixiao::report {

struct ReportInput {
  const core::Evaluation& evaluation;
  const core::ScoreCard& card;
  const core::RuleSet& rules;
  const Narrative& narrative;
  const office::TableText& table_text;  // what a workbook held beyond the Evaluation
};

Document build_report(const ReportInput& in);
Document build_self_evaluation_table(const ReportInput& in);
// Empty blocks when the evaluation has no expert scores.
Document build_panel_summary(const ReportInput& in);

// The marked text of a missing narrative field: 【待补充：项目背景】.
std::string placeholder(std::string_view what);

}  // namespace jixiao::report
