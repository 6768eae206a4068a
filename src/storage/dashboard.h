// The queries a finance bureau's dashboard runs over a budget year, answered
// from the stored results (no scoring): grade distribution by unit, budget
// execution by unit, red monitoring lights, and the indicators furthest
// short of their targets. Each is one SQL statement served by an index of the
// schema (docs/schema.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.h"

namespace jixiao::storage {

struct UnitGrades {
  int64_t unit_id = 0;
  std::string unit_name;
  std::string grade_code;  // excellent, good, fair, poor
  int64_t evaluations = 0;
};
// Evaluations of `year` counted by unit and grade, by unit id then grade.
Result<std::vector<UnitGrades>> grade_distribution(Connection& c, int year);

struct UnitExecution {
  int64_t unit_id = 0;
  std::string unit_name;
  int64_t evaluations = 0;
  double adjusted = 0;              // Σ 全年预算数, 万元
  double executed = 0;              // Σ 全年执行数
  std::optional<double> rate;       // executed / adjusted
  std::optional<double> mean_rate;  // the mean of the evaluations' rates
};
Result<std::vector<UnitExecution>> execution_by_unit(Connection& c, int year);

struct RedLight {
  int64_t report_id = 0;
  int64_t project_id = 0;
  std::string project_title;
  std::string unit_name;
  std::optional<double> execution_rate;
  std::string budget_light;
};
// Projects whose monitoring report for `month` of `year` shows red.
Result<std::vector<RedLight>> red_lights(Connection& c, int year, int month);

struct Deviation {
  int64_t evaluation_id = 0;
  int position = 0;
  std::string title;  // the evaluation's
  std::string unit_name;
  std::string indicator;
  std::string target;
  std::string actual;
  double deviation = 0;  // −0.4: 40 % short of the target
  std::optional<double> weight;
  std::optional<double> score;
};
// The `limit` leaves of `year` furthest short of their targets (deviation < 0),
// the furthest first.
Result<std::vector<Deviation>> top_deviations(Connection& c, int year, int limit);

}  // namespace jixiao::storage
