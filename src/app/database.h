// Opening the database named by --db and bringing its schema up to date:
// every command does this first ("migrations applied at start").
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "app/clock.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace jixiao::app {

struct OpenDatabase {
  std::unique_ptr<storage::Database> database;
  std::unique_ptr<storage::Connection> connection;
  storage::MigrationReport migrations;
};

// $JIXIAO_DB when set, else "jixiao.db" in the current directory.
std::string default_database_name();

// Opens `name` (a SQLite file, created when `create`; or a postgresql:// URL),
// connects and applies pending migrations.
Result<OpenDatabase> open_database(std::string_view name, bool create, const Clock& clock);

}  // namespace jixiao::app
