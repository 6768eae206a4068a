// The text of a report that data cannot supply: background, what was done,
// experience, problems, suggestions, the evaluator. Read from an optional
// JSON file beside the evaluation (NAME.report.json, or --text FILE), so
// that the evaluation file format stays as it is (docs/office.md lists the
// fields). Every field is optional; a missing one becomes a marked
// placeholder in the report (【待补充：项目背景】).
//
// Contract: unknown fields are errors (a misspelt field would silently
// leave a placeholder); errors name the file and the field.
#pragma once

#include <map>
#include <string>

#include "core/status.h"

namespace jixiao::report {

struct Narrative {
  std::string background;  // 项目背景
  std::string content;     // 主要内容及实施情况
  std::string funds;       // 资金投入和使用情况 (added to the figures)
  std::string goals;       // 项目绩效目标 (added to the overall goal)
  std::string purpose;     // 绩效评价目的
  std::string scope;       // 对象和范围
  std::string principles;  // 评价原则
  std::string methods;     // 评价方法
  std::string standards;   // 评价标准
  std::string process;     // 工作过程
  std::string conclusion;  // 综合评价 (added before the score table)
  std::map<std::string, std::string> analysis;  // level-1 category name → text (第四章)
  std::string experience;                       // 主要经验及做法
  std::string problems;     // 存在的问题及原因分析 (added to the findings)
  std::string suggestions;  // 有关建议
  std::string other;        // 其他需要说明的问题
  std::string evaluator;    // 评价机构
  std::string date;         // 报告日期
  std::string addressee;    // 主送单位 ("北京市石景山区财政局")
};

// Reads a narrative file (UTF-8 JSON object).
Result<Narrative> read_narrative(const std::string& path);
Result<Narrative> parse_narrative(const std::string& json, const std::string& origin);

// The sidecar file of an evaluation file: a.json → a.report.json.
std::string narrative_path_for(const std::string& evaluation_path);

}  // namespace jixiao::report
