// The dashboard queries on both backends, checked against counts made by
// hand from what was imported.
#include <gtest/gtest.h>

#include <map>

#include "app/evaluations.h"
#include "app/import.h"
#include "storage/dashboard.h"
#include "storage/monitoring.h"
#include "storage/query.h"
#include "test/app/test_sources.h"
#include "test/storage/backends.h"

namespace jixiao::test {
namespace {

class Dashboard : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    // Unit A: three evaluations of 2024, one of 2023; unit B: one of 2024.
    std::vector<core::Evaluation> list = {
        small_evaluation("A1", "单位A", 2024, 2),  // 80, 85 of ≥100
        small_evaluation("A2", "单位A", 2024, 4),  // 80 … 95
        small_evaluation("A3", "单位A", 2024, 1),  // 80
        small_evaluation("A4", "单位A", 2023, 3), small_evaluation("B1", "单位B", 2024, 3),
    };
    list[2].budget->executed = 40;  // 40 % executed
    std::vector<std::unique_ptr<app::EvaluationSource>> sources;
    sources.push_back(std::make_unique<ListSource>("d.jsonl", list));
    const app::ImportSummary s = import_all(*ctx_, std::move(sources));
    ASSERT_EQ(s.refused_files(), 0u) << s.files[0].error;
    ids_ = s.ids;
  }
  std::vector<int64_t> ids_;
};

TEST_P(Dashboard, GradesAndExecutionByUnitMatchTheStoredEvaluations) {
  Result<std::vector<storage::EvaluationHeader>> all = app::list_evaluations(*ctx_, {});
  ASSERT_TRUE(all.ok());
  std::map<std::pair<std::string, std::string>, int64_t> expected;
  std::map<std::string, std::pair<double, int>> rates;
  for (const auto& h : *all) {
    if (h.year != 2024) continue;
    ++expected[{h.unit_name, h.grade_code}];
    rates[h.unit_name].first += *h.execution_rate;
    rates[h.unit_name].second += 1;
  }
  Result<std::vector<storage::UnitGrades>> grades =
      storage::grade_distribution(*db_.connection, 2024);
  ASSERT_TRUE(grades.ok()) << grades.status().message();
  std::map<std::pair<std::string, std::string>, int64_t> got;
  for (const auto& g : *grades) got[{g.unit_name, g.grade_code}] = g.evaluations;
  EXPECT_EQ(got, expected);
  EXPECT_GE(got.size(), 2u);

  Result<std::vector<storage::UnitExecution>> exec =
      storage::execution_by_unit(*db_.connection, 2024);
  ASSERT_TRUE(exec.ok()) << exec.status().message();
  ASSERT_EQ(exec->size(), 2u);
  const storage::UnitExecution& a = (*exec)[0];
  EXPECT_EQ(a.unit_name, "单位A");
  EXPECT_EQ(a.evaluations, 3);
  EXPECT_DOUBLE_EQ(a.adjusted, 300);
  EXPECT_DOUBLE_EQ(a.executed, 90 + 90 + 40);
  EXPECT_NEAR(*a.rate, 220.0 / 300, 1e-12);
  EXPECT_NEAR(*a.mean_rate, rates["单位A"].first / 3, 1e-12);
}

TEST_P(Dashboard, TopDeviationsAreTheLeavesFurthestShortOfTheirTargets) {
  Result<std::vector<storage::Deviation>> top = storage::top_deviations(*db_.connection, 2024, 3);
  ASSERT_TRUE(top.ok()) << top.status().message();
  ASSERT_EQ(top->size(), 3u);
  // Every evaluation's first leaf is 80 of ≥100: 20 % short. 2023 is left out.
  for (const auto& d : *top) {
    EXPECT_DOUBLE_EQ(d.deviation, -0.2) << d.title << " " << d.indicator;
    EXPECT_EQ(d.actual, "80家");
    EXPECT_NE(d.title, "A4");
  }
  EXPECT_LE((*top)[0].evaluation_id, (*top)[1].evaluation_id);
  Result<std::vector<storage::Deviation>> all = storage::top_deviations(*db_.connection, 2024, 100);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u + 4 + 1 + 3) << "every leaf of 2024 short of its target";
  for (size_t k = 1; k < all->size(); ++k) EXPECT_LE((*all)[k - 1].deviation, (*all)[k].deviation);
}

TEST_P(Dashboard, RedLightsComeFromTheMonitoringReportsOfThePeriod) {
  storage::Connection& c = *db_.connection;
  storage::Transaction tx(c);
  Status begun = tx.begin_write();
  ASSERT_TRUE(begun.ok()) << begun.message();
  storage::MonitoringWriter writer(c);
  const char* lights[] = {"red", "green", "red", "yellow", "red"};
  for (size_t k = 0; k < ids_.size(); ++k) {
    Result<storage::StoredEvaluation> e = app::show_evaluation(*ctx_, ids_[k]);
    ASSERT_TRUE(e.ok()) << "[" << e.status().message() << "] " << ids_.size() << " k=" << k;
    storage::MonitoringReportRecord r;
    r.project_id = e->header.project_id;
    r.year = e->header.year;
    r.unit_id = e->header.unit_id;
    r.month = 6;
    r.light = lights[k];
    r.indicators.push_back({0, std::nullopt, 1, "产出指标", 90, "", "", lights[k], 0.5, ""});
    ASSERT_TRUE(writer.insert(r, clock_.now()).ok());
  }
  ASSERT_TRUE(writer.flush().ok());
  ASSERT_TRUE(tx.commit().ok());
  Result<std::vector<storage::RedLight>> red = storage::red_lights(c, 2024, 6);
  ASSERT_TRUE(red.ok()) << red.status().message();
  std::vector<std::string> titles;
  for (const auto& r : *red) titles.push_back(r.project_title);
  std::sort(titles.begin(), titles.end());
  EXPECT_EQ(titles, (std::vector<std::string>{"A1", "A3", "B1"}));  // A4 is 2023
  EXPECT_TRUE(storage::red_lights(c, 2024, 9)->empty());
  EXPECT_EQ(rows(c, "monitoring_indicators"), 5);
}

JIXIAO_BACKENDS(Dashboard);

}  // namespace
}  // namespace jixiao::test
