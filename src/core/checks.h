// Consistency checks over a scored evaluation: weights that do not add up,
// stated scores, totals, grades and execution rates that disagree with the
// rules, missing deviation notes, spending that lags completion. Each problem
// becomes a Flag (codes in docs/rules.md). Figures that agree at the
// precision printed are consistent: no check compares beyond it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/engine.h"

namespace jixiao::core {

// The weight of every node: its own, or for a category without one the sum of
// its children's when all of them are known; nullopt when unknown.
std::vector<std::optional<double>> effective_weights(const Evaluation& evaluation);

// weight_sum_mismatch flags for a scored evaluation (card.nodes hold the
// effective weights): each parent whose children's weights do not add up to
// its own, and the level-1 weights plus the execution weight against the rule
// set's total (only where every weight involved is known).
void check_weight_sums(const Evaluation& evaluation, const ScoreCard& card, double total,
                       std::vector<Flag>& out);

// The same for an evaluation that has not been scored (a declared goal),
// worded. A goal declared without its budget row may instead add up to
// `total_without_execution`.
void check_weight_sums(const Evaluation& evaluation, double execution_weight, double total,
                       std::vector<Finding>& out,
                       std::optional<double> total_without_execution = std::nullopt);

// The message of a weight_sum_mismatch flag, with the weights it adds
// (core/finding_text.cc).
std::string weight_sum_message(const Evaluation& evaluation, const Flag& flag);

// Appends flags to card.flags. Called by score_into() once the card is complete
// (scores, roll-up and card.stated).
void check_consistency(const Evaluation& evaluation, const RuleSet& rules, ScoreCard& card);

}  // namespace jixiao::core
