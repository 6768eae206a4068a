// Logical backup and restore: every table as JSON Lines in one file, the same
// for SQLite and PostgreSQL, so a backup moves between them (a laptop's
// SQLite file into a city's PostgreSQL, and back).
//
// Format (one JSON value per line):
//   {"format":"jixiao-backup","format_version":1,"schema_version":1,
//    "created_at":"…","source":"sqlite"}
//   {"table":"units","columns":["id","code",…]}
//   [1,"110000","北京市财政局",…]            one array per row
//   …                                        further tables
//   {"end":true,"tables":28,"rows":12345}    proves the file is complete
//
// Tables seeded by the migrations (roles, schema_migrations) are not backed
// up. Contract: write_backup runs inside the caller's read transaction (one
// snapshot); restore_backup inside the caller's write transaction, so a
// restore is all or nothing. Restore refuses, in Chinese naming the line: a
// database that is not empty, a backup of a newer schema than the
// database's, unknown tables or columns, a truncated or malformed file.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "storage/database.h"

namespace jixiao::storage {

inline constexpr int kBackupFormatVersion = 1;
inline constexpr size_t kMaxBackupLineBytes = size_t{64} << 20;

struct BackupInfo {
  int schema_version = 0;
  std::string created_at;
  std::string source;  // sqlite | postgres
  int tables = 0;
  int64_t rows = 0;
};

// Writes the backup, one line (without its newline) per call of `line`.
Result<BackupInfo> write_backup(Connection& c, std::string_view now,
                                const std::function<Status(std::string_view line)>& line);

// Reads a backup from `next_line` (which sets `line` and returns true, or
// false at the end) into the empty database behind `c`.
Result<BackupInfo> restore_backup(Connection& c,
                                  const std::function<Result<bool>(std::string& line)>& next_line,
                                  std::string_view origin);

// Whether every backed-up table is empty (restore's precondition); when not,
// `table` names the first with rows.
Result<bool> database_is_empty(Connection& c, std::string& table);

}  // namespace jixiao::storage
