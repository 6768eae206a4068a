// Field-by-field comparison of two evaluations, for round-trip tests (JSON
// writer, templates, workbook import): a failure names the field that
// differs. What a round trip may lose is stated by the caller.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/model.h"

namespace jixiao::test {

struct Compare {
  // The official funds block has no place for the execution row's label or
  // written target (docs/office.md).
  bool budget_label = true;
  // Amounts may have passed through a spreadsheet's binary doubles.
  double tolerance = 0;
  // Fields a round trip keeps beyond what the official tables hold: funding
  // lines, received funds, every department figure, reviewers' fields and
  // the parsed values.
  bool everything = true;
};

// What the official tables (templates, workbook import) keep.
inline constexpr Compare kOfficialTable{
    .budget_label = false, .tolerance = 1e-9, .everything = false};

inline void expect_same_figure(const std::optional<core::Figure>& a,
                               const std::optional<core::Figure>& b, const std::string& what) {
  ASSERT_EQ(a.has_value(), b.has_value()) << what;
  if (a) {
    EXPECT_DOUBLE_EQ(a->value, b->value) << what;
    EXPECT_EQ(a->decimals, b->decimals) << what;
  }
}

inline void expect_same_amount(const std::optional<double>& a, const std::optional<double>& b,
                               const std::string& what, double tolerance) {
  ASSERT_EQ(a.has_value(), b.has_value()) << what;
  if (!a) return;
  if (tolerance > 0) {
    EXPECT_NEAR(*a, *b, tolerance) << what;
  } else {
    EXPECT_EQ(*a, *b) << what;
  }
}

inline void expect_same_evaluation(const core::Evaluation& a, const core::Evaluation& b,
                                   const Compare& c = {}) {
  const double tol = c.tolerance;
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.unit, b.unit);
  EXPECT_EQ(a.year, b.year);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.scope, b.scope);
  EXPECT_EQ(a.rule_set, b.rule_set);
  EXPECT_EQ(a.overall_goal, b.overall_goal);
  expect_same_figure(a.stated_total, b.stated_total, "stated_total");
  EXPECT_EQ(a.stated_grade, b.stated_grade);
  EXPECT_EQ(a.experts, b.experts);
  if (c.everything) {
    EXPECT_EQ(a.panel_method, b.panel_method);
  }
  ASSERT_EQ(a.budget.has_value(), b.budget.has_value()) << "budget";
  if (a.budget) {
    const core::Budget &x = *a.budget, &y = *b.budget;
    expect_same_amount(x.initial, y.initial, "budget.initial", tol);
    expect_same_amount(x.adjusted, y.adjusted, "budget.adjusted", tol);
    expect_same_amount(x.executed, y.executed, "budget.executed", tol);
    expect_same_amount(x.weight, y.weight, "budget.weight", tol);
    EXPECT_EQ(x.stated_rate, y.stated_rate);
    expect_same_figure(x.stated_score, y.stated_score, "budget.stated_score");
    if (c.budget_label) {
      EXPECT_EQ(x.name, y.name);
      EXPECT_EQ(x.target_rate, y.target_rate);
    }
    if (c.everything) {
      expect_same_amount(x.received, y.received, "budget.received", tol);
      ASSERT_EQ(x.sources.size(), y.sources.size());
      for (size_t k = 0; k < x.sources.size(); ++k) {
        EXPECT_EQ(x.sources[k].source, y.sources[k].source);
        expect_same_amount(x.sources[k].initial, y.sources[k].initial, "source.initial", tol);
        expect_same_amount(x.sources[k].adjusted, y.sources[k].adjusted, "source.adjusted", tol);
        expect_same_amount(x.sources[k].executed, y.sources[k].executed, "source.executed", tol);
      }
    }
  }
  ASSERT_EQ(a.department.has_value(), b.department.has_value()) << "department";
  if (a.department) {
    const core::DepartmentData &x = *a.department, &y = *b.department;
    if (c.everything) {
      for (const core::DepartmentField& f : core::department_fields()) {
        expect_same_amount(x.*(f.member), y.*(f.member), std::string(f.code), tol);
      }
    } else {
      for (const auto& f :
           {&core::DepartmentData::initial_budget, &core::DepartmentData::final_expenditure,
            &core::DepartmentData::staff_actual, &core::DepartmentData::three_public}) {
        expect_same_amount(x.*f, y.*f, "department", tol);
      }
    }
    ASSERT_EQ(x.projects.size(), y.projects.size());
    for (size_t k = 0; k < x.projects.size(); ++k) {
      EXPECT_EQ(x.projects[k].title, y.projects[k].title);
      expect_same_amount(x.projects[k].total, y.projects[k].total, "project total", tol);
      if (c.everything) {
        EXPECT_EQ(x.projects[k].grade, y.projects[k].grade);
      }
    }
  }
  ASSERT_EQ(a.indicators.size(), b.indicators.size());
  for (size_t i = 0; i < a.indicators.size(); ++i) {
    const core::Indicator &x = a.indicators[i], &y = b.indicators[i];
    const std::string at = "indicator " + std::to_string(i) + " " + x.name;
    EXPECT_EQ(x.name, y.name) << at;
    EXPECT_EQ(x.parent, y.parent) << at;
    EXPECT_EQ(x.level, y.level) << at;
    expect_same_amount(x.weight, y.weight, at + " weight", tol);
    EXPECT_EQ(x.target_text, y.target_text) << at;
    EXPECT_EQ(x.actual_text, y.actual_text) << at;
    expect_same_figure(x.stated_score, y.stated_score, at + " stated_score");
    EXPECT_EQ(x.note, y.note) << at;
    EXPECT_EQ(x.kind, y.kind) << at;
    EXPECT_EQ(x.per_point, y.per_point) << at;
    EXPECT_EQ(x.figure, y.figure) << at;
    EXPECT_EQ(x.not_applicable, y.not_applicable) << at;
    EXPECT_EQ(x.expert_scores, y.expert_scores) << at;
    EXPECT_EQ(x.checked_score.has_value(), y.checked_score.has_value()) << at;
    if (c.everything) {
      expect_same_amount(x.checked_score, y.checked_score, at + " checked_score", tol);
      EXPECT_EQ(x.deduction_reason, y.deduction_reason) << at;
      EXPECT_EQ(x.target.kind, y.target.kind) << at;
      EXPECT_EQ(x.target.number, y.target.number) << at;
      EXPECT_EQ(x.actual.kind, y.actual.kind) << at;
      EXPECT_EQ(x.actual.number, y.actual.number) << at;
    }
  }
}

}  // namespace jixiao::test
