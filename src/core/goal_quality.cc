#include "core/goal_quality.h"

#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "core/checks.h"
#include "core/clauses.h"
#include "core/decimal.h"
#include "core/substring.h"
#include "core/text.h"
#include "core/word_answers.h"
#include "core/words.h"

namespace jixiao::core {
namespace {

constexpr double kEps = 1e-6;

// Normalized text with every space removed, for comparing names and targets.
std::string key_of(std::string_view s) {
  const std::string n = text::normalize(s);
  std::string out;
  out.reserve(n.size());
  for (char c : n) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
  }
  for (std::string_view mark : {"。", "；", ";", ".", "，", ","}) {
    while (out.size() >= mark.size() && out.substr(out.size() - mark.size()) == mark) {
      out.resize(out.size() - mark.size());
    }
  }
  return out;
}

bool is_separator(char32_t cp) {
  switch (cp) {
    case U'，':
    case U',':
    case U'；':
    case U';':
    case U'。':
    case U'、':
    case U'：':
    case U':':
    case U'！':
    case U'!':
    case U'？':
    case U'?':
    case U'\n':
    case U'\r':
      return true;
    default:
      return false;
  }
}

// Drops an enumeration mark in front of a clause: "1.", "(2)", "（三）", "3)".
// Returns an empty string when the clause is nothing but a mark ("1" of "1、").
std::string strip_enumeration(const std::string& clause) {
  bool only_numerals = true;
  for (size_t i = 0; i < clause.size() && only_numerals;) {
    only_numerals = text::is_row_numeral(text::next_code_point(clause, i));
  }
  return only_numerals ? std::string() : std::string(text::without_heading_marker(clause));
}

std::vector<std::string> goal_clauses(std::string_view goal) {
  const std::string n = text::normalize(goal);
  std::vector<std::string> out;
  std::string piece;
  auto flush = [&] {
    std::string c = strip_enumeration(key_of(piece));
    while (c.size() >= std::string_view("等").size() &&
           c.substr(c.size() - std::string_view("等").size()) == "等") {
      c.resize(c.size() - std::string_view("等").size());
    }
    if (!c.empty()) out.push_back(std::move(c));
    piece.clear();
  };
  for (size_t i = 0; i < n.size();) {
    const size_t start = i;
    const char32_t cp = text::next_code_point(n, i);
    if (is_separator(cp)) {
      flush();
    } else {
      piece.append(n, start, i - start);
    }
  }
  flush();
  return out;
}

// Canonical units of a duration (core/units.h converts 天, 周, 分钟 to 小时).
bool is_duration_unit(std::string_view unit) {
  for (std::string_view u : {"小时", "工作日", "月", "年", "季度", "个季度", "秒", "秒钟"}) {
    if (unit == u) return true;
  }
  return false;
}

// Whether a target gives its figure only roughly: approached ("接近100%",
// "基本达到95%": Value::near, as a target reads it) or about it ("约95%",
// "大约500人", "95%左右", "≈95%"). Scoring takes the figure; a reviewer asks
// for a bound (细化量化).
bool approximate_target(const Indicator& ind) {
  const Value& t = ind.target;
  if (t.kind != ValueKind::number) return false;
  if (t.near) return true;
  const std::string s = text::normalize(ind.target_text);
  if (contains(s, "左右") || contains(s, "≈")) return true;
  constexpr std::string_view kAbout = "约";
  for (size_t at = s.find(kAbout); at != std::string::npos; at = s.find(kAbout, at + 1)) {
    size_t after = at + kAbout.size();
    if (std::string_view(s).substr(after).starts_with("为")) after += std::string_view("为").size();
    if (text::about_a_figure(std::string_view(s).substr(0, at)) && after < s.size() &&
        s[after] >= '0' && s[after] <= '9') {
      return true;
    }
  }
  return false;
}

class GoalChecker {
 public:
  GoalChecker(const Evaluation& e, const RuleSet& r, const GoalQualityOptions& o)
      : e_(e), r_(r), o_(o), n_(static_cast<int>(e.indicators.size())) {
    keys_.reserve(n_);
    skip_.assign(n_, false);
    for (int i = 0; i < n_; ++i) {
      const Indicator& ind = e_.indicators[i];
      std::string scratch;
      keys_.push_back(key_of(text::measure_name(ind.name, scratch)));
      const bool parent_off = ind.parent >= 0 && ind.parent < i && skip_[ind.parent];
      skip_[i] = parent_off || ind.not_applicable || ind.target.kind == ValueKind::not_applicable;
    }
  }

