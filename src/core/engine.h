// The scoring engine: an Evaluation and a RuleSet in, a ScoreCard out.
//
// Contract: score() is a pure function. It never fails and never throws on
// any Evaluation: what cannot be scored becomes a Finding and the node is
// marked unscored or scored with an explanation that says why. The ScoreCard
// is aligned with the Evaluation (nodes[i] is indicators[i]) and holds
// numbers only; explain() writes the Chinese text on demand, because most
// callers (storage, benchmarks, dashboards) never show it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/department.h"
#include "core/finding.h"
#include "core/flag.h"
#include "core/model.h"
#include "core/rule_set.h"

namespace jixiao::core {

// Why a node has its score, as numbers; explain() turns it into text.
enum class Reason : uint8_t {
  none,
  met,                 // actual reaches the target: full weight
  ratio,               // a/t×w
  lower_ratio,         // (1−(a−t)/t)×w
  lower_double,        // a ≥ 2t: 0
  zero_target_met,     // t = 0 and a ≤ 0
  zero_target_missed,  // t = 0 and a > 0
  negative_actual,     // a < 0 counts as 0
  opposite_change,     // "下降2%" against "提高5%": 0
  tier,                // qualitative tier, default share
  tier_stated,         // qualitative tier, the evaluator's score inside the band
  tier_clamped,        // qualitative tier, a stated score outside the band, moved into it
  grade,               // 优/良/中/低/差 share
  yes_no_met,
  yes_no_missed,
  deadline_met,
  deadline_missed,
  linear,           // w − p·excess
  manual,           // evaluator's score
  panel,            // experts' mean
  stated_category,  // a category that publishes only its score
  stated_fallback,  // could not be computed; the table's score is used
  unscorable,       // could not be computed and nothing was stated: 0
  sum,              // a category: the sum of its children
  not_applicable,
  no_weight,
};

struct Explanation {
  Reason reason = Reason::none;
  double a = 0;         // actual, in the target's written unit
  double t = 0;         // target, likewise
  double w = 0;         // weight
  double share = 0;     // tier/grade share, or the deduction per point
  double extra = 0;     // excess beyond a threshold
  double deducted = 0;  // over-achievement deduction applied
  int level = -1;       // tier or grade level index in the rule set
};

struct NodeResult {
  ScoringKind kind = ScoringKind::none;
  bool scored = false;          // false: no score (no weight, not applicable, …)
  bool not_applicable = false;  // the node, or all its children, do not apply
  double score = 0;
  double weight = 0;             // 0 when the table gave none
  bool weight_known = false;     // given, or a category's sum of known child weights
  double applicable_weight = 0;  // weight less not-applicable descendants
  double achievement = -1;       // a/t for quantitative leaves; -1 unknown
  double children_weight = -1;   // a category's Σ child weights when all are known; else -1
  Explanation why;
};

struct ExecutionResult {
  bool present = false;       // a budget was given
  bool rate_known = false;    // numerator and denominator were given
  bool zero_budget = false;   // both were given, but the budget is 0 (no rate)
  bool negative = false;      // both were given, but one is below 0 (no rate)
  bool score_stated = false;  // no rate: the score is the table's own
  double numerator = 0;       // 万元 (also set when `negative`, for the message)
  double denominator = 0;
  double rate = 0;  // 0..1+
  double weight = 0;
  double score = 0;
  std::string name;  // the score row's label
};

// What the document states for each node, summed up the tree by the roll-up: a node's own stated
// score, or for a category without one the sum of its children's when every applicable child states
// one. `children` is that sum for every category, whether or not the category states its own
// (nullopt when some child states nothing).
struct StatedScores {
  struct Node {
    double own = 0;
    double children = 0;
    bool has_own = false;
    bool has_children = false;
  };
  std::vector<Node> nodes;  // aligned with Evaluation::indicators
  std::optional<double> own(int i) const {
    return nodes[i].has_own ? std::optional<double>(nodes[i].own) : std::nullopt;
  }
  std::optional<double> children(int i) const {
    return nodes[i].has_children ? std::optional<double>(nodes[i].children) : std::nullopt;
  }
};

struct ScoreCard {
  std::vector<NodeResult> nodes;  // nodes[i] belongs to Evaluation::indicators[i]
  ExecutionResult execution;
  double weight = 0;             // Σ level-1 weights + execution weight
  double applicable_weight = 0;  // less not-applicable indicators
  double raw_total = 0;          // Σ level-1 scores + execution score
  double total = 0;              // rescaled and capped, rounded
  bool rescaled = false;
  std::optional<double> cap;  // the execution cap that lowered the total
  std::string grade;          // label of the grade band (优)
  std::string grade_code;     // excellent
  std::vector<DepartmentFigure> department_figures;
  std::optional<GradeDistribution> project_grades;
  std::vector<Flag> flags;  // what the checks found, unworded: see findings()
  StatedScores stated;      // the table's own scores, for the checks and their messages
};

ScoreCard score(const Evaluation& evaluation, const RuleSet& rules);

// As score(), reusing `out`'s storage.
void score_into(const Evaluation& evaluation, const RuleSet& rules, ScoreCard& out);

// "97/100×15=14.55" and the like, for node `index`.
std::string explain(const Evaluation& evaluation, const ScoreCard& card, int index,
                    const RuleSet& rules);
// As explain(), into `out` (cleared first), reusing its storage.
void explain_into(const Evaluation& evaluation, const ScoreCard& card, int index,
                  const RuleSet& rules, std::string& out);
std::string explain_execution(const ScoreCard& card);
// How the total was formed ("各项得分合计91.5"; rescaling and caps spelled out).
std::string explain_total(const ScoreCard& card, const RuleSet& rules);

// The findings of a scored evaluation, in the order the checks found them,
// each with its path and Chinese message (core/finding_text.cc).
std::vector<Finding> findings(const Evaluation& evaluation, const ScoreCard& card,
                              const RuleSet& rules);
// One flag of `card`, worded.
Finding describe(const Evaluation& evaluation, const ScoreCard& card, const RuleSet& rules,
                 const Flag& flag);
// Only the message of describe(): for writers that print the path their own way.
std::string finding_message(const Evaluation& evaluation, const ScoreCard& card,
                            const RuleSet& rules, const Flag& flag);

// Level-1 nodes of the evaluation, in order.
std::vector<int> categories(const Evaluation& evaluation);

}  // namespace jixiao::core
