// Saving over an evaluation, on both backends: optimistic concurrency (a
// version per record) and the audit log of every change.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/evaluations.h"
#include "app/import.h"
#include "app/units.h"
#include "format/evaluation_writer.h"
#include "test/app/test_sources.h"
#include "test/storage/backends.h"

namespace jixiao::test {
namespace {

storage::AuditQuery audit_query(std::string record_type, std::string record_id, std::string actor,
                                std::string from = "", std::string to = "") {
  storage::AuditQuery q;
  q.record_type = std::move(record_type);
  q.record_id = std::move(record_id);
  q.actor = std::move(actor);
  q.from = std::move(from);
  q.to = std::move(to);
  return q;
}

class Save : public BackendTest {
 protected:
  int64_t import_one(const core::Evaluation& e) {
    std::vector<std::unique_ptr<app::EvaluationSource>> sources;
    sources.push_back(std::make_unique<ListSource>("one.json", std::vector<core::Evaluation>{e}));
    const app::ImportSummary s = import_all(*ctx_, std::move(sources));
    EXPECT_EQ(s.ids.size(), 1u) << (s.files.empty() ? "" : s.files[0].error);
    return s.ids.empty() ? 0 : s.ids[0];
  }
};

TEST_P(Save, TheSecondOfTwoSavesFromTheSameVersionIsRefused) {
  const int64_t id = import_one(small_evaluation("共同编辑的项目", "单位甲", 2024));
  // Two people read version 1, each in their own session.
  auto alice = second_context("alice");
  auto bob = second_context("bob");
  Result<storage::StoredEvaluation> read_a = app::show_evaluation(*alice, id);
  Result<storage::StoredEvaluation> read_b = app::show_evaluation(*bob, id);
  ASSERT_TRUE(read_a.ok() && read_b.ok());
  ASSERT_EQ(read_a->header.version, 1);

  core::Evaluation a = read_a->evaluation;
  a.indicators[1].checked_score = 20;  // a reviewer's checked score
  a.indicators[1].deduction_reason = "佐证材料不全";
  Result<int64_t> saved = app::save_evaluation(*alice, id, 1, a, "alice.json");
  ASSERT_TRUE(saved.ok()) << saved.status().message();
  EXPECT_EQ(*saved, 2);

  core::Evaluation b = read_b->evaluation;
  b.indicators[2].actual_text = "200家";
  Result<int64_t> refused = app::save_evaluation(*bob, id, 1, b, "bob.json");
  ASSERT_FALSE(refused.ok());
  const std::string& m = refused.status().message();
  EXPECT_NE(m.find("保存冲突"), std::string::npos) << m;
  EXPECT_NE(m.find("#" + std::to_string(id)), std::string::npos) << m;
  EXPECT_NE(m.find("共同编辑的项目"), std::string::npos) << m;
  EXPECT_NE(m.find("第 1 版"), std::string::npos) << m;
  EXPECT_NE(m.find("第 2 版"), std::string::npos) << m;

  // Alice's save stands; Bob's changed nothing.
  Result<storage::StoredEvaluation> now = app::show_evaluation(*ctx_, id);
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(now->header.version, 2);
  EXPECT_EQ(now->evaluation.indicators[1].checked_score, 20);
  EXPECT_EQ(now->evaluation.indicators[1].deduction_reason, "佐证材料不全");
  EXPECT_EQ(now->evaluation.indicators[2].actual_text,
            read_a->evaluation.indicators[2].actual_text);
  EXPECT_EQ(rows(*db_.connection, "evaluation_indicators"), 4) << "no leftover rows of a save";

  // Bob reads again and saves on top of version 2.
  Result<int64_t> retried = app::save_evaluation(*bob, id, 2, b, "bob.json");
  ASSERT_TRUE(retried.ok()) << retried.status().message();
  EXPECT_EQ(*retried, 3);
}

TEST_P(Save, ASaveIsScoredAgainAndStoredWithItsResults) {
  const int64_t id = import_one(small_evaluation("项目", "单位甲", 2024));
  Result<storage::StoredEvaluation> before = app::show_evaluation(*ctx_, id);
  ASSERT_TRUE(before.ok());
  core::Evaluation e = before->evaluation;
  e.indicators[1].actual_text = "100家";  // 80 → 100 of ≥100: full marks
  e.indicators[1].actual = core::parse_value(e.indicators[1].actual_text);
  ASSERT_TRUE(app::save_evaluation(*ctx_, id, 1, e, "edit.json").ok());
  Result<storage::StoredEvaluation> after = app::show_evaluation(*ctx_, id);
  ASSERT_TRUE(after.ok());
  EXPECT_GT(after->results.total, before->results.total);
  EXPECT_EQ(after->results.nodes[1].score, 30);
  EXPECT_EQ(after->header.source, "edit.json");
}

TEST_P(Save, AMissingEvaluationOrAnotherYearIsRefused) {
  const int64_t id = import_one(small_evaluation("项目", "单位甲", 2024));
  Result<int64_t> missing =
      app::save_evaluation(*ctx_, id + 100, 1, small_evaluation("项目", "单位甲", 2024), "x");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("不存在"), std::string::npos);
  Result<int64_t> year =
      app::save_evaluation(*ctx_, id, 1, small_evaluation("项目", "单位甲", 2025), "x");
  ASSERT_FALSE(year.ok());
  EXPECT_NE(year.status().message().find("年度不能通过保存修改"), std::string::npos);
  EXPECT_EQ(app::show_evaluation(*ctx_, id)->header.version, 1);
}

TEST_P(Save, AKindTheProjectHasAlreadyIsRefused) {
  const int64_t self = import_one(small_evaluation("项目", "单位甲", 2024));
  core::Evaluation third = small_evaluation("项目", "单位甲", 2024);
  third.kind = core::EvaluationKind::third_party;
  const int64_t other = import_one(third);
  // The self-evaluation saved as a third-party one: the project has that already.
  Result<int64_t> refused = app::save_evaluation(*ctx_, self, 1, third, "x");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("已有第三方评价（评价 #" + std::to_string(other)),
            std::string::npos)
      << refused.status().message();
  EXPECT_EQ(app::show_evaluation(*ctx_, self)->header.version, 1);
  // A kind the project does not have yet is a change like any other.
  core::Evaluation finance = third;
  finance.kind = core::EvaluationKind::finance;
  Result<int64_t> saved = app::save_evaluation(*ctx_, self, 1, finance, "x");
  ASSERT_TRUE(saved.ok()) << saved.status().message();
}

