// Backup and restore on both backends, and across them: a SQLite backup
// restores into PostgreSQL and the other way round, with the same content.
#include <gtest/gtest.h>

#include <sstream>

#include "app/backup.h"
#include "app/evaluations.h"
#include "app/import.h"
#include "app/units.h"
#include "app/users.h"
#include "app/years.h"
#include "format/rule_set_json.h"
#include "storage/query.h"
#include "storage/users.h"
#include "test/app/test_sources.h"
#include "test/storage/backends.h"

namespace jixiao::test {
namespace {

class Backup : public BackendTest {
 protected:
  void fill() {
    ASSERT_TRUE(
        app::add_unit(*ctx_, {"F01", "某市财政局", core::UnitKind::finance_bureau, ""}).ok());
    ASSERT_TRUE(app::add_unit(*ctx_, {"D01", "某局", core::UnitKind::department, "F01"}).ok());
    ASSERT_TRUE(app::add_user(*ctx_, {"wang", "department", "D01"}, "a long password").ok());
    ASSERT_TRUE(
        app::add_rule_set(*ctx_, 2024, format::builtin_rule_set_json("bureau-example")).ok());
    std::vector<std::unique_ptr<app::EvaluationSource>> sources;
    for (const Example& e : examples()) sources.push_back(app::open_evaluation_source(e.path));
    const app::ImportSummary s = import_all(*ctx_, std::move(sources));
    ASSERT_EQ(s.refused_files(), 0u);
    core::Evaluation e = app::show_evaluation(*ctx_, s.ids[2])->evaluation;
    e.indicators.back().checked_score = 9;
    ASSERT_TRUE(app::save_evaluation(*ctx_, s.ids[2], 1, e, "review.json").ok());
  }

  // A fresh database of `backend` with a context; skipped or failed like SetUp.
  struct Target {
    app::OpenDatabase db;
    std::unique_ptr<app::Context> ctx;
  };
  std::optional<Target> target(Backend backend) {
    Result<std::string> url = fresh_database(backend);
    if (!url.ok()) return std::nullopt;
    Result<app::OpenDatabase> db = app::open_database(*url, true, clock_);
    EXPECT_TRUE(db.ok()) << db.status().message();
    Target t{std::move(*db), nullptr};
    t.ctx = std::make_unique<app::Context>(app::Context{*t.db.connection, clock_, "restorer"});
    return t;
  }

  std::string exported(app::Context& ctx) {
    std::string out;
    EXPECT_TRUE(app::export_evaluations(ctx, {}, [&](std::string_view line) {
                  out.append(line).append("\n");
                  return Status();
                }).ok());
    return out;
  }

