// Schema migrations on both backends: from empty, re-run, a changed
// checksum, a database newer than the binary, and the SQLite settings.
#include <gtest/gtest.h>

#include <cstdio>

#include "app/import.h"
#include "storage/evaluations.h"
#include "storage/migrations.h"
#include "storage/query.h"
#include "test/app/test_sources.h"
#include "test/storage/backends.h"

namespace jixiao::test {
namespace {

using storage::Migration;

class Migrations : public BackendTest {
 protected:
  bool start_empty() const override { return true; }
  int64_t count(const std::string& sql) {
    Result<std::optional<int64_t>> n = storage::query_int(*db_.connection, sql);
    EXPECT_TRUE(n.ok()) << n.status().message();
    return n.ok() ? n->value_or(-1) : -1;
  }
};

TEST_P(Migrations, FromEmptyCreatesEveryTableAndRecordsTheChecksums) {
  // SetUp opened a fresh database: every embedded migration was applied.
  EXPECT_EQ(db_.migrations.from_version, 0);
  EXPECT_EQ(db_.migrations.to_version, storage::latest_schema_version());
  EXPECT_EQ(db_.migrations.applied.size(), storage::embedded_migrations().size());
  for (const char* table :
       {"units", "users", "roles", "sessions", "rule_sets", "frameworks", "library_indicators",
        "projects", "goals", "monitoring_reports", "evaluations", "evaluation_indicators",
        "expert_scores", "attachments", "workflow_transitions", "audit_log"}) {
    Result<std::vector<std::string>> columns = db_.connection->table_columns(table);
    ASSERT_TRUE(columns.ok());
    EXPECT_FALSE(columns->empty()) << table;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM roles"), 7);
  const auto first = storage::embedded_migrations().front();
  Result<storage::Statement*> st =
      db_.connection->prepare("SELECT checksum FROM schema_migrations WHERE version = 1");
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(*(*st)->next());
  EXPECT_EQ((*st)->get_string(0), storage::sha256_hex(first.sql));
  EXPECT_FALSE(*(*st)->next());
}

TEST_P(Migrations, RunningAgainChangesNothing) {
  clock_.set("2024-07-01T00:00:00Z");
  Result<storage::MigrationReport> again = storage::migrate(*db_.connection, clock_.now());
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_TRUE(again->applied.empty());
  EXPECT_EQ(again->from_version, storage::latest_schema_version());
  EXPECT_EQ(count("SELECT COUNT(*) FROM schema_migrations"),
            static_cast<int64_t>(storage::embedded_migrations().size()));
  EXPECT_EQ(count("SELECT COUNT(*) FROM schema_migrations WHERE applied_at = "
                  "'2024-07-01T00:00:00Z'"),
            0);
}

TEST_P(Migrations, AChangedMigrationIsRefused) {
  // The same migrations, but the first one's text edited after it was applied.
  std::vector<Migration> edited(storage::embedded_migrations().begin(),
                                storage::embedded_migrations().end());
  const std::string text = std::string(edited[0].sql) + "\n-- an innocent-looking edit\n";
  edited[0].sql = text;
  Result<storage::MigrationReport> r = storage::migrate(*db_.connection, clock_.now(), edited);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("0001_initial"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("校验和"), std::string::npos) << r.status().message();

  // A record tampered in the database is refused the same way by the binary.
  ASSERT_TRUE(storage::execute(*db_.connection,
                               "UPDATE schema_migrations SET checksum = 'abc' WHERE version = 1")
                  .ok());
  Result<app::OpenDatabase> reopened = app::open_database(url_, false, clock_);
  ASSERT_FALSE(reopened.ok());
  EXPECT_NE(reopened.status().message().find("校验和"), std::string::npos);
}

TEST_P(Migrations, ANewerDatabaseIsRefused) {
  ASSERT_TRUE(storage::execute(*db_.connection,
                               "INSERT INTO schema_migrations (version, name, checksum, "
                               "applied_at) VALUES (999, 'future', 'x', 'now')")
                  .ok());
  Result<app::OpenDatabase> reopened = app::open_database(url_, false, clock_);
  ASSERT_FALSE(reopened.ok());
  EXPECT_NE(reopened.status().message().find("999"), std::string::npos)
      << reopened.status().message();
  EXPECT_NE(reopened.status().message().find("更新版本的 jixiao"), std::string::npos);
}

TEST_P(Migrations, PendingMigrationsApplyInOneTransaction) {
  // A further migration that fails half-way leaves the schema where it was.
  std::vector<Migration> more(storage::embedded_migrations().begin(),
                              storage::embedded_migrations().end());
  const int latest = more.back().version;
  const int next = latest + 1;
  char label[32];
  std::snprintf(label, sizeof label, "%04d_broken", next);
  more.push_back(
      {next, "broken", "CREATE TABLE extra (id INTEGER); CREATE TABLE extra (id INTEGER);"});
  Result<storage::MigrationReport> r = storage::migrate(*db_.connection, clock_.now(), more);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find(label), std::string::npos) << r.status().message();
  Result<std::vector<std::string>> extra = db_.connection->table_columns("extra");
  ASSERT_TRUE(extra.ok());
  EXPECT_TRUE(extra->empty()) << "the failed migration's first table must be rolled back";
  EXPECT_EQ(*storage::schema_version(*db_.connection), latest);

  more.back() = {next, "extra", "CREATE TABLE extra (id INTEGER);"};
  r = storage::migrate(*db_.connection, clock_.now(), more);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->applied, std::vector<int>{next});
  EXPECT_EQ(*storage::schema_version(*db_.connection), next);
}

// A database written by schema version 1 keeps its experts' scores through
// migration 0002 (which rebuilds expert_scores on SQLite), and takes recusals after it.
TEST_P(Migrations, ExpertScoresSurviveTheRecusalMigration) {
  Result<std::string> url = fresh_database(GetParam(), /*migrated=*/false);
  ASSERT_TRUE(url.ok()) << url.status().message();
  Result<std::unique_ptr<storage::Database>> db = storage::open_database(*url, {.create = true});
  ASSERT_TRUE(db.ok()) << db.status().message();
  Result<std::unique_ptr<storage::Connection>> c = (*db)->connect();
  ASSERT_TRUE(c.ok()) << c.status().message();
  storage::Connection& conn = **c;
  const std::span<const Migration> all = storage::embedded_migrations();
  ASSERT_GE(all.size(), 2u);
  ASSERT_EQ(all[1].version, 2);
  ASSERT_TRUE(storage::migrate(conn, clock_.now(), all.first(1)).ok());

  app::Context ctx{conn, clock_, "tester"};
  const auto import_one = [&](const core::Evaluation& e) {
    std::vector<std::unique_ptr<app::EvaluationSource>> sources;
    sources.push_back(std::make_unique<ListSource>("e.jsonl", std::vector<core::Evaluation>{e}));
    return import_all(ctx, std::move(sources));
  };
  core::Evaluation scored = small_evaluation("评分项目", "甲单位", 2024);
  scored.experts = {"甲", "乙"};
  scored.indicators[1].expert_scores = {20, 25.5};
  app::ImportSummary summary = import_one(scored);
  ASSERT_EQ(summary.ids.size(), 1u) << summary.files[0].error;
  // Version 1 has no room for a recusal.
  core::Evaluation recused = small_evaluation("回避项目", "甲单位", 2024);
  recused.experts = {"甲", "乙"};
  recused.indicators[1].expert_scores = {std::nullopt, 25};
  EXPECT_EQ(import_one(recused).refused_files(), 1u);

  ASSERT_TRUE(storage::migrate(conn, clock_.now(), all).ok());
  EXPECT_EQ(*storage::schema_version(conn), storage::latest_schema_version());
  Result<std::optional<storage::StoredEvaluation>> back =
      storage::load_evaluation(conn, summary.ids[0]);
  ASSERT_TRUE(back.ok() && *back);
  EXPECT_EQ((*back)->evaluation.indicators[1].expert_scores, scored.indicators[1].expert_scores);
  summary = import_one(recused);
  ASSERT_EQ(summary.ids.size(), 1u) << summary.files[0].error;
  back = storage::load_evaluation(conn, summary.ids[0]);
  ASSERT_TRUE(back.ok() && *back);
  EXPECT_EQ((*back)->evaluation.indicators[1].expert_scores, recused.indicators[1].expert_scores);
}

TEST_P(Migrations, TheAuditLogIsAppendOnly) {
  ASSERT_TRUE(storage::execute(*db_.connection,
                               "INSERT INTO audit_log (at, actor, action, record_type, "
                               "record_id) VALUES ('t', 'a', 'create', 'units', '1')")
                  .ok());
  Status update = storage::execute(*db_.connection, "UPDATE audit_log SET actor = 'b'");
  EXPECT_FALSE(update.ok());
  EXPECT_NE(update.message().find("审计日志只能追加"), std::string::npos) << update.message();
  Status del = storage::execute(*db_.connection, "DELETE FROM audit_log");
  EXPECT_FALSE(del.ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE actor = 'a'"), 1);
}

JIXIAO_BACKENDS(Migrations);

TEST(SqliteSettings, WalForeignKeysAndABusyTimeout) {
  app::FixedClock clock("2024-06-13T08:00:00Z");
  Result<app::OpenDatabase> db = app::open_database(temp_path("settings.db"), true, clock);
  ASSERT_TRUE(db.ok()) << db.status().message();
  storage::Connection& c = *db->connection;
  const auto count = [&](const char* sql) { return storage::query_int(c, sql)->value_or(-1); };
  Result<storage::Statement*> st = c.prepare("PRAGMA journal_mode");
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(*(*st)->next());
  EXPECT_EQ((*st)->get_string(0), "wal");
  while (*(*st)->next()) {
  }
  EXPECT_EQ(count("PRAGMA foreign_keys"), 1);
  EXPECT_EQ(count("PRAGMA busy_timeout"), 30000);
  // Foreign keys are enforced.
  Status orphan = storage::execute(c,
                                   "INSERT INTO units (code, name, kind, parent_id, created_at, "
                                   "updated_at) VALUES ('x', 'x', 'department', 999, 't', 't')");
  EXPECT_FALSE(orphan.ok());
  EXPECT_EQ(c.last_error_kind(), storage::ErrorKind::constraint);
}

}  // namespace
}  // namespace jixiao::test
