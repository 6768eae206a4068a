#include "app/database.h"

#include <cstdlib>

namespace jixiao::app {

std::string default_database_name() {
  const char* env = std::getenv("JIXIAO_DB");
  return env && *env ? env : "jixiao.db";
}

Result<OpenDatabase> open_database(std::string_view name, bool create, const Clock& clock) {
  OpenDatabase out;
  Result<std::unique_ptr<storage::Database>> db = storage::open_database(name, {.create = create});
  if (!db.ok()) return db.status();
  out.database = std::move(*db);
  Result<std::unique_ptr<storage::Connection>> c = out.database->connect();
  if (!c.ok()) return c.status();
  out.connection = std::move(*c);
  Result<storage::MigrationReport> report = storage::migrate(*out.connection, clock.now());
  if (!report.ok()) return report.status().within("数据库 " + out.database->describe() + "：");
  out.migrations = *report;
  return out;
}

}  // namespace jixiao::app