  std::vector<Finding> run() {
    if (n_ == 0) {
      add("no_indicators", Severity::error, {}, "未设置绩效指标");
      overall_goal();
      return std::move(out_);
    }
    targets();
    weights();
    quantity();
    presence();
    leaves();
    duplicates();
    overall_goal();
    return std::move(out_);
  }

 private:
  void add(const char* code, Severity severity, std::vector<std::string> path,
           std::string message) {
    out_.push_back({code, severity, std::move(path), std::move(message)});
  }

  // True when `ancestor` is `k` or lies above it.
  bool within(int k, int ancestor) const {
    for (int p = k; p != -1; p = e_.indicators[p].parent) {
      if (p == ancestor) return true;
    }
    return false;
  }

  // True when some node of the path from level 1 to `k` has `word` in its name.
  bool path_has(int k, std::string_view word) const {
    for (int p = k; p != -1; p = e_.indicators[p].parent) {
      if (contains(keys_[p], word)) return true;
    }
    return false;
  }

  bool applicable_leaf(int i) const { return e_.is_leaf(i) && !skip_[i]; }

  bool quantitative(int i) const {
    return applicable_leaf(i) && e_.indicators[i].target.kind == ValueKind::number;
  }

  // A quantitative leaf at `i` or below it.
  bool has_quantitative(int i) const {
    for (int k = i; k < n_; ++k) {
      if (k > i && !within(k, i)) break;
      if (quantitative(k)) return true;
    }
    return false;
  }

  std::vector<int> children(int i) const {
    std::vector<int> out;
    for (int k = i + 1; k < n_; ++k) {
      if (e_.indicators[k].parent == i) out.push_back(k);
    }
    return out;
  }

  void targets() {
    for (int i = 0; i < n_; ++i) {
      if (!applicable_leaf(i)) continue;
      const Indicator& ind = e_.indicators[i];
      if (ind.target.kind == ValueKind::empty) {
        add("missing_value", Severity::error, e_.path(i), "未填写年度指标值");
      } else if (ind.target.kind == ValueKind::invalid) {
        // "≥100人次，≥5场" is read and scored part by part, but a goal is clearer
        // with one figure an indicator (指向明确, 细化量化).
        if (std::vector<TargetPart> parts; target_parts(ind.target.text, parts)) {
          add("several_figures", Severity::warning, e_.path(i),
              "年度指标值" + text::quoted(ind.target_text) + "含" + std::to_string(parts.size()) +
                  "项数值，建议拆分为单独的指标，分别设置分值");
        } else {
          add("unparseable_value", Severity::error, e_.path(i),
              "年度指标值" + text::quoted(ind.target_text) + "无法识别");
        }
      } else if (ind.target.words_after) {
        // "≥100人次，覆盖全县": the words go to the evaluator unless the actual
        // repeats them; a goal is clearer with them as an indicator of their own.
        const std::string target = text::normalize_cell(ind.target_text);
        if (const std::string_view words = words_besides_figure(target, ind.target);
            !words.empty()) {
          add("several_figures", Severity::warning, e_.path(i),
              "年度指标值" + text::quoted(ind.target_text) + "在数值之外还要求" +
                  text::quoted(words) + "，建议拆分为单独的指标，分别设置分值");
        }
      }
    }
  }

  void weights() {
    double execution = 0;
    if (e_.budget) {
      execution = e_.budget->weight
                      ? *e_.budget->weight
                      : (e_.kind == EvaluationKind::self ? r_.self_execution_weight : 0);
    }
    // A self-evaluation goal declared without its budget row totals 100 − 10.
    std::optional<double> without;
    if (!e_.budget && e_.kind == EvaluationKind::self && r_.self_execution_weight > 0) {
      without = r_.total - r_.self_execution_weight;
    }
    check_weight_sums(e_, execution, r_.total, out_, without);
  }

