// A scored evaluation as JSON (the output of `jixiao score --json`, docs/format.md).
#pragma once

#include <string>
#include <string_view>

#include "core/engine.h"
#include "format/json_writer.h"

namespace jixiao::format {

// Writes one object: the evaluation's identity, total, grade, execution,
// categories, every leaf with its explanation, department figures, the panel
// summary when there is one, and the findings.
void write_scorecard_json(JsonWriter& out, const core::Evaluation& evaluation,
                          const core::ScoreCard& card, const core::RuleSet& rules,
                          std::string_view file);

}  // namespace jixiao::format
