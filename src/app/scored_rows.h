// The one place where a scored evaluation becomes the result rows stored
// beside its input (storage::EvaluationResults): totals, grade, execution,
// per-node scores, achievement and deviation, department figures, findings.
// When the engine's ScoreCard changes shape, only this file changes.
#pragma once

#include <vector>

#include "core/engine.h"
#include "core/rule_set.h"
#include "storage/records.h"

namespace jixiao::app {

// `findings` are the card's, worded (core::findings).
storage::EvaluationResults scored_rows(const core::Evaluation& evaluation,
                                       const core::ScoreCard& card, const core::RuleSet& rules,
                                       const std::vector<core::Finding>& findings);

// The same, wording the findings here.
storage::EvaluationResults scored_rows(const core::Evaluation& evaluation,
                                       const core::ScoreCard& card, const core::RuleSet& rules);

}  // namespace jixiao::app
