// Budget years on both backends: a year's rule sets, frameworks and library
// copy forward to the next, which then changes without touching the old one.
#include <gtest/gtest.h>

#include "app/years.h"
#include "format/rule_set_json.h"
#include "storage/query.h"
#include "test/app/test_sources.h"
#include "test/storage/backends.h"

namespace jixiao::test {
namespace {

class Years : public BackendTest {
 protected:
  // 2024: a rule set, a framework with a three-node tree, two library entries.
  void fill_2024() {
    ASSERT_TRUE(
        app::add_rule_set(*ctx_, 2024, format::builtin_rule_set_json("bureau-example")).ok());
    storage::FrameworkRecord f;
    f.year = 2024;
    f.code = "self-2020";
    f.name = "项目支出绩效自评指标体系";
    f.rule_set = "bureau-example";
    f.nodes = {{0, std::nullopt, 1, "产出指标", 50, "automatic", ""},
               {1, 0, 2, "数量指标", 20, "automatic", ""},
               {2, 1, 3, "支持企业数量", 20, "higher_is_better", "Q001"}};
    Result<int64_t> fw = app::add_framework(*ctx_, f);
    ASSERT_TRUE(fw.ok()) << fw.status().message();
    for (const char* code : {"Q001", "Q002"}) {
      storage::LibraryIndicatorRecord l;
      l.year = 2024;
      l.code = code;
      l.name = std::string("指标") + code;
      l.category = "产出指标/数量指标";
      l.kind = "higher_is_better";
      l.unit = "家";
      l.target_example = "≥100家";
      ASSERT_TRUE(app::add_library_indicator(*ctx_, l).ok());
    }
  }
};

TEST_P(Years, OpeningAYearCopiesThePreviousYearsRulesFrameworksAndLibrary) {
  fill_2024();
  clock_.set("2025-01-02T00:00:00Z");
  Result<app::YearOpened> opened = app::open_year(*ctx_, 2025);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  EXPECT_EQ(opened->from, 2024);
  ASSERT_EQ(opened->copied.size(), 4u);  // rule set, 2 library entries, framework

  storage::Connection& c = *db_.connection;
  Result<std::vector<storage::RuleSetRecord>> rules = storage::list_rule_sets(c, 2025);
  ASSERT_EQ(rules->size(), 1u);
  EXPECT_EQ((*rules)[0].name, "bureau-example");
  EXPECT_EQ((*rules)[0].definition, (*storage::list_rule_sets(c, 2024))[0].definition);
  EXPECT_NE((*rules)[0].id, (*storage::list_rule_sets(c, 2024))[0].id);
  Result<std::vector<storage::FrameworkRecord>> frameworks = storage::list_frameworks(c, 2025);
  ASSERT_EQ(frameworks->size(), 1u);
  const storage::FrameworkRecord& f = (*frameworks)[0];
  ASSERT_EQ(f.nodes.size(), 3u);
  EXPECT_EQ(f.nodes[2].name, "支持企业数量");
  EXPECT_EQ(f.nodes[2].parent, 1);
  EXPECT_EQ(f.nodes[2].weight, 20);
  EXPECT_EQ(f.nodes[2].library_code, "Q001");
  EXPECT_EQ(storage::list_library(c, 2025)->size(), 2u);
  Result<std::optional<int64_t>> copied_from =
      storage::query_int(c, "SELECT copied_from FROM budget_years WHERE year = 2025");
  EXPECT_EQ(copied_from->value_or(0), 2024);
  // Each copy is audited.
  EXPECT_EQ(rows(c, "audit_log"), 4 + 4 + 1);  // 4 creations in 2024, 4 copies, the year

  // The new year changes on its own.
  ASSERT_TRUE(storage::execute(c,
                               "UPDATE framework_indicators SET weight = 25 WHERE "
                               "framework_id = ? AND position = 2",
                               f.id)
                  .ok());
  EXPECT_EQ((*storage::list_frameworks(c, 2024))[0].nodes[2].weight, 20);

  // Again: nothing more to copy; a new 2024 entry is copied next time.
  Result<app::YearOpened> again = app::open_year(*ctx_, 2025);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->copied.empty());
  storage::LibraryIndicatorRecord l;
  l.year = 2024;
  l.code = "Q003";
  l.name = "新增指标";
  ASSERT_TRUE(app::add_library_indicator(*ctx_, l).ok());
  again = app::open_year(*ctx_, 2025);
  ASSERT_EQ(again->copied.size(), 1u);
  EXPECT_EQ(again->copied[0].key, "Q003");
}

TEST_P(Years, RefusalsChangeNothing) {
  fill_2024();
  const int64_t entries = rows(*db_.connection, "audit_log");
  Result<app::YearOpened> bad = app::open_year(*ctx_, 12025);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("1900"), std::string::npos);
  Result<app::YearOpened> missing = app::open_year(*ctx_, 2026, 2019);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("2019 年度不存在"), std::string::npos);
  Result<int64_t> twice =
      app::add_rule_set(*ctx_, 2024, format::builtin_rule_set_json("bureau-example"));
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().message().find("已有「bureau-example」"), std::string::npos)
      << twice.status().message();
  EXPECT_EQ(rows(*db_.connection, "audit_log"), entries);
  EXPECT_EQ(rows(*db_.connection, "budget_years"), 1);
}

TEST_P(Years, AYearWithoutAPredecessorOpensEmpty) {
  Result<app::YearOpened> opened = app::open_year(*ctx_, 2030);
  ASSERT_TRUE(opened.ok());
  EXPECT_FALSE(opened->from);
  EXPECT_TRUE(opened->copied.empty());
  EXPECT_EQ(rows(*db_.connection, "budget_years"), 1);
}

JIXIAO_BACKENDS(Years);

}  // namespace
}  // namespace jixiao::test