  void quantity() {
    bool any_quantity_node = false;
    bool any_output = false;
    for (int i = 0; i < n_; ++i) {
      const Indicator& ind = e_.indicators[i];
      if (ind.level < 2 || !contains(keys_[i], "数量")) continue;
      if (e_.is_leaf(i) && ind.level != 2) continue;  // a 三级 leaf is not a category
      if (skip_[i]) continue;
      any_quantity_node = true;
      if (!has_quantitative(i)) {
        add("no_quantity_indicator", Severity::warning, e_.path(i),
            "数量指标没有定量的年度指标值（如「≥100家」），无法衡量产出数量");
      }
    }
    for (int i = 0; i < n_; ++i) {
      const Indicator& ind = e_.indicators[i];
      if (ind.parent != -1 || !contains(keys_[i], "产出") || skip_[i]) continue;
      any_output = true;
      bool has_quantity_node = false;
      bool has_categories = false;
      for (int k = i + 1; k < n_ && within(k, i); ++k) {
        if (contains(keys_[k], "数量") && (!e_.is_leaf(k) || e_.indicators[k].level == 2)) {
          has_quantity_node = true;
        }
        if (e_.indicators[k].parent == i && !e_.is_leaf(k)) has_categories = true;
      }
      if (has_quantity_node) continue;
      if (e_.scope == Scope::project && has_categories) {
        add("no_quantity_indicator", Severity::warning, e_.path(i),
            "产出指标下没有数量指标，应设置定量的产出数量（如「≥100家」）");
      } else if (!has_quantitative(i)) {
        add("no_quantity_indicator", Severity::warning, e_.path(i),
            "产出指标下没有定量的年度指标值，无法衡量产出数量");
      }
    }
    if (!any_quantity_node && !any_output) {
      add("no_quantity_indicator", Severity::warning, {},
          "指标体系中没有产出数量指标，应设置定量的产出数量");
    }
  }

  void presence() {
    bool satisfaction = false;
    bool cost = false;
    for (int i = 0; i < n_; ++i) {
      if (skip_[i]) continue;
      satisfaction = satisfaction || contains(keys_[i], "满意");
      cost = cost || contains(keys_[i], "成本");
    }
    if (!satisfaction) {
      add("no_satisfaction_indicator", Severity::warning, {},
          "未设置满意度指标（如「服务对象满意度≥90%」）");
    }
    if (o_.require_cost && !cost) {
      add("no_cost_indicator", Severity::error, {},
          "指标体系要求设置成本指标（经济成本、社会成本、生态环境成本），但未设置");
    }
  }

  // Applicable leaves with a readable target (the others are reported by targets()).
  std::vector<int> readable_leaves() const {
    std::vector<int> out;
    for (int i = 0; i < n_; ++i) {
      if (!applicable_leaf(i)) continue;
      const ValueKind kind = e_.indicators[i].target.kind;
      if (kind != ValueKind::empty && kind != ValueKind::invalid) out.push_back(i);
    }
    return out;
  }

  void leaves() {
    const std::vector<int> readable = readable_leaves();
    for (int i : readable) {
      const Indicator& ind = e_.indicators[i];
      const ValueKind kind = ind.target.kind;
      if ((path_has(i, "效益") || path_has(i, "满意")) && kind != ValueKind::number &&
          kind != ValueKind::date) {
        add("unmeasurable_indicator", Severity::warning, e_.path(i),
            "年度指标值" + text::quoted(ind.target_text) +
                "不是可衡量的数值，应细化量化（如「≥90%」）");
      }
    }
    for (int i : readable) {
      const Indicator& ind = e_.indicators[i];
      const Value& t = ind.target;
      if (!path_has(i, "时效")) continue;
      if (t.kind == ValueKind::date || (t.kind == ValueKind::number && is_duration_unit(t.unit)) ||
          (t.kind == ValueKind::text && days_of_a_deed_at_once(t.text))) {  // "当天办结"
        continue;
      }
      add("no_time_limit", Severity::warning, e_.path(i),
          "时效指标的年度指标值" + text::quoted(ind.target_text) +
              "未明确完成时限（如「2021年12月底前」「30个工作日内」）");
    }
    for (int i : readable) {
      const Indicator& ind = e_.indicators[i];
      const Value& t = ind.target;
      if (t.kind == ValueKind::number && t.unit.empty() && t.factor == 1 &&
          !contains(keys_[i], "指数") && !contains(keys_[i], "系数")) {
        add("target_without_unit", Severity::warning, e_.path(i),
            "年度指标值" + text::quoted(ind.target_text) + "没有计量单位（如「家」「人次」「%」）");
      }
    }
    for (int i : readable) {
      const Indicator& ind = e_.indicators[i];
      if (approximate_target(ind)) {
        add("approximate_target", Severity::warning, e_.path(i),
            "年度指标值" + text::quoted(ind.target_text) +
                "只给出约数，未细化量化，应写明下限或上限（如「≥95%」「≤5%"
                "」）；评分时按其中的数值计");
      }
    }
  }

