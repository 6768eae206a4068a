// Expert panels (专家评分, rules.md §7): each expert scores each leaf; the
// panel's score is the mean (or the trimmed mean), and wide disagreement is
// flagged. The summary is the 评价人员（专家）评分汇总表 as data.
#pragma once

#include <string>
#include <vector>

#include "core/flag.h"
#include "core/model.h"

namespace jixiao::core {

struct RuleSet;

// The panel's score for one indicator, unrounded: the arithmetic mean, or with
// trimmed_mean and at least three scores, the mean without one highest and one
// lowest. Returns 0 for no scores.
double panel_score(const std::vector<double>& scores, PanelMethod method);

struct PanelRow {
  int indicator = -1;  // index in Evaluation::indicators
  double weight = 0;
  std::vector<double> scores;  // one per expert
  double score = 0;            // the panel's score, rounded
  double low = 0;
  double high = 0;
  bool wide = false;  // high − low above the rule set's share of the weight
};

struct PanelSummary {
  std::vector<std::string> experts;
  PanelMethod method = PanelMethod::mean;
  std::vector<PanelRow> rows;         // leaves with expert scores, in tree order
  std::vector<double> expert_totals;  // Σ of each expert's scores
  double total = 0;                   // Σ row scores
};

// Whether any indicator of `e` carries experts' scores (most evaluations have
// no panel, and callers skip the summary then).
bool has_expert_scores(const Evaluation& e);

// The summary of every leaf that has expert scores; empty rows when none.
PanelSummary summarize_panel(const Evaluation& evaluation, const RuleSet& rules);

// Panel flags: panel_too_small, expert_count_mismatch, expert_score_out_of_range,
// expert_disagreement.
void check_panel(const Evaluation& evaluation, const PanelSummary& summary, const RuleSet& rules,
                 std::vector<Flag>& out);

}  // namespace jixiao::core
