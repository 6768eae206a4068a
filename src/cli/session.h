// What every command on a database needs: the database named by --db opened
// (and migrated), a context for the use cases with the actor of --as, and
// the exit code for a failed Status.
#pragma once

#include <memory>
#include <optional>

#include "app/clock.h"
#include "app/context.h"
#include "app/database.h"
#include "cli/commands.h"
#include "core/status.h"

namespace jixiao::cli {

// An open database with a context for the use cases.
struct Session {
  app::SystemClock clock;
  app::OpenDatabase db;
  std::optional<app::Context> ctx;
};

// Opens the database of `options` (default: $JIXIAO_DB, else ./jixiao.db);
// `create` lets a missing SQLite file be created (init, restore).
Result<std::unique_ptr<Session>> open_session(const DatabaseOptions& options, bool create = false);

// Prints the error and returns the exit code: 1 for an internal failure,
// 2 for unusable input or a refused action.
int fail(const Status& status);

}  // namespace jixiao::cli