TEST_P(Save, EveryChangeIsAuditedWithWhoWhenAndBeforeAndAfter) {
  clock_.set("2024-06-13T08:00:00Z");
  ASSERT_TRUE(app::add_unit(*ctx_, {"D01", "某主管部门", core::UnitKind::department, ""}).ok());
  clock_.set("2024-06-14T09:00:00Z");
  const int64_t id = import_one(small_evaluation("项目", "D01", 2024));
  auto reviewer = second_context("reviewer");
  clock_.set("2024-06-20T10:00:00Z");
  core::Evaluation e = app::show_evaluation(*reviewer, id)->evaluation;
  e.indicators[1].checked_score = 25;
  ASSERT_TRUE(app::save_evaluation(*reviewer, id, 1, e, "review.json").ok());

  // By record.
  const std::string record = std::to_string(id);
  Result<std::vector<storage::AuditEntry>> by_record =
      app::audit_entries(*ctx_, audit_query("evaluations", record, ""));
  ASSERT_TRUE(by_record.ok()) << by_record.status().message();
  ASSERT_EQ(by_record->size(), 2u);
  const storage::AuditEntry& created = (*by_record)[0];
  EXPECT_EQ(created.action, "create");
  EXPECT_EQ(created.actor, "tester");
  EXPECT_EQ(created.at, "2024-06-14T09:00:00Z");
  EXPECT_TRUE(created.before_json.empty());
  const auto after_create = nlohmann::json::parse(created.after_json);
  EXPECT_EQ(after_create["id"], id);
  EXPECT_EQ(after_create["version"], 1);
  const storage::AuditEntry& updated = (*by_record)[1];
  EXPECT_EQ(updated.action, "update");
  EXPECT_EQ(updated.actor, "reviewer");
  const auto before = nlohmann::json::parse(updated.before_json);
  const auto after = nlohmann::json::parse(updated.after_json);
  EXPECT_EQ(before["version"], 1);
  EXPECT_EQ(after["version"], 2);
  EXPECT_FALSE(before["evaluation"]["indicators"][0]["children"][0].contains("checked_score"));
  EXPECT_EQ(after["evaluation"]["indicators"][0]["children"][0]["checked_score"], 25);

  // By user.
  Result<std::vector<storage::AuditEntry>> by_user =
      app::audit_entries(*ctx_, audit_query("", "", "reviewer"));
  ASSERT_EQ(by_user->size(), 1u);
  EXPECT_EQ((*by_user)[0].record_id, record);
  // By time: [06-14, 06-20) holds the import's entries (project, evaluation).
  Result<std::vector<storage::AuditEntry>> by_time = app::audit_entries(
      *ctx_, audit_query("", "", "", "2024-06-14T00:00:00Z", "2024-06-20T00:00:00Z"));
  ASSERT_TRUE(by_time.ok());
  ASSERT_EQ(by_time->size(), 2u);
  EXPECT_EQ((*by_time)[0].record_type, "projects");
  EXPECT_EQ((*by_time)[1].record_type, "evaluations");
  // The unit's creation.
  Result<std::vector<storage::AuditEntry>> units =
      app::audit_entries(*ctx_, audit_query("units", "", ""));
  ASSERT_EQ(units->size(), 1u);
  EXPECT_EQ(nlohmann::json::parse((*units)[0].after_json)["code"], "D01");
}

TEST_P(Save, AFailedSaveLeavesNoAuditEntry) {
  const int64_t id = import_one(small_evaluation("项目", "单位甲", 2024));
  const int64_t entries = rows(*db_.connection, "audit_log");
  core::Evaluation e = app::show_evaluation(*ctx_, id)->evaluation;
  ASSERT_FALSE(app::save_evaluation(*ctx_, id, 7, e, "stale.json").ok());
  EXPECT_EQ(rows(*db_.connection, "audit_log"), entries);
}

JIXIAO_BACKENDS(Save);

}  // namespace
}  // namespace jixiao::test