  void duplicates() {
    std::map<std::pair<int, std::string>, int> by_parent;
    std::map<std::pair<std::string, std::string>, int> by_target;
    for (int i = 0; i < n_; ++i) {
      const Indicator& ind = e_.indicators[i];
      if (keys_[i].empty()) continue;
      const auto [first, fresh] = by_parent.try_emplace({ind.parent, keys_[i]}, i);
      if (!fresh) {
        add("duplicate_indicator", Severity::error, e_.path(i),
            "同一上级指标下重复设置了" + text::quoted(ind.name) + "（另见" +
                text::quoted(path_text(e_.path(first->second))) + "）");
        continue;
      }
      if (!e_.is_leaf(i) || ind.target_text.empty()) continue;
      const auto [same, new_target] = by_target.try_emplace({keys_[i], key_of(ind.target_text)}, i);
      if (!new_target) {
        add("duplicate_indicator", Severity::warning, e_.path(i),
            "与" + text::quoted(path_text(e_.path(same->second))) + "名称和年度指标值" +
                text::quoted(ind.target_text) + "均相同，疑为重复指标");
      }
    }
  }

  // Whether `clause` is a node's name, alone or followed by its target or a
  // bare figure.
  bool repeats(const std::string& clause, int i) const {
    const std::string& name = keys_[i];
    if (name.empty() || !clause.starts_with(name)) return false;
    const std::string_view rest = std::string_view(clause).substr(name.size());
    if (rest.empty()) return true;
    if (rest == key_of(e_.indicators[i].target_text)) return true;
    const Value v = parse_value(rest);
    return (v.kind == ValueKind::number || v.kind == ValueKind::date) && v.label.empty();
  }

  void overall_goal() {
    const std::vector<std::string> clauses = goal_clauses(e_.overall_goal);
    if (clauses.empty()) {
      add("no_overall_goal", Severity::warning, {}, "未填写年度总体目标");
      return;
    }
    int repeating = 0;
    std::vector<std::string> names;
    for (const std::string& c : clauses) {
      for (int i = 0; i < n_; ++i) {
        if (!repeats(c, i)) continue;
        ++repeating;
        if (names.size() < 3) names.push_back(e_.indicators[i].name);
        break;
      }
    }
    const double count = static_cast<double>(clauses.size());
    if (repeating == 0 || repeating <= o_.repeat_share * count + 1e-9) return;
    std::string listed;
    for (const auto& name : names) listed += text::quoted(name);
    if (repeating > static_cast<int>(names.size())) listed += "等";
    add("goal_repeats_indicators", Severity::warning, {},
        "年度总体目标的" + std::to_string(clauses.size()) + "个分句中有" +
            std::to_string(repeating) + "个只是罗列指标名称（" + listed +
            "），应描述项目预期达到的产出和效果");
  }

  const Evaluation& e_;
  const RuleSet& r_;
  const GoalQualityOptions& o_;
  const int n_;
  std::vector<std::string> keys_;
  std::vector<bool> skip_;
  std::vector<Finding> out_;
};

}  // namespace

std::vector<Finding> check_goal_quality(const Evaluation& goal, const RuleSet& rules,
                                        const GoalQualityOptions& options) {
  return GoalChecker(goal, rules, options).run();
}

}  // namespace jixiao::core
