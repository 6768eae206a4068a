// Schema migrations: numbered SQL files (src/storage/migrations/NNNN_name.sql)
// embedded in the binary at build time (cmake/embed_migrations.cmake).
//
// Contract: migrate() brings a database to the newest schema in one
// transaction (all pending migrations or none), serialized between processes
// (Connection::begin_schema_change). Each applied migration is recorded in
// schema_migrations with the SHA-256 of its text; when the text of an applied
// migration has since changed, or the database holds a migration this binary
// does not know (a newer jixiao wrote it), migrate() refuses and changes
// nothing. Running it again on an up-to-date database changes nothing.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "storage/database.h"

namespace jixiao::storage {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;  // as written, with dialect tokens and sections
};

// The migrations built into this binary, in version order.
std::span<const Migration> embedded_migrations();
// The newest version among them.
int latest_schema_version();

// SHA-256 of `text`, as 64 lowercase hex digits.
std::string sha256_hex(std::string_view text);

// The migration text for one engine: "-- @sqlite" / "-- @postgres" / "-- @all"
// sections kept or dropped, {{id}} and {{without_rowid}} replaced.
std::string dialect_sql(std::string_view sql, Dialect dialect);

struct MigrationReport {
  int from_version = 0;  // 0: the database was empty
  int to_version = 0;
  std::vector<int> applied;
};

// Applies the pending `migrations` (default: the embedded ones). `now` is
// recorded as the time of application.
Result<MigrationReport> migrate(Connection& connection, std::string_view now);
Result<MigrationReport> migrate(Connection& connection, std::string_view now,
                                std::span<const Migration> migrations);

// The version recorded in the database: 0 when it has no schema yet.
Result<int> schema_version(Connection& connection);

}  // namespace jixiao::storage
