#include "core/checks.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "core/decimal.h"

namespace jixiao::core {
namespace {

constexpr double kEps = 1e-9;

// Weight sums over any source of weights: `weight(i)` gives node i's
// effective weight and `children(i)` the sum of its children's, each nullopt
// when unknown.
template <typename WeightOf, typename ChildrenOf>
void weight_sums(const Evaluation& e, WeightOf weight, ChildrenOf children, double execution_weight,
                 double total, std::optional<double> total_without_execution,
                 std::vector<Flag>& out) {
  const int n = static_cast<int>(e.indicators.size());
  for (int i = 0; i < n; ++i) {
    const Indicator& ind = e.indicators[i];
    if (!ind.weight || e.is_leaf(i)) continue;
    const std::optional<double> sum = children(i);
    if (sum && std::fabs(*sum - *ind.weight) > 1e-6) {
      out.push_back({FlagKind::children_weights_differ, Severity::error, i, {*sum, *ind.weight}});
    }
  }
  // No indicators at all is no exception: the whole (0, or the budget row's
  // weight) is still compared with the rule set's total, so that an empty tree
  // is not scored 0 without a word.
  double sum = execution_weight;
  for (int i = 0; i < n; ++i) {
    if (e.indicators[i].parent != -1) continue;
    const std::optional<double> w = weight(i);
    if (!w) return;
    sum += *w;
  }
  if (std::fabs(sum - total) <= 1e-6) return;
  if (total_without_execution && std::fabs(sum - *total_without_execution) <= 1e-6) return;
  out.push_back({FlagKind::top_weights_differ,
                 Severity::error,
                 kWholeEvaluation,
                 {sum, total, execution_weight,
                  total_without_execution.value_or(std::numeric_limits<double>::quiet_NaN())}});
}

class Checker {
 public:
  Checker(const Evaluation& e, const RuleSet& r, ScoreCard& card)
      : e_(e), r_(r), card_(card), n_(static_cast<int>(e.indicators.size())) {}

  void run() {
    check_weight_sums(e_, card_, r_.total, card_.flags);
    stated_figures();
    deviation_notes();
    execution();
    totals();
    spending();
  }

 private:
  void flag(FlagKind kind, int node, double n0 = 0, double n1 = 0,
            Severity severity = Severity::error) {
    card_.flags.push_back({kind, severity, node, {n0, n1, 0, 0}});
  }

  bool differs(double a, double b) const { return std::fabs(a - b) > r_.tolerance + kEps; }

  // Whether a node's score came from its own stated score (so comparing them says nothing).
  static bool score_is_stated(const NodeResult& node) {
    switch (node.why.reason) {
      case Reason::tier_stated:
      case Reason::tier_clamped:
      case Reason::manual:
      case Reason::stated_category:
      case Reason::stated_fallback:
        return true;
      default:
        return false;
    }
  }

  void stated_figures() {
    for (int i = 0; i < n_; ++i) {
      const Indicator& ind = e_.indicators[i];
      const NodeResult& node = card_.nodes[i];
      if (!ind.stated_score) continue;
      const double s = ind.stated_score->value;
      if (node.weight > 0 && s > node.weight + kEps) {
        flag(FlagKind::stated_above_weight, i, s, node.weight);
        continue;
      }
      if (s < -kEps) {
        flag(FlagKind::stated_negative, i, s);
        continue;
      }
      if (node.scored && !score_is_stated(node) && differs(s, node.score)) {
        flag(FlagKind::stated_differs, i, s, node.score);
      }
      if (node.not_applicable && s > kEps) flag(FlagKind::stated_on_not_applicable, i, s);
    }
    // A category's stated score against its children's stated scores.
    for (int i = 0; i < n_; ++i) {
      const Indicator& ind = e_.indicators[i];
      const std::optional<double> parts = card_.stated.children(i);
      if (ind.stated_score && parts && differs(*parts, ind.stated_score->value)) {
        flag(FlagKind::children_stated_sum_differs, i, *parts, ind.stated_score->value);
      }
    }
  }

