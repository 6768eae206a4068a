// Monitoring reports (绩效运行监控) per project and period, with each
// indicator's progress and light (core/monitoring.h computes them).
//
// Contract: runs inside the caller's transaction and never commits.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/batch_insert.h"
#include "storage/database.h"

namespace jixiao::storage {

struct MonitoringIndicatorRow {
  int position = 0;
  std::optional<int> parent;
  int level = 1;
  std::string name;
  std::optional<double> weight;
  std::string target;
  std::string actual_to_date;
  std::string light;  // blue green yellow red; empty: no light
  std::optional<double> ratio;
  std::string deviation_note;
};

struct MonitoringReportRecord {
  int64_t id = 0;
  int64_t project_id = 0;
  int year = 0;
  int64_t unit_id = 0;
  int month = 0;
  std::optional<double> adjusted;
  std::optional<double> executed;
  std::optional<double> execution_rate;
  std::string budget_light;
  std::string light;     // the project's worst
  std::string forecast;  // certain possible impossible; empty: none
  std::vector<MonitoringIndicatorRow> indicators;
};

// Inserts monitoring reports, batching their indicator rows. Call flush()
// before committing.
class MonitoringWriter {
 public:
  explicit MonitoringWriter(Connection& c);
  Result<int64_t> insert(const MonitoringReportRecord& report, std::string_view now);
  Status flush() { return indicators_.flush(); }

 private:
  Connection& c_;
  BatchInsert indicators_;
};

}  // namespace jixiao::storage
