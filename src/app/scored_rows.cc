#include "app/scored_rows.h"

#include "format/json_writer.h"

namespace jixiao::app {

storage::EvaluationResults scored_rows(const core::Evaluation& e, const core::ScoreCard& card,
                                       const core::RuleSet& rules,
                                       const std::vector<core::Finding>& findings) {
  storage::EvaluationResults r;
  r.scored_with = rules.name;
  r.total = card.total;
  r.raw_total = card.raw_total;
  r.weight = card.weight;
  r.applicable_weight = card.applicable_weight;
  r.rescaled = card.rescaled;
  r.cap = card.cap;
  r.grade = card.grade;
  r.grade_code = card.grade_code;
  if (card.execution.present) {
    if (card.execution.rate_known) r.execution_rate = card.execution.rate;
    r.execution_score = card.execution.score;
    r.execution_weight = card.execution.weight;
  }
  r.nodes.resize(e.indicators.size());
  for (size_t i = 0; i < e.indicators.size() && i < card.nodes.size(); ++i) {
    const core::NodeResult& n = card.nodes[i];
    storage::NodeResultRow& row = r.nodes[i];
    row.scored = n.scored;
    if (n.scored) row.score = n.score;
    row.scored_kind = core::scoring_kind_code(n.kind);
    if (n.achievement >= 0 && !n.not_applicable) {
      row.achievement = n.achievement;
      // Oriented so that below 0 is short of the target: a limit (≤) is
      // missed by actual/target − 1, a goal (≥, =) by 1 − actual/target.
      row.deviation =
          n.kind == core::ScoringKind::lower_is_better ? 1 - n.achievement : n.achievement - 1;
    }
  }
  for (const core::DepartmentFigure& f : card.department_figures) {
    r.figures.push_back({f.code, f.value});
  }
  for (const core::Finding& f : findings) {
    std::string path;
    format::JsonWriter(path).value(f.path);
    r.findings.push_back(
        {f.code, std::string(core::severity_code(f.severity)), std::move(path), f.message});
    (f.severity == core::Severity::error ? r.error_count : r.warning_count)++;
  }
  return r;
}

storage::EvaluationResults scored_rows(const core::Evaluation& e, const core::ScoreCard& card,
                                       const core::RuleSet& rules) {
  return scored_rows(e, card, rules, core::findings(e, card, rules));
}

}  // namespace jixiao::app
