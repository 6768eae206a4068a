#include "storage/dashboard.h"

#include "storage/query.h"

namespace jixiao::storage {

Result<std::vector<UnitGrades>> grade_distribution(Connection& c, int year) {
  std::vector<UnitGrades> out;
  Status s = query(
      c,
      "SELECT g.unit_id, u.name, g.grade_code, g.n FROM (SELECT unit_id, grade_code, "
      "COUNT(*) AS n FROM evaluations WHERE year = ? GROUP BY unit_id, grade_code) g "
      "JOIN units u ON u.id = g.unit_id ORDER BY g.unit_id, g.grade_code",
      [&](Statement& st) {
        out.push_back({st.get_int(0), st.get_string(1), st.get_string(2), st.get_int(3)});
      },
      year);
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<UnitExecution>> execution_by_unit(Connection& c, int year) {
  std::vector<UnitExecution> out;
  Status s = query(
      c,
      "SELECT g.unit_id, u.name, g.n, g.adjusted, g.executed, g.mean_rate FROM (SELECT unit_id, "
      "COUNT(*) AS n, COALESCE(SUM(budget_adjusted), 0) AS adjusted, "
      "COALESCE(SUM(budget_executed), 0) AS executed, AVG(execution_rate) AS mean_rate "
      "FROM evaluations WHERE year = ? GROUP BY unit_id) g JOIN units u ON u.id = g.unit_id "
      "ORDER BY g.unit_id",
      [&](Statement& st) {
        UnitExecution e;
        e.unit_id = st.get_int(0);
        e.unit_name = st.get_string(1);
        e.evaluations = st.get_int(2);
        e.adjusted = st.get_double(3);
        e.executed = st.get_double(4);
        if (e.adjusted > 0) e.rate = e.executed / e.adjusted;
        e.mean_rate = st.get_optional_double(5);
        out.push_back(std::move(e));
      },
      year);
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<RedLight>> red_lights(Connection& c, int year, int month) {
  std::vector<RedLight> out;
  Status s = query(
      c,
      "SELECT m.id, m.project_id, p.title, u.name, m.execution_rate, "
      "COALESCE(m.budget_light, '') FROM monitoring_reports m "
      "JOIN projects p ON p.id = m.project_id JOIN units u ON u.id = m.unit_id "
      "WHERE m.year = ? AND m.month = ? AND m.light = 'red' ORDER BY m.unit_id, m.id",
      [&](Statement& st) {
        out.push_back({st.get_int(0), st.get_int(1), st.get_string(2), st.get_string(3),
                       st.get_optional_double(4), st.get_string(5)});
      },
      year, month);
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<Deviation>> top_deviations(Connection& c, int year, int limit) {
  std::vector<Deviation> out;
  Status s = query(
      c,
      "SELECT i.evaluation_id, i.position, e.title, u.name, i.name, i.target, i.actual, "
      "i.deviation, i.weight, i.score FROM (SELECT evaluation_id, position, name, target, "
      "actual, deviation, weight, score FROM evaluation_indicators WHERE deviation < 0 AND "
      "year = ? ORDER BY deviation LIMIT ?) i "
      "JOIN evaluations e ON e.id = i.evaluation_id JOIN units u ON u.id = e.unit_id "
      "ORDER BY i.deviation, i.evaluation_id, i.position",
      [&](Statement& st) {
        Deviation d;
        d.evaluation_id = st.get_int(0);
        d.position = static_cast<int>(st.get_int(1));
        d.title = st.get_string(2);
        d.unit_name = st.get_string(3);
        d.indicator = st.get_string(4);
        d.target = st.get_string(5);
        d.actual = st.get_string(6);
        d.deviation = st.get_double(7);
        d.weight = st.get_optional_double(8);
        d.score = st.get_optional_double(9);
        out.push_back(std::move(d));
      },
      year, limit);
  if (!s.ok()) return s;
  return out;
}

}  // namespace jixiao::storage