  std::string backup_text() {
    std::stringstream out;
    Result<storage::BackupInfo> info = app::backup_database(*ctx_, out);
    EXPECT_TRUE(info.ok()) << info.status().message();
    return out.str();
  }
};

TEST_P(Backup, RestoresIntoTheOtherBackendWithTheSameContent) {
  fill();
  const std::string text = backup_text();
  for (Backend other : {Backend::sqlite, Backend::postgres}) {
    SCOPED_TRACE(other == Backend::sqlite ? "into sqlite" : "into postgres");
    std::optional<Target> t = target(other);
    if (!t) {
      if (running_in_ci()) FAIL() << "PostgreSQL unavailable under CI";
      continue;
    }
    std::istringstream in(text);
    Result<storage::BackupInfo> info = app::restore_database(*t->ctx, in, "backup.jsonl");
    ASSERT_TRUE(info.ok()) << info.status().message();
    EXPECT_EQ(info->source, GetParam() == Backend::sqlite ? "sqlite" : "postgres");
    EXPECT_EQ(exported(*t->ctx), exported(*ctx_));
    // Results, versions, users, audit: as they were.
    Result<std::vector<storage::EvaluationHeader>> a = app::list_evaluations(*ctx_, {});
    Result<std::vector<storage::EvaluationHeader>> b = app::list_evaluations(*t->ctx, {});
    ASSERT_EQ(a->size(), b->size());
    for (size_t k = 0; k < a->size(); ++k) {
      EXPECT_EQ((*a)[k].id, (*b)[k].id);
      EXPECT_EQ((*a)[k].total, (*b)[k].total);
      EXPECT_EQ((*a)[k].version, (*b)[k].version);
      EXPECT_EQ((*a)[k].unit_code, (*b)[k].unit_code);
    }
    Result<std::optional<storage::UserRecord>> user = storage::find_user(*t->db.connection, "wang");
    ASSERT_TRUE(user.ok() && *user);
    EXPECT_TRUE(app::verify_password((*user)->password_hash, "a long password"));
    for (const char* table : {"evaluation_indicators", "evaluation_findings", "audit_log",
                              "rule_sets", "units", "projects"}) {
      const int64_t extra = std::string(table) == "audit_log" ? 1 : 0;  // the restore itself
      EXPECT_EQ(rows(*t->db.connection, table), rows(*db_.connection, table) + extra) << table;
    }
    // New records get new ids after the restored ones.
    Result<int64_t> unit =
        app::add_unit(*t->ctx, {"B09", "新单位", core::UnitKind::budget_unit, "D01"});
    ASSERT_TRUE(unit.ok()) << unit.status().message();
    EXPECT_GT(*unit, 2);
    // A second restore into the same database is refused: it is not empty.
    std::istringstream again(text);
    Result<storage::BackupInfo> refused = app::restore_database(*t->ctx, again, "backup.jsonl");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.status().message().find("不是空的"), std::string::npos);
  }
}

TEST_P(Backup, ABrokenBackupRestoresNothing) {
  fill();
  const std::string text = backup_text();
  const auto refused = [&](const std::string& content, const std::string& words) {
    std::optional<Target> t = target(GetParam());
    ASSERT_TRUE(t);
    std::istringstream in(content);
    Result<storage::BackupInfo> r = app::restore_database(*t->ctx, in, "b.jsonl");
    ASSERT_FALSE(r.ok()) << words;
    EXPECT_NE(r.status().message().find(words), std::string::npos) << r.status().message();
    std::string table;
    Result<bool> empty = storage::database_is_empty(*t->db.connection, table);
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(*empty) << "table " << table << " has rows after a refused restore";
  };
  // Truncated: the end line is missing (and rows of several tables came before).
  const size_t cut = text.rfind("{\"end\"");
  refused(text.substr(0, cut), "缺少结束行");
  // A row late in the file that breaks a foreign key: the rows before it go too.
  std::string orphan = text;
  const size_t findings = orphan.find("{\"table\":\"evaluation_findings\"");
  const size_t row = orphan.find("\n[", findings) + 2;
  orphan.replace(row, orphan.find(',', row) - row, "424242");
  refused(orphan, "数据库错误");
  std::string unit_bad = text;
  unit_bad.replace(unit_bad.find("{\"table\":\"units\""), 16, "{\"table\":\"unitz\"");
  refused(unit_bad, "未知的表「unitz」");
  std::string column_bad = text;
  const size_t columns = column_bad.find("\"code\"", column_bad.find("{\"table\":\"units\""));
  column_bad.replace(columns, 6, "\"c;de\"");
  refused(column_bad, "没有列「c;de」");
  std::string newer = text;
  const size_t version = newer.find("\"schema_version\":") + 17;
  newer.replace(version, newer.find_first_not_of("0123456789", version) - version, "7");
  refused(newer, "备份的架构版本为 7");
  refused("not json\n", "第 1 行");
  std::string wrong_count = text;
  wrong_count.replace(wrong_count.find("\"rows\":", cut), 7, "\"rows\":1");
  refused(wrong_count, "行数");
}

JIXIAO_BACKENDS(Backup);

}  // namespace
}  // namespace jixiao::test
