#include "audit/extract.h"

#include "audit/numbers.h"
#include "core/decimal.h"
#include "core/engine.h"

namespace jixiao::audit {
namespace {

core::Figure figure(const Stated& s) {
  return {s.value, s.decimals};
}

bool scored_table(const Facts& f) {
  for (const IndicatorFact& i : f.indicators) {
    if (i.weight || i.score) return true;
  }
  return false;
}

void add_tree(const Facts& f, Extracted& x) {
  core::Evaluation& e = x.evaluation;
  std::vector<int> open;  // node index per level of the last row
  std::vector<std::string> open_names;
  for (const IndicatorFact& row : f.indicators) {
    if (row.path.empty()) continue;
    // Reuse the open nodes while the names agree; add the rest.
    size_t k = 0;
    while (k < row.path.size() && k < open.size() && open_names[k] == row.path[k]) ++k;
    if (k == row.path.size() && !row.category) {
      // A second row with the very same path: a leaf of its own.
      --k;
    }
    open.resize(k);
    open_names.resize(k);
    for (size_t d = k; d < row.path.size(); ++d) {
      core::Indicator node;
      node.name = row.path[d];
      const int parent = open.empty() ? -1 : open.back();
      open.push_back(e.add_indicator(std::move(node), parent));
      open_names.push_back(row.path[d]);
      x.quotes.push_back(row.quote);
    }
    core::Indicator& node = e.indicators[open.back()];
    if (row.weight) node.weight = row.weight->value;
    if (row.score) node.stated_score = figure(*row.score);
    if (!row.category) {
      node.target_text = row.target;
      node.actual_text = row.actual;
      node.target = core::parse_target(row.target);
      node.actual = core::parse_value(row.actual);
      node.note = row.note;
    }
    x.quotes[open.back()] = row.quote;
  }
  // The score table's stated category scores on the level-1 nodes.
  for (const CategoryFact& c : f.score_table) {
    for (int i : core::categories(e)) {
      if (category_core(e.indicators[i].name) != category_core(c.name)) continue;
      if (c.score && !e.indicators[i].stated_score) e.indicators[i].stated_score = figure(*c.score);
      if (c.weight && !e.indicators[i].weight) e.indicators[i].weight = c.weight->value;
      if (!e.is_leaf(i)) x.quotes[i] = c.quote;  // a category's figures: the score table
    }
  }
}

void add_categories(const std::vector<CategoryFact>& cats, Extracted& x) {
  for (const CategoryFact& c : cats) {
    if (c.execution) continue;  // the budget row
    core::Indicator node;
    node.name = c.name;
    if (c.weight) node.weight = c.weight->value;
    if (c.score) node.stated_score = figure(*c.score);
    x.evaluation.add_indicator(std::move(node));
    x.quotes.push_back(c.quote);
  }
}

}  // namespace

Extracted extract_evaluation(const Facts& f) {
  Extracted x;
  core::Evaluation& e = x.evaluation;
  e.title = f.title;
  e.year = f.year;
  e.kind = f.self_evaluation ? core::EvaluationKind::self : core::EvaluationKind::third_party;
  e.scope = f.department ? core::Scope::department_overall : core::Scope::project;

  if (scored_table(f)) {
    add_tree(f, x);
  } else if (!f.score_table.empty()) {
    add_categories(f.score_table, x);
  } else if (!f.text_categories.empty()) {
    add_categories(f.text_categories, x);
  }

  const bool money = !f.budget.empty() || !f.executed.empty() || !f.initial_budget.empty();
  if (money || f.execution_row) {
    core::Budget b;
    b.name = f.execution_row && !f.execution_row->path.empty() ? f.execution_row->path.back()
                                                               : "预算执行率";
    if (!f.initial_budget.empty()) b.initial = f.initial_budget.front().value;
    if (!f.budget.empty()) b.adjusted = f.budget.front().value;
    if (!f.executed.empty()) b.executed = f.executed.front().value;
    if (!f.received.empty()) b.received = f.received.front().value;
    b.weight = 0;
    if (f.execution_row) {
      if (f.execution_row->weight) b.weight = f.execution_row->weight->value;
      if (f.execution_row->score) b.stated_score = figure(*f.execution_row->score);
      b.target_rate = f.execution_row->target;
      x.budget_quote = f.execution_row->quote;
    }
    if (!f.execution_rate.empty()) {
      b.stated_rate = show(f.execution_rate.front().value, f.execution_rate.front().decimals) + "%";
      if (x.budget_quote.empty()) x.budget_quote = f.execution_rate.front().quote;
    }
    if (x.budget_quote.empty()) {
      x.budget_quote = !f.budget.empty()     ? f.budget.front().quote
                       : !f.executed.empty() ? f.executed.front().quote
                                             : f.initial_budget.front().quote;
    }
    e.budget = std::move(b);
  }

  if (f.score_table_total && f.score_table_total->score) {
    e.stated_total = figure(*f.score_table_total->score);
    x.total_quote = f.score_table_total->quote;
  } else if (f.indicator_total && f.indicator_total->score) {
    e.stated_total = figure(*f.indicator_total->score);
    x.total_quote = f.indicator_total->quote;
  } else if (!f.text_total.empty()) {
    e.stated_total = figure(f.text_total.front());
    x.total_quote = f.text_total.front().quote;
  }
  if (f.table_grade) {
    e.stated_grade = f.table_grade->grade;
    x.grade_quote = f.table_grade->quote;
  } else if (!f.text_grade.empty()) {
    e.stated_grade = f.text_grade.front().grade;
    x.grade_quote = f.text_grade.front().quote;
  }
  if (x.grade_quote.empty()) x.grade_quote = x.total_quote;

  if (f.department) {
    core::DepartmentData d;
    if (!f.initial_budget.empty()) d.initial_budget = f.initial_budget.front().value;
    if (!f.expenditure_budget.empty()) {
      d.adjusted_budget = f.expenditure_budget.front().value;
    } else if (!f.budget.empty()) {
      d.adjusted_budget = f.budget.front().value;
    }
    if (!f.final_expenditure.empty()) d.final_expenditure = f.final_expenditure.front().value;
    if (!f.carryover_total.empty()) d.carryover = f.carryover_total.front().value;
    e.department = std::move(d);
  }
  return x;
}

}  // namespace jixiao::audit
