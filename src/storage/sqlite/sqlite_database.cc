#include "storage/sqlite/sqlite_database.h"
#include "storage/query.h"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <unordered_map>

namespace jixiao::storage::sqlite {
namespace {

class SqliteConnection;

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(SqliteConnection& connection, sqlite3_stmt* stmt)
      : connection_(connection), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  Statement& bind_null(int index) override {
    ready();
    sqlite3_bind_null(stmt_, index);
    return *this;
  }
  Statement& bind(int index, int64_t value) override {
    ready();
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
  }
  Statement& bind(int index, double value) override {
    ready();
    sqlite3_bind_double(stmt_, index, value);
    return *this;
  }
  Statement& bind(int index, std::string_view value) override {
    ready();
    sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
  }
  Statement& bind_unowned(int index, std::string_view value) override {
    ready();
    sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_STATIC, SQLITE_UTF8);
    return *this;
  }
  using Statement::bind;

  Status run() override;
  Result<bool> next() override;
  int64_t changes() const override { return changes_; }

  int column_count() const override { return sqlite3_column_count(stmt_); }
  std::string column_name(int column) const override {
    const char* name = sqlite3_column_name(stmt_, column);
    return name ? name : "";
  }
  ColumnType column_type(int column) const override {
    switch (sqlite3_column_type(stmt_, column)) {
      case SQLITE_INTEGER:
        return ColumnType::integer;
      case SQLITE_FLOAT:
        return ColumnType::real;
      case SQLITE_NULL:
        return ColumnType::null;
      default:
        return ColumnType::text;
    }
  }
  bool is_null(int column) const override {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }
  int64_t get_int(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double get_double(int column) const override { return sqlite3_column_double(stmt_, column); }
  std::string_view get_text(int column) const override {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (text == nullptr) return {};
    return {text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
  }

 private:
  // Binding after a step needs a reset first (bindings are kept).
  void ready() {
    if (active_) {
      sqlite3_reset(stmt_);
      active_ = false;
    }
  }

  SqliteConnection& connection_;
  sqlite3_stmt* stmt_;
  bool active_ = false;  // stepped since the last reset
  int64_t changes_ = 0;
};

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    statements_.clear();  // finalize before closing
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::sqlite; }

  Result<Statement*> prepare(std::string_view sql) override {
    auto it = statements_.find(std::string(sql));
    if (it != statements_.end()) return static_cast<Statement*>(it->second.get());
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return failure(rc, "准备语句");
    auto owned = std::make_unique<SqliteStatement>(*this, stmt);
    Statement* ptr = owned.get();
    statements_.emplace(std::string(sql), std::move(owned));
    return ptr;
  }

  Status execute_script(std::string_view sql) override {
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
    return rc == SQLITE_OK ? ok() : failure(rc, "执行");
  }

  Status begin_write() override {
    reserved_.clear();
    return execute_script("BEGIN IMMEDIATE");
  }
  Status begin_read() override { return execute_script("BEGIN"); }
  Status begin_schema_change() override { return begin_write(); }
  Status commit() override { return execute_script("COMMIT"); }
  Status rollback() override {
    if (sqlite3_get_autocommit(db_)) return Status();
    return execute_script("ROLLBACK");
  }
  bool in_transaction() const override { return !sqlite3_get_autocommit(db_); }
  // The write lock is ours for the whole transaction: ids above both the
  // table's largest and those handed out earlier in it are free.
  Result<std::vector<int64_t>> reserve_ids(std::string_view table, int count) override {
    if (sqlite3_get_autocommit(db_)) return Status::error("内部错误：预留编号需要写事务");
    for (char ch : table) {
      if (!(ch >= 'a' && ch <= 'z') && ch != '_') return Status::error("内部错误：表名无效");
    }
    Result<Statement*> st = prepare("SELECT COALESCE(MAX(id), 0) FROM " + std::string(table));
    if (!st.ok()) return st.status();
    int64_t max = 0;
    for (;;) {
      Result<bool> row = (*st)->next();
      if (!row.ok()) return row.status();
      if (!*row) break;
      max = (*st)->get_int(0);
    }
    int64_t& last = reserved_[std::string(table)];
    int64_t next = std::max(max, last) + 1;
    std::vector<int64_t> ids;
    for (int i = 0; i < count; ++i) ids.push_back(next++);
    last = next - 1;
    return ids;
  }
  Status reset_id_sequence(std::string_view) override { return Status(); }
  Result<std::vector<std::string>> table_columns(std::string_view table) override {
    std::vector<std::string> out;
    Status s = query(
        *this, "SELECT name FROM pragma_table_info(?) ORDER BY cid",
        [&](Statement& st) { out.push_back(st.get_string(0)); }, table);
    if (!s.ok()) return s;
    return out;
  }
  int max_parameters() const override {
    return sqlite3_limit(db_, SQLITE_LIMIT_VARIABLE_NUMBER, -1);
  }
  ErrorKind last_error_kind() const override { return last_error_; }

