// A scored evaluation as a readable Chinese table for the terminal.
#pragma once

#include <string>
#include <string_view>

#include "core/engine.h"
#include "format/scorecard_json.h"

namespace jixiao::format {

// Appends the table: every leaf with weight, score, stated score and the
// explanation; the categories with score rates; total and grade; department
// figures and the panel summary when present; the findings.
// `locate` as for write_scorecard_json.
void write_scorecard_text(std::string& out, const core::Evaluation& evaluation,
                          const core::ScoreCard& card, const core::RuleSet& rules,
                          std::string_view file, const FindingLocator* locate = nullptr);

// Appends `s` padded or cut to `width` terminal columns (CJK characters count
// two): a text too wide is cut before the first character that leaves no
// column for the ellipsis "…" put after it; the padding goes after the text,
// or before it when `align_right`. Returns whether `s` holds a control
// character (a line break or tab), which the caller may not want in a row.
bool append_fitted(std::string& out, std::string_view s, size_t width, bool align_right = false);

// append_fitted into a new string.
std::string fit_columns(std::string_view s, size_t width, bool align_right = false);

}  // namespace jixiao::format
