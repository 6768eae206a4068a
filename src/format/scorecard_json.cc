#include "format/scorecard_json.h"

#include "core/decimal.h"
#include "core/panel.h"

namespace jixiao::format {

using core::Evaluation;
using core::ScoreCard;

namespace {

// What writing one evaluation works in, kept per thread from one evaluation
// to the next so that writing allocates nothing once warm.
struct Scratch {
  std::vector<std::string> open_paths;  // PathWriter's
  std::string line;
  std::string explanation;

  // Lets go of what an unusually large evaluation (thousands of nodes, long
  // names) made it hold, so that a long-running thread does not keep it.
  // `used`: the evaluation's node count (only those paths were written).
  void trim(size_t used) {
    constexpr size_t kKeepBytes = 64 * 1024;
    constexpr size_t kKeepPaths = 1024;
    if (open_paths.size() > kKeepPaths) std::vector<std::string>().swap(open_paths);
    for (std::string* s : {&line, &explanation}) {
      if (s->capacity() > kKeepBytes) std::string().swap(*s);
    }
    for (size_t i = 0; i < used && i < open_paths.size(); ++i) {
      if (open_paths[i].capacity() > kKeepBytes) std::string().swap(open_paths[i]);
    }
  }
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// The paths of an evaluation's nodes as JSON arrays of names. Each category's
// array is built once, without its closing bracket: every leaf and finding
// below it repeats its ancestors' names, and copying them is cheaper than
// escaping them again.
class PathWriter {
 public:
  PathWriter(const Evaluation& e, Scratch& s) : e_(e), open_(s.open_paths), line_(s.line) {
    const int n = static_cast<int>(e.indicators.size());
    if (open_.size() < static_cast<size_t>(n)) open_.resize(n);
    for (int i = 0; i < n; ++i) {
      if (!e.is_leaf(i)) open(i, open_[i]);
    }
  }

  void write(JsonWriter& out, int i) {
    if (e_.is_leaf(i)) {
      open(i, line_);
    } else {
      line_ = open_[i];
    }
    line_ += ']';
    out.raw_value(line_);
  }

 private:
  // Node i's array without the closing bracket. A parent always comes before
  // its children (pre-order); anything else is written as a level-1 node.
  void open(int i, std::string& out) const {
    const int parent = e_.indicators[i].parent;
    if (parent >= 0 && parent < i) {
      out = open_[parent];
      out += ',';
    } else {
      out = '[';
    }
    append_json_string(out, e_.indicators[i].name);
  }

