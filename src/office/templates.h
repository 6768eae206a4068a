// The official tables as Excel templates (libxlsxwriter): the 项目支出绩效自评表,
// the 部门整体支出绩效自评表, the 项目支出绩效目标申报表 and the 专家评分表.
//
// A template is either blank (the national framework's categories with empty
// rows to fill in) or filled from an evaluation. Merged headers and category
// cells, borders, fonts, 万元 with 2 decimals and percentages, dropdowns for
// operators and qualitative tiers, score cells limited to their weight, and
// sheet protection: what the unit must not change (labels, and for a filled
// template the declared names, weights and targets) is locked.
//
// Contract: what write_template writes, read back by WorkbookImporter, gives
// the same evaluation (docs/office.md lists the few fields the official
// layout has no place for). Errors name the output file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"
#include "core/status.h"
#include "office/workbook_import.h"

namespace jixiao::office {

enum class TemplateKind { self_evaluation, department, goals, expert };

// "self-eval", "department", "goals", "expert".
std::optional<TemplateKind> template_kind_from_text(std::string_view text);

// The framework a blank template shows (rules.md §2), with empty leaves.
core::Evaluation blank_framework(TemplateKind kind);

// Writes the template to `path`. `evaluation` null: a blank template.
Status write_template(TemplateKind kind, const core::Evaluation* evaluation, const TableText& text,
                      const std::string& path);

}  // namespace jixiao::office
