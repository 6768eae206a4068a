#include "storage/postgres/postgres_database.h"
#include "storage/query.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

namespace jixiao::storage::postgres {

std::string rewrite_placeholders(std::string_view sql, int& count) {
  std::string out;
  out.reserve(sql.size() + 16);
  count = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {  // a literal or a quoted name: copy to its end
      const size_t end = sql.find(c, i + 1);
      const size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const size_t end = sql.find('\n', i);
      const size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++count);
    } else {
      out += c;
    }
  }
  return out;
}

std::string redact_url(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  const size_t at = url.find('@', scheme + 3);
  const size_t slash = url.find('/', scheme + 3);
  if (at == std::string_view::npos || (slash != std::string_view::npos && slash < at)) {
    return std::string(url);
  }
  const size_t colon = url.find(':', scheme + 3);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

namespace {

constexpr unsigned kInt8 = 20, kInt2 = 21, kInt4 = 23, kBool = 16, kFloat4 = 700, kFloat8 = 701,
                   kNumeric = 1700;
// Any constant: schema changes of jixiao serialize on this advisory lock.
constexpr long long kSchemaLock = 0x6a6978696f;  // "jixio"

class PostgresConnection;

class PostgresStatement final : public Statement {
 public:
  PostgresStatement(PostgresConnection& connection, std::string name, int parameters)
      : connection_(connection),
        name_(std::move(name)),
        values_(parameters),
        null_(parameters, true) {}
  ~PostgresStatement() override { clear(); }

  Statement& bind_null(int index) override {
    if (valid(index)) null_[index - 1] = true;
    return *this;
  }
  Statement& bind(int index, int64_t value) override {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, value);
    return set(index, std::string_view(buf, r.ptr - buf));
  }
  Statement& bind(int index, double value) override {
    // The shortest text that reads back as the same double.
    return set(index, fmt::format("{}", value));
  }
  Statement& bind(int index, std::string_view value) override { return set(index, value); }
  using Statement::bind;

  Status run() override;
  Result<bool> next() override;
  int64_t changes() const override { return changes_; }

  int column_count() const override { return result_ ? PQnfields(result_) : 0; }
  std::string column_name(int column) const override {
    const char* name = result_ ? PQfname(result_, column) : nullptr;
    return name ? name : "";
  }
  ColumnType column_type(int column) const override {
    if (is_null(column)) return ColumnType::null;
    switch (PQftype(result_, column)) {
      case kInt8:
      case kInt2:
      case kInt4:
      case kBool:
        return ColumnType::integer;
      case kFloat4:
      case kFloat8:
      case kNumeric:
        return ColumnType::real;
      default:
        return ColumnType::text;
    }
  }
  bool is_null(int column) const override {
    return result_ == nullptr || PQgetisnull(result_, row_, column);
  }
  int64_t get_int(int column) const override {
    const std::string_view text = get_text(column);
    if (text == "t") return 1;
    int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
  }
  double get_double(int column) const override {
    if (is_null(column)) return 0;
    return std::strtod(PQgetvalue(result_, row_, column), nullptr);
  }
  std::string_view get_text(int column) const override {
    if (is_null(column)) return {};
    return {PQgetvalue(result_, row_, column),
            static_cast<size_t>(PQgetlength(result_, row_, column))};
  }

 private:
  bool valid(int index) const { return index >= 1 && index <= static_cast<int>(values_.size()); }
  Statement& set(int index, std::string_view value) {
    if (valid(index)) {
      values_[index - 1].assign(value);
      null_[index - 1] = false;
    }
    clear();
    return *this;
  }
  void clear() {
    if (result_) PQclear(result_);
    result_ = nullptr;
    row_ = -1;
  }
  // Executes the prepared statement; on success result_ holds the result.
  Status execute();

  PostgresConnection& connection_;
  std::string name_;
  std::vector<std::string> values_;
  std::vector<bool> null_;
  PGresult* result_ = nullptr;
  int row_ = -1;  // -1: not started
  int64_t changes_ = 0;
};

class PostgresConnection final : public Connection {
 public:
  PostgresConnection(PGconn* conn, std::string described)
      : conn_(conn), described_(std::move(described)) {}
  ~PostgresConnection() override {
    statements_.clear();
    PQfinish(conn_);
  }
  Dialect dialect() const override { return Dialect::postgres; }
  PGconn* native() { return conn_; }

  Result<Statement*> prepare(std::string_view sql) override {
    auto it = statements_.find(std::string(sql));
    if (it != statements_.end()) return static_cast<Statement*>(it->second.get());
    int parameters = 0;
    const std::string text = rewrite_placeholders(sql, parameters);
    const std::string name = "s" + std::to_string(statements_.size() + 1);
    PGresult* r = PQprepare(conn_, name.c_str(), text.c_str(), parameters, nullptr);
    Status s = check(r, "准备语句");
    PQclear(r);
    if (!s.ok()) return s;
    auto owned = std::make_unique<PostgresStatement>(*this, name, parameters);
    Statement* ptr = owned.get();
    statements_.emplace(std::string(sql), std::move(owned));
    return ptr;
  }

  Status execute_script(std::string_view sql) override {
    PGresult* r = PQexec(conn_, std::string(sql).c_str());
    Status s = check(r, "执行");
    PQclear(r);
    return s;
  }

  Status begin_write() override { return execute_script("BEGIN ISOLATION LEVEL READ COMMITTED"); }
  Status begin_read() override {
    return execute_script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }
  Status begin_schema_change() override {
    Status s = begin_write();
    if (!s.ok()) return s;
    s = execute_script("SELECT pg_advisory_xact_lock(" + std::to_string(kSchemaLock) + ")");
    if (!s.ok()) rollback();
    return s;
  }
  Status commit() override { return execute_script("COMMIT"); }
  Status rollback() override {
    if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return Status();
    return execute_script("ROLLBACK");
  }
  bool in_transaction() const override { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }
  Status reset_id_sequence(std::string_view table) override {
    for (char c : table) {
      if (!(c >= 'a' && c <= 'z') && c != '_') return Status::error("内部错误：表名无效");
    }
    const std::string t(table);
    return execute_script("SELECT setval(pg_get_serial_sequence('" + t +
                          "', 'id'), COALESCE((SELECT MAX(id) FROM " + t + "), 0) + 1, false)");
  }
  Result<std::vector<int64_t>> reserve_ids(std::string_view table, int count) override {
    Result<Statement*> st =
        prepare("SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)");
    if (!st.ok()) return st.status();
    (*st)->bind(1, table).bind(2, count);
    std::vector<int64_t> ids;
    for (;;) {
      Result<bool> row = (*st)->next();
      if (!row.ok()) return row.status();
      if (!*row) return ids;
      ids.push_back((*st)->get_int(0));
    }
  }
  Result<std::vector<std::string>> table_columns(std::string_view table) override {
    std::vector<std::string> out;
    Status s = query(
        *this,
        "SELECT column_name FROM information_schema.columns WHERE table_schema = "
        "current_schema() AND table_name = ? ORDER BY ordinal_position",
        [&](Statement& st) { out.push_back(st.get_string(0)); }, table);
    if (!s.ok()) return s;
    return out;
  }
  int max_parameters() const override { return 65535; }
  ErrorKind last_error_kind() const override { return last_error_; }

  // Ok for a successful result, else the error (remembering its kind).
  Status check(PGresult* r, std::string_view what) {
    const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
      last_error_ = ErrorKind::none;
      return Status();
    }
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    const std::string_view code = state ? state : "";
    last_error_ = code.starts_with("23")                                  ? ErrorKind::constraint
                  : code == "40001" || code == "40P01" || code == "55P03" ? ErrorKind::busy
                                                                          : ErrorKind::other;
    const char* primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string message = primary ? primary : PQerrorMessage(conn_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    if (last_error_ == ErrorKind::busy) {
      return Status::error("数据库正忙（并发冲突，PostgreSQL " + std::string(code) +
                           "）：请稍后重试");
    }
    return Status::error("数据库错误（PostgreSQL，" + std::string(what) + "）：" + message);
  }

 private:
  PGconn* conn_;
  std::string described_;
  std::unordered_map<std::string, std::unique_ptr<PostgresStatement>> statements_;
  ErrorKind last_error_ = ErrorKind::none;
};

Status PostgresStatement::execute() {
  clear();
  std::vector<const char*> params(values_.size());
  for (size_t i = 0; i < values_.size(); ++i) params[i] = null_[i] ? nullptr : values_[i].c_str();
  PGresult* r = PQexecPrepared(connection_.native(), name_.c_str(), static_cast<int>(params.size()),
                               params.data(), nullptr, nullptr, 0);
  Status s = connection_.check(r, "执行");
  if (!s.ok()) {
    PQclear(r);
    return s;
  }
  result_ = r;
  const char* tuples = PQcmdTuples(r);
  changes_ = (tuples && *tuples) ? std::strtoll(tuples, nullptr, 10) : 0;
  return s;
}

Status PostgresStatement::run() {
  Status s = execute();
  clear();
  return s;
}

Result<bool> PostgresStatement::next() {
  if (row_ < 0 || result_ == nullptr) {
    Status s = execute();
    if (!s.ok()) return s;
  }
  ++row_;
  if (row_ < PQntuples(result_)) return true;
  clear();
  return false;
}

void ignore_notice(void*, const char*) {}

class PostgresDatabase final : public Database {
 public:
  explicit PostgresDatabase(std::string url) : url_(std::move(url)) {}
  Dialect dialect() const override { return Dialect::postgres; }
  std::string describe() const override { return redact_url(url_); }

  Result<std::unique_ptr<Connection>> connect() override {
    PGconn* conn = PQconnectdb(url_.c_str());
    if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
      std::string message = conn ? PQerrorMessage(conn) : "内存不足";
      while (!message.empty() && message.back() == '\n') message.pop_back();
      PQfinish(conn);
      return Status::error("无法连接 PostgreSQL 数据库 " + describe() + "：" + message);
    }
    PQsetNoticeProcessor(conn, ignore_notice, nullptr);
    auto connection = std::make_unique<PostgresConnection>(conn, describe());
    Status s = connection->execute_script(
        "SET client_encoding = 'UTF8'; SET application_name = 'jixiao'; "
        "SET extra_float_digits = 3");
    if (!s.ok()) return s;
    return std::unique_ptr<Connection>(std::move(connection));
  }

 private:
  std::string url_;
};

}  // namespace

Result<std::unique_ptr<Database>> open(std::string_view url) {
  return std::unique_ptr<Database>(std::make_unique<PostgresDatabase>(std::string(url)));
}

}  // namespace jixiao::storage::postgres
