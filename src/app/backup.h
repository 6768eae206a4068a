// `jixiao backup` and `jixiao restore`: a logical backup of the whole
// database as JSON Lines (storage/backup.h), portable between SQLite and
// PostgreSQL.
#pragma once

#include <istream>
#include <ostream>
#include <string_view>

#include "app/context.h"
#include "storage/backup.h"

namespace jixiao::app {

// Writes the backup to `out` from one consistent snapshot.
Result<storage::BackupInfo> backup_database(Context& ctx, std::ostream& out);

// Restores the backup read from `in` (named `origin` in messages) into the
// empty database, in one transaction, and audits the restore. Refused when
// the database is not empty or the backup's schema is newer.
Result<storage::BackupInfo> restore_database(Context& ctx, std::istream& in,
                                             std::string_view origin);

}  // namespace jixiao::app
