// The domain model: units, projects, budgets, indicator trees and evaluations.
//
// Plain values with no I/O. An Evaluation is what a self-evaluation table, a
// published report or an evaluation file says; scoring it (core/engine.h)
// produces a ScoreCard and never changes the Evaluation. Names follow the
// glossary (docs/glossary.md).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/value.h"

namespace jixiao::core {

// ---- Organisation -------------------------------------------------------

enum class UnitKind { finance_bureau, department, budget_unit };

struct Unit {
  std::string code;
  std::string name;
  UnitKind kind = UnitKind::budget_unit;
  std::string parent_code;  // empty for a root
};

// The tree of units (财政局 → 主管部门 → 预算单位). Insertion checks that
// codes are unique, parents exist and no unit hangs under a budget unit.
class UnitTree {
 public:
  Status add(Unit unit);
  const Unit* find(std::string_view code) const;
  std::vector<const Unit*> children(std::string_view code) const;
  // True when `code` is `ancestor` or lies below it.
  bool is_within(std::string_view code, std::string_view ancestor) const;
  const std::vector<Unit>& units() const { return units_; }

 private:
  std::vector<Unit> units_;
};

// ---- Projects and budgets ---------------------------------------------

enum class FundingSource { fiscal, carried_over, other };

std::string_view funding_source_code(FundingSource source);  // fiscal, carried_over, other
std::optional<FundingSource> funding_source_from_code(std::string_view code);

// A number as it was printed: the value and how many decimals were shown, so
// that checks compare at the precision of the document.
struct Figure {
  double value = 0;
  int decimals = 0;
};

// Whether a score cell says full marks in words ("满分", perhaps with spaces
// around it), as filled-in tables sometimes do instead of the number.
bool says_full_marks(std::string_view written);

// The score full marks stand for: the weight, with the decimals it is printed
// with (10 → 0, 7.5 → 1); nullopt without a weight, which a reader reports.
std::optional<Figure> full_marks(std::optional<double> weight);
// What a reader reports for "满分" without a weight, after the cell's name.
inline constexpr char kFullMarksWithoutWeight[] = "写为「满分」，但没有分值，请填写分值或具体得分";

struct FundingLine {
  FundingSource source = FundingSource::fiscal;
  std::optional<double> initial;   // 年初预算数, 万元
  std::optional<double> adjusted;  // 全年预算数
  std::optional<double> executed;  // 全年执行数
};

// The funds block of an evaluation. Amounts are in 万元.
struct Budget {
  std::string name;                // the label of the score row ("预算执行率", "投入指标")
  std::optional<double> initial;   // 年初预算数
  std::optional<double> adjusted;  // 全年预算数
  std::optional<double> executed;  // 全年执行数 / 实际支出
  std::optional<double> received;  // 实际到位资金 (evaluation framework's denominator)
  std::optional<double> weight;    // 分值; when absent the rule set decides
  std::string target_rate;         // a written execution target ("100%")
  std::string stated_rate;         // 执行率 as printed ("50%")
  std::optional<Figure> stated_score;
  std::vector<FundingLine> sources;
};

struct Project {
  std::string code;
  std::string title;
  std::string unit_code;
  int year = 0;
};

// ---- Indicator trees -----------------------------------------------------

// How a leaf is scored (rules.md §3). `automatic` lets the engine choose from
// the target and the rule set.
enum class ScoringKind {
  automatic,
  higher_is_better,
  lower_is_better,
  equal,
  qualitative_tiers,
  qualitative_grades,
  yes_no,
  deadline,
  proportional_capped,
  linear_deduction,
  manual,
  expert_panel,  // chosen by the engine when experts scored the leaf
  stated,        // a category that publishes only its score
  none,          // not scored (no weight, or not applicable)
};

std::string_view scoring_kind_code(ScoringKind kind);
std::optional<ScoringKind> scoring_kind_from_code(std::string_view code);
// The kinds an input may name for a row, in their order of docs/rules.md
// (expert_panel, stated and none follow from the data, never from a choice).
const std::vector<ScoringKind>& settable_scoring_kinds();
bool settable_scoring_kind(ScoringKind kind);
// The kinds an input may name, as messages list them:
// "higher_is_better（正向指标）、lower_is_better（反向指标）、…".
std::string settable_scoring_kinds_text();
std::string_view scoring_kind_label(ScoringKind kind);  // Chinese

// One node of an indicator tree. Trees are stored flat in pre-order: a node's
// children follow it, each with parent == the node's index.
struct Indicator {
  // The fields every pass of the engine and its checks reads come first, so
  // that they share the first cache lines of a node (an Indicator is about
  // 600 bytes, most of them the two readings below).
  int parent = -1;  // index in Evaluation::indicators, -1 for level 1
  int level = 1;    // 1 = 一级指标
  std::optional<double> weight;
  std::optional<Figure> stated_score;   // the score the table states
  std::optional<double> checked_score;  // 核查分: a reviewer's score, kept beside
  double per_point = 0;                 // linear deduction: points per percentage point beyond
  ScoringKind kind = ScoringKind::automatic;
  bool not_applicable = false;
  std::string name;
  std::string note;    // 偏差原因分析及改进措施, or a manual score's reason
  std::string figure;  // a department figure code supplying the actual
  // One per Evaluation::experts, in order; nullopt where the expert did not
  // score this leaf (回避: a conflict of interest, written "/" in the tables).
  std::vector<std::optional<double>> expert_scores;
  Value target;  // read from target_text
  Value actual;
  std::string target_text;  // as written
  std::string actual_text;
  std::string deduction_reason;  // 扣分 reason of the reviewer
};

// ---- Evaluations -----------------------------------------------------------

enum class EvaluationKind { self, department, finance, third_party };
enum class Scope { project, department_overall };
enum class PanelMethod { mean, trimmed_mean };

std::string_view evaluation_kind_code(EvaluationKind kind);
std::string_view evaluation_kind_label(EvaluationKind kind);
std::optional<EvaluationKind> evaluation_kind_from_text(std::string_view text);
std::string_view scope_code(Scope scope);
std::string_view scope_label(Scope scope);
std::optional<Scope> scope_from_text(std::string_view text);

// A department's budget data for the whole-department figures (rules.md §5).
// Every field is optional; a figure is computed when its inputs are present.
struct DepartmentData {
  std::optional<double> initial_budget;      // 年初预算数
  std::optional<double> adjusted_budget;     // 全年预算数 (支出预算数)
  std::optional<double> final_expenditure;   // 决算支出数
  std::optional<double> budget_adjustment;   // 预算调整数
  std::optional<double> carryover;           // 本年结转结余总额
  std::optional<double> carryover_previous;  // 上年结转结余
  std::optional<double> staff_actual;        // 在职人数
  std::optional<double> staff_quota;         // 编制数
  std::optional<double> three_public;        // 三公经费 (本年)
  std::optional<double> three_public_previous;
  std::optional<double> three_public_budget;
  std::optional<double> operating_budget;    // 公用经费预算
  std::optional<double> operating_actual;    // 公用经费实际
  std::optional<double> procurement_budget;  // 政府采购预算
  std::optional<double> procurement_actual;
  std::optional<double> personnel;  // 人员经费 (基本支出)
  std::optional<double> operating;  // 公用经费 (基本支出)
  std::optional<double> basic;      // 基本支出 as stated
  // The department's project evaluations: a title and a total (or grade).
  struct ProjectResult {
    std::string title;
    std::optional<double> total;
    std::string grade;  // used when no total is known
  };
  std::vector<ProjectResult> projects;
};

// The number fields of DepartmentData by their code in the evaluation file
// (docs/format.md) and the database, in order.
struct DepartmentField {
  std::string_view code;
  std::optional<double> DepartmentData::*member;
};
std::span<const DepartmentField> department_fields();

struct Evaluation {
  std::string title;
  std::string unit;  // unit name or code as written
  int year = 0;
  EvaluationKind kind = EvaluationKind::self;
  Scope scope = Scope::project;
  std::string rule_set;  // empty: the caller's default
  std::optional<Budget> budget;
  std::vector<Indicator> indicators;  // pre-order
  std::optional<Figure> stated_total;
  std::string stated_grade;
  std::vector<std::string> experts;  // expert panel members, in score order
  std::optional<PanelMethod> panel_method;
  std::optional<DepartmentData> department;
  std::string overall_goal;  // 年度总体目标

  // Appends a node under `parent` (-1 for level 1) and returns its index.
  int add_indicator(Indicator node, int parent = -1);
  bool is_leaf(int index) const {
    const size_t next = static_cast<size_t>(index) + 1;
    return next >= indicators.size() || indicators[next].parent != index;
  }
  // The names from level 1 down to `index`.
  std::vector<std::string> path(int index) const;
  // Appends path(index) as core::path_text shows it ("产出指标/数量指标/企业数"),
  // without building the vector of names.
  void append_path_text(int index, std::string& out) const;
};

}  // namespace jixiao::core
