#include "storage/database.h"

#include "storage/postgres/postgres_database.h"
#include "storage/sqlite/sqlite_database.h"

namespace jixiao::storage {

std::string_view dialect_name(Dialect dialect) {
  return dialect == Dialect::sqlite ? "sqlite" : "postgres";
}

bool is_postgres_url(std::string_view name) {
  return name.starts_with("postgresql://") || name.starts_with("postgres://");
}

Result<std::unique_ptr<Database>> open_database(std::string_view name, const OpenOptions& options) {
  if (name.empty()) return Status::error("未指定数据库（--db 文件路径或 postgresql:// 地址）");
  if (is_postgres_url(name)) return postgres::open(name);
  return sqlite::open(name, options.create);
}

Transaction::~Transaction() {
  abandon();
}

Status Transaction::started(Status s) {
  open_ = s.ok();
  return s;
}

Status Transaction::begin_write() {
  joined_ = connection_.in_transaction();
  return joined_ ? Status() : started(connection_.begin_write());
}
Status Transaction::begin_read() {
  joined_ = connection_.in_transaction();
  return joined_ ? Status() : started(connection_.begin_read());
}
Status Transaction::begin_schema_change() {
  joined_ = connection_.in_transaction();
  return joined_ ? Status() : started(connection_.begin_schema_change());
}

Status Transaction::commit() {
  if (joined_) return Status();
  if (!open_) return Status::error("内部错误：事务未开始");
  open_ = false;
  Status s = connection_.commit();
  if (!s.ok()) connection_.rollback();
  return s;
}

void Transaction::abandon() {
  if (!open_) return;
  open_ = false;
  connection_.rollback();
}

}  // namespace jixiao::storage
