#include "core/panel.h"

#include <algorithm>
#include <numeric>

#include "core/decimal.h"
#include "core/rule_set.h"

namespace jixiao::core {

std::vector<double> given_scores(const std::vector<std::optional<double>>& scores) {
  std::vector<double> out;
  out.reserve(scores.size());
  for (const std::optional<double>& s : scores) {
    if (s) out.push_back(*s);
  }
  return out;
}

double panel_score(const std::vector<std::optional<double>>& scores, PanelMethod method) {
  const std::vector<double> given = given_scores(scores);
  if (given.empty()) return 0;
  double sum = std::accumulate(given.begin(), given.end(), 0.0);
  size_t n = given.size();
  if (method == PanelMethod::trimmed_mean && n >= 3) {
    const auto [lo, hi] = std::minmax_element(given.begin(), given.end());
    sum -= *lo + *hi;
    n -= 2;
  }
  return sum / static_cast<double>(n);
}

bool has_panel_score(const Indicator& leaf) {
  return std::any_of(leaf.expert_scores.begin(), leaf.expert_scores.end(),
                     [](const std::optional<double>& s) { return s.has_value(); });
}

bool has_expert_scores(const Evaluation& e) {
  return std::any_of(e.indicators.begin(), e.indicators.end(),
                     [](const Indicator& i) { return !i.expert_scores.empty(); });
}

PanelSummary summarize_panel(const Evaluation& e, const RuleSet& rules) {
  PanelSummary s;
  s.experts = e.experts;
  s.method = e.panel_method.value_or(rules.panel_method);
  s.expert_totals.assign(e.experts.size(), 0);
  for (int i = 0; i < static_cast<int>(e.indicators.size()); ++i) {
    const Indicator& node = e.indicators[i];
    if (!has_panel_score(node) || !e.is_leaf(i)) continue;
    PanelRow row;
    row.indicator = i;
    row.weight = node.weight.value_or(0);
    row.scores = node.expert_scores;
    row.score = round_half_up(panel_score(row.scores, s.method), rules.decimals);
    const std::vector<double> given = given_scores(row.scores);
    if (!given.empty()) {
      const auto [lo, hi] = std::minmax_element(given.begin(), given.end());
      row.low = *lo;
      row.high = *hi;
    }
    row.wide = row.weight > 0 && row.high - row.low > rules.expert_range_share * row.weight + 1e-9;
    for (size_t k = 0; k < row.scores.size() && k < s.expert_totals.size(); ++k) {
      s.expert_totals[k] += row.scores[k].value_or(0);
    }
    s.total += row.score;
    s.rows.push_back(std::move(row));
  }
  s.total = round_half_up(s.total, rules.decimals);
  return s;
}

void check_panel(const Evaluation& e, const PanelSummary& s, const RuleSet& rules,
                 std::vector<Flag>& out) {
  if (s.rows.empty()) return;
  const double members = static_cast<double>(e.experts.size());
  if (static_cast<int>(e.experts.size()) < rules.panel_min_size) {
    out.push_back({FlagKind::panel_too_small,
                   Severity::warning,
                   kWholeEvaluation,
                   {members, static_cast<double>(rules.panel_min_size)}});
  }
  for (const PanelRow& row : s.rows) {
    if (row.scores.size() != e.experts.size()) {
      out.push_back({FlagKind::expert_count_differs,
                     Severity::error,
                     row.indicator,
                     {static_cast<double>(row.scores.size()), members}});
    }
    for (size_t k = 0; k < row.scores.size(); ++k) {
      if (!row.scores[k]) continue;  // recused
      const double v = *row.scores[k];
      if (v < 0 || (row.weight > 0 && v > row.weight + 1e-9)) {
        out.push_back({FlagKind::expert_score_out_of_range,
                       Severity::error,
                       row.indicator,
                       {static_cast<double>(k), v, row.weight}});
      }
    }
    if (row.wide) {
      out.push_back({FlagKind::experts_disagree,
                     Severity::warning,
                     row.indicator,
                     {row.high, row.low, row.weight}});
    }
  }
}

}  // namespace jixiao::core