  void deviation_notes() {
    const Severity severity = e_.kind == EvaluationKind::self ? Severity::error : Severity::warning;
    for (int i = 0; i < n_; ++i) {
      const Indicator& ind = e_.indicators[i];
      const NodeResult& node = card_.nodes[i];
      if (!ind.weight || !ind.note.empty() || node.not_applicable || !e_.is_leaf(i)) continue;
      if (node.why.reason == Reason::manual || node.why.reason == Reason::unscorable ||
          node.why.reason == Reason::stated_category) {
        continue;
      }
      const double s = ind.stated_score ? ind.stated_score->value : node.score;
      if (s < node.weight - 0.005) {
        flag(FlagKind::score_below_weight_no_note, i, s, node.weight, severity);
      }
    }
  }

  void execution() {
    if (!e_.budget) return;
    const Budget& b = *e_.budget;
    const ExecutionResult& ex = card_.execution;
    // Reused, with its memory of readings: evaluations repeat "100%" and the like.
    thread_local ValueReader values;
    thread_local Value v;
    if (!b.target_rate.empty()) {
      values.read(b.target_rate, v);
      if (v.kind == ValueKind::invalid ||
          (v.kind == ValueKind::text && v.label.empty() &&
           v.text.find_first_of("0123456789") != std::string::npos)) {
        flag(FlagKind::budget_target_unreadable, kBudgetRow);
      }
    }
    // Missing amounts are no error when the table states the score; wrong ones always are.
    if (!ex.rate_known && ex.weight > 0 && (!b.stated_score || ex.negative)) {
      flag(FlagKind::budget_amounts_missing, kBudgetRow);
    }
    // More spent than budgeted: a slip in the table, or spending the budget did
    // not allow. Scored at most full marks either way, so it is said.
    if (ex.rate_known && ex.rate > 1 + kEps) {
      flag(FlagKind::spent_over_budget, kBudgetRow, 0, 0, Severity::warning);
    }
    if (!b.stated_rate.empty()) {
      values.read(b.stated_rate, v);
      if (v.kind != ValueKind::number) {
        flag(FlagKind::budget_rate_unreadable, kBudgetRow);
      } else if (ex.rate_known) {
        const double rate = ex.rate * 100;
        const bool agrees =
            v.unit == "%"
                ? agrees_at_precision(rate, v.number, v.decimals)
                // A bare number is a fraction (0.8, a percent cell that lost its format)
                // or a percentage whose % sits in the column's header (执行率（%）: 80).
                : agrees_at_precision(rate, v.number * 100, std::max(0, v.decimals - 2)) ||
                      (v.unit.empty() && agrees_at_precision(rate, v.number, v.decimals));
        if (!agrees) {
          flag(FlagKind::execution_rate_differs, kBudgetRow);
        }
      }
    }
    if (b.stated_score) {
      const double s = b.stated_score->value;
      if (ex.weight > 0 && s > ex.weight + kEps) {
        flag(FlagKind::stated_above_weight, kBudgetRow, s, ex.weight);
      } else if (ex.rate_known && differs(s, ex.score)) {
        flag(FlagKind::stated_differs, kBudgetRow, s, ex.score);
      }
    }
  }

  void totals() {
    if (e_.stated_total) {
      const double stated_total = e_.stated_total->value;
      // The parts as the document states them.
      double sum = 0;
      bool complete = true;
      bool any = false;
      if (card_.execution.weight > 0) {
        if (e_.budget && e_.budget->stated_score) {
          sum += e_.budget->stated_score->value;
          any = true;
        } else {
          complete = false;
        }
      }
      for (int i = 0; i < n_ && complete; ++i) {
        if (e_.indicators[i].parent != -1) continue;
        const std::optional<double> v = card_.stated.own(i);
        if (!v) {
          if (card_.nodes[i].not_applicable) continue;
          complete = false;
          break;
        }
        sum += *v;
        any = true;
      }
      sum = round_half_up(sum, r_.decimals);
      // Capped by the execution rate, the total is the cap whatever the parts add up to.
      const double expected = card_.cap ? std::min(sum, *card_.cap) : sum;
      if (complete && any && !card_.rescaled) {
        if (differs(expected, stated_total)) {
          flag(FlagKind::total_differs_from_parts, kWholeEvaluation, stated_total, sum);
        }
      } else if (differs(card_.total, stated_total)) {
        flag(FlagKind::total_differs_from_rules, kWholeEvaluation, stated_total);
      }
    }
    if (!e_.stated_grade.empty()) {
      const bool stated = e_.stated_total.has_value();
      const double basis = stated ? e_.stated_total->value : card_.total;
      const GradeBand* band = r_.grade_for(basis);
      if (band != nullptr && !band->is_called(e_.stated_grade)) {
        flag(FlagKind::grade_differs, kWholeEvaluation, basis, stated ? 1 : 0);
      }
    }
    if (card_.cap) flag(FlagKind::total_capped, kWholeEvaluation, *card_.cap, 0, Severity::warning);
  }