  Status ok() {
    last_error_ = ErrorKind::none;
    return Status();
  }

  // The Status for a failed call; remembers its kind.
  Status failure(int rc, std::string_view what) {
    const int primary = rc & 0xff;
    last_error_ = primary == SQLITE_CONSTRAINT                         ? ErrorKind::constraint
                  : primary == SQLITE_BUSY || primary == SQLITE_LOCKED ? ErrorKind::busy
                                                                       : ErrorKind::other;
    if (last_error_ == ErrorKind::busy) {
      return Status::error("数据库正忙：另一个进程正在写入且超过 " +
                           std::to_string(kBusyTimeoutMs / 1000) + " 秒未结束，请稍后重试");
    }
    return Status::error("数据库错误（SQLite，" + std::string(what) + "）：" + sqlite3_errmsg(db_));
  }

 private:
  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> statements_;
  std::unordered_map<std::string, int64_t> reserved_;  // in this write transaction
  ErrorKind last_error_ = ErrorKind::none;
};

Status SqliteStatement::run() {
  sqlite3_reset(stmt_);
  active_ = true;
  for (;;) {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) continue;
    if (rc == SQLITE_DONE) break;
    Status s = connection_.failure(rc, "执行");
    sqlite3_reset(stmt_);
    active_ = false;
    return s;
  }
  changes_ = sqlite3_changes64(sqlite3_db_handle(stmt_));
  sqlite3_reset(stmt_);
  active_ = false;
  return connection_.ok();
}

Result<bool> SqliteStatement::next() {
  if (!active_) {
    sqlite3_reset(stmt_);
    active_ = true;
  }
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  Status s = rc == SQLITE_DONE ? connection_.ok() : connection_.failure(rc, "查询");
  sqlite3_reset(stmt_);
  active_ = false;
  if (!s.ok()) return s;
  return false;
}

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, bool create) : path_(std::move(path)), create_(create) {}
  Dialect dialect() const override { return Dialect::sqlite; }
  std::string describe() const override { return path_; }

  Result<std::unique_ptr<Connection>> connect() override {
    std::error_code ec;
    if (!create_ && !std::filesystem::exists(path_, ec)) {
      return Status::error("数据库文件 " + path_ + " 不存在（请先运行 jixiao init 创建）");
    }
    sqlite3* db = nullptr;
    const int flags =
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create_ ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path_.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
      sqlite3_close_v2(db);
      return Status::error("无法打开数据库文件 " + path_ + "：" + message);
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    auto connection = std::make_unique<SqliteConnection>(db);
    // WAL first: it needs no transaction open. 64 MiB of page cache keeps a
    // bulk import's indexes in memory.
    Status s = connection->execute_script(
        "PRAGMA page_size=8192; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA "
        "foreign_keys=ON; "
        "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;");
    if (!s.ok()) return s.within("数据库文件 " + path_ + "：");
    return std::unique_ptr<Connection>(std::move(connection));
  }

 private:
  std::string path_;
  bool create_;
};

}  // namespace

Result<std::unique_ptr<Database>> open(std::string_view path, bool create) {
  return std::unique_ptr<Database>(std::make_unique<SqliteDatabase>(std::string(path), create));
}

}  // namespace jixiao::storage::sqlite