  const Evaluation& e_;
  std::vector<std::string>& open_;  // [i] for each category i
  std::string& line_;
};

void write_findings(JsonWriter& out, const Evaluation& e, const ScoreCard& card,
                    const core::RuleSet& rules, const FindingLocator* locate, PathWriter& paths) {
  out.key("findings").begin_array();
  const int nodes = static_cast<int>(e.indicators.size());
  for (const core::Flag& flag : card.flags) {
    out.begin_object()
        .field("code", core::flag_code(flag.kind))
        .field("severity", core::severity_code(flag.severity))
        .key("path");
    if (flag.node >= 0 && flag.node < nodes) {
      paths.write(out, flag.node);
    } else if (flag.node == core::kBudgetRow) {
      out.begin_array().value(card.execution.name).end_array();
    } else {
      out.begin_array().end_array();
    }
    // A workbook's findings name their cell, which takes the whole finding.
    out.field("message", locate ? located_message(core::describe(e, card, rules, flag), locate)
                                : core::finding_message(e, card, rules, flag))
        .end_object();
  }
  out.end_array();
}

std::optional<double> stated(const std::optional<core::Figure>& f) {
  return f ? std::optional<double>(f->value) : std::nullopt;
}

}  // namespace

std::string located_message(const core::Finding& finding, const FindingLocator* locate) {
  const std::string cell = locate ? (*locate)(finding) : std::string();
  return cell.empty() ? finding.message : cell + "：" + finding.message;
}

void write_scorecard_json(JsonWriter& out, const Evaluation& e, const ScoreCard& card,
                          const core::RuleSet& rules, std::string_view file,
                          const FindingLocator* locate) {
  out.begin_object();
  if (!file.empty()) out.field("file", file);
  out.field("title", e.title)
      .field("unit", e.unit)
      .field("year", e.year)
      .field("kind", core::evaluation_kind_code(e.kind))
      .field("scope", core::scope_code(e.scope))
      .field("rule_set", rules.name)
      .field("total", card.total)
      .field("grade", card.grade)
      .field("weight", card.weight)
      .field("raw_total", card.raw_total)
      .field("rescaled", card.rescaled)
      .field("cap", card.cap)
      .field("total_explanation", core::explain_total(card, rules))
      .field("stated_total", stated(e.stated_total));
  out.key("stated_grade");
  if (e.stated_grade.empty()) {
    out.null();
  } else {
    out.value(e.stated_grade);
  }

  out.key("execution");
  if (!card.execution.present) {
    out.null();
  } else {
    const auto& ex = card.execution;
    out.begin_object()
        .field("name", ex.name)
        .field("rate", ex.rate_known ? std::optional<double>(ex.rate) : std::nullopt)
        .field("score", ex.score)
        .field("weight", ex.weight)
        .field("stated_score", stated(e.budget->stated_score))
        .field("explanation", core::explain_execution(card))
        .end_object();
  }

  out.key("categories").begin_array();
  for (int i = 0; i < static_cast<int>(e.indicators.size()); ++i) {
    if (e.indicators[i].parent != -1) continue;  // level 1 only
    const auto& node = card.nodes[i];
    out.begin_object()
        .field("name", e.indicators[i].name)
        .field("weight", node.weight)
        .field("score", node.scored ? std::optional<double>(node.score) : std::nullopt)
        // Six decimals: the quotient without its binary noise (0.989, not
        // 0.9890000000000001); reports print it as a percentage with two.
        .field("score_rate", node.scored && node.applicable_weight > 0
                                 ? std::optional<double>(
                                       core::round_half_up(node.score / node.applicable_weight, 6))
                                 : std::nullopt)
        .field("stated_score", stated(e.indicators[i].stated_score))
        .field("not_applicable", node.not_applicable)
        .end_object();
  }
  out.end_array();

  Scratch& work = scratch();
  PathWriter paths(e, work);
  out.key("indicators").begin_array();
  for (int i = 0; i < static_cast<int>(e.indicators.size()); ++i) {
    if (!e.is_leaf(i)) continue;
    const auto& ind = e.indicators[i];
    const auto& node = card.nodes[i];
    out.begin_object().key("path");
    paths.write(out, i);
    out.field("weight", ind.weight)
        .field("target", ind.target_text)
        .field("actual", ind.actual_text)
        .field("score", node.scored ? std::optional<double>(node.score) : std::nullopt)
        .field("stated_score", stated(ind.stated_score))
        .field("checked_score", ind.checked_score)
        .field("kind", core::scoring_kind_code(node.kind))
        .field("not_applicable", node.not_applicable)
        .key("explanation");
    core::explain_into(e, card, i, rules, work.explanation);
    out.value(work.explanation).end_object();
  }
  out.end_array();

  if (!card.department_figures.empty() || card.project_grades) {
    out.key("department").begin_object();
    out.key("figures").begin_array();
    for (const auto& f : card.department_figures) {
      out.begin_object()
          .field("code", f.code)
          .field("label", f.label)
          .field("value", f.value)
          .field("formula", f.formula)
          .end_object();
    }
    out.end_array();
    out.key("project_grades");
    if (!card.project_grades) {
      out.null();
    } else {
      out.begin_object();
      for (size_t k = 0; k < card.project_grades->labels.size(); ++k) {
        out.field(card.project_grades->labels[k], card.project_grades->counts[k]);
      }
      out.field("ungraded", card.project_grades->ungraded);
      out.end_object();
    }
    out.end_object();
  }

  if (const core::PanelSummary panel =
          core::has_expert_scores(e) ? core::summarize_panel(e, rules) : core::PanelSummary{};
      !panel.rows.empty()) {
    out.key("panel").begin_object();
    out.field("experts", panel.experts)
        .field("method", panel.method == core::PanelMethod::mean ? "mean" : "trimmed_mean");
    out.key("rows").begin_array();
    for (const auto& row : panel.rows) {
      out.begin_object().key("path");
      paths.write(out, row.indicator);
      out.field("weight", row.weight);
      out.key("scores").begin_array();
      for (const std::optional<double>& s : row.scores) out.value(s);  // null: recused
      out.end_array();
      out.field("score", row.score).field("low", row.low).field("high", row.high);
      out.field("wide", row.wide).end_object();
    }
    out.end_array();
    out.key("expert_totals").begin_array();
    for (double t : panel.expert_totals) out.value(t);
    out.end_array();
    out.field("total", panel.total).end_object();
  }

  write_findings(out, e, card, rules, locate, paths);
  out.end_object();
  work.trim(e.indicators.size());
}

}  // namespace jixiao::format