  void spending() {
    if (!card_.execution.rate_known) return;
    double score = 0;
    double weight = 0;
    for (int i = 0; i < n_; ++i) {
      if (e_.indicators[i].parent != -1 || !card_.nodes[i].scored) continue;
      score += card_.nodes[i].score;
      weight += card_.nodes[i].applicable_weight;
    }
    if (weight <= 0) return;
    const double rate = score / weight;
    if (rate - card_.execution.rate > r_.spending_gap + kEps) {
      flag(FlagKind::spending_lags, kWholeEvaluation, rate, 0, Severity::warning);
    }
  }

  const Evaluation& e_;
  const RuleSet& r_;
  ScoreCard& card_;
  int n_;
};

}  // namespace

std::vector<std::optional<double>> effective_weights(const Evaluation& e) {
  const int n = static_cast<int>(e.indicators.size());
  std::vector<std::optional<double>> weights(n);
  std::vector<double> sums(n, 0);
  std::vector<bool> known(n, true);
  std::vector<bool> has_children(n, false);
  for (int i = n - 1; i >= 0; --i) {  // children come after their parent
    const Indicator& ind = e.indicators[i];
    if (ind.weight) {
      weights[i] = ind.weight;
    } else if (has_children[i] && known[i]) {
      weights[i] = sums[i];
    }
    if (ind.parent >= 0) {
      has_children[ind.parent] = true;
      known[ind.parent] = known[ind.parent] && weights[i].has_value();
      sums[ind.parent] += weights[i].value_or(0);
    }
  }
  return weights;
}

void check_weight_sums(const Evaluation& e, const ScoreCard& card, double total,
                       std::vector<Flag>& out) {
  auto weight = [&](int i) -> std::optional<double> {
    const NodeResult& node = card.nodes[i];
    return node.weight_known ? std::optional<double>(node.weight) : std::nullopt;
  };
  auto children = [&](int i) -> std::optional<double> {
    const double sum = card.nodes[i].children_weight;
    return sum >= 0 ? std::optional<double>(sum) : std::nullopt;
  };
  weight_sums(e, weight, children, card.execution.weight, total, std::nullopt, out);
  // The sums above stop at a level-1 node whose weight is unknown; without a
  // word the total would quietly leave it out (a tree with no weights at all
  // scores 0, 差).
  for (int i = 0; i < static_cast<int>(e.indicators.size()); ++i) {
    if (e.indicators[i].parent == -1 && !card.nodes[i].weight_known &&
        !card.nodes[i].not_applicable) {
      out.push_back({FlagKind::category_unweighted, Severity::warning, i});
    }
  }
}

void check_weight_sums(const Evaluation& e, double execution_weight, double total,
                       std::vector<Finding>& out, std::optional<double> total_without_execution) {
  const std::vector<std::optional<double>> weights = effective_weights(e);
  const int n = static_cast<int>(e.indicators.size());
  auto children = [&](int i) -> std::optional<double> {
    double sum = 0;
    for (int c = i + 1; c < n && e.indicators[c].level > e.indicators[i].level; ++c) {
      if (e.indicators[c].parent != i) continue;
      if (!weights[c]) return std::nullopt;
      sum += *weights[c];
    }
    return sum;
  };
  std::vector<Flag> flags;
  weight_sums(
      e, [&](int i) { return weights[i]; }, children, execution_weight, total,
      total_without_execution, flags);
  for (const Flag& f : flags) {
    out.push_back({std::string(flag_code(f.kind)), f.severity,
                   f.node >= 0 ? e.path(f.node) : std::vector<std::string>{},
                   weight_sum_message(e, f)});
  }
}

void check_consistency(const Evaluation& evaluation, const RuleSet& rules, ScoreCard& card) {
  Checker(evaluation, rules, card).run();
}

}  // namespace jixiao::core
