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

// The scores given, without the experts who recused themselves (nullopt).
std::vector<double> given_scores(const std::vector<std::optional<double>>& scores);

// The panel's score for one indicator, unrounded: the arithmetic mean of the
// scores given, or with trimmed_mean and at least three of them, the mean
// without one highest and one lowest. Returns 0 when no score was given.
double panel_score(const std::vector<std::optional<double>>& scores, PanelMethod method);

// Whether a leaf has a panel score: some expert scored it. A row where every
// expert recused is scored as if no panel had met.
bool has_panel_score(const Indicator& leaf);

struct PanelRow {
  int indicator = -1;  // index in Evaluation::indicators
  double weight = 0;
  std::vector<std::optional<double>> scores;  // one per expert; nullopt: recused
  double score = 0;                           // the panel's score, rounded
  double low = 0;                             // of the scores given
  double high = 0;
  bool wide = false;  // high − low above the rule set's share of the weight
};

struct PanelSummary {
  std::vector<std::string> experts;
  PanelMethod method = PanelMethod::mean;
  std::vector<PanelRow> rows;         // leaves with expert scores, in tree order
  std::vector<double> expert_totals;  // Σ of each expert's scores (recusals count 0)
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
