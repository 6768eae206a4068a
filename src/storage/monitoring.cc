#include "storage/monitoring.h"

#include "storage/query.h"

namespace jixiao::storage {
namespace {

std::optional<std::string_view> nullable(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string_view>(s);
}

}  // namespace

MonitoringWriter::MonitoringWriter(Connection& c)
    : c_(c),
      indicators_(c, "monitoring_indicators",
                  {"report_id", "position", "parent", "level", "name", "weight", "target",
                   "actual_to_date", "light", "ratio", "deviation_note"}) {}

Result<int64_t> MonitoringWriter::insert(const MonitoringReportRecord& r, std::string_view now) {
  Result<std::optional<int64_t>> id = query_int(
      c_,
      "INSERT INTO monitoring_reports (project_id, year, unit_id, month, adjusted, executed, "
      "execution_rate, budget_light, light, forecast, version, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      r.project_id, r.year, r.unit_id, r.month, r.adjusted, r.executed, r.execution_rate,
      nullable(r.budget_light), nullable(r.light), nullable(r.forecast), now, now);
  if (!id.ok()) return id.status();
  if (!*id) return Status::error("内部错误：监控报告插入后未返回编号");
  for (const MonitoringIndicatorRow& n : r.indicators) {
    indicators_.add(**id).add(n.position).add(n.parent).add(n.level).add(n.name).add(n.weight);
    indicators_.add(n.target).add(n.actual_to_date).add(nullable(n.light)).add(n.ratio);
    indicators_.add(n.deviation_note);
    Status s = indicators_.end_row();
    if (!s.ok()) return s;
  }
  return **id;
}

}  // namespace jixiao::storage
