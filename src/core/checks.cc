#include "core/checks.h"

#include <cmath>
#include <optional>

#include "core/decimal.h"

namespace jixiao::core {
namespace {

constexpr double kEps = 1e-9;

class Checker {
 public:
  Checker(const Evaluation& e, const RuleSet& r, ScoreCard& card)
      : e_(e), r_(r), card_(card), n_(static_cast<int>(e.indicators.size())) {}

  void run() {
    check_weight_sums(e_, card_.execution.weight, r_.total, card_.findings);
    stated_scores();
    deviation_notes();
    execution();
    totals();
    spending();
  }

 private:
  void add(const char* code, Severity s, std::vector<std::string> path, std::string message) {
    card_.findings.push_back({code, s, std::move(path), std::move(message)});
  }

  std::vector<int> children(int i) const {
    std::vector<int> out;
    for (int c = i + 1; c < n_ && e_.indicators[c].level > e_.indicators[i].level; ++c) {
      if (e_.indicators[c].parent == i) out.push_back(c);
    }
    return out;
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

  void stated_scores() {
    for (int i = 0; i < n_; ++i) {
      const Indicator& ind = e_.indicators[i];
      const NodeResult& node = card_.nodes[i];
      if (!ind.stated_score) continue;
      const double s = ind.stated_score->value;
      if (node.weight > 0 && s > node.weight + kEps) {
        add("score_exceeds_weight", Severity::error, e_.path(i),
            "填报得分" + format_number(s) + "超过分值" + format_number(node.weight));
        continue;
      }
      if (s < -kEps) {
        add("score_exceeds_weight", Severity::error, e_.path(i),
            "填报得分" + format_number(s) + "为负数");
        continue;
      }
      if (node.scored && !score_is_stated(node) && differs(s, node.score)) {
        add("stated_score_differs", Severity::error, e_.path(i),
            "填报得分" + format_number(s) + "，按规则应得" + format_number(node.score) + "分（" +
                explain(e_, card_, i, r_) + "）");
      }
      if (node.not_applicable && s > kEps) {
        add("stated_score_differs", Severity::error, e_.path(i),
            "指标不适用，却填报得分" + format_number(s));
      }
    }
    // A category's stated score against its children's stated scores.
    for (int i = 0; i < n_; ++i) {
      const Indicator& ind = e_.indicators[i];
      if (e_.is_leaf(i) || !ind.stated_score) continue;
      const std::optional<double> parts = stated_sum_of_children(i);
      if (parts && differs(*parts, ind.stated_score->value)) {
        add("total_mismatch", Severity::error, e_.path(i),
            "下级指标填报得分合计" + format_number(*parts) + "，与本级填报得分" +
                format_number(ind.stated_score->value) + "不符");
      }
    }
  }

  // Σ of the children's stated scores (a child without one uses its own
  // children's), or nothing when any is missing.
  std::optional<double> stated_sum_of_children(int i) const {
    double sum = 0;
    bool any = false;
    for (int c : children(i)) {
      const std::optional<double> v = stated_of(c);
      if (!v) {
        if (card_.nodes[c].not_applicable) continue;
        return std::nullopt;
      }
      sum += *v;
      any = true;
    }
    if (!any) return std::nullopt;
    return round_half_up(sum, r_.decimals);
  }

  std::optional<double> stated_of(int i) const {
    if (e_.indicators[i].stated_score) return e_.indicators[i].stated_score->value;
    if (e_.is_leaf(i)) return std::nullopt;
    return stated_sum_of_children(i);
  }

  void deviation_notes() {
    const Severity severity = e_.kind == EvaluationKind::self ? Severity::error : Severity::warning;
    for (int i = 0; i < n_; ++i) {
      const Indicator& ind = e_.indicators[i];
      const NodeResult& node = card_.nodes[i];
      if (!e_.is_leaf(i) || !ind.weight || node.not_applicable || !ind.note.empty()) continue;
      if (node.why.reason == Reason::manual || node.why.reason == Reason::unscorable ||
          node.why.reason == Reason::stated_category) {
        continue;
      }
      const double s = ind.stated_score ? ind.stated_score->value : node.score;
      if (s < node.weight - 0.005) {
        add("missing_deviation_note", severity, e_.path(i),
            "得分" + format_number(s) + "低于分值" + format_number(node.weight) +
                "，未填写偏差原因分析及改进措施");
      }
    }
  }

  void execution() {
    if (!e_.budget) return;
    const Budget& b = *e_.budget;
    const ExecutionResult& ex = card_.execution;
    const std::vector<std::string> path{ex.name};
    if (!b.target_rate.empty()) {
      const Value v = parse_value(b.target_rate);
      if (v.kind == ValueKind::invalid ||
          (v.kind == ValueKind::text && v.label.empty() &&
           v.text.find_first_of("0123456789") != std::string::npos)) {
        add("unparseable_value", Severity::error, path,
            "预算执行率目标「" + b.target_rate + "」无法识别");
      }
    }
    if (!ex.rate_known) {
      if (ex.weight > 0 && !b.stated_score) {
        add("missing_value", Severity::error, path, "未填写全年执行数或预算数，无法计算预算执行率");
      }
    }
    if (!b.stated_rate.empty()) {
      const Value v = parse_value(b.stated_rate);
      if (v.kind != ValueKind::number) {
        add("unparseable_value", Severity::error, path,
            "填报执行率「" + b.stated_rate + "」无法识别");
      } else if (ex.rate_known) {
        const double printed = v.unit == "%" ? v.number : v.number * 100;
        const int decimals = v.unit == "%" ? v.decimals : std::max(0, v.decimals - 2);
        if (!agrees_at_precision(ex.rate * 100, printed, decimals)) {
          add("execution_rate_mismatch", Severity::error, path,
              "填报执行率" + b.stated_rate + "，按执行数" + format_number(ex.numerator) +
                  "/预算数" + format_number(ex.denominator) + "计算应为" + format_percent(ex.rate));
        }
      }
    }
    if (b.stated_score) {
      const double s = b.stated_score->value;
      if (ex.weight > 0 && s > ex.weight + kEps) {
        add("score_exceeds_weight", Severity::error, path,
            "填报得分" + format_number(s) + "超过分值" + format_number(ex.weight));
      } else if (ex.rate_known && differs(s, ex.score)) {
        add("stated_score_differs", Severity::error, path,
            "填报得分" + format_number(s) + "，按规则应得" + format_number(ex.score) + "分（" +
                explain_execution(card_) + "）");
      }
    }
  }

  void totals() {
    std::optional<double> stated_total;
    if (e_.stated_total) {
      stated_total = e_.stated_total->value;
      // The parts as the document states them.
      double sum = 0;
      std::string parts;
      bool complete = true;
      bool any = false;
      if (card_.execution.weight > 0) {
        if (e_.budget && e_.budget->stated_score) {
          sum += e_.budget->stated_score->value;
          parts += format_number(e_.budget->stated_score->value);
          any = true;
        } else {
          complete = false;
        }
      }
      for (int i = 0; i < n_ && complete; ++i) {
        if (e_.indicators[i].parent != -1) continue;
        const std::optional<double> v = stated_of(i);
        if (!v) {
          if (card_.nodes[i].not_applicable) continue;
          complete = false;
          break;
        }
        sum += *v;
        parts += (parts.empty() ? "" : "+") + format_number(*v);
        any = true;
      }
      sum = round_half_up(sum, r_.decimals);
      if (complete && any && !card_.rescaled && differs(sum, *stated_total)) {
        add("total_mismatch", Severity::error, {},
            "填报总分" + format_number(*stated_total) + "与各项填报得分合计" + parts + "=" +
                format_number(sum) + "不符");
      } else if ((!complete || !any || card_.rescaled) && differs(card_.total, *stated_total)) {
        add("total_mismatch", Severity::error, {},
            "填报总分" + format_number(*stated_total) + "，按规则计算应为" +
                format_number(card_.total) + "（" + explain_total(card_, r_) + "）");
      }
    }
    if (!e_.stated_grade.empty()) {
      const double basis = stated_total.value_or(card_.total);
      const GradeBand* band = r_.grade_for(basis);
      if (band != nullptr && band->label != e_.stated_grade) {
        add("grade_mismatch", Severity::error, {},
            "评价等级填报为「" + e_.stated_grade + "」，" + (stated_total ? "填报总分" : "总分") +
                format_number(basis) + "按" + r_.name + "等级标准应为「" + band->label + "」");
      }
    }
    if (card_.cap) {
      add("total_capped", Severity::warning, {},
          "预算执行率" + format_percent(card_.execution.rate) + "，按规则总分不得超过" +
              format_number(*card_.cap) + "分");
    }
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
      add("completion_outruns_spending", Severity::warning, {},
          "绩效指标得分率" + format_percent(rate) + "，而预算执行率仅" +
              format_percent(card_.execution.rate) + "，完成情况明显好于资金使用，需核实");
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

void check_weight_sums(const Evaluation& e, double execution_weight, double total,
                       std::vector<Finding>& out, std::optional<double> total_without_execution) {
  const std::vector<std::optional<double>> weights = effective_weights(e);
  const int n = static_cast<int>(e.indicators.size());
  auto join = [](std::string& parts, double w) {
    parts += (parts.empty() ? "" : "+") + format_number(w);
  };
  for (int i = 0; i < n; ++i) {
    const Indicator& ind = e.indicators[i];
    if (e.is_leaf(i) || !ind.weight) continue;
    double sum = 0;
    std::string parts;
    bool all = true;
    for (int c = i + 1; c < n && e.indicators[c].level > ind.level && all; ++c) {
      if (e.indicators[c].parent != i) continue;
      all = weights[c].has_value();
      sum += weights[c].value_or(0);
      join(parts, weights[c].value_or(0));
    }
    if (all && std::fabs(sum - *ind.weight) > 1e-6) {
      out.push_back({"weight_sum_mismatch", Severity::error, e.path(i),
                     "下级指标分值合计" + parts + "=" + format_number(sum) + "，与本级分值" +
                         format_number(*ind.weight) + "不符"});
    }
  }
  double sum = execution_weight;
  std::string parts;
  for (int i = 0; i < n; ++i) {
    if (e.indicators[i].parent != -1) continue;
    if (!weights[i]) return;
    sum += *weights[i];
    join(parts, *weights[i]);
  }
  if (execution_weight > 0) join(parts, execution_weight);
  if (n == 0 || std::fabs(sum - total) <= 1e-6) return;
  if (total_without_execution && std::fabs(sum - *total_without_execution) <= 1e-6) return;
  std::string expected = format_number(total);
  if (total_without_execution) {
    expected += "（不含预算执行率时为" + format_number(*total_without_execution) + "）";
  }
  out.push_back({"weight_sum_mismatch",
                 Severity::error,
                 {},
                 "一级指标" + std::string(execution_weight > 0 ? "及预算执行率" : "") + "分值合计" +
                     parts + "=" + format_number(sum) + "，应为" + expected});
}

void check_consistency(const Evaluation& evaluation, const RuleSet& rules, ScoreCard& card) {
  Checker(evaluation, rules, card).run();
}

}  // namespace jixiao::core
