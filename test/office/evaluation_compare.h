// Field-by-field comparison of two evaluations, for round-trip tests: a
// failure names the field that differs.
#pragma once

#include <gtest/gtest.h>

#include "core/model.h"

namespace jixiao::office::testing {

inline void expect_same_figure(const std::optional<core::Figure>& a,
                               const std::optional<core::Figure>& b, const std::string& what) {
  ASSERT_EQ(a.has_value(), b.has_value()) << what;
  if (a) {
    EXPECT_DOUBLE_EQ(a->value, b->value) << what;
    EXPECT_EQ(a->decimals, b->decimals) << what;
  }
}

inline void expect_same_amount(const std::optional<double>& a, const std::optional<double>& b,
                               const std::string& what) {
  ASSERT_EQ(a.has_value(), b.has_value()) << what;
  if (a) {
    EXPECT_NEAR(*a, *b, 1e-9) << what;
  }
}

// `ignore_budget_label`: the official funds block has no place for the
// execution row's label or written target (docs/office.md).
inline void expect_same_evaluation(const core::Evaluation& a, const core::Evaluation& b,
                                   bool ignore_budget_label = true) {
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
  ASSERT_EQ(a.budget.has_value(), b.budget.has_value()) << "budget";
  if (a.budget) {
    expect_same_amount(a.budget->initial, b.budget->initial, "budget.initial");
    expect_same_amount(a.budget->adjusted, b.budget->adjusted, "budget.adjusted");
    expect_same_amount(a.budget->executed, b.budget->executed, "budget.executed");
    expect_same_amount(a.budget->weight, b.budget->weight, "budget.weight");
    EXPECT_EQ(a.budget->stated_rate, b.budget->stated_rate);
    expect_same_figure(a.budget->stated_score, b.budget->stated_score, "budget.stated_score");
    if (!ignore_budget_label) {
      EXPECT_EQ(a.budget->name, b.budget->name);
    }
  }
  ASSERT_EQ(a.department.has_value(), b.department.has_value()) << "department";
  if (a.department) {
    for (const auto& f :
         {&core::DepartmentData::initial_budget, &core::DepartmentData::final_expenditure,
          &core::DepartmentData::staff_actual, &core::DepartmentData::three_public}) {
      expect_same_amount((*a.department).*f, (*b.department).*f, "department");
    }
    ASSERT_EQ(a.department->projects.size(), b.department->projects.size());
    for (size_t i = 0; i < a.department->projects.size(); ++i) {
      EXPECT_EQ(a.department->projects[i].title, b.department->projects[i].title);
      expect_same_amount(a.department->projects[i].total, b.department->projects[i].total,
                         "project total");
    }
  }
  ASSERT_EQ(a.indicators.size(), b.indicators.size());
  for (size_t i = 0; i < a.indicators.size(); ++i) {
    const core::Indicator& x = a.indicators[i];
    const core::Indicator& y = b.indicators[i];
    const std::string at = "indicator " + std::to_string(i) + " " + x.name;
    EXPECT_EQ(x.name, y.name) << at;
    EXPECT_EQ(x.parent, y.parent) << at;
    EXPECT_EQ(x.level, y.level) << at;
    expect_same_amount(x.weight, y.weight, at + " weight");
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
  }
}

}  // namespace jixiao::office::testing
