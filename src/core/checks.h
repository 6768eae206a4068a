// Consistency checks over a scored evaluation: weights that do not add up,
// stated scores, totals, grades and execution rates that disagree with the
// rules, missing deviation notes, spending that lags completion. Each problem
// becomes a Finding (codes in docs/rules.md). Figures that agree at the
// precision printed are consistent: no check compares beyond it.
#pragma once

#include "core/engine.h"

namespace jixiao::core {

// Appends findings to card.findings. Called by score_into(); exposed for tests.
void check_consistency(const Evaluation& evaluation, const RuleSet& rules, ScoreCard& card);

}  // namespace jixiao::core
